"""Agenda item edges: trimming an item, a header that only names or counts the topics,
and construct heads that keep a genitive with its noun.
"""

from __future__ import annotations

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.agenda_phrases import _skip_np
from newsreader.pipeline.agenda_words import (
    _PARTICIPANTS,
    _indefinite_adjective,
    _is_definite,
    _is_meeting,
    _is_nisba,
    _Tok,
    _topic_start,
    _verb_like,
)


def _trim(sent: list[_Tok], a: int, b: int) -> tuple[int, int]:
    while a < b and (
        sent[a].punct
        or sent[a].bare in lex.PREPOSITIONS
        or sent[a].bare in lex.PARTICLES
        or sent[a].f in ("و", "ف")
    ):
        if sent[a].text in ('"', "«", "“") and b - a > 1:
            break
        a += 1
    while b > a and (
        sent[b - 1].punct
        and (sent[b - 1].text not in ('"', "»", "”", ")") or not _opened(sent, a, b - 1))
        or sent[b - 1].bare in lex.PARTICLES
        or sent[b - 1].f in ("و", "ف")
    ):
        b -= 1
    return a, _setting_after(sent, a, _time_before(sent, a, b))


def _opened(sent: list[_Tok], a: int, b: int) -> bool:
    """Is a quote or bracket opened in a..b, so that the one closing at b belongs?"""
    return any(t.text in ('"', "«", "“", "(") for t in sent[a:b])


def _setting_after(sent: list[_Tok], a: int, b: int) -> int:
    """Cut who and where from the end of a topic: «ملف الطاقة مع نظيره خلال القمة»
    (a partner word, not a name: «العلاقات مع مصر» keeps it)."""
    for k in range(a + 1, b - 1):
        j = k
        if sent[j].bare == "مع" and sent[j + 1].bare in lex.PARTNERS:
            j = _skip_np(sent, j + 1, b)
        if j < b - 1 and sent[j].bare in lex.SETTING_PREPS and _is_meeting(sent[j + 1].bare):
            j = _skip_np(sent, j + 1, b)
        if k < j >= b:
            return k
    return b


def _time_before(sent: list[_Tok], a: int, b: int) -> int:
    """Cut a when from the end of a topic: «اليمن الأسبوع المقبل», «… يوم الثلاثاء»."""
    while b - 1 > a:
        last, prev = sent[b - 1], sent[b - 2]
        if prev.bare in lex.PERIOD_NOUNS and last.bare in lex.TIME_WORDS:
            b -= 2
        elif last.bare in lex.TIME_WORDS and (last.date or last.bare not in lex.ADJECTIVES):
            b -= 1
        else:
            break
    return b


def _quantified(sent: list[_Tok], a: int, b: int) -> bool:
    """Does the object open with a quantity («عدداً من …», «عدة …», «ثلاثة …»)?"""
    while a < b and (sent[a].punct or sent[a].bare in lex.HEADER_PREPS):
        a += 1
    if a >= b:
        return False
    w = sent[a].bare
    partitive = w in lex.QUANTIFIERS and a + 1 < b and sent[a + 1].f == "من"
    return partitive or w == "عده" or w in lex.NUMBERS or sent[a].f.isdigit() or w in lex.GENERIC


def _dual(w: str) -> bool:
    """The dual of a counted noun: «بندين», «ملفان», «قضيتين» (ة becomes ت)."""
    if len(w) < 5 or not w.endswith(("ين", "ان")):
        return False
    return _dual_stem(w[:-2])


def _dual_stem(stem: str) -> bool:
    return stem in lex.DUAL_STEMS or stem.endswith("ت") and stem[:-1] + "ه" in lex.DUAL_STEMS


def _construct_dual(w: str) -> bool:
    """«ملفي سوريا والعراق», «قضيتي المياه والطاقة»: a dual whose genitives are the
    two topics."""
    return len(w) >= 4 and w.endswith("ي") and _dual_stem(w[:-1])


def _quantity_at(sent: list[_Tok], k: int, b: int) -> tuple[int, bool, bool]:
    """Skip a quantity at k: a number («ثلاث», «12», «اثني عشر»), «عدة», or a
    partitive («عدداً من»). Returns where it ends, whether one stood, whether partitive."""
    w = sent[k].bare if k < b else ""
    if w in lex.NUMBERS or k < b and sent[k].f.isdigit():
        k += 1
        if k < b and sent[k].f in lex.TEENS:
            k += 1
        return k, True, False
    if w == "عده":
        return k + 1, True, False
    if k + 1 < b and w in lex.QUANTIFIERS and sent[k + 1].f == "من":
        return k + 2, True, True
    return k, False, False


