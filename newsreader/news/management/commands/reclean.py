"""manage.py reclean ID... | --source NAME : re-clean stored articles from their raw input.

Human decisions are kept (see news.reclean); `--source` re-cleans every article
of a source once its furniture is known.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.models import Article
from newsreader.news.reclean import articles_of_source, reclean_article
from newsreader.pipeline.types import InputError


class Command(BaseCommand):
    help = "Re-run cleaning on stored articles from their raw input, keeping human decisions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, metavar="ID")
        parser.add_argument("--source", help="every article of this source (host or name)")

    def handle(self, *args, **options) -> None:
        ids: list[int] = list(options["ids"])
        if options["source"]:
            ids += articles_of_source(options["source"])
        if not ids:
            raise CommandError("name article ids or --source with at least one article")
        failed = False
        for pk in ids:
            article = Article.objects.filter(pk=pk).first()
            if article is None:
                self.stderr.write(f"article {pk}: no such article")
                failed = True
                continue
            try:
                self.stdout.write(f"article {pk}: {reclean_article(article)}")
            except InputError as err:
                self.stderr.write(f"article {pk}: {err}")
                failed = True
        if failed:
            raise CommandError("some articles were not re-cleaned")
