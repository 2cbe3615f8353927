"""Agenda items (agenda_items): list lines under a lead-in or heading, the meeting's
name, duplicates, and single names that are not topics.

Every sentence here is made up (a ministers' council, a parliament session, a
summit) so the tests pin the method, cue families and enumeration forms, not
the wording of any scored article. Each test states the behaviour it guards.
"""

from __future__ import annotations

import pytest

from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Agenda, Kind
from tests.agenda_helpers import keys, named, run, texts


def test_meeting_from_title() -> None:
    """The meeting is the title's meeting noun phrase; the title's topics count too."""
    agenda = run(title="قمة الرياض تبحث أزمة المياه ومكافحة التصحر")
    assert agenda.meeting == "قمة الرياض"
    assert texts(agenda) == keys("أزمة المياه", "مكافحة التصحر")


def test_meeting_empty_without_agenda() -> None:
    """No agenda: no meeting either."""
    agenda = run("افتتح الوزير معرضاً للكتاب في العاصمة.")
    assert agenda == Agenda()


def test_duplicates_kept_once_in_article_order() -> None:
    """The same topic in two paragraphs is one item, at its first paragraph."""
    agenda = run(
        "سيناقش مجلس النواب مشروع قانون الضرائب.",
        "كما سيبحث مجلس النواب مشروع قانون الضرائب ومراقبة الأسعار.",
    )
    assert texts(agenda) == keys("مشروع قانون الضرائب", "مراقبة الأسعار")
    assert [i.paragraph for i in agenda.items] == [1, 2]


def test_opec_meeting_with_named_place() -> None:
    """The meeting's place (a tagged name after «في») is part of the setting, not a topic."""
    agenda = named(
        "ويبحث وزراء أوبك وحلفاؤهم خلال اجتماعهم في فيينا مستويات الإنتاج لشهر مارس "
        "وتمديد التخفيضات الطوعية.",
        "أوبك",
        "فيينا",
    )
    assert texts(agenda) == keys("مستويات الإنتاج لشهر مارس", "تمديد التخفيضات الطوعية")


def test_numbered_lines_under_agenda_heading() -> None:
    """«جدول الأعمال:» heading, then numbered lines: each line is an item; the list ends
    at the first ordinary paragraph."""
    agenda = run(
        "جدول الأعمال:",
        "1- إقرار محضر الجلسة السابقة",
        "2- مشروع تعديل نظام المرور",
        "(3) تعيين مراقب الحسابات",
        "وتبدأ الجلسة في العاشرة صباحاً بحضور المحافظ وأعضاء المجلس.",
        kinds={1: Kind.HEADING},
    )
    assert texts(agenda) == keys(
        "إقرار محضر الجلسة السابقة", "مشروع تعديل نظام المرور", "تعيين مراقب الحسابات"
    )
    assert [i.paragraph for i in agenda.items] == [2, 3, 4]


def test_bulleted_lines_after_a_lead_in_with_colon() -> None:
    """A body lead-in ending in «:» that names the agenda opens a bulleted list."""
    agenda = run(
        "ويتضمن جدول أعمال الدورة العادية البنود التالية:",
        "- تجديد عقد النظافة",
        "- أولاً: إنشاء حديقة عامة في حي الزهور",
    )
    assert texts(agenda) == keys("تجديد عقد النظافة", "أولاً: إنشاء حديقة عامة في حي الزهور")


def test_list_lines_need_an_agenda_lead_in() -> None:
    """Bulleted lines after an ordinary paragraph are not agenda items."""
    assert run("وقال شهود إن الحريق اندلع فجراً:", "- احتراق ثلاث سيارات").items == []


def test_single_name_after_a_verb_is_not_a_topic() -> None:
    """«سيبحث الوزير مع نوربا»: a lone name after a preposition is a partner, not a topic."""
    assert named("وسيبحث الوزير غداً مع نوربا.", "نوربا").items == []


def test_long_list_lines_after_a_lead_in() -> None:
    """After «… عدة بنود، وهي:», long lines that open with a topic are items; the list
    ends at a line that opens with a verb."""
    agenda = run(
        "ويتضمن جدول أعمال الدورة العادية عدة بنود، وهي:",
        "بند حول تطورات قضية المياه المشتركة بين بلدان الحوض، وتفعيل لجان حل النزاعات",
        "تقرير الأمين العام عن العمل المشترك بين الدول الأعضاء خلال الفترة الماضية.",
        "وأكد الأمين العام في تصريح للصحفيين أن الاجتماع سيكون حاسماً لمستقبل التعاون.",
    )
    assert [i.paragraph for i in agenda.items] == [2, 2, 3]
    assert texts(agenda)[2] == fold_key(
        "تقرير الأمين العام عن العمل المشترك بين الدول الأعضاء خلال الفترة الماضية"
    )


def test_numbered_heading_lines_in_a_list_are_items() -> None:
    """Short numbered lines are headings by the cleaning conventions; after an agenda
    lead-in they are still items."""
    agenda = run(
        "ويتضمن جدول أعمال الجلسة البنود التالية:",
        "1- تعديل نظام الأسواق",
        "2- تعيين مراقب الحسابات",
        kinds={2: Kind.HEADING, 3: Kind.HEADING},
    )
    assert texts(agenda) == keys("تعديل نظام الأسواق", "تعيين مراقب الحسابات")


# --- issue 12, round 2: a corpus of regional phrasing ---------------------------
# Invented meetings; each line is how Gulf, Levant, Egyptian or Maghreb outlets
# announce what a meeting, summit, session or visit will take up.


LIST_ARTICLES = [
    (
        [
            "ويتضمن جدول أعمال الدورة ما يلي:",
            "- انتخاب رئيس المجلس ونوابه.",
            "- المصادقة على محضر الجلسة السابقة.",
            "- دراسة مشروع الميزانية.",
        ],
        ["انتخاب رئيس المجلس ونوابه", "المصادقة على محضر الجلسة السابقة", "مشروع الميزانية"],
    ),
    (
        [
            "جدول الأعمال",
            "1. تقرير الأمين العام عن نشاط المنظمة.",
            "2. الوضع المالي للمنظمة.",
            "3. ما يستجد من أعمال.",
        ],
        ["تقرير الأمين العام عن نشاط المنظمة", "الوضع المالي للمنظمة", "ما يستجد من أعمال"],
    ),
    (
        [
            "ويتضمن جدول أعمال الجلسة:",
            "مشروع قانون الجمعيات الأهلية",
            "اتفاقية قرض مع صندوق التنمية",
        ],
        ["مشروع قانون الجمعيات الأهلية", "اتفاقية قرض مع صندوق التنمية"],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), LIST_ARTICLES)
def test_agenda_lists_on_following_lines(lines: list[str], expected: list[str]) -> None:
    """A lead-in or heading, then one line per topic; «ما يلي» only points to them."""
    kinds = {i + 1: Kind.HEADING for i, line in enumerate(lines) if len(line.split()) <= 3}
    assert texts(run(*lines, kinds=kinds)) == keys(*expected)
