"""Creating an article row: one path for ingest, the curated import and the test factories.

An article and its paragraphs are written together, with a slug made unique by the
content hash and the search text read from the paragraphs, so no caller forgets one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from newsreader.news.models import Article, Paragraph
from newsreader.pipeline.normalize import search_text


def unique_slug(title: str, content_hash: str) -> str:
    """The title's slug with the hash's first 8 characters: two articles never share one."""
    base = slugify(title, allow_unicode=True)[:100].strip("-") or "article"
    return f"{base}-{content_hash[:8]}"


def create_article(
    title: str,
    paragraphs: Iterable[tuple[str, str]],
    *,
    raw: bytes | None = None,
    content_hash: str | None = None,
    slug: str | None = None,
    **fields: Any,
) -> Article:
    """Store an article and its (kind, text) paragraphs in order; `raw` defaults to the text.

    The hash is of `raw` unless given; `fields` are the other Article columns.
    """
    rows = list(paragraphs)
    body = "\n".join(text for _, text in rows)
    raw = body.encode("utf-8") if raw is None else raw
    content_hash = content_hash or hashlib.sha256(raw).hexdigest()
    with transaction.atomic():
        article = Article.objects.create(
            title=title[:500],
            slug=slug or unique_slug(title, content_hash),
            raw=raw,
            content_hash=content_hash,
            search_text=search_text(body),
            **fields,
        )
        Paragraph.objects.bulk_create(
            Paragraph(article=article, index=i, kind=kind, text=text)
            for i, (kind, text) in enumerate(rows)
        )
    return article
