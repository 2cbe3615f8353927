"""Rule-based name finder: span conventions on invented sentences."""

from __future__ import annotations

from newsreader.pipeline.entities import find_names, find_names_in_article
from newsreader.pipeline.types import Label

P, L, ORG = Label.PERSON, Label.LOCATION, Label.ORGANIZATION


def names(text: str, **kw) -> list[tuple[str, Label]]:
    found = find_names(text, **kw)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.label) for m in found]


def test_title_and_nationality_stay_outside_person() -> None:
    assert names("استقبل الرئيس الفرنسي إيمانويل ماكرون وفدا برلمانيا.") == [("إيمانويل ماكرون", P)]


def test_role_with_organisation_phrase_before_the_name() -> None:
    found = names("وحضر وزير الزراعة سمير الحلبي الاجتماع.")
    assert ("سمير الحلبي", P) in found
    assert all(label is not P or "وزير" not in text for text, label in found)


def test_name_after_role_keeps_its_first_letter() -> None:
    assert names("وصل الرئيس الكيني وليام روتو إلى نيروبي.")[0] == ("وليام روتو", P)


def test_proclitics_stay_outside() -> None:
    assert names("التقى الوفد بمسؤولين في لندن وباريس ثم سافر لروسيا.") == [
        ("لندن", L),
        ("باريس", L),
        ("روسيا", L),
    ]


def test_lam_fused_with_article_keeps_whole_word() -> None:
    assert names("قدم الوزير تقريرا للمجلس الأعلى للثقافة.") == [("للمجلس الأعلى للثقافة", ORG)]


def test_longest_name_wins_without_inner_entity() -> None:
    assert names("عقد المجلس الوطني لاتحاد الصناعات اجتماعه السنوي.") == [
        ("المجلس الوطني لاتحاد الصناعات", ORG)
    ]


def test_organisation_chains() -> None:
    assert names("أعلنت وزارة الخارجية المصرية أمس أن اتحاد الكتاب العرب سيجتمع.") == [
        ("وزارة الخارجية المصرية", ORG),
        ("اتحاد الكتاب العرب", ORG),
    ]
    assert names("اجتمع مجلس النواب في العاصمة.") == [("مجلس النواب", ORG)]
    assert names("أكدت الرئاسة التركية أن اللقاء سيعقد.") == [("الرئاسة التركية", ORG)]
    assert names("وأعلن الكرملين أن المحادثات انتهت.") == [("الكرملين", ORG)]


def test_nationality_adjectives_are_not_entities() -> None:
    assert names("أشاد الوزير الأردني بالموقف السوري.") == []


def test_indefinite_description_and_generic_nouns_are_not_names() -> None:
    assert names("قررت الحكومة تشكيل لجنة للتحقيق في الحادث.") == []
    assert names("اجتمع المجلس أمس وناقش الاتحاد الخطة.") == []


def test_person_lists_and_first_names() -> None:
    assert names("حضر الاجتماع رئيسا الوزراء كير ستارمر وأولاف شولتس.") == [
        ("كير ستارمر", P),
        ("أولاف شولتس", P),
    ]
    assert names("وأوضح محمد رضوان أن العمل مستمر.") == [("محمد رضوان", P)]


def test_place_triggers_and_coordination() -> None:
    assert names("تمتد السكة بين مقاطعتي ألتاي وتومسك وصولا إلى مدينة كاراغندا.") == [
        ("ألتاي", L),
        ("تومسك", L),
        ("كاراغندا", L),
    ]
    assert names("وصل الوفد إلى قصر الإليزيه مساء.") == [("قصر الإليزيه", L)]


def test_ordinary_phrase_after_role_is_no_person() -> None:
    assert names("وقال المتحدث باسم الحكومة إن القرار نهائي.") == []


def test_extra_curated_names_first() -> None:
    text = "زرنا الرمال الذهبية أمس."
    assert names(text) == []
    assert names(text, extra=[("الرمال الذهبية", L)]) == [("الرمال الذهبية", L)]


def test_second_pass_tags_short_forms() -> None:
    found = find_names_in_article(
        [
            "وصل الرئيس الكيني وليام روتو إلى نيروبي.",
            "وقال روتو إن الزيارة ناجحة، ورحب الوفد وروتو بالنتائج.",
        ]
    )
    assert [(m.text, m.label) for m in found[1]] == [("روتو", P), ("روتو", P)]
    assert found[1][1].start == "وقال روتو إن الزيارة ناجحة، ورحب الوفد وروتو".index("وروتو") + 1
    assert find_names_in_article(["وقال روتو إن الزيارة ناجحة."]) == [[]]
