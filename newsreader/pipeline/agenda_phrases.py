"""Agenda phrases: skipping a noun phrase, the meeting's subject, its partner and setting;
the past/ongoing tests and the `_Scan` state that cue finders share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.agenda_words import (
    _PARTICIPANTS,
    _bare,
    _indefinite_adjective,
    _is_definite,
    _is_head,
    _is_meeting,
    _is_nisba,
    _Tok,
    _topic_start,
)


def _skip_np(toks: list[_Tok], i: int, end: int) -> int:
    """End of the noun phrase headed at i: genitives, adjectives, «ل»-genitives, names."""
    head = toks[i].bare
    j = i + 1
    suffixed = head not in _PARTICIPANTS and _is_meeting(head)  # «جلسته»
    if not _is_definite(head) and not suffixed:
        # construct state: «مجلس الوزراء», «زعيما روسيا وبيلاروس»
        definite = False
        while j < end and not toks[j].punct and toks[j].bare not in lex.PREPOSITIONS:
            w = toks[j]
            if w.f != w.bare or w.bare in lex.TIME_WORDS or w.f.startswith("ل"):
                break  # «و» starts a coordinated genitive, below; «ل» phrases too
            j += 1
            if _is_definite(w.bare) or w.name:
                definite = _is_definite(w.bare)
                break
            if j - i > 4:
                break
        # coordinated indefinite genitives, i.e. names: «زعيما روسيا وبيلاروس»
        while (
            not definite
            and j < end
            and toks[j].f.startswith("و")
            and toks[j].bare not in lex.DEMONSTRATIVES
            and toks[j].f not in lex.STOP_WORDS
            and (toks[j].name or not _topic_start(toks[j]))
        ):
            j += 1
    while j < end:
        w = toks[j]
        if (
            w.name
            and not w.f.startswith("و")
            or _is_nisba(w.f)
            or w.f in lex.ADJECTIVES
            or j > i + 1
            and not _is_definite(toks[i].bare)
            and _indefinite_adjective(w.f)
        ):
            j += 1
        elif w.f.startswith("ل") and not w.f.startswith("لما") and j + 1 < end:
            rest = w.f[1:]
            if w.f.startswith("لل") or w.name or (rest and rest in _PARTICIPANTS):
                j += 1
                # the genitive of «لدولة»: one more word
                if not _is_definite(w.f) and j < end and _is_definite(toks[j].f):
                    j += 1
            else:
                break
        elif w.date or re.fullmatch(r"(ال)?(ـ)?\d+", w.f.replace("ـ", "")):
            j += 1
        elif _numbered_at(toks, j, end) > j:
            j = _numbered_at(toks, j, end)
        else:
            break
    return j


def _numbered_at(toks: list[_Tok], j: int, end: int) -> int:
    """End of «رقم 12», «رقم (165)» after a meeting noun at j (j when none)."""
    if toks[j].f != "رقم":
        return j
    k = j + 1
    while k < end and (toks[k].text in ("(", ")") or toks[k].f.isdigit()):
        k += 1
    return k if any(t.f.isdigit() for t in toks[j + 1 : k]) else j


def _skip_subject(toks: list[_Tok], i: int, end: int) -> int:
    """Skip the subject after a cue verb: the meeting, its members, names, particles."""
    taken = False
    while i < end:
        t = toks[i]
        if t.bare in lex.PARTICLES or t.bare in lex.TIME_WORDS or t.date:
            i += 1
        elif t.bare in lex.PERIOD_NOUNS and i + 1 < end and toks[i + 1].bare in lex.TIME_WORDS:
            i += 2  # «الأسبوع المقبل»
        elif t.name and (not taken or t.f.startswith("و")):
            i += 1
            while i < end and toks[i].name and not toks[i].f.startswith("و"):
                i += 1
            taken = True
        elif not taken and _is_head(t.bare):
            i = _skip_np(toks, i, end)
            taken = True
        elif t.bare in lex.SETTING_PREPS and i + 1 < end and _is_meeting(_bare(toks[i + 1].f)):
            i = _skip_np(toks, i + 1, end)
            # «خلال اجتماعهم في فيينا»: the meeting's place
            if i + 1 < end and toks[i].bare in ("في", "ب") and toks[i + 1].name:
                i += 2
                while i < end and toks[i].name and not toks[i].f.startswith("و"):
                    i += 1
        elif (
            taken
            and t.bare == "بين"
            and i + 1 < end
            and (_is_head(toks[i + 1].bare) or toks[i + 1].name)
        ):
            i = _skip_np(toks, i + 1, end)  # «المحادثات بين الوفدين»
        elif _margin_end(toks, i, end) > i:
            i = _margin_end(toks, i, end)  # «على هامش القمة», «على المجلس»
        elif t.bare == "مع" and _partner_end(toks, i + 1, end) > i + 1:
            i = _partner_end(toks, i + 1, end)  # «مع نظيره الصيني»
        elif taken and t.text in ("،", ",") and _setting_at(toks, i + 1, end):
            i += 1  # «مجلس الأمن، خلال اجتماعه اليوم، …»
        elif _duration_end(toks, i, end) > i:
            i = _duration_end(toks, i, end)
        else:
            break
    return i


def _margin_end(toks: list[_Tok], i: int, end: int) -> int:
    """End of «على هامش القمة» (where) or «على/أمام المجلس» (whom a matter is put to)
    at i, i when none."""
    if i + 1 >= end or toks[i].bare not in lex.BEFORE_BODY:
        return i
    k = i + 1
    if toks[k].bare == "هامش" and k + 1 < end:
        k += 1
    return _skip_np(toks, k, end) if _is_head(toks[k].bare) else i


def _partner_end(toks: list[_Tok], i: int, end: int) -> int:
    """End of the partner after «مع»: a name, «نظيره الصيني», a delegation (i when none)."""
    if i >= end:
        return i
    t = toks[i]
    if t.name:
        i += 1
        while i < end and toks[i].name and not toks[i].f.startswith("و"):
            i += 1
        return i
    if t.bare in lex.PARTNERS or _is_head(t.bare):
        return _skip_np(toks, i, end)
    return i


def _duration_end(toks: list[_Tok], i: int, end: int) -> int:
    """End of «على مدى ثلاثة أيام», «على مدى يومين» at i (i when none)."""
    if i + 2 >= end or toks[i].bare != "علي" or toks[i + 1].f != "مدي":
        return i
    j = i + 2
    while j < end and (toks[j].bare in lex.NUMBERS or toks[j].f.isdigit()):
        j += 1
    return j + 1 if j < end and toks[j].f in lex.DURATION_UNITS else i


def _setting_at(toks: list[_Tok], i: int, end: int) -> bool:
    """Does the meeting's setting start at i: its time («اليوم»), or «خلال اجتماعه»?"""
    if i >= end:
        return False
    t = toks[i]
    if t.bare in lex.TIME_WORDS or t.date:
        return True
    return t.bare in lex.SETTING_PREPS and i + 1 < end and _is_meeting(toks[i + 1].bare)


