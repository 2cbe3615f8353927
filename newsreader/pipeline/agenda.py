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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.normalize import fold, tokenize
from newsreader.pipeline.types import Agenda, AgendaEntry, Kind, Label, Paragraph, Span


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


# --- noun phrases -----------------------------------------------------------


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


# --- cues -------------------------------------------------------------------


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


# A cue finder looks at position i of a sentence: on a cue it records it and returns
# where scanning resumes (past the cue and its subject), else None.


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
    held = _meeting_in(s.sent[:i]) or any(_MEETING_VERB.match(t.bare) for t in s.sent[:i])
    purpose = w in lex.PURPOSE and held
    consider = w == "النظر" and s.word(i + 1) == "في" and (s.context or _meeting_in(s.sent))
    # «تهدف المحادثات إلى بحث X»
    aimed = any(t.bare in lex.AIM_VERBS for t in s.sent[max(0, i - 5) : i])
    toward = w in lex.DISCUSS_MASDARS and s.word(i - 1) == "الي" and aimed
    if not (purpose or consider or toward) or s.past(i):
        return None
    return s.add(_Cue(i, i + 1), i + 1)


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


def _find_cues(sent: list[_Tok], context: bool) -> list[_Cue]:
    """Cues in one sentence; `context` says an agenda is already being listed."""
    scan = _Scan.of(sent, context)
    i = 0
    while i < len(sent):
        i = next((r for find in _FINDERS if (r := find(scan, i)) is not None), i + 1)
    return scan.cues


# --- items ------------------------------------------------------------------


def _object_end(sent: list[_Tok], start: int, end: int) -> int:
    for k in range(start, end):
        t = sent[k]
        if t.f in lex.STOP_WORDS or t.bare in lex.STOP_WORDS:
            return k
        if t.bare == "بناء" and k + 1 < end and sent[k + 1].f == "علي":  # «بناء على طلب»
            return k
        if t.bare == "كما" and (k + 1 >= end or not _topic_start(sent[k + 1])):
            return k
        if t.text == ":" and k > start and _header_end(sent, start, end) != k + 1:
            return k
    return end


def _joiner_at(sent: list[_Tok], k: int, end: int) -> int:
    """Length of a joiner phrase («إضافة إلى», «خاصة») starting at k, else 0."""
    if k < end and sent[k].bare in lex.ADJECTIVE_JOINERS and not _adverbial(sent, k):
        return 0
    for phrase in lex.JOINERS:
        n = len(phrase)
        if k + n <= end and [sent[k].bare, *(t.f for t in sent[k + 1 : k + n])] == list(phrase):
            return n
    return 0


def _adverbial(sent: list[_Tok], k: int) -> bool:
    """«وخاصة», «، خاصة», «الفلسطينية خاصة» single out a topic; «جلسة خاصة» is an
    adjective of an indefinite noun."""
    if sent[k].f != sent[k].bare or k == 0:
        return True
    prev = sent[k - 1]
    return prev.punct or prev.name or _is_definite(prev.bare)


def _genitive_pair(sent: list[_Tok], k: int, start: int) -> bool:
    """Is «و» at k joining two genitives of one construct («مجال الأدب والفن»)?

    Both genitives are definite; an indefinite verbal noun after «و» («وإقرار»)
    opens a new topic instead.
    """
    if k - 2 < start or not _is_definite(sent[k].bare):
        return False
    m = k - 1
    # «حماية التراث الثقافي والمواقع»: past the adjectives of the genitive
    while m - 2 >= start and sent[m].f == sent[m].bare and _is_nisba(sent[m].f):
        m -= 1
    # «مجالات الطاقة والنقل والسياحة»: back to the first genitive of the chain
    while m - 2 >= start and sent[m].f != sent[m].bare and _is_definite(sent[m].bare):
        m -= 1
    prev, head = sent[m], sent[m - 1]
    if head.punct or head.name or prev.name or not _is_definite(prev.f):
        return False
    h = head.bare
    return not (
        _is_definite(h)
        or h in lex.GENERIC  # «ملفات الطاقة والمناخ»: one topic per genitive
        or h in lex.PREPOSITIONS
        or h in lex.PARTICLES
        or h.isdigit()
        or h.startswith(("ب", "ل"))
        and _is_definite(h[1:])
    )


