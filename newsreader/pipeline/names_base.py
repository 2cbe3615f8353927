"""The name finder's state and word classes: what a word is (definite, a nationality, an
adjective that continues a name, name-like, a verb at a name's edge) for one paragraph.
"""

from __future__ import annotations

from newsreader.pipeline.gazetteer import Gazetteer
from newsreader.pipeline.lexicon_names import (
    FIRST_NAME_CONNECTORS,
    FORCES_DESCRIPTORS,
    FORCES_HEADS,
    FUNCTION_WORDS,
    LOCATION_TRIGGERS,
    MAX_NAME_TOKENS,
    MEDIA_WORDS,
    NAMING_ADJECTIVES,
    ORG_HEADS,
    PERSON_TITLES,
    PURPOSE_WORDS,
)
from newsreader.pipeline.names_words import _Candidate, _resources, _Word, _words
from newsreader.pipeline.types import Label


class _FinderBase:
    """One paragraph's words and the names found so far; the word tests every step reads."""

    def __init__(self, text: str, gaz: Gazetteer, extra: list[tuple[list[str], Label]]) -> None:
        self.text = text
        self.gaz = gaz
        self.words = _words(text)
        self.extra = extra
        self.found: list[_Candidate] = []
        self.titled: set[tuple[int, int]] = set()  # people named right after a role
        self.acronyms: set[str] = set()  # keys of bracketed acronyms of institutions

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

    def known_name(self, key: str) -> bool:
        return self.gaz.is_location(key) or self.gaz.is_organization(key) or self.person_known(key)
