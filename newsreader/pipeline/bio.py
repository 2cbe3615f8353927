"""BIO tag sequences read as entity spans (shared by the tagger, its training and evaluation)."""

from __future__ import annotations

import math
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


def _may_follow(previous: str, tag: str) -> bool:
    return not tag.startswith("I-") or previous[2:] == tag[2:]


# for each label, the labels that may precede it (an I- only after its own kind)
_PREDECESSORS = tuple(
    tuple(j for j, previous in enumerate(BIO_LABELS) if _may_follow(previous, tag))
    for tag in BIO_LABELS
)
_FLOOR = 1e-9  # a zero probability is very unlikely, not impossible


def best_valid_tags(rows: Sequence[Sequence[float]]) -> list[str]:
    """The valid BIO sequence with the highest product of the rows' probabilities (Viterbi).

    Better than the best label per word then `repair`: an unsure I- after O
    may be more likely as O than as a new B-, and a name's middle word is read
    with its neighbours.
    """
    if not rows:
        return []
    logs = [[math.log(max(p, _FLOOR)) for p in row] for row in rows]
    score = [-math.inf if tag.startswith("I-") else logs[0][k] for k, tag in enumerate(BIO_LABELS)]
    back: list[list[int]] = []
    for row in logs[1:]:
        step = [max(_PREDECESSORS[k], key=score.__getitem__) for k in range(len(BIO_LABELS))]
        score = [score[j] + row[k] for k, j in enumerate(step)]
        back.append(step)
    k = max(range(len(BIO_LABELS)), key=score.__getitem__)
    path = [k]
    for step in reversed(back):
        k = step[k]
        path.append(k)
    return [BIO_LABELS[k] for k in reversed(path)]
