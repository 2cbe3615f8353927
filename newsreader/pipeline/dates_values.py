"""Date values: ISO days and months from a match and the publication day (which year a
month without one means), Hijri conversion, and the words around a match.
"""

from __future__ import annotations

import datetime as dt
import re

from hijridate import Hijri

from newsreader.pipeline.dates_patterns import (
    _MAX_HIJRI,
    _MIN_HIJRI,
    _MONTH,
    _NEXT,
    _PAST,
    _QUOTES_CLOSE,
    _QUOTES_OPEN,
    MONTHS,
)


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _months_in(text: str) -> list[int]:
    return [MONTHS[" ".join(m.split())] for m in re.findall(_MONTH, text)]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _deictic_kind(word: str | None) -> str:
    if not word:
        return ""
    if word in _PAST:
        return "past"
    if word in _NEXT:
        return "next"
    return "current"


def _month_year(month: int, deictic: str, published: dt.date | None) -> int | None:
    """The year of a month named without one: the publication year, or what the deictic says.

    The clause's tense does not move it («بدأت الحملة في أغسطس» is this year's
    August): tried, and it disagreed with the annotated articles.
    """
    if published is None:
        return None
    year = published.year
    if deictic == "past" and month >= published.month:
        return year - 1
    if deictic == "next" and month <= published.month:
        return year + 1
    return year


def _day_year(month: int, day: int, deictic: str, published: dt.date | None) -> int | None:
    """The year of a day-and-month: the nearest to publication unless a deictic decides."""
    if published is None:
        return None
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if deictic == "past":
        options = [d for d in options if d <= published] or options
        return max(options).year if options else None
    if deictic == "next":
        options = [d for d in options if d >= published] or options
        return min(options).year if options else None
    if not options:
        return None
    return min(options, key=lambda d: abs((d - published).days)).year


def _hijri_to_iso(year: int, month: int, day: int) -> str | None:
    if not _MIN_HIJRI <= year <= _MAX_HIJRI:
        return None
    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _hijri_year_range(year: int) -> str | None:
    if not _MIN_HIJRI <= year <= _MAX_HIJRI:
        return None
    try:
        first = Hijri(year, 1, 1).to_gregorian().year
        last_day = Hijri(year, 12, 1).month_length()
        last = Hijri(year, 12, last_day).to_gregorian().year
    except (ValueError, OverflowError):
        return None
    return str(first) if first == last else f"{first}/{last}"


def _word_before(folded: str, start: int) -> tuple[str, str]:
    """(attached prefix, previous whole word) before a folded offset."""
    i = start
    while i > 0 and folded[i - 1].isalnum():
        i -= 1
    prefix = folded[i:start]
    j = i
    while j > 0 and folded[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and folded[k - 1].isalnum():
        k -= 1
    return prefix, folded[k:j]


def _word_after(folded: str, end: int) -> str:
    m = re.match(r"\s*([^\s،,.:;؛()«»\"]+)", folded[end:])
    return m.group(1) if m else ""


def _stems(word: str) -> set[str]:
    """The word and what remains after up to three proclitic letters."""
    out = {word}
    rest = word
    while len(rest) > 2 and rest[0] in "وفبلك":
        rest = rest[1:]
        out.add(rest)
        if rest.startswith("ل") and len(rest) > 3:
            out.add("ا" + rest)
    return out


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a quoted passage (straight or typographic quotes)."""
    before = text[:pos]
    if before.count('"') % 2 == 1:
        return True
    depth = 0
    for ch in before:
        if ch in _QUOTES_OPEN:
            depth += 1
        elif ch in _QUOTES_CLOSE and depth:
            depth -= 1
    return depth > 0
