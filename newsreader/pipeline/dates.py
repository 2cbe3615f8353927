"""Calendar expressions in Arabic news text, with ISO values.

Arabic outlets name months in several families (Egyptian «فبراير», Levantine
«شباط», Maghrebi «فيفري», Moroccan «غشت»), often two at once («8 فبراير/شباط»,
«28 أيار (مايو)»), and lean on the publication date («اليوم الخميس», «أمس»,
«مايو الماضي»). The month and weekday names come from babel's CLDR data and
the Hijri month names from hijridate, so no outlet's wording is baked in.

Matching runs on `normalize.fold`ed text (diacritics, hamza seats and Eastern
digits folded) and maps offsets back to the original. A span never starts or
ends inside a word; attached proclitics («وفي», «بـ2024»), head nouns
(«عام», «يوم», «مطلع») and times of day («مساء») stay outside, deictic and
demonstrative words («الماضي», «المقبل», «هذا الأحد», «اليوم الأربعاء») in. A
weekday or «اليوم الأحد» right before a date joins it; across a comma or a
bracket the two are separate spans. Word lists live in `lexicon_dates`; the month
tables and patterns in `dates_patterns`, values and context words in `dates_values`,
one finder per form in `dates_finders`; this module chooses among their candidates.

Values: `2026-02-08` (a day), `2026-02` (a month), `1999` (a year) and
`2024/2026` (a range of years); Hijri dates take their Gregorian value on
Umm al-Qura. Relative expressions need `published` (or the day the text names,
see `reference_day`); without one they are kept with value None. A bare
weekday is the coming one in a future clause («سيعقد … الاثنين»), the last one
after a perfect reporting verb, else the nearest.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from newsreader.pipeline.dates_finders import (
    _day_month,
    _generic_today,
    _hijri,
    _month_alone,
    _numeric,
    _periods,
    _relative,
    _weekdays,
    _years,
)
from newsreader.pipeline.dates_patterns import (
    _MADDA_ONLY,
    _PROCLITIC_RE,
    _RELATIVE,
    _RELATIVE_DAYS,
    _TOMORROW_NOUNS,
    _WEEKDAY_BRIDGE,
    WEEKDAYS,
    _Cand,
)
from newsreader.pipeline.dates_values import _word_before
from newsreader.pipeline.normalize import Folded, fold, fold_with_offsets
from newsreader.pipeline.types import DateMatch


def _boundaries_ok(folded: str, start: int, end: int) -> bool:
    """A span starts after a word boundary or a proclitic and ends at a word boundary."""
    prefix, _ = _word_before(folded, start)
    if prefix and not _PROCLITIC_RE.match(prefix):
        return False
    if prefix.endswith("ال") and not folded[start].isdigit():
        return False  # «الـ» is only split off a day number
    return not (end < len(folded) and folded[end].isalnum())


def _merge_weekdays(folded: str, cands: list[_Cand]) -> list[_Cand]:
    """A weekday or «اليوم الأحد» right before a day-level date joins it: «الجمعة 10 أكتوبر».

    Across a comma or an opening bracket the two stay apart, but the weekday
    takes the date's day, and so does «اليوم» the publication date cannot resolve.
    """
    by_start = {c.start: c for c in cands if c.kind == "day"}
    merged: list[_Cand] = []
    for c in cands:
        if c.kind in ("weekday", "lead"):
            bridge = _WEEKDAY_BRIDGE.match(folded, c.end)
            nxt = by_start.get(bridge.end()) if bridge and bridge.end() > c.end else None
            if nxt is not None and bridge is not None:
                if bridge.group("apart"):  # «الجمعة، 10 أكتوبر»: two spans, one day
                    takes = c.kind == "weekday" or c.value is None
                    merged.append(_Cand(c.start, c.end, nxt.value if takes else c.value))
                else:
                    merged.append(_Cand(c.start, nxt.end, nxt.value, "day"))
                continue
        merged.append(c)
    return merged


@lru_cache(maxsize=256)
def _folded(text: str) -> Folded:
    """A paragraph folded with offsets, kept while the article is read: an undated
    article's paragraphs are read twice (`reference_day`, then `find_dates`)."""
    return fold_with_offsets(text)


def find_dates(text: str, published: dt.date | None) -> list[DateMatch]:
    """Non-overlapping calendar expressions in text order, each with its ISO value.

    A DATE that needs the publication date to resolve has value None without one.
    """
    folded_text = _folded(text)
    folded = folded_text.text
    cands: list[_Cand] = []
    cands += _numeric(folded)
    cands += _hijri(folded, published)
    cands += _day_month(folded, published)
    cands += _month_alone(folded, text, published)
    cands += _periods(folded, published)
    cands += _years(folded)
    cands += _relative(folded, text, published)
    cands += _weekdays(folded, published)
    cands = _merge_weekdays(folded, cands)
    cands = [c for c in cands if _boundaries_ok(folded, c.start, c.end)]

    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        start, end = _original_span(folded_text, text, c.start, c.end)
        if not _madda_ok(text, start, end):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))

    out: list[DateMatch] = []
    for c in sorted(chosen, key=lambda c: c.start):
        start, end = _original_span(folded_text, text, c.start, c.end)
        out.append(DateMatch(start, end, text[start:end], c.value))
    return out


def first_day(value: str) -> dt.date | None:
    """The first day of an ISO value (2026-02-08, 2026-02, 1999, 2024/2026), to sort by."""
    head = value.split("/")[0]
    parts = head.split("-")
    try:
        return dt.date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def reference_day(texts: Sequence[str]) -> dt.date | None:
    """The day an undated article calls today, where its text says it.

    «اليوم السبت (4 تشرين الثاني 2023)», «أمس الأحد 5 مارس 2024»: a relative
    day beside a full date gives the day the article was written. A weekday
    that does not match the date vetoes it.
    """
    for text in texts:
        folded = _folded(text).text
        days = {c.start: c for c in _numeric(folded)}
        days |= {c.start: c for c in _hijri(folded, None) if c.kind == "day" and c.value}
        days |= {c.start: c for c in _day_month(folded, None) if c.value}
        for m in _RELATIVE.finditer(folded):
            rel = " ".join(m.group("rel").split())
            if rel in _TOMORROW_NOUNS or (
                rel == "اليوم"
                and not m.group("weekday")
                and _generic_today(folded, m.start(), m.end())
            ):
                continue
            bridge = _WEEKDAY_BRIDGE.match(folded, m.end())
            date = days.get(bridge.end()) if bridge and bridge.end() > m.end() else None
            if date is None or date.value is None:
                continue
            day = dt.date.fromisoformat(date.value)
            if m.group("weekday") and WEEKDAYS[m.group("weekday")] != day.weekday():
                continue
            return day - dt.timedelta(days=_RELATIVE_DAYS[rel])
    return None


def _madda_ok(text: str, start: int, end: int) -> bool:
    """«آب» (August) only with its madda; «أب»/«اب» is father."""
    words = re.findall(r"\w+", fold(text[start:end]))
    if not any(w in _MADDA_ONLY for w in words):
        return True
    return "آب" in text[start:end]


_INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f"}


def _original_span(folded, text: str, start: int, end: int) -> tuple[int, int]:
    """Original offsets of a folded span, taking trailing diacritics («غداً») along."""
    o_start, o_end = folded.span(start, end)
    while o_end < len(text) and text[o_end] not in _INVISIBLE and fold(text[o_end]) == "":
        o_end += 1
    return o_start, o_end
