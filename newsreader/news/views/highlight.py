"""Marks built on the server from stored offsets.

Annotation tools broke Arabic by splitting words across styled boxes or by
letting the browser compute spans (doccano#769, INCEpTION#5506). Here the
server slices the paragraph text at the stored code-point offsets and
escapes each piece, so a mark wraps exactly text[start:end] and the
paragraph's textContent stays identical to the stored text (the browser's
selection offsets then line up with ours).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from newsreader.news.models import LABELS, Mention, Paragraph

LABEL_NAMES = dict(LABELS)
TAGS = {"title": "h1", "heading": "h2", "quote": "blockquote", "body": "p"}


def active_mentions() -> Prefetch:
    """Prefetch a paragraph's active mentions with their entity: one query per page."""
    queryset = Mention.objects.active().select_related("entity").order_by("start", "-end")
    return Prefetch("mentions", queryset=queryset, to_attr="active_mentions")


def mention_title(mention: Mention) -> str:
    """What a hover shows: the canonical name, or a DATE's value."""
    return mention.entity.name if mention.entity else (mention.value or mention.text)


def highlight(text: str, mentions: Iterable[Mention]) -> SafeString:
    """The paragraph's text as HTML with one <mark> per mention; overlaps keep the first."""
    pieces: list[str] = []
    cursor = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < cursor or m.end > len(text) or m.start >= m.end:
            continue  # overlapping or stale offsets: show the text plain rather than garble it
        pieces.append(conditional_escape(text[cursor : m.start]))
        pieces.append(
            format_html(
                '<mark class="ent ent-{label}" data-label="{label}" data-entity="{entity}" '
                'data-mention="{pk}" title="{title}">{text}</mark>',
                label=m.label,
                entity=m.entity_id or "",
                pk=m.pk,
                title=mention_title(m),
                text=text[m.start : m.end],
            )
        )
        cursor = m.end
    pieces.append(conditional_escape(text[cursor:]))
    return mark_safe("".join(pieces))  # every piece above is escaped


def prepare(paragraph: Paragraph) -> Paragraph:
    """Attach the HTML tag and highlighted HTML the paragraph partial renders."""
    mentions = getattr(paragraph, "active_mentions", None)
    if mentions is None:
        mentions = list(paragraph.mentions.active().select_related("entity"))
    paragraph.tag = TAGS.get(paragraph.kind, "p")
    paragraph.html = highlight(paragraph.text, mentions)
    return paragraph


def load_paragraph(pk: int) -> Paragraph:
    """One paragraph ready for the partial (used after an edit)."""
    paragraph = (
        Paragraph.objects.select_related("article").prefetch_related(active_mentions()).get(pk=pk)
    )
    return prepare(paragraph)
