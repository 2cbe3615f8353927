"""Rule-based name finder: span conventions on invented sentences."""

from __future__ import annotations

import pytest

from newsreader.pipeline.entities import MODES, find_names, find_names_in_article
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


def test_organisation_named_by_a_construct_chain_and_its_adjective() -> None:
    """«منظمة اتفاقية التجارة الإقليمية»: an indefinite noun in construct with a definite one
    is one more link of the name when the name's adjective closes it; without the
    adjective the chain is a plain phrase («حركة نقل البضائع»: freight traffic)."""
    assert names("انضمت البلاد إلى منظمة اتفاقية التجارة الإقليمية أمس.") == [
        ("منظمة اتفاقية التجارة الإقليمية", ORG)
    ]
    assert names("تراجعت حركة نقل البضائع في الميناء أمس.") == []


def test_a_union_of_a_regions_nations_is_one_organisation() -> None:
    """«رابطة دول غرب أفريقيا»: an institution head, «دول/أمم» and a listed region are one
    organisation, over a tagger that read the region as a place; «دول» with no place
    after it makes none."""
    tags = {"غرب": "LOCATION", "أفريقيا": "LOCATION"}
    text = "وانضمت البلاد إلى رابطة دول غرب أفريقيا العام الماضي."
    assert tagged(text, tags) == [("رابطة دول غرب أفريقيا", ORG)]
    assert names("وتضم رابطة دول كثيرة.") == []


def test_nationality_adjectives_are_not_entities() -> None:
    assert names("أشاد الوزير الأردني بالموقف السوري.") == []


def test_indefinite_description_and_generic_nouns_are_not_names() -> None:
    assert names("قررت الحكومة تشكيل لجنة للتحقيق في الحادث.") == []
    assert names("اجتمع المجلس أمس وناقش الاتحاد الخطة.") == []


def test_a_sanctuary_named_by_its_adjective_is_a_place() -> None:
    """«المسجد الأقصى», «الحرم الإبراهيمي»: a definite mosque or sanctuary and its adjective;
    the bare noun, or a clause after it, names nothing."""
    assert names("أدى المصلون الصلاة في المسجد العمري أمس.") == [("المسجد العمري", L)]
    assert names("وزار الوفد الحرم الإبراهيمي.") == [("الحرم الإبراهيمي", L)]
    assert names("زار الوفد المسجد وصلى فيه.") == []
    assert names("رمم المسجد الذي زاره الوفد.") == []


def test_an_adjective_after_a_place_noun_is_no_place() -> None:
    """«منطقة آمنة», «منطقة عازلة»: a known feminine word describes the place noun; a
    listed place after it («مدينة جدة») is still its name."""
    assert names("واقترح الوفد إقامة منطقة آمنة على الحدود.") == []
    assert names("وتحولت إلى منطقة عازلة منذ سنوات.") == []
    assert names("ووصل الوزير إلى مدينة جدة أمس.") == [("جدة", L)]


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
        ],
        mode="rules",
    )
    assert [(m.text, m.label) for m in found[1]] == [("روتو", P), ("روتو", P)]
    assert found[1][1].start == "وقال روتو إن الزيارة ناجحة، ورحب الوفد وروتو".index("وروتو") + 1
    assert find_names_in_article(["وقال روتو إن الزيارة ناجحة."], mode="rules") == [[]]


# --- a statistical tagger combined with the rules -------------------------------------


def fake_tagger(tags_by_word: dict[str, str]):
    """A tagger that tags listed words (B- on the first of a run, I- after), O elsewhere."""

    def tag(words: list[str]) -> list[str]:
        out: list[str] = []
        for w in words:
            kind = tags_by_word.get(w)
            if kind is None:
                out.append("O")
            elif out and out[-1].endswith(kind) and tags_by_word.get("__join__", "1") == "1":
                out.append("I-" + kind)
            else:
                out.append("B-" + kind)
        return out

    return tag


def tagged(text: str, tags: dict[str, str], mode: str = "tagger-first") -> list[tuple[str, Label]]:
    found = find_names(text, mode=mode, tagger=fake_tagger(tags))
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.label) for m in found]


def test_tagger_span_loses_title_and_nationality() -> None:
    text = "واستقبل الرئيس الغاني زكريا مونتاري الوفد."
    tags = {"الرئيس": "PERSON", "الغاني": "PERSON", "زكريا": "PERSON", "مونتاري": "PERSON"}
    assert tagged(text, tags, mode="tagger") == [("زكريا مونتاري", P)]


