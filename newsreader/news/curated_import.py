"""A human-annotated corpus (sentences of word and BIO tag) stored as reviewed articles.

The inverse of `curated_corpus`: each document becomes an article whose
paragraphs are its sentences (words joined by spaces) and whose PER/LOC/ORG
entities are human mentions, stored through import_annotations' path (entity
registry, EditLog) and closed by the review workflow. `curated_split()` then
reads them back the way it reads a curator's work — bench/curation.py uses it
to measure `train_ner --with-curated` on real human annotations (AQMAR).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.db import transaction

from newsreader.news.ingest import _unique_slug
from newsreader.news.management.commands.import_annotations import Counts, store_entities
from newsreader.news.models import Article, Paragraph
from newsreader.news.review import mark_reviewed
from newsreader.pipeline.corpus import Sentence
from newsreader.pipeline.normalize import search_text
from newsreader.pipeline.training import sentence_text


@transaction.atomic
def store_reviewed_article(title: str, sentences: Sequence[Sentence], user=None) -> Article:
    """One reviewed article: a body paragraph per non-empty sentence, its names as mentions."""
    paragraphs = [sentence_text(s) for s in sentences if s]
    body = "\n".join(text for text, _ in paragraphs)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    article = Article.objects.create(
        title=title[:500],
        slug=_unique_slug(title, content_hash),
        raw=body.encode("utf-8"),
        raw_encoding="utf-8",
        content_hash=content_hash,
        search_text=search_text(body),
    )
    Paragraph.objects.bulk_create(
        Paragraph(article=article, index=i, kind=Paragraph.Kind.BODY, text=text)
        for i, (text, _) in enumerate(paragraphs)
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
