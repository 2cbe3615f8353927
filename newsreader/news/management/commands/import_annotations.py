"""manage.py import_annotations PATH... : read JSONL or brat standoff annotations back.

The work is `newsreader.news.importing.import_files`; this prints one line per
file and exits non-zero when a file was refused.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.formats import FormatError
from newsreader.news.importing import import_files


class Command(BaseCommand):
    help = "Import JSONL or brat standoff annotations without duplicating mentions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, **options) -> None:
        try:
            results = import_files(options["paths"])
        except FormatError as error:
            raise CommandError(str(error)) from None
        for result in results:
            (self.stderr if result.error else self.stdout).write(str(result))
        failed = sum(1 for r in results if r.error)
        if failed:
            raise CommandError(f"{failed} of {len(results)} file(s) not imported")
