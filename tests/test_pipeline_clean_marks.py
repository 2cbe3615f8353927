"""Cleaning's marks over the page's structure (clean_marks): duplicates, teasers, glued
lines, related blocks, tag runs, bylines and labels beside the title, furniture
around the story.

Each rule gets a short invented article.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsreader.pipeline.clean import clean
from tests.clean_helpers import (
    LEAD,
    SECOND,
    STORY_HEAD,
    STORY_LEAD,
    STORY_NEXT,
    THIRD,
    TITLE,
    article,
    reasons,
    texts,
)


def test_repeated_title_and_lead_are_duplicates() -> None:
    """Near duplicates too: diacritics, hamza forms and punctuation do not count."""
    near_title = TITLE.replace("وزير", "وزيرُ") + "."
    result = clean(article(TITLE, near_title, LEAD, SECOND, LEAD))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert [(d.position, d.reason) for d in result.dropped] == [(1, "duplicate"), (4, "duplicate")]


def test_a_copy_of_the_lead_with_a_date_stamp_is_the_duplicate_wherever_it_stands() -> None:
    """A teaser card's text («…المزارعين. 12.03.2026, وكالة الأنباء») before the lead."""
    stamped = f"{LEAD} 12.03.2026, وكالة الأنباء"
    result = clean(article(TITLE, stamped, LEAD, SECOND))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert [(d.text, d.reason) for d in result.dropped] == [(stamped, "duplicate")]
    # more than a stamp after it, or no year in it: not a copy
    longer = f"{LEAD} وأضاف أن المهرجان يستمر حتى نهاية الشهر الجاري 2026"
    no_year = f"{LEAD} وكالة الأنباء"
    for line in (longer, no_year):
        assert reasons(article(TITLE, line, LEAD, SECOND)).get(line) != "duplicate"


def test_a_short_open_line_under_a_photo_credit_is_its_caption() -> None:
    caption = "الوزير يتفقد أجنحة المعرض"
    credit = "© وكالة الأنباء / أحمد سالم"
    result = clean(article(TITLE, LEAD, credit, caption, SECOND))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert reasons(article(TITLE, LEAD, credit, caption, SECOND))[caption] == "caption"
    # a sentence under the credit is story text; so is a short line with no credit above
    assert texts(article(TITLE, LEAD, credit, SECOND)) == [TITLE, LEAD, SECOND]
    assert texts(article(TITLE, LEAD, caption, SECOND)) == [TITLE, LEAD, caption, SECOND]


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


def test_byline_beside_title_or_dateline_is_dropped() -> None:
    text = article(TITLE, "في يوم 4 مايو، 2025 | بتوقيت 09:00 ص", "سالم الحربي", LEAD, SECOND)
    assert texts(text) == [TITLE, LEAD, SECOND]
    assert reasons(text)["سالم الحربي"] == "byline"


def test_section_label_before_the_title_is_dropped() -> None:
    text = article("اقتصاد", "", TITLE, LEAD)
    assert texts(text) == [TITLE, LEAD]
    assert reasons(text) == {"اقتصاد": "navigation"}


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


def test_the_sites_name_over_the_pages_furniture_after_the_story_is_dropped() -> None:
    site = 'مركز الدراسات "الشرق – الغرب" للأبحاث'
    source = "المصدر: وكالة الأنباء"
    result = clean(article(TITLE, LEAD, SECOND, site, source))
    assert [p.text for p in result.paragraphs] == [TITLE, LEAD, SECOND]
    assert {d.text: d.reason for d in result.dropped} == {site: "navigation", source: "source"}
    # a cut last sentence ends the page; so does the name with nothing under it
    cut = "وسيسبق المهرجان بيوم واحد عقد لقاء تحضيري"
    assert texts(article(TITLE, LEAD, SECOND, cut)) == [TITLE, LEAD, SECOND, cut]
    assert texts(article(TITLE, LEAD, SECOND, site)) == [TITLE, LEAD, SECOND, site]
