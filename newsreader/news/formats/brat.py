"""brat standoff: per article a .txt (paragraphs joined by "\\n") and a .ann.

    T1<TAB>PERSON 12 21<TAB>لوكاشينكو
    #1<TAB>AnnotatorNotes T1<TAB>canonical=ألكسندر لوكاشينكو

Offsets are code points into the .txt. The note carries `key=value` pairs
separated by "; ": canonical, value (a DATE's ISO value) and, when the span
came from the recogniser, origin=model. Relations, events, attributes and
normalisations are not part of what Qari stores, so the reader skips them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreader.news.formats import LABEL_CODES, ORIGINS, FormatError

ANNOTATION_CONF = (
    "[entities]\n"
    + "".join(f"{label}\n" for label in LABEL_CODES)
    + "\n[relations]\n\n[events]\n\n[attributes]\n"
)
_SKIPPED = ("R", "E", "A", "M", "N", "*")
_SPAN = re.compile(r"^(\S+) (\d+) (\d+)$")


def article_text(paragraphs: Sequence[str]) -> str:
    return "\n".join(paragraphs)


def paragraph_starts(paragraphs: Sequence[str]) -> list[int]:
    """Offset of each paragraph in the joined text."""
    starts, at = [], 0
    for text in paragraphs:
        starts.append(at)
        at += len(text) + 1
    return starts


def _clean(value: str) -> str:
    return " ".join(str(value).split())  # a note is one line without tabs


def dumps(article: dict) -> tuple[str, str]:
    """(.txt, .ann) of a contract article dict. The .txt ends with one newline."""
    texts = [p["text"] for p in article["paragraphs"]]
    starts = dict(
        zip((p["index"] for p in article["paragraphs"]), paragraph_starts(texts), strict=True)
    )
    lines = []
    entities = sorted(article.get("entities", []), key=lambda e: (e["paragraph"], e["start"]))
    for n, entity in enumerate(entities, start=1):
        base = starts[entity["paragraph"]]
        start, end = base + entity["start"], base + entity["end"]
        lines.append(f"T{n}\t{entity['label']} {start} {end}\t{entity['text']}\n")
        notes = []
        if entity.get("canonical"):
            notes.append(f"canonical={_clean(entity['canonical'])}")
        if entity.get("value"):
            notes.append(f"value={_clean(entity['value'])}")
        if entity.get("origin"):
            notes.append(f"origin={_clean(entity['origin'])}")
        if notes:
            lines.append(f"#{n}\tAnnotatorNotes T{n}\t{'; '.join(notes)}\n")
    return article_text(texts) + "\n", "".join(lines)


def parse_ann(ann: str) -> list[dict]:
    """The text-bound annotations of a .ann with their notes merged in.

    Each: {"id", "label", "start", "end", "text", "canonical", "value", "origin"}
    with offsets into the .txt. FormatError names the line.
    """
    spans: dict[str, dict] = {}
    notes: list[tuple[int, str, str]] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        kind = fields[0][:1]
        if kind == "T":
            span = _text_bound(number, fields)
            if span["id"] in spans:
                raise FormatError(f"line {number}: {span['id']} is defined twice")
            spans[span["id"]] = span
        elif kind == "#":
            note = _note(number, fields)
            if note is not None:
                notes.append(note)
        elif kind not in _SKIPPED:
            raise FormatError(f"line {number}: unknown annotation kind {fields[0]!r}")
    for number, target, text in notes:
        if target in spans:  # else a note on a relation or event
            spans[target].update(_note_fields(number, text))
    return list(spans.values())


def _text_bound(number: int, fields: list[str]) -> dict:
    """A T line («T<n><TAB>LABEL start end<TAB>text») as a span dict."""
    if len(fields) < 3:
        raise FormatError(f"line {number}: expected 'T<n><TAB>LABEL start end<TAB>text'")
    if ";" in fields[1]:
        raise FormatError(f"line {number}: discontinuous spans are not supported")
    match = _SPAN.match(fields[1])
    if not match:
        raise FormatError(f"line {number}: expected 'LABEL start end', got {fields[1]!r}")
    label, start, end = match[1], int(match[2]), int(match[3])
    if label not in LABEL_CODES:
        raise FormatError(f"line {number}: unknown label {label!r}")
    if start >= end:
        raise FormatError(f"line {number}: the span is empty ({start}-{end})")
    return {
        "id": fields[0],
        "line": number,
        "label": label,
        "start": start,
        "end": end,
        "text": "\t".join(fields[2:]),
        "canonical": None,
        "value": None,
        "origin": None,
    }


def _note(number: int, fields: list[str]) -> tuple[int, str, str] | None:
    """A # line: (line, target id, note) for AnnotatorNotes, None for another comment."""
    head = fields[1].split() if len(fields) > 1 else []
    if len(fields) < 3 or len(head) != 2:
        raise FormatError(f"line {number}: expected '#<n><TAB>AnnotatorNotes T<n><TAB>note'")
    if head[0] != "AnnotatorNotes":
        return None
    return number, head[1], "\t".join(fields[2:])


def _note_fields(number: int, note: str) -> dict[str, str | None]:
    """«canonical=…; value=…; origin=…» as the span's fields (an empty one is None)."""
    found: dict[str, str | None] = {}
    for part in note.split("; "):
        key, sep, value = part.partition("=")
        key = key.strip()
        if not sep or key not in ("canonical", "value", "origin"):
            raise FormatError(f"line {number}: unknown note {part!r} (canonical=, value=, origin=)")
        if key == "origin" and value.strip() not in ORIGINS:
            raise FormatError(f"line {number}: origin must be human or model, not {value!r}")
        found[key] = value.strip() or None
    return found


def to_entities(spans: Sequence[dict], paragraphs: Sequence[tuple[int, str]]) -> list[dict]:
    """Spans with .txt offsets as contract entities (paragraph index, offsets inside it).

    `paragraphs` are (index, text) in order, the ones the .txt was joined from.
    """
    texts = [text for _, text in paragraphs]
    starts = paragraph_starts(texts)
    entities = []
    for span in spans:
        where = f"line {span['line']} ({span['id']})"
        found = next(
            (
                n
                for n, (base, text) in enumerate(zip(starts, texts, strict=True))
                if base <= span["start"] and span["end"] <= base + len(text)
            ),
            None,
        )
        if found is None:
            raise FormatError(f"{where}: {span['start']}-{span['end']} is not inside one paragraph")
        base, text = starts[found], texts[found]
        start, end = span["start"] - base, span["end"] - base
        if text[start:end] != span["text"]:
            raise FormatError(
                f"{where}: the text at {span['start']}-{span['end']} is "
                f"{text[start:end]!r}, not {span['text']!r}"
            )
        entities.append(
            {
                "paragraph": paragraphs[found][0],
                "start": start,
                "end": end,
                "text": span["text"],
                "label": span["label"],
                "canonical": span["canonical"],
                "value": span["value"],
                "origin": span["origin"],
            }
        )
    return entities
