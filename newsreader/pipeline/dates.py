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
bracket the two are separate spans. Word lists live in `lexicon_dates`.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names
from hijridate import Gregorian, Hijri

from newsreader.pipeline import lexicon_dates as lex
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


_PAST = tuple(fold(w) for w in lex.PAST)
_NEXT = tuple(fold(w) for w in lex.NEXT)
_CURRENT = tuple(fold(w) for w in lex.CURRENT)
_DEICTIC = _alternation(_PAST + _NEXT + _CURRENT)
_THIS = _alternation(fold(w) for w in lex.THIS)
_MONTH = _alternation(MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_ORDINAL_DAYS = {fold_key(w): n for n, w in enumerate(lex.ORDINAL_DAYS, start=1)}
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
# «20 من الشهر الجاري», «5 الجاري», «الخامس من هذا الشهر»: a day of a month said by deictic.
_MASC_DEICTIC = _alternation(w for w in _PAST + _NEXT + _CURRENT if not w.endswith("ه"))
_DAY_OF_THIS_MONTH = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+(?:من\s+)?|(?P<ord>{_ORDINAL})\s+من\s+)"
    rf"(?:(?:الشهر\s+)?(?P<deictic>{_MASC_DEICTIC})(?!\w)"
    rf"|(?P<this>{_THIS})\s+الشهر(?:\s+(?P<tdeictic>{_DEICTIC}))?)"
)
# «الشهر الجاري», «العام الماضي», «السنة المقبلة», «هذا الشهر», «هذه السنة».
_PERIOD = re.compile(
    rf"(?:(?P<this>{_THIS})\s+)?(?P<unit>الشهر|العام|السنه)(?:\s+(?P<deictic>{_DEICTIC}))?"
)
_ISO = re.compile(r"(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)")
_DMY = re.compile(r"(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d]|[./-]\d)")
_YEAR_RANGE = re.compile(r"(?<![\d./-])(\d{4})\s*[-–—/]\s*(\d{4})(?![\d]|[./-]\d)")
_YEAR = re.compile(rf"(?<![\d./:,-])(?P<year>\d{{4}})(?P<tail>{_YEAR_TAIL})(?![\d]|[./:-]\d)")
_HIJRI_DATE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+(?:من\s+)?|(?P<ord>{_ORDINAL})\s+من\s+)(?P<month>{_HMONTH})"
    rf"(?:\s+(?:(?:عام|سنه)\s+)?(?P<year>\d{{4}})(?P<mark>{_HIJRI_MARK})?)?(?!\w)"
)
# «رمضان 1445 هـ»: a Hijri month with its year and the era mark, no day.
_HIJRI_MONTH_YEAR = re.compile(
    rf"(?P<month>{_HMONTH})\s+(?:(?:عام|سنه)\s+)?(?P<year>\d{{4}}){_HIJRI_MARK}"
)
_HIJRI_YEAR = re.compile(rf"(?<![\d./-])(?P<year>\d{{4}}){_HIJRI_MARK}")


def _words(spaced: str) -> frozenset[str]:
    """A folded word set from a space-separated list."""
    return frozenset(fold(w) for w in spaced.split())


_RELATIVE_DAYS = {fold_key(k): v for k, v in lex.RELATIVE_DAYS.items()}
_RELATIVE = re.compile(rf"(?P<rel>{_alternation(_RELATIVE_DAYS)})(?:\s+(?P<weekday>{_WEEKDAY}))?")
_WEEKDAY_RE = re.compile(
    rf"(?:(?P<this>{_THIS})\s+)?(?P<weekday>{_WEEKDAY})(?:\s+(?P<deictic>{_DEICTIC}))?"
)
# What may stand between a weekday (or «اليوم الأحد») and the date it names:
# nothing (one span); a comma, an opening bracket or «الموافق» (two spans, as a
# span holds calendar words only).
_WEEKDAY_BRIDGE = re.compile(r"\s*(?P<apart>(?:[،,(]\s*)?(?:الموافق(?!\w)\s*)?)")
# A dateline that opens a line with an outlet's name: «بغداد اليوم - », «أخبار اليوم:».
_DATELINE_TODAY = re.compile(r"(?:^|\n)\s*(?:[^\W\d_]+\s+){1,2}$")
_DATELINE_AFTER = re.compile(r"\s*[-–—:|]")

_YEAR_CUES = _words(lex.YEAR_CUES)
_PART_OF_YEAR = _words(lex.PART_OF_YEAR)
_UNITS = _words(lex.UNITS)
_NOT_YEAR_BEFORE = _words(lex.NOT_YEAR_BEFORE)
_GENERIC_TODAY_BEFORE = _words(lex.GENERIC_TODAY_BEFORE)
_TIMES_OF_DAY = _words(lex.TIMES_OF_DAY)
_OUTLET_NOUNS = _words(lex.OUTLET_NOUNS)
_DAY_HEADS = _TIMES_OF_DAY | {fold("يوم")}
_TOMORROW_NOUNS = frozenset(fold(w) for w in lex.TOMORROW_NOUNS)
_DAY_ADJECTIVE = _words(lex.DAY_ADJECTIVE)
_NOT_WEEKDAY_BEFORE = _words(lex.NOT_WEEKDAY_BEFORE)
_GENERAL_NOUNS = _words(lex.GENERAL_NOUNS)
_CUE_BEFORE_MONTH = _words(lex.CUE_BEFORE_MONTH)
_FUTURE_WORDS = _words(lex.FUTURE_WORDS)
_FUTURE_LOOKALIKES = tuple(sorted({w.removesuffix("ه") for w in _words(lex.FUTURE_LOOKALIKES)}))
_NOT_WEEKDAY_AFTER = _words(lex.NOT_WEEKDAY_AFTER)
_PAST_WORDS = _words(lex.PAST_WORDS)
_QUOTES_OPEN = "«“„"
_QUOTES_CLOSE = "»”"
_PROCLITIC_RE = re.compile(r"^(?:[وف]?(?:[بلك]|ال|بال|لل|كال)?)$")


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int  # folded offsets
    end: int
    value: str | None  # None: a DATE the publication date is needed to resolve
    # "weekday" (bare, may join a following date), "lead" («اليوم», «أمس الأحد»: may
    # join a following date), "day" (a day-level date others may join)
    kind: str = ""


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


# --- candidate generators -------------------------------------------------------------


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


def find_dates(text: str, published: dt.date | None) -> list[DateMatch]:
    """Non-overlapping calendar expressions in text order, each with its ISO value.

    A DATE that needs the publication date to resolve has value None without one.
    """
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


def reference_day(texts: Sequence[str]) -> dt.date | None:
    """The day an undated article calls today, where its text says it.

    «اليوم السبت (4 تشرين الثاني 2023)», «أمس الأحد 5 مارس 2024»: a relative
    day beside a full date gives the day the article was written. A weekday
    that does not match the date vetoes it.
    """
    for text in texts:
        folded = fold_with_offsets(text).text
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
