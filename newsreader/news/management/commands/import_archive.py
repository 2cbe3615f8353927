"""manage.py import_archive FILE : fill an empty database from `export --format archive`.

The move from one database to another (SQLite to PostgreSQL, say):

    DATABASE_URL=sqlite:///old.sqlite3 manage.py export --format archive > qari.jsonl
    DATABASE_URL=postgres://… manage.py migrate
    DATABASE_URL=postgres://… manage.py import_archive qari.jsonl

Everything goes in one transaction, or nothing does (one line on stderr and a
non-zero exit). See newsreader.news.archive for what the archive holds.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.archive import ArchiveError, import_lines


class Command(BaseCommand):
    help = "Fill an empty database from an archive written by `export --format archive`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="FILE", help="The archive; - reads standard input.")

    def handle(self, *args, **options) -> None:
        path = options["path"]
        try:
            if path == "-":
                done = import_lines(sys.stdin)
            else:
                with open(path, encoding="utf-8") as handle:
                    done = import_lines(handle)
        except (ArchiveError, OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(f"{path}: {done}")
