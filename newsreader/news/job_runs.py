"""Running one queued ingest job: the task's body, apart from the queueing.

`jobs` hands jobs to the task queue and `tasks.ingest_job` runs them here, so
the task module and the queueing module do not import each other.
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, QuerySet
from django.utils import timezone

from newsreader.news.fetch import fetch, is_url
from newsreader.news.ingest import IngestResult, ingest_bytes, ingest_page
from newsreader.news.models import IngestJob
from newsreader.pipeline.types import InputError

MAX_ERROR = 2000


class JobFailed(Exception):
    """A job's input could not be ingested; the job row holds the reason."""


def run_job(job_id: int) -> str:
    """Ingest one queued job and record what came of it: "created", "exists" or "skipped".

    A job another worker already took (or finished) is skipped, so a task run
    twice ingests once. Failure is recorded on the row, then raised as
    JobFailed so the task queue records the task as failed too. A run that
    outlived the stale limit may have been failed as stalled and retried
    meanwhile (jobs.recover_jobs): it then records nothing and returns "superseded".
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
        fail(job.pk, str(err), run=job.attempts)
        raise JobFailed(f"job {job.pk}: {job.source}: {err}") from None
    except Exception as err:  # a bug: the job keeps its input and the error for a retry
        fail(job.pk, f"could not be processed ({type(err).__name__}: {err})", run=job.attempts)
        raise
    outcome = IngestJob.Outcome.CREATED if result.created else IngestJob.Outcome.EXISTS
    recorded = this_run(job.pk, job.attempts).update(
        state=IngestJob.State.DONE,
        outcome=outcome,
        article=result.article,
        error="",
        finished=timezone.now(),
    )
    return outcome.value if recorded else "superseded"


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
        this_run(job.pk, job.attempts).update(raw=fetched.data)  # the page, to look at
        raise


def this_run(job_id: int, attempt: int) -> QuerySet[IngestJob]:
    """The job while its row still belongs to run number `attempt`.

    Running, or failed as stalled by jobs.recover_jobs and not retried since
    (the run's own outcome then replaces that guess); a retry is queued and
    its claim counts one attempt more, so a late run cannot touch it.
    """
    return IngestJob.objects.filter(
        pk=job_id,
        attempts=attempt,
        state__in=[IngestJob.State.RUNNING, IngestJob.State.FAILED],
    )


def fail(job_id: int, error: str, run: int | None = None) -> int:
    """Record the job as failed; with `run`, only while the row is still that run's."""
    jobs = IngestJob.objects.filter(pk=job_id) if run is None else this_run(job_id, run)
    return jobs.update(
        state=IngestJob.State.FAILED, error=error[:MAX_ERROR], finished=timezone.now()
    )
