"""Reading and editing on a phone in real Chromium (390 x 844, touch), and the page
widths at 1,366 and 390 px: no sideways scrolling, the sidebar below the article
and reachable to its last entry, a touch selection bringing up the label toolbar.

Screenshots: test-artifacts/mobile-reader.png, mobile-sidebar.png, mobile-toolbar.png.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsreader.news.models import Mention, Origin
from tests.browser import ARTIFACTS, MARKS, close_pages
from tests.factories import make_article, make_event, make_mention, make_user, paragraph

pytestmark = MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}

TEXT = [
    ("title", "مجلس بلدية صيدا يناقش خطة المياه مع وفد الوكالة الإقليمية"),
    (
        "body",
        "استقبل رئيس بلدية صيدا سليم الحجار وفد الوكالة الإقليمية للمياه برئاسة "
        "Daniel Moreau في قصر البلدية، وبحث معه خطة المياه للأعوام 2026-2030.",
    ),
    ("body", "وقال الحجار إن العمل يبدأ في حي الوسطاني قبل الصيف."),
]

# Twenty-four invented people, each mentioned once: the sidebar's list is far
# taller than a phone's screen.
NAMES = [
    f"{first} {last}"
    for first in ("سامر", "نادين", "وليد", "ريم", "كريم", "هالة")
    for last in ("العطار", "الخوري", "النقيب", "البزري")
]

# What a long press does on a phone: the browser selects the word under the
# finger. Headless Chromium does not run that gesture, so the test sends the
# finger's touch events and makes the word selection itself; no mouse event.
SELECT_LIKE_A_LONG_PRESS = """([id, word]) => {
  const para = document.getElementById(id);
  const node = [...para.childNodes]
    .find(n => n.nodeType === Node.TEXT_NODE && n.data.includes(word));
  const at = node.data.indexOf(word);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + word.length);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const r = range.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def make_long_article():
    paragraphs = [*TEXT, ("body", "وحضر اللقاء " + "، و".join(NAMES) + ".")]
    article = make_article(paragraphs=paragraphs, agenda_meeting="جلسة المجلس البلدي")
    make_event(article, "2026-03-15", date(2026, 3, 15), "بدء الأشغال في حي الوسطاني")
    body = paragraph(article, 1)
    make_mention(body, "صيدا", "LOCATION")
    make_mention(body, "سليم الحجار", "PERSON")
    make_mention(body, "Daniel Moreau", "PERSON")
    crowd = paragraph(article, 3)
    for name in NAMES:
        make_mention(crowd, name, "PERSON")
    return article


def sign_in(page, base: str, next_url: str) -> None:
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("#id_username", "phone-editor")
    page.fill("#id_password", "pw-phone-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"**{next_url}")


def test_touch_selection_opens_the_toolbar_and_a_tap_adds_the_mention(browser, live_server) -> None:
    from playwright.sync_api import expect

    article = make_long_article()
    target = paragraph(article, 2)  # «وقال الحجار إن العمل يبدأ في حي الوسطاني …»
    make_user("phone-editor", password="pw-phone-1", editor=True)
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(**PHONE, locale="ar")
    page = context.new_page()
    try:
        sign_in(page, live_server.url, article.get_absolute_url())
        cdp = context.new_cdp_session(page)
        x, y = page.evaluate(SELECT_LIKE_A_LONG_PRESS, [f"p-{target.index}", "الوسطاني"])
        finger = [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": finger})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

        toolbar = page.locator(".edit-toolbar")
        expect(toolbar).to_be_visible()
        button = toolbar.locator("button[value=LOCATION]")
        assert button.bounding_box()["height"] >= 40  # a finger-sized target
        page.screenshot(path=str(ARTIFACTS / "mobile-toolbar.png"))
        button.tap()
        mark = page.locator(f'#p-{target.index} mark[data-label="LOCATION"]')
        expect(mark).to_have_text("الوسطاني")
        expect(toolbar).to_have_count(0)

        # A selection made without any pointer (as Shift+arrows make one) works too.
        page.evaluate(SELECT_LIKE_A_LONG_PRESS, [f"p-{target.index}", "الصيف"])
        expect(toolbar).to_be_visible()
        page.keyboard.press("Escape")
        expect(toolbar).to_have_count(0)
        page.wait_for_timeout(600)  # the closed toolbar does not come back by itself
        expect(toolbar).to_have_count(0)
    finally:
        close_pages(browser)

    added = Mention.objects.get(paragraph=target, label="LOCATION")
    assert (added.text, added.origin) == ("الوسطاني", Origin.HUMAN)


def test_on_a_phone_the_sidebar_flows_below_the_article_to_its_last_entry(
    browser, live_server
) -> None:
    from playwright.sync_api import expect

    article = make_long_article()
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(**PHONE, locale="ar")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{article.get_absolute_url()}")
        assert page.evaluate(OVERFLOW) == 0
        page.screenshot(path=str(ARTIFACTS / "mobile-reader.png"))
        text = page.locator("#article").bounding_box()
        side = page.locator(".sidebar").bounding_box()
        assert side["y"] >= text["y"] + text["height"]  # below the article, full width
        assert side["width"] > 300
        # Part of the page, not a nested scroll box capped at the screen's height.
        assert side["height"] > 844
        assert (
            page.evaluate(
                "(() => { const s = document.querySelector('.sidebar');"
                " return s.scrollHeight - s.clientHeight; })()"
            )
            == 0
        )
        for heading in ("جدول الأعمال", "الخط الزمني", "في هذا المقال"):
            expect(page.locator(".sidebar h2", has_text=heading)).to_be_visible()

        # Scrolling the page reaches the last person in the list.
        last = page.locator('#article-entities ul[data-label="PERSON"] li').last
        expect(last).to_contain_text(NAMES[-1])
        page.mouse.wheel(0, 100_000)
        # polled from here: wait_for_function's string predicate runs through eval in the
        # page, which the Content-Security-Policy forbids (it failed whenever it had to poll)
        at_bottom = "window.scrollY + innerHeight >= document.body.scrollHeight - 2"
        for _ in range(150):
            if page.evaluate(at_bottom):
                break
            page.wait_for_timeout(100)
        assert page.evaluate(at_bottom)
        box = last.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
        page.screenshot(path=str(ARTIFACTS / "mobile-sidebar.png"))
    finally:
        close_pages(browser)


@pytest.mark.parametrize("width", [1366, 390])
def test_no_page_scrolls_sideways(browser, live_server, width: int) -> None:

    article = make_long_article()
    entity = Mention.objects.get(text="سليم الحجار").entity
    pages = ["/", "/?q=!!!", article.get_absolute_url(), entity.get_absolute_url(), "/upcoming/"]
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="ar")
    try:
        for path in pages:
            page.goto(f"{live_server.url}{path}")
            assert page.evaluate(OVERFLOW) == 0, (path, width)
    finally:
        close_pages(browser)
