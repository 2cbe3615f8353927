"""Cleaning: turn a scraped page's lines into a title and ordered paragraphs.

Scraped news pages carry more than the story: menus, mastheads, tickers,
issue headers, section labels, datelines, bylines, share prompts, comment and
cookie widgets, related-article blocks, teasers cut off with "...", repeated
titles and "glued" lines where several paragraphs lost their line breaks. The
rules here look at the *shape* of each line (lineshape: sentence or not,
function-word density, digits, separators, role and UI vocabulary from
lexicon_clean) and at the page's structure (where the headline is, what other
lines carry), never at one outlet's wording, so they carry over to outlets
not seen in development. The headline is chosen from evidence (headline.py).

Every kept paragraph is a stripped input line, verbatim (only a caller-given
title is not). Every non-empty line not kept is reported as a DroppedLine
with a reason, so a curator can restore it.

The line rules live in `clean_lines`, the marks over the page's structure in
`clean_marks`; this module runs them, assembles the paragraphs and finds the
publication date.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from newsreader.pipeline import lineshape as shape
from newsreader.pipeline.clean_lines import (
    _BULLET,
    _CLOSING_PUNCT,
    _COMMA,
    _CONNECTIVE,
    _NUMBERING,
    _SENTENCE_END,
    _TODAY,
    MAX_HEADING_WORDS,
    MIN_BODY_WORDS,
    _Line,
    find_date,
    line_reason,
    near_key,
)
from newsreader.pipeline.clean_marks import (
    _mark_bylines,
    _mark_cookie_buttons,
    _mark_credited_captions,
    _mark_datelines,
    _mark_duplicates,
    _mark_furniture,
    _mark_glued,
    _mark_masthead_names,
    _mark_related,
    _mark_related_runs,
    _mark_stamped_headlines,
    _mark_tag_runs,
    _mark_teasers,
    _mark_title,
    _mark_trailing,
)
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import CleanedArticle, DroppedLine, InputError, Kind, Paragraph
from newsreader.pipeline.types import DropReason as R


def clean(
    text: str,
    title: str | None = None,
    headings: Collection[str] | None = None,
    furniture: Collection[str] = (),
    hints: Collection[str] = (),
) -> CleanedArticle:
    """Title, paragraphs in reading order, dropped lines with reasons, and a stated date.

    `headings` are the lines an HTML page marks up as headings; given, they decide
    the heading kind instead of the short-line rule (list items stay body).
    `furniture` holds the `near_key`s of lines known to recur across the source's
    other pages (menus, mastheads, tickers): they are dropped before anything else.
    `hints` are what the page says its headline is (<title>, og:title, <h1>).
    """
    lines, title_at, certain, given = mark_lines(text, title, furniture, hints)
    cleaned = _assemble(lines, title_at, given, headings)
    cleaned.title_certain = certain
    return cleaned


def mark_lines(
    text: str,
    title: str | None = None,
    furniture: Collection[str] = (),
    hints: Collection[str] = (),
) -> tuple[list[_Line], int | None, bool, str | None]:
    """Every non-empty line with its drop reason (None: kept), the headline's index,
    whether it is certain, and the caller's title."""
    if not text or not text.strip():
        raise InputError("the input holds no text")
    lines = [_Line(pos, raw.strip()) for pos, raw in enumerate(text.splitlines()) if raw.strip()]
    _mark_furniture(lines, furniture)
    _mark_related(lines)
    for line in lines:
        if line.kept:
            line.reason = line_reason(line.text)
    _mark_masthead_names(lines)
    _mark_cookie_buttons(lines)
    given = title.strip() if title and title.strip() else None
    title_at, certain = _mark_title(lines, given, [*hints, *([given] if given else [])])
    _mark_credited_captions(lines, title_at)
    _mark_datelines(lines, title_at)
    _mark_stamped_headlines(lines, title_at)
    _mark_related_runs(lines, title_at)
    _mark_tag_runs(lines)
    _mark_bylines(lines, title_at)
    _mark_duplicates(lines, title_at, given)
    _mark_teasers(lines, title_at)
    _mark_glued(lines, title_at)
    _mark_trailing(lines, title_at)
    return lines, title_at, certain, given


