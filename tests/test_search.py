"""Arabic full-text search over the shadow text (SQLite FTS5 / PostgreSQL tsvector), ranking,
snippets from the original. Runs on both engines (bin/test runs it again on PostgreSQL)."""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsreader.news import search
from newsreader.news.editing import remove_mention
from newsreader.news.models import Article
from newsreader.news.restore import restore_dropped_line
from newsreader.news.views.articles import PER_PAGE
from tests.factories import make_article, make_mention, paragraph

pytestmark = pytest.mark.django_db

URL = reverse("article_list")


@pytest.fixture(autouse=True)
def fresh_lexeme_statistics():
    """PostgreSQL's lexeme statistics are kept per process: each test reads its own."""
    search._shares_cache = None
    yield
    search._shares_cache = None


def indexed(title: str, *texts: str, **fields) -> Article:
    article = make_article(title, [("title", title), *(("body", t) for t in texts)], **fields)
    search.reindex_article(article)
    return article


def found(query: str, **filters) -> list[str]:
    hits = search.search(query, search.Filters(**filters))
    titles = dict(Article.objects.values_list("pk", "title"))
    return [titles[h.article_id] for h in hits]


def titles(client: Client, **params) -> list[str]:
    return [r.article.title for r in client.get(URL, params).context["results"]]


# --- Arabic variants ---------------------------------------------------------------


def test_muhammad_finds_diacritics_tatweel_and_proclitic() -> None:
    indexed("أ", "زار مُحَمَّد بيروت")
    indexed("ب", "زار محـمد دمشق")
    indexed("ج", "قال لمحمد إن الوفد وصل")
    indexed("د", "زار أحمد عمان")
    assert sorted(found("محمد")) == ["أ", "ب", "ج"]
    assert sorted(found("مُحَمَّد")) == ["أ", "ب", "ج"]  # a diacritised query too


def test_latin_digits_find_eastern_digits() -> None:
    indexed("أ", "اجتماع في ٢٠٢٤")
    indexed("ب", "اجتماع في ۲۰۲۴")  # extended (Persian) digits
    indexed("ج", "اجتماع في 2025")
    assert sorted(found("2024")) == ["أ", "ب"]
    assert sorted(found("٢٠٢٤")) == ["أ", "ب"]


def test_bare_word_finds_word_with_proclitic_and_back() -> None:
    indexed("أ", "وصل الرئيس إلى وبيروت")
    indexed("ب", "وصل الرئيس إلى دمشق")
    assert found("بيروت") == ["أ"]
    assert found("وبيروت") == ["أ"]


def test_every_query_word_must_match_but_may_be_in_different_paragraphs() -> None:
    indexed("أ", "زار الوفد بيروت", "ثم عاد إلى دمشق")
    indexed("ب", "زار الوفد بيروت")
    assert found("بيروت دمشق") == ["أ"]
    assert sorted(found("بيروت")) == ["أ", "ب"]


def test_whole_words_only_no_substrings() -> None:
    indexed("أ", "اجتمع مجلس الأمن في نيويورك")
    indexed("ب", "صدر العدد الجديد من المجلة")
    assert found("مجل") == []
    assert found("مجلس") == ["أ"]
    assert found("الأمن") == ["أ"]
    assert found("أمن") == ["أ"]  # the article «ال» stripped, as in the shadow text
    assert found("من") == ["ب"]  # «من» is a word of «ب», not a piece of «الأمن»


def test_title_is_indexed() -> None:
    article = make_article("قمة الرياض", [("body", "اجتمع القادة")])
    search.reindex_article(article)
    assert found("الرياض") == ["قمة الرياض"]


# --- ranking -----------------------------------------------------------------------


def test_article_using_the_word_more_ranks_first() -> None:
    for n in range(4):  # unrelated rows keep the word rare, so bm25's idf is positive
        indexed(f"خبر {n}", "مباراة كرة القدم في الملعب")
    # created first and older, so neither the id nor the date puts it first
    indexed("مرات", "طرابلس تستقبل الوزير", "طرابلس تودع الوزير", published=date(2026, 1, 1))
    indexed("مرة", "طرابلس تستقبل الوزير", "دمشق تودع الوزير", published=date(2026, 3, 9))
    assert found("طرابلس") == ["مرات", "مرة"]


