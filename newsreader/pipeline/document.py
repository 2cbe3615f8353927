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

from collections import Counter
from collections.abc import Sequence

from newsreader.pipeline.bio import bio_spans
from newsreader.pipeline.normalize import fold, stem

# Sentences on either side that count as the document when a corpus has no
# article boundaries (ANERcorp articles run about 15 sentences).
WINDOW = 20


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


Evidence = dict[str, Counter[str]]  # token key -> how often each role was seen


def _evidence(keys: Sequence[str], tags: Sequence[str]) -> Evidence:
    out: Evidence = {}
    for key, roles in zip(keys, _roles(tags), strict=True):
        if key:
            out.setdefault(key, Counter()).update(roles)
    return out


def _add(total: Evidence, part: Evidence, sign: int) -> None:
    for key, counts in part.items():
        mine = total.setdefault(key, Counter())
        for role, n in counts.items():
            mine[role] += sign * n


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
    per_sentence = [_evidence(k, t) for k, t in zip(keys, first_pass, strict=True)]
    roles = [_roles(t) for t in first_pass]
    n = len(sentences)
    total: Evidence = {}
    if window is None:
        for c in per_sentence:
            _add(total, c, 1)
    lo, hi = 0, 0  # the window [lo, hi) currently summed into `total`
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
        sentence_keys = keys[k]
        own_feats = [
            _features(key, own, total) for key, own in zip(sentence_keys, roles[k], strict=True)
        ]
        feats: list[list[str]] = []
        for i, mine in enumerate(own_feats):
            row = [f"d:{x}" for x in mine]
            row.append(f"p1={first_pass[k][i]}")
            for offset in (-1, 1):
                j = i + offset
                if 0 <= j < len(own_feats):
                    row.extend(f"{offset}:d:{x}" for x in own_feats[j] if x != "O")
                    row.append(f"{offset}:p1={first_pass[k][j]}")
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
