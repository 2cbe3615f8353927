"""Date candidate finders, one per form: day + month, a month alone, periods, numeric
dates, years, Hijri dates, relative days and weekdays.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from hijridate import Gregorian

from newsreader.pipeline.dates_patterns import (
    _AMBIGUOUS_ALONE,
    _CUE_BEFORE_MONTH,
    _DATELINE_AFTER,
    _DATELINE_TODAY,
    _DAY_ADJECTIVE,
    _DAY_HEADS,
    _DAY_MONTH,
    _DAY_OF_THIS_MONTH,
    _DMY,
    _FUTURE_LOOKALIKES,
    _FUTURE_WORDS,
    _GENERAL_NOUNS,
    _GENERIC_TODAY_BEFORE,
    _HIJRI_DATE,
    _HIJRI_MONTH_YEAR,
    _HIJRI_YEAR,
    _ISO,
    _MAX_YEAR,
    _MIN_YEAR,
    _MONTH_ALONE,
    _NOT_WEEKDAY_AFTER,
    _NOT_WEEKDAY_BEFORE,
    _NOT_YEAR_BEFORE,
    _ORDINAL_DAYS,
    _OUTLET_NOUNS,
    _PART_OF_YEAR,
    _PAST_WORDS,
    _PERIOD,
    _RELATIVE,
    _RELATIVE_DAYS,
    _TIMES_OF_DAY,
    _TOMORROW_NOUNS,
    _UNITS,
    _WEEKDAY_RE,
    _YEAR,
    _YEAR_CUES,
    _YEAR_RANGE,
    HIJRI_MONTHS,
    WEEKDAYS,
    _Cand,
)
from newsreader.pipeline.dates_values import (
    _day_year,
    _deictic_kind,
    _hijri_to_iso,
    _hijri_year_range,
    _inside_quotes,
    _iso_day,
    _month_year,
    _months_in,
    _shift_month,
    _stems,
    _word_after,
    _word_before,
)
from newsreader.pipeline.normalize import fold


def _day_month(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _DAY_MONTH.finditer(folded):
        months = _months_in(m.group("months"))
        if len(set(months)) != 1:
            continue
        month = months[0]
        day = (
            int(m.group("day"))
            if m.group("day")
            else _ORDINAL_DAYS[" ".join(m.group("ord").split())]
        )
        year: int | None
        if m.group("year") or m.group("cyear"):
            year = int(m.group("year") or m.group("cyear"))
        elif m.group("ydeictic"):
            value = _period_value("العام", _deictic_kind(m.group("ydeictic")), published)
            year = int(value) if value else None
        else:
            year = _day_year(month, day, _deictic_kind(m.group("deictic")), published)
        if year is None:
            if _iso_day(2000, month, day):  # a real day and month, the year unknown
                yield _Cand(m.start(), m.end(), None, "day")
            continue
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        iso = _iso_day(year, month, day)
        if iso:
            yield _Cand(m.start(), m.end(), iso, "day")


def _month_alone(folded: str, original: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _MONTH_ALONE.finditer(folded):
        months = _months_in(m.group("months"))
        if len(set(months)) != 1:
            continue
        month = months[0]
        single = len(months) == 1
        qualified = bool(m.group("year") or m.group("deictic") or m.group("ydeictic"))
        if single and not qualified and " ".join(m.group("months").split()) in _AMBIGUOUS_ALONE:
            _, before = _word_before(folded, m.start())
            if not (_stems(before) & _CUE_BEFORE_MONTH):
                continue
        if m.group("year"):
            year: int | None = int(m.group("year"))
        elif m.group("ydeictic"):
            value = _period_value("العام", _deictic_kind(m.group("ydeictic")), published)
            year = int(value) if value else None
        else:
            year = _month_year(month, _deictic_kind(m.group("deictic")), published)
        if year is None:
            yield _Cand(m.start(), m.end(), None)
        elif _MIN_YEAR <= year <= _MAX_YEAR:
            yield _Cand(m.start(), m.end(), f"{year:04d}-{month:02d}")


def _period_value(unit: str, deictic: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    delta = {"past": -1, "next": 1}.get(deictic, 0)
    if unit == "الشهر":
        year, month = _shift_month(published.year, published.month, delta)
        return f"{year:04d}-{month:02d}"
    return f"{published.year + delta:04d}"


def _adjective_general(folded: str, start: int) -> bool:
    """«الأمين العام الحالي»: «العام» after such a noun is "general", not "year"."""
    prefix, before = _word_before(folded, start)
    return not prefix and bool(_stems(before) & _GENERAL_NOUNS)


def _periods(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _PERIOD.finditer(folded):
        if not (m.group("this") or m.group("deictic")):
            continue  # «العام» alone is no date
        general = m.group("unit") == "العام" and not m.group("this")
        if general and _adjective_general(folded, m.start()):
            continue
        value = _period_value(m.group("unit"), _deictic_kind(m.group("deictic")), published)
        yield _Cand(m.start(), m.end(), value)
    for m in _DAY_OF_THIS_MONTH.finditer(folded):
        deictic = _deictic_kind(m.group("deictic") or m.group("tdeictic"))
        ym = _period_value("الشهر", deictic, published)
        day = (
            int(m.group("day"))
            if m.group("day")
            else _ORDINAL_DAYS[" ".join(m.group("ord").split())]
        )
        value = _iso_day(int(ym[:4]), int(ym[5:]), day) if ym else None
        if value or (ym is None and 1 <= day <= 31):
            yield _Cand(m.start(), m.end(), value, "day")


def _numeric(folded: str) -> Iterator[_Cand]:
    for m in _ISO.finditer(folded):
        value = _iso_day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if value and _MIN_YEAR <= int(m.group(1)) <= _MAX_YEAR:
            yield _Cand(m.start(), m.end(), value, "day")
    for m in _DMY.finditer(folded):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        value = _iso_day(year, second, first) or _iso_day(year, first, second)
        if value:
            yield _Cand(m.start(), m.end(), value, "day")


def _year_cued(folded: str, m: re.Match[str], accepted_ends: list[int]) -> bool:
    """Whether a word before a 4-digit number, or its «م», makes it a year."""
    prefix, before = _word_before(folded, m.start())
    if m.group("tail").strip():  # «2024م»
        return True
    if prefix and prefix[-1] in "بل":  # «بـ2024», «لـ2024»
        return True
    if _stems(before) & _YEAR_CUES:
        return True
    if before == "من" and not prefix:  # «الربع الثالث من 2024»
        _, part = _word_before(folded, m.start() - len(before) - 1)
        if _stems(part) & _PART_OF_YEAR:
            return True
    # «عامي 2020 و2021»: a year joined to the year before it
    return prefix.endswith("و") and any(e >= m.start() - 3 for e in accepted_ends)


# After a bare number: what a year is followed by (the end, punctuation, a definite
# word, a range's «إلى»), never what a count is followed by (an indefinite noun).
_YEAR_FOLLOWER = r"(?:$|[.،,؛;:!?؟)»\"\-–—\n]|(?:[وفبلك]?ال|لل)[^\W\d_]{2,}|(?:الي|حتي|مع)(?!\w))"


_AFTER_BARE_YEAR = re.compile(
    rf"\s*(?:{_YEAR_FOLLOWER}|في(?!\s+(?:الماي|المي))(?!\w)"
    # «بين 2020 و2024 …»: a second year that is followed like a year
    rf"|و\d{{4}}(?!\d)\s*{_YEAR_FOLLOWER})"
)


def _bare_year(folded: str, m: re.Match[str]) -> bool:
    """A year standing in a name without a cue word: «كأس العالم 2030»، «رؤية 2030 التي».

    The number must follow a word (not another number or a counting word) and be
    followed by what follows a year, not by a counted noun.
    """
    prefix, before = _word_before(folded, m.start())
    if prefix or not before or before.isdigit() or _stems(before) & _NOT_YEAR_BEFORE:
        return False
    if not re.fullmatch(r"[^\W\d_]+", before):
        return False
    gap = folded[m.start() - 1 : m.start()]
    if not gap.isspace() or "\n" in folded[m.start() - 2 : m.start()]:
        return False
    if _AFTER_BARE_YEAR.match(folded, m.end()):
        return True
    return _is_future_word(_bare_word(_word_after(folded, m.end())))  # «مونديال 2026 سيقام»


def _years(folded: str) -> Iterator[_Cand]:
    for m in _YEAR_RANGE.finditer(folded):
        first, last = int(m.group(1)), int(m.group(2))
        if _MIN_YEAR <= first < last <= _MAX_YEAR and last - first <= 50:
            yield _Cand(m.start(), m.end(), f"{first}/{last}")
    accepted_ends: list[int] = []
    for m in _YEAR.finditer(folded):
        year = int(m.group("year"))
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        after = _word_after(folded, m.end())
        if after in _UNITS or after.startswith("%") or folded[m.end() : m.end() + 1] == "%":
            continue
        if _year_cued(folded, m, accepted_ends) or _bare_year(folded, m):
            accepted_ends.append(m.end())
            yield _Cand(m.start(), m.end(), str(year))


def _hijri_nearest(month: int, day: int, published: dt.date | None) -> str | None:
    """A Hijri day and month without a year: the occurrence nearest to publication."""
    if published is None:
        return None
    this_year = Gregorian(published.year, published.month, published.day).to_hijri().year
    options = []
    for year in (this_year - 1, this_year, this_year + 1):
        iso = _hijri_to_iso(year, month, day)
        if iso:
            options.append(dt.date.fromisoformat(iso))
    if not options:
        return None
    return min(options, key=lambda d: abs((d - published).days)).isoformat()


def _hijri_month_value(year: int, month: int) -> str | None:
    """A Hijri month of a year: the Gregorian month its middle falls in."""
    iso = _hijri_to_iso(year, month, 15)
    return iso[:7] if iso else None


_HIJRI_ALSO_WORDS = {fold("صفر"), fold("الصفر")}  # «صفر» is zero: «2 صفر» may be a score


def _hijri(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _HIJRI_DATE.finditer(folded):
        month_name = " ".join(m.group("month").split())
        month = HIJRI_MONTHS[month_name]
        day = (
            int(m.group("day"))
            if m.group("day")
            else _ORDINAL_DAYS[" ".join(m.group("ord").split())]
        )
        if not 1 <= day <= 30:
            continue
        if m.group("year"):
            value = _hijri_to_iso(int(m.group("year")), month, day)
            if value:
                yield _Cand(m.start(), m.end(), value, "day")
        elif month_name not in _HIJRI_ALSO_WORDS:
            yield _Cand(m.start(), m.end(), _hijri_nearest(month, day, published), "day")
    for m in _HIJRI_MONTH_YEAR.finditer(folded):
        value = _hijri_month_value(
            int(m.group("year")), HIJRI_MONTHS[" ".join(m.group("month").split())]
        )
        if value:
            yield _Cand(m.start(), m.end(), value)
    for m in _HIJRI_YEAR.finditer(folded):
        value = _hijri_year_range(int(m.group("year")))
        if value:
            yield _Cand(m.start(), m.end(), value)


def _outlet_today(folded: str, start: int, end: int) -> bool:
    """«بغداد اليوم - …», «أخبار اليوم:» opening a line: an outlet's name, not today."""
    line_start = folded.rfind("\n", 0, start) + 1
    return bool(
        _DATELINE_TODAY.search(folded[line_start:start]) and _DATELINE_AFTER.match(folded, end)
    )


