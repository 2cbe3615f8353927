"""Ingest jobs (newsreader.news.jobs): queued inputs, their state, the failed kept for a retry.

The default task backend runs a job in the process that queues it; the
database backend only stores it (its workers are tested in test_queue_workers).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsreader.news import job_runs, jobs
from newsreader.news.models import Article, IngestJob
from newsreader.pipeline.types import InputError
from tests.test_fetch import html, serve

PAGES = Path(__file__).resolve().parent / "pages"

STORY = (
    "افتتاح جسر جديد فوق نهر دجلة في مدينة الموصل\n"
    "افتتح محافظ نينوى سالم الدباغ اليوم جسراً جديداً فوق نهر دجلة يربط ضفتي المدينة.\n"
    "وقال الدباغ إن الجسر سيخفف الزحام عن الجسور القديمة في الموصل.\n"
).encode()

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_a_queued_input_runs_at_once_by_default_and_records_its_article() -> None:
    (job,) = jobs.queue_inputs(
        [jobs.JobInput("bridge.txt", STORY)], jobs.ingest_options(published=date(2026, 4, 2))
    )
    article = Article.objects.get()
    assert (job.state, job.outcome, job.article_id) == ("done", "created", article.pk)
    assert str(article.published) == "2026-04-02"  # the job's options reach the ingest
    assert job.attempts == 1 and job.task_id and job.finished is not None
    (again,) = jobs.queue_inputs([jobs.JobInput("bridge-copy.txt", STORY)])
    assert (again.state, again.outcome, again.article_id) == ("done", "exists", article.pk)
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_job_keeps_its_input_and_error_and_a_retry_runs_it_again(monkeypatch) -> None:
    def broken(article, **options):
        raise RuntimeError("the tagger fell over")

    monkeypatch.setattr("newsreader.news.ingest.annotate_article", broken)
    (job,) = jobs.queue_inputs([jobs.JobInput("bridge.txt", STORY)])
    assert job.state == "failed"
    assert job.error == "could not be processed (RuntimeError: the tagger fell over)"
    assert bytes(job.raw) == STORY  # the raw input, kept
    assert not Article.objects.exists()  # and no half article

    monkeypatch.undo()
    (retried,) = jobs.retry_jobs(IngestJob.objects.all())
    assert (retried.pk, retried.state, retried.outcome, retried.error) == (
        job.pk,
        "done",
        "created",
        "",
    )
    assert retried.attempts == 2
    assert retried.article.title.startswith("افتتاح جسر جديد")


@pytest.mark.django_db
def test_bad_input_fails_its_job_alone_with_the_reason() -> None:
    done, empty = jobs.queue_inputs([jobs.JobInput("a.txt", STORY), jobs.JobInput("b.txt", b"")])
    assert done.state == "done"
    assert (empty.state, empty.error, bytes(empty.raw)) == ("failed", "the input is empty", b"")


@pytest.mark.django_db
def test_retry_leaves_jobs_that_did_not_fail_alone() -> None:
    (job,) = jobs.queue_inputs([jobs.JobInput("a.txt", STORY)])
    assert jobs.retry_jobs(IngestJob.objects.all()) == []
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("done", 1)


@pytest.mark.django_db
def test_with_the_database_backend_a_job_waits_for_a_worker(settings) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    (job,) = jobs.queue_inputs([jobs.JobInput("a.txt", STORY)])
    assert job.state == "queued" and not Article.objects.exists()
    task = DBTaskResult.objects.get()
    assert str(task.id) == job.task_id
    assert task.task_path == "newsreader.news.tasks.ingest_job"
    assert task.args_kwargs == {"args": [job.pk], "kwargs": {}}
    # what db_worker does with it: run the task with its arguments
    assert task.task.call(*task.task_result.args) == "created"
    job.refresh_from_db()
    assert (job.state, job.outcome) == ("done", "created")


@pytest.mark.django_db
def test_a_job_runs_once_however_often_its_task_runs(settings) -> None:
    settings.TASKS = DATABASE_TASKS
    (job,) = jobs.queue_inputs([jobs.JobInput("a.txt", STORY)])
    assert job_runs.run_job(job.pk) == "created"
    assert job_runs.run_job(job.pk) == "skipped"
    job.refresh_from_db()
    assert job.attempts == 1


@pytest.mark.django_db
def test_a_url_job_that_fails_keeps_the_page_it_fetched(settings) -> None:
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    empty_page = "<html><body><nav>الرئيسية</nav></body></html>".encode()
    routes = {
        "/news/clinic": html((PAGES / "clinic-opening.html").read_bytes()),
        "/news/empty": html(empty_page),
    }
    with serve(routes) as base:
        clinic, empty = jobs.queue_inputs(
            [jobs.JobInput(f"{base}/news/clinic"), jobs.JobInput(f"{base}/news/empty")]
        )
    assert (clinic.state, clinic.outcome) == ("done", "created")
    assert clinic.raw is None  # a URL's page is kept only when it fails
    assert empty.state == "failed"
    assert bytes(empty.raw) == empty_page
    assert empty.error


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("https://example.com/a\nnot a url\n", "line 2 is not an http(s) URL: not a url"),
        ("\n  \n", "the list holds no URL"),
        ("ftp://example.com/a", "line 1: only http and https URLs are fetched, not ftp"),
    ],
)
def test_a_url_list_names_its_bad_line(text: str, error: str) -> None:
    with pytest.raises(InputError, match=re.escape(error)):
        jobs.parse_url_list(text)


def test_a_url_list_skips_blank_lines_and_spaces() -> None:
    text = " https://example.com/news/1 \n\nhttp://example.org/2\n"
    assert jobs.parse_url_list(text) == ["https://example.com/news/1", "http://example.org/2"]


@pytest.mark.django_db
def test_a_job_the_queue_refused_is_failed_with_its_input_for_a_retry(monkeypatch) -> None:
    class Down:
        def enqueue(self, *args):
            raise ConnectionError("the queue is down")

    monkeypatch.setattr("newsreader.news.tasks.ingest_job", Down())
    (job,) = jobs.queue_inputs([jobs.JobInput("a.txt", STORY)])
    assert (job.state, job.error) == (
        "failed",
        "could not be queued (ConnectionError: the queue is down)",
    )
    assert bytes(job.raw) == STORY
    monkeypatch.undo()
    (job,) = jobs.retry_jobs(IngestJob.objects.all())
    assert (job.state, job.outcome) == ("done", "created")
