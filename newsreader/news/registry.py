"""The entity registry: one Entity row per real-world entity across all articles."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from newsreader.news.models import Alias, Entity
from newsreader.news.vocabulary import Label
from newsreader.pipeline.linking import entity_key, sense_key


def registry_key(label: str, canonical: str, context: str | None = None, scope: str = "") -> str:
    """The key one entity has in every article.

    A DATE's key is its ISO value. With the article's text as `context`, a
    homograph («عمان»: the country or the city) is told apart by its spelling
    or the article's cue words; left unresolved, it stays within `scope` (the
    article) instead of merging with another article's entity of that spelling.
    """
    if label == Label.DATE:
        return canonical
    if context is None:
        return entity_key(canonical)
    key = sense_key(canonical, context)
    return f"{key}{scope}" if key.endswith("#?") else key


def resolve_entity(
    label: str,
    canonical: str,
    surface: str = "",
    context: str | None = None,
    scope: str = "",
) -> Entity:
    """Find the entity a canonical name (or a known alias of it) stands for, or create it.

    A DATE's canonical is its ISO value. The surface form joins the aliases.
    `context` and `scope` tell homographs apart (see `registry_key`).
    """
    key = registry_key(label, canonical, context, scope)
    entity = Entity.objects.filter(label=label, key=key).first()
    if entity is None:
        alias = Alias.objects.filter(entity__label=label, key=key).select_related("entity").first()
        entity = alias.entity if alias else _create(label, canonical, key)
    if surface and label != Label.DATE:
        surface_key = registry_key(label, surface, context, scope)
        if surface_key != entity.key and "#" not in surface_key:
            Alias.objects.get_or_create(entity=entity, key=surface_key, defaults={"name": surface})
    return entity


def _create(label: str, name: str, key: str) -> Entity:
    """A new entity; if a parallel ingest created it meanwhile, that one."""
    try:
        with transaction.atomic():
            return Entity.objects.create(label=label, name=name, key=key)
    except IntegrityError:
        return Entity.objects.get(label=label, key=key)
