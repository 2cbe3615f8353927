"""Line-level cleaning rules: the thresholds and patterns, the `_Line` record, and the
reasons a line is boilerplate on its own (share prompts, navigation, cookie notices,
datelines, Latin-only lines) plus the dates a line states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from hijridate import Hijri

from newsreader.pipeline import lexicon_credits
from newsreader.pipeline import lineshape as shape
from newsreader.pipeline.dates_patterns import HIJRI_MONTHS, MONTHS, WEEKDAYS
from newsreader.pipeline.normalize import fold, fold_key
from newsreader.pipeline.types import DropReason as R

MAX_HEADING_WORDS = 8


MAX_BYLINE_WORDS = 3


MIN_BODY_WORDS = 12  # a line this long is story text, not furniture


MIN_TEASER_CHARS = 12  # squashed characters before the dots


GLUE_K = 12  # character n-gram size for glued-line coverage


GLUE_COVERAGE = 0.9


MIN_GLUED_CHARS = 40


RELATED_RUN = 10  # at most this many headlines under a related-stories header


DATELINE_REACH = 4  # lines under the headline where a bare «مدينة - وكالة» is a dateline


_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


_LATIN = re.compile(r"[A-Za-z]")


_NON_WORD = re.compile(r"[\W_]+")


# Each pattern starts with a digit and only then looks behind it (a number does not
# start inside another): a leading look-behind would make the engine try every place.
_TIME = re.compile(r"\d(?<!\d\d)\d?:\d{2}(?::\d{2})?(?!\d)")


_ISO_DATE = re.compile(r"(\d(?<!\d\d)\d{3})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


_DMY_DATE = re.compile(r"(\d(?<!\d\d)\d?)[-/.](\d{1,2})[-/.](\d{4})(?!\d)")


_YEAR = re.compile(r"(?:19|20)\d\d")  # a word that is a year
MAX_CREDIT_WORDS = 8  # «© Sputnik . Sergey Bobylev»: a photo's credit line
MAX_CAPTION_WORDS = 12  # the open line under it, the photo's caption
MAX_STAMP_WORDS = 6  # «24 08 2025 سبوتنيك عربي» after a copied lead
MAX_TRAILING_WORDS = 8  # an open line after the story's last paragraph, heading nothing

_RELATIVE_TIME = re.compile(r"^منذ\s+\d+\s+\S+$")


_TODAY = re.compile(r"(?<!\w)اليوم(?!\w)")


_ELLIPSIS = re.compile(r"(?:\.{2,}|…)\s*$")


_SENTENCE_END = re.compile(r"[.!?؟…:]$")


_NUMBERING = re.compile(r"^\s*(?:\d+|[٠-٩]+)\s*[-.)]\s*")


_BULLET = re.compile(r"^[-–—•*▪●]\s*")


_COMMA = re.compile(r"[،,]")


_CLOSING_PUNCT = re.compile(r"[\s.!?؟…,،;؛:]+$")


_LEAD_MARK = re.compile(r"^\s*[*•▪●■◆►]+\s*")  # «*المصدر: …»: a mark before a cue


# A related-article caption: "… - <outlet>, <number>, <dd.mm.yyyy>".
_RELATED_CAPTION = re.compile(
    r"[-–—]\s*[^,،\-–—]{1,80}[,،]\s*\d+\s*[,،]\s*\d{1,2}[./-]\d{1,2}[./-]\d{4}\s*$"
)


# Small line-level cues, matched on folded text at the start of a line.
_SHARE_IMPERATIVE = re.compile(r"^(تابعوا|تابعونا|تابعنا|اشترك|اشتركوا|انشر|انضموا|follow)\b", re.I)


_SHARE_VERB = re.compile(r"^(شارك|شاركوا|مشاركه|share)\b", re.I)


_SHARE_OBJECT = re.compile(
    r"[:：]|\b(هذا|هذه|الخبر|المقال|المقاله|الصفحه|عبر)\b|"
    r"فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|تيليغرام|يوتيوب|انستغرام|facebook|twitter|whatsapp",
    re.I,
)


_NAV_ANY_LENGTH = re.compile(r"^(اقرا|واقرا|شاهد|اقرا ايضا|للمزيد|read more|see also)\b", re.I)


_NAV_SHORT = re.compile(
    r"^(بث مباشر|المزيد|الرئيسيه|اخبار ذات صله|مواضيع ذات صله|ذات صله|الاكثر قراءه|"
    r"الاكثر مشاهده|اضغط هنا|التالي|السابق|عاجل|الكلمات المفتاحيه|كلمات مفتاحيه|وسوم|"
    r"كلمات دالله|كلمات داله|العلامات|home|menu|search|more)\b",
    re.I,
)


_BREADCRUMB_SEP = re.compile(r"\s[>»/|]\s")


_SOURCE = re.compile(r"^(المصدر|مصدر الخبر|المصادر|source)\s*[:：-]", re.I)


_ADVERT = re.compile(r"^(اعلان|مساحه اعلانيه|advertisement|advertising|sponsored|ads?)\b", re.I)


_COMMENT = re.compile(r"تعليق|التعليقات|comments?\b", re.I)


_COOKIE = re.compile(r"ملفات تعريف الارتباط|الكوكيز|cookies?\b", re.I)


_CAPTION = re.compile(
    r"^\(?(صوره|الصوره|صور|الصور|photo)\s*[:(（\-–]|صوره ارشيفيه|\(ارشيفيه\)", re.I
)


_BYLINE_CUE = re.compile(
    r"^(?:(?:بقلم|by)\s*[:：]?|(?:كتب|كتبت|كتبه|اعداد|تقرير|حوار|بواسطه)\s*[:：])\s*\S", re.I
)


_CONNECTIVE = re.compile(
    r"^(كما|ثم|حيث|اذ|كذلك|بينما|فيما|لكن|وقد|وكان|وقال|واضاف|واكد|وتابع|واوضح|وذكر|قال|اضاف|اكد)\b"
)


_DATELINE_WORDS = lexicon_credits.DATELINE_WORDS


@dataclass(slots=True)
class _Line:
    """One non-empty input line and, once decided, why it is dropped."""

    pos: int
    text: str
    reason: R | None = None
    folded: str = field(init=False)
    squashed: str = field(init=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self.squashed = _squash_folded(self.folded)

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def words(self) -> list[str]:
        return self.text.split()


def squash(text: str) -> str:
    """Folded text with spaces and punctuation removed: robust to lost line breaks."""
    return _squash_folded(fold(text))


def _squash_folded(folded: str) -> str:
    return _NON_WORD.sub("", folded).lower()


def near_key(text: str) -> str:
    """Key for near-duplicates: folded, punctuation removed, white space collapsed."""
    return " ".join(_NON_WORD.sub(" ", fold_key(text)).lower().split())


def line_reason(text: str) -> R | None:
    """Why a line is boilerplate on its own, judged from its shape and leading cue."""
    folded = fold_key(_LEAD_MARK.sub("", text))
    return (
        _shape_reason(text)
        or _dateline_reason(folded)
        or _latin_reason(folded)
        or _cue_reason(folded, len(folded.split()))
    )


def _shape_reason(text: str) -> R | None:
    """Issue headers, mastheads, tickers, page controls, widgets, menus, strong datelines."""
    n = len(text.split())
    sentence = shape.is_sentence(text)
    checks = (
        (R.ISSUE_HEADER, lambda: shape.is_issue_header(text)),
        (R.MASTHEAD, lambda: shape.masthead_role(text) is not None),
        (R.TICKER, lambda: shape.is_ticker(text)),
        (R.INTERFACE, lambda: shape.is_font_control(text)),
        (R.INTERFACE, lambda: shape.starts_with_phrase(text, "INTERFACE_PHRASES", 5)),
        (R.COMMENT, lambda: not sentence and shape.starts_with_phrase(text, "COMMENT_PHRASES", 20)),
        (R.COOKIE, lambda: n <= 60 and shape.contains_phrase(text, "COOKIE_PHRASES")),
        (R.FOOTER, lambda: n <= 25 and _is_footer(text)),
        (R.SHARE, lambda: shape.is_social_row(text)),
        (R.BYLINE, lambda: shape.is_credit(text) or shape.is_byline_opener(text)),
        (R.NAVIGATION, lambda: shape.is_hashtags(text)),
        (R.CAPTION, lambda: n <= 30 and not sentence and shape.ends_with_photo_credit(text)),
        (R.NAVIGATION, lambda: _is_tag_list(text)),
        (R.NAVIGATION, lambda: shape.starts_with_phrase(text, "RELATED_HEADERS", 5)),
        (R.NAVIGATION, lambda: n >= 3 and not sentence and shape.is_menu(text)),
        (R.DATELINE, lambda: _strong_dateline(text)),
    )
    return next((reason for reason, hit in checks if hit()), None)


def _is_footer(text: str) -> bool:
    """«جميع الحقوق محفوظة …», «© 2025 …», «اتصل بنا»."""
    return (
        "©" in text
        or shape.starts_with_phrase(text, "FOOTER_PHRASES", 25)
        or (not shape.is_sentence(text) and shape.contains_phrase(text, "FOOTER_PHRASES"))
    )


def _is_tag_list(text: str) -> bool:
    """«كلمات دلالية: أ، ب، ج»: a tag label and a colon, at any length."""
    head, colon, _ = _LEAD_MARK.sub("", text).partition(":")
    return (
        bool(colon) and len(head.split()) <= 3 and shape.starts_with_phrase(head, "TAG_LABELS", 3)
    )


def _strong_dateline(text: str) -> bool:
    """A dateline that says so itself: it ends in a dash, or names a writer."""
    if not shape.is_dateline(text):
        return False
    return text.rstrip()[-1] in "-–—" or shape.byline_verb(text)


def _dateline_reason(folded: str) -> R | None:
    """Date/time-only lines are datelines; a name plus a time is a byline."""
    if _RELATIVE_TIME.match(folded):
        return R.TIMESTAMP
    relative = "منذ" in folded.split() and len(folded.split()) <= 8
    if not (_TIME.search(folded) or relative or find_date(folded)):
        return None
    rest = _strip_dates(folded)
    words = [w for w in _NON_WORD.sub(" ", rest).lower().split() if not w.isdigit()]
    extra = [w for w in words if w not in _DATELINE_WORDS]
    if not extra:
        return R.TIMESTAMP
    name_only = len(extra) <= MAX_BYLINE_WORDS and all(_ARABIC.search(w) for w in extra)
    return R.BYLINE if name_only and len(folded.split()) <= 8 else None


def _latin_reason(folded: str) -> R | None:
    """A line with no Arabic, or a short mostly-Latin one, is page furniture."""
    arabic = len(folded) - len(_ARABIC.sub("", folded))  # letters, counted without a list
    latin = len(folded) - len(_LATIN.sub("", folded))
    if arabic == 0 or (latin > arabic and len(folded.split()) <= 6):
        return R.ADVERTISEMENT if _ADVERT.search(folded) or "advert" in folded.lower() else R.OTHER
    return None


def _cue_reason(folded: str, n_words: int) -> R | None:
    """Share, navigation, source, ad, comment, cookie and caption cues at line start."""
    checks = (
        (R.SHARE, _SHARE_IMPERATIVE.search(folded) and n_words <= 15),
        (R.SHARE, _SHARE_VERB.search(folded) and _share_prompt(folded, n_words)),
        (R.NAVIGATION, _NAV_ANY_LENGTH.search(folded) and _nav_any_ok(folded, n_words)),
        (R.NAVIGATION, _NAV_SHORT.search(folded) and n_words <= 4),
        (R.NAVIGATION, len(_BREADCRUMB_SEP.findall(folded)) >= 2 and n_words <= 12),
        (R.SOURCE, _SOURCE.search(folded) and n_words <= 15),
        (R.ADVERTISEMENT, _ADVERT.search(folded) and n_words <= 4),
        (R.COMMENT, _COMMENT.search(folded) and n_words <= 5 and not folded.endswith(".")),
        (R.COOKIE, _COOKIE.search(folded) and n_words <= 60),
        (R.CAPTION, _CAPTION.search(folded) and n_words <= 25),
    )
    return next((reason for reason, hit in checks if hit), None)


def _share_prompt(folded: str, n_words: int) -> bool:
    """«شارك» opens news sentences too; a prompt is tiny or names what to share, where."""
    return n_words <= 2 or n_words <= 8 and bool(_SHARE_OBJECT.search(folded))


def _nav_any_ok(folded: str, n_words: int) -> bool:
    """«اقرأ أيضا: …» links of any length; a bare «شاهد …» only when short or with a colon."""
    head = folded.split()[0]
    return head not in ("شاهد",) or n_words <= 4 or ":" in folded[:20]


def _month_table() -> dict[str, int]:
    """Folded Arabic month names of every family → month number (the dates stage's table)."""
    return MONTHS


@lru_cache(maxsize=1)
def _month_date_re() -> re.Pattern[str]:
    """«19 يناير، 2026», «8 فبراير/شباط 2026», optionally preceded by a weekday."""
    names = sorted(_month_table(), key=len, reverse=True)
    month = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(
        rf"(\d(?<!\d\d)\d?)\s+({month})(?:\s*/\s*(?:{month}))?\s*[،,]?\s*(\d{{4}})(?!\d)"
    )


def _weekdays() -> frozenset[str]:
    return frozenset(WEEKDAYS)


def find_date(folded: str) -> date | None:
    """The first full calendar date (day, month, year) stated in folded text.

    A Gregorian date wins over a Hijri one beside it («29 رمضان 1447هـ الموافق
    18 آذار 2026م»); a Hijri date alone is converted (Umm al-Qura).
    """
    for pattern, order in ((_ISO_DATE, "ymd"), (_DMY_DATE, "dmy")):
        for m in pattern.finditer(folded):
            found = _make_date(m.groups(), order)
            if found:
                return found
    for m in _month_date_re().finditer(folded):
        month = _month_table().get(" ".join(m.group(2).split()))
        found = _make_date((m.group(1), str(month), m.group(3)), "dmy")
        if found:
            return found
    return _hijri_date(folded)


@lru_cache(maxsize=1)
def _hijri_date_re() -> re.Pattern[str]:
    """«25 جمادى الأولى 1446 هـ»: day, Hijri month, year, optional «هـ»."""
    names = sorted(HIJRI_MONTHS, key=len, reverse=True)
    month = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(\d(?<!\d\d)\d?)\s+({month})\s*[،,]?\s*(1[34]\d\d)\s*(?:هـ|ه)?(?!\w)")


@lru_cache(maxsize=1)
def _month_name_res() -> list[re.Pattern[str]]:
    """Each month name as a whole word, longest first (removed one after another)."""
    names = sorted(_month_table(), key=len, reverse=True)
    return [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)") for name in names]


def _hijri_date(folded: str) -> date | None:
    for m in _hijri_date_re().finditer(folded):
        month = HIJRI_MONTHS.get(" ".join(m.group(2).split()))
        try:
            return Hijri(int(m.group(3)), month or 0, int(m.group(1))).to_gregorian()
        except (ValueError, OverflowError):
            continue
    return None


def _make_date(parts: tuple[str, ...], order: str) -> date | None:
    values = dict(zip(order, (int(p) for p in parts), strict=True))
    try:
        return date(values["y"], values["m"], values["d"])
    except ValueError:
        return None


def _strip_dates(folded: str) -> str:
    """Folded text without its dates, times, month and weekday names."""
    text = _hijri_date_re().sub(" ", _month_date_re().sub(" ", folded))
    text = _DMY_DATE.sub(" ", _ISO_DATE.sub(" ", text))
    text = _TIME.sub(" ", text)
    for name in _month_name_res():
        text = name.sub(" ", text)
    words = [w for w in text.split() if _NON_WORD.sub("", w) not in _weekdays()]
    return " ".join(words)
