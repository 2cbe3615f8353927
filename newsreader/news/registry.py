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

    The same answers in a fixed number of queries instead of two to five per
    name: the entities and aliases that exist are read at once; the names are
    then resolved in order as `resolve_entity` would (a name may match an alias
    that an earlier name of the article adds), the new entities inserted in one
    statement and read back (a parallel ingest's row wins, as in `_create`), and
    the new surface aliases in another.
    """
    keys = [registry_key(label, canonical, context, scope) for label, canonical, _ in requests]
    labels = {label for label, _, _ in requests}
    found = {
        (e.label, e.key): e for e in Entity.objects.filter(label__in=labels, key__in=set(keys))
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
    known_aliases: dict[tuple[str, str], Entity] = {}
    missing = {
        key for (label, _, _), key in zip(requests, keys, strict=True) if (label, key) not in found
    }
    if missing:
        for alias in (
            Alias.objects.filter(entity__label__in=labels, key__in=missing)
            .select_related("entity")
            .order_by("pk")
        ):
            known_aliases.setdefault((alias.entity.label, alias.key), alias.entity)
    added_aliases: dict[tuple[str, str], Entity] = {}  # by this call, in order
    new: list[Entity] = []
    wanted: dict[tuple[int, str], tuple[Entity, str]] = {}
    resolved: list[Entity] = []
    for (label, canonical, surface), key, surface_key in zip(
        requests, keys, surface_keys, strict=True
    ):
        entity = found.get((label, key))
        if entity is None:
            entity = known_aliases.get((label, key)) or added_aliases.get((label, key))
            if entity is None:
                entity = Entity(label=label, name=canonical, key=key)
                new.append(entity)
            found[(label, key)] = entity
        if (
            surface_key
            and surface_key != entity.key
            and "#" not in surface_key
            and (entity.pk, surface_key) not in aliases
        ):
            wanted.setdefault((id(entity), surface_key), (entity, surface))
            added_aliases.setdefault((label, surface_key), entity)
        resolved.append(entity)
    if new:
        Entity.objects.bulk_create(new, ignore_conflicts=True)
        saved = {
            (e.label, e.key): e
            for e in Entity.objects.filter(
                label__in={e.label for e in new}, key__in={e.key for e in new}
            )
        }
        stored = {id(e): saved[(e.label, e.key)] for e in new}
        resolved = [stored.get(id(e), e) for e in resolved]
        wanted = {
            (i, k): (stored.get(id(e), e), surface) for (i, k), (e, surface) in wanted.items()
        }
    Alias.objects.bulk_create(
        [Alias(entity=e, key=k, name=surface) for (_, k), (e, surface) in wanted.items()],
        ignore_conflicts=True,  # one that exists (or a parallel ingest added) stays as it is
    )
    return resolved
