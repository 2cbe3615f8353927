"""Agenda enumeration (agenda_split): where one topic ends and the next starts after a
cue (separators, joiners, «و», genitive pairs, listed names and partners).

Every sentence here is made up (a ministers' council, a parliament session, a
summit) so the tests pin the method, cue families and enumeration forms, not
the wording of any scored article. Each test states the behaviour it guards.
"""

from __future__ import annotations

import pytest

from tests.agenda_helpers import keys, named, run, texts


def test_idafatan_ila_joins_topics() -> None:
    """«إضافة إلى» before a new topic splits the enumeration."""
    agenda = run("ستبحث اللجنة الوزارية تطوير شبكة النقل العام إضافة إلى دعم صغار المزارعين.")
    assert texts(agenda) == keys("تطوير شبكة النقل العام", "دعم صغار المزارعين")


def test_wa_kadha_joins_topics_and_stays_out_of_them() -> None:
    """«وكذا» («as well as», common in Maghreb news) joins a further topic; the joiner
    itself belongs to no item."""
    agenda = run("وسيبحث البرلمان مشروع قانون الإيجارات وكذا تعديل النظام الداخلي.")
    assert texts(agenda) == keys("مشروع قانون الإيجارات", "تعديل النظام الداخلي")
    agenda = run("وسيناقش المجلس مشروع الموازنة العامة، وكذا خطة إصلاح قطاع الكهرباء.")
    assert texts(agenda) == keys("مشروع الموازنة العامة", "خطة إصلاح قطاع الكهرباء")


def test_idafatan_ila_inside_one_topic_does_not_split() -> None:
    """«إضافة إلى» before a plain noun (not a topic start) stays inside the topic."""
    agenda = run("كما يجري بحث ربط مدن الشمال، إضافة إلى قرى الساحل، عبر خط حافلات سريع.")
    assert len(agenda.items) == 1
    assert "عبر خط حافلات" in agenda.items[0].text


def test_an_insertion_closed_before_a_clause_stays_a_topic_of_its_own() -> None:
    """«، إلى جانب عروض حول مشاريع، تخص …»: the clause describes the insertion's last
    noun; only a prepositional complement after the «،» is shared with the topic before."""
    agenda = run(
        "وسيتناول مجلس الوزراء خطة دعم المزارعين، إلى جانب عروض حول مشاريع جديدة، "
        "تخص قطاع الطاقة المتجددة."
    )
    assert texts(agenda) == keys(
        "خطة دعم المزارعين", "عروض حول مشاريع جديدة، تخص قطاع الطاقة المتجددة"
    )


def test_a_dual_head_keeps_its_two_genitives_in_one_listed_topic() -> None:
    """«قطاعي الزراعة والصيد» (the sectors of farming and of fishing) after a «،» of a list:
    the dual names both, so «و» opens no topic there."""
    agenda = run("سيبحث المجلس مشروع الموازنة، وتقارير حول قطاعي الزراعة المحلية والصيد.")
    assert texts(agenda) == keys("مشروع الموازنة", "تقارير حول قطاعي الزراعة المحلية والصيد")


def test_genitive_pair_is_one_topic() -> None:
    """«في مجال التعليم والتدريب»: «و» joins two genitives of one construct."""
    agenda = run("سيبحث المؤتمر تبادل الخبرات في مجال التعليم والتدريب المهني.")
    assert texts(agenda) == keys("تبادل الخبرات في مجال التعليم والتدريب المهني")


def test_semicolon_after_generic_noun_and_sanawina() -> None:
    """«سينظر البرلمان في مسائل؛ …»: the generic noun heads the list; a year stays."""
    agenda = run(
        "كما سينظر البرلمان في مسائل؛ تعديل الدستور وانتخاب رئيس اللجنة المالية للأعوام 2025-2026."
    )
    assert texts(agenda) == keys("تعديل الدستور", "انتخاب رئيس اللجنة المالية للأعوام 2025-2026")


def test_wa_inside_a_prepositional_topic_does_not_split() -> None:
    """«بين وزارة الخارجية ووزارة الدفاع»: a construct after «و» inside a «بين» phrase
    is a second genitive, and «وزارة» is not «و» + «زارة»."""
    agenda = run("سيبحث الاجتماع تعزيز التنسيق بين وزارة الخارجية ووزارة الدفاع.")
    assert texts(agenda) == keys("تعزيز التنسيق بين وزارة الخارجية ووزارة الدفاع")


