"""The article list: newest first, entity counts per label, folded search, pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

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


def test_search_with_diacritics_and_tatweel_finds_the_plain_word(client: Client) -> None:
    make_article("الكهرباء في لبنان", [("title", "أزمة الكهرباء في طرابلس")])
    make_article("خبر آخر", [("title", "مباراة كرة القدم في القاهرة")])
    response = client.get(URL, {"q": "طَرَابُلــس"})
    titles = [a.title for a in response.context["page"]]
    assert titles == ["الكهرباء في لبنان"]


def test_search_word_with_proclitic_finds_bare_word_and_all_words_must_match(
    client: Client,
) -> None:
    make_article("أ", [("title", "وصل الوفد إلى بيروت")])
    make_article("ب", [("title", "وصل الوفد إلى دمشق")])
    assert [a.title for a in client.get(URL, {"q": "وبيروت"}).context["page"]] == ["أ"]
    assert [a.title for a in client.get(URL, {"q": "الوفد دمشق"}).context["page"]] == ["ب"]
    assert list(client.get(URL, {"q": "بيروت دمشق"}).context["page"]) == []


def test_pagination_keeps_the_query(client: Client) -> None:
    for n in range(PER_PAGE + 3):
        make_article(f"خبر رقم {n}", [("title", f"خبر عن الطاقة {n}")])
    first = client.get(URL, {"q": "الطاقة"})
    assert len(first.context["page"]) == PER_PAGE
    assert "page=2" in first.content.decode() and "q=" in first.content.decode()
    second = client.get(URL, {"q": "الطاقة", "page": 2})
    assert len(second.context["page"]) == 3


def test_page_is_rtl_arabic(client: Client) -> None:
    page = client.get(URL).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "قارئ" in page
