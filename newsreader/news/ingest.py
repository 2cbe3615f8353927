"""Turn one raw input (text, HTML or a fetched page) into a stored, annotated article.

Text and HTML meet at extract.cleaner_text, the text the cleaner reads, so
dropped-line positions always refer to it. Everything is stored in one
transaction.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction

from newsreader.news.annotate import analyse_article, annotate_article
from newsreader.news.articles import create_article
from newsreader.news.bounds import check_lines, store_dropped
from newsreader.news.fetch import Fetched, fetch, is_url
from newsreader.news.furniture import known_furniture, record_lines, source_key
from newsreader.news.models import Article
from newsreader.news.weburl import is_web_url, web_url
from newsreader.pipeline.clean import clean
from newsreader.pipeline.extract import NO_TEXT, cleaner_text
from newsreader.pipeline.types import InputError, Kind, Paragraph


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    kind: str = "text"  # or "html"

    def __str__(self) -> str:
        verb = "created" if self.created else "exists"
        detail = f" ({self.kind}, {self.article.raw_encoding})" if self.created else ""
        return f"{verb} article {self.article.pk}: {self.article.title}{detail}"


def ingest_bytes(
    data: bytes,
    *,
    published: date | None = None,
    source_url: str = "",
    source_name: str = "",
    title: str | None = None,
    name: str = "",
    declared_charset: str | None = None,
    page_url: str = "",
    encoding: str | None = None,
) -> IngestResult:
    """Store `data` as an article; the same bytes twice give the existing article.

    Explicit arguments win over what the page says (date, site name, canonical
    URL), which wins over what the cleaner finds in the text. `page_url` is
    where a fetched page came from: trafilatura's base URL and the fallback source.
    `encoding` is the one the person ingesting named (ingest --encoding): it wins.
    """
    if len(data) > settings.INGEST_MAX_BYTES:
        raise InputError(f"the input is larger than {settings.INGEST_MAX_BYTES} bytes")
    if source_url and not is_web_url(source_url):
        scheme = urlparse(source_url).scheme or "no scheme"
        raise InputError(f"the source URL must be http or https, not {scheme}")
    content_hash = hashlib.sha256(data).hexdigest()
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is not None:
        return IngestResult(existing, created=False)
    url = source_url or page_url or None
    source = cleaner_text(data, declared_charset, name=name, url=url, forced=encoding)
    check_lines(source.text)
    page = source.page
    page_link = web_url(page.url) if page is not None else ""  # og:url may say javascript:
    site = source_key(
        source_url or page_link or page_url,
        source_name or (page.sitename if page else ""),
    )
    furniture = known_furniture(site, source.text)
    cleaned = clean(
        source.text,
        title=title,
        headings=source.headings,
        hints=source.hints,
        furniture=furniture,
    )
    if page is not None:
        if not any(p.kind != Kind.TITLE for p in cleaned.paragraphs):
            raise InputError(f"{NO_TEXT} (nothing is left after cleaning)")
        published = published or page.published
        source_url = source_url or page_link or page_url
        source_name = source_name or page.sitename

    published = published or cleaned.published
    # the analysis runs before the transaction (and its write lock) opens; the article's
    # paragraphs will be stored with these indexes and texts
    analysis = analyse_article(
        [Paragraph(i, p.kind, p.text) for i, p in enumerate(cleaned.paragraphs)], published
    )

    def write() -> Article:
        with transaction.atomic():
            article = create_article(
                cleaned.title,
                [(p.kind.value, p.text) for p in cleaned.paragraphs],
                raw=data,
                content_hash=content_hash,
                source_name=(source_name or _source_name(source_url))[:200],
                source_url=source_url[:2000],
                published=published,
                raw_encoding=source.encoding,
                title_uncertain=title is None and not cleaned.title_certain,
            )
            store_dropped(article, cleaned.dropped)
            record_lines(site, source.text)
            annotate_article(article, fresh=True, analysis=analysis)
        return article

    try:
        article = _retry_transient(write)
    except IntegrityError:
        # the same bytes stored by another process meanwhile: report that article
        existing = Article.objects.filter(content_hash=content_hash).first()
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    return IngestResult(article, created=True, kind="html" if page else "text")


# A write that lost a deadlock to a parallel ingest (PostgreSQL) is tried again.
_ATTEMPTS = 3
_TRANSIENT_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure


def _retry_transient(write: Callable[[], Article]) -> Article:
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            return write()
        except OperationalError as err:
            transient = getattr(err.__cause__, "sqlstate", None) in _TRANSIENT_SQLSTATES
            nested = transaction.get_connection().in_atomic_block  # the caller's is broken
            if attempt == _ATTEMPTS or not transient or nested:
                raise
    raise AssertionError("unreachable")


def ingest_url(url: str, **options) -> IngestResult:
    """Fetch an HTML page and ingest it; without --source-url the page's canonical URL
    (or the URL fetched, after redirects) is the source."""
    return ingest_page(fetch(url), **options)


def ingest_page(fetched: Fetched, **options) -> IngestResult:
    """Ingest a page already fetched (a queued job keeps its bytes when ingest fails)."""
    return ingest_bytes(
        fetched.data,
        name=".html",
        page_url=fetched.url,
        declared_charset=fetched.charset,
        **options,
    )


def _source_name(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def ingest_input(name: str, **options) -> IngestResult:
    """Ingest a file path, "-" (stdin) or an http(s) URL: manage.py ingest's inputs."""
    if is_url(name):
        return ingest_url(name, **options)
    return ingest_bytes(read_input(name), name=name, **options)


def read_input(name: str) -> bytes:
    """The input's bytes; larger than INGEST_MAX_BYTES is refused before it is all read."""
    limit = settings.INGEST_MAX_BYTES
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            with Path(name).open("rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a directory, not a file") from None
        except OSError as err:
            raise InputError(err.strerror or "cannot be read") from None
    if len(data) > limit:
        raise InputError(f"the input is larger than {limit} bytes")
    return data
