"""The entity page: every paragraph that mentions an entity, the mention marked.

A country or a head of state is mentioned in a large share of a big corpus,
so nothing here reads all of its mentions: the page's paragraphs are the next
30 distinct paragraph ids of its active mentions, newest first, walked
backwards along the (entity, paragraph, rejected) index, and the totals
(mentions, articles, paragraphs for the pager) stop at `capped.COUNT_CAP`
(the page says «or more» and pages through the newest paragraphs only); they
are cached for STATS_SECONDS.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from newsreader.news import capped
from newsreader.news.capped import EntityStats
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import Entity, Mention, Paragraph
from newsreader.news.views.highlight import highlight
from newsreader.news.vocabulary import LABEL_NAMES

PER_PAGE = 30
STATS_SECONDS = 300


def entity_stats(entity: Entity) -> EntityStats:
    """How often the entity is mentioned, in how many articles and paragraphs (capped, cached)."""
    key = f"qari:entity-stats:v2:{entity.pk}"  # v2: capped totals
    stats = cache.get(key)
    if stats is None:
        stats = capped.entity_stats(entity.pk)
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
    ids = ParagraphIds(entity, capped.at_least(stats.paragraphs))
    page: Page[int] = Paginator(cast(Any, ids), PER_PAGE).get_page(request.GET.get("page"))
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
