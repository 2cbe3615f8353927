"""The article list: newest first, entity counts per label, folded search, pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news.models import Article
from newsreader.news.search import reindex_article
from newsreader.news.views.articles import PER_PAGE
from tests.factories import make_article, make_mention, paragraph

pytestmark = pytest.mark.django_db

URL = reverse("article_list")


def test_newest_first_and_undated_last(client: Client) -> None:
    make_article("خبر قديم", [("title", "خبر قديم")], published=date(2025, 1, 1))
    make_article("خبر بلا تاريخ", [("title", "خبر بلا تاريخ")], published=None)
    make_article("خبر جديد", [("title", "خبر جديد")], published=date(2026, 2, 1))
    page = client.get(URL).content.decode()
    assert page.index("خبر جديد") < page.index("خبر قديم") < page.index("خبر بلا تاريخ")


def test_counts_per_label_leave_out_rejected(client: Client) -> None:
    article = make_article()
    body = paragraph(article, 1)
    make_mention(body, "نجيب ميقاتي", "PERSON")
    make_mention(body, "بيروت", "LOCATION")
    make_mention(body, "البنك الدولي", "ORGANIZATION", rejected=True)
    response = client.get(URL)
    (item,) = response.context["page"].object_list
    assert (item.n_person, item.n_location, item.n_organization, item.n_date) == (1, 1, 0, 0)
    assert 'data-label="PERSON"' in response.content.decode()


def indexed(title: str, paragraphs: list[tuple[str, str]]) -> Article:
    """An article as ingest leaves it: stored, then put in the search index."""
    article = make_article(title, paragraphs)
    reindex_article(article)
    return article


def found(client: Client, **params) -> list[str]:
    return [r.article.title for r in client.get(URL, params).context["results"]]


def test_search_with_diacritics_and_tatweel_finds_the_plain_word(client: Client) -> None:
    indexed("الكهرباء في لبنان", [("title", "أزمة الكهرباء في طرابلس")])
    indexed("خبر آخر", [("title", "مباراة كرة القدم في القاهرة")])
    assert found(client, q="طَرَابُلــس") == ["الكهرباء في لبنان"]


def test_search_word_with_proclitic_finds_bare_word_and_all_words_must_match(
    client: Client,
) -> None:
    indexed("أ", [("title", "وصل الوفد إلى بيروت")])
    indexed("ب", [("title", "وصل الوفد إلى دمشق")])
    assert found(client, q="وبيروت") == ["أ"]
    assert found(client, q="الوفد دمشق") == ["ب"]
    assert found(client, q="بيروت دمشق") == []


@pytest.mark.parametrize("query", ["!!!", "؟؟", "...", "«» - ،"])
def test_a_query_without_words_lists_everything_and_says_so(client: Client, query) -> None:
    indexed("أ", [("title", "وصل الوفد إلى بيروت")])
    indexed("ب", [("title", "وصل الوفد إلى دمشق")])
    response = client.get(URL, {"q": query})
    body = response.content.decode()
    assert sorted(found(client, q=query)) == ["أ", "ب"]
    assert response.context["q"] == "" and response.context["wordless"]
    assert "ليس فيه كلمة يُبحث عنها، فهذه كل المقالات." in body
    assert "result-count" not in body and "نتيجة" not in body  # no «2 نتيجة عن «!!!»»
    assert f'value="{query}"' in body  # the box keeps what was typed


@pytest.mark.parametrize(
    ("n", "said"),
    [(1, "نتيجة واحدة"), (2, "نتيجتان"), (6, "6 نتائج"), (11, "11 نتيجة")],
)
def test_the_result_count_in_arabic_plural_forms(client: Client, n, said) -> None:
    for i in range(n):
        indexed(f"خبر {i}", [("title", f"خبر عن الطاقة {i}")])
    body = client.get(URL, {"q": "الطاقة"}).content.decode()
    assert f'<p class="result-count">{said} عن «الطاقة»</p>' in body


def test_search_without_index_rows_finds_nothing(client: Client) -> None:
    make_article("أ", [("title", "وصل الوفد إلى بيروت")])  # never indexed
    assert found(client, q="بيروت") == []
    assert "لا نتائج." in client.get(URL, {"q": "بيروت"}).content.decode()


def test_pagination_keeps_the_query(client: Client) -> None:
    for n in range(PER_PAGE + 3):
        indexed(f"خبر رقم {n}", [("title", f"خبر عن الطاقة {n}")])
    assert found(client, q="الطاقة", label="PERSON") == []
    first = client.get(URL, {"q": "الطاقة"})
    assert len(first.context["results"]) == PER_PAGE
    body = first.content.decode()
    assert "?q=%D8%A7%D9%84%D8%B7%D8%A7%D9%82%D8%A9&amp;page=2" in body
    second = client.get(URL, {"q": "الطاقة", "page": 2})
    assert len(second.context["results"]) == 3
    assert "?q=%D8%A7%D9%84%D8%B7%D8%A7%D9%82%D8%A9&amp;page=1" in second.content.decode()


def test_list_without_query_is_filtered_and_paged(client: Client) -> None:
    for n in range(PER_PAGE + 2):
        make_article(f"خبر {n}", [("title", f"خبر {n}")], published=date(2026, 1, 1 + n))
    response = client.get(URL, {"date_from": "2026-01-03"})
    assert response.context["page"].paginator.count == PER_PAGE
    assert "date_from=2026-01-03" not in response.content.decode()  # one page: no links


def test_page_is_rtl_arabic(client: Client) -> None:
    page = client.get(URL).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "قارئ" in page


def test_the_site_has_a_favicon(client: Client) -> None:
    page = client.get(URL).content.decode()
    assert '<link rel="icon" type="image/png" href="/static/favicon.png">' in page
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301 and answer["Location"] == "/static/favicon.png"
    icon = client.get("/static/favicon.png")
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content).startswith(b"\x89PNG")


def test_the_list_never_reads_the_raw_input(client: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_article()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    listing = [q["sql"] for q in queries if 'FROM "news_article"' in q["sql"]]
    assert listing
    assert not any('"news_article"."raw"' in sql for sql in listing)
    assert not any('GROUP BY "news_article"."id"' in sql for sql in listing)


@pytest.mark.django_db
def test_the_list_is_read_only(client: Client) -> None:
    assert client.post(reverse("article_list")).status_code == 405
