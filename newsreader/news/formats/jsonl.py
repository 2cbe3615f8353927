"""JSON Lines: one article (the evaluation contract's dict) per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsreader.news.formats import FormatError


def dump_line(article: dict) -> str:
    """One article as one line (no trailing newline)."""
    return json.dumps(article, ensure_ascii=False, separators=(",", ":"))


def dumps(articles: Iterable[dict]) -> str:
    return "".join(dump_line(article) + "\n" for article in articles)


def parse(text: str) -> Iterator[tuple[int, dict]]:
    """(line number, article dict) for each non-blank line; FormatError names the bad line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise FormatError(f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise FormatError(f"line {number}: expected a JSON object, got {type(record).__name__}")
        entities = record.get("entities", [])
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise FormatError(f"line {number}: 'entities' must be a list of objects")
        paragraphs = record.get("paragraphs")
        if paragraphs is not None and (
            not isinstance(paragraphs, list)
            or not all(isinstance(p, dict) and isinstance(p.get("text"), str) for p in paragraphs)
        ):
            raise FormatError(f"line {number}: 'paragraphs' must be a list of objects with text")
        yield number, record
