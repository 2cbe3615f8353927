"""The entity page: name, label, aliases, and each paragraph mentioning it, marked."""

from __future__ import annotations

import pytest
from django.test import Client

from newsreader.news.models import Alias
from tests.factories import make_article, make_entity, make_mention, paragraph

pytestmark = pytest.mark.django_db


def test_entity_page_lists_every_paragraph_with_the_mention_marked(client: Client) -> None:
    mikati = make_entity("PERSON", "نجيب ميقاتي")
    Alias.objects.create(entity=mikati, name="ميقاتي", key="ميقاتي")
    first, second = make_article(), make_article("خبر ثان")
    make_mention(paragraph(first, 1), "نجيب ميقاتي", entity=mikati)
    make_mention(paragraph(first, 1), "بيروت", "LOCATION")  # not this entity: not marked
    make_mention(paragraph(first, 3), "ميقاتي", entity=mikati)
    make_mention(paragraph(second, 4), "ميقاتي", entity=mikati)
    make_mention(paragraph(second, 3), "ميقاتي", entity=mikati, rejected=True)

    response = client.get(mikati.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 dir="auto">نجيب ميقاتي</h1>' in page
    assert "شخص" in page and ">ميقاتي</li>" in page  # label and alias
    assert len(response.context["page"]) == 3  # the rejected one is left out
    assert page.count('data-label="PERSON"') == 3
    assert 'data-label="LOCATION"' not in page
    assert f'href="{first.get_absolute_url()}#p-3"' in page
    assert "3 إشارات في مقالين" in page  # Arabic plural forms: 3-10 and the dual
    assert f'href="/?entity={mikati.pk}"' in page  # the articles that mention it, searchable


def test_unknown_entity_is_404(client: Client) -> None:
    assert client.get("/entities/999/").status_code == 404


@pytest.mark.django_db
def test_the_entity_page_is_read_only(client: Client) -> None:
    entity = make_entity("PERSON", "سليم الحداد")
    assert client.get(f"/entities/{entity.pk}/").status_code == 200
    assert client.post(f"/entities/{entity.pk}/").status_code == 405
