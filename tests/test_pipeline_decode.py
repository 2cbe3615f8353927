"""Decoding finds the encoding a scraper saved an article in, or refuses clearly."""

from __future__ import annotations

import codecs

import pytest

from newsreader.pipeline.decode import decode
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
