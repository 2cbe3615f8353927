"""Editing services for mentions, shared by the reader's htmx views and the admin.

Every edit is a human decision that a pipeline re-run must respect, so each
function stores origin=human with who and when, bumps the paragraph's
version (a cheap "this changed" signal for open pages and exports), and
writes an EditLog row with the mention's state before and after. A removal
only sets rejected=True: the row stays so the model cannot bring the span
back. Offsets here are Python code points; `from_utf16` converts a
browser's offsets and `snap_to_words` fixes a sloppy selection.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsreader.news.models import LABELS, EditLog, Entity, Mention, Origin, Paragraph
from newsreader.news.registry import resolve_entity
from newsreader.pipeline.normalize import TATWEEL, fold, proclitic_splits

LABEL_CODES = frozenset(code for code, _ in LABELS)
MAX_MENTION = 500  # Mention.text's max_length


class EditError(ValueError):
    """Input an edit cannot take; the message is shown to the editor."""


def from_utf16(text: str, offset: int) -> int:
    """A code-point index for a UTF-16 offset (what JavaScript strings count).

    They agree for Arabic; they differ after astral characters (emoji).
    """
    units = 0
    for index, char in enumerate(text):
        if units == offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
        if units > offset:
            raise EditError("الموضع يقع داخل حرف واحد.")
    if units == offset:
        return len(text)
    raise EditError("الموضع خارج الفقرة.")


def is_word_char(char: str) -> bool:
    """Letters, digits, and the marks and tatweel that sit inside Arabic words."""
    return char.isalnum() or char == TATWEEL or unicodedata.category(char) in ("Mn", "Mc")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words, leaving out proclitics the user did not select.

    Spaces and punctuation swept in at either edge are dropped first. If the
    user started after a word's first letter and what lies before is a run
    of proclitics (و ف ب ل ك: «و|بيروت»), the span starts where the user
    started; otherwise it starts at the word's first letter.
    """
    _check_offsets(text, start, end)
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    if start == end:
        raise EditError("التحديد لا يحوي كلمة.")
    chosen = start
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    if chosen > start:
        word_end = chosen
        while word_end < len(text) and is_word_char(text[word_end]):
            word_end += 1
        word, prefix = fold(text[start:word_end]), fold(text[start:chosen])
        if any(p == prefix and word[len(p) :] == rest for p, rest in proclitic_splits(word)[1:]):
            start = chosen
    return start, end


def snapshot(mention: Mention) -> dict[str, Any]:
    """The fields an EditLog keeps before and after an edit."""
    return {
        "paragraph": mention.paragraph_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "entity": mention.entity_id,
        "entity_name": mention.entity.name if mention.entity_id else "",
        "value": mention.value,
        "origin": mention.origin,
        "rejected": mention.rejected,
    }


@transaction.atomic
def add_mention(
    paragraph: Paragraph, start: int, end: int, label: str, user, value: str = ""
) -> Mention:
    """Mark text[start:end] (exact code-point offsets) as a `label` mention.

    Active mentions overlapping the span are removed (and logged); a row on
    exactly this span, active or rejected, is reused and reactivated.
    """
    _check_label(label)
    _check_offsets(paragraph.text, start, end)
    text = paragraph.text[start:end]
    if not text.strip() or text != text.strip():
        raise EditError("لا تبدأ الإشارة أو تنتهي بمسافة.")
    if len(text) > MAX_MENTION:
        raise EditError("الإشارة أطول من المسموح.")
    overlapping = list(
        paragraph.mentions.select_related("entity").filter(start__lt=end, end__gt=start)
    )
    exact = next((m for m in overlapping if (m.start, m.end) == (start, end)), None)
    for other in overlapping:
        if other is not exact and not other.rejected:
            before = snapshot(other)
            _stamp(other, user, rejected=True)
            _log(other, user, "remove", before)
    mention = exact or Mention(paragraph=paragraph, start=start, end=end, text=text)
    before = snapshot(exact) if exact else None
    mention.label = label
    mention.value = value if label == "DATE" else ""
    mention.entity = _entity_for(label, text, value)
    _stamp(mention, user, rejected=False)
    _log(mention, user, "add", before)
    _bump(paragraph)
    return mention


@transaction.atomic
def relabel_mention(mention: Mention, label: str, user) -> Mention:
    """Give a mention another label; its entity becomes the same name under that label."""
    _check_label(label)
    before = snapshot(mention)
    if label != mention.label:
        name = mention.entity.name if mention.entity_id else mention.text
        mention.label = label
        mention.value = ""
        mention.entity = _entity_for(label, name, "", surface=mention.text)
    _stamp(mention, user, rejected=False)
    _log(mention, user, "relabel", before)
    _bump(mention.paragraph)
    return mention


@transaction.atomic
def remove_mention(mention: Mention, user) -> Mention:
    """Reject a mention; the row stays so a pipeline re-run does not bring it back."""
    before = snapshot(mention)
    _stamp(mention, user, rejected=True)
    _log(mention, user, "remove", before)
    _bump(mention.paragraph)
    return mention


@transaction.atomic
def link_mention(mention: Mention, name: str, user) -> Mention:
    """Link a mention to the entity called `name` (found or created by label and key).

    For a DATE, `name` is the ISO value («2026-02-08»), which becomes its value too.
    """
    name = " ".join(name.split())
    if not name:
        raise EditError("اكتب اسم الكيان.")
    if len(name) > 300:
        raise EditError("الاسم أطول من المسموح.")
    before = snapshot(mention)
    if mention.label == "DATE":
        mention.value = name[:40]
    mention.entity = resolve_entity(mention.label, name, mention.text)
    _stamp(mention, user, rejected=False)
    _log(mention, user, "link", before)
    _bump(mention.paragraph)
    return mention


def _check_label(label: str) -> None:
    if label not in LABEL_CODES:
        raise EditError("تصنيف غير معروف.")


def _check_offsets(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise EditError("موضع التحديد غير صالح.")


def _entity_for(label: str, name: str, value: str, surface: str = "") -> Entity | None:
    """The entity of a new span; a DATE has none unless its ISO value is given."""
    if label == "DATE":
        return resolve_entity("DATE", value) if value else None
    return resolve_entity(label, name, surface or name)


def _stamp(mention: Mention, user, *, rejected: bool) -> None:
    mention.rejected = rejected
    mention.origin = Origin.HUMAN
    mention.edited_by = user if getattr(user, "pk", None) else None
    mention.edited_at = timezone.now()
    mention.save()


def _log(mention: Mention, user, action: str, before: dict[str, Any] | None) -> None:
    EditLog.objects.create(
        user=user if getattr(user, "pk", None) else None,
        article_id=mention.paragraph.article_id,
        mention=mention,
        target="mention",
        target_id=mention.pk,
        action=action,
        before=before,
        after=snapshot(mention),
    )


def _bump(paragraph: Paragraph) -> None:
    Paragraph.objects.filter(pk=paragraph.pk).update(version=F("version") + 1)
    paragraph.refresh_from_db(fields=["version"])
