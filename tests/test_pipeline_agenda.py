"""Agenda extraction from invented Arabic meeting reports.

Every sentence here is made up (a ministers' council, a parliament session, a
summit) so the tests pin the method, cue families and enumeration forms, not
the wording of any scored article. Each test states the behaviour it guards.
"""

from __future__ import annotations

import pytest

from newsreader.pipeline.agenda import find_agenda
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Agenda, Kind, Label, Paragraph, Span

TITLE = "أخبار محلية"


def run(*bodies: str, title: str = TITLE, kinds: dict[int, Kind] | None = None) -> Agenda:
    """Build an article (title first) and read its agenda."""
    kinds = kinds or {}
    texts = [title, *bodies]
    paragraphs = [
        Paragraph(i, Kind.TITLE if i == 0 else kinds.get(i, Kind.BODY), t)
        for i, t in enumerate(texts)
    ]
    return find_agenda(paragraphs)


def texts(agenda: Agenda) -> list[str]:
    return [fold_key(item.text) for item in agenda.items]


def keys(*items: str) -> list[str]:
    return [fold_key(i) for i in items]


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


def test_stated_count_and_abrazuha_with_semicolon() -> None:
    """«جدول أعمال من اثني عشر بنداً، أبرزها …؛ …»: count 12, header not an item."""
    agenda = run(
        "ويناقش المجلس جدول أعمال من اثني عشر بنداً، أبرزها تعيين مدير للبنك المركزي؛ "
        "ومراجعة عقود الاتصالات."
    )
    assert agenda.count == 12
    assert texts(agenda) == keys("تعيين مدير للبنك المركزي", "مراجعة عقود الاتصالات")


def test_idafatan_ila_joins_topics() -> None:
    """«إضافة إلى» before a new topic splits the enumeration."""
    agenda = run("ستبحث اللجنة الوزارية تطوير شبكة النقل العام إضافة إلى دعم صغار المزارعين.")
    assert texts(agenda) == keys("تطوير شبكة النقل العام", "دعم صغار المزارعين")


def test_idafatan_ila_inside_one_topic_does_not_split() -> None:
    """«إضافة إلى» before a plain noun (not a topic start) stays inside the topic."""
    agenda = run("كما يجري بحث ربط مدن الشمال، إضافة إلى قرى الساحل، عبر خط حافلات سريع.")
    assert len(agenda.items) == 1
    assert "عبر خط حافلات" in agenda.items[0].text


def test_particle_and_indefinite_subject_trimmed() -> None:
    """«وسيناقش وزراء الخارجية أيضًا»: the construct subject and «أيضًا» are cut."""
    agenda = run("وسيناقش وزراء الخارجية أيضًا آليات التنسيق المشترك بين الدول الأعضاء.")
    assert texts(agenda) == keys("آليات التنسيق المشترك بين الدول الأعضاء")


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


def test_count_alone_gives_no_item() -> None:
    """«سبع قضايا» is a count, not a topic."""
    agenda = run("سيتم النظر في سبع قضايا، بحسب ما أفاد به مكتب المجلس.")
    assert agenda.items == []
    assert agenda.count == 7


def test_heading_makes_min_baynaha_an_agenda_opener() -> None:
    """After a heading «جدول أعمال الجلسة», «ومن بينها» opens agenda items."""
    body = "ومن بينها إنشاء صندوق للطوارئ الصحية."
    with_heading = run("جدول أعمال الجلسة", body, kinds={1: Kind.HEADING})
    assert texts(with_heading) == keys("إنشاء صندوق للطوارئ الصحية")
    assert with_heading.items[0].paragraph == 2
    assert run(body).items == []


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


def test_purpose_after_meeting() -> None:
    """«اجتماعاً طارئاً … لبحث»: a meeting held to discuss a topic."""
    agenda = run("يعقد وزراء الزراعة اجتماعاً طارئاً غداً لبحث أزمة الجراد الصحراوي.")
    assert texts(agenda) == keys("أزمة الجراد الصحراوي")


def test_ala_tawila_takes_items_before_the_cue() -> None:
    """«ملف الديون على طاولة قمة العشرين»: the topic stands before the cue."""
    agenda = run("ملف الديون الخارجية على طاولة قمة العشرين")
    assert texts(agenda) == keys("ملف الديون الخارجية")


