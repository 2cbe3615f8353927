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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from hijridate import Hijri

from newsreader.pipeline import lexicon_clean as lex
from newsreader.pipeline import lineshape as shape
from newsreader.pipeline.dates_patterns import HIJRI_MONTHS, MONTHS, WEEKDAYS
from newsreader.pipeline.headline import choose_headline
from newsreader.pipeline.normalize import fold, fold_key
from newsreader.pipeline.types import CleanedArticle, DroppedLine, InputError, Kind, Paragraph
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
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
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

_DATELINE_WORDS = lex.DATELINE_WORDS


@dataclass(slots=True)
class _Line:
    """One non-empty input line and, once decided, why it is dropped."""

    pos: int
    text: str
    reason: R | None = None
    squashed: str = field(init=False)

    def __post_init__(self) -> None:
        self.squashed = squash(self.text)

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def words(self) -> list[str]:
        return self.text.split()


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


def squash(text: str) -> str:
    """Folded text with spaces and punctuation removed: robust to lost line breaks."""
    return _NON_WORD.sub("", fold(text)).lower()


def near_key(text: str) -> str:
    """Key for near-duplicates: folded, punctuation removed, white space collapsed."""
    return " ".join(_NON_WORD.sub(" ", fold_key(text)).lower().split())


# --- line-level boilerplate -------------------------------------------------


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


def _dateline_reason(folded: str) -> str | None:
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


def _latin_reason(folded: str) -> str | None:
    """A line with no Arabic, or a short mostly-Latin one, is page furniture."""
    arabic = len(_ARABIC.findall(folded))
    latin = len(_LATIN.findall(folded))
    if arabic == 0 or (latin > arabic and len(folded.split()) <= 6):
        return R.ADVERTISEMENT if _ADVERT.search(folded) or "advert" in folded.lower() else R.OTHER
    return None


def _cue_reason(folded: str, n_words: int) -> str | None:
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


# --- dates --------------------------------------------------------------------


def _month_table() -> dict[str, int]:
    """Folded Arabic month names of every family → month number (the dates stage's table)."""
    return MONTHS


