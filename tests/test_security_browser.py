"""Security in a real browser: hostile text on every page type, and an expired session.

The XSS matrix puts script-bearing payloads in every field a page shows (text,
title, source name and URL, entity name and alias, agenda, timeline, the
og: fields of an ingested page, a search query, a login `next`) and opens
every page type in headless Chromium with a dialog listener. The CSP would
stop an inline script anyway, so the test also asserts that no payload
became markup (no injected element, no on* attribute) and that the page
reported no CSP violation (which would mean our own markup needs inline code).
"""

from __future__ import annotations

import functools
from datetime import timedelta

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from newsreader.news.models import (
    Alias,
    Article,
    DroppedLine,
    EditLog,
    Entity,
    Mention,
)
from tests.browser import MARKS as BROWSER
from tests.browser import close_pages, sign_in
from tests.factories import (
    make_agenda,
    make_article,
    make_event,
    make_mention,
    make_user,
    paragraph,
)
from tests.test_browser_editing import SELECT_WORD


def browser_test(function):
    """The browser tests' marks (Chromium, a live server's transactional database)."""
    return functools.reduce(lambda f, mark: mark(f), BROWSER, function)


PAYLOADS = [
    '<script>alert("s1")</script>',
    '"><img src=x onerror=alert("s2")>',
    "'><svg onload=alert('s3')>",
    '</textarea><iframe srcdoc="<script>alert(4)</script>"></iframe>',
    "{{7*7}}{% now 'Y' %}<b onmouseover=alert(5)>",
]
HOSTILE = " ".join(PAYLOADS)
INJECTED = """() => {
  const found = [...document.querySelectorAll(
    'img[src="x"], svg[onload], iframe[srcdoc], b[onmouseover], script:not([src])')];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith("on")) found.push(el);
    }
    for (const name of ["href", "src", "action", "formaction"]) {
      const value = (el.getAttribute(name) || "").trim().toLowerCase();
      if (value.startsWith("javascript:")) found.push(el);
    }
  }
  return found.map((el) => el.outerHTML.slice(0, 120));
}"""

OG_PAGE = """<!doctype html><html><head>
<title>{p}</title>
<meta property="og:title" content="{q}">
<meta property="og:site_name" content="{q}">
<meta property="og:url" content="javascript:alert('og')">
<meta name="author" content="{q}">
</head><body><article><h1>{p}</h1>
<p>افتتح وزير الثقافة معرض الكتاب السنوي في المدينة بمشاركة مئات دور النشر العربية {p}.</p>
<p>وقال الوزير إن المعرض يستقبل الزوار حتى نهاية الشهر الجاري في قاعات المدينة الكبرى.</p>
</article></body></html>"""


def hostile_corpus() -> tuple[Article, Article, Mention]:
    """Payloads in every field a page shows; one article ingested from a hostile HTML page."""
    from html import escape

    from newsreader.news.ingest import ingest_bytes

    text = [
        ("title", f"عنوان {HOSTILE}"),
        ("body", f"استقبل الرئيس نجيب ميقاتي الوفد في بيروت {HOSTILE} يوم الاثنين."),
        ("heading", HOSTILE),
        ("body", f"وبحث ميقاتي مع الوفد خطة الكهرباء {HOSTILE}."),
    ]
    article = make_article(
        paragraphs=text,
        source_url="javascript:alert('src')",
        agenda_meeting=HOSTILE,
        published=timezone.localdate(),
    )
    Article.objects.filter(pk=article.pk).update(source_name=HOSTILE)
    body = paragraph(article, 1)
    person = make_mention(body, "نجيب ميقاتي", "PERSON")
    Entity.objects.filter(pk=person.entity_id).update(name=HOSTILE)
    Alias.objects.create(entity_id=person.entity_id, name=HOSTILE, key="hostile")
    make_mention(body, "بيروت", "LOCATION")
    make_agenda(article, f"بند {HOSTILE}", 1)
    make_event(article, "2026-03-15", timezone.localdate() + timedelta(days=2), f"حدث {HOSTILE}")
    DroppedLine.objects.create(article=article, position=9, text=HOSTILE, reason="share")
    EditLog.objects.create(
        article=article,
        mention=person,
        target="mention",
        target_id=person.pk,
        action="link",
        before={"label": HOSTILE, "text": HOSTILE, "entity_name": HOSTILE, "origin": "model"},
        after={"label": "PERSON", "text": HOSTILE, "value": HOSTILE, "origin": "human"},
    )
    page = OG_PAGE.format(p=HOSTILE, q=escape(HOSTILE, quote=True)).encode()
    ingested = ingest_bytes(page, name="hostile.html", source_name="").article
    return article, ingested, person


