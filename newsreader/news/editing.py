"""Editing services for mentions, shared by the reader's htmx views and the admin.

Every edit is a human decision that a pipeline re-run must respect, so each
function stores origin=human with who and when, bumps the paragraph's
version (a cheap "this changed" signal for open pages and exports), and
writes an EditLog row with the mention's state before and after. A removal
only sets rejected=True: the row stays so the model cannot bring the span
back. Offsets and word boundaries are `spans.py`'s (re-exported here).

Two editors on one paragraph must not overwrite each other silently: every
service takes the paragraph `version` the editor saw, and the bump is a
conditional UPDATE inside the edit's transaction, so a stale edit raises
StaleEdit and rolls back everything it did. `collect_logs` lets a view learn
which EditLog rows one request wrote (the page's undo stack holds those ids;
undo and redo are `revert_edits`, logged like any other edit).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsreader.news import reader_cache
from newsreader.news.audit import record
from newsreader.news.isodate import BadDateValue, iso_value
from newsreader.news.models import EditLog, Entity, Mention, Origin, Paragraph
from newsreader.news.registry import entity_key, resolve_entity
from newsreader.news.spans import (
    EditError,
    check_offsets,
    from_utf16,
    is_word_char,
    snap_to_words,
    word_spans,
)
from newsreader.news.vocabulary import LABEL_CODES, Label
from newsreader.pipeline.normalize import fold_key, proclitic_splits

MAX_MENTION = 500  # Mention.text's max_length


class StaleEdit(EditError):
    """The paragraph (or the mention) changed since the editor last saw it."""


STALE_MESSAGE = "عدّل محرر آخر هذه الفقرة؛ هذه نسختها الحالية"

_collector: contextvars.ContextVar[list[EditLog] | None] = contextvars.ContextVar(
    "edit_log_collector", default=None
)


@contextlib.contextmanager
def collect_logs() -> Iterator[list[EditLog]]:
    """The EditLog rows written inside the block (in order), for an undo stack."""
    logs: list[EditLog] = []
    token = _collector.set(logs)
    try:
        yield logs
    finally:
        _collector.reset(token)


def snapshot(mention: Mention) -> dict[str, Any]:
    """The fields an EditLog keeps before and after an edit."""
    return {
        "paragraph": mention.paragraph_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "entity": mention.entity_id,
        "entity_name": mention.entity.name if mention.entity is not None else "",
        "value": mention.value,
        "origin": mention.origin,
        "rejected": mention.rejected,
    }


@transaction.atomic
def add_mention(
    paragraph: Paragraph,
    start: int,
    end: int,
    label: str,
    user,
    value: str = "",
    *,
    version: int | None = None,
) -> Mention:
    """Mark text[start:end] (exact code-point offsets) as a `label` mention.

    Active mentions overlapping the span are removed (and logged); a row on
    exactly this span, active or rejected, is reused and reactivated.
    """
    _check_label(label)
    check_offsets(paragraph.text, start, end)
    text = paragraph.text[start:end]
    if not text.strip() or text != text.strip():
        raise EditError("لا تبدأ الإشارة أو تنتهي بمسافة.")
    if len(text) > MAX_MENTION:
        raise EditError("الإشارة أطول من المسموح.")
    value = _date_value(value) if label == Label.DATE and value else ""
    overlapping = list(
        paragraph.mentions.select_related("entity").filter(start__lt=end, end__gt=start)
    )
    exact = next((m for m in overlapping if (m.start, m.end) == (start, end)), None)
    for other in overlapping:
        if other is not exact and not other.rejected:
            removed = snapshot(other)
            _stamp(other, user, rejected=True)
            _log(other, user, "remove", removed)
    mention = exact or Mention(paragraph=paragraph, start=start, end=end, text=text)
    before = snapshot(exact) if exact else None
    mention.label = label
    mention.value = value
    mention.entity = _entity_for(label, text, value)
    _stamp(mention, user, rejected=False)
    _log(mention, user, "add", before)
    _bump(paragraph, version)
    return mention


@transaction.atomic
def relabel_mention(mention: Mention, label: str, user, *, version: int | None = None) -> Mention:
    """Give a mention another label; its entity becomes the same name under that label."""
    _check_label(label)
    before = snapshot(mention)
    if label != mention.label:
        name = mention.entity.name if mention.entity is not None else mention.text
        mention.label = label
        mention.value = ""
        mention.entity = _entity_for(label, name, "", surface=mention.text)
    _stamp(mention, user, rejected=False)
    _log(mention, user, "relabel", before)
    _bump(mention.paragraph, version)
    return mention


@transaction.atomic
def remove_mention(mention: Mention, user, *, version: int | None = None) -> Mention:
    """Reject a mention; the row stays so a pipeline re-run does not bring it back."""
    before = snapshot(mention)
    _stamp(mention, user, rejected=True)
    _log(mention, user, "remove", before)
    _bump(mention.paragraph, version)
    return mention


@transaction.atomic
def link_mention(mention: Mention, name: str, user, *, version: int | None = None) -> Mention:
    """Link a mention to the entity called `name` (found or created by label and key).

    For a DATE, `name` is the ISO value («2026-02-08»), which becomes its value too.
    """
    name = " ".join(name.split())
    if not name:
        raise EditError("اكتب اسم الكيان.")
    if len(name) > 300:
        raise EditError("الاسم أطول من المسموح.")
    if mention.label == Label.DATE:
        name = _date_value(name)
    before = snapshot(mention)
    if mention.label == Label.DATE:
        mention.value = name
    mention.entity = resolve_entity(mention.label, name, mention.text)
    _stamp(mention, user, rejected=False)
    _log(mention, user, "link", before)
    _bump(mention.paragraph, version)
    return mention


@transaction.atomic
def save_form_edit(mention: Mention, user) -> Mention:
    """A mention as a form (the admin) left it: checked, stamped, logged, paragraph bumped.

    The admin's change form and its inline edit fields directly; this is the
    same path the reader's edits take, so an open reader page holding the old
    version gets a conflict instead of overwriting the curator.
    """
    old = (
        Mention.objects.select_related("entity").filter(pk=mention.pk).first()
        if mention.pk
        else None
    )
    _check_label(mention.label)
    if mention.label == Label.DATE:
        mention.value = _date_value(mention.value) if mention.value else ""
    else:
        mention.value = ""
    _stamp(mention, user, rejected=mention.rejected)
    _log(mention, user, "edit" if old else "add", snapshot(old) if old else None)
    _bump(mention.paragraph)
    return mention


@transaction.atomic
def save_paragraph_form(paragraph: Paragraph, user) -> Paragraph:
    """A paragraph's kind or index changed in the admin: saved, logged, version bumped."""
    old = Paragraph.objects.get(pk=paragraph.pk)
    fields = ("index", "kind")
    before = {f: getattr(old, f) for f in fields}
    paragraph.version = old.version  # the bump below is the only way it moves
    paragraph.save()
    after = {f: getattr(paragraph, f) for f in fields}
    record(user, paragraph.article_id, paragraph, "edit", before, after)
    _bump(paragraph)
    return paragraph


