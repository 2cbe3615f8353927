"""The name finder's word records: `_Word` (a token with its folded key and proclitic
readings), `_Candidate` (a found name) and the CRF's word knowledge (`_resources`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

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
        start = self.start
        return [(start + at, rest, fused) for at, rest, fused in _splits(self.key, self.offsets)]

    def stems(self) -> list[str]:
        return [rest for _, rest in proclitic_splits(self.key)]


@lru_cache(maxsize=65536)
def _splits(key: str, offsets: tuple[int, ...]) -> tuple[tuple[int, str, bool], ...]:
    """`_Word.splits` from the word's own start: the rules ask each word many times."""
    out: list[tuple[int, str, bool]] = []
    for prefix, rest in proclitic_splits(key):
        fused = key[len(prefix) :] != rest  # «لل» read as ل + ال
        keep = len(prefix) - 1 if fused else len(prefix)
        out.append((offsets[keep], rest, fused))
    return tuple(out)


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
        key, is_word, tanween, offsets = _word_parts(tok.text)
        out.append(_Word(tok.text, tok.start, tok.end, key, is_word, tanween, offsets))
    return out


@lru_cache(maxsize=65536)
def _word_parts(text: str) -> tuple[str, bool, bool, tuple[int, ...]]:
    """(folded key, has Arabic letters, has tanween, offsets) of a token; words repeat."""
    folded = fold_with_offsets(text)
    is_word = any("\u0621" <= c <= "\u064a" for c in folded.text)
    return folded.text, is_word, any(c in TANWEEN for c in text), folded.offsets


def _resources() -> Resources:
    """The CRF's word knowledge (gazetteer + name words seen in training).

    A corrupt resource file raises `ResourceError` (one line naming it); missing
    files give empty resources, so the rules run on.
    """
    return resources_for()
