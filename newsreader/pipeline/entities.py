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


FUNCTION_WORDS = _keys("""
    في على من إلى الى عن مع بين حتى منذ خلال عند بعد قبل أن إن ان لا لم لن ما قد كان كانت
    يكون تكون هو هي هم هما هن هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين أو ثم بل
    لكن حيث كما إذا إذ بشأن حول ضد دون عبر نحو لدى أيضا فقط كل بعض غير وفق وسط إثر جراء أمام
    إزاء تجاه أنا نحن أنت أنتم إنه إنها أنه أنها عليه عليها فيه فيها منه منها
    له لها لهم إليه به بها أي أيضًا وقد لقد سوف مثل
    يوم اليوم أمس غدا الآن عام العام شهر الشهر أسبوع الأسبوع ساعة الساعة نحو حوالي قرابة
    """)
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
    الانتقالي الانتقالية التشريعي التشريعية العسكري
    """) - _keys("العسكري")
LOCATION_TRIGGERS = _keys("""
    مدينة مدينتي مدن بلدة بلدات قرية قرى مقاطعة مقاطعتي مقاطعات محافظة محافظتي محافظات ولاية
    ولايتي ولايات إقليم إقليمي أقاليم منطقة منطقتي مناطق جزيرة جزر عاصمة ضاحية ضواحي
    """)
VENUE_HEADS = _keys(
    "قصر مطار ملعب ميناء فندق ساحة ستاد جامع مسجد كنيسة سجن معبر مخيم حي شارع جسر سد"
)
STATE_HEAD = fold_key("دولة")
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

    # --- word classes -------------------------------------------------------------

    def is_definite(self, key: str) -> bool:
        return key.startswith("ال") and len(key) > 3

    def is_nationality(self, key: str) -> bool:
        return self.gaz.is_nationality(key)

    def is_adjective(self, key: str, loose: bool) -> bool:
        """A definite adjective that can continue a name."""
        if not self.is_definite(key) or key in FUNCTION_WORDS or self.gaz.is_location(key):
            return False
        if key in NAMING_ADJECTIVES or self.is_nationality(key):
            return True
        if len(key) == 6 and key.startswith("الا"):  # elative أفعل: الأعلى، الأكبر
            return True
        return loose and key.endswith(("ي", "يه", "يين", "يون"))

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
        return self.gaz.is_person(key)

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
        if self.gaz.is_location(key) and not known:
            return False
        if self.is_definite(key) and not (known or self.gaz.is_family_name(key)):
            return False
        if key[0] in "وف" and not known and not (after_role and self.person_known(key[1:])):
            return False  # right after a role «و» cannot be a conjunction: «وليام»
        if position > 0 and key[0] in "بلك" and not known:
            rest = key[1:]
            if rest in FUNCTION_WORDS or self.gaz.is_common(rest) or self.is_definite(rest):
                return False  # «بداعي», «للسفر»: a preposition phrase, not a name
        if self.gaz.is_common(key) and not (
            known and (position > 0 or self.gaz.is_first_name(key))
        ):
            return False  # «الناطق باسم …»: an ordinary word first is not a name
        if position > 0 and key.startswith("لل"):
            return False
        if position == 0 and not known:
            if key.startswith(("سي", "ست", "سن")) and len(key) > 4:
                return False  # future verb
            if key[0] == "ي" or key.endswith("ه"):
                return False  # imperfect verb; a noun with teh marbuta
        return True

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
        if end > start:
            self.found.append(_Candidate(start, end, label, priority, first, last, tagged))

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
            if not w.is_word:
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
                    if self.gaz.is_location(key):
                        label = Label.LOCATION
                    elif self.gaz.is_organization(key):
                        label = Label.ORGANIZATION
                    if label:
                        self.add(start, words[i + n - 1].end, label, i, i + n - 1)
                        break
                if label:
                    break

    def org_chain(self, j: int, after_genitive: bool) -> int:
        """End index of a name extended from token j: adjectives, then one «لـ» phrase."""
        words = self.words
        while j < len(words) and self.is_adjective(words[j].key, loose=True):
            j += 1
        if j < len(words) and words[j].is_word and len(words[j].key) > 3 and words[j].key[0] == "ل":
            key = words[j].key
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
            while j < len(words) and self.is_adjective(words[j].key, loose=True):
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
                if end is None:
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
        return self.org_chain(j + 1, after_genitive=True)

    def find_people(self) -> None:
        words = self.words
        for i, w in enumerate(words):
            if not w.is_word:
                continue
            stems = w.stems()
            if any(s in PERSON_TITLES for s in stems):
                self.after_title(i + 1)
            elif any(self.gaz.is_first_name(s) for s in stems) and not self.covered(i):
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
        self.list_after(j + n)

    def first_name_at(self, i: int) -> None:
        w = self.words[i]
        for start, stem, fused in w.splits():
            if fused or not self.gaz.is_first_name(stem):
                continue
            if stem in FUNCTION_WORDS or self.gaz.is_common(stem):
                continue
            n = 1 + self.name_tokens(i + 1, limit=2)
            if n < 2:
                return
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
                joined = kind is Label.PERSON and piece < k < end and self.joins_people(k)
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
        return not (self.person_known(w.key) or self.gaz.is_first_name(w.key))

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

        while i <= j and edge(words[i]):
            i += 1
        while j >= i and (
            words[j].key in FUNCTION_WORDS
            or (
                label is Label.PERSON
                and (self.is_nationality(words[j].key) or self.is_title(words[j]))
            )
        ):
            j -= 1
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
        elif label is Label.ORGANIZATION and j + 1 < len(words):
            j = max(j, self.org_chain(j + 1, after_genitive=True) - 1)
        if i == j and (self.generic(words[i]) or not words[i].is_word and len(words[i].key) < 2):
            return None
        if i == j and label is Label.LOCATION and self.people_noun(words[i]):
            return None
        return self.name_start(words[i]), i, j

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