# History, revert (undo/redo), span adjustment

STATE_FIELDS = ("start", "end", "label", "entity", "value", "rejected")
ADJUSTMENTS = (
    "grow-start",
    "shrink-start",
    "grow-end",
    "shrink-end",
    "include-clitic",
    "exclude-clitic",
    "toggle-clitic",
)


def mention_history(mention: Mention):
    """The mention's EditLog rows, newest first, with their users (one query)."""
    return EditLog.objects.filter(target="mention", target_id=mention.pk).select_related("user")


@transaction.atomic
def revert_edits(logs: list[EditLog], user, *, version: int | None = None) -> list[EditLog]:
    """Put each logged mention back as it was before its edit, newest edit first.

    Each revert is an EditLog row of its own (action «revert», before = the
    state it undid), so reverting a revert is a redo. A mention that changed
    again since the edit is not reverted (StaleEdit): that would silently
    drop the later edit. All edits must be on one paragraph.
    """
    logs = sorted(logs, key=lambda log: log.pk, reverse=True)
    targets = [log.target_id for log in logs if log.target == "mention" and log.target_id]
    if not logs or len(targets) != len(logs):
        raise EditError("لا يوجد تعديل للتراجع عنه.")
    mentions = {
        m.pk: m
        for m in Mention.objects.select_related("paragraph", "entity").filter(pk__in=set(targets))
    }
    paragraphs = {m.paragraph_id for m in mentions.values()}
    if len(mentions) != len(set(targets)) or len(paragraphs) != 1:
        raise EditError("لا يمكن التراجع عن هذا التعديل.")
    written: list[EditLog] = []
    with collect_logs() as inner:
        for log, target in zip(logs, targets, strict=True):
            mention = mentions[target]
            if not _same_state(snapshot(mention), log.after):
                raise StaleEdit("تغيّرت الإشارة بعد هذا التعديل؛ لا يمكن التراجع عنه.")
            before = snapshot(mention)
            if log.before is None:  # the edit created the row: reverting rejects it
                _stamp(mention, user, rejected=True)
            else:
                _restore(mention, log.before, user)
            written.append(_log(mention, user, "revert", before))
        paragraph = next(iter(mentions.values())).paragraph
        _bump(paragraph, version)
    outer = _collector.get()
    if outer is not None:
        outer.extend(inner)
    return written


