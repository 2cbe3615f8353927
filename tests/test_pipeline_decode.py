"""Decoding finds the encoding a scraper saved an article in, or refuses clearly."""

from __future__ import annotations

import codecs

import pytest

from newsreader.pipeline.decode import decode, meta_charset
from newsreader.pipeline.types import InputError

TEXT = "افتتح الوزير معرض الكتاب في الرياض يوم الأحد."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1256"), "cp1256"),
    ],
)
def test_decode_finds_the_encoding(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text.lstrip("\ufeff") == TEXT
    assert found == encoding


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ],
)
def test_decode_refuses_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_decode_refuses_bytes_that_make_no_words() -> None:
    noise = bytes((n * 7919) % 128 + 128 for n in range(600))  # high bytes, no spaces
    with pytest.raises(InputError, match="does not read as"):
        decode(noise)


def test_declared_charset_is_used_and_recorded() -> None:
    text, found = decode(TEXT.encode("cp1256"), declared="windows-1256")
    assert (text, found) == (TEXT, "cp1256")


def test_a_bom_outranks_a_declared_charset() -> None:
    _, found = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), declared="windows-1256")
    assert found == "utf-8-sig"


def test_a_wrong_declared_charset_gives_way_to_detection() -> None:
    """A page saying utf-8 while saved as Windows-1256: what was found is recorded."""
    text, found = decode(TEXT.encode("cp1256"), declared="utf-8")
    assert (text, found) == (TEXT, "cp1256")


def test_an_unknown_declared_charset_is_ignored() -> None:
    assert decode(TEXT.encode("utf-8"), declared="x-no-such-charset") == (TEXT, "utf-8")


def test_utf8_with_a_few_broken_bytes_is_refused_not_read_as_mojibake() -> None:
    data = (TEXT * 3).encode("utf-8")
    damaged = data.replace(b" ", b" \xff", 1)
    with pytest.raises(InputError, match="UTF-8 with 1 invalid byte"):
        decode(damaged)


def test_other_legacy_encodings_come_from_charset_normalizer_and_are_named() -> None:
    french = "Le ministre a inauguré la foire du livre à Paris, dimanche; très bien été.\n" * 3
    text, found = decode(french.encode("cp1252"))
    assert text == french
    assert found in {"cp1252", "cp1250", "cp1257", "iso8859_10", "latin_1", "iso8859_15"}


@pytest.mark.parametrize(
    ("html", "charset"),
    [
        (b'<meta charset="windows-1256">', "cp1256"),
        (b"<meta charset=UTF-8>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256" />', "cp1256"),
        (b'<meta charset="x-unknown">', None),
        (b"<p>no charset here</p>", None),
    ],
)
def test_meta_charset(html: bytes, charset: str | None) -> None:
    assert meta_charset(b"<html><head>" + html + b"</head></html>") == charset


def test_a_few_stray_bytes_in_ascii_are_refused_naming_what_was_tried() -> None:
    data = b"Meeting at 10 \xe3\xed\xd1 ok"  # 21 bytes, three stray high bytes
    with pytest.raises(InputError) as refused:
        decode(data)
    message = str(refused.value)
    assert "encoding is unsure" in message and "--encoding" in message
    assert "utf-8, utf-16, cp1256" in message and "\n" not in message


def test_a_named_encoding_wins_and_bytes_it_cannot_read_are_refused() -> None:
    data = b"Meeting at 10 \xe3\xed\xd1 ok"
    assert decode(data, forced="windows-1256") == ("Meeting at 10 مير ok", "cp1256")
    assert decode(TEXT.encode("utf-8"), declared="cp1256", forced="utf-8")[1] == "utf-8"
    with pytest.raises(InputError, match="not valid utf-8"):
        decode(TEXT.encode("cp1256"), forced="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode(data, forced="klingon-8")
