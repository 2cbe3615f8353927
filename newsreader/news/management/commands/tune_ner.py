"""manage.py tune_ner : pick c1/c2 for train_ner on the last sixth of the training file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.ner_runs import default_data
from newsreader.pipeline import training, tuning


class Command(BaseCommand):
    help = "Score each (c1, c2) on held-out training sentences (never the test file)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=None, help="shared/data/ner folder")
        parser.add_argument("--with-aqmar", action="store_true")
        parser.add_argument("--two-pass", action="store_true", help="tune the two-pass model")
        parser.add_argument("--c1", type=float, nargs="+", default=None)
        parser.add_argument("--c2", type=float, nargs="+", default=None)
        parser.add_argument(
            "--max-iterations", type=int, default=training.DEFAULTS["max_iterations"]
        )

    def handle(self, *args, **options) -> None:
        grid = list(tuning.GRID)
        if options["c1"] or options["c2"]:
            c1s = options["c1"] or sorted({c for c, _ in grid})
            c2s = options["c2"] or sorted({c for _, c in grid})
            grid = [(a, b) for a in c1s for b in c2s]
        try:
            trials = tuning.tune(
                options["data"] or default_data(),
                grid,
                with_aqmar=options["with_aqmar"],
                two_pass=options["two_pass"],
                max_iterations=options["max_iterations"],
            )
        except training.DataError as exc:
            raise CommandError(str(exc)) from exc
        header = f"{'c1':>6}{'c2':>6}{'P':>7}{'R':>7}{'F1':>7}"
        self.stdout.write(f"{header}  (dev: the last sixth of the training file)")
        for t in trials:
            m = t.report.micro
            self.stdout.write(
                f"{t.c1:6g}{t.c2:6g}{100 * m.precision:7.1f}{100 * m.recall:7.1f}{100 * m.f1:7.1f}"
            )
        best = trials[0]
        self.stdout.write(f"best: --c1 {best.c1:g} --c2 {best.c2:g}")
