"""htmx endpoints that edit an article's timeline and answer with the timeline section.

Events are listed by date and marked past or upcoming against the
article's publication date (its creation date when it has none), the same
reference the reader page uses, so a swapped section matches a reload.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from newsreader.news import sidebar_editing
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import Article, TimelineEvent
from newsreader.news.views.agenda import (
    UNCHANGED,
    anchors,
    paragraph_changes,
    paragraph_field,
    section_response,
)

PERMISSION = "news.change_timelineevent"


def timeline_context(article: Article) -> dict:
    index_of = anchors(article)
    reference = article.published or article.created.date()
    timeline = list(article.timeline_events.active().order_by("date", "pk"))
    for event in timeline:
        event.anchor = index_of.get(event.paragraph_id)
        event.upcoming = event.date is not None and event.date >= reference
    return {"timeline": timeline}


def _respond(request: HtmxHttpRequest, article: Article) -> HttpResponse:
    return section_response(request, article, "timeline", timeline_context(article))


def _event(pk: int) -> TimelineEvent:
    return get_object_or_404(TimelineEvent.objects.active().select_related("article"), pk=pk)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def timeline_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        paragraph = paragraph_field(request, article)
        sidebar_editing.add_timeline_event(
            article,
            request.POST.get("value", ""),
            request.POST.get("text", ""),
            request.user,
            paragraph=None if paragraph is UNCHANGED else paragraph,
        )
    except sidebar_editing.SidebarEditError as error:
        return HttpResponseBadRequest(str(error))
    return _respond(request, article)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def timeline_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    try:
        changes = paragraph_changes(request, event.article)
        sidebar_editing.edit_timeline_event(
            event,
            request.POST.get("value", ""),
            request.POST.get("text", ""),
            request.user,
            **changes,
        )
    except sidebar_editing.SidebarEditError as error:
        return HttpResponseBadRequest(str(error))
    return _respond(request, event.article)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def timeline_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    sidebar_editing.remove_timeline_event(event, request.user)
    return _respond(request, event.article)
