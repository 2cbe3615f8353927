"""Marks built on the server from stored offsets.

Annotation tools broke Arabic by splitting words across styled boxes or by
letting the browser compute spans (doccano#769, INCEpTION#5506). Here the
server slices the paragraph text at the stored code-point offsets and
escapes each piece, so a mark wraps exactly text[start:end] and the
paragraph's textContent stays identical to the stored text (the browser's
selection offsets then line up with ours).

Latin-script runs (names, URLs) and numbers or number ranges are wrapped in
``<bdi dir="ltr">`` so a Latin word or a range never reorders the Arabic
around it (omnivore#3279). Marks and bdi nest properly: a run outside marks,
or one that contains whole marks, gets its bdi outside them; a run inside a
mark gets its bdi inside the mark; a run that crosses a mark's edge is left
to the bidi algorithm (split isolates would put its halves in RTL order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from django.core.cache import cache
from django.db.models import Prefetch
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from newsreader.news import capped, reader_cache
from newsreader.news.models import Mention, Paragraph

TAGS = {
    Paragraph.Kind.TITLE: "h1",
    Paragraph.Kind.HEADING: "h2",
    Paragraph.Kind.QUOTE: "blockquote",
    Paragraph.Kind.BODY: "p",
}

_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_TOKEN = rf"[0-9]*[{_LATIN}][{_LATIN}0-9]*"
_NUMBER = rf"[{_DIGIT}]+(?:[.,:/\u066b\u066c][{_DIGIT}]+)*"
# A Latin run: words joined by spaces or URL punctuation («Joe Biden»,
# «https://example.com/a?b=1», «COVID-19»); a number run: a number or a range
# («2024-2025», «10 – 20», «15/3/2026», «٣٫٥٪»).
RUNS = re.compile(
    rf"{_TOKEN}(?:(?:[ \u00a0]+|[.\-_/:@?=&%#+~'\u2019]+)(?:{_TOKEN}|[0-9]+))*"
    rf"|{_NUMBER}(?:\s?[-\u2013\u2014]\s?{_NUMBER})?[%\u066a]?"
)


def active_mentions() -> Prefetch:
    """Prefetch a paragraph's active mentions with their entity: one query per page."""
    queryset = Mention.objects.active().select_related("entity").order_by("start", "-end")
    return Prefetch("mentions", queryset=queryset, to_attr="active_mentions")


def corpus_counts(entity_ids: Iterable[int | None]) -> dict[int, int]:
    """Active mentions of each entity across the whole corpus, up to `capped.COUNT_CAP` + 1.

    A country's exact count would read a large share of a big corpus, so the
    count stops past the cap (the card says «1000 or more»); each is kept for
    COUNT_SECONDS (dropped when one of its mentions is saved) and the missing
    ones are one query.
    """
    ids = {pk for pk in entity_ids if pk}
    if not ids:
        return {}
    keys = {pk: reader_cache.count_key(pk) for pk in ids}
    cached = cache.get_many(list(keys.values()))
    counts = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = ids - counts.keys()
    if missing:
        rows = capped.mention_counts(missing)
        fresh = {pk: rows.get(pk, 0) for pk in missing}
        cache.set_many({keys[pk]: n for pk, n in fresh.items()}, reader_cache.COUNT_SECONDS)
        counts.update(fresh)
    return {pk: n for pk, n in counts.items() if n}


def shown_count(n: int) -> str:
    """A corpus count as the card shows it: the number, or «1000 أو أكثر» past the cap."""
    return f"{capped.COUNT_CAP} أو أكثر" if capped.capped(n) else str(n)


@lru_cache(maxsize=4096)
def _entity_href(prefix: str, entity_id: int) -> str:
    """The entity page's URL: reverse() costs more than the rest of a mark, once per mark."""
    return reverse("entity_detail", args=[entity_id])


def mention_title(mention: Mention) -> str:
    """What a hover shows: the canonical name, or a DATE's value."""
    return mention.entity.name if mention.entity else (mention.value or mention.text)


def runs(text: str) -> list[tuple[int, int]]:
    """Spans of Latin-script runs and numbers that get a <bdi>."""
    return [match.span() for match in RUNS.finditer(text)]


