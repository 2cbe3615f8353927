"""Agenda endpoints over htmx: permissions, the section partial, the log, no-JS fallbacks."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from newsreader.news.models import AgendaItem, EditLog, Origin
from tests.factories import make_agenda, make_article, make_user, paragraph

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def grant(user: User, *codenames: str) -> User:
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def article():
    article = make_article(agenda_meeting="اجتماع مجلس الوزراء", agenda_count=3)
    make_agenda(article, "خطة الكهرباء", 2, order=0)
    make_agenda(article, "زيارة طرابلس", 3, order=1)
    return article


@pytest.fixture
def editor(client: Client) -> Client:
    client.force_login(grant(make_user("agenda-editor"), "change_agendaitem"))
    return client


def item(text: str) -> AgendaItem:
    return AgendaItem.objects.get(text=text)


def texts(body: str) -> list[str]:
    return re.findall(r'<li id="agenda-\d+">(?:<a href="#p-\d+"|<span) dir="auto">([^<]+)<', body)


def calls(article) -> list[tuple[str, dict]]:
    """One POST per endpoint, with data it would accept."""
    first = item("خطة الكهرباء").pk
    return [
        (reverse("agenda_add", args=[article.pk]), {"text": "بند جديد"}),
        (reverse("agenda_edit", args=[first]), {"text": "خطة الكهرباء الطارئة"}),
        (reverse("agenda_move", args=[first]), {"direction": "down"}),
        (reverse("agenda_remove", args=[first]), {}),
    ]


def assert_unchanged(article) -> None:
    rows = article.agenda_items.order_by("order")
    assert [(i.text, i.origin, i.removed) for i in rows] == [
        ("خطة الكهرباء", Origin.MODEL, False),
        ("زيارة طرابلس", Origin.MODEL, False),
    ]
    assert not EditLog.objects.exists()


# Who may edit


def test_anonymous_is_sent_to_login_and_nothing_changes(client: Client, article) -> None:
    for url, data in calls(article):
        response = client.post(url, data, **HX)  # htmx: one line, the page stays
        assert response.status_code == 401 and "سجّل الدخول" in response.content.decode()
        response = client.post(url, data)  # a plain form: the login page
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert_unchanged(article)


@pytest.mark.parametrize("codenames", [(), ("change_mention", "change_timelineevent")])
def test_without_the_agenda_permission_it_is_403(client: Client, article, codenames) -> None:
    client.force_login(grant(make_user("reader"), *codenames))
    for url, data in calls(article):
        assert client.post(url, data, **HX).status_code == 403
    assert_unchanged(article)


def test_a_superuser_may_edit(client: Client, article) -> None:
    client.force_login(User.objects.create_superuser("root", password="pw-root-1"))
    url, data = calls(article)[0]
    assert client.post(url, data, **HX).status_code == 200
    assert EditLog.objects.get().user.username == "root"


def test_get_is_not_allowed(editor: Client, article) -> None:
    for url, _ in calls(article):
        assert editor.get(url).status_code == 405


# Each endpoint answers with the agenda section only


def test_add_answers_the_section_partial(editor: Client, article) -> None:
    url = reverse("agenda_add", args=[article.pk])
    response = editor.post(url, {"text": " ملف  النازحين ", "paragraph": "1"}, **HX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and body.strip().startswith('<section id="agenda"')
    assert "اجتماع مجلس الوزراء" in body and "عدد البنود المعلن: 3" in body
    assert texts(body) == ["خطة الكهرباء", "زيارة طرابلس", "ملف النازحين"]
    assert '<a href="#p-1" dir="auto">ملف النازحين</a>' in body
    assert 'id="article-entities"' not in body and 'id="timeline"' not in body
    added = item("ملف النازحين")
    assert (added.origin, added.paragraph.index) == (Origin.HUMAN, 1)
    log = EditLog.objects.get()
    assert (log.target, log.target_id, log.action, log.user.username) == (
        "agenda",
        added.pk,
        "add",
        "agenda-editor",
    )


def test_edit_changes_text_and_keeps_the_paragraph_when_not_sent(editor: Client, article):
    target = item("خطة الكهرباء")
    url = reverse("agenda_edit", args=[target.pk])
    body = editor.post(url, {"text": "خطة الكهرباء الطارئة"}, **HX).content.decode()
    assert texts(body) == ["خطة الكهرباء الطارئة", "زيارة طرابلس"]
    assert '<a href="#p-2" dir="auto">خطة الكهرباء الطارئة</a>' in body
    target.refresh_from_db()
    assert (target.text, target.origin, target.paragraph.index) == (
        "خطة الكهرباء الطارئة",
        Origin.HUMAN,
        2,
    )
    log = EditLog.objects.get()
    assert (log.action, log.before["text"], log.after["text"]) == (
        "edit",
        "خطة الكهرباء",
        "خطة الكهرباء الطارئة",
    )
    # An empty paragraph field unlinks the item.
    body = editor.post(url, {"text": "خطة الكهرباء", "paragraph": ""}, **HX).content.decode()
    assert '<span dir="auto">خطة الكهرباء</span>' in body


def test_remove_drops_the_item_from_the_section(editor: Client, article) -> None:
    target = item("خطة الكهرباء")
    body = editor.post(reverse("agenda_remove", args=[target.pk]), **HX).content.decode()
    assert texts(body) == ["زيارة طرابلس"]
    target.refresh_from_db()
    assert target.removed and EditLog.objects.get().action == "remove"
    # A removed item is gone for the endpoints too.
    response = editor.post(reverse("agenda_edit", args=[target.pk]), {"text": "x"}, **HX)
    assert response.status_code == 404


def test_move_reorders(editor: Client, article) -> None:
    second = item("زيارة طرابلس")
    url = reverse("agenda_move", args=[second.pk])
    body = editor.post(url, {"direction": "up"}, **HX).content.decode()
    assert texts(body) == ["زيارة طرابلس", "خطة الكهرباء"]
    assert EditLog.objects.get().action == "move_up"
    body = editor.post(url, {"direction": "down"}, **HX).content.decode()
    assert texts(body) == ["خطة الكهرباء", "زيارة طرابلس"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("agenda_add", {"text": "   "}),
        ("agenda_add", {"text": "بند", "paragraph": "99"}),
        ("agenda_add", {"text": "بند", "paragraph": "ثانية"}),
        ("agenda_edit", {"text": ""}),
        ("agenda_edit", {"text": "بند", "paragraph": "-1"}),
        ("agenda_move", {"direction": "sideways"}),
        ("agenda_move", {}),
    ],
)
def test_bad_input_is_400_with_a_message(editor: Client, article, name, data) -> None:
    pk = article.pk if name == "agenda_add" else item("خطة الكهرباء").pk
    response = editor.post(reverse(name, args=[pk]), data, **HX)
    assert response.status_code == 400 and response.content.decode().strip()
    assert_unchanged(article)


def test_a_paragraph_of_another_article_is_not_found_by_index(editor: Client, article) -> None:
    other = make_article(paragraphs=[("body", "فقرة وحيدة")])
    url = reverse("agenda_add", args=[other.pk])
    assert editor.post(url, {"text": "بند", "paragraph": "3"}, **HX).status_code == 400
    assert not other.agenda_items.exists()


def test_without_htmx_each_post_redirects_to_the_article(editor: Client, article) -> None:
    for url, data in calls(article):
        response = editor.post(url, data)
        assert response.status_code == 302
        assert response["Location"] == f"{article.get_absolute_url()}#agenda"
    assert EditLog.objects.count() == 4


# The reader page


def test_editor_sees_controls_with_real_form_actions(editor: Client, article) -> None:
    page = editor.get(article.get_absolute_url()).content.decode()
    first = item("خطة الكهرباء").pk
    for name, args in [
        ("agenda_add", [article.pk]),
        ("agenda_edit", [first]),
        ("agenda_remove", [first]),
        ("agenda_move", [first]),
    ]:
        url = reverse(name, args=args)
        assert f'action="{url}" hx-post="{url}" hx-target="#agenda" hx-swap="outerHTML"' in page
    assert 'name="direction" value="up"' in page and 'name="direction" value="down"' in page


def test_editor_sees_an_empty_agenda_to_add_to(editor: Client) -> None:
    empty = make_article()
    page = editor.get(empty.get_absolute_url()).content.decode()
    assert '<section id="agenda"' in page
    assert reverse("agenda_add", args=[empty.pk]) in page


def test_readers_see_the_list_without_controls(client: Client, article) -> None:
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="#p-2" dir="auto">خطة الكهرباء</a>' in page
    assert "/agenda/" not in page and "item-controls" not in page
    client.force_login(grant(make_user("mentions-only"), "change_mention"))
    page = client.get(article.get_absolute_url()).content.decode()
    assert "/agenda/" not in page
    assert (
        '<section id="agenda"' not in client.get(make_article().get_absolute_url()).content.decode()
    )


def test_the_paragraph_field_is_the_index_in_the_reader(editor: Client, article) -> None:
    assert paragraph(article, 3).index == 3
    page = editor.get(article.get_absolute_url()).content.decode()
    assert re.search(r'name="paragraph" value="3"', page)
