"""A proclitic letter that belongs to its word gives the word back (or no name)."""

from __future__ import annotations

from datetime import date

from newsreader.pipeline.analyse import find_spans
from newsreader.pipeline.clitics import keep_word_letters, letters_kept
from newsreader.pipeline.types import Kind, Label, NameMatch, Paragraph

L = Label.LOCATION


def cut(text: str, stem: str, label: Label = L) -> NameMatch:
    start = text.index(stem)
    return NameMatch(start, start + len(stem), stem, label)


def test_letter_of_an_ordinary_word_leaves_no_name() -> None:
    text = "وأصدر المجلس قرارا وزاريا جديدا."
    assert keep_word_letters(text, cut(text, "زاريا")) is None


def test_letter_of_a_known_name_gives_the_whole_name() -> None:
    text = "وزار الوفد لبنان أمس."
    found = keep_word_letters(text, cut(text, "بنان"))
    assert found == NameMatch(text.index("لبنان"), text.index("لبنان") + 5, "لبنان", L)


def test_a_real_clitic_stays_outside() -> None:
    text = "ثم سافر الوفد إلى دمشق وبيروت ولبنان."
    assert keep_word_letters(text, cut(text, "بيروت")) == cut(text, "بيروت")
    assert keep_word_letters(text, cut(text, "لبنان")) == cut(text, "لبنان")
    # «ولبنان» cut to «بنان»: the «ل» is the word's, the «و» a clitic
    found = keep_word_letters(text, cut(text, "بنان"))
    assert found is not None and found.text == "لبنان"


def test_unknown_words_keep_the_cut() -> None:
    text = "واستقبل الرئيس وزمبرتيكو الوفد."
    assert letters_kept(text, text.index("زمبرتيكو")) == text.index("زمبرتيكو")


def test_name_not_after_a_clitic_letter_is_untouched() -> None:
    text = "وصل الوفد إلى زاريا مساء."
    assert keep_word_letters(text, cut(text, "زاريا")) == cut(text, "زاريا")


def test_every_backend_name_passes_the_check() -> None:
    def recogniser(texts, extra):
        return [[cut(texts[0], "زاريا"), cut(texts[0], "بنان")]]

    paragraphs = [Paragraph(0, Kind.BODY, "عقد الوزراء مجلسا وزاريا لبحث أوضاع لبنان.")]
    spans = find_spans(paragraphs, date(2026, 2, 26), backend=recogniser)
    assert [(s.text, s.label) for s in spans] == [("لبنان", L)]
