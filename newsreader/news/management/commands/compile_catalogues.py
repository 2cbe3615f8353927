"""Compile the project's Arabic catalogue (locale/) so ngettext has its six plural forms."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from newsreader.news.catalog import compile_catalogues


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo (gettext's msgfmt if installed, else Babel)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="recompile up-to-date ones too")

    def handle(self, *args, force: bool = False, **options) -> None:
        for mo in compile_catalogues(force=force):
            self.stdout.write(f"compiled {mo}")
