"""Train the CRF name tagger: one pass, or two passes where the second reads document
evidence from jackknifed first-pass tags (python-crfsuite, L-BFGS, fixed seeds).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from newsreader.pipeline.corpus import Sentence, read_aqmar
from newsreader.pipeline.crf_model import CrfModel
from newsreader.pipeline.document import WINDOW, document_features
from newsreader.pipeline.features import (
    Resources,
    clusters_path,
    domain_copies,
    resources_for,
    sentence_features,
)
from newsreader.pipeline.tagger import first_pass_path, first_pass_tags, load_model
from newsreader.pipeline.training_clusters import training_resources, write_clusters
from newsreader.pipeline.training_corpus import AQMAR, WIKI, _need, train_sentences


# c1/c2: a 4x3 grid on the last sixth of the training file (`manage.py tune_ner`) is flat
# (71.0-71.9 F1, best c1 0.05); with AQMAR's feature copies c1 0.1 scores the same on test
# and prunes the model from 4.0 to 2.9 MB. min_freq 2 costs 1.3 F1.
class CrfParams(TypedDict):
    """The CRF's training parameters (python-crfsuite's names)."""

    c1: float
    c2: float
    max_iterations: int
    min_freq: int


DEFAULTS: CrfParams = {"c1": 0.1, "c2": 0.05, "max_iterations": 200, "min_freq": 1}


@dataclass(slots=True)
class TrainResult:
    sentences: int
    tokens: int
    seconds: float
    model_bytes: int
    iterations: int


def train(
    sentences: Sequence[Sentence],
    model_path: str | Path,
    c1: float = DEFAULTS["c1"],
    c2: float = DEFAULTS["c2"],
    max_iterations: int = DEFAULTS["max_iterations"],
    seed: int = 0,
    resources: Resources | None = None,
    min_freq: int = DEFAULTS["min_freq"],
    items: Sequence[list[list[str]]] | None = None,
) -> TrainResult:
    """Fit the CRF and write it to `model_path`.

    `items` are the sentences' CRF features when the caller has them already
    (the second pass adds document evidence to them). L-BFGS is deterministic
    for a given input, so the same sentences, options and resources give the
    same model; `seed` fixes the randomised parts that feed it (word clusters
    are built by the caller with it) and is recorded.
    """
    import pycrfsuite

    started = time.perf_counter()
    if items is None:
        items = domain_items(sentences, resources)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sentence, x in zip(sentences, items, strict=True):
        trainer.append(x, [t for _, t in sentence])
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
            "feature.possible_states": False,
        }
    )
    model_path = Path(model_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    load_model.cache_clear()  # a tagger opened on an older file at this path is stale
    del seed  # nothing random is left inside crfsuite's L-BFGS
    iterations = len(trainer.logparser.iterations) if trainer.logparser else 0
    return TrainResult(
        sentences=len(sentences),
        tokens=sum(len(s) for s in sentences),
        seconds=time.perf_counter() - started,
        model_bytes=model_path.stat().st_size,
        iterations=iterations,
    )


def domain_items(
    sentences: Sequence[Sentence],
    resources: Resources | None,
    domains: Sequence[str | None] | None = None,
) -> list[list[list[str]]]:
    """CRF items of the sentences, out-of-domain ones with their domain's copies."""
    domains = [None] * len(sentences) if domains is None else domains
    return [
        domain_copies(sentence_features([w for w, _ in s], resources), d)
        for s, d in zip(sentences, domains, strict=True)
    ]


FOLDS = 5


SHARED: dict = {}  # what forked workers read (features hold unpicklable lookups)


def map_forked(fn: Callable, items: Sequence, shared: dict, processes: int = 2) -> list:
    """`fn` over `items` in forked processes that read `shared` from `SHARED` (serially
    when one process is asked or fork is unavailable)."""
    import multiprocessing

    SHARED.update(shared)
    try:
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                return pool.map(fn, list(items))
        return [fn(x) for x in items]
    finally:
        SHARED.clear()