def paragraph_kind(text: str, *, has_next: bool) -> Kind:
    """QUOTE for a whole quotation, HEADING for a short standalone line, else BODY."""
    if is_quote(text):
        return Kind.QUOTE
    if has_next and is_heading(text):
        return Kind.HEADING
    return Kind.BODY


def is_quote(text: str) -> bool:
    """Entirely a quotation: opens with a quote mark whose match closes the line."""
    body = _CLOSING_PUNCT.sub("", text)
    if len(body) < 3:
        return False
    pairs = {"«": "»", "“": "”", '"': '"', "„": "”"}
    opener = body[0]
    closer = pairs.get(opener)
    if closer is None or body[-1] != closer:
        return False
    inner = body[1:-1]
    if opener == closer:
        return opener not in inner
    depth = 0
    for ch in inner:
        depth += (ch == opener) - (ch == closer)
        if depth < 0:
            return False
    return depth == 0


def is_heading(text: str) -> bool:
    """A short line without sentence punctuation; ending in ':' only when not a lead-in."""
    if _BULLET.match(text):
        return False
    bare = _NUMBERING.sub("", text).strip() or text
    words = bare.split()
    if not words or len(words) > MAX_HEADING_WORDS or _COMMA.search(bare):
        return False
    if bare.endswith((":", "：")):
        return len(words) <= 4 and not _CONNECTIVE.search(fold_key(bare))
    return not _SENTENCE_END.search(bare)


def _assemble(
    lines: list[_Line],
    title_at: int | None,
    given: str | None,
    headings: Collection[str] | None = None,
) -> CleanedArticle:
    kept = [ln for n, ln in enumerate(lines) if ln.kept and n != title_at]
    if given is None and title_at is not None:
        head = lines[title_at].text
    elif given is not None and kept:
        head = given
    else:
        raise InputError("nothing is left of the text after cleaning")
    paragraphs = [Paragraph(0, Kind.TITLE, head)]
    for n, line in enumerate(kept):
        if headings is None:
            kind = paragraph_kind(line.text, has_next=n + 1 < len(kept))
        else:  # the page's markup says what a heading is; list items stay body
            kind = Kind.QUOTE if is_quote(line.text) else Kind.BODY
            if line.text in headings and n + 1 < len(kept):
                kind = Kind.HEADING
        paragraphs.append(Paragraph(len(paragraphs), kind, line.text))
    dropped = [DroppedLine(ln.pos, ln.text, ln.reason) for ln in lines if ln.reason]
    return CleanedArticle(paragraphs, dropped, _published(lines, _anchor(lines, title_at, given)))


def _anchor(lines: list[_Line], title_at: int | None, given: str | None) -> int | None:
    """Where the headline stands in the page (a caller's title: where the page repeats it)."""
    if title_at is not None or given is None:
        return title_at
    key = near_key(given)
    return next((i for i, ln in enumerate(lines) if near_key(ln.text) == key), None)


_DATED = frozenset(
    {
        R.TIMESTAMP,
        R.BYLINE,
        R.DATELINE,
        R.ADVERTISEMENT,
        R.OTHER,
        R.NAVIGATION,
        R.ISSUE_HEADER,
        R.INTERFACE,
    }
)


BELOW_TITLE = 4  # a dateline this close under the headline is the story's own


DATELINE_MAX_WORDS = 12  # «القاهرة - 14 أكتوبر 2025 (أ ش أ) -»: a dateline is a few words


DATELINE_DATE_WITHIN = 7  # «القاهرة في الثلاثاء 14 أكتوبر 2025»: the date opens the line


