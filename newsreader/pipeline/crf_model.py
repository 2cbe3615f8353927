"""A crfsuite model file read into arrays: the CRF's tags and marginals in numpy.

python-crfsuite copies every feature string of a sentence into C++ and looks
it up in the model's dictionary on each call; for the two passes over a seed
article that was 8 of its 53 ms of ingest. Here the model's weights are read
once (the CRF1d layout written by crfsuite's crf1dmodel.c), a document's
feature strings become row numbers through a dict, and Viterbi and
forward-backward run over all of its sentences at once. State scores are
summed in crfsuite's order (zero, then each known feature in turn) and Viterbi
keeps the first best as crfsuite does, so the tags are crfsuite's; marginals
(scaled exponentials, as crfsuite computes them) agree to rounding.
Training stays with python-crfsuite.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


class ModelFormatError(ValueError):
    """The file is not a first-order crfsuite model (CRF1d, version 100)."""


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk in id order, read from its backward array."""
    if data[offset : offset + 4] != b"CQDB":
        raise ModelFormatError(f"no CQDB chunk at byte {offset}")
    size, _flag, _order, count, backward = struct.unpack_from("<5I", data, offset + 4)
    if backward + 4 * count > size:
        raise ModelFormatError("CQDB backward array runs past its chunk")
    places = struct.unpack_from(f"<{count}I", data, offset + backward)
    out = []
    for i, place in enumerate(places):
        ident, length = struct.unpack_from("<2I", data, offset + place)
        if ident != i or length == 0:
            raise ModelFormatError(f"CQDB record {i} is damaged")
        start = offset + place + 8
        out.append(data[start : start + length - 1].decode("utf-8"))  # length counts the NUL
    return out


@dataclass(frozen=True)
class Reading:
    """One document's state scores, sentence by sentence (tokens x labels)."""

    scores: list[np.ndarray]


# A token's item is a sequence of parts, each a sequence of feature strings (or a
# feature string itself: a flat item). A tuple part recurs (a word's own features,
# its view as a neighbour: kept per word form by `features.word_features`), so its
# row numbers are kept too.
Item = Sequence[Sequence[str]]
PART_MEMO = 50_000  # parts a model keeps the rows of (5 per word of `MEMO_WORDS`), then anew


