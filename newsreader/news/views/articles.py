"""The article list (newest first, or ranked Arabic full-text search) and the reader page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.views.decorators.http import require_GET

from newsreader.news import search
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import LABELS, Article, Entity, Mention, Origin, Paragraph
from newsreader.news.views.highlight import (
    active_mentions,
    corpus_counts,
    prepare,
)
from newsreader.news.views.sidebar import sidebar_context
from newsreader.news.vocabulary import LABEL_NAMES

PER_PAGE = 20


class SearchForm(forms.Form):
    """The query and filters of the list; an invalid field is ignored, not an error page."""

    q = forms.CharField(required=False, max_length=300)
    label = forms.ChoiceField(required=False, choices=[("", "كل الأنواع"), *LABELS])
    entity = forms.IntegerField(required=False, min_value=1)
    source = forms.CharField(required=False, max_length=200)
    date_from = forms.DateField(required=False)
    date_to = forms.DateField(required=False)

    def filters(self) -> search.Filters:
        self.is_valid()
        data = self.cleaned_data
        return search.Filters(
            label=data.get("label") or "",
            entity=data.get("entity"),
            source=(data.get("source") or "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


@require_GET
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    """Newest first, or ranked search results with snippets; filters and pages keep the query.

    A fixed number of queries whatever the page holds: sources, (entity name),
    then either count + page, or ranked hits + page articles + snippet paragraphs.
    """
    form = SearchForm(request.GET)
    filters = form.filters()
    typed = (form.cleaned_data.get("q") or "").strip()
    # A query of punctuation only («!!!», «؟؟») has no word to look for: it is an empty
    # query (every article), and the page says so instead of «16 نتيجة عن «!!!»».
    query = typed if search.query_groups(typed) else ""
    counted = Article.objects.with_entity_counts()
    if query:
        hits = search.search(query, filters)
        page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
        results = search.results_for(list(page), query, counted)
    else:
        articles = filters.apply(counted.newest_first())
        page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
        results = [search.Result(article, title=escape(article.title)) for article in page]
    labels = [(code, name, f"n_{code.lower()}") for code, name in LABELS]
    for result in results:
        article = result.article
        article.label_counts = [(code, name, getattr(article, attr)) for code, name, attr in labels]
    entity = Entity.objects.filter(pk=filters.entity).first() if filters.entity else None
    sources = Article.objects.exclude(source_name="").order_by("source_name")
    context = {
        "page": page,
        "results": results,
        "q": query,
        "typed": typed,
        "wordless": typed and not query,
        "form": form,
        "filters": filters,
        "filtered": filters != search.Filters(),
        "entity": entity,
        "labels": LABELS,
        "sources": sources.values_list("source_name", flat=True).distinct(),
    }
    return render(request, "news/article_list.html", context)


@dataclass
class SidebarEntity:
    """One entity of the article with how often it is mentioned."""

    label: str
    name: str
    entity_id: int | None
    count: int


def article_entities(mentions: list[Mention]) -> dict[str, list[SidebarEntity]]:
    """People, places, organisations and dates of the article, most mentioned first."""
    counts: Counter[tuple[str, int | None, str]] = Counter()
    for m in mentions:
        # Unlinked mentions (a DATE an editor added) group by their text instead.
        name = m.entity.name if m.entity else (m.value or m.text)
        counts[(m.label, m.entity_id, name)] += 1
    grouped: dict[str, list[SidebarEntity]] = {code: [] for code, _ in LABELS}
    for (label, entity_id, name), count in counts.most_common():
        grouped.setdefault(label, []).append(SidebarEntity(label, name, entity_id, count))
    return grouped


@require_GET
def article_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article, slug=slug)
    paragraphs = list(article.paragraphs.order_by("index").prefetch_related(active_mentions()))
    mentions = [m for p in paragraphs for m in p.active_mentions]
    # The hover card's corpus count: one aggregate query for every entity on the page.
    counts = corpus_counts(m.entity_id for m in mentions)
    for p in paragraphs:
        prepare(p, counts)
    index_of = {p.pk: p.index for p in paragraphs}
    entities = article_entities(mentions)
    context = {
        "article": article,
        "paragraphs": paragraphs,
        "has_title": any(p.kind == Paragraph.Kind.TITLE for p in paragraphs),
        **sidebar_context(article, index_of),
        "entity_groups": [(code, LABEL_NAMES[code], entities.get(code, [])) for code, _ in LABELS],
        "labels": LABELS,
        "can_edit": request.user.has_perm("news.change_mention"),
        "origins": Origin.choices,
    }
    return render(request, "news/article.html", context)
