"""Word classes and word counts learnt from the training text (Brown-like clusters from
co-occurrence vectors), written beside the model for the tagger's features.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsreader.pipeline.corpus import Sentence
from newsreader.pipeline.document import token_key
from newsreader.pipeline.features import Resources, default_gazetteer
from newsreader.pipeline.foreign import foreign_buckets
from newsreader.pipeline.normalize import fold


def build_clusters(
    sentences: Iterable[Sequence[str]],
    sizes: Sequence[int] = (32, 128, 512),
    min_count: int = 2,
    context_words: int = 1500,
    dims: int = 100,
    seed: int = 0,
) -> dict[str, list[str]]:
    """Distributional word classes from unlabelled text (only words, never tags).

    Each folded word with `min_count` occurrences is described by the counts of
    the frequent words to its left and right (±1, ±2), weighted by PPMI, reduced
    by SVD and clustered with k-means at several granularities — a cheap
    stand-in for Brown clusters' bit-string prefixes.
    """
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    folded = [[fold(w.replace("\u0640", "")) or w for w in s] for s in sentences]
    counts = Counter(w for s in folded for w in s)
    vocab = sorted(w for w, c in counts.items() if c >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    contexts = [w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))][:context_words]
    cindex = {w: i for i, w in enumerate(contexts)}
    rows: list[int] = []
    cols: list[int] = []
    for s in folded:
        padded = ["<s>", "<s>", *s, "</s>", "</s>"]
        for i in range(2, len(padded) - 2):
            row = index.get(padded[i])
            if row is None:
                continue
            for slot, j in enumerate((i - 2, i - 1, i + 1, i + 2)):
                ctx = padded[j]
                col = cindex.get(ctx, len(contexts)) if ctx not in ("<s>", "</s>") else None
                if col is None:
                    col = len(contexts) + 1
                rows.append(row)
                cols.append(slot * (len(contexts) + 2) + col)
    width = 4 * (len(contexts) + 2)
    matrix = sparse.coo_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(vocab), width)
    ).tocsr()
    total = matrix.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel()
    col_sum = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col] + 1e-9) + 1e-9)
    ppmi = sparse.csr_matrix((np.maximum(pmi, 0), (coo.row, coo.col)), shape=matrix.shape)
    k = min(dims, min(ppmi.shape) - 1)
    vectors = TruncatedSVD(n_components=k, random_state=seed).fit_transform(ppmi)
    vectors = normalize(vectors)
    labels = []
    for size in sizes:
        size = min(size, len(vocab))
        km = KMeans(n_clusters=size, n_init=1, random_state=seed, max_iter=100)
        labels.append(km.fit_predict(vectors))
    return {w: [str(int(lab[i])) for lab in labels] for i, w in enumerate(vocab)}


def name_words(sentences: Iterable[Sentence]) -> dict[str, int]:
    """Folded words and how often they stand inside a PERSON/LOCATION/ORGANIZATION name."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for word, tag in sentence:
            if tag != "O":
                counts[fold(word.replace("\u0640", "")) or word] += 1
    return dict(sorted(counts.items()))


def plain_words(sentences: Iterable[Sentence]) -> list[str]:
    """Word keys (`document.token_key`) seen outside any name: they never spread as names."""
    keys = {token_key(word) for sentence in sentences for word, tag in sentence if tag == "O"}
    return sorted(keys - {""})


def write_clusters(
    clusters: dict[str, list[str]],
    path: Path,
    names: dict[str, int] | None = None,
    plain: Sequence[str] = (),
) -> None:
    """The word classes, the name-word counts and the plain words, beside the model."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data: dict = {"about": "word classes and word counts from the training text (training.py)"}
    data["clusters"] = clusters
    data["name_words"] = names or {}
    data["plain_words"] = list(plain)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def training_resources(sentences: Sequence[Sentence], seed: int = 0) -> tuple[Resources, dict]:
    """What the features read, learnt from the training text, and it as `write_clusters` keeps it.

    Word classes, name-word counts and plain words come from `sentences`; the
    gazetteer and the foreign-letter models are the committed ones.
    """
    clusters = build_clusters([[w for w, _ in s] for s in sentences], seed=seed)
    names = name_words(sentences)
    plain = plain_words(sentences)
    resources = Resources(
        {w: tuple(v) for w, v in clusters.items()},
        default_gazetteer(),
        names,
        frozenset(plain),
        foreign_buckets(),
    )
    return resources, {"clusters": clusters, "names": names, "plain": plain}
