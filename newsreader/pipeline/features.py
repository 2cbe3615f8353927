"""Token features for the CRF name tagger.

Each token gets binary string features (python-crfsuite's item format): the
word and its folded form, affixes, the stem without proclitics and article,
shape, length, digits, nisba endings, trigger words before it, word clusters
learnt from the training text, gazetteer membership, and how foreign its
letters look (`foreign.py`). Neighbours within ±2
add their folded word and stem, so the tagger sees «الرئيس» before a name
however the name is spelt.

Everything that depends on resources (clusters, gazetteer) goes through
`Resources`, so training and tagging compute exactly the same features.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import chain
from pathlib import Path

from newsreader.pipeline.foreign import foreign_buckets
from newsreader.pipeline.normalize import fold, proclitic_splits, stem, strip_article
from newsreader.pipeline.resource_files import load_resource

DATA = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA / "ner.crfsuite"


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


# Trigger words, written from Arabic usage (titles and heads of names), folded.
# A title stands before a person; a place noun before a place; an organisation
# head noun usually *starts* the ANERcorp entity, so both the word itself and
# the word before are tested.
PERSON_TRIGGERS = _folded_words("""
    الرئيس رئيس رئيسة الرئيسة الوزير وزير وزيرة الوزيرة الملك ملك الملكة الأمير أمير الأميرة
    الشيخ الشيخة السيد السيدة الدكتور الدكتورة د المستشار المستشارة النائب نائب الجنرال العقيد
    اللواء العميد الفريق المشير القائد الزعيم الإمام المتحدث الناطق المدرب اللاعب الكاتب
    الشاعر الفنان الفنانة المطرب المطربة الممثل الممثلة المخرج البابا الأمين السفير المبعوث
    المدير مدير المحامي القاضي الأستاذ البروفيسور الحاج الأب القس المفتي الكاردينال المرشح
    الرئيسان نظيره نظيرها الصحفي المراسل المهاجم الحارس النجم الأسطورة الخليفة السلطان
    الجنرالات العاهل ولي الرسام المغني الروائي المؤرخ العالم الفيلسوف الطبيب
    """)
LOCATION_TRIGGERS = _folded_words("""
    مدينة المدينة بلدة البلدة قرية القرية مقاطعة المقاطعة محافظة المحافظة ولاية الولاية إقليم
    الإقليم منطقة المنطقة العاصمة عاصمة جزيرة الجزيرة جزر نهر النهر بحر البحر جبل جبال صحراء
    شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط ضواحي حي شارع ميناء دولة بلاد إمارة مملكة
    جمهورية مخيم سواحل ساحل خليج قطاع الضفة أراضي حدود
    """)
ORGANIZATION_TRIGGERS = _folded_words("""
    وكالة الوكالة مجلس المجلس شركة الشركة منظمة المنظمة حزب الحزب حركة الحركة جامعة الجامعة
    جمعية الجمعية اتحاد الاتحاد هيئة الهيئة مؤسسة المؤسسة بنك البنك مصرف المصرف صندوق الصندوق
    لجنة اللجنة وزارة الوزارة نادي النادي فريق الفريق منتخب المنتخب جبهة الجبهة جيش الجيش
    صحيفة الصحيفة جريدة الجريدة مجلة المجلة قناة القناة إذاعة الإذاعة تلفزيون التلفزيون
    محكمة المحكمة البرلمان برلمان الكونغرس مكتب المكتب معهد المعهد مركز المركز رابطة الرابطة
    نقابة النقابة تحالف التحالف ائتلاف الائتلاف مجموعة المجموعة كتلة الكتلة بورصة البورصة
    أكاديمية الأكاديمية مستشفى المستشفى مصنع جهاز الجهاز قوات القوات سلطة السلطة
    """)
_TRIGGERS = (
    ("per", PERSON_TRIGGERS),
    ("loc", LOCATION_TRIGGERS),
    ("org", ORGANIZATION_TRIGGERS),
)
# Relative (nisba) adjective endings, folded: ي, ية→يه, يون, يين, يات.
NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "ي")

GazetteerLookup = Callable[[str], Sequence[str]]


def _default_gazetteer() -> GazetteerLookup | None:
    """Lookups from newsreader.pipeline.gazetteer, when that module exists."""
    try:
        from newsreader.pipeline import gazetteer as module
    except ImportError:
        return None
    loader = getattr(module, "load_gazetteer", None)
    if loader is None:
        return None
    gaz = loader()  # a corrupt file is a ResourceError, not a tagger without a gazetteer
    tests = [
        (name, getattr(gaz, f"is_{name}"))
        for name in (
            "location",
            "country",
            "city",
            "region",
            "common",
            "first_name",
            "family_name",
            "person",
            "organization",
            "nationality",
        )
        if callable(getattr(gaz, f"is_{name}", None))
    ]
    if not tests:
        return None

    @lru_cache(maxsize=200_000)
    def lookup(key: str) -> tuple[str, ...]:
        return tuple(name for name, test in tests if test(key))

    # the last word of every multi-word entry (`multiword_features` asks no other phrase)
    lookup.last_words = module.last_words(  # type: ignore[attr-defined]
        *(getattr(gaz, f.name) for f in fields(gaz) if f.init)
    )
    return lookup


def clusters_path(model_path: Path) -> Path:
    """The word-class file trained with a model sits beside it: ner.crfsuite → ner.clusters.json."""
    return Path(model_path).with_suffix(".clusters.json")


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Word → cluster ids at each granularity, from the JSON file written by training."""
    if not path.exists():
        return {}
    return load_resource(
        path, lambda data: {word: tuple(ids) for word, ids in data["clusters"].items()}
    )


