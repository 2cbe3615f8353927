"""Bring a line the cleaner dropped back into its article, as a curator's decision.

The cleaner records a dropped line's raw line number but not the raw line
numbers of the paragraphs it kept, so the reading position of a restored
line is found here: each kept paragraph is located in the decoded raw input,
in order, among the lines that were *not* dropped (a dropped line cannot be
a kept paragraph, which keeps a duplicate from being matched twice). The new
paragraph goes after the last paragraph that stood above it in the raw input,
never before the title.

Everything happens in one transaction: the following paragraphs move down
by one (via a temporary offset, so the unique (article, index) constraint
holds row by row on every database), the line is marked restored, an EditLog
row records who did it, and annotation re-runs so the new paragraph gets
entities. Mentions, agenda items and timeline events point at paragraphs by
foreign key, so shifting indices moves none of them.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Max

from newsreader.news.annotate import annotate_article
from newsreader.news.audit import record
from newsreader.news.models import Article, DroppedLine, Paragraph
from newsreader.pipeline.clean import paragraph_kind
from newsreader.pipeline.extract import CleanerInput, cleaner_text


class RestoreError(ValueError):
    """A line that cannot be restored; the message is shown to the curator."""


def cleaner_input(article: Article) -> CleanerInput:
    """What the cleaner read at ingest: decoded with the recorded encoding and, for an
    HTML page, extracted, so that dropped-line positions mean the same lines."""
    declared = article.raw_encoding or None
    return cleaner_text(bytes(article.raw), declared, url=article.source_url or None)


def raw_text(article: Article) -> str:
    return cleaner_input(article).text


def raw_lines(article: Article) -> list[str]:
    return raw_text(article).splitlines()


def paragraph_positions(
    paragraphs: list[Paragraph], lines: list[str], dropped: set[int]
) -> list[int]:
    """Raw line number of each paragraph in index order; the title's line counts as -1.

    A paragraph whose text is not found (an edited text, a caller-given
    title) takes the position of the one before it, so it stays where it is.
    """
    positions, cursor, last = [], 0, -1
    for para in paragraphs:
        found = next(
            (
                n
                for n in range(cursor, len(lines))
                if n not in dropped and lines[n].strip() == para.text
            ),
            None,
        )
        if found is not None:
            cursor = found + 1
            last = -1 if para.kind == Paragraph.Kind.TITLE else found
        positions.append(last)
    return positions


def insertion_index(article: Article, position: int) -> int:
    """Where a line at raw `position` belongs among the article's paragraphs (≥ 1)."""
    paragraphs = list(article.paragraphs.order_by("index"))
    dropped = set(article.dropped_lines.filter(restored=False).values_list("position", flat=True))
    positions = paragraph_positions(paragraphs, raw_lines(article), dropped)
    above = [p.index for p, pos in zip(paragraphs, positions, strict=True) if pos < position]
    return max([0, *above]) + 1


def shift_paragraphs(article: Article, start: int, by: int = 1) -> None:
    """Move paragraphs with index ≥ start down by `by`, never colliding on the way."""
    rows = article.paragraphs.filter(index__gte=start)
    top = article.paragraphs.aggregate(top=Max("index"))["top"] or 0
    offset = top + by + 1  # above every current and final index
    rows.update(index=F("index") + offset)
    article.paragraphs.filter(index__gte=start + offset).update(index=F("index") - offset + by)


@transaction.atomic
def restore_dropped_line(line: DroppedLine, user) -> Paragraph:
    """Insert the dropped line as a paragraph at its reading position; see the module."""
    line = DroppedLine.objects.select_for_update().select_related("article").get(pk=line.pk)
    if line.restored:
        raise RestoreError("هذا السطر مستعاد من قبل.")
    article = line.article
    index = insertion_index(article, line.position)
    has_next = article.paragraphs.filter(index__gte=index).exists()
    shift_paragraphs(article, index)
    paragraph = Paragraph.objects.create(
        article=article,
        index=index,
        kind=paragraph_kind(line.text, has_next=has_next).value,
        text=line.text,
    )
    line.restored = True
    line.save(update_fields=["restored"])
    record(
        user,
        article,
        paragraph,
        "restore",
        {
            "dropped_line": line.pk,
            "position": line.position,
            "reason": line.reason,
            "text": line.text,
        },
        {
            "paragraph": paragraph.pk,
            "index": index,
            "kind": paragraph.kind,
            "text": line.text,
        },
    )
    annotate_article(article)
    return paragraph
