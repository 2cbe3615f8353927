"""What one article may cost: lines the cleaner reads, dropped lines stored.

An input just under the size limit can still be thousands of lines (an
article pasted over and over); the cleaner collapses a line's repeats
(pipeline.extract.collapse_repeats), ingest refuses text with more lines
than an article has, and only the first MAX_DROPPED dropped lines are
stored, the rest counted on the article (Article.dropped_more), so the
admin page of any article stays small.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from newsreader.news.models import Article, DroppedLine
from newsreader.pipeline.types import InputError

MAX_DROPPED = 500


def check_lines(text: str) -> None:
    """InputError when the text the cleaner would read has more lines than an article."""
    limit = settings.INGEST_MAX_LINES
    count = len(text.splitlines())
    if count > limit:
        raise InputError(
            f"the text has {count} lines after repeats are collapsed; "
            f"an article has at most {limit} (INGEST_MAX_LINES)"
        )


def store_dropped(article: Article, dropped: Iterable) -> int:
    """Store the first MAX_DROPPED dropped lines, count the rest; returns how many were stored."""
    dropped = list(dropped)
    DroppedLine.objects.bulk_create(
        DroppedLine(article=article, position=d.position, text=d.text, reason=d.reason)
        for d in dropped[:MAX_DROPPED]
    )
    more = max(0, len(dropped) - MAX_DROPPED)
    if article.dropped_more != more:
        article.dropped_more = more
        article.save(update_fields=["dropped_more"])
    return min(len(dropped), MAX_DROPPED)
