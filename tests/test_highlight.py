"""Server-side marks and <bdi> isolation: exact text, proper nesting, escaping."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from newsreader.news.views.highlight import corpus_counts, highlight, runs
from tests.factories import make_article, make_mention, paragraph


class M:
    """A mention without the database."""

    def __init__(self, text, word, label="PERSON", nth=1, entity_id=None):
        start = -1
        for _ in range(nth):
            start = text.index(word, start + 1)
        self.start, self.end, self.label, self.pk = start, start + len(word), label, start
        self.entity, self.entity_id, self.value, self.text = None, entity_id, "", word
        self.origin = "model"


class Tree(HTMLParser):
    """Checks the markup nests (every end tag closes the innermost open one) and keeps text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.bdi: list[tuple[str, str]] = []  # (text inside, enclosing element)
        self._bdi_text: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "bdi":
            assert dict(attrs) == {"dir": "ltr"}
            self._bdi_text.append([])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()
        if tag == "bdi":
            self.bdi.append(("".join(self._bdi_text.pop()), self.stack[-1] if self.stack else ""))

    def handle_data(self, data):
        self.text.append(data)
        for inner in self._bdi_text:
            inner.append(data)


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى ميقاتي Joe Biden في البيت الأبيض", ["Joe Biden"]),
        ("راجع https://example.com/a?b=1 للمزيد.", ["https://example.com/a?b=1"]),
        ("بين عامي 2024-2025 وفي ١٥/٣/٢٠٢٦", ["2024-2025", "١٥/٣/٢٠٢٦"]),
        ("ارتفع بنسبة 3.5% من 10 – 20 طنًا", ["3.5%", "10 – 20"]),
        ("لقاح COVID-19 وطائرة F-16.", ["COVID-19", "F-16"]),
        ("نص عربي فقط بلا أرقام", []),
    ],
)
def test_runs_find_latin_names_urls_numbers_and_ranges(text, expected) -> None:
    assert [text[s:e] for s, e in runs(text)] == expected


def test_bdi_outside_marks_and_text_exact() -> None:
    text = "زار Joe Biden بيروت في 15 مارس 2026 مع ميقاتي."
    html = highlight(text, [M(text, "بيروت", "LOCATION"), M(text, "ميقاتي")])
    tree = parse(html)
    assert "".join(tree.text) == text
    assert tree.bdi == [("Joe Biden", ""), ("15", ""), ("2026", "")]
    assert html.count("<mark") == 2


def test_bdi_inside_a_mark_that_covers_numbers() -> None:
    text = "يزور الوفد طرابلس في 15 مارس 2026."
    html = highlight(text, [M(text, "15 مارس 2026", "DATE")])
    tree = parse(html)
    assert "".join(tree.text) == text
    assert tree.bdi == [("15", "mark"), ("2026", "mark")]
    assert re.search(
        r'<mark[^>]*><bdi dir="ltr">15</bdi> مارس <bdi dir="ltr">2026</bdi></mark>', html
    )


def test_a_run_containing_a_mark_wraps_it_and_a_crossing_run_is_left_alone() -> None:
    text = "قال Joe Biden ثم New York Times"
    html = highlight(text, [M(text, "Biden"), M(text, "York", "LOCATION")])
    tree = parse(html)
    assert "".join(tree.text) == text
    # «Joe Biden» keeps one isolate with the mark inside it; «New York Times» too.
    assert re.search(r'<bdi dir="ltr">Joe <mark[^>]*>Biden</mark></bdi>', html)
    assert re.search(r'<bdi dir="ltr">New <mark[^>]*>York</mark> Times</bdi>', html)
    crossing = "قال ميقاتي Joe Biden"
    html = highlight(crossing, [M(crossing, "ميقاتي Joe")])  # a mark that ends mid-run
    tree = parse(html)
    assert "".join(tree.text) == crossing
    assert tree.bdi == []  # split isolates would reverse «Joe Biden»


def test_everything_is_escaped() -> None:
    text = 'قال <script>alert("x")</script> & <b>زيد</b> 5'
    html = highlight(text, [M(text, "زيد")])
    assert "<script>" not in html and "<b>" not in html
    assert unescape(re.sub(r"</?(mark|bdi)[^>]*>", "", html)) == text
    assert "".join(parse(html).text) == text


def test_linked_marks_carry_the_corpus_count() -> None:
    text = "التقى ميقاتي وزيدًا"
    html = highlight(text, [M(text, "ميقاتي", entity_id=7), M(text, "زيد")], {7: 12})
    assert re.search(
        r'data-mention="\d+" data-origin="model" data-count="12" data-href="/entities/7/"', html
    )
    assert html.count("data-count") == 1  # the unlinked one has no count


@pytest.mark.django_db
def test_corpus_counts_is_one_query_over_active_mentions(django_assert_num_queries) -> None:
    one, two = make_article(), make_article()
    mikati = make_mention(paragraph(one, 1), "ميقاتي").entity
    make_mention(paragraph(one, 3), "ميقاتي", entity=mikati)
    make_mention(paragraph(two, 1), "ميقاتي", entity=mikati)
    make_mention(paragraph(two, 3), "ميقاتي", entity=mikati, rejected=True)
    beirut = make_mention(paragraph(two, 1), "بيروت", "LOCATION").entity
    with django_assert_num_queries(1):
        counts = corpus_counts([mikati.pk, beirut.pk, None, mikati.pk])
    assert counts == {mikati.pk: 3, beirut.pk: 1}
    with django_assert_num_queries(0):
        assert corpus_counts([None]) == {}


@pytest.mark.django_db
def test_corpus_counts_stop_past_the_cap_and_the_card_says_so(monkeypatch) -> None:
    from newsreader.news import capped

    monkeypatch.setattr(capped, "COUNT_CAP", 2)
    article = make_article()
    mikati = make_mention(paragraph(article, 1), "ميقاتي").entity
    for index in (0, 3, 4):
        make_mention(paragraph(article, index), "ميقاتي", entity=mikati)
    counts = corpus_counts([mikati.pk])
    assert counts == {mikati.pk: 3}  # read no further than the cap + 1
    text = "التقى ميقاتي"
    html = highlight(text, [M(text, "ميقاتي", entity_id=mikati.pk)], counts)
    assert 'data-count="2 أو أكثر"' in html
