"""The rule steps of the name finder: curated names, gazetteer names, organisations,
people and places, each from Arabic structure (see `entities`).
"""

from __future__ import annotations

from newsreader.pipeline.clitics import word_frequency
from newsreader.pipeline.lexicon_names import (
    COORDINATING_HEADS,
    CURRENCY_WORDS,
    FUNCTION_WORDS,
    LOCATION_TRIGGERS,
    MEDIA_WORDS,
    ORG_HEADS,
    PEOPLES,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    PORTFOLIOS,
    SANCTUARY_HEADS,
    STATE_HEAD,
    TEAM_HEADS,
    TITLE_COMPLEMENTS,
    VENUE_HEADS,
)
from newsreader.pipeline.names_base import _FinderBase
from newsreader.pipeline.names_words import _Word
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Label

ADJECTIVE_MIN_ZIPF = 3.0  # «نائية» 3.45, «عازلة» 3.28: words a reader knows


class _RuleSteps(_FinderBase):
    """The word-list and structure rules (`RULE_STEPS` in `entities` says their order)."""

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
                if n > 1 and words[i + n - 1].key not in self.gaz.last_words:
                    continue  # no listed name of n words ends with this word
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
                union = None if definite else self.peoples_of_place(i + 1)
                if union is not None:  # «رابطة أمم جنوب شرق آسيا»: over the tagger's place
                    self.add(start, words[union - 1].end, Label.ORGANIZATION, i, union - 1, 3)
                    break
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
        # construct state: more links («مجلس جامعة …», «منظمة معاهدة …»), a definite genitive
        j = self.construct_links(j)
        key = words[j].key
        if head == fold_key("مركز") and self.gaz.is_location(key):
            return self.org_chain(j + 1, after_genitive=True)
        if not self.is_definite(key) or key in FUNCTION_WORDS or self.is_nationality(key):
            return None
        if head in COORDINATING_HEADS:
            j = self.coordinated(j)
        return self.org_chain(j + 1, after_genitive=True)

    def peoples_of_place(self, j: int) -> int | None:
        """End of «أمم/دول + a listed place» after an institution head: a union of the
        nations of a region («رابطة أمم جنوب شرق آسيا», «منظمة دول غرب أفريقيا»)."""
        words = self.words
        if j + 1 >= len(words) or words[j].key not in PEOPLES:
            return None
        for n in range(min(4, len(words) - j - 1), 0, -1):
            place = words[j + 1 : j + 1 + n]
            if all(w.is_word for w in place) and self.gaz.is_location(
                " ".join(w.key for w in place)
            ):
                return j + 1 + n
        return None

    def construct_links(self, j: int) -> int:
        """Past further heads («مجلس جامعة …») and one indefinite noun in construct
        («منظمة معاهدة الأمن الجماعي») to the word where the genitive starts."""
        words = self.words
        while words[j].key in ORG_HEADS and j + 1 < len(words):
            j += 1
        return j + 1 if self.construct_noun(j) else j

    def construct_noun(self, j: int) -> bool:
        """Is word j an indefinite noun in construct with the definite word after it, one
        more link of an institution's name («معاهدة» in «منظمة معاهدة الأمن الجماعي»)?
        The name's adjective must follow: «حركة نقل الركاب» is passenger traffic."""
        words = self.words
        if j + 2 >= len(words) or not all(w.is_word for w in words[j : j + 3]):
            return False
        if not self.institution_adjective(words[j + 2].key):
            return False
        key, after = words[j].key, words[j + 1].key
        return not (
            words[j].tanween
            or self.is_definite(key)
            or key in FUNCTION_WORDS
            or key in PERSON_TITLES
            or key[0] in "ول"  # a conjunction or «ل»: «منظمة وأخرى», «منظمة لحقوق»
            or self.is_nationality(key)
            or self.gaz.is_place(key)
            or self.gaz.is_name_part(key)
            or self.purpose_word(key)
            or not self.is_definite(after)
            or after in FUNCTION_WORDS
        )

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

    def agreeing_adjective(self, w: _Word) -> bool:
        """«منطقة خالية», «منطقة آمنة»: a known word in the feminine after a place noun
        describes it; a place's name is listed («مدينة جدة») or rarely written."""
        return (
            w.text.endswith("ة")
            and not self.gaz.is_place(w.key)
            and not self.gaz.is_location(w.key)
            and word_frequency(w.text) >= ADJECTIVE_MIN_ZIPF
        )

    def sanctuary(self, i: int) -> bool:
        """«المسجد الأقصى», «الحرم الإبراهيمي»: a definite mosque or sanctuary and the
        definite adjective that names it."""
        words = self.words
        if i + 1 >= len(words) or not words[i + 1].is_word:
            return False
        nxt = words[i + 1].key
        heads = [s for s in words[i].stems() if self.is_definite(s) and s[2:] in SANCTUARY_HEADS]
        return bool(heads) and self.is_definite(nxt) and nxt not in FUNCTION_WORDS

    def find_places(self) -> None:
        words = self.words
        for i, w in enumerate(words):
            if not w.is_word:
                continue
            stems = w.stems()
            if self.sanctuary(i):
                start = next(st for st, s, _ in w.splits() if self.is_definite(s))
                self.add(start, words[i + 1].end, Label.LOCATION, i, i + 1)
            elif any(s in VENUE_HEADS for s in stems) and i + 1 < len(words):
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
                    or self.agreeing_adjective(words[j])
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