def _outlet_name_today(folded: str, start: int) -> bool:
    """«لصحيفة المصري اليوم», «قناة روسيا اليوم»: an outlet noun, one word, «اليوم».

    After a reporting verb («قالت صحيفة الأهرام اليوم إن») it is today.
    """
    words = folded[max(0, start - 80) : start].split()
    if len(words) < 2 or not re.fullmatch(r"[^\W\d_]+", words[-1]):
        return False
    if not _stems(words[-2]) & _OUTLET_NOUNS:
        return False
    reported = len(words) >= 3 and _bare_word(words[-3]) in _PAST_WORDS
    return not (reported and words[-2][0] not in "لب")


def _generic_today(folded: str, start: int, end: int) -> bool:
    """Whether a bare «اليوم» means "nowadays", "to date", a named day or an outlet."""
    _, before = _word_before(folded, start)
    stems = _stems(before)
    if stems & _GENERIC_TODAY_BEFORE or _word_after(folded, end) in _DAY_ADJECTIVE:
        return True
    after = _word_after(folded, end)
    if after.startswith("ال") and after.endswith("ي") and after not in WEEKDAYS:
        return True  # «اليوم الوطني», «اليوم العالمي»
    if _outlet_today(folded, start, end) or _outlet_name_today(folded, start):
        return True
    # In a quotation «اليوم» is mostly "nowadays" or ends a name («"بغداد اليوم"»),
    # unless a time of day makes it today («مساء اليوم»).
    return _inside_quotes(folded, start) and not (stems & _TIMES_OF_DAY)