def _split(sent: list[_Tok], start: int, end: int) -> list[tuple[int, int]]:
    """Cut an enumeration into topics; returns token ranges.

    An insertion opened by a joiner and closed by «،» before a complement that goes on
    («ربط المدن، إضافة إلى القرى، عبر خط حافلات») shares that complement with the topic
    before it: it is taken back into that topic.
    """
    chunks: list[tuple[int, int]] = []
    cur = start
    listed = False  # inside «أ، ب وج»: the last «و» closes the list
    inserted = False  # the current chunk was opened by «، إضافة إلى …»
    k = start
    while k < end:
        skip = _separator_at(sent, k, end)
        if skip:
            nxt = k + skip
            if nxt < end and (
                _inline_number(sent, k, end) or _opens_after_separator(sent, k, nxt, end, listed)
            ):
                if k > cur:
                    chunks.append((cur, k))
                cur = nxt
                listed = True
                inserted = skip > 1 and sent[k].text in _PUNCT_SPLIT
            elif inserted and skip == 1 and chunks:
                cur = chunks.pop()[0]  # the insertion ends before a shared complement
                inserted = False
            k = nxt
            continue
        if k > cur and _wa_opens_topic(sent, k, cur, end, listed):
            chunks.append((cur, k))
            cur = k
        k += 1
    chunks.append((cur, end))
    return _merge_fragments(sent, chunks)


def _separator_at(sent: list[_Tok], k: int, end: int) -> int:
    """Length of a separator at k: «،», «؛», a joiner («إضافة إلى»), or both."""
    if sent[k].text in _PUNCT_SPLIT:
        return 1 + _joiner_at(sent, k + 1, end)
    if _inline_number(sent, k, end):
        return 2
    return _joiner_at(sent, k, end)


def _inline_number(sent: list[_Tok], k: int, end: int) -> bool:
    """«… ثلاثة ملفات: 1- قانون العمل 2- قانون الاستثمار»: a small number and a dash or
    bracket before a word numbers the items of a list written in one line."""
    t = sent[k]
    return (
        t.f.isdigit()
        and int(t.f) <= 20
        and k + 2 < end
        and sent[k + 1].text in ("-", "–", ")")
        and not sent[k + 2].punct
        and not sent[k + 2].f.isdigit()
    )


def _opens_after_separator(sent: list[_Tok], k: int, nxt: int, end: int, listed: bool) -> bool:
    """Does a topic start at nxt, after the separator at k?

    In an enumeration the separator is the rule and a continuation the exception: a
    topic starts unless what follows continues the topic before it (`_continues`).
    """
    t = sent[nxt]
    if _topic_start(t) or t.bare in lex.DISCUSS_MASDARS:
        return True
    return not _continues(sent, nxt)


def _continues(sent: list[_Tok], k: int) -> bool:
    """Does the word at k, after a separator, continue the topic before it rather than
    open one: an adjective, a clause (verb, relative, particle), a prepositional phrase,
    a time or a number? A partner preposition («، ومع الصين») names a new partner."""
    t = sent[k]
    w = t.bare
    if t.punct or t.date or w.isdigit() or len(w) < 2:
        return True
    if t.name or w in lex.PARTNER_PREPS:
        return False
    closed = (
        lex.PREPOSITIONS,
        lex.PARTICLES,
        lex.DEMONSTRATIVES,
        lex.RELATIVES,
        lex.SHORT,
        lex.TIME_WORDS,
        lex.STOP_WORDS,
        lex.VERBISH,
        lex.FUNCTION_WORDS,
        lex.ADJECTIVES,
        lex.HEADER_ADJ,
    )
    if any(w in c for c in closed) or t.f in lex.STOP_WORDS:
        return True
    return _is_nisba(w) or _indefinite_adjective(w) or _verb_like(w)


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


def _wa_noun(t: _Tok) -> bool:
    """«، وخلق فرص عمل»: after «،» in a list, «و» + a noun (not a verb, particle or
    pronoun) adds a topic."""
    w = t.bare
    if t.f == w or t.punct or t.date or len(w) < 3 or _verb_like(w):
        return False
    if w[0] == "ت" and not _is_masdar(w):
        return False  # «وتقول», not «وتعزيز»
    closed = (lex.PREPOSITIONS, lex.PARTICLES, lex.DEMONSTRATIVES, lex.RELATIVES, lex.SHORT)
    return not any(w in c for c in closed) and w not in lex.TIME_WORDS and w not in lex.VERBISH


def _wa_opens_topic(sent: list[_Tok], k: int, cur: int, end: int, listed: bool) -> bool:
    """Does «و» at k start a new topic of the enumeration begun at cur?"""
    t = sent[k]
    if not t.f.startswith("و") or t.f == t.bare:
        return False
    before = _words(sent[cur:k])
    if _is_nisba(t.bare) and _is_nisba(sent[k - 1].bare):
        return False  # coordinated adjectives: «السياسية والاقتصادية»
    if t.name and all(x.name for x in sent[cur:k] if not x.punct):
        return True  # a list of names: «فلسطين واليمن وسوريا»
    if t.bare in lex.DISCUSS_MASDARS and before >= 2 and k + 1 < end and _topic_start(sent[k + 1]):
        return True  # «تعزيز العلاقات وبحث القضايا الإقليمية»
    if _listed_partners(sent, k, cur, end):
        return True  # «التعاون مع مالي والنيجر وتشاد»: one topic per name listed
    if t.bare == "ما" and k + 1 < end and sent[k + 1].f[:1] in ("ي", "ت") and before >= 2:
        return True  # a free relative: «… وما تتعرض له المدينة»
    if _topic_start(t):
        if listed and before >= 2:
            return True
        if _light_conjunct(sent, k, end):
            # «أوضاع اللاجئين في المخيمات والمدن الحدودية»: a bare noun after a
            # genitive or a preposition's object is coordinated with it
            return not (_genitive_pair(sent, k, cur) or _after_preposition(sent, cur, k))
        return True  # «قانون الاستثمار والموازنة العامة للدولة»: a construct of its own
    return (
        _construct_head(sent, k, end)
        and before >= 2
        and not any(x.bare in lex.PREPOSITIONS for x in sent[_trim(sent, cur, k)[0] : k])
    )


