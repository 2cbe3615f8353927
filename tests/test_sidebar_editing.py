"""Sidebar editing services: human origin, the log, tombstones, and surviving a re-run."""

from __future__ import annotations

from datetime import date

import pytest

from newsreader.news import sidebar_editing as se
from newsreader.news.annotate import annotate_article
from newsreader.news.models import AgendaItem, EditLog, Origin, TimelineEvent
from tests.factories import make_agenda, make_article, make_event, make_user, paragraph

pytestmark = pytest.mark.django_db

COUNCIL = [
    ("title", "مجلس الوزراء يبحث خطة الكهرباء"),
    ("body", "يعقد مجلس الوزراء جلسة يوم الخميس المقبل في السراي الحكومي."),
    ("body", "وسيبحث المجلس خطة الكهرباء وقانون الإيجارات وملف النفايات."),
    (
        "body",
        "كما سينظر المجلس في تعيينات الإدارة العامة، على أن يزور الوفد طرابلس في 15 مارس 2026.",
    ),
    ("body", "وكان المجلس قد أقر في 12 يناير 2026 قانون الموازنة."),
]


@pytest.fixture
def user():
    return make_user("editor")


def active_agenda(article) -> list[str]:
    return [item.text for item in article.agenda_items.active()]


def active_timeline(article) -> list[tuple[str, str]]:
    events = article.timeline_events.active().order_by("date", "pk")
    return [(e.value, e.text) for e in events]


# Agenda


def test_add_appends_a_human_item_and_logs_it(user) -> None:
    article = make_article()
    make_agenda(article, "خطة الكهرباء", 2, order=0)
    make_agenda(article, "زيارة طرابلس", 3, order=4)
    item = se.add_agenda_item(article, "  ملف   النازحين ", user, paragraph=paragraph(article, 1))
    assert (item.text, item.order, item.origin) == ("ملف النازحين", 5, Origin.HUMAN)
    assert active_agenda(article)[-1] == "ملف النازحين"
    log = EditLog.objects.get()
    assert (log.target, log.target_id, log.action, log.before, log.user) == (
        "agenda",
        item.pk,
        "add",
        None,
        user,
    )
    assert log.after["text"] == "ملف النازحين" and log.after["paragraph"] == item.paragraph_id


@pytest.mark.parametrize("text", ["", "   ", "x" * (se.MAX_TEXT + 1)])
def test_add_refuses_empty_or_overlong_text(user, text) -> None:
    with pytest.raises(se.SidebarEditError):
        se.add_agenda_item(make_article(), text, user)
    assert not AgendaItem.objects.exists() and not EditLog.objects.exists()


def test_a_paragraph_of_another_article_is_refused(user) -> None:
    article, other = make_article(), make_article()
    with pytest.raises(se.SidebarEditError):
        se.add_agenda_item(article, "بند", user, paragraph=paragraph(other, 1))
    item = make_agenda(article, "بند", 1)
    with pytest.raises(se.SidebarEditError):
        se.edit_agenda_item(item, "بند", user, paragraph=paragraph(other, 1))
    item.refresh_from_db()
    assert item.paragraph == paragraph(article, 1)


def test_editing_a_model_item_makes_it_human_and_leaves_a_tombstone(user) -> None:
    article = make_article()
    item = make_agenda(article, "خطة الكهرباء", 2)
    se.edit_agenda_item(item, "خطة الكهرباء الطارئة", user, paragraph=paragraph(article, 3))
    item.refresh_from_db()
    assert (item.text, item.origin, item.paragraph.index) == (
        "خطة الكهرباء الطارئة",
        Origin.HUMAN,
        3,
    )
    tombstone = AgendaItem.objects.get(removed=True)
    assert (tombstone.text, tombstone.origin, tombstone.paragraph.index) == (
        "خطة الكهرباء",
        Origin.HUMAN,
        2,
    )
    assert active_agenda(article) == ["خطة الكهرباء الطارئة"]
    log = EditLog.objects.get()
    assert log.action == "edit" and log.target_id == item.pk
    assert (log.before["text"], log.before["origin"], log.before["paragraph"]) == (
        "خطة الكهرباء",
        "model",
        paragraph(article, 2).pk,
    )
    assert (log.after["text"], log.after["origin"]) == ("خطة الكهرباء الطارئة", "human")


def test_editing_a_human_item_needs_no_tombstone(user) -> None:
    item = make_agenda(make_article(), "بند", origin=Origin.HUMAN)
    se.edit_agenda_item(item, "بند آخر", user)
    assert AgendaItem.objects.count() == 1


def test_remove_keeps_the_row_as_removed(user) -> None:
    item = make_agenda(make_article(), "خطة الكهرباء", 2)
    se.remove_agenda_item(item, user)
    item.refresh_from_db()
    assert (item.removed, item.origin) == (True, Origin.HUMAN)
    log = EditLog.objects.get()
    assert (log.action, log.before["removed"], log.after["removed"]) == ("remove", False, True)


