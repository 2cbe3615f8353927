"""Turn one raw input into a stored, annotated article, in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from newsreader.news.annotate import annotate_article
from newsreader.news.models import Article, DroppedLine, Paragraph
from newsreader.pipeline.clean import clean
from newsreader.pipeline.decode import decode
from newsreader.pipeline.types import InputError


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool

    def __str__(self) -> str:
        verb = "created" if self.created else "exists"
        return f"{verb} article {self.article.pk}: {self.article.title}"


def ingest_bytes(
    data: bytes,
    *,
    published: date | None = None,
    source_url: str = "",
    source_name: str = "",
    title: str | None = None,
) -> IngestResult:
    """Store `data` as an article; the same bytes twice give the existing article."""
    if len(data) > settings.INGEST_MAX_BYTES:
        raise InputError(f"the input is larger than {settings.INGEST_MAX_BYTES} bytes")
    content_hash = hashlib.sha256(data).hexdigest()
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is not None:
        return IngestResult(existing, created=False)
    text, encoding = decode(data)
    cleaned = clean(text, title=title)
    with transaction.atomic():
        article = Article.objects.create(
            title=cleaned.title[:500],
            slug=_unique_slug(cleaned.title, content_hash),
            source_name=source_name or _source_name(source_url),
            source_url=source_url,
            published=published or cleaned.published,
            raw=data,
            raw_encoding=encoding,
            content_hash=content_hash,
        )
        Paragraph.objects.bulk_create(
            Paragraph(article=article, index=p.index, kind=p.kind.value, text=p.text)
            for p in cleaned.paragraphs
        )
        DroppedLine.objects.bulk_create(
            DroppedLine(article=article, position=d.position, text=d.text, reason=d.reason)
            for d in cleaned.dropped
        )
        annotate_article(article)
    return IngestResult(article, created=True)


def _source_name(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def _unique_slug(title: str, content_hash: str) -> str:
    base = slugify(title, allow_unicode=True)[:100].strip("-") or "article"
    return f"{base}-{content_hash[:8]}"
