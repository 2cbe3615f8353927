"""Calendar expressions in Arabic news text, with ISO values.

Arabic outlets name months in several families (Egyptian «فبراير», Levantine
«شباط», Maghrebi «فيفري», Moroccan «غشت»), often two at once («8 فبراير/شباط»,
«28 أيار (مايو)»), and lean on the publication date («اليوم الخميس», «أمس»,
«مايو الماضي»). The month and weekday names come from babel's CLDR data and
the Hijri month names from hijridate, so no outlet's wording is baked in.

Matching runs on `normalize.fold`ed text (diacritics, hamza seats and Eastern
digits folded) and maps offsets back to the original. A span never starts or
ends inside a word; attached proclitics («وفي», «بـ2024») and head nouns
(«عام», «يوم», «مطلع») stay outside, deictic words («الماضي», «المقبل») in.

Values: `2026-02-08` (a day), `2026-02` (a month), `1999` (a year) and
`2024/2026` (a range of years). Relative expressions need `published`;
without it they are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names
from hijridate import Hijri

from newsreader.pipeline.normalize import fold, fold_key, fold_with_offsets
from newsreader.pipeline.types import DateMatch

# CLDR locales whose wide month names differ: Egyptian/Gulf, Levantine/Iraqi,
# Algerian/Tunisian and Moroccan.
_MONTH_LOCALES = ("ar", "ar_EG", "ar_SA", "ar_SY", "ar_LB", "ar_IQ", "ar_JO", "ar_DZ", "ar_TN")
_MONTH_LOCALES += ("ar_MA", "ar_LY")

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MIN_HIJRI, _MAX_HIJRI = 1343, 1500  # what hijridate's Umm al-Qura tables cover


def _name_variants(name: str) -> set[str]:
    """Spelling variants of a folded one- or two-word month name.

    Two-word names («تشرين الأول», «ربيع الثاني») are also written without the
    article on the ordinal; Egyptian spelling ends «يونيو/يوليو» in «ـيه».
    """
    out = {name}
    words = name.split()
    if len(words) == 2 and words[1].startswith("ال"):
        out.add(f"{words[0]} {words[1][2:]}")
    if len(words) == 1 and len(name) == 5 and name.endswith("يو"):
        out.add(name[:-1] + "ه")
    return out


def _build_months() -> dict[str, int]:
    table: dict[str, int] = {}
    for locale in _MONTH_LOCALES:
        for number, name in get_month_names("wide", locale=locale).items():
            for variant in _name_variants(fold_key(name)):
                table[variant] = number
    return table


MONTHS: dict[str, int] = _build_months()
"""Folded Gregorian month name (every Arabic family) → month number."""

# Folded «آب» is «اب», which is also «أب» (father): accept it only where the
# original is written with madda.
_MADDA_ONLY = {fold("آب")}
# Month names that are also ordinary words («مارس» practised, «نيسان» the
# carmaker, «ماي»): alone they need a cue word before them.
_AMBIGUOUS_ALONE = {fold(w) for w in ("مارس", "ماي", "نيسان", "آب", "أوت", "جوان")}


def _build_hijri_months() -> dict[str, int]:
    """Folded Hijri month names → number, with the usual ordinal and case variants."""
    ordinal_swaps = {
        "الاول": ("الاولي", "الاول"),
        "الاولي": ("الاول", "الاولي"),
        "الثاني": ("الاخر", "الثاني"),
        "الاخره": ("الثانيه", "الاخر", "الثاني", "الاخره"),
    }
    table: dict[str, int] = {}
    for number in range(1, 13):
        name = fold_key(Hijri(1445, number, 1).month_name("ar"))
        forms = {name}
        words = name.split()
        if len(words) == 2 and words[1] in ordinal_swaps:
            forms |= {f"{words[0]} {w}" for w in ordinal_swaps[words[1]]}
        if words[0] == "ذو":  # ذو القعدة in the genitive / accusative
            forms |= {f"{head} {words[1]}" for head in ("ذي", "ذا")}
        if len(words) == 1:
            forms.add("ال" + name)  # «المحرم»
        for form in list(forms):
            forms |= _name_variants(form)
        for form in forms:
            table[form] = number
    return table


HIJRI_MONTHS: dict[str, int] = _build_hijri_months()

# Weekday names: babel's Monday=0 matches datetime.weekday().
WEEKDAYS: dict[str, int] = {
    fold_key(name): number for number, name in get_day_names("wide", locale="ar").items()
}


def month_number(word: str) -> int | None:
    """The Gregorian month a name stands for, in any spelling family; None if it is none."""
    return MONTHS.get(fold_key(word))


# --- patterns over folded text -------------------------------------------------------


def _alternation(names: object) -> str:
    ordered = sorted(names, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


_PAST = ("الماضي", "المنصرم", "الفايت", "السابق")
_NEXT = ("المقبل", "القادم")
_CURRENT = ("الجاري", "الحالي")
_DEICTIC = _alternation(_PAST + _NEXT + _CURRENT)
_MONTH = _alternation(MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_ORDINAL_DAYS = {
    fold(w): n
    for n, w in enumerate(
        ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن")
        + ("التاسع", "العاشر"),
        start=1,
    )
}
_ORDINAL = _alternation(_ORDINAL_DAYS)
# A month with a second name after a slash or in brackets: «فبراير/شباط», «أيار (مايو)».
_MPAIR = rf"(?P<months>(?:{_MONTH})(?:\s*/\s*(?:{_MONTH})|\s*\(\s*(?:{_MONTH})\s*\))?)"
_YEAR_TAIL = r"(?:\s*م(?!\w)|\s+ميلادي(?:ه)?(?!\w))?"
_HIJRI_MARK = r"(?:\s*ه(?!\w)|\s+هجري(?:ه)?(?!\w)|\s+للهجره(?!\w))"

_DAY_MONTH = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s*(?:من\s+)?|(?P<ord>{_ORDINAL})\s+من\s+){_MPAIR}"
    rf"(?:\s*(?:من\s+(?:عام|العام|سنه)\s+)?(?P<year>\d{{4}}){_YEAR_TAIL}"
    # «19 يناير، 2026» in datelines; no word may follow such a year
    rf"|\s*[،,]\s*(?P<cyear>\d{{4}})(?!\d|\s*[^\W\d_])"
    rf"|\s+(?P<deictic>{_DEICTIC})"
    rf"|\s+من\s+(?:العام|السنه)\s+(?P<ydeictic>{_DEICTIC}))?"
)
_MONTH_ALONE = re.compile(
    rf"{_MPAIR}(?:\s+(?:من\s+(?:عام|العام|سنه)\s+)?(?P<year>\d{{4}}){_YEAR_TAIL}"
    rf"|\s+(?P<deictic>{_DEICTIC})"
    rf"|\s+من\s+(?:العام|السنه)\s+(?P<ydeictic>{_DEICTIC}))?"
)
_DAY_OF_THIS_MONTH = re.compile(
    rf"(?P<day>\d{{1,2}})\s+من\s+(?:الشهر|هذا\s+الشهر)\s+(?P<deictic>{_DEICTIC})"
)
_PERIOD = re.compile(rf"(?P<unit>الشهر|العام|السنه)\s+(?P<deictic>{_DEICTIC})")
_ISO = re.compile(r"(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)")
_DMY = re.compile(r"(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d]|[./-]\d)")
_YEAR_RANGE = re.compile(r"(?<![\d./-])(\d{4})\s*[-–—/]\s*(\d{4})(?![\d]|[./-]\d)")
_YEAR = re.compile(rf"(?<![\d./:,-])(?P<year>\d{{4}})(?P<tail>{_YEAR_TAIL})(?![\d]|[./:-]\d)")
_HIJRI_DATE = re.compile(
    rf"(?P<day>\d{{1,2}})\s+(?:من\s+)?(?P<month>{_HMONTH})\s+(?:(?:عام|سنه)\s+)?"
    rf"(?P<year>\d{{4}})(?P<mark>{_HIJRI_MARK})?"
)
_HIJRI_YEAR = re.compile(rf"(?<![\d./-])(?P<year>\d{{4}}){_HIJRI_MARK}")
_RELATIVE = re.compile(
    rf"(?P<rel>اول\s+(?:من\s+)?امس|امس\s+الاول|بعد\s+غد|امس|غدا|اليوم)"
    rf"(?:\s+(?P<weekday>{_WEEKDAY}))?"
)
_WEEKDAY_RE = re.compile(rf"(?P<weekday>{_WEEKDAY})(?:\s+(?P<deictic>{_DEICTIC}))?")
_WEEKDAY_BRIDGE = re.compile(r"\s*(?P<comma>[،,]\s*)?(?:الموافق\s+)?")

_RELATIVE_DAYS = {"امس": -1, "غدا": 1, "اليوم": 0, "بعد غد": 2, "اول امس": -2}
_RELATIVE_DAYS |= {"اول من امس": -2, "امس الاول": -2}


def _words(spaced: str) -> frozenset[str]:
    """A folded word set from a space-separated list."""
    return frozenset(fold(w) for w in spaced.split())


# Words after which a 4-digit number reads as a year (folded, proclitics stripped).
_YEAR_CUES = _words(
    "عام العام عامي أعوام الأعوام سنة السنة سنوات السنوات في حتى منذ قبل بعد خلال "
    "مطلع بداية نهاية أواخر أوائل أواسط منتصف صيف شتاء ربيع خريف موسم بحلول ومنذ "
    "لعام للعام لسنة وحتى إلى لغاية"
)
# Words after a number that make it an amount, not a year.
_UNITS = _words(
    "دولار دولارا دولارات يورو جنيه جنيها ريال ريالا درهم دينار دينارا ليرة ليرات روبل "
    "يوان ين كيلو كيلومتر كيلومترا كلم كم متر مترا مترات طن طنا أطنان برميل ميغاواط "
    "شخص شخصا أشخاص مليون مليار ألف آلاف بالمئة بالمائة % نسمة فرد فردا"
)
# Before «اليوم», words that make it "nowadays" or "to date", not a calendar day.
_GENERIC_TODAY_BEFORE = _words(
    "حتى إلى لغاية هذا ذلك مثل يمكن يمكننا نرى نعيش نشهد يعيش تعيش نحن بات أصبح صار "
    "عالم شباب جيل أجيال"
)
# «اليوم» followed by an ordinal or an adjective is a day of something, not today.
_DAY_ADJECTIVE = _words(
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأخير "
    "التالي نفسه ذاته ذات المشهود الموعود"
)
_NOT_WEEKDAY_BEFORE = _words("صلاة خطبة صلوات")
_CUE_BEFORE_MONTH = _words(
    "في شهر خلال مطلع بداية نهاية أواخر أوائل أواسط منتصف منذ حتى قبل بعد إلى لغاية بحلول"
)
_QUOTES_OPEN = "«“„"
_QUOTES_CLOSE = "»”"
_PROCLITIC_RE = re.compile(r"^(?:[وف]?(?:[بلك]|ال|بال|لل|كال)?)$")


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int  # folded offsets
    end: int
    value: str
    kind: str = ""  # "weekday" (bare, may merge with a following date), "day" (day-level)


# --- helpers ------------------------------------------------------------------------


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
    """The year of a month named without one: the publication year, or what the deictic says."""
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


# --- candidate generators -------------------------------------------------------------


def _day_month(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _DAY_MONTH.finditer(folded):
        months = _months_in(m.group("months"))
        if len(set(months)) != 1:
            continue
        month = months[0]
        day = int(m.group("day")) if m.group("day") else _ORDINAL_DAYS[m.group("ord")]
        year: int | None
        if m.group("year") or m.group("cyear"):
            year = int(m.group("year") or m.group("cyear"))
        elif m.group("ydeictic"):
            year = _period_value("العام", _deictic_kind(m.group("ydeictic")), published)
            year = int(year) if year else None
        else:
            year = _day_year(month, day, _deictic_kind(m.group("deictic")), published)
        if year is None or not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        value = _iso_day(year, month, day)
        if value:
            yield _Cand(m.start(), m.end(), value, "day")


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
        if year is None or not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        yield _Cand(m.start(), m.end(), f"{year:04d}-{month:02d}")


def _period_value(unit: str, deictic: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    delta = {"past": -1, "next": 1}.get(deictic, 0)
    if unit == "الشهر":
        year, month = _shift_month(published.year, published.month, delta)
        return f"{year:04d}-{month:02d}"
    return f"{published.year + delta:04d}"


def _periods(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _PERIOD.finditer(folded):
        value = _period_value(m.group("unit"), _deictic_kind(m.group("deictic")), published)
        if value:
            yield _Cand(m.start(), m.end(), value)
    for m in _DAY_OF_THIS_MONTH.finditer(folded):
        ym = _period_value("الشهر", _deictic_kind(m.group("deictic")), published)
        if ym:
            value = _iso_day(int(ym[:4]), int(ym[5:]), int(m.group("day")))
            if value:
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
        prefix, before = _word_before(folded, m.start())
        cue = bool(m.group("tail").strip())  # «2024م»
        cue = cue or bool(prefix and prefix[-1] in "بل")  # «بـ2024», «لـ2024»
        cue = cue or bool(_stems(before) & _YEAR_CUES)
        # «عامي 2020 و2021»: a year joined to the year before it
        cue = cue or (prefix.endswith("و") and any(e >= m.start() - 3 for e in accepted_ends))
        if cue:
            accepted_ends.append(m.end())
            yield _Cand(m.start(), m.end(), str(year))


def _hijri(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _HIJRI_DATE.finditer(folded):
        month = HIJRI_MONTHS[" ".join(m.group("month").split())]
        value = _hijri_to_iso(int(m.group("year")), month, int(m.group("day")))
        if value:
            yield _Cand(m.start(), m.end(), value, "day")
    for m in _HIJRI_YEAR.finditer(folded):
        value = _hijri_year_range(int(m.group("year")))
        if value:
            yield _Cand(m.start(), m.end(), value)


def _relative(folded: str, original: str, published: dt.date | None) -> Iterator[_Cand]:
    if published is None:
        return
    for m in _RELATIVE.finditer(folded):
        rel = " ".join(m.group("rel").split())
        if rel == "اليوم" and not m.group("weekday"):
            _, before = _word_before(folded, m.start())
            after = _word_after(folded, m.end())
            if _stems(before) & _GENERIC_TODAY_BEFORE or after in _DAY_ADJECTIVE:
                continue
            if after.startswith("ال") and after.endswith("ي") and after not in WEEKDAYS:
                continue  # «اليوم الوطني», «اليوم العالمي»
            if _inside_quotes(folded, m.start()):
                continue
        value = (published + dt.timedelta(days=_RELATIVE_DAYS[rel])).isoformat()
        yield _Cand(m.start(), m.end(), value, "day")


def _weekdays(folded: str, published: dt.date | None) -> Iterator[_Cand]:
    for m in _WEEKDAY_RE.finditer(folded):
        _, before = _word_before(folded, m.start())
        if _stems(before) & _NOT_WEEKDAY_BEFORE:
            continue
        weekday = WEEKDAYS[m.group("weekday")]
        deictic = _deictic_kind(m.group("deictic"))
        value = ""
        if published is not None:
            delta = (weekday - published.weekday()) % 7
            if deictic == "next":
                delta = delta or 7
            elif deictic == "past":
                delta = delta - 7 if delta else -7
            elif delta > 3:
                delta -= 7
            value = (published + dt.timedelta(days=delta)).isoformat()
        kind = "weekday" if not deictic else ""
        if value or kind:
            yield _Cand(m.start(), m.end(), value, kind)


# --- selection ------------------------------------------------------------------------


def _boundaries_ok(folded: str, start: int, end: int) -> bool:
    """A span starts after a word boundary or a proclitic and ends at a word boundary."""
    prefix, _ = _word_before(folded, start)
    if prefix and not _PROCLITIC_RE.match(prefix):
        return False
    if prefix.endswith("ال") and not folded[start].isdigit():
        return False  # «الـ» is only split off a day number
    return not (end < len(folded) and folded[end].isalnum())


def _merge_weekdays(folded: str, cands: list[_Cand]) -> list[_Cand]:
    """A bare weekday right before a day-level date joins it: «الجمعة 10 أكتوبر».

    Across a comma the two stay apart, but the weekday takes the date's day.
    """
    by_start = {c.start: c for c in cands if c.kind == "day"}
    merged: list[_Cand] = []
    for c in cands:
        if c.kind == "weekday":
            bridge = _WEEKDAY_BRIDGE.match(folded, c.end)
            nxt = by_start.get(bridge.end()) if bridge and bridge.end() > c.end else None
            if nxt is not None and bridge is not None:
                if bridge.group("comma"):  # «الجمعة، 10 أكتوبر»: two spans, one day
                    merged.append(_Cand(c.start, c.end, nxt.value))
                else:
                    merged.append(_Cand(c.start, nxt.end, nxt.value, "day"))
                continue
        merged.append(c)
    return merged


def find_dates(text: str, published: dt.date | None) -> list[DateMatch]:
    """Non-overlapping calendar expressions in text order, each with its ISO value."""
    folded_text = fold_with_offsets(text)
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
    cands = [c for c in cands if c.value and _boundaries_ok(folded, c.start, c.end)]

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
