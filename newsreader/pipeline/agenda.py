"""Agenda: the topics an upcoming or ongoing meeting will take up.

News articles announce an agenda with a small family of cues: future verbs
(«سيناقش», «سيبحث», «سينظر في»), passive futures («سيتم النظر في»), present
verbs for a meeting under way («يبحث مجلس الوزراء في», «وتركز المحادثات على»),
purpose phrases after a meeting («اجتماع … لبحث», «يأتي بهدف»), a meeting about
its topic («اجتماع بشأن»), «على جدول أعمالها», «على طاولة», «يتصدر», list
openers («ومن بينها», «أبرزها», «ومن أبرز القضايا») and «من المقرر». Each family
is one small cue finder (`_FINDERS`, tried in order at every word). What follows
the cue, once the cue verb, the meeting's own name (the subject), its partner
(«مع نظيره») and setting («خلال اجتماعه اليوم») are cut off, is an enumeration of
topics, one item per topic:
- after «،», «؛», a joiner («إضافة إلى», «فضلاً عن», «خاصة») or an inline number a
  topic starts unless what follows continues the one before (an adjective, a
  clause, a preposition, a time);
- at «و» a topic starts before a verbal noun («وإقرار»), an indefinite construct
  («وقانون الإيجارات») or a definite noun with a complement of its own («والموازنة
  العامة للدولة»); a bare definite noun with adjectives only stays with the
  genitive or prepositional object before it («في المخيمات والمدن الحدودية»), as
  do coordinated adjectives («السياسية والاقتصادية»);
- names listed after a partner preposition are one topic each («مع مالي والنيجر
  وتشاد»), after a locative «في» they place one topic («في حلب وإدلب والرقة»).
A header that only names or counts the topics («لبحث 3 ملفات مهمة، أبرزها»,
«بنوداً تتعلق بـ», «ما يلي») is not an item; under a sentence that announces the
list («فيما يلي أبرز الملفات التي ستناقشها القمة») sub-headings are items.

Past forms («بحث مجلس الوزراء», «تم اعتماد», «في ختام الاجتماع») report a past
meeting's decisions and are not agenda: a sentence marked as past only yields
items through an explicit future cue. Everything is decided from Arabic
morphology and cue words on folded text (the word lists live in
`lexicon_agenda`), never from the wording of given articles.

The stages, lowest first: `agenda_words` (tokens, word tests), `agenda_phrases`
(subject, partner, setting, the shared scan), `agenda_heads` (item edges and
headers), `agenda_split` (where one topic ends), `agenda_cues` (the cue finders),
`agenda_items` (item text, list lines); this module reads the paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.agenda_cues import _find_cues
from newsreader.pipeline.agenda_items import (
    _count,
    _cue_items,
    _items,
    _list_line,
    _meeting,
    _opens_list,
)
from newsreader.pipeline.agenda_phrases import _past_before
from newsreader.pipeline.agenda_split import _words
from newsreader.pipeline.agenda_words import (
    _AGENDA_VERB,
    _is_meeting,
    _sentences,
    _Tok,
    _tokens,
    _topic_start,
)
from newsreader.pipeline.normalize import fold
from newsreader.pipeline.types import Agenda, AgendaEntry, Kind, Paragraph, Span


@dataclass(slots=True)
class _Reader:
    """Reads an article's paragraphs in order, keeping what one leaves for the next."""

    agenda: Agenda = field(default_factory=Agenda)
    seen: set[str] = field(default_factory=set)
    first_item_par: int | None = None
    heading_context: bool = False  # under a heading that names the agenda
    context: bool = False  # the previous sentence had a cue
    listing: bool = False  # under an agenda heading or lead-in: list lines are items
    loose: bool = False  # after a «:»: short unnumbered lines are items too
    subheads: bool = False  # after «أبرز الملفات التي ستناقشها القمة»: headings are items

    def add(self, item: str, par: int) -> None:
        """Keep an item once, at its first paragraph."""
        k = " ".join(fold(item).split())
        if k not in self.seen:
            self.seen.add(k)
            self.agenda.items.append(AgendaEntry(item, par))
            if self.first_item_par is None:
                self.first_item_par = par

    def paragraph(self, p: Paragraph, toks: list[_Tok]) -> None:
        # a short numbered line is a heading by the cleaning conventions: in a list
        # it is an item
        if p.kind == Kind.HEADING and not (self.listing and _list_line(toks) is not None):
            if self.subheads and _subhead(p, toks):
                for item in _items(p.text, toks, _list_line(toks) or 0, len(toks)):
                    self.add(item, p.index)
                return
            self.heading(p, toks)
            return
        if self.listing and self.list_line(p, toks):
            return
        any_cue = False
        for sent in _sentences(toks):
            cues = _find_cues(sent, self.context or self.heading_context)
            self.context = bool(cues)
            any_cue = any_cue or self.context
            for item in _cue_items(p.text, sent, cues):
                self.add(item, p.index)
            if cues and self.agenda.count is None:
                self.agenda.count = _count(sent)
        if _opens_list(p, toks, any_cue):
            self.listing = self.loose = True
        if _announces(toks, any_cue):
            self.subheads = True

    def heading(self, p: Paragraph, toks: list[_Tok]) -> None:
        """A heading naming the agenda («جدول أعمال الجلسة», «ملفات القمة») opens a list;
        another ends it."""
        f = fold(p.text)
        self.heading_context = "جدول" in f or "اجنده" in f or _names_topics(toks)
        self.subheads = False
        self.context = self.listing = self.heading_context
        self.loose = self.heading_context and p.text.rstrip().endswith(":")

    def list_line(self, p: Paragraph, toks: list[_Tok]) -> bool:
        """Take a numbered, bulleted (or, after a «:», short) line of an agenda list;
        False ends the list at an ordinary paragraph."""
        start = _list_line(toks)
        short = self.loose and _loose_item(p, toks)
        if start is not None:
            self.loose = False  # a numbered list ends at its first unnumbered line
        if start is not None or short:
            for item in _items(p.text, toks, start or 0, len(toks)):
                self.add(item, p.index)
            return True
        self.listing = self.loose = False
        return False


