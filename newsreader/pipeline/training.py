"""Train and evaluate the CRF name tagger (pure functions; the commands are thin).

`train` fits a linear-chain CRF with L-BFGS (python-crfsuite) on sentences of
(word, tag); everything is fixed so two runs give the same model. `evaluate`
scores a model with exact-match entity precision, recall and F1 per label and
micro-averaged, counting entities the way conlleval does (an I- tag that does
not continue an entity of its type starts one).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.pipeline.bio import bio_spans
from newsreader.pipeline.corpus import Sentence, read_anercorp, read_aqmar
from newsreader.pipeline.document import WINDOW, document_features, token_key
from newsreader.pipeline.features import (
    Resources,
    clusters_path,
    default_gazetteer,
    domain_copies,
    resources_for,
    sentence_features,
)
from newsreader.pipeline.foreign import foreign_buckets
from newsreader.pipeline.normalize import fold
from newsreader.pipeline.tagger import first_pass_path, first_pass_tags, load_model, tag_document
from newsreader.pipeline.types import NameMatch

ANERCORP = "anercorp-camellab"
TRAIN_FILES = (
    f"{ANERCORP}/derived/ANERCorp_CamelLab_train.restored.txt",
    f"{ANERCORP}/ANERCorp_CamelLab_train.txt",
)
TEST_OFFICIAL = f"{ANERCORP}/ANERCorp_CamelLab_test.txt"
TEST_FIXED = f"{ANERCORP}/derived/ANERCorp_CamelLab_test.fixed.txt"
AQMAR = "aqmar"
WIKI = "wiki"  # AQMAR's domain: its sentences' feature copies start «wiki:»


# c1/c2: a 4x3 grid on the last sixth of the training file (`manage.py tune_ner`) is flat
# (71.0-71.9 F1, best c1 0.05); with AQMAR's feature copies c1 0.1 scores the same on test
# and prunes the model from 4.0 to 2.9 MB. min_freq 2 costs 1.3 F1.
DEFAULTS = {"c1": 0.1, "c2": 0.05, "max_iterations": 200, "min_freq": 1}


class DataError(FileNotFoundError):
    """The NER data folder or one of its files is missing; one line for the user."""


# --- data -------------------------------------------------------------------------


def _need(path: Path) -> Path:
    if not path.exists():
        raise DataError(f"NER data not found: {path} (pass --data pointing at shared/data/ner)")
    return path


def train_sentences(data: Path, with_aqmar: bool = False) -> list[Sentence]:
    """ANERcorp CAMeL Lab train (the restored file when present), + AQMAR articles if asked.

    AQMAR (Wikipedia) read as plain extra news costs the news test about two
    points, most of them organisations, which Wikipedia marks differently;
    `train_model` therefore gives it its own feature copies (`WIKI`).
    NewsFANE is never read: it re-annotates ANERcorp's text, test part included.
    """
    data = _need(Path(data))
    train = next((data / f for f in TRAIN_FILES if (data / f).exists()), None)
    if train is None:
        raise DataError(f"NER data not found: no ANERcorp train file under {data}")
    sentences = read_anercorp(train)
    if with_aqmar:
        sentences += read_aqmar(_need(data / AQMAR))
    return sentences


def test_sets(data: Path) -> dict[str, list[Sentence]]:
    """The official (corrupted) ANERcorp CAMeL Lab test file and the repaired one."""
    data = _need(Path(data))
    return {
        "official": read_anercorp(_need(data / TEST_OFFICIAL)),
        "fixed": read_anercorp(_need(data / TEST_FIXED)),
    }


# --- word clusters ----------------------------------------------------------------


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


# --- training -----------------------------------------------------------------------


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


# --- two passes ---------------------------------------------------------------------

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
    import pycrfsuite

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
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    try:
        return [first_pass_tags(tagger, job["items"][i]) for i in held]
    finally:
        tagger.close()


def jackknife_tags(
    sentences: Sequence[Sentence],
    items: Sequence[list[list[str]]],
    params: dict,
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
    params: dict,
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


# --- evaluation ---------------------------------------------------------------------


def entities(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(label, start, end) of each entity in a BIO sequence, conlleval style.

    An entity starts at B-X, or at I-X when the previous tag is not B-X/I-X;
    it runs while I-X follows.
    """
    return set(bio_spans(tags))


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    per_label: dict[str, Score] = field(default_factory=dict)
    micro: Score = field(default_factory=Score)

    def lines(self) -> list[str]:
        out = [f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        rows = [*sorted(self.per_label.items()), ("micro", self.micro)]
        for name, s in rows:
            out.append(
                f"{name:<14}{100 * s.precision:7.1f}{100 * s.recall:7.1f}{100 * s.f1:7.1f}"
                f"{s.tp + s.fn:7d}{s.tp + s.fp:7d}"
            )
        return out


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Report:
    """Exact-match entity scores of predicted against gold tag sequences."""
    report = Report()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError("gold and predicted sentences differ in length")
        g, p = entities(g_tags), entities(p_tags)
        for label in {e[0] for e in g | p}:
            s = report.per_label.setdefault(label, Score())
            gl = {e for e in g if e[0] == label}
            pl = {e for e in p if e[0] == label}
            s.tp += len(gl & pl)
            s.fp += len(pl - gl)
            s.fn += len(gl - pl)
    for s in report.per_label.values():
        report.micro.tp += s.tp
        report.micro.fp += s.fp
        report.micro.fn += s.fn
    return report


def predict(
    model_path: str | Path,
    sentences: Sequence[Sentence],
    resources: Resources | None = None,
    window: int | None = WINDOW,
) -> list[list[str]]:
    """Tags for the sentences' words (the resources default to the model's own).

    The sentences are read as one running text: a two-pass model's second
    pass sees `window` sentences either side (ANERcorp has no article marks).
    """
    return tag_document([[w for w, _ in s] for s in sentences], Path(model_path), window, resources)


def evaluate(
    model_path: str | Path, sentences: Sequence[Sentence], resources: Resources | None = None
) -> Report:
    """Tag the sentences' words with the model and score against their tags."""
    pred = predict(model_path, sentences, resources)
    return score([[t for _, t in s] for s in sentences], pred)


def evaluate_all(data: Path, model_path: Path) -> dict[str, Report]:
    """Scores on the official ANERcorp CAMeL Lab test file and on the repaired one."""
    return {name: evaluate(model_path, s) for name, s in test_sets(data).items()}


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
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "min_freq": min_freq}
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


