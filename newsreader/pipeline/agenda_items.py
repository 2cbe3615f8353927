"""Agenda items: the text of each topic, list lines and counts, the meeting's name, and
the items that follow a sentence's cues.
"""

from __future__ import annotations

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.agenda_heads import _construct_head, _dual, _header_end, _quantified, _trim
from newsreader.pipeline.agenda_phrases import _Cue, _past_before, _skip_np
from newsreader.pipeline.agenda_split import _generic_head, _object_end, _split, _wa_noun, _words
from newsreader.pipeline.agenda_words import (
    _is_definite,
    _is_meeting,
    _is_nisba,
    _Tok,
    _topic_start,
)
from newsreader.pipeline.normalize import fold
from newsreader.pipeline.types import Paragraph


def _generic(toks: list[_Tok]) -> bool:
    """Does a piece only name topics («قضايا أخرى», «البنود التالية») without being one?
    A generic noun with a nisba adjective is a topic: «القضايا الإقليمية»."""
    if _qualified_generic(toks):
        return False
    if _header_end(toks, 0, len(toks)) == len(toks):
        return True
    words = [t for t in toks if not t.punct]
    if not words:
        return True
    if words[0].bare == "ما" and len(words) == 2 and words[1].bare in lex.POINTERS:
        return True  # «ما يلي»
    if words[0].bare == "جدول":  # «جدول الأعمال», unless qualified («… المتعلق بـ»)
        return len(words) <= 3
    if words[0].bare in lex.NUMBERS or words[0].f.isdigit():
        return len(words) <= 3 and any(t.bare in lex.GENERIC for t in words)
    if words[0].bare not in lex.GENERIC or len(words) > 2:
        return False
    # «قضايا أخرى», «ملفات عدة», «البنود التالية» only name topics; «ملفات الطاقة»,
    # «القضايا الدولية» are topics
    if len(words) < 2:
        return True
    second = words[1]
    return not (second.name or _is_definite(second.bare) and second.bare not in lex.HEADER_ADJ)


def _qualified_generic(toks: list[_Tok]) -> bool:
    words = [t for t in toks if not t.punct]
    return (
        len(words) >= 2
        and _is_definite(words[0].bare)
        and words[0].bare in lex.GENERIC
        and any(_is_nisba(t.f) and t.bare not in lex.HEADER_ADJ for t in words[1:])
    )


def _item_text(text: str, toks: list[_Tok]) -> str:
    s = text[toks[0].start : toks[-1].end]
    first = toks[0]
    if first.f != first.bare and (
        _topic_start(first)
        or first.name
        or first.bare == "ما"
        or _wa_noun(first)
        or _construct_head(toks, 0, len(toks))
    ):
        s = s[1:].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if fold(s).startswith("لل"):
        s = "ال" + s[2:]
    elif fold(s).startswith("بال") and not first.name or fold(s).startswith("لما "):
        s = s[1:]  # «تتعلق بالقضايا», «لما تتعرض له»
    return " ".join(s.split())


def _list_start(sent: list[_Tok], a: int, b: int) -> int:
    """Where the topics of an object start, past a header that only names them."""
    # a list opener inside the object: what stands before it is the header
    for k in range(b - 1, a - 1, -1):
        if sent[k].bare in lex.LIST_INTROS or (
            sent[k].bare == "بينها" and k > a and sent[k - 1].bare == "من"
        ):
            a = k + 1
            break
    # «في مسائل؛ …»: a generic noun before «؛»/«:» heads the list
    for k in range(a, min(b, a + 4)):
        if sent[k].text in ("؛", ":", ";") and all(
            t.punct or t.bare in lex.GENERIC or t.bare in lex.PREPOSITIONS for t in sent[a:k]
        ):
            a = k + 1
            break
    if a + 1 < b and sent[a].bare in lex.MORE and sent[a + 1].bare == "من":
        a += 2  # «المزيد من التشاور»
    head = _header_end(sent, a, b)
    if head is None and a < b and sent[a].f in lex.CLAUSE_VERBS:
        head = a + 1  # «(بنوداً) تتعلق بالقضايا …»
    return a if head is None else head


def _skip_discussing(sent: list[_Tok], x: int, y: int) -> int:
    if y - x > 3 and sent[x].bare == "تبادل" and sent[x + 1].bare in lex.VIEWS:
        x += 1
    """«مناقشة العلاقات …», «بحث سبل …», «النظر في …»: the topic follows the verbal noun."""
    if y - x > 2 and sent[x].bare in lex.DISCUSS_MASDARS:
        x += 1
        if sent[x].bare in ("في", "الي", "حول"):
            x += 1
    # «(تبادل) وجهات النظر حول X»
    if y - x > 3 and sent[x].bare in lex.VIEWS:
        k = x + 1 + (sent[x + 1].f == "النظر")
        if sent[k].bare in lex.ABOUT:
            x = k + 1
    return x


