"""news.vocabulary: one place defines labels, paragraph kinds and origins (from pipeline types)."""

from __future__ import annotations

import ast
from pathlib import Path

from newsreader.news import vocabulary
from newsreader.news.models import Mention, Paragraph
from newsreader.pipeline import types
from newsreader.pipeline.dates import first_day
from newsreader.pipeline.normalize import ascii_digits

NEWS = Path(__file__).resolve().parent.parent / "newsreader" / "news"


def test_every_pipeline_label_and_kind_has_its_arabic_name_in_order() -> None:
    assert vocabulary.Label.values == [label.value for label in types.Label]
    assert vocabulary.ParagraphKind.values == [kind.value for kind in types.Kind]
    assert all(not name.isascii() for _, name in vocabulary.LABELS)  # Arabic names
    assert vocabulary.Label.DATE.label == "تاريخ"
    assert vocabulary.NAME_LABELS == ("PERSON", "LOCATION", "ORGANIZATION")
    assert Paragraph.Kind is vocabulary.ParagraphKind
    assert Mention._meta.get_field("label").choices == vocabulary.LABELS


def test_no_bare_label_or_origin_code_in_news_outside_the_vocabulary() -> None:
    codes = {label.value for label in types.Label}
    offenders = []
    for path in sorted(NEWS.rglob("*.py")):
        if path.name == "vocabulary.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in codes:
                offenders.append(f"{path.relative_to(NEWS)}:{node.lineno} {node.value}")
    assert offenders == []


def test_first_day_of_each_iso_form_and_the_one_digit_map() -> None:
    assert [str(first_day(v)) for v in ("2026-02-08", "2026-02", "1999", "2024/2026")] == [
        "2026-02-08",
        "2026-02-01",
        "1999-01-01",
        "2024-01-01",
    ]
    assert first_day("2026-13") is None
    assert ascii_digits("عام ١٩٩٩ و۲۰۲۶") == "عام 1999 و2026"
