"""Dated events for the reader's timeline sidebar.

Each DATE span in the article's body is an anchor; its entry text is the clause
around it, cut at Arabic clause punctuation («،», «؛», ".", ":") and at words
that open a new clause («كما», «فيما», «بينما» …), so the sidebar reads «أجرى
بوتين ولوكاشينكو في 8 فبراير/شباط اتصالاً هاتفياً …» rather than the whole
paragraph. A date standing alone between commas («…، اليوم الخميس، اجتماع …»)
borrows the clauses on both sides. Year ranges are plan periods, not events;
an end point after «حتى» is a deadline, not an event; a bare year inside a
quotation is talk, not an event.
"""

from __future__ import annotations

import datetime as dt
import re

from newsreader.pipeline.normalize import fold
from newsreader.pipeline.types import Kind, Label, Paragraph, Span, TimelineEntry

MAX_WORDS = 25
MIN_EVENT_WORDS = 3  # words besides the date a clause needs to say what happened

# Clause punctuation; a full stop only where it is not inside a number («21.12.2025»).
_PUNCT = re.compile(r"[،؛;:!?؟]|,(?!\d)|(?<!\d)\.|\.(?!\d)|\n")
_CONJUNCTIONS = frozenset(
    fold(w)
    for w in (
        "كما",
        "وكما",
        "فيما",
        "وفيما",
        "بينما",
        "وبينما",
        "حيث",
        "وحيث",
        "ثم",
        "لكن",
        "ولكن",
        "كذلك",
        "وكذلك",
        "إضافة",
        "بالإضافة",
    )
)
_UNTIL = frozenset(fold(w) for w in ("حتى", "وحتى", "لغاية", "ولغاية", "بحلول"))
_QUOTE_CHARS = '"«»“”'
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets where clauses meet, outside the date span [start, end)."""
    cuts = {m.start() for m in _PUNCT.finditer(text) if not start <= m.start() < end}
    cuts |= {m.start() for m in re.finditer(r"[\"«»“”]", text) if not start <= m.start() < end}
    for m in re.finditer(r"\S+", text):
        if m.start() and fold(m.group()) in _CONJUNCTIONS and not start <= m.start() < end:
            cuts.add(m.start() - 1)  # the space before the conjunction
    return sorted(cuts)


def _clause_bounds(cuts: list[int], pos: int, length: int) -> tuple[int, int]:
    left = max((c + 1 for c in cuts if c < pos), default=0)
    right = min((c for c in cuts if c >= pos), default=length)
    return left, right


def _clean(piece: str) -> str:
    return " ".join(piece.strip(' \t\n،؛;:,.!?؟"«»“”-–—').split())


def clause(text: str, start: int, end: int) -> str:
    """The clause of `text` holding the span [start, end), at most MAX_WORDS words."""
    cuts = _boundaries(text, start, end)
    left, right = _clause_bounds(cuts, start, len(text))
    right = max(right, end)
    words_besides = len(_clean(text[left:start] + " " + text[end:right]).split())
    if words_besides < MIN_EVENT_WORDS:
        # «…، اليوم الخميس، اجتماع …»: take the clauses either side of the date.
        if left > 0:
            left = _clause_bounds(cuts, left - 1, len(text))[0]
        if right < len(text):
            right = _clause_bounds(cuts, right + 1, len(text))[1]
    piece = text[left:right]
    words = list(re.finditer(r"\S+", piece))
    if len(words) > MAX_WORDS:
        # Keep a window of MAX_WORDS words that holds the date, as centred as it can be.
        anchor = next(i for i, w in enumerate(words) if left + w.end() > start)
        first = max(0, min(anchor - MAX_WORDS // 2, len(words) - MAX_WORDS))
        piece = piece[words[first].start() : words[first + MAX_WORDS - 1].end()]
    return _clean(piece)


def _inside_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    if before.count('"') % 2:
        return True
    return before.count("«") + before.count("“") > before.count("»") + before.count("”")


def _previous_word(text: str, pos: int) -> str:
    words = text[:pos].split()
    return fold(words[-1]) if words else ""


def _is_event(paragraph: Paragraph, span: Span) -> bool:
    """Whether a DATE span dates something that happened or will happen."""
    value = span.value or ""
    if not value or "/" in value:  # year ranges are plan periods
        return False
    if _previous_word(paragraph.text, span.start) in _UNTIL and len(value) == 4:
        return False  # «حتى 2029»: a horizon, not an event
    quoted = paragraph.kind == Kind.QUOTE or _inside_quotes(paragraph.text, span.start)
    return not (quoted and not _DAY_VALUE.match(value))


def build_timeline(
    paragraphs: list[Paragraph], spans: list[Span], published: dt.date | None
) -> list[TimelineEntry]:
    """One entry per dated event, ordered by date, then by paragraph.

    The title dates an event only where the body does not date it again
    («اجتماع … الثلاثاء» over a body that never names that Tuesday).
    """
    by_index = {p.index: p for p in paragraphs}
    seen: set[tuple[str, int]] = set()
    entries: list[TimelineEntry] = []
    title_spans: list[tuple[Paragraph, Span]] = []
    for span in spans:
        if span.label != Label.DATE or not span.value:
            continue
        paragraph = by_index.get(span.paragraph)
        if paragraph is None or not _is_event(paragraph, span):
            continue
        if paragraph.kind == Kind.TITLE:
            title_spans.append((paragraph, span))
            continue
        if (span.value, span.paragraph) in seen:
            continue
        seen.add((span.value, span.paragraph))
        text = clause(paragraph.text, span.start, span.end)
        entries.append(TimelineEntry(span.value, text, span.paragraph))
    dated = {e.value for e in entries}
    for paragraph, span in title_spans:
        if span.value and span.value not in dated:
            dated.add(span.value)
            text = clause(paragraph.text, span.start, span.end)
            entries.append(TimelineEntry(span.value, text, span.paragraph))
    entries.sort(key=lambda e: (e.value, e.paragraph))
    return entries


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a DATE value covers (a day, a month, a year or a year range)."""
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            return dt.date(int(first[:4]), 1, 1), dt.date(int(last[:4]), 12, 31)
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def tense(value: str, published: dt.date | None) -> str:
    """ "past", "upcoming" or "today" (the period holds the reference day) for the reader.

    The reference is the publication date, else today.
    """
    reference = published or dt.date.today()
    bounds = _bounds(value)
    if bounds is None:
        return "past"
    first, last = bounds
    if last < reference:
        return "past"
    if first > reference:
        return "upcoming"
    return "today"
