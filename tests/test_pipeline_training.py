"""Training and exact-match evaluation of the CRF tagger (conlleval-style counting)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.features import Resources
from newsreader.pipeline.training import (
    DataError,
    entities,
    evaluate,
    score,
    train,
    train_sentences,
)


def test_entities_count_a_stray_inside_tag_as_an_entity() -> None:
    assert entities(["O", "I-PERSON", "I-PERSON", "B-PERSON", "O"]) == {
        ("PERSON", 1, 3),
        ("PERSON", 3, 4),
    }
    assert entities(["B-LOCATION", "I-PERSON"]) == {("LOCATION", 0, 1), ("PERSON", 1, 2)}


def test_score_exact_match_per_label_and_micro() -> None:
    gold = [
        ["B-PERSON", "I-PERSON", "O", "B-LOCATION"],
        ["B-ORGANIZATION", "I-ORGANIZATION", "O", "O"],
    ]
    pred = [
        ["B-PERSON", "I-PERSON", "O", "B-LOCATION"],  # both right
        ["B-ORGANIZATION", "O", "O", "B-PERSON"],  # ORG boundary wrong, PERSON spurious
    ]
    report = score(gold, pred)
    assert (report.per_label["PERSON"].tp, report.per_label["PERSON"].fp) == (1, 1)
    assert report.per_label["LOCATION"].f1 == 1.0
    org = report.per_label["ORGANIZATION"]
    assert (org.tp, org.fp, org.fn) == (0, 1, 1)
    assert org.f1 == 0.0
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 2, 1)
    assert report.micro.precision == pytest.approx(0.5)
    assert report.micro.recall == pytest.approx(2 / 3)
    assert report.micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert report.lines()[-1].startswith("micro")


def test_score_rejects_misaligned_sentences() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def test_missing_data_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="NER data not found"):
        train_sentences(tmp_path / "nowhere")


def test_train_is_reproducible_and_learns_a_toy_corpus(tmp_path: Path) -> None:
    sentences = [
        [("زار", "O"), ("الرئيس", "O"), ("سمير", "B-PERSON"), ("دمشق", "B-LOCATION")],
        [("وصل", "O"), ("الوزير", "O"), ("كريم", "B-PERSON"), ("إلى", "O"), ("حلب", "B-LOCATION")],
        [("قال", "O"), ("الرئيس", "O"), ("كريم", "B-PERSON"), ("في", "O"), ("دمشق", "B-LOCATION")],
    ] * 3
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(sentences, first, c1=0.0, c2=0.01, max_iterations=50, resources=Resources())
    train(sentences, second, c1=0.0, c2=0.01, max_iterations=50, resources=Resources())
    assert first.read_bytes() == second.read_bytes()
    report = evaluate(first, sentences, Resources())
    assert report.micro.f1 == 1.0
