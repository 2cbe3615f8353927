"""Timeline endpoints over htmx: permissions, ISO values, order by date, past/upcoming."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news.models import EditLog, Origin, TimelineEvent
from newsreader.news.views import timeline
from tests.factories import make_article, make_event, make_user
from tests.test_view_agenda import grant

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def today(monkeypatch) -> date:
    """Past or upcoming is measured from today: pinned between publication and the visit."""
    pinned = date(2026, 3, 10)
    monkeypatch.setattr(timeline, "today", lambda: pinned)
    return pinned


@pytest.fixture
def article():
    article = make_article(published=date(2026, 3, 5))
    make_event(article, "2025-11-12", date(2025, 11, 12), "الاجتماع السابق")
    make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة طرابلس")
    return article


@pytest.fixture
def editor(client: Client) -> Client:
    client.force_login(grant(make_user("timeline-editor"), "change_timelineevent"))
    return client


def event(text: str) -> TimelineEvent:
    return TimelineEvent.objects.get(text=text)


def rows(body: str) -> list[tuple[str, str, str]]:
    """(past|upcoming, ISO value, text) for each event in the section, in order."""
    return re.findall(
        r'<li class="(past|upcoming)">\s*<time datetime="([^"]+)">.*?'
        r'class="what"[^>]*>([^<]+)<',
        body,
        re.S,
    )


def calls(article) -> list[tuple[str, dict]]:
    visit = event("زيارة طرابلس").pk
    return [
        (reverse("timeline_add", args=[article.pk]), {"value": "2026-04", "text": "الانتخابات"}),
        (reverse("timeline_edit", args=[visit]), {"value": "2026-03-16", "text": "زيارة طرابلس"}),
        (reverse("timeline_remove", args=[visit]), {}),
    ]


def assert_unchanged(article) -> None:
    assert [(e.value, e.origin, e.removed) for e in article.timeline_events.all()] == [
        ("2025-11-12", Origin.MODEL, False),
        ("2026-03-15", Origin.MODEL, False),
    ]
    assert not EditLog.objects.exists()


def test_anonymous_is_sent_to_login(client: Client, article) -> None:
    for url, data in calls(article):
        response = client.post(url, data, **HX)  # htmx: one line, the page stays
        assert response.status_code == 401 and "سجّل الدخول" in response.content.decode()
        response = client.post(url, data)  # a plain form: the login page
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert_unchanged(article)


@pytest.mark.parametrize("codenames", [(), ("change_mention", "change_agendaitem")])
def test_without_the_timeline_permission_it_is_403(client: Client, article, codenames) -> None:
    client.force_login(grant(make_user("reader"), *codenames))
    for url, data in calls(article):
        assert client.post(url, data, **HX).status_code == 403
    assert_unchanged(article)


def test_get_is_not_allowed(editor: Client, article) -> None:
    for url, _ in calls(article):
        assert editor.get(url).status_code == 405


def test_add_answers_the_section_ordered_by_date_and_marked(editor: Client, article) -> None:
    url = reverse("timeline_add", args=[article.pk])
    response = editor.post(url, {"value": "2026-03", "text": "بدء الحملة", "paragraph": "3"}, **HX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and body.strip().startswith('<section id="timeline"')
    assert 'id="agenda"' not in body and 'id="article-entities"' not in body
    # Measured from today (10 March): March is not over yet, so 2026-03 is still to come.
    assert rows(body) == [
        ("past", "2025-11-12", "الاجتماع السابق"),
        ("upcoming", "2026-03", "بدء الحملة"),
        ("upcoming", "2026-03-15", "زيارة طرابلس"),
    ]
    # A single day also says how far it lies from publication (5 March); a month does not.
    assert '<span class="since">بعد النشر بـ10 أيام</span>' in body
    assert '<span class="since">قبل النشر بـ113 يومًا</span>' in body
    assert body.count('class="since"') == 2
    assert '<a class="what" href="#p-3" dir="auto">بدء الحملة</a>' in body
    added = event("بدء الحملة")
    assert (added.date, added.origin, added.paragraph.index) == (
        date(2026, 3, 1),
        Origin.HUMAN,
        3,
    )
    log = EditLog.objects.get()
    assert (log.target, log.target_id, log.action, log.after["value"]) == (
        "timeline",
        added.pk,
        "add",
        "2026-03",
    )


def test_edit_moves_the_event_and_its_mark(editor: Client, article) -> None:
    visit = event("زيارة طرابلس")
    url = reverse("timeline_edit", args=[visit.pk])
    body = editor.post(url, {"value": "2025", "text": "زيارة طرابلس الأولى"}, **HX).content.decode()
    assert rows(body) == [
        ("past", "2025", "زيارة طرابلس الأولى"),
        ("past", "2025-11-12", "الاجتماع السابق"),
    ]
    visit.refresh_from_db()
    assert (visit.value, visit.date, visit.origin) == ("2025", date(2025, 1, 1), Origin.HUMAN)
    log = EditLog.objects.get()
    assert (log.action, log.before["value"], log.after["value"]) == ("edit", "2026-03-15", "2025")


def test_remove_drops_the_event(editor: Client, article) -> None:
    visit = event("زيارة طرابلس")
    body = editor.post(reverse("timeline_remove", args=[visit.pk]), **HX).content.decode()
    assert rows(body) == [("past", "2025-11-12", "الاجتماع السابق")]
    visit.refresh_from_db()
    assert visit.removed and EditLog.objects.get().action == "remove"
    assert editor.post(reverse("timeline_remove", args=[visit.pk]), **HX).status_code == 404


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("timeline_add", {"value": "", "text": "حدث"}),
        ("timeline_add", {"value": "2026-02-30", "text": "حدث"}),
        ("timeline_add", {"value": "15/3/2026", "text": "حدث"}),
        ("timeline_add", {"value": "2027/2026", "text": "حدث"}),
        ("timeline_add", {"value": "2026-03-15", "text": " "}),
        ("timeline_add", {"value": "2026-03-15", "text": "حدث", "paragraph": "42"}),
        ("timeline_edit", {"value": "March 2026", "text": "زيارة"}),
        ("timeline_edit", {"text": "زيارة"}),
    ],
)
def test_bad_input_is_400_with_a_message(editor: Client, article, name, data) -> None:
    pk = article.pk if name == "timeline_add" else event("زيارة طرابلس").pk
    response = editor.post(reverse(name, args=[pk]), data, **HX)
    assert response.status_code == 400 and response.content.decode().strip()
    assert_unchanged(article)


def test_without_htmx_each_post_redirects_to_the_article(editor: Client, article) -> None:
    for url, data in calls(article):
        response = editor.post(url, data)
        assert response.status_code == 302
        assert response["Location"] == f"{article.get_absolute_url()}#timeline"
    assert EditLog.objects.count() == 3


def test_editor_sees_controls_and_readers_do_not(client: Client, article) -> None:
    page = client.get(article.get_absolute_url()).content.decode()
    assert "/timeline/" not in page and "item-controls" not in page
    client.force_login(grant(make_user("timeline-editor"), "change_timelineevent"))
    page = client.get(article.get_absolute_url()).content.decode()
    visit = event("زيارة طرابلس").pk
    for name, args in [
        ("timeline_add", [article.pk]),
        ("timeline_edit", [visit]),
        ("timeline_remove", [visit]),
    ]:
        url = reverse(name, args=args)
        assert f'action="{url}" hx-post="{url}" hx-target="#timeline" hx-swap="outerHTML"' in page
    assert "/agenda/" not in page  # no agenda permission, no agenda controls
