"""A statistical tagger's spans under the rules' span conventions, and the resolution of
overlapping candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsreader.pipeline.lexicon_names import (
    CURRENCY_WORDS,
    FUNCTION_WORDS,
    LOCATION_TRIGGERS,
    MAX_NAME_TOKENS,
    ORG_HEADS,
    PERSON_TITLES,
    TITLE_COMPLEMENTS,
)
from newsreader.pipeline.names_outlets import _OutletSteps
from newsreader.pipeline.names_words import _Candidate, _Word
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.tagger import (
    bio_spans,
)
from newsreader.pipeline.types import Label


class _TaggedSteps(_OutletSteps):
    """Tagged spans made conventional (`conventional`) and overlaps resolved (`resolve`)."""

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
                    last = k - 1
                    person = None
                    if kind is Label.ORGANIZATION:
                        person = self.officeholder_after(piece, last)
                    if person is not None:  # «لمنظمة شنغهاي نورلان ييرميكباييف»: two names
                        self.add_piece(person, last, Label.PERSON, False, priority)
                        last = person - 1
                    self.add_piece(piece, last, kind, after_and, priority)
                piece, after_and = (k, True) if joined else (k + 1, False)

    def add_piece(self, i: int, j: int, kind: Label, after_and: bool, priority: int) -> None:
        """Tokens i..j of a tagged span, made conventional, as a candidate."""
        span = self.conventional(i, j, kind)
        if span is None:
            return
        start, first, last = span
        if after_and and first == i and start == self.words[first].start:
            start += self.words[first].offsets[1]  # the «و» stays outside
        self.add(start, self.words[last].end, kind, first, last, priority=priority, tagged=True)

    def officeholder_after(self, i: int, j: int) -> int | None:
        """Where a person's name starts inside a tagged organisation that follows an
        office («الأمين العام لمنظمة شنغهاي نورلان ييرميكباييف»): two or more name words
        at its end, after a head and at least one word of the organisation's own."""
        words = self.words
        if i == 0 or not self.is_title(words[i - 1]) or j - i < 3:
            return None
        if not any(s in ORG_HEADS for s in words[i].stems()):
            return None
        m = j + 1
        while m - 1 > i + 1 and self.name_like(words[m - 1], 1):
            m -= 1
        return m if j - m >= 1 else None

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
        trimmed = self.trim_tagged(i, j, label)
        if trimmed is None:
            return None
        i, j = trimmed
        words = self.words
        if label is Label.PERSON:
            i, j = self.extend_person(i, j, label)
        elif label is Label.ORGANIZATION and j + 1 < len(words):
            j = max(j, self.org_chain(j + 1, after_genitive=True) - 1)
        if i == j and self.lone_word_dropped(words[i], label):
            return None
        return self.name_start(words[i]), i, j

    def tagged_edge(self, w: _Word, label: Label) -> bool:
        """A word that stays outside a tagged name at its start: a function word, a
        nationality, a person's title, a place noun before a place."""
        if w.key in FUNCTION_WORDS or self.is_nationality(w.key):
            return True
        if label is Label.PERSON:
            return self.is_title(w)
        if label is Label.LOCATION:
            return any(s in LOCATION_TRIGGERS for s in w.stems())
        return False

    def trim_tagged(self, i: int, j: int, label: Label) -> tuple[int, int] | None:
        """The tagged tokens i..j without what stays outside a name at either edge; None
        when nothing is left or the organisation is described rather than named."""
        words = self.words
        has_text = [any(ch.isalnum() for ch in w.text) for w in words]
        while i <= j and not has_text[i]:
            i += 1
        while j >= i and not has_text[j]:
            j -= 1
        while i <= j and (
            self.tagged_edge(words[i], label)
            or self.inflected(words[i], label)
            or self.verb_edge(words[i], label)
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
            if self.indefinite_description(i, j):
                return None
        if i > j:
            return None
        return i, j

    def indefinite_description(self, i: int, j: int) -> bool:
        """«منظمة دولية», «شركة عالمية»: an indefinite institution noun and indefinite
        adjectives describe an organisation; they name none."""
        words = self.words[i : j + 1]
        if len(words) < 2 or not any(s in ORG_HEADS for s in words[0].stems()):
            return False
        return all(
            w.is_word
            and not self.is_definite(w.key)
            and w.key.endswith(("ي", "يه"))
            and not self.gaz.is_place(w.key)
            and not self.person_known(w.key)
            for w in words[1:]
        )

    def extend_person(self, i: int, j: int, label: Label) -> tuple[int, int]:
        """A person's span widened to a first name before it, known name words after it
        and a nisba family name («محمد شياع السوداني»)."""
        words = self.words
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
        return i, j

    def lone_word_dropped(self, w: _Word, label: Label) -> bool:
        """A one-word span that is no name: a generic noun or a stray mark, a word with
        tanween («بنوداً»), money («الدينار»), a people's name as a place («الروس»)."""
        if self.generic(w) or not w.is_word and len(w.key) < 2:
            return True
        if w.tanween:
            return True
        if any(s in CURRENCY_WORDS for s in w.stems()):
            return True
        return label is Label.LOCATION and self.people_noun(w)

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

    def people_noun(self, w: _Word) -> bool:
        """«البيلاروس», «الروس»: a country's name with the article names its people."""
        for _, stem, _ in w.splits():
            if self.is_definite(stem) and not self.gaz.is_location(stem):
                bare = stem[2:]
                if self.gaz.is_country(bare) or self.gaz.is_country(bare + "يا"):
                    return True
        return False

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