def _listed_word(piece: list[_Tok], pieces: int, alone: bool, generic: bool = False) -> bool:
    """One word is a topic only in a list: a name («فلسطين واليمن»), or a definite
    noun among three or more topics («… والطاقة والتحول الرقمي») or after a generic
    head («ملفات الطاقة والأمن»); or a name that a meeting is about («جلسة بشأن اليمن»)."""
    if len(piece) != 1 or pieces < 2 and not alone:
        return False
    return piece[0].name or (pieces >= 3 or generic) and _is_definite(piece[0].bare)


def _items(text: str, sent: list[_Tok], a: int, b: int, alone: bool = False) -> list[str]:
    out = []
    pieces = _split(sent, a := _list_start(sent, a, b), b)
    generic = bool(pieces) and _generic_head(sent, *pieces[0])
    for x, y in pieces:
        x, y = _trim(sent, x, y)
        piece = sent[_skip_discussing(sent, x, y) : y]
        one = _words(piece) < 2 and not _listed_word(piece, len(pieces), alone, generic)
        if one or _generic(piece):
            continue
        if piece[0].bare in lex.RELATIVES and y < b and sent[y].text in ("،", ","):
            continue  # «المؤتمر، الذي يستمر ثلاثة أيام، …»
        out.append(_item_text(text, piece))
    return out


def _count(sent: list[_Tok]) -> int | None:
    words = [t for t in sent if not t.punct]
    for k, t in enumerate(words):
        w = t.bare.lstrip("بل") if t.bare[:1] in "بل" and t.bare[1:] in lex.NUMBERS else t.bare
        value = None
        step = 1
        if w.isdigit():
            value = int(w)
        elif w in lex.NUMBERS:
            value = lex.NUMBERS[w]
            if k + 1 < len(words) and words[k + 1].f in lex.TEENS and value < 10:
                value += 10
                step = 2
        elif _dual(w):
            return 2
        if value is None or not 2 <= value <= 99:
            continue
        if k + step < len(words) and words[k + step].bare in lex.COUNT_NOUNS:
            return value
    return None


def _meeting(toks: list[_Tok], text: str, suffixed: bool = False) -> str:
    """The meeting's noun phrase, with a place and date right after it when given.

    A bare meeting noun is preferred; «جلسته» (its session) only when no other.
    """
    for i, t in enumerate(toks):
        if _is_meeting(t.bare) and (
            suffixed or t.bare in lex.MEETING_NOUNS or t.bare[:-1] in lex.MEETING_NOUNS
        ):
            j = _skip_np(toks, i, len(toks))
            if j + 1 < len(toks) and toks[j].bare in ("في", "ب") and toks[j + 1].name:
                j += 2
                while j < len(toks) and toks[j].name and not toks[j].f.startswith("و"):
                    j += 1
            while j < len(toks) and toks[j].date:
                j += 1
            if j - i >= 2 or t.bare.startswith("ال"):
                return " ".join(text[toks[i].start : toks[j - 1].end].split())
    return ""


def _list_line(toks: list[_Tok]) -> int | None:
    """Where the text of a numbered or bulleted line starts («1- …», «(2) …», «- …»,
    «أولاً: …»), else None."""
    k = 0
    if k < len(toks) and toks[k].text == "(":
        k += 1
    if k + 1 < len(toks) and toks[k].text.isdigit() and toks[k + 1].punct:
        k += 2
    elif k < len(toks) and toks[k].punct and toks[k].text[0] in lex.BULLETS:
        k += 1
    elif k + 1 < len(toks) and toks[k].f in lex.ORDINALS and toks[k + 1].text in (":", "-", "–"):
        k += 2
    else:
        return None
    while k < len(toks) and toks[k].punct:
        k += 1
    return k


def _opens_list(p: Paragraph, toks: list[_Tok], cues: bool) -> bool:
    """A lead-in ending in «:» that announces agenda lines («وتضمن جدول أعمال الجلسة
    البنود التالية:»): an agenda cue or agenda word, and nothing past."""
    if not p.text.rstrip().endswith(":"):
        return False
    words = {t.bare for t in toks}
    named = bool(words & lex.LIST_NAMES)
    return (cues or named) and not _past_before(toks, len(toks))


def _cue_items(text: str, sent: list[_Tok], cues: list[_Cue]) -> list[str]:
    """The topics of each cue: its object up to the next cue (or before it: «X على
    طاولة القمة»)."""
    out: list[str] = []
    for n, cue in enumerate(cues):
        following = cues[n + 1] if n + 1 < len(cues) else None
        stop = _object_end(sent, cue.obj, cue.end or (following.at if following else len(sent)))
        if following and following.header and _quantified(sent, cue.obj, stop):
            continue  # «عدداً من طلبات المناقشة، من بينها …»: the list's header
        found = _items(text, sent, cue.obj, stop, cue.alone)
        if not found and cue.before:
            found = _items(text, sent, *cue.before)
        out.extend(found)
    return out