class CrfModel:
    """A CRF1d model's labels, attribute ids, state weights and transitions."""

    def __init__(self, labels: Sequence[str], attributes: Sequence[str], state, transition):
        self.labels = tuple(labels)
        self.column = {label: j for j, label in enumerate(self.labels)}
        self.index = {a: i for i, a in enumerate(attributes)}
        self.unknown = len(attributes)  # the zero row every token's sum starts from
        self.state = np.vstack([state, np.zeros((1, len(self.labels)))])
        self.transition = np.asarray(transition, dtype=float)
        self._parts: dict[tuple[str, ...], array[int]] = {}

    @classmethod
    def read(cls, path: str | Path) -> CrfModel:
        data = Path(path).read_bytes()
        if len(data) < 48 or data[:4] != b"lCRF" or data[8:12] != b"FOMC":
            raise ModelFormatError(f"{path} is not a crfsuite CRF1d model")
        version, _, n_labels, n_attrs, at_features, at_labels, at_attrs = struct.unpack_from(
            "<7I", data, 12
        )
        if version != 100 or data[at_features : at_features + 4] != b"FEAT":
            raise ModelFormatError(f"{path}: unknown model version {version}")
        (count,) = struct.unpack_from("<I", data, at_features + 8)
        features = np.frombuffer(data, _FEATURE, count, at_features + 12)
        labels = _cqdb_strings(data, at_labels)
        attributes = _cqdb_strings(data, at_attrs)
        if len(labels) != n_labels or len(attributes) != n_attrs:
            raise ModelFormatError(f"{path}: label or attribute count does not match its header")
        state = np.zeros((n_attrs, n_labels))
        transition = np.zeros((n_labels, n_labels))
        for kind, target in ((_STATE, state), (_TRANSITION, transition)):
            chosen = features[features["type"] == kind]
            target[chosen["src"], chosen["dst"]] = chosen["weight"]
        return cls(labels, attributes, state, transition)

    def read_document(self, sentences: Sequence[Sequence[Item]]) -> Reading:
        """State scores of every token: the weights of its known features, summed in order."""
        get, unknown, memo = self.index.get, self.unknown, self._parts
        rows = array("q")  # extended by whole memo entries: a copy of machine words
        starts: list[int] = []
        for items in sentences:
            for parts in items:
                starts.append(len(rows))
                rows.append(unknown)
                for part in parts:
                    if type(part) is not tuple:
                        if isinstance(part, str):  # a flat item: the part is one feature
                            rows.append(get(part, unknown))
                        else:
                            rows.extend(map(get, part, repeat(unknown)))
                        continue
                    known = memo.get(part)
                    if known is None:
                        if len(memo) >= PART_MEMO:
                            memo.clear()
                        known = memo[part] = array("q", map(get, part, repeat(unknown)))
                    rows.extend(known)
        width = len(self.labels)
        if not starts:
            return Reading([np.zeros((0, width)) for _ in sentences])
        weights = np.take(self.state, np.frombuffer(rows, dtype=np.int64), axis=0)
        summed = np.add.reduceat(weights, starts, axis=0)
        ends = np.cumsum([len(items) for items in sentences])
        return Reading(np.split(summed, ends[:-1]))

    def tags(self, reading: Reading) -> list[list[str]]:
        """The best label sequence of each sentence (crfsuite's Viterbi, ties to the first)."""
        batch, lengths = _padded(reading.scores, len(self.labels))
        steps = batch.shape[1]
        if not steps:  # every sentence empty
            return [[] for _ in reading.scores]
        best = np.empty_like(batch)  # the best path's score ending at each label
        back = np.zeros(batch.shape, dtype=np.intp)
        best[:, 0] = batch[:, 0]
        trans = self.transition[None, :, :]
        for t in range(1, steps):
            paths = best[:, t - 1, :, None] + trans
            back[:, t] = paths.argmax(axis=1)
            best[:, t] = paths.max(axis=1) + batch[:, t]
        out = []
        ends = best[np.arange(len(lengths)), np.maximum(lengths - 1, 0)].argmax(axis=1).tolist()
        for s, n in enumerate(lengths.tolist()):
            label = ends[s]
            path = [label]
            pointers = back[s, 1:n][::-1].tolist()
            for row in pointers:
                label = row[label]
                path.append(label)
            out.append([self.labels[i] for i in reversed(path)] if n else [])
        return out

    def marginals(self, reading: Reading) -> list[np.ndarray]:
        """Each token's probability of each label (forward-backward), per sentence."""
        batch, lengths = _padded(reading.scores, len(self.labels))
        steps = batch.shape[1]
        # scaled exponentials, as crfsuite computes them; each token's own scale cancels
        state = np.exp(batch - batch.max(axis=2, keepdims=True))
        trans = np.exp(self.transition)
        alpha = np.empty_like(state)
        beta = np.ones_like(state)
        if steps:
            alpha[:, 0] = state[:, 0] / state[:, 0].sum(axis=1, keepdims=True)
        for t in range(1, steps):
            a = (alpha[:, t - 1] @ trans) * state[:, t]
            alpha[:, t] = a / a.sum(axis=1, keepdims=True)
        for t in range(steps - 2, -1, -1):
            b = (state[:, t + 1] * beta[:, t + 1]) @ trans.T
            b /= b.sum(axis=1, keepdims=True)
            beta[:, t] = np.where((t < lengths - 1)[:, None], b, 1.0)
        joint = alpha * beta
        probs = joint / joint.sum(axis=2, keepdims=True)
        return [probs[s, :n] for s, n in enumerate(lengths.tolist())]


def _padded(scores: list[np.ndarray], width: int) -> tuple[np.ndarray, np.ndarray]:
    """The sentences' scores in one zero-padded array (sentences x longest x labels)."""
    lengths = np.array([len(s) for s in scores], dtype=np.intp)
    batch = np.zeros((len(scores), int(lengths.max(initial=0)), width))
    for s, x in enumerate(scores):
        batch[s, : len(x)] = x
    return batch, lengths
