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
