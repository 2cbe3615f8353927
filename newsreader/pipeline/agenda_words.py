"""Agenda tokens: the cue-verb patterns, the `_Tok` word record and word tests (masdar,
definite, nisba, meeting nouns) that every agenda stage reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.normalize import fold, tokenize
from newsreader.pipeline.types import Label, Span


def _alt(roots: tuple[str, ...]) -> str:
    return "|".join(roots)


# future («سيبحث», «ستناقش», «سيبحثان») and present («يبحث», «تتناول») cue verbs
_AGENDA_VERB = re.compile(rf"^(س?)[يت](?:{_alt(lex.VERB_ROOTS)})(?:ان|ون|ا)?(?:ه|ها|هما)?$")


# verbs that announce topics by themselves («سيبحث»)
_STRONG_VERB = re.compile(rf"^س?[يت](?:{_alt(lex.STRONG_ROOTS)})(?:ان|ون|ا)?$")


# present verbs that announce a meeting under way (not «يعرض», «يتابع» etc.)
_PRESENT_ROOTS = re.compile(rf"^[يت](?:{_alt(lex.STRONG_ROOTS)})(?:ان|ون)?$")


# verbs after «من المقرر أن»: taking up a topic or deciding on it
_PLANNED_VERB = re.compile(rf"^[يت](?:{_alt(lex.VERB_ROOTS + lex.PLANNED_ROOTS)})(?:ا|ان|وا|ون)?$")


# «تركز على», «ستتركز حول», «ينصب على»
_FOCUS_VERB = re.compile(rf"^س?[يت](?:{_alt(lex.FOCUS_ROOTS)})(?:ان|ون|ا)?$")


# «سيتم», «يتم», «يجري», «ستجري», «تشهد (القمة)» + verbal noun
_PASSIVE = re.compile(r"^س?[يت](?:تم|جري|شهد)$")


# «يتصدر ملف X جدول أعمال القمة», «تتصدر جدول أعمال القمة قضية X»
_LEAD_VERB = re.compile(rf"^س?[يت](?:{_alt(lex.LEAD_ROOTS)})$")


# «تحضر (ملفات X) في المباحثات», «يبرز»
_PRESENCE_VERB = re.compile(rf"^س?[يت](?:{_alt(lex.PRESENCE_ROOTS)})$")


# «يلتقي», «سيجتمعون», «تعقد»: a meeting held (its purpose may follow: «لبحث»)
_MEETING_VERB = re.compile(rf"^س?[يت](?:{_alt(lex.MEETING_ROOTS)})(?:ان|ون|ا)?$")


# a sentence-opening past verb that reports a session under way today
_PAST_CUE = re.compile(rf"^(?:{_alt(lex.PAST_CUE_ROOTS)})(?:ا|وا|ت|تا)?$")


# heads of a subject that is the meeting itself or those who sit in it
_PARTICIPANTS = lex.MEMBERS | lex.MEETING_NOUNS


# known words never read as «و»/«ف» + a word
_LEXICON = frozenset().union(
    lex.WAW_NOUNS,
    _PARTICIPANTS,
    lex.PARTICLES,
    lex.PREPOSITIONS,
    lex.STOP_WORDS,
    lex.GENERIC,
    lex.TOPIC_NOUNS,
    lex.LIST_INTROS,
    lex.NUMBERS,
    *lex.JOINERS,
)


_PUNCT_SPLIT = frozenset("،؛,;")


_SENTENCE_END = frozenset(".!?؟")


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    f: str  # folded
    bare: str  # folded, without a leading و/ف conjunction
    name: bool  # inside a PERSON/ORGANIZATION/LOCATION span
    date: bool  # inside a DATE span
    punct: bool


def _bare(f: str) -> str:
    """Drop a conjunction «و»/«ف»; not from a known word that starts with them («وزراء»,
    «فضلا»), and from a three-letter word only when a particle remains («ومن»)."""
    if f in _LEXICON:
        return f
    if f[:1] in ("و", "ف") and (len(f) > 3 or f[1:] in lex.SHORT):
        return f[1:]
    return f


def _is_masdar(w: str) -> bool:
    """Derived verbal nouns by pattern: إفعال, تفعيل, افتعال, استفعال, تفاعل, مفاعلة."""
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    n = len(w)
    if n == 5 and w[0] == "ا" and w[3] == "ا":  # اطلاق، انشاء، اعداد
        return True
    if n == 6 and w[0] == "ا" and w[4] == "ا":  # افتتاح، اعتماد، انضمام
        return True
    if n == 7 and w.startswith("است") and w[5] == "ا":  # استكمال
        return True
    if n == 5 and w[0] == "ت" and w[3] == "ي":  # تنفيذ، تطوير
        return True
    if n == 5 and w[0] == "ت" and w[2] == "ا":  # تعاون، تبادل
        return True
    return n == 6 and w[0] == "م" and w[2] == "ا" and w[5] == "ه"  # مكافحه، مواصله


def _is_definite(w: str) -> bool:
    return (
        (w.startswith("ال") and len(w) > 3 and w not in lex.FUNCTION_WORDS)
        or (w.startswith("لل") and len(w) > 3)
        or (w.startswith("بال") and len(w) > 4)
    )


def _topic_start(tok: _Tok) -> bool:
    """Does this word open a topic (definite noun, verbal noun, topic noun)?"""
    w = tok.bare
    if tok.punct or tok.name or w in lex.FUNCTION_WORDS or w in lex.PREPOSITIONS:
        return False
    return _is_definite(w) or _is_masdar(w) or w in lex.TOPIC_NOUNS


def _indefinite_adjective(w: str) -> bool:
    """«طارئة», «دوري», «عادية»: an indefinite nisba or -ئ adjective after a noun."""
    return len(w) > 3 and not w.startswith("ال") and w.endswith(("يه", "ي", "يه", "ييه", "ايه"))


def _is_nisba(w: str) -> bool:
    return w.startswith("ال") and len(w) > 4 and w.endswith(("ي", "يه", "يين", "يون", "يان"))


def _tokens(text: str, spans: list[Span]) -> list[_Tok]:
    out = []
    for t in tokenize(text):
        f = fold(t.text)
        inside = [s for s in spans if s.start < t.end and t.start < s.end]
        names = [s for s in inside if s.label != Label.DATE]
        # a name keeps its first letter unless its span starts after it («ولوكاشينكو»)
        clitic = not names or any(s.start > t.start for s in names)
        out.append(
            _Tok(
                t.text,
                t.start,
                t.end,
                f,
                _bare(f) if clitic else f,
                any(s.label != Label.DATE for s in inside),
                any(s.label == Label.DATE for s in inside),
                not any(c.isalnum() for c in t.text),
            )
        )
    return out


def _sentences(toks: list[_Tok]) -> list[list[_Tok]]:
    out: list[list[_Tok]] = [[]]
    for t in toks:
        out[-1].append(t)
        if t.text in _SENTENCE_END or set(t.text) <= set(".…") and t.punct:
            out.append([])
    return [s for s in out if s]


@lru_cache(maxsize=16384)
def _is_meeting(w: str) -> bool:
    """A meeting noun, also accusative («اجتماعاً») or with a possessive suffix («جلسته»)."""
    if w in lex.MEETING_NOUNS or w.endswith("ا") and w[:-1] in lex.MEETING_NOUNS:
        return True
    for suffix in ("هما", "هم", "ها", "ه"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if (
                stem in lex.MEETING_NOUNS
                or stem.endswith("ت")
                and stem[:-1] + "ه" in lex.MEETING_NOUNS
                or stem.endswith("ي")  # «لقائهما»: the hamza sits on ي
                and stem[:-1] + "ء" in lex.MEETING_NOUNS
            ):
                return True
    return False


def _is_head(w: str) -> bool:
    """The head of a subject: the meeting itself or those who sit in it."""
    return w in _PARTICIPANTS or _is_meeting(w)


def _imperfect(w: str) -> bool:
    """An imperfect after a future «س»: «يبحث», «تناقش», «نعمل»; «سياسة», «سياحة» are
    nouns («سيا» + a long vowel)."""
    return w[:1] in ("ت", "ن") or w[:1] == "ي" and w[1:2] != "ا"


def _verb_like(w: str) -> bool:
    """An imperfect verb: «يعمل», a future «سيعمل»/«ستبحث», a short «ت» form («تقول»)
    that is no verbal noun («تعزيز», «تجارة»)."""
    if w[0] == "ي" or w[0] == "س" and _imperfect(w[1:]):
        return True
    return w[0] == "ت" and not _is_masdar(w) and len(w) <= 5