def test_tatanawal_with_meeting_subject() -> None:
    """«تتناول الجلسة الثانية للمؤتمر»: the subject with its adjective and «ل» phrase."""
    agenda = run("تتناول الجلسة الثانية للمؤتمر قضايا التحول الرقمي وحماية البيانات الشخصية.")
    assert texts(agenda) == keys("قضايا التحول الرقمي", "حماية البيانات الشخصية")


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


def test_looking_for_is_not_discussing() -> None:
    """«سيبحث اللاعب عن ناد» is a search, and «سيعرض الفيلم» has no meeting."""
    assert run("سيبحث اللاعب عن ناد جديد في الصيف المقبل.", "وسيعرض الفيلم في الصالات.").items == []


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


def test_wa_inside_a_prepositional_topic_does_not_split() -> None:
    """«بين وزارة الخارجية ووزارة الدفاع»: a construct after «و» inside a «بين» phrase
    is a second genitive, and «وزارة» is not «و» + «زارة»."""
    agenda = run("سيبحث الاجتماع تعزيز التنسيق بين وزارة الخارجية ووزارة الدفاع.")
    assert texts(agenda) == keys("تعزيز التنسيق بين وزارة الخارجية ووزارة الدفاع")


def named(text: str, *names: str) -> Agenda:
    """One body paragraph whose given names are tagged (as the NER stage would)."""
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(Span(1, start, start + len(name), name, Label.LOCATION))
    paragraphs = [Paragraph(0, Kind.TITLE, TITLE), Paragraph(1, Kind.BODY, text)]
    return find_agenda(paragraphs, spans)


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


def test_lexicon_is_written_in_folded_spelling() -> None:
    """The agenda stage compares folded tokens, so an unfolded word («مؤتمر») would
    never match; every lexicon word must be its own folded form."""
    from newsreader.pipeline import lexicon_agenda as lex
    from newsreader.pipeline.normalize import fold

    for name in dir(lex):
        value = getattr(lex, name)
        if name.startswith("_") or not isinstance(value, frozenset | tuple | dict):
            continue
        for entry in value:
            for word in entry if isinstance(entry, tuple) else (entry,):
                assert fold(word) == word, (name, word)


# --- cue families and list forms added for issue 12 (all sentences invented) ------


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


def test_meeting_about_a_name_and_its_time_cut() -> None:
    """«جلسة بشأن زمرستان الأسبوع المقبل»: the name alone is the topic, the when is cut."""
    agenda = named("ويعقد المجلس جلسة بشأن زمرستان الأسبوع المقبل.", "زمرستان")
    assert texts(agenda) == keys("زمرستان")


def test_single_name_after_a_verb_is_not_a_topic() -> None:
    """«سيبحث الوزير مع نوربا»: a lone name after a preposition is a partner, not a topic."""
    assert named("وسيبحث الوزير غداً مع نوربا.", "نوربا").items == []


def test_special_session_khassa_is_an_adjective() -> None:
    """«جلسة خاصة بالمياه»: «خاصة» after an indefinite noun describes it, no split."""
    agenda = run("ويعقد المجلس غداً جلسة خاصة لبحث تقاسم المياه الجوفية.")
    assert texts(agenda) == keys("تقاسم المياه الجوفية")


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


def test_numbered_meeting_phrase() -> None:
    """«الدورة رقم (41)» is the meeting, not a topic."""
    agenda = run("ويتضمن جدول أعمال الدورة رقم (41) للمجلس بنوداً حول الإسكان الريفي.")
    assert texts(agenda) == keys("الإسكان الريفي")
    assert agenda.meeting.startswith("الدورة رقم (41)")


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


def test_count_of_files_is_not_an_item() -> None:
    """«لبحث 4 ملفات مهمة، أبرزها …»: the count is 4, the files are the items."""
    agenda = run(
        "ويعقد المجلس اجتماعاً غداً لبحث 4 ملفات مهمة، أبرزها إصلاح قطاع المياه وتنظيم سوق العمل."
    )
    assert agenda.count == 4
    assert texts(agenda) == keys("إصلاح قطاع المياه", "تنظيم سوق العمل")


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

