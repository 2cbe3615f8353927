"""Editing mentions over htmx: permissions, CSRF, partial responses, the log, the rules,
stale versions. Span adjustment and date values are in test_view_mentions_adjust.py.
"""

from __future__ import annotations

import re

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse

from newsreader.news import editing
from newsreader.news.models import EditLog, Entity, Mention, Origin
from tests import mentions_helpers
from tests.factories import (
    make_article,
    make_entity,
    make_mention,
    make_user,
    paragraph,
    version_of,
)
from tests.mentions_helpers import HX, add, span

# the shared fixtures, by name for pytest
article = mentions_helpers.article
editor = mentions_helpers.editor


pytestmark = pytest.mark.django_db


def test_anonymous_post_asks_to_sign_in_again_and_changes_nothing(client: Client, article) -> None:
    """htmx gets one line (401) for its status line, never the login page in the paragraph;
    a plain form post is redirected to the login page."""
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    response = add(client, para, *span(para, "نجيب ميقاتي"))
    body = response.content.decode()
    assert response.status_code == 401 and "سجّل الدخول من جديد" in body
    assert "<form" not in body and "<html" not in body and len(body) < 200
    assert response["HX-Reswap"] == "none"
    for action in ("mention_relabel", "mention_remove", "mention_link"):
        response = client.post(reverse(action, args=[mention.pk]), {"label": "PERSON"}, **HX)
        assert response.status_code == 401
    response = client.post(reverse("mention_remove", args=[mention.pk]), {"version": 1})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Mention.objects.count() == 1 and not EditLog.objects.exists()
    mention.refresh_from_db()
    assert (mention.label, mention.rejected, mention.origin) == ("LOCATION", False, "model")


def test_signed_in_user_without_permission_gets_403(client: Client, article) -> None:
    client.force_login(make_user("reader"))
    para = paragraph(article, 1)
    assert add(client, para, *span(para, "بيروت")).status_code == 403
    assert not Mention.objects.exists()


def test_get_is_not_allowed(editor: Client, article) -> None:
    assert editor.get(reverse("mention_add", args=[paragraph(article, 1).pk])).status_code == 405


