"""Arabic normalisation and tokenisation with character offsets.

Matching Arabic needs spelling variants folded (diacritics, tatweel, alef
forms, alef maqsura, teh marbuta, hamza seats, Eastern digits) while the
reader still needs offsets into the original text, so `fold_with_offsets`
keeps a map back. The character sets come from camel-tools; note that its
`dediac_ar` keeps tatweel, so tatweel is removed here as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charsets import AR_DIAC_CHARSET

from newsreader.pipeline.types import Token

TATWEEL = "\u0640"
_DROP = frozenset(AR_DIAC_CHARSET) | {TATWEEL, "\u0670", "\u200c", "\u200d", "\u200e", "\u200f"}
# The one digit map: Arabic-Indic (٠-٩) and Extended/Persian (۰-۹) digits to ASCII.
DIGITS: dict[str, str] = {
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ی": "ي",
    **DIGITS,
}
_DIGIT_TABLE = {ord(k): v for k, v in DIGITS.items()}
_TABLE = {ord(c): None for c in _DROP} | {ord(k): v for k, v in _MAP.items()}

PROCLITICS = "وفبلك"
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def ascii_digits(text: str) -> str:
    """The text with Eastern digits as ASCII ones (and nothing else folded)."""
    return text.translate(_DIGIT_TABLE)


def fold(text: str) -> str:
    """Fold the spelling variants that do not change an Arabic word."""
    if len(text) <= 40:  # a word or a name: the pipeline folds the same ones again and again
        return _fold_word(text)
    return text.translate(_TABLE)


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    return text.translate(_TABLE)


@lru_cache(maxsize=8192)
def fold_key(text: str) -> str:
    """A matching key: folded, with white space collapsed (kept for the lines in hand:
    the cleaner's checks ask for the same line's key again and again)."""
    return " ".join(fold(text).split())


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded slice [start:end]."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def fold_with_offsets(text: str) -> Folded:
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        chars.append(_MAP.get(ch, ch))
        offsets.append(i)
    offsets.append(len(text))
    return Folded("".join(chars), tuple(offsets))


def tokenize(text: str) -> list[Token]:
    """Words and punctuation marks with their offsets (camel-tools' simple word tokenizer)."""
    return list(_tokens(text))


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[Token, ...]:
    """`tokenize`, kept for the paragraphs in hand: each stage (names, agenda, dates,
    search text) reads the same paragraph again."""
    tokens: list[Token] = []
    cursor = 0
    for piece in simple_word_tokenize(text):
        start = text.find(piece, cursor)
        if start < 0:  # the tokenizer never rewrites text, but stay safe
            continue
        end = start + len(piece)
        tokens.append(Token(piece, start, end))
        cursor = end
    return tuple(tokens)


def is_arabic_word(word: str) -> bool:
    return bool(ARABIC_LETTER.match(word))


@lru_cache(maxsize=65536)
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Ways to read `word` as proclitics + stem, from no split to the longest.

    «ولروسيا» gives ("", "ولروسيا"), ("و", "لروسيا"), ("ول", "روسيا"). «للمجلس»
    also gives ("ل", "المجلس"): ل fused with the article restores «ال». Which
    reading is right is for the caller's lexicon to decide: «بوتين» starts with ب.
    """
    splits = [("", word)]
    prefix = ""
    rest = word
    while len(rest) > 2 and rest[0] in PROCLITICS and len(prefix) < 3:
        head = rest[0]
        if head in "وف" and prefix:  # و/ف only stand first
            break
        if head in "بلك" and any(p in "بلك" for p in prefix):
            break
        prefix += head
        rest = rest[1:]
        if head == "ل" and rest.startswith("ل") and len(rest) > 3:
            splits.append((prefix, "ا" + rest))  # لل + noun -> ل + ال + noun
        splits.append((prefix, rest))
    return tuple(splits)


def strip_article(word: str) -> str:
    """The word without its definite article «ال», if it has one and more."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def stem(folded: str) -> str:
    """The folded word without proclitics and article («وبالمدينة» → «مدينه»)."""
    return strip_article(proclitic_splits(folded)[-1][1])


def search_text(text: str) -> str:
    """Shadow text for full-text search: folded, each word also without its proclitics."""
    out: list[str] = []
    for token in tokenize(fold(text)):
        if not token.text[0].isalnum():
            continue
        out.append(token.text)
        stem = proclitic_splits(token.text)[-1][1]
        if stem != token.text:
            out.append(stem)
        bare = strip_article(stem)
        if bare != stem:
            out.append(bare)
    return " ".join(out)
