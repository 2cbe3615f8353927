"""The name finder's word records: `_Word` (a token with its folded key and proclitic
readings), `_Candidate` (a found name) and the CRF's word knowledge (`_resources`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsreader.pipeline.features import Resources, resources_for
from newsreader.pipeline.lexicon_names import (
    TANWEEN,
)
from newsreader.pipeline.normalize import fold_with_offsets, proclitic_splits, tokenize
from newsreader.pipeline.types import Label


@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int
    key: str  # folded
    is_word: bool
    tanween: bool
    offsets: tuple[int, ...] = field(default=())

    def splits(self) -> list[tuple[int, str, bool]]:
        """(char offset where the stem's span starts, stem key, fused لل) per reading."""
        out: list[tuple[int, str, bool]] = []
        for prefix, rest in proclitic_splits(self.key):
            fused = self.key[len(prefix) :] != rest  # «لل» read as ل + ال
            keep = len(prefix) - 1 if fused else len(prefix)
            out.append((self.start + self.offsets[keep], rest, fused))
        return out

    def stems(self) -> list[str]:
        return [rest for _, rest in proclitic_splits(self.key)]


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    label: Label
    priority: int
    first: int  # token index range, for the second pass
    last: int
    tagged: bool = False  # from the statistical tagger


def _words(text: str) -> list[_Word]:
    out = []
    for tok in tokenize(text):
        folded = fold_with_offsets(tok.text)
        is_word = any("\u0621" <= c <= "\u064a" for c in folded.text)
        out.append(
            _Word(
                tok.text,
                tok.start,
                tok.end,
                folded.text,
                is_word,
                any(c in TANWEEN for c in tok.text),
                folded.offsets,
            )
        )
    return out


def _resources() -> Resources:
    """The CRF's word knowledge (gazetteer + name words seen in training).

    A corrupt resource file raises `ResourceError` (one line naming it); missing
    files give empty resources, so the rules run on.
    """
    return resources_for()
