"""Reading in real Chromium: RTL layout, bidi isolation, legend, mention card, themes, search.

Screenshots of the reader in both themes go to test-artifacts/ (reader-light.png,
reader-dark.png); docs/reader.png in the README is a copy of a light one.
"""

from __future__ import annotations

from datetime import date

from newsreader.news import search
from tests.browser import ARTIFACTS, MARKS, close_pages
from tests.factories import make_agenda, make_article, make_event, make_mention, paragraph

pytestmark = MARKS

TEXT = [
    ("title", "ميقاتي يستقبل وفد البنك الدولي في بيروت"),
    (
        "body",
        "استقبل رئيس الحكومة نجيب ميقاتي وفد البنك الدولي برئاسة Ferid Belhaj في السراي "
        "ببيروت يوم الاثنين، ونُشر البيان على https://example.org/news بعد اللقاء.",
    ),
    ("heading", "خطة الكهرباء للأعوام 2025-2030"),
    (
        "body",
        "وبحث ميقاتي مع الوفد خطة الكهرباء، على أن يزور الوفد طرابلس في 15 مارس 2026، "
        "ويلتقي محمد الحسن لبحث قرض بقيمة 250 مليون دولار.",
    ),
    ("quote", "«نريد حلولاً سريعة» قال ميقاتي."),
]

BG = "(selector) => getComputedStyle(document.querySelector(selector)).backgroundColor"
TRANSPARENT = "rgba(0, 0, 0, 0)"

# Left edges of two substrings of an element's text, as laid out.
LEFT_OF = """([selector, a, b]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const rects = {};
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of [a, b]) {
      const at = node.data.indexOf(word);
      if (at < 0 || word in rects) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      rects[word] = range.getBoundingClientRect().left;
    }
  }
  return [rects[a], rects[b]];
}"""


def make_reading_article():
    article = make_article(paragraphs=TEXT, agenda_meeting="لقاء ميقاتي ووفد البنك الدولي")
    make_agenda(article, "خطة الكهرباء 2025-2030", 2)
    make_agenda(article, "قرض بقيمة 250 مليون دولار", 3)
    make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة الوفد طرابلس")
    body, later = paragraph(article, 1), paragraph(article, 3)
    mikati = make_mention(body, "نجيب ميقاتي", "PERSON").entity
    make_mention(body, "البنك الدولي", "ORGANIZATION")
    make_mention(body, "Ferid Belhaj", "PERSON")
    make_mention(body, "بيروت", "LOCATION")
    make_mention(later, "ميقاتي", "PERSON", entity=mikati)
    make_mention(later, "طرابلس", "LOCATION")
    make_mention(later, "15 مارس 2026", "DATE", value="2026-03-15")
    make_mention(later, "محمد الحسن", "PERSON")
    make_mention(paragraph(article, 4), "ميقاتي", "PERSON", entity=mikati, origin="human")
    other = make_article()
    make_mention(paragraph(other, 1), "ميقاتي", "PERSON", entity=mikati)
    make_mention(paragraph(other, 3), "ميقاتي", "PERSON", entity=mikati, rejected=True)
    return article, mikati  # Mikati: 4 active mentions in the corpus, 3 of them here


