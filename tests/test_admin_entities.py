"""The entity curation admin through the test client: merge and undo, split, labels, bulk."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from newsreader.news import curation
from newsreader.news.models import Alias, EditLog, Entity, EntityMerge, Mention, Origin
from newsreader.pipeline.normalize import fold_key
from tests.factories import make_article, make_entity, make_mention, make_user, paragraph

CHANGELIST = "admin:news_entity_changelist"
BULK = "admin:news_entity_bulk_label"


def staff_client(*codenames: str) -> Client:
    user = make_user("editor", password="pw-editor-1")
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.login(username="editor", password="pw-editor-1")
    return client


@pytest.fixture
def corpus():
    """«ميقاتي» twice as two entities, plus an alias on one of them."""
    article = make_article()
    full = make_entity("PERSON", "نجيب ميقاتي")
    short = make_entity("PERSON", "ميقاتي")
    Alias.objects.create(entity=short, name="الرئيس ميقاتي", key=fold_key("الرئيس ميقاتي"))
    mentions = [
        make_mention(paragraph(article, 1), "نجيب ميقاتي", entity=full),
        make_mention(paragraph(article, 0), "ميقاتي", entity=short),
        make_mention(paragraph(article, 3), "ميقاتي", entity=short),
    ]
    return article, full, short, mentions


def action(client: Client, url: str, name: str, objs, **extra):
    data = {"action": name, ACTION_CHECKBOX_NAME: [str(o.pk) for o in objs], **extra}
    return client.post(url, data)


@pytest.mark.django_db
def test_merge_asks_for_the_target_then_merges_and_undo_restores(curator, corpus) -> None:
    _, full, short, mentions = corpus
    url = reverse(CHANGELIST)

    confirm = action(curator, url, "merge_entities", [full, short])
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert 'name="target"' in page and "نجيب ميقاتي" in page and "الرئيس ميقاتي" in page
    assert Entity.objects.count() == 2  # nothing happens before the confirmation

    done = action(curator, url, "merge_entities", [full, short], apply="1", target=full.pk)
    assert done.status_code == 302
    assert list(Entity.objects.values_list("pk", flat=True)) == [full.pk]
    assert set(full.mentions.values_list("pk", flat=True)) == {m.pk for m in mentions}
    assert set(full.aliases.values_list("name", flat=True)) == {"ميقاتي", "الرئيس ميقاتي"}
    merge = EntityMerge.objects.get()
    assert EditLog.objects.filter(action="merge").count() == 2

    page = curator.get(reverse("admin:news_entitymerge_changelist")).content.decode()
    assert "ميقاتي" in page and 'value="undo"' in page
    assert curator.get(reverse("admin:news_entitymerge_change", args=[merge.pk])).status_code == 200
    undo = action(curator, reverse("admin:news_entitymerge_changelist"), "undo", [merge])
    assert undo.status_code == 302
    short_again = Entity.objects.get(pk=short.pk)
    assert (short_again.name, short_again.key) == ("ميقاتي", short.key)
    assert list(short_again.aliases.values_list("name", flat=True)) == ["الرئيس ميقاتي"]
    assert set(short_again.mentions.values_list("pk", flat=True)) == {
        mentions[1].pk,
        mentions[2].pk,
    }
    assert not full.aliases.exists()
    merge.refresh_from_db()
    assert merge.undone_at is not None


@pytest.mark.django_db
def test_merge_target_must_be_chosen_among_the_selected(curator, corpus) -> None:
    _, full, short, _ = corpus
    other = make_entity("PERSON", "ميشال عون")
    action(
        curator, reverse(CHANGELIST), "merge_entities", [full, short], apply="1", target=other.pk
    )
    assert Entity.objects.count() == 3 and not EntityMerge.objects.exists()


@pytest.mark.django_db
def test_editors_without_delete_permission_cannot_merge_or_undo(corpus) -> None:
    _, full, short, _ = corpus
    editor = staff_client("view_entity", "change_entity", "change_mention", "view_entitymerge")
    url = reverse(CHANGELIST)

    page = editor.get(url).content.decode()
    assert 'value="change_label"' in page and 'value="merge_entities"' not in page
    action(editor, url, "merge_entities", [full, short], apply="1", target=full.pk)
    assert Entity.objects.count() == 2 and not EntityMerge.objects.exists()

    merger = make_user("merger")
    merge_obj = curation.merge_entities(full, [short], merger)
    merges = reverse("admin:news_entitymerge_changelist")
    action(editor, merges, "undo", [merge_obj])
    merge_obj.refresh_from_db()
    assert merge_obj.undone_at is None and not Entity.objects.filter(pk=short.pk).exists()


@pytest.mark.django_db
def test_an_editor_with_both_permissions_can_merge(corpus) -> None:
    _, full, short, _ = corpus
    editor = staff_client("view_entity", "change_entity", "delete_entity")
    action(editor, reverse(CHANGELIST), "merge_entities", [full, short], apply="1", target=short.pk)
    assert list(Entity.objects.values_list("pk", flat=True)) == [short.pk]


@pytest.mark.django_db
def test_non_staff_cannot_reach_the_curation_pages(corpus) -> None:
    _, full, short, _ = corpus
    client = Client()
    make_user("reader", password="pw-reader-1", editor=True)
    client.login(username="reader", password="pw-reader-1")
    for url in [reverse(BULK), reverse(CHANGELIST), reverse("admin:news_entitymerge_changelist")]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    alias = short.aliases.get()
    client.post(reverse("admin:news_entity_split_alias", args=[short.pk, alias.pk]))
    assert Alias.objects.filter(pk=alias.pk).exists()
    staff_without_mentions = staff_client("view_entity")
    assert staff_without_mentions.get(reverse(BULK)).status_code == 403


@pytest.mark.django_db
def test_split_alias_button_on_the_entity_page(curator, corpus) -> None:
    article, full, short, _ = corpus
    body = paragraph(article, 4)  # «قال ميقاتي»
    said = make_mention(body, "ميقاتي", entity=short)
    alias = short.aliases.get()
    # a mention written «الرئيس ميقاتي» in a paragraph that has it
    special = make_article(paragraphs=[("body", "وقال الرئيس ميقاتي إن الخطة جاهزة.")])
    written = make_mention(paragraph(special, 0), "الرئيس ميقاتي", entity=short)

    page = curator.get(reverse("admin:news_entity_change", args=[short.pk])).content.decode()
    split_url = reverse("admin:news_entity_split_alias", args=[short.pk, alias.pk])
    assert f'formaction="{split_url}"' in page
    assert curator.get(split_url).status_code == 405

    response = curator.post(split_url)

    new = Entity.objects.get(name="الرئيس ميقاتي")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:news_entity_change", args=[new.pk])
    assert list(new.mentions.values_list("pk", flat=True)) == [written.pk]
    assert said.pk in short.mentions.values_list("pk", flat=True)
    assert not short.aliases.exists()


@pytest.mark.django_db
def test_change_label_action_relabels_entity_and_mentions(curator, corpus) -> None:
    _, full, short, mentions = corpus
    url = reverse(CHANGELIST)

    form = action(curator, url, "change_label", [short])
    assert form.status_code == 200 and 'name="label"' in form.content.decode()

    action(curator, url, "change_label", [short], apply="1", label="ORGANIZATION")

    assert Entity.objects.get(pk=short.pk).label == "ORGANIZATION"
    assert set(short.mentions.values_list("label", "origin")) == {("ORGANIZATION", Origin.HUMAN)}
    assert EditLog.objects.filter(action="relabel").count() == 2
    assert Entity.objects.get(pk=full.pk).label == "PERSON"


@pytest.mark.django_db
def test_bulk_label_preview_then_apply(curator, corpus) -> None:
    article, full, short, mentions = corpus
    make_mention(paragraph(article, 4), "ميقاتي", entity=short, rejected=True, origin="human")
    url = reverse(BULK)

    assert f'href="{url}"' in curator.get(reverse(CHANGELIST)).content.decode()
    empty = curator.get(url)
    assert empty.status_code == 200 and 'id="bulk-preview"' not in empty.content.decode()

    preview = curator.get(url, {"name": "ميقاتي", "label": "PERSON"})
    page = preview.content.decode()
    assert 'id="bulk-preview"' in page
    assert page.count('data-status="skip"') == 1  # the human removal in paragraph 4
    assert page.count('data-status="confirm"') == 2  # the model's two «ميقاتي»
    assert page.count('data-status="replace"') == 1  # inside «نجيب ميقاتي»
    assert not EditLog.objects.exists()  # a preview changes nothing
    fingerprint = preview.context["fingerprint"]

    applied = curator.post(
        url, {"name": "ميقاتي", "label": "PERSON", "fingerprint": fingerprint, "apply": "1"}
    )

    assert applied.status_code == 302
    result = curator.get(applied["Location"]).content.decode()
    assert "وُسمت 3 إشارات «ميقاتي» بتصنيف شخص." in result
    assert result.count('data-status="skip"') == 4  # all human now
    human = Mention.objects.filter(origin=Origin.HUMAN, rejected=False, text="ميقاتي")
    assert human.count() == 3
    assert Mention.objects.get(pk=mentions[0].pk).rejected  # «نجيب ميقاتي» gave way
    assert EditLog.objects.filter(action="add").count() == 3

    again = curator.post(
        url, {"name": "ميقاتي", "label": "PERSON", "fingerprint": fingerprint, "apply": "1"}
    )
    assert "تغيّرت" in curator.get(again["Location"]).content.decode()  # a stale preview
    assert EditLog.objects.filter(action="add").count() == 3


@pytest.mark.django_db
def test_bulk_label_action_on_an_entity_opens_the_preview(curator, corpus) -> None:
    _, full, short, _ = corpus
    response = action(curator, reverse(CHANGELIST), "bulk_label_name", [short])
    assert response.status_code == 302 and response["Location"].startswith(reverse(BULK))
    page = curator.get(response["Location"]).content.decode()
    assert 'id="bulk-preview"' in page and 'id="bulk-apply-form"' in page


@pytest.mark.django_db
def test_mention_admin_relabels_and_removes_selected(curator, corpus) -> None:
    article, full, short, mentions = corpus
    url = reverse("admin:news_mention_changelist")
    page = curator.get(url).content.decode()
    assert 'value="relabel_selected"' in page and 'value="delete_selected"' not in page

    action(curator, url, "relabel_selected", mentions[1:], apply="1", label="LOCATION")
    relabelled = Mention.objects.filter(pk__in=[m.pk for m in mentions[1:]])
    assert set(relabelled.values_list("label", "origin")) == {("LOCATION", Origin.HUMAN)}

    action(curator, url, "remove_selected", [mentions[0]])
    assert Mention.objects.get(pk=mentions[0].pk).rejected
    assert [log.action for log in EditLog.objects.order_by("pk")] == [
        "relabel",
        "relabel",
        "remove",
    ]


@pytest.mark.django_db
def test_linking_a_mention_autocompletes_entities(curator, corpus) -> None:
    article, full, short, mentions = corpus
    change = curator.get(reverse("admin:news_mention_change", args=[mentions[1].pk]))
    assert "admin-autocomplete" in change.content.decode()
    para_page = curator.get(reverse("admin:news_paragraph_change", args=[paragraph(article, 1).pk]))
    assert "admin-autocomplete" in para_page.content.decode()
    found = curator.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "news",
            "model_name": "mention",
            "field_name": "entity",
            "term": "نجيب",
        },
    ).json()
    assert [r["id"] for r in found["results"]] == [str(full.pk)]
