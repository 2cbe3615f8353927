"""Arabic-aware full-text search over normalised shadow text (SQLite FTS5, PostgreSQL tsvector).

Neither engine's tokenizer folds Arabic (diacritics, tatweel, alef forms,
Eastern digits) or strips proclitics, so the index never sees the original
text: each row holds `normalize.search_text()` of one paragraph (or of the
article title, in the row with paragraph_id 0), and a query goes through the
same folding. Snippets are cut from the ORIGINAL paragraph: the matched words
are found again with `fold_with_offsets` and wrapped in <mark>.

On SQLite the index is an FTS5 table ranked with bm25 (migration 0003). On
PostgreSQL it is a plain table of the same rows whose `document` column is
`to_tsvector('simple', text)` under a GIN index (migration 0005): the
`simple` configuration only lower-cases and splits, so the lexemes are the
shadow words, every query form goes through `phraseto_tsquery('simple', …)`
(whole words, no operator syntax), and rows are ranked with `ts_rank`. Both
engines match whole words only and weigh a title row TITLE_WEIGHT times a
paragraph row. Other databases fall back to icontains over
`Article.search_text` (substrings, newest first, same snippets).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import and_, or_
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsreader.news.models import Article, ArticleQuerySet, Mention, Paragraph
from newsreader.pipeline.normalize import (
    fold,
    fold_with_offsets,
    proclitic_splits,
    search_text,
    strip_article,
    tokenize,
)

TABLE = "news_search"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "text, article_id UNINDEXED, paragraph_id UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"
TITLE_WEIGHT = 2.0  # a title row's bm25 counts this many times a paragraph's
SNIPPET_CHARS = 260


# PostgreSQL (migration 0005): the same rows, their tsvector computed by the database.
PG_CREATE_SQL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    "id bigserial PRIMARY KEY, article_id bigint NOT NULL, paragraph_id bigint NOT NULL, "
    "text text NOT NULL, "
    "document tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_article ON {TABLE} (article_id)",
)
ENGINES = ("sqlite", "postgresql")


def enabled() -> bool:
    """Whether this database has the full-text index (SQLite's FTS5, PostgreSQL's tsvector)."""
    return connection.vendor in ENGINES


# --- query normalisation ---------------------------------------------------------


def word_forms(word: str) -> frozenset[str]:
    """A folded word, its clitic-free stem and that stem without «ال» (as in the shadow text)."""
    word = word.lower()
    stem = proclitic_splits(word)[-1][1]
    return frozenset({word, stem, strip_article(stem)})


def query_groups(query: str) -> list[frozenset[str]]:
    """One set of forms per query word; a document must match one form of every word."""
    groups: list[frozenset[str]] = []
    for token in tokenize(fold(query)):
        if token.text[0].isalnum():
            forms = word_forms(token.text)
            if forms not in groups:
                groups.append(forms)
    return groups


def quote(term: str) -> str:
    """An FTS5 string literal: operators, quotes and column filters lose their meaning."""
    return '"' + term.replace('"', '""') + '"'


def match_any(forms) -> str:
    return " OR ".join(quote(f) for f in sorted(forms))


def pg_match_any(forms) -> tuple[str, list[str]]:
    """A PostgreSQL tsquery expression matching any of the forms, and its parameters.

    `phraseto_tsquery` reads its argument as plain text, so quotes and
    operators in a form are words (or nothing), never syntax.
    """
    terms = sorted(forms)
    sql = " || ".join("phraseto_tsquery('simple', %s)" for _ in terms)
    return f"({sql})", terms


# --- index -------------------------------------------------------------------------


def create_index(cursor) -> None:
    """Create this engine's index table if it is missing (rebuild_search, migrations)."""
    if connection.vendor == "postgresql":
        for statement in PG_CREATE_SQL:
            cursor.execute(statement)
    elif connection.vendor == "sqlite":
        cursor.execute(CREATE_SQL)


def _index_rows(cursor, article_id: int, title: str, paragraphs, replace: bool = True) -> None:
    if replace:
        cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = %s", [article_id])
    rows = [(search_text(title), article_id, 0)]
    rows += [(search_text(text), article_id, pk) for pk, text in paragraphs]
    cursor.executemany(
        f"INSERT INTO {TABLE} (text, article_id, paragraph_id) VALUES (%s, %s, %s)", rows
    )


