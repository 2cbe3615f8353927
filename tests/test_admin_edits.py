"""Every human edit in the admin goes through the services the reader uses: bumped and logged.

A relabel in the mention's change form, an edit in the paragraph's mention
inline, an agenda or timeline row in the article's inlines: each is stamped
human, logged, and (for mentions and paragraphs) bumps the paragraph's
version, so an open reader page holding the old version gets a conflict.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news.models import AgendaItem, EditLog, Mention, Paragraph, TimelineEvent
from tests.factories import make_agenda, make_article, make_event, make_mention, paragraph

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def form_data(client: Client, url: str) -> dict:
    """What the change form would post back as it stands (formsets included)."""
    response = client.get(url)
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value.pk if hasattr(value, "pk") else value
    for formset in response.context["inline_admin_formsets"]:
        fs = formset.formset
        for key, value in fs.management_form.initial.items():
            data[f"{fs.prefix}-{key}"] = value
        for sub in fs.forms:
            data[f"{sub.prefix}-id"] = sub.instance.pk
            for name in sub.fields:
                value = sub.initial.get(name)
                if value is not None and name != "id":
                    data[f"{sub.prefix}-{name}"] = value.pk if hasattr(value, "pk") else value
    return {k: (v if not isinstance(v, bool) else ("on" if v else "")) for k, v in data.items()}


def test_a_change_form_relabel_bumps_the_version_so_an_open_page_conflicts(curator: Client):
    article = make_article()
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    seen = para.version  # what an open reader page holds
    url = reverse("admin:news_mention_change", args=[mention.pk])
    data = form_data(curator, url)
    data["label"] = "ORGANIZATION"
    assert curator.post(url, data).status_code == 302
    para.refresh_from_db()
    mention.refresh_from_db()
    assert para.version == seen + 1 and mention.origin == "human"
    log = EditLog.objects.get()
    assert (log.action, log.before["label"], log.after["label"]) == (
        "edit",
        "LOCATION",
        "ORGANIZATION",
    )
    # the reader page still holds the old version: its edit is a conflict, not an overwrite
    relabel = reverse("mention_relabel", args=[mention.pk])
    response = curator.post(relabel, {"label": "PERSON", "version": seen}, **HX)
    assert response.status_code == 409
    mention.refresh_from_db()
    assert mention.label == "ORGANIZATION"


@pytest.mark.parametrize("value", ["x" * 300, "tomorrow", "2026-02-30"])
def test_the_admin_refuses_a_date_value_that_is_not_iso(curator: Client, value: str) -> None:
    article = make_article()
    mention = make_mention(paragraph(article, 3), "15 مارس 2026", "DATE", value="2026-03-15")
    url = reverse("admin:news_mention_change", args=[mention.pk])
    data = form_data(curator, url)
    data["value"] = value
    response = curator.post(url, data)
    assert response.status_code == 200 and "value" in response.context["adminform"].form.errors
    mention.refresh_from_db()
    assert mention.value == "2026-03-15" and not EditLog.objects.exists()


def test_the_paragraph_inline_edit_goes_through_the_service(curator: Client) -> None:
    article = make_article()
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    url = reverse("admin:news_paragraph_change", args=[para.pk])
    data = form_data(curator, url)
    prefix = next(k for k in data if k.endswith("-0-label")).removesuffix("-0-label")
    data[f"{prefix}-0-label"] = "PERSON"
    data[f"{prefix}-0-rejected"] = "on"
    assert curator.post(url, data).status_code == 302
    mention.refresh_from_db()
    para.refresh_from_db()
    assert (mention.label, mention.rejected, mention.origin) == ("PERSON", True, "human")
    assert para.version == 2 and EditLog.objects.get().target == "mention"
    assert Mention.objects.count() == 1  # removal keeps the row


def test_article_inlines_log_agenda_and_timeline_edits_and_take_the_date_from_the_value(
    curator: Client,
) -> None:
    article = make_article()
    item = make_agenda(article, "مناقشة خطة الكهرباء")
    event = make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة طرابلس")
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(curator, url)
    agenda = next(k for k in data if k.endswith("-0-text") and data[k] == item.text)
    timeline = next(k for k in data if k.endswith("-0-value"))
    data[agenda] = "مناقشة خطة الكهرباء والمياه"
    data[timeline] = "2026-04"
    response = curator.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    item.refresh_from_db()
    event.refresh_from_db()
    assert item.origin == "human" and item.text.endswith("والمياه")
    assert (event.value, str(event.date), event.origin) == ("2026-04", "2026-04-01", "human")
    assert sorted(EditLog.objects.values_list("target", "action")) == [
        ("agenda", "edit"),
        ("timeline", "edit"),
    ]
    # the model's wording stays as a removed tombstone, so a re-run does not bring it back
    assert AgendaItem.objects.filter(removed=True, text="مناقشة خطة الكهرباء").exists()
    assert TimelineEvent.objects.filter(removed=True, value="2026-03-15").exists()
    assert Paragraph.objects.filter(article=article).count() == 5
