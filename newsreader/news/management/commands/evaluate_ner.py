"""manage.py evaluate_ner : exact-match F1 of the CRF tagger on ANERcorp CAMeL Lab test.

With --pipeline it scores whole-article recognisers instead (rules alone, the
bare CRF, and the combinations of `find_names_in_article`) on the test
sentences grouped into pseudo-articles, counting (label, mention) pairs per
article with the dev scorer's clitic-forgiving key.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.ner_runs import default_data, write_curated_report
from newsreader.pipeline import training
from newsreader.pipeline.encoder_precision import PRECISIONS, resolve
from newsreader.pipeline.features import MODEL_PATH


class Command(BaseCommand):
    help = "Score the CRF tagger on the official and the repaired ANERcorp CAMeL Lab test files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=None, help="shared/data/ner folder")
        parser.add_argument("--model", type=Path, default=MODEL_PATH)
        parser.add_argument(
            "--pipeline",
            action="store_true",
            help="score the whole-article recognisers (rules, CRF, combinations)",
        )
        parser.add_argument(
            "--article-size", type=int, default=20, help="sentences per pseudo-article"
        )
        parser.add_argument(
            "--encoder",
            type=Path,
            default=None,
            metavar="ADAPTER",
            help="score the fine-tuned encoder with this adapter (train_ner --encoder's output)",
        )
        parser.add_argument(
            "--precision",
            choices=PRECISIONS,
            default="auto",
            help="--encoder: how it computes (auto: bfloat16 where the CPU has it, else float32)",
        )
        parser.add_argument(
            "--curated",
            action="store_true",
            help="also score the reviewed articles held out from train_ner --with-curated",
        )

    def handle(self, *args, **options) -> None:
        data: Path = options["data"] or default_data()
        if options["encoder"]:
            self.encoder(data, options["encoder"], options["precision"])
            return
        model: Path = options["model"]
        if not model.exists():
            raise CommandError(f"no model at {model}; run `manage.py train_ner` first")
        if options["pipeline"]:
            self.pipeline(data, options["article_size"])
            return
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
        if options["curated"]:
            from newsreader.news.curated_corpus import curated_split

            write_curated_report(self.stdout, model, curated_split())

    def encoder(self, data: Path, adapter: Path, precision: str) -> None:
        from newsreader.pipeline.encoder import EncoderUnavailable
        from newsreader.pipeline.encoder_training import evaluate_anercorp

        kind = resolve(precision)
        try:
            reports = evaluate_anercorp(data, adapter, precision=kind)
        except (training.DataError, EncoderUnavailable, OSError) as exc:
            raise CommandError(str(exc)) from exc
        for name, systems in reports.items():
            for system, report in systems.items():
                self.stdout.write(
                    f"ANERcorp CAMeL Lab test, {name} file; {system} (encoder {adapter}, {kind})"
                )
                self.stdout.write("\n".join(report.lines()) + "\n")

    def pipeline(self, data: Path, size: int) -> None:
        try:
            results = training.pipeline_reports(data, size=size)
        except training.DataError as exc:
            raise CommandError(str(exc)) from exc
        for name, systems in results.items():
            self.stdout.write(
                f"ANERcorp CAMeL Lab test, {name} file, pseudo-articles of {size} sentences: "
                "(label, mention) pairs per article, clitics forgiven as score.py's key()"
            )
            for system, (by_key, by_span) in systems.items():
                self.stdout.write(f"  {system} (exact spans micro F1 {100 * by_span.micro.f1:.1f})")
                self.stdout.write("\n".join("    " + line for line in by_key.lines()))
