"""manage.py ingest PATH... : store each file, URL (or stdin, "-") as an annotated article.

A PATH is a text or HTML file, "-" for stdin, or an http(s) URL. Each input
gets one line: "<PATH>: created article …" on stdout or "error: <PATH>:
<reason>" on stderr; one bad input does not stop the others, and the exit
status is non-zero if any failed. Many inputs show a progress bar on stderr
when it is a terminal. --queue hands each input to the task queue as a job
(newsreader.news.jobs) and prints "<PATH>: job <ID> …" instead.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news import jobs
from newsreader.news.annotate import recogniser
from newsreader.news.fetch import is_url
from newsreader.news.ingest import ingest_input, read_input
from newsreader.news.models import IngestJob
from newsreader.news.progress import Progress
from newsreader.pipeline.types import InputError


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Ingest raw article files, HTML pages and http(s) URLs; one line per input; "
        "the exit status says if any failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help='a text or HTML file, an http(s) URL, or "-"'
        )
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")
        parser.add_argument("--source-url", default="", help="where the article was published")
        parser.add_argument("--source-name", default="", help="the outlet's name")
        parser.add_argument("--title", help="use this title instead of the first line")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue each input as a background job (run by `manage.py db_worker` "
            "with TASK_BACKEND=database) and print the job ids",
        )
        parser.add_argument(
            "--encoding",
            help="the inputs' encoding (utf-8, windows-1256, …) when detection is unsure",
        )

    def handle(self, *args, **options) -> None:
        published = _iso_date(options["published"]) if options["published"] else None
        given = {
            "published": published,
            "source_url": options["source_url"],
            "source_name": options["source_name"],
            "title": options["title"],
            "encoding": options["encoding"],
        }
        paths = options["paths"]
        stream = cast(TextIO, self.stderr._out)  # the bare stream: Progress ends its own lines
        progress = Progress(len(paths), stream) if len(paths) > 1 else None
        if options["queue"]:
            failed = self._queue(paths, given, progress)
        else:
            failed = self._ingest(paths, given, progress, options["traceback"])
        if progress:
            progress.finish()
        if failed:
            raise CommandError(f"{failed} of {len(paths)} inputs failed")

    def _ingest(self, paths: list[str], given: dict, progress, traceback: bool) -> int:
        note = recogniser()[1]
        if note:
            self.stderr.write(note)
        if progress:
            progress.start()
        failed = 0
        for name in paths:
            try:
                result = ingest_input(name, **given)
            except InputError as err:
                failed += 1
                self._report(progress, self.stderr.write, f"error: {name}: {err}")
                continue
            except Exception as err:  # a bug must not leave a traceback or half an article
                if traceback:
                    raise
                failed += 1
                reason = f"could not be processed ({type(err).__name__})"
                self._report(progress, self.stderr.write, f"error: {name}: {reason}")
                continue
            self._report(progress, self.stdout.write, f"{name}: {result}")
        return failed

    def _queue(self, paths: list[str], given: dict, progress) -> int:
        """One job per input; a file is read now (a worker may run on another machine)."""
        options = jobs.ingest_options(**given)
        if progress:
            progress.start()
        failed = 0
        for name in paths:
            try:
                item = (
                    jobs.JobInput(name) if is_url(name) else jobs.JobInput(name, read_input(name))
                )
            except InputError as err:
                failed += 1
                self._report(progress, self.stderr.write, f"error: {name}: {err}")
                continue
            (job,) = jobs.queue_inputs([item], options)
            if job.state == IngestJob.State.FAILED:
                failed += 1
                line = f"error: {name}: job {job.pk} failed: {job.error}"
                self._report(progress, self.stderr.write, line)
                continue
            self._report(progress, self.stdout.write, f"{name}: job {job.pk} {_job_state(job)}")
        return failed

    @staticmethod
    def _report(progress: Progress | None, write, line: str) -> None:
        if progress:
            progress.report(write, line)
        else:
            write(line)


def _job_state(job: IngestJob) -> str:
    """«queued (task …)», or what became of it when the queue ran it at once."""
    if job.state == IngestJob.State.DONE:
        return f"done: {job.outcome} article {job.article_id}"
    return f"{job.state} (task {job.task_id})"
