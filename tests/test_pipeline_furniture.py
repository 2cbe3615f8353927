"""A source's recurring lines are furniture; a story's own lines are not."""

from newsreader.pipeline.clean import clean
from newsreader.pipeline.clean_lines import near_key
from newsreader.pipeline.furniture import recurring_lines

MENU = "الرئيسية | سياسة | اقتصاد | رياضة | منوعات"
MASTHEAD = "رئيس التحرير: سمير النجار"


def page(headline: str, body: str) -> str:
    return "\n".join([MENU, MASTHEAD, headline, body, "جميع الحقوق محفوظة لموقع الوادي"])


PAGES = [
    page("افتتاح جسر جديد فوق النهر في المدينة", "افتتح المحافظ اليوم جسرا جديدا يربط ضفتي النهر."),
    page("انطلاق مهرجان الربيع للزهور", "انطلقت فعاليات مهرجان الربيع بمشاركة عشرات العارضين."),
    page("فوز فريق المدينة بالكأس", "فاز فريق المدينة بالكأس بعد مباراة حماسية امس."),
]


def test_lines_on_several_pages_are_furniture() -> None:
    keys = recurring_lines(PAGES)
    assert near_key(MENU) in keys
    assert near_key(MASTHEAD) in keys
    assert near_key("افتتاح جسر جديد فوق النهر في المدينة") not in keys


def test_a_line_on_one_page_is_not_furniture() -> None:
    assert recurring_lines(PAGES[:1]) == set()


def test_a_long_sentence_needs_a_third_page() -> None:
    sentence = "وقال المتحدث باسم البلدية إن الاعمال ستستمر حتى نهاية الشهر المقبل في كل الاحياء."
    two = [p + "\n" + sentence for p in PAGES[:2]]
    assert near_key(sentence) not in recurring_lines(two)
    assert near_key(sentence) in recurring_lines([*two, PAGES[2] + "\n" + sentence])


def test_clean_drops_known_furniture_before_choosing_the_title() -> None:
    keys = recurring_lines(PAGES[1:])
    cleaned = clean(PAGES[0], furniture=keys)
    assert cleaned.title == "افتتاح جسر جديد فوق النهر في المدينة"
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons[MENU] == "furniture"
    assert reasons[MASTHEAD] == "furniture"
