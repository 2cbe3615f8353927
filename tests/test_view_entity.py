"""The entity page: name, label, aliases, and each paragraph mentioning it, marked."""

from __future__ import annotations

import pytest
from django.test import Client

from newsreader.news.counts import counted
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
    assert len(response.context["paragraphs"]) == 3  # the rejected one is left out
    assert page.count('data-label="PERSON"') == 3
    assert 'data-label="LOCATION"' not in page
    assert f'href="{first.get_absolute_url()}#p-3"' in page
    assert "3 إشارات في مقالين" in page  # Arabic plural forms: 3-10 and the dual
    assert f'href="/?entity={mikati.pk}"' in page  # the articles that mention it, searchable


def test_unknown_entity_is_404(client: Client) -> None:
    assert client.get("/entities/999/").status_code == 404


def test_pages_go_newest_article_first_with_paragraphs_in_reading_order(
    client: Client, monkeypatch
) -> None:
    from newsreader.news.views import entities

    monkeypatch.setattr(entities, "PER_PAGE", 2)
    mikati = make_entity("PERSON", "نجيب ميقاتي")
    older, newer = make_article("خبر أقدم"), make_article("خبر أحدث")
    for article in (older, newer):
        make_mention(paragraph(article, 1), "ميقاتي", entity=mikati)
        make_mention(paragraph(article, 3), "ميقاتي", entity=mikati)
    first = client.get(mikati.get_absolute_url())
    second = client.get(mikati.get_absolute_url(), {"page": 2})
    shown = [(p.article.title, p.index) for r in (first, second) for p in r.context["paragraphs"]]
    assert shown == [("خبر أحدث", 1), ("خبر أحدث", 3), ("خبر أقدم", 1), ("خبر أقدم", 3)]
    assert f"{counted('mentions', 4)} {counted('in_articles', 2)}" in first.content.decode()
    assert "صفحة 1 من 2" in first.content.decode()


@pytest.mark.django_db
def test_the_entity_page_is_read_only(client: Client) -> None:
    entity = make_entity("PERSON", "سليم الحداد")
    assert client.get(f"/entities/{entity.pk}/").status_code == 200
    assert client.post(f"/entities/{entity.pk}/").status_code == 405


def test_counts_past_the_cap_say_or_more(client: Client, monkeypatch) -> None:
    from newsreader.news import capped

    monkeypatch.setattr(capped, "COUNT_CAP", 2)
    mikati = make_entity("PERSON", "نجيب ميقاتي")
    for n in range(3):
        make_mention(paragraph(make_article(f"خبر {n}"), 1), "نجيب ميقاتي", entity=mikati)
    page = client.get(mikati.get_absolute_url()).content.decode()
    shown = f"{counted('mentions', 2)} أو أكثر {counted('in_articles', 2)} أو أكثر"
    assert shown in page
    assert "تعرض الصفحات أحدث 2 فقرة" in page  # the pager covers the newest paragraphs only
    few = make_entity("PERSON", "سامر الحداد")
    make_mention(paragraph(make_article("خبر آخر"), 3), "ميقاتي", entity=few)
    page = client.get(few.get_absolute_url()).content.decode()
    assert f"{counted('mentions', 1)} {counted('in_articles', 1)}" in page
    assert "أو أكثر" not in page and "تعرض الصفحات" not in page
