"""Bytes in, text out: find the encoding a scraper saved the article in, or refuse.

Scraped Arabic arrives as UTF-8 (with or without BOM), UTF-16 or Windows-1256.
The encoding found is returned so the caller can record it; input that is
empty, binary or not text in any of these raises InputError with one line.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsreader.pipeline.types import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_PUNCT = set(".,:;!?\"'()[]{}-–—«»،؛؟…/%")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for raw input bytes."""
    if not data.strip():
        raise InputError("the input is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding), encoding)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("the input is binary, not text")
        return _checked(_decode(data, encoding), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _checked(*_guess_legacy(data))


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"the input is not valid {encoding} text ({err.reason})") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose characters read as text, if any."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(ch.isalnum() or ch.isspace() or ch in _PUNCT for ch in text)
        if readable >= 0.9 * len(text):
            return encoding
    return None


def _guess_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: Windows-1256 is what Arabic sites use; let charset_normalizer confirm."""
    best = from_bytes(data).best()
    candidates = ["cp1256"]
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _ARABIC.search(text) or encoding != "cp1256":
            return text, encoding
    raise InputError("the input is not text in UTF-8, UTF-16 or Windows-1256")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters: that was a binary file."""
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError("the input is binary, not text")
    if len(text) > 80 and sum(ch.isspace() for ch in text) < len(text) / 40:
        raise InputError(f"the input does not read as {encoding} text (no words)")
    if not text.strip():
        raise InputError("the input is empty")
    return text, encoding