def reindex_article(
    article: Article, paragraphs: list[tuple[int, str]] | None = None, replace: bool = True
) -> None:
    """Replace the article's rows in the index (title row + one row per paragraph).

    `paragraphs` are its (pk, text) pairs in order when the caller has them;
    `replace` False for an article that has no rows yet (just created).
    """
    if not enabled():
        return
    if paragraphs is None:
        paragraphs = list(article.paragraphs.order_by("index").values_list("pk", "text"))
    with connection.cursor() as cursor:
        _index_rows(cursor, article.pk, article.title, paragraphs, replace)


def rebuild(article_model=Article, paragraph_model=Paragraph) -> int:
    """Empty and refill the whole index; returns the number of articles indexed.

    The models are parameters so that a migration can pass its historical ones.
    """
    if not enabled():
        return 0
    texts: dict[int, list[tuple[int, str]]] = {}
    for pk, article_id, text in paragraph_model.objects.order_by("article_id", "index").values_list(
        "pk", "article_id", "text"
    ):
        texts.setdefault(article_id, []).append((pk, text))
    n = 0
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        for article_id, title in article_model.objects.values_list("pk", "title").iterator():
            _index_rows(cursor, article_id, title, texts.get(article_id, []))
            n += 1
    return n


# --- filters -------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    label: str = ""
    entity: int | None = None
    source: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def apply(self, articles: ArticleQuerySet) -> ArticleQuerySet:
        """Articles with an active mention of the label / entity, from the source, in the dates."""
        mentions = Mention.objects.active()
        if self.label:
            ids = mentions.filter(label=self.label).values("paragraph__article_id")
            articles = articles.filter(pk__in=ids)
        if self.entity is not None:
            ids = mentions.filter(entity_id=self.entity).values("paragraph__article_id")
            articles = articles.filter(pk__in=ids)
        if self.source:
            articles = articles.filter(source_name=self.source)
        if self.date_from:
            articles = articles.filter(published__gte=self.date_from)
        if self.date_to:
            articles = articles.filter(published__lte=self.date_to)
        return articles


# --- search ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    article_id: int
    score: float
    paragraph_id: int | None  # best-matching paragraph; 0: only the title; None: not known


class Hits(list):
    """Hits, best first; `capped` when only the newest CANDIDATE_ROWS matching rows were ranked."""

    capped: bool = False


def search(query: str, filters: Filters | None = None) -> Hits:
    """Every article matching all query words (in its title or any paragraph), best first.

    One ranking query (the filters become a subquery; none when there are no
    filters); the score is the sum of the bm25 scores of the article's matching
    rows, so an article that uses the words more often ranks higher. A word in
    most of a large corpus would make that sum cover millions of rows, so only
    the newest CANDIDATE_ROWS index rows that match any form are ranked (found
    first by one query that stops there) and the hits say they are `capped`.
    On SQLite a capped search ranks by the number of matching rows (a title
    row counts TITLE_WEIGHT) instead of bm25: bm25 first counts the rows that
    hold each word across the whole index (25 ms for a word in half of 100,000
    articles), and for such a word its idf, hence every score, is nearly 0.
    """
    groups = query_groups(query)
    if not groups:
        return Hits()
    filters = filters or Filters()
    articles = filters.apply(Article.objects.order_by())
    allowed = None if filters == Filters() else articles.values("pk").query.sql_with_params()
    if not enabled():
        return Hits(_search_fallback(groups, articles))
    if connection.vendor == "postgresql":
        return _search_postgresql(groups, allowed)
    any_form = match_any(set().union(*groups))
    conditions: list[str] = [f"{TABLE} MATCH %s"]
    params: list[Any] = [any_form]
    try:
        with connection.cursor() as cursor:
            floor = _floor(cursor, f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [any_form])
            if floor is not None:
                conditions.append("rowid >= %s")
                params.append(floor)
            if allowed is not None:
                conditions.append(f"article_id IN ({allowed[0]})")
                params += allowed[1]
            if len(groups) > 1:  # one word: the MATCH above already says it all
                window = "" if floor is None else f" AND rowid >= {int(floor)}"
                for forms in groups:
                    conditions.append(
                        f"article_id IN (SELECT article_id FROM {TABLE} "
                        f"WHERE {TABLE} MATCH %s{window})"
                    )
                    params.append(match_any(forms))
            # capped: each matching row counts -1 (bm25's pass over the word's whole
            # posting list is skipped), the first matching paragraph is the best
            rank, best = ("rank", "rank") if floor is None else ("-1.0", "paragraph_id")
            cursor.execute(
                f"SELECT article_id, "
                f"SUM(CASE WHEN paragraph_id = 0 THEN {rank} * {TITLE_WEIGHT} ELSE {rank} END) "
                f"AS score, MIN(CASE WHEN paragraph_id > 0 THEN {best} END) AS best, paragraph_id "
                f"FROM {TABLE} WHERE {' AND '.join(conditions)} "
                f"GROUP BY article_id ORDER BY score, article_id DESC",
                params,
            )
            rows = cursor.fetchall()
    except DatabaseError:  # a term the FTS5 tokenizer turns into nothing, for one
        return Hits()
    hits = Hits(Hit(a, score, p if best is not None else 0) for a, score, best, p in rows)
    hits.capped = floor is not None
    return hits


