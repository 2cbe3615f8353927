"""Choosing c1/c2 on the last sixth of the training file (never the test file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline import tuning
from newsreader.pipeline.training import TRAIN_FILES, DataError

SENTENCES = [
    [("زار", "O"), ("الرئيس", "O"), ("سمير", "B-PERS"), ("دمشق", "B-LOC")],
    [("وصل", "O"), ("الوزير", "O"), ("كريم", "B-PERS"), ("إلى", "O"), ("حلب", "B-LOC")],
    [("قال", "O"), ("الرئيس", "O"), ("كريم", "B-PERS"), ("في", "O"), ("دمشق", "B-LOC")],
]


def data_folder(tmp_path: Path, copies: int = 4) -> Path:
    train = tmp_path / TRAIN_FILES[-1]
    train.parent.mkdir(parents=True)
    blocks = ["\n".join(f"{w} {t}" for w, t in s) for s in SENTENCES * copies]
    train.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return tmp_path


def test_dev_split_holds_out_the_last_sixth_in_order(tmp_path: Path) -> None:
    train, dev = tuning.dev_split(data_folder(tmp_path, copies=4))  # 12 sentences
    assert (len(train), len(dev)) == (10, 2)
    assert [w for w, _ in dev[-1]] == [w for w, _ in SENTENCES[-1]]
    assert dev[0][2] == ("كريم", "B-PERSON")


def test_tune_scores_every_candidate_best_first(tmp_path: Path) -> None:
    grid = [(1000.0, 0.0), (0.0, 0.01)]  # L1 of 1000 zeroes every weight
    trials = tuning.tune(data_folder(tmp_path, 6), grid, max_iterations=30, processes=1)
    assert [(t.c1, t.c2) for t in trials] == [(0.0, 0.01), (1000.0, 0.0)]
    assert trials[0].report.micro.f1 == 1.0
    assert trials[1].report.micro.f1 < 1.0


def test_tune_without_data_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        tuning.tune(tmp_path / "nowhere", [(0.1, 0.1)], processes=1)
