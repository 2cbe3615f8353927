"""A human-annotated corpus (sentences of word and BIO tag) stored as reviewed articles.

The inverse of `curated_corpus`: each document becomes an article whose
paragraphs are its sentences (words joined by spaces) and whose PER/LOC/ORG
entities are human mentions, stored through the import's path
(`importing.store_entities`: entity registry, EditLog) and closed by the review
workflow. `curated_split()` then reads them back the way it reads a curator's
work — bench/curation.py uses it to measure `train_ner --with-curated` on real
human annotations (AQMAR).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from newsreader.news.articles import create_article
from newsreader.news.importing import Counts, store_entities
from newsreader.news.models import Article, Paragraph
from newsreader.news.review import mark_reviewed
from newsreader.pipeline.corpus import Sentence
from newsreader.pipeline.training import sentence_text


@transaction.atomic
def store_reviewed_article(title: str, sentences: Sequence[Sentence], user=None) -> Article:
    """One reviewed article: a body paragraph per non-empty sentence, its names as mentions."""
    paragraphs = [sentence_text(s) for s in sentences if s]
    article = create_article(
        title,
        [(Paragraph.Kind.BODY, text) for text, _ in paragraphs],
        raw_encoding="utf-8",
    )
    entities = [
        {"paragraph": i, "start": start, "end": end, "label": label, "origin": "human"}
        for i, (_, spans) in enumerate(paragraphs)
        for label, start, end in spans
    ]
    store_entities(article, entities, Counts())
    mark_reviewed([article], user)
    article.refresh_from_db()
    return article
