"""Run the annotation stages on a stored article without losing a human decision.

Human mentions (added, relabelled, linked or removed by an editor) stay as
they are, and the model may not put a span where an editor already decided
something. Agenda items and timeline events an editor added, edited or
removed stay too, and the model does not bring a removed one back.
"""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.conf import settings
from django.db import transaction

from newsreader.news.models import (
    AgendaItem,
    Article,
    Mention,
    Origin,
    TimelineEvent,
)
from newsreader.news.registry import resolve_entities
from newsreader.news.search import reindex_article
from newsreader.news.vocabulary import label_name
from newsreader.pipeline.analyse import analyse
from newsreader.pipeline.backends import get_recogniser
from newsreader.pipeline.dates import first_day
from newsreader.pipeline.normalize import fold_key, search_text
from newsreader.pipeline.types import Analysis, Kind, Label, Paragraph

MINUS = "\u2212"  # a real minus sign, as in «+3 −1»


@dataclass(frozen=True)
class AnnotateSummary:
    """What a run did. `added`/`removed` are the model's mentions that the re-run
    put in or took out compared with the model's previous run (label → count),
    with a few of them (`added_examples`, `removed_examples`: "text (LABEL)")."""

    mentions_before: int
    mentions_after: int
    human_kept: int
    agenda: int
    timeline: int
    added: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    added_examples: tuple[str, ...] = ()
    removed_examples: tuple[str, ...] = ()

    @property
    def n_added(self) -> int:
        return sum(self.added.values())

    @property
    def n_removed(self) -> int:
        return sum(self.removed.values())

    def changes(self) -> str:
        """«+3 −1 mentions (PERSON +2, DATE +1, LOCATION −1)», or «no mention changed»."""
        if not self.added and not self.removed:
            return "no mention changed"
        net: dict[str, tuple[int, int]] = {}
        for label in sorted(set(self.added) | set(self.removed)):
            net[label] = (self.added.get(label, 0), self.removed.get(label, 0))
        parts = []
        for label, (plus, minus) in sorted(net.items(), key=lambda x: (-x[1][0], x[1][1], x[0])):
            if plus:
                parts.append(f"{label} +{plus}")
            if minus:
                parts.append(f"{label} {MINUS}{minus}")
        return f"+{self.n_added} {MINUS}{self.n_removed} mentions ({', '.join(parts)})"

    def examples(self) -> str:
        out = []
        if self.added_examples:
            out.append("added: " + ", ".join(self.added_examples))
        if self.removed_examples:
            out.append("removed: " + ", ".join(self.removed_examples))
        return "; ".join(out)

    def arabic(self) -> str:
        """The same, as the admin tells a curator: label names, not codes."""
        if not self.added and not self.removed:
            parts = ["لم تتغير أي إشارة"]
        else:
            net = []
            for label in sorted(set(self.added) | set(self.removed)):
                plus, minus = self.added.get(label, 0), self.removed.get(label, 0)
                net += [f"{label_name(label)} +{plus}"] if plus else []
                net += [f"{label_name(label)} {MINUS}{minus}"] if minus else []
            parts = [f"الإشارات: +{self.n_added} {MINUS}{self.n_removed} ({'، '.join(net)})"]
        parts.append(f"قرارات بشرية أُبقيت: {self.human_kept}")
        if self.added_examples:
            parts.append("أُضيف: " + "، ".join(map(_arabic_example, self.added_examples)))
        if self.removed_examples:
            parts.append("حُذف: " + "، ".join(map(_arabic_example, self.removed_examples)))
        parts.append(
            f"الإشارات الآن: {self.mentions_after} (كانت للنموذج {self.mentions_before})، "
            f"بنود جدول الأعمال: {self.agenda}، أحداث الخط الزمني: {self.timeline}"
        )
        return "؛ ".join(parts)

    def __str__(self) -> str:
        head = f"{self.changes()}; {self.human_kept} human decisions kept"
        examples = self.examples()
        return (
            f"{head}{'; ' + examples if examples else ''}; "
            f"{self.mentions_after} mentions (model before {self.mentions_before}), "
            f"{self.agenda} agenda items, {self.timeline} timeline events"
        )


