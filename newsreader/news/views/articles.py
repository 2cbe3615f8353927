"""The article list (newest first, or ranked Arabic full-text search) and the reader page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.views.decorators.http import require_GET

from newsreader.news import reader_cache, search
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import (
    LABELS,
    Article,
    Entity,
    Mention,
    Origin,
    Paragraph,
    attach_label_counts,
)
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


SOURCES_KEY = "qari:sources"
ARTICLES_KEY = "qari:article-count"
SOURCES_SECONDS = 60


def cached_count(key: str, count) -> int:
    """The number of articles, counted at most once a minute (the pager may lag that long)."""
    n = cache.get(key)
    if n is None:
        n = count()
        cache.set(key, n, SOURCES_SECONDS)
    return n


def source_names() -> list[str]:
    """The source filter's choices: a scan of every article, so kept for a minute."""
    names = cache.get(SOURCES_KEY)
    if names is None:
        rows = Article.objects.exclude(source_name="").order_by("source_name")
        names = list(rows.values_list("source_name", flat=True).distinct())
        cache.set(SOURCES_KEY, names, SOURCES_SECONDS)
    return names


@require_GET
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    """Newest first, or ranked search results with snippets; filters and pages keep the query.

    A fixed number of queries whatever the page holds or the corpus grows to:
    (sources, cached), (entity name), then either count + page, or ranked hits +
    page articles + snippet paragraphs, then the page's entity counts.
    """
    form = SearchForm(request.GET)
    filters = form.filters()
    typed = (form.cleaned_data.get("q") or "").strip()
    # A query of punctuation only («!!!», «؟؟») has no word to look for: it is an empty
    # query (every article), and the page says so instead of «16 نتيجة عن «!!!»».
    query = typed if search.query_groups(typed) else ""
    listed = Article.objects.listed()
    if query:
        hits = search.search(query, filters)
        page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
        results = search.results_for(list(page), query, listed)
    else:
        articles = filters.apply(listed.newest_first())
        paginator = Paginator(articles, PER_PAGE)
        if filters == search.Filters():  # counting every article costs more than the page
            paginator.count = cached_count(ARTICLES_KEY, articles.count)
        page = paginator.get_page(request.GET.get("page"))
        results = [search.Result(article, title=escape(article.title)) for article in page]
    attach_label_counts(result.article for result in results)
    labels = [(code, name, f"n_{code.lower()}") for code, name in LABELS]
    for result in results:
        article = result.article
        article.label_counts = [(code, name, getattr(article, attr)) for code, name, attr in labels]
    entity = Entity.objects.filter(pk=filters.entity).first() if filters.entity else None
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
        "sources": source_names(),
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
    """The reader: one query for the article, the rest from the cache of its version."""
    article = get_object_or_404(Article.objects.listed(), slug=slug)
    can_edit = request.user.has_perm("news.change_mention")
    # A reader without any edit permission sees no form: the whole sidebar is cached.
    edits_sidebar = any(request.user.has_perm(p) for p in SIDEBAR_PERMISSIONS)
    variant = "editor" if can_edit or edits_sidebar else "reader"
    parts = reader_cache.rendered(
        article, variant, lambda: reader_parts(article, can_edit, sidebar=not edits_sidebar)
    )
    context = {
        "article": article,
        **parts,
        "labels": LABELS,
        "can_edit": can_edit,
        "origins": Origin.choices,
    }
    return render(request, "news/article.html", context)


SIDEBAR_PERMISSIONS = ("news.change_agendaitem", "news.change_timelineevent")


def reader_parts(article: Article, can_edit: bool, sidebar: bool = True) -> dict:
    """What the cache keeps of a reader page: the article's and the entity list's HTML, the
    agenda and timeline items, and with `sidebar` their HTML too (for users who may edit
    them it is rendered per request: its forms carry a CSRF token)."""
    paragraphs = list(article.paragraphs.order_by("index").prefetch_related(active_mentions()))
    mentions = [m for p in paragraphs for m in p.active_mentions]
    # The hover card's corpus count: one aggregate query for every entity on the page.
    counts = corpus_counts(m.entity_id for m in mentions)
    for p in paragraphs:
        prepare(p, counts)
    index_of = {p.pk: p.index for p in paragraphs}
    sidebar_items = sidebar_context(article, index_of)
    agenda, timeline = sidebar_items["agenda"], sidebar_items["timeline"]
    entities = article_entities(mentions)
    body = {
        "article": article,
        "paragraphs": paragraphs,
        "has_title": any(p.kind == Paragraph.Kind.TITLE for p in paragraphs),
        "labels": LABELS,
        "can_edit": can_edit,
        "entity_groups": [(code, LABEL_NAMES[code], entities.get(code, [])) for code, _ in LABELS],
    }
    parts = {
        "body_html": render_to_string("news/article.html#body", body),
        "entities_html": render_to_string("news/article.html#entities", body),
        "agenda": agenda,
        "timeline": timeline,
        "sidebar_html": None,
    }
    if sidebar:
        items = {"article": article, "agenda": agenda, "timeline": timeline}
        parts["sidebar_html"] = render_to_string(
            "news/article.html#agenda", items
        ) + render_to_string("news/article.html#timeline", items)
        parts["agenda"] = parts["timeline"] = []  # not needed again: spare the unpickling
    return parts