def test_csrf_is_enforced_and_the_htmx_header_passes() -> None:
    article = make_article()
    para = paragraph(article, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("editor", editor=True))
    assert add(client, para, *span(para, "بيروت")).status_code == 403  # no token
    page = client.get(article.get_absolute_url()).content.decode()
    token = re.search(r'hx-headers=\'\{"x-csrftoken": "([^"]+)"\}\'', page).group(1)
    response = add(client, para, *span(para, "بيروت"), HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert Mention.objects.get().text == "بيروت"


# Endpoints answer with the paragraph partial only


def test_add_returns_only_the_paragraph_and_stores_a_human_mention(editor: Client, article):
    para = paragraph(article, 1)
    response = add(editor, para, *span(para, "نجيب ميقاتي"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and body.startswith(f'<p id="p-{para.index}"')
    assert '<mark class="ent ent-PERSON" data-label="PERSON"' in body
    assert ">نجيب ميقاتي</mark>" in body and "data-add-url" in body
    assert "mentionsChanged" in response["HX-Trigger-After-Settle"]  # the sidebar refreshes
    mention = Mention.objects.get()
    assert (mention.origin, mention.edited_by.username, mention.entity.name) == (
        Origin.HUMAN,
        "editor",
        "نجيب ميقاتي",
    )
    log = EditLog.objects.get()
    assert (log.target, log.target_id, log.action, log.before) == (
        "mention",
        mention.pk,
        "add",
        None,
    )
    assert log.after["text"] == "نجيب ميقاتي" and log.user.username == "editor"
    para.refresh_from_db()
    assert para.version == 2


def test_without_htmx_the_post_redirects_to_the_paragraph(editor: Client, article) -> None:
    para = paragraph(article, 1)
    url = reverse("mention_add", args=[para.pk])
    start, end = span(para, "بيروت")
    response = editor.post(url, {"start": start, "end": end, "label": "LOCATION", "version": 1})
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#p-1"


def test_relabel_keeps_the_name_under_the_new_label(editor: Client, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "البنك الدولي", "PERSON")
    response = editor.post(
        reverse("mention_relabel", args=[mention.pk]),
        {"label": "ORGANIZATION", **version_of(mention)},
        **HX,
    )
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert 'data-label="ORGANIZATION"' in response.content.decode()
    mention.refresh_from_db()
    assert (mention.label, mention.origin, mention.entity.label) == (
        "ORGANIZATION",
        "human",
        "ORGANIZATION",
    )
    log = EditLog.objects.get()
    assert (log.action, log.before["label"], log.after["label"]) == (
        "relabel",
        "PERSON",
        "ORGANIZATION",
    )


def test_remove_rejects_and_keeps_the_row(editor: Client, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    response = editor.post(reverse("mention_remove", args=[mention.pk]), version_of(mention), **HX)
    body = response.content.decode()
    assert response.status_code == 200 and "<mark" not in body and "<html" not in body
    mention.refresh_from_db()
    assert mention.rejected and mention.origin == "human" and mention.edited_at
    assert EditLog.objects.get().action == "remove"


def test_link_finds_or_creates_the_entity_by_key(editor: Client, article) -> None:
    para = paragraph(article, 3)
    mikati = make_entity("PERSON", "نجيب ميقاتي")
    mention = make_mention(para, "ميقاتي", "PERSON", entity=None)
    url = reverse("mention_link", args=[mention.pk])
    name = {"name": "نَجيب  ميقاتي", **version_of(mention)}  # diacritics, double space
    response = editor.post(url, name, **HX)
    assert response.status_code == 200 and 'title="نجيب ميقاتي"' in response.content.decode()
    mention.refresh_from_db()
    assert mention.entity == mikati and mention.origin == "human"
    editor.post(url, {"name": "ميقاتي الابن", **version_of(mention)}, **HX)
    mention.refresh_from_db()
    assert mention.entity.name == "ميقاتي الابن" and Entity.objects.count() == 2
    assert [log.action for log in EditLog.objects.order_by("pk")] == ["link", "link"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": 5, "end": 5, "label": "PERSON"}, "موضع"),
        ({"start": 0, "end": 9999, "label": "PERSON"}, "خارج"),
        ({"start": 0, "end": 3, "label": "ANIMAL"}, "تصنيف"),
        ({"start": "x", "end": 3, "label": "PERSON"}, "start"),
        ({"start": 6, "end": 7, "label": "PERSON"}, "كلمة"),  # a lone space
    ],
)
def test_bad_input_is_400_with_a_message(editor: Client, article, data, message) -> None:
    para = paragraph(article, 1)
    response = editor.post(reverse("mention_add", args=[para.pk]), {**data, "version": 1}, **HX)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Mention.objects.exists() and not EditLog.objects.exists()


def test_link_needs_a_name(editor: Client, article) -> None:
    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    data = {"name": "  ", **version_of(mention)}
    response = editor.post(reverse("mention_link", args=[mention.pk]), data, **HX)
    assert response.status_code == 400


# The editing rules (service functions)


def test_selection_snaps_to_words_and_leaves_unselected_proclitics_out(editor, article) -> None:
    para = paragraph(article, 1)  # «… في السراي ببيروت يوم …»
    at = para.text.index("ببيروت")
    add(editor, para, at + 1, at + 4, "LOCATION")  # «بيرو»: the user started after ب
    assert Mention.objects.get().text == "بيروت"
    para2 = paragraph(article, 3)  # «وبحث ميقاتي …»
    at = para2.text.index("ميقاتي")
    add(editor, para2, at + 2, at + 4)  # «قا» inside the word: no clitic split fits
    assert Mention.objects.get(paragraph=para2).text == "ميقاتي"


def test_a_selected_proclitic_stays_in() -> None:
    text = "زار الوفد وبيروت أمس"
    at = text.index("وبيروت")
    assert editing.snap_to_words(text, at, at + 6) == (at, at + 6)
    assert editing.snap_to_words(text, at + 1, at + 6) == (at + 1, at + 6)
    assert editing.snap_to_words(text, at - 1, at + 7) == (at, at + 6)  # spaces swept in


def test_utf16_offsets_convert_to_code_points() -> None:
    text = "😀 بيروت"
    assert editing.from_utf16(text, 3) == 2  # the emoji is two UTF-16 units
    assert editing.from_utf16("بيروت", 5) == 5
    with pytest.raises(editing.EditError):
        editing.from_utf16(text, 1)


def test_add_over_an_active_mention_replaces_it_and_logs_both(article) -> None:
    user = make_user("editor", editor=True)
    para = paragraph(article, 1)
    old = make_mention(para, "ميقاتي", "PERSON")
    start, end = span(para, "نجيب ميقاتي")
    new = editing.add_mention(para, start, end, "PERSON", user)
    old.refresh_from_db()
    assert old.rejected and old.origin == "human" and not new.rejected
    assert list(Mention.objects.active()) == [new]
    assert sorted(log.action for log in EditLog.objects.all()) == ["add", "remove"]


def test_add_on_a_rejected_span_reactivates_that_row(article) -> None:
    user = make_user("editor", editor=True)
    para = paragraph(article, 1)
    old = make_mention(para, "بيروت", "LOCATION", rejected=True, origin="human")
    again = editing.add_mention(para, old.start, old.end, "LOCATION", user)
    assert again.pk == old.pk and not again.rejected
    log = EditLog.objects.get()
    assert log.before["rejected"] is True and log.after["rejected"] is False


def test_a_date_gets_no_entity_unless_its_value_is_given(article) -> None:
    user = make_user("editor", editor=True)
    para = paragraph(article, 3)
    start, end = span(para, "15 مارس 2026")
    plain = editing.add_mention(para, start, end, "DATE", user)
    assert plain.entity is None and plain.value == ""
    valued = editing.add_mention(para, start, end, "DATE", user, value="2026-03-15")
    assert valued.entity.key == "2026-03-15" and valued.value == "2026-03-15"


def test_the_htmx_partial_renders_for_a_request_factory_request(article) -> None:
    """The view also works when called directly (as an admin action might)."""
    from django_htmx.middleware import HtmxDetails

    from newsreader.news.views.mentions import mention_remove

    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    request = RequestFactory().post("/", version_of(mention), **HX)
    request.user = make_user("editor", editor=True)
    request.htmx = HtmxDetails(request)
    request._dont_enforce_csrf_checks = True
    get_token(request)
    response = mention_remove(request, mention.pk)
    assert response.status_code == 200 and "<html" not in response.content.decode()


# Stale edits: the version the page saw


STALE = "عدّل محرر آخر هذه الفقرة؛ هذه نسختها الحالية"


def test_a_stale_add_is_409_with_the_current_paragraph_and_changes_nothing(editor, article):
    para = paragraph(article, 1)
    make_mention(para, "بيروت", "LOCATION")  # what the other editor's page now shows
    para.version = 5
    para.save(update_fields=["version"])
    start, end = span(para, "نجيب ميقاتي")
    url = reverse("mention_add", args=[para.pk])
    data = {"start": start, "end": end, "label": "PERSON", "version": 4}
    response = editor.post(url, data, **HX)
    body = response.content.decode()
    assert response.status_code == 409
    assert body.startswith(f'<p id="p-{para.index}"') and 'data-version="5"' in body
    assert ">بيروت</mark>" in body and "نجيب ميقاتي</mark>" not in body
    assert STALE in body and 'id="edit-status"' in body and 'hx-swap-oob="true"' in body
    assert "X-Qari-Edits" not in response
    assert list(Mention.objects.values_list("text", flat=True)) == ["بيروت"]
    assert not EditLog.objects.exists()
    para.refresh_from_db()
    assert para.version == 5
    data["version"] = 5  # the version the page now shows: accepted
    response = editor.post(url, data, **HX)
    assert response.status_code == 200 and 'data-version="6"' in response.content.decode()
    log = EditLog.objects.get()
    assert response["X-Qari-Edits"] == str(log.pk)
    assert response["X-Qari-Mention"] == str(Mention.objects.get(text="نجيب ميقاتي").pk)


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("mention_relabel", {"label": "PERSON"}),
        ("mention_remove", {}),
        ("mention_link", {"name": "بيروت الكبرى"}),
        ("mention_adjust", {"action": "grow-start"}),
    ],
)
def test_every_mention_edit_refuses_a_stale_version(editor, article, action, data) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    before = editing.snapshot(mention)
    response = editor.post(reverse(action, args=[mention.pk]), {**data, "version": 0}, **HX)
    assert response.status_code == 409 and STALE in response.content.decode()
    mention.refresh_from_db()
    assert editing.snapshot(mention) == before and mention.origin == "model"
    assert not EditLog.objects.exists()
    para.refresh_from_db()
    assert para.version == 1


def test_a_stale_rollback_also_undoes_the_overlapping_removals(article) -> None:
    user = make_user("editor", editor=True)
    para = paragraph(article, 1)
    old = make_mention(para, "ميقاتي", "PERSON")
    start, end = span(para, "نجيب ميقاتي")
    with pytest.raises(editing.StaleEdit):
        editing.add_mention(para, start, end, "PERSON", user, version=7)
    old.refresh_from_db()
    assert not old.rejected and Mention.objects.count() == 1 and not EditLog.objects.exists()


# Span adjustment endpoints
