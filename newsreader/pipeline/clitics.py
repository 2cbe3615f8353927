"""Proclitic letters that were part of the word: the last check every name passes.

Name finders read «و ف ب ل ك» at a word's start as proclitics («وبيروت» → «بيروت»),
but the same letters open ordinary words: «وزاريا» is no «و» + «زاريا» (a town),
«بركة» no «ب» + «ركة», «لبنان» no «ل» + «بنان». Whichever finder made the cut, the
language's own word frequencies tell the two apart: a real clitic makes the word
rarer than its stem («وبيروت» is rarer than «بيروت»), a letter of the word does not
(«وزاريا» is more common than «زاريا»). When the letter belongs to the word, the name
is the whole word if that is a known name («لبنان»), else there is no name there.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from newsreader.pipeline.gazetteer import load_gazetteer
from newsreader.pipeline.normalize import ARABIC_LETTER, PROCLITICS, fold_key
from newsreader.pipeline.types import NameMatch

# diacritics and tatweel: inside a word, but no letter of it
_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0640", "\u0670"}


@lru_cache(maxsize=65536)
def word_frequency(word: str) -> float:
    """Zipf frequency of an Arabic word form (0 when unknown), diacritics removed."""
    bare = "".join(c for c in word if c not in _MARKS)
    return zipf_frequency(bare, "ar") if bare else 0.0


def _in_word(ch: str) -> bool:
    return bool(ARABIC_LETTER.match(ch)) or ch in _MARKS


def _word_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end of the word holding character `at`."""
    begin = at
    while begin > 0 and _in_word(text[begin - 1]):
        begin -= 1
    end = at
    while end < len(text) and _in_word(text[end]):
        end += 1
    return begin, end


def letters_kept(text: str, start: int) -> int:
    """Where a name cut at `start` inside its word really starts: back over each
    proclitic letter the word is at least as common with as without."""
    begin, end = _word_bounds(text, start)
    cut = text[begin:start]
    if not cut or any(c not in PROCLITICS for c in cut if c not in _MARKS):
        return start  # not a clitic cut
    while start > begin:
        letter = start - 1
        while letter > begin and text[letter] in _MARKS:
            letter -= 1
        whole, rest = word_frequency(text[letter:end]), word_frequency(text[start:end])
        if whole == 0 or whole < rest:
            break  # a real clitic (or no evidence either way)
        start = letter
    return start


def _known_name(key: str) -> bool:
    gaz = load_gazetteer()
    return gaz.is_location(key) or gaz.is_organization(key) or gaz.is_person(key)


def keep_word_letters(text: str, name: NameMatch) -> NameMatch | None:
    """`name` with a proclitic letter that belongs to its word given back: the whole
    word when that is a known name, else None (the stem was no name)."""
    if name.start == 0 or not _in_word(text[name.start - 1]):
        return name
    start = letters_kept(text, name.start)
    if start == name.start:
        return name
    whole = text[start : name.end]
    first = fold_key(text[start : _word_bounds(text, start)[1]])
    if not (_known_name(first) or _known_name(fold_key(whole))):
        return None
    return NameMatch(start, name.end, whole, name.label)


__all__ = ["keep_word_letters", "letters_kept", "word_frequency"]
