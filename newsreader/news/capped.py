"""Counts of an entity's mentions that stop at COUNT_CAP.

A country or a head of state is mentioned in a large share of a big corpus
(hundreds of thousands of mentions at 100,000 articles): counting them exactly
reads every one of them, hundreds of milliseconds on each cold reader or entity
page, to print a number nobody reads to the last digit. Each count here reads
at most COUNT_CAP + 1 rows of the (entity, paragraph, rejected) index, so its
cost is bounded whatever the corpus; a count above COUNT_CAP means «COUNT_CAP
or more», and the pages say so (`capped`, `at_least`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from newsreader.news.models import Entity, Mention, Paragraph

COUNT_CAP = 1000


def capped(n: int) -> bool:
    """Whether a count from here stopped at the cap (the true number is larger)."""
    return n > COUNT_CAP


def at_least(n: int) -> int:
    """The number a page shows: the count, or COUNT_CAP when it is more."""
    return min(n, COUNT_CAP)


def _active(alias: str) -> str:
    return f"{alias}.rejected = %s"


def mention_counts(entity_ids: Iterable[int]) -> dict[int, int]:
    """Active mentions of each entity, each counted up to COUNT_CAP + 1: one query."""
    ids = sorted(set(entity_ids))
    if not ids:
        return {}
    mention, entity = Mention._meta.db_table, Entity._meta.db_table
    marks = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT e.id, (SELECT COUNT(*) FROM (SELECT 1 FROM {mention} m "
        f"WHERE m.entity_id = e.id AND {_active('m')} LIMIT {COUNT_CAP + 1}) AS capped) "
        f"FROM {entity} e WHERE e.id IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [False, *ids])
        return dict(cursor.fetchall())


@dataclass(frozen=True)
class EntityStats:
    """An entity's active mentions, and the articles and paragraphs they are in (capped)."""

    mentions: int
    articles: int
    paragraphs: int

    @property
    def mentions_shown(self) -> int:
        return at_least(self.mentions)

    @property
    def articles_shown(self) -> int:
        return at_least(self.articles)

    @property
    def mentions_capped(self) -> bool:
        return capped(self.mentions)

    @property
    def articles_capped(self) -> bool:  # counted among the first COUNT_CAP + 1 mentions
        return capped(self.mentions) or capped(self.articles)

    @property
    def paragraphs_capped(self) -> bool:
        return capped(self.paragraphs)


def entity_stats(entity_id: int) -> EntityStats:
    """The entity's three totals, each read off at most COUNT_CAP + 1 rows: one query.

    The articles are those of the first COUNT_CAP + 1 mentions (a lower bound
    when the mentions are capped): a DISTINCT over the join itself would make
    PostgreSQL join and sort every mention before it stops.
    """
    mention, paragraph = Mention._meta.db_table, Paragraph._meta.db_table
    limit = f"LIMIT {COUNT_CAP + 1}"
    where = f"m.entity_id = %s AND {_active('m')}"
    sql = (
        f"SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM {mention} m WHERE {where} {limit}) AS a), "
        f"(SELECT COUNT(DISTINCT p.article_id) FROM (SELECT m.paragraph_id FROM {mention} m "
        f"WHERE {where} {limit}) AS f JOIN {paragraph} p ON p.id = f.paragraph_id), "
        f"(SELECT COUNT(*) FROM (SELECT DISTINCT m.paragraph_id FROM {mention} m "
        f"WHERE {where} {limit}) AS c)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [entity_id, False] * 3)
        mentions, articles, paragraphs = cursor.fetchone()
    return EntityStats(mentions, articles, paragraphs)
