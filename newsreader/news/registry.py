"""The entity registry: one Entity row per real-world entity across all articles."""

from __future__ import annotations

from collections.abc import Sequence

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


def resolve_entities(
    requests: Sequence[tuple[str, str, str]], context: str | None = None, scope: str = ""
) -> list[Entity]:
    """`resolve_entity` for each (label, canonical, surface) of one article, in order.

    The entities and surface aliases that already exist are read in two queries
    instead of two or three per name; a name not found goes through
    `resolve_entity` itself, so what is created is exactly what it creates.
    """
    keys = [registry_key(label, canonical, context, scope) for label, canonical, _ in requests]
    found = {
        (e.label, e.key): e
        for e in Entity.objects.filter(
            label__in={label for label, _, _ in requests}, key__in=set(keys)
        )
    }
    surface_keys = [
        registry_key(label, surface, context, scope) if surface and label != Label.DATE else ""
        for label, _, surface in requests
    ]
    aliases = set(
        Alias.objects.filter(
            entity__in=list(found.values()), key__in={k for k in surface_keys if k}
        ).values_list("entity_id", "key")
    )
    resolved: list[Entity] = []
    for (label, canonical, surface), key, surface_key in zip(
        requests, keys, surface_keys, strict=True
    ):
        entity = found.get((label, key))
        if entity is None:
            entity = resolve_entity(label, canonical, surface, context, scope)
            found[(label, key)] = entity
        elif (
            surface_key
            and surface_key != entity.key
            and "#" not in surface_key
            and (entity.pk, surface_key) not in aliases
        ):
            Alias.objects.get_or_create(entity=entity, key=surface_key, defaults={"name": surface})
            aliases.add((entity.pk, surface_key))
        resolved.append(entity)
    return resolved
