"""Error pages: Arabic, inside the site's layout; one line for htmx; server errors logged."""

from __future__ import annotations

import io
import logging
import sys

import pytest
from django.test import Client
from django.urls import reverse

from newsreader.news.views import articles
from tests.factories import make_article, make_mention, make_user, paragraph

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def in_layout(page: str) -> bool:
    return '<html lang="ar" dir="rtl">' in page and 'class="brand"' in page


def test_404_is_an_arabic_page_in_the_layout(client: Client) -> None:
    response = client.get("/articles/no-such-article/")
    page = response.content.decode()
    assert response.status_code == 404 and in_layout(page)
    assert "الصفحة غير موجودة" in page and "Not Found" not in page


def test_403_page_for_a_reader_and_one_line_for_htmx(client: Client) -> None:
    article = make_article()
    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    client.force_login(make_user("reader"))
    url = reverse("mention_remove", args=[mention.pk])
    page = client.post(url, {"version": 1})
    assert page.status_code == 403 and in_layout(page.content.decode())
    assert "ليست لديك صلاحية" in page.content.decode()
    line = client.post(url, {"version": 1}, **HX)
    assert line.status_code == 403 and line["Content-Type"].startswith("text/plain")
    assert line.content.decode().startswith("ليست لديك صلاحية") and b"<" not in line.content


def test_400_page_for_a_bad_host(client: Client) -> None:
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400 and "طلب غير صالح" in response.content.decode()


def test_csrf_failure_is_an_arabic_page(article_client_csrf: Client) -> None:
    article = make_article()
    response = article_client_csrf.post(reverse("agenda_add", args=[article.pk]), {"text": "x"})
    page = response.content.decode()
    assert response.status_code == 403 and "رمز الحماية" in page and "CSRF" not in page
    line = article_client_csrf.post(reverse("agenda_add", args=[article.pk]), {}, **HX)
    assert line.status_code == 403 and line.content.decode().startswith("رُفض الطلب")


@pytest.fixture
def article_client_csrf() -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("reader"))
    return client


def test_500_is_arabic_and_logged_to_stderr_with_its_request(client: Client, monkeypatch) -> None:
    article = make_article()
    handler = logging.getLogger("django.request").handlers[0]
    assert handler.stream in (sys.stderr, sys.__stderr__) or "stderr" in repr(handler.stream)
    stream = io.StringIO()
    monkeypatch.setattr(handler, "stream", stream)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(articles, "render", broken)
    client.raise_request_exception = False
    client.force_login(make_user("reader"))
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 500 and in_layout(page) and "خطأ في الخادم" in page
    assert "RuntimeError" not in page
    err = stream.getvalue()
    line = next(x for x in err.splitlines() if "Internal Server Error" in x)
    assert f"[GET {article.get_absolute_url()} user=reader]" in line
    assert "RuntimeError: a bug in the reader" in err  # the traceback follows the line
    response = client.get(article.get_absolute_url(), **HX)
    assert response.status_code == 500 and response.content.decode().startswith("حدث خطأ")
