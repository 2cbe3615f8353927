"""htmx endpoints that edit an article's timeline and answer with the timeline section.

Events are listed by date and marked past or upcoming against today, as on
the upcoming page (`mark_events`, which the reader page uses too, so a
swapped section matches a reload); a dated event also says how far it lies
from the article's publication («بعد النشر بيومين»).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from datetime import date

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_POST

from newsreader.news import sidebar_editing
from newsreader.news.counts import counted
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


def period_end(value: str, start: date | None) -> date | None:
    """The last day an ISO value covers: the day itself, a month's or a year's last day."""
    if start is None:
        return None
    years = re.fullmatch(r"(\d{4})(?:/(\d{4}))?", value)
    if years:
        return date(int(years.group(2) or years.group(1)), 12, 31)
    month = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        return date(year, number, calendar.monthrange(year, number)[1])
    return start


def today() -> date:
    """Today where the site is (TIME_ZONE); tests pin it."""
    return timezone.localdate()


def mark_events(
    events: Iterable[TimelineEvent],
    index_of: Mapping[int, int],
    published: date | None,
    on: date | None = None,
) -> list[TimelineEvent]:
    """Each event with its paragraph anchor, whether it is still to come (today counts),
    and, for a single day when the article has a date, the days from publication."""
    now = on or today()
    marked = list(events)
    for event in marked:
        event.anchor = None if event.paragraph_id is None else index_of.get(event.paragraph_id)
        end = period_end(event.value, event.date)
        event.upcoming = end is not None and end >= now
        event.is_today = event.date == now and end == now
        event.from_publication = ""
        if published and event.date and end == event.date:
            days = (event.date - published).days
            event.from_publication = counted(
                "days_after" if days >= 0 else "days_before", abs(days)
            )
    return marked


def timeline_context(article: Article, index_of: Mapping[int, int] | None = None) -> dict:
    """The timeline section's context (views.sidebar builds the whole sidebar from it)."""
    index_of = anchors(article) if index_of is None else index_of
    events = article.timeline_events.active().order_by("date", "pk")
    return {"timeline": mark_events(events, index_of, article.published)}


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
