"""The CRF tagger: BIO to spans with offsets, the proclitic rule, and the committed model."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.features import MODEL_PATH, Resources
from newsreader.pipeline.normalize import tokenize
from newsreader.pipeline.tagger import (
    ModelMissingError,
    bio_spans,
    find_names_crf,
    find_names_crf_document,
    first_pass_path,
    load_model,
    proclitic_length,
    spans_to_matches,
    tag_tokens,
)
from newsreader.pipeline.types import Label, NameMatch

KNOWN = Resources(
    gazetteer=lambda key: ("location",) if key in {"لبنان", "بغداد"} else (),
    name_words={"المجلس": 12, "مجلس": 30, "الامن": 9, "فيصل": 3, "وبغداد": 2, "بنان": 1},
)


def test_bio_spans_conlleval_style() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-LOCATION", "I-LOCATION", "B-LOCATION", "I-PERSON"]
    assert bio_spans(tags) == [
        ("PERSON", 0, 2),
        ("LOCATION", 3, 5),
        ("LOCATION", 5, 6),
        ("PERSON", 6, 7),
    ]
    assert bio_spans([]) == []
    assert bio_spans(["O", "O"]) == []


def test_spans_with_character_offsets() -> None:
    text = "زار الرئيس محمد علي مدينة بغداد."
    tokens = tokenize(text)
    tags = ["O", "O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O"]
    matches = spans_to_matches(text, tokens, tags, KNOWN)
    assert matches == [
        NameMatch(11, 19, "محمد علي", Label.PERSON),
        NameMatch(26, 31, "بغداد", Label.LOCATION),
    ]


def test_leading_proclitic_goes_outside_when_the_rest_is_known() -> None:
    text = "وصل الوفد وبغداد تستعد"
    tokens = tokenize(text)
    matches = spans_to_matches(text, tokens, ["O", "O", "B-LOCATION", "O"], KNOWN)
    assert [(m.text, m.start) for m in matches] == [("بغداد", 11)]


def test_proclitic_stays_when_the_word_is_itself_a_name_or_the_rest_unknown() -> None:
    assert proclitic_length("لبنان", KNOWN) == 0  # a gazetteer name as a whole
    assert proclitic_length("بوتين", KNOWN) == 0  # «وتين» is not a known name
    assert proclitic_length("فيصل", KNOWN) == 0  # «يصل» is a verb, not a name
    assert proclitic_length("وبغداد", KNOWN) == 1
    assert proclitic_length("وَبغداد", KNOWN) == 2  # the diacritic belongs to the clitic


def test_lam_fused_with_the_article_stays_inside() -> None:
    assert proclitic_length("للمجلس", KNOWN) == 0
    text = "قدم طلبا للمجلس الأمن"
    tokens = tokenize(text)
    matches = spans_to_matches(text, tokens, ["O", "O", "B-ORGANIZATION", "I-ORGANIZATION"], KNOWN)
    assert matches[0].text == "للمجلس الأمن"
    assert proclitic_length("والمجلس", KNOWN) == 1


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match="train_ner"):
        load_model(tmp_path / "absent.crfsuite")


needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason="model not trained yet")


@needs_model
def test_committed_model_tags_a_well_known_city() -> None:
    words = ["وصل", "الوزير", "إلى", "القاهرة", "أمس", "في", "زيارة", "رسمية", "."]
    tags = tag_tokens(words)
    assert len(tags) == len(words)
    assert tags[3] == "B-LOCATION"
    assert tags[0] == "O" and tags[-1] == "O"
    assert tag_tokens([]) == []


@needs_model
def test_find_names_crf_gives_offsets_into_the_text() -> None:
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن المحادثات كانت مثمرة."
    matches = find_names_crf(text)
    assert all(text[m.start : m.end] == m.text for m in matches)
    places = [m.text for m in matches if m.label is Label.LOCATION]
    assert "باريس" in places
    assert load_model() is load_model()  # opened once


@needs_model
def test_committed_model_reads_an_article_as_one_document() -> None:
    assert first_pass_path(MODEL_PATH).exists()  # the committed model is two-pass
    texts = [
        "قال المتحدث باسم الحكومة العراقية علي الدباغ إن الحكومة ستبقى .",
        "وأضاف الدباغ أن الوضع يتحسن .",
    ]
    alone = find_names_crf(texts[1])
    together = find_names_crf_document(texts)
    assert not [m for m in alone if m.label is Label.PERSON]
    assert [(m.text, m.label) for m in together[1]] == [("الدباغ", Label.PERSON)]
    assert ("علي الدباغ", Label.PERSON) in [(m.text, m.label) for m in together[0]]


# --- whole-article evaluation on held-out sentences -------------------------------------


def test_mention_key_forgives_proclitics_like_the_dev_scorer() -> None:
    from newsreader.pipeline.training import mention_key

    assert mention_key("وبغداد") == mention_key("بغداد")
    assert mention_key("للمجلس الأعلى") == mention_key("المجلس الأعلى")
    assert mention_key("لوكاشينكو") == mention_key("ولوكاشينكو")
    assert mention_key("مصر") == "مصر"  # too short to lose a letter


def test_evaluate_pipeline_counts_mentions_per_article() -> None:
    from newsreader.pipeline.training import evaluate_pipeline, pseudo_articles, sentence_text

    s1 = [("زار", "O"), ("وبغداد", "B-LOCATION"), ("أمس", "O")]
    s2 = [("قال", "O"), ("جون", "B-PERSON"), ("سميث", "I-PERSON"), ("هنا", "O")]
    text, gold = sentence_text(s2)
    assert text == "قال جون سميث هنا" and gold == [("PERSON", 4, 12)]
    articles = pseudo_articles([s1, [], s2], size=1)
    assert len(articles) == 2

    def recogniser(texts: list[str]) -> list[list[NameMatch]]:
        out = []
        for t in texts:
            if "بغداد" in t:  # clitic outside: still a hit
                i = t.index("بغداد")
                out.append([NameMatch(i, i + 5, "بغداد", Label.LOCATION)])
            else:  # a wrong label and a partial name: misses
                out.append([NameMatch(4, 7, "جون", Label.PERSON)])
        return out

    by_key, by_span = evaluate_pipeline(articles, recogniser)
    assert (by_key.micro.tp, by_key.micro.fp, by_key.micro.fn) == (1, 1, 1)
    assert by_key.per_label["LOCATION"].f1 == 1.0
    assert by_key.per_label["PERSON"].f1 == 0.0
    assert by_span.micro.tp == 1
