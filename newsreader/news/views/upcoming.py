"""Upcoming timeline events across articles, soonest first.

"Upcoming" here is relative to today (not to each article's date, as in the
sidebar): the page answers "what happens in the next N days".
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import TimelineEvent

DEFAULT_DAYS = 30
PER_PAGE = 50
MAX_DAYS = 365


def window(raw: str | None) -> int:
    """Days ahead from ?days=N, bounded to 1..365; anything unreadable is the default."""
    try:
        days = int(raw or DEFAULT_DAYS)
    except ValueError:
        return DEFAULT_DAYS
    return max(1, min(MAX_DAYS, days))


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
    context = {
        "events": page,
        "page": page,
        "today": today,
        "days": days,
        "until": today + timezone.timedelta(days),
    }
    return render(request, "news/upcoming.html", context)
