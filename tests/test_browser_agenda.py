"""Editing the agenda in real Chromium: the htmx swap of the sidebar section.

What needs a browser: the <details> edit form, htmx posting it (with the
CSRF header) and swapping the section in place, the clicked button's value
reaching the server on a move, and a sidebar link flashing its paragraph.
"""

from __future__ import annotations

import re

from newsreader.news.models import AgendaItem, EditLog, Origin
from tests.browser import ARTIFACTS, MARKS, close_pages, sign_in
from tests.factories import make_agenda, make_article, make_user
from tests.test_view_agenda import grant

pytestmark = MARKS


def test_editor_edits_an_agenda_item_in_the_sidebar(browser, live_server) -> None:
    from playwright.sync_api import expect

    article = make_article(agenda_meeting="اجتماع ميقاتي ووفد البنك الدولي", agenda_count=2)
    first = make_agenda(article, "خطة الكهرباء", 2, order=0)
    make_agenda(article, "زيارة طرابلس", 3, order=1)
    grant(make_user("editor", password="pw-editor-1"), "change_agendaitem")

    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
    try:
        sign_in(page, live_server.url, article.get_absolute_url(), "editor", "pw-editor-1")

        row = page.locator(f"#agenda-{first.pk}")
        row.locator("summary").click()
        field = row.locator("input[name=text]")
        expect(field).to_be_visible()
        field.fill("خطة الكهرباء الطارئة")
        row.locator(".item-edit button[type=submit]").click()

        # The section was swapped in place (no navigation) with the new text.
        link = page.locator(f'#agenda-{first.pk} > a[href="#p-2"]')
        expect(link).to_have_text("خطة الكهرباء الطارئة")
        expect(page.locator(f"#agenda-{first.pk} details[open]")).to_have_count(0)
        assert page.url.endswith(article.get_absolute_url())
        expect(page.locator("#agenda h3")).to_have_text("اجتماع ميقاتي ووفد البنك الدولي")
        first.refresh_from_db()
        assert (first.text, first.origin) == ("خطة الكهرباء الطارئة", Origin.HUMAN)

        # The down button's value reaches the server through htmx.
        page.locator(f"#agenda-{first.pk} button[value=down]").click()
        expect(page.locator("#agenda ol > li").first).to_contain_text("زيارة طرابلس")
        page.screenshot(path=str(ARTIFACTS / "agenda.png"), full_page=True)

        # A sidebar link highlights its paragraph.
        page.locator(f'#agenda-{first.pk} > a[href="#p-2"]').click()
        expect(page.locator("#p-2")).to_have_class(re.compile(r"\bflash\b"))
        assert page.evaluate("getComputedStyle(document.getElementById('p-2')).animationName")
    finally:
        close_pages(browser)

    texts = list(AgendaItem.objects.active().values_list("text", flat=True))
    assert texts == ["زيارة طرابلس", "خطة الكهرباء الطارئة"]
    assert [log.action for log in EditLog.objects.order_by("pk")] == ["edit", "move_down"]
