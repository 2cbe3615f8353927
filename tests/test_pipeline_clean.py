"""Cleaning keeps the story's title, body, headings and quotes, and drops page furniture.

Each rule gets a short invented article; the last tests check, on arbitrary
text, that cleaning never invents text and only ever fails with InputError.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.pipeline.clean import clean, is_heading, is_quote
from newsreader.pipeline.types import DropReason, InputError, Kind

TITLE = "وزير الزراعة يفتتح مهرجان التمور السنوي في المدينة"
LEAD = "افتتح وزير الزراعة صباح اليوم مهرجان التمور السنوي بمشاركة أكثر من مئتي مزارع."
SECOND = "وقال الوزير في كلمته إن الإنتاج المحلي ارتفع بنسبة كبيرة خلال الموسم الحالي."
THIRD = "ومن المقرر أن يستمر المهرجان عشرة أيام تتخللها ندوات عن التسويق والتصدير وورش للحرفيين."


def article(*lines: str) -> str:
    return "\n".join(lines)


def texts(text: str, **kwargs) -> list[str]:
    return [p.text for p in clean(text, **kwargs).paragraphs]


def reasons(text: str) -> dict[str, str]:
    return {d.text: d.reason for d in clean(text).dropped}


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


def test_repeated_title_and_lead_are_duplicates() -> None:
    """Near duplicates too: diacritics, hamza forms and punctuation do not count."""
    near_title = TITLE.replace("وزير", "وزيرُ") + "."
    result = clean(article(TITLE, near_title, LEAD, SECOND, LEAD))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert [(d.position, d.reason) for d in result.dropped] == [(1, "duplicate"), (4, "duplicate")]


def test_teaser_cut_with_dots_is_dropped_when_a_paragraph_carries_it() -> None:
    teaser = LEAD[:40] + "..."
    teaser2 = SECOND[:50] + "…"
    got = reasons(article(TITLE, teaser, LEAD, teaser2, SECOND))
    assert got == {teaser: "teaser", teaser2: "teaser"}


def test_dots_inside_a_title_or_an_uncarried_line_are_kept() -> None:
    title = "في الرياض... انطلاق مهرجان التمور بمشاركة واسعة"
    orphan = "وتحدث الوزير عن خطط جديدة لدعم المزارعين..."
    assert texts(article(title, LEAD, orphan)) == [title, LEAD, orphan]


def test_glued_line_is_dropped_when_its_sentences_stand_apart() -> None:
    """Paragraphs fused without line breaks, even with two words fused («المهرجانومن»)."""
    heading = "برنامج المهرجان"
    glued = LEAD + SECOND + heading + THIRD
    result = clean(article(TITLE, glued, LEAD, SECOND, "", heading, "", THIRD))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND, heading, THIRD]
    assert [(d.position, d.reason) for d in result.dropped] == [(1, "glued")]


def test_glued_line_with_new_text_is_kept() -> None:
    """Nothing is lost: a long line carrying a sentence found nowhere else stays."""
    extra = "وأعلنت اللجنة المنظمة عن جوائز مالية لأفضل ثلاثة منتجين في ختام المهرجان."
    glued = LEAD + SECOND + extra
    assert texts(article(TITLE, glued, LEAD, SECOND)) == [TITLE, glued, LEAD, SECOND]


def test_related_article_block_is_dropped() -> None:
    caption = "الوزير يتفقد أحد المزارع - وكالة الأخبار, 1200, 03.09.2025"
    headline = "وزير الزراعة: خطة وطنية لزيادة إنتاج القمح"
    stamp = "3 سبتمبر 2025, 10:15 GMT"
    got = reasons(article(TITLE, LEAD, caption, headline, stamp, SECOND))
    assert got == {
        caption: "related-article",
        headline: "related-article",
        stamp: "related-article",
    }


def test_related_headline_over_a_clock_stamp_is_dropped_without_caption() -> None:
    """Mid-story, a headline-like line over «date, hh:mm GMT» is a related link."""
    headline = "خبراء: موسم التمور يواجه تحديات مناخية"
    stamp = "2 أكتوبر 2025, 18:20 GMT"
    text = article(TITLE, LEAD, headline, stamp, SECOND)
    assert texts(text) == [TITLE, LEAD, SECOND]
    assert reasons(text) == {headline: "related-article", stamp: "related-article"}


def test_title_dateline_is_not_a_related_block() -> None:
    """Before the story starts, the dateline under the title stays a dateline."""
    stamp = "2 أكتوبر 2025, 18:20 GMT"
    result = clean(article(TITLE, stamp, LEAD, SECOND))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert result.published == date(2025, 10, 2)


def test_tags_under_a_navigation_line_after_the_story_are_dropped() -> None:
    text = article(TITLE, LEAD, SECOND, "وسوم", "الزراعة", "التمور", "تابعونا على تلغرام")
    assert texts(text) == [TITLE, LEAD, SECOND]
    assert set(reasons(text).values()) == {"navigation", "share"}


@pytest.mark.parametrize("stamp", ["أمس, 08:05 GMT", "12 مارس, 17:40 GMT"])
def test_related_timestamps_without_year(stamp: str) -> None:
    caption = "صورة للمعرض - موقع الخبر, 640, 11.03.2026"
    headline = "افتتاح معرض الكتاب بمشاركة عربية"
    text = article(TITLE, LEAD, caption, headline, stamp, SECOND)
    assert texts(text) == [TITLE, LEAD, SECOND]
    assert clean(text).published is None  # a related article's date is not ours


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("date 2025-10-06", date(2025, 10, 6)),
        ("06-10-2025 | 08:31", date(2025, 10, 6)),
        ("آخر تحديث: 24/05/2024 - 23:29", date(2024, 5, 24)),
        ("الإثنين 29 أبريل 2024", date(2024, 4, 29)),
        ("في يوم 19 يناير، 2026 | بتوقيت 10:12 م", date(2026, 1, 19)),
        ("الجمعة 10 تشرين الأول 2025 - 10:00 ص", date(2025, 10, 10)),
        ("نشر في 3 جوان 2024", date(2024, 6, 3)),
        ("منذ 3 ساعات", None),
    ],
)
def test_datelines_are_dropped_and_give_the_publication_date(line: str, published) -> None:
    result = clean(article(TITLE, line, LEAD, SECOND))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert result.dropped[0].text == line
    assert result.dropped[0].reason in ("timestamp", "advertisement", "other")
    assert result.published == published


def test_no_dateline_means_no_publication_date() -> None:
    """A date inside the story is an event date, not the publication date."""
    body = "وكان المهرجان قد أقيم للمرة الأولى في 12 مارس 2010 بمشاركة محدودة."
    assert clean(article(TITLE, LEAD, body)).published is None


def test_byline_beside_title_or_dateline_is_dropped() -> None:
    text = article(TITLE, "في يوم 4 مايو، 2025 | بتوقيت 09:00 ص", "سالم الحربي", LEAD, SECOND)
    assert texts(text) == [TITLE, LEAD, SECOND]
    assert reasons(text)["سالم الحربي"] == "byline"


@pytest.mark.parametrize("line", ["بقلم: سالم الحربي", "كتب: نور الهدى", "سالم الحربي - 10:30"])
def test_byline_cues_are_dropped(line: str) -> None:
    assert reasons(article(TITLE, line, LEAD, SECOND)) == {line: "byline"}


def test_section_label_before_the_title_is_dropped() -> None:
    text = article("اقتصاد", "", TITLE, LEAD)
    assert texts(text) == [TITLE, LEAD]
    assert reasons(text) == {"اقتصاد": "navigation"}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "advertisement"),
        ("Exit mobile version", "other"),
        ("Gulf News 24", "other"),
        ("تابعوا آخر الأخبار على قناتنا في تلغرام", "share"),
        ("مشاركة :", "share"),
        ("شارك هذا المقال", "share"),
        ("بث مباشر", "navigation"),
        ("اقرأ أيضا: ارتفاع أسعار الأعلاف في الأسواق المحلية", "navigation"),
        ("المزيد", "navigation"),
        ("الرئيسية / أخبار / اقتصاد", "navigation"),
        ("المصدر: وكالات", "source"),
        ("إعلان", "advertisement"),
        ("أضف تعليقك", "comment"),
        ("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع.", "cookie"),
        ("صورة: الوزير خلال جولته في المهرجان", "caption"),
    ],
)
def test_page_furniture_is_dropped_with_its_reason(line: str, reason: str) -> None:
    text = article(TITLE, LEAD, line, SECOND)
    assert texts(text) == [TITLE, LEAD, SECOND]
    assert reasons(text) == {line: reason}


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

STORY_HEAD = "افتتاح سوق جديد للحرفيين في مدينة الواحة"
STORY_LEAD = (
    "افتتح محافظ الواحة اليوم سوقا جديدا للحرفيين يضم أكثر من مئة محل، "
    "وذلك بحضور عدد من المسؤولين والأهالي."
)
STORY_NEXT = "وقال المحافظ إن السوق سيوفر فرص عمل لمئات الشباب في المدينة والقرى المجاورة."


def test_menu_masthead_dateline_and_related_box_around_the_story() -> None:
    page = "\n".join(
        [
            "الرئيسية | أخبار | اقتصاد | رياضة | فن",
            "رئيس مجلس الإدارة ورئيس التحرير: سامي الوردي",
            "الإشراف العام",
            "نادية الحكيم",
            STORY_HEAD,
            "الواحة - وكالة النخيل -",
            STORY_LEAD,
            STORY_NEXT,
            "مقالات ذات صلة",
            "ارتفاع أسعار الخضار في أسواق الواحة",
            "مهرجان التمور يعود بعد غياب عامين",
            "زر الذهاب إلى الأعلى",
        ]
    )
    result = clean(page)
    assert [p.text for p in result.paragraphs] == [STORY_HEAD, STORY_LEAD, STORY_NEXT]
    assert result.title_certain
    assert reasons(page) == {
        "الرئيسية | أخبار | اقتصاد | رياضة | فن": "navigation",
        "رئيس مجلس الإدارة ورئيس التحرير: سامي الوردي": "masthead",
        "الإشراف العام": "masthead",
        "نادية الحكيم": "masthead",
        "الواحة - وكالة النخيل -": "dateline",
        "مقالات ذات صلة": "navigation",
        "ارتفاع أسعار الخضار في أسواق الواحة": "related-article",
        "مهرجان التمور يعود بعد غياب عامين": "related-article",
        "زر الذهاب إلى الأعلى": "interface",
    }


def test_ticker_and_issue_header_above_the_story_and_the_story_date_wins() -> None:
    page = "\n".join(
        [
            "الدولار 48.50 اليورو 52.10 الذهب عيار 21 3650",
            "العدد : ٤٥٦٧ - الخميس ١٠ أبريل ٢٠٢٥ م، الموافق ١٢ شوال ١٤٤٦هـ",
            "منوعات",
            STORY_HEAD,
            "الثلاثاء ٨ أبريل ٢٠٢٥ - ١٠:٣٠",
            STORY_LEAD,
            STORY_NEXT,
        ]
    )
    result = clean(page)
    assert result.title == STORY_HEAD
    assert result.published == date(2025, 4, 8)
    got = reasons(page)
    assert got["الدولار 48.50 اليورو 52.10 الذهب عيار 21 3650"] == "ticker"
    assert got["العدد : ٤٥٦٧ - الخميس ١٠ أبريل ٢٠٢٥ م، الموافق ١٢ شوال ١٤٤٦هـ"] == "issue-header"


def test_an_issue_header_dates_the_story_when_nothing_else_does() -> None:
    page = "\n".join(["العدد : 4567 - الخميس 10 أبريل 2025", STORY_HEAD, STORY_LEAD, STORY_NEXT])
    assert clean(page).published == date(2025, 4, 10)


def test_hijri_beside_gregorian_and_hijri_alone() -> None:
    both = "الأربعاء 29 رمضان 1447هـ الموافق 18 آذار 2026م"
    alone = "الأحد 14 شوال 1445 هـ"
    assert clean("\n".join([STORY_HEAD, both, STORY_LEAD])).published == date(2026, 3, 18)
    assert clean("\n".join([STORY_HEAD, alone, STORY_LEAD])).published == date(2024, 4, 23)


def test_related_bullets_above_a_repeated_headline_and_widgets_below() -> None:
    bullets = [
        "• فريق النخيل يفوز بكأس الدوري للمرة الثالثة",
        "• وزير النقل يتفقد أعمال الطريق الساحلي الجديد",
    ]
    widgets = [
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع",
        "موافق",
        "أضف تعليقاً",
        "البريد الإلكتروني",
        "كلمات دلالية: الواحة، الحرفيين، الأسواق",
    ]
    page = "\n".join([*bullets, "عاجل", STORY_HEAD, STORY_HEAD, STORY_LEAD, STORY_NEXT, *widgets])
    result = clean(page)
    assert [p.text for p in result.paragraphs] == [STORY_HEAD, STORY_LEAD, STORY_NEXT]
    got = reasons(page)
    assert got["موافق"] == "cookie"
    assert got["أضف تعليقاً"] == "comment"
    assert got["كلمات دلالية: الواحة، الحرفيين، الأسواق"] == "navigation"


def test_a_lead_opening_with_a_dateline_is_kept() -> None:
    lead = "الواحة اليوم - " + STORY_LEAD
    assert texts("\n".join([STORY_HEAD, lead, STORY_NEXT])) == [STORY_HEAD, lead, STORY_NEXT]


def test_a_page_title_hint_picks_the_headline_over_an_earlier_line() -> None:
    other = "مهرجان التمور يعود بعد غياب عامين إلى الساحة"
    page = "\n".join([other, STORY_HEAD, STORY_NEXT])
    assert clean(page, hints=[STORY_HEAD + " | موقع الواحة"]).title == STORY_HEAD


def test_an_unclear_headline_is_flagged() -> None:
    page = "\n".join(["نشرة الصباح في دقائق معدودة", "حفل موسيقي كبير في الساحة", STORY_NEXT])
    assert not clean(page).title_certain


def test_every_reason_is_a_drop_reason() -> None:
    page = "\n".join(["الرئيسية | أخبار | اقتصاد", STORY_HEAD, STORY_LEAD, "+A -A", STORY_LEAD])
    assert all(isinstance(d.reason, DropReason) for d in clean(page).dropped)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("جميع الحقوق محفوظة لموقع الواحة 2025", "footer"),
        ("© 2025 صحيفة الواحة", "footer"),
        ("اتصل بنا", "footer"),
        ("الكاتب: سمير الوردي", "byline"),
        ("تصوير: خالد الفارس", "byline"),
        ("فيسبوك تويتر واتساب", "share"),
        ("آخر تحديث: منذ ساعتين", "timestamp"),
        ("عدد المشاهدات: 1250", "interface"),
    ],
)
def test_footer_credit_share_row_and_relative_time(line: str, reason: str) -> None:
    page = "\n".join([STORY_HEAD, STORY_LEAD, line, STORY_NEXT])
    assert reasons(page) == {line: reason}


@pytest.mark.parametrize("dateline", ["الواحة - وكالة النخيل", "الواحة (أ ن ب)", "وادي النور-ونا"])
def test_a_dateline_under_the_headline_is_dropped(dateline: str) -> None:
    page = "\n".join([STORY_HEAD, dateline, STORY_LEAD, STORY_NEXT])
    assert reasons(page) == {dateline: "dateline"}


def test_a_short_dash_line_inside_the_story_is_left_alone() -> None:
    heading = "المرحلة الأولى - التجهيز"
    page = "\n".join([STORY_HEAD, STORY_LEAD, STORY_NEXT, heading, STORY_NEXT + " وتابع"])
    assert heading in texts(page)


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


def test_tags_under_a_keyword_header_and_a_comment_notice_are_dropped() -> None:
    notice = "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"
    page = "\n".join(
        [STORY_HEAD, STORY_LEAD, STORY_NEXT, "الكلمات المفتاحية", "سوق الواحة", "الحرفيين", notice]
    )
    assert texts(page) == [STORY_HEAD, STORY_LEAD, STORY_NEXT]
    assert reasons(page)[notice] == "comment"


def test_a_related_run_stops_at_prose_without_a_full_stop() -> None:
    prose = (
        "وأضاف المحافظ أن العمل في السوق سيبدأ من الأسبوع المقبل بعد أن تنتهي البلدية من "
        "توزيع المحلات على الحرفيين"
    )
    page = "\n".join(
        [STORY_HEAD, STORY_LEAD, "اقرأ أيضا", "مهرجان التمور يعود بعد غياب عامين", prose]
    )
    got = reasons(page)
    assert got["مهرجان التمور يعود بعد غياب عامين"] == "related-article"
    assert prose in texts(page)
