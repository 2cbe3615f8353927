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


def _evidence(keys: Sequence[str], tags: Sequence[str]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for key, roles in zip(keys, _roles(tags), strict=True):
        if key:
            for r in roles:
                out[(key, r)] += 1
    return out


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
    total: Counter[tuple[str, str]] = Counter()
    if window is None:
        for c in per_sentence:
            total.update(c)
    lo, hi = 0, 0  # the window [lo, hi) currently summed into `total`
    out: list[list[list[str]]] = []
    for k in range(n):
        if window is not None:
            want_lo, want_hi = max(0, k - window), min(n, k + window + 1)
            while hi < want_hi:
                total.update(per_sentence[hi])
                hi += 1
            while lo < want_lo:
                total.subtract(per_sentence[lo])
                lo += 1
        sentence_keys = keys[k]
        own = [_own_evidence(sentence_keys[i], roles[k][i]) for i in range(len(sentence_keys))]
        own_feats = [_features(sentence_keys[i], own[i], total) for i in range(len(sentence_keys))]
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


def _own_evidence(key: str, roles: tuple[str, ...]) -> Counter[tuple[str, str]]:
    return Counter({(key, r): 1 for r in roles}) if key else Counter()


def _features(
    key: str, own: Counter[tuple[str, str]], total: Counter[tuple[str, str]]
) -> list[str]:
    """Evidence strings for `key` in the document minus the token's own contribution."""
    if not key:
        return []
    out: list[str] = []
    for role in _ROLES:
        count = total.get((key, role), 0) - own.get((key, role), 0)
        if count > 0:
            out.append(role if count == 1 else f"{role}+")
    return out


# A first-pass tag the first pass was unsure of keeps a «?» (`tagger.first_pass_tags`).
_LABELS = tuple(
    f"{label}{sure}" for sure in ("", "?") for label in ("PERSON", "LOCATION", "ORGANIZATION")
)
_ROLES = (
    "O",
    *_LABELS,
    *(f"{label}.{where}" for label in _LABELS for where in ("S", "B", "I", "L")),
)
