"""Every page issues as many queries with 30 articles as with 3: none grows with the corpus."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsreader.news import search
from newsreader.news.models import Article, DroppedLine, EditLog, Entity
from newsreader.news.search import reindex_article
from tests.factories import make_agenda, make_article, make_event, make_mention, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lexeme_statistics_already_read():
    """PostgreSQL rereads the search index's statistics once every few minutes (one
    query, not per page): the counts below leave that query out, whichever test ran first."""
    search._shares_cache = (time.monotonic(), None)
    yield
    search._shares_cache = None


PUBLIC = [
    "/",
    "/?page=2",
    "/?q=ميقاتي",
    "/?q=ميقاتي&label=PERSON&source=وكالة الأنباء",
    "/?label=LOCATION&date_from=2020-01-01",
    "/upcoming/?days=60",
]
ADMIN = [
    "/admin/news/article/",
    "/admin/news/article/?status__exact=new",
    "/admin/news/paragraph/",
    "/admin/news/mention/",
    "/admin/news/entity/",
    "/admin/news/editlog/",
]


def corpus(n: int) -> None:
    """n articles as ingest leaves them: shared entities' mentions, sidebar items, index rows."""
    today = timezone.localdate()
    for k in range(n):
        article = make_article(f"ميقاتي والبنك الدولي {k}")
        body = paragraph(article, 1)
        make_mention(body, "نجيب ميقاتي", "PERSON")
        make_mention(body, "البنك الدولي", "ORGANIZATION")
        make_mention(body, "بيروت", "LOCATION")
        make_mention(paragraph(article, 3), "طرابلس", "LOCATION")
        make_agenda(article, "خطة الكهرباء", 3)
        when = today + timedelta(days=k % 40)
        make_event(article, "2026-03-15", when, "زيارة طرابلس", paragraph=body)
        DroppedLine.objects.create(article=article, position=9, text="شارك الخبر", reason="share")
        EditLog.objects.create(article=article, target="mention", action="add")
        reindex_article(article)


def queries(client: Client, url: str) -> int:
    cache.clear()  # the reader page counts what a first view costs
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def per_page_urls() -> list:
    first = Article.objects.order_by("pk").first()
    person = Entity.objects.get(name="نجيب ميقاتي")
    return [
        reverse("article_detail", args=[first.slug]),
        reverse("entity_detail", args=[person.pk]),
        f"/?entity={person.pk}",
    ]


@pytest.mark.parametrize("urls", [PUBLIC, ADMIN], ids=["public", "admin"])
def test_list_pages_do_not_grow_with_the_corpus(client: Client, urls: list[str]) -> None:
    from django.contrib.auth.models import User

    User.objects.create_superuser("curator", "", "pw-curator-1")
    client.login(username="curator", password="pw-curator-1")
    corpus(3)
    few = {url: queries(client, url) for url in urls + per_page_urls()}
    corpus(27)
    many = {url: queries(client, url) for url in urls + per_page_urls()}
    assert many == few


def test_anonymous_reader_and_entity_pages_do_not_grow(client: Client) -> None:
    corpus(3)
    few = {url: queries(client, url) for url in PUBLIC + per_page_urls()}
    corpus(27)
    many = {url: queries(client, url) for url in PUBLIC + per_page_urls()}
    assert many == few