def test_joiner_and_name_list_split_one_item_per_name() -> None:
    """«… وفي مقدمتها A وB وC»: a header before the joiner is an item, and each tagged
    name of the list is one."""
    agenda = named(
        "ويتضمن جدول أعمال الاجتماع بنوداً تتعلق بالملفات الأمنية والاقتصادية وفي "
        "مقدمتها زمرستان وقرطلة ونوربا والعلاقات مع التكتلات الإقليمية.",
        "زمرستان",
        "قرطلة",
        "نوربا",
    )
    assert texts(agenda) == keys(
        "الملفات الأمنية والاقتصادية",
        "زمرستان",
        "قرطلة",
        "نوربا",
        "العلاقات مع التكتلات الإقليمية",
    )


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        # the partner after «مع» is not a topic
        (
            "وسيبحث الرئيس مع نظيره القرطلي العلاقات الثنائية والتعاون في مجال الموانئ.",
            [],
            ["العلاقات الثنائية", "التعاون في مجال الموانئ"],
        ),
        ("وسيبحث سامر مع نادر ملف الحدود المشتركة.", ["سامر", "نادر"], ["ملف الحدود المشتركة"]),
        # «يتباحث» and «يتشاور» announce topics like «يبحث»
        ("ويتباحث الزعيمان حول تقاسم مياه النهر.", [], ["تقاسم مياه النهر"]),
        (
            "ويتشاور المجتمعون بشأن الترتيبات الأمنية في الإقليم.",
            [],
            ["الترتيبات الأمنية في الإقليم"],
        ),
        # «تبادل وجهات النظر حول X»: X is the topic
        ("وسيتم تبادل وجهات النظر حول أسعار الأسمدة.", [], ["أسعار الأسمدة"]),
        # «خلال لقائهما»: the hamza of «لقاء» sits on ي before a suffix
        (
            "وقال المتحدث إن سامر ونادر سيبحثان خلال لقائهما في زمرستان أزمة الحبوب.",
            ["سامر", "نادر", "زمرستان"],
            ["أزمة الحبوب"],
        ),
        # a construct dual («ملفي A وB») names two topics
        (
            "ومن المنتظر أن يلتقي سامر ونادر لمناقشة ملفي زمرستان وقرطلة.",
            ["سامر", "نادر", "زمرستان", "قرطلة"],
            ["زمرستان", "قرطلة"],
        ),
        # topics before «على جدول أعمال» and before «تتصدر»
        ("الأمن المائي على جدول أعمال القمة الإقليمية", [], ["الأمن المائي"]),
        ("أزمة الديون تتصدر جدول أعمال القمة", [], ["أزمة الديون"]),
    ],
)
def test_partners_and_topics_before_the_cue(
    sentence: str, names: list[str], expected: list[str]
) -> None:
    """Talks between leaders: the partner is cut, the topics are kept."""
    assert texts(named(sentence, *names)) == keys(*expected)


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        (
            "وسيبحث الوزراء تعزيز التعاون الأمني مع مالي والنيجر وتشاد.",
            ("مالي", "النيجر", "تشاد"),
            ["تعزيز التعاون الأمني مع مالي", "النيجر", "تشاد"],
        ),
        (
            "وستناقش اللجنة الأوضاع الإنسانية في حلب وإدلب والرقة.",
            ("حلب", "إدلب", "الرقة"),
            ["الأوضاع الإنسانية في حلب وإدلب والرقة"],
        ),
        (
            "وسيبحث الوزير العلاقات مع تونس والجزائر.",
            ("تونس", "الجزائر"),
            ["العلاقات مع تونس والجزائر"],
        ),
    ],
)
def test_listed_names_after_a_preposition(
    sentence: str, names: tuple[str, ...], expected: list[str]
) -> None:
    """Three or more names after «مع»/«بشأن» are one topic each; after a locative
    «في» they place one topic; two names stay together."""
    assert texts(named(sentence, *names)) == keys(*expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after a joiner, an indefinite construct is a topic of its own
        (
            "وسيناقش المجلس الوضع المالي للبلديات، فضلاً عن مستقبل قطاع النقل.",
            ["الوضع المالي للبلديات", "مستقبل قطاع النقل"],
        ),
        # a partner preposition repeated after «،» names a new partner
        (
            "وسيبحث الوزير العلاقات مع اليابان، ومع كوريا الجنوبية.",
            ["العلاقات مع اليابان", "كوريا الجنوبية"],
        ),
        # a relative clause after «،» continues its topic; the next noun opens one
        (
            "وسيناقش المجلس خطة الإسكان، التي أعدتها الوزارة، وقانون الإيجار.",
            ["خطة الإسكان، التي أعدتها الوزارة", "قانون الإيجار"],
        ),
        # nouns in «س» are not future verbs: «وسلامة», «وسياحة»
        (
            "وتبحث القمة أمن الملاحة، وسلامة الطرق، وأسعار الشحن.",
            ["أمن الملاحة", "سلامة الطرق", "أسعار الشحن"],
        ),
        ("وسيناقش المجلس سياسات الهجرة وسياحة المؤتمرات.", ["سياسات الهجرة", "سياحة المؤتمرات"]),
    ],
)
def test_separator_opens_a_topic_unless_something_continues(
    sentence: str, expected: list[str]
) -> None:
    """After «،» or a joiner a topic starts unless an adjective, clause, preposition or
    time continues the one before."""
    assert texts(run(sentence)) == keys(*expected)
