"""Editing mentions over htmx: permissions, CSRF, partial responses, the log, the rules."""

from __future__ import annotations

import re

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse

from newsreader.news import editing
from newsreader.news.models import EditLog, Entity, Mention, Origin
from tests.factories import (
    make_article,
    make_entity,
    make_mention,
    make_user,
    paragraph,
    version_of,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def editor(client: Client) -> Client:
    client.force_login(make_user("editor", editor=True))
    return client


def add(client: Client, para, start: int, end: int, label: str = "PERSON", **extra):
    url = reverse("mention_add", args=[para.pk])
    data = {"start": start, "end": end, "label": label, **version_of(para)}
    return client.post(url, data, **HX, **extra)


def span(para, word: str) -> tuple[int, int]:
    start = para.text.index(word)
    return start, start + len(word)


# Permissions and CSRF


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
