"""Choosing the name recogniser, and analyse() using the chosen one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsreader.pipeline.analyse import analyse, find_spans
from newsreader.pipeline.backends import embedded, get_recogniser
from newsreader.pipeline.types import Kind, Label, NameMatch, Paragraph


@pytest.fixture(autouse=True)
def fresh_cache():
    get_recogniser.cache_clear()
    yield
    get_recogniser.cache_clear()


def test_crf_is_what_no_name_means_and_embedded_is_its_old_name() -> None:
    assert get_recogniser("crf", None) == (embedded, None)
    assert get_recogniser(None) == (embedded, None)
    assert get_recogniser(" Embedded ") == (embedded, None)


def test_unknown_backend_falls_back_with_a_note() -> None:
    recogniser, note = get_recogniser("spacy", None)
    assert recogniser is embedded
    assert note and "unknown NER backend" in note and "\n" not in note


def test_camel_unavailable_falls_back_with_one_line(tmp_path: Path) -> None:
    for model_dir in (None, str(tmp_path / "nowhere"), str(tmp_path)):
        get_recogniser.cache_clear()
        recogniser, note = get_recogniser("camel", model_dir)
        assert recogniser is embedded
        assert note.startswith("camel NER unavailable (")
        assert note.endswith("); using the CRF tagger")
        assert "\n" not in note


def test_analyse_uses_the_given_backend() -> None:
    paragraphs = [Paragraph(0, Kind.TITLE, "عنوان"), Paragraph(1, Kind.BODY, "زار زورقستان أمس.")]
    seen: list[list[str]] = []

    def backend(texts: list[str], extra: list[tuple[str, Label]]) -> list[list[NameMatch]]:
        seen.append(texts)
        assert extra == [("زورقستان", Label.LOCATION)]
        return [[], [NameMatch(4, 12, "زورقستان", Label.LOCATION)]]

    spans = find_spans(
        paragraphs, date(2026, 2, 26), [("زورقستان", Label.LOCATION)], backend=backend
    )
    assert seen == [["عنوان", "زار زورقستان أمس."]]
    assert [(s.paragraph, s.text, s.label) for s in spans if s.label is Label.LOCATION] == [
        (1, "زورقستان", Label.LOCATION)
    ]
    # a DATE still wins over a name on the same words
    analysis = analyse(
        paragraphs,
        date(2026, 2, 26),
        backend=lambda texts, extra: [[], [NameMatch(13, 16, "أمس", Label.PERSON)]],
    )
    assert [(s.text, s.label) for s in analysis.spans] == [("أمس", Label.DATE)]
