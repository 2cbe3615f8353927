"""manage.py recover_jobs [--retry] : fail the ingest jobs whose worker died; re-queue the lost.

For cron (every few minutes is fine): a job running longer than
INGEST_JOB_STALE_SECONDS is failed with the reason ("the worker stopped…"),
one queued that long whose task the queue lost is queued again
(newsreader.news.jobs.recover_jobs). --retry also queues the stalled ones again
at once. One line per job, then a count.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from newsreader.news import jobs
from newsreader.news.models import IngestJob


class Command(BaseCommand):
    help = (
        "Fail the ingest jobs running past INGEST_JOB_STALE_SECONDS (their worker stopped) "
        "and queue again the queued jobs whose task the queue lost."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--retry", action="store_true", help="queue the stalled jobs again at once"
        )

    def handle(self, *args, **options) -> None:
        recovery = jobs.recover_jobs()
        for job in recovery.stalled:
            self.stdout.write(f"job {job.pk}: {job.source}: stalled, failed: {job.error}")
        retried = []
        if options["retry"] and recovery.stalled:
            stalled = IngestJob.objects.filter(pk__in=[job.pk for job in recovery.stalled])
            retried = jobs.retry_jobs(stalled)
        for job in [*retried, *recovery.requeued]:
            self.stdout.write(f"job {job.pk}: {job.source}: queued again, now {job.state}")
        self.stdout.write(
            f"{len(recovery.stalled)} stalled jobs failed, {len(retried)} of them retried; "
            f"{len(recovery.requeued)} lost queued jobs queued again"
        )
