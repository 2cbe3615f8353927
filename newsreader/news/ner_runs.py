"""What the NER commands (train_ner, evaluate_ner, tune_ner) and bench/curation share.

The corpus folder they read by default, how often a curated sentence is repeated,
and the held-out report on reviewed articles: one place, so no command imports another.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from django.conf import settings

from newsreader.news.curated_corpus import CuratedSplit
from newsreader.pipeline import training

CURATED_WEIGHT = 3  # train_ner --curated-weight: repeats of a curated sentence


class Writer(Protocol):
    def write(self, msg: str) -> Any: ...


def default_data() -> Path:
    """shared/data/ner beside the project: the ANERcorp and AQMAR files."""
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "ner"


def write_curated_report(stdout: Writer, model: Path, curated: CuratedSplit) -> None:
    """Exact-match scores on the held-out reviewed articles (or why there are none)."""
    if not curated.test:
        stdout.write(
            f"\nheld-out reviewed articles: none yet ({curated.describe()}; "
            "every 5th reviewed article is held out)"
        )
        return
    report = training.evaluate(model, curated.test)
    stdout.write(
        f"\nheld-out reviewed articles ({len(curated.test_articles)} articles, "
        f"{len(curated.test)} paragraphs; exact match, PER/LOC/ORG)"
    )
    stdout.write("\n".join(report.lines()))
