"""Shared helpers of the agenda tests: build an invented article and read its agenda."""

from __future__ import annotations

from newsreader.pipeline.agenda import find_agenda
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Agenda, Kind, Label, Paragraph, Span

TITLE = "أخبار محلية"


def run(*bodies: str, title: str = TITLE, kinds: dict[int, Kind] | None = None) -> Agenda:
    """Build an article (title first) and read its agenda."""
    kinds = kinds or {}
    texts = [title, *bodies]
    paragraphs = [
        Paragraph(i, Kind.TITLE if i == 0 else kinds.get(i, Kind.BODY), t)
        for i, t in enumerate(texts)
    ]
    return find_agenda(paragraphs)


def texts(agenda: Agenda) -> list[str]:
    return [fold_key(item.text) for item in agenda.items]


def keys(*items: str) -> list[str]:
    return [fold_key(i) for i in items]


def named(text: str, *names: str) -> Agenda:
    """One body paragraph whose given names are tagged (as the NER stage would)."""
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(Span(1, start, start + len(name), name, Label.LOCATION))
    paragraphs = [Paragraph(0, Kind.TITLE, TITLE), Paragraph(1, Kind.BODY, text)]
    return find_agenda(paragraphs, spans)