@dataclass(slots=True)
class _Cue:
    at: int  # where the cue starts (ends the previous cue's object)
    obj: int  # where its object starts
    header: bool = False  # introduces a list (agenda header, «من بينها»)
    before: tuple[int, int] | None = None  # «X على طاولة القمة»: items before the cue
    end: int | None = None  # «يتصدر X جدول أعمال القمة»: the object ends at the agenda noun
    alone: bool = False  # «جلسة بشأن اليمن»: a name alone may be the topic


def _opens_past(sent: list[_Tok]) -> bool:
    """A past agenda verb opening the sentence: «كما بحث مجلس الوزراء»."""
    for t in [t for t in sent if not t.punct][:3]:
        if t.bare in lex.PAST_VERBS and t.f not in lex.CUE_MASDARS:
            return True
        if t.bare not in lex.PAST_LEADS:
            break
    return False


def _past_before(sent: list[_Tok], k: int) -> bool:
    """A past marker before position k («وتم في ختام الاجتماع …، من بينها»).

    Only the words before the topics count: «موازنة العام السابق» is a topic.
    """
    words = [t for t in sent[:k] if not t.punct]
    if any(t.f in lex.PAST_MARKERS for t in words):
        return True
    return any(a.bare == "في" and b.f == "ختام" for a, b in zip(words, words[1:], strict=False))


