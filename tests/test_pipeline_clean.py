"""Cleaning keeps the story's title, body, headings and quotes (clean): the title, the
paragraph kinds, the publication date, input errors.

Each rule gets a short invented article; the property tests check, on arbitrary
text, that cleaning never invents text and only ever fails with InputError.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.pipeline.clean import clean, is_heading, is_quote
from newsreader.pipeline.types import InputError, Kind
from tests.clean_helpers import (
    LEAD,
    SECOND,
    STORY_HEAD,
    STORY_LEAD,
    STORY_NEXT,
    THIRD,
    TITLE,
    article,
    texts,
)


def test_title_lead_and_body_are_kept_in_order() -> None:
    result = clean(article(TITLE, "", LEAD, SECOND, THIRD))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND, THIRD]
    assert [p.index for p in result.paragraphs] == [0, 1, 2, 3]
    assert [p.kind for p in result.paragraphs] == [Kind.TITLE, Kind.BODY, Kind.BODY, Kind.BODY]
    assert result.dropped == []


def test_given_title_replaces_the_first_line_and_its_repeat_is_dropped() -> None:
    result = clean(article(TITLE, LEAD, SECOND), title="  " + TITLE + "  ")
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert [(d.position, d.reason) for d in result.dropped] == [(0, "duplicate")]


def test_given_title_that_differs_keeps_the_text() -> None:
    """An editor's title does not swallow the text's first line unless they match."""
    assert texts(article(TITLE, LEAD), title="عنوان من المحرر") == ["عنوان من المحرر", TITLE, LEAD]


def test_no_dateline_means_no_publication_date() -> None:
    """A date inside the story is an event date, not the publication date."""
    body = "وكان المهرجان قد أقيم للمرة الأولى في 12 مارس 2010 بمشاركة محدودة."
    assert clean(article(TITLE, LEAD, body)).published is None


def test_body_sentences_starting_like_cues_are_kept() -> None:
    """«شارك الوزير …» is news, not a share button."""
    body = "شارك الوزير في جلسة حوارية مع المزارعين حول تحديات الري."
    assert texts(article(TITLE, LEAD, body)) == [TITLE, LEAD, body]


def test_headings_quotes_and_lists_get_their_kinds() -> None:
    heading = "أرقام الموسم"
    numbered = "2. خطط التصدير"
    lead_in = "كما يشارك في المهرجان:"
    item = "- جمعيات المزارعين"
    quote = "«الموسم الحالي هو الأفضل منذ عشر سنوات»."
    text = article(TITLE, LEAD, heading, SECOND, numbered, THIRD, lead_in, item, quote, SECOND[:30])
    kinds = {p.text: p.kind for p in clean(text).paragraphs}
    assert kinds[heading] == Kind.HEADING
    assert kinds[numbered] == Kind.HEADING
    assert kinds[lead_in] == Kind.BODY
    assert kinds[item] == Kind.BODY
    assert kinds[quote] == Kind.QUOTE


def test_last_line_cut_mid_word_is_body() -> None:
    cut = "وخلال الجولة، تفقد الوزير أجنحة المزا"
    result = clean(article(TITLE, LEAD, cut))
    assert (result.paragraphs[-1].text, result.paragraphs[-1].kind) == (cut, Kind.BODY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"نحن مستعدون للموسم المقبل".', True),
        ("«الإنتاج وفير» قال الوزير «والأسعار مستقرة»", False),
        ('قال الوزير: "الإنتاج وفير"', False),
        ("“الأسعار مستقرة”", True),
    ],
)
def test_quote_is_a_whole_quotation(text: str, expected: bool) -> None:
    assert is_quote(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("جدول أعمال المهرجان", True),
        ("ثالثا: التسويق", True),
        ("وقال الوزير إن الموسم ناجح.", False),
        ("وأكد الوزير بأن:", False),
        ("أولاً، نبدأ بالأرقام", False),
        ("كلمة " * 9, False),
    ],
)
def test_heading_shape(text: str, expected: bool) -> None:
    assert is_heading(text) is expected


@pytest.mark.parametrize("text", ["", "   \n\t\n", "Advertisement\nبث مباشر\n"])
def test_text_without_an_article_raises_input_error(text: str) -> None:
    with pytest.raises(InputError):
        clean(text)


def test_given_title_with_nothing_else_left_raises_input_error() -> None:
    with pytest.raises(InputError):
        clean(article(TITLE, "بث مباشر"), title=TITLE)


def test_dropped_lines_keep_their_input_positions() -> None:
    lines = ["اقتصاد", "", TITLE, "بث مباشر", LEAD]
    result = clean(article(*lines))
    assert all(lines[d.position] == d.text for d in result.dropped)


ARABIC_WORDS = st.sampled_from(
    [
        "الوزير",
        "افتتح",
        "المهرجان",
        "في",
        "2025",
        "...",
        "…",
        "«",
        "»",
        '"',
        ":",
        "،",
        ".",
        "GMT",
        "12:30",
        "-",
        "تابعوا",
        "يناير",
        "1200,",
        "03.09.2025",
        "\n",
        "\n\n",
    ]
)
ARTICLE_LIKE = st.lists(ARABIC_WORDS, max_size=80).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), ARTICLE_LIKE))
def test_clean_never_invents_text_and_fails_only_with_input_error(text: str) -> None:
    try:
        result = clean(text)
    except InputError as error:
        assert "\n" not in str(error)
        return
    lines = [line.strip() for line in text.splitlines()]
    assert result.paragraphs[0].kind == Kind.TITLE
    assert [p.index for p in result.paragraphs] == list(range(len(result.paragraphs)))
    for paragraph in result.paragraphs:
        assert paragraph.text and paragraph.text in lines
    kept = len(result.paragraphs)
    assert kept + len(result.dropped) == sum(1 for line in lines if line)


@settings(max_examples=100, deadline=None)
@given(ARTICLE_LIKE)
def test_given_title_always_heads_the_article(text: str) -> None:
    try:
        result = clean(text, title=" عنوان المحرر ")
    except InputError:
        return
    assert (result.paragraphs[0].kind, result.title) == (Kind.TITLE, "عنوان المحرر")
    assert all(p.text in text for p in result.paragraphs[1:])


def test_given_headings_replace_the_short_line_rule() -> None:
    text = (
        "افتتاح مستشفى جديد في مدينة الموصل الشمالية\n"
        "افتتح وزير الصحة المستشفى الجديد بحضور عدد من المسؤولين والأهالي.\n"
        "خدمات المستشفى\n"
        "ويضم المستشفى مئتي سرير وأربع غرف عمليات حديثة مجهزة بالكامل.\n"
    )
    guessed = [p.kind.value for p in clean(text).paragraphs]
    unmarked = [p.kind.value for p in clean(text, headings=set()).paragraphs]
    marked = [p.kind.value for p in clean(text, headings={"خدمات المستشفى"}).paragraphs]
    assert guessed == ["title", "body", "heading", "body"]  # short, unpunctuated: a guess
    assert unmarked == ["title", "body", "body", "body"]  # the page marks up no heading
    assert marked == guessed


# --- pages with a site's furniture around the story (invented sites) -----------------


def test_an_issue_header_dates_the_story_when_nothing_else_does() -> None:
    page = "\n".join(["العدد : 4567 - الخميس 10 أبريل 2025", STORY_HEAD, STORY_LEAD, STORY_NEXT])
    assert clean(page).published == date(2025, 4, 10)


def test_hijri_beside_gregorian_and_hijri_alone() -> None:
    both = "الأربعاء 29 رمضان 1447هـ الموافق 18 آذار 2026م"
    alone = "الأحد 14 شوال 1445 هـ"
    assert clean("\n".join([STORY_HEAD, both, STORY_LEAD])).published == date(2026, 3, 18)
    assert clean("\n".join([STORY_HEAD, alone, STORY_LEAD])).published == date(2024, 4, 23)


def test_a_page_title_hint_picks_the_headline_over_an_earlier_line() -> None:
    other = "مهرجان التمور يعود بعد غياب عامين إلى الساحة"
    page = "\n".join([other, STORY_HEAD, STORY_NEXT])
    assert clean(page, hints=[STORY_HEAD + " | موقع الواحة"]).title == STORY_HEAD


def test_an_unclear_headline_is_flagged() -> None:
    page = "\n".join(["نشرة الصباح في دقائق معدودة", "حفل موسيقي كبير في الساحة", STORY_NEXT])
    assert not clean(page).title_certain


def test_the_headline_above_its_deck_is_the_title() -> None:
    deck = "المحافظ: السوق يضم مئة محل ويوفر فرص عمل لمئات الشباب من أبناء الواحة والقرى المجاورة"
    result = clean("\n".join([STORY_HEAD, deck, STORY_LEAD, STORY_NEXT]))
    assert result.title == STORY_HEAD
    assert [p.text for p in result.paragraphs[1:]] == [deck, STORY_LEAD, STORY_NEXT]


def test_today_with_a_date_in_the_lead_gives_the_publication_date() -> None:
    lead = (
        "أعلن محافظ الواحة، اليوم السبت (4 تشرين الثاني 2023)، افتتاح سوق جديد للحرفيين في المدينة."
    )
    assert clean("\n".join([STORY_HEAD, lead, STORY_NEXT])).published == date(2023, 11, 4)


def test_a_date_later_in_the_lead_without_today_is_not_the_publication_date() -> None:
    lead = "أعلن محافظ الواحة أن السوق الجديد سيفتتح في 4 تشرين الثاني 2023 بحضور عدد من المسؤولين."
    assert clean("\n".join([STORY_HEAD, lead, STORY_NEXT])).published is None


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        ("الواحة في 14/10/2025 (وكا) - ", date(2025, 10, 14)),
        ("الواحة - 14 أكتوبر 2025 (و ن ا) - ", date(2025, 10, 14)),
        ("الواحة، 3 آذار 2026 - ", date(2026, 3, 3)),
    ],
)
def test_a_dateline_opening_the_lead_gives_the_publication_date(opening: str, published) -> None:
    lead = opening + "أعلن محافظ الواحة افتتاح سوق جديد للحرفيين في المدينة بعد غد."
    result = clean("\n".join([STORY_HEAD, lead, STORY_NEXT]))
    assert result.published == published
    assert result.paragraphs[1].text == lead  # the story line stays


def test_a_date_after_the_dateline_dash_is_not_the_publication_date() -> None:
    lead = "الواحة - أعلن المحافظ أن السوق سيفتتح في 4 تشرين الثاني 2023 - بحضور المسؤولين."
    assert clean("\n".join([STORY_HEAD, lead, STORY_NEXT])).published is None
    ranged = "الواحة - خطة 2024-2026 للسوق الجديد أعلنها المحافظ اليوم أمام المجلس البلدي."
    assert clean("\n".join([STORY_HEAD, ranged, STORY_NEXT])).published is None


def test_a_site_header_date_far_above_the_headline_is_not_the_publication_date() -> None:
    page = "\n".join(
        [
            "رئيس التحرير: هدى المصري",
            "الأربعاء 15 يناير 2025 م - 15 رجب 1446 هـ",
            "محافظات",
            "أخبار المدن",
            STORY_HEAD,
            STORY_LEAD,
            STORY_NEXT,
        ]
    )
    assert clean(page).published is None


def test_a_labelled_date_line_anywhere_is_the_publication_date() -> None:
    page = "\n".join(
        ["تاريخ النشر: 2025/01/20", "محليات", "أخبار المدن", STORY_HEAD, STORY_LEAD, STORY_NEXT]
    )
    assert clean(page).published == date(2025, 1, 20)
