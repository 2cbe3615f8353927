"""Date vocabulary and patterns over folded text: month names (Gregorian, Levantine,
Maghrebi, Hijri) from babel and the lexicon, weekdays, and the compiled regular
expressions and word sets the date finders read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names
from hijridate import Hijri

from newsreader.pipeline import lexicon_dates as lex
from newsreader.pipeline.normalize import fold, fold_key

# CLDR locales whose wide month names differ: Egyptian/Gulf, Levantine/Iraqi,
# Algerian/Tunisian and Moroccan.
_MONTH_LOCALES: tuple[str, ...] = (
    "ar",
    "ar_EG",
    "ar_SA",
    "ar_SY",
    "ar_LB",
    "ar_IQ",
    "ar_JO",
    "ar_DZ",
    "ar_TN",
)
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


def _alternation(names: Iterable[str]) -> str:
    ordered = sorted(names, key=len, reverse=True)
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