def _same_state(now: dict[str, Any], then: dict[str, Any] | None) -> bool:
    return then is not None and all(now.get(f) == then.get(f) for f in STATE_FIELDS)


def _restore(mention: Mention, state: dict[str, Any], user) -> None:
    start, end = state["start"], state["end"]
    paragraph = mention.paragraph
    if (start, end) != (mention.start, mention.end):
        check_offsets(paragraph.text, start, end)
        if paragraph.mentions.filter(start=start, end=end).exclude(pk=mention.pk).exists():
            raise StaleEdit("تغيّرت الإشارة بعد هذا التعديل؛ لا يمكن التراجع عنه.")
    if not state["rejected"]:
        _reject_overlapping(mention, start, end, user)
    mention.start, mention.end, mention.text = start, end, paragraph.text[start:end]
    mention.label = state["label"]
    mention.value = state["value"]
    entity = Entity.objects.filter(pk=state["entity"]).first() if state["entity"] else None
    if state["entity"] and entity is None and state.get("entity_name"):
        entity = resolve_entity(state["label"], state["entity_name"], mention.text)
    mention.entity = entity
    _stamp(mention, user, rejected=state["rejected"])


def _reject_overlapping(mention: Mention, start: int, end: int, user) -> None:
    others = (
        mention.paragraph.mentions.active()
        .select_related("entity")
        .filter(start__lt=end, end__gt=start)
        .exclude(pk=mention.pk)
    )
    for other in others:
        before = snapshot(other)
        _stamp(other, user, rejected=True)
        _log(other, user, "remove", before)


def _clitic_stem_start(text: str, word_start: int, word_end: int, label: str) -> int | None:
    """Where the stem starts after the word's proclitics, or None if it has none.

    Only literal splits count («للمجلس» → ل + «لمجلس» is not one) and «ال» stays
    with the stem. A stem that names a known entity of this label wins;
    otherwise a single proclitic comes off («ولبنان» → «لبنان», not «بنان»).
    """
    word = text[word_start:word_end]
    literal = [
        (prefix, rest) for prefix, rest in proclitic_splits(word)[1:] if word[len(prefix) :] == rest
    ]
    if not literal:
        return None
    for prefix, rest in sorted(literal, key=lambda split: -len(split[0])):
        if Entity.objects.filter(label=label, key=entity_key(rest)).exists():
            return word_start + len(prefix)
    return word_start + len(literal[0][0])


def adjusted_span(mention: Mention, action: str) -> tuple[int, int]:
    """The span `action` gives: a word more or less at either end, or a proclitic in or out.

    «start» is the first letter in logical order, the right-hand edge on screen.
    """
    text, start, end = mention.paragraph.text, mention.start, mention.end
    words = word_spans(text)
    word_at = {i: w for w in words for i in range(w[0], w[1])}
    first, last = word_at.get(start), word_at.get(end - 1)
    if first is None or last is None:
        raise EditError("حدود الإشارة ليست على كلمات.")
    inside = [w for w in words if w[0] < end and w[1] > start]
    if action == "grow-start":
        before = [w for w in words if w[1] <= first[0]]
        if not before:
            raise EditError("لا كلمة قبل الإشارة.")
        return before[-1][0], end
    if action == "grow-end":
        after = [w for w in words if w[0] >= last[1]]
        if not after:
            raise EditError("لا كلمة بعد الإشارة.")
        return start, after[0][1]
    if action == "shrink-start":
        if len(inside) < 2:
            raise EditError("الإشارة كلمة واحدة.")
        return inside[1][0], end
    if action == "shrink-end":
        if len(inside) < 2:
            raise EditError("الإشارة كلمة واحدة.")
        return start, inside[-2][1]
    if action == "toggle-clitic":
        action = "include-clitic" if start > first[0] else "exclude-clitic"
    if action == "include-clitic":
        if start == first[0]:
            raise EditError("لا سابقة ملتصقة خارج الإشارة.")
        return first[0], end
    if action == "exclude-clitic":
        stem = _clitic_stem_start(text, first[0], first[1], mention.label)
        if start != first[0] or stem is None or (first == last and stem >= end):
            raise EditError("لا سابقة (و ف ب ل ك) في أول الإشارة.")
        return stem, end
    raise EditError("تعديل حدود غير معروف.")