@browser_test
def test_no_payload_runs_or_becomes_markup_on_any_page(browser, live_server) -> None:

    article, ingested, person = hostile_corpus()
    User.objects.create_superuser("curator", "", "pw-curator-1")
    q = "?q=" + '"><script>alert(9)</script>'
    reader_pages = [
        "/",
        "/" + q,
        article.get_absolute_url(),
        ingested.get_absolute_url(),
        reverse("entity_detail", args=[person.entity_id]),
        reverse("upcoming"),
        reverse("login") + "?next=" + "javascript:alert(7)",
        "/articles/%3Cscript%3Ealert(8)%3C%2Fscript%3E/",
    ]
    admin_pages = [
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:news_article_change", args=[ingested.pk]),
        reverse("admin:news_entity_changelist"),
        reverse("admin:news_entity_change", args=[person.entity_id]),
        reverse("admin:news_mention_changelist"),
        reverse("admin:news_mention_change", args=[person.pk]),
        reverse("admin:news_paragraph_change", args=[person.paragraph_id]),
        reverse("admin:news_editlog_changelist"),
        reverse("admin:news_sourceline_changelist"),
    ]
    dialogs: list[str] = []
    violations: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    try:

        def visit(url: str) -> None:
            page.goto(f"{live_server.url}{url}")
            page.wait_for_load_state("load")
            for mark_el in page.locator("mark.ent").all()[:3]:
                mark_el.hover()  # the mention card is filled from data attributes
            assert page.evaluate(INJECTED) == [], url

        for url in reader_pages:
            visit(url)
        page.goto(f"{live_server.url}{reverse('login')}")
        page.fill("#id_username", "curator")
        page.fill("#id_password", "pw-curator-1")
        page.click("button[type=submit]")
        page.wait_for_load_state("load")
        for url in [article.get_absolute_url(), ingested.get_absolute_url(), *admin_pages]:
            visit(url)
        # the editor's card and its history (an htmx swap of logged states)
        page.goto(f"{live_server.url}{article.get_absolute_url()}")
        page.locator(f'mark[data-mention="{person.pk}"]').click()
        page.locator(".popover details.history-box summary").click()
        page.wait_for_selector(".history li")
        assert page.evaluate(INJECTED) == []
    finally:
        close_pages(browser)
    assert dialogs == []
    assert violations == []
    stored = Article.objects.get(pk=ingested.pk)
    assert not stored.source_url.lower().startswith("javascript")


@browser_test
def test_an_expired_session_keeps_the_page_and_says_to_sign_in(browser, live_server) -> None:
    """The next edit after the session is gone: one status line, the paragraph untouched."""
    from playwright.sync_api import expect

    article = make_article()
    target = paragraph(article, 3)
    make_user("editor", password="pw-editor-1", editor=True)
    context = browser.new_context()
    page = context.new_page()
    try:
        sign_in(page, live_server.url, article.get_absolute_url(), "editor", "pw-editor-1")
        before = page.inner_html(f"#p-{target.index}")
        context.clear_cookies(name="sessionid")  # the session expired meanwhile
        page.evaluate(SELECT_WORD, [f"p-{target.index}", "ميقاتي"])
        page.click(".edit-toolbar button[value=PERSON]")
        expect(page.locator("#edit-status")).to_contain_text("سجّل الدخول من جديد")
        assert page.inner_html(f"#p-{target.index}") == before
        assert page.locator("#id_username").count() == 0  # no login form in the page
    finally:
        close_pages(browser)
    assert not Mention.objects.exists()
