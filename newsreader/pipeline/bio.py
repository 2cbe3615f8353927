"""BIO tag sequences read as entity spans (shared by the tagger, its training and evaluation)."""

from __future__ import annotations

from collections.abc import Sequence

# The word taggers' label set, in the order their probability rows use
# (the encoder's head, the CRF's marginals, their combination).
BIO_LABELS = (
    "O",
    "B-PERSON",
    "I-PERSON",
    "B-LOCATION",
    "I-LOCATION",
    "B-ORGANIZATION",
    "I-ORGANIZATION",
)


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


def repair(tags: Sequence[str]) -> list[str]:
    """An I- tag that does not continue its kind becomes B- (a valid sequence)."""
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out
