"""Ingest jobs: inputs queued on the task queue, each with a record curators can read and retry.

One path writes IngestJob rows: `queue_inputs` (the command's --queue and the
admin's URL list) creates them and hands each to the task queue, `run_job`
(the task, in `job_runs`) claims one and records its outcome, `retry_jobs` (an admin action)
queues failed ones again, and `recover_jobs` (an admin action, `manage.py recover_jobs`)
fails the jobs whose worker died mid-run and queues again those the queue lost.
Which engine runs the tasks is settings.TASKS: in the process itself
(ImmediateBackend) or `manage.py db_worker` processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

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


@dataclass
class Recovery:
    """What `recover_jobs` did: running jobs failed as stalled, queued jobs queued again."""

    stalled: list[IngestJob] = field(default_factory=list)
    requeued: list[IngestJob] = field(default_factory=list)


def stale_since(now: datetime | None = None) -> datetime:
    """Jobs running (or waiting) since before this have outlived INGEST_JOB_STALE_SECONDS."""
    return (now or timezone.now()) - timedelta(seconds=settings.INGEST_JOB_STALE_SECONDS)


def is_stalled(job: IngestJob, now: datetime | None = None) -> bool:
    """Running for longer than any ingest takes: its worker stopped (the admin shows it)."""
    return (
        job.state == IngestJob.State.RUNNING
        and job.started is not None
        and job.started < stale_since(now)
    )


def recover_jobs(jobs: QuerySet[IngestJob] | None = None) -> Recovery:
    """Fail the stalled among `jobs` (default: all) for a retry; queue the lost queued ones again.

    A job running past the stale limit lost its worker (killed, machine
    restarted): it is failed with the reason, so `retry_jobs` takes it; should
    that worker finish after all, its outcome still lands unless a retry came
    first (job_runs.this_run). A job queued past the limit whose task the queue
    does not hold, or holds as finished, (a database moved by the archive, a
    queue emptied) is handed to the queue again; running it twice ingests once.
    """
    jobs = IngestJob.objects.all() if jobs is None else jobs
    now = timezone.now()
    cutoff = stale_since(now)
    recovery = Recovery()
    stalled = jobs.filter(state=IngestJob.State.RUNNING, started__lt=cutoff).defer("raw")
    for job in stalled.order_by("pk"):
        since = timezone.localtime(job.started).strftime("%Y-%m-%d %H:%M %Z")
        error = (
            f"the worker stopped before finishing (running since {since}, "
            f"over {settings.INGEST_JOB_STALE_SECONDS} s) — "
            f"توقف العامل قبل أن ينهي المهمة (بدأت {since})"
        )
        marked = IngestJob.objects.filter(
            pk=job.pk, state=IngestJob.State.RUNNING, attempts=job.attempts
        ).update(state=IngestJob.State.FAILED, error=error, finished=now)
        if marked:  # not finished meanwhile
            job.refresh_from_db(fields=["state", "error", "finished"])
            recovery.stalled.append(job)
    waiting = jobs.filter(state=IngestJob.State.QUEUED, created__lt=cutoff).defer("raw")
    for job in waiting.order_by("pk"):
        if _task_waiting(job.task_id, cutoff):
            continue
        _enqueue(job)
        recovery.requeued.append(job)
    return recovery


def _task_waiting(task_id: str, cutoff: datetime) -> bool:
    """Whether the queue holds this job's task still to run (or running since `cutoff`).

    A backend that cannot look tasks up (the immediate one runs each at once,
    so nothing of its waits) holds none.
    """
    from django_tasks import TaskResultStatus
    from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

    from newsreader.news.tasks import ingest_job

    if not task_id or not ingest_job.get_backend().supports_get_result:
        return False
    try:
        result = ingest_job.get_result(task_id)
    except (TaskResultDoesNotExist, TaskResultMismatch):
        return False
    if result.status == TaskResultStatus.READY:
        return True
    return result.status == TaskResultStatus.RUNNING and (
        result.started_at is None or result.started_at >= cutoff
    )


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
