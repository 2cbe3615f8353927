"""The admin's ingest jobs: a URL list becomes jobs, each job's state and error show, retry."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news import jobs
from newsreader.news.models import Article, IngestJob
from tests.test_fetch import html, serve

PAGES = Path(__file__).resolve().parent / "pages"
STORY = (
    "افتتاح مكتبة عامة في البصرة\n"
    "افتتحت بلدية البصرة اليوم مكتبة عامة جديدة تضم عشرة آلاف كتاب.\n"
    "وقالت مديرة المكتبة هدى الراشد إن أبوابها مفتوحة للجميع.\n"
).encode()


@pytest.mark.django_db
def test_a_url_list_becomes_one_job_per_url_listed_with_state_error_and_article(
    curator: Client, settings
) -> None:
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    routes = {"/news/clinic": html((PAGES / "clinic-opening.html").read_bytes())}
    add = reverse("admin:news_ingestjob_add")
    assert 'id="url-list-form"' in curator.get(add).content.decode()
    with serve(routes) as base:
        response = curator.post(add, {"urls": f"{base}/news/clinic\n\n{base}/news/gone\n"})
    assert response.status_code == 302
    done, failed = IngestJob.objects.order_by("pk")
    article = Article.objects.get()
    assert (done.state, done.outcome, done.article_id) == ("done", "created", article.pk)
    assert (failed.state, failed.error) == ("failed", "the server answered 404 Not Found")

    page = curator.get(response["Location"]).content.decode()
    article_url = reverse("admin:news_article_change", args=[article.pk])
    assert f'<a href="{article_url}">{article.title}</a>' in page
    assert "the server answered 404 Not Found" in page
    assert "فشل" in page and "تم" in page  # the states, by their names


@pytest.mark.django_db
def test_a_bad_url_list_is_refused_with_the_line_named(curator: Client) -> None:
    response = curator.post(
        reverse("admin:news_ingestjob_add"), {"urls": "https://example.com/a\nnot a url"}
    )
    assert response.status_code == 200
    assert "line 2 is not an http(s) URL: not a url" in response.content.decode()
    assert not IngestJob.objects.exists()


@pytest.mark.django_db
def test_retry_runs_a_failed_job_again_from_its_kept_input(curator: Client, monkeypatch) -> None:
    def broken(article, **options):
        raise RuntimeError("the tagger fell over")

    monkeypatch.setattr("newsreader.news.ingest.annotate_article", broken)
    (job,) = jobs.queue_inputs([jobs.JobInput("library.txt", STORY)])
    assert job.state == "failed"
    page = curator.get(reverse("admin:news_ingestjob_change", args=[job.pk])).content.decode()
    assert "RuntimeError: the tagger fell over" in page
    assert f"{len(STORY)} بايت" in page  # the input is kept

    monkeypatch.undo()
    response = curator.post(
        reverse("admin:news_ingestjob_changelist"),
        {"action": "retry_selected", "_selected_action": [job.pk]},
    )
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.state, job.outcome, job.error, job.attempts) == ("done", "created", "", 2)
    assert job.article.title == "افتتاح مكتبة عامة في البصرة"


@pytest.mark.django_db
def test_jobs_are_for_staff_only(client: Client) -> None:
    response = client.get(reverse("admin:news_ingestjob_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]
