"""Curation services: merge and its undo, split, label change, bulk labelling."""

from __future__ import annotations

import pytest

from newsreader.news import curation
from newsreader.news.models import Alias, EditLog, Entity, EntityMerge, Mention, Origin
from newsreader.pipeline.normalize import fold_key
from tests.factories import make_article, make_entity, make_mention, make_user, paragraph

TEXT = [
    ("title", "بوتين يلتقي ماكرون في باريس"),
    ("body", "قال فلاديمير بوتين إن روسيا مستعدة، وأكد الرئيس بوتين ذلك لماكرون."),
    ("body", "ولبوتين زيارة إلى باريسَ، ثم عاد إلى موسكو مع فلاديمير بوتين آخر."),
]


def spans(text: str, name: str) -> list[str]:
    return [text[s:e] for s, e in curation.find_occurrences(text, name)]


def test_find_occurrences_folds_keeps_proclitics_outside_and_whole_words() -> None:
    text = "زار ببيروت ثم وبيروتَ، لا البيروتي ولا بيروتية، ثم بَيْروت."
    assert spans(text, "بيروت") == ["بيروت", "بيروتَ", "بَيْروت"]
    assert [text[s - 1] for s, _ in curation.find_occurrences(text, "بيروت")[:2]] == ["ب", "و"]
    assert spans("البنك  الدولي والبنك الدولية", "البنك الدولي") == ["البنك  الدولي"]
    assert spans("مؤتمر", "موتمر") == ["مؤتمر"]  # hamza seat folded
    assert spans("نص", "   ") == []


@pytest.fixture
def putin():
    """Two entities for one man, with mentions, aliases and a removed mention."""
    article = make_article(paragraphs=TEXT)
    full = make_entity("PERSON", "فلاديمير بوتين")
    short = make_entity("PERSON", "بوتين")
    Alias.objects.create(entity=short, name="الرئيس بوتين", key=fold_key("الرئيس بوتين"))
    Alias.objects.create(entity=full, name="بوتين", key=fold_key("بوتين"))  # already known
    m_full = [make_mention(paragraph(article, 1), "فلاديمير بوتين", entity=full)]
    m_short = [
        make_mention(paragraph(article, 0), "بوتين", entity=short),
        make_mention(paragraph(article, 2), "بوتين", entity=short),
        make_mention(
            paragraph(article, 1), "الرئيس بوتين", entity=short, rejected=True, origin="human"
        ),
    ]
    return article, full, short, m_full, m_short


def state():
    """Everything a merge may change, to compare before and after an undo."""
    return (
        sorted(Entity.objects.values_list("pk", "label", "name", "key", "created")),
        sorted(Alias.objects.values_list("pk", "entity_id", "name", "key")),
        sorted(Mention.objects.values_list("pk", "entity_id", "label", "origin", "rejected")),
    )


@pytest.mark.django_db
def test_merge_moves_mentions_makes_aliases_and_undo_restores_exactly(putin) -> None:
    article, full, short, m_full, m_short = putin
    user = make_user("curator")
    before = state()

    merge = curation.merge_entities(full, [short], user)

    assert not Entity.objects.filter(pk=short.pk).exists()
    assert set(full.mentions.values_list("pk", flat=True)) == {m.pk for m in m_full + m_short}
    assert set(full.aliases.values_list("name", flat=True)) == {"بوتين", "الرئيس بوتين"}
    assert merge.merged[0]["mentions"] == sorted(m.pk for m in m_short)
    assert len(merge.created_aliases) == 1  # «بوتين» was already an alias of the target
    logs = EditLog.objects.filter(action="merge")
    assert sorted(logs.values_list("mention_id", flat=True)) == sorted(m.pk for m in m_short)
    assert {(log.before["entity"], log.after["entity"]) for log in logs} == {(short.pk, full.pk)}
    assert Mention.objects.get(pk=m_short[2].pk).rejected  # a removal stays a removal

    restored = curation.undo_merge(merge, user)

    assert [e.pk for e in restored] == [short.pk]
    assert state() == before
    merge.refresh_from_db()
    assert merge.undone_at is not None and merge.undone_by == user
    assert EditLog.objects.filter(action="unmerge").count() == 3
    with pytest.raises(curation.CurationError):
        curation.undo_merge(merge, user)


@pytest.mark.django_db
def test_merge_refuses_mixed_labels_and_a_single_entity(putin) -> None:
    _, full, short, _, _ = putin
    place = make_entity("LOCATION", "باريس")
    with pytest.raises(curation.CurationError):
        curation.merge_entities(full, [place], None)
    with pytest.raises(curation.CurationError):
        curation.merge_entities(full, [full], None)
    assert Entity.objects.count() == 3 and not EntityMerge.objects.exists()


