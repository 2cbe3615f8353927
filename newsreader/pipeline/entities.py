"""Rule-based PERSON / LOCATION / ORGANIZATION finder (gazetteers + Arabic structure).

`find_names(text, extra)` tags one paragraph; `find_names_in_article(texts, extra)`
adds a second pass over the whole article that tags the short form of each
person found with a full name («بوتين» once «فلاديمير بوتين» was seen).

Rules, all from Arabic structure rather than from any article's wording:

* curated names (`extra`) match first, as whole names;
* ORGANIZATION: a head noun (مجلس، وزارة، هيئة …) in construct with a definite
  genitive («مجلس الوزراء»), or a definite head with a naming adjective
  («المجلس الأعلى», «الرئاسة الروسية»), extended by adjectives and one
  «لـ»-phrase («… لدولة الاتحاد», «… للكتاب»); an indefinite head followed by
  «لـ» is a description, not a name («لجنة للتقييس»);
* PERSON: a title or role («الرئيس», «وزير العمل», «نظيره البيلاروسي») followed by
  1–3 name tokens; a first name followed by 1–2 name tokens; «و» + name after a
  person (lists);
* LOCATION: gazetteer words and 2–3-word names, after trying proclitic splits;
  place nouns (مدينة، مقاطعة …) before an unknown name, with coordinated names;
  venue nouns (قصر، مطار …) make the whole phrase a LOCATION.

Proclitics (و ف ب ل ك) stay outside a span, except ل fused with the article
(«للمجلس الأعلى»), where the whole word is the span.

A statistical tagger (the CRF by default, any words → BIO function) adds spans
that go through the same conventions (`_Finder.conventional`): split at
punctuation, titles/roles and nationality adjectives trimmed off a PERSON,
place nouns off a LOCATION, function words off the edges, proclitics left
outside, a person's known name words and an organisation's adjectives and
«لـ»-phrase taken in, a lone generic noun or nationality dropped. `MODES` say
which source wins an overlap; nested names of one label keep the longer. Over
the article a name found once is tagged at its other occurrences.

Structural rules added for text nobody tuned on (word lists in `lexicon_names`):
outlets by their place in the sentence (a quoted name after «لـ» next to a word
of saying, a quoted/Latin/foreign name after an outlet word that stays outside,
«X اليوم», a dateline's bracketed agency); an institution's name before its
bracketed acronym; a quoted short form without the head noun; national teams
named after a place; «و» + a new institution head splits two names, «و» + a
definite noun continues a party's or ministry's; forces described by a
nationality, a body «of the organisation», a purpose clause («لبحث») and
«ب»+place end or cancel an organisation; currencies, fused question words,
words with tanween and verbs seen only outside names are never names or their
edges; a rule's name that holds a tagger's name of another label whole wins.

Measured on ANERcorp test sentences grouped into pseudo-articles
(`manage.py evaluate_ner --pipeline`), tagger-first is the best combination
that keeps the dev set's span conventions, so it is the default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsreader.pipeline.features import resources_for
from newsreader.pipeline.gazetteer import Gazetteer, load_gazetteer
from newsreader.pipeline.lexicon_names import (
    CLOSING_QUOTES,
    COORDINATING_HEADS,
    CURRENCY_WORDS,
    DATELINE_DASHES,
    FORCES_DESCRIPTORS,
    FORCES_HEADS,
    FUSED_QUESTION_WORDS,
    MAX_QUOTED_NAME,
    MEDIA_WORDS,
    OPENING_QUOTES,
    OUTLET_DESCRIPTORS,
    OUTLET_TODAY,
    PLATFORM_WORDS,
    PORTFOLIOS,
    PURPOSE_WORDS,
    SPEECH_WORDS,
    TEAM_HEADS,
)
from newsreader.pipeline.normalize import fold_key, fold_with_offsets, proclitic_splits, tokenize
from newsreader.pipeline.tagger import (
    ModelMissingError,
    bio_spans,
    load_model,
    tag_document,
    tag_tokens,
)
from newsreader.pipeline.types import Label, NameMatch

# A statistical tagger: words in, one BIO tag per word out («B-PERSON», «I-LOCATION», «O»).
WordTagger = Callable[[list[str]], Sequence[str]]
# rules: rules alone; tagger: tagger alone (same span conventions); rules-first: tagger
# spans only where no rule span stands; tagger-first: rule spans only where no tagger
# span stands. In both combinations the longer of two nested same-label names wins.
MODES = ("rules", "tagger", "rules-first", "tagger-first")
DEFAULT_MODE = "tagger-first"


def _keys(text: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in text.split())


FUNCTION_WORDS = (
    _keys("""
    في على من إلى الى عن مع بين حتى منذ خلال عند بعد قبل أن إن ان لا لم لن ما قد كان كانت
    يكون تكون هو هي هم هما هن هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين أو ثم بل
    لكن حيث كما إذا إذ بشأن حول ضد دون عبر نحو لدى أيضا فقط كل بعض غير وفق وسط إثر جراء أمام
    إزاء تجاه أنا نحن أنت أنتم إنه إنها أنه أنها عليه عليها فيه فيها منه منها
    له لها لهم إليه به بها أي أيضًا وقد لقد سوف مثل
    يوم اليوم أمس غدا الآن عام العام شهر الشهر أسبوع الأسبوع ساعة الساعة نحو حوالي قرابة
    """)
    | FUSED_QUESTION_WORDS
)
PERSON_TITLES = _keys("""
    الرئيس رئيس رئيسة الرئيسة رئيسي رئيسا الرئيسان الرئيسين وزير الوزير وزيرة الوزيرة وزيري
    وزيرا نظيره نظيرته نظيرها نظيريه الدكتور الدكتورة د العماد اللواء العميد الفريق المشير
    الجنرال العقيد المقدم الرائد النقيب الشيخ الشيخة الأمير الأميرة الملك الملكة المستشار
    المستشارة مستشار السفير السفيرة سفير النائب نائب النائبة زعيم الزعيم زعيما زعيمي
    المتحدث متحدث الناطق ناطق المتحدثة الأمين أمين السيد السيدة القاضي المحامي الأستاذ
    البروفيسور الإمام المفتي البابا السلطان العاهل المبعوث مبعوث المندوب مندوب قائد القائد
    المدير مدير المديرة مديرة الكاتب الكاتبة الشاعر الشاعرة الفنان الفنانة الصحفي الصحفية
    المطرب المطربة الممثل الممثلة المخرج المدرب اللاعب النجم الحاج المرشح المرشحة عضو
    العضو محافظ المحافظ حاكم الحاكم عمدة رئيسة
    """)
# Words that may stand between a title and the name: parts of the role.
TITLE_COMPLEMENTS = _keys("وزراء حكومة مجلس إدارة العام العامة السابق السابقة الحالي الأسبق")
FIRST_NAME_CONNECTORS = _keys("عبد أبو أبي أم ابن بن بنت آل")
ORG_HEADS = _keys("""
    مجلس وزارة هيئة لجنة اتحاد جامعة منظمة وكالة حزب حركة شركة بنك صندوق جمعية مؤسسة
    محكمة إدارة رئاسة دائرة مكتب برلمان مصرف نقابة رابطة معهد أكاديمية مركز جبهة تحالف
    ائتلاف كتلة غرفة سلطة قوات جيش نادي منتخب صحيفة جريدة مجلة قناة إذاعة مفوضية بورصة
    مديرية مصلحة ديوان أمانة حكومة مجمع مستشفى بلدية جهاز
    """)
# Adjectives that turn a definite head into a name («المجلس الأعلى», «اللجنة الدائمة»).
NAMING_ADJECTIVES = _keys("""
    الدائم الدائمة العام العامة الوطني الوطنية الاتحادي الاتحادية المركزي المركزية العليا
    المتحدة الدولي الدولية الاستشاري الاستشارية الشعبي الشعبية الإسلامي الإسلامية
    الديمقراطي الديمقراطية الاشتراكي الاشتراكية الدستوري الدستورية التنفيذي التنفيذية
    الأوروبي الأوروبية العالمي العالمية الأهلي الأهلية المستقلة المستقل الملكي الملكية
    الانتقالي الانتقالية التشريعي التشريعية العسكري الوزاري الوزارية
    """) - _keys("العسكري")
LOCATION_TRIGGERS = _keys("""
    مدينة مدينتي مدن بلدة بلدات قرية قرى مقاطعة مقاطعتي مقاطعات محافظة محافظتي محافظات ولاية
    ولايتي ولايات إقليم إقليمي أقاليم منطقة منطقتي مناطق جزيرة جزر عاصمة ضاحية ضواحي
    """)
VENUE_HEADS = _keys(
    "قصر مطار ملعب ميناء فندق ساحة ستاد جامع مسجد كنيسة سجن معبر مخيم حي شارع جسر سد"
)
STATE_HEAD = fold_key("دولة")
PLACE_PREPOSITIONS = _keys("في إلى الى من نحو قرب")
TANWEEN = frozenset("\u064b\u064c\u064d")
MAX_NAME_TOKENS = 3


@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int
    key: str  # folded
    is_word: bool
    tanween: bool
    offsets: tuple[int, ...] = field(default=())

    def splits(self) -> list[tuple[int, str, bool]]:
        """(char offset where the stem's span starts, stem key, fused لل) per reading."""
        out: list[tuple[int, str, bool]] = []
        for prefix, rest in proclitic_splits(self.key):
            fused = self.key[len(prefix) :] != rest  # «لل» read as ل + ال
            keep = len(prefix) - 1 if fused else len(prefix)
            out.append((self.start + self.offsets[keep], rest, fused))
        return out

    def stems(self) -> list[str]:
        return [rest for _, rest in proclitic_splits(self.key)]


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    label: Label
    priority: int
    first: int  # token index range, for the second pass
    last: int
    tagged: bool = False  # from the statistical tagger


def _words(text: str) -> list[_Word]:
    out = []
    for tok in tokenize(text):
        folded = fold_with_offsets(tok.text)
        is_word = any("\u0621" <= c <= "\u064a" for c in folded.text)
        out.append(
            _Word(
                tok.text,
                tok.start,
                tok.end,
                folded.text,
                is_word,
                any(c in TANWEEN for c in tok.text),
                folded.offsets,
            )
        )
    return out


class _Finder:
    def __init__(self, text: str, gaz: Gazetteer, extra: list[tuple[list[str], Label]]) -> None:
        self.text = text
        self.gaz = gaz
        self.words = _words(text)
        self.extra = extra
        self.found: list[_Candidate] = []
        self.titled: set[tuple[int, int]] = set()  # people named right after a role
        self.acronyms: set[str] = set()  # keys of bracketed acronyms of institutions

    # --- word classes -------------------------------------------------------------

    def is_definite(self, key: str) -> bool:
        return key.startswith("ال") and len(key) > 3

    def is_nationality(self, key: str) -> bool:
        return self.gaz.is_nationality(key)

    def is_adjective(self, key: str, loose: bool) -> bool:
        """A definite adjective that can continue a name («العام» too, though a noun alone)."""
        if key in NAMING_ADJECTIVES:
            return True
        if not self.is_definite(key) or key in FUNCTION_WORDS or self.gaz.is_location(key):
            return False
        if key in NAMING_ADJECTIVES or self.is_nationality(key):
            return True
        if len(key) == 6 and key.startswith("الا"):  # elative أفعل: الأعلى، الأكبر
            return True
        return loose and key.endswith(("ي", "يه", "يين", "يون"))

    def institution_adjective(self, key: str) -> bool:
        """An adjective continuing an institution's name; a nisba-shaped country
        («السعودية») is the nationality here: «وزارة الخارجية السعودية»."""
        if self.is_adjective(key, loose=True):
            return True
        return self.is_definite(key) and key.endswith("يه") and self.gaz.is_country(key)

    def purpose_word(self, key: str) -> bool:
        """ل + a verbal noun («لبحث», «لتعزيز», «لمناقشة»): a purpose clause, not a name's
        «لـ»-phrase, so an organisation's name stops before it."""
        if key in PURPOSE_WORDS:
            return True
        if not key.startswith("ل") or key.startswith("لل"):
            return False
        stem = key[1:]
        if stem in ORG_HEADS or stem in LOCATION_TRIGGERS or self.gaz.is_location(stem):
            return False
        taf_il = len(stem) == 5 and stem[0] == "ت" and stem[3] == "ي"  # تعزيز، تقديم
        mufa_ala = len(stem) == 6 and stem[0] == "م" and stem[2] == "ا" and stem[-1] == "ه"
        return taf_il or mufa_ala

    def of_generic_body(self, j: int) -> bool:
        """«الأمانة العامة للمنظمة»: a body «of the organisation» named before is described,
        not named: the name ends in «لل» + a bare institution head."""
        key = self.words[j].key
        return key.startswith("لل") and len(key) > 4 and key[2:] in ORG_HEADS

    def described_forces(self, i: int, j: int) -> bool:
        """«القوات الأمريكية», «قوات الاحتلال الإسرائيلي»: forces described by a
        nationality are no organisation's name."""
        heads = {stem[2:] if self.is_definite(stem) else stem for stem in self.words[i].stems()}
        if not heads & FORCES_HEADS:
            return False
        rest = self.words[i + 1 : j + 1]
        return bool(rest) and all(
            w.key in FORCES_DESCRIPTORS or self.is_nationality(w.key) for w in rest
        )

    def is_plain_word(self, key: str) -> bool:
        """A whole word that is itself a known ordinary or trigger word (no clitic reading)."""
        return (
            self.gaz.is_common(key)
            or key in ORG_HEADS
            or key in PERSON_TITLES
            or key in LOCATION_TRIGGERS
            or key in FUNCTION_WORDS
        )

    def person_known(self, key: str) -> bool:
        return self.gaz.is_name_part(key)

    def name_like(self, w: _Word, position: int, after_role: bool = False) -> bool:
        """Can `w` be token number `position` (0-based) of a person's name?"""
        key = w.key
        if not w.is_word or w.tanween or len(key) < 2 or any(c.isdigit() for c in key):
            return False
        if key in FUNCTION_WORDS or key in PERSON_TITLES or key in ORG_HEADS:
            return False
        if self.is_nationality(key) or self.gaz.is_country(key) or self.gaz.is_region(key):
            return False
        known = self.person_known(key)
        if self.gaz.is_location(key) and not known and not (after_role and self.foreign_place(key)):
            return False
        if self.is_definite(key) and not (known or self.gaz.is_surname(key)):
            return False
        if key[0] in "وف" and not known and not (after_role and self.person_known(key[1:])):
            return False  # right after a role «و» cannot be a conjunction: «وليام»
        if position > 0 and key[0] in "بلك" and not known:
            rest = key[1:]
            if rest in FUNCTION_WORDS or self.gaz.is_common(rest) or self.is_definite(rest):
                return False  # «بداعي», «للسفر»: a preposition phrase, not a name
        if self.gaz.is_common(key) and not (
            known and (position > 0 or self.gaz.is_given_name(key))
        ):
            return False  # «الناطق باسم …»: an ordinary word first is not a name
        if position > 0 and key.startswith("لل"):
            return False
        if position > 0 and self.verb_edge(w, Label.PERSON):
            return False  # «… ترامب سيزور»: the verb after a name
        if position == 0 and not known:
            if key.startswith(("سي", "ست", "سن")) and len(key) > 4:
                return False  # future verb
            if key[0] == "ي" or key.endswith("ه"):
                return False  # imperfect verb; a noun with teh marbuta
        return True

    def foreign_place(self, key: str) -> bool:
        """A city's name that is also a person's («أرارات»): right after a role it is the name."""
        return not (self.gaz.is_country(key) or self.gaz.is_region(key) or self.is_definite(key))

    # --- helpers ------------------------------------------------------------------

    def add(
        self,
        start: int,
        end: int,
        label: Label,
        first: int,
        last: int,
        priority: int = 1,
        tagged: bool = False,
    ) -> None:
        if label is Label.ORGANIZATION and self.media_word(first) and first < last:
            nxt = self.words[first + 1]
            if not self.is_adjective(nxt.key, loose=False):  # «قناة الجزيرة» → «الجزيرة»
                first, start = first + 1, self.name_start(nxt)
                priority = max(priority, 2)  # the outlet word says what the name is
        if end > start:
            self.found.append(_Candidate(start, end, label, priority, first, last, tagged))

    def media_word(self, k: int) -> bool:
        """«صحيفة», «قناة», «منصة» …: a word describing an outlet, outside its name."""
        return any(s in MEDIA_WORDS for s in self.words[k].stems())

    def name_tokens(self, i: int, limit: int = MAX_NAME_TOKENS, after_role: bool = False) -> int:
        """How many name tokens start at i (connectors such as «عبد» bind the next word)."""
        n = 0
        j = i
        while j < len(self.words) and n < limit:
            w = self.words[j]
            if (
                w.key in FIRST_NAME_CONNECTORS
                and j + 1 < len(self.words)
                and self.words[j + 1].is_word
            ):
                nxt = self.words[j + 1].key
                if (
                    nxt not in FUNCTION_WORDS
                    and not self.gaz.is_common(nxt)
                    or self.is_definite(nxt)
                ):
                    j += 2
                    n += 1
                    continue
            if not self.name_like(w, n, after_role and n == 0):
                break
            j += 1
            n += 1
        return j - i

    # --- rules --------------------------------------------------------------------

    def find_extra(self) -> None:
        for words, label in self.extra:
            n = len(words)
            for i in range(len(self.words) - n + 1):
                rest = [w.key for w in self.words[i + 1 : i + n]]
                if rest != words[1:]:
                    continue
                for start, stem, _ in self.words[i].splits():
                    if stem == words[0]:
                        self.add(start, self.words[i + n - 1].end, label, i, i + n - 1, priority=3)
                        break

    def find_gazetteer(self) -> None:
        words = self.words
        for i, w in enumerate(words):
            if not w.is_word or w.tanween:  # «وزارياً» is no «و» + a town
                continue
            for n in (3, 2, 1):
                if i + n > len(words) or not all(x.is_word for x in words[i : i + n]):
                    continue
                tail = [x.key for x in words[i + 1 : i + n]]
                label = None
                readings = w.splits()
                if self.is_plain_word(w.key):
                    readings = readings[:1]  # «لجنة» is not ل + جنة
                for start, stem, _ in readings:
                    key = " ".join([stem, *tail])
                    if key in FUNCTION_WORDS or key in CURRENCY_WORDS:
                        continue  # «ماهي» asks; it names no island
                    if self.gaz.is_location(key) or (
                        self.gaz.is_place(key) and self.after_preposition(i, start)
                    ):
                        label = Label.LOCATION
                    elif self.gaz.is_organization(key):
                        label = Label.ORGANIZATION
                    if label:
                        self.add(start, words[i + n - 1].end, label, i, i + n - 1)
                        break
                if label:
                    break

    def after_preposition(self, i: int, start: int) -> bool:
        """Word `i` read from `start` follows a preposition (attached «ب», or «في», «إلى»,
        «من»): the place reading of a name from the wider list needs that context."""
        w = self.words[i]
        if start > w.start and w.key[0] == "ب":
            return True
        return i > 0 and self.words[i - 1].key in PLACE_PREPOSITIONS

    def org_chain(self, j: int, after_genitive: bool) -> int:
        """End index of a name extended from token j: adjectives, then one «لـ» phrase."""
        words = self.words
        while j < len(words) and self.institution_adjective(words[j].key):
            j += 1
        if j < len(words) and words[j].is_word and len(words[j].key) > 3 and words[j].key[0] == "ل":
            key = words[j].key
            if self.purpose_word(key):
                return j
            if key.startswith("لل") and len(key) > 4:  # ل + ال
                j += 1
            elif (
                j + 1 < len(words)
                and self.is_definite(words[j + 1].key)
                and words[j + 1].key not in FUNCTION_WORDS
                and key[1:] not in FUNCTION_WORDS
            ):
                j += 2
            else:
                return j
            while j < len(words) and self.institution_adjective(words[j].key):
                j += 1
        return j

    def find_organizations(self) -> None:
        words = self.words
        for i, w in enumerate(words):
            if not w.is_word:
                continue
            for start, stem, _ in w.splits():
                definite = self.is_definite(stem)
                head = stem[2:] if definite else stem
                if head not in ORG_HEADS and not (head == STATE_HEAD and not definite):
                    continue
                end = self.org_end(i + 1, definite, head)
                if end is None or self.described_forces(i, end - 1):
                    continue
                if self.of_generic_body(end - 1):
                    continue
                label = Label.ORGANIZATION
                if head == fold_key("مركز") and self.gaz.is_location(words[i + 1].key):
                    label = Label.LOCATION  # a venue named after a place
                self.add(start, words[end - 1].end, label, i, end - 1)
                break

    def org_end(self, j: int, definite: bool, head: str) -> int | None:
        words = self.words
        if j >= len(words) or not words[j].is_word:
            return None
        key = words[j].key
        if key in PERSON_TITLES:
            return None  # «برئاسة الدكتور …»: chaired by a person, no institution
        if head in TEAM_HEADS and not definite and self.team_place(words[j]):
            return self.org_chain(j + 1, after_genitive=True)  # «منتخب ليسوتو»
        if head in MEDIA_WORDS and not definite:
            end = self.foreign_title(j)  # «صحيفة نيويورك تايمز»
            if end is not None:
                return end
        if definite:
            if not self.is_adjective(key, loose=False):
                return None
            return self.org_chain(j, after_genitive=False)
        if head == STATE_HEAD:  # «دولة الاتحاد»: a union of states, not «دولة الكويت»
            if not self.is_definite(key) or self.gaz.is_location(key) or self.is_nationality(key):
                return None
            if key in FUNCTION_WORDS:
                return None
            return j + 1
        # construct state: another head («مجلس جامعة …») or a definite genitive
        while key in ORG_HEADS and j + 1 < len(words):
            j += 1
            key = words[j].key
        if head == fold_key("مركز") and self.gaz.is_location(key):
            return self.org_chain(j + 1, after_genitive=True)
        if not self.is_definite(key) or key in FUNCTION_WORDS or self.is_nationality(key):
            return None
        if head in COORDINATING_HEADS:
            j = self.coordinated(j)
        return self.org_chain(j + 1, after_genitive=True)

    def coordinated(self, j: int) -> int:
        """«حزب العدالة والتنمية», «وزارة الخارجية والمغتربين»: «و» + a definite noun
        that is no institution, place or nationality continues the genitive."""
        words = self.words
        while j + 1 < len(words) and words[j + 1].is_word and words[j + 1].key.startswith("و"):
            rest = words[j + 1].key[1:]
            bare = rest[2:] if self.is_definite(rest) else ""
            if (
                not bare
                or bare in ORG_HEADS
                or rest in FUNCTION_WORDS
                or self.gaz.is_location(rest)
                or self.is_nationality(rest)
                or self.gaz.is_name_part(rest)
            ):
                break
            j += 1
        return j

    def foreign_title(self, j: int) -> int | None:
        """End of an outlet's bare name after an outlet word: 2–3 words that are neither
        ordinary nor definite («صحيفة نيويورك تايمز», «قناة سكاي نيوز»)."""
        words = self.words
        end = j
        while end < len(words) and end - j < 3:
            w = words[end]
            if not w.is_word or w.tanween or self.is_definite(w.key) or w.key in FUNCTION_WORDS:
                break
            if self.gaz.is_common(w.key) or w.key in ORG_HEADS or self.purpose_word(w.key):
                break
            end += 1
        if end - j < 2:
            return None  # one bare word after «قناة» is too often a menu's or a phrase's
        return end

    def team_place(self, w: _Word) -> bool:
        """A country or city a team is named after («منتخب ليسوتو», «نادي الرياض»)."""
        return w.is_word and not w.tanween and self.gaz.is_place(w.key)

    def find_people(self) -> None:
        words = self.words
        for i, w in enumerate(words):
            if not w.is_word:
                continue
            stems = w.stems()
            if any(s in PERSON_TITLES for s in stems):
                self.after_title(i + 1)
            elif any(self.gaz.is_given_name(s) for s in stems) and not self.covered(i):
                self.first_name_at(i)

    def covered(self, i: int) -> bool:
        return any(c.label is Label.PERSON and c.first <= i <= c.last for c in self.found)

    def after_title(self, j: int) -> None:
        words = self.words
        skipped = 0
        while j < len(words) and skipped < 5 and words[j].is_word:
            key = words[j].key
            role = (
                self.is_nationality(key)
                or key in PERSON_TITLES
                or key in TITLE_COMPLEMENTS
                or key in PORTFOLIOS
                or (skipped and words[j - 1].key in PORTFOLIOS and self.gaz.is_country(key))
                or key in ORG_HEADS
                or (self.is_definite(key) and not self.person_known(key))
            )
            if not role or key in FUNCTION_WORDS:
                break
            j += 1
            skipped += 1
        if j >= len(words):
            return
        n = self.name_tokens(j, after_role=True)
        if n == 0:
            return
        if n == 1 and not self.person_known(words[j].key):
            return
        # the word right after a role takes no «و»: «وليام» is the name itself
        self.add(words[j].start, words[j + n - 1].end, Label.PERSON, j, j + n - 1)
        if n > 1:
            self.titled.add((words[j].start, words[j + n - 1].end))
        self.list_after(j + n)

    def first_name_at(self, i: int) -> None:
        w = self.words[i]
        for start, stem, fused in w.splits():
            if fused or not self.gaz.is_given_name(stem):
                continue
            if stem in FUNCTION_WORDS or self.gaz.is_common(stem):
                continue
            n = 1 + self.name_tokens(i + 1, limit=2)
            if n < 2:
                return
            if not self.gaz.is_first_name(stem) and not self.person_known(self.words[i + 1].key):
                return  # a rarer given name needs a known name part after it
            self.add(start, self.words[i + n - 1].end, Label.PERSON, i, i + n - 1)
            self.list_after(i + n)
            return

    def list_after(self, j: int) -> None:
        """«… وألكسندر تورشين»: a coordinated known name after a person is a person too."""
        words = self.words
        if j >= len(words) or not words[j].key.startswith("و") or len(words[j].key) < 4:
            return
        rest = words[j].key[1:]
        if not self.person_known(rest) or self.gaz.is_location(rest):
            return
        n = 1 + self.name_tokens(j + 1, limit=2)
        if n < 2:
            return
        self.add(
            words[j].start + words[j].offsets[1], words[j + n - 1].end, Label.PERSON, j, j + n - 1
        )
        self.list_after(j + n)

    def place_name_like(self, w: _Word) -> bool:
        key = w.key
        if not w.is_word or w.tanween or key in FUNCTION_WORDS or self.is_nationality(key):
            return False
        if key in LOCATION_TRIGGERS or key in ORG_HEADS or key in PERSON_TITLES:
            return False
        return not self.gaz.is_common(key) or self.gaz.is_location(key)

    def find_places(self) -> None:
        words = self.words
        for i, w in enumerate(words):
            if not w.is_word:
                continue
            stems = w.stems()
            if any(s in VENUE_HEADS for s in stems) and i + 1 < len(words):
                if self.place_name_like(words[i + 1]) and not self.gaz.is_common(words[i + 1].key):
                    start = next(st for st, s, _ in w.splits() if s in VENUE_HEADS)
                    n = (
                        2
                        if i + 2 < len(words)
                        and self.gaz.is_location(f"{words[i + 1].key} {words[i + 2].key}")
                        else 1
                    )
                    self.add(start, words[i + n].end, Label.LOCATION, i, i + n)
            elif any(s in LOCATION_TRIGGERS for s in stems):
                j = i + 1
                while j < len(words) and words[j].key in LOCATION_TRIGGERS:
                    j += 1
                if (
                    j >= len(words)
                    or not self.place_name_like(words[j])
                    or self.is_definite(words[j].key)
                ):
                    continue
                self.add(words[j].start, words[j].end, Label.LOCATION, j, j)
                # coordinated names: «مقاطعتي بسكوف وفيتيبسك»
                while (
                    j + 1 < len(words)
                    and words[j + 1].key.startswith("و")
                    and len(words[j + 1].key) > 3
                ):
                    nxt = words[j + 1]
                    rest = nxt.key[1:]
                    if rest in FUNCTION_WORDS or self.gaz.is_common(rest) or self.is_definite(rest):
                        break
                    self.add(nxt.start + nxt.offsets[1], nxt.end, Label.LOCATION, j + 1, j + 1)
                    j += 1

    # --- outlets and acronyms -------------------------------------------------------

    def quoted_at(self, k: int) -> int | None:
        """Index of the closing quote when a short quoted name opens at token `k`."""
        words = self.words
        if k >= len(words) or words[k].text not in OPENING_QUOTES:
            return None
        for end in range(k + 1, min(len(words), k + MAX_QUOTED_NAME + 2)):
            if words[end].text in CLOSING_QUOTES:
                inner = words[k + 1 : end]
                if inner and all(self.nameable(w) for w in inner):
                    return end
                return None
        return None

    def plain(self, inner: list[_Word], strict: bool = False) -> bool:
        """One ordinary word, nationality or place («"نعم"», «(الفلسطينية)»): no outlet.
        `strict` also counts words the training text only showed outside names."""
        if len(inner) != 1 or not inner[0].is_word:
            return False
        key = inner[0].key
        resources = _resources()
        return (
            self.gaz.is_common(key)
            or bool(strict and resources and key in resources.plain_words)
            or self.is_nationality(key)
            or self.gaz.is_location(key)
            or key in CURRENCY_WORDS
            or any(s in FUNCTION_WORDS for s in inner[0].stems())
        )

    def nameable(self, w: _Word) -> bool:
        """A word that can stand in an outlet's or platform's name (Arabic or Latin)."""
        if w.tanween or w.key in FUNCTION_WORDS - {OUTLET_TODAY}:
            return False
        return w.is_word or w.text.isalnum() and any(c.isalpha() for c in w.text)

    def speech_before(self, k: int, reach: int = 8) -> bool:
        """A word of saying among the `reach` words before token `k`, in one sentence."""
        for w in reversed(self.words[max(0, k - reach) : k]):
            if w.text in ".؟!?":
                return False
            if any(s in SPEECH_WORDS for s in w.stems()):
                return True
        return False

    def find_outlets(self) -> None:
        """Outlets and platforms named by their place in the sentence, not by a list:

        * a quoted name after «لـ» next to a word of saying («قال … لـ"الأفق"»);
        * a quoted or Latin name after an outlet word («منصة "إكس"», «صحيفة Le Monde»),
          the outlet word outside;
        * «X اليوم» quoted, or opening a paragraph before a dash (a dateline);
        * a bracketed word after the place that opens a dateline («دمشق (الأفق) -»).
        """
        words = self.words
        for k, w in enumerate(words):
            close = self.quoted_at(k + 1)
            stems = w.stems()
            if close is not None:
                inner = words[k + 2 : close]
                after_lam = w.key == "ل" and self.speech_before(k) and not self.plain(inner, True)
                after_outlet = any(st in OUTLET_DESCRIPTORS for st in stems)
                today = len(inner) > 1 and inner[-1].key == OUTLET_TODAY
                if after_lam or after_outlet or today:
                    self.add(inner[0].start, inner[-1].end, Label.ORGANIZATION, k + 2, close - 1, 3)
                    continue
            if any(st in OUTLET_DESCRIPTORS for st in stems) and k + 1 < len(words):
                j = k + 1
                while j < len(words) and not words[j].is_word and self.nameable(words[j]):
                    j += 1
                if j == k + 1 and self.platform_name(k):
                    j += 1  # «منصة إكس»
                if j > k + 1:
                    self.add(
                        words[k + 1].start, words[j - 1].end, Label.ORGANIZATION, k + 1, j - 1, 3
                    )
        self.dateline_outlet()

    def platform_name(self, k: int) -> bool:
        """«منصة إكس»: a platform word + one unknown indefinite word."""
        if not any(s in PLATFORM_WORDS for s in self.words[k].stems()) or k + 1 >= len(self.words):
            return False
        w = self.words[k + 1]
        key = w.key
        return (
            w.is_word
            and self.nameable(w)
            and not self.is_definite(key)
            and not key.endswith(("ه", "ها", "هم"))  # «خطته»: a noun with a pronoun
            and not self.gaz.is_common(key)
            and key not in ORG_HEADS
            and not self.gaz.is_location(key)
            and len(key) > 1
        )

    def dateline_outlet(self) -> None:
        words = self.words
        dash = next((k for k, w in enumerate(words[:6]) if w.text in DATELINE_DASHES), None)
        if dash is None or dash < 2:
            return
        head = words[:dash]
        if head[-1].key == OUTLET_TODAY and all(w.is_word for w in head):
            self.add(head[0].start, head[-1].end, Label.ORGANIZATION, 0, dash - 1, 3)
        elif head[-1].text == ")" and dash >= 3 and head[-3].text == "(":
            inner = head[-2]
            if self.nameable(inner) and all(w.is_word for w in head[:-3]):
                self.add(inner.start, inner.end, Label.ORGANIZATION, dash - 2, dash - 2, 3)

    def find_acronyms(self) -> None:
        """«وكالة غوث … (الأونروا)»: an institution's name before a bracketed one-word
        acronym runs back to its head, and the acronym is the same organisation."""
        words = self.words
        for k, w in enumerate(words):
            if w.text != "(" or k + 2 >= len(words) or words[k + 2].text != ")":
                continue
            if not self.nameable(words[k + 1]) or k == 0:
                continue
            head = None
            for h in range(k - 1, max(-1, k - 10), -1):
                x = words[h]
                if not x.is_word or x.key in FUNCTION_WORDS:
                    break
                if any((s[2:] if self.is_definite(s) else s) in ORG_HEADS for s in x.stems()):
                    head = h
            if head is None or head == k - 1 or not self.acronym_like(head, k):
                continue
            start = next(
                (
                    st
                    for st, s, _ in words[head].splits()
                    if (s[2:] if self.is_definite(s) else s) in ORG_HEADS
                ),
                words[head].start,
            )
            if words[head].key.startswith("لل"):
                start = words[head].start
            self.add(start, words[k - 1].end, Label.ORGANIZATION, head, k - 1, 3)
            self.add(words[k + 1].start, words[k + 1].end, Label.ORGANIZATION, k + 1, k + 1, 3)
            self.acronyms.add(words[k + 1].key)

    def acronym_like(self, head: int, k: int) -> bool:
        """The bracketed word after the institution's name at `head` can be its acronym:
        no ordinary word, nationality or place («(الفلسطينية)», «(جنيف)»), except that a
        town's name in brackets after a name that already says its nation («وكالة الأنباء
        الكويتية (كونا)») abbreviates the name: the place is stated already."""
        inner = self.words[k + 1 : k + 2]
        if not self.plain(inner):
            return True
        key = inner[0].key
        if not self.gaz.is_city(key) or self.gaz.is_country(key) or self.gaz.is_region(key):
            return False
        if self.gaz.is_common(key) or self.is_nationality(key):
            return False
        return any(self.names_nation(w) for w in self.words[head + 1 : k])

    def names_nation(self, w: _Word) -> bool:
        """A nationality adjective or a country's name, through its clitics."""
        return any(self.is_nationality(s) or self.gaz.is_country(s) for s in w.stems())

    # --- statistical spans ---------------------------------------------------------

    def add_tagged(self, tags: Sequence[str], priority: int = 0) -> None:
        """Spans of a statistical tagger's BIO tags, put through the span conventions.

        They enter with the lowest priority: where a rule found a name, the
        rule's span stands; elsewhere the tagger's span is trimmed and extended.
        """
        for label, first, end in bio_spans(tags):
            try:
                kind = Label(label)
            except ValueError:
                continue
            if kind is Label.DATE:
                continue
            # a name does not run over punctuation: «سمولينسك – أورشا» is two places;
            # nor does a person's over «و» + another name: «بوتين ولوكاشينكو» is two people
            piece, after_and = first, False
            for k in range(first, end + 1):
                joined = piece < k < end and (
                    (kind is Label.PERSON and self.joins_people(k))
                    or (kind is Label.ORGANIZATION and self.joins_institutions(k))
                )
                if k < end and any(ch.isalnum() for ch in self.words[k].text) and not joined:
                    continue
                if k > piece:
                    span = self.conventional(piece, k - 1, kind)
                    if span is not None:
                        start, i, j = span
                        if after_and and i == piece and start == self.words[i].start:
                            start += self.words[i].offsets[1]  # the «و» stays outside
                        self.add(
                            start, self.words[j].end, kind, i, j, priority=priority, tagged=True
                        )
                piece, after_and = (k, True) if joined else (k + 1, False)

    def joins_people(self, k: int) -> bool:
        """Word `k` is «و» + a name, not a name that starts with «و» («وليد», «وائل»)."""
        w = self.words[k]
        if not w.is_word or len(w.key) < 4 or not w.key.startswith("و"):
            return False
        return not (self.person_known(w.key) or self.gaz.is_given_name(w.key))

    def joins_institutions(self, k: int) -> bool:
        """Word `k` is «و» + a new institution's head: «مجلس الأمن والجمعية العامة» is two."""
        w = self.words[k]
        if not w.is_word or not w.key.startswith("و") or len(w.key) < 4:
            return False
        rest = w.key[1:]
        bare = rest[2:] if self.is_definite(rest) else rest
        return bare in ORG_HEADS

    def is_title(self, w: _Word) -> bool:
        stems = w.stems()
        return any(s in PERSON_TITLES for s in stems) or w.key in TITLE_COMPLEMENTS

    def generic(self, w: _Word) -> bool:
        """A single word that names nothing by itself: «المجلس», «الجيش», «مدينة», «وزير»."""
        for _, stem, _ in w.splits():
            bare = stem[2:] if self.is_definite(stem) else stem
            if (
                stem in FUNCTION_WORDS
                or bare in ORG_HEADS
                or stem in PERSON_TITLES
                or stem in LOCATION_TRIGGERS
                or bare in LOCATION_TRIGGERS
                or self.is_nationality(stem)
            ):
                return True
        known = any(
            self.gaz.is_location(s) or self.gaz.is_organization(s) or self.person_known(s)
            for s in w.stems()
        )
        return not known and self.gaz.is_common(w.key)

    def conventional(self, i: int, j: int, label: Label) -> tuple[int, int, int] | None:
        """(start offset, first, last token) of a tagged span under the span rules, or None."""
        words = self.words
        has_text = [any(ch.isalnum() for ch in w.text) for w in words]
        while i <= j and not has_text[i]:
            i += 1
        while j >= i and not has_text[j]:
            j -= 1

        def edge(w: _Word) -> bool:
            if w.key in FUNCTION_WORDS or self.is_nationality(w.key):
                return True
            if label is Label.PERSON:
                return self.is_title(w)
            if label is Label.LOCATION:
                return any(s in LOCATION_TRIGGERS for s in w.stems())
            return False

        while i <= j and (
            edge(words[i]) or self.inflected(words[i], label) or self.verb_edge(words[i], label)
        ):
            i += 1
        while j >= i and (
            words[j].key in FUNCTION_WORDS
            or self.inflected(words[j], label)
            or self.verb_edge(words[j], label)
            or (
                label is not Label.LOCATION
                and (self.is_nationality(words[j].key) or self.is_title(words[j]))
                and (label is Label.PERSON or self.is_title(words[j]))
                and not self.nisba_surname(i, j, label)
            )
        ):
            j -= 1
        if label is Label.ORGANIZATION:
            j = self.before_place_phrase(i, j)
            if self.described_forces(i, j) or (j > i and self.of_generic_body(j)):
                return None
        if i > j:
            return None
        if label is Label.PERSON:
            while (
                i > 0
                and words[i - 1].is_word
                and not self.is_title(words[i - 1])
                and any(self.gaz.is_first_name(s) for s in words[i - 1].stems())
                and self.name_like(words[i - 1], 0)
                and j - i < MAX_NAME_TOKENS
            ):
                i -= 1
            while (
                j + 1 < len(words)
                and j - i + 1 < MAX_NAME_TOKENS + 1
                and self.person_known(words[j + 1].key)
                and not self.gaz.is_common(words[j + 1].key)
                and not any(st in FUNCTION_WORDS for st in words[j + 1].stems())
                and self.name_like(words[j + 1], j - i + 1)
            ):
                j += 1
            if (
                j + 1 < len(words)
                and j - i == 1
                and words[j + 1].key.endswith("ي")
                and self.is_nationality(words[j + 1].key)
                and self.nisba_surname(i, j + 1, label)
            ):
                j += 1  # «محمد شياع السوداني»
        elif label is Label.ORGANIZATION and j + 1 < len(words):
            j = max(j, self.org_chain(j + 1, after_genitive=True) - 1)
        if i == j and (self.generic(words[i]) or not words[i].is_word and len(words[i].key) < 2):
            return None
        if i == j and words[i].tanween:
            return None  # «بنوداً»: an inflected common noun, no name
        if i == j and any(s in CURRENCY_WORDS for s in words[i].stems()):
            return None  # «الدينار», «بيتكوين»: money, never a name by itself
        if i == j and label is Label.LOCATION and self.people_noun(words[i]):
            return None
        return self.name_start(words[i]), i, j

    def nisba_surname(self, i: int, j: int, label: Label) -> bool:
        """«محمد شياع السوداني»: a nisba after two name words is the family name; a
        nationality follows a role («الرئيس الروسي»), not a full name."""
        if label is not Label.PERSON or j - i < 2 or self.is_title(self.words[j]):
            return False
        before = self.words[i:j]
        return all(
            w.is_word and not self.is_title(w) and not self.is_nationality(w.key) for w in before
        )

    def inflected(self, w: _Word, label: Label) -> bool:
        """A word with tanween («بنوداً», «وزارياً») is an ordinary noun or adjective."""
        return w.tanween and label is not Label.LOCATION

    def verb_edge(self, w: _Word, label: Label) -> bool:
        """An imperfect verb at a name's edge («تبون يترأس», «يترأس عبد …»)."""
        if not w.is_word:
            return False
        key = w.key
        future = key.startswith(("سي", "ست", "سن")) and len(key) > 4  # «سيزور»
        if len(key) < 4 or not (key[0] == "ي" or future):
            return False
        if self.person_known(key) or self.gaz.is_given_name(key):
            return False
        resources = _resources()
        return bool(resources) and key in resources.plain_words  # seen only outside names

    def before_place_phrase(self, i: int, j: int) -> int:
        """Last token of an organisation before «ب/في + place»: «للمنظمة بجدة» ends at
        «للمنظمة»; «بجدة» says where it is."""
        for k in range(i + 1, j + 1):
            w = self.words[k]
            if w.key in FUNCTION_WORDS and w.key == fold_key("في"):
                return k - 1
            if (
                w.key.startswith("ب")
                and self.gaz.is_place(w.key[1:])
                and not self.known_name(w.key)
            ):
                return k - 1
        return j

    def name_start(self, w: _Word) -> int:
        """Where a name starting with word `w` starts: after its proclitics.

        A reading is taken, longest first, when what follows the clitics is
        definite («والمجلس» → «المجلس») or better known as a name than the whole
        word («وبغداد» → «بغداد», but «لبنان» stays). «لل» keeps the whole word.
        """
        resources = _resources()
        whole = resources.name_weight(w.key) if resources else 0
        for start, stem, fused in reversed(w.splits()[1:]):
            if fused:  # «للمجلس»: the text has no «ال» to start at
                return w.start
            weight = resources.name_weight(stem) if resources else 0
            if self.is_definite(stem) and (whole == 0 or weight >= whole):
                return start
            if weight > whole or (whole == 0 and self.known_name(stem)):
                return start
        return w.start

    def people_noun(self, w: _Word) -> bool:
        """«البيلاروس», «الروس»: a country's name with the article names its people."""
        for _, stem, _ in w.splits():
            if self.is_definite(stem) and not self.gaz.is_location(stem):
                bare = stem[2:]
                if self.gaz.is_country(bare) or self.gaz.is_country(bare + "يا"):
                    return True
        return False

    def known_name(self, key: str) -> bool:
        return self.gaz.is_location(key) or self.gaz.is_organization(key) or self.person_known(key)

    # --- resolution ---------------------------------------------------------------

    def contains_tagged(self, c: _Candidate) -> _Candidate:
        """A rule's organisation or venue that holds a tagger's name of another label
        whole («وزارة الخارجية السعودية» around «السعودية», «منتخب ليسوتو» around
        «ليسوتو») is the longer name: it takes the tagger's priority."""
        if c.tagged or (c.label is Label.PERSON and (c.start, c.end) not in self.titled):
            return c  # a person's rule span holds places only right after a role
        inside = False
        for o in self.found:
            if not o.tagged or o.end <= c.start or c.end <= o.start:
                continue
            if o.label is c.label or not (c.start <= o.start and o.end <= c.end):
                return c  # the tagger saw this name, or a name crossing the rule's edge
            inside = inside or (o.end - o.start < c.end - c.start)
        if not inside or c.priority >= 2:
            return c
        return _Candidate(c.start, c.end, c.label, 2, c.first, c.last, c.tagged)

    def resolve(self) -> list[_Candidate]:
        # the longest name wins: a rule span and a tagger span of the same label,
        # one inside the other, keep the longer whatever their priorities
        found = [
            c
            for c in self.found
            if not any(
                o.tagged != c.tagged
                and o.label is c.label
                and o.start <= c.start
                and c.end <= o.end
                and o.end - o.start > c.end - c.start
                for o in self.found
            )
        ]
        found = [self.contains_tagged(c) for c in found]
        chosen: list[_Candidate] = []
        for c in sorted(found, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
            if all(c.end <= o.start or o.end <= c.start for o in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    def run(self) -> list[_Candidate]:
        self.find_extra()
        self.find_gazetteer()
        self.find_organizations()
        self.find_people()
        self.find_places()
        return self.resolve()


def _resources():
    """The CRF's word knowledge (gazetteer + name words seen in training), or None."""
    try:
        return resources_for()
    except Exception:  # noqa: BLE001 - a broken resource file must not stop the rules
        return None


def _prepare_extra(extra: Iterable[tuple[str, Label]]) -> list[tuple[list[str], Label]]:
    out = []
    for name, label in extra:
        words = fold_key(name).split()
        if words and label is not Label.DATE:
            out.append((words, Label(label)))
    return sorted(out, key=lambda e: -len(e[0]))


def _to_matches(text: str, found: list[_Candidate]) -> list[NameMatch]:
    return [NameMatch(c.start, c.end, text[c.start : c.end], c.label) for c in found]


def crf_tagger() -> WordTagger | None:
    """The committed CRF model as a word tagger, or None when it is missing."""
    try:
        load_model()
    except (ModelMissingError, OSError):
        return None
    return tag_tokens


def _tags(finders: list[_Finder], mode: str, tagger: WordTagger | None) -> list[list[str] | None]:
    """The tagger's BIO tags per paragraph; the embedded CRF reads the paragraphs as one
    document, so its second pass sees a name's other occurrences in the article."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    if mode == "rules" or tagger is None:
        return [None] * len(finders)
    words = [[w.text for w in f.words] for f in finders]
    if tagger is tag_tokens:
        return list(tag_document(words))
    many = getattr(tagger, "tag_many", None)  # a batching tagger reads all paragraphs at once
    if many is not None:
        return [list(tags) for tags in many(words)]
    return [list(tagger(ws)) if ws else [] for ws in words]


def _run(finder: _Finder, mode: str, tags: list[str] | None) -> list[_Candidate]:
    finder.find_extra()  # curated names count in every mode
    finder.find_outlets()  # structure, not word lists: every mode
    finder.find_acronyms()
    if mode != "tagger":
        finder.find_gazetteer()
        finder.find_organizations()
        finder.find_people()
        finder.find_places()
    if tags is not None and finder.words and len(tags) == len(finder.words):
        finder.add_tagged(tags, priority=2 if mode in ("tagger", "tagger-first") else 0)
    return finder.resolve()


def find_names(
    text: str,
    extra: Iterable[tuple[str, Label]] = (),
    mode: str = "rules",
    tagger: WordTagger | None = None,
) -> list[NameMatch]:
    """Non-overlapping PERSON / LOCATION / ORGANIZATION names in one paragraph, in order.

    `mode` is one of `MODES`; "rules" (the default here) uses the rules alone,
    the others add a statistical tagger's spans under the same span
    conventions. `tagger` defaults to the committed CRF (rules alone when the
    model file is missing).
    """
    if mode != "rules" and tagger is None:
        tagger = crf_tagger()
    finder = _Finder(text, load_gazetteer(), _prepare_extra(extra))
    return _to_matches(text, _run(finder, mode, _tags([finder], mode, tagger)[0]))


def _name_key(finder: _Finder, c: _Candidate) -> tuple[str, ...]:
    """The folded words of a found name, «لل» read as «ال» («للمجلس» → «المجلس»)."""
    words = fold_key(finder.text[c.start : c.end]).split()
    if words and words[0].startswith("لل") and len(words[0]) > 3:
        words[0] = "ا" + words[0][1:]
    return tuple(words)


def _repeat_names(finders: list[_Finder], results: list[list[_Candidate]], gaz: Gazetteer) -> None:
    """A name found once is a name at its other occurrences in the article too.

    Names of two or more words, and single words that are not ordinary words,
    are looked for again (the first word through its proclitic readings) where
    nothing was found; the label is the one the name got most often.
    """
    votes: dict[tuple[str, ...], Counter[Label]] = {}
    for finder, found in zip(finders, results, strict=True):
        for c in found:
            words = _name_key(finder, c)
            if not words or (
                len(words) == 1
                and (
                    len(words[0]) < 3
                    or words[0] in FUNCTION_WORDS
                    or (gaz.is_common(words[0]) and not finder.known_name(words[0]))
                )
            ):
                continue
            votes.setdefault(words, Counter())[c.label] += 1
    if not votes:
        return
    by_first: dict[str, list[tuple[tuple[str, ...], Label]]] = {}
    for words, labels in votes.items():
        by_first.setdefault(words[0], []).append((words, labels.most_common(1)[0][0]))
    for names in by_first.values():
        names.sort(key=lambda e: -len(e[0]))
    for finder, found in zip(finders, results, strict=True):
        ws = finder.words
        added: list[_Candidate] = []
        for i, w in enumerate(ws):
            if not w.is_word:
                continue
            for start, stem, _ in w.splits():
                hit = None
                for words, label in by_first.get(stem, ()):
                    n = len(words)
                    if i + n <= len(ws) and tuple(x.key for x in ws[i + 1 : i + n]) == words[1:]:
                        hit = (words, label)
                        break
                if hit is None:
                    continue
                end = ws[i + len(hit[0]) - 1].end
                if all(end <= c.start or c.end <= start for c in [*found, *added]):
                    added.append(_Candidate(start, end, hit[1], 0, i, i + len(hit[0]) - 1))
                break
        found.extend(added)
        found.sort(key=lambda c: c.start)


def _quoted_short_forms(finders: list[_Finder], results: list[list[_Candidate]]) -> None:
    """«"التعاون الإسلامي"» once «منظمة التعاون الإسلامي» was found: an organisation's
    name without its head noun, in quotes, is the organisation (a headline's short form)."""
    shorts: set[tuple[str, ...]] = set()
    for finder, found in zip(finders, results, strict=True):
        for c in found:
            words = _name_key(finder, c)
            if c.label is Label.ORGANIZATION and len(words) > 2 and words[0] in ORG_HEADS:
                shorts.add(words[1:])
    if not shorts:
        return
    for finder, found in zip(finders, results, strict=True):
        ws = finder.words
        for k in range(len(ws) - 1):
            if ws[k].text not in OPENING_QUOTES:
                continue
            for words in shorts:
                n = len(words)
                if tuple(w.key for w in ws[k + 1 : k + 1 + n]) != words:
                    continue
                start, end = ws[k + 1].start, ws[k + n].end
                if all(end <= c.start or c.end <= start for c in found):
                    found.append(_Candidate(start, end, Label.ORGANIZATION, 0, k + 1, k + n))
                break
        found.sort(key=lambda c: c.start)


def _acronyms_everywhere(finders: list[_Finder], results: list[list[_Candidate]]) -> None:
    """An acronym the article spelled out («… الكويتية (كونا)») names the organisation
    at its other places too, whatever label another finder gave the word there."""
    acronyms = set().union(*(f.acronyms for f in finders))
    if not acronyms:
        return
    for finder, found in zip(finders, results, strict=True):
        for n, c in enumerate(found):
            key = fold_key(finder.text[c.start : c.end])
            if c.label is not Label.ORGANIZATION and key in acronyms:
                found[n] = _Candidate(
                    c.start, c.end, Label.ORGANIZATION, c.priority, c.first, c.last, c.tagged
                )


def find_names_in_article(
    texts: list[str],
    extra: Iterable[tuple[str, Label]] = (),
    mode: str = DEFAULT_MODE,
    tagger: WordTagger | None = None,
) -> list[list[NameMatch]]:
    """Names per paragraph, by default tagger spans first and rule spans where none stands.

    See `MODES` and `find_names` for `mode` and `tagger`.

    Over the whole article, a name found once is tagged at its other
    occurrences, and a person's last name alone is tagged wherever the full
    name occurs.
    """
    if mode != "rules" and tagger is None:
        tagger = crf_tagger()
    gaz = load_gazetteer()
    prepared = _prepare_extra(extra)
    finders = [_Finder(text, gaz, prepared) for text in texts]
    tags = _tags(finders, mode, tagger)
    results = [_run(f, mode, t) for f, t in zip(finders, tags, strict=True)]
    if mode != "rules":
        _repeat_names(finders, results, gaz)
    _quoted_short_forms(finders, results)
    _acronyms_everywhere(finders, results)
    short: set[str] = set()
    for finder, found in zip(finders, results, strict=True):
        for c in found:
            if c.label is Label.PERSON:
                last = fold_key(finder.text[c.start : c.end]).split()[-1]
                if (
                    len(last) > 2
                    and last not in FUNCTION_WORDS
                    and (not gaz.is_common(last) or gaz.is_person(last))
                ):
                    short.add(last)
    out: list[list[NameMatch]] = []
    for finder, found in zip(finders, results, strict=True):
        found = list(found)
        for i, w in enumerate(finder.words):
            if not w.is_word:
                continue
            for start, stem, fused in w.splits():
                if fused or stem not in short:
                    continue
                if all(w.end <= c.start or c.end <= start for c in found):
                    found.append(_Candidate(start, w.end, Label.PERSON, 1, i, i))
                break
        found.sort(key=lambda c: c.start)
        out.append(_to_matches(finder.text, found))
    return out


__all__ = ["MODES", "WordTagger", "crf_tagger", "find_names", "find_names_in_article"]
