"""Training and exact-match evaluation of the CRF tagger (conlleval-style counting)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.features import Resources, sentence_features
from newsreader.pipeline.tagger import first_pass_path, tag_document
from newsreader.pipeline.training import (
    DataError,
    entities,
    evaluate,
    folds_of,
    jackknife_tags,
    score,
    train,
    train_sentences,
    train_two_pass,
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


TOY = [
    [("زار", "O"), ("الرئيس", "O"), ("سمير", "B-PERSON"), ("دمشق", "B-LOCATION")],
    [("وصل", "O"), ("الوزير", "O"), ("كريم", "B-PERSON"), ("إلى", "O"), ("حلب", "B-LOCATION")],
    [("قال", "O"), ("الرئيس", "O"), ("كريم", "B-PERSON"), ("في", "O"), ("دمشق", "B-LOCATION")],
]
TOY_PARAMS = {"c1": 0.0, "c2": 0.01, "max_iterations": 50}


def test_folds_are_contiguous_blocks_covering_every_sentence() -> None:
    blocks = folds_of(12, 5)
    assert [list(b) for b in blocks] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]
    assert sum(len(b) for b in folds_of(7, 5)) == 7


def test_jackknife_tags_come_from_models_that_did_not_see_the_sentence(tmp_path: Path) -> None:
    # one block only ever shows «سمير» as a person, the other «دمشق» as a place
    people = [[("قال", "O"), ("سمير", "B-PERSON")]] * 3
    places = [[("قال", "O"), ("دمشق", "B-LOCATION")]] * 3
    sentences = people + places
    items = [sentence_features([w for w, _ in s], Resources()) for s in sentences]
    tags = jackknife_tags(sentences, items, TOY_PARAMS, folds=2, processes=1)
    assert len(tags) == 6 and all(len(t) == 2 for t in tags)
    assert all(t[1] != "B-PERSON" for t in tags[:3])  # its model never saw a person
    assert all(t[1] != "B-LOCATION" for t in tags[3:])
    # a model that saw everything tags them right, so the difference is the held-out fold
    train(sentences, tmp_path / "all.crfsuite", resources=Resources(), **TOY_PARAMS)
    assert evaluate(tmp_path / "all.crfsuite", sentences, Resources()).micro.f1 == 1.0


def test_two_pass_training_writes_both_models_and_tags_documents(tmp_path: Path) -> None:
    model = tmp_path / "ner.crfsuite"
    result = train_two_pass(TOY * 4, model, Resources(), TOY_PARAMS, folds=2, processes=1)
    assert model.exists() and first_pass_path(model).exists()
    assert result.sentences == 12
    words = [[w for w, _ in s] for s in TOY]
    tags = tag_document(words, model, resources=Resources())
    assert tags == [[t for _, t in s] for s in TOY]
    assert evaluate(model, TOY * 2, Resources()).micro.f1 == 1.0


def test_two_pass_weights_repeat_sentences_after_the_first_pass(tmp_path: Path) -> None:
    model = tmp_path / "ner.crfsuite"
    result = train_two_pass(
        TOY * 2, model, Resources(), TOY_PARAMS, weights=[1, 1, 1, 1, 1, 3], folds=2, processes=1
    )
    assert result.sentences == 8


def test_a_single_pass_model_tags_without_a_first_pass_file(tmp_path: Path) -> None:
    model = tmp_path / "one.crfsuite"
    train(TOY * 3, model, resources=Resources(), **TOY_PARAMS)
    assert not first_pass_path(model).exists()
    words = [[w for w, _ in s] for s in TOY]
    assert tag_document(words, model, resources=Resources()) == [[t for _, t in s] for s in TOY]


def _scaled(x: int) -> int:
    from newsreader.pipeline.training import SHARED

    return x * SHARED["factor"]


def test_map_forked_gives_workers_the_shared_values_in_order() -> None:
    from newsreader.pipeline.training import SHARED, map_forked

    assert map_forked(_scaled, [1, 2, 3], {"factor": 10}, processes=2) == [10, 20, 30]
    assert map_forked(_scaled, [4], {"factor": 2}, processes=1) == [8]
    assert SHARED == {}  # cleared after each run


def test_plain_words_are_kept_beside_the_model_and_loaded_with_it(tmp_path: Path) -> None:
    from newsreader.pipeline.features import load_plain_words
    from newsreader.pipeline.training import plain_words, write_clusters

    sentences = [[("وقال", "O"), ("الاعرجي", "B-PERSON"), ("إن", "O")]]
    plain = plain_words(sentences)
    assert "قال" in plain and "اعرجي" not in plain
    path = tmp_path / "ner.clusters.json"
    write_clusters({}, path, {}, plain)
    assert load_plain_words(path) == frozenset(plain)
    assert load_plain_words(tmp_path / "missing.json") == frozenset()


def test_out_of_domain_sentences_carry_their_own_feature_copies(tmp_path: Path) -> None:
    import pycrfsuite

    from newsreader.pipeline.training import domain_items

    items = domain_items(TOY, Resources(), [None, "wiki", None])
    assert not any(f.startswith("wiki:") for x in items[0] for f in x)
    assert {"bias", "wiki:bias", "f=كريم", "wiki:f=كريم"} <= set(items[1][2])
    plain = domain_items(TOY, Resources())[1][0]
    assert items[1][0] == plain + [f"wiki:{f}" for f in plain]

    model = tmp_path / "ner.crfsuite"
    train_two_pass(
        TOY * 4, model, Resources(), TOY_PARAMS, folds=2, processes=1, domains=["wiki"] * 12
    )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    learnt = {attr for attr, _ in tagger.info().state_features}
    assert any(a.startswith("wiki:") for a in learnt) and "f=كريم" in learnt


def test_first_pass_marks_the_name_tags_it_is_unsure_of(tmp_path: Path, monkeypatch) -> None:
    from newsreader.pipeline import tagger as tagger_module
    from newsreader.pipeline.crf_model import CrfModel
    from newsreader.pipeline.tagger import first_pass_tags

    model = tmp_path / "one.crfsuite"
    train(TOY * 3, model, resources=Resources(), **TOY_PARAMS)
    crf = CrfModel.read(model)
    items = sentence_features([w for w, _ in TOY[0]], Resources())
    assert first_pass_tags(crf, [items]) == [[t for _, t in TOY[0]]]  # sure of what it learnt
    monkeypatch.setattr(tagger_module, "SURE", 1.01)  # nothing is that sure
    assert first_pass_tags(crf, [items, []]) == [["O", "O", "B-PERSON?", "B-LOCATION?"], []]
    assert first_pass_tags(crf, []) == []