def _meeting_in(sent: list[_Tok]) -> bool:
    return any(_is_meeting(t.bare) for t in sent)


def _ongoing(sent: list[_Tok]) -> bool:
    """«في جلسته المنعقدة اليوم»: a session reported while under way, no past word."""
    words = [t for t in sent if not t.punct]
    marked = any(
        t.f in lex.ONGOING and (k == 0 or words[k - 1].bare != "حتي") for k, t in enumerate(words)
    )
    return marked and not _past_before(sent, len(sent))


def _skip_setting(sent: list[_Tok], i: int, end: int) -> int:
    """Skip the meeting and time between a cue and its topics: «خلال الدورة», «غداً»."""
    while i < end:
        t = sent[i]
        if t.bare in lex.PARTICLES or t.bare in lex.TIME_WORDS or t.date:
            i += 1
        elif t.bare in lex.SETTING_PREPS and i + 1 < end and _is_meeting(sent[i + 1].bare):
            i = _skip_np(sent, i + 1, end)
        else:
            break
    return i


def _agenda_np(sent: list[_Tok], k: int, n: int) -> int:
    """End of «جدول أعمال القمة», «أجندة الاجتماع الوزاري», «أولويات المجلس» at k."""
    j = k + 1
    if sent[k].bare == "جدول" and j < n and sent[j].bare.startswith(("اعمال", "الاعمال")):
        j += 1
    if j < n and _is_head(sent[j].bare):
        j = _skip_np(sent, j, n)
    return j


@dataclass(slots=True)
class _Scan:
    """One sentence scanned for cues, and what every cue finder reads from it."""

    sent: list[_Tok]
    context: bool  # an agenda is already being listed (previous sentence, heading)
    ongoing: bool  # «في جلسته المنعقدة اليوم»: a session reported while under way
    opening_past: bool  # the sentence opens with a past agenda verb
    opening: list[int]  # positions of its first three words
    cues: list[_Cue]

    @classmethod
    def of(cls, sent: list[_Tok], context: bool) -> _Scan:
        ongoing = _ongoing(sent)
        opening = [k for k, t in enumerate(sent) if not t.punct][:3]
        return cls(sent, context, ongoing, _opens_past(sent) and not ongoing, opening, [])

    def past(self, k: int) -> bool:
        """Is what stands at k told of a past meeting?"""
        return self.opening_past or _past_before(self.sent, k)

    def past_clause(self, i: int, k: int) -> bool:
        """Like `past`, but a clause opened by «، و» at i starts afresh: «انطلقت الدورة
        أمس، وتناقش الدورة …» reports a session under way."""
        if i < 2 or not (self.sent[i - 1].text in ("،", ",") and self.sent[i].f[:1] == "و"):
            return self.past(k)
        return self.opening_past or _past_before(self.sent[i:], k - i)

    @property
    def listing(self) -> bool:
        """An agenda is being listed: before this sentence or earlier in it."""
        return self.context or bool(self.cues)

    def word(self, k: int) -> str:
        """The bare word at k, or "" past either end."""
        return self.sent[k].bare if 0 <= k < len(self.sent) else ""

    def add(self, cue: _Cue, resume: int) -> int:
        self.cues.append(cue)
        return resume
