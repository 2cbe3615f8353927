"""Curation across the corpus: merge and split entities, change labels, label in bulk.

The admin calls these; each runs in one transaction and leaves an EditLog
row for every mention it touches (EditLog rows belong to an article, so an
entity-level change is logged through the mentions it moves). A merge is
also recorded in an EntityMerge row that holds what `undo_merge` needs to
put the merged entities, their aliases and their mention links back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newsreader.news import reader_cache
from newsreader.news.audit import entry, record_all
from newsreader.news.editing import LABEL_CODES, add_mention, bump_versions, is_word_char, snapshot
from newsreader.news.models import (
    Alias,
    Entity,
    EntityMerge,
    Mention,
    Origin,
    Paragraph,
)
from newsreader.news.registry import entity_key
from newsreader.news.vocabulary import Label
from newsreader.pipeline.normalize import fold, fold_key, fold_with_offsets, proclitic_splits


class CurationError(ValueError):
    """A curation the data does not allow; the message is shown to the curator."""


# ---------------------------------------------------------------- logging


def _user(user):
    return user if getattr(user, "pk", None) else None


def _log_mentions(
    mentions: Iterable[Mention], befores: dict[int, dict[str, Any]], user, action: str
) -> None:
    """One EditLog row per mention, before and after, written in bulk."""
    record_all(
        entry(user, m.paragraph.article_id, m, action, befores.get(m.pk), snapshot(m))
        for m in mentions
    )


def _relink(mentions: list[Mention], entity: Entity | None, user, action: str) -> None:
    """Point mentions at `entity` (origin and rejection untouched), logged and bumped."""
    befores = {m.pk: snapshot(m) for m in mentions}
    reader_cache.forget_counts({m.entity_id for m in mentions} | {getattr(entity, "pk", None)})
    Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(entity=entity)
    for mention in mentions:
        mention.entity = entity
    _log_mentions(mentions, befores, user, action)
    bump_versions(m.paragraph_id for m in mentions)


def _mentions_of(entity_ids: Iterable[int]) -> list[Mention]:
    return list(
        Mention.objects.filter(entity_id__in=list(entity_ids))
        .select_related("paragraph", "entity")
        .order_by("pk")
    )


# ------------------------------------------------------------------ merge


@transaction.atomic
def merge_entities(target: Entity, others: Iterable[Entity], user) -> EntityMerge:
    """Merge `others` into `target`: mentions move, names and aliases become its aliases.

    All entities must share the target's label (change a label first). The
    merged entities are deleted; the EntityMerge row returned can undo it.
    """
    others = [e for e in others if e.pk != target.pk]
    if not others:
        raise CurationError("اختر كيانين على الأقل للدمج.")
    if any(e.label != target.label for e in others):
        raise CurationError("لا يُدمج إلا كيانات من التصنيف نفسه؛ غيّر التصنيف أولًا.")
    target = Entity.objects.select_for_update().get(pk=target.pk)
    known = {target.key} | set(target.aliases.values_list("key", flat=True))
    merged: list[dict[str, Any]] = []
    created_aliases: list[int] = []
    for other in others:
        mentions = _mentions_of([other.pk])
        aliases = list(other.aliases.order_by("pk"))
        merged.append(
            {
                "id": other.pk,
                "label": other.label,
                "name": other.name,
                "key": other.key,
                "created": other.created.isoformat(),
                "aliases": [{"id": a.pk, "name": a.name, "key": a.key} for a in aliases],
                "mentions": [m.pk for m in mentions],
            }
        )
        _relink(mentions, target, user, "merge")
        for name, key in [(other.name, other.key), *((a.name, a.key) for a in aliases)]:
            if key not in known:
                known.add(key)
                created_aliases.append(Alias.objects.create(entity=target, name=name, key=key).pk)
        Entity.objects.filter(pk=other.pk).delete()  # leaves the caller's object its pk
    return EntityMerge.objects.create(
        target=target,
        target_name=target.name,
        merged=merged,
        created_aliases=created_aliases,
        user=_user(user),
    )


@transaction.atomic
def undo_merge(merge: EntityMerge, user) -> list[Entity]:
    """Bring the merged entities back with their ids, aliases and mention links.

    Mentions that have since left the target (relinked by hand) stay where
    they are; the target loses only the aliases the merge gave it.
    """
    merge = EntityMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at:
        raise CurationError("هذا الدمج أُلغي من قبل.")
    target = Entity.objects.filter(pk=merge.target_id).first()
    if target is None:
        raise CurationError("الكيان الهدف لم يعد موجودًا، فلا يمكن إلغاء الدمج.")
    for data in merge.merged:
        clash = (
            Entity.objects.filter(pk=data["id"]).exists()
            or Entity.objects.filter(label=data["label"], key=data["key"]).exists()
        )
        if clash:
            raise CurationError(f"يوجد الآن كيان باسم «{data['name']}»؛ لا يمكن إلغاء الدمج.")
    Alias.objects.filter(pk__in=merge.created_aliases, entity=target).delete()
    restored = []
    for data in merge.merged:
        entity = Entity.objects.create(
            pk=data["id"],
            label=data["label"],
            name=data["name"],
            key=data["key"],
            created=parse_datetime(data["created"]) or timezone.now(),
        )
        Alias.objects.bulk_create(
            Alias(pk=a["id"], entity=entity, name=a["name"], key=a["key"]) for a in data["aliases"]
        )
        mentions = list(
            Mention.objects.filter(pk__in=data["mentions"], entity=target).select_related(
                "paragraph", "entity"
            )
        )
        _relink(mentions, entity, user, "unmerge")
        restored.append(entity)
    merge.undone_at = timezone.now()
    merge.undone_by = _user(user)
    merge.save(update_fields=["undone_at", "undone_by"])
    return restored


# ------------------------------------------------------------------ split


@transaction.atomic
def split_alias(alias: Alias, user) -> Entity:
    """Make an alias its own entity; the mentions written that way move to it."""
    source = alias.entity
    if Entity.objects.filter(label=source.label, key=alias.key).exists():
        raise CurationError(f"يوجد كيان «{alias.name}» بالتصنيف نفسه؛ ادمج أو اربط بدلًا من ذلك.")
    new = Entity.objects.create(label=source.label, name=alias.name, key=alias.key)
    mentions = [m for m in _mentions_of([source.pk]) if entity_key(m.text) == alias.key]
    _relink(mentions, new, user, "split")
    alias.delete()
    return new


# ------------------------------------------------------------------ label


@transaction.atomic
def change_label(entity: Entity, label: str, user) -> Entity:
    """Give an entity and every mention of it another label; the mentions become human."""
    if label not in LABEL_CODES or Label.DATE in (label, entity.label):
        raise CurationError("تصنيف غير صالح (التواريخ لا تُغيَّر من هنا).")
    if label == entity.label:
        return entity
    if Entity.objects.filter(label=label, key=entity.key).exclude(pk=entity.pk).exists():
        raise CurationError(
            f"يوجد «{entity.name}» بتصنيف {label}؛ غيّر التصنيف ثم ادمج، أو ادمج مباشرة."
        )
    entity.label = label
    entity.save(update_fields=["label"])
    mentions = _mentions_of([entity.pk])
    befores = {m.pk: snapshot(m) for m in mentions}
    now = timezone.now()
    Mention.objects.filter(pk__in=list(befores)).update(
        label=label, origin=Origin.HUMAN, edited_by=_user(user), edited_at=now
    )
    for mention in mentions:
        mention.label, mention.origin = label, Origin.HUMAN
    _log_mentions(mentions, befores, user, "relabel")
    bump_versions(m.paragraph_id for m in mentions)
    return entity


# ------------------------------------------------------------------- bulk


@dataclass
class Occurrence:
    start: int
    end: int
    text: str
    # "new"; "confirm" (a model mention of this label on the span becomes human);
    # "replace" (overlapping model mentions give way); "skip" (a human decision stands)
    status: str
    note: str = ""


@dataclass
class ParagraphMatches:
    paragraph: Paragraph
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def to_apply(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.status != "skip"]

    def marked(self) -> list[tuple[str, str]]:
        """The paragraph as (text, status) pieces; status "" outside a match."""
        pieces, cursor, text = [], 0, self.paragraph.text
        for occ in self.occurrences:
            pieces.append((text[cursor : occ.start], ""))
            pieces.append((text[occ.start : occ.end], occ.status))
            cursor = occ.end
        pieces.append((text[cursor:], ""))
        return [p for p in pieces if p[0]]


def find_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Spans of `name` in `text`: folded, whole words, proclitics left outside.

    «وبيروت» gives the span of «بيروت»; «بيروتي» and «البيروت» give nothing.
    """
    words = fold_key(name).split()
    if not words or not "".join(words):
        return []
    folded = fold_with_offsets(text)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    spans = []
    for match in pattern.finditer(folded.text):
        fs, fe = match.span()
        ft = folded.text
        if fe < len(ft) and is_word_char(ft[fe]):
            continue
        word_start = fs
        while word_start > 0 and is_word_char(ft[word_start - 1]):
            word_start -= 1
        if word_start < fs:
            prefix = ft[word_start:fs]
            word = ft[word_start : fs + len(words[0])]
            if not any(p == prefix for p, _ in proclitic_splits(word)[1:]):
                continue
        start, end = folded.span(fs, fe)
        while end < len(text) and not fold(text[end]) and is_word_char(text[end]):
            end += 1  # a mark or tatweel the fold dropped still belongs to the word
        spans.append((start, end))
    return spans