CANDIDATE_ROWS = 1000  # matching index rows (paragraphs, titles): hundreds of articles


def _floor(cursor, matching_sql: str, params: list) -> int | None:
    """The id of the CANDIDATE_ROWS-th newest matching index row; None when fewer match."""
    offset = CANDIDATE_ROWS - 1
    cursor.execute(f"{matching_sql} ORDER BY rowid DESC LIMIT 1 OFFSET {offset}", params)
    row = cursor.fetchone()
    return row[0] if row else None


PG_WINDOWS = (4, 32, 256)  # the newest CANDIDATE_ROWS times this many index rows, tried in turn
PG_WINDOW_SHARE = 8  # a window is tried only when the index holds this many times its rows
PG_WINDOW_MARGIN = 2.0  # an estimated window should hold this many times CANDIDATE_ROWS matches
PG_STATS_SECONDS = 300.0  # how long the planner's lexeme statistics are reused


@dataclass(frozen=True)
class LexemeShares:
    """What ANALYZE measured of the index: the share of rows holding each common lexeme,
    and the smallest share it lists (every lexeme it does not list is rarer)."""

    shares: dict[str, float]
    floor: float

    def of(self, forms) -> float:
        """The share of rows holding the most common of the forms: at most the share
        holding any of them (a window sized for it holds enough matches)."""
        return max((self.shares.get(f, self.floor) for f in forms), default=0.0)


_shares_cache: tuple[float, LexemeShares | None] | None = None


def _lexeme_shares(cursor) -> LexemeShares | None:
    """The index's lexeme statistics (pg_stats after ANALYZE or autovacuum), kept for
    PG_STATS_SECONDS; None before the table was ever analysed."""
    global _shares_cache
    now = time.monotonic()
    if _shares_cache is not None and now - _shares_cache[0] < PG_STATS_SECONDS:
        return _shares_cache[1]
    cursor.execute(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
        "WHERE schemaname = current_schema() AND tablename = %s AND attname = 'document'",
        [TABLE],
    )
    row = cursor.fetchone()
    shares = None
    if row and row[0] and row[1]:
        elems, freqs = row
        # freqs: one per lexeme, then the smallest and largest of them and a null share
        shares = LexemeShares(dict(zip(elems, freqs[: len(elems)], strict=True)), freqs[-3])
    _shares_cache = (now, shares)
    return shares


def estimated_window(share: float) -> int | None:
    """Rows of the newest part of the index expected to hold PG_WINDOW_MARGIN times
    CANDIDATE_ROWS matches of a form in `share` of the rows; None for a form too
    rare to be listed (reading all its matches is cheap)."""
    if share <= 0:
        return None
    return math.ceil(CANDIDATE_ROWS * PG_WINDOW_MARGIN / share)


