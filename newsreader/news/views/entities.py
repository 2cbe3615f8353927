"""The entity page: every paragraph that mentions an entity, the mention marked.

A country or a head of state is mentioned in a large share of a big corpus,
so nothing here reads all of its mentions per request: the page's paragraphs
are the next 30 distinct paragraph ids of its active mentions, newest first,
walked backwards along the (entity, paragraph, rejected) index, and the totals (mentions,
articles, paragraphs for the pager) are counted once and cached for
STATS_SECONDS.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import Entity, Mention, Paragraph
from newsreader.news.views.highlight import highlight
from newsreader.news.vocabulary import LABEL_NAMES

PER_PAGE = 30
STATS_SECONDS = 300


@dataclass(frozen=True)
class EntityStats:
    mentions: int
    articles: int
    paragraphs: int


def entity_stats(entity: Entity) -> EntityStats:
    """How often the entity is mentioned, in how many articles and paragraphs (cached)."""
    key = f"qari:entity-stats:{entity.pk}"
    stats = cache.get(key)
    if stats is None:
        totals = (
            Mention.objects.active()
            .filter(entity=entity)
            .order_by()
            .aggregate(
                mentions=Count("pk"),
                articles=Count("paragraph__article_id", distinct=True),
                paragraphs=Count("paragraph_id", distinct=True),
            )
        )  # one pass over the entity's mentions
        stats = EntityStats(**totals)
        cache.set(key, stats, STATS_SECONDS)
    return stats


class ParagraphIds:
    """The entity's paragraph ids, newest first, sliced in SQL; its length comes from stats."""

    def __init__(self, entity: Entity, count: int) -> None:
        self.ids = (
            Mention.objects.active()
            .filter(entity=entity)
            .order_by("-paragraph_id")
            .values_list("paragraph_id", flat=True)
            .distinct()
        )
        self._count = count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, window: slice) -> list[int]:
        return list(self.ids[window])


@require_GET
def entity_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    entity = get_object_or_404(Entity, pk=pk)
    stats = entity_stats(entity)
    page = Paginator(ParagraphIds(entity, stats.paragraphs), PER_PAGE).get_page(
        request.GET.get("page")
    )
    hits = Mention.objects.active().filter(entity=entity, paragraph_id__in=list(page)).order_by()
    marks: dict[int, list[Mention]] = {}
    for mention in hits.select_related("entity"):
        marks.setdefault(mention.paragraph_id, []).append(mention)
    paragraphs = list(
        Paragraph.objects.filter(pk__in=list(page))
        .select_related("article")
        .defer("article__raw", "article__search_text")
        .order_by("-article_id", "index")  # an article's paragraphs together, in reading order
    )
    for paragraph in paragraphs:
        # Only this entity's mentions are marked: the page is about it.
        paragraph.html = highlight(paragraph.text, marks.get(paragraph.pk, []))
    context = {
        "entity": entity,
        "stats": stats,
        "label_name": LABEL_NAMES.get(entity.label, entity.label),
        "aliases": list(entity.aliases.order_by("name")),
        "page": page,
        "paragraphs": paragraphs,
    }
    return render(request, "news/entity.html", context)
