"""Agenda phrases (agenda_phrases): the meeting's subject, partner and setting cut off
after a cue, and the past-tense tests that keep reports of past meetings out.

Every sentence here is made up (a ministers' council, a parliament session, a
summit) so the tests pin the method, cue families and enumeration forms, not
the wording of any scored article. Each test states the behaviour it guards.
"""

from __future__ import annotations

import pytest

from newsreader.pipeline.agenda import find_agenda
from newsreader.pipeline.types import Kind, Label, Paragraph, Span
from tests.agenda_helpers import TITLE, keys, named, run, texts


def test_min_al_muqarrar_and_subject_names_from_spans() -> None:
    """«من المقرر أن يقر» + names given as spans: verb and names are cut."""
    text = "ومن المقرر أن يقر سامر ونادر قانون الموازنة العامة للعام 2026."
    start = text.index("سامر")
    other = text.index("نادر")
    spans = [
        Span(1, start, start + 4, "سامر", Label.PERSON),
        Span(1, other, other + 4, "نادر", Label.PERSON),
    ]
    paragraphs = [Paragraph(0, Kind.TITLE, TITLE), Paragraph(1, Kind.BODY, text)]
    agenda = find_agenda(paragraphs, spans)
    assert texts(agenda) == keys("قانون الموازنة العامة للعام 2026")


def test_tatanawal_with_meeting_subject() -> None:
    """«تتناول الجلسة الثانية للمؤتمر»: the subject with its adjective and «ل» phrase."""
    agenda = run("تتناول الجلسة الثانية للمؤتمر قضايا التحول الرقمي وحماية البيانات الشخصية.")
    assert texts(agenda) == keys("قضايا التحول الرقمي", "حماية البيانات الشخصية")


@pytest.mark.parametrize(
    "sentence",
    [
        "وكان مجلس الوزراء قد بحث في جلسته السابقة مشروع الموازنة العامة.",
        "وتم في ختام الاجتماع توقيع خمس اتفاقيات، من بينها اتفاقية للتعاون الجمركي.",
        "كما بحث مجلس الوزراء مسائل تطوير الموانئ وإعداد خطة النقل.",
        "وناقش الوزراء أمس جدول الأعمال ومسائل أخرى تتعلق بالتحضير للقمة.",
    ],
)
def test_past_decisions_are_not_agenda(sentence: str) -> None:
    """A past meeting's discussions and decisions are reported, not announced."""
    assert run(sentence).items == []


def test_time_words_after_the_session_are_skipped() -> None:
    """«في جلسته العامة اليوم الثلاثاء» stands between verb and topics; a past
    word inside a topic («العام السابق») does not make the sentence past."""
    agenda = run(
        "يناقش مجلس النواب في جلسته العامة اليوم الثلاثاء مشروع قانون الموازنة الجديدة "
        "والحساب الختامي لموازنة العام السابق."
    )
    assert texts(agenda) == keys(
        "مشروع قانون الموازنة الجديدة", "الحساب الختامي لموازنة العام السابق"
    )
    assert agenda.meeting == "جلسته العامة"


@pytest.mark.parametrize(
    "sentence",
    [
        "وكان مجلس الوزراء قد وافق الأسبوع الماضي على خطة الكهرباء وقانون الإيجارات.",
        "وأكد المتحدث باسم الحكومة في بيان أن الأسعار مستقرة وأن مخزون القمح يكفي ستة أشهر.",
        "وناقش المجلس البلدي في اجتماعه أمس تعديل رسوم النظافة وترميم السوق القديم.",
        "وقد بحث الوزيران خلال لقائهما الأسبوع الماضي تعزيز التعاون الاقتصادي.",
        "وتصدر ملف الديون جدول أعمال القمة الماضية.",
        "وشملت المحادثات التي جرت أمس ترسيم الحدود البحرية.",
        "ناقش البرلمان حتى اليوم ثلاثة مشاريع قوانين.",
    ],
)
def test_past_meetings_and_statements_are_not_agenda(sentence: str) -> None:
    """Past meetings (also with «اليوم» meaning "to date") and statements with no meeting."""
    assert run(sentence).items == []


def test_meeting_about_a_name_and_its_time_cut() -> None:
    """«جلسة بشأن زمرستان الأسبوع المقبل»: the name alone is the topic, the when is cut."""
    agenda = named("ويعقد المجلس جلسة بشأن زمرستان الأسبوع المقبل.", "زمرستان")
    assert texts(agenda) == keys("زمرستان")


def test_numbered_meeting_phrase() -> None:
    """«الدورة رقم (41)» is the meeting, not a topic."""
    agenda = run("ويتضمن جدول أعمال الدورة رقم (41) للمجلس بنوداً حول الإسكان الريفي.")
    assert texts(agenda) == keys("الإسكان الريفي")
    assert agenda.meeting.startswith("الدورة رقم (41)")
