"""Letter models that tell a transliterated foreign name from an ordinary Arabic word."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.features import Resources, token_features
from newsreader.pipeline.foreign import (
    HIGHEST,
    LOWEST,
    ForeignScorer,
    LetterModel,
    build_foreign,
    load_foreign,
    save_foreign,
    trigrams,
    wikidata_tokens,
)

FOREIGN = ["جونسون", "كوفالسكي", "شوارزنيغر", "ماكلارين", "فيلدمان", "دوستويفسكي", "بيترسون"]
NATIVE = ["الحكومة", "الوزارة", "المفاوضات", "يجتمع", "استقبل", "المسؤولين", "الاقتصادية"]


@pytest.fixture(scope="module")
def scorer() -> ForeignScorer:
    return ForeignScorer(LetterModel.from_words(FOREIGN), LetterModel.from_words(NATIVE))


def test_trigrams_mark_both_ends_of_the_word() -> None:
    assert trigrams("جون") == ["^جو", "جون", "ون$"]


def test_unseen_transliteration_scores_foreign_and_derived_word_native(scorer) -> None:
    assert scorer.score("سكيلدسون") > 0  # letters of -ski/-son names, never seen whole
    assert scorer.score("والمفاوضين") < 0  # clitics and article are stripped before scoring
    assert scorer.score("سكيلدسون") > scorer.score("المسؤولية")


def test_buckets_are_half_points_within_bounds(scorer) -> None:
    for word in [*FOREIGN, *NATIVE, "ـ", "و"]:
        assert LOWEST <= scorer.bucket(word) <= HIGHEST
    assert scorer.bucket("و") == 0  # too short to judge


def test_feature_present_only_with_a_scorer(scorer) -> None:
    with_scorer = token_features("شوارزنيغر", Resources(foreign=scorer.bucket))
    assert f"foreign={scorer.bucket('شوارزنيغر')}" in with_scorer
    assert not any(f.startswith("foreign=") for f in token_features("شوارزنيغر", Resources()))


def test_build_reads_spaced_wikidata_letters_and_round_trips(tmp_path: Path) -> None:
    folder = tmp_path / "gazetteer-wikidata-person-name-tokens"
    folder.mkdir()
    (folder / "wd_arabic.normalized.aligned.tokens").write_text(
        "john\tج و ن\t40\nkowalski\tك و ف ا ل س ك ي\t3\nbad line\n", encoding="utf-8"
    )
    assert wikidata_tokens(tmp_path) == {"جون", "كوفالسكي"}
    data = build_foreign(tmp_path)
    assert data["foreign"]["^جو"] == 1 and data["foreign"]["سكي"] == 1
    assert len(data["native"]) > 1000  # wordfreq's ordinary Arabic words
    assert not any(c.isascii() and c.isalpha() for gram in data["native"] for c in gram)
    path = tmp_path / "foreign.json"
    assert save_foreign(data, path)["foreign trigrams"] == len(data["foreign"])
    loaded = load_foreign(path)
    assert loaded is not None and loaded.foreign.counts == data["foreign"]
    assert load_foreign(tmp_path / "missing.json") is None


def test_committed_model_separates_names_from_words() -> None:
    committed = load_foreign()
    assert committed is not None
    assert committed.score("شوارتزنيغر") > 0.5 > -0.5 > committed.score("والمفاوضات")
