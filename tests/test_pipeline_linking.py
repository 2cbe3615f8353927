"""Canonical forms: short → full, «لل» → «ال», DATE keeps its value."""

from __future__ import annotations

from newsreader.pipeline.linking import entity_key, link
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Label, Span


def span(text: str, label: Label, paragraph: int = 0, value: str | None = None) -> Span:
    return Span(paragraph, 0, len(text), text, label, value=value)


def test_person_short_form_links_to_full_name() -> None:
    spans = [span("روتو", Label.PERSON, 0), span("وليام روتو", Label.PERSON, 1)]
    link(spans)
    assert [s.canonical for s in spans] == ["وليام روتو", "وليام روتو"]


def test_lam_article_restored_and_prefix_links_to_longest() -> None:
    spans = [
        span("المجلس الأعلى للثقافة", Label.ORGANIZATION),
        span("للمجلس الأعلى", Label.ORGANIZATION, 2),
        span("المجلس الأعلى", Label.ORGANIZATION, 3),
    ]
    link(spans)
    assert {s.canonical for s in spans} == {"المجلس الأعلى للثقافة"}


def test_lam_article_alone_becomes_article() -> None:
    spans = [span("للمجلس الأعلى", Label.ORGANIZATION)]
    link(spans)
    assert spans[0].canonical == "المجلس الأعلى"


def test_labels_do_not_mix_and_places_link_by_prefix_only() -> None:
    spans = [
        span("مصر", Label.LOCATION),
        span("مركز مصر الدولي", Label.LOCATION),
        span("وليام", Label.ORGANIZATION),
        span("وليام روتو", Label.PERSON),
    ]
    link(spans)
    assert [s.canonical for s in spans] == ["مصر", "مركز مصر الدولي", "وليام", "وليام روتو"]


def test_date_canonical_is_value() -> None:
    spans = [span("أمس", Label.DATE, value="2026-02-25")]
    link(spans)
    assert spans[0].canonical == "2026-02-25"


def test_entity_key_is_folded_and_clitic_free() -> None:
    assert entity_key("للمجلس  الأعلى") == fold_key("المجلس الأعلى")
    assert entity_key("إدارة الرئاسة") == "اداره الرياسه"


def test_bracketed_acronym_links_to_the_name_before_it() -> None:
    text = "أعلنت حركة النهضة الخضراء (نهخ) برنامجها."
    name, short = "حركة النهضة الخضراء", "نهخ"
    i, j = text.index(name), text.index(short)
    a = Span(0, i, i + len(name), name, Label.ORGANIZATION)
    b = Span(0, j, j + len(short), short, Label.ORGANIZATION)
    later = Span(1, 0, 3, short, Label.ORGANIZATION)
    spans = [a, b, later]
    link(spans, {0: text, 1: "نهخ ترفض."})
    assert [s.canonical for s in spans] == [name] * 3
    # without the paragraph texts nothing says the two are one
    spans = [Span(0, a.start, a.end, name, a.label), Span(0, b.start, b.end, short, b.label)]
    link(spans)
    assert spans[1].canonical == "نهخ"


def test_quoted_short_form_without_head_links_to_the_full_name() -> None:
    full = span("منظمة الإنماء الريفي", Label.ORGANIZATION, 1)
    texts = {0: "اجتماع «الإنماء الريفي» غدا", 2: "الإنماء الريفي مهم"}
    at = texts[0].index("الإنماء")
    quoted = Span(0, at, at + 14, "الإنماء الريفي", Label.ORGANIZATION)
    bare = Span(2, 0, 14, "الإنماء الريفي", Label.ORGANIZATION)
    assert texts[0][quoted.start : quoted.end] == quoted.text
    spans = [quoted, full, bare]
    link(spans, texts)
    assert [s.canonical for s in spans] == ["منظمة الإنماء الريفي"] * 2 + ["الإنماء الريفي"]


def test_a_name_that_ran_on_is_never_the_canonical() -> None:
    spans = [
        span("جامعة الشعوب الحرة لبحث", Label.ORGANIZATION),
        span("جامعة الشعوب الحرة", Label.ORGANIZATION, 1),
    ]
    link(spans)
    assert [s.canonical for s in spans] == ["جامعة الشعوب الحرة"] * 2
    spans = [
        span("رابطة الموانئ الشمالية كارلوس", Label.ORGANIZATION),
        span("رابطة الموانئ", Label.ORGANIZATION, 1),
        span("كارلوس منديث", Label.PERSON, 2),
    ]
    link(spans)
    assert [s.canonical for s in spans[:2]] == ["رابطة الموانئ الشمالية"] * 2


def test_homograph_is_told_apart_by_spelling_or_cue_words() -> None:
    from newsreader.pipeline.linking import sense_key

    country = sense_key("عُمان", "")
    city = sense_key("عمّان", "")
    assert country != city
    assert sense_key("عمان", "زار الوفد سلطنة عمان") == country
    assert sense_key("عمان", "وصل إلى عمان العاصمة الأردنية") == city
    assert sense_key("عمان", "وصل الوفد إلى عمان") not in (country, city)
    assert sense_key("القاهرة", "") == entity_key("القاهرة")


def test_institution_named_after_a_titled_person_is_not_cut() -> None:
    spans = [
        span("جامعة الملك فيصلان", Label.ORGANIZATION),
        span("فيصلان الحربي", Label.PERSON, 1),
    ]
    link(spans)
    assert spans[0].canonical == "جامعة الملك فيصلان"
