"""HTML in, article lines out: trafilatura finds the story, we keep its structure.

Scraped pages carry menus, share bars, related-article boxes and comment
widgets around the story. trafilatura's boilerplate removal takes most of
that away; what it keeps is turned into one line per paragraph, heading,
quote or list item, so the same line-based Arabic cleaning (clean.py) runs
on HTML as on text files, and a dropped line's position means the same thing.
Metadata (title, publication date via htmldate, site name, canonical URL)
comes from the page. Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from newsreader.pipeline.clean_lines import near_key
from newsreader.pipeline.decode import decode, meta_charset
from newsreader.pipeline.types import InputError

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_NAME = re.compile(r"\.x?html?$", re.I)
_SPACE = re.compile(r"\s+")
_SKIPPED = {"table", "graphic", "ref", "fw", "note"}  # tables, images, stray references
_FRAGMENT_END = re.compile(rb"</(?:p|div|body|article|h[1-6])\s*>", re.I)
MAX_COPIES = 3  # copies of one line the cleaner sees; later ones are a repeated page, not news
TITLE_LOOKAHEAD = 3  # the page's own headline is among its first lines, if anywhere
NO_TEXT = "no article text found in the HTML page"
MIN_STORY_WORDS = 8  # a page whose longest text line is shorter holds links, not a story


@dataclass(frozen=True, slots=True)
class Page:
    """What a page holds for ingest: its article lines and metadata."""

    lines: list[str]  # paragraphs, headings, quotes and list items in reading order
    title: str = ""
    published: date | None = None
    sitename: str = ""
    url: str = ""
    tags: list[str] = field(default_factory=list)
    headings: frozenset[str] = frozenset()  # lines the page marks up as headings

    @property
    def text(self) -> str:
        """The lines as clean() reads them, one per line."""
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class CleanerInput:
    text: str  # what clean() reads; DroppedLine positions are its line numbers
    encoding: str
    page: Page | None = None  # for HTML: the page's metadata

    @property
    def headings(self) -> frozenset[str] | None:
        """For HTML, the markup says which lines are headings; for text, None (guess)."""
        return self.page.headings if self.page is not None else None

    @property
    def hints(self) -> tuple[str, ...]:
        """What the page's metadata names as its headline (<title>, og:title, <h1>)."""
        return (self.page.title,) if self.page is not None and self.page.title else ()


def cleaner_text(
    data: bytes,
    declared: str | None = None,
    *,
    name: str = "",
    url: str | None = None,
    forced: str | None = None,
) -> CleanerInput:
    """Decode `data` and, for HTML, extract the article: the text clean() reads.

    Ingest and anything that re-runs the cleaner on an article's stored raw
    bytes (pass its recorded encoding as `declared`) must both come through
    here, so that dropped-line positions mean the same lines.

    `declared` is an encoding the transport named (an HTTP header) or the one
    recorded at ingest; for HTML without one, the page's meta charset is used.
    `forced` is the encoding the person ingesting named; it outranks both.
    """
    if not looks_like_html(data, name):
        text, encoding = decode(data, declared, forced=forced)
        return CleanerInput(collapse_repeats(text), encoding)
    text, encoding = decode(data, declared or meta_charset(data), forced=forced, markup=True)
    page = extract(text, url=url)
    return CleanerInput(collapse_repeats(page.text), encoding, page)


def collapse_repeats(text: str) -> str:
    """The text without a line's copies past MAX_COPIES (nor the blank lines around them).

    An article repeats its title or lead once or twice; a page that repeats
    a line thousands of times (an article pasted over and over) would make
    the cleaner, the dropped-line store and the admin page do that work
    thousands of times. Text that needs no collapsing comes back unchanged.
    """
    lines = text.split("\n")
    seen: dict[str, int] = {}
    kept: list[str] = []
    removed = False  # since the last kept line: blank lines a removal made adjacent go too
    for line in lines:
        key = line.strip()
        if key:
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > MAX_COPIES:
                removed = True
                continue
        elif removed and kept and not kept[-1].strip():
            continue
        removed = False
        kept.append(line)
    return text if len(kept) == len(lines) else "\n".join(kept)


def looks_like_html(data: bytes, name: str = "") -> bool:
    """HTML by its name (.html/.htm) or by how it starts (a doctype or <html>)."""
    if _HTML_NAME.search(name):
        return True
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = data[2:2048].replace(b"\x00", b"")
    if _HTML_START.match(head):
        return True
    # a saved fragment (no doctype): starts with a tag and closes block elements
    return head.lstrip()[:1] == b"<" and bool(_FRAGMENT_END.search(data[:65536]))


def extract(html: str, url: str | None = None) -> Page:
    """The article in an HTML page, or InputError when the page holds none."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            output_format="python",
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, etree.LxmlError) as err:
        raise InputError(f"the HTML could not be parsed ({type(err).__name__})") from None
    except RecursionError:  # markup nested thousands of levels deep
        raise InputError(f"{NO_TEXT} (its markup is nested too deep)") from None
    page = doc if isinstance(doc, Document) else None  # "python" output: a Document or None
    body = getattr(page, "body", None) if page is not None else None
    blocks = list(_body_lines(body)) if body is not None else []
    lines = [line for line, _ in blocks]
    if page is None or not any(len(line.split()) >= MIN_STORY_WORDS for line in lines):
        raise InputError(f"{NO_TEXT} (only links, scripts or short labels)")
    title = _one_line(page.title or "")
    if title and not _leads_with(lines, title):
        lines.insert(0, title)
    return Page(
        lines=lines,
        title=title,
        published=_iso(page.date),
        sitename=_one_line(page.sitename or ""),
        url=page.url or url or "",
        tags=list(page.tags or []),
        headings=frozenset(line for line, heading in blocks if heading),
    )


def _body_lines(body: etree._Element):
    """(line, is a heading) per block; list items and <br>-separated pieces get their own."""
    for block in body:
        if block.tag in _SKIPPED:
            continue
        items = block.findall("item") if block.tag == "list" else [block]
        for item in items:
            for line in _split_at_breaks(item):
                yield line, block.tag == "head"


def _split_at_breaks(element: etree._Element):
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append("")
        elif child.tag not in _SKIPPED:
            pieces[-1] += "".join(child.itertext())
        pieces[-1] += child.tail or ""
    for piece in pieces:
        if line := _one_line(piece):
            yield line


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _leads_with(lines: list[str], title: str) -> bool:
    """The headline is already there (maybe with the site's name after it on the <title>)."""
    key = near_key(title)
    for line in lines[:TITLE_LOOKAHEAD]:
        line_key = near_key(line)
        if line_key and (line_key == key or key.startswith(line_key)):
            return True
    return False


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