def load_plain_words(path: Path) -> frozenset[str]:
    """Word keys (`document.token_key`) the training data showed outside any name (same file)."""
    if not path.exists():
        return frozenset()
    return load_resource(path, lambda data: frozenset(data.get("plain_words", ())))


def load_name_words(path: Path) -> dict[str, int]:
    """Folded word → times it stood inside a name in the training data (same file)."""
    if not path.exists():
        return {}
    return load_resource(path, lambda data: dict(data.get("name_words", {})))


@dataclass(slots=True)
class Resources:
    """What features need beyond the words: clusters and a gazetteer lookup."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: GazetteerLookup | None = None

    name_words: dict[str, int] = field(default_factory=dict)
    plain_words: frozenset[str] = frozenset()
    foreign: Callable[[str], int] | None = None  # `foreign.foreign_buckets`
    memo: dict[str, WordFeatures] = field(default_factory=dict, compare=False, repr=False)

    def name_weight(self, key: str) -> int:
        """How well the folded word is known as (part of) a name: gazetteer or training."""
        listed = 1000 if self.gazetteer and self.gazetteer(key) else 0
        return listed + self.name_words.get(key, 0)


@lru_cache(maxsize=1)
def default_gazetteer() -> GazetteerLookup | None:
    return _default_gazetteer()


@lru_cache(maxsize=4)
def resources_for(model_path: Path = MODEL_PATH) -> Resources:
    """The resources a model was trained with: its cluster file and the gazetteer."""
    path = clusters_path(model_path)
    return Resources(
        load_clusters(path),
        default_gazetteer(),
        load_name_words(path),
        load_plain_words(path),
        foreign_buckets(),
    )


def shape(word: str) -> str:
    """Collapsed character classes: A Arabic, L Latin, D digit, P other."""
    out: list[str] = []
    for ch in word:
        if "\u0600" <= ch <= "\u06ff" and not ch.isdigit() and ch.isalpha():
            c = "A"
        elif ch.isdigit():
            c = "D"
        elif ch.isalpha():
            c = "L"
        else:
            c = "P"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.&'-]*")


def latin_case(word: str) -> str:
    """Case class of a Latin-script word, after any Arabic proclitic («وDell» → title).

    Brand and agency names (CNN, IBM, Sony) stand in Latin letters inside
    Arabic news; ordinary Latin words there are mostly lower case.
    """
    i = 0
    while i < len(word) and i < 3 and "\u0600" <= word[i] <= "\u06ff":
        i += 1
    m = _LATIN.fullmatch(word[i:])
    if not m:
        return ""
    letters = [c for c in m.group() if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    return "title" if letters[0].isupper() else "lower"


def _candidates(folded: str) -> list[str]:
    """The word and each proclitic reading of it, with and without «ال»."""
    out: list[str] = []
    for _, rest in proclitic_splits(folded):
        for form in (rest, strip_article(rest)):
            if form not in out:
                out.append(form)
    return out


def nisba(folded: str) -> str:
    bare = strip_article(folded)
    if len(bare) < 4:
        return ""
    for ending in NISBA_ENDINGS:
        if bare.endswith(ending):
            return ending
    return ""


def triggers(folded: str) -> list[str]:
    """Trigger classes of a word, read through its proclitics («والرئيس» is a title)."""
    out: list[str] = []
    forms = [rest for _, rest in proclitic_splits(folded)]
    for name, words in _TRIGGERS:
        if any(form in words for form in forms):
            out.append(name)
    return out


def gazetteer_features(folded: str, resources: Resources) -> list[str]:
    """Gazetteer classes of the word, and of its stems (tagged «s:» then)."""
    if resources.gazetteer is None:
        return []
    out: list[str] = []
    whole = set(resources.gazetteer(folded))
    out.extend(f"gaz={c}" for c in sorted(whole))
    parts: set[str] = set()
    for form in _candidates(folded)[1:]:
        parts.update(resources.gazetteer(form))
    out.extend(f"gaz.s={c}" for c in sorted(parts - whole))
    return out


def cluster_features(folded: str, resources: Resources, prefix: str = "") -> list[str]:
    if not resources.clusters:
        return []
    ids = resources.clusters.get(folded)
    tag = "c"
    if ids is None:
        s = stem(folded)
        ids = resources.clusters.get(s) or resources.clusters.get(strip_article(s))
        tag = "cs"
    if ids is None:
        return [f"{prefix}{tag}=none"]
    return [f"{prefix}{tag}{i}={cid}" for i, cid in enumerate(ids)]


def token_features(word: str, resources: Resources) -> list[str]:
    """Features of one token on its own, without its neighbours."""
    clean = word.replace("\u0640", "")
    f = fold(clean) or clean
    s = stem(f)
    feats = [
        "bias",
        f"w={clean}",
        f"f={f}",
        f"stem={s}",
        f"shape={shape(clean)}",
        f"len={min(len(f), 10)}",
    ]
    for n in (1, 2, 3):
        if len(f) > n:
            feats.append(f"p{n}={f[:n]}")
            feats.append(f"s{n}={f[-n:]}")
    if len(s) > 2 and s != f:
        feats.append(f"ss2={s[-2:]}")
        feats.append(f"sp2={s[:2]}")
    splits = proclitic_splits(f)
    if len(splits) > 1:
        feats.append(f"procl={splits[-1][0]}")
    if f.startswith("ال") or any(rest.startswith("ال") for _, rest in splits[1:]):
        feats.append("article")
    if any(ch.isdigit() for ch in f):
        feats.append("digit")
        if f.isdigit():
            feats.append(f"ndigits={min(len(f), 5)}")
    ending = nisba(f)
    if ending:
        feats.append(f"nisba={ending}")
    case = latin_case(clean)
    if case:
        feats.append(f"latin={case}")
    feats.extend(f"trig={t}" for t in triggers(f))
    if resources.foreign is not None:
        feats.append(f"foreign={resources.foreign(clean)}")
    feats.extend(gazetteer_features(f, resources))
    feats.extend(cluster_features(f, resources))
    return feats


MEMO_WORDS = 10_000  # words whose features a process keeps (~45 MB), then it starts again


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """A word's features on its own and, unprefixed, as a neighbour: computed once per word.

    Words repeat (within an article and across a batch), and each token is read
    five times (itself, then as the neighbour of four tokens).
    """

    own: tuple[str, ...]
    close: tuple[str, ...]  # as the word just before or after
    near: tuple[str, ...]  # two words away
    title_two_back: bool  # a person's title: read by the word two places on
    # as a neighbour at each of `NEIGHBOURS`, prefixed with the offset («-1:f=…»)
    shifted: tuple[tuple[str, ...], ...] = ()


NEIGHBOURS = (-2, -1, 1, 2)  # the tokens whose features a token's item also holds


def word_features(word: str, resources: Resources) -> WordFeatures:
    memo = resources.memo
    known = memo.get(word)
    if known is None:
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        known = memo[word] = _word_features(word, resources)
    return known


def _word_features(word: str, resources: Resources) -> WordFeatures:
    clean = word.replace("\u0640", "")
    f = fold(clean) or clean
    head = [f"f={f}", f"stem={stem(f)}"]
    tail = [f"trig={t}" for t in triggers(f)]
    close = [*head, f"s2={f[-2:]}", f"shape={shape(clean)}"]
    n = nisba(f)
    if n:
        close.append(f"nisba={n}")
    close.extend(gazetteer_features(f, resources))
    close.extend(cluster_features(f, resources))
    views = (*close, *tail), (*head, *tail)  # as a neighbour one and two words away
    return WordFeatures(
        tuple(token_features(word, resources)),
        views[0],
        views[1],
        "per" in triggers(fold(word)),
        tuple(tuple(f"{offset}:{x}" for x in views[abs(offset) - 1]) for offset in NEIGHBOURS),
    )


def multiword_features(
    words: Sequence[str], resources: Resources, longest: int = 4
) -> list[list[str]]:
    """Gazetteer names of 2–4 words («الولايات المتحدة»), marked on each covered token.

    The first word is also tried without its proclitics («وريو دي جانيرو»).
    """
    out: list[list[str]] = [[] for _ in words]
    if resources.gazetteer is None or len(words) < 2:
        return out
    folded = [fold(w.replace("\u0640", "")) for w in words]
    last_words = getattr(resources.gazetteer, "last_words", None)
    for i in range(len(words)):
        firsts = {rest for _, rest in proclitic_splits(folded[i])}
        for n in range(2, min(longest, len(words) - i) + 1):
            if last_words is not None and folded[i + n - 1] not in last_words:
                continue  # no entry of n words ends with this word
            tail = " ".join(folded[i + 1 : i + n])
            classes: set[str] = set()
            for first in firsts:
                classes.update(resources.gazetteer(f"{first} {tail}"))
            for c in sorted(classes):
                out[i].append(f"gm=B-{c}")
                for j in range(i + 1, i + n):
                    out[j].append(f"gm=I-{c}")
    return out


Part = Sequence[str]  # a run of a token's features: a tuple when it recurs with the word
_BOS, _EOS = ("BOS",), ("EOS",)
_PADS = tuple((f"{offset}:pad",) for offset in NEIGHBOURS)


def sentence_parts(words: Sequence[str], resources: Resources | None = None) -> list[list[Part]]:
    """Each token's CRF item in parts: its own features, then its ±2 neighbours' (or pads),
    then gazetteer phrases and a few marks. Tuple parts are kept per word form
    (`word_features`), so a tagger can keep what it derived from one (`crf_model`)."""
    resources = resources_for() if resources is None else resources
    n = len(words)
    known = [word_features(w, resources) for w in words]
    multi = multiword_features(words, resources)
    latin = [bool(latin_case(w)) for w in words]
    items: list[list[Part]] = []
    for i in range(n):
        parts: list[Part] = [known[i].own]
        if i == 0:
            parts.append(_BOS)
        if i == n - 1:
            parts.append(_EOS)
        for k, offset in enumerate(NEIGHBOURS):
            j = i + offset
            parts.append(known[j].shifted[k] if 0 <= j < n else _PADS[k])
        tail = multi[i]
        if latin[i] and not any(latin[j] for j in (i - 1, i + 1) if 0 <= j < n):
            tail.append("latin.alone")  # one Latin word amid Arabic: a name, not a quote
        # a title two words back («الرئيس الأمريكي جورج») still points at a person
        if i >= 2 and known[i - 2].title_two_back:
            tail.append("trig2=per")
        if tail:
            parts.append(tail)
        items.append(parts)
    return items


def sentence_features(words: Sequence[str], resources: Resources | None = None) -> list[list[str]]:
    """CRF items for a sentence: each token's own features plus its ±2 neighbours'."""
    return [list(chain.from_iterable(parts)) for parts in sentence_parts(words, resources)]


def domain_copies(items: list[list[str]], domain: str | None) -> list[list[str]]:
    """A sentence's CRF items with every feature also under its corpus's name.

    Training text from another domain (Wikipedia beside news) keeps its own
    copy of each feature («wiki:f=…»): the shared copy learns what holds in
    both, the domain copy absorbs what that corpus marks differently (its
    organisations), and news text, tagged without copies, gets the shared
    weights only (Daumé's "frustratingly easy" domain adaptation, one-sided).
    """
    if not domain:
        return items
    return [x + [f"{domain}:{f}" for f in x] for x in items]
