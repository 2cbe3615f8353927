"""Human-annotated sentences stored as reviewed articles read back unchanged.

bench/curation.py stands AQMAR in for curators' reviewed articles; this checks
the conversion alone (no training): `store_reviewed_article` then
`curated_split()` / `article_sentences()` give back the same words and tags.
"""

from __future__ import annotations

import pytest

from newsreader.news.curated_corpus import article_sentences, curated_split
from newsreader.news.curated_import import store_reviewed_article
from newsreader.news.models import Article, EditLog, Mention, Origin
from tests.factories import make_user

FIRST = [
    [
        ("زار", "O"),
        ("نجيب", "B-PERSON"),
        ("ميقاتي", "I-PERSON"),
        ("مدينة", "O"),
        ("طرابلس", "B-LOCATION"),
        ("أمس", "O"),
        (".", "O"),
    ],
    [
        ("أعلنت", "O"),
        ("وزارة", "B-ORGANIZATION"),
        ("الصحة", "I-ORGANIZATION"),
        ("خطة", "O"),
        ("جديدة", "O"),
        (".", "O"),
    ],
]
# two adjacent names of one label stay two entities
SECOND = [
    [
        ("التقى", "O"),
        ("سمير", "B-PERSON"),
        ("كريم", "B-PERSON"),
        ("في", "O"),
        ("دمشق", "B-LOCATION"),
        (".", "O"),
    ],
]


@pytest.mark.django_db
def test_sentences_become_a_reviewed_article_with_human_mentions() -> None:
    curator = make_user("curator")
    article = store_reviewed_article("Beirut", [*FIRST, []], curator)
    assert (article.status, article.reviewed_by) == (Article.Status.REVIEWED, curator)
    assert list(article.paragraphs.values_list("text", flat=True)) == [
        "زار نجيب ميقاتي مدينة طرابلس أمس .",
        "أعلنت وزارة الصحة خطة جديدة .",
    ]
    mentions = Mention.objects.filter(paragraph__article=article).order_by("paragraph", "start")
    assert [(m.text, m.label, m.origin, m.rejected) for m in mentions] == [
        ("نجيب ميقاتي", "PERSON", Origin.HUMAN, False),
        ("طرابلس", "LOCATION", Origin.HUMAN, False),
        ("وزارة الصحة", "ORGANIZATION", Origin.HUMAN, False),
    ]
    assert all(m.entity is not None for m in mentions)
    actions = set(EditLog.objects.filter(article=article).values_list("action", flat=True))
    assert actions == {"import", "status"}


@pytest.mark.django_db
def test_curated_split_reads_the_stored_sentences_back() -> None:
    first = store_reviewed_article("First", FIRST)
    second = store_reviewed_article("Second", SECOND)
    assert article_sentences(first) == FIRST
    assert article_sentences(second) == SECOND
    split = curated_split(every=2)
    assert (split.train_articles, split.test_articles) == ([first], [second])
    assert (split.train, split.test) == (FIRST, SECOND)
