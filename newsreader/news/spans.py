"""Where an edit falls in a paragraph's text: browser offsets, word characters, whole words.

Offsets here are Python code points; `from_utf16` converts a browser's
offsets and `snap_to_words` fixes a sloppy selection. `EditError` is the one
error an edit raises, its message shown to the editor (`editing` re-exports it).
"""

from __future__ import annotations

import unicodedata

from newsreader.pipeline.normalize import TATWEEL, fold, proclitic_splits


class EditError(ValueError):
    """Input an edit cannot take; the message is shown to the editor."""


def from_utf16(text: str, offset: int) -> int:
    """A code-point index for a UTF-16 offset (what JavaScript strings count).

    They agree for Arabic; they differ after astral characters (emoji).
    """
    units = 0
    for index, char in enumerate(text):
        if units == offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
        if units > offset:
            raise EditError("الموضع يقع داخل حرف واحد.")
    if units == offset:
        return len(text)
    raise EditError("الموضع خارج الفقرة.")


def is_word_char(char: str) -> bool:
    """Letters, digits, and the marks and tatweel that sit inside Arabic words."""
    return char.isalnum() or char == TATWEEL or unicodedata.category(char) in ("Mn", "Mc")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words, leaving out proclitics the user did not select.

    Spaces and punctuation swept in at either edge are dropped first. If the
    user started after a word's first letter and what lies before is a run
    of proclitics (و ف ب ل ك: «و|بيروت»), the span starts where the user
    started; otherwise it starts at the word's first letter.
    """
    check_offsets(text, start, end)
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    if start == end:
        raise EditError("التحديد لا يحوي كلمة.")
    chosen = start
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    if chosen > start:
        word_end = chosen
        while word_end < len(text) and is_word_char(text[word_end]):
            word_end += 1
        word, prefix = fold(text[start:word_end]), fold(text[start:chosen])
        if any(p == prefix and word[len(p) :] == rest for p, rest in proclitic_splits(word)[1:]):
            start = chosen
    return start, end


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of word characters."""
    spans, start = [], None
    for i, char in enumerate(text):
        if is_word_char(char):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def check_offsets(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise EditError("موضع التحديد غير صالح.")
