"""Editing mentions over htmx: growing, shrinking and clitic adjustment of a span, date
values, and edits without the paragraph's version.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news import editing
from newsreader.news.models import EditLog, Entity, Mention
from tests import mentions_helpers
from tests.factories import (
    make_entity,
    make_mention,
    make_user,
    paragraph,
    version_of,
)
from tests.mentions_helpers import HX, span

pytestmark = pytest.mark.django_db

# the shared fixtures, by name for pytest
article = mentions_helpers.article
editor = mentions_helpers.editor


def adjust(client: Client, mention, action: str):
    data = {"action": action, **version_of(mention)}
    return client.post(reverse("mention_adjust", args=[mention.pk]), data, **HX)


def test_grow_and_shrink_by_a_word_at_either_end(editor, article) -> None:
    para = paragraph(article, 1)  # «استقبل رئيس الحكومة نجيب ميقاتي وفد البنك الدولي …»
    mention = make_mention(para, "ميقاتي", "PERSON")
    response = adjust(editor, mention, "grow-start")
    assert response.status_code == 200 and ">نجيب ميقاتي</mark>" in response.content.decode()
    mention.refresh_from_db()
    assert (mention.text, mention.entity.name) == ("نجيب ميقاتي", "نجيب ميقاتي")
    assert mention.origin == "human"
    assert adjust(editor, mention, "grow-end").status_code == 200
    mention.refresh_from_db()
    assert mention.text == "نجيب ميقاتي وفد"
    assert adjust(editor, mention, "shrink-end").status_code == 200
    assert adjust(editor, mention, "shrink-start").status_code == 200
    mention.refresh_from_db()
    assert (mention.text, mention.start) == ("ميقاتي", para.text.index("ميقاتي"))
    response = adjust(editor, mention, "shrink-start")
    assert response.status_code == 400 and "كلمة واحدة" in response.content.decode()
    logs = EditLog.objects.order_by("pk")
    assert [log.action for log in logs] == ["adjust"] * 4
    assert (logs[0].before["text"], logs[0].after["text"]) == ("ميقاتي", "نجيب ميقاتي")
    para.refresh_from_db()
    assert para.version == 5
    assert Mention.objects.count() == 1  # the row moved; its history stays with it


def test_growing_over_another_mention_removes_it_and_logs_it(editor, article) -> None:
    para = paragraph(article, 1)
    first = make_mention(para, "نجيب", "PERSON")
    second = make_mention(para, "ميقاتي", "PERSON")
    assert adjust(editor, second, "grow-start").status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.rejected and second.text == "نجيب ميقاتي"
    assert sorted(EditLog.objects.values_list("action", flat=True)) == ["adjust", "remove"]


def test_grow_at_the_paragraph_edge_is_refused(editor, article) -> None:
    para = paragraph(article, 2)  # «خطة الكهرباء»
    mention = make_mention(para, "خطة", "ORGANIZATION")
    response = adjust(editor, mention, "grow-start")
    assert response.status_code == 400 and not EditLog.objects.exists()
    assert adjust(editor, mention, "sideways").status_code == 400


def test_clitic_exclude_and_include_in_one_action(editor, article) -> None:
    para = paragraph(article, 1)  # «… في السراي ببيروت يوم …»
    mention = make_mention(para, "ببيروت", "LOCATION")
    response = adjust(editor, mention, "exclude-clitic")
    assert response.status_code == 200 and "ب<mark" in response.content.decode()
    mention.refresh_from_db()
    assert (mention.text, mention.entity.name) == ("بيروت", "بيروت")
    response = adjust(editor, mention, "exclude-clitic")  # «بيروت» has none left
    assert response.status_code == 400
    assert adjust(editor, mention, "toggle-clitic").status_code == 200
    mention.refresh_from_db()
    assert mention.text == "ببيروت"
    assert adjust(editor, mention, "toggle-clitic").status_code == 200
    mention.refresh_from_db()
    assert mention.text == "بيروت" and mention.entity.name == "بيروت"


def test_clitic_exclude_keeps_al_and_takes_one_clitic_unless_a_known_stem_says_more(article):
    user = make_user("editor", editor=True)
    para = article.paragraphs.create(index=9, kind="body", text="زار الوفد وللمجلس ثم ولبنان")
    council = make_mention(para, "وللمجلس", "ORGANIZATION")
    editing.adjust_mention(council, "exclude-clitic", user)
    assert council.text == "للمجلس"  # ل + لمجلس is not literal; «ال» is never cut
    lebanon = make_mention(para, "ولبنان", "LOCATION")
    editing.adjust_mention(lebanon, "exclude-clitic", user)
    assert lebanon.text == "لبنان"  # one clitic, not «بنان»
    para2 = article.paragraphs.create(index=10, kind="body", text="وصل وببيروت")
    make_entity("LOCATION", "بيروت")
    beirut = make_mention(para2, "وببيروت", "LOCATION")
    editing.adjust_mention(beirut, "exclude-clitic", user)
    assert beirut.text == "بيروت"  # the known stem wins


def test_adjust_onto_a_rejected_row_reuses_it(editor, article) -> None:
    para = paragraph(article, 1)
    tomb = make_mention(para, "بيروت", "LOCATION", rejected=True, origin="human")
    mention = make_mention(para, "ببيروت", "LOCATION")
    response = adjust(editor, mention, "exclude-clitic")
    assert response.status_code == 200
    tomb.refresh_from_db()
    mention.refresh_from_db()
    assert not tomb.rejected and mention.rejected
    assert response["X-Qari-Mention"] == str(tomb.pk)


@pytest.mark.parametrize("value", ["x" * 300_000, "غدا", "2026-13-01", "2026-02-30", "2027/2025"])
def test_a_date_value_that_is_not_iso_is_refused(editor: Client, article, value: str) -> None:
    para = paragraph(article, 3)
    url = reverse("mention_add", args=[para.pk])
    start, end = span(para, "15 مارس 2026")
    data = {"start": start, "end": end, "label": "DATE", "value": value, "version": para.version}
    response = editor.post(url, data, **HX)
    assert response.status_code == 400
    assert any(word in response.content.decode() for word in ("YYYY", "غير صحيح", "المدى"))
    assert not Mention.objects.exists() and not Entity.objects.filter(label="DATE").exists()


@pytest.mark.parametrize("value", ["2026-03-15", "2026-03", "1999", "2024/2026", "٢٠٢٦-٠٣"])
def test_each_iso_form_is_a_date_value(article, value: str) -> None:
    para = paragraph(article, 3)
    mention = editing.add_mention(
        para, *span(para, "15 مارس 2026"), "DATE", make_user("e", editor=True), value=value
    )
    assert mention.value == value.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))


def test_linking_a_date_takes_only_an_iso_value(article) -> None:
    user = make_user("editor", editor=True)
    mention = make_mention(paragraph(article, 3), "15 مارس 2026", "DATE", value="2026-03-15")
    with pytest.raises(editing.EditError):
        editing.link_mention(mention, "منتصف مارس", user)
    mention.refresh_from_db()
    assert mention.value == "2026-03-15" and not EditLog.objects.exists()
    editing.link_mention(mention, "2026-03", user)
    mention.refresh_from_db()
    assert mention.value == "2026-03" and mention.entity.name == "2026-03"


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("mention_add", {"start": 0, "end": 5, "label": "PERSON"}),
        ("mention_relabel", {"label": "PERSON"}),
        ("mention_remove", {}),
        ("mention_link", {"name": "بيروت الكبرى"}),
        ("mention_adjust", {"action": "grow-start"}),
        ("edits_revert", {}),
        ("mention_relabel", {"label": "PERSON", "version": " "}),
    ],
)
def test_an_edit_without_the_version_is_refused(editor, article, action, data) -> None:
    """Last write must not win silently: a request that does not say what it saw is 400."""
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    editing.relabel_mention(mention, "ORGANIZATION", make_user("other", editor=True))
    before, logs = editing.snapshot(mention), EditLog.objects.count()
    args = {"mention_add": [para.pk], "edits_revert": []}.get(action, [mention.pk])
    if action == "edits_revert":
        data = {"edits": str(EditLog.objects.get().pk)}
    response = editor.post(reverse(action, args=args), data, **HX)
    assert response.status_code == 400 and "نسخة الفقرة" in response.content.decode()
    mention.refresh_from_db()
    assert editing.snapshot(mention) == before and mention.label == "ORGANIZATION"
    assert EditLog.objects.count() == logs and Mention.objects.count() == 1
