"""Combining the CRF's marginals with the encoder's probabilities, word by word."""

from __future__ import annotations

import pytest

from newsreader.pipeline.bio import BIO_LABELS, repair
from newsreader.pipeline.combine import average, combined_tags
from newsreader.pipeline.tagger import document_marginals, tag_document


def row(**probs: float) -> list[float]:
    """A probability row over BIO_LABELS from label=prob pairs (B_PERSON for B-PERSON)."""
    named = {k.replace("_", "-"): v for k, v in probs.items()}
    return [named.get(label, 0.0) for label in BIO_LABELS]


def test_an_unsure_tagger_is_outvoted_by_a_sure_one() -> None:
    crf = [row(O=0.9, B_PERSON=0.1), row(O=0.4, B_PERSON=0.6)]
    encoder = [row(O=0.2, B_LOCATION=0.8), row(O=0.95, B_PERSON=0.05)]
    # word 1: O 0.55 beats B-LOCATION 0.40; word 2: O 0.675 beats B-PERSON 0.325
    assert average(crf, encoder) == ["O", "O"]
    assert average(crf, encoder, weight=1.0) == ["B-LOCATION", "O"]
    assert average(crf, encoder, weight=0.0) == ["O", "B-PERSON"]


def test_the_average_is_read_as_the_most_probable_valid_sequence() -> None:
    # word by word: O then I-PERSON, which repair would make a one-word name;
    # as a sequence, B-PERSON I-PERSON (0.4 x 0.9) beats O O (0.6 x 0.1)
    rows = [row(O=0.6, B_PERSON=0.4), row(O=0.1, I_PERSON=0.9)]
    assert average(rows, rows) == ["B-PERSON", "I-PERSON"]
    # an I- after a sure O cannot continue anything: O beats a name nobody proposed
    rows = [row(O=1.0), row(O=0.45, I_PERSON=0.55)]
    assert average(rows, rows) == ["O", "O"]
    assert repair(["I-LOCATION", "I-LOCATION", "I-PERSON"]) == [
        "B-LOCATION",
        "I-LOCATION",
        "B-PERSON",
    ]


def test_rows_for_different_words_are_refused() -> None:
    with pytest.raises(ValueError, match="different numbers of words"):
        average([row(O=1.0)], [])


def test_a_name_found_once_is_carried_to_its_repetition() -> None:
    sentences = [["استقبل", "زورقان", "الوفد"], ["وقال", "زورقان", "إن"]]
    sure = [row(O=1.0), row(B_PERSON=1.0), row(O=1.0)]
    unsure = [row(O=1.0), row(O=0.7, B_PERSON=0.3), row(O=1.0)]
    tags = combined_tags(sentences, [sure, unsure], [sure, unsure], plain_words={"الوفد"})
    assert tags[0][1] == "B-PERSON"
    assert tags[1][1] == "B-PERSON"  # averaged alone it would be O
    assert combined_tags(sentences, [sure, unsure], [sure, unsure], plain_words=())[1][1] == "O"


def test_crf_marginals_are_distributions_that_agree_with_its_tags() -> None:
    sentences = [
        ["استقبل", "الرئيس", "اللبناني", "ميشال", "عون", "في", "بيروت", "وفدا", "من", "الأمم"],
        ["وقال", "عون", "إن", "المحادثات", "كانت", "مفيدة"],
    ]
    marginals = document_marginals(sentences)
    assert [len(m) for m in marginals] == [len(s) for s in sentences]
    for sentence in marginals:
        for probs in sentence:
            assert sum(probs) == pytest.approx(1.0, abs=1e-6)
    best = [[BIO_LABELS[p.index(max(p))] for p in m] for m in marginals]
    # the second pass's most likely label per word is what it tags (before the consistency step)
    tags = tag_document(sentences)
    agree = sum(
        b == t for bs, ts in zip(best, tags, strict=True) for b, t in zip(bs, ts, strict=True)
    )
    assert agree >= sum(map(len, sentences)) - 1
    assert "B-LOCATION" in best[0]  # بيروت


def test_the_best_valid_sequence_is_valid_and_never_less_probable_than_greedy() -> None:
    import math
    import random

    from newsreader.pipeline.bio import best_valid_tags

    def probability(rows, tags) -> float:
        return math.prod(max(r[BIO_LABELS.index(t)], 1e-9) for r, t in zip(rows, tags, strict=True))

    rng = random.Random(7)
    assert best_valid_tags([]) == []
    for _ in range(200):
        rows = []
        for _ in range(rng.randint(1, 6)):
            raw = [rng.random() ** 3 for _ in BIO_LABELS]
            rows.append([x / sum(raw) for x in raw])
        best = best_valid_tags(rows)
        assert repair(best) == best
        greedy = repair([BIO_LABELS[max(range(len(r)), key=r.__getitem__)] for r in rows])
        assert probability(rows, best) >= probability(rows, greedy) * (1 - 1e-9)
