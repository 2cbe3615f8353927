"""Canonical forms: short → full, «لل» → «ال», DATE keeps its value."""

from __future__ import annotations

from newsreader.pipeline.linking import entity_key, link
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Label, Span


def span(text: str, label: Label, paragraph: int = 0, value: str | None = None) -> Span:
    return Span(paragraph, 0, len(text), text, label, value=value)


def test_person_short_form_links_to_full_name() -> None:
    spans = [span("روتو", Label.PERSON, 0), span("وليام روتو", Label.PERSON, 1)]
    link(spans)
    assert [s.canonical for s in spans] == ["وليام روتو", "وليام روتو"]


def test_lam_article_restored_and_prefix_links_to_longest() -> None:
    spans = [
        span("المجلس الأعلى للثقافة", Label.ORGANIZATION),
        span("للمجلس الأعلى", Label.ORGANIZATION, 2),
        span("المجلس الأعلى", Label.ORGANIZATION, 3),
    ]
    link(spans)
    assert {s.canonical for s in spans} == {"المجلس الأعلى للثقافة"}


def test_lam_article_alone_becomes_article() -> None:
    spans = [span("للمجلس الأعلى", Label.ORGANIZATION)]
    link(spans)
    assert spans[0].canonical == "المجلس الأعلى"


def test_labels_do_not_mix_and_places_link_by_prefix_only() -> None:
    spans = [
        span("مصر", Label.LOCATION),
        span("مركز مصر الدولي", Label.LOCATION),
        span("وليام", Label.ORGANIZATION),
        span("وليام روتو", Label.PERSON),
    ]
    link(spans)
    assert [s.canonical for s in spans] == ["مصر", "مركز مصر الدولي", "وليام", "وليام روتو"]


def test_date_canonical_is_value() -> None:
    spans = [span("أمس", Label.DATE, value="2026-02-25")]
    link(spans)
    assert spans[0].canonical == "2026-02-25"


def test_entity_key_is_folded_and_clitic_free() -> None:
    assert entity_key("للمجلس  الأعلى") == fold_key("المجلس الأعلى")
    assert entity_key("إدارة الرئاسة") == "اداره الرياسه"
