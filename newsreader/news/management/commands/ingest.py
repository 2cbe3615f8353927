"""manage.py ingest PATH... : store each file (or stdin, "-") as an annotated article."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.ingest import ingest_bytes
from newsreader.pipeline.types import InputError


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = "Ingest raw article files; one line per article; the exit status says if any failed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help='a file, or "-" for stdin')
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")
        parser.add_argument("--source-url", default="", help="where the article was published")
        parser.add_argument("--source-name", default="", help="the outlet's name")
        parser.add_argument("--title", help="use this title instead of the first line")

    def handle(self, *args, **options) -> None:
        published = _iso_date(options["published"]) if options["published"] else None
        failed = 0
        for name in options["paths"]:
            try:
                data = _read(name)
                result = ingest_bytes(
                    data,
                    published=published,
                    source_url=options["source_url"],
                    source_name=options["source_name"],
                    title=options["title"],
                )
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
            self.stdout.write(str(result))
        if failed:
            raise CommandError(f"{failed} of {len(options['paths'])} inputs failed")


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except OSError as err:
        raise InputError(err.strerror or "cannot be read") from None
