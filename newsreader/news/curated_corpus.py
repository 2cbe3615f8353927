"""Reviewed articles as NER training data: BIO-tagged token sentences.

Each paragraph of a reviewed article is one sentence, tokenised with the
pipeline's `tokenize`; its active (not removed) PERSON/LOCATION/ORGANIZATION
mentions give the tags. A token that overlaps a mention is inside it — a
mention that leaves a proclitic out («و» of «وبيروت») still tags the whole
token, as ANERcorp tags attached words. DATE is not a tagger label and
stays O. Every 5th reviewed article (by id) is held out for evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsreader.news.models import Article, Mention
from newsreader.news.vocabulary import NAME_LABELS
from newsreader.pipeline.corpus import Sentence
from newsreader.pipeline.normalize import tokenize
from newsreader.pipeline.training import hold_out

HOLD_OUT_EVERY = 5


def paragraph_sentence(text: str, spans: Iterable[tuple[int, int, str]]) -> Sentence:
    """(word, tag) for each token of `text`, given (start, end, label) mentions."""
    spans = sorted(spans)
    sentence: Sentence = []
    inside: tuple[int, int, str] | None = None
    for token in tokenize(text):
        hit = next((m for m in spans if token.start < m[1] and m[0] < token.end), None)
        if hit is None:
            tag = "O"
        elif hit == inside:
            tag = f"I-{hit[2]}"
        else:
            tag = f"B-{hit[2]}"
        inside = hit
        sentence.append((token.text, tag))
    return sentence


def article_sentences(article: Article) -> list[Sentence]:
    """One tagged sentence per non-empty paragraph, in paragraph order."""
    mentions = (
        Mention.objects.active()
        .filter(paragraph__article=article, label__in=NAME_LABELS)
        .values_list("paragraph_id", "start", "end", "label")
    )
    by_paragraph: dict[int, list[tuple[int, int, str]]] = {}
    for paragraph_id, start, end, label in mentions:
        by_paragraph.setdefault(paragraph_id, []).append((start, end, label))
    sentences = []
    for paragraph in article.paragraphs.order_by("index"):
        sentence = paragraph_sentence(paragraph.text, by_paragraph.get(paragraph.pk, []))
        if sentence:
            sentences.append(sentence)
    return sentences


@dataclass(frozen=True)
class CuratedSplit:
    train_articles: list[Article]
    test_articles: list[Article]
    train: list[Sentence]
    test: list[Sentence]

    def describe(self) -> str:
        return (
            f"{len(self.train_articles) + len(self.test_articles)} reviewed articles: "
            f"{len(self.train_articles)} for training ({len(self.train)} sentences), "
            f"{len(self.test_articles)} held out ({len(self.test)} sentences)"
        )


def curated_split(every: int = HOLD_OUT_EVERY) -> CuratedSplit:
    """Reviewed articles by id; every `every`-th is held out for evaluation."""
    articles = list(Article.objects.reviewed().order_by("pk"))
    kept, held = hold_out(articles, every)
    return CuratedSplit(
        kept,
        held,
        [s for a in kept for s in article_sentences(a)],
        [s for a in held for s in article_sentences(a)],
    )
