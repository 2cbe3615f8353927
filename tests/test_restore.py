"""Restoring a dropped line: right place, nothing else moved or lost, survives re-runs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from newsreader.news.annotate import annotate_article
from newsreader.news.models import Article, DroppedLine, EditLog, Mention, Origin, Paragraph
from newsreader.news.restore import (
    RestoreError,
    paragraph_positions,
    raw_text,
    restore_dropped_line,
    shift_paragraphs,
)
from tests.factories import make_mention

RELATED_HEADLINE = "الخطيب: مشروع القطار الإقليمي يدخل مرحلة التصميم"  # raw line 10
SHARE = "شارك هذا الخبر على فيسبوك وتويتر"  # raw line 4
FOLLOW = "تابعونا على تطبيق الأخبار"  # raw line 16, the last


@pytest.fixture
def article(sample_path: Path) -> Article:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    return Article.objects.get()


@pytest.fixture
def curator() -> User:
    return User.objects.create_superuser("curator", "", "pw-curator-1")


def texts(article: Article) -> list[str]:
    return list(article.paragraphs.order_by("index").values_list("text", flat=True))


def line(article: Article, text: str) -> DroppedLine:
    return article.dropped_lines.get(text=text)


def mention_state(article: Article) -> set[tuple]:
    return set(
        Mention.objects.filter(paragraph__article=article).values_list(
            "paragraph_id", "start", "end", "text", "label", "origin", "rejected", "entity_id"
        )
    )


@pytest.mark.django_db
def test_restore_inserts_at_the_raw_position_and_keeps_everything_else(
    article: Article, curator: User
) -> None:
    before = texts(article)
    ids_before = dict(article.paragraphs.values_list("pk", "text"))
    human = Mention.objects.get(paragraph__index=4, text="الخطيب")  # an editor relabels it
    human.origin, human.label, human.entity = Origin.HUMAN, "ORGANIZATION", None
    human.save()
    annotate_article(article)  # settle what the relabel teaches the model, before restoring
    mentions_before = mention_state(article)
    assert before[3].startswith("وقالت الأمانة") and before[4].startswith("وأوضح الخطيب")

    para = restore_dropped_line(line(article, RELATED_HEADLINE), curator)

    assert para.index == 4  # after raw line 8 (paragraph 3), before raw line 12
    assert texts(article) == [*before[:4], RELATED_HEADLINE, *before[4:]]
    assert list(article.paragraphs.values_list("index", flat=True)) == list(range(9))
    # old paragraphs keep their rows and texts, their model mentions come back identical
    after_ids = dict(article.paragraphs.exclude(pk=para.pk).values_list("pk", "text"))
    assert after_ids == ids_before
    assert {m for m in mention_state(article) if m[0] != para.pk} == mentions_before
    human = Mention.objects.get(pk=human.pk)
    assert (human.paragraph.index, human.label, human.origin) == (5, "ORGANIZATION", "human")


@pytest.mark.django_db
def test_restore_marks_the_line_logs_the_edit_and_annotates_the_new_paragraph(
    article: Article, curator: User
) -> None:
    dropped = line(article, RELATED_HEADLINE)
    para = restore_dropped_line(dropped, curator)
    dropped.refresh_from_db()
    assert dropped.restored
    log = EditLog.objects.get(action="restore")
    assert (log.user, log.article, log.target, log.target_id) == (
        curator,
        article,
        "paragraph",
        para.pk,
    )
    assert log.before["reason"] == "related-article" and log.before["position"] == 10
    assert log.after == {"paragraph": para.pk, "index": 4, "kind": para.kind, "text": para.text}
    assert para.mentions.filter(text="الخطيب").exists()
    with pytest.raises(RestoreError):
        restore_dropped_line(dropped, curator)
    assert article.paragraphs.filter(text=RELATED_HEADLINE).count() == 1


@pytest.mark.django_db
def test_restore_at_the_edges_and_one_after_another(article: Article, curator: User) -> None:
    n = article.paragraphs.count()
    title = article.paragraphs.get(index=0).text
    assert restore_dropped_line(line(article, FOLLOW), curator).index == n  # appended
    dup = article.dropped_lines.get(reason="duplicate")
    assert restore_dropped_line(dup, curator).index == 1  # raw line 1: right after the title
    share = restore_dropped_line(line(article, SHARE), curator)
    assert share.index == 3  # raw 4: after the lead (raw 3), before «جدول الأعمال» (raw 6)
    assert share.kind == Paragraph.Kind.HEADING  # short and unpunctuated
    order = texts(article)
    assert order[:3] == [title, title, order[2]] and order[3] == SHARE
    assert order[-1] == FOLLOW
    assert list(article.paragraphs.values_list("index", flat=True)) == list(range(n + 3))


@pytest.mark.django_db
def test_restored_paragraph_and_its_human_mentions_survive_reannotation(
    article: Article, curator: User
) -> None:
    para = restore_dropped_line(line(article, RELATED_HEADLINE), curator)
    added = make_mention(para, "القطار الإقليمي", "ORGANIZATION", origin=Origin.HUMAN)
    removed = Mention.objects.filter(paragraph__article=article).exclude(paragraph=para).first()
    removed.origin, removed.rejected = Origin.HUMAN, True
    removed.save()

    annotate_article(article)

    para.refresh_from_db()
    assert para.text == RELATED_HEADLINE and para.index == 4
    assert Mention.objects.get(pk=added.pk).paragraph_id == para.pk
    assert Mention.objects.get(pk=removed.pk).rejected
    assert line(article, RELATED_HEADLINE).restored


def test_positions_skip_dropped_lines_and_tolerate_unknown_text() -> None:
    lines = ["عنوان المقال هنا", "عنوان المقال هنا", "فقرة أولى.", "", "فقرة معدلة.", "فقرة ثانية."]
    paras = [
        Paragraph(index=0, kind="title", text="عنوان المقال هنا"),
        Paragraph(index=1, kind="body", text="عنوان المقال هنا"),  # a restored duplicate
        Paragraph(index=2, kind="body", text="فقرة أولى."),
        Paragraph(index=3, kind="body", text="نص حرره محرر."),  # not in the input
        Paragraph(index=4, kind="body", text="فقرة ثانية."),
    ]
    assert paragraph_positions(paras, lines, dropped=set()) == [-1, 1, 2, 2, 5]
    # a caller-given title is not a line; the dropped raw title line is not matched
    paras[0].text = "عنوان من المستخدم"
    assert paragraph_positions(paras[:1] + paras[2:], lines, dropped={0, 1}) == [-1, 2, 2, 5]
    # a dropped line with a kept paragraph's text does not stand in for it
    lines = ["عنوان المقال هنا", "فقرة أولى.", "تابعونا", "تابعونا"]
    paras = [
        Paragraph(index=0, kind="title", text="عنوان المقال هنا"),
        Paragraph(index=1, kind="body", text="فقرة أولى."),
        Paragraph(index=2, kind="body", text="تابعونا"),
    ]
    assert paragraph_positions(paras, lines, dropped={2}) == [-1, 1, 3]


def reclean(article: Article) -> str:
    out = io.StringIO()
    call_command("reclean", str(article.pk), stdout=out)
    return out.getvalue()


def dropped_state(article: Article) -> list[tuple]:
    return list(
        article.dropped_lines.order_by("position").values_list(
            "position", "text", "reason", "restored"
        )
    )


@pytest.mark.django_db
def test_reclean_keeps_rows_restored_lines_and_human_mentions(
    article: Article, curator: User
) -> None:
    para = restore_dropped_line(line(article, RELATED_HEADLINE), curator)
    added = make_mention(para, "القطار الإقليمي", "ORGANIZATION", origin=Origin.HUMAN)
    removed = Mention.objects.filter(paragraph__article=article).exclude(paragraph=para).first()
    removed.origin, removed.rejected = Origin.HUMAN, True
    removed.save()
    rows = list(article.paragraphs.order_by("index").values_list("pk", "index", "kind", "text"))
    dropped = dropped_state(article)

    assert "9 paragraphs kept, 0 added, 0 removed" in reclean(article)

    assert (
        list(article.paragraphs.order_by("index").values_list("pk", "index", "kind", "text"))
        == rows
    )
    assert dropped_state(article) == dropped  # the restored row stays restored, others replaced
    assert Mention.objects.get(pk=added.pk).paragraph_id == para.pk
    assert Mention.objects.get(pk=removed.pk).rejected


@pytest.mark.django_db
def test_reclean_brings_back_the_cleaners_output_but_not_over_a_human(
    article: Article, curator: User
) -> None:
    expected = texts(article)
    # as if an older cleaner had lost paragraph 5 and kept two lines it now drops
    article.paragraphs.get(index=5).delete()
    shift_paragraphs(article, 6)  # room for two at 5 and 6
    stray = Paragraph.objects.create(article=article, index=5, text=SHARE)
    held = Paragraph.objects.create(article=article, index=6, text=FOLLOW)
    make_mention(held, "الأخبار", "ORGANIZATION", origin=Origin.HUMAN)
    article.dropped_lines.all().delete()

    summary = reclean(article)

    assert "1 added, 1 removed, 1 kept for their human mentions" in summary
    assert not Paragraph.objects.filter(pk=stray.pk).exists()
    assert texts(article) == [*expected, FOLLOW]  # held at its raw place, the last line
    assert list(article.paragraphs.values_list("index", flat=True)) == list(range(9))
    assert [d[0] for d in dropped_state(article)] == [1, 2, 4, 9, 10, 11, 16]


@pytest.mark.django_db
def test_reclean_refuses_an_unknown_article() -> None:
    with pytest.raises(CommandError):
        call_command("reclean", "999", stdout=io.StringIO(), stderr=io.StringIO())


HTML_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>افتتاح جسر جديد فوق نهر النيل في أسوان</title></head><body><article>
<h1>افتتاح جسر جديد فوق نهر النيل في أسوان</h1>
<p>افتتح محافظ أسوان صباح الأحد جسرا جديدا فوق نهر النيل يربط ضفتي المدينة...</p>
<p>افتتح محافظ أسوان صباح الأحد جسرا جديدا فوق نهر النيل يربط ضفتي المدينة ويختصر زمن
العبور إلى عشر دقائق بعد أن كان يتجاوز الساعة في أوقات الذروة.</p>
<p>وقال المحافظ إن الجسر نفذته شركة وطنية خلال ثمانية عشر شهرا بتكلفة بلغت مليار جنيه.</p>
<p>وأضاف أن المرحلة الثانية من المشروع تشمل طريقا دائريا حول المدينة يفتتح العام المقبل.</p>
</article></body></html>"""


@pytest.mark.django_db
def test_restore_in_an_html_article_uses_the_extracted_lines(curator: User, tmp_path: Path) -> None:
    """Dropped-line positions of an HTML page count the extracted text's lines."""
    page = tmp_path / "bridge.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    call_command("ingest", str(page), stdout=io.StringIO())
    article = Article.objects.get()
    lines = [text.strip() for text in raw_text(article).splitlines()]
    teaser = article.dropped_lines.get(reason="teaser")
    assert lines[teaser.position] == teaser.text.strip()

    restored = restore_dropped_line(teaser, curator)

    assert restored.index == 1  # after the title, before the full paragraph it teased
    assert texts(article)[2].startswith("افتتح محافظ أسوان صباح الأحد جسرا جديدا")