def test_title_match_weighs_more_than_a_body_match() -> None:
    for n in range(4):
        indexed(f"خبر {n}", "مباراة كرة القدم في الملعب")
    long_title = "الكهرباء تعود إلى أحياء المدينة بعد انقطاع طويل"
    make_article(long_title, [("body", "وقال الوزير إن الخطة جاهزة")])
    make_article("تقرير", [("body", "وقال الوزير إن الكهرباء ستعود")])  # shorter than the title
    for article in Article.objects.all():
        search.reindex_article(article)
    assert found("الكهرباء") == [long_title, "تقرير"]


# --- snippets ----------------------------------------------------------------------


def test_snippet_marks_the_original_words_and_escapes_the_rest() -> None:
    text = 'قال مُحَمَّد <script>alert("x")</script> & زار وبيروت'
    html = search.highlight(text, frozenset().union(*search.query_groups("محمد بيروت")))
    assert html == (
        "قال <mark>مُحَمَّد</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "زار <mark>وبيروت</mark>"
    )


def test_mark_keeps_tatweel_and_a_final_diacritic_inside_the_word() -> None:
    forms = frozenset().union(*search.query_groups("محمد"))
    assert search.highlight("زار محـمدٌ اليوم", forms) == "زار <mark>محـمدٌ</mark> اليوم"


def test_long_paragraph_is_cut_around_the_first_match() -> None:
    text = " ".join(["كلمة"] * 100) + " طرابلس " + " ".join(["نص"] * 100)
    html = search.highlight(text, frozenset({"طرابلس"}), 120)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>طرابلس</mark>" in html and len(html) < 200


def test_page_shows_the_best_paragraph_snippet_and_highlighted_title(client: Client) -> None:
    indexed("زيارة إلى بيروت", "خبر لا علاقة له", "وصل مُحَمَّد إلى بيروت <b>اليوم</b>")
    page = client.get(URL, {"q": "محمد"}).content.decode()
    assert "وصل <mark>مُحَمَّد</mark> إلى بيروت &lt;b&gt;اليوم&lt;/b&gt;" in page
    assert "<b>اليوم</b>" not in page
    page = client.get(URL, {"q": "بيروت"}).content.decode()
    assert "زيارة إلى <mark>بيروت</mark>" in page


# --- filters -----------------------------------------------------------------------


@pytest.fixture
def three() -> list[Article]:
    a = indexed("أ", "زار ميقاتي بيروت", published=date(2026, 1, 10))
    b = indexed("ب", "زار ميقاتي طرابلس", published=date(2026, 2, 10))
    c = indexed("ج", "ميقاتي في دمشق", published=date(2026, 3, 10))
    make_mention(paragraph(a, 1), "ميقاتي", "PERSON")
    make_mention(paragraph(b, 1), "ميقاتي", "PERSON", rejected=True)
    make_mention(paragraph(b, 1), "طرابلس", "LOCATION")
    make_mention(paragraph(c, 1), "دمشق", "LOCATION")
    Article.objects.filter(pk=c.pk).update(source_name="الوكالة الثانية")
    return [a, b, c]


def test_filter_by_label_counts_only_active_mentions(client: Client, three) -> None:
    assert titles(client, q="ميقاتي", label="PERSON") == ["أ"]
    assert sorted(titles(client, q="ميقاتي", label="LOCATION")) == ["ب", "ج"]
    assert titles(client, label="PERSON") == ["أ"]  # without a query too


def test_filter_by_entity(client: Client, three) -> None:
    damascus = three[2].paragraphs.get(index=1).mentions.get().entity
    assert titles(client, q="ميقاتي", entity=damascus.pk) == ["ج"]
    page = client.get(URL, {"entity": damascus.pk}).content.decode()
    assert "<bdi>دمشق</bdi>" in page


def test_filter_by_source_and_dates(client: Client, three) -> None:
    assert titles(client, q="ميقاتي", source="الوكالة الثانية") == ["ج"]
    assert sorted(titles(client, q="ميقاتي", date_from="2026-02-01")) == ["ب", "ج"]
    assert sorted(titles(client, q="ميقاتي", date_to="2026-02-10")) == ["أ", "ب"]
    assert titles(client, q="ميقاتي", date_from="2026-02-01", date_to="2026-02-28") == ["ب"]
    assert len(titles(client, q="ميقاتي", date_from="not a date")) == 3  # ignored, no error


# --- pagination and query counts ------------------------------------------------------


