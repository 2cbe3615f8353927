"""Editing services for the sidebar: agenda items and timeline events.

Each edit is a human decision that `annotate_article` must respect, so it
sets origin=human and writes an EditLog row (target "agenda" or
"timeline") with the item before and after. A removal only sets
removed=True: the row stays as a tombstone the model cannot recreate.
Editing a model item's text (or an event's value) also leaves a removed
tombstone carrying the model's wording, because the re-run matches items
by text (and value) and would otherwise add the original back beside the
edited one.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from newsreader.news.audit import record
from newsreader.news.isodate import BadDateValue, iso_value
from newsreader.news.models import (
    AgendaItem,
    Article,
    Origin,
    Paragraph,
    TimelineEvent,
)
from newsreader.pipeline.normalize import fold_key

MAX_TEXT = 1000


class SidebarEditError(ValueError):
    """Input an edit cannot take; the message is shown to the editor."""


def clean_text(text: str) -> str:
    """One line of text, spaces collapsed; empty or overlong input is refused."""
    text = " ".join((text or "").split())
    if not text:
        raise SidebarEditError("اكتب نص البند.")
    if len(text) > MAX_TEXT:
        raise SidebarEditError("النص أطول من المسموح.")
    return text


def clean_value(value: str):
    """An ISO value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY/YYYY) and the first day it covers."""
    try:
        return iso_value(value)
    except BadDateValue as err:
        raise SidebarEditError(str(err)) from None


def check_paragraph(article: Article, paragraph: Paragraph | None) -> None:
    if paragraph is not None and paragraph.article_id != article.pk:
        raise SidebarEditError("الفقرة ليست من هذا المقال.")


# Agenda


def agenda_snapshot(item: AgendaItem) -> dict[str, Any]:
    return {
        "text": item.text,
        "paragraph": item.paragraph_id,
        "order": item.order,
        "origin": item.origin,
        "removed": item.removed,
    }


@transaction.atomic
def add_agenda_item(
    article: Article, text: str, user, paragraph: Paragraph | None = None
) -> AgendaItem:
    """A human item at the end of the list."""
    text = clean_text(text)
    check_paragraph(article, paragraph)
    last = article.agenda_items.aggregate(n=Max("order"))["n"]
    item = AgendaItem.objects.create(
        article=article,
        paragraph=paragraph,
        text=text,
        order=0 if last is None else last + 1,
        origin=Origin.HUMAN,
    )
    record(user, item.article_id, item, "add", None, agenda_snapshot(item))
    return item


@transaction.atomic
def edit_agenda_item(item: AgendaItem, text: str, user, **changes) -> AgendaItem:
    """New text (and `paragraph=` when given); a model item becomes human."""
    text = clean_text(text)
    if "paragraph" in changes:
        check_paragraph(item.article, changes["paragraph"])
    before = agenda_snapshot(item)
    if item.origin == Origin.MODEL and fold_key(text) != fold_key(item.text):
        _tombstone(AgendaItem, item, article=item.article, text=item.text, order=item.order)
    if "paragraph" in changes:
        item.paragraph = changes["paragraph"]
    item.text = text
    item.origin = Origin.HUMAN
    item.save()
    record(user, item.article_id, item, "edit", before, agenda_snapshot(item))
    return item


@transaction.atomic
def remove_agenda_item(item: AgendaItem, user) -> AgendaItem:
    before = agenda_snapshot(item)
    item.removed = True
    item.origin = Origin.HUMAN
    item.save()
    record(user, item.article_id, item, "remove", before, agenda_snapshot(item))
    return item


@transaction.atomic
def move_agenda_item(item: AgendaItem, direction: str, user) -> AgendaItem:
    """Swap an item with its neighbour above ("up") or below ("down").

    The active items are renumbered 0..n first (a re-run can leave equal
    orders); every item whose order changes becomes human so the next run
    keeps the editor's sequence. At either end the move does nothing.
    """
    if direction not in ("up", "down"):
        raise SidebarEditError("اتجاه غير معروف.")
    items = list(item.article.agenda_items.active().select_for_update())
    at = next(n for n, other in enumerate(items) if other.pk == item.pk)
    to = at - 1 if direction == "up" else at + 1
    if not 0 <= to < len(items):
        return item
    before = agenda_snapshot(item)
    before["sequence"] = [other.pk for other in items]
    items[at], items[to] = items[to], items[at]
    for order, other in enumerate(items):
        if other.order != order or other.pk == item.pk:
            other.order = order
            other.origin = Origin.HUMAN
            other.save(update_fields=["order", "origin"])
    moved = next(other for other in items if other.pk == item.pk)
    after = agenda_snapshot(moved)
    after["sequence"] = [other.pk for other in items]
    record(user, moved.article_id, moved, f"move_{direction}", before, after)
    return moved


# Timeline


def timeline_snapshot(event: TimelineEvent) -> dict[str, Any]:
    return {
        "value": event.value,
        "date": event.date.isoformat() if event.date else None,
        "text": event.text,
        "paragraph": event.paragraph_id,
        "origin": event.origin,
        "removed": event.removed,
    }


@transaction.atomic
def add_timeline_event(
    article: Article, value: str, text: str, user, paragraph: Paragraph | None = None
) -> TimelineEvent:
    value, day = clean_value(value)
    text = clean_text(text)
    check_paragraph(article, paragraph)
    event = TimelineEvent.objects.create(
        article=article, paragraph=paragraph, value=value, date=day, text=text, origin=Origin.HUMAN
    )
    record(user, event.article_id, event, "add", None, timeline_snapshot(event))
    return event


@transaction.atomic
def edit_timeline_event(
    event: TimelineEvent, value: str, text: str, user, **changes
) -> TimelineEvent:
    """New value and text (and `paragraph=` when given); `date` follows the value."""
    value, day = clean_value(value)
    text = clean_text(text)
    if "paragraph" in changes:
        check_paragraph(event.article, changes["paragraph"])
    before = timeline_snapshot(event)
    if event.origin == Origin.MODEL and (value, fold_key(text)) != (
        event.value,
        fold_key(event.text),
    ):
        _tombstone(
            TimelineEvent,
            event,
            article=event.article,
            value=event.value,
            date=event.date,
            text=event.text,
        )
    if "paragraph" in changes:
        event.paragraph = changes["paragraph"]
    event.value, event.date, event.text = value, day, text
    event.origin = Origin.HUMAN
    event.save()
    record(user, event.article_id, event, "edit", before, timeline_snapshot(event))
    return event


@transaction.atomic
def remove_timeline_event(event: TimelineEvent, user) -> TimelineEvent:
    before = timeline_snapshot(event)
    event.removed = True
    event.origin = Origin.HUMAN
    event.save()
    record(user, event.article_id, event, "remove", before, timeline_snapshot(event))
    return event


@transaction.atomic
def save_agenda_form(item: AgendaItem, user) -> AgendaItem:
    """An agenda item as the admin's inline left it: checked, made human, logged."""
    old = AgendaItem.objects.filter(pk=item.pk).first() if item.pk else None
    item.text = clean_text(item.text)
    check_paragraph(item.article, item.paragraph)
    if old is not None and old.origin == Origin.MODEL and fold_key(old.text) != fold_key(item.text):
        _tombstone(AgendaItem, old, article=old.article, text=old.text, order=old.order)
    item.origin = Origin.HUMAN
    item.save()
    before = agenda_snapshot(old) if old is not None else None
    record(user, item.article_id, item, "edit" if old else "add", before, agenda_snapshot(item))
    return item


@transaction.atomic
def save_timeline_form(event: TimelineEvent, user) -> TimelineEvent:
    """A timeline event as the admin's inline left it: checked, date from value, logged."""
    old = TimelineEvent.objects.filter(pk=event.pk).first() if event.pk else None
    event.value, event.date = clean_value(event.value)
    event.text = clean_text(event.text)
    check_paragraph(event.article, event.paragraph)
    if (
        old is not None
        and old.origin == Origin.MODEL
        and (
            event.value,
            fold_key(event.text),
        )
        != (old.value, fold_key(old.text))
    ):
        _tombstone(
            TimelineEvent, old, article=old.article, value=old.value, date=old.date, text=old.text
        )
    event.origin = Origin.HUMAN
    event.save()
    before = timeline_snapshot(old) if old is not None else None
    record(
        user, event.article_id, event, "edit" if old else "add", before, timeline_snapshot(event)
    )
    return event


def _tombstone(model, original, **fields) -> None:
    """A removed copy of the model's version, so a re-run does not add it back."""
    model.objects.create(
        paragraph_id=original.paragraph_id, origin=Origin.HUMAN, removed=True, **fields
    )
