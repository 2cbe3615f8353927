"""One line's shape: the general signals clean() and the headline chooser combine.

Lines are invented (sites, names and places are made up).
"""

import pytest

from newsreader.pipeline import lineshape as shape

PROSE = "وقال المحافظ إن السوق الجديد سيوفر فرص عمل لمئات الشباب في المدينة والقرى المجاورة."
MENU = "الرئيسية سياسة اقتصاد رياضة منوعات فيديو"


def test_prose_is_dense_in_function_words_and_a_menu_is_not() -> None:
    assert shape.stop_density(PROSE) > 0.1
    assert shape.stop_density(MENU) == 0.0


def test_function_word_behind_a_conjunction_counts() -> None:
    assert shape.is_stop("والتي") and shape.is_stop("فإن")
    assert not shape.is_stop("وزير")


def test_sentence_needs_length_punctuation_and_function_words() -> None:
    assert shape.is_sentence(PROSE)
    assert not shape.is_sentence(PROSE.rstrip("."))  # no closing punctuation
    assert not shape.is_sentence("افتتاح السوق.")  # too short


@pytest.mark.parametrize(
    "line",
    [
        MENU,
        "الرئيسية | محليات | عربي ودولي | رياضة",
        "قناة النهر النهر سبورت النهر عقارات النهر جامعات",
    ],
)
def test_menus(line: str) -> None:
    assert shape.is_menu(line)


@pytest.mark.parametrize(
    "line",
    [
        "افتتاح سوق جديد للحرفيين في مدينة الواحة",
        "وأكد الوزير أن الدولة العربية والجامعة العربية والقمة العربية ستبحث الملف.",
    ],
)
def test_headlines_and_sentences_are_not_menus(line: str) -> None:
    assert not shape.is_menu(line)


@pytest.mark.parametrize(
    "line",
    ["الدولار 48.50 اليورو 52.10 الإسترليني 61.3", "الذهب عيار 21 : 3650 جنيه | عيار 24 : 4170"],
)
def test_tickers(line: str) -> None:
    assert shape.is_ticker(line)


def test_a_sentence_about_prices_is_not_a_ticker() -> None:
    line = "وارتفع سعر الدولار إلى 48.50 جنيه في تعاملات اليوم بحسب البنك المركزي."
    assert not shape.is_ticker(line)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("رئيس التحرير: سمير الوردي", "سمير الوردي"),
        ("رئيس مجلس الإدارة ورئيس التحرير: نادية الحكيم", "ناديه الحكيم"),
        ("الإشراف العام", ""),
        ("المدير العام - خالد الفارس", "خالد الفارس"),
    ],
)
def test_masthead_roles(line: str, name: str) -> None:
    assert shape.masthead_role(line) == name


def test_a_sentence_opening_with_a_role_is_not_a_masthead() -> None:
    line = "رئيس التحرير يعلن إطلاق نسخة جديدة من الصحيفة في الأسبوع المقبل"
    assert shape.masthead_role(line) is None


@pytest.mark.parametrize(
    "line",
    ["العدد : ١٢٣٤ - الخميس ١٠ أبريل ٢٠٢٥ م، الموافق ١٢ شوال ١٤٤٦هـ", "العدد 8821 - السنة 31"],
)
def test_issue_headers(line: str) -> None:
    assert shape.is_issue_header(line)


def test_a_number_of_things_is_not_an_issue_header() -> None:
    assert not shape.is_issue_header("عدد المشاركين في المعرض بلغ 300 عارض من عشرين دولة.")


@pytest.mark.parametrize(
    "line",
    [
        "الواحة - وكالة النخيل -",
        "الواحة (أ ن ب) -",
        "الواحة - كتبت سلمى العامري -",
        "وادي النور اليوم- وادي النور",
    ],
)
def test_datelines(line: str) -> None:
    assert shape.is_dateline(line)


@pytest.mark.parametrize(
    "line",
    [
        "الواحة اليوم - أعلن المحافظ افتتاح سوق جديد للحرفيين في وسط المدينة.",
        "افتتاح سوق جديد للحرفيين",
    ],
)
def test_a_lead_after_a_dateline_or_a_headline_is_not_a_dateline(line: str) -> None:
    assert not shape.is_dateline(line)


@pytest.mark.parametrize("line", ["+A -A", "A+ A-", "A A A"])
def test_font_controls(line: str) -> None:
    assert shape.is_font_control(line)


def test_phrases_open_short_lines_only() -> None:
    assert shape.starts_with_phrase("زر الذهاب إلى الأعلى", "INTERFACE_PHRASES", 5)
    long = "طباعة الكتب المدرسية تبدأ الأسبوع المقبل في المطبعة الحكومية بالعاصمة"
    assert not shape.starts_with_phrase(long, "INTERFACE_PHRASES", 5)


def test_buttons_and_byline_verbs() -> None:
    assert shape.is_buttons("قبول الكل") and not shape.is_buttons("قبول طلبات التسجيل")
    assert shape.byline_verb("كتبت سلمى العامري") and not shape.byline_verb(PROSE)


def test_digit_and_latin_shares() -> None:
    assert shape.digit_share("48.50 52.10 الدولار") > 0.5
    assert shape.latin_share("Sada Wadi english") == 1.0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الوزير خلال المؤتمر الصحفي في العاصمة (رويترز)", True),
        ("جانب من الاجتماع - أ ف ب", True),
        ("صورة من الجلسة / الأناضول", True),
        ("افتتاح سوق جديد للحرفيين (صور)", False),
        ("الواحة - وكالة النخيل", False),
    ],
)
def test_photo_credit_at_the_end_of_a_caption(line: str, expected: bool) -> None:
    assert shape.ends_with_photo_credit(line) is expected


def test_hashtag_lines() -> None:
    assert shape.is_hashtags("#الواحة #الحرفيين")
    assert not shape.is_hashtags("افتتاح السوق #الواحة")


def test_social_rows_and_credits() -> None:
    assert shape.is_social_row("فيسبوك تويتر واتساب")
    assert not shape.is_social_row("تويتر تعلن تغيير سياسة النشر")
    assert shape.is_credit("تصوير: خالد الفارس")
    assert not shape.is_credit("تصوير: تم التقاط الصور في الساحة من قبل المصورين")


def test_byline_opener_before_a_bare_name() -> None:
    assert shape.is_byline_opener("كتب سامر الحلبي")
    assert shape.is_byline_opener("بواسطة سلمى العامري")
    assert not shape.is_byline_opener("كتب الوزير في تغريدة أن الاجتماع ناجح")
