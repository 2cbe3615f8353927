"""The article list (newest first, searchable) and the reader page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import LABELS, Article, Mention
from newsreader.news.views.highlight import LABEL_NAMES, active_mentions, prepare
from newsreader.pipeline.normalize import fold, proclitic_splits, strip_article, tokenize

PER_PAGE = 20


def search_filter(query: str) -> Q | None:
    """Every query word must occur in the normalised shadow text (or the title).

    The query is folded like the shadow text (diacritics, tatweel, alef
    forms), and a word with proclitics also matches its bare stem, since the
    shadow text holds both forms. FTS5 replaces this later.
    """
    words = [t.text for t in tokenize(fold(query)) if t.text[0].isalnum()]
    if not words:
        return None
    clauses = []
    for word in words:
        forms = {word, strip_article(proclitic_splits(word)[-1][1])}
        clauses.append(
            reduce(or_, (Q(search_text__icontains=f) for f in forms)) | Q(title__icontains=word)
        )
    return reduce(and_, clauses)


def article_list(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    articles: QuerySet[Article] = Article.objects.newest_first().with_entity_counts()
    condition = search_filter(query)
    if condition is not None:
        articles = articles.filter(condition)
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    labels = [(code, name, f"n_{code.lower()}") for code, name in LABELS]
    for article in page:
        article.label_counts = [(code, name, getattr(article, attr)) for code, name, attr in labels]
    return render(request, "news/article_list.html", {"page": page, "q": query})


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


def article_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article, slug=slug)
    paragraphs = [
        prepare(p) for p in article.paragraphs.order_by("index").prefetch_related(active_mentions())
    ]
    index_of = {p.pk: p.index for p in paragraphs}
    mentions = [m for p in paragraphs for m in p.active_mentions]
    agenda = list(article.agenda_items.active())
    for item in agenda:
        item.anchor = index_of.get(item.paragraph_id)
    reference = article.published or article.created.date()
    timeline = list(article.timeline_events.active().order_by("date", "pk"))
    for event in timeline:
        event.upcoming = event.date is not None and event.date >= reference
        event.anchor = index_of.get(event.paragraph_id)
    entities = article_entities(mentions)
    context = {
        "article": article,
        "paragraphs": paragraphs,
        "has_title": any(p.kind == "title" for p in paragraphs),
        "agenda": agenda,
        "timeline": timeline,
        "entity_groups": [(code, LABEL_NAMES[code], entities.get(code, [])) for code, _ in LABELS],
        "labels": LABELS,
        "can_edit": request.user.has_perm("news.change_mention"),
    }
    return render(request, "news/article.html", context)
