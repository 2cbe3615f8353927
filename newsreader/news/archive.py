"""The whole database as one JSON Lines archive, to move a Qari from one engine to another.

`manage.py export --format archive > qari.jsonl` on the old database (SQLite,
say) and `manage.py import_archive qari.jsonl` on a freshly migrated new one
(PostgreSQL) carry over everything Qari keeps: the accounts (with their
password hashes), articles with their raw input (base64) and encoding,
paragraphs with kinds and versions, dropped lines and their restored flags,
mentions with origin, rejection and editor, entities and aliases, agenda
items, timeline events, the edit history, entity merges, review status and
the sources' furniture lines, and the ingest jobs (a failed one with its input).

The first line is a header naming the format and counting the rows; every
other line is one row as Django's serializer writes it ({"model", "pk",
"fields"}), parents before children. Primary keys are kept, so links,
edit-history references and merge records stay right; an account whose
username the target already has is mapped onto it. The import runs in one
transaction into a database that holds no articles or entities yet, then
rebuilds the search index and moves the id sequences past the imported rows.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, models, transaction

from newsreader.news import search
from newsreader.news.models import (
    AgendaItem,
    Alias,
    Article,
    DroppedLine,
    EditLog,
    Entity,
    EntityMerge,
    IngestJob,
    Mention,
    Paragraph,
    SourceLine,
    TimelineEvent,
)

FORMAT = "qari-archive"
VERSION = 1
BATCH = 500
USER_FIELDS = (
    "username",
    "password",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
    "last_login",
)
# parents before children: each row's foreign keys point at rows already written
NEWS_MODELS: tuple[type[models.Model], ...] = (
    Entity,
    Alias,
    Article,
    Paragraph,
    DroppedLine,
    SourceLine,
    Mention,
    AgendaItem,
    TimelineEvent,
    EditLog,
    EntityMerge,
    IngestJob,  # a failed job's kept input moves with the rest
)
# the user foreign keys of each model, remapped when an account already exists
USER_LINKS: dict[str, tuple[str, ...]] = {
    "news.article": ("reviewed_by",),
    "news.mention": ("edited_by",),
    "news.editlog": ("user",),
    "news.entitymerge": ("user", "undone_by"),
}


class ArchiveError(ValueError):
    """The archive cannot be imported (bad file, or a target that is not empty)."""


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def archived_models() -> list[type[models.Model]]:
    return [get_user_model(), *NEWS_MODELS]


# --- export ---------------------------------------------------------------------------


def _rows(model: type[models.Model]) -> Iterator[dict]:
    """The model's rows as serializer dicts, by primary key, BATCH at a time."""
    fields = USER_FIELDS if model is get_user_model() else None
    queryset = model._default_manager.order_by("pk")
    last = None
    while True:
        page = list(queryset.filter(pk__gt=last)[:BATCH] if last is not None else queryset[:BATCH])
        if not page:
            return
        yield from serializers.serialize("python", page, fields=fields)
        last = page[-1].pk


class ArchiveEncoder(DjangoJSONEncoder):
    """Django's JSON, but times keep their microseconds (Django's encoder cuts them to
    milliseconds, so a time moved through the archive came back changed)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def export_lines() -> Iterator[str]:
    """The archive, line by line (each without its newline), header first."""
    counts = {_label(m): m._default_manager.count() for m in archived_models()}
    yield json.dumps({"format": FORMAT, "version": VERSION, "counts": counts})
    for model in archived_models():
        for row in _rows(model):
            yield json.dumps(row, ensure_ascii=False, cls=ArchiveEncoder)


# --- import ---------------------------------------------------------------------------


@dataclass
class Imported:
    counts: dict[str, int] = field(default_factory=dict)
    users_matched: int = 0

    def __str__(self) -> str:
        rows = ", ".join(f"{n} {label.split('.')[1]}" for label, n in self.counts.items() if n)
        matched = f"; {self.users_matched} account(s) already there" if self.users_matched else ""
        return f"imported {rows or 'nothing'}{matched}"


def _records(lines: Iterable[str]) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each row after a valid header."""
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ArchiveError(f"line {number}: not JSON ({error.msg})") from None
        if not header_seen:
            if not isinstance(record, dict) or record.get("format") != FORMAT:
                raise ArchiveError(f"line {number}: not a {FORMAT} (export --format archive)")
            if record.get("version") != VERSION:
                raise ArchiveError(f"line {number}: archive version {record.get('version')!r}")
            header_seen = True
            continue
        if not isinstance(record, dict) or not {"model", "pk", "fields"} <= record.keys():
            raise ArchiveError(f"line {number}: not a row (model, pk, fields)")
        yield number, record
    if not header_seen:
        raise ArchiveError("empty file: no archive header")


