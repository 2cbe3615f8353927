"""manage.py reannotate [ID...] [--all] : re-run the pipeline, keeping every human decision."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.annotate import annotate_article
from newsreader.news.models import Article


class Command(BaseCommand):
    help = "Re-run entity, agenda and timeline annotation on stored articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, metavar="ID")
        parser.add_argument("--all", action="store_true", help="every article")

    def handle(self, *args, **options) -> None:
        if not options["ids"] and not options["all"]:
            raise CommandError("give article ids or --all")
        articles = (
            Article.objects.all()
            if options["all"]
            else Article.objects.filter(pk__in=options["ids"])
        )
        for article in articles.order_by("pk"):
            self.stdout.write(f"article {article.pk}: {annotate_article(article)}")