def _candidate_paragraphs(name: str):
    """Paragraphs whose folded text has every word of the name (a cheap first pass)."""
    words = fold_key(name).split()
    ids = [
        pk
        for pk, text in Paragraph.objects.values_list("pk", "text").iterator(chunk_size=2000)
        if all(w in fold(text) for w in words)
    ]
    return (
        Paragraph.objects.filter(pk__in=ids)
        .select_related("article")
        .prefetch_related("mentions")
        .order_by("article_id", "index")
    )


def bulk_preview(name: str, label: str) -> list[ParagraphMatches]:
    """What labelling every occurrence of `name` as `label` would touch, paragraph by paragraph."""
    name = " ".join(name.split())
    if not name:
        raise CurationError("اكتب الاسم.")
    if label not in LABEL_CODES or label == Label.DATE:
        raise CurationError("اختر تصنيفًا (التواريخ تحتاج قيمة فلا تُوسَم جملةً).")
    found = []
    for para in _candidate_paragraphs(name):
        spans = find_occurrences(para.text, name)
        if not spans:
            continue
        result = ParagraphMatches(para)
        for start, end in spans:
            overlapping = [m for m in para.mentions.all() if m.start < end and m.end > start]
            human = [m for m in overlapping if m.origin == Origin.HUMAN]
            exact = [m for m in overlapping if (m.start, m.end) == (start, end)]
            occ = Occurrence(start, end, para.text[start:end], "new")
            if human:
                occ.status = "skip"
                occ.note = "قرار بشري: " + "، ".join(
                    f"{m.text} ({m.label}{'، محذوفة' if m.rejected else ''})" for m in human
                )
            elif overlapping == exact and exact and exact[0].label == label:
                occ.status, occ.note = "confirm", "تأكيد إشارة النموذج"
            elif overlapping:
                occ.status = "replace"
                occ.note = "يحل محل: " + "، ".join(f"{m.text} ({m.label})" for m in overlapping)
            result.occurrences.append(occ)
        found.append(result)
    return found


def fingerprint(preview: list[ParagraphMatches]) -> str:
    """A digest of what a preview would change, to check Apply acts on what was shown."""
    parts = [
        f"{pm.paragraph.pk}:{pm.paragraph.version}:{o.start}:{o.end}:{o.status}"
        for pm in preview
        for o in pm.occurrences
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


@transaction.atomic
def bulk_label(name: str, label: str, user, expected: str | None = None) -> list[Mention]:
    """Label every occurrence as a human mention through `editing.add_mention`.

    Spans where a human mention (active or removed) stands are skipped. With
    `expected`, the corpus must still match the preview it was computed from.
    """
    preview = bulk_preview(name, label)
    if expected is not None and fingerprint(preview) != expected:
        raise CurationError("تغيّرت النصوص أو الإشارات منذ المعاينة؛ راجع المعاينة الجديدة.")
    added = []
    for pm in preview:
        for occ in pm.to_apply:
            added.append(add_mention(pm.paragraph, occ.start, occ.end, label, user))
    return added
