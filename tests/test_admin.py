"""The curators' admin: pages load, the re-run action keeps human edits, staff only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from newsreader.news.models import Article, EditLog, Entity, Mention, Origin
from newsreader.news.vocabulary import drop_reason_name


@pytest.fixture
def article(sample_path: Path) -> Article:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    return Article.objects.get()


@pytest.mark.django_db
def test_admin_pages_show_articles_entities_and_the_log(curator: Client, article: Article) -> None:
    EditLog.objects.create(article=article, target="mention", action="add")
    for url in [
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:news_entity_changelist"),
        reverse("admin:news_entity_change", args=[Entity.objects.first().pk]),
        reverse("admin:news_editlog_changelist"),
        reverse("admin:news_paragraph_change", args=[article.paragraphs.first().pk]),
    ]:
        response = curator.get(url)
        assert response.status_code == 200, url
    page = curator.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert 'dir="rtl"' in page
    assert article.paragraphs.get(index=1).text[:30] in page


@pytest.mark.django_db
def test_changelist_filters_and_search(curator: Client, article: Article) -> None:
    url = reverse("admin:news_article_changelist")
    assert article.title in curator.get(url, {"q": "عمان"}).content.decode()
    assert article.title not in curator.get(url, {"human": "yes"}).content.decode()
    assert article.title in curator.get(url, {"status__exact": "new"}).content.decode()


@pytest.mark.django_db
def test_rerun_action_keeps_human_removal(curator: Client, article: Article) -> None:
    mention = Mention.objects.filter(paragraph__article=article).first()
    mention.rejected = True
    mention.origin = Origin.HUMAN
    mention.save()
    response = curator.post(
        reverse("admin:news_article_changelist"),
        {"action": "rerun_pipeline", "_selected_action": [article.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "قرارات بشرية أُبقيت: 1" in response.content.decode()
    mention.refresh_from_db()
    assert mention.rejected
    assert not Mention.objects.filter(
        paragraph=mention.paragraph, start=mention.start, end=mention.end, rejected=False
    ).exists()


@pytest.mark.django_db
def test_edit_log_is_read_only(curator: Client, article: Article) -> None:
    entry = EditLog.objects.create(article=article, target="mention", action="add")
    response = curator.post(
        reverse("admin:news_editlog_change", args=[entry.pk]), {"action": "remove"}
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.action == "add"


@pytest.mark.django_db
def test_non_staff_cannot_reach_the_admin(client: Client) -> None:
    User.objects.create_user("reader", "", "pw-reader-1")
    client.login(username="reader", password="pw-reader-1")
    response = client.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def _restore_url(line) -> str:
    return reverse("admin:news_article_restore_line", args=[line.article_id, line.pk])


@pytest.mark.django_db
def test_change_page_lists_dropped_lines_with_a_restore_button(
    curator: Client, article: Article
) -> None:
    page = curator.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    line = article.dropped_lines.get(reason="related-article", position=10)
    assert drop_reason_name("related-article") in page and line.text in page
    assert f'formaction="{_restore_url(line)}"' in page
    assert page.count("استعد كفقرة") == article.dropped_lines.count()


@pytest.mark.django_db
def test_curator_restores_a_dropped_line_from_the_admin(curator: Client, article: Article) -> None:
    line = article.dropped_lines.get(reason="related-article", position=10)
    assert curator.get(_restore_url(line)).status_code == 405
    response = curator.post(_restore_url(line), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("admin:news_article_change", args=[article.pk])
    line.refresh_from_db()
    assert line.restored
    assert article.paragraphs.get(index=4).text == line.text
    assert EditLog.objects.filter(action="restore", user__username="curator").count() == 1
    page = response.content.decode()
    assert "مستعاد" in page and f'formaction="{_restore_url(line)}"' not in page
    curator.post(_restore_url(line), follow=True)  # twice: refused with a message, no copy
    assert article.paragraphs.filter(text=line.text).count() == 1


@pytest.mark.django_db
def test_restore_is_refused_without_staff_or_change_permission(
    client: Client, article: Article
) -> None:
    line = article.dropped_lines.first()
    User.objects.create_user("reader", "", "pw-reader-1")
    client.login(username="reader", password="pw-reader-1")
    response = client.post(_restore_url(line))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    User.objects.create_user("viewer", "", "pw-viewer-1", is_staff=True)
    client.login(username="viewer", password="pw-viewer-1")
    assert client.post(_restore_url(line)).status_code == 403
    line.refresh_from_db()
    assert not line.restored
    assert not EditLog.objects.filter(action="restore").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example/a"])
def test_the_admin_refuses_a_source_url_that_is_not_http(
    curator: Client, article: Article, url: str
) -> None:
    change = reverse("admin:news_article_change", args=[article.pk])
    form = curator.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "raw"}
    data.update(source_url=url, published="2026-03-05", reviewed_by="")
    response = curator.post(change, data)
    assert response.status_code == 200  # the form again, with its error
    assert "source_url" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.source_url == ""
