"""Read JSONL or brat standoff annotations back into stored articles (import_annotations).

A .jsonl file holds one contract article per line; a brat pair is <name>.ann
next to <name>.txt (give the .ann, the .txt or a folder of pairs). Articles are
matched by id (when the stored text is the file's text) or else by title and
text hash; mentions by paragraph and offsets. A span that already has a row —
active, or removed by an editor — is left as it is, and a span overlapping an
active mention is skipped, so importing twice adds nothing and never undoes a
human decision. Imported mentions are origin human unless the entry says
"origin": "model" (a brat note origin=model). Each file is one transaction;
a bad file is named with a one-line reason (`import_files` returns it, the
command prints it and exits non-zero).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from newsreader.news import audit
from newsreader.news.editing import bump_versions, snapshot
from newsreader.news.formats import LABEL_CODES, ORIGINS, FormatError, brat, jsonl
from newsreader.news.isodate import BadDateValue, iso_value
from newsreader.news.models import Article, Mention, Origin
from newsreader.news.registry import resolve_entity
from newsreader.news.vocabulary import Label

MAX_NAME = 300  # Entity.name's max_length


@dataclass
class Counts:
    """What one file added, found already there, or skipped."""

    articles: int = 0
    added: int = 0
    existing: int = 0
    overlapping: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles} article(s), {self.added} mention(s) added, "
            f"{self.existing} already there, {self.overlapping} skipped as overlapping"
        )


def text_hash(paragraphs: list[str]) -> str:
    return hashlib.sha256("\n".join(paragraphs).encode("utf-8")).hexdigest()


def stored_paragraphs(article: Article) -> list[tuple[int, str]]:
    return list(article.paragraphs.order_by("index").values_list("index", "text"))


def match_article(article_id, title: str | None, paragraphs: list[str] | None) -> Article:
    """The stored article a file's article is: by id, else by title and text hash."""
    first = paragraphs[0] if paragraphs else title
    candidates: list[Article] = []
    if article_id is not None:
        candidates += Article.objects.filter(pk=article_id)
    name = title or first
    if name:
        named = Q(title=name[:500])
        if first:
            named |= Q(paragraphs__index=0, paragraphs__text=first)
        candidates += Article.objects.filter(named).exclude(pk=article_id).distinct().order_by("pk")
    if paragraphs is None:  # no text to compare: the id decides, or a unique title
        if article_id is not None and candidates and candidates[0].pk == article_id:
            found = candidates[0]
            if title and found.title != title[:500]:
                raise FormatError(f"article {article_id} is titled {found.title!r}, not {title!r}")
            return found
        if len(candidates) == 1:
            return candidates[0]
        raise FormatError(
            f"no single article matches id {article_id} / title {title!r} (give paragraphs)"
        )
    wanted = text_hash(paragraphs)
    for article in candidates:
        if text_hash([text for _, text in stored_paragraphs(article)]) == wanted:
            return article
    if article_id is not None and candidates and candidates[0].pk == article_id:
        raise FormatError(f"article {article_id}'s stored text differs from the file's")
    raise FormatError(f"no article with id {article_id} or with this title and text")


def _entry_fields(entry: dict, where: str) -> tuple[int, int, int, str, str]:
    """(paragraph, start, end, label, origin) of an entry, or the FormatError that says why not."""
    try:
        index, start, end = int(entry["paragraph"]), int(entry["start"]), int(entry["end"])
        label = entry["label"]
    except (KeyError, TypeError, ValueError) as error:
        raise FormatError(
            f"{where}: needs integer paragraph/start/end and a label ({error})"
        ) from None
    if label not in LABEL_CODES:
        raise FormatError(f"{where}: unknown label {label!r}")
    origin = entry.get("origin") or Origin.HUMAN.value
    if origin not in ORIGINS:
        raise FormatError(f"{where}: origin must be human or model, not {origin!r}")
    return index, start, end, label, origin


