"""The reader page is rendered once per article version; every kind of change shows at once."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsreader.news import curation, editing, reader_cache, sidebar_editing
from newsreader.news.annotate import annotate_article
from newsreader.news.models import Article, Entity, Mention, Paragraph
from newsreader.news.reclean import reclean_article
from newsreader.news.restore import restore_dropped_line
from tests.factories import make_article, make_entity, make_event, make_mention, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def user() -> User:
    return User.objects.create_superuser("curator", "", "pw-curator-1")


@pytest.fixture
def article() -> Article:
    article = make_article()
    make_mention(paragraph(article, 1), "نجيب ميقاتي", "PERSON")
    return article


@pytest.fixture
def ingested(sample_path: Path) -> Article:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    return Article.objects.get()


def page(client: Client, article: Article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_is_one_query_and_the_same_page(client: Client, article: Article) -> None:
    with CaptureQueriesContext(connection) as first_queries:
        first = page(client, article)
    with CaptureQueriesContext(connection) as queries:
        second = page(client, article)
    token = re.compile(r'csrftoken": "\w+"')  # masked afresh on every response
    assert token.sub("", second) == token.sub("", first)
    assert len(first_queries) > 4  # paragraphs, mentions, counts, agenda, timeline …
    assert len(queries) == 1  # the article by its slug: everything else is cached


def test_the_page_is_built_from_the_cached_entry(client: Client, article: Article) -> None:
    page(client, article)
    article.refresh_from_db()
    name = reader_cache.key(article, "reader")
    parts = cache.get(name)
    assert "نجيب ميقاتي" in parts["body_html"]
    cache.set(name, {**parts, "body_html": "<p>نسخة محفوظة</p>"})
    assert "نسخة محفوظة" in page(client, article)


def test_readers_and_editors_get_their_own_entry(client: Client, article: Article, user) -> None:
    assert "data-add-url" not in page(client, article)
    client.force_login(user)
    assert "data-add-url" in page(client, article)


def test_a_queryset_write_without_touch_is_not_seen_and_touch_shows_it(
    client: Client, article: Article
) -> None:
    page(client, article)
    Paragraph.objects.filter(article=article, index=4).update(text="«نص معدل» قال ميقاتي.")
    assert "نص معدل" not in page(client, article)  # the cache really answers
    reader_cache.touch([article.pk])
    assert "نص معدل" in page(client, article)


def test_an_edit_shows_at_once(client: Client, article: Article, user) -> None:
    assert 'data-label="LOCATION"' not in page(client, article)
    body = paragraph(article, 1)
    start = body.text.index("بيروت")
    editing.add_mention(body, start, start + len("بيروت"), "LOCATION", user)
    assert 'data-label="LOCATION"' in page(client, article)
    mention = Mention.objects.get(text="نجيب ميقاتي")
    editing.relabel_mention(mention, "ORGANIZATION", user)
    assert 'data-label="PERSON"' not in page(client, article)


def test_an_admin_form_save_of_a_mention_or_paragraph_shows(client: Client, article) -> None:
    page(client, article)
    mention = Mention.objects.get(text="نجيب ميقاتي")
    mention.label = "ORGANIZATION"
    mention.save()
    assert 'data-label="ORGANIZATION"' in page(client, article)
    quote = paragraph(article, 4)
    quote.text = "«نريد حلولاً عاجلة» قال ميقاتي."
    quote.save()
    assert "حلولاً عاجلة" in page(client, article)


def test_renaming_or_merging_an_entity_shows(client: Client, article: Article, user) -> None:
    page(client, article)
    entity = Entity.objects.get(name="نجيب ميقاتي")
    entity.name = "نجيب عزمي ميقاتي"
    entity.save()  # what the admin's form does
    assert 'title="نجيب عزمي ميقاتي"' in page(client, article)
    target = make_entity("PERSON", "الرئيس ميقاتي")
    curation.merge_entities(target, [entity], user)
    assert 'title="الرئيس ميقاتي"' in page(client, article)


def test_agenda_and_timeline_edits_show(client: Client, article: Article, user) -> None:
    page(client, article)
    sidebar_editing.add_agenda_item(article, "إقرار خطة الكهرباء", user)
    assert "إقرار خطة الكهرباء" in page(client, article)
    event = make_event(article, "2026-03-15", None, "زيارة طرابلس")
    assert "زيارة طرابلس" in page(client, article)
    sidebar_editing.edit_timeline_event(event, "2026-03-16", "زيارة الوفد طرابلس", user)
    assert "2026-03-16" in page(client, article)


def test_a_rerun_shows(client: Client, article: Article) -> None:
    assert 'data-label="LOCATION"' not in page(client, article)
    annotate_article(article)  # the recogniser finds بيروت and طرابلس
    assert 'data-label="LOCATION"' in page(client, article)


def test_a_restore_and_a_reclean_show(client: Client, ingested: Article, user) -> None:
    line = "الخطيب: مشروع القطار الإقليمي يدخل مرحلة التصميم"
    assert "يدخل مرحلة التصميم" not in page(client, ingested)
    restore_dropped_line(ingested.dropped_lines.get(text=line), user)
    assert "يدخل مرحلة التصميم" in page(client, ingested)  # names in it get marks
    Paragraph.objects.filter(pk=paragraph(ingested, 5).pk).update(text="فقرة قديمة")
    reader_cache.touch([ingested.pk])  # as an older cleaner had left it
    assert "فقرة قديمة" in page(client, ingested)  # now cached
    reclean_article(Article.objects.get(pk=ingested.pk))
    assert "فقرة قديمة" not in page(client, ingested)


def test_readers_get_the_sidebar_from_the_cache_and_agenda_editors_get_forms(
    client: Client, article: Article
) -> None:
    from tests.factories import make_agenda

    make_agenda(article, "إقرار خطة الكهرباء")
    assert "إقرار خطة الكهرباء" in page(client, article)
    article.refresh_from_db()
    parts = cache.get(reader_cache.key(article, "reader"))
    assert "إقرار خطة الكهرباء" in parts["sidebar_html"]
    assert "csrfmiddlewaretoken" not in parts["sidebar_html"]
    editor = User.objects.create_user("agenda-editor", password="pw-editor-1")
    editor.user_permissions.add(Permission.objects.get(codename="change_agendaitem"))
    client.force_login(editor)
    assert 'name="csrfmiddlewaretoken"' in page(client, article)  # the agenda's own forms
    assert cache.get(reader_cache.key(article, "editor"))["sidebar_html"] is None


def test_an_entitys_hover_count_is_cached_and_dropped_when_its_mention_is_saved(
    client: Client, article: Article
) -> None:
    entity = Entity.objects.get(name="نجيب ميقاتي")
    assert 'data-count="1"' in page(client, article)
    other = make_article("خبر آخر")
    make_mention(paragraph(other, 1), "نجيب ميقاتي", "PERSON")  # saved: its count is dropped
    reader_cache.touch([article.pk])
    assert 'data-count="2"' in page(client, article)
    # a queryset write sends no signal: the count stays for its COUNT_SECONDS
    Mention.objects.filter(entity=entity, paragraph__article=other).update(rejected=True)
    reader_cache.touch([article.pk])
    assert 'data-count="2"' in page(client, article)