EXAMPLES = 5


def _arabic_example(example: str) -> str:
    """«ميقاتي (PERSON)» → «ميقاتي (شخص)»."""
    text, _, code = example.rpartition(" (")
    return f"{text} ({label_name(code.rstrip(')'))})" if text else example


def _diff(
    before: list[tuple[int, int, int, str, str]], after: list[tuple[int, int, int, str, str]]
) -> tuple[dict[str, int], dict[str, int], tuple[str, ...], tuple[str, ...]]:
    """Per-label counts and a few examples of mentions in one list and not the other.

    A mention is (paragraph id, start, end, label, text); the same span with
    another label counts as one removed and one added.
    """
    old, new = set(before), set(after)
    gone = sorted(old - new)
    came = sorted(new - old)
    return (
        dict(Counter(m[3] for m in came)),
        dict(Counter(m[3] for m in gone)),
        tuple(f"{m[4]} ({m[3]})" for m in came[:EXAMPLES]),
        tuple(f"{m[4]} ({m[3]})" for m in gone[:EXAMPLES]),
    )


def recogniser():
    """(recogniser, note) for the configured NER backend; the note says why it fell back."""
    backend = (settings.NER_BACKEND or "").strip().lower()
    model = (
        settings.ENCODER_NER_ADAPTER
        if backend in ("encoder", "combined")
        else settings.CAMEL_NER_MODEL_DIR
    )
    return get_recogniser(
        settings.NER_BACKEND, model, settings.ENCODER_THREADS or None, settings.ENCODER_PRECISION
    )


def curated_names() -> list[tuple[str, Label]]:
    """Names editors added or confirmed anywhere: the next run tags them at once."""
    rows = (
        Mention.objects.active()
        .by_human()
        .exclude(label=Label.DATE)
        .values_list("text", "label")
        .distinct()
    )
    return [(text, Label(label)) for text, label in rows]


@cache
def settle_loaded_models() -> None:
    """Put what the first analysis of a process loaded out of the cyclic collector's reach.

    The models, gazetteer and word lists live as long as the process and hold
    millions of references; every full collection walked them all (1.2-1.5 s
    on a 2-core machine), once every few dozen articles. `gc.freeze` moves
    every object alive now into a generation no collection visits (the first
    article's own cyclic garbage, if any, stays with them).
    """
    gc.freeze()


def analyse_article(paragraphs: list[Paragraph], published: date | None) -> Analysis:
    """What the pipeline finds in an article's paragraphs (reads the database, never writes).

    Ingest calls it before its transaction: on SQLite a transaction holds the
    one write lock, and the analysis is most of an ingest's time.
    """
    analysis = analyse(paragraphs, published, curated_names(), backend=recogniser()[0])
    settle_loaded_models()
    return analysis


