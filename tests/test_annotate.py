"""Re-running the pipeline never loses a human decision."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from newsreader.news.annotate import annotate_article
from newsreader.news.models import AgendaItem, Article, Mention, Origin, TimelineEvent


@pytest.fixture
def article(sample_path: Path) -> Article:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    return Article.objects.get()


def model_mention(article: Article) -> Mention:
    return Mention.objects.filter(paragraph__article=article, origin=Origin.MODEL).first()


@pytest.mark.django_db
def test_rerun_is_stable(article: Article) -> None:
    spans = sorted(Mention.objects.values_list("paragraph__index", "start", "end", "label"))
    annotate_article(article)
    assert sorted(Mention.objects.values_list("paragraph__index", "start", "end", "label")) == spans


def stored(article: Article) -> dict:
    """Everything a run writes for the article, in a comparable form."""
    from django.db import connection

    from newsreader.news import search

    rows = []
    if search.enabled():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT paragraph_id, text FROM {search.TABLE} WHERE article_id = %s",
                [article.pk],
            )
            rows = sorted(cursor.fetchall())
    article.refresh_from_db()
    return {
        "mentions": sorted(
            Mention.objects.filter(paragraph__article=article).values_list(
                "paragraph__index", "start", "end", "label", "value", "entity__name", "origin"
            )
        ),
        "agenda": list(AgendaItem.objects.filter(article=article).values_list("order", "text")),
        "timeline": sorted(
            TimelineEvent.objects.filter(article=article).values_list("value", "text", "date")
        ),
        "counts": (article.agenda_count, article.agenda_meeting, article.search_text),
        "index": rows,
    }


@pytest.mark.django_db
def test_ingest_writes_what_a_full_rerun_writes(article: Article) -> None:
    """Ingest skips reading and removing what a new article cannot have yet: a rerun
    that does read and replace everything ends with the same records."""
    first = stored(article)
    assert first["mentions"] and first["agenda"] and first["timeline"] and first["index"]
    annotate_article(article)
    assert stored(article) == first


@pytest.mark.django_db
def test_rerun_keeps_a_human_relabel_and_removal(article: Article) -> None:
    relabelled, removed = Mention.objects.filter(paragraph__article=article)[:2]
    relabelled.label = "ORGANIZATION" if relabelled.label != "ORGANIZATION" else "PERSON"
    relabelled.origin = Origin.HUMAN
    relabelled.save()
    removed.rejected = True
    removed.origin = Origin.HUMAN
    removed.save()

    annotate_article(article)

    relabelled.refresh_from_db()
    removed.refresh_from_db()
    assert relabelled.origin == Origin.HUMAN
    assert removed.rejected
    overlapping = Mention.objects.filter(
        paragraph=removed.paragraph, start__lt=removed.end, end__gt=removed.start
    )
    assert list(overlapping) == [removed]  # the model did not put the span back


@pytest.mark.django_db
def test_rerun_keeps_a_human_span_and_tags_the_name_elsewhere(article: Article) -> None:
    paragraph = article.paragraphs.get(index=0)
    word = "السكك الحديدية"
    start = paragraph.text.index(word)
    Mention.objects.filter(paragraph=paragraph, start__lt=start + len(word), end__gt=start).delete()
    human = Mention.objects.create(
        paragraph=paragraph,
        start=start,
        end=start + len(word),
        text=word,
        label="ORGANIZATION",
        origin=Origin.HUMAN,
    )
    annotate_article(article)
    assert Mention.objects.filter(pk=human.pk, origin=Origin.HUMAN, rejected=False).exists()


@pytest.mark.django_db
def test_rerun_keeps_agenda_and_timeline_edits(article: Article) -> None:
    AgendaItem.objects.create(article=article, text="بند أضافه محرر", origin=Origin.HUMAN)
    model_items = AgendaItem.objects.filter(article=article, origin=Origin.MODEL)
    assert model_items.exists(), "the sample's agenda should be found"
    dropped = model_items.first()
    dropped.removed = True
    dropped.save()
    event = TimelineEvent.objects.filter(article=article).first()
    event.removed = True
    event.save()

    annotate_article(article)

    assert AgendaItem.objects.filter(article=article, text="بند أضافه محرر").exists()
    assert AgendaItem.objects.filter(article=article, text=dropped.text, removed=False).count() == 0
    assert not TimelineEvent.objects.filter(
        article=article, value=event.value, text=event.text, removed=False
    ).exists()


def test_the_encoder_backend_reads_its_own_adapter_setting(settings, tmp_path) -> None:
    from newsreader.news.annotate import recogniser
    from newsreader.pipeline.backends import embedded, get_recogniser

    get_recogniser.cache_clear()
    settings.NER_BACKEND = "encoder"
    settings.ENCODER_NER_ADAPTER = str(tmp_path / "missing-adapter.pt")
    settings.CAMEL_NER_MODEL_DIR = str(tmp_path / "camel-model")
    found, note = recogniser()
    get_recogniser.cache_clear()
    assert found is embedded
    assert "missing-adapter.pt" in note


@pytest.mark.django_db
def test_the_first_analysis_of_a_process_freezes_what_it_loaded(article: Article) -> None:
    """Models and word lists leave the cyclic collector's full passes (gc.freeze), once."""
    import gc

    from newsreader.news import annotate

    gc.unfreeze()
    annotate.settle_loaded_models.cache_clear()
    try:
        annotate_article(article)
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the pipeline's tables, not a handful of objects
        annotate_article(article)
        assert gc.get_freeze_count() <= frozen  # not again: later articles are collected as usual
    finally:
        gc.unfreeze()


@pytest.mark.django_db
def test_the_curated_names_every_ingest_reads_come_from_their_own_small_index() -> None:
    """Editors' names are a few rows among millions of mentions: without the partial
    index each ingest scanned them all (48 ms at 10,000 articles, growing)."""
    from django.db import connection

    from newsreader.news.annotate import curated_names
    from newsreader.news.models import Mention

    query = Mention.objects.active().by_human().exclude(label="DATE")
    sql, params = query.values_list("text", "label").distinct().query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a small table is cheaper to scan
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(cell) for row in cursor.fetchall() for cell in row)
    assert "mention_human" in plan
    assert curated_names() == []
