"""Database constraints and chainable querysets."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from newsreader.news.models import Article, Mention, Paragraph


def make_article(n: int = 1, **fields) -> Article:
    fields.setdefault("published", datetime.date(2026, 1, n))
    return Article.objects.create(
        title=f"خبر {n}", slug=f"khabar-{n}", content_hash=f"{n:064d}", raw=b"x", **fields
    )


@pytest.fixture
def paragraph() -> Paragraph:
    return Paragraph.objects.create(
        article=make_article(), index=0, kind="title", text="زار الوزير عمّان"
    )


@pytest.mark.django_db
def test_mention_must_match_its_paragraph(paragraph: Paragraph) -> None:
    with pytest.raises(ValidationError):
        Mention.objects.create(paragraph=paragraph, start=10, end=40, text="عمّان", label="LOCATION")
    with pytest.raises(ValidationError):
        Mention.objects.create(paragraph=paragraph, start=0, end=3, text="عمّا", label="LOCATION")


@pytest.mark.django_db
def test_database_refuses_empty_and_duplicate_spans(paragraph: Paragraph) -> None:
    Mention.objects.create(paragraph=paragraph, start=11, end=16, text="عمّان", label="LOCATION")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.bulk_create(
            [Mention(paragraph=paragraph, start=11, end=16, text="عمّان", label="PERSON")]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.bulk_create(
            [Mention(paragraph=paragraph, start=5, end=5, text="", label="PERSON")]
        )


@pytest.mark.django_db
def test_article_querysets_chain() -> None:
    old = make_article(1, status=Article.Status.REVIEWED)
    new = make_article(2)
    undated = make_article(3, published=None)
    assert list(Article.objects.newest_first()) == [new, old, undated]
    assert list(Article.objects.reviewed().newest_first()) == [old]
