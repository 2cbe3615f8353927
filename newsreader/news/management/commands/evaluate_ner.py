"""manage.py evaluate_ner : exact-match F1 of the CRF tagger on ANERcorp CAMeL Lab test."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.management.commands.train_ner import default_data
from newsreader.pipeline import training
from newsreader.pipeline.features import MODEL_PATH


class Command(BaseCommand):
    help = "Score the CRF tagger on the official and the repaired ANERcorp CAMeL Lab test files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=None, help="shared/data/ner folder")
        parser.add_argument("--model", type=Path, default=MODEL_PATH)

    def handle(self, *args, **options) -> None:
        data: Path = options["data"] or default_data()
        model: Path = options["model"]
        if not model.exists():
            raise CommandError(f"no model at {model}; run `manage.py train_ner` first")
        try:
            reports = training.evaluate_all(data, model)
        except training.DataError as exc:
            raise CommandError(str(exc)) from exc
        notes = {
            "official": "official file (corrupted after every period; comparable with papers)",
            "fixed": "repaired file derived/ANERCorp_CamelLab_test.fixed.txt (the real text)",
        }
        for name, report in reports.items():
            self.stdout.write(f"ANERcorp CAMeL Lab test, {notes[name]}; PER/LOC/ORG, MISC as O")
            self.stdout.write("\n".join(report.lines()) + "\n")
