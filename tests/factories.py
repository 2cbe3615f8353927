"""Plain ORM factories for the view tests: Arabic articles, paragraphs and mentions.

Functions rather than factory_boy, because the data is small and the
offsets must be computed from the text (a mention is found by its word).
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import date

from django.contrib.auth.models import Permission, User

from newsreader.news.articles import create_article
from newsreader.news.models import (
    AgendaItem,
    Article,
    Entity,
    Mention,
    Origin,
    Paragraph,
    TimelineEvent,
)
from newsreader.pipeline.normalize import fold_key

_counter = itertools.count(1)

BEIRUT_TEXT = [
    ("title", "ميقاتي يستقبل وفد البنك الدولي في بيروت"),
    ("body", "استقبل رئيس الحكومة نجيب ميقاتي وفد البنك الدولي في السراي ببيروت يوم الاثنين."),
    ("heading", "خطة الكهرباء"),
    ("body", "وبحث ميقاتي مع الوفد خطة الكهرباء، على أن يزور الوفد طرابلس في 15 مارس 2026."),
    ("quote", "«نريد حلولاً سريعة» قال ميقاتي."),
]


def make_article(
    title: str | None = None,
    paragraphs: list[tuple[str, str]] | None = None,
    published: date | None = date(2026, 3, 5),
    **fields,
) -> Article:
    """An article with its paragraphs (kind, text); search_text filled like ingest does."""
    n = next(_counter)
    paragraphs = paragraphs if paragraphs is not None else BEIRUT_TEXT
    title = title or (paragraphs[0][1] if paragraphs else f"مقال {n}")
    body = "\n".join(text for _, text in paragraphs)
    article = create_article(
        title,
        paragraphs,
        raw=body.encode(),
        content_hash=hashlib.sha256(f"{n}:{body}".encode()).hexdigest(),
        slug=f"article-{n}",
        published=published,
        source_name="وكالة الأنباء",
        **fields,
    )
    return article


def paragraph(article: Article, index: int) -> Paragraph:
    return article.paragraphs.get(index=index)


def make_entity(label: str, name: str) -> Entity:
    entity, _ = Entity.objects.get_or_create(
        label=label, key=fold_key(name), defaults={"name": name}
    )
    return entity


def make_mention(
    para: Paragraph,
    word: str,
    label: str = "PERSON",
    *,
    nth: int = 1,
    entity: Entity | None | bool = True,
    rejected: bool = False,
    origin: str = Origin.MODEL,
    value: str = "",
) -> Mention:
    """A mention of the nth occurrence of `word` in the paragraph (entity=True: by name)."""
    start = -1
    for _ in range(nth):
        start = para.text.index(word, start + 1)
    if entity is True:
        entity = None if label == "DATE" else make_entity(label, word)
    return Mention.objects.create(
        paragraph=para,
        start=start,
        end=start + len(word),
        text=word,
        label=label,
        entity=entity or None,
        rejected=rejected,
        origin=origin,
        value=value,
    )


def make_agenda(article: Article, text: str, index: int | None = None, **fields) -> AgendaItem:
    para = paragraph(article, index) if index is not None else None
    return AgendaItem.objects.create(article=article, paragraph=para, text=text, **fields)


def make_event(article: Article, value: str, when: date, text: str, **fields) -> TimelineEvent:
    return TimelineEvent.objects.create(
        article=article, value=value, date=when, text=text, **fields
    )


def make_user(
    username: str = "reader", password: str = "pw-reader-1", editor: bool = False
) -> User:
    user = User.objects.create_user(username, password=password)
    if editor:
        user.user_permissions.add(Permission.objects.get(codename="change_mention"))
    return user


def version_of(obj) -> dict[str, int]:
    """{"version": …}: the paragraph version a reader page would send now (edits require it)."""
    paragraph_id = obj.paragraph_id if isinstance(obj, Mention) else obj.pk
    return {"version": Paragraph.objects.values_list("version", flat=True).get(pk=paragraph_id)}