def _pg_floor(cursor, forms, any_sql: str, any_params: list) -> int | None:
    """`_floor` on PostgreSQL, whose planner would walk the primary key backwards testing
    every row's tsvector until CANDIDATE_ROWS match (50,000 rows for a name in 2 % of them).

    One query: each COALESCE argument asks the GIN index for the matches among
    the newest rows only (OFFSET 0 keeps the ORDER BY from pulling the plan back
    onto the primary key); the last takes every match, and PostgreSQL runs an
    argument only when the ones before it found nothing. Each argument reads
    the forms' whole posting list again, so with ANALYZE's statistics there is
    one window, sized from the forms' share of the rows (`estimated_window`);
    without them, windows of PG_WINDOWS sizes in turn. A window that is not
    much smaller than the whole index is skipped: reading every match costs
    less than reading that many primary-key entries.
    """
    pick = f"ORDER BY id DESC LIMIT 1 OFFSET {CANDIDATE_ROWS - 1}"
    span = f"(SELECT MAX(id) - MIN(id) FROM {TABLE})"
    shares = _lexeme_shares(cursor)
    if shares is not None:
        window = estimated_window(shares.of(forms))
        windows = [] if window is None else [window]
    else:
        windows = [CANDIDATE_ROWS * rows for rows in PG_WINDOWS]
    tries, params = [], []
    for window in windows:
        tries.append(
            f"CASE WHEN {span} > {window * PG_WINDOW_SHARE} THEN "
            f"(SELECT id FROM (SELECT id FROM {TABLE} WHERE document @@ {any_sql} "
            f"AND id > (SELECT MAX(id) FROM {TABLE}) - {window} OFFSET 0) AS w {pick}) END"
        )
        params += any_params
    tries.append(
        f"(SELECT id FROM (SELECT id FROM {TABLE} WHERE document @@ {any_sql} OFFSET 0) "
        f"AS w {pick})"
    )
    cursor.execute(f"SELECT COALESCE({', '.join(tries)})", [*params, *any_params])
    return cursor.fetchone()[0]


def _search_postgresql(groups: list[frozenset[str]], allowed) -> Hits:
    """The SQLite query's meaning with tsvector @@ tsquery and ts_rank (higher is better).

    ts_rank's normalisation 1 divides by the log of the row's length, as bm25
    favours short rows; the best paragraph is the paragraph row ranked highest.
    """
    forms = set().union(*groups)
    any_sql, any_params = pg_match_any(forms)
    with connection.cursor() as cursor:
        if len(groups) == 1 and allowed is None:
            newest = _pg_rank_newest(cursor, forms, any_sql, any_params)
            if newest is not None:
                return newest
        floor = _pg_floor(cursor, forms, any_sql, any_params)
        conditions: list[str] = []
        params: list[Any] = []
        if floor is not None:
            conditions.append("id >= %s")
            params.append(floor)
        if allowed is not None:
            conditions.append(f"article_id IN ({allowed[0]})")
            params += allowed[1]
        if len(groups) > 1:
            window = "" if floor is None else f" AND id >= {int(floor)}"
            for group in groups:
                sql, group_params = pg_match_any(group)
                conditions.append(
                    f"article_id IN (SELECT article_id FROM {TABLE} "
                    f"WHERE document @@ {sql}{window})"
                )
                params += group_params
        where = "".join(f" AND {c}" for c in conditions)
        cursor.execute(
            f"SELECT article_id, {_RANKED} "
            f"FROM (SELECT article_id, paragraph_id, ts_rank(document, wanted.q, 1) AS r "
            f"FROM {TABLE}, (SELECT {any_sql} AS q) AS wanted WHERE document @@ wanted.q"
            f"{where}) AS matched "
            f"{_BY_SCORE}",
            [*any_params, *params],
        )
        rows = cursor.fetchall()
    hits = Hits(Hit(a, float(score), best or 0) for a, score, best in rows)
    hits.capped = floor is not None
    return hits


# both PostgreSQL rankings: per article, the rows' ranks summed (a title counts
# TITLE_WEIGHT times) and its best paragraph; `r` is each row's ts_rank
_RANKED = (
    f"SUM(CASE WHEN paragraph_id = 0 THEN r * {TITLE_WEIGHT} ELSE r END) AS score, "
    f"(ARRAY_AGG(paragraph_id ORDER BY r DESC, paragraph_id) "
    f"FILTER (WHERE paragraph_id > 0))[1] AS best"
)
_BY_SCORE = "GROUP BY article_id ORDER BY score DESC, article_id DESC"


def _pg_rank_newest(cursor, forms, any_sql: str, any_params: list) -> Hits | None:
    """One word, no filters, common enough for a window (`estimated_window`): the newest
    CANDIDATE_ROWS matching rows of that window ranked in the same query that finds
    them, so the posting list and the rows are read once, not once for the floor and
    again for the ranking. None when the window holds fewer (`_search_postgresql`
    then takes the general way, which finds out whether there are more)."""
    shares = _lexeme_shares(cursor)
    window = None if shares is None else estimated_window(shares.of(forms))
    if window is None:
        return None
    # the tsquery is written out (not a joined CTE) so the planner sees how common the
    # word is: a word in half the rows is read from the primary key's range, not from
    # its million-entry posting list
    cursor.execute(
        f"WITH newest AS MATERIALIZED ("
        f"SELECT article_id, paragraph_id, ts_rank(document, {any_sql}, 1) AS r "
        f"FROM (SELECT id, article_id, paragraph_id, document FROM {TABLE} "
        f"WHERE document @@ {any_sql} AND id > (SELECT MAX(id) FROM {TABLE}) - {int(window)} "
        f"OFFSET 0) AS w ORDER BY id DESC LIMIT {CANDIDATE_ROWS}) "
        f"SELECT article_id, {_RANKED}, (SELECT COUNT(*) FROM newest) "
        f"FROM newest {_BY_SCORE}",
        [*any_params, *any_params],
    )
    rows = cursor.fetchall()
    if not rows or rows[0][3] < CANDIDATE_ROWS:
        return None
    hits = Hits(Hit(a, float(score), best or 0) for a, score, best, _ in rows)
    hits.capped = True
    return hits


