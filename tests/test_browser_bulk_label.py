"""The bulk-label flow in real Chromium: admin sign-in, name and label, preview, apply."""

from __future__ import annotations

from newsreader.news.models import EditLog, Mention, Origin
from tests.browser import ARTIFACTS, MARKS, close_pages
from tests.factories import make_article, make_mention, paragraph

pytestmark = MARKS


def test_curator_labels_every_occurrence_after_a_preview(browser, live_server) -> None:
    from django.contrib.auth.models import User
    from playwright.sync_api import expect

    article = make_article()  # «ميقاتي» in paragraphs 0, 1, 3 and 4
    make_mention(paragraph(article, 4), "ميقاتي", "PERSON", rejected=True, origin="human")
    User.objects.create_superuser("curator", "", "pw-curator-1")

    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{live_server.url}/admin/login/?next=/admin/news/entity/")
        page.fill("#id_username", "curator")
        page.fill("#id_password", "pw-curator-1")
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/news/entity/")

        page.click("a.bulk-label-link")
        page.wait_for_url("**/admin/news/entity/bulk-label/")
        page.fill("#id_name", "ميقاتي")
        page.select_option("#id_label", "PERSON")
        page.click("#bulk-preview-form input[type=submit]")

        preview = page.locator("#bulk-preview")
        expect(preview.locator(".bulk-paragraph")).to_have_count(4)
        expect(preview.locator('mark[data-status="new"]')).to_have_count(3)
        expect(preview.locator('mark[data-status="skip"]')).to_have_count(1)
        expect(preview.locator('mark[data-status="new"]').first).to_have_text("ميقاتي")
        assert Mention.objects.count() == 1  # the preview changed nothing
        # counted in Arabic plural forms: 3 places (few), 4 paragraphs, one left (singular)
        heading = "المعاينة: 3 مواضع في 4 فقرات، ويُترك موضع واحد لقرار بشري"
        expect(preview.locator("h2")).to_have_text(heading)
        apply = page.locator("#bulk-apply-form input[type=submit]")
        expect(apply).to_have_value("طبّق على 3 مواضع")
        page.screenshot(path=str(ARTIFACTS / "bulk-preview.png"), full_page=True)

        page.click("#bulk-apply-form input[type=submit]")

        said = "وُسمت 3 إشارات «ميقاتي» بتصنيف شخص."
        expect(page.locator(".messagelist")).to_contain_text(said)
        expect(page.locator('#bulk-preview mark[data-status="skip"]')).to_have_count(4)
        expect(page.locator("#bulk-apply-form")).to_have_count(0)
        page.screenshot(path=str(ARTIFACTS / "bulk-applied.png"), full_page=True)
    finally:
        close_pages(browser)

    added = Mention.objects.filter(rejected=False)
    assert sorted(added.values_list("paragraph__index", "text", "label", "origin")) == [
        (index, "ميقاتي", "PERSON", Origin.HUMAN) for index in (0, 1, 3)
    ]
    assert list(EditLog.objects.values_list("action", flat=True)) == ["add"] * 3
