"""The headline is chosen from evidence: repeats, page metadata, the lead's words, shape.

Pages are invented (sites, names and places are made up).
"""

from newsreader.pipeline.headline import choose_headline, shape_penalty

HEADLINE = "افتتاح سوق جديد للحرفيين في مدينة الواحة"
LEAD = (
    "افتتح محافظ الواحة اليوم سوقا جديدا للحرفيين يضم أكثر من مئة محل، "
    "وذلك بحضور عدد من المسؤولين والأهالي."
)
SECOND = "وقال المحافظ إن السوق سيوفر فرص عمل لمئات الشباب في المدينة والقرى المجاورة."
RELATED = [
    "• ارتفاع أسعار الخضار في أسواق المدينة القديمة",
    "• مهرجان التمور يعود بعد غياب عامين",
    "• فريق النخيل يفوز بكأس الدوري للمرة الثالثة",
]


def choose(lines: list[str], hints=()):
    return choose_headline(lines, [True] * len(lines), hints)


def test_the_line_repeated_by_the_page_beats_related_headlines_above_it() -> None:
    choice = choose([*RELATED, HEADLINE, HEADLINE, LEAD, SECOND])
    assert choice.index == 3 and choice.certain


def test_the_page_title_names_the_headline() -> None:
    other = "مهرجان التمور يعود بعد غياب عامين إلى الساحة"
    lines = [other, HEADLINE, LEAD, SECOND]
    assert choose(lines, hints=[HEADLINE + " - موقع الواحة"]).index == 1


def test_the_line_sharing_the_leads_words_wins() -> None:
    ticker_of_headlines = (
        "فريق النخيل يفوز بكأس الدوري للمرة الثالثة وزير النقل يتفقد الطريق الساحلي "
        "انقطاع الكهرباء عن حي السلام لساعتين"
    )
    choice = choose([ticker_of_headlines, HEADLINE, LEAD, SECOND])
    assert choice.index == 1


def test_a_long_question_headline_over_the_lead_is_a_candidate() -> None:
    question = "هل ينجح السوق الجديد في مدينة الواحة في إنقاذ حرف الأجداد من الاندثار؟"
    choice = choose(["منوعات", question, LEAD, SECOND])
    assert choice.index == 1


def test_a_teaser_of_the_lead_is_not_the_headline() -> None:
    teaser = LEAD[:45] + "..."
    assert choose([HEADLINE, teaser, LEAD, SECOND]).index == 0


def test_no_evidence_between_two_candidates_is_uncertain() -> None:
    lines = ["نشرة الصباح في دقائق معدودة", "حفل موسيقي كبير في الساحة", SECOND]
    choice = choose(lines)
    assert choice.index is not None and not choice.certain


def test_a_single_clean_candidate_is_certain() -> None:
    assert choose([HEADLINE, LEAD, SECOND]).certain


def test_headline_shape_penalties() -> None:
    assert shape_penalty(HEADLINE) == 0
    assert shape_penalty(RELATED[0]) < 0  # a bullet
    assert shape_penalty("الرئيسية | سياسة | اقتصاد | رياضة") < 0  # a menu
    assert shape_penalty("رئيس التحرير: سمير الوردي") < 0  # a masthead
    assert shape_penalty("الدولار 48.50 اليورو 52.10 الإسترليني 61.3") < 0  # a ticker
    assert shape_penalty("العدد : 1234 - الخميس 10 أبريل 2025") < 0  # an issue header


def test_nothing_usable_gives_no_headline() -> None:
    assert choose_headline(["a"], [False]).index is None


def test_the_headline_above_a_deck_sharing_more_words_wins_but_is_flagged() -> None:
    deck = "المحافظ: السوق يضم مئة محل ويوفر فرص عمل لمئات الشباب من أبناء الواحة والقرى المجاورة"
    choice = choose([HEADLINE, deck, LEAD, SECOND])
    assert choice.index == 0 and not choice.certain


def test_a_site_slogan_above_the_headline_is_not_plausible() -> None:
    slogan = "صحيفة النهر الإلكترونية أخبار على مدار الساعة"
    choice = choose([slogan, HEADLINE, LEAD, SECOND])
    assert choice.index == 1 and choice.certain