def with_extra(
    sentences: Sequence[Sentence], extra: Sequence[Sentence], weight: int = 1
) -> list[Sentence]:
    """The training sentences followed by `extra` repeated `weight` times.

    Repetition is how the CRF weighs sentences (crfsuite has no per-instance
    weight): a curated sentence seen three times counts three times in the loss.
    """
    if weight < 1:
        raise ValueError("the weight of the extra sentences is at least 1")
    return [*sentences, *(list(extra) * weight)]


def hold_out(items: Sequence, every: int = 5) -> tuple[list, list]:
    """(kept, held out): every `every`-th item (the 5th, 10th, …) is held out.

    In a stable order (reviewed articles by id) an item stays on its side as
    more are added after it.
    """
    if every < 2:
        raise ValueError("hold out at most every second item")
    kept = [x for i, x in enumerate(items) if i % every != every - 1]
    held = [x for i, x in enumerate(items) if i % every == every - 1]
    return kept, held


# --- whole-pipeline evaluation on held-out text --------------------------------------

PIPELINE_LABELS = ("PERSON", "LOCATION", "ORGANIZATION")


def mention_key(text: str) -> str:
    """A mention's matching key, as ../shared/eval/score.py's `key()` builds it.

    Normalised (diacritics, alef/yaa/teh-marbuta forms, tatweel folded), with a
    leading و/ف and then one of ب ل ك forgiven, and «لل» read as «ال».
    """
    s = " ".join(fold(text).replace("\u0640", "").split())
    if len(s) > 3 and s[0] in "وف":
        s = s[1:]
    if s.startswith("لل") and len(s) > 3:
        s = "ال" + s[2:]
    elif len(s) > 3 and s[0] in "بلك":
        s = s[1:]
    return s