def test_pagination_keeps_query_and_filters(client: Client) -> None:
    for n in range(PER_PAGE + 3):
        indexed(f"خبر {n}", f"خبر عن الطاقة {n}")
    first = client.get(URL, {"q": "الطاقة", "source": "وكالة الأنباء"})
    assert len(first.context["results"]) == PER_PAGE
    body = first.content.decode()
    assert "page=2" in body and "q=%D8%A7%D9%84%D8%B7%D8%A7%D9%82%D8%A9" in body
    assert "source=%D9%88%D9%83%D8%A7%D9%84%D8%A9" in body
    second = client.get(URL, {"q": "الطاقة", "page": 2})
    assert len(second.context["results"]) == 3
    assert not {r.article.pk for r in first.context["results"]} & {
        r.article.pk for r in second.context["results"]
    }


def count_queries(client: Client, params: dict) -> int:
    cache.clear()  # the source list is cached: count it every time
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, params).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_results(client: Client) -> None:
    indexed("وحيد", "خبر عن النفط")
    for n in range(PER_PAGE + 5):
        article = indexed(f"خبر {n}", f"خبر عن الطاقة {n}", "والطاقة مرة أخرى")
        make_mention(paragraph(article, 1), "الطاقة", "ORGANIZATION")
    search.search("خبر")  # PostgreSQL reads its lexeme statistics once every few minutes
    one = count_queries(client, {"q": "النفط"})
    many = count_queries(client, {"q": "الطاقة"})
    # sources, the newest candidate row, hits, page articles, snippet paragraphs, entity counts
    assert one == many == 6
    assert count_queries(client, {"q": "الطاقة", "label": "ORGANIZATION"}) == 6


# --- kept in step with ingest and edits ---------------------------------------------------


@pytest.fixture
def ingested(sample_path: Path) -> Article:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    return Article.objects.get()


def test_ingest_indexes_the_article(client: Client, ingested: Article) -> None:
    assert found("عمان") == [ingested.title]  # «عمّان» in the text
    assert "<mark>عمّان</mark>" in client.get(URL, {"q": "عمان"}).content.decode()


def test_restored_line_becomes_searchable(ingested: Article) -> None:
    assert found("فيسبوك") == []
    curator = User.objects.create_superuser("curator", "", "pw-curator-1")
    restore_dropped_line(ingested.dropped_lines.get(text__contains="فيسبوك"), curator)
    assert found("فيسبوك") == [ingested.title]


def test_removed_mention_leaves_the_label_filter(client: Client) -> None:
    article = indexed("أ", "زار ميقاتي بيروت")
    mention = make_mention(paragraph(article, 1), "ميقاتي", "PERSON")
    assert titles(client, q="بيروت", label="PERSON") == ["أ"]
    remove_mention(mention, User.objects.create_user("editor"))
    assert titles(client, q="بيروت", label="PERSON") == []


def test_reindex_replaces_old_rows() -> None:
    article = indexed("أ", "زار ميقاتي بيروت")
    article.paragraphs.filter(index=1).update(text="زار ميقاتي دمشق")
    search.reindex_article(article)
    assert found("بيروت") == []
    assert found("دمشق") == ["أ"]


def test_postgresql_index_is_a_gin_over_a_simple_tsvector() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's index (SQLite's FTS5 is exercised by every search test)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [search.TABLE])
        definitions = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT to_tsvector('simple', %s)::text", ["الامن امن"])
        assert cursor.fetchone() == ("'الامن':1 'امن':2",)  # the shadow words, untouched
    assert any("USING gin (document)" in d for d in definitions)


def test_rebuild_search_command() -> None:
    indexed("أ", "زار ميقاتي بيروت")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search.TABLE}")
    assert found("بيروت") == []
    out = io.StringIO()
    call_command("rebuild_search", stdout=out)
    assert out.getvalue().strip() == "indexed 1 articles"
    assert found("بيروت") == ["أ"]


# --- safety and the fallback ---------------------------------------------------------------


