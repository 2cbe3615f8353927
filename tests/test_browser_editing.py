"""The reader in real Chromium: RTL, letter joining at marks, and adding a mention.

Only what needs a browser lives here: selection offsets counted by the
browser, the floating toolbar, the htmx swap, and how Arabic renders.
"""

from __future__ import annotations

from datetime import date

from newsreader.news.models import EditLog, Mention, Origin
from tests.browser import ARTIFACTS, MARKS, close_pages, sign_in
from tests.factories import (
    make_agenda,
    make_article,
    make_event,
    make_mention,
    make_user,
    paragraph,
)

pytestmark = MARKS

SELECT_WORD = """([id, word]) => {
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
  para.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
}"""

# Width of a word with and without a mark around its stem: equal when the
# proclitic still joins the stem (isolated forms would change the width).
JOINING = """([prefix, stem]) => {
  const box = document.createElement("p");
  box.className = "para";
  box.style.position = "absolute";
  box.innerHTML = `<span id="plain">${prefix}${stem}</span><br>` +
    `<span id="marked">${prefix}<mark class="ent ent-LOCATION">${stem}</mark></span>`;
  document.getElementById("article").appendChild(box);
  const plain = document.getElementById("plain").getBoundingClientRect().width;
  const marked = document.getElementById("marked").getBoundingClientRect().width;
  box.remove();
  return [plain, marked];
}"""


def test_editor_adds_a_person_by_selecting_a_word(browser, live_server) -> None:
    from playwright.sync_api import expect

    article = make_article(agenda_meeting="اجتماع ميقاتي ووفد البنك الدولي", agenda_count=2)
    make_agenda(article, "خطة الكهرباء", 2)
    make_agenda(article, "زيارة طرابلس", 3)
    make_event(article, "2026-03-02", date(2026, 3, 2), "استقبال الوفد في السراي")
    make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة الوفد طرابلس")
    body = paragraph(article, 1)
    make_mention(body, "بيروت", "LOCATION")  # «ببيروت»: a joining proclitic before the mark
    make_mention(body, "البنك الدولي", "ORGANIZATION")
    make_mention(paragraph(article, 3), "طرابلس", "LOCATION")
    make_mention(paragraph(article, 3), "15 مارس 2026", "DATE", value="2026-03-15")
    target = paragraph(article, 3)  # «وبحث ميقاتي مع الوفد …»
    make_user("editor", password="pw-editor-1", editor=True)

    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
    try:
        sign_in(page, live_server.url, article.get_absolute_url(), "editor", "pw-editor-1")

        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert page.evaluate("getComputedStyle(document.getElementById('p-1')).direction") == "rtl"
        for prefix in ("ب", "ل", "و"):
            plain, marked = page.evaluate(JOINING, [prefix, "بيروت"])
            assert abs(plain - marked) < 0.5, (prefix, plain, marked)

        page.evaluate(SELECT_WORD, [f"p-{target.index}", "ميقاتي"])
        page.click(".edit-toolbar button[value=PERSON]")
        mark = page.locator(f'#p-{target.index} mark[data-label="PERSON"]')
        expect(mark).to_have_text("ميقاتي")
        sidebar = page.locator('#article-entities ul[data-label="PERSON"]')
        expect(sidebar).to_contain_text("ميقاتي")  # refreshed on the HX-Trigger event
        added = Mention.objects.get(paragraph=target, label="PERSON")
        assert (added.text, added.origin) == ("ميقاتي", Origin.HUMAN)
        page.screenshot(path=str(ARTIFACTS / "reader.png"), full_page=True)

        # Click the new mark: the popover relabels it in place.
        mark.click()
        page.select_option(".popover select[name=label]", "ORGANIZATION")
        page.click(".popover form:has(select) button")
        relabelled = page.locator(f'#p-{target.index} mark[data-label="ORGANIZATION"]')
        expect(relabelled).to_have_text("ميقاتي")
        expect(page.locator(".popover")).to_have_count(0)
    finally:
        close_pages(browser)

    mention = Mention.objects.get(paragraph=target, text="ميقاتي")
    assert (mention.label, mention.origin) == ("ORGANIZATION", Origin.HUMAN)
    assert [log.action for log in EditLog.objects.order_by("pk")] == ["add", "relabel"]