def test_tagger_span_proclitic_outside_and_lam_alif_lam_whole() -> None:
    assert tagged("وصل الوفد وبغداد هادئة.", {"وبغداد": "LOCATION"}, "tagger") == [("بغداد", L)]
    found = tagged(
        "قدم الوزير تقريرا للهيئة التنسيقية العليا.",
        {"للهيئة": "ORGANIZATION", "التنسيقية": "ORGANIZATION", "العليا": "ORGANIZATION"},
        "tagger",
    )
    assert found == [("للهيئة التنسيقية العليا", ORG)]


def test_tagger_lone_generic_noun_or_nationality_is_dropped() -> None:
    assert tagged("وقال المجلس إن القرار نهائي.", {"المجلس": "ORGANIZATION"}, "tagger") == []
    assert tagged("أشاد الوفد بالموقف السوري.", {"السوري": "LOCATION"}, "tagger") == []


def test_tagger_organisation_described_not_named_is_dropped() -> None:
    """«شركة عالمية» (a worldwide company): an indefinite head and indefinite adjectives."""
    tags = {"شركة": "ORGANIZATION", "عالمية": "ORGANIZATION", "إقليمية": "ORGANIZATION"}
    assert tagged("وتعد الشركة شركة عالمية منذ سنوات.", tags, "tagger") == []
    assert tagged("وأصبحت ومنظمة إقليمية أيضا.", {"ومنظمة": "ORGANIZATION", **tags}) == []
    named = {"شركة": "ORGANIZATION", "الملاحة": "ORGANIZATION", "الوطنية": "ORGANIZATION"}
    assert tagged("وأعلنت شركة الملاحة الوطنية ذلك.", named, "tagger") == [
        ("شركة الملاحة الوطنية", ORG)
    ]


def test_tagger_organisation_run_into_its_officeholders_name_is_two_names() -> None:
    """«الأمين العام لمنظمة الواحة كارلوس منديزابال»: after an office, name words at the
    end of a tagged organisation are the officeholder; without the office, or with one
    name word, the span stays whole."""
    org = dict.fromkeys(("لمنظمة", "منظمة", "الواحة", "كارلوس", "منديزابال"), "ORGANIZATION")
    text = "وحضر الأمين العام لمنظمة الواحة كارلوس منديزابال الاجتماع."
    assert tagged(text, org, "tagger") == [("منظمة الواحة", ORG), ("كارلوس منديزابال", P)]
    plain = "وحضرت منظمة الواحة كارلوس منديزابال الاجتماع."
    assert tagged(plain, org, "tagger") == [("منظمة الواحة كارلوس منديزابال", ORG)]
    one = "وحضر الأمين العام لمنظمة الواحة كارلوس الاجتماع."
    assert tagged(one, org, "tagger") == [("منظمة الواحة كارلوس", ORG)]


def test_tagger_span_split_at_punctuation() -> None:
    text = "افتتح خط زيلينوغراد – كاسيموفكا الجديد."
    tags = {"زيلينوغراد": "LOCATION", "–": "LOCATION", "كاسيموفكا": "LOCATION"}
    assert tagged(text, tags, "tagger") == [("زيلينوغراد", L), ("كاسيموفكا", L)]


def test_tagger_person_span_split_at_and_plus_a_second_name() -> None:
    text = "عقد الزعيمان بيريغوف وكازيمنكو لقاء مطولا."
    tags = {"بيريغوف": "PERSON", "وكازيمنكو": "PERSON"}
    assert tagged(text, tags, "tagger") == [("بيريغوف", P), ("كازيمنكو", P)]
    # a first name that starts with «و» is no conjunction
    text = "استقبل الوزير وليد الحسيني الوفد."
    assert tagged(text, {"وليد": "PERSON", "الحسيني": "PERSON"}, "tagger") == [("وليد الحسيني", P)]


def test_tagger_organisation_extended_to_its_adjectives() -> None:
    text = "أعلنت وزارة الخارجية المصرية أمس."
    assert tagged(text, {"وزارة": "ORGANIZATION", "الخارجية": "ORGANIZATION"}, "tagger") == [
        ("وزارة الخارجية المصرية", ORG)
    ]