def _check_empty() -> None:
    held = {_label(m): m._default_manager.count() for m in (Article, Entity, SourceLine, IngestJob)}
    if any(held.values()):
        what = ", ".join(f"{n} {label.split('.')[1]}" for label, n in held.items() if n)
        raise ArchiveError(f"the target database already holds {what}: import into an empty one")


class _Users:
    """Creates the archive's accounts, mapping their ids onto the target's."""

    def __init__(self) -> None:
        self.ids: dict[int, int] = {}
        self.matched = 0

    def create(self, record: dict) -> None:
        """Create the account (same id when free), or map it onto one with its username."""
        model = get_user_model()
        manager = model._default_manager
        existing = manager.filter(username=record["fields"]["username"]).first()
        if existing is not None:
            self.ids[record["pk"]] = existing.pk
            self.matched += 1
            return
        pk = record["pk"]
        if manager.filter(pk=pk).exists():
            pk = (manager.aggregate(top=models.Max("pk"))["top"] or 0) + 1
        (row,) = serializers.deserialize("python", [dict(record, pk=pk)])
        row.save()
        self.ids[record["pk"]] = pk

    def relink(self, record: dict) -> dict:
        fields = record["fields"]
        for name in USER_LINKS.get(record["model"], ()):
            if fields.get(name) is not None:
                fields[name] = self.ids.get(fields[name])
        return record


def _save(records: list[dict]) -> None:
    """Create one model's rows, keeping their primary keys."""
    if not records:
        return
    try:
        objects = [row.object for row in serializers.deserialize("python", records)]
        model = type(objects[0])
        stamped = [f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
        kept = [[getattr(obj, name) for name in stamped] for obj in objects]
        model._default_manager.bulk_create(objects)
        if stamped:  # bulk_create stamps auto_now fields with the time of the import
            for obj, values in zip(objects, kept, strict=True):
                for name, value in zip(stamped, values, strict=True):
                    setattr(obj, name, value)
            model._default_manager.bulk_update(objects, stamped)
    except (DeserializationError, DatabaseError) as error:
        first = records[0]["pk"]
        raise ArchiveError(f"{records[0]['model']} rows from pk {first}: {error}") from None


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), archived_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def import_lines(lines: Iterable[str]) -> Imported:
    """Create every row of an archive in this (empty) database, in one transaction."""
    done = Imported(counts={_label(m): 0 for m in archived_models()})
    known = set(done.counts)
    users = _Users()
    with transaction.atomic():
        _check_empty()
        batch: list[dict] = []
        for number, record in _records(lines):
            label = record["model"]
            if label not in known:
                raise ArchiveError(f"line {number}: unknown model {label!r}")
            done.counts[label] += 1
            if label == _label(get_user_model()):
                users.create(record)
                continue
            record = users.relink(record)
            if batch and (batch[0]["model"] != label or len(batch) >= BATCH):
                _save(batch)
                batch = []
            batch.append(record)
        _save(batch)
        _reset_sequences()
        search.rebuild()
    done.users_matched = users.matched
    return done