def _relative(folded: str, original: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _RELATIVE.finditer(folded):
        rel = " ".join(m.group("rel").split())
        bare_today = rel == "اليوم" and not m.group("weekday")
        if bare_today and _generic_today(folded, m.start(), m.end()):
            continue
        headless = not _stems(_word_before(folded, m.start())[1]) & _DAY_HEADS
        if rel in _TOMORROW_NOUNS and not m.group("weekday") and headless:
            continue
        value = None
        if published is not None:
            day = published + dt.timedelta(days=_RELATIVE_DAYS[rel])
            if m.group("weekday"):
                day = _snap_to_weekday(day, WEEKDAYS[m.group("weekday")])
            value = day.isoformat()
        yield _Cand(m.start(), m.end(), value, "lead")


def _snap_to_weekday(day: dt.date, weekday: int) -> dt.date:
    """«اليوم الجمعة» in an article dated Thursday: the text's weekday wins by a day.

    A publication date a day off (a late edition, a time zone) is commoner than
    a wrong weekday; further apart, the relative word is kept.
    """
    shift = (weekday - day.weekday()) % 7
    shift = shift - 7 if shift > 3 else shift
    return day + dt.timedelta(days=shift) if abs(shift) == 1 else day


def _clause_words_before(folded: str, start: int, limit: int = 8) -> list[str]:
    """Up to `limit` words before `start` in its clause, nearest first."""
    left = max(folded.rfind(ch, 0, start) for ch in '.،,؛;:!?؟\n«»"()')
    return folded[left + 1 : start].split()[::-1][:limit]


def _bare_word(word: str) -> str:
    """A folded word without a leading «و»/«ف» and an object pronoun («ذكرته» → «ذكرت»)."""
    word = word[1:] if len(word) > 3 and word[0] in "وف" else word
    for suffix in ("هما", "هم", "ها", "ه"):
        if (
            len(word) > len(suffix) + 2
            and word.endswith(suffix)
            and word[: -len(suffix)] in _PAST_WORDS
        ):
            return word[: -len(suffix)]
    return word


def _is_future_word(word: str) -> bool:
    """A future particle, or a verb with the future prefix «سـ» («سيعقد», «ستنطلق»)."""
    if word in _FUTURE_WORDS:
        return True
    return (
        len(word) >= 5
        and word[0] == "س"
        and word[1] in "يتن"
        and not word.startswith(_FUTURE_LOOKALIKES)
        and not word.endswith(("ات", "ون", "ين"))
    )


def _clause_tense(folded: str, start: int) -> str:
    """ "next" or "past" from the nearest tense marker before a weekday in its clause."""
    for word in _clause_words_before(folded, start):
        bare = _bare_word(word)
        if _is_future_word(bare):
            return "next"
        if bare in _PAST_WORDS:
            return "past"
    return ""


def _weekday_offset(weekday: int, published: dt.date, deictic: str, tense: str) -> int:
    """Days from publication to the weekday a phrase means."""
    delta = (weekday - published.weekday()) % 7
    if deictic == "next":
        return delta or 7
    if deictic == "past":
        return delta - 7 if delta else -7
    if tense == "next":
        return delta
    if tense == "past":
        return delta - 7 if delta else 0
    return delta - 7 if delta > 3 else delta


def _weekdays(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _WEEKDAY_RE.finditer(folded):
        _, before = _word_before(folded, m.start())
        if (
            _stems(before) & _NOT_WEEKDAY_BEFORE
            or _word_after(folded, m.end()) in _NOT_WEEKDAY_AFTER
        ):
            continue
        deictic = _deictic_kind(m.group("deictic"))
        value = None
        if published is not None:
            tense = _clause_tense(folded, m.start())
            offset = _weekday_offset(WEEKDAYS[m.group("weekday")], published, deictic, tense)
            value = (published + dt.timedelta(days=offset)).isoformat()
        yield _Cand(m.start(), m.end(), value, "weekday")