def pseudo_articles(sentences: Sequence[Sentence], size: int = 20) -> list[list[Sentence]]:
    """Consecutive sentences grouped into articles of `size` (ANERcorp keeps document order)."""
    sentences = [s for s in sentences if s]
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def sentence_text(sentence: Sentence) -> tuple[str, list[tuple[str, int, int]]]:
    """The sentence's words joined by spaces, and its gold (label, start, end) spans."""
    starts: list[int] = []
    pos = 0
    for word, _ in sentence:
        starts.append(pos)
        pos += len(word) + 1
    text = " ".join(w for w, _ in sentence)
    gold = [
        (label, starts[a], starts[b - 1] + len(sentence[b - 1][0]))
        for label, a, b in bio_spans([t for _, t in sentence])
        if label in PIPELINE_LABELS
    ]
    return text, gold


def evaluate_pipeline(
    articles: Sequence[Sequence[Sentence]],
    recogniser: Callable[[list[str]], list[list[NameMatch]]],
) -> tuple[Report, Report]:
    """Score a whole-article recogniser on pseudo-articles of gold sentences.

    `recogniser(paragraph_texts)` returns NameMatch lists per paragraph (one
    sentence is one paragraph). Two reports: mentions counted per article as
    (label, key) pairs — the dev scorer's measure, forgiving clitics — and
    exact character spans with the same clitic forgiveness on the start.
    """
    by_key = Report()
    by_span = Report()
    for article in articles:
        texts, golds = zip(*(sentence_text(s) for s in article), strict=True)
        predicted = recogniser(list(texts))
        gold_keys: Counter[tuple[str, str]] = Counter()
        pred_keys: Counter[tuple[str, str]] = Counter()
        gold_spans: set[tuple[int, str, int, str]] = set()
        pred_spans: set[tuple[int, str, int, str]] = set()
        for n, (text, gold, found) in enumerate(zip(texts, golds, predicted, strict=True)):
            for label, a, b in gold:
                gold_keys[(label, mention_key(text[a:b]))] += 1
                gold_spans.add((n, label, b, mention_key(text[a:b])))
            for m in found:
                label = str(m.label)
                if label not in PIPELINE_LABELS:
                    continue
                pred_keys[(label, mention_key(m.text))] += 1
                pred_spans.add((n, label, m.end, mention_key(m.text)))
        for label in PIPELINE_LABELS:
            s = by_key.per_label.setdefault(label, Score())
            g = Counter({k: v for k, v in gold_keys.items() if k[0] == label})
            p = Counter({k: v for k, v in pred_keys.items() if k[0] == label})
            s.tp += sum((g & p).values())
            s.fp += sum((p - g).values())
            s.fn += sum((g - p).values())
            s = by_span.per_label.setdefault(label, Score())
            gs = {x for x in gold_spans if x[1] == label}
            ps = {x for x in pred_spans if x[1] == label}
            s.tp += len(gs & ps)
            s.fp += len(ps - gs)
            s.fn += len(gs - ps)
    for report in (by_key, by_span):
        for s in report.per_label.values():
            report.micro.tp += s.tp
            report.micro.fp += s.fp
            report.micro.fn += s.fn
    return by_key, by_span


PIPELINE_SYSTEMS = ("rules", "crf", "tagger", "rules-first", "tagger-first")


def pipeline_recogniser(system: str) -> Callable[[list[str]], list[list[NameMatch]]]:
    """A whole-article recogniser by name: "crf" is the bare two-pass CRF (its own spans),
    the others are `find_names_in_article` modes."""
    from newsreader.pipeline.entities import find_names_in_article  # noqa: PLC0415
    from newsreader.pipeline.tagger import find_names_crf_document  # noqa: PLC0415

    if system == "crf":
        return find_names_crf_document
    return lambda texts: find_names_in_article(texts, mode=system)


def pipeline_reports(
    data: Path, systems: Sequence[str] = PIPELINE_SYSTEMS, size: int = 20
) -> dict[str, dict[str, tuple[Report, Report]]]:
    """{test file: {system: (mention report, span report)}} on pseudo-articles of `size`."""
    out: dict[str, dict[str, tuple[Report, Report]]] = {}
    for name, sentences in test_sets(data).items():
        articles = pseudo_articles(sentences, size)
        out[name] = {s: evaluate_pipeline(articles, pipeline_recogniser(s)) for s in systems}
    return out
