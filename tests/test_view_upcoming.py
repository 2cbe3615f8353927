"""The upcoming page: events across articles in the next N days, by date, with fixed dates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsreader.news.views.upcoming import window
from tests.factories import make_article, make_event, paragraph

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.fixture
def events():
    beirut = make_article(title="ميقاتي يستقبل الوفد")
    council = make_article(title="جلسة مجلس الوزراء", paragraphs=[("body", "يعقد المجلس جلسة.")])
    make_event(beirut, "2026-03-09", date(2026, 3, 9), "أمس: قبل اليوم")
    make_event(
        beirut, "2026-03-10", date(2026, 3, 10), "اليوم نفسه", paragraph=paragraph(beirut, 1)
    )
    make_event(
        beirut, "2026-03-15", date(2026, 3, 15), "زيارة طرابلس", paragraph=paragraph(beirut, 3)
    )
    make_event(council, "2026-04", date(2026, 4, 1), "جلسة نيسان")
    make_event(council, "2026-04-09", date(2026, 4, 9), "بعد ثلاثين يوماً")
    make_event(council, "2026-03-12", date(2026, 3, 12), "حدث محذوف", removed=True)
    make_event(council, "2026-12-31", date(2026, 12, 31), "آخر السنة")
    return beirut, council


def listed(body: str) -> list[str]:
    return re.findall(
        r'<li class="upcoming-event">.*?<a href="[^"]*" dir="auto">([^<]+)</a>', body, re.S
    )


def test_the_next_30_days_by_date(client: Client, events) -> None:
    beirut, council = events
    response = client.get(reverse("upcoming"))
    body = response.content.decode()
    assert response.status_code == 200 and response.templates[0].name == "news/upcoming.html"
    assert listed(body) == ["اليوم نفسه", "زيارة طرابلس", "جلسة نيسان", "بعد ثلاثين يوماً"]
    assert f'<a href="{beirut.get_absolute_url()}#p-3" dir="auto">زيارة طرابلس</a>' in body
    assert f'<a href="{council.get_absolute_url()}" dir="auto">جلسة نيسان</a>' in body
    assert "جلسة مجلس الوزراء" in body  # the article it comes from
    assert '<time datetime="2026-03-10">' in body and '<time datetime="2026-04-09">' in body


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("5", ["اليوم نفسه", "زيارة طرابلس"]),
        ("0", ["اليوم نفسه"]),  # raised to 1 day
        ("-7", ["اليوم نفسه"]),
        ("1000", ["اليوم نفسه", "زيارة طرابلس", "جلسة نيسان", "بعد ثلاثين يوماً", "آخر السنة"]),
        ("many", ["اليوم نفسه", "زيارة طرابلس", "جلسة نيسان", "بعد ثلاثين يوماً"]),
    ],
)
def test_days_is_bounded(client: Client, events, days, expected) -> None:
    body = client.get(reverse("upcoming"), {"days": days}).content.decode()
    assert listed(body) == expected


def test_window_bounds() -> None:
    assert [window(v) for v in (None, "", "1", "365", "366", "0", "x", "12.5")] == [
        30,
        30,
        1,
        365,
        365,
        1,
        30,
        30,
    ]


def test_nothing_upcoming_says_so(client: Client) -> None:
    body = client.get(reverse("upcoming")).content.decode()
    assert "لا أحداث قادمة" in body


def test_nothing_upcoming_shows_the_most_recent_events(client: Client) -> None:
    article = make_article(title="جلسة مجلس الوزراء")
    for day in range(1, 13):  # 1-12 February: all past on 10 March
        make_event(article, f"2026-02-{day:02}", date(2026, 2, day), f"جلسة {day} شباط")
    make_event(article, "2026-02-28", date(2026, 2, 28), "جلسة محذوفة", removed=True)
    body = client.get(reverse("upcoming"), {"days": "7"}).content.decode()
    assert "لا أحداث قادمة في هذه المدة." in body
    assert "أحدث ما مضى" in body
    # the ten latest, newest first; the removed one is not an event
    assert listed(body) == [f"جلسة {day} شباط" for day in range(12, 2, -1)]


def test_the_site_header_links_to_it(client: Client) -> None:
    body = client.get(reverse("article_list")).content.decode()
    assert f'href="{reverse("upcoming")}"' in body


def test_a_long_window_is_paginated_and_keeps_its_days(client: Client) -> None:
    from datetime import timedelta

    from newsreader.news.views.upcoming import PER_PAGE

    article = make_article(title="برنامج الزيارات")
    for n in range(PER_PAGE + 3):
        make_event(article, "2026-03-20", TODAY + timedelta(days=1 + n % 30), f"زيارة رقم {n}")
    first = client.get(reverse("upcoming"), {"days": 60}).content.decode()
    second = client.get(reverse("upcoming"), {"days": 60, "page": 2}).content.decode()
    assert len(listed(first)) == PER_PAGE
    assert len(listed(second)) == 3
    assert "?days=60&amp;page=2" in first


@pytest.mark.django_db
def test_the_upcoming_page_is_read_only(client: Client) -> None:
    assert client.post(reverse("upcoming")).status_code == 405
