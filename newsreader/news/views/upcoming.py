"""Upcoming timeline events across articles, soonest first.

"Upcoming" is relative to today, here as in the article's sidebar: the page
answers "what happens in the next N days". When nothing does, it says so and
lists the most recent events instead, so the page is never a dead end.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import TimelineEvent

DEFAULT_DAYS = 30
PER_PAGE = 50
MAX_DAYS = 365
RECENT = 10  # past events shown when nothing is upcoming


def window(raw: str | None) -> int:
    """Days ahead from ?days=N, bounded to 1..365; anything unreadable is the default."""
    try:
        days = int(raw or DEFAULT_DAYS)
    except ValueError:
        return DEFAULT_DAYS
    return max(1, min(MAX_DAYS, days))


@require_GET
def upcoming(request: HtmxHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    days = window(request.GET.get("days"))
    events = (
        TimelineEvent.objects.upcoming(today=today, days=days)
        .select_related("article", "paragraph")
        .defer("article__raw", "article__search_text")
        .order_by("date", "article__title", "pk")
    )
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    recent = []
    if not page.paginator.count:
        recent = (
            TimelineEvent.objects.active()
            .filter(date__lt=today)
            .select_related("article", "paragraph")
            .defer("article__raw", "article__search_text")
            .order_by("-date", "article__title", "pk")[:RECENT]
        )
    context = {
        "events": page,
        "page": page,
        "recent": recent,
        "today": today,
        "days": days,
        "until": today + timedelta(days),
    }
    return render(request, "news/upcoming.html", context)
