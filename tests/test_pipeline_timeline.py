"""Timeline: the clause around each dated event, ordering, deduplication, tense.

Spans come from `find_dates` over invented paragraphs, as `analyse` builds them,
so a change in either stage that loses an event shows here.
"""

from __future__ import annotations

import datetime as dt

from newsreader.pipeline.dates import find_dates
from newsreader.pipeline.timeline import MAX_WORDS, build_timeline, clause, tense
from newsreader.pipeline.types import Kind, Label, Paragraph, Span

PUBLISHED = dt.date(2025, 6, 12)


def _spans(paragraphs: list[Paragraph], published: dt.date | None = PUBLISHED) -> list[Span]:
    return [
        Span(p.index, d.start, d.end, d.text, Label.DATE, d.value, d.value)
        for p in paragraphs
        for d in find_dates(p.text, published)
    ]


def _article(*texts: str, kinds: tuple[Kind, ...] = ()) -> list[Paragraph]:
    kinds = kinds or (Kind.TITLE,) + (Kind.BODY,) * (len(texts) - 1)
    return [
        Paragraph(i, kind, text) for i, (kind, text) in enumerate(zip(kinds, texts, strict=True))
    ]


def test_clause_is_cut_at_commas_and_full_stops() -> None:
    text = "وقبيل القمة، أجرى الوزير في 3 مارس/آذار محادثات مع نظيره، ثم عاد إلى بلاده."
    start = text.index("3 مارس")
    assert clause(text, start, start + len("3 مارس/آذار")) == (
        "أجرى الوزير في 3 مارس/آذار محادثات مع نظيره"
    )


def test_clause_is_cut_before_a_conjunction() -> None:
    text = "زار الوفد المصنع في 5 مايو 2024 كما التقى ممثلي النقابات في اليوم نفسه"
    start = text.index("5 مايو")
    assert clause(text, start, start + len("5 مايو 2024")) == "زار الوفد المصنع في 5 مايو 2024"


def test_date_between_commas_borrows_the_clauses_around_it() -> None:
    """«…، غداً الأحد، …» says nothing by itself: the event is on both sides."""
    paragraphs = _article("عنوان", "يفتتح الرئيس، غداً الأحد، معرض الكتاب في دورته الجديدة.")
    (entry,) = build_timeline(paragraphs, _spans(paragraphs), PUBLISHED)
    assert entry.value == "2025-06-13"
    assert entry.text == "يفتتح الرئيس، غداً الأحد، معرض الكتاب في دورته الجديدة"


def test_long_clause_is_trimmed_around_the_date() -> None:
    filler = " ".join(["كلمة"] * 40)
    text = f"{filler} في 9 يناير 2024 {filler}"
    start = text.index("9 يناير")
    piece = clause(text, start, start + len("9 يناير 2024"))
    assert len(piece.split()) <= MAX_WORDS
    assert "9 يناير 2024" in piece
    assert piece in text


def test_entries_are_ordered_by_date_then_paragraph() -> None:
    paragraphs = _article(
        "عنوان",
        "وقع البلدان اتفاقية التعاون في 4 أبريل 2025 بحضور الوزراء.",
        "أسس الرئيس الحزب عام 1990 في العاصمة.",
        "عقد المجلس جلسة طارئة في 4 أبريل 2025 لمناقشة الأزمة.",
        "يعقد البرلمان جلسته الأولى الأحد المقبل في المقر الجديد.",
    )
    entries = build_timeline(paragraphs, _spans(paragraphs), PUBLISHED)
    assert [(e.value, e.paragraph) for e in entries] == [
        ("1990", 2),
        ("2025-04-04", 1),
        ("2025-04-04", 3),
        ("2025-06-15", 4),
    ]
    for entry in entries:
        assert entry.text in paragraphs[entry.paragraph].text


def test_same_date_twice_in_a_paragraph_is_one_entry() -> None:
    paragraphs = _article(
        "عنوان",
        "افتتح الوزير المعرض في 2 مارس 2025، ووقع في 2 مارس 2025 اتفاقاً مع الناشرين.",
    )
    entries = build_timeline(paragraphs, _spans(paragraphs), PUBLISHED)
    assert [(e.value, e.paragraph) for e in entries] == [("2025-03-02", 1)]


def test_title_dates_an_event_only_where_the_body_does_not() -> None:
    """The headline's date is kept when the body never dates that day again."""
    repeated = _article("القمة تنعقد غداً", "تنعقد القمة غداً الجمعة في العاصمة بحضور القادة.")
    entries = build_timeline(repeated, _spans(repeated), PUBLISHED)
    assert [(e.value, e.paragraph) for e in entries] == [("2025-06-13", 1)]
    alone = _article("القمة تنعقد غداً", "تناقش القمة ملفات المنطقة بحضور القادة.")
    entries = build_timeline(alone, _spans(alone), PUBLISHED)
    assert [(e.value, e.paragraph, e.text) for e in entries] == [
        ("2025-06-13", 0, "القمة تنعقد غداً")
    ]


def test_ranges_horizons_and_quoted_years_are_not_events() -> None:
    paragraphs = _article(
        "عنوان",
        "تناقش القمة الخطة الاستراتيجية للأعوام 2025-2030 وتمتد الشراكة حتى 2040.",
        'وقال الوزير: "قراراتنا في عام 2001 كانت صائبة".',
        "«ولدت المبادرة في 3 مارس 2020 وما زالت مستمرة»",
    )
    kinds = (Kind.TITLE, Kind.BODY, Kind.BODY, Kind.QUOTE)
    paragraphs = [
        Paragraph(p.index, kind, p.text) for p, kind in zip(paragraphs, kinds, strict=True)
    ]
    entries = build_timeline(paragraphs, _spans(paragraphs), PUBLISHED)
    # a day-level date in a quote still dates an event
    assert [(e.value, e.paragraph) for e in entries] == [("2020-03-03", 3)]


def test_spans_without_value_or_of_other_labels_are_ignored() -> None:
    paragraphs = _article("عنوان", "زار بوتين موسكو")
    spans = [
        Span(1, 4, 9, "بوتين", Label.PERSON),
        Span(1, 10, 15, "موسكو", Label.DATE, "", None),
    ]
    assert build_timeline(paragraphs, spans, PUBLISHED) == []


def test_tense_relative_to_publication() -> None:
    assert tense("2025-06-11", PUBLISHED) == "past"
    assert tense("2025-06-12", PUBLISHED) == "today"
    assert tense("2025-06-13", PUBLISHED) == "upcoming"
    assert tense("2025-06", PUBLISHED) == "today"
    assert tense("2025-05", PUBLISHED) == "past"
    assert tense("2026", PUBLISHED) == "upcoming"
    assert tense("2024/2026", PUBLISHED) == "today"
    assert tense("1999/2003", PUBLISHED) == "past"


def test_tense_without_publication_uses_today() -> None:
    assert tense("1990-01-01", None) == "past"
    assert tense("2099", None) == "upcoming"
