"""The CRF model read into arrays gives crfsuite's tags and marginals."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.crf_model import CrfModel, ModelFormatError
from newsreader.pipeline.features import (
    MODEL_PATH,
    Resources,
    resources_for,
    sentence_features,
    sentence_parts,
)
from newsreader.pipeline.training import train

SENTENCES = [
    [("زار", "O"), ("الرئيس", "O"), ("سمير", "B-PERSON"), ("دمشق", "B-LOCATION")],
    [("وصل", "O"), ("الوزير", "O"), ("كريم", "B-PERSON"), ("يوسف", "I-PERSON"), ("إلى", "O")],
    [("قال", "O"), ("بنك", "B-ORGANIZATION"), ("لبنان", "I-ORGANIZATION"), ("في", "O")],
    [("غادر", "O"), ("وفد", "O"), ("حلب", "B-LOCATION"), ("أمس", "O")],
]
# words the model never saw, names among them, and a sentence of one word
UNSEEN = [
    ["التقى", "الرئيس", "كريم", "سمير", "في", "حلب", "وبيروت", "."],
    ["دمشق"],
    ["أعلن", "بنك", "دمشق", "أن", "الوزير", "يوسف", "وصل"],
]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crf") / "toy.crfsuite"
    train(SENTENCES * 3, path, resources=Resources(), c1=0.0, c2=0.05, max_iterations=60)
    return path


def _crfsuite(path: Path, items: list[list[str]]) -> tuple[list[str], list[dict[str, float]]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    tagger.set(items)
    tags = list(tagger.tag())
    marginals = [{t: tagger.marginal(t, i) for t in tagger.labels()} for i in range(len(items))]
    return tags, marginals


NEWS = [
    "وقال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات مع الأمم المتحدة مستمرة .",
    "واستقبل الملك عبدالله الثاني في عمان رئيس الوزراء اللبناني نجيب ميقاتي .",
    "وأعلنت منظمة الصحة العالمية أن الوباء انحسر في جنوب شرق آسيا وأفريقيا .",
]


@pytest.mark.parametrize("which", ["toy", "committed"])
def test_tags_and_marginals_are_crfsuites(which: str, model_file: Path) -> None:
    if which == "committed":  # real transitions: «I-» never follows «O»
        if not MODEL_PATH.exists():
            pytest.skip("model not trained yet")
        path, resources = MODEL_PATH, resources_for(MODEL_PATH)
        sentences = [s.split() for s in NEWS]
    else:
        path, resources = model_file, Resources()
        sentences = [[w for w, _ in s] for s in SENTENCES] + UNSEEN
    model = CrfModel.read(path)
    flat = [sentence_features(words, resources) for words in sentences]
    reading = model.read_document(flat)
    tags, marginals = model.tags(reading), model.marginals(reading)
    assert any(t != "O" for sentence in tags[-3:] for t in sentence)
    for items, mine, probs in zip(flat, tags, marginals, strict=True):
        expected, expected_probs = _crfsuite(path, items)
        assert mine == expected
        assert probs.shape == (len(items), len(model.labels))
        for row, want in zip(probs, expected_probs, strict=True):
            for label, p in want.items():
                assert row[model.column[label]] == pytest.approx(p, abs=1e-9)


def test_items_in_parts_read_as_their_flat_features(model_file: Path) -> None:
    model = CrfModel.read(model_file)
    words = UNSEEN[0]
    parts = sentence_parts(words, Resources())
    assert any(isinstance(p, tuple) for token in parts for p in token)
    by_parts = model.read_document([parts, parts]).scores  # the second read hits the memo
    flat = model.read_document([sentence_features(words, Resources())]).scores
    assert (by_parts[0] == flat[0]).all() and (by_parts[1] == flat[0]).all()


def test_empty_sentences_and_documents(model_file: Path) -> None:
    model = CrfModel.read(model_file)
    reading = model.read_document([[], sentence_features(["حلب"], Resources()), []])
    assert [len(t) for t in model.tags(reading)] == [0, 1, 0]
    assert [len(m) for m in model.marginals(reading)] == [0, 1, 0]
    assert model.tags(model.read_document([])) == []
    assert model.tags(model.read_document([[], []])) == [[], []]


def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path, model_file: Path) -> None:
    other = tmp_path / "other.crfsuite"
    other.write_bytes(b"not a model at all" * 4)
    with pytest.raises(ModelFormatError, match="not a crfsuite"):
        CrfModel.read(other)
    data = bytearray(model_file.read_bytes())
    data[12:16] = (99).to_bytes(4, "little")  # a version this reader does not know
    other.write_bytes(bytes(data))
    with pytest.raises(ModelFormatError, match="version"):
        CrfModel.read(other)