def _names_topics(toks: list[_Tok]) -> bool:
    """A heading such as «ملفات القمة», «أبرز قضايا الاجتماع»: a generic noun of the
    topics of a meeting."""
    words = [t.bare for t in toks if not t.punct]
    generic = any(w in lex.GENERIC or w[2:] in lex.GENERIC and w.startswith("ال") for w in words)
    return generic and any(_is_meeting(w) for w in words) and len(words) <= 6


def _announces(toks: list[_Tok], cues: bool) -> bool:
    """A sentence announcing the topics that follow as sub-headings: «وفيما يلي أبرز
    الملفات التي ستناقشها القمة», «ملفات القمة كالتالي» (with an agenda cue)."""
    words = [t.bare for t in toks if not t.punct]
    pointer = any(w in lex.POINTERS or w in lex.AS_FOLLOWS for w in words)
    foremost = any(
        a in lex.FOREMOST and (b in lex.GENERIC or b[2:] in lex.GENERIC)
        for a, b in zip(words, words[1:], strict=False)
    )
    return cues and (pointer or foremost) and not _past_before(toks, len(toks))


def _subhead(p: Paragraph, toks: list[_Tok]) -> bool:
    """A sub-heading naming one topic: short, no question, no verb of its own."""
    words = [t for t in toks if not t.punct]
    return (
        0 < len(words) <= 10
        and not p.text.rstrip().endswith(("؟", "?"))
        and not any(_AGENDA_VERB.match(t.bare) for t in words)
    )


def _loose_item(p: Paragraph, toks: list[_Tok]) -> bool:
    """An unnumbered line of a list after a «:»: no cue of its own, and either short
    with no full stop, or opening with a topic («بند حول …», «تقرير الأمين العام …»)
    rather than a verb."""
    words = _words(toks)
    if words == 0 or _find_cues(toks, True) or p.text.rstrip().endswith(":"):
        return False
    if words <= 12 and not p.text.rstrip().endswith((".", "؟", "!")):
        return True
    first = next(t for t in toks if not t.punct)
    return words <= 30 and (_topic_start(first) or first.bare in lex.GENERIC)


def _meeting_of(paragraphs: list[Paragraph], toks: dict[int, list[_Tok]], first: int | None) -> str:
    """The meeting named in the title or the paragraph of the first item."""
    where = [p for p in paragraphs if p.index in (0, first)]
    for suffixed in (False, True):
        for p in where:
            meeting = _meeting(toks[p.index], p.text, suffixed)
            if meeting:
                return meeting
    return ""


def find_agenda(paragraphs: list[Paragraph], spans: list[Span] | None = None) -> Agenda:
    """The agenda items of the article, in order, with the meeting and a stated count."""
    by_par: dict[int, list[Span]] = {}
    for s in spans or []:
        by_par.setdefault(s.paragraph, []).append(s)
    toks = {p.index: _tokens(p.text, by_par.get(p.index, [])) for p in paragraphs}
    reader = _Reader()
    for p in paragraphs:
        reader.paragraph(p, toks[p.index])
    agenda = reader.agenda
    if agenda.items or agenda.count:
        agenda.meeting = _meeting_of(paragraphs, toks, reader.first_item_par)
    return agenda