def test_terms_are_quoted_for_the_index() -> None:
    indexed("أ", "زار الوفد بيروت")
    terms = {"OR", 'x"y', "title:z", "NEAR(", "بيروت*", "':*", "!&|"}
    if connection.vendor == "postgresql":
        expression, params = search.pg_match_any(terms)
        sql = f"SELECT count(*) FROM {search.TABLE} WHERE document @@ {expression}"
    else:
        sql = f"SELECT count(*) FROM {search.TABLE} WHERE {search.TABLE} MATCH %s"
        params = [search.match_any(terms)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        assert cursor.fetchone() == (1,)  # «بيروت*» is the word, not a prefix query


@pytest.mark.parametrize(
    "query",
    [
        '"بيروت',
        'بيروت" OR "x',
        "بيروت OR دمشق",
        "NEAR(بيروت دمشق)",
        "title:بيروت",
        "بيروت*",
        "-بيروت",
        "^بيروت",
        "body : ( بيروت AND NOT",
        "'; DROP TABLE news_article; --",
        "٪ _ % \\",
        "بيروت:*",
        "!بيروت & | <->",
    ],
)
def test_fts_syntax_in_a_query_is_plain_text(client: Client, query: str) -> None:
    indexed("أ", "زار الوفد بيروت")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert Article.objects.count() == 1
    if query.startswith(('"', "-", "^", "!")) or query in ("بيروت*", "بيروت:*"):
        assert [r.article.title for r in response.context["results"]] == ["أ"]
    if query == "بيروت OR دمشق":  # words, not an operator: «or» is a word to find
        assert response.context["results"] == []


def test_fallback_without_fts5(monkeypatch: pytest.MonkeyPatch, client: Client) -> None:
    make_article("أ", [("title", "أ"), ("body", "قال لمحمد إن الوفد وصل")])
    make_article("ب", [("title", "ب"), ("body", "زار أحمد عمان")])
    monkeypatch.setattr(search, "enabled", lambda: False)
    results = client.get(URL, {"q": "مُحَمَّد"}).context["results"]
    assert [r.article.title for r in results] == ["أ"]
    assert "<mark>لمحمد</mark>" in results[0].snippet


def test_a_word_in_more_rows_than_the_cap_ranks_only_the_newest_rows(monkeypatch) -> None:
    for n in range(4):
        indexed(f"خبر {n}", "الطاقة في البلاد")  # one matching row each
    assert not search.search("الطاقة").capped
    assert len(found("الطاقة")) == 4
    monkeypatch.setattr(search, "CANDIDATE_ROWS", 2)  # the newest two matching rows
    hits = search.search("الطاقة")
    assert hits.capped
    assert sorted(found("الطاقة")) == ["خبر 2", "خبر 3"]
    assert found("الطاقة البلاد", source="وكالة الأنباء") == found("الطاقة")  # filters too


def test_a_capped_search_says_there_are_more(client: Client, monkeypatch) -> None:
    for n in range(3):
        indexed(f"خبر {n}", "الطاقة في البلاد")
    monkeypatch.setattr(search, "CANDIDATE_ROWS", 2)
    from newsreader.news.counts import counted

    page = client.get(URL, {"q": "الطاقة"}).content.decode()
    assert f"{counted('results', 2)} أو أكثر" in page
    monkeypatch.setattr(search, "CANDIDATE_ROWS", 1000)
    page = client.get(URL, {"q": "الطاقة"}).content.decode()
    assert counted("results", 3) in page and "أو أكثر" not in page


def test_a_capped_search_ranks_articles_with_more_matching_rows_first(monkeypatch) -> None:
    indexed("مرات", "الطاقة في البلاد", "خطة الطاقة الجديدة", published=date(2026, 1, 1))
    indexed("مرة", "الطاقة في المدينة", "خبر آخر", published=date(2026, 3, 9))
    monkeypatch.setattr(search, "CANDIDATE_ROWS", 3)  # all three matching rows, but capped
    hits = search.search("الطاقة")
    assert hits.capped
    assert found("الطاقة") == ["مرات", "مرة"]
    first = Article.objects.get(title="مرات").paragraphs.get(text="الطاقة في البلاد")
    assert hits[0].paragraph_id == first.pk  # the snippet: its first matching paragraph


def six_articles_on_energy(monkeypatch) -> None:
    """PostgreSQL only: six articles with one row in three matching «الطاقة», a cap of 3."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's windows over the newest index rows")
    for n in range(6):
        indexed(f"خبر {n}", "الطاقة في البلاد", "خبر عن المياه")
    monkeypatch.setattr(search, "CANDIDATE_ROWS", 3)


def test_postgresql_floor_is_the_same_from_a_window_or_from_every_match(monkeypatch) -> None:
    six_articles_on_energy(monkeypatch)
    every = search.search("الطاقة")  # the index is small: no window is tried
    monkeypatch.setattr(search, "PG_WINDOW_SHARE", 0)
    for windows in [(1,), (1, 3), (3, 100)]:  # 3, 9, 300 newest rows: too few, then enough
        monkeypatch.setattr(search, "PG_WINDOWS", windows)
        windowed = search.search("الطاقة")
        assert windowed.capped and windowed == every
    assert sorted(found("الطاقة")) == ["خبر 3", "خبر 4", "خبر 5"]


def test_a_window_is_sized_from_the_share_of_rows_holding_the_words(monkeypatch) -> None:
    monkeypatch.setattr(search, "CANDIDATE_ROWS", 1000)
    shares = search.LexemeShares({"محمد": 0.02, "لمحمد": 0.005}, floor=0.001)
    assert shares.of({"محمد", "لمحمد"}) == 0.02  # rows with either: at least the commoner's
    assert shares.of({"زورقان", "لمحمد"}) == 0.005
    assert shares.of({"زورقان"}) == 0.001  # unlisted: rarer than the rarest listed
    assert search.estimated_window(0.02) == 100_000  # 2,000 matches expected there
    assert search.estimated_window(0.0) is None


def test_postgresql_floor_is_the_same_from_an_estimated_window(monkeypatch) -> None:
    six_articles_on_energy(monkeypatch)
    every = search.search("الطاقة")
    monkeypatch.setattr(search, "PG_WINDOW_SHARE", 0)
    windows: list[int] = []
    real = search.estimated_window
    monkeypatch.setattr(
        search, "estimated_window", lambda *a: windows.append(real(*a)) or windows[-1]
    )
    # a window of 18 rows (6 matches expected, 4.5 asked: enough), then 6 (2 expected: too few)
    for share, margin in [(0.25, 1.5), (0.25, 0.5)]:
        monkeypatch.setattr(search, "PG_WINDOW_MARGIN", margin)
        listed = dict.fromkeys(search.query_groups("الطاقة")[0], share)
        search._shares_cache = (time.monotonic(), search.LexemeShares(listed, 0.0))
        windowed = search.search("الطاقة")
        assert windowed.capped and windowed == every
    # 18: ranked in the window at once; 6: too few there, then the floor's probe, then all
    assert windows == [18, 6, 6]
    assert sorted(found("الطاقة")) == ["خبر 3", "خبر 4", "خبر 5"]


def test_postgresql_ranks_a_common_word_in_one_query_and_filters_the_general_way(
    monkeypatch,
) -> None:
    six_articles_on_energy(monkeypatch)
    every = search.search("الطاقة")
    two_words = search.search("الطاقة البلاد")
    listed = dict.fromkeys(search.query_groups("الطاقة")[0], 0.25)
    listed.update(dict.fromkeys(search.query_groups("البلاد")[0], 0.25))
    search._shares_cache = (time.monotonic(), search.LexemeShares(listed, 0.0))
    with CaptureQueriesContext(connection) as one:
        assert search.search("الطاقة") == every
    with CaptureQueriesContext(connection) as two:
        assert search.search("الطاقة البلاد") == two_words
    assert len(one.captured_queries) == 1  # found and ranked together
    assert len(two.captured_queries) == 2  # the floor, then the ranking with both words


def test_postgresql_lexeme_shares_come_from_analyze() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_stats of the tsvector column")
    for n in range(9):
        indexed(f"خبر {n}", "الطاقة في البلاد" if n % 3 == 0 else "المياه في المدن")
    with connection.cursor() as cursor:
        assert search._lexeme_shares(cursor) is None  # never analysed
        cursor.execute(f"ANALYZE {search.TABLE}")
        search._shares_cache = None
        shares = search._lexeme_shares(cursor)
    assert shares is not None
    rows = 9 * 3  # a title row and two paragraph rows per article (one of them the title)
    assert shares.of(search.query_groups("الطاقة")[0]) == pytest.approx(3 / rows, rel=0.01)
    assert shares.of({"في"}) == pytest.approx(9 / rows, rel=0.01)


def test_the_fallback_finds_any_word_of_an_annotated_article(monkeypatch, client: Client) -> None:
    """annotate_article refills the shadow text from the paragraphs (it once held the names)."""
    from newsreader.news.annotate import annotate_article

    article = make_article("أ", [("title", "أ"), ("body", "افتتح سالم الدباغ جسراً في الموصل")])
    annotate_article(article)
    article.refresh_from_db()
    assert "افتتح" in article.search_text and "جسرا" in article.search_text
    monkeypatch.setattr(search, "enabled", lambda: False)
    results = client.get(URL, {"q": "افتتح"}).context["results"]
    assert [r.article.title for r in results] == ["أ"]
