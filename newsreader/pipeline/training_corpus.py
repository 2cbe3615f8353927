"""Where the NER training and test data live in the data folder, and how sentences are
read, held out and weighted (a missing file is a `DataError`, one line for the user).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsreader.pipeline.corpus import Sentence, read_anercorp, read_aqmar

ANERCORP = "anercorp-camellab"


TRAIN_FILES = (
    f"{ANERCORP}/derived/ANERCorp_CamelLab_train.restored.txt",
    f"{ANERCORP}/ANERCorp_CamelLab_train.txt",
)


TEST_OFFICIAL = f"{ANERCORP}/ANERCorp_CamelLab_test.txt"


TEST_FIXED = f"{ANERCORP}/derived/ANERCorp_CamelLab_test.fixed.txt"


AQMAR = "aqmar"


WIKI = "wiki"  # AQMAR's domain: its sentences' feature copies start «wiki:»


class DataError(FileNotFoundError):
    """The NER data folder or one of its files is missing; one line for the user."""


def _need(path: Path) -> Path:
    if not path.exists():
        raise DataError(f"NER data not found: {path} (pass --data pointing at shared/data/ner)")
    return path


def train_sentences(data: Path, with_aqmar: bool = False) -> list[Sentence]:
    """ANERcorp CAMeL Lab train (the restored file when present), + AQMAR articles if asked.

    AQMAR (Wikipedia) read as plain extra news costs the news test about two
    points, most of them organisations, which Wikipedia marks differently;
    `train_model` therefore gives it its own feature copies (`WIKI`).
    NewsFANE is never read: it re-annotates ANERcorp's text, test part included.
    """
    data = _need(Path(data))
    train = next((data / f for f in TRAIN_FILES if (data / f).exists()), None)
    if train is None:
        raise DataError(f"NER data not found: no ANERcorp train file under {data}")
    sentences = read_anercorp(train)
    if with_aqmar:
        sentences += read_aqmar(_need(data / AQMAR))
    return sentences


def test_sets(data: Path) -> dict[str, list[Sentence]]:
    """The official (corrupted) ANERcorp CAMeL Lab test file and the repaired one."""
    data = _need(Path(data))
    return {
        "official": read_anercorp(_need(data / TEST_OFFICIAL)),
        "fixed": read_anercorp(_need(data / TEST_FIXED)),
    }


def with_extra(
    sentences: Sequence[Sentence], extra: Sequence[Sentence], weight: int = 1
) -> list[Sentence]:
    """The training sentences followed by `extra` repeated `weight` times.

    Repetition is how the CRF weighs sentences (crfsuite has no per-instance
    weight): a curated sentence seen three times counts three times in the loss.
    """
    if weight < 1:
        raise ValueError("the weight of the extra sentences is at least 1")
    return [*sentences, *(list(extra) * weight)]


def hold_out(items: Sequence, every: int = 5) -> tuple[list, list]:
    """(kept, held out): every `every`-th item (the 5th, 10th, …) is held out.

    In a stable order (reviewed articles by id) an item stays on its side as
    more are added after it.
    """
    if every < 2:
        raise ValueError("hold out at most every second item")
    kept = [x for i, x in enumerate(items) if i % every != every - 1]
    held = [x for i, x in enumerate(items) if i % every == every - 1]
    return kept, held
