"""manage.py ingest PATH... : store each file, URL (or stdin, "-") as an annotated article.

A PATH is a text or HTML file, "-" for stdin, or an http(s) URL. Each input
gets one line: "<PATH>: created article …" on stdout or "error: <PATH>:
<reason>" on stderr; one bad input does not stop the others, and the exit
status is non-zero if any failed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.annotate import recogniser
from newsreader.news.fetch import is_url
from newsreader.news.ingest import IngestResult, ingest_bytes, ingest_url
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
        note = recogniser()[1]
        if note:
            self.stderr.write(note)
        failed = 0
        for name in options["paths"]:
            try:
                result = _ingest_one(name, given)
            except InputError as err:
                failed += 1
                self.stderr.write(f"error: {name}: {err}")
                continue
            except Exception as err:  # a bug must not leave a traceback or half an article
                if options["traceback"]:
                    raise
                failed += 1
                self.stderr.write(f"error: {name}: could not be processed ({type(err).__name__})")
                continue
            self.stdout.write(f"{name}: {result}")
        if failed:
            raise CommandError(f"{failed} of {len(options['paths'])} inputs failed")


def _ingest_one(name: str, given: dict) -> IngestResult:
    if is_url(name):
        return ingest_url(name, **given)
    return ingest_bytes(_read(name), name=name, **given)


def _read(name: str) -> bytes:
    """The input's bytes; larger than INGEST_MAX_BYTES is refused before it is all read."""
    limit = settings.INGEST_MAX_BYTES
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            with Path(name).open("rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a directory, not a file") from None
        except OSError as err:
            raise InputError(err.strerror or "cannot be read") from None
    if len(data) > limit:
        raise InputError(f"the input is larger than {limit} bytes")
    return data
