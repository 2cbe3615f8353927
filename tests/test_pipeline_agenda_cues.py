"""Agenda cue finders (agenda_cues): the cue families that open an agenda, and the
past or junk sentences that must not.

Every sentence here is made up (a ministers' council, a parliament session, a
summit) so the tests pin the method, cue families and enumeration forms, not
the wording of any scored article. Each test states the behaviour it guards.
"""

from __future__ import annotations

import pytest

from newsreader.pipeline.types import Kind
from tests.agenda_helpers import keys, run, texts


def test_future_verb_cuts_verb_and_subject_and_splits_comma_list() -> None:
    """«سيناقش» + subject: only the objects are items, split at «،» and a closing «و»."""
    agenda = run(
        "وسيناقش مجلس الوزراء في جلسته المقبلة مشروع الموازنة العامة، "
        "وخطة إصلاح قطاع الكهرباء والتعيينات الإدارية."
    )
    assert texts(agenda) == keys(
        "مشروع الموازنة العامة", "خطة إصلاح قطاع الكهرباء", "التعيينات الإدارية"
    )
    assert agenda.items[0].paragraph == 1


def test_passive_future_and_verbal_noun_after_wa() -> None:
    """«سيتم خلال الجلسة النظر في»: the meeting phrase is skipped; «و» + masdar splits."""
    agenda = run("سيتم خلال الجلسة النظر في تعديل قانون الانتخابات وإقرار اتفاقية القرض.")
    assert texts(agenda) == keys("تعديل قانون الانتخابات", "إقرار اتفاقية القرض")


def test_present_verb_for_an_ongoing_session() -> None:
    """«يبحث البرلمان في جلسته اليوم»: present tense reports a session under way."""
    agenda = run("يبحث البرلمان في جلسته اليوم مشروع قانون الإيجارات السكنية.")
    assert texts(agenda) == keys("مشروع قانون الإيجارات السكنية")


def test_on_the_agenda_with_faddlan_an() -> None:
    """«وعلى جدول أعمال القمة»: definite «و» splits, «فضلاً عن» joins a further topic."""
    agenda = run("وعلى جدول أعمال القمة ملف الأمن الغذائي والتغير المناخي فضلاً عن أزمة اللاجئين.")
    assert texts(agenda) == keys("ملف الأمن الغذائي", "التغير المناخي", "أزمة اللاجئين")


def test_heading_makes_min_baynaha_an_agenda_opener() -> None:
    """After a heading «جدول أعمال الجلسة», «ومن بينها» opens agenda items."""
    body = "ومن بينها إنشاء صندوق للطوارئ الصحية."
    with_heading = run("جدول أعمال الجلسة", body, kinds={1: Kind.HEADING})
    assert texts(with_heading) == keys("إنشاء صندوق للطوارئ الصحية")
    assert with_heading.items[0].paragraph == 2
    assert run(body).items == []


def test_purpose_after_meeting() -> None:
    """«اجتماعاً طارئاً … لبحث»: a meeting held to discuss a topic."""
    agenda = run("يعقد وزراء الزراعة اجتماعاً طارئاً غداً لبحث أزمة الجراد الصحراوي.")
    assert texts(agenda) == keys("أزمة الجراد الصحراوي")


def test_ala_tawila_takes_items_before_the_cue() -> None:
    """«ملف الديون على طاولة قمة العشرين»: the topic stands before the cue."""
    agenda = run("ملف الديون الخارجية على طاولة قمة العشرين")
    assert texts(agenda) == keys("ملف الديون الخارجية")