def _search_fallback(groups: list[frozenset[str]], articles: ArticleQuerySet) -> list[Hit]:
    """icontains over the shadow text (or the title), newest first: databases without an index."""
    condition = reduce(
        and_,
        (
            reduce(or_, (Q(search_text__icontains=f) | Q(title__icontains=f) for f in forms))
            for forms in groups
        ),
    )
    ids = articles.filter(condition).newest_first().values_list("pk", flat=True)
    return [Hit(pk, 0.0, None) for pk in ids]


# --- snippets ---------------------------------------------------------------------------


def _match_spans(text: str, forms: frozenset[str]) -> list[tuple[int, int]]:
    """Original offsets of the whole words of `text` whose shadow forms meet `forms`."""
    folded = fold_with_offsets(text)
    spans = []
    for token in tokenize(folded.text):
        if not token.text[0].isalnum() or not (word_forms(token.text) & forms):
            continue
        start, end = folded.span(token.start, token.end)
        while end < len(text) and not fold(text[end]):  # keep trailing diacritics inside
            end += 1
        spans.append((start, end))
    return spans


def highlight(text: str, forms: frozenset[str], limit: int | None = None) -> SafeString:
    """`text` escaped, with the matched words in <mark>; cut to about `limit` characters."""
    spans = _match_spans(text, forms)
    begin, finish = 0, len(text)
    if limit is not None and len(text) > limit:
        first = spans[0][0] if spans else 0
        begin = max(0, first - limit // 3)
        if begin:
            space = text.find(" ", begin)
            begin = space + 1 if 0 <= space < first else begin
        finish = min(len(text), begin + limit)
        if finish < len(text):
            space = text.rfind(" ", begin, finish)
            finish = space if space > begin else finish
    out = ["…"] if begin else []
    cursor = begin
    for start, end in spans:
        if start < begin or end > finish:
            continue
        out += [escape(text[cursor:start]), "<mark>", escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(escape(text[cursor:finish]))
    if finish < len(text):
        out.append("…")
    return mark_safe("".join(out))  # every piece of text above went through escape()


@dataclass
class Result:
    article: Article
    title: SafeString
    snippet: SafeString | None = None
    score: float = 0.0


def results_for(hits: list[Hit], query: str, articles: ArticleQuerySet) -> list[Result]:
    """The page's articles in hit order with highlighted title and snippet (two queries)."""
    forms = frozenset().union(*query_groups(query)) if hits else frozenset()
    by_pk = {a.pk: a for a in articles.filter(pk__in=[h.article_id for h in hits])}
    wanted = {h.paragraph_id for h in hits if h.paragraph_id}
    missing = [h.article_id for h in hits if h.paragraph_id is None]
    best: dict[int, str] = {}
    if hits:
        rows = Paragraph.objects.filter(Q(pk__in=wanted) | Q(article_id__in=missing))
        candidates: dict[int, list[Paragraph]] = {}
        for row in rows.order_by("index").only("pk", "article_id", "text", "index"):
            if row.pk in wanted:
                best[row.article_id] = row.text
            else:
                candidates.setdefault(row.article_id, []).append(row)
        for article_id, paragraphs in candidates.items():
            scored = [(len(_match_spans(p.text, forms)), -p.index, p.text) for p in paragraphs]
            count, _, text = max(scored)
            if count:
                best[article_id] = text
    results = []
    for hit in hits:
        article = by_pk.get(hit.article_id)
        if article is None:
            continue
        found = best.get(hit.article_id)
        results.append(
            Result(
                article=article,
                title=highlight(article.title, forms),
                snippet=highlight(found, forms, SNIPPET_CHARS) if found else None,
                score=hit.score,
            )
        )
    return results
