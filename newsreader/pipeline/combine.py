"""Two word taggers as one: the CRF's marginals and the encoder's probabilities, averaged.

The CRF (our features, gazetteers, the document's other sentences) and the
fine-tuned encoder (pretrained context) make different mistakes. Per word,
the two probability rows over `BIO_LABELS` are averaged with equal weight
(set before measuring, not tuned on the test files), the most probable
valid BIO sequence is taken (`bio.best_valid_tags`), and a name found at
one place is copied onto its untagged repetitions in the document
(`consistency.propagate`), as the CRF does alone.

ANERcorp CAMeL Lab test, PER/LOC/ORG exact-match micro F1 (official /
repaired file; encoder: 12 layers, top 8 trained 3 epochs): CRF 75.2 / 76.4,
encoder 74.1 / 77.0 (with the consistency step 75.6 / 78.0), averaged 76.7 /
78.5, averaged with the consistency step 78.3 / 79.5. Weights of 0.3 and 0.7
give 77.0 / 77.8 and 77.0 / 79.0. Decoding the average as the best valid
sequence instead of the best label per word then repaired: 78.2 → 78.6 /
79.5 → 79.9 (the encoder alone 74.2 → 75.3 / 77.1 → 77.9, and on AQMAR,
whose labels it never saw, 54.7 → 55.4; the encoder in bfloat16).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsreader.pipeline.bio import best_valid_tags
from newsreader.pipeline.consistency import propagate

ENCODER_WEIGHT = 0.5

Rows = Sequence[Sequence[float]]


def average(crf: Rows, encoder: Rows, weight: float = ENCODER_WEIGHT) -> list[str]:
    """One sentence's tags from the two taggers' rows (`weight` is the encoder's share)."""
    if len(crf) != len(encoder):
        raise ValueError("the two taggers read different numbers of words")
    mixed = [
        [(1 - weight) * x + weight * y for x, y in zip(a, b, strict=True)]
        for a, b in zip(crf, encoder, strict=True)
    ]
    return best_valid_tags(mixed)


def combined_tags(
    sentences: Sequence[Sequence[str]],
    crf: Sequence[Rows],
    encoder: Sequence[Rows],
    plain_words: Collection[str],
    window: int | None = None,
    weight: float = ENCODER_WEIGHT,
) -> list[list[str]]:
    """A document's tags: averaged per word, then names carried to their repetitions."""
    tags = [average(c, e, weight) for c, e in zip(crf, encoder, strict=True)]
    if not plain_words:
        return tags
    return propagate(sentences, tags, plain_words, window)


__all__ = ["ENCODER_WEIGHT", "average", "combined_tags"]
