"""The review workflow of an article: new → in review → reviewed, each step logged.

`mark_in_review` takes new articles (or reopens reviewed ones) into review;
`mark_reviewed` closes new or in-review articles as reviewed. Both record the
user as `reviewed_by` and write one EditLog row per article (target
"article", action "status", the status and reviewer before and after).
Articles already in the requested state are left alone and not logged.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from newsreader.news.audit import record
from newsreader.news.models import Article

Status = Article.Status

# the statuses each step starts from
FROM = {
    Status.IN_REVIEW: (Status.NEW, Status.REVIEWED),
    Status.REVIEWED: (Status.NEW, Status.IN_REVIEW),
}


def _state(article: Article) -> dict:
    return {"status": article.status, "reviewed_by": article.reviewed_by_id}


@transaction.atomic
def set_status(articles: Iterable[Article], status: str, user) -> list[Article]:
    """Move the articles that may take this step to `status`; returns those moved."""
    status = Status(status)
    if status not in FROM:
        raise ValueError(f"no review step leads to {status!r}")
    moved = []
    for article in articles:
        if article.status not in FROM[status]:
            continue
        before = _state(article)
        article.status = status
        article.reviewed_by = user
        article.save(update_fields=["status", "reviewed_by", "updated"])
        record(user, article, article, "status", before, _state(article))
        moved.append(article)
    return moved


def mark_in_review(articles: Iterable[Article], user) -> list[Article]:
    return set_status(articles, Status.IN_REVIEW, user)


def mark_reviewed(articles: Iterable[Article], user) -> list[Article]:
    return set_status(articles, Status.REVIEWED, user)
