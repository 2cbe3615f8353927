"""Score the CRF and the whole name pipeline: exact-match entity precision, recall and F1
per label and micro-averaged, counted the way conlleval does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.pipeline.bio import bio_spans
from newsreader.pipeline.corpus import Sentence
from newsreader.pipeline.document import WINDOW
from newsreader.pipeline.features import Resources
from newsreader.pipeline.normalize import fold
from newsreader.pipeline.tagger import tag_document
from newsreader.pipeline.training_corpus import test_sets
from newsreader.pipeline.types import NameMatch


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
    from newsreader.pipeline.entities import find_names_in_article
    from newsreader.pipeline.tagger import find_names_crf_document

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
