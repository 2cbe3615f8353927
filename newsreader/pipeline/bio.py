"""BIO tag sequences read as entity spans (shared by the tagger, its training and evaluation)."""

from __future__ import annotations

from collections.abc import Sequence


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(label, first token, last token + 1) of each entity, conlleval style.

    An I- tag that does not continue an entity of its type starts one.
    """
    spans: list[tuple[str, int, int]] = []
    label: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append((label, start, i))
            label = None
        if prefix in ("B", "I") and kind and not continues:
            label, start = kind, i
    return spans
