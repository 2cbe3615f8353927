"""Agenda item edges (agenda_heads): trimming an item, and headers that only count or
name the topics (stated counts, duals, «عدة», adjectives of the header).

Every sentence here is made up (a ministers' council, a parliament session, a
summit) so the tests pin the method, cue families and enumeration forms, not
the wording of any scored article. Each test states the behaviour it guards.
"""

from __future__ import annotations

import pytest

from tests.agenda_helpers import keys, run, texts


def test_stated_count_and_abrazuha_with_semicolon() -> None:
    """«جدول أعمال من اثني عشر بنداً، أبرزها …؛ …»: count 12, header not an item."""
    agenda = run(
        "ويناقش المجلس جدول أعمال من اثني عشر بنداً، أبرزها تعيين مدير للبنك المركزي؛ "
        "ومراجعة عقود الاتصالات."
    )
    assert agenda.count == 12
    assert texts(agenda) == keys("تعيين مدير للبنك المركزي", "مراجعة عقود الاتصالات")


def test_particle_and_indefinite_subject_trimmed() -> None:
    """«وسيناقش وزراء الخارجية أيضًا»: the construct subject and «أيضًا» are cut."""
    agenda = run("وسيناقش وزراء الخارجية أيضًا آليات التنسيق المشترك بين الدول الأعضاء.")
    assert texts(agenda) == keys("آليات التنسيق المشترك بين الدول الأعضاء")


def test_count_alone_gives_no_item() -> None:
    """«سبع قضايا» is a count, not a topic."""
    agenda = run("سيتم النظر في سبع قضايا، بحسب ما أفاد به مكتب المجلس.")
    assert agenda.items == []
    assert agenda.count == 7


def test_colon_after_counted_noun_gives_the_listed_topics() -> None:
    """«ثلاث قضايا: …»: the count heads the list; «، و» + an indefinite construct head
    («وقانون الإيجارات», «وتعيينات الإدارة») opens a new topic."""
    agenda = run(
        "وسيبحث المجلس ثلاث قضايا: خطة الكهرباء، وقانون الإيجارات، وتعيينات الإدارة العامة."
    )
    assert agenda.count == 3
    assert texts(agenda) == keys("خطة الكهرباء", "قانون الإيجارات", "تعيينات الإدارة العامة")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ستناقش اللجنة بندين هما تعديل نظام الضرائب وإقرار موازنة البلدية.",
            ["تعديل نظام الضرائب", "إقرار موازنة البلدية"],
        ),
        (
            "يبحث الوزراء ملفين: أمن الحدود وتمويل مشاريع الطاقة.",
            ["أمن الحدود", "تمويل مشاريع الطاقة"],
        ),
        ("ستبحث الحكومة قضيتين: غلاء الأسعار ونقص الأدوية.", ["غلاء الأسعار", "نقص الأدوية"]),
    ],
)
def test_dual_count_heads_the_list(sentence: str, expected: list[str]) -> None:
    """«بندين هما», «ملفين:», «قضيتين:»: a dual is a count of 2, not an item; «و» + an
    indefinite construct head («وتمويل مشاريع», «ونقص الأدوية») splits."""
    agenda = run(sentence)
    assert agenda.count == 2
    assert texts(agenda) == keys(*expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "سيناقش البرلمان عدة قضايا أبرزها قانون الانتخابات وتنظيم الإعلام.",
        "ستتناول القمة عدداً من الملفات من بينها قانون الانتخابات وتنظيم الإعلام.",
    ],
)
def test_idda_and_adad_min_head_the_list(sentence: str) -> None:
    """«عدة قضايا», «عدداً من الملفات»: a quantity without a number, no item, no count."""
    agenda = run(sentence)
    assert agenda.count is None
    assert texts(agenda) == keys("قانون الانتخابات", "تنظيم الإعلام")


def test_counts_in_outlet_styles() -> None:
    """A stated count beside the list: a number word, digits, a dual."""
    assert run("يبحث المجلس البلدي غداً ثلاثة ملفات: النقل الحضري، وتهيئة الطرقات.").count == 3
    assert run("وعلى جدول أعمال الجلسة 25 بنداً، أبرزها تعيين مدير المرفأ.").count == 25
    agenda = run(
        "يستعرض مجلس المحافظين خلال اجتماعه الشهري ملفين: تطوير المناطق العشوائية "
        "ومنظومة جمع القمامة."
    )
    assert agenda.count == 2
    assert texts(agenda) == keys("تطوير المناطق العشوائية", "منظومة جمع القمامة")


def test_special_session_khassa_is_an_adjective() -> None:
    """«جلسة خاصة بالمياه»: «خاصة» after an indefinite noun describes it, no split."""
    agenda = run("ويعقد المجلس غداً جلسة خاصة لبحث تقاسم المياه الجوفية.")
    assert texts(agenda) == keys("تقاسم المياه الجوفية")


def test_count_of_files_is_not_an_item() -> None:
    """«لبحث 4 ملفات مهمة، أبرزها …»: the count is 4, the files are the items."""
    agenda = run(
        "ويعقد المجلس اجتماعاً غداً لبحث 4 ملفات مهمة، أبرزها إصلاح قطاع المياه وتنظيم سوق العمل."
    )
    assert agenda.count == 4
    assert texts(agenda) == keys("إصلاح قطاع المياه", "تنظيم سوق العمل")
