"""Agenda cue finders: one small function per cue family, tried in order (`_FINDERS`)
at every word of a sentence by `_find_cues`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.agenda_heads import _closes_header, _header_end, _skip_header_adjectives
from newsreader.pipeline.agenda_phrases import (
    _agenda_np,
    _Cue,
    _margin_end,
    _meeting_in,
    _Scan,
    _skip_np,
    _skip_setting,
    _skip_subject,
)
from newsreader.pipeline.agenda_words import (
    _AGENDA_VERB,
    _FOCUS_VERB,
    _LEAD_VERB,
    _MEETING_VERB,
    _PASSIVE,
    _PAST_CUE,
    _PLANNED_VERB,
    _PRESENCE_VERB,
    _PRESENT_ROOTS,
    _STRONG_VERB,
    _is_definite,
    _is_head,
    _is_masdar,
    _is_meeting,
    _Tok,
    _topic_start,
)


def _verb_cue(s: _Scan, i: int) -> int | None:
    """«سيناقش المجلس …», «يبحث البرلمان في جلسته اليوم …»; a past verb opening a
    sentence about a session under way («ناقش المجلس في جلسته المنعقدة اليوم»)."""
    sent, t = s.sent, s.sent[i]
    m = _AGENDA_VERB.match(t.bare)
    reported = s.ongoing and i in s.opening and bool(_PAST_CUE.match(t.bare))
    if not (m or reported) or t.name:
        return None
    future = bool(m and m.group(1))
    j = _skip_subject(sent, i + 1, len(sent))
    meeting = j > i + 1 or _meeting_in(sent) or s.listing
    # «يبحث اللاعب عن …» is looking for something, not discussing it
    search = "بحث" in t.bare and any(x.bare == "عن" for x in sent[i + 1 : i + 4])
    strong = bool(_STRONG_VERB.match(t.bare))
    # a present verb reports a meeting under way when strong («يبحث») or when its subject
    # is the body itself («ويصوت المجلس على …»)
    present = bool(reported or _PRESENT_ROOTS.match(t.bare)) or j > i + 1 and _body_at(sent, i + 1)
    ok = future or present and not s.past_clause(i, j)
    if not ok or search or not (strong and future or meeting):
        return None
    return s.add(_Cue(i, j), j)


def _body_at(sent: list[_Tok], k: int) -> bool:
    """Does the subject at k name a body or a meeting («المجلس», «اللجنة», «القمة»)?"""
    while k < len(sent) and (sent[k].bare in lex.PARTICLES or sent[k].bare in lex.TIME_WORDS):
        k += 1
    return k < len(sent) and (sent[k].bare in lex.BODIES or _is_meeting(sent[k].bare))


def _focus_cue(s: _Scan, i: int) -> int | None:
    """«وتركز (المحادثات) على X», «ستتركز القمة حول X»: what a meeting centres on."""
    if not _FOCUS_VERB.match(s.word(i)) or s.sent[i].name or s.past(i):
        return None
    j = _skip_subject(s.sent, i + 1, len(s.sent))
    held = j > i + 1 or _meeting_in(s.sent) or s.listing  # «سينكب المجلس على»
    if s.word(j) in lex.LIGHT:  # «يسلط المؤتمر الضوء على»
        j += 1
    if s.word(j) not in ("علي", "حول") or not held:
        return None
    return s.add(_Cue(i, j + 1), j + 1)


def _aim_cue(s: _Scan, i: int) -> int | None:
    """«اجتماع الرياض يأتي بهدف X»: the aim of a meeting named just before, when no
    cue has come yet (inside a topic, «بهدف» is part of it)."""
    if s.word(i) not in lex.AIMS or s.cues or s.past(i):
        return None
    if not _meeting_in(s.sent[max(0, i - 4) : i]):
        return None
    return s.add(_Cue(i, i + 1), i + 1)


def _about_cue(s: _Scan, i: int) -> int | None:
    """«اجتماعاً تشاورياً بشأن X», «محادثات حول X»: a meeting about its topics."""
    sent, n = s.sent, len(s.sent)
    if s.cues or not _is_meeting(s.word(i)) or s.sent[i].name or s.past(i):
        return None
    j = _skip_np(sent, i, n)
    while j < n and (
        not _is_definite(s.word(j))
        and s.word(j).endswith(("يا", "ي", "يه"))
        or s.word(j) in lex.MEETING_QUALIFIERS
    ):
        j += 1  # «اجتماعاً تشاورياً», «اجتماعاً رفيع المستوى»
    if s.word(j) not in lex.ABOUT:
        return None
    return s.add(_Cue(i, j + 1, alone=True), j + 1)


def _passive_cue(s: _Scan, i: int) -> int | None:
    """«سيتم النظر في», «يجري بحث», «سيتم التطرق خلال الدورة إلى»."""
    w, n = s.word(i), len(s.sent)
    if not _PASSIVE.match(w):
        return None
    j = _skip_subject(s.sent, i + 1, n)
    if s.word(j) not in lex.CUE_MASDARS or not (w.startswith("س") or not s.past(j)):
        return None
    k = _skip_setting(s.sent, j + 1, n)
    return s.add(_Cue(i, k), k)


def _lead_cue(s: _Scan, i: int) -> int | None:
    """«يتصدر ملف X جدول أعمال القمة» (topic first), «يتصدر جدول أعمال القمة X»."""
    sent, n = s.sent, len(s.sent)
    if not _LEAD_VERB.match(s.word(i)) or s.past(i):
        return None
    k = next((x for x in range(i + 1, min(n, i + 12)) if _agenda_word(s, x)), None)
    if k is None or not (s.word(k) in lex.AGENDA_HEADS | {"اعمال"} or _meeting_in(sent)):
        return None
    j = _agenda_np(sent, k, n)
    if k == i + 1:  # «يتصدر جدول أعمال القمة X», «X تتصدر جدول أعمال القمة»
        return s.add(_Cue(i, j, before=(_frame_start(s, i), i)), j)
    # «تطغى X على جدول أعمال القمة»
    return s.add(_Cue(i, i + 1, end=k - (s.word(k - 1) == "علي")), j)


def _agenda_word(s: _Scan, x: int) -> bool:
    """«جدول», «أجندة», «أولويات», or «أعمال» of a meeting («أعمال القمة»)."""
    w = s.word(x)
    if w in lex.AGENDA_NOUNS or w == "اعمال" and _is_meeting(s.word(x + 1)):
        return True
    return s.word(x - 1) == "علي" and w in lex.MEETING_NOUNS  # «تهيمن X على المحادثات»


def _head_of_agenda_cue(s: _Scan, i: int) -> int | None:
    """«وعلى رأس أولويات الاجتماع X», «ويأتي X على رأس جدول أعمال القمة», «في صدارة
    اهتمامات القمة»."""
    sent = s.sent
    # «على رأس», «في صدارة», «في مقدمة»
    at_head = s.word(i) in lex.FOREFRONT and i > 0 and s.word(i - 1) in ("علي", "في")
    if not at_head or s.word(i + 1) not in lex.AGENDA_NOUNS or s.past(i):
        return None
    if not (s.word(i + 1) in lex.AGENDA_HEADS or _meeting_in(sent) or s.context):
        return None
    j = _agenda_np(sent, i + 1, len(sent))
    return s.add(_Cue(i - 1, j, before=(_frame_start(s, i - 1), i - 1)), j)


def _frame_start(s: _Scan, end: int) -> int:
    """Start of the topics standing before a cue at end: past punctuation and a verb
    that only places them («ويأتي ملف X على رأس …»), and past an earlier cue."""
    start = s.cues[-1].obj if s.cues else 0
    # a headline's label: «قمة الرياض: ملفات X على الطاولة»
    start = max([start, *(k + 1 for k in range(start, end) if s.sent[k].text == ":")])
    while start < end and (s.sent[start].punct or s.sent[start].bare in lex.FRAME_VERBS):
        start += 1
    return start


def _purpose_cue(s: _Scan, i: int) -> int | None:
    """«اجتماع … لبحث X», and «النظر في» beside a meeting or an agenda being listed."""
    w = s.word(i)
    before = s.sent[:i]
    purpose = w in lex.PURPOSE and (
        _meeting_in(before) or any(_MEETING_VERB.match(t.bare) for t in before)
    )
    consider = w == "النظر" and s.word(i + 1) == "في" and (s.context or _meeting_in(s.sent))
    # «تهدف المحادثات إلى بحث X»
    toward = (
        w in lex.DISCUSS_MASDARS
        and s.word(i - 1) == "الي"
        and any(t.bare in lex.AIM_VERBS for t in s.sent[max(0, i - 5) : i])
    )
    if not (purpose or consider or toward) or s.past(i):
        return None
    return s.add(_Cue(i, i + 1), i + 1)


def _devoted_cue(s: _Scan, i: int) -> int | None:
    """«الاجتماع الدوري لمجلس الوزراء، يخصص لمتابعة X», «وتخصص الجلسة لبحث X»,
    «جلسة مخصصة لمناقشة X»: a meeting devoted to what follows «ل»."""
    if s.word(i) not in lex.DEVOTED or s.past(i) or not (_meeting_in(s.sent) or s.listing):
        return None
    j = _skip_subject(s.sent, i + 1, len(s.sent))  # «الجلسة»
    w = s.word(j)
    if len(w) < 4 or not w.startswith("ل"):
        return None
    if w in lex.PURPOSE:  # «لمناقشة X»: the topics follow the verbal noun
        j += 1
    return s.add(_Cue(i, j), j)


def _agenda_noun_cue(s: _Scan, i: int) -> int | None:
    """«على جدول أعمال القمة X», «جدول أعمال الجلسة: …», «أجندة القمة أبرزها …»."""
    sent, n, w = s.sent, len(s.sent), s.word(i)
    if w not in lex.AGENDA_HEADS or s.past(i):
        return None
    if w == "جدول" and not s.word(i + 1).startswith(("اعمال", "الاعمال")):
        return None
    j = i + 2 if w == "جدول" else i + 1
    if j < n and not s.word(j - 1).startswith("ال") and _is_head(s.word(j)):
        j = _skip_np(sent, j, n)
    on = s.word(i - 1) == "علي"
    if not (on or s.word(j) in (":", "من") or s.word(j) in lex.LIST_INTROS):
        return None
    # «الأمن المائي على جدول أعمال القمة»: the topics may stand before the cue
    before = (_frame_start(s, i - 1), i - 1) if on else None
    return s.add(_Cue(i - on, j, header=True, before=before), j)


def _table_cue(s: _Scan, i: int) -> int | None:
    """«ملف X على طاولة القمة», «قمة الرياض: ملفات X على الطاولة»: the topics stand
    before the cue."""
    sent, n = s.sent, len(s.sent)
    table = s.word(i) == "طاوله" or s.word(i) == "الطاوله" and (_meeting_in(sent) or s.context)
    if not table or i == 0 or s.word(i - 1) != "علي" or s.past(i):
        return None
    j = i + 1
    if s.word(j) in lex.TABLE_NOUNS:  # «على طاولة النقاش»
        j += 1
    elif j < n and _is_head(s.word(j)):
        j = _skip_np(sent, j, n)
    j = _skip_setting(sent, j, n)  # «على طاولة النقاش في المؤتمر X»
    return s.add(_Cue(i - 1, j, before=(_frame_start(s, i - 1), i - 1)), j)


def _before_meeting_cue(s: _Scan, i: int) -> int | None:
    """«ملفات ساخنة أمام القمة، أبرزها X», «ملف X أمام المجلس»: topics put before a
    meeting, standing first (no verb before them: «ألقى كلمة أمام القمة» is a speech)."""
    sent, n = s.sent, len(s.sent)
    if s.word(i) != "امام" or not _is_head(s.word(i + 1)) or s.past(i) or s.cues:
        return None
    start = _frame_start(s, i)
    first = sent[start] if start < i else None
    if first is None or not (first.bare in lex.GENERIC or first.bare in lex.TOPIC_NOUNS):
        return None
    j = _skip_np(sent, i + 1, n)
    return s.add(_Cue(i, j, before=(start, i)), j)


def _presence_cue(s: _Scan, i: int) -> int | None:
    """«وتحضر ملفات الطاقة والاستثمار بقوة في مباحثات الرئيسين»: topics present in a
    meeting, between the verb and «في» + the meeting."""
    sent, n = s.sent, len(s.sent)
    if not _PRESENCE_VERB.match(s.word(i)) or s.past(i):
        return None
    k = next((x for x in range(i + 2, min(n - 1, i + 12)) if s.word(x) == "في"), None)
    if k is None or not _is_meeting(s.word(k + 1)):
        return None
    end = k
    while end > i + 1 and s.word(end - 1) in lex.MANNER:
        end -= 1  # «بقوة»
    j = _skip_np(sent, k + 1, n)
    return s.add(_Cue(i, i + 1, end=end), j)


def _tabled_cue(s: _Scan, i: int) -> int | None:
    """«ومن المواضيع المطروحة للنقاش في المنتدى X»: topics put before a meeting."""
    sent, n = s.sent, len(s.sent)
    w = s.word(i)
    prev = s.word(i - 1)
    generic = prev in lex.GENERIC or prev.startswith("ال") and prev[2:] in lex.GENERIC
    # inside another cue's topic it only describes it («القرارات للبنود المدرجة على …»)
    if w not in lex.TABLED or not generic or s.cues:
        return None
    if s.past(i) or not (_meeting_in(sent) or s.listing):
        return None
    j = i + 1
    if s.word(j) in lex.TABLE_PURPOSES:
        j += 1
    j = _skip_setting(sent, j, n)
    while j < n and (sent[j].text in (":", "،", ",") or sent[j].f in lex.HEADER_CLOSE):
        j += 1
    return s.add(_Cue(i, j, header=True), j)


def _centre_cue(s: _Scan, i: int) -> int | None:
    """«وستكون قضية X محور المحادثات»: the topic stands before «محور» + the meeting."""
    if s.word(i) not in lex.CENTRE or not _is_meeting(s.word(i + 1)) or s.past(i):
        return None
    j = _skip_np(s.sent, i + 1, len(s.sent))
    return s.add(_Cue(i, j, before=(_frame_start(s, i), i)), j)


def _among_cue(s: _Scan, i: int) -> int | None:
    """«من بينها» while an agenda is being listed."""
    if s.word(i) != "بينها" or i == 0 or s.word(i - 1) != "من" or s.past(i) or not s.listing:
        return None
    return s.add(_Cue(i - 1, i + 1, header=True), i + 1)


def _list_intro_cue(s: _Scan, i: int) -> int | None:
    """«أبرزها», «تشمل», «وتتضمن أجندة القمة كذلك …»: a list opener beside an agenda."""
    sent, n, w = s.sent, len(s.sent), s.word(i)
    if w not in lex.LIST_INTROS or s.past(i):
        return None
    nxt = s.word(i + 1)
    works = nxt == "اعمال" and _is_meeting(s.word(i + 2))  # «وتشمل أعمال الدورة»
    if not (s.listing or works or nxt in lex.AGENDA_HEADS or nxt and _is_meeting(nxt)):
        return None
    # the intro verb has its own subject: the agenda or the meeting
    j = i + 1
    if nxt in lex.AGENDA_HEADS:
        j += 2 if nxt == "جدول" else 1
    elif works:
        j = _agenda_np(sent, i + 1, n)
    j = _skip_subject(sent, j, n)
    return s.add(_Cue(i, j, header=True), j)


def _foremost_cue(s: _Scan, i: int) -> int | None:
    """«ومن أبرز القضايا هي X», «ومن أهم الملفات التي تناقشها القمة X»: the list's
    best items follow a generic noun (and a relative clause naming the meeting)."""
    sent, n = s.sent, len(s.sent)
    if s.word(i) not in lex.FOREMOST or s.word(i - 1) != "من" or s.past(i):
        return None
    noun = s.word(i + 1)
    if not (noun in lex.GENERIC or noun[2:] in lex.GENERIC and noun.startswith("ال")):
        return None
    if not (s.listing or _meeting_in(sent)):
        return None
    j = _skip_header_adjectives(sent, i + 2, n)
    if s.word(j) in lex.RELATIVES:  # «التي تناقشها القمة»: its verb and subject
        j = _skip_subject(sent, j + 2, n)
    elif s.word(j) in lex.TABLED:  # «المطروحة على القمة», «المطروحة للنقاش»
        j += 1
        if s.word(j) in lex.TABLE_PURPOSES:
            j += 1
        j = _margin_end(sent, j, n)
        j = _skip_setting(sent, j, n)
    while j < n and (sent[j].text in (":", "،", ",") or sent[j].f in lex.HEADER_CLOSE):
        j += 1
    return s.add(_Cue(i - 1, j, header=True), j)


def _aim_to_cue(s: _Scan, i: int) -> int | None:
    """«وتهدف الزيارة إلى تعزيز العلاقات …»: what a meeting aims at, a verbal noun;
    «ويعتزم الرئيس بحث X»: what a participant means to take up."""
    intent = s.word(i) in lex.INTENT_VERBS
    if not (s.word(i) in lex.AIM_VERBS or intent) or s.past(i) or s.sent[i].name:
        return None
    j = _skip_subject(s.sent, i + 1, len(s.sent))
    if intent and s.word(j) in lex.DISCUSS_MASDARS:  # «ويعتزم الرئيس بحث X»
        return s.add(_Cue(i, j), j)
    if j == i + 1 or s.word(j) != "الي" or j + 1 >= len(s.sent):
        return None
    nxt = s.sent[j + 1]
    if not (_is_masdar(nxt.bare) or nxt.bare in lex.DISCUSS_MASDARS) or nxt.name:
        return None
    return s.add(_Cue(i, j + 1), j + 1)


def _planned_cue(s: _Scan, i: int) -> int | None:
    """«من المقرر/المنتظر أن يبحث المجلس X», «ويرتقب أن يصادق المجلس على X»; «ومن
    المقرر X» while an agenda is listed."""
    sent, n = s.sent, len(s.sent)
    planned = s.word(i) in lex.PLANNED and s.word(i - 1) == "من" and i > 0
    expected = s.word(i) in lex.EXPECT_VERBS and s.word(i + 1) == "ان"
    if not (planned or expected) or s.past(i):
        return None
    if s.word(i + 1) == "ان" and _PLANNED_VERB.match(s.word(i + 2)):
        j = _skip_subject(sent, i + 3, n)
        return s.add(_Cue(i - planned, j), j)
    if planned and s.word(i + 1) not in ("ان", "") and _topic_start(sent[i + 1]) and s.listing:
        return s.add(_Cue(i - 1, i + 1), i + 1)
    return None


def _header_cue(s: _Scan, i: int) -> int | None:
    """«تتوزع أعمال الملتقى على محاور عدة منها X»: a header that counts or qualifies the
    topics of a meeting named in the sentence, closed by a list opener, heads a list."""
    sent, n, w = s.sent, len(s.sent), s.word(i)
    if s.cues or w not in lex.GENERIC or w in lex.AGENDA_HEADS or s.past(i):
        return None
    if not (_meeting_in(sent[:i]) or s.context):
        return None
    k = _header_end(sent, i, n)
    if k is None or k >= n or k == i + 1 or not _closes_header(sent, k - 1, n):
        return None
    return s.add(_Cue(i, k, header=True), k)


# tried in this order at each word; the first that finds a cue wins
_FINDERS = (
    _verb_cue,
    _focus_cue,
    _passive_cue,
    _lead_cue,
    _head_of_agenda_cue,
    _purpose_cue,
    _devoted_cue,
    _agenda_noun_cue,
    _table_cue,
    _tabled_cue,
    _presence_cue,
    _centre_cue,
    _before_meeting_cue,
    _among_cue,
    _list_intro_cue,
    _foremost_cue,
    _planned_cue,
    _aim_cue,
    _aim_to_cue,
    _about_cue,
    _header_cue,
)


# What each finder's first test asks of the word it starts at: a word no finder can
# start at (most words) is passed over at once instead of trying every finder.
Finder = Callable[[_Scan, int], int | None]
_STARTS: dict[Finder, Callable[[str], bool]] = {
    _verb_cue: lambda w: bool(_AGENDA_VERB.match(w) or _PAST_CUE.match(w)),
    _focus_cue: lambda w: bool(_FOCUS_VERB.match(w)),
    _passive_cue: lambda w: bool(_PASSIVE.match(w)),
    _lead_cue: lambda w: bool(_LEAD_VERB.match(w)),
    _head_of_agenda_cue: lambda w: w in lex.FOREFRONT,
    _purpose_cue: lambda w: w in lex.PURPOSE or w == "النظر" or w in lex.DISCUSS_MASDARS,
    _devoted_cue: lambda w: w in lex.DEVOTED,
    _agenda_noun_cue: lambda w: w in lex.AGENDA_HEADS,
    _table_cue: lambda w: w in ("طاوله", "الطاوله"),
    _tabled_cue: lambda w: w in lex.TABLED,
    _presence_cue: lambda w: bool(_PRESENCE_VERB.match(w)),
    _centre_cue: lambda w: w in lex.CENTRE,
    _before_meeting_cue: lambda w: w == "امام",
    _among_cue: lambda w: w == "بينها",
    _list_intro_cue: lambda w: w in lex.LIST_INTROS,
    _foremost_cue: lambda w: w in lex.FOREMOST,
    _planned_cue: lambda w: w in lex.PLANNED or w in lex.EXPECT_VERBS,
    _aim_cue: lambda w: w in lex.AIMS,
    _aim_to_cue: lambda w: w in lex.INTENT_VERBS or w in lex.AIM_VERBS,
    _about_cue: _is_meeting,
    _header_cue: lambda w: w in lex.GENERIC and w not in lex.AGENDA_HEADS,
}


@lru_cache(maxsize=16384)
def _finders_at(word: str) -> tuple[Finder, ...]:
    """The finders, in order, that can start at `word` (its bare form)."""
    return tuple(find for find in _FINDERS if _STARTS[find](word))


def _find_cues(sent: list[_Tok], context: bool) -> list[_Cue]:
    """Cues in one sentence; `context` says an agenda is already being listed."""
    scan = _Scan.of(sent, context)
    i = 0
    while i < len(sent):
        tried = _finders_at(sent[i].bare)
        i = next((r for find in tried if (r := find(scan, i)) is not None), i + 1)
    return scan.cues
