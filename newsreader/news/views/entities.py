"""The entity page: every paragraph that mentions an entity, the mention marked."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import Entity, Mention, Paragraph
from newsreader.news.views.highlight import highlight
from newsreader.news.vocabulary import LABEL_NAMES

PER_PAGE = 30


@require_GET
def entity_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    entity = get_object_or_404(Entity.objects.with_mention_counts(), pk=pk)
    hits = Mention.objects.active().filter(entity=entity).select_related("entity")
    paragraphs = (
        Paragraph.objects.filter(mentions__entity=entity, mentions__rejected=False)
        .distinct()
        .select_related("article")
        .prefetch_related(Prefetch("mentions", queryset=hits, to_attr="hits"))
        .order_by("-article__published", "-article__created", "article_id", "index")
    )
    page = Paginator(paragraphs, PER_PAGE).get_page(request.GET.get("page"))
    for paragraph in page:
        # Only this entity's mentions are marked: the page is about it.
        paragraph.html = highlight(paragraph.text, paragraph.hits)
    context = {
        "entity": entity,
        "label_name": LABEL_NAMES.get(entity.label, entity.label),
        "aliases": list(entity.aliases.order_by("name")),
        "page": page,
    }
    return render(request, "news/entity.html", context)
