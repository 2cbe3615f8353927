"""The entity registry: one Entity row per real-world entity across all articles."""

from __future__ import annotations

from newsreader.news.models import Alias, Entity
from newsreader.pipeline.linking import entity_key


def resolve_entity(label: str, canonical: str, surface: str = "") -> Entity:
    """Find the entity a canonical name (or a known alias of it) stands for, or create it.

    A DATE's canonical is its ISO value. The surface form joins the aliases.
    """
    key = canonical if label == "DATE" else entity_key(canonical)
    entity = Entity.objects.filter(label=label, key=key).first()
    if entity is None:
        alias = Alias.objects.filter(entity__label=label, key=key).select_related("entity").first()
        entity = (
            alias.entity if alias else Entity.objects.create(label=label, name=canonical, key=key)
        )
    if surface and label != "DATE":
        surface_key = entity_key(surface)
        if surface_key != entity.key:
            Alias.objects.get_or_create(entity=entity, key=surface_key, defaults={"name": surface})
    return entity
