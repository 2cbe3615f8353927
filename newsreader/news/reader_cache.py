"""The reader page's rendered article and sidebar, cached once per article version.

Rendering a reader page means highlighting every paragraph, counting each
entity's mentions across the corpus and grouping the sidebar's entities: far
more than one cache lookup, for an article that rarely changes. The key holds
the article's id and its `updated` time, and every change that alters what the
page shows moves `updated` (`touch`): saves of the article itself (re-run,
reclean, restore, the admin's form) do it by `auto_now`; mention, paragraph,
agenda and timeline edits and entity renames do it here, explicitly for
queryset updates and through signals for single-row saves. A changed article
then misses the cache and is rendered anew; old entries age out. Only the
hover card's corpus counts (which other articles change) may lag, by at most
READER_CACHE_SECONDS; each entity's count is kept COUNT_SECONDS, dropped when
one of its mentions is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from newsreader.news.models import AgendaItem, Article, Entity, Mention, Paragraph, TimelineEvent

PREFIX = "qari:reader:v1"
COUNT_SECONDS = 300  # an entity's corpus-wide mention count, for the hover card


def count_key(entity_id: int) -> str:
    return f"qari:entity-mentions:{entity_id}"


def forget_counts(entity_ids: Iterable[int | None]) -> None:
    cache.delete_many([count_key(pk) for pk in entity_ids if pk])


def key(article: Article, variant: str) -> str:
    """The entry of this version of the article; `variant` tells apart what users see."""
    return f"{PREFIX}:{article.pk}:{article.updated.timestamp():.6f}:{variant}"


def rendered(article: Article, variant: str, render: Callable[[], dict[str, Any]]) -> dict:
    """The cached parts of the page, rendered (and stored) on a miss."""
    name = key(article, variant)
    parts = cache.get(name)
    if parts is None:
        parts = render()
        cache.set(name, parts, settings.READER_CACHE_SECONDS)
    return parts


def touch(article_ids: Iterable[int]) -> None:
    """Give the articles a new version: their cached pages are not used again."""
    ids = {pk for pk in article_ids if pk}
    if ids:
        Article.objects.filter(pk__in=ids).update(updated=timezone.now())


def touch_paragraphs(paragraph_ids: Iterable[int]) -> None:
    ids = {pk for pk in paragraph_ids if pk}
    if ids:
        touch(Paragraph.objects.filter(pk__in=ids).values_list("article_id", flat=True))


def touch_entity(entity_id: int) -> None:
    """Every article that mentions the entity (its name is in their marks and sidebars)."""
    mentioning = Paragraph.objects.filter(mentions__entity_id=entity_id).values("article_id")
    Article.objects.filter(pk__in=mentioning).update(updated=timezone.now())


# Single-row saves (the editing services, the admin's forms and inlines). Bulk
# writes (ingest, re-run) do not send signals; they save the article instead.
@receiver(post_save, sender=Paragraph)
@receiver(post_save, sender=AgendaItem)
@receiver(post_save, sender=TimelineEvent)
def _row_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        touch([instance.article_id])


@receiver(post_save, sender=Mention)
def _mention_saved(sender, instance: Mention, raw: bool = False, **kwargs) -> None:
    if not raw:
        touch_paragraphs([instance.paragraph_id])
        forget_counts([instance.entity_id])


@receiver(post_save, sender=Entity)
def _entity_saved(sender, instance: Entity, created: bool, raw: bool = False, **kwargs) -> None:
    if not created and not raw:
        touch_entity(instance.pk)


@receiver(pre_delete, sender=Entity)
def _entity_deleted(sender, instance: Entity, **kwargs) -> None:
    touch_entity(instance.pk)
