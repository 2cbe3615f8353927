"""The curators' admin in real Chromium: Arabic throughout, and the article change page
fits the window at 1,366 px (and a phone's 390 px) with its long inlines folded away.

Screenshots: test-artifacts/admin-index.png, admin-article.png, admin-article-open.png,
admin-article-phone.png.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User

from newsreader.news.admin import LONG_INLINE
from newsreader.news.models import DroppedLine
from tests.browser import ARTIFACTS, MARKS, close_pages
from tests.factories import make_article, make_event, make_mention, paragraph

pytestmark = MARKS

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
NAMES = ("المقالات", "الكيانات", "الإشارات", "سجل التعديلات", "عمليات دمج الكيانات")
OPEN_ALL = "document.querySelectorAll('details').forEach(d => d.open = true)"

SENTENCE = (
    "وناقش المجلس البلدي في جلسته الموسعة خطة المياه والصرف الصحي للأعوام 2026-2030 "
    "بحضور ممثلي الوكالة الإقليمية والجمعيات الأهلية ولجان الأحياء"
)


def make_long_article():
    paragraphs = [("title", "بلدية صيدا تقرّ خطة المياه")]
    paragraphs += [("body", f"{SENTENCE} ({n}).") for n in range(1, LONG_INLINE + 8)]
    article = make_article(paragraphs=paragraphs, agenda_meeting="جلسة المجلس البلدي")
    make_mention(paragraph(article, 1), "المجلس البلدي", "ORGANIZATION")
    for day in range(1, 5):
        make_event(
            article,
            f"2026-03-{day:02}",
            date(2026, 3, day),
            SENTENCE,
            paragraph=paragraph(article, day),
        )
    for n in range(3):
        DroppedLine.objects.create(article=article, position=n, text=SENTENCE, reason="duplicate")
    return article


def test_the_admin_is_arabic_and_the_article_page_fits(browser, live_server) -> None:
    from playwright.sync_api import expect

    article = make_long_article()
    User.objects.create_superuser("curator", "", "pw-curator-1")
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="ar")
    try:
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "curator")
        page.fill("#id_password", "pw-curator-1")
        page.click("[type=submit]")
        expect(page.locator("#site-name")).to_have_text("إدارة قارئ")
        app = page.locator(".app-news")
        for name in (
            "المقالات",
            "الكيانات",
            "الإشارات",
            "سجل التعديلات",
            "عمليات دمج الكيانات",
        ):
            expect(app.get_by_role("link", name=name, exact=True)).to_be_visible()
        for english in ("Articles", "Entity merges", "Edit logs", "Paragraphs"):
            expect(app.get_by_text(english, exact=True)).to_have_count(0)
        icon = page.locator("link[rel=icon]").get_attribute("href")
        assert page.request.get(f"{live_server.url}{icon}").ok
        page.screenshot(path=str(ARTIFACTS / "admin-index.png"))

        page.goto(f"{live_server.url}/admin/news/article/")
        assert page.evaluate(OVERFLOW) == 0
        table = "document.getElementById('result_list')"
        assert page.evaluate(f"{table}.scrollWidth - {table}.parentElement.clientWidth") <= 0
        expect(page.locator(".paginator")).to_contain_text("مقال واحد")

        page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
        expect(page.locator("h1")).to_have_text("تعديل مقال")
        assert page.evaluate(OVERFLOW) == 0
        # Long inlines are folded, their row count in the heading; short ones open.
        paragraphs = page.locator("#paragraphs-group details")
        expect(paragraphs).not_to_have_attribute("open", "")
        expect(paragraphs.locator("summary")).to_contain_text(f"الفقرات ({LONG_INLINE + 8})")
        expect(page.locator("#timeline_events-group h2")).to_contain_text("الخط الزمني (4)")
        expect(page.locator("#timeline_events-group .add-row a")).to_have_text("أضِف حدث آخر")
        page.screenshot(path=str(ARTIFACTS / "admin-article.png"), full_page=True)

        page.evaluate(OPEN_ALL)
        assert page.evaluate(OVERFLOW) == 0  # open, every inline still fits
        reasons = page.locator("#dropped_lines-group td.field-reason_name")
        expect(reasons.first).to_have_text("سطر مكرر")
        page.screenshot(path=str(ARTIFACTS / "admin-article-open.png"), full_page=True)

        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        page.evaluate(OPEN_ALL)
        assert page.evaluate(OVERFLOW) == 0
        page.screenshot(path=str(ARTIFACTS / "admin-article-phone.png"))
    finally:
        close_pages(browser)
