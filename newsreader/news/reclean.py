"""Re-run cleaning on a stored article from its raw input, keeping human decisions.

`annotate_article` never re-cleans, so a restored paragraph survives it
anyway; this command is for when the cleaner itself changed. Decisions kept:

- a paragraph whose text the new cleaning still produces keeps its row (and
  so its mentions, agenda and timeline anchors, and its kind);
- a restored line (DroppedLine.restored) stays a paragraph at its raw position
  even if the cleaner still drops it, and its DroppedLine row stays;
- a paragraph the cleaner no longer produces is deleted, unless it carries a
  human mention: then it stays where it stood, and the command says so;
- the title paragraph stays when a person chose it (a caller-given title, or one
  carrying a human mention); else the cleaner's new headline replaces its text.

Other DroppedLine rows are replaced by the new cleaning's. Annotation re-runs.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q

from newsreader.news.annotate import annotate_article
from newsreader.news.bounds import store_dropped
from newsreader.news.furniture import known_furniture, source_key
from newsreader.news.models import Article, Origin, Paragraph
from newsreader.news.restore import cleaner_input, paragraph_positions
from newsreader.pipeline.clean import clean, paragraph_kind


@dataclass(frozen=True)
class RecleanSummary:
    kept: int
    added: int
    removed: int
    held_for_humans: int
    dropped: int

    def arabic(self) -> str:
        """The same, as the admin tells a curator."""
        return (
            f"فقرات أُبقيت: {self.kept}، أُضيفت: {self.added}، حُذفت: {self.removed}، "
            f"بقيت لإشاراتها البشرية: {self.held_for_humans}، أسطر محذوفة: {self.dropped}"
        )

    def __str__(self) -> str:
        return (
            f"{self.kept} paragraphs kept, {self.added} added, {self.removed} removed, "
            f"{self.held_for_humans} kept for their human mentions, {self.dropped} dropped lines"
        )


def _plan(article: Article, text: str, title: Paragraph, headings=None, hints=()):
    """(position, row-or-None, text, kind) in reading order, the new dropped lines, the
    title to keep, and whether the cleaner was sure of the headline.

    The source's furniture as known now is dropped too (see news.furniture). The
    stored title stays when a person may have chosen it (given at ingest, so not a
    line of the page, or carrying a human mention); otherwise the cleaner's new
    choice replaces it (a menu taken for the headline before the furniture was known).
    """
    furniture = known_furniture(source_key(article.source_url, article.source_name), text)
    cleaned = clean(text, headings=headings, hints=hints, furniture=furniture)
    certain = cleaned.title_certain
    if cleaned.title != title.text and _title_decided(title, text):
        cleaned = clean(text, title=title.text, headings=headings, hints=hints, furniture=furniture)
        certain = True
    lines = text.splitlines()
    restored = {d.position: d for d in article.dropped_lines.filter(restored=True)}
    dropped_at = {d.position for d in cleaned.dropped}
    body = [Paragraph(kind=p.kind.value, text=p.text) for p in cleaned.paragraphs[1:]]
    plan: list[tuple[int, None, str, str | None]] = [
        (pos, None, p.text, p.kind)
        for p, pos in zip(body, paragraph_positions(body, lines, dropped_at), strict=True)
    ]
    plan += [(pos, None, d.text, None) for pos, d in restored.items() if pos in dropped_at]
    new_dropped = [d for d in cleaned.dropped if d.position not in restored]
    return sorted(plan, key=lambda item: item[0]), new_dropped, cleaned.title, certain


def _title_decided(title: Paragraph, text: str) -> bool:
    """A person chose this title: it is no line of the page, or an editor marked it up."""
    if title.text.strip() not in {line.strip() for line in text.splitlines()}:
        return True
    return title.mentions.filter(origin=Origin.HUMAN).exists()


@transaction.atomic
def reclean_article(article: Article) -> RecleanSummary:
    rows = list(article.paragraphs.order_by("index"))
    source = cleaner_input(article)
    lines = source.text.splitlines()
    old_dropped = set(
        article.dropped_lines.filter(restored=False).values_list("position", flat=True)
    )
    old_pos = dict(
        zip((r.pk for r in rows), paragraph_positions(rows, lines, old_dropped), strict=True)
    )
    title, rest = rows[0], rows[1:]
    plan, new_dropped, head, certain = _plan(
        article, "\n".join(lines), title, source.headings, source.hints
    )
    if head != title.text:
        title.text = head
        title.version += 1
        title.save(update_fields=["text", "version"])
        article.title = head[:500]
    article.title_uncertain = not certain
    article.save(update_fields=["title", "title_uncertain", "updated"])

    pool: dict[str, deque[Paragraph]] = defaultdict(deque)
    for row in rest:
        pool[row.text].append(row)
    order = []
    for pos, _, text, kind in plan:
        kept = pool[text].popleft() if pool[text] else None
        order.append((pos, kept or Paragraph(article=article, text=text, kind=kind)))
    leftovers = [row for queue in pool.values() for row in queue]
    human = set(
        Paragraph.objects.filter(
            pk__in=[r.pk for r in leftovers], mentions__origin=Origin.HUMAN
        ).values_list("pk", flat=True)
    )
    order += [(old_pos[r.pk], r) for r in leftovers if r.pk in human]
    order.sort(key=lambda item: item[0])
    Paragraph.objects.filter(pk__in=[r.pk for r in leftovers if r.pk not in human]).delete()

    reused = [r.pk for _, r in order if r.pk]
    offset = len(rows) + len(order) + 1  # park reused rows above every final index first
    Paragraph.objects.filter(pk__in=reused).update(index=F("index") + offset)
    for n, (_, row) in enumerate(order, start=1):
        row.index = n
        if row.kind is None:
            row.kind = paragraph_kind(row.text, has_next=n < len(order)).value
        row.save()

    article.dropped_lines.filter(restored=False).delete()
    store_dropped(article, new_dropped)
    annotate_article(article)
    return RecleanSummary(
        kept=len(reused) + 1 - len(human),  # the title is always kept
        added=len(order) - len(reused),
        removed=len(leftovers) - len(human),
        held_for_humans=len(human),
        dropped=len(new_dropped),
    )


def articles_of_source(source: str) -> list[int]:
    """Ids of the stored articles whose source key (host or name) is `source`, oldest first."""
    candidates = Article.objects.filter(
        Q(source_url__icontains=source) | Q(source_name=source)
    ).order_by("created", "pk")
    return [
        a.pk
        for a in candidates.only("pk", "source_url", "source_name")
        if source_key(a.source_url, a.source_name) == source
    ]
