"""Bytes in, text out: find the encoding a scraper saved the article in, or refuse.

Scraped Arabic arrives as UTF-8 (with or without BOM), UTF-16 or Windows-1256;
HTML pages may also say what they are in (a meta charset, an HTTP header).
The encoding found is returned so the caller can record it. Nothing is guessed
silently: a legacy encoding is only taken when charset_normalizer or the text's
own letters back it, UTF-8 with a few broken bytes is refused rather than read
as mojibake, and input that is empty, binary or not text raises InputError
with one line.
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
# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
MAX_CHAOS = 0.2  # charset_normalizer's mess ratio above which a reading is not text
MIN_ARABIC_SHARE = 0.8  # of the non-ASCII letters, for a Windows-1256 reading
MIN_EVIDENCE = 12  # non-ASCII bytes a legacy guess needs (a few stray bytes read as anything)


def decode(
    data: bytes, declared: str | None = None, *, forced: str | None = None, markup: bool = False
) -> tuple[str, str]:
    """Return (text, encoding name) for raw input bytes.

    `declared` is what the input says about itself (a page's meta charset or
    HTTP header); a BOM outranks it, and it is only used if the bytes decode.
    `forced` is what the person ingesting says (ingest --encoding): it wins,
    and bytes it cannot decode are refused. With `markup` (an HTML page) the
    text is not asked to have words: tags and scripts have few spaces, and
    whether the page holds an article is for the extractor to say.
    """
    if not data.strip():
        raise InputError("the input is empty")
    if forced:
        encoding = _codec_name(forced)
        if encoding is None:
            raise InputError(f"unknown encoding {forced!r}")
        return _checked(_decode(data, encoding), encoding, markup)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding), encoding, markup)
    if declared and (found := _declared(data, declared)) is not None:
        return _checked(*found, markup)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError("the input is binary, not text")
        return _checked(_decode(data, utf16), utf16, markup)
    try:
        return _checked(data.decode("utf-8"), "utf-8", markup)
    except UnicodeDecodeError as err:
        _refuse_damaged_utf8(data, err)
    return _checked(*_guess_legacy(data, markup), markup)


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares near its top, if it names a known codec."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    return _codec_name(match.group(1).decode("ascii", "replace"))


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _declared(data: bytes, label: str) -> tuple[str, str] | None:
    encoding = _codec_name(label)
    if encoding is None or encoding.startswith("utf-16"):
        return None  # an unknown label, or UTF-16 without a BOM: detect instead
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None  # the page's claim is wrong: detect, and record what was found


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"the input is not valid {encoding} text ({err.reason})") from None


def _refuse_damaged_utf8(data: bytes, err: UnicodeDecodeError) -> None:
    """Mostly UTF-8 with some broken bytes: any other reading would be mojibake."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if len(_ARABIC.findall(text)) > 10 * broken:
        raise InputError(
            f"the input is UTF-8 with {broken} invalid byte(s), the first at byte {err.start}"
        )


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


def _guess_legacy(data: bytes, markup: bool = False) -> tuple[str, str]:
    """Not UTF-8: Windows-1256 if its reading is Arabic, else charset_normalizer's sure answer.

    charset_normalizer is unsure on short inputs, so a Windows-1256 reading
    whose letters are Arabic is taken even when it lists nothing. A guess
    needs evidence: a few stray high bytes in ASCII text read as anything at
    all, so fewer than MIN_EVIDENCE of them is refused, naming what was tried.
    """
    text = data.decode("cp1256", errors="replace")
    if not markup and _no_words(text):
        raise InputError("the input does not read as text in any encoding (no words)")
    evidence = sum(byte >= 0x80 for byte in data)
    if evidence >= MIN_EVIDENCE and _reads_as_arabic(text):
        return text, "cp1256"
    results = from_bytes(data)
    best = results.best()
    if evidence >= MIN_EVIDENCE and best is not None and best.chaos <= MAX_CHAOS:
        return str(best), _codec_name(best.encoding) or best.encoding
    tried = ["utf-8", "utf-16", "cp1256"]
    tried += [m.encoding for m in results if m.encoding not in tried][:3]
    raise InputError(
        f"the encoding is unsure ({evidence} non-ASCII byte(s); tried {', '.join(tried)}): "
        "name it with --encoding"
    )


def _reads_as_arabic(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    arabic = sum(1 for ch in letters if _ARABIC.match(ch))
    return bool(letters) and arabic >= MIN_ARABIC_SHARE * len(letters)


def _no_words(text: str) -> bool:
    return len(text) > 80 and sum(ch.isspace() for ch in text) < len(text) / 40


def _checked(text: str, encoding: str, markup: bool = False) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters: that was a binary file."""
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError("the input is binary, not text")
    if not markup and _no_words(text):
        raise InputError(f"the input does not read as {encoding} text (no words)")
    if not text.strip():
        raise InputError("the input is empty")
    return text, encoding
