"""manage.py rebuild_search : empty and refill the full-text search index from the articles."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from newsreader.news import search


class Command(BaseCommand):
    help = "Rebuild the full-text index (SQLite FTS5, PostgreSQL tsvector) from every article."

    def handle(self, *args, **options) -> None:
        if not search.enabled():
            vendor = connection.vendor
            self.stdout.write(f"{vendor}: no full-text index, search reads the shadow text")
            return
        with transaction.atomic():
            with connection.cursor() as cursor:
                search.create_index(cursor)
            n = search.rebuild()
        self.stdout.write(f"indexed {n} articles")