def test_move_swaps_neighbours_and_does_nothing_at_the_ends(user) -> None:
    article = make_article()
    a = make_agenda(article, "أ", order=0)
    b = make_agenda(article, "ب", order=0)  # equal orders, as a re-run can leave them
    c = make_agenda(article, "ج", order=1)
    make_agenda(article, "محذوف", order=0, removed=True)
    se.move_agenda_item(c, "up", user)
    assert active_agenda(article) == ["أ", "ج", "ب"]
    se.move_agenda_item(a, "down", user)
    assert active_agenda(article) == ["ج", "أ", "ب"]
    assert {i.origin for i in article.agenda_items.active()} == {Origin.HUMAN}
    log = EditLog.objects.filter(action="move_up").get()
    assert log.target_id == c.pk
    assert log.before["sequence"] == [a.pk, b.pk, c.pk]
    assert log.after["sequence"] == [a.pk, c.pk, b.pk]
    before = EditLog.objects.count()
    se.move_agenda_item(c, "up", user)  # already first
    se.move_agenda_item(b, "down", user)  # already last
    assert active_agenda(article) == ["ج", "أ", "ب"] and EditLog.objects.count() == before
    with pytest.raises(se.SidebarEditError):
        se.move_agenda_item(a, "sideways", user)


# Timeline


@pytest.mark.parametrize(
    ("value", "first"),
    [
        ("2026", date(2026, 1, 1)),
        ("2026-03", date(2026, 3, 1)),
        ("2026-03-15", date(2026, 3, 15)),
        ("2024/2026", date(2024, 1, 1)),
        (" 2026-02-28 ", date(2026, 2, 28)),
        ("٢٠٢٦-٠٣-١٥", date(2026, 3, 15)),  # Arabic-Indic digits are stored as ASCII
    ],
)
def test_add_event_sets_the_date_to_the_first_day(user, value, first) -> None:
    article = make_article()
    event = se.add_timeline_event(article, value, "حدث", user, paragraph=paragraph(article, 3))
    first_value = value.strip() if value.isascii() else first.isoformat()
    event.refresh_from_db()
    assert (event.value, event.date, event.origin) == (first_value, first, Origin.HUMAN)
    log = EditLog.objects.get()
    assert (log.target, log.action, log.after["date"]) == ("timeline", "add", first.isoformat())


@pytest.mark.parametrize(
    "value",
    [
        "",
        "26",
        "2026-3",
        "2026-13",
        "2026-02-30",
        "2026/2024",
        "2026-03-15T10:00",
        "٢٦",
        "abcd",
        "²⁰²⁶",
    ],
)
def test_bad_values_are_refused(user, value) -> None:
    with pytest.raises(se.SidebarEditError):
        se.add_timeline_event(make_article(), value, "حدث", user)
    assert not TimelineEvent.objects.exists()


def test_edit_event_moves_its_date_and_leaves_a_tombstone(user) -> None:
    article = make_article()
    event = make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة الوفد طرابلس")
    se.edit_timeline_event(event, "2026-04", "زيارة الوفد طرابلس", user)
    event.refresh_from_db()
    assert (event.value, event.date, event.origin) == ("2026-04", date(2026, 4, 1), Origin.HUMAN)
    tombstone = TimelineEvent.objects.get(removed=True)
    assert (tombstone.value, tombstone.text) == ("2026-03-15", "زيارة الوفد طرابلس")
    log = EditLog.objects.get()
    assert (log.before["value"], log.after["value"]) == ("2026-03-15", "2026-04")
    with pytest.raises(se.SidebarEditError):
        se.edit_timeline_event(event, "2026-04-31", "زيارة", user)


def test_remove_event(user) -> None:
    event = make_event(make_article(), "2026-03-15", date(2026, 3, 15), "زيارة")
    se.remove_timeline_event(event, user)
    event.refresh_from_db()
    assert (event.removed, event.origin) == (True, Origin.HUMAN)
    assert EditLog.objects.get().action == "remove"


# A pipeline re-run keeps every edit


def test_edits_survive_re_running_the_pipeline(user) -> None:
    article = make_article(paragraphs=COUNCIL, published=date(2026, 3, 5))
    annotate_article(article)
    electricity, rents, waste, appointments = article.agenda_items.active()  # the model's
    assert (electricity.text, rents.text, waste.text) == (
        "خطة الكهرباء",
        "قانون الإيجارات",
        "ملف النفايات",
    )
    events = {e.value: e for e in article.timeline_events.active()}
    assert {"2026-01-12", "2026-03-12", "2026-03-15"} <= set(events)
    visit = events["2026-03-15"].text

    se.edit_agenda_item(appointments, "تعيينات الإدارة العامة", user)  # trim the model's text
    se.move_agenda_item(electricity, "down", user)  # against the article's order
    se.remove_agenda_item(waste, user)
    se.add_agenda_item(article, "ملف النازحين", user, paragraph=paragraph(article, 2))
    se.add_timeline_event(article, "2026-04-02", "جلسة المناقشة العامة", user)
    se.edit_timeline_event(events["2026-03-15"], "2026-03-16", visit, user)
    se.remove_timeline_event(events["2026-01-12"], user)
    agenda = ["قانون الإيجارات", "خطة الكهرباء", "تعيينات الإدارة العامة", "ملف النازحين"]
    assert active_agenda(article) == agenda
    timeline = active_timeline(article)
    assert [value for value, _ in timeline] == ["2026-03-12", "2026-03-16", "2026-04-02"]

    annotate_article(article)
    annotate_article(article)  # twice: nothing accumulates

    assert active_agenda(article) == agenda
    assert active_timeline(article) == timeline
    assert article.agenda_items.filter(removed=True).count() == 2  # removal + edit tombstone
