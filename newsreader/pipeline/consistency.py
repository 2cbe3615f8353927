"""One sense per discourse: a name the tagger found once is a name at its other places.

The second pass learns from document evidence, but when the first pass missed
a surname at most of its places («الاعرجي» alone, seven times) the evidence
says "mostly not a name" and the second pass agrees. News names a person in
full once and by surname after, so this last step copies what the tagger
found onto the same words left untagged elsewhere in the document:

- a multi-word name («الأسوشيتد برس») at every other place where exactly its
  words stand untagged;
- a single word that was a whole name or the last word of one (a surname, an
  organisation's short name) where it stands alone — but only a word the
  training data never showed outside a name (`plain_words`), so «الله» of
  «عبد الله» or «الجزيرة» of a club never spreads to ordinary text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from newsreader.pipeline.bio import bio_spans
from newsreader.pipeline.document import token_key

Evidence = tuple[dict[str, Counter[str]], dict[tuple[str, ...], Counter[str]]]


def _evidence(keys: Sequence[str], tags: Sequence[str]) -> Evidence:
    """Single words (whole names, last words) and whole multi-word names, with labels."""
    words: dict[str, Counter[str]] = {}
    names: dict[tuple[str, ...], Counter[str]] = {}
    for label, a, b in bio_spans(tags):
        last = keys[b - 1]
        if len(last) > 2:
            words.setdefault(last, Counter())[label] += 1
        if b - a > 1 and all(keys[a:b]):
            names.setdefault(tuple(keys[a:b]), Counter())[label] += 1
    return words, names


def _untagged(tags: Sequence[str], a: int, b: int) -> bool:
    """Tokens a..b-1 and their neighbours carry no tag."""
    return all(t == "O" for t in tags[max(0, a - 1) : b + 1])


def propagate(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    plain_words: Collection[str],
    window: int | None = None,
) -> list[list[str]]:
    """`tags` with the document's names copied onto their untagged repetitions.

    `window` None treats all `sentences` as one document; otherwise each
    sentence sees `window` sentences on either side (corpora without
    article boundaries).
    """
    keys = [[token_key(w) for w in s] for s in sentences]
    found = [_evidence(k, t) for k, t in zip(keys, tags, strict=True)]
    out = [list(t) for t in tags]
    n = len(sentences)
    whole = _merged(found) if window is None else None  # one article: merge once
    for k in range(n):
        if window is None and whole is not None:
            words, names = whole
        else:
            reach = window or 0
            words, names = _merged(found[max(0, k - reach) : k + reach + 1])
        _copy_names(keys[k], out[k], names)
        _copy_words(keys[k], out[k], words, plain_words)
    return out


def _merged(found: Sequence[Evidence]) -> Evidence:
    words: defaultdict[str, Counter[str]] = defaultdict(Counter)
    names: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sentence_words, sentence_names in found:
        for key, c in sentence_words.items():
            words[key].update(c)
        for seq, c in sentence_names.items():
            names[seq].update(c)
    return words, names


def _copy_names(
    keys: Sequence[str], tags: list[str], names: dict[tuple[str, ...], Counter[str]]
) -> None:
    for seq, labels in sorted(names.items(), key=lambda item: -len(item[0])):
        size = len(seq)
        for i in range(len(keys) - size + 1):
            if tuple(keys[i : i + size]) == seq and _untagged(tags, i, i + size):
                label = labels.most_common(1)[0][0]
                tags[i : i + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)


def _copy_words(
    keys: Sequence[str],
    tags: list[str],
    words: dict[str, Counter[str]],
    plain_words: Collection[str],
) -> None:
    for i, key in enumerate(keys):
        if key in words and key not in plain_words and _untagged(tags, i, i + 1):
            tags[i] = f"B-{words[key].most_common(1)[0][0]}"
