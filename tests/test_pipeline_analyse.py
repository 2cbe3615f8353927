"""The stages together: dates first, names where no date stands, an outlet's «اليوم» kept."""

from __future__ import annotations

from datetime import date

from newsreader.pipeline.analyse import find_spans
from newsreader.pipeline.types import Kind, Label, Paragraph


def test_outlet_named_with_today_is_no_date() -> None:
    paragraphs = [Paragraph(0, Kind.BODY, 'وقال مسؤول لـ"وادي النيل اليوم" إن الجلسة تأجلت.')]
    spans = find_spans(paragraphs, date(2026, 2, 26))
    assert [(s.text, s.label) for s in spans] == [("وادي النيل اليوم", Label.ORGANIZATION)]


def test_today_alone_stays_a_date() -> None:
    paragraphs = [Paragraph(0, Kind.BODY, "وصل الوفد إلى القاهرة اليوم.")]
    spans = find_spans(paragraphs, date(2026, 2, 26))
    assert ("اليوم", Label.DATE) in [(s.text, s.label) for s in spans]


def test_weekday_inside_an_organisation_span_stays_a_date() -> None:
    def recogniser(texts, extra):
        from newsreader.pipeline.types import NameMatch

        text = texts[0]
        start = text.index("مجلس")
        end = text.index("الخميس") + len("الخميس")
        return [[NameMatch(start, end, text[start:end], Label.ORGANIZATION)]]

    paragraphs = [Paragraph(0, Kind.BODY, "اجتمع مجلس الوزراء الخميس في العاصمة.")]
    spans = find_spans(paragraphs, date(2026, 2, 26), backend=recogniser)
    assert ("الخميس", Label.DATE) in [(s.text, s.label) for s in spans]