def test_which_source_wins_an_overlap() -> None:
    # the rules read «قصر …» as a venue (LOCATION)
    text = "وصل الوفد إلى قصر الإليزيه مساء."
    person = {"الإليزيه": "PERSON"}
    assert tagged(text, person, "rules-first") == [("قصر الإليزيه", L)]
    # a rule's venue that holds the tagger's name whole is the longer name in both modes
    assert tagged(text, person, "tagger-first") == [("قصر الإليزيه", L)]
    # a tagger span crossing the rule's edge wins where the tagger comes first
    crossing = {"الإليزيه": "PERSON", "فاروقيان": "PERSON"}
    text = "زار قصر الإليزيه فاروقيان أمس."
    assert tagged(text, crossing, "tagger-first") == [("الإليزيه فاروقيان", P)]
    assert tagged(text, crossing, "rules-first") == [("قصر الإليزيه", L)]
    text = "وصل الوفد إلى قصر الإليزيه مساء."
    # nested names of one label: the longer wins whichever source comes first
    place = {"الإليزيه": "LOCATION"}
    assert tagged(text, place, "tagger-first") == [("قصر الإليزيه", L)]
    assert tagged(text, place, "rules-first") == [("قصر الإليزيه", L)]


def test_tagger_name_repeated_over_the_article() -> None:
    texts = [
        "أعلنت مؤسسة دورمافيلا نتائجها.",
        "وقالت دورمافيلا إن الأرباح ارتفعت، ولدورمافيلا فروع.",
    ]
    first_only = fake_tagger({"دورمافيلا": "ORGANIZATION"})

    def tagger(words: list[str]) -> list[str]:  # tags the name in the first paragraph only
        return first_only(words) if "مؤسسة" in words else ["O"] * len(words)

    found = find_names_in_article(texts, tagger=tagger)
    assert [(m.text, m.label) for m in found[0]] == [("دورمافيلا", ORG)]
    assert [(m.text, m.label) for m in found[1]] == [("دورمافيلا", ORG), ("دورمافيلا", ORG)]
    assert found[1][1].start == texts[1].index("ولدورمافيلا") + 2
    assert find_names_in_article(texts[1:], tagger=tagger) == [[]]


def test_a_place_tagged_as_an_organisation_alone_is_the_place_named_elsewhere() -> None:
    """«خط "طرطوس – حمص"»: a rail line's name in quotes read as an organisation, while the
    article names «طرطوس» as a place: there it is the place too."""
    texts = ['ويربط خط "طرطوس – حمص" المدينتين.', "ووصل الوزير إلى طرطوس صباحا."]
    as_org = fake_tagger({"طرطوس": "ORGANIZATION"})
    as_place = fake_tagger({"طرطوس": "LOCATION"})

    def tagger(words: list[str]) -> list[str]:  # in quotes the tagger reads a body
        return as_org(words) if '"' in words else as_place(words)

    found = find_names_in_article(texts, tagger=tagger)
    assert [(m.text, m.label) for m in found[0]][:1] == [("طرطوس", L)]
    assert [(m.text, m.label) for m in found[1]] == [("طرطوس", L)]
    # without the place elsewhere, the tagger's label stands
    alone = find_names_in_article(texts[:1], tagger=tagger)
    assert [(m.text, m.label) for m in alone[0]][:1] == [("طرطوس", ORG)]


def test_curated_names_count_in_every_mode() -> None:
    text = "زرنا الرمال الذهبية أمس."
    for mode in MODES:
        found = find_names(text, extra=[("الرمال الذهبية", L)], mode=mode, tagger=fake_tagger({}))
        assert [(m.text, m.label) for m in found] == [("الرمال الذهبية", L)]


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        find_names("نص", mode="magic", tagger=fake_tagger({}))


# --- structural rules for institutions, people and places (issue 12) -----------------


def test_nationality_after_an_institution_belongs_to_its_name() -> None:
    assert names("وقالت وزارة الداخلية السعودية إن الطرق مفتوحة.") == [
        ("وزارة الداخلية السعودية", ORG)
    ]


def test_ministerial_council_is_named_by_its_adjective() -> None:
    assert names("وسيجتمع المجلس الوزاري للتخطيط الاقتصادي غدا.") == [
        ("المجلس الوزاري للتخطيط الاقتصادي", ORG)
    ]


