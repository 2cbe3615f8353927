"""Upcoming timeline events across articles, soonest first.

"Upcoming" is relative to today, here as in the article's sidebar: the page
answers "what happens in the next N days". When nothing does, it says so and
lists the most recent events instead, so the page is never a dead end.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import TimelineEvent

DEFAULT_DAYS = 30
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
        .order_by("date", "article__title", "pk")
    )
    recent = []
    if not events.exists():
        recent = (
            TimelineEvent.objects.active()
            .filter(date__lt=today)
            .select_related("article", "paragraph")
            .order_by("-date", "article__title", "pk")[:RECENT]
        )
    context = {
        "events": events,
        "recent": recent,
        "today": today,
        "days": days,
        "until": today + timezone.timedelta(days),
    }
    return render(request, "news/upcoming.html", context)
