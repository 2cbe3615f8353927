"""Ingest jobs: inputs queued on the task queue, each with a record curators can read and retry.

One path writes IngestJob rows: `queue_inputs` (the command's --queue and the
admin's URL list) creates them and hands each to the task queue, `run_job`
(the task) claims one and records its outcome, `retry_jobs` (an admin action)
queues failed ones again. Which engine runs the tasks is settings.TASKS: in
the process itself (ImmediateBackend) or `manage.py db_worker` processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import F, QuerySet
from django.utils import timezone
from django_tasks import task

from newsreader.news.fetch import check_url, fetch, is_url
from newsreader.news.ingest import IngestResult, ingest_bytes, ingest_page
from newsreader.news.models import IngestJob
from newsreader.pipeline.types import InputError

MAX_ERROR = 2000


class JobFailed(Exception):
    """A job's input could not be ingested; the job row holds the reason."""


@dataclass(frozen=True)
class JobInput:
    """What one job ingests: a URL to fetch (data None) or a file's bytes under its name."""

    source: str
    data: bytes | None = None


def ingest_options(
    published: date | None = None,
    source_url: str = "",
    source_name: str = "",
    title: str | None = None,
    encoding: str | None = None,
) -> dict:
    """The ingest options as a job stores them (JSON)."""
    return {
        "published": published.isoformat() if published else None,
        "source_url": source_url,
        "source_name": source_name,
        "title": title,
        "encoding": encoding,
    }


def queue_inputs(inputs: Iterable[JobInput], options: dict | None = None) -> list[IngestJob]:
    """A job per input, each handed to the task queue; returns the jobs in input order.

    With the immediate backend the job has run when this returns (its row says how).
    """
    jobs = []
    for item in inputs:
        job = IngestJob.objects.create(
            source=item.source[:2000], raw=item.data, options=options or ingest_options()
        )
        _enqueue(job)
        jobs.append(job)
    return jobs


def parse_url_list(text: str) -> list[str]:
    """The URLs of a list, one per line (blank lines skipped); InputError names a bad line."""
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url:
            continue
        if not is_url(url):
            raise InputError(f"line {number} is not an http(s) URL: {url[:100]}")
        try:
            check_url(url)
        except InputError as err:
            raise InputError(f"line {number}: {err}") from None
        urls.append(url)
    if not urls:
        raise InputError("the list holds no URL")
    return urls


def run_job(job_id: int) -> str:
    """Ingest one queued job and record what came of it: "created", "exists" or "skipped".

    A job another worker already took (or finished) is skipped, so a task run
    twice ingests once. Failure is recorded on the row, then raised as
    JobFailed so the task queue records the task as failed too.
    """
    claimed = IngestJob.objects.filter(pk=job_id, state=IngestJob.State.QUEUED).update(
        state=IngestJob.State.RUNNING,
        started=timezone.now(),
        attempts=F("attempts") + 1,
        error="",
    )
    if not claimed:
        return "skipped"
    job = IngestJob.objects.get(pk=job_id)
    try:
        result = _ingest(job)
    except InputError as err:
        _fail(job.pk, str(err))
        raise JobFailed(f"job {job.pk}: {job.source}: {err}") from None
    except Exception as err:  # a bug: the job keeps its input and the error for a retry
        _fail(job.pk, f"could not be processed ({type(err).__name__}: {err})")
        raise
    outcome = IngestJob.Outcome.CREATED if result.created else IngestJob.Outcome.EXISTS
    IngestJob.objects.filter(pk=job.pk).update(
        state=IngestJob.State.DONE,
        outcome=outcome,
        article=result.article,
        finished=timezone.now(),
    )
    return outcome.value


def retry_jobs(jobs: QuerySet[IngestJob]) -> list[IngestJob]:
    """Queue the failed jobs among `jobs` again (their input and options unchanged)."""
    retried = []
    for job in jobs.filter(state=IngestJob.State.FAILED):
        reset = IngestJob.objects.filter(pk=job.pk, state=IngestJob.State.FAILED).update(
            state=IngestJob.State.QUEUED, outcome="", finished=None
        )
        if not reset:  # retried by someone else meanwhile
            continue
        _enqueue(job)
        retried.append(job)
    return retried


def _enqueue(job: IngestJob) -> None:
    """Hand the job to the task queue, then read back what it says now."""
    try:
        result = ingest_job.enqueue(job.pk)
    except Exception as err:  # the queue is down: the job stays, to be retried
        _fail(job.pk, f"could not be queued ({type(err).__name__}: {err})")
    else:
        IngestJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()


def _ingest(job: IngestJob) -> IngestResult:
    options = dict(job.options)
    if options.get("published"):
        options["published"] = date.fromisoformat(options["published"])
    if job.raw is not None and not is_url(job.source):
        return ingest_bytes(bytes(job.raw), name=job.source, **options)
    fetched = fetch(job.source)
    try:
        return ingest_page(fetched, **options)
    except Exception:
        IngestJob.objects.filter(pk=job.pk).update(raw=fetched.data)  # the page, to look at
        raise


def _fail(job_id: int, error: str) -> None:
    IngestJob.objects.filter(pk=job_id).update(
        state=IngestJob.State.FAILED, error=error[:MAX_ERROR], finished=timezone.now()
    )


@task()
def ingest_job(job_id: int) -> str:
    """The background task: run one ingest job (`run_job`); "created", "exists" or "skipped".

    Defined beside the service it runs (a tasks module importing this one while
    this one enqueued through it was an import cycle).
    """
    return run_job(job_id)
