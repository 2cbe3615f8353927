"""Ingest jobs: inputs queued on the task queue, each with a record curators can read and retry.

One path writes IngestJob rows: `queue_inputs` (the command's --queue and the
admin's URL list) creates them and hands each to the task queue, `run_job`
(the task, in `job_runs`) claims one and records its outcome, `retry_jobs` (an admin action)
queues failed ones again. Which engine runs the tasks is settings.TASKS: in
the process itself (ImmediateBackend) or `manage.py db_worker` processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from newsreader.news.fetch import check_url, is_url
from newsreader.news.job_runs import fail
from newsreader.news.models import IngestJob
from newsreader.pipeline.types import InputError


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
    from newsreader.news.tasks import ingest_job  # the task module imports this one

    try:
        result = ingest_job.enqueue(job.pk)
    except Exception as err:  # the queue is down: the job stays, to be retried
        fail(job.pk, f"could not be queued ({type(err).__name__}: {err})")
    else:
        IngestJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
