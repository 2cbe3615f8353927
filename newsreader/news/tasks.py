"""Background tasks, on Django's Tasks API (the django-tasks backport until Django 6)."""

from __future__ import annotations

from django_tasks import task

from newsreader.news.job_runs import run_job


@task()
def ingest_job(job_id: int) -> str:
    """Run one ingest job (see jobs.run_job); returns "created", "exists" or "skipped"."""
    return run_job(job_id)
