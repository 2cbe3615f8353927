"""Cleaning's line rules (clean_lines): lines that are boilerplate on their own
(datelines, byline cues, share rows, navigation, footer credits), each with its reason.

Each rule gets a short invented article.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsreader.pipeline.clean import clean
from newsreader.pipeline.types import DropReason
from tests.clean_helpers import (
    LEAD,
    SECOND,
    STORY_HEAD,
    STORY_LEAD,
    STORY_NEXT,
    TITLE,
    article,
    reasons,
    texts,
)


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


@pytest.mark.parametrize("line", ["بقلم: سالم الحربي", "كتب: نور الهدى", "سالم الحربي - 10:30"])
def test_byline_cues_are_dropped(line: str) -> None:
    assert reasons(article(TITLE, line, LEAD, SECOND)) == {line: "byline"}


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


def test_a_lead_opening_with_a_dateline_is_kept() -> None:
    lead = "الواحة اليوم - " + STORY_LEAD
    assert texts("\n".join([STORY_HEAD, lead, STORY_NEXT])) == [STORY_HEAD, lead, STORY_NEXT]


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
