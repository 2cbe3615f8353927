"""Typed results passed between pipeline stages and handed to the Django side."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    """What a kept paragraph is in the article's structure."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    QUOTE = "quote"


class Label(StrEnum):
    PERSON = "PERSON"
    LOCATION = "LOCATION"
    ORGANIZATION = "ORGANIZATION"
    DATE = "DATE"


class InputError(ValueError):
    """Input that cannot become an article; the message is one line for the user."""


class ResourceError(InputError):
    """A committed resource file (gazetteer, word classes, letter models) is corrupt.

    An InputError, so every place that reports an input's one-line reason reports
    this too, instead of tagging on silently without the file.
    """


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its character offsets in the source text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    kind: Kind
    text: str


class DropReason(StrEnum):
    """Why the cleaner left a line out: the one list of codes (the admin translates them)."""

    DUPLICATE = "duplicate"  # repeats a kept line (a repeated title or lead)
    TEASER = "teaser"  # cut off with dots; a kept paragraph carries its text
    GLUED = "glued"  # several kept paragraphs fused without line breaks
    RELATED_ARTICLE = "related-article"  # another story's caption, headline or stamp
    TIMESTAMP = "timestamp"  # only a date and/or a time
    BYLINE = "byline"  # an author's name, with or without «كتب»/«بقلم»
    DATELINE = "dateline"  # «مدينة - وكالة -», «الرياض - كتبت فلانة -»
    SHARE = "share"  # share/follow/subscribe prompts, app promos
    NAVIGATION = "navigation"  # menus, breadcrumbs, section labels, tags, «اقرأ أيضا»
    SOURCE = "source"  # «المصدر: …»
    ADVERTISEMENT = "advertisement"
    CAPTION = "caption"  # an image caption
    MASTHEAD = "masthead"  # «رئيس التحرير: …», «الإشراف العام» and the names under them
    TICKER = "ticker"  # currency/price/weather figures
    ISSUE_HEADER = "issue-header"  # «العدد : … الموافق …»
    COMMENT = "comment"  # comment forms and counts
    COOKIE = "cookie"  # cookie banners and their buttons
    INTERFACE = "interface"  # page controls: «زر الذهاب إلى الأعلى», «+A -A», print
    FOOTER = "footer"  # copyright, «اتصل بنا», terms of use
    FURNITURE = "furniture"  # recurs on the source's other pages
    OTHER = "other"  # a line without Arabic, or furniture of no known kind


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A raw line the cleaner left out, and why, so a curator can restore it."""

    position: int  # 0-based line number in the decoded input
    text: str
    reason: str  # a DropReason value


@dataclass(slots=True)
class CleanedArticle:
    """Title and ordered paragraphs; paragraphs[0] is the title (kind TITLE)."""

    paragraphs: list[Paragraph]
    dropped: list[DroppedLine] = field(default_factory=list)
    published: date | None = None  # found in the text itself (dateline, "date" line)
    # False when no line was clearly the headline (the cleaner took its best guess);
    # the admin lists such articles under «العنوان غير مؤكد».
    title_certain: bool = True

    @property
    def title(self) -> str:
        return self.paragraphs[0].text if self.paragraphs else ""


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A calendar expression in one text; value is ISO (2026-02-08, 2026-02, 1999, 2024/2026).

    None when the expression needs a publication date nobody gave («اليوم», «الأحد»).
    """

    start: int
    end: int
    text: str
    value: str | None


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A PERSON, LOCATION or ORGANIZATION name in one text, clitics outside the span."""

    start: int
    end: int
    text: str
    label: Label


@dataclass(slots=True)
class Span:
    """An entity mention in a paragraph, ready to store."""

    paragraph: int
    start: int
    end: int
    text: str
    label: Label
    canonical: str = ""
    value: str | None = None  # DATE only


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    text: str
    paragraph: int


@dataclass(slots=True)
class Agenda:
    """What a meeting takes up: its items in article order, and what heads the list."""

    items: list[AgendaEntry] = field(default_factory=list)
    meeting: str = ""  # the meeting's name/place/date as the article gives them
    count: int | None = None  # a stated number of items («سبع قضايا»)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    value: str  # the DATE's ISO value
    text: str  # the clause saying what happened or will happen
    paragraph: int


@dataclass(slots=True)
class Analysis:
    """Everything the pipeline found in an article's paragraphs."""

    spans: list[Span] = field(default_factory=list)
    agenda: Agenda = field(default_factory=Agenda)
    timeline: list[TimelineEntry] = field(default_factory=list)