def test_reading_rtl_legend_card_and_themes(browser, live_server) -> None:
    from playwright.sync_api import expect

    article, mikati = make_reading_article()
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(
        viewport={"width": 1280, "height": 900}, locale="ar", color_scheme="light"
    )
    try:
        page.goto(f"{live_server.url}{article.get_absolute_url()}")

        # Right to left: the article and its paragraphs, the sidebar on its left.
        assert (
            page.evaluate("getComputedStyle(document.getElementById('article')).direction") == "rtl"
        )
        assert page.evaluate("getComputedStyle(document.getElementById('p-3')).direction") == "rtl"
        box = page.locator("#article").bounding_box()
        side = page.locator(".sidebar").bounding_box()
        assert side["x"] + side["width"] <= box["x"], (side, box)

        # Latin names, URLs and ranges are isolated left-to-right, marks nested inside.
        expect(page.locator("#p-1 bdi:has(mark)")).to_have_text("Ferid Belhaj")
        expect(page.locator("#p-1 bdi", has_text="https://")).to_have_text(
            "https://example.org/news"
        )
        assert (
            page.evaluate("getComputedStyle(document.querySelector('#p-1 bdi')).direction") == "ltr"
        )
        first, second = page.evaluate(LEFT_OF, ["#p-2", "2025", "2030"])
        assert first < second  # the range reads 2025-2030, not reordered
        text = page.evaluate("document.getElementById('p-1').textContent")
        assert text == TEXT[1][1]  # bdi and marks leave the text (and offsets) exact

        # The legend hides and shows one label's highlights.
        person = "#p-1 mark.ent-PERSON"
        place = "#p-1 mark.ent-LOCATION"
        shown = page.evaluate(BG, person)
        assert shown != TRANSPARENT
        page.uncheck('[data-toggle-label="PERSON"]')
        assert page.evaluate(BG, person) == TRANSPARENT
        assert page.evaluate(BG, place) != TRANSPARENT
        page.check('[data-toggle-label="PERSON"]')
        assert page.evaluate(BG, person) == shown

        # Hover card: label, canonical name, origin, corpus count, entity link.
        card = page.locator("#mention-card")
        expect(card).to_be_hidden()
        page.hover(f'#p-1 mark[data-entity="{mikati.pk}"]')
        expect(card).to_be_visible()
        expect(card.locator(".card-count")).to_have_text("4")
        expect(card.locator(".card-label")).to_have_text("شخص")
        expect(card.locator(".card-origin")).to_have_text("النموذج")
        expect(card.locator("a.card-name")).to_have_attribute("href", f"/entities/{mikati.pk}/")
        expect(card.locator("a.card-name")).to_have_text("نجيب ميقاتي")
        card_box = card.bounding_box()
        mark_box = page.locator(f'#p-1 mark[data-entity="{mikati.pk}"]').bounding_box()
        assert card_box["y"] >= mark_box["y"] + mark_box["height"] - 1  # below the mark
        page.screenshot(path=str(ARTIFACTS / "reader-light.png"), full_page=True)
        page.mouse.move(5, 880)
        expect(card).to_be_hidden()

        # Focus too (keyboard readers), with the editor's origin on this one.
        page.focus("#p-4 mark")
        expect(card).to_be_visible()
        expect(card.locator(".card-origin")).to_have_text("محرر")
        page.keyboard.press("Escape")
        expect(card).to_be_hidden()

        # Theme toggle: dark, remembered across a reload, then light again.
        light = page.evaluate(BG, "body")
        page.click("[data-theme-toggle]")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        dark = page.evaluate(BG, "body")
        assert dark != light and dark == "rgb(23, 24, 27)"
        assert page.evaluate(BG, person) not in (shown, TRANSPARENT)
        page.reload()
        assert page.evaluate(BG, "body") == dark
        expect(page.locator("[data-theme-toggle]")).to_have_attribute("aria-pressed", "true")
        page.hover("#p-3 mark.ent-DATE")
        expect(card).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "reader-dark.png"), full_page=True)
        page.click("[data-theme-toggle]")
        assert page.evaluate(BG, "body") == light
    finally:
        close_pages(browser)


def test_system_dark_preference_is_the_default(browser, live_server) -> None:

    article, _ = make_reading_article()
    page = browser.new_page(color_scheme="dark")
    try:
        page.goto(f"{live_server.url}{article.get_absolute_url()}")
        assert page.evaluate(BG, "body") == "rgb(23, 24, 27)"
        assert page.evaluate("document.documentElement.dataset.theme") is None
        page.click("[data-theme-toggle]")  # the reader's choice beats the system's
        assert page.evaluate(BG, "body") == "rgb(255, 253, 248)"
    finally:
        close_pages(browser)


def test_search_with_a_diacritised_query(browser, live_server) -> None:
    from playwright.sync_api import expect

    wanted = make_article("لقاء مع محمد", [("title", "لقاء مع محمد"), ("body", "زار محمد بيروت.")])
    other = make_article("لقاء مع أحمد", [("title", "لقاء مع أحمد"), ("body", "زار أحمد عمان.")])
    for article in (wanted, other):
        search.reindex_article(article)
    page = browser.new_page(locale="ar")
    try:
        page.goto(f"{live_server.url}/")
        expect(page.locator(".article-title")).to_have_count(2)
        page.fill("#q", "مُحَمَّد")
        page.press("#q", "Enter")
        page.wait_for_url("**/?q=*")
        titles = page.locator(".article-title")
        expect(titles).to_have_count(1)
        expect(titles.first).to_have_text("لقاء مع محمد")
        expect(titles.first).to_have_attribute("href", wanted.get_absolute_url())
    finally:
        close_pages(browser)