def test_forces_described_by_a_nationality_are_no_organisation() -> None:
    assert names("انسحبت القوات الأمريكية من القاعدة.") == []
    tags = {"قوات": "ORGANIZATION", "الاحتلال": "ORGANIZATION", "الإسرائيلي": "ORGANIZATION"}
    assert tagged("واصلت قوات الاحتلال الإسرائيلي القصف.", tags) == []


def test_chaired_by_a_title_is_no_institution() -> None:
    tags = {"برئاسة": "ORGANIZATION", "الدكتور": "ORGANIZATION"}
    assert tagged("وصل وفد برئاسة الدكتور مازن.", tags, mode="tagger") == []


def test_organisation_stops_before_a_place_phrase() -> None:
    tags = {"للهيئة": "ORGANIZATION", "بطنطا": "ORGANIZATION"}
    assert tagged("عقد المقر الرئيسي للهيئة بطنطا لقاء.", tags, mode="tagger") == []


def test_two_institutions_joined_by_wa_are_two() -> None:
    words = ["مجلس", "الأمن", "الدولي", "والجمعية", "العامة"]
    tags = dict.fromkeys(words, "ORGANIZATION")
    assert tagged("دعا مجلس الأمن الدولي والجمعية العامة إلى هدنة.", tags, mode="tagger") == [
        ("مجلس الأمن الدولي", ORG),
        ("الجمعية العامة", ORG),
    ]


def test_purpose_clause_does_not_extend_an_organisation() -> None:
    found = names("اجتمع مجلس الوزراء لبحث الموازنة الجديدة.")
    assert found == [("مجلس الوزراء", ORG)]
    found = names("وعقد اتحاد الكتاب لتعزيز التعاون الثقافي لقاء.")
    assert found == [("اتحاد الكتاب", ORG)]


def test_national_team_named_after_its_country() -> None:
    assert ("منتخب ليسوتو", ORG) in names("فاز منتخب ليسوتو على ضيفه.")


def test_inflected_word_is_no_place() -> None:
    # «وزارياً» folds to «و» + a town's name; tanween says it is an adjective
    assert names("عقدوا اجتماعاً وزارياً تشاورياً.") == []
    assert tagged("ناقشوا بنوداً كثيرة.", {"بنوداً": "LOCATION"}, mode="tagger") == []


def test_imperfect_verb_stays_outside_a_person() -> None:
    tags = {"زكريا": "PERSON", "مونتاري": "PERSON", "يترأس": "PERSON"}
    assert tagged("زكريا مونتاري يترأس الجلسة.", tags, mode="tagger") == [("زكريا مونتاري", P)]
    assert tagged("يترأس زكريا مونتاري الجلسة.", tags, mode="tagger") == [("زكريا مونتاري", P)]


def test_fused_question_word_is_no_place() -> None:
    assert tagged("ماهي القرارات؟", {"ماهي": "LOCATION"}, mode="tagger") == []


def test_quoted_outlet_after_lam_next_to_a_word_of_saying() -> None:
    found = names('وقال المصدر لـ"الأفق الجديد" إن الاجتماع تأجل.')
    assert ("الأفق الجديد", ORG) in found
    # no word of saying: a quoted phrase after «لـ» is not taken for an outlet
    assert names('دعا الحزب لـ"الحوار الشامل" بين الفرقاء.') == []


def test_a_numbered_channel_in_quotes_keeps_its_number() -> None:
    """«قناة "النيل 2"»: a number after the name's first word belongs to the name; a
    number alone in quotes names nothing."""
    assert ("النيل 2", ORG) in names('وقال المذيع على قناة "النيل 2" إن البرنامج يبدأ.')
    assert names('وبثت قناة "2" البرنامج.') == []


def test_platform_name_without_its_descriptor() -> None:
    assert ("زيفر", ORG) in names('ونشرت الوزارة بيانا عبر حسابها بمنصة "زيفر".')
    assert ("Zephyr", ORG) in names("ونشر الخبر على منصة Zephyr أمس.")


def test_institution_word_before_a_quoted_name_is_part_of_it() -> None:
    """«منظمة "…"», «لحركة "…"»: the head and the quoted words are one name (the
    proclitic stays outside); an outlet word stays outside its quoted name."""
    found = names('وتشارك منظمة "الوفاق للتنمية" في القمة.')
    assert ('منظمة "الوفاق للتنمية"', ORG) in found
    assert ('حركة "النهوض"', ORG) in names('وقال الناطق الرسمي لحركة "النهوض" إن الوفد وصل.')
    assert ("الوادي", ORG) in names('وقالت صحيفة "الوادي" إن الوفد وصل.')
    # a quoted ordinary word after an institution word is no name
    assert names('ودعا إلى تأسيس حزب "جديد" قريبا.') == []


