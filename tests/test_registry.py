"""Cross-article entity keys: one key per real-world entity, homographs kept apart."""

from __future__ import annotations

import pytest

from newsreader.news.registry import registry_key, resolve_entity


@pytest.mark.django_db
def test_same_name_in_two_articles_is_one_entity() -> None:
    a = resolve_entity("LOCATION", "القاهرة", "القاهرة", "وصل إلى القاهرة", "@1")
    b = resolve_entity("LOCATION", "القاهرة", "بالقاهرة", "اجتمع في القاهرة", "@2")
    assert a.pk == b.pk


@pytest.mark.django_db
def test_homograph_merges_only_on_evidence() -> None:
    country = resolve_entity("LOCATION", "عمان", "عمان", "زار الوفد سلطنة عمان", "@1")
    city = resolve_entity("LOCATION", "عمان", "عمان", "في عمان العاصمة الأردنية", "@2")
    again = resolve_entity("LOCATION", "عمان", "عمان", "عاد من مسقط إلى عمان", "@3")
    assert country.pk != city.pk
    assert again.pk == country.pk
    # no cue word: the entity stays in its own article
    first = resolve_entity("LOCATION", "عمان", "عمان", "وصل الوفد إلى عمان", "@4")
    second = resolve_entity("LOCATION", "عمان", "عمان", "غادر الوفد عمان", "@5")
    assert len({first.pk, second.pk, country.pk, city.pk}) == 4


def test_key_without_context_is_the_plain_key() -> None:
    assert registry_key("LOCATION", "عمان") == registry_key("LOCATION", "عُمان")
    assert registry_key("DATE", "2026-02-08") == "2026-02-08"


@pytest.mark.django_db
def test_an_entity_created_meanwhile_by_a_parallel_ingest_is_taken(monkeypatch) -> None:
    """Between this ingest's lookup and its insert another process stored the entity:
    the insert's unique-key clash gives that entity, not an error."""
    from newsreader.news.models import Entity

    key = registry_key("PERSON", "ليلى الحكيم")
    theirs = Entity.objects.create(label="PERSON", name="ليلى الحكيم", key=key)
    real_filter = Entity.objects.filter

    def not_yet_seen(*args, **kwargs):  # the lookup ran before the other process committed
        return real_filter(*args, **kwargs).none()

    monkeypatch.setattr(Entity.objects, "filter", not_yet_seen)
    entity = resolve_entity("PERSON", "ليلى الحكيم")
    monkeypatch.undo()
    assert entity.pk == theirs.pk
    assert Entity.objects.count() == 1


@pytest.mark.django_db
def test_resolving_an_articles_names_at_once_is_resolving_them_one_by_one() -> None:
    from django.db import transaction

    from newsreader.news.models import Alias, Entity
    from newsreader.news.registry import resolve_entities

    resolve_entity("PERSON", "سامر الحداد", "سامر الحداد")  # known before the article
    resolve_entity("LOCATION", "طرابلس", "بطرابلس")
    context = "استقبل سامر الحداد في طرابلس وفد هيئة الينابيع، وقال الحداد إن الهيئة ستعود."
    names = [
        ("PERSON", "سامر الحداد", "سامر الحداد"),
        ("LOCATION", "طرابلس", "طرابلس"),
        ("ORGANIZATION", "هيئة الينابيع", "هيئة الينابيع"),
        ("PERSON", "سامر الحداد", "الحداد"),  # a new alias of a known entity
        ("ORGANIZATION", "هيئة الينابيع", "الهيئة"),  # of an entity made above
        ("DATE", "2026-03-15", "15 مارس"),
    ]

    def state(entities):
        made = [(e.label, e.key, e.name) for e in entities]
        aliases = sorted(Alias.objects.values_list("entity__key", "key", "name"))
        return made, aliases, Entity.objects.count()

    with transaction.atomic():
        at_once = state(resolve_entities(names, context, "@9"))
        transaction.set_rollback(True)
    one_by_one = state([resolve_entity(*name, context, "@9") for name in names])
    assert at_once == one_by_one
    assert ("سامر الحداد", "الحداد", "الحداد") in at_once[1]


@pytest.mark.django_db
def test_a_name_may_resolve_through_an_alias_an_earlier_name_of_the_article_added() -> None:
    from django.db import transaction

    from newsreader.news.models import Entity
    from newsreader.news.registry import resolve_entities

    names = [
        ("PERSON", "نبيل الشامي", "الشامي"),  # adds the alias «الشامي»
        ("PERSON", "الشامي", "الشامي"),  # that alias: the same person
        ("PERSON", "وداد الشامي", "وداد الشامي"),
    ]
    with transaction.atomic():
        at_once = [(e.pk, e.name) for e in resolve_entities(names, "", "@3")]
        transaction.set_rollback(True)
    one_by_one = [(e.pk, e.name) for e in (resolve_entity(*n, "", "@3") for n in names)]
    assert [name for _, name in at_once] == [name for _, name in one_by_one]
    assert at_once[0][1] == at_once[1][1] == "نبيل الشامي"
    assert Entity.objects.count() == 2


@pytest.mark.django_db
def test_resolving_at_once_takes_an_entity_a_parallel_ingest_stored_meanwhile(
    monkeypatch,
) -> None:
    from newsreader.news.models import Entity
    from newsreader.news.registry import resolve_entities

    key = registry_key("PERSON", "ليلى الحكيم")
    theirs = Entity.objects.create(label="PERSON", name="ليلى الحكيم", key=key)
    real_filter = Entity.objects.filter
    calls = []

    def first_lookup_misses(*args, **kwargs):
        calls.append(kwargs)
        found = real_filter(*args, **kwargs)
        return found.none() if len(calls) == 1 else found

    monkeypatch.setattr(Entity.objects, "filter", first_lookup_misses)
    entities = resolve_entities(
        [("PERSON", "ليلى الحكيم", "ليلى الحكيم"), ("LOCATION", "حمص", "حمص")]
    )
    monkeypatch.undo()
    assert entities[0].pk == theirs.pk and entities[1].pk is not None
    assert Entity.objects.count() == 2