def test_looking_for_is_not_discussing() -> None:
    """«سيبحث اللاعب عن ناد» is a search, and «سيعرض الفيلم» has no meeting."""
    assert run("سيبحث اللاعب عن ناد جديد في الصيف المقبل.", "وسيعرض الفيلم في الصالات.").items == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Gulf summit: «يتصدر» with the topic before the agenda noun ...
        (
            "يتصدر ملف الأمن البحري جدول أعمال القمة الخليجية التي تنطلق غداً في الدوحة.",
            ["ملف الأمن البحري"],
        ),
        # ... and after it
        (
            "ويتصدر جدول أعمال الاجتماع الوزاري الخليجي تطوير السوق المشتركة وربط شبكات الكهرباء.",
            ["تطوير السوق المشتركة", "ربط شبكات الكهرباء"],
        ),
        # «تتضمن أجندة» + «ملفات عدة أبرزها» with «، و» + construct head
        (
            "وتتضمن أجندة القمة ملفات عدة أبرزها الاتحاد الجمركي، والربط السككي، وأمن الطاقة.",
            ["الاتحاد الجمركي", "الربط السككي", "أمن الطاقة"],
        ),
        # central bank: «ستتطرق … في اجتماعها المقبل إلى»
        (
            "ستتطرق لجنة السياسة النقدية في اجتماعها المقبل إلى أسعار الفائدة ومعدلات التضخم.",
            ["أسعار الفائدة", "معدلات التضخم"],
        ),
        # «وعلى رأس أولويات الاجتماع»
        (
            "يجتمع مجلس إدارة البنك المركزي الخميس المقبل، وعلى رأس أولويات الاجتماع "
            "مراجعة سعر الصرف.",
            ["مراجعة سعر الصرف"],
        ),
        # topic before «على رأس جدول أعمال», after a placing verb
        ("ويأتي ملف البطالة على رأس جدول أعمال المؤتمر.", ["ملف البطالة"]),
        # Maghreb government council: «يتطرق … إلى», an indefinite topic with a clause
        (
            "ويتطرق المجلس الحكومي خلال اجتماعه الأسبوعي إلى مشروع قانون المالية التعديلي "
            "ومرسوم يتعلق بتنظيم الصيد البحري.",
            ["مشروع قانون المالية التعديلي", "مرسوم يتعلق بتنظيم الصيد البحري"],
        ),
        # «سيتم التطرق خلال الدورة إلى»
        (
            "وسيتم التطرق خلال الدورة إلى إصلاح منظومة التقاعد وتشغيل الشباب.",
            ["إصلاح منظومة التقاعد", "تشغيل الشباب"],
        ),
        # municipal council with a counted colon list
        (
            "يناقش المجلس الشعبي الولائي خلال جلسته غداً ثلاثة ملفات: التزويد بالمياه "
            "الشروب، والنقل الحضري، وتهيئة الطرقات.",
            ["التزويد بالمياه الشروب", "النقل الحضري", "تهيئة الطرقات"],
        ),
        # Levant cabinet: «وعلى جدول أعمالها 25 بنداً، أبرزها»
        (
            "يعقد مجلس الوزراء جلسته الأسبوعية غداً في السراي الحكومي وعلى جدول أعمالها "
            "25 بنداً، أبرزها مشروع موازنة 2026، وتعيين أعضاء الهيئة الناظمة للكهرباء.",
            ["مشروع موازنة 2026", "تعيين أعضاء الهيئة الناظمة للكهرباء"],
        ),
        # a past verb for a session reported while under way
        (
            "ناقش مجلس النواب في جلسته المنعقدة اليوم مشروع قانون استقلالية القضاء.",
            ["مشروع قانون استقلالية القضاء"],
        ),
        # «تشمل المحادثات بين الوفدين»
        (
            "تشمل المحادثات بين الوفدين ترسيم الحدود البحرية وعودة النازحين.",
            ["ترسيم الحدود البحرية", "عودة النازحين"],
        ),
        # Egypt: «عدداً من طلبات المناقشة، من بينها»
        (
            "يناقش مجلس الشيوخ خلال جلسته العامة الأحد المقبل عدداً من طلبات المناقشة، "
            "من بينها سياسة الحكومة بشأن دعم الصناعة المحلية.",
            ["سياسة الحكومة بشأن دعم الصناعة المحلية"],
        ),
    ],
)
def test_outlet_styles(sentence: str, expected: list[str]) -> None:
    """Agenda sentences in the styles of other outlets: each cue family and list form."""
    assert texts(run(sentence)) == keys(*expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # focus verb with the talks as subject; an enumeration with and without «و»
        (
            "وبدأ الوفد محادثات تمهيدية، وتركز المحادثات على سبل وقف القتال في الوادي، "
            "إدخال الوقود إلى المدينة، وإعادة فتح المدارس.",
            ["سبل وقف القتال في الوادي", "إدخال الوقود إلى المدينة", "إعادة فتح المدارس"],
        ),
        # aim of a meeting named just before
        (
            'وأضاف أن اجتماع الواحة يأتي "بهدف المزيد من التشاور والتنسيق حيال أمن الممرات".',
            ["التشاور والتنسيق حيال أمن الممرات"],
        ),
        # a meeting about its topic
        (
            "وتستضيف المدينة غداً اجتماعاً تشاورياً بشأن تأمين طرق القوافل.",
            ["تأمين طرق القوافل"],
        ),
        # «من أبرز القضايا هي» and «خاصة» single out sub-topics
        (
            "وسيناقش المندوبون مشروع البيان الختامي، ومن أبرز القضايا هي قضية اللاجئين "
            "خاصة أوضاع المخيمات الحدودية.",
            ["مشروع البيان الختامي", "قضية اللاجئين", "أوضاع المخيمات الحدودية"],
        ),
        # «من أهم الملفات التي تناقشها القمة» + the list
        (
            "ومن أهم الملفات التي تناقشها القمة ملف الديون وإصلاح النظام المالي.",
            ["ملف الديون", "إصلاح النظام المالي"],
        ),
        # «لا سيما» after a comma
        (
            "ويبحث الاجتماع أوضاع الأسواق، لا سيما أسعار الحبوب.",
            ["أوضاع الأسواق", "أسعار الحبوب"],
        ),
        # a lead verb with the topic first and «على» before the agenda
        ("وتطغى أزمة الجفاف على جدول أعمال الاجتماع.", ["أزمة الجفاف"]),
        ("ويتوقع أن تهيمن أزمة الديون على أعمال القمة.", ["أزمة الديون"]),
        # purpose after a meeting verb, «إلى بحث» after a meeting noun
        (
            "ومن المقرر أن يلتقي الوزير نظيره لبحث التعاون الزراعي وتطورات أزمة الجفاف.",
            ["التعاون الزراعي", "تطورات أزمة الجفاف"],
        ),
        ("وتهدف المحادثات إلى بحث تقاسم مياه النهر.", ["تقاسم مياه النهر"]),
        # «تشهد القمة مناقشة»
        (
            "وتشهد القمة مناقشة قضايا التصحر والطاقة النظيفة.",
            ["قضايا التصحر", "الطاقة النظيفة"],
        ),
        # inline numbered items after a counted header
        (
            "ويناقش المجلس البلدي ثلاثة ملفات: 1- قانون الأسواق 2- قانون الحدائق "
            "3- تعديلات ضريبية.",
            ["قانون الأسواق", "قانون الحدائق", "تعديلات ضريبية"],
        ),
        # «منها:» closes the header
        (
            "سيناقش الاجتماع عدة قضايا منها: تهريب الوقود، ومكافحة الحرائق.",
            ["تهريب الوقود", "مكافحة الحرائق"],
        ),
        # a generic head with coordinated genitives: one topic per genitive
        (
            "ويتوقع أن يناقش القادة ملفات الطاقة والمناخ والتجارة.",
            ["ملفات الطاقة", "المناخ", "التجارة"],
        ),
        # a comma-bounded relative clause after the subject is not a topic
        (
            "ويناقش المؤتمر، الذي يستمر ثلاثة أيام، قضايا الأمن الغذائي والتغير المناخي.",
            ["قضايا الأمن الغذائي", "التغير المناخي"],
        ),
        # a duration and a header with «تتضمن»
        (
            "ويناقش المشاركون على مدى ثلاثة أيام محاور عدة تتضمن الاقتصاد الرقمي، "
            "والأمن السيبراني، والذكاء الاصطناعي.",
            ["الاقتصاد الرقمي", "الأمن السيبراني", "الذكاء الاصطناعي"],
        ),
        # a past clause, then a session under way after «، و»
        (
            "وقد انطلقت أعمال الدورة أمس بحضور الوزراء، وتناقش الدورة مشروع الميثاق الجديد.",
            ["مشروع الميثاق الجديد"],
        ),
        # «، و» + a plain noun adds a topic to a list
        (
            "كما سيتم بحث سبل دعم الحرفيين، وتعزيز الصادرات، وخلق فرص عمل للشباب.",
            ["سبل دعم الحرفيين", "تعزيز الصادرات", "خلق فرص عمل للشباب"],
        ),
        # «مناقشة …، إضافة إلى بحث …»: the discussing nouns are cut; a conjunct that
        # points back («وسبل تطويرها») stays with its topic
        (
            "كما تشمل المحادثات مناقشة ترسيم الحدود البرية، إضافة إلى بحث العلاقات "
            "التجارية مع الجار وسبل تطويرها.",
            ["ترسيم الحدود البرية", "العلاقات التجارية مع الجار وسبل تطويرها"],
        ),
        # «وما» + a verb opens a topic
        (
            "ويبحث المجلس غداً التطورات الأخيرة في الإقليم وما تتعرض له القرى من حصار.",
            ["التطورات الأخيرة في الإقليم", "ما تتعرض له القرى من حصار"],
        ),
        # coordinated adjectives stay in their topic
        (
            "ويتضمن جدول أعمال المجلس بنوداً تتعلق بالقضايا المالية والإدارية والقانونية.",
            ["القضايا المالية والإدارية والقانونية"],
        ),
        # «جدول الأعمال المتعلق بـ …» is a topic; the participants' plural is the subject
        (
            "وسيناقش المندوبون الدائمون، جدول الأعمال المتعلق بقضايا التعاون البحري.",
            ["جدول الأعمال المتعلق بقضايا التعاون البحري"],
        ),
    ],
)
def test_issue_12_cue_families(sentence: str, expected: list[str]) -> None:
    """Each cue family and list form of issue 12 on an invented sentence."""
    assert texts(run(sentence)) == keys(*expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "وتنطلق غداً أعمال الدورة.",
        "وكانت القمة السابقة قد أقرت خطة لمكافحة التصحر وإنشاء صندوق للكوارث.",
        "وعقد الوزراء أمس اجتماعاً بشأن تأمين الحدود.",
        "ويركز الكاتب في روايته على حياة الصيادين.",
    ],
)
def test_issue_12_junk_stays_out(sentence: str) -> None:
    """A session's name alone, past decisions, a past meeting's subject, and a focus
    verb with no meeting are not agenda."""
    assert run(sentence).items == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ومن أبرز الملفات المطروحة على القمة الأزمة اليمنية والتدخلات الخارجية.",
            ["الأزمة اليمنية", "التدخلات الخارجية"],
        ),
        (
            "ويشارك الوزير في الدورة السادسة للمنتدى، حيث سيتم بحث التعاون الاقتصادي.",
            ["التعاون الاقتصادي"],
        ),
        (
            "وستتخلل القمة لقاءات ثنائية لبحث التعاون في مجال الطاقة.",
            ["التعاون في مجال الطاقة"],
        ),
        (
            "وتعقد القمة تحت شعار «التضامن من أجل التنمية»، وتناقش ملف تغير المناخ.",
            ["ملف تغير المناخ"],
        ),
        (
            "وتُعقد الجلسة الافتتاحية بمشاركة وزراء الخارجية، تليها جلسات عمل تناقش الأمن الإقليمي.",
            ["الأمن الإقليمي"],
        ),
    ],
)
def test_foremost_tabled_and_side_meetings(sentence: str, expected: list[str]) -> None:
    """«من أبرز الملفات المطروحة على القمة X», «حيث سيتم بحث», side meetings «لبحث», a
    motto is no topic."""
    assert texts(run(sentence)) == keys(*expected)


