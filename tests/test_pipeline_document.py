"""Document evidence for the tagger's second pass (what the first pass found elsewhere)."""

from __future__ import annotations

from newsreader.pipeline.document import document_features, token_key

FULL = ["قال", "الوزير", "دونالد", "رامسفيلد", "إن"]
FULL_TAGS = ["O", "O", "B-PERSON", "I-PERSON", "O"]
SHORT = ["وأكد", "ورامسفيلد", "ذلك"]
SHORT_TAGS = ["O", "O", "O"]


def test_token_key_reads_through_proclitics_tatweel_and_article() -> None:
    assert token_key("ورامسفيلد") == token_key("رامسفيلد")
    assert token_key("والمجلس") == token_key("مجلس")
    assert token_key("رامسفـيلد") == token_key("رامسفيلد")
    assert token_key("و") == ""


def test_a_surname_alone_sees_the_full_name_elsewhere_in_the_document() -> None:
    feats = document_features([FULL, SHORT], [FULL_TAGS, SHORT_TAGS])
    surname = feats[1][1]
    assert "d:PERSON" in surname
    assert "d:PERSON.L" in surname  # it was the last word of a name
    assert "d:PERSON.B" not in surname
    assert "p1=O" in surname  # the first pass missed it here
    assert "-1:p1=O" in surname and "1:p1=O" in surname


def test_a_token_does_not_count_its_own_first_pass_tag() -> None:
    feats = document_features([FULL], [FULL_TAGS])
    surname = feats[0][3]
    assert not [f for f in surname if f.startswith("d:PERSON")]
    assert "p1=I-PERSON" in surname
    assert "-1:d:PERSON" not in surname  # «دونالد» has no other occurrence either


def test_neighbours_carry_their_evidence() -> None:
    feats = document_features([FULL, SHORT], [FULL_TAGS, SHORT_TAGS])
    before_surname = feats[1][0]
    assert "1:d:PERSON" in before_surname


def test_repeated_evidence_is_marked_and_words_outside_names_count_as_o() -> None:
    feats = document_features([FULL, FULL, SHORT], [FULL_TAGS, FULL_TAGS, SHORT_TAGS])
    assert "d:PERSON+" in feats[2][1]  # seen in two names
    said = document_features([FULL, FULL], [FULL_TAGS, FULL_TAGS])[1][0]
    assert "d:O" in said  # «قال» stood outside names in the other sentence


def test_a_window_limits_the_document_to_nearby_sentences() -> None:
    filler = (["ثم", "عاد"], ["O", "O"])
    sentences = [FULL, filler[0], filler[0], SHORT]
    tags = [FULL_TAGS, filler[1], filler[1], SHORT_TAGS]
    assert "d:PERSON" in document_features(sentences, tags, window=3)[3][1]
    assert "d:PERSON" not in document_features(sentences, tags, window=2)[3][1]
    assert "d:PERSON" in document_features(sentences, tags, window=None)[3][1]


def test_empty_sentences_are_kept_in_place() -> None:
    feats = document_features([[], SHORT], [[], SHORT_TAGS])
    assert feats[0] == [] and len(feats[1]) == 3


def test_an_unsure_first_pass_tag_is_evidence_of_its_own_kind() -> None:
    unsure = ["O", "O", "B-PERSON?", "I-PERSON?", "O"]
    surname = document_features([FULL, SHORT], [unsure, SHORT_TAGS])[1][1]
    assert "d:PERSON?" in surname and "d:PERSON?.L" in surname
    assert "d:PERSON" not in surname