def _listed_partners(sent: list[_Tok], k: int, cur: int, end: int) -> bool:
    """Is the name at k one of three or more listed after a preposition that makes each
    its own topic («مع», «بشأن», «بين»)? After a locative «في» the names only place one
    topic («الأوضاع في حلب وإدلب والرقة»)."""
    if not sent[k].name or _names_listed(sent, k, cur, end) < 3:
        return False
    a = _trim(sent, cur, k)[0]
    preps = [x.bare for x in sent[a + 1 : k] if x.bare in lex.PREPOSITIONS]
    return bool(preps) and preps[-1] not in lex.LOCATIVE


def _names_listed(sent: list[_Tok], k: int, start: int, end: int) -> int:
    """How many names stand in the run of coordinated names around k («سوريا وليبيا
    واليمن» is three; «الولايات المتحدة» is one name of two words)."""
    a = k
    while a - 1 > start and (sent[a - 1].name or sent[a - 1].text in ("،", ",")):
        a -= 1
    b = k + 1
    while b < end and (sent[b].name or sent[b].text in ("،", ",")):
        b += 1
    return sum(
        1
        for x in range(a, b)
        if sent[x].name and (x == a or sent[x].f != sent[x].bare or sent[x - 1].punct)
    )


def _light_conjunct(sent: list[_Tok], k: int, end: int) -> bool:
    """Is the conjunct at k a bare definite noun with adjectives only («والمدن
    الحدودية»), not a construct with its own complement («والتعاون الأمني بين
    البلدين», «والموازنة العامة للدولة»)? A verbal noun («وإقرار») always heads one."""
    t = sent[k]
    if t.name or t.bare in lex.TOPIC_NOUNS or not _is_definite(t.bare):
        return False
    j = k + 1
    while j < end and not sent[j].punct and sent[j].f == sent[j].bare:
        w = sent[j]
        if not (_is_nisba(w.f) or w.f in lex.ADJECTIVES or w.date):
            return False
        j += 1
    return True


def _after_preposition(sent: list[_Tok], cur: int, k: int) -> bool:
    """Does a preposition stand in the topic begun at cur, before k (past its start)?"""
    a = _trim(sent, cur, k)[0]
    return any(x.bare in lex.PREPOSITIONS for x in sent[a + 1 : k])


def _merge_fragments(sent: list[_Tok], chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join back what was cut from the previous topic: a one-word piece (not a name),
    or a short conjunct that points back to it («… مع الجار وسبل تطويرها»)."""
    merged: list[tuple[int, int]] = []
    for a, b in chunks:
        piece = [x for x in sent[a:b] if not x.punct]
        one_word = len(piece) < 2 and not (piece and piece[0].name)
        listed = len(chunks) >= 3 or _generic_head(sent, chunks[0][0], chunks[0][1])
        if one_word and listed and piece and _is_definite(piece[0].bare):
            # «… الأمن الغذائي والطاقة والتحول الرقمي», «ملفات الطاقة والأمن»
            one_word = False
        if merged and (one_word or _points_back(piece)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    # a first piece of one word opens the next topic: «التشاور والتنسيق حيال …»
    if len(merged) > 1 and _words(sent[merged[0][0] : merged[0][1]]) == 1:
        first = sent[merged[0][0] : merged[0][1]]
        if not any(t.name for t in first):
            merged[:2] = [(merged[0][0], merged[1][1])]
    return merged


def _generic_head(sent: list[_Tok], a: int, b: int) -> bool:
    """Does the piece open with a plural generic noun («ملفات الطاقة»), whose every
    coordinated genitive is a topic?"""
    words = [t for t in sent[a:b] if not t.punct]
    return bool(words) and words[0].bare in lex.GENERIC


def _points_back(piece: list[_Tok]) -> bool:
    """«وسبل تطويرها», «وتداعياتها»: a short conjunct ending in a pronoun of the topic."""
    if not piece or len(piece) > 3 or piece[0].f == piece[0].bare:
        return False
    last = piece[-1].f
    return len(last) > 4 and last.endswith(("ها", "هما", "هم")) and not piece[-1].name


def _words(toks: list[_Tok]) -> int:
    return sum(1 for t in toks if not t.punct)


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
