"""Document evidence for the tagger's second pass: what the first pass found elsewhere.

A surname standing alone («رامسفيلد») or an organisation's short name is hard
to tag from its own sentence; the same word inside a full name two paragraphs
up is strong evidence. The first pass tags every sentence on its own; this
module turns its tags into features for each token: under which labels (and
where in a name — first, inside, last, alone) the token's stem was tagged in
the *other* positions of the document, and whether it also stood outside any
name. The second pass learns how far to trust that evidence, so a common word
that once headed an organisation is not tagged everywhere.

A document is an article's paragraphs; corpora without document boundaries
(ANERcorp) use a window of sentences around each one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from newsreader.pipeline.bio import bio_spans
from newsreader.pipeline.normalize import fold, stem

# Sentences on either side that count as the document when a corpus has no
# article boundaries (ANERcorp articles run about 15 sentences).
WINDOW = 20


@lru_cache(maxsize=65536)  # asked of every token twice (evidence, consistency)
def token_key(word: str) -> str:
    """The word as evidence is matched: folded, without tatweel, proclitics or article."""
    f = fold(word.replace("\u0640", "")) or word
    return stem(f) if len(f) > 1 else ""


def _roles(tags: Sequence[str]) -> list[tuple[str, ...]]:
    """Evidence strings contributed by each token of one tagged sentence."""
    roles: list[tuple[str, ...]] = [("O",)] * len(tags)
    for label, a, b in bio_spans(tags):
        for i in range(a, b):
            if b - a == 1:
                where = "S"
            elif i == a:
                where = "B"
            elif i == b - 1:
                where = "L"
            else:
                where = "I"
            roles[i] = (label, f"{label}.{where}")
    return roles


Evidence = dict[str, dict[str, int]]  # token key -> how often each role was seen


def _evidence(
    keys: Sequence[str], roles: Sequence[tuple[str, ...]], out: Evidence | None = None
) -> Evidence:
    """Role counts per key in one sentence (added to `out` when given)."""
    out = {} if out is None else out
    for key, seen in zip(keys, roles, strict=True):
        if key:
            counts = out.get(key)
            if counts is None:
                counts = out[key] = {}
            for role in seen:
                counts[role] = counts.get(role, 0) + 1
    return out


def _add(total: Evidence, part: Evidence, sign: int) -> None:
    for key, counts in part.items():
        mine = total.setdefault(key, {})
        for role, n in counts.items():
            mine[role] = mine.get(role, 0) + sign * n


def document_features(
    sentences: Sequence[Sequence[str]],
    first_pass: Sequence[Sequence[str]],
    window: int | None = None,
) -> list[list[list[str]]]:
    """Per sentence, per token: the first pass's evidence about the token elsewhere.

    `window` None treats all `sentences` as one document; otherwise each
    sentence sees `window` sentences on either side.
    """
    keys = [[token_key(w) for w in s] for s in sentences]
    roles = [_roles(t) for t in first_pass]
    n = len(sentences)
    total: Evidence = {}
    per_sentence: list[Evidence] = []
    if window is None:
        for sentence_keys, sentence_roles in zip(keys, roles, strict=True):
            _evidence(sentence_keys, sentence_roles, total)
    else:
        per_sentence = [_evidence(*pair) for pair in zip(keys, roles, strict=True)]
    lo, hi = 0, 0  # the window [lo, hi) currently summed into `total`
    memo: dict[tuple[str, tuple[str, ...]], list[str]] = {}  # (key, own roles) -> evidence
    out: list[list[list[str]]] = []
    for k in range(n):
        if window is not None:
            want_lo, want_hi = max(0, k - window), min(n, k + window + 1)
            while hi < want_hi:
                _add(total, per_sentence[hi], 1)
                hi += 1
            while lo < want_lo:
                _add(total, per_sentence[lo], -1)
                lo += 1
            memo.clear()  # the evidence summed changed with the window
        own_feats = []
        for key, own in zip(keys[k], roles[k], strict=True):
            found = memo.get((key, own))
            if found is None:
                found = memo[key, own] = _features(key, own, total)
            own_feats.append(found)
        tags = first_pass[k]
        feats: list[list[str]] = []
        last = len(own_feats) - 1
        for i, mine in enumerate(own_feats):
            row = [_AS_SELF[x] for x in mine]
            row.append(_TAG_SELF[tags[i]])
            if i > 0:
                row.extend(_AS_BEFORE[x] for x in own_feats[i - 1] if x != "O")
                row.append(_TAG_BEFORE[tags[i - 1]])
            if i < last:
                row.extend(_AS_AFTER[x] for x in own_feats[i + 1] if x != "O")
                row.append(_TAG_AFTER[tags[i + 1]])
            feats.append(row)
        out.append(feats)
    return out


def _features(key: str, own: tuple[str, ...], total: Evidence) -> list[str]:
    """Evidence strings for `key` in the document minus the token's own roles, in
    `_ROLES` order (a role seen twice or more gets a «+»)."""
    counts = total.get(key) if key else None
    if not counts:
        return []
    found: list[tuple[int, str]] = []
    for role, count in counts.items():
        order = _ORDER.get(role)
        if order is None:
            continue
        if role in own:
            count -= 1
        if count > 0:
            found.append((order, role if count == 1 else f"{role}+"))
    found.sort()
    return [feature for _, feature in found]


# A first-pass tag the first pass was unsure of keeps a «?» (`tagger.first_pass_tags`).
_LABELS = tuple(
    f"{label}{sure}" for sure in ("", "?") for label in ("PERSON", "LOCATION", "ORGANIZATION")
)
_ROLES = (
    "O",
    *_LABELS,
    *(f"{label}.{where}" for label in _LABELS for where in ("S", "B", "I", "L")),
)
_ORDER = {role: i for i, role in enumerate(_ROLES)}


class _Prefixed(dict):
    """A feature string per role or tag, made the first time it is asked for."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, key: str) -> str:
        value = self[key] = f"{self.prefix}{key}"
        return value


# Evidence and first-pass tags at the word and on either side («d:PERSON», «-1:p1=O»).
_AS_SELF, _AS_BEFORE, _AS_AFTER = _Prefixed("d:"), _Prefixed("-1:d:"), _Prefixed("1:d:")
_TAG_SELF, _TAG_BEFORE, _TAG_AFTER = _Prefixed("p1="), _Prefixed("-1:p1="), _Prefixed("1:p1=")
