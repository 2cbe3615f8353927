"""Run every annotation stage over an article's cleaned paragraphs.

Dates come first: a calendar expression is never also a name. Names are found
over the whole article (short forms need the full names seen elsewhere), then
linked to their fullest form; agenda and timeline read the linked spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from newsreader.pipeline.agenda import find_agenda
from newsreader.pipeline.clitics import keep_word_letters
from newsreader.pipeline.dates import find_dates, reference_day
from newsreader.pipeline.entities import find_names_in_article
from newsreader.pipeline.lexicon_names import OUTLET_TODAY
from newsreader.pipeline.linking import link
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.timeline import build_timeline
from newsreader.pipeline.types import Analysis, Label, NameMatch, Paragraph, Span

# texts of an article's paragraphs + curated (name, label) pairs → names per paragraph;
# `newsreader.pipeline.backends.get_recogniser` picks one.
Recogniser = Callable[[list[str], list[tuple[str, Label]]], list[list[NameMatch]]]


def _holds(name: NameMatch, date: Span) -> bool:
    """An organisation's name holds a date word inside it («أخبار اليوم», «بغداد اليوم»):
    the outlet is the entity, its «اليوم» is no date."""
    inside = name.start <= date.start and date.end <= name.end
    today = fold_key(date.text) == OUTLET_TODAY  # a weekday or a date inside stays a date
    return inside and today and name.end - name.start > date.end - date.start


def find_spans(
    paragraphs: Sequence[Paragraph],
    published: date | None,
    extra: Iterable[tuple[str, Label]] = (),
    backend: Recogniser | None = None,
) -> list[Span]:
    """Entity spans of every paragraph, dates first, names where no date stands.

    `backend` finds the names (default: the embedded rules + CRF recogniser).
    """
    spans: list[Span] = []
    recognise = backend or find_names_in_article
    # Without a publication date, relative dates resolve against the day the text names.
    reference = published or reference_day([p.text for p in paragraphs])
    names = recognise([p.text for p in paragraphs], list(extra))
    for paragraph, found in zip(paragraphs, names, strict=True):
        # a letter the finder took for a proclitic may belong to the word («وزاريا»)
        found = [k for n in found if (k := keep_word_letters(paragraph.text, n)) is not None]
        dates = [
            Span(paragraph.index, d.start, d.end, d.text, Label.DATE, d.value or "", d.value)
            for d in find_dates(paragraph.text, reference)
        ]
        outlets = [n for n in found if n.label is Label.ORGANIZATION]
        dates = [d for d in dates if not any(_holds(n, d) for n in outlets)]
        spans.extend(dates)
        for name in found:
            if not any(name.start < d.end and d.start < name.end for d in dates):
                spans.append(Span(paragraph.index, name.start, name.end, name.text, name.label))
    spans.sort(key=lambda s: (s.paragraph, s.start))
    link(spans, {p.index: p.text for p in paragraphs})
    return spans


def analyse(
    paragraphs: Sequence[Paragraph],
    published: date | None,
    extra: Iterable[tuple[str, Label]] = (),
    backend: Recogniser | None = None,
) -> Analysis:
    spans = find_spans(paragraphs, published, extra, backend=backend)
    return Analysis(
        spans=spans,
        agenda=find_agenda(list(paragraphs), spans),
        timeline=build_timeline(list(paragraphs), spans, published),
    )