def _skip_header_adjectives(sent: list[_Tok], k: int, b: int) -> int:
    definite = k > 0 and _is_definite(sent[k - 1].bare)
    """Skip what qualifies a generic noun of a header: «قضايا عديدة مهمة», «ملفات عربية»."""
    while k < b and (
        sent[k].bare in lex.HEADER_ADJ
        or definite
        and _is_nisba(sent[k].f)  # «قضية اللاجئين» is a construct
        or not sent[k].f.startswith("ال")
        and _indefinite_adjective(sent[k].f)
        and not _topic_start(sent[k])
    ):
        k += 1
    return k


def _closes_header(sent: list[_Tok], i: int, b: int) -> bool:
    """What ends a list header: a list punctuation, «أبرزها», «هي», «من بينها»."""
    t = sent[i]
    return (
        t.text in (":", "؛", ";", "،", ",")
        or t.bare in lex.LIST_INTROS
        or t.f in lex.HEADER_CLOSE
        or t.bare == "من"
        and i + 1 < b
        and sent[i + 1].bare == "بينها"
    )


def _header_end(sent: list[_Tok], a: int, b: int) -> int | None:
    """End of a list header at a: a quantity and a generic noun that name the topics
    without being one («ثلاث قضايا:», «بندين هما», «عدة ملفات أبرزها», «عدداً من
    الملفات، من بينها»). Returns where the topics start (b when none follow), else None.
    """
    k = a
    while k < b and (sent[k].bare in lex.HEADER_PREPS or sent[k].punct):
        k += 1
    k, quantity, partitive = _quantity_at(sent, k, b)
    if k >= b:
        return None
    w = sent[k].bare
    if _construct_dual(w):
        return k + 1
    noun = w in lex.GENERIC or w in lex.COUNT_NOUNS or _dual(w)
    # «عدد من القضايا»
    noun = noun or partitive and w.startswith("ال") and w[2:] in lex.GENERIC
    if noun:
        k = _skip_header_adjectives(sent, k + 1, b)
        if k < b and (sent[k].f in lex.CLAUSE_VERBS or sent[k].bare in lex.ABOUT):
            return k + 1  # «بنوداً تتعلق بالقضايا …», «بنوداً حول …»: the topics follow
    elif not quantity:
        return None
    if not (k >= b or _closes_header(sent, k, b)):
        if not partitive:
            return None
        # «عدداً من طلبات المناقشة، من بينها …»: the quantified phrase heads a list
        ahead = next((i for i in range(k, min(b, k + 5)) if _closes_header(sent, i, b)), None)
        if ahead is None or sent[ahead].text in ("،", ","):
            return None
        k = ahead
    while k < b and (sent[k].text in (":", "؛", ";", "،", ",") or sent[k].f in lex.HEADER_CLOSE):
        k += 1
    return k


def _construct_head(sent: list[_Tok], k: int, end: int) -> bool:
    """An indefinite noun heading a construct: «وقانون الإيجارات», «وأمن الطاقة»,
    «ومشروع قانون الضرائب»: it opens a topic after «،» (or «و») in a list."""
    t = sent[k]
    w = t.bare
    if (
        t.punct
        or t.name
        or t.date
        or _is_definite(w)
        or len(w) < 3
        or _verb_like(w)  # imperfect verbs: «ويعمل المجلس», not «وسلامة الموانئ»
        or w in _PARTICIPANTS
        or w in lex.PREPOSITIONS
        or w in lex.PARTICLES
        or w in lex.DEMONSTRATIVES
        or w in lex.STOP_WORDS
        or w in lex.FUNCTION_WORDS
        or w in lex.TIME_WORDS
        or w in lex.SHORT
        or w in lex.VERBISH
        or _is_meeting(w)
    ):
        return False
    if k + 1 < end and sent[k + 1].f in lex.CLAUSE_VERBS:
        return True
    for j in (k + 1, k + 2):
        if j >= end or sent[j].punct:
            return False
        g = sent[j]
        if g.name:
            return not g.f.startswith("و")
        if _is_definite(g.f):
            # not an adjective of a suffixed noun: «ونظيره الروسي»
            masculine_nisba = _is_nisba(g.f) and not g.f.endswith("يه")
            return not masculine_nisba and g.f not in lex.ADJECTIVES and g.bare not in _PARTICIPANTS
        if g.f.startswith("و") or g.bare in lex.PREPOSITIONS or g.bare in lex.STOP_WORDS:
            return False
    return False
