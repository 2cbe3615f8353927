"""Choosing the CRF's regularisation on held-out training text, never on the test file.

ANERcorp's CAMeL Lab split puts the last sixth of the corpus in test, so the
same cut is made inside the training file: the last sixth of its sentences is
the development set, the rest trains each candidate (c1, c2). Word classes
and name-word counts come from the training part only, as in a real run.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsreader.pipeline.corpus import Sentence, read_aqmar
from newsreader.pipeline.training_clusters import training_resources, write_clusters
from newsreader.pipeline.training_corpus import AQMAR, WIKI, train_sentences
from newsreader.pipeline.training_crf import (
    DEFAULTS,
    SHARED,
    CrfParams,
    domain_items,
    map_forked,
    train,
    train_two_pass,
)
from newsreader.pipeline.training_scores import Report, evaluate

GRID = tuple((c1, c2) for c1 in (0.02, 0.05, 0.1, 0.2) for c2 in (0.01, 0.05, 0.1))
DEV_SHARE = 6  # the last sixth, as the official split cuts test off


@dataclass(slots=True)
class Trial:
    c1: float
    c2: float
    report: Report


def dev_split(
    data: Path, with_aqmar: bool = False, share: int = DEV_SHARE
) -> tuple[list[Sentence], list[Sentence]]:
    """(training part, development part) of the training data."""
    anercorp = train_sentences(Path(data), with_aqmar=False)
    cut = len(anercorp) - len(anercorp) // share
    train_part = anercorp[:cut]
    if with_aqmar:
        train_part += read_aqmar(Path(data) / AQMAR)
    return train_part, anercorp[cut:]


def _trial(c: tuple[float, float]) -> Trial:
    job = SHARED
    c1, c2 = c
    params: CrfParams = {
        "c1": c1,
        "c2": c2,
        "max_iterations": job["max_iterations"],
        "min_freq": DEFAULTS["min_freq"],
    }
    model = Path(job["workdir"]) / f"c1-{c1}-c2-{c2}" / "ner.crfsuite"
    write_clusters(path=model.with_suffix(".clusters.json"), **job["counts"])
    if job["two_pass"]:
        train_two_pass(
            job["train"], model, job["resources"], params, processes=1, domains=job["domains"]
        )
    else:
        items = domain_items(job["train"], job["resources"], job["domains"])
        train(job["train"], model, items=items, **params)
    return Trial(c1, c2, evaluate(model, job["dev"], job["resources"]))


def tune(
    data: Path,
    grid: Sequence[tuple[float, float]] = GRID,
    with_aqmar: bool = False,
    two_pass: bool = False,
    max_iterations: int = DEFAULTS["max_iterations"],
    processes: int = 2,
) -> list[Trial]:
    """Dev-set scores of a model trained with each (c1, c2), best micro F1 first."""
    train_part, dev = dev_split(data, with_aqmar)
    news = len(train_sentences(Path(data))) - len(dev)  # AQMAR follows the news part
    domains = [None] * news + [WIKI] * (len(train_part) - news)
    resources, counts = training_resources(train_part)
    with tempfile.TemporaryDirectory() as workdir:
        shared = {
            "train": train_part,
            "dev": dev,
            "counts": counts,
            "resources": resources,
            "domains": domains,
            "two_pass": two_pass,
            "max_iterations": max_iterations,
            "workdir": workdir,
        }
        trials = map_forked(_trial, list(grid), shared, processes)
    return sorted(trials, key=lambda t: -t.report.micro.f1)