def test_today_outlet_in_quotes_and_in_a_dateline() -> None:
    assert ("وادي النيل اليوم", ORG) in names('ذكرت "وادي النيل اليوم" أن الطريق أغلق.')
    assert names("أنباء اليوم - افتتح الوزير المعرض.")[0] == ("أنباء اليوم", ORG)


def test_bracketed_agency_in_a_dateline() -> None:
    assert ("الأفق", ORG) in names("تونس (الأفق) - أعلنت الحكومة خطتها.")


def test_institution_before_its_bracketed_acronym() -> None:
    text = "وقال المفوض العام لهيئة رعاية وتأهيل الصيادين المتقاعدين (هرتام) إن العمل مستمر."
    found = names(text)
    assert ("هيئة رعاية وتأهيل الصيادين المتقاعدين", ORG) in found
    assert ("هرتام", ORG) in found


def test_town_named_acronym_after_a_national_institution(monkeypatch) -> None:
    from newsreader.pipeline import entities, gazetteer

    gaz = gazetteer.Gazetteer.from_dict(
        {"cities": ["سمرين", "فالدور"], "nationalities": ["البرقاوية"], "common_words": []}
    )
    monkeypatch.setattr(entities, "load_gazetteer", lambda: gaz)
    found = names("وقالت وكالة الأنباء البرقاوية (سمرين) إن الوفد وصل.")
    assert ("وكالة الأنباء البرقاوية", ORG) in found
    assert ("سمرين", ORG) in found
    # without a nation in the name a bracketed town is the seat, a place
    found = names("وقال مكتب شؤون اللاجئين (فالدور) إن العدد ارتفع.")
    assert ("فالدور", ORG) not in found


def test_spelled_out_acronym_is_the_organisation_elsewhere_too(monkeypatch) -> None:
    from newsreader.pipeline import entities, gazetteer

    gaz = gazetteer.Gazetteer.from_dict(
        {"cities": ["سمرين"], "nationalities": ["البرقاوية"], "common_words": []}
    )
    monkeypatch.setattr(entities, "load_gazetteer", lambda: gaz)
    texts = ["وقالت وكالة الأنباء البرقاوية (سمرين) إن الوفد وصل.", "ونقلت سمرين عن الوزير قوله."]
    found = find_names_in_article(texts, mode="rules")
    assert [(m.text, m.label) for m in found[1]] == [("سمرين", ORG)]


def test_quoted_short_form_without_the_head() -> None:
    texts = ["اجتماع طارئ لـ«الإنماء الريفي» الأحد", "أعلنت منظمة الإنماء الريفي عقد اجتماع."]
    found = find_names_in_article(texts, mode="rules")
    assert [(m.text, m.label) for m in found[0]] == [("الإنماء الريفي", ORG)]


def test_rarer_given_name_needs_a_known_name_part_after_it(monkeypatch) -> None:
    from newsreader.pipeline import entities, gazetteer

    gaz = gazetteer.Gazetteer.from_dict(
        {"given_names": ["زهوان"], "surnames": ["القرملي"], "common_words": []}
    )
    monkeypatch.setattr(entities, "load_gazetteer", lambda: gaz)
    assert names("وحضر زهوان القرملي الحفل.") == [("زهوان القرملي", P)]
    assert names("وحضر زهوان برقاني الحفل.") == []


def test_place_from_the_wider_list_needs_a_preposition(monkeypatch) -> None:
    from newsreader.pipeline import entities, gazetteer

    gaz = gazetteer.Gazetteer.from_dict({"extra_places": ["ترمسان"]})
    monkeypatch.setattr(entities, "load_gazetteer", lambda: gaz)
    assert names("وصل الوفد إلى ترمسان ثم عاد.") == [("ترمسان", L)]
    assert names("عقد الاجتماع بترمسان أمس.") == [("ترمسان", L)]
    assert names("ترمسان الكبير حاضر.") == []


