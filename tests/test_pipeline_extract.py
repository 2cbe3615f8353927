"""HTML extraction: golden pages written for this project, and the rules around them.

Each page in tests/pages/ carries the furniture scrapers meet (menus, share
bars, related-article boxes, comment widgets, footers); <name>.expected.txt
holds the paragraphs a reader should get, title first, checked by hand.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.pipeline.clean import clean
from newsreader.pipeline.extract import cleaner_text, extract, looks_like_html
from newsreader.pipeline.types import InputError

PAGES = Path(__file__).resolve().parent / "pages"
GOLDEN = sorted(p.stem.removesuffix(".expected") for p in PAGES.glob("*.expected.txt"))

BOILERPLATE = {
    "port-expansion": [
        "بث مباشر",  # navigation
        "شارك على فيسبوك",  # share bar
        "أخبار ذات صلة",  # related block caption
        "ارتفاع صادرات الفوسفات",  # related headline
        "خبر جميل",  # a reader's comment
        "أضف تعليقك",
        "جميع الحقوق محفوظة",  # footer
        "كتب: سامر الخطيب",  # byline
    ],
    "book-fair-cp1256": [
        "الأرشيف",
        "مشاركة :",
        "الكلمات المفتاحية",
        "الأكثر قراءة",
        "جوائز الرواية",
        "جميع الحقوق محفوظة",
    ],
    "clinic-opening": [
        "تسجيل الدخول",
        "إعلان",
        "تابعوا أخبار نينوى",  # extracted, then dropped by the cleaner
        "كن أول من يعلق",
        "اقرأ أيضا",
        "جسر جديد على نهر دجلة",
    ],
}


def _paragraphs(name: str) -> list[str]:
    source = cleaner_text((PAGES / f"{name}.html").read_bytes())
    return [p.text for p in clean(source.text).paragraphs]


def test_there_are_golden_pages() -> None:
    assert set(GOLDEN) == set(BOILERPLATE)


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_page_gives_the_expected_paragraphs(name: str) -> None:
    expected = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()
    assert _paragraphs(name) == expected


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_page_boilerplate_is_gone(name: str) -> None:
    text = "\n".join(_paragraphs(name))
    for furniture in BOILERPLATE[name]:
        assert furniture not in text


def test_metadata_from_the_page() -> None:
    source = cleaner_text((PAGES / "port-expansion.html").read_bytes())
    page = source.page
    assert page.title == "توسعة ميناء العقبة تبدأ الشهر المقبل"
    assert page.published == date(2025, 11, 3)
    assert page.sitename == "الوطن اليوم"
    assert page.url == "https://alwatan-alyawm.example/economy/2025/11/03/aqaba-port"
    assert source.encoding == "utf-8"


def test_windows_1256_page_is_decoded_by_its_meta_charset() -> None:
    data = (PAGES / "book-fair-cp1256.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    source = cleaner_text(data)
    assert source.encoding == "cp1256"
    assert source.page.published == date(2025, 6, 14)
    # the <title>'s " - جريدة الساحل" is not part of the headline
    assert source.page.title == "افتتاح معرض الكتاب في وهران بمشاركة مئتي دار نشر"
    assert source.page.sitename == "جريدة الساحل"


def test_site_date_in_the_top_bar_is_not_the_publication_date() -> None:
    """The clinic page shows today's date in its top bar; its own date is in the text."""
    source = cleaner_text((PAGES / "clinic-opening.html").read_bytes())
    assert source.page.published is None
    cleaned = clean(source.text)
    assert cleaned.published == date(2024, 5, 24)
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons["آخر تحديث: 24/05/2024 - 23:29"] == "timestamp"
    assert reasons["تابعوا أخبار نينوى على تلغرام"] == "share"


def test_headings_list_items_and_quotes_stay_their_own_lines() -> None:
    lines = cleaner_text((PAGES / "clinic-opening.html").read_bytes()).page.lines
    assert "الأقسام الأولى" in lines
    assert "قسم الأطفال وحديثي الولادة مع حاضنات جديدة" in lines
    port = cleaner_text((PAGES / "port-expansion.html").read_bytes()).page.lines
    assert "ممر تجاري جديد" in port
    assert any(line.startswith("«هذا المشروع") for line in port)


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


SENTENCE = "وقال المتحدث إن الاجتماع سيعقد في العاصمة الأسبوع المقبل بحضور الوزراء المعنيين كافة."


