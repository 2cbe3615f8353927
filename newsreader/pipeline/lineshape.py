"""What one line of a scraped page looks like: general signals, no outlet's wording.

A story's lines are sentences: dense in function words, closed by punctuation,
mostly Arabic letters. A page's furniture is not: menus are runs of section
names or pieces split by «|», tickers are figures beside currency words,
mastheads are role words beside a name, issue headers open with «العدد»,
datelines are a place and an outlet between dashes. Each signal here looks at
one of those shapes; clean.py and headline.py combine them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from newsreader.pipeline import lexicon_clean, lexicon_credits, lexicon_function_words
from newsreader.pipeline.normalize import fold_key

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,٫]\d+)?%?$")
_SENTENCE_END = re.compile(r"[.!?؟…]\s*[\"'»”)]*\s*$")
_BULLET = re.compile(r"^\s*[-–—•*▪●■◆►]\s*")
_MENU_SEP = re.compile(r"\s[|｜•·]\s|\s\|$|^\|\s")
_DASH = re.compile(r"\s*[-–—]\s*")
_PARENS = re.compile(r"\([^()]{1,40}\)")

MIN_SENTENCE_WORDS = 8


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits), lower-cased."""
    return list(_words(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """`words`, kept: each line goes through a dozen shape checks."""
    return tuple(_WORD.findall(fold_key(text).lower()))


# the word tables, looked up by name
_LEXICONS = (lexicon_clean, lexicon_function_words, lexicon_credits)


def _table(name: str) -> Sequence[str] | frozenset[str]:
    return next(getattr(m, name) for m in _LEXICONS if hasattr(m, name))


@cache
def _folded(name: str) -> frozenset[str]:
    values = _table(name)
    return frozenset(fold_key(v).lower() for v in values)


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern[str]:
    roles = sorted(_folded("MASTHEAD_ROLES"), key=len, reverse=True)
    role = "|".join(re.escape(r) for r in roles)
    return re.compile(rf"^(?:و?(?:{role})\s*(?:و|،|,|/|-)?\s*)+")


def stop_density(text: str) -> float:
    """Share of a line's words that are function words (high in prose, ~0 in menus)."""
    tokens = words(text)
    if not tokens:
        return 0.0
    return sum(is_stop(t) for t in tokens) / len(tokens)


@lru_cache(maxsize=65536)
def is_stop(token: str) -> bool:
    """A function word, also behind a conjunction («والتي», «فإن»)."""
    stops = _folded("STOP_WORDS")
    token = fold_key(token).lower()
    return token in stops or token[:1] in ("و", "ف") and token[1:] in stops


def digit_share(text: str) -> float:
    """Share of a line's words that are numbers."""
    tokens = text.split()
    return sum(bool(_NUMBER.match(fold_key(t).strip("():,،"))) for t in tokens) / max(
        len(tokens), 1
    )


def latin_share(text: str) -> float:
    """Latin letters among all letters."""
    arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
    return latin / (arabic + latin) if arabic + latin else 0.0


@lru_cache(maxsize=4096)
def is_sentence(text: str) -> bool:
    """Long enough, closed by sentence punctuation and built with function words."""
    n = len(text.split())
    return (
        n >= MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(text)) and stop_density(text) >= 0.08
    )


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def menu_separators(text: str) -> int:
    """How many «|»-like separators split the line into pieces."""
    return len(_MENU_SEP.findall(text)) + text.count("|") // 2


def section_share(text: str) -> float:
    """Share of a line's words that are section names (a menu is made of them)."""
    tokens = words(text)
    sections = _folded("SECTION_NAMES")
    return sum(t in sections for t in tokens) / len(tokens) if tokens else 0.0


def repeats_words(text: str) -> bool:
    """A content word three times in a short line: a list of a site's sub-brands."""
    stops = _folded("STOP_WORDS")
    counts = Counter(t for t in words(text) if t not in stops and len(t) > 2)
    short = len(text.split()) <= 30 and not _SENTENCE_END.search(text)
    return short and bool(counts) and max(counts.values()) >= 3


def is_menu(text: str) -> bool:
    """Section names in a row, pieces split by «|», or one brand repeated."""
    n = len(text.split())
    if menu_separators(text) >= 2 and stop_density(text) < 0.15:
        return True
    if n >= 2 and section_share(text) >= 0.6:
        return True
    return repeats_words(text) and n <= 20 and stop_density(text) < 0.05


def is_ticker(text: str) -> bool:
    """Figures beside currency, market or weather words, not a sentence."""
    tokens = words(text)
    if len(tokens) < 3 or _SENTENCE_END.search(text):
        return False
    ticker = _folded("TICKER_WORDS")
    figures = sum(bool(_NUMBER.match(t)) for t in tokens)
    named = sum(t in ticker for t in tokens)
    return figures >= 2 and named >= 1 and (figures + named) / len(tokens) >= 0.4


def masthead_role(text: str) -> str | None:
    """The name after a masthead role («رئيس التحرير: فلان»); '' for a role alone.

    None when the line is not a masthead line: it must open with role words and
    hold at most a short name after them (a sentence about an editor is text).
    """
    folded = fold_key(text).lower().strip()
    m = _role_re().match(folded)
    if not m:
        return None
    rest = folded[m.end() :].strip(" :：-–—")
    if not rest:
        return ""
    if len(rest.split()) <= 4 and not _SENTENCE_END.search(rest) and stop_density(rest) == 0:
        return rest
    return None


def is_issue_header(text: str) -> bool:
    """«العدد : 1234 - …» or «السنة 12 - العدد 345»: a paper's issue line."""
    folded = fold_key(text).lower()
    issue = "|".join(re.escape(w) for w in sorted(_folded("ISSUE_WORDS"), key=len, reverse=True))
    return bool(re.match(rf"^(?:{issue})\s*[:：]?\s*\(?\d+", folded)) and len(text.split()) <= 25


def starts_with_phrase(text: str, table: str, max_words: int) -> bool:
    """A short line that opens with one of the phrases of a lexicon table."""
    folded = " ".join(words(text))
    if not folded or len(folded.split()) > max_words:
        return False
    return any(folded == p or folded.startswith(p + " ") for p in _phrases(table))


@lru_cache(maxsize=16)
def _phrases(table: str) -> tuple[str, ...]:
    return tuple(" ".join(words(p)) for p in _table(table))


def contains_phrase(text: str, table: str) -> bool:
    folded = " " + " ".join(words(text)) + " "
    return any(f" {p} " in folded for p in _phrases(table))


def is_font_control(text: str) -> bool:
    """«+A -A», «A+ A-», «A A A»: font-size buttons."""
    return bool(re.match(lexicon_clean.FONT_CONTROL, text.strip(), re.I))


def is_buttons(text: str) -> bool:
    """One to three button words («موافق», «رفض», «قبول الكل»)."""
    tokens = words(text)
    buttons = _folded("BUTTON_WORDS")
    return 1 <= len(tokens) <= 3 and all(t in buttons for t in tokens)


def is_dateline(text: str) -> bool:
    """«مدينة - وكالة -», «مدينة (وكالة) -», «الرياض - كتبت فلانة -»: no sentence after it.

    A short line cut by dashes into pieces of at most three words each, or a
    place with an agency in brackets and a dash. A lead that opens with such a
    dateline and goes on with its sentence is longer and is not matched.
    """
    stripped = text.strip()
    n = len(stripped.split())
    if n > 8 or _SENTENCE_END.search(stripped) or stop_density(stripped) > 0.34:
        return False
    pieces = [p for p in _DASH.split(_PARENS.sub(" ", stripped)) if p.strip()]
    has_dash = bool(_DASH.search(stripped.replace("(", " ").replace(")", " "))) and (
        "-" in stripped or "–" in stripped or "—" in stripped
    )
    if not has_dash:  # «القاهرة (أ ش أ)»: a place and an agency in brackets
        return bool(_PARENS.search(stripped)) and n <= 6 and len(pieces) == 1
    if not pieces:
        return False
    if not all(len(p.split()) <= 4 for p in pieces):
        return False
    return len(pieces) >= 2 or bool(_PARENS.search(stripped)) or stripped[-1] in "-–—"


def byline_verb(text: str) -> bool:
    """A byline verb («كتب», «كتبت», «بقلم», «إعداد») among a short line's words."""
    verbs = _folded("BYLINE_VERBS")
    tokens = words(text)
    return len(tokens) <= 8 and any(t in verbs for t in tokens)


def is_social_row(text: str) -> bool:
    """Only social networks' names: the labels of share buttons."""
    tokens = words(text)
    networks = _folded("SOCIAL_NETWORKS")
    return 1 <= len(tokens) <= 8 and all(t in networks for t in tokens)


def is_credit(text: str) -> bool:
    """«الكاتب: فلان», «تصوير: فلان»: a credit label, a colon and a short name."""
    head, colon, rest = text.partition(":")
    return (
        bool(colon)
        and 1 <= len(rest.split()) <= 5
        and starts_with_phrase(head, "BYLINE_LABELS", 2)
        and stop_density(rest) == 0
    )


_CREDIT_TAIL = re.compile(r"(?:\(([^()]{1,30})\)|[-–—/|]\s*([^-–—/|()]{1,30}))\s*$")


def ends_with_photo_credit(text: str) -> bool:
    """«الوزير خلال المؤتمر (رويترز)», «… - أ ف ب»: a caption's credit at its end."""
    m = _CREDIT_TAIL.search(text.strip())
    if not m:
        return False
    credit = " ".join(words(m.group(1) or m.group(2)))
    return credit in _phrases("PHOTO_CREDITS")


def is_hashtags(text: str) -> bool:
    """«#الواحة #الحرفيين»: a line of hashtags."""
    tokens = text.split()
    return bool(tokens) and all(t.startswith("#") for t in tokens)


def is_byline_opener(text: str) -> bool:
    """«كتب سامر الحلبي», «بقلم سلمى العامري»: an opener and a bare name, nothing else."""
    tokens = words(text)
    if not 2 <= len(tokens) <= 5 or _SENTENCE_END.search(text):
        return False
    return tokens[0] in _phrases("BYLINE_OPENERS") and stop_density(" ".join(tokens[1:])) == 0