def test_a_meeting_devoted_to_its_topics() -> None:
    """«يخصص ل…», «مخصصة لمناقشة …»: what a meeting is devoted to; a purpose word after
    «ل» is left out of the first item, another verbal noun stays in it."""
    agenda = run(
        "ويعقد مجلس الوزراء الأحد اجتماعه الدوري، يخصص لمتابعة الدخول المدرسي، وكذا تموين الأسواق."
    )
    assert texts(agenda) == keys("لمتابعة الدخول المدرسي", "تموين الأسواق")
    agenda = run("ويعقد البرلمان غدا جلسة مخصصة لمناقشة مشروع قانون الإيجارات.")
    assert texts(agenda) == keys("مشروع قانون الإيجارات")


def test_a_past_or_meetingless_devotion_opens_no_agenda() -> None:
    """«خُصص الاجتماع أمس لبحث …» reports a meeting held; «يخصص» with no meeting in
    the sentence is a budget or a plot of land, not an agenda."""
    assert run("وخصص الاجتماع أمس لبحث ملف المياه.").items == []
    assert run("ويخصص المبلغ لتمويل مشاريع الطاقة.").items == []


def _all_finders(sent: list, context: bool) -> list:
    """Cues found by trying every finder at every word (what `_find_cues` skips)."""
    from newsreader.pipeline.agenda_cues import _FINDERS, _Scan

    scan = _Scan.of(sent, context)
    i = 0
    while i < len(sent):
        i = next((r for find in _FINDERS if (r := find(scan, i)) is not None), i + 1)
    return scan.cues


def test_skipping_the_finders_a_word_cannot_start_finds_the_same_cues() -> None:
    """Each finder's start test (`_STARTS`) only passes over words where it finds
    nothing: checked on the examples in every finder's own docstring."""
    import re

    from newsreader.pipeline.agenda_cues import _FINDERS, _STARTS, _find_cues
    from newsreader.pipeline.agenda_words import _sentences, _tokens

    assert set(_STARTS) == set(_FINDERS)
    found = 0
    for finder in _FINDERS:
        for example in re.findall(r"«([^»]+)»", finder.__doc__ or ""):
            text = example.replace("…", "مشروع قانون الموازنة").replace("X", "ملف الطاقة")
            for sent in _sentences(_tokens(text, [])):
                for context in (False, True):
                    expected = _all_finders(sent, context)
                    assert _find_cues(sent, context) == expected, (finder.__name__, example)
                    found += len(expected)
    assert found > 20  # the examples do open agendas
