"""Before/after of `train_ner --with-curated`, with real human annotations as curators' work.

    .venv/bin/python bench/curation.py [--weight W] [--every N] [--data DIR] [--max-iterations K]

No article has been reviewed by a curator yet, so AQMAR (28 Arabic Wikipedia
articles whose PER/LOC/ORG names people annotated) stands in: each article
is stored, in a throwaway SQLite database in a temporary directory, as a
reviewed article whose paragraphs are its sentences and whose names are
human mentions (`curated_import.store_reviewed_article`), and
`curated_split(every=N)` reads them back as it reads curators' work.
"before" is `train_model(with_aqmar=False)`: ANERcorp only, so AQMAR is
unseen (the committed model learnt from AQMAR and cannot be the baseline).
"after" adds the training side of the split, repeated W times (default
train_ner's --curated-weight). Both are scored exact-match on the official
and the repaired ANERcorp CAMeL Lab test files and on the held-out reviewed
articles. Models go to the temporary directory only. Two trainings: 16
minutes on this two-core machine (train_model's two-pass default). Not a test.

AQMAR is Wikipedia (history, science, sport), not news, and a curator would
review pipeline output rather than annotate from scratch; the figures say
what human-reviewed text of another domain does to the CRF, no more.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "ner"


def setup_django(folder: Path) -> None:
    """Django on a fresh SQLite database in `folder` (never db.sqlite3), migrated."""
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))  # throwaway, this run only
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreader.settings")
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def code_line() -> str:
    """Which code trained the models: HEAD, and whether the pipeline has uncommitted edits."""
    import subprocess

    def git(*args: str) -> str:
        run = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return run.stdout.strip() if run.returncode == 0 else "?"

    edited = git("status", "--porcelain", "--", "newsreader/pipeline")
    state = "with uncommitted edits" if edited else "as committed"
    return f"code: HEAD {git('rev-parse', '--short', 'HEAD')}, newsreader/pipeline {state}"


def missing_data(data: Path) -> str | None:
    """What of the NER data is not there, as one line (None when all is)."""
    from newsreader.pipeline import training

    needed = [data / training.TEST_OFFICIAL, data / training.TEST_FIXED, data / training.AQMAR]
    for path in needed:
        if not path.exists():
            return f"NER data not found: {path} (pass --data pointing at shared/data/ner)"
    if not any((data / f).exists() for f in training.TRAIN_FILES):
        return f"NER data not found: no ANERcorp train file under {data}"
    if not any((data / training.AQMAR).glob("*.txt")):
        return f"NER data not found: no AQMAR articles in {data / training.AQMAR}"
    return None


def store_aqmar(folder: Path) -> list[tuple[str, list]]:
    """Each AQMAR article as a reviewed article, in file name order; (title, sentences)."""
    from django.contrib.auth.models import User

    from newsreader.news.curated_import import store_reviewed_article
    from newsreader.pipeline.corpus import read_aqmar

    curator = User.objects.create_user("bench-curator")
    stored = []
    for path in sorted(folder.glob("*.txt")):
        sentences = read_aqmar(path)
        store_reviewed_article(path.stem.replace("_", " "), sentences, curator)
        stored.append((path.stem, sentences))
    return stored


def n_entities(sentences) -> int:
    from newsreader.pipeline.training import entities

    return sum(len(entities([t for _, t in s])) for s in sentences)


def read_back_line(stored: list[tuple[str, list]], split) -> str:
    """How faithfully the database gives AQMAR back (the pipeline re-tokenises paragraphs)."""
    original = [s for _, sentences in stored for s in sentences if s]
    articles = sorted([*split.train_articles, *split.test_articles], key=lambda a: a.pk)
    from newsreader.news.curated_corpus import article_sentences

    back = [s for a in articles for s in article_sentences(a)]
    same = sum(a == b for a, b in zip(original, back, strict=True))
    return (
        f"read back: {same} of {len(original)} sentences token for token "
        f"({sum(map(len, original))} AQMAR tokens, {sum(map(len, back))} after re-tokenising "
        f"punctuation); entities {n_entities(original)} stored, {n_entities(back)} read back"
    )


def side_line(name: str, articles, sentences) -> str:
    from newsreader.pipeline.corpus import entity_counts

    counts = ", ".join(f"{k} {v}" for k, v in sorted(entity_counts(sentences).items()))
    return (
        f"  {name}: {len(articles)} articles, {len(sentences)} sentences, "
        f"{sum(map(len, sentences))} tokens; {counts}"
    )


def compare(title: str, before, after) -> list[str]:
    """Per-label and micro P/R/F1 of both models side by side, and after − before in F1."""
    from newsreader.pipeline.training import Score

    out = [
        title,
        f"{'':<14}{'before':^21}{'after':^21}",
        f"{'label':<14}" + f"{'P':>7}{'R':>7}{'F1':>7}" * 2 + f"{'ΔF1':>8}{'gold':>7}",
    ]
    labels = sorted({*before.per_label, *after.per_label})
    rows = [
        (label, before.per_label.get(label, Score()), after.per_label.get(label, Score()))
        for label in labels
    ] + [("micro", before.micro, after.micro)]
    for label, b, a in rows:
        figures = "".join(
            f"{100 * s.precision:7.1f}{100 * s.recall:7.1f}{100 * s.f1:7.1f}" for s in (b, a)
        )
        out.append(f"{label:<14}{figures}{100 * (a.f1 - b.f1):+8.1f}{b.tp + b.fn:7d}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="shared/data/ner folder")
    parser.add_argument(
        "--weight", type=int, default=None, help="repeats of a curated sentence (train_ner's)"
    )
    parser.add_argument(
        "--every", type=int, default=None, help="hold out every Nth reviewed article (5)"
    )
    parser.add_argument(
        "--max-iterations", type=int, default=None, help="L-BFGS iterations (training's default)"
    )
    args = parser.parse_args()
    problem = missing_data(args.data)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    started = time.perf_counter()
    tmp = tempfile.TemporaryDirectory(prefix="qari-bench-curation-")
    folder = Path(tmp.name)
    setup_django(folder)

    from newsreader.news.curated_corpus import HOLD_OUT_EVERY, curated_split
    from newsreader.news.ner_runs import CURATED_WEIGHT
    from newsreader.pipeline import training

    weight = args.weight or CURATED_WEIGHT
    every = args.every or HOLD_OUT_EVERY
    options = {} if args.max_iterations is None else {"max_iterations": args.max_iterations}
    if weight < 1 or every < 2:
        print("--weight is at least 1 and --every at least 2", file=sys.stderr)
        return 1

    print(code_line())
    clock = time.perf_counter()
    stored = store_aqmar(args.data / training.AQMAR)
    split = curated_split(every)
    print(f"AQMAR as reviewed articles ({time.perf_counter() - clock:.0f} s): {split.describe()}")
    print(side_line("train", split.train_articles, split.train))
    print(side_line("held out", split.test_articles, split.test))
    print("  held-out articles: " + ", ".join(a.title for a in split.test_articles))
    print("  " + read_back_line(stored, split))

    models = {"before": folder / "base.crfsuite", "after": folder / "curated.crfsuite"}
    extras = {"before": {}, "after": {"extra": split.train, "extra_weight": weight}}
    for name, path in models.items():
        clock = time.perf_counter()
        try:
            result, n_classes = training.train_model(
                args.data, path, with_aqmar=False, **extras[name], **options
            )
        except training.DataError as error:
            print(str(error), file=sys.stderr)
            return 1
        what = "ANERcorp train only" if name == "before" else f"+ curated train x{weight}"
        print(
            f"{name}: {what}, {result.sentences} sentences, {result.tokens} tokens; "
            f"{n_classes} clustered words; CRF {result.iterations} iterations in "
            f"{result.seconds:.0f} s, train_model {time.perf_counter() - clock:.0f} s"
        )
        files = sorted(p.name for p in folder.glob(f"{path.stem}*"))
        print(f"  wrote {', '.join(files)} (temporary)")

    clock = time.perf_counter()
    sets = {**training.test_sets(args.data), "held-out": split.test}
    titles = {
        "official": "ANERcorp CAMeL Lab test, official file",
        "fixed": "ANERcorp CAMeL Lab test, repaired file",
        "held-out": f"held-out reviewed articles (AQMAR, {len(split.test_articles)} articles)",
    }
    for key, sentences in sets.items():
        before, after = (training.evaluate(models[n], sentences) for n in ("before", "after"))
        print()
        print("\n".join(compare(f"{titles[key]}; exact match, PER/LOC/ORG", before, after)))
    print(
        f"\nevaluation {time.perf_counter() - clock:.0f} s; "
        f"wall time {time.perf_counter() - started:.0f} s"
    )
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
