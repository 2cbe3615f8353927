"""manage.py export --format json [ID...] : articles as the evaluation contract's JSON."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.export import article_to_dict, export_queryset


class Command(BaseCommand):
    help = "Print articles as a JSON array (all of them, or the given ids)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, metavar="ID")
        parser.add_argument("--format", default="json", choices=["json"])

    def handle(self, *args, **options) -> None:
        articles = list(export_queryset(options["ids"] or None))
        missing = set(options["ids"]) - {a.pk for a in articles}
        if missing:
            raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        data = [article_to_dict(article) for article in articles]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