REGIONAL = [
    (
        "سيتم خلال الاجتماع بحث تطورات الأزمة في منطقة الساحل ومكافحة الإرهاب.",
        ["تطورات الأزمة في منطقة الساحل", "مكافحة الإرهاب"],
    ),
    (
        "وسيتم مناقشة خطة تطوير الموانئ وتوسيع شبكة السكك الحديدية.",
        ["خطة تطوير الموانئ", "توسيع شبكة السكك الحديدية"],
    ),
    (
        "ومن المنتظر أن يتم استعراض التقرير السنوي لهيئة الرقابة المالية.",
        ["التقرير السنوي لهيئة الرقابة المالية"],
    ),
    (
        "كما سيتم التطرق إلى ملف الهجرة غير النظامية والتعاون الأمني بين البلدين.",
        ["ملف الهجرة غير النظامية", "التعاون الأمني بين البلدين"],
    ),
    (
        "ومن المتوقع أن يناقش الوزراء سبل تعزيز التبادل التجاري وإزالة العوائق الجمركية.",
        ["سبل تعزيز التبادل التجاري", "إزالة العوائق الجمركية"],
    ),
    ("ويُنتظر أن تبحث القمة الأوضاع الإنسانية في السودان.", ["الأوضاع الإنسانية في السودان"]),
    (
        "ومن المرتقب أن يتناول اللقاء مستقبل الشراكة الاقتصادية بين الجانبين.",
        ["مستقبل الشراكة الاقتصادية بين الجانبين"],
    ),
    ("وتتصدر أزمة المياه أجندة الاجتماع الوزاري المقبل.", ["أزمة المياه"]),
    ("وسيكون ملف إعادة الإعمار على طاولة البحث خلال الزيارة.", ["ملف إعادة الإعمار"]),
    (
        "ويطرح على طاولة النقاش في المؤتمر ملف تمويل المشاريع الصغيرة.",
        ["ملف تمويل المشاريع الصغيرة"],
    ),
    (
        "ويبحث الاجتماع ملفات عدة أبرزها الطاقة المتجددة والربط الكهربائي.",
        ["الطاقة المتجددة", "الربط الكهربائي"],
    ),
    (
        "وتتناول القمة ملفات عديدة، أبرزها أمن الملاحة في البحر الأحمر وتمويل التنمية.",
        ["أمن الملاحة في البحر الأحمر", "تمويل التنمية"],
    ),
    (
        "ويتضمن المؤتمر ثلاثة محاور: التحول الرقمي، والتعليم التقني، وريادة الأعمال.",
        ["التحول الرقمي", "التعليم التقني", "ريادة الأعمال"],
    ),
    (
        "وتتوزع أعمال الملتقى على محاور عدة منها الأمن السيبراني والذكاء الاصطناعي.",
        ["الأمن السيبراني", "الذكاء الاصطناعي"],
    ),
    (
        "ويبحث الجانبان سبل تطوير العلاقات الثنائية في المجالات الاقتصادية والثقافية.",
        ["سبل تطوير العلاقات الثنائية في المجالات الاقتصادية والثقافية"],
    ),
    ("وسيبحث الطرفان خلال المحادثات ملف الأسرى وتبادل الجثامين.", ["ملف الأسرى", "تبادل الجثامين"]),
    ("وتتناول المباحثات التعاون العسكري وصفقات التسليح.", ["التعاون العسكري", "صفقات التسليح"]),
    (
        "ويركز الاجتماع على مكافحة التصحر وإدارة الموارد المائية.",
        ["مكافحة التصحر", "إدارة الموارد المائية"],
    ),
    ("وسيخصص الاجتماع لبحث مشروع قانون المالية التكميلي.", ["مشروع قانون المالية التكميلي"]),
    ("وستُخصص الجلسة لمناقشة تقرير لجنة الشؤون الخارجية.", ["تقرير لجنة الشؤون الخارجية"]),
    (
        "وتتمحور المشاورات حول إصلاح منظومة الدعم ومراجعة أسعار الوقود.",
        ["إصلاح منظومة الدعم", "مراجعة أسعار الوقود"],
    ),
    ("ناقش مجلس النواب اليوم مشروع قانون حماية المستهلك.", ["مشروع قانون حماية المستهلك"]),
    (
        "وسيتدارس المجلس الحكومي مشروع مرسوم يتعلق بتنظيم الصيد البحري.",
        ["مشروع مرسوم يتعلق بتنظيم الصيد البحري"],
    ),
    (
        "ويتدارس مجلس الوزراء خلال اجتماعه الدوري عرضا حول الدخول المدرسي.",
        ["عرضا حول الدخول المدرسي"],
    ),
    ("ويجتمع المجلس الوطني غدا للتداول في مشروع النظام الداخلي.", ["مشروع النظام الداخلي"]),
    (
        "ويلتئم المكتب السياسي للحزب نهاية الأسبوع للتداول بشأن التحضير للانتخابات البلدية.",
        ["التحضير للانتخابات البلدية"],
    ),
    (
        "ويتباحث الوزيران في تعزيز التعاون في مجال الطاقة النووية السلمية.",
        ["تعزيز التعاون في مجال الطاقة النووية السلمية"],
    ),
    (
        "ويبحث اللقاء سبل دعم القطاع الزراعي وتشجيع الاستثمار في الأرياف.",
        ["سبل دعم القطاع الزراعي", "تشجيع الاستثمار في الأرياف"],
    ),
    (
        "ويعقد الرئيسان جلسة مباحثات يتم خلالها بحث القضايا ذات الاهتمام المشترك.",
        ["القضايا ذات الاهتمام المشترك"],
    ),
    (
        "وسيناقش الاجتماع الوضع الأمني في الجنوب، فضلاً عن خطة الإنعاش الاقتصادي.",
        ["الوضع الأمني في الجنوب", "خطة الإنعاش الاقتصادي"],
    ),
    (
        "وسيبحث الوزراء تعزيز التعاون الجمركي، إضافة إلى تسهيل حركة الشاحنات عبر الحدود.",
        ["تعزيز التعاون الجمركي", "تسهيل حركة الشاحنات عبر الحدود"],
    ),
    (
        "وسيناقش المجلس أوضاع اللاجئين في المخيمات والمدن الحدودية.",
        ["أوضاع اللاجئين في المخيمات والمدن الحدودية"],
    ),
    (
        "وستبحث اللجنة تعزيز التعاون بين الجامعات والمراكز البحثية.",
        ["تعزيز التعاون بين الجامعات والمراكز البحثية"],
    ),
    (
        "ويبحث المؤتمر حماية التراث الثقافي والمواقع الأثرية.",
        ["حماية التراث الثقافي والمواقع الأثرية"],
    ),
    (
        "وسيناقش البرلمان قانون الاستثمار والموازنة العامة للدولة.",
        ["قانون الاستثمار", "الموازنة العامة للدولة"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), REGIONAL)
def test_regional_phrasing(sentence: str, expected: list[str]) -> None:
    """Passive futures, expectations, lead/table cues, axes, «يتدارس», «للتداول في»,
    «يتباحث»; one item per topic, a coordinated bare noun staying in its topic."""
    assert texts(run(sentence)) == keys(*expected)


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


@pytest.mark.parametrize(
    "sentence",
    [
        "وكان الاجتماع السابق قد ناقش خطة الطوارئ وأقر الميزانية.",
        "وأقر مجلس الوزراء في جلسته أمس مشروع قانون العمل.",
        "وأصدر مركز البحث العلمي تقريرا عن التغير المناخي.",
        "ويعمل فريق البحث على تطوير لقاح جديد.",
        "وعقد الوزير اجتماعا مع السفير في مكتبه.",
        "وتم خلال الاجتماع الماضي الاتفاق على تشكيل لجنة مشتركة.",
        "واختتمت القمة أعمالها بإصدار بيان ختامي.",
        "وسيعقد الاجتماع في العاصمة يوم الأحد المقبل.",
    ],
)
def test_regional_negatives(sentence: str) -> None:
    """Past decisions, «البحث» as research, and a meeting without topics give nothing."""
    assert run(sentence).items == []


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


REGIONAL_MORE = [
    ("ومن المواضيع المطروحة للنقاش في المنتدى مستقبل الصحافة الورقية.", ["مستقبل الصحافة الورقية"]),
    ("ويأتي في مقدمة الملفات التي سيناقشها الاجتماع ملف النازحين.", ["ملف النازحين"]),
    ("وستكون قضية الحدود البحرية محور المحادثات بين الوفدين.", ["قضية الحدود البحرية"]),
    ("وسينكب المجلس على دراسة مشروع قانون الجماعات الترابية.", ["مشروع قانون الجماعات الترابية"]),
    ("ومن المنتظر أن يصادق المجلس على مشروع مرسوم يتعلق بالتقاعد.", ["مشروع مرسوم يتعلق بالتقاعد"]),
    (
        "ويرتقب أن يتناول اللقاء ملف الصحراء وتعزيز التعاون الاقتصادي.",
        ["ملف الصحراء", "تعزيز التعاون الاقتصادي"],
    ),
    ("كما سيتطرق الاجتماع إلى وضعية الطرق في المناطق الجبلية.", ["وضعية الطرق في المناطق الجبلية"]),
    ("وسيكون الاجتماع مناسبة لبحث آفاق الشراكة بين البلدين.", ["آفاق الشراكة بين البلدين"]),
    ("وسيتم على هامش القمة بحث إنشاء صندوق مشترك للاستثمار.", ["إنشاء صندوق مشترك للاستثمار"]),
    (
        "ويبحث الطرفان آفاق التعاون في مجالي الصحة والتعليم.",
        ["آفاق التعاون في مجالي الصحة والتعليم"],
    ),
    ("ويلتقي الوزير نظيره غدا حيث سيبحثان تطورات الملف النووي.", ["تطورات الملف النووي"]),
    (
        "وتشمل أعمال الدورة مناقشة التقرير المالي وانتخاب أعضاء المكتب.",
        ["التقرير المالي", "انتخاب أعضاء المكتب"],
    ),
    ("وأدرج على جدول أعمال الجلسة المقبلة مشروع قانون الانتخابات.", ["مشروع قانون الانتخابات"]),
    ("وسيعرض الوزير على المجلس خلال جلسته المقبلة مشروع خطة التنمية.", ["مشروع خطة التنمية"]),
    (
        "وتهدف الزيارة إلى تعزيز العلاقات الثنائية وبحث القضايا الإقليمية.",
        ["تعزيز العلاقات الثنائية", "القضايا الإقليمية"],
    ),
    (
        "ويناقش المنتدى في دورته الخامسة دور الشباب في التنمية المستدامة.",
        ["دور الشباب في التنمية المستدامة"],
    ),
    (
        "وسيصادق مجلس الحكومة خلال اجتماعه الأسبوعي على مشروع قانون المالية.",
        ["مشروع قانون المالية"],
    ),
    (
        "وسيجري الرئيسان محادثات تتناول العلاقات الثنائية والأوضاع الإقليمية.",
        ["العلاقات الثنائية", "الأوضاع الإقليمية"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), REGIONAL_MORE)
def test_regional_phrasing_more(sentence: str, expected: list[str]) -> None:
    """«المطروحة للنقاش», «محور المحادثات», «ينكب على», «من المنتظر/يرتقب أن»,
    «على هامش القمة», «تشمل أعمال الدورة», «تهدف الزيارة إلى», «يصادق على»; a generic
    noun with a nisba adjective («القضايا الإقليمية») is a topic."""
    assert texts(run(sentence)) == keys(*expected)


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


HEADLINE_AND_FRAME = [
    ("وزراء الخارجية العرب يبحثون غداً الأزمة السودانية", ["الأزمة السودانية"]),
    ("قمة الرياض: ملفات الطاقة والأمن على الطاولة", ["ملفات الطاقة", "الأمن"]),
    (
        "ملفات ساخنة أمام القمة الخليجية، أبرزها أمن الممرات البحرية، والتكامل الاقتصادي.",
        ["أمن الممرات البحرية", "التكامل الاقتصادي"],
    ),
    ("وتأتي قضية اللاجئين في صدارة اهتمامات القمة.", ["قضية اللاجئين"]),
    ("وتحضر ملفات الطاقة والاستثمار بقوة في مباحثات الرئيسين.", ["ملفات الطاقة", "الاستثمار"]),
    ("ماذا تناقش القمة العربية في دورتها المقبلة؟", []),
    ("وستنصب المباحثات على سبل تسوية النزاع الحدودي.", ["سبل تسوية النزاع الحدودي"]),
    (
        "ومن المقرر أن تتناول الجلسة الثانية للمؤتمر دور المرأة في الاقتصاد.",
        ["دور المرأة في الاقتصاد"],
    ),
    ("وعلى جدول أعمال القمة أيضاً الوضع في ليبيا.", ["الوضع في ليبيا"]),
    (
        "وبحسب مصادر دبلوماسية، ستتناول القمة مسألة الإصلاح المؤسسي للجامعة.",
        ["مسألة الإصلاح المؤسسي للجامعة"],
    ),
    ("وقال الوزير إن الاجتماع سيبحث تنفيذ مخرجات القمة السابقة.", ["تنفيذ مخرجات القمة السابقة"]),
    (
        "وأوضح المتحدث أن المباحثات ستتطرق أيضا إلى الأوضاع في القرن الأفريقي.",
        ["الأوضاع في القرن الأفريقي"],
    ),
    (
        "وأضاف أن اللقاء سيكون فرصة لمناقشة القضايا العالقة بين البلدين.",
        ["القضايا العالقة بين البلدين"],
    ),
    ("وتنعقد الدورة تحت عنوان «الأمن الغذائي العربي: التحديات والحلول».", []),
    ("وينظر المجلس في جلسته المقبلة في طلبات العضوية الجديدة.", ["طلبات العضوية الجديدة"]),
    ("وتنطلق اليوم أعمال الدورة العادية للمجلس، لمناقشة مشروع الميزانية.", ["مشروع الميزانية"]),
    ("وألقى الوزير كلمة أمام القمة.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), HEADLINE_AND_FRAME)
def test_headlines_and_topic_first_frames(sentence: str, expected: list[str]) -> None:
    """Headlines («X على الطاولة», «ملفات أمام القمة»), «في صدارة اهتمامات», «تحضر X في
    المباحثات», reported speech; a speech «أمام القمة» and a theme are no agenda."""
    agenda = run(sentence) if sentence.endswith((".", "؟")) else run(title=sentence)
    assert texts(agenda) == keys(*expected)


H, B = Kind.HEADING, Kind.BODY

LAYOUTS = [
    (
        [
            (B, "وفيما يلي أبرز الملفات التي ستناقشها القمة:"),
            (H, "الأزمة السودانية"),
            (B, "تتواصل الحرب في السودان منذ عامين."),
            (H, "أمن البحر الأحمر"),
            (B, "تتعرض السفن لهجمات متكررة."),
        ],
        ["الأزمة السودانية", "أمن البحر الأحمر"],
    ),
    (
        [
            (B, "وفيما يلي أبرز الملفات التي ستناقشها القمة"),
            (H, "1- الأزمة السودانية"),
            (B, "تتواصل الحرب في السودان منذ عامين."),
            (H, "2- أمن البحر الأحمر"),
        ],
        ["الأزمة السودانية", "أمن البحر الأحمر"],
    ),
    (
        [(H, "ملفات القمة"), (B, "- الأزمة السودانية"), (B, "- أمن البحر الأحمر")],
        ["الأزمة السودانية", "أمن البحر الأحمر"],
    ),
    (
        [
            (B, "وتبحث القمة عدة قضايا، من بينها الأزمة السودانية."),
            (B, "كما تتناول أمن البحر الأحمر وتداعيات الحرب على التجارة."),
        ],
        ["الأزمة السودانية", "أمن البحر الأحمر", "تداعيات الحرب على التجارة"],
    ),
    (
        [
            (B, "وسيناقش المجلس مشروع قانون الضرائب."),
            (B, "وفي الشأن الاجتماعي، سيبحث الوزراء خطة دعم الأسر الفقيرة."),
        ],
        ["مشروع قانون الضرائب", "خطة دعم الأسر الفقيرة"],
    ),
    (
        [
            (B, "وتنطلق غدا أعمال القمة العربية في دورتها العادية."),
            (B, "ويتصدر جدول الأعمال ملف القدس."),
        ],
        ["ملف القدس"],
    ),
    (
        [
            (B, "وتتضمن أجندة المباحثات عدة ملفات:"),
            (B, "التعاون في مجال الطاقة المتجددة"),
            (B, "تسهيل إجراءات التأشيرات"),
        ],
        ["التعاون في مجال الطاقة المتجددة", "تسهيل إجراءات التأشيرات"],
    ),
    (
        [
            (
                B,
                "يناقش مجلس الأمن الدولي اليوم الأربعاء الوضع في هايتي، ويستمع إلى إحاطة "
                "من المبعوث الأممي.",
            )
        ],
        ["الوضع في هايتي", "إحاطة من المبعوث الأممي"],
    ),
    (
        [(B, "ويعقد المجلس جلسة مفتوحة حول حماية المدنيين في النزاعات المسلحة.")],
        ["حماية المدنيين في النزاعات المسلحة"],
    ),
    (
        [(B, "وتعقد الجمعية العامة اجتماعا رفيع المستوى عن مكافحة مقاومة المضادات الحيوية.")],
        ["مكافحة مقاومة المضادات الحيوية"],
    ),
    (
        [
            (B, "وفيما يلي أبرز الملفات التي ناقشتها القمة الماضية:"),
            (H, "الأزمة السودانية"),
        ],
        [],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), LAYOUTS)
def test_agenda_layouts(paragraphs: list[tuple[Kind, str]], expected: list[str]) -> None:
    """Sub-headings after «فيما يلي أبرز الملفات التي ستناقشها القمة», a heading such as
    «ملفات القمة» over bullets, a list carried into the next sentence or paragraph,
    «يستمع إلى إحاطة», «اجتماع رفيع المستوى عن»; a past meeting's list is no agenda."""
    texts_ = [text for _, text in paragraphs]
    kinds = {i + 1: kind for i, (kind, _) in enumerate(paragraphs)}
    assert texts(run(*texts_, kinds=kinds)) == keys(*expected)


BODIES_AND_PROGRAMMES = [
    ("ومن المقرر أن يعقد المجلس جلسة بشأن الوضع في السودان.", ["الوضع في السودان"]),
    ("كما سيعقد المجلس جلسة إحاطة بشأن عمليات حفظ السلام.", ["عمليات حفظ السلام"]),
    ("ويصوت المجلس الأسبوع المقبل على تمديد ولاية البعثة الأممية.", ["تمديد ولاية البعثة الأممية"]),
    ("ويسلط المؤتمر الضوء على تحديات الأمن المائي في المنطقة.", ["تحديات الأمن المائي في المنطقة"]),
    ("ويشهد المؤتمر جلسات حوارية حول التحول الرقمي في التعليم.", ["التحول الرقمي في التعليم"]),
    ("وتتضمن فعاليات المنتدى ندوات عن الاقتصاد الأخضر.", ["الاقتصاد الأخضر"]),
    ("ويعتزم الرئيس بحث ملف الطاقة مع نظيره خلال القمة.", ["ملف الطاقة"]),
    ("ويتوقع أن تهيمن قضية الرسوم الجمركية على المحادثات.", ["قضية الرسوم الجمركية"]),
    ("وتعقد على هامش المؤتمر ورشة عمل حول ريادة الأعمال النسائية.", ["ريادة الأعمال النسائية"]),
    ("وسيلقي الأمين العام كلمة في افتتاح الدورة.", []),
    (
        "ويبحث وزراء المالية العرب في اجتماعهم السنوي سبل تمويل مشاريع البنية التحتية.",
        ["سبل تمويل مشاريع البنية التحتية"],
    ),
    ("ويتباحث الجانبان حول آليات تنفيذ الاتفاق النووي.", ["آليات تنفيذ الاتفاق النووي"]),
    ("وتنظر المحكمة الدستورية غدا في طعن مقدم من المعارضة.", ["طعن مقدم من المعارضة"]),
]


@pytest.mark.parametrize(("sentence", "expected"), BODIES_AND_PROGRAMMES)
def test_bodies_and_programmes(sentence: str, expected: list[str]) -> None:
    """A council's programme («يعقد جلسة بشأن», «ويصوت المجلس على»), «يسلط الضوء على»,
    seminars and workshops as meetings, «يعتزم بحث», «تهيمن X على المحادثات», a court
    hearing; a partner and setting at a topic's end are cut; a speech is no agenda."""
    assert texts(run(sentence)) == keys(*expected)


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