def test_person_after_role_portfolio_and_country(monkeypatch) -> None:
    from newsreader.pipeline import entities, gazetteer

    gaz = gazetteer.Gazetteer.from_dict({"countries": ["برقانيا"], "cities": ["كورتان"]})
    monkeypatch.setattr(entities, "load_gazetteer", lambda: gaz)
    found = names("وتحدث وزير خارجية برقانيا كورتان زيلفيان أمام المجلس.")
    assert ("كورتان زيلفيان", P) in found
    assert ("برقانيا", L) in found
    # without a role the city stays a city
    assert ("كورتان", L) in names("وصل الوفد إلى كورتان أمس.")


def test_rule_person_after_a_role_holds_the_taggers_places() -> None:
    text = "وقال وزير الخارجية سامر فلوريان إن الحوار مستمر."
    tags = {"سامر": "PERSON", "فلوريان": "LOCATION"}
    assert ("سامر فلوريان", P) in tagged(text, {"فلوريان": "LOCATION"})
    assert ("سامر فلوريان", P) in tagged(text, tags)


def test_naming_adjective_that_is_also_a_noun() -> None:
    assert names("التقى ممثلي الاتحاد العام الليبي للشغل.") == [("الاتحاد العام الليبي للشغل", ORG)]


def test_future_verb_stays_outside_a_person() -> None:
    tags = {"زكريا": "PERSON", "مونتاري": "PERSON", "سيزور": "PERSON"}
    assert tagged("وقال إن زكريا مونتاري سيزور العاصمة.", tags, mode="tagger") == [
        ("زكريا مونتاري", P)
    ]


def test_outlet_word_stays_outside_its_name() -> None:
    assert tagged("وقال لقناة الأفق إن الحوار مستمر.", {}) == [("الأفق", ORG)]
    found = tagged(
        "ونشرت صحيفة الوادي التقرير.", {"صحيفة": "ORGANIZATION", "الوادي": "ORGANIZATION"}
    )
    assert found == [("الوادي", ORG)]


def test_platform_named_by_one_bare_word() -> None:
    assert ("زيفر", ORG) in names("ونشر الوزير على منصة زيفر تغريدة.")
    assert names("وأكد ضرورة تطبيق خطته كاملة.") == []


def test_nisba_after_two_name_words_is_a_surname() -> None:
    tags = {"سامر": "PERSON", "فلوريان": "PERSON"}
    text = "وزار رئيس الوزراء سامر فلوريان العراقي بغداد."
    assert ("سامر فلوريان العراقي", P) in tagged(text, tags)
    # after a single name word it is the nationality
    assert ("فلوريان", P) in tagged("وزار فلوريان العراقي بغداد.", {"فلوريان": "PERSON"})


def test_body_of_an_organisation_named_before_is_no_name() -> None:
    assert names("في مقر الأمانة العامة للمنظمة أمس.") == []
    assert names("في مقر الأمانة العامة للمنظمة الإقليمية أمس.") != []


def test_currency_is_never_a_name() -> None:
    tags = {"الدينار": "PERSON", "بيتكوين": "LOCATION"}
    assert tagged("وارتفع الدينار وتراجع بيتكوين أمس.", tags, mode="tagger") == []


def test_coordinated_genitive_in_a_party_or_ministry_name() -> None:
    assert names("فاز حزب النهضة والتجديد بالانتخابات.") == [("حزب النهضة والتجديد", ORG)]
    assert ("وزارة الخارجية والمغتربين", ORG) in names("أعلنت وزارة الخارجية والمغتربين ذلك.")
    # «و» + another institution starts a second name
    found = names("اجتمع مجلس الوزراء والبرلمان أمس.")
    assert ("مجلس الوزراء", ORG) in found
    assert not any("والبرلمان" in text and "مجلس" in text for text, _ in found)


def test_outlet_named_by_foreign_words_after_an_outlet_word() -> None:
    assert ("فيلدن بوست", ORG) in names("وذكرت صحيفة فيلدن بوست أن المحادثات فشلت.")
    assert names("وقالت صحيفة محلية إن المحادثات فشلت.") == []


def test_quoted_or_bracketed_ordinary_word_is_no_outlet() -> None:
    assert names('وقال إنه سيصوت لـ"نعم" في الاستفتاء.') == []
    found = names("وقالت وزارة الصحة (الفلسطينية) إن العدد ارتفع.")
    assert ("الفلسطينية", ORG) not in found


def test_rule_person_after_a_role_stops_before_a_verb() -> None:
    found = names("وأكد الرئيس سامر فلوريان سيزور العاصمة.")
    assert ("سامر فلوريان", P) in found