@lru_cache(maxsize=1)
def _month_date_re() -> re.Pattern[str]:
    """«19 يناير، 2026», «8 فبراير/شباط 2026», optionally preceded by a weekday."""
    names = sorted(_month_table(), key=len, reverse=True)
    month = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(
        rf"(?<!\d)(\d{{1,2}})\s+({month})(?:\s*/\s*(?:{month}))?\s*[،,]?\s*(\d{{4}})(?!\d)"
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
    return re.compile(rf"(?<!\d)(\d{{1,2}})\s+({month})\s*[،,]?\s*(1[34]\d\d)\s*(?:هـ|ه)?(?!\w)")


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
    for name in sorted(_month_table(), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    words = [w for w in text.split() if _NON_WORD.sub("", w) not in _weekdays()]
    return " ".join(words)


# --- structure: site furniture, related blocks, title, bylines ----------------------


def _mark_furniture(lines: list[_Line], furniture: Collection[str]) -> None:
    """Lines the source repeats on its other pages are the site's, not the story's."""
    if not furniture:
        return
    for line in lines:
        if near_key(line.text) in furniture:
            line.reason = R.FURNITURE


def _mark_related(lines: list[_Line]) -> None:
    """A caption ending in «outlet, number, dd.mm.yyyy», its headline and its timestamp."""
    for i, line in enumerate(lines):
        if not _RELATED_CAPTION.search(line.text):
            continue
        line.reason = R.RELATED_ARTICLE
        after = lines[i + 1 : i + 3]
        if after and _is_timestamp(after[0].text):
            after[0].reason = R.RELATED_ARTICLE
            continue
        if after and (len(after) > 1 and _is_timestamp(after[1].text) or _headline_like(after[0])):
            after[0].reason = R.RELATED_ARTICLE
            if len(after) > 1 and _is_timestamp(after[1].text):
                after[1].reason = R.RELATED_ARTICLE


def _mark_stamped_headlines(lines: list[_Line], title_at: int | None) -> None:
    """Inside the story, a headline-like line over a clock-time stamp is a related link.

    Only once a body paragraph has been seen, so the title's own dateline and a
    deck line above it are left to the other rules.
    """
    body_seen = False
    for i, line in enumerate(lines):
        if i > 1 and body_seen and line.reason == R.TIMESTAMP and _TIME.search(line.text):
            above = lines[i - 1]
            if above.kept and i - 1 != title_at and _headline_like(above):
                above.reason = line.reason = R.RELATED_ARTICLE
        if line.kept and i != title_at and len(line.words) >= MIN_BODY_WORDS:
            body_seen = True


def _mark_tag_runs(lines: list[_Line]) -> None:
    """Short lines right under a navigation or share line, after the story, are its tags."""
    last_body = max(
        (i for i, ln in enumerate(lines) if ln.kept and len(ln.words) >= MIN_BODY_WORDS),
        default=len(lines),
    )
    in_run = False
    for line in lines[last_body + 1 :]:
        if line.reason in _RUN_OPENERS:
            in_run = True
        elif in_run and line.kept and (_name_only(line.text) or _label_like(line)):
            line.reason = R.NAVIGATION
        elif line.kept:
            in_run = False


_RUN_OPENERS = frozenset(
    {R.NAVIGATION, R.SHARE, R.SOURCE, R.COMMENT, R.INTERFACE, R.COOKIE, R.FURNITURE}
)


def _label_like(line: _Line) -> bool:
    """A short line without sentence punctuation: a tag, an app name, a slogan."""
    return len(line.words) <= 6 and not _SENTENCE_END.search(line.text)


def _is_timestamp(text: str) -> bool:
    return _dateline_reason(fold_key(text)) == R.TIMESTAMP


def _headline_like(line: _Line) -> bool:
    return len(line.words) <= 20 and not _SENTENCE_END.search(line.text)


def _mark_title(
    lines: list[_Line], given: str | None, hints: Collection[str]
) -> tuple[int | None, bool]:
    """Index of the headline (headline.choose_headline) and whether it is certain.

    Lines above the headline that no rule has named are the page's header:
    section labels, menus, other stories' headlines.
    """
    choice = choose_headline([ln.text for ln in lines], [ln.kept for ln in lines], hints)
    if choice.index is None:
        return None, False
    for line in lines[: choice.index]:
        if line.kept:
            line.reason = R.NAVIGATION
    if given is not None:
        return None, True
    return choice.index, choice.certain


def _mark_masthead_names(lines: list[_Line]) -> None:
    """The name printed under a masthead role on its own line is masthead too."""
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        role_alone = line.reason == R.MASTHEAD and shape.masthead_role(line.text) == ""
        if role_alone and nxt.kept and _short_name(nxt):
            nxt.reason = R.MASTHEAD


def _short_name(line: _Line) -> bool:
    """A name printed alone: a few words, none of them a function word."""
    return _name_only(line.text) or len(line.words) <= 4 and shape.stop_density(line.text) == 0


def _mark_cookie_buttons(lines: list[_Line]) -> None:
    """«موافق», «رفض», «قبول الكل» beside a cookie notice belong to it."""
    for i, line in enumerate(lines):
        if line.kept and shape.is_buttons(line.text):
            near = lines[max(0, i - 2) : i + 3]
            if any(other.reason == R.COOKIE for other in near):
                line.reason = R.COOKIE


def _mark_datelines(lines: list[_Line], title_at: int | None) -> None:
    """«مدينة - وكالة» between the headline and the lead: a dateline without a final dash."""
    if title_at is None:
        return
    for line in lines[title_at + 1 : title_at + 1 + DATELINE_REACH]:
        if line.kept and shape.is_sentence(line.text):
            return  # the story has begun
        if line.kept and shape.is_dateline(line.text):
            line.reason = R.DATELINE


def _mark_related_runs(lines: list[_Line], title_at: int | None) -> None:
    """Under «مقالات ذات صلة» and the like, headline-shaped lines are other stories.

    The run ends at the first line that reads as the story's prose (closing
    punctuation, or long and dense in function words, for sites that write
    no full stops), and after RELATED_RUN lines at most.
    """
    start = (title_at or 0) + 1
    left = 0
    for line in lines[start:]:
        if shape.starts_with_phrase(line.text, "RELATED_HEADERS", 5):
            left = RELATED_RUN
        elif left and line.kept:
            if _prose(line):
                left = 0
            else:
                line.reason = R.RELATED_ARTICLE
                left -= 1


def _prose(line: _Line) -> bool:
    """Story text rather than a headline: punctuated, or long and full of function words."""
    if _SENTENCE_END.search(line.text) or len(line.words) > 25:
        return True
    return len(line.words) >= MIN_BODY_WORDS and shape.stop_density(line.text) >= 0.15


def _mark_trailing(lines: list[_Line], title_at: int | None) -> None:
    """A lone word or two after the story's last paragraph is a label, not a heading."""
    last = max(
        (i for i, ln in enumerate(lines) if ln.kept and len(ln.words) >= MIN_BODY_WORDS),
        default=None,
    )
    if last is None or title_at is not None and last <= title_at:
        return
    for line in lines[last + 1 :]:
        listed = _BULLET.match(line.text) or _NUMBERING.match(line.text)
        if line.kept and len(line.words) <= 3 and not (_SENTENCE_END.search(line.text) or listed):
            line.reason = R.NAVIGATION


def _mark_bylines(lines: list[_Line], title_at: int | None) -> None:
    """A bare personal name (1–3 words) beside the title or a dateline; «بقلم: …» lines."""
    for i, line in enumerate(lines):
        if not line.kept or i == title_at:
            continue
        cued = _BYLINE_CUE.search(fold_key(line.text)) and len(line.words) <= 6
        if cued or _name_only(line.text) and _beside_title_or_dateline(lines, i, title_at):
            line.reason = R.BYLINE


def _name_only(text: str) -> bool:
    words = fold(text).split()
    return 1 <= len(words) <= MAX_BYLINE_WORDS and all(
        _ARABIC.search(w) and not _NON_WORD.search(w) for w in words
    )


def _beside_title_or_dateline(lines: list[_Line], i: int, title_at: int | None) -> bool:
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(j == title_at or lines[j].reason in (R.TIMESTAMP, R.BYLINE) for j in neighbours)


# --- redundancy: duplicates, teasers, glued lines ---------------------------------


def _mark_duplicates(lines: list[_Line], title_at: int | None, given: str | None) -> None:
    """Of identical (or near-identical) lines keep the first; the title only once."""
    seen: set[str] = set()
    if given is not None:
        seen.add(near_key(given))
    for i, line in enumerate(lines):
        if not line.kept:
            continue
        key = near_key(line.text)
        if key in seen and i != title_at:
            line.reason = R.DUPLICATE
        seen.add(key)


def _mark_teasers(lines: list[_Line], title_at: int | None) -> None:
    """A line cut off with dots whose text before the dots another line carries."""
    for n, line in enumerate(lines):
        if not line.kept or n == title_at or not _ELLIPSIS.search(line.text):
            continue
        stem = squash(_ELLIPSIS.sub("", line.text))
        if len(stem) < MIN_TEASER_CHARS:
            continue
        if any(other is not line and stem in other.squashed for other in lines):
            line.reason = R.TEASER


def _mark_glued(lines: list[_Line], title_at: int | None) -> None:
    """Drop a line whose text is ≥90% covered by two or more other kept lines.

    Coverage is measured on squashed text with character n-grams, so sentences
    fused without a space («الاجتماعسيتم») are still covered from both sides.
    Longest lines are judged first and leave the pool once dropped, so two
    glued copies cannot vouch for each other.
    """
    index: dict[str, set[int]] = defaultdict(set)
    for n, line in enumerate(lines):
        if line.kept:
            _index_line(index, n, line.squashed, add=True)
    order = sorted(
        (
            n
            for n, ln in enumerate(lines)
            if ln.kept and n != title_at and len(ln.squashed) >= MIN_GLUED_CHARS
        ),
        key=lambda n: -len(lines[n].squashed),
    )
    for n in order:
        if _is_glued(index, n, lines[n].squashed):
            lines[n].reason = R.GLUED
            _index_line(index, n, lines[n].squashed, add=False)


def _index_line(index: dict[str, set[int]], n: int, text: str, *, add: bool) -> None:
    for p in range(len(text) - GLUE_K + 1):
        gram = text[p : p + GLUE_K]
        if add:
            index[gram].add(n)
        else:
            index[gram].discard(n)


def _is_glued(index: dict[str, set[int]], n: int, text: str) -> bool:
    covered = bytearray(len(text))
    contributions: dict[int, int] = defaultdict(int)
    for p in range(len(text) - GLUE_K + 1):
        owners = index.get(text[p : p + GLUE_K], set()) - {n}
        if owners:
            covered[p : p + GLUE_K] = b"\x01" * GLUE_K
            for owner in owners:
                contributions[owner] += 1
    substantial = sum(1 for count in contributions.values() if count >= GLUE_K)
    return substantial >= 2 and sum(covered) >= GLUE_COVERAGE * len(text)


# --- kinds and assembly -------------------------------------------------------------


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
    if (given is None and title_at is None) or (given is not None and not kept):
        raise InputError("nothing is left of the text after cleaning")
    head = given if given is not None else lines[title_at].text
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
    for found in (below, above, labelled):
        if found:
            return found[0]
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