def folds_of(n: int, folds: int = FOLDS) -> list[range]:
    """Contiguous blocks of sentence indexes, so a held-out block keeps its articles whole."""
    size = -(-n // folds)
    return [range(i, min(i + size, n)) for i in range(0, n, size)]


def _fold_job(k: int) -> list[list[str]]:
    """Train on every block but the k-th, tag the k-th with what it learnt."""
    job = SHARED
    held = job["folds"][k]
    keep = [i for i in range(len(job["sentences"])) if i not in held]
    path = Path(job["workdir"]) / f"fold{k}.crfsuite"
    train(
        [job["sentences"][i] for i in keep],
        path,
        items=[job["items"][i] for i in keep],
        **job["params"],
    )
    return first_pass_tags(CrfModel.read(path), [job["items"][i] for i in held])


def jackknife_tags(
    sentences: Sequence[Sentence],
    items: Sequence[list[list[str]]],
    params: CrfParams,
    folds: int = FOLDS,
    processes: int = 2,
) -> list[list[str]]:
    """First-pass tags for every training sentence from a model that never saw it.

    The second pass must learn from first-pass mistakes as they happen on new
    text; tags of a model trained on the same sentences would be too good.
    """
    import tempfile

    blocks = folds_of(len(sentences), folds)
    with tempfile.TemporaryDirectory() as workdir:
        shared = {
            "sentences": sentences,
            "items": items,
            "params": params,
            "folds": blocks,
            "workdir": workdir,
        }
        parts = map_forked(_fold_job, range(len(blocks)), shared, processes)
    return [tags for part in parts for tags in part]


def train_two_pass(
    sentences: Sequence[Sentence],
    model_path: str | Path,
    resources: Resources | None,
    params: CrfParams,
    weights: Sequence[int] | None = None,
    folds: int = FOLDS,
    window: int | None = WINDOW,
    processes: int = 2,
    domains: Sequence[str | None] | None = None,
) -> TrainResult:
    """First-pass model beside `model_path`, then the second pass over document evidence.

    The sentences are read as running text (`window` sentences either side
    make the document), as `predict` reads the test files. `weights` repeat
    sentences in the CRF's loss (curated ones) after the first-pass tags are
    found, so no copy of a sentence helps tag another. `domains` names the
    corpus of each out-of-domain sentence (`features.domain_copies`).
    """
    started = time.perf_counter()
    items = domain_items(sentences, resources, domains)
    first_tags = jackknife_tags(sentences, items, params, folds, processes)
    evidence = document_features([[w for w, _ in s] for s in sentences], first_tags, window)
    stacked = [
        [a + b for a, b in zip(x, d, strict=True)] for x, d in zip(items, evidence, strict=True)
    ]
    weights = [1] * len(sentences) if weights is None else list(weights)
    repeated = [i for i, w in enumerate(weights) for _ in range(w)]
    train(
        [sentences[i] for i in repeated],
        first_pass_path(Path(model_path)),
        items=[items[i] for i in repeated],
        **params,
    )
    result = train(
        [sentences[i] for i in repeated],
        model_path,
        items=[stacked[i] for i in repeated],
        **params,
    )
    result.seconds = time.perf_counter() - started
    return result


def train_model(
    data: Path,
    model_path: Path,
    with_aqmar: bool = True,
    c1: float = DEFAULTS["c1"],
    c2: float = DEFAULTS["c2"],
    max_iterations: int = DEFAULTS["max_iterations"],
    seed: int = 0,
    min_freq: int = DEFAULTS["min_freq"],
    extra: Sequence[Sentence] = (),
    extra_weight: int = 1,
    two_pass: bool = True,
) -> tuple[TrainResult, int]:
    """Word classes then CRF from the training data; returns the result and class count.

    The classes are written beside the model (`clusters_path`), where the
    tagger looks for them. AQMAR joins unless `with_aqmar` is False, its
    features copied under `WIKI`. `extra` sentences (curated articles) join the
    data: once for the word classes and name-word counts, `extra_weight`
    times for the CRF (see `with_extra`). `two_pass` trains the first-pass
    model and the second pass over document evidence (`train_two_pass`).
    """
    if extra_weight < 1:
        raise ValueError("the weight of the extra sentences is at least 1")
    news = train_sentences(Path(data))
    wiki = read_aqmar(_need(Path(data) / AQMAR)) if with_aqmar else []
    plain = [*news, *wiki, *extra]
    domains = [None] * len(news) + [WIKI] * len(wiki) + [None] * len(extra)
    weights = [1] * (len(news) + len(wiki)) + [extra_weight] * len(extra)
    resources, counts = training_resources(plain, seed)
    write_clusters(path=clusters_path(Path(model_path)), **counts)
    resources_for.cache_clear()
    params: CrfParams = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "min_freq": min_freq}
    if two_pass:
        result = train_two_pass(plain, model_path, resources, params, weights, domains=domains)
    else:
        first_pass_path(Path(model_path)).unlink(missing_ok=True)
        items = domain_items(plain, resources, domains)
        repeated = [i for i, w in enumerate(weights) for _ in range(w)]
        result = train(
            [plain[i] for i in repeated],
            model_path,
            seed=seed,
            items=[items[i] for i in repeated],
            **params,
        )
    return result, len(counts["clusters"])