def store_entities(article: Article, entities: list[dict], counts: Counts) -> None:
    """Create the mentions the entries describe, leaving every existing span alone."""
    rows = {p.index: p for p in article.paragraphs.all()}
    taken: dict[int, list[Mention]] = {}
    for mention in Mention.objects.filter(paragraph__article=article):
        taken.setdefault(mention.paragraph_id, []).append(mention)
    touched: set[int] = set()
    for n, entry in enumerate(entities, start=1):
        where = entry.get("_where") or f"entity {n}"
        index, start, end, label, origin = _entry_fields(entry, where)
        paragraph = rows.get(index)
        if paragraph is None:
            raise FormatError(f"{where}: article {article.pk} has no paragraph {index}")
        if not 0 <= start < end <= len(paragraph.text):
            raise FormatError(f"{where}: offsets {start}-{end} outside paragraph {index}")
        text = paragraph.text[start:end]
        if entry.get("text") is not None and entry["text"] != text:
            raise FormatError(
                f"{where}: paragraph {index} has {text!r} at {start}-{end}, not {entry['text']!r}"
            )
        others = taken.setdefault(paragraph.pk, [])
        if any((m.start, m.end) == (start, end) for m in others):
            counts.existing += 1
            continue
        if any(not m.rejected and m.start < end and start < m.end for m in others):
            counts.overlapping += 1
            continue
        value = (entry.get("value") or "") if label == Label.DATE else ""
        if value:
            try:
                value = iso_value(value)[0]
            except BadDateValue:
                raise FormatError(
                    f"{where}: a DATE's value is YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY, "
                    f"not {value[:40]!r}"
                ) from None
        if len(entry.get("canonical") or "") > MAX_NAME:
            raise FormatError(f"{where}: the canonical name is longer than {MAX_NAME} characters")
        if label == Label.DATE:
            entity = resolve_entity(Label.DATE, value) if value else None
        else:
            entity = resolve_entity(label, entry.get("canonical") or text, text)
        mention = Mention.objects.create(
            paragraph=paragraph,
            start=start,
            end=end,
            text=text,
            label=label,
            value=value,
            entity=entity,
            origin=origin,
            edited_at=timezone.now() if origin == Origin.HUMAN else None,
        )
        audit.record(None, article, mention, "import", None, snapshot(mention))
        others.append(mention)
        touched.add(paragraph.pk)
        counts.added += 1
    bump_versions(touched)  # an editor holding an older version must reload


def import_jsonl(path: Path, counts: Counts) -> None:
    for number, record in jsonl.parse(path.read_text(encoding="utf-8")):
        paragraphs = record.get("paragraphs")
        if record.get("id") is not None and type(record["id"]) is not int:
            raise FormatError(f"line {number}: id must be an integer, not {record['id']!r}")
        try:
            article = match_article(
                record.get("id"),
                record.get("title"),
                [p["text"] for p in paragraphs] if paragraphs is not None else None,
            )
        except FormatError as error:
            raise FormatError(f"line {number}: {error}") from None
        entities = [
            dict(e, _where=f"line {number} entity {k}")
            for k, e in enumerate(record.get("entities", []), start=1)
        ]
        store_entities(article, entities, counts)
        counts.articles += 1


def import_brat(ann_path: Path, counts: Counts) -> None:
    txt_path = ann_path.with_suffix(".txt")
    if not txt_path.exists():
        raise FormatError(f"no {txt_path.name} next to it")
    text = txt_path.read_text(encoding="utf-8")
    text = text[:-1] if text.endswith("\n") else text
    spans = brat.parse_ann(ann_path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    article_id = int(ann_path.stem) if ann_path.stem.isdigit() else None
    article = match_article(article_id, lines[0], lines)
    entities = brat.to_entities(spans, stored_paragraphs(article))
    store_entities(article, entities, counts)
    counts.articles += 1


def collect(paths: list[str]) -> list[tuple[Path, str]]:
    """(file, kind) for each path: .jsonl files, brat .ann files, folders of them."""
    found: list[tuple[Path, str]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += [(p, "brat") for p in sorted(path.glob("*.ann"))]
            found += [(p, "jsonl") for p in sorted(path.glob("*.jsonl"))]
        elif not path.exists():
            raise FormatError(f"{path}: no such file or folder")
        elif path.suffix in (".jsonl", ".json", ".ndjson"):
            found.append((path, "jsonl"))
        elif path.suffix in (".ann", ".txt"):
            found.append((path.with_suffix(".ann"), "brat"))
        else:
            raise FormatError(f"{path}: expected a .jsonl file, a brat .ann/.txt or a folder")
    if not found:
        raise FormatError("no .jsonl or .ann files to import")
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class FileResult:
    """One imported file: its counts, or the one-line reason it was rolled back."""

    path: Path
    counts: Counts
    error: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.error or self.counts}"


def import_file(path: Path, kind: str) -> FileResult:
    """Import one .jsonl or brat .ann file in one transaction; a bad file changes nothing."""
    counts = Counts()
    try:
        with transaction.atomic():
            (import_brat if kind == "brat" else import_jsonl)(path, counts)
    except (FormatError, OSError, UnicodeDecodeError) as error:
        return FileResult(path, Counts(), str(error))
    return FileResult(path, counts)


def import_files(paths: list[str]) -> list[FileResult]:
    """Import every file the paths name (FormatError when they name none or a bad one)."""
    return [import_file(path, kind) for path, kind in collect(paths)]