@transaction.atomic
def annotate_article(
    article: Article, fresh: bool = False, analysis: Analysis | None = None
) -> AnnotateSummary:
    """Run the pipeline over the article and store what it found, human decisions kept.

    `fresh`: the article was created in this transaction (ingest), so it has no
    earlier annotations, decisions or index rows to read or remove. `analysis`:
    what `analyse_article` found in these very paragraphs, when the caller ran it.
    """
    rows = list(article.paragraphs.order_by("index"))
    by_index = {row.index: row for row in rows}
    paragraphs = [Paragraph(row.index, Kind(row.kind), row.text) for row in rows]
    if analysis is None:
        analysis = analyse_article(paragraphs, article.published)

    previous: list[tuple[int, int, int, str, str]] = []
    human: list[Mention] = []
    if not fresh:
        model_mentions = Mention.objects.filter(paragraph__article=article, origin=Origin.MODEL)
        previous = list(model_mentions.values_list("paragraph_id", "start", "end", "label", "text"))
        model_mentions.delete()
        human = list(Mention.objects.filter(paragraph__article=article, origin=Origin.HUMAN))
    before = len(previous)
    decided: dict[int, list[tuple[int, int]]] = {}
    for mention in human:
        decided.setdefault(mention.paragraph_id, []).append((mention.start, mention.end))

    created: list[tuple[int, int, int, str, str]] = []
    context = "\n".join(p.text for p in paragraphs)  # tells homographs apart
    scope = f"@{article.pk}"
    kept = []
    for span in analysis.spans:
        row = by_index[span.paragraph]
        if any(span.start < end and start < span.end for start, end in decided.get(row.pk, [])):
            continue
        canonical = span.value if span.label == Label.DATE else (span.canonical or span.text)
        kept.append((span, row, (span.label.value, canonical, span.text) if canonical else None))
    # A name repeated in the article resolves to the same entity (the first time made it
    # or its alias): the registry is asked once per name, in order, in a few queries.
    names = list(dict.fromkeys(name for _, _, name in kept if name))
    resolved = dict(zip(names, resolve_entities(names, context, scope), strict=True))
    mentions: list[Mention] = []
    for span, row, name in kept:
        # an unresolved DATE («اليوم» without a publication date) has no entity
        entity = resolved[name] if name else None
        mention = Mention(
            paragraph=row,
            start=span.start,
            end=span.end,
            text=span.text,
            label=span.label.value,
            value=span.value or "",
            entity=entity,
            origin=Origin.MODEL,
        )
        mention.clean()  # what save() checks; one INSERT for all below
        mentions.append(mention)
        created.append((row.pk, span.start, span.end, span.label.value, span.text))
    Mention.objects.bulk_create(mentions)

    agenda = _replace_model_items(
        AgendaItem,
        article,
        [
            {"text": item.text, "paragraph": by_index.get(item.paragraph), "order": n}
            for n, item in enumerate(analysis.agenda.items)
        ],
        fresh=fresh,
    )
    timeline = _replace_model_items(
        TimelineEvent,
        article,
        [
            {
                "text": event.text,
                "paragraph": by_index.get(event.paragraph),
                "value": event.value,
                "date": first_day(event.value),
            }
            for event in analysis.timeline
        ],
        key=lambda fields: (fields["value"], fold_key(fields["text"])),
        fresh=fresh,
    )
    article.agenda_meeting = analysis.agenda.meeting[:500]
    article.agenda_count = analysis.agenda.count
    changed = ["agenda_meeting", "agenda_count", "updated"]
    if not fresh:  # a new article's row was written with the shadow text of these paragraphs
        article.search_text = search_text("\n".join(p.text for p in paragraphs))
        changed.append("search_text")
    article.save(update_fields=changed)
    reindex_article(article, [(row.pk, row.text) for row in rows], replace=not fresh)
    added, removed, added_examples, removed_examples = _diff(previous, created)
    return AnnotateSummary(
        before,
        len(created) + len(human),
        len(human),
        agenda,
        timeline,
        added=added,
        removed=removed,
        added_examples=added_examples,
        removed_examples=removed_examples,
    )


def _replace_model_items(
    model, article: Article, items: list[dict], key=None, fresh: bool = False
) -> int:
    """Swap the model's items for new ones; human-touched rows and removals stand."""
    key = key or (lambda fields: fold_key(fields["text"]))
    decided: set = set()
    if not fresh:  # a new article has nothing stored: no decisions to keep
        existing = model.objects.filter(article=article)
        existing.filter(origin=Origin.MODEL, removed=False).delete()
        decided = {key(_fields(row)) for row in existing}
    new = [model(article=article, origin=Origin.MODEL, **f) for f in items if key(f) not in decided]
    model.objects.bulk_create(new)
    return len(new) if fresh else model.objects.filter(article=article, removed=False).count()


def _fields(row) -> dict:
    fields = {"text": row.text}
    if hasattr(row, "value"):
        fields["value"] = row.value
    return fields
