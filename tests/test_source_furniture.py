"""A source's furniture is learnt from its articles, used at ingest and by reclean."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from newsreader.news import ingest as ingest_module
from newsreader.news.furniture import known_furniture, record_lines, source_key
from newsreader.news.ingest import ingest_bytes
from newsreader.news.models import Article, SourceLine
from newsreader.news.vocabulary import DROP_REASONS, drop_reason_name
from newsreader.pipeline.clean_lines import near_key
from newsreader.pipeline.types import DropReason

SITE = "https://www.wadi-news.example/news/{}.html"
MENU = "الرئيسية سياسة اقتصاد رياضة ثقافة منوعات فيديو"
MASTHEAD = "رئيس مجلس الإدارة ورئيس التحرير سمير النجار"
STORIES = [
    (
        "افتتاح جسر جديد فوق النهر في مدينة الوادي",
        "افتتح محافظ الوادي صباح اليوم جسرا جديدا يربط ضفتي النهر بعد عامين من العمل.",
    ),
    (
        "انطلاق مهرجان الربيع للزهور في حدائق الوادي",
        "انطلقت اليوم فعاليات مهرجان الربيع للزهور بمشاركة عشرات العارضين من المحافظات.",
    ),
    (
        "فريق الوادي يفوز بكأس المحافظة بعد مباراة حماسية",
        "فاز فريق الوادي بكأس المحافظة بعد مباراة حماسية انتهت بهدفين مقابل هدف واحد.",
    ),
]


def page(n: int) -> bytes:
    headline, body = STORIES[n]
    return "\n".join([MENU, MASTHEAD, headline, body]).encode("utf-8")


def ingest(n: int) -> Article:
    return ingest_bytes(page(n), source_url=SITE.format(n)).article


def test_source_key_is_the_host_else_the_name() -> None:
    assert source_key("https://www.wadi-news.example/a/1", "الوادي") == "wadi-news.example"
    assert source_key("", " صحيفة الوادي ") == "صحيفة الوادي"
    assert source_key("", "") == ""


@pytest.mark.django_db
def test_lines_are_counted_once_per_article() -> None:
    record_lines("wadi-news.example", "سطر\nسطر\nآخر")
    record_lines("wadi-news.example", "سطر")
    counts = dict(SourceLine.objects.values_list("text", "articles"))
    assert counts == {"سطر": 2, "آخر": 1}
    assert known_furniture("wadi-news.example", "سطر\nجديد") == {near_key("سطر")}
    assert known_furniture("another.example", "سطر") == set()


@pytest.mark.django_db
def test_ingest_drops_what_the_sources_earlier_pages_repeat() -> None:
    ingest(0)
    ingest(1)
    third = ingest(2)
    reasons = dict(third.dropped_lines.values_list("text", "reason"))
    assert reasons[MENU] == "furniture"
    assert reasons[MASTHEAD] == "furniture"
    assert third.title == STORIES[2][0]
    assert list(third.paragraphs.values_list("text", flat=True)) == list(STORIES[2])


@pytest.mark.django_db
def test_reclean_of_a_source_applies_what_was_learnt_later() -> None:
    first = ingest(0)
    ingest(1)
    ingest(2)
    out = io.StringIO()
    call_command("reclean", "--source", "wadi-news.example", stdout=out)
    assert out.getvalue().count("article ") == 3
    first.refresh_from_db()
    assert first.title == STORIES[0][0]
    assert list(first.paragraphs.values_list("text", flat=True)) == list(STORIES[0])
    assert set(first.dropped_lines.values_list("reason", flat=True)) == {"furniture"}


@pytest.mark.django_db
def test_a_curators_verdict_wins_over_the_count() -> None:
    ingest(0)
    ingest(1)
    SourceLine.objects.filter(text=MASTHEAD).update(verdict=SourceLine.Verdict.KEEP)
    assert known_furniture("wadi-news.example", page(2).decode()) == {near_key(MENU)}
    third = ingest(2)
    # the cleaner's own rules may still drop it, but not as furniture
    assert not third.dropped_lines.filter(text=MASTHEAD, reason="furniture").exists()
    assert third.dropped_lines.get(text=MENU).reason == "furniture"


@pytest.mark.django_db
def test_an_unsure_headline_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    real_clean = ingest_module.clean

    def unsure(*args, **kwargs):
        return replace(real_clean(*args, **kwargs), title_certain=False)

    monkeypatch.setattr(ingest_module, "clean", unsure)
    assert ingest(0).title_uncertain
    given = ingest_bytes(page(1), title="عنوان اختاره المحرر").article
    assert not given.title_uncertain  # a caller-given title is no guess


@pytest.mark.django_db
def test_admin_lists_learnt_lines_and_uncertain_titles(curator: Client) -> None:
    first = ingest(0)
    second = ingest(1)
    Article.objects.filter(pk=second.pk).update(title_uncertain=True)
    lines = curator.get(reverse("admin:news_sourceline_changelist")).content.decode()
    assert MASTHEAD in lines
    url = reverse("admin:news_article_changelist")
    listed = curator.get(url, {"title_uncertain__exact": "1"}).content.decode()
    assert reverse("admin:news_article_change", args=[second.pk]) in listed
    assert reverse("admin:news_article_change", args=[first.pk]) not in listed
    line = SourceLine.objects.get(text=MENU)
    curator.post(
        reverse("admin:news_sourceline_changelist"),
        {"action": "mark_story", "_selected_action": [line.pk]},
    )
    assert SourceLine.objects.get(pk=line.pk).verdict == SourceLine.Verdict.KEEP


@pytest.mark.django_db
def test_admin_names_drop_reasons_in_arabic(curator: Client) -> None:
    article = ingest_bytes(
        "\n".join([STORIES[0][0], STORIES[0][1], "شارك هذا الخبر"]).encode()
    ).article
    page_html = curator.get(reverse("admin:news_article_change", args=[article.pk]))
    assert drop_reason_name("share") in page_html.content.decode()
    assert drop_reason_name("no-such-code") == "no-such-code"
    assert set(DROP_REASONS) == set(DropReason)
    assert all(name and name != code for code, name in DROP_REASONS.items())