@pytest.mark.django_db
def test_undo_of_an_earlier_merge_after_its_target_came_back(putin) -> None:
    """A merge into X survives X being merged away; it undoes once X is restored."""
    _, full, short, _, _ = putin
    third = make_entity("PERSON", "بوتين الكبير")
    first = curation.merge_entities(short, [third], None)
    second = curation.merge_entities(full, [short], None)
    with pytest.raises(curation.CurationError):
        curation.undo_merge(first, None)  # its target is merged away
    curation.undo_merge(second, None)
    curation.undo_merge(first, None)
    assert Entity.objects.filter(pk__in=[full.pk, short.pk, third.pk]).count() == 3


@pytest.mark.django_db
def test_split_alias_moves_only_mentions_written_that_way(putin) -> None:
    article, full, short, m_full, m_short = putin
    alias = short.aliases.get(name="الرئيس بوتين")

    new = curation.split_alias(alias, make_user("curator"))

    assert (new.name, new.label, new.key) == ("الرئيس بوتين", "PERSON", alias.key)
    assert list(new.mentions.values_list("pk", flat=True)) == [m_short[2].pk]
    assert set(short.mentions.values_list("pk", flat=True)) == {m_short[0].pk, m_short[1].pk}
    assert not Alias.objects.filter(pk=alias.pk).exists()
    assert EditLog.objects.get(action="split").mention_id == m_short[2].pk
    clash = full.aliases.get(key=fold_key("بوتين"))
    with pytest.raises(curation.CurationError):
        curation.split_alias(clash, None)  # «بوتين» is an entity already: merge instead


@pytest.mark.django_db
def test_change_label_everywhere_makes_the_mentions_human(putin) -> None:
    _, full, short, _, m_short = putin
    user = make_user("curator")

    curation.change_label(short, "ORGANIZATION", user)

    assert Entity.objects.get(pk=short.pk).label == "ORGANIZATION"
    mentions = Mention.objects.filter(pk__in=[m.pk for m in m_short])
    assert set(mentions.values_list("label", "origin", "edited_by")) == {
        ("ORGANIZATION", Origin.HUMAN, user.pk)
    }
    assert mentions.filter(rejected=True).count() == 1
    logs = EditLog.objects.filter(action="relabel")
    assert {(log.before["label"], log.after["label"]) for log in logs} == {
        ("PERSON", "ORGANIZATION")
    }
    assert logs.count() == 3
    make_entity("ORGANIZATION", "فلاديمير بوتين")
    with pytest.raises(curation.CurationError):
        curation.change_label(full, "ORGANIZATION", user)
    with pytest.raises(curation.CurationError):
        curation.change_label(full, "DATE", user)


@pytest.mark.django_db
def test_bulk_preview_then_apply_skips_human_decisions(putin) -> None:
    article, full, short, m_full, m_short = putin
    other = make_article(paragraphs=[("body", "لا ذكر للاسم هنا، بل لبوتينا.")])
    user = make_user("curator")

    preview = curation.bulk_preview("بوتين", "PERSON")

    by_para = {pm.paragraph.index: pm for pm in preview}
    assert set(by_para) == {0, 1, 2} and all(pm.paragraph.article == article for pm in preview)
    assert [o.status for o in by_para[0].occurrences] == ["confirm"]
    # «فلاديمير بوتين» (model) gives way; «الرئيس بوتين» was removed by a human: skipped
    assert [o.status for o in by_para[1].occurrences] == ["replace", "skip"]
    assert [o.status for o in by_para[2].occurrences] == ["confirm", "new"]
    assert by_para[2].paragraph.text[by_para[2].occurrences[0].start - 2 :][:7] == "ولبوتين"
    assert other.paragraphs.get().pk not in {pm.paragraph.pk for pm in preview}

    stale = curation.fingerprint(preview)
    make_mention(paragraph(article, 0), "ماكرون", "PERSON")
    Mention.objects.filter(pk=m_short[0].pk).update(origin=Origin.HUMAN)
    with pytest.raises(curation.CurationError):
        curation.bulk_label("بوتين", "PERSON", user, expected=stale)
    assert not EditLog.objects.exists()

    fresh = curation.fingerprint(curation.bulk_preview("بوتين", "PERSON"))
    added = curation.bulk_label("بوتين", "PERSON", user, expected=fresh)

    assert len(added) == 3  # paragraph 0 is now a human decision
    assert all(m.origin == Origin.HUMAN and m.text == "بوتين" for m in added)
    assert {m.entity for m in added} == {short}
    assert Mention.objects.get(pk=m_short[2].pk).rejected  # the human removal stands
    assert Mention.objects.get(pk=m_full[0].pk).rejected  # the model span gave way
    assert EditLog.objects.filter(action="add").count() == 3
    again = curation.bulk_preview("بوتين", "PERSON")
    assert all(o.status == "skip" for pm in again for o in pm.occurrences)
