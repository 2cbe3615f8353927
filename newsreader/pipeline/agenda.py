"""Agenda: the topics an upcoming or ongoing meeting will take up.

News articles announce an agenda with a small family of cues: future verbs
(«سيناقش», «سيبحث», «سينظر في»), passive futures («سيتم النظر في»), present
verbs for a meeting under way («يبحث مجلس الوزراء في»), purpose phrases after a
meeting («اجتماع … لبحث»), «على جدول أعمالها», «على طاولة», list openers
(«ومن بينها», «أبرزها») and «من المقرر». What follows the cue, once the cue
verb, the meeting's own name (the subject) and particles are cut off, is an
enumeration of topics; it is split at «،», «؛», joiners («إضافة إلى»,
«فضلاً عن») and at «و» where a new topic starts (a definite noun, a verbal
noun, a topic noun such as «ملف»), but not where «و» joins two genitives of
one construct («في مجال الأدب والفن»).

Past forms («بحث مجلس الوزراء», «تم اعتماد», «في ختام الاجتماع») report a past
meeting's decisions and are not agenda: a sentence marked as past only yields
items through an explicit future cue. Everything is decided from Arabic
morphology and cue words on folded text, never from the wording of given
articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.pipeline.normalize import fold, tokenize
from newsreader.pipeline.types import Agenda, AgendaEntry, Kind, Label, Paragraph, Span


def _set(words: str) -> frozenset[str]:
    """A word list in folded spelling, so «قائد» matches the folded «قايد»."""
    return frozenset(fold(w) for w in words.split())


# --- word classes (folded spellings: ا for أإآ, ي for ى, ه for ة) -------------

_VERB_ROOTS = "ناقش|بحث|نظر|تناول|ستعرض|ركز|عرض|طرح|تطرق|درس|تدارس|ستكمل|تابع|قر|ناول|صوت"
# future («سيبحث», «ستناقش», «سيبحثان») and present («يبحث», «تتناول»)
_AGENDA_VERB = re.compile(rf"^(س?)[يت](?:{_VERB_ROOTS})(?:ان|ون|ا)?(?:ه|ها|هما)?$")
# roots that announce topics by themselves («سيبحث»); others («سيعرض», «سيصوت») need a
# meeting in the sentence or an agenda under way
_STRONG_VERB = re.compile(r"^س?[يت](?:ناقش|بحث|نظر|تناول|ستعرض|تدارس|درس|تطرق)(?:ان|ون|ا)?$")
# present roots that announce a meeting under way (not «يعرض», «يتابع» etc.)
_PRESENT_ROOTS = re.compile(r"^[يت](?:ناقش|بحث|نظر|تناول|ستعرض|تدارس|درس|تطرق)(?:ان|ون)?$")
# verbs after «من المقرر أن»: taking up a topic or deciding on it
_PLANNED_VERB = re.compile(
    rf"^[يت](?:{_VERB_ROOTS}|تخذ|صادق|عتمد|وقع|صدر|قرر|قر|ناقش)(?:ا|ان|وا|ون)?$"
)
# «سيتم», «يتم», «يجري», «ستجري» + verbal noun
_PASSIVE = re.compile(r"^س?[يت](?:تم|جري)$")
_CUE_MASDARS = _set("النظر نظر بحث البحث مناقشه المناقشه استعراض دراسه طرح عرض التطرق تناول مراجعه")
# purpose after a meeting noun: «اجتماع … لبحث»
_PURPOSE = _set("لبحث لمناقشه للنظر لدراسه لاستعراض للتباحث لتدارس")
_LIST_INTROS = _set("ابرزها اهمها اولها تشمل يشمل تتضمن يتضمن ومنها")
# «يتصدر ملف X جدول أعمال القمة», «تتصدر جدول أعمال القمة قضية X»
_LEAD_VERB = re.compile(r"^س?[يت]تصدر$")
# what an agenda is called: «جدول أعمال», «أجندة», «أولويات», «اهتمامات»
_AGENDA_NOUNS = _set("جدول اجنده اولويات اهتمامات قايمه")
# a sentence-opening past verb that reports a session under way today
_PAST_CUE = re.compile(r"^(?:ناقش|بحث|تناول|استعرض|تدارس|درس|تطرق)(?:ا|وا|ت|تا)?$")
_ONGOING = _set("اليوم حاليا الان الجاري الجاريه")
# verbs that only place a topic («ويأتي ملف X على رأس …»)
_FRAME_VERBS = _set("ياتي تاتي يحل تحل يبرز تبرز يقع تقع يظل تظل يبقي تبقي يكون تكون")
# ordinals that number list lines: «أولاً:», «ثانياً -»
_ORDINALS = _set("اولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا")
_BULLETS = frozenset("-–—•*·▪●◦")

_MEETING_NOUNS = _set("""
    اجتماع الاجتماع اجتماعات الاجتماعات قمه القمه جلسه الجلسه جلسات مؤتمر المؤتمر
    منتدي المنتدي لقاء اللقاء دوره الدوره اجتماعه اجتماعها ملتقي الملتقي
    محادثات المحادثات مباحثات المباحثات مشاورات المشاورات مفاوضات المفاوضات""")
# heads of a subject that is the meeting itself or those who sit in it
_PARTICIPANTS = (
    _set("""مجلس المجلس زعيم زعيما زعيمي الزعيمان الزعيمين الزعماء زعماء قاده القاده قائد
    رييس رييسا رييسي الرييس الرييسان الرييسين روساء الروساء وزير وزيرا الوزير الوزيرين
    وزراء الوزراء الجانبان الجانبين الطرفان الطرفين البلدان البلدين المشاركون المشاركين
    الاعضاء اعضاء النواب نواب اللجنه لجنه البرلمان الحكومه الجمعيه الهييه الوفد الوفود
    القاده الملوك ملوك امراء الوفدين الوفدان الحكومتين الحكومتان الدولتين الدولتان""")
    | _MEETING_NOUNS
)
_PARTICLES = _set("ايضا كذلك بدوره بدورها بدورهم خلاله خلالها فيه فيها")
# time words between a verb and its topics: «يبحث المجلس اليوم الثلاثاء …»
_TIME_WORDS = _set(
    """اليوم غدا امس الليله مساء صباح ظهر عصر الاحد الاثنين الثلاثاء الاربعاء الخميس
    الجمعه السبت المقبل المقبله القادم القادمه"""
)
_PREPOSITIONS = _set("في علي الي حول بشان عن من مع بين خلال اثناء عبر لدي ضمن")
_FUNCTION_WORDS = _set(
    """الي الا التي الذي الذين اللذين اللتين اللواتي الان اليوم الاخري الاخر الف"""
)
_ADJECTIVES = _set(
    """الاعلي الاول الاولي المقبل المقبله الطارئ الطارئه العامه العام المغلقه الموسعه المشتركه
    المنعقد المنعقده المرتقب المرتقبه المنتظر المنتظره المقرر المقرره الحالي الحاليه الجاري
    الجاريه"""
)
# verbs of a descriptive clause after an indefinite topic: «ومرسوم يتعلق بـ…»
_CLAUSE_VERBS = _set("""يتعلق تتعلق يخص تخص يقضي تقضي يهدف تهدف يتضمن تتضمن ينص تنص يحدد تحدد
    ينظم تنظم يرمي ترمي""")
_DEMONSTRATIVES = _set("هذا هذه ذلك تلك هؤلاء هو هي هم ما من")
_STOP_WORDS = _set("""
    بحسب حسب حسبما وفق وفقا طبقا وذلك فيما بينما حيث بحضور برياسه مشيرا مشيره موضحا
    موضحه بطلب بدعوه بمشاركه واضاف واضافت وقال وقالت واكد واكدت قال قالت اكد اكدت وسط وسيعقد""")
_PAST_MARKERS = _set("السابق السابقه الماضي الماضيه امس تم وتم وقد اختتم اختتمت")
_PAST_VERBS = _set("بحث بحثا بحثوا ناقش ناقشا ناقشوا تناول تناولا استعرض استعرضا اعتمد اقر وقع")
# generic nouns that name items without being one («سبع قضايا», «مسائل أخرى»)
_GENERIC = _set("""قضايا قضيه القضايا مسائل المسائل مساله ملفات الملفات ملفا بنود البنود بندا بند
    مواضيع المواضيع موضوعات الموضوعات موضوعا نقاط النقاط محاور المحاور امور الامور
    عدد جدول""")
# nouns that open a topic although indefinite («ملف القدس», «أمور طارئة»)
_TOPIC_NOUNS = _set("""
    ملف ملفات قضيه قضايا مساله مسائل موضوع مواضيع مشروع مشاريع خطه خطط تقرير تقارير
    برنامج اتفاقيه اتفاق قانون قرار قرارات سبل اليات اليه امور مستجدات اوضاع ازمه
    مشروعات سير منح دعم ربط حل نقل رفع فتح وضع حمايه رعايه تشكيل اصلاح بناء تحديد ترشيح
    امكانيه مقترح مقترحات ميزانيه موازنه""")
_JOINERS = (
    ("بالاضافه", "الي"),
    ("اضافه", "الي"),
    ("فضلا", "عن"),
    ("علاوه", "علي"),
    ("الي", "جانب"),
)
_NUMBERS = {
    "اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20,
    "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
}  # fmt: skip
_COUNT_NOUNS = _set("""قضايا قضيه مسائل مساله ملفات ملفا بنود بندا مواضيع موضوعات موضوعا نقاط نقطه
    محاور محورا امور""")
# singulars whose dual («بندين», «قضيتان») counts two items
_DUAL_STEMS = _set("قضيه مساله ملف بند موضوع محور نقطه امر طلب مشروع")
# quantifiers before a generic noun: «عدة قضايا», «عدداً من الملفات», «جملة من»
_QUANTIFIERS = _set("عدد عددا جمله مجموعه سلسله حزمه العديد")
_HEADER_ADJ = _set("""عده عديده اخري مهمه هامه رييسيه متعدده التاليه الاتيه ساخنه بارزه
    المهمه الهامه الرييسيه الساخنه البارزه العالقه عالقه""")
# what may close a header before the list: «ثلاث قضايا هي …»
_HEADER_CLOSE = _set("هي هما وهي وهما")
# nouns that begin with «و» themselves (not the conjunction)
_WAW_NOUNS = _set("""وزاره وزارات وثيقه وثايق وحده وسايل وصول وفد وفود وقف وضع وضعيه ولايه ولايات
    وكاله وكالات وظايف وظيفه ورقه وجهه وجهات ورشه وقود ودايع وعود وساطه واردات""")
_LEXICON = frozenset().union(
    _WAW_NOUNS,
    _MEETING_NOUNS,
    _PARTICIPANTS,
    _PARTICLES,
    _PREPOSITIONS,
    _STOP_WORDS,
    _GENERIC,
    _TOPIC_NOUNS,
    _LIST_INTROS,
    _NUMBERS,
    *_JOINERS,
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


_SHORT = _set("من في عن ان لا قد ما لم لن كما")
# three-letter past verbs that look like a construct head before a definite subject
_VERBISH = _set("قال دعا اكد جاء كان ظل بات عاد بدا اتي اشار اعلن اضاف اوضح افاد شدد")


def _bare(f: str) -> str:
    """Drop a conjunction «و»/«ف»; not from a known word that starts with them («وزراء»,
    «فضلا»), and from a three-letter word only when a particle remains («ومن»)."""
    if f in _LEXICON:
        return f
    if f[:1] in ("و", "ف") and (len(f) > 3 or f[1:] in _SHORT):
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
        (w.startswith("ال") and len(w) > 3 and w not in _FUNCTION_WORDS)
        or (w.startswith("لل") and len(w) > 3)
        or (w.startswith("بال") and len(w) > 4)
    )


def _topic_start(tok: _Tok) -> bool:
    """Does this word open a topic (definite noun, verbal noun, topic noun)?"""
    w = tok.bare
    if tok.punct or tok.name or w in _FUNCTION_WORDS or w in _PREPOSITIONS:
        return False
    return _is_definite(w) or _is_masdar(w) or w in _TOPIC_NOUNS


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
        while j < end and not toks[j].punct and toks[j].bare not in _PREPOSITIONS:
            w = toks[j]
            if w.f != w.bare or w.bare in _TIME_WORDS or w.f.startswith("ل"):
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
            and toks[j].bare not in _DEMONSTRATIVES
            and toks[j].f not in _STOP_WORDS
            and (toks[j].name or not _topic_start(toks[j]))
        ):
            j += 1
    while j < end:
        w = toks[j]
        if (
            w.name
            and not w.f.startswith("و")
            or _is_nisba(w.f)
            or w.f in _ADJECTIVES
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
        else:
            break
    return j


def _skip_subject(toks: list[_Tok], i: int, end: int) -> int:
    """Skip the subject after a cue verb: the meeting, its members, names, particles."""
    taken = False
    while i < end:
        t = toks[i]
        if t.bare in _PARTICLES or t.bare in _TIME_WORDS or t.date:
            i += 1
        elif t.name and (not taken or t.f.startswith("و")):
            i += 1
            while i < end and toks[i].name and not toks[i].f.startswith("و"):
                i += 1
            taken = True
        elif not taken and _is_head(t.bare):
            i = _skip_np(toks, i, end)
            taken = True
        elif (
            t.bare in ("في", "خلال", "اثناء") and i + 1 < end and _is_meeting(_bare(toks[i + 1].f))
        ):
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
        else:
            break
    return i


# --- cues -------------------------------------------------------------------


@dataclass(slots=True)
class _Cue:
    at: int  # where the cue starts (ends the previous cue's object)
    obj: int  # where its object starts
    header: bool = False  # introduces a list (agenda header, «من بينها»)
    before: tuple[int, int] | None = None  # «X على طاولة القمة»: items before the cue
    end: int | None = None  # «يتصدر X جدول أعمال القمة»: the object ends at the agenda noun


def _opens_past(sent: list[_Tok]) -> bool:
    """A past agenda verb opening the sentence: «كما بحث مجلس الوزراء»."""
    for t in [t for t in sent if not t.punct][:3]:
        if t.bare in _PAST_VERBS and t.f not in _CUE_MASDARS:
            return True
        if t.bare not in ("كما", "قد", "وقد", "كان", "وكان"):
            break
    return False


def _past_before(sent: list[_Tok], k: int) -> bool:
    """A past marker before position k («وتم في ختام الاجتماع …، من بينها»).

    Only the words before the topics count: «موازنة العام السابق» is a topic.
    """
    words = [t for t in sent[:k] if not t.punct]
    if any(t.f in _PAST_MARKERS for t in words):
        return True
    return any(a.bare == "في" and b.f == "ختام" for a, b in zip(words, words[1:], strict=False))


def _is_meeting(w: str) -> bool:
    """A meeting noun, also accusative («اجتماعاً») or with a possessive suffix («جلسته»)."""
    if w in _MEETING_NOUNS or w.endswith("ا") and w[:-1] in _MEETING_NOUNS:
        return True
    for suffix in ("هما", "هم", "ها", "ه"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if stem in _MEETING_NOUNS or stem.endswith("ت") and stem[:-1] + "ه" in _MEETING_NOUNS:
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
        t.f in _ONGOING and (k == 0 or words[k - 1].bare != "حتي") for k, t in enumerate(words)
    )
    return marked and not _past_before(sent, len(sent))


def _skip_setting(sent: list[_Tok], i: int, end: int) -> int:
    """Skip the meeting and time between a cue and its topics: «خلال الدورة», «غداً»."""
    while i < end:
        t = sent[i]
        if t.bare in _PARTICLES or t.bare in _TIME_WORDS or t.date:
            i += 1
        elif t.bare in ("في", "خلال", "اثناء") and i + 1 < end and _is_meeting(sent[i + 1].bare):
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


def _find_cues(sent: list[_Tok], context: bool) -> list[_Cue]:
    """Cues in one sentence; `context` says an agenda is already being listed."""
    ongoing = _ongoing(sent)
    opening_past = _opens_past(sent) and not ongoing
    opening = [k for k, t in enumerate(sent) if not t.punct][:3]
    cues: list[_Cue] = []
    n = len(sent)

    def past(k: int) -> bool:
        return opening_past or _past_before(sent, k)

    i = 0
    while i < n:
        t = sent[i]
        w = t.bare
        nxt = sent[i + 1].bare if i + 1 < n else ""
        m = _AGENDA_VERB.match(w)
        # «ناقش مجلس النواب في جلسته المنعقدة اليوم»: a past verb for a session under way
        reported = ongoing and i in opening and bool(_PAST_CUE.match(w))
        if (m or reported) and not t.name:
            future = bool(m and m.group(1))
            j = _skip_subject(sent, i + 1, n)
            meeting = j > i + 1 or _meeting_in(sent) or context or bool(cues)
            # «يبحث اللاعب عن …» is looking for something, not discussing it
            search = "بحث" in w and any(x.bare == "عن" for x in sent[i + 1 : i + 4])
            strong = bool(_STRONG_VERB.match(w))
            ok = future or ((reported or _PRESENT_ROOTS.match(w)) and not past(j))
            if ok and not search and (strong and future or meeting):
                cues.append(_Cue(i, j))
                i = j
                continue
        if _PASSIVE.match(w):
            j = _skip_subject(sent, i + 1, n)
            if j < n and sent[j].bare in _CUE_MASDARS and (w.startswith("س") or not past(j)):
                k = _skip_setting(sent, j + 1, n)  # «سيتم التطرق خلال الدورة إلى»
                cues.append(_Cue(i, k))
                i = k
                continue
        if _LEAD_VERB.match(w) and not past(i):
            k = next(
                (x for x in range(i + 1, min(n, i + 12)) if sent[x].bare in _AGENDA_NOUNS), None
            )
            if k is not None and (sent[k].bare in ("جدول", "اجنده") or _meeting_in(sent)):
                j = _agenda_np(sent, k, n)
                if k == i + 1:  # «يتصدر جدول أعمال القمة X»
                    cues.append(_Cue(i, j))
                else:  # «يتصدر X جدول أعمال القمة»
                    cues.append(_Cue(i, i + 1, end=k))
                i = j
                continue
        if (
            w == "راس"
            and i
            and sent[i - 1].bare == "علي"
            and i + 1 < n
            and sent[i + 1].bare in _AGENDA_NOUNS
            and not past(i)
        ):
            # «وعلى رأس أولويات الاجتماع X», «ويأتي X على رأس جدول أعمال القمة»
            j = _agenda_np(sent, i + 1, n)
            if sent[i + 1].bare in ("جدول", "اجنده") or _meeting_in(sent) or context:
                start = 0
                while start < i - 1 and (sent[start].punct or sent[start].bare in _FRAME_VERBS):
                    start += 1
                cues.append(_Cue(i - 1, j, before=(start, i - 1)))
                i = j
                continue
        purpose = w in _PURPOSE and _meeting_in(sent[:i])  # «اجتماع … لبحث»
        consider = w == "النظر" and nxt == "في" and (context or _meeting_in(sent))
        if (purpose or consider) and not past(i):
            cues.append(_Cue(i, i + 1))
        elif w in ("جدول", "اجنده") and not past(i):
            j = i + 2 if w == "جدول" else i + 1
            if w == "جدول" and not nxt.startswith(("اعمال", "الاعمال")):
                i += 1
                continue
            prev = sent[i - 1].bare if i else ""
            if j < n and not sent[j - 1].bare.startswith("ال") and _is_head(sent[j].bare):
                j = _skip_np(sent, j, n)
            after = sent[j].bare if j < n else ""
            if prev == "علي" or after in (":", "من") or after in _LIST_INTROS:
                cues.append(_Cue(i - (prev == "علي"), j, header=True))
                i = j
                continue
        elif w == "طاوله" and i and sent[i - 1].bare == "علي" and not past(i):
            j = i + 1
            if j < n and _is_head(sent[j].bare):
                j = _skip_np(sent, j, n)
            cues.append(_Cue(i - 1, j, before=(0, i - 1)))
            i = j
            continue
        elif w == "بينها" and i and sent[i - 1].bare == "من" and not past(i):
            if context or cues:
                cues.append(_Cue(i - 1, i + 1, header=True))
        elif (
            w in _LIST_INTROS
            and not past(i)
            and (
                context
                or cues
                or i + 1 < n
                and (sent[i + 1].bare in ("جدول", "اجنده") or _is_meeting(sent[i + 1].bare))
            )
        ):
            # «وتتضمن أجندة القمة كذلك …»: the intro verb has its own subject
            j = i + 1
            if j < n and sent[j].bare in ("جدول", "اجنده"):
                j += 2 if sent[j].bare == "جدول" else 1
            j = _skip_subject(sent, j, n)
            cues.append(_Cue(i, j, header=True))
            i = j
            continue
        elif w == "المقرر" and i and sent[i - 1].bare == "من" and not past(i):
            if nxt == "ان" and i + 2 < n and _PLANNED_VERB.match(sent[i + 2].bare):
                j = _skip_subject(sent, i + 3, n)
                cues.append(_Cue(i - 1, j))
                i = j
                continue
            if nxt != "ان" and i + 1 < n and _topic_start(sent[i + 1]) and (context or cues):
                cues.append(_Cue(i - 1, i + 1))
        i += 1
    return cues


# --- items ------------------------------------------------------------------


def _object_end(sent: list[_Tok], start: int, end: int) -> int:
    for k in range(start, end):
        t = sent[k]
        if t.f in _STOP_WORDS or t.bare in _STOP_WORDS:
            return k
        if t.bare == "بناء" and k + 1 < end and sent[k + 1].f == "علي":  # «بناء على طلب»
            return k
        if t.bare == "كما" and (k + 1 >= end or not _topic_start(sent[k + 1])):
            return k
        if t.text == ":" and k > start and _header_end(sent, start, end) != k + 1:
            return k
    return end


def _joiner_at(sent: list[_Tok], k: int, end: int) -> int:
    """Length of a joiner phrase («إضافة إلى») starting at k, else 0."""
    for a, b in _JOINERS:
        if k + 1 < end and sent[k].bare == a and sent[k + 1].f == b:
            return 2
    return 0


def _genitive_pair(sent: list[_Tok], k: int, start: int) -> bool:
    """Is «و» at k joining two genitives of one construct («مجال الأدب والفن»)?

    Both genitives are definite; an indefinite verbal noun after «و» («وإقرار»)
    opens a new topic instead.
    """
    if k - 2 < start or not _is_definite(sent[k].bare):
        return False
    prev, head = sent[k - 1], sent[k - 2]
    if head.punct or head.name or prev.name or not _is_definite(prev.f):
        return False
    h = head.bare
    return not (
        _is_definite(h)
        or h in _PREPOSITIONS
        or h in _PARTICLES
        or h.isdigit()
        or h.startswith(("ب", "ل"))
        and _is_definite(h[1:])
    )


def _split(sent: list[_Tok], start: int, end: int) -> list[tuple[int, int]]:
    """Cut an enumeration into topics; returns token ranges."""
    chunks: list[tuple[int, int]] = []
    cur = start
    listed = False  # inside «أ، ب وج»: the last «و» closes the list
    k = start
    while k < end:
        t = sent[k]
        skip = 0
        if t.text in _PUNCT_SPLIT:
            skip = 1 + _joiner_at(sent, k + 1, end)
        elif _joiner_at(sent, k, end):
            skip = _joiner_at(sent, k, end)
        if skip:
            nxt = k + skip
            # after a bare «،» also a construct head («، وقانون الإيجارات»), not after
            # a joiner inside a topic («، إضافة إلى مقاطعتي …»)
            head = skip == 1 and _construct_head(sent, nxt, end) if nxt < end else False
            if nxt < end and (_topic_start(sent[nxt]) or head):
                chunks.append((cur, k))
                cur = nxt
                listed = True
            k = nxt
            continue
        if (
            k > cur
            and t.f.startswith("و")
            and t.f != t.bare
            and (
                _topic_start(t)
                and (listed and _words(sent[cur:k]) >= 2 or not _genitive_pair(sent, k, cur))
                or _construct_head(sent, k, end)
                and _words(sent[cur:k]) >= 2
                and not any(x.bare in _PREPOSITIONS for x in sent[_trim(sent, cur, k)[0] : k])
            )
        ):
            chunks.append((cur, k))
            cur = k
        k += 1
    chunks.append((cur, end))
    # a one-word piece was a word of the previous topic after all
    merged: list[tuple[int, int]] = []
    for a, b in chunks:
        if merged and _words(sent[a:b]) < 2:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _words(toks: list[_Tok]) -> int:
    return sum(1 for t in toks if not t.punct)


def _trim(sent: list[_Tok], a: int, b: int) -> tuple[int, int]:
    while a < b and (
        sent[a].punct
        or sent[a].bare in _PREPOSITIONS
        or sent[a].bare in _PARTICLES
        or sent[a].f in ("و", "ف")
    ):
        if sent[a].text in ('"', "«", "“") and b - a > 1:
            break
        a += 1
    while b > a and (
        sent[b - 1].punct
        and sent[b - 1].text not in ('"', "»", "”", ")")
        or sent[b - 1].bare in _PARTICLES
        or sent[b - 1].f in ("و", "ف")
    ):
        b -= 1
    return a, b


def _quantified(sent: list[_Tok], a: int, b: int) -> bool:
    """Does the object open with a quantity («عدداً من …», «عدة …», «ثلاثة …»)?"""
    while a < b and (sent[a].punct or sent[a].bare in ("في", "الي", "علي")):
        a += 1
    if a >= b:
        return False
    w = sent[a].bare
    partitive = w in _QUANTIFIERS and a + 1 < b and sent[a + 1].f == "من"
    return partitive or w == "عده" or w in _NUMBERS or sent[a].f.isdigit() or w in _GENERIC


def _dual(w: str) -> bool:
    """The dual of a counted noun: «بندين», «ملفان», «قضيتين» (ة becomes ت)."""
    if len(w) < 5 or not w.endswith(("ين", "ان")):
        return False
    stem = w[:-2]
    return stem in _DUAL_STEMS or stem.endswith("ت") and stem[:-1] + "ه" in _DUAL_STEMS


def _header_end(sent: list[_Tok], a: int, b: int) -> int | None:
    """End of a list header at a: a quantity and a generic noun that name the topics
    without being one («ثلاث قضايا:», «بندين هما», «عدة ملفات أبرزها», «عدداً من
    الملفات، من بينها»). Returns where the topics start (b when none follow), else None.
    """
    k = a
    while k < b and (sent[k].bare in ("في", "الي", "علي") or sent[k].punct):
        k += 1
    quantity = partitive = False
    if k < b and (sent[k].bare in _NUMBERS or sent[k].f.isdigit()):
        k += 1
        quantity = True
        if k < b and sent[k].f in ("عشر", "عشره"):
            k += 1
    elif k < b and sent[k].bare == "عده":
        k += 1
        quantity = True
    elif k + 1 < b and sent[k].bare in _QUANTIFIERS and sent[k + 1].f == "من":
        k += 2
        quantity = partitive = True
    if k >= b:
        return None
    w = sent[k].bare
    noun = w in _GENERIC or w in _COUNT_NOUNS or _dual(w)
    if partitive and not noun and w.startswith("ال") and w[2:] in _GENERIC:
        noun = True  # «عدد من القضايا»
    if noun:
        k += 1
        while k < b and (
            sent[k].bare in _HEADER_ADJ
            or _is_nisba(sent[k].f)
            or not sent[k].f.startswith("ال")
            and _indefinite_adjective(sent[k].f)
            and not _topic_start(sent[k])
        ):
            k += 1
    elif not quantity:
        return None

    def closes(i: int) -> bool:
        t = sent[i]
        return (
            t.text in (":", "؛", ";", "،", ",")
            or t.bare in _LIST_INTROS
            or t.f in _HEADER_CLOSE
            or t.bare == "من"
            and i + 1 < b
            and sent[i + 1].bare == "بينها"
        )

    if not (k >= b or closes(k)):
        if not partitive:
            return None
        # «عدداً من طلبات المناقشة، من بينها …»: the quantified phrase heads a list
        ahead = next((i for i in range(k, min(b, k + 5)) if closes(i)), None)
        if ahead is None or sent[ahead].text in ("،", ","):
            return None
        k = ahead
    while k < b and (sent[k].text in (":", "؛", ";", "،", ",") or sent[k].f in _HEADER_CLOSE):
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
        or w[0] in "يس"  # imperfect verbs: «ويعمل المجلس»
        or w in _PARTICIPANTS
        or w in _PREPOSITIONS
        or w in _PARTICLES
        or w in _DEMONSTRATIVES
        or w in _STOP_WORDS
        or w in _FUNCTION_WORDS
        or w in _TIME_WORDS
        or w in _SHORT
        or w in _VERBISH
        or _is_meeting(w)
    ):
        return False
    if k + 1 < end and sent[k + 1].f in _CLAUSE_VERBS:
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
            return not masculine_nisba and g.f not in _ADJECTIVES and g.bare not in _PARTICIPANTS
        if g.f.startswith("و") or g.bare in _PREPOSITIONS or g.bare in _STOP_WORDS:
            return False
    return False


def _generic(toks: list[_Tok]) -> bool:
    if _header_end(toks, 0, len(toks)) == len(toks):
        return True
    words = [t for t in toks if not t.punct]
    if not words or words[0].bare in ("جدول",):
        return True
    if words[0].bare in _NUMBERS or words[0].f.isdigit():
        return len(words) <= 3 and any(t.bare in _GENERIC for t in words)
    return words[0].bare in _GENERIC and len(words) <= 2


def _item_text(text: str, toks: list[_Tok]) -> str:
    s = text[toks[0].start : toks[-1].end]
    first = toks[0]
    if first.f != first.bare and (
        _topic_start(first) or first.name or _construct_head(toks, 0, len(toks))
    ):
        s = s[1:].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if fold(s).startswith("لل"):
        s = "ال" + s[2:]
    elif fold(s).startswith("لما "):
        s = s[1:]
    return " ".join(s.split())


def _items(text: str, sent: list[_Tok], a: int, b: int) -> list[str]:
    out = []
    # a list opener inside the object: what stands before it is the header
    for k in range(b - 1, a - 1, -1):
        if sent[k].bare in _LIST_INTROS or (
            sent[k].bare == "بينها" and k > a and sent[k - 1].bare == "من"
        ):
            a = k + 1
            break
    # «في مسائل؛ …»: a generic noun before «؛»/«:» heads the list
    for k in range(a, min(b, a + 4)):
        if sent[k].text in ("؛", ":", ";") and all(
            t.punct or t.bare in _GENERIC or t.bare in _PREPOSITIONS for t in sent[a:k]
        ):
            a = k + 1
            break
    head = _header_end(sent, a, b)
    if head is not None:
        a = head
    for x, y in _split(sent, a, b):
        x, y = _trim(sent, x, y)
        piece = sent[x:y]
        if _words(piece) < 2 or _generic(piece):
            continue
        out.append(_item_text(text, piece))
    return out


def _count(sent: list[_Tok]) -> int | None:
    words = [t for t in sent if not t.punct]
    for k, t in enumerate(words):
        w = t.bare.lstrip("بل") if t.bare[:1] in "بل" and t.bare[1:] in _NUMBERS else t.bare
        value = None
        step = 1
        if w.isdigit():
            value = int(w)
        elif w in _NUMBERS:
            value = _NUMBERS[w]
            if k + 1 < len(words) and words[k + 1].f in ("عشر", "عشره") and value < 10:
                value += 10
                step = 2
        elif _dual(w):
            return 2
        if value is None or not 2 <= value <= 99:
            continue
        if k + step < len(words) and words[k + step].bare in _COUNT_NOUNS:
            return value
    return None


def _meeting(toks: list[_Tok], text: str, suffixed: bool = False) -> str:
    """The meeting's noun phrase, with a place and date right after it when given.

    A bare meeting noun is preferred; «جلسته» (its session) only when no other.
    """
    for i, t in enumerate(toks):
        if _is_meeting(t.bare) and (
            suffixed or t.bare in _MEETING_NOUNS or t.bare[:-1] in _MEETING_NOUNS
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
    elif k < len(toks) and toks[k].punct and toks[k].text[0] in _BULLETS:
        k += 1
    elif k + 1 < len(toks) and toks[k].f in _ORDINALS and toks[k + 1].text in (":", "-", "–"):
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
    named = bool(words & {"جدول", "اجنده", "البنود", "بنود", "المحاور", "محاور"})
    return (cues or named) and not _past_before(toks, len(toks))


def find_agenda(paragraphs: list[Paragraph], spans: list[Span] | None = None) -> Agenda:
    """The agenda items of the article, in order, with the meeting and a stated count."""
    by_par: dict[int, list[Span]] = {}
    for s in spans or []:
        by_par.setdefault(s.paragraph, []).append(s)
    agenda = Agenda()
    seen: set[str] = set()
    heading_context = False
    context = False
    first_item_par: int | None = None
    listing = False  # under an agenda heading or lead-in: list lines are items
    loose = False  # after a «:»: short unnumbered lines are items too

    def add(item: str, par: int) -> None:
        nonlocal first_item_par
        k = " ".join(fold(item).split())
        if k not in seen:
            seen.add(k)
            agenda.items.append(AgendaEntry(item, par))
            if first_item_par is None:
                first_item_par = par

    for p in paragraphs:
        toks = _tokens(p.text, by_par.get(p.index, []))
        if p.kind == Kind.HEADING:
            f = fold(p.text)
            heading_context = "جدول" in f or "اجنده" in f
            context = heading_context
            listing = heading_context
            loose = heading_context and p.text.rstrip().endswith(":")
            continue
        if listing:
            start = _list_line(toks)
            # an unnumbered line: short, no full stop, no cue of its own
            short = (
                _words(toks) <= 12
                and not p.text.rstrip().endswith((".", "؟", "!"))
                and not _find_cues(toks, True)
            )
            if start is not None:
                loose = False  # a numbered list ends at its first unnumbered line
            if start is not None or loose and short:
                for item in _items(p.text, toks, start or 0, len(toks)):
                    add(item, p.index)
                continue
            listing = loose = False
        any_cue = False
        for sent in _sentences(toks):
            cues = _find_cues(sent, context or heading_context)
            context = bool(cues)
            any_cue = any_cue or context
            for n, cue in enumerate(cues):
                end = cues[n + 1].at if n + 1 < len(cues) else len(sent)
                stop = _object_end(sent, cue.obj, cue.end or end)
                following = cues[n + 1] if n + 1 < len(cues) else None
                if following and following.header and _quantified(sent, cue.obj, stop):
                    continue  # «عدداً من طلبات المناقشة، من بينها …»: the list's header
                found = _items(p.text, sent, cue.obj, stop)
                if not found and cue.before:
                    found = _items(p.text, sent, *cue.before)
                for item in found:
                    add(item, p.index)
            if cues and agenda.count is None:
                agenda.count = _count(sent)
        if _opens_list(p, toks, any_cue):
            listing = loose = True
    if agenda.items or agenda.count:
        where = [p for p in paragraphs if p.index in (0, first_item_par)]
        for suffixed in (False, True):
            for p in where:
                toks = _tokens(p.text, by_par.get(p.index, []))
                agenda.meeting = agenda.meeting or _meeting(toks, p.text, suffixed)
    return agenda
