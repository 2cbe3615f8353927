"""What one article may cost: repeats collapsed, a line cap, stored dropped lines capped,
admin inlines paginated, and lists that never read the raw input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsreader.news import bounds
from newsreader.news.models import Article, DroppedLine, EditLog, Paragraph
from tests.factories import make_article, make_mention, paragraph

pytestmark = pytest.mark.django_db


def ingest(path: Path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_article_pasted_many_times_is_stored_once_with_few_dropped_lines(
    sample_path: Path, tmp_path: Path
) -> None:
    once = sample_path.read_bytes()
    path = tmp_path / "repeated.txt"
    path.write_bytes(once * 400)  # ~1 MB, ~12,000 lines
    ingest(path)
    article = Article.objects.get()
    lines = len(once.decode().splitlines())
    assert article.dropped_lines.count() <= 3 * lines
    assert article.paragraphs.count() <= lines


def test_text_of_more_lines_than_an_article_is_refused(settings, tmp_path: Path) -> None:
    settings.INGEST_MAX_LINES = 40
    path = tmp_path / "long.txt"
    path.write_text("\n".join(f"السطر رقم {n} من نص طويل جدا" for n in range(41)))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=io.StringIO(), stderr=err)
    assert "the text has 41 lines" in err.getvalue() and "Traceback" not in err.getvalue()
    assert not Article.objects.exists()


def test_the_line_cap_message_names_the_count_and_the_setting(settings) -> None:
    settings.INGEST_MAX_LINES = 2
    with pytest.raises(Exception, match="has 3 lines .* at most 2 \\(INGEST_MAX_LINES\\)"):
        bounds.check_lines("أ\nب\nج")


def test_dropped_lines_past_the_cap_are_counted_not_stored(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bounds, "MAX_DROPPED", 3)
    lines = ["وزير يفتتح معرضا للكتاب في المدينة"]
    lines += [f"شارك الخبر على فيسبوك {n}" for n in range(8)]  # share prompts: dropped
    lines += ["افتتح وزير الثقافة اليوم معرض الكتاب السنوي بمشاركة مئات دور النشر العربية."]
    path = tmp_path / "a.txt"
    path.write_text("\n".join(lines))
    ingest(path)
    article = Article.objects.get()
    stored = article.dropped_lines.count()
    assert stored == 3 and article.dropped_more >= 1
    assert stored + article.dropped_more >= 8


def test_admin_inlines_show_one_page_of_rows_with_links_to_the_others(curator: Client) -> None:
    article = make_article()
    DroppedLine.objects.bulk_create(
        DroppedLine(article=article, position=n, text=f"سطر محذوف رقم {n}", reason="share")
        for n in range(120)
    )
    url = reverse("admin:news_article_change", args=[article.pk])
    page = curator.get(url).content.decode()
    assert "سطر محذوف رقم 49<" in page and "سطر محذوف رقم 50<" not in page
    assert "?droppedline-page=2" in page and "الصفحة 1 من 3" in page
    last = curator.get(url, {"droppedline-page": 3}).content.decode()
    assert "سطر محذوف رقم 119<" in last and "سطر محذوف رقم 99<" not in last
    assert curator.get(url, {"droppedline-page": "x"}).status_code == 200


@pytest.mark.parametrize(
    "name", ["news_paragraph_changelist", "news_mention_changelist", "news_editlog_changelist"]
)
def test_admin_lists_never_read_the_raw_input(curator: Client, name: str) -> None:
    article = make_article()
    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    EditLog.objects.create(article=article, mention=mention, target="mention", action="add")
    with CaptureQueriesContext(connection) as queries:
        response = curator.get(reverse(f"admin:{name}"))
    assert response.status_code == 200 and Paragraph.objects.exists()
    selects = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    assert selects and not any('"news_article"."raw"' in sql for sql in selects)