def _includes_clitic(mention: Mention, start: int, action: str) -> bool:
    return "clitic" in action and start < mention.start


@transaction.atomic
def adjust_mention(mention: Mention, action: str, user, *, version: int | None = None) -> Mention:
    """Move a mention's edges (adjusted_span); overlapped mentions are removed and logged.

    The row moves, so its history stays with it. An entity named after the old
    words follows the new words (so «ببيروت» → «بيروت» names Beirut); one the
    editor linked is kept, and taking a clitic in keeps the stem's entity.
    """
    start, end = adjusted_span(mention, action)
    paragraph = mention.paragraph
    text = paragraph.text[start:end]
    if len(text) > MAX_MENTION:
        raise EditError("الإشارة أطول من المسموح.")
    occupied = paragraph.mentions.filter(start=start, end=end).exclude(pk=mention.pk).first()
    if occupied is not None:  # the span has a row (a tombstone, say): reuse it
        _bump(paragraph, version)
        value = mention.value
        remove_before = snapshot(mention)
        _stamp(mention, user, rejected=True)
        _log(mention, user, "remove", remove_before)
        moved = add_mention(paragraph, start, end, mention.label, user, value=value)
        return moved
    before = snapshot(mention)
    _reject_overlapping(mention, start, end, user)
    named_after_text = (
        mention.entity is not None
        and mention.label != Label.DATE
        and fold_key(mention.entity.name) == fold_key(mention.text)
    )
    if named_after_text and not _includes_clitic(mention, start, action):
        mention.entity = resolve_entity(mention.label, text)
    mention.start, mention.end, mention.text = start, end, text
    _stamp(mention, user, rejected=False)
    _log(mention, user, "adjust", before)
    _bump(paragraph, version)
    return mention


def _check_label(label: str) -> None:
    if label not in LABEL_CODES:
        raise EditError("تصنيف غير معروف.")


def _date_value(value: str) -> str:
    """A DATE's value in ISO form (isodate), or EditError with the forms it may take."""
    try:
        return iso_value(value)[0]
    except BadDateValue as err:
        raise EditError(str(err)) from None


def _entity_for(label: str, name: str, value: str, surface: str = "") -> Entity | None:
    """The entity of a new span; a DATE has none unless its ISO value is given."""
    if label == Label.DATE:
        return resolve_entity(Label.DATE, value) if value else None
    return resolve_entity(label, name, surface or name)


def _stamp(mention: Mention, user, *, rejected: bool) -> None:
    mention.rejected = rejected
    mention.origin = Origin.HUMAN
    mention.edited_by = user if getattr(user, "pk", None) else None
    mention.edited_at = timezone.now()
    mention.save()


def _log(mention: Mention, user, action: str, before: dict[str, Any] | None) -> EditLog:
    log = record(user, mention.paragraph.article_id, mention, action, before, snapshot(mention))
    logs = _collector.get()
    if logs is not None:
        logs.append(log)
    return log


def bump_versions(paragraph_ids: Iterable[int]) -> None:
    """A bulk edit (admin action, import) moved these paragraphs on: open editors reload."""
    ids = set(paragraph_ids)
    if ids:
        Paragraph.objects.filter(pk__in=ids).update(version=F("version") + 1)
        reader_cache.touch_paragraphs(ids)


def _bump(paragraph: Paragraph, version: int | None = None) -> None:
    """Bump the version; with `version`, only if it is still the one the editor saw.

    The check and the bump are one UPDATE, so two concurrent edits cannot both
    pass; the loser raises StaleEdit and its transaction rolls back.
    """
    rows = Paragraph.objects.filter(pk=paragraph.pk)
    if version is not None:
        rows = rows.filter(version=version)
    if not rows.update(version=F("version") + 1):
        raise StaleEdit(STALE_MESSAGE)
    paragraph.refresh_from_db(fields=["version"])
    reader_cache.touch([paragraph.article_id])


# the span helpers callers have always reached through this module
__all__ = ["EditError", "StaleEdit", "from_utf16", "is_word_char", "snap_to_words"]
