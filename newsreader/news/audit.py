"""The one path that writes EditLog rows: who changed which row, before and after.

Reader edits, the sidebar, admin forms and actions, review, restore and import all
call `record` (or `record_all` for a bulk action), so every row names its target
the same way and an anonymous user is stored as nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from newsreader.news.models import (
    AgendaItem,
    Article,
    EditLog,
    Mention,
    Paragraph,
    TimelineEvent,
)

# EditLog.target for each kind of row a human changes (vocabulary.TARGETS names them).
TARGET_KINDS: dict[type[models.Model], str] = {
    Mention: "mention",
    AgendaItem: "agenda",
    TimelineEvent: "timeline",
    Paragraph: "paragraph",
    Article: "article",
}

State = dict[str, Any] | None


def entry(
    user: Any,
    article: Article | int,
    target: models.Model,
    action: str,
    before: State,
    after: State,
) -> EditLog:
    """An unsaved EditLog row (for `record_all`)."""
    return EditLog(
        user=user if getattr(user, "pk", None) else None,
        article_id=article if isinstance(article, int) else article.pk,
        mention=target if isinstance(target, Mention) else None,
        target=TARGET_KINDS[type(target)],
        target_id=target.pk,
        action=action,
        before=before,
        after=after,
    )


def record(
    user: Any,
    article: Article | int,
    target: models.Model,
    action: str,
    before: State,
    after: State,
) -> EditLog:
    """Write one EditLog row: `user` did `action` to `target` of `article`."""
    log = entry(user, article, target, action, before, after)
    log.save()
    return log


def record_all(entries: Iterable[EditLog]) -> list[EditLog]:
    """Write the rows `entry` built in one query (a bulk admin action)."""
    return EditLog.objects.bulk_create(list(entries))
