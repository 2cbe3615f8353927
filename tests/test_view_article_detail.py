"""The reader page: RTL markup, exact server-side marks, legend, sidebar, fixed queries."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from django.test import Client

from newsreader.news.views import timeline
from newsreader.news.views.highlight import highlight
from tests.factories import (
    make_agenda,
    make_article,
    make_event,
    make_mention,
    make_user,
    paragraph,
)

pytestmark = pytest.mark.django_db

MARK = re.compile(r'<mark class="ent ent-(\w+)" data-label="\1"[^>]*>([^<]*)</mark>')


@pytest.fixture
def article():
    article = make_article()
    body = paragraph(article, 1)
    make_mention(body, "نجيب ميقاتي", "PERSON")
    make_mention(body, "البنك الدولي", "ORGANIZATION")
    make_mention(body, "بيروت", "LOCATION")  # inside «ببيروت»: the clitic stays outside
    make_mention(body, "السراي", "LOCATION", rejected=True)
    later = paragraph(article, 3)
    make_mention(later, "ميقاتي", "PERSON", entity=body.mentions.get(text="نجيب ميقاتي").entity)
    make_mention(later, "15 مارس 2026", "DATE", value="2026-03-15")
    return article


def test_rtl_document_and_paragraph_structure(client: Client, article) -> None:
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert re.search(r'<h1 id="p-0" class="para para-title" dir="auto"', page)
    assert re.search(r'<h2 id="p-2" class="para para-heading" dir="auto"', page)
    assert re.search(r'<blockquote id="p-4" class="para para-quote" dir="auto"', page)
    assert "noto-naskh-arabic" not in page  # the font comes through the stylesheet


def test_one_mark_per_active_mention_with_exact_text(client: Client, article) -> None:
    page = client.get(article.get_absolute_url()).content.decode()
    marks = MARK.findall(re.sub(r"</?bdi[^>]*>", "", page))
    assert marks == [
        ("PERSON", "نجيب ميقاتي"),
        ("ORGANIZATION", "البنك الدولي"),
        ("LOCATION", "بيروت"),
        ("PERSON", "ميقاتي"),
        ("DATE", "15 مارس 2026"),
    ]
    assert ">السراي<" not in page  # rejected: plain text
    assert "ب<mark" in page  # «ببيروت»: the proclitic joins from outside the mark
    assert 'title="2026-03-15"' in page


def test_highlight_escapes_each_piece_and_keeps_text_exact() -> None:
    class M:
        def __init__(self, start, end, label="PERSON"):
            self.start, self.end, self.label, self.pk = start, end, label, 1
            self.entity, self.entity_id, self.value, self.text = None, None, "", ""

    text = "قال <b>زيد</b> & عمرو"
    html = highlight(text, [M(7, 10), M(8, 9)])  # the overlapping second one is skipped
    assert html.count("<mark") == 1
    assert unescape(re.sub(r"</?(mark|bdi)[^>]*>", "", html)) == text
    assert '&lt;<bdi dir="ltr">b</bdi>&gt;' in html and "<b>" not in html
    assert re.search(r">زيد</mark>", unescape(html))


def test_legend_and_sidebar_sections(client: Client, article, monkeypatch) -> None:
    monkeypatch.setattr(timeline, "today", lambda: date(2026, 3, 10))  # past or upcoming: today
    article.agenda_meeting = "اجتماع مجلس الوزراء"
    article.agenda_count = 3
    article.save()
    make_agenda(article, "خطة الكهرباء", 2)
    make_agenda(article, "بند محذوف", 3, removed=True)
    make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة طرابلس")
    make_event(article, "2025-11-12", date(2025, 11, 12), "الاجتماع السابق")
    page = client.get(article.get_absolute_url()).content.decode()
    for code in ("PERSON", "LOCATION", "ORGANIZATION", "DATE"):
        assert f'data-toggle-label="{code}"' in page
    assert "اجتماع مجلس الوزراء" in page and "3" in page
    assert '<a href="#p-2" dir="auto">خطة الكهرباء</a>' in page
    assert "بند محذوف" not in page
    assert page.index("الاجتماع السابق") < page.index("زيارة طرابلس")  # ordered by date
    assert re.search(r'class="past">\s*<time datetime="2025-11-12"', page)
    assert re.search(r'class="upcoming">\s*<time datetime="2026-03-15"', page)
    assert "بعد النشر بـ10 أيام" in page  # from the article's date (5 March), not from today
    # Entities: Mikati twice, linked to his page, listed before once-mentioned ones.
    person = article.paragraphs.get(index=1).mentions.get(text="نجيب ميقاتي").entity
    assert re.search(
        rf'<a href="/entities/{person.pk}/" dir="auto">نجيب ميقاتي</a> <span class="n"[^>]*>2<',
        page,
    )


def test_anonymous_reader_gets_no_editing_controls(client: Client, article) -> None:
    page = client.get(article.get_absolute_url()).content.decode()
    assert "data-add-url" not in page
    assert 'id="add-toolbar"' not in page and 'id="mention-popover"' not in page
    user = make_user("plain")
    client.force_login(user)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "data-add-url" not in page


def test_editor_gets_controls(client: Client, article) -> None:
    client.force_login(make_user("editor", editor=True))
    page = client.get(article.get_absolute_url()).content.decode()
    assert "data-add-url" in page and 'id="add-toolbar"' in page
    assert 'hx-headers=\'{"x-csrftoken": "' in page


def test_query_count_does_not_grow_with_mentions(client: Client, django_assert_num_queries):
    words = ["ميقاتي", "بيروت", "الوفد", "الكهرباء"]
    one = make_article()
    make_mention(paragraph(one, 1), "ميقاتي")
    many = make_article()
    made = 0
    for index in (0, 1, 3):
        for n, word in enumerate(words):
            if word in paragraph(many, index).text:
                make_mention(paragraph(many, index), word, ["PERSON", "LOCATION"][n % 2])
                made += 1
    make_agenda(many, "بند", 2)
    make_event(many, "2026-03-15", date(2026, 3, 15), "زيارة")
    # article, paragraphs, their mentions + entities, corpus counts, agenda, timeline
    with django_assert_num_queries(6):
        client.get(one.get_absolute_url())
    with django_assert_num_queries(6):
        response = client.get(many.get_absolute_url())
    assert made >= 6 and response.content.decode().count("<mark") == made


def test_unknown_slug_is_404(client: Client) -> None:
    assert client.get("/articles/nope/").status_code == 404


def test_marks_carry_the_entity_corpus_count_for_the_card(client: Client, article) -> None:
    other = make_article()
    person = article.paragraphs.get(index=1).mentions.get(text="نجيب ميقاتي").entity
    make_mention(paragraph(other, 1), "ميقاتي", entity=person)
    make_mention(paragraph(other, 3), "ميقاتي", entity=person, rejected=True)  # not counted
    page = client.get(article.get_absolute_url()).content.decode()
    counts = re.findall(rf'data-entity="{person.pk}"[^>]* data-count="(\d+)"', page)
    assert counts == ["3", "3"]  # twice here, once in the other article
    assert f'data-count="3" data-href="/entities/{person.pk}/"' in page
    assert 'data-origin="model"' in page
    assert 'id="mention-card"' in page  # the card exists for anonymous readers too
    assert "data-theme-toggle" in page


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x"])
def test_a_source_url_that_is_not_http_is_no_link(client: Client, url: str) -> None:
    article = make_article(source_url=url)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "وكالة الأنباء" in page
    assert "javascript:" not in page and "data:text" not in page


def test_an_https_source_url_is_the_source_link(client: Client) -> None:
    article = make_article(source_url="https://news.example/a/1")
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="https://news.example/a/1" rel="noopener noreferrer">' in page


@pytest.mark.django_db
def test_the_article_page_is_read_only(client: Client) -> None:
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.post(article.get_absolute_url()).status_code == 405