def test_line_breaks_inside_a_block_split_it_into_lines() -> None:
    other = "وأضاف أن جدول الأعمال يتضمن ملفات الطاقة والمياه والنقل بين البلدين الجارين."
    page = extract(
        _page(
            f"<article><h1>عنوان الخبر هنا اليوم</h1><div>{SENTENCE}<br><br>{other}</div></article>"
        )
    )
    assert page.lines[-2:] == [SENTENCE, other]


def test_title_is_added_when_the_page_does_not_lead_with_it() -> None:
    head = '<meta property="og:title" content="اجتماع وزاري في العاصمة الأسبوع المقبل">'
    page = extract(_page(f"<article><p>{SENTENCE}</p><p>{SENTENCE[:-1]} أيضا.</p></article>", head))
    assert page.lines[0] == "اجتماع وزاري في العاصمة الأسبوع المقبل"
    assert page.lines[1] == SENTENCE


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        cleaner_text((PAGES / "no-article.html").read_bytes())


@pytest.mark.parametrize(
    ("data", "name", "html"),
    [
        (b"<!DOCTYPE html><html><body></body></html>", "", True),
        (b"\xef\xbb\xbf  <html lang='ar'><body><p>x</p></body></html>", "", True),
        (b"<!-- saved --><!doctype HTML><html>", "", True),
        ("<!doctype html><html>".encode("utf-16"), "", True),
        (b"<div class='story'><p>fragment</p></div>", "", True),
        ("نص عادي".encode(), "page.html", True),
        ("نص عادي\n<html> في وسط النص".encode(), "a.txt", False),
        (b"a < b and c > d", "", False),
    ],
)
def test_html_is_recognised_by_content_or_name(data: bytes, name: str, html: bool) -> None:
    assert looks_like_html(data, name) is html


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=120
        ),
        max_size=6,
    )
)
def test_extraction_refuses_cleanly_or_keeps_only_page_text(paragraphs: list[str]) -> None:
    """Any page: InputError or lines whose words all come from the page's own text."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    data = _page(f"<article><h1>عنوان الخبر هنا</h1>{body}</article>").encode("utf-8")
    try:
        page = cleaner_text(data).page
    except InputError:
        return
    words = set(" ".join(["عنوان الخبر هنا", *paragraphs]).split())
    for line in page.lines:
        assert set(line.split()) <= words


def test_markup_decides_headings_and_list_items_stay_body() -> None:
    """A short list item is no heading on an HTML page: its markup says what it is."""
    source = cleaner_text((PAGES / "clinic-opening.html").read_bytes())
    assert "الأقسام الأولى" in source.headings
    kinds = {p.text: p.kind.value for p in clean(source.text, headings=source.headings).paragraphs}
    assert kinds["الأقسام الأولى"] == "heading"
    assert kinds["قسم الأطفال وحديثي الولادة مع حاضنات جديدة"] == "body"


def test_text_input_has_no_markup_headings() -> None:
    assert cleaner_text(SENTENCE.encode("utf-8")).headings is None


def test_a_line_repeated_past_three_copies_is_collapsed_and_blank_lines_stay() -> None:
    from newsreader.pipeline.extract import MAX_COPIES, collapse_repeats

    text = "عنوان الخبر\n\nفقرة أولى من الخبر.\n\n" * 50
    collapsed = collapse_repeats(text)
    assert collapsed.count("عنوان الخبر") == MAX_COPIES == 3
    assert collapsed.count("فقرة أولى من الخبر.") == 3
    assert collapsed.count("\n") < 20  # the blank lines between removed copies went too
    assert collapse_repeats("أ\nب\nأ\n\n\nأ\n") == "أ\nب\nأ\n\n\nأ\n"  # nothing to do
    assert cleaner_text(text.encode()).text == collapsed


@pytest.mark.parametrize(
    "page",
    [
        "<!doctype html><html><body>" + "<div>" * 10_000 + "نص" + "</div>" * 10_000,
        "<!doctype html><html><head><script>var a=1;for(;;){a++}</script></head><body>"
        "<script>" + "x=1;" * 5000 + "</script><style>p{color:red}</style></body></html>",
        "<html><body><a href='/a'>الرئيسية</a> <a href='/b'>أخبار</a></body></html>",
    ],
)
def test_a_page_without_article_text_says_so(page: str) -> None:
    with pytest.raises(InputError, match="^no article text found in the HTML page"):
        cleaner_text(page.encode("utf-8"), name="page.html")