def _plain(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] escaped, with a bdi around each span that lies inside it."""
    pieces: list[str] = []
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        pieces.append(conditional_escape(text[cursor:s]))
        pieces.append(format_html('<bdi dir="ltr">{}</bdi>', text[s:e]))
        cursor = e
    pieces.append(conditional_escape(text[cursor:end]))
    return "".join(pieces)


def _mark(text: str, m: Mention, spans: list[tuple[int, int]], counts: Mapping[int, int]) -> str:
    count = counts.get(m.entity_id) if m.entity_id else None
    return format_html(
        '<mark class="ent ent-{label}" data-label="{label}" data-entity="{entity}" '
        'data-mention="{pk}" data-origin="{origin}"{extra} title="{title}">{inner}</mark>',
        label=m.label,
        entity=m.entity_id or "",
        pk=m.pk,
        origin=getattr(m, "origin", "") or "",
        extra=format_html(
            ' data-count="{}" data-href="{}"',
            shown_count(count),
            _entity_href(get_script_prefix(), m.entity_id),
        )
        if count is not None
        else "",
        title=mention_title(m),
        inner=mark_safe(_plain(text, m.start, m.end, spans)),  # escaped by _plain
    )


def highlight(
    text: str, mentions: Iterable[Mention], counts: Mapping[int, int] | None = None
) -> SafeString:
    """The paragraph's text as HTML with one <mark> per mention; overlaps keep the first.

    `counts` (entity id -> active mentions in the corpus) adds data-count and
    data-href to linked marks, for the hover card.
    """
    counts = counts or {}
    chosen: list[Mention] = []
    cursor = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < cursor or m.end > len(text) or m.start >= m.end:
            continue  # overlapping or stale offsets: show the text plain rather than garble it
        chosen.append(m)
        cursor = m.end
    # Each run goes outside marks (possibly around whole marks), inside one
    # mark (clipped to nothing else), or nowhere when it crosses a mark's edge.
    outer: list[tuple[int, int, list[Mention]]] = []
    inner: list[tuple[int, int]] = []
    for s, e in runs(text):
        touching = [m for m in chosen if m.start < e and s < m.end]
        if all(s <= m.start and m.end <= e for m in touching):
            outer.append((s, e, touching))
        elif len(touching) == 1 and touching[0].start <= s and e <= touching[0].end:
            inner.append((s, e))
    inside = {id(m) for _, _, ms in outer for m in ms}
    blocks = [(s, e, ms) for s, e, ms in outer] + [
        (m.start, m.end, m) for m in chosen if id(m) not in inside
    ]
    pieces: list[str] = []
    cursor = 0
    for s, e, item in sorted(blocks, key=lambda b: b[0]):
        pieces.append(_plain(text, cursor, s, []))
        if isinstance(item, list):  # a run, with the marks it contains
            body: list[str] = []
            at = s
            for m in item:
                body.append(conditional_escape(text[at : m.start]))
                body.append(_mark(text, m, [], counts))
                at = m.end
            body.append(conditional_escape(text[at:e]))
            pieces.append(format_html('<bdi dir="ltr">{}</bdi>', mark_safe("".join(body))))
        else:
            pieces.append(_mark(text, item, inner, counts))
        cursor = e
    pieces.append(_plain(text, cursor, len(text), []))
    return mark_safe("".join(pieces))  # every piece above is escaped


def prepare(paragraph: Paragraph, counts: Mapping[int, int] | None = None) -> Paragraph:
    """Attach the HTML tag and highlighted HTML the paragraph partial renders."""
    mentions = getattr(paragraph, "active_mentions", None)
    if mentions is None:
        mentions = list(paragraph.mentions.active().select_related("entity"))
    paragraph.tag = TAGS.get(paragraph.kind, "p")
    paragraph.html = highlight(paragraph.text, mentions, counts)
    return paragraph


def load_paragraph(pk: int) -> Paragraph:
    """One paragraph ready for the partial (used after an edit), corpus counts included."""
    paragraph = (
        Paragraph.objects.select_related("article").prefetch_related(active_mentions()).get(pk=pk)
    )
    counts = corpus_counts(m.entity_id for m in paragraph.active_mentions)
    return prepare(paragraph, counts)
