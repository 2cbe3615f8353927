"""Learn each source's furniture from the articles it has already delivered.

Every ingested article's lines are counted per source (the page's host, or
its source name); a line carried by enough different articles of the source
is furniture, and `clean(furniture=...)` drops it from the next page before
the headline is chosen. A curator's verdict on a line (furniture, or part of
the story) wins over the count and is never overwritten.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlparse

from django.db.models import F
from django.utils import timezone

from newsreader.news.models import SourceLine
from newsreader.pipeline.furniture import line_keys, needed_articles


def source_key(source_url: str = "", source_name: str = "") -> str:
    """Who serves the page: its host without «www.», else the source's name; "" if neither."""
    host = (urlparse(source_url).hostname or "") if source_url else ""
    return (host.removeprefix("www.") or source_name.strip())[:200]


def key_hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def known_furniture(source: str, text: str) -> set[str]:
    """near_keys of `text`'s lines that the source's earlier articles mark as furniture."""
    if not source:
        return set()
    keys = line_keys(text)
    by_hash = {key_hash(key): key for key in keys}
    rows = SourceLine.objects.of_source(source).filter(key_hash__in=list(by_hash))
    found = set()
    for row in rows.only("key_hash", "text", "articles", "verdict"):
        key = by_hash[row.key_hash]
        if row.verdict == SourceLine.Verdict.FURNITURE or (
            row.verdict == SourceLine.Verdict.AUTO and row.articles >= needed_articles(keys[key])
        ):
            found.add(key)
    return found


def record_lines(source: str, text: str) -> int:
    """Count one more article for each distinct line of `text`; returns the lines seen.

    Insert-if-missing, then increment: safe when two ingests of one source race.
    """
    if not source:
        return 0
    by_hash = {key_hash(key): line for key, line in line_keys(text).items()}
    now = timezone.now()
    SourceLine.objects.bulk_create(
        (  # in one order for every ingest, so two parallel ones do not deadlock
            SourceLine(source=source, key_hash=h, text=line, first_seen=now, last_seen=now)
            for h, line in sorted(by_hash.items())
        ),
        ignore_conflicts=True,
    )
    SourceLine.objects.of_source(source).filter(key_hash__in=list(by_hash)).update(
        articles=F("articles") + 1, last_seen=now
    )
    return len(by_hash)
