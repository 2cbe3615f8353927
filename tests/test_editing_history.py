"""Per-mention history from the card, revert, and the page's undo/redo through the server."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news import editing
from newsreader.news.models import EditLog, Mention
from tests import mentions_helpers
from tests.factories import make_mention, make_user, paragraph, version_of
from tests.mentions_helpers import HX

pytestmark = pytest.mark.django_db

# the shared fixtures, by name for pytest
article = mentions_helpers.article
editor = mentions_helpers.editor


def revert(client: Client, edits, version=None):
    """POST the revert; without `version`, the one the page shows now (if the edit exists)."""
    data = {"edits": ",".join(str(pk) for pk in edits)}
    if version is None:
        logged = EditLog.objects.filter(pk__in=[int(pk) for pk in edits if str(pk).isdigit()])
        mention = Mention.objects.filter(pk__in=logged.values("target_id")).first()
        version = version_of(mention)["version"] if mention else 1
    data["version"] = version
    return client.post(reverse("edits_revert"), data, **HX)


def test_history_lists_who_when_origin_and_before_after_newest_first(editor, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "البنك الدولي", "PERSON")
    editor.post(
        reverse("mention_relabel", args=[mention.pk]),
        {"label": "ORGANIZATION", **version_of(mention)},
        **HX,
    )
    editor.post(
        reverse("mention_link", args=[mention.pk]),
        {"name": "مجموعة البنك الدولي", **version_of(mention)},
        **HX,
    )
    response = editor.get(reverse("mention_history", args=[mention.pk]), **HX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.count("<li>") == 2 and body.count(">editor</bdi>") == 2
    assert body.index("ربط") < body.index("تغيير التصنيف")  # newest first
    assert "شخص «البنك الدولي» · النموذج" in body  # before the relabel: the model's
    assert "منظمة «البنك الدولي» ← مجموعة البنك الدولي · محرر" in body
    last = EditLog.objects.filter(action="link").get()
    assert f'name="edits" value="{last.pk}"' in body
    assert 'name="version" value="3"' in body and "تراجع عن آخر تعديل (ربط)" in body


def test_history_of_an_untouched_mention_says_where_it_came_from(editor, article) -> None:
    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    body = editor.get(reverse("mention_history", args=[mention.pk]), **HX).content.decode()
    assert "لم تُعدَّل" in body and "النموذج" in body and "edits_revert" not in body
    assert 'name="edits"' not in body


def test_history_needs_the_permission(client: Client, article) -> None:
    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    client.force_login(make_user("reader"))
    assert client.get(reverse("mention_history", args=[mention.pk])).status_code == 403


def test_revert_the_last_change_is_logged_and_bumps_the_version(editor, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    editor.post(
        reverse("mention_relabel", args=[mention.pk]),
        {"label": "PERSON", **version_of(mention)},
        **HX,
    )
    relabel = EditLog.objects.get()
    response = revert(editor, [relabel.pk], version=2)
    assert response.status_code == 200 and 'data-label="LOCATION"' in response.content.decode()
    mention.refresh_from_db()
    assert (mention.label, mention.entity.label) == ("LOCATION", "LOCATION")
    assert mention.origin == "human"
    log = EditLog.objects.order_by("pk").last()
    assert (log.action, log.before["label"], log.after["label"]) == ("revert", "PERSON", "LOCATION")
    assert response["X-Qari-Edits"] == str(log.pk)
    para.refresh_from_db()
    assert para.version == 3
    # Reverting the revert is a redo.
    assert revert(editor, [log.pk], version=3).status_code == 200
    mention.refresh_from_db()
    assert mention.label == "PERSON"


def test_revert_refuses_when_the_mention_changed_since(editor, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    editor.post(
        reverse("mention_relabel", args=[mention.pk]),
        {"label": "PERSON", **version_of(mention)},
        **HX,
    )
    first = EditLog.objects.get()
    editor.post(
        reverse("mention_relabel", args=[mention.pk]),
        {"label": "ORGANIZATION", **version_of(mention)},
        **HX,
    )
    response = revert(editor, [first.pk])
    assert response.status_code == 409 and "تغيّرت الإشارة" in response.content.decode()
    mention.refresh_from_db()
    assert mention.label == "ORGANIZATION" and EditLog.objects.count() == 2


def test_a_stale_revert_changes_nothing(editor, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    editor.post(reverse("mention_remove", args=[mention.pk]), version_of(mention), **HX)
    response = revert(editor, [EditLog.objects.get().pk], version=1)
    assert response.status_code == 409
    mention.refresh_from_db()
    assert mention.rejected and EditLog.objects.count() == 1


def test_undo_of_an_add_that_replaced_a_mention_restores_both(editor, article) -> None:
    para = paragraph(article, 1)
    old = make_mention(para, "ميقاتي", "PERSON")
    start = para.text.index("نجيب ميقاتي")
    response = editor.post(
        reverse("mention_add", args=[para.pk]),
        {"start": start, "end": start + 11, "label": "PERSON", "version": 1},
        **HX,
    )
    group = [int(pk) for pk in response["X-Qari-Edits"].split(",")]
    assert [EditLog.objects.get(pk=pk).action for pk in group] == ["remove", "add"]
    response = revert(editor, group, version=2)  # Ctrl+Z
    assert response.status_code == 200 and ">ميقاتي</mark>" in response.content.decode()
    assert [m.text for m in Mention.objects.active()] == ["ميقاتي"]
    assert response["X-Qari-Mention"] == str(old.pk)
    redo = [int(pk) for pk in response["X-Qari-Edits"].split(",")]
    assert revert(editor, redo, version=3).status_code == 200  # Ctrl+Shift+Z
    assert [m.text for m in Mention.objects.active()] == ["نجيب ميقاتي"]
    assert EditLog.objects.filter(action="revert").count() == 4


def test_undo_of_a_span_adjustment_moves_it_back(editor, article) -> None:
    para = paragraph(article, 1)
    mention = make_mention(para, "ببيروت", "LOCATION")
    response = editor.post(
        reverse("mention_adjust", args=[mention.pk]),
        {"action": "exclude-clitic", **version_of(mention)},
        **HX,
    )
    assert revert(editor, response["X-Qari-Edits"].split(",")).status_code == 200
    mention.refresh_from_db()
    assert mention.text == "ببيروت" and mention.start == para.text.index("ببيروت")


def test_revert_input_errors(editor, article) -> None:
    assert revert(editor, []).status_code == 400
    data = {"edits": "x", "version": 1}
    assert editor.post(reverse("edits_revert"), data, **HX).status_code == 400
    assert revert(editor, [999]).status_code == 400
    a = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    b = make_mention(paragraph(article, 3), "طرابلس", "LOCATION")
    user = make_user("other", editor=True)
    logs = [editing.remove_mention(a, user), editing.remove_mention(b, user)]
    ids = [EditLog.objects.get(target_id=m.pk).pk for m in logs]
    assert revert(editor, ids).status_code == 400  # two paragraphs in one undo: refused
    assert Mention.objects.filter(rejected=True).count() == 2
