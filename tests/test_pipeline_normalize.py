"""Normalisation folds Arabic spelling variants and keeps offsets back to the text."""

from __future__ import annotations

import pytest

from newsreader.pipeline.normalize import (
    fold,
    fold_key,
    fold_with_offsets,
    proclitic_splits,
    search_text,
    strip_article,
    tokenize,
)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("مُحَمَّد", "محمد"),  # diacritics
        ("محـــمد", "محمد"),  # tatweel, which camel-tools' dediac keeps
        ("أحمد إبراهيم آمنة", "احمد ابراهيم امنه"),  # alef forms, teh marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("مسؤول رئيس", "مسوول رييس"),  # hamza seats
        ("عام ٢٠٢٤", "عام 2024"),  # Eastern Arabic digits
        ("عام ۱۹۹۹", "عام 1999"),  # Persian digits
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_key_collapses_white_space() -> None:
    assert fold_key("  المجلس \n الأعلى ") == "المجلس الاعلي"


def test_fold_with_offsets_maps_back_to_the_original() -> None:
    text = "زار مُحَمَّد بيروت"
    folded = fold_with_offsets(text)
    start = folded.text.index("محمد")
    begin, end = folded.span(start, start + len("محمد"))
    assert text[begin:end] == "مُحَمَّد"


def test_tokenize_keeps_offsets() -> None:
    text = "قال الوزير، في عمّان: «نعم»."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:3] == ["قال", "الوزير", "،"]


def test_proclitic_splits_offer_every_reading() -> None:
    assert proclitic_splits("ولروسيا") == (("", "ولروسيا"), ("و", "لروسيا"), ("ول", "روسيا"))
    assert ("ل", "المجلس") in proclitic_splits("للمجلس")
    assert proclitic_splits("من") == (("", "من"),)


def test_strip_article_leaves_short_words() -> None:
    assert strip_article("القاهرة") == "قاهرة"
    assert strip_article("الى") == "الى"


def test_search_text_indexes_clitic_free_stems() -> None:
    words = search_text("وصل الوفد إلى لبيروت ومُحَمَّد").split()
    assert "بيروت" in words
    assert "محمد" in words
    assert "وفد" in words