MIN_DATELINE_STORY = 3  # the story goes on after the dateline's dash


DATELINE_DASH_CHARS = "-–—"


LEAD_TODAY_CHARS = 40  # «اليوم السبت (4 تشرين الثاني 2023)»: the date follows «اليوم» closely


ABOVE_TITLE = 2


def _published(lines: list[_Line], title_at: int | None) -> date | None:
    """The date the story's own dateline states, not the site header's «today».

    In order: a dated line just under the headline (or right above it); a line
    that labels its date as the publication's («تاريخ النشر», «date»); the
    dateline that opens the lead («تونس في 14/10/2025 (وات) - …»); another dated
    line below the headline; «اليوم <weekday> (<date>)» in the lead; an issue
    header («العدد … الموافق …»).
    Other dates further above the headline belong to the site's header.
    Without a known headline, the first dated line.
    """
    dated = [
        (i, found)
        for i, line in enumerate(lines)
        if line.reason in _DATED and (found := find_date(fold_key(line.text)))
    ]
    if title_at is None:
        return dated[0][1] if dated else _lead_dateline(lines, None) or _lead_today(lines, None)
    below = [d for i, d in dated if title_at < i <= title_at + BELOW_TITLE]
    above = [d for i, d in reversed(dated) if title_at - ABOVE_TITLE <= i < title_at]
    labelled = [d for i, d in dated if _labelled(lines[i].text)]
    issue = [d for i, d in dated if lines[i].reason == R.ISSUE_HEADER]
    later = [d for i, d in dated if i > title_at]
    for near in (below, above, labelled):
        if near:
            return near[0]
    lead = _lead_dateline(lines, title_at)
    if lead:
        return lead
    if later:
        return later[0]
    return _lead_today(lines, title_at) or (issue[0] if issue else None)


def _labelled(text: str) -> bool:
    """The line says its date is the publication's («تاريخ النشر: …», «date …»)."""
    return shape.contains_phrase(text, "PUBLICATION_LABELS")


def _lead_today(lines: list[_Line], title_at: int | None) -> date | None:
    """«… اليوم السبت (4 تشرين الثاني 2023) …» in the lead: the story's own day."""
    start = (title_at or -1) + 1
    story = [ln for ln in lines[start:] if ln.kept and len(ln.words) >= MIN_BODY_WORDS][:2]
    for line in story:
        folded = fold_key(line.text)
        for m in _TODAY.finditer(folded):
            found = find_date(folded[m.end() : m.end() + LEAD_TODAY_CHARS])
            if found:
                return found
    return None


def _lead_dateline(lines: list[_Line], title_at: int | None) -> date | None:
    """«تونس في 14/10/2025 (وات) - …», «القاهرة - 14 أكتوبر 2025 (أ ش أ) - …»,
    «بيروت، 3 آذار 2026 - …»: a full date among the few words before a dash that
    opens the first story line is the dateline's, the story's own day."""
    start = (title_at if title_at is not None else -1) + 1
    lead = next((ln for ln in lines[start:] if ln.kept), None)
    if lead is None:
        return None
    folded = fold_key(lead.text)
    for dash in _dateline_dashes(folded):
        head, story = folded[:dash], folded[dash + 1 :]
        if len(head.split()) > DATELINE_MAX_WORDS:
            break
        found = find_date(" ".join(head.split()[:DATELINE_DATE_WITHIN]))
        if found and len(story.split()) >= MIN_DATELINE_STORY:
            return found
    return None


def _dateline_dashes(folded: str) -> list[int]:
    """Offsets of the dashes that can close a dateline: not inside a number
    («2025-10-14», «2024-2026»)."""
    return [
        i
        for i, ch in enumerate(folded)
        if ch in DATELINE_DASH_CHARS
        and not (0 < i < len(folded) - 1 and folded[i - 1].isdigit() and folded[i + 1].isdigit())
    ]
