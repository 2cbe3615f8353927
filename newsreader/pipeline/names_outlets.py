"""Outlets and acronyms, found by their place in the sentence: a quoted name next to a
word of saying, a dateline's agency, an institution's bracketed acronym.
"""

from __future__ import annotations

from newsreader.pipeline.lexicon_names import (
    CLOSING_QUOTES,
    CURRENCY_WORDS,
    DATELINE_DASHES,
    FUNCTION_WORDS,
    MAX_QUOTED_NAME,
    OPENING_QUOTES,
    ORG_HEADS,
    OUTLET_DESCRIPTORS,
    OUTLET_TODAY,
    PLATFORM_WORDS,
    SPEECH_WORDS,
)
from newsreader.pipeline.names_rules import _RuleSteps
from newsreader.pipeline.names_words import _resources, _Word
from newsreader.pipeline.types import Label


class _OutletSteps(_RuleSteps):
    """The steps that read sentence structure rather than word lists (every mode)."""

    def quoted_at(self, k: int) -> int | None:
        """Index of the closing quote when a short quoted name opens at token `k` (a number
        after its first word too: «قناة "روسيا 1"»)."""
        words = self.words
        if k >= len(words) or words[k].text not in OPENING_QUOTES:
            return None
        for end in range(k + 1, min(len(words), k + MAX_QUOTED_NAME + 2)):
            if words[end].text in CLOSING_QUOTES:
                inner = words[k + 1 : end]
                if inner and all(
                    self.nameable(w) or (n > 0 and w.text.isdigit()) for n, w in enumerate(inner)
                ):
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
                head = self.institution_head(k)
                if head is not None and not self.plain(inner, True):
                    self.add(head, words[close].end, Label.ORGANIZATION, k, close, 3)
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

    def institution_head(self, k: int) -> int | None:
        """Where the name starts when token `k` is an indefinite institution word that a
        quoted name completes («منظمة "شنغهاي للتعاون"», «لحركة "حماس"»: the head is
        part of the name, its proclitic is not); outlet words stay outside their names."""
        for start, stem, fused in self.words[k].splits():
            if not fused and stem in ORG_HEADS and stem not in OUTLET_DESCRIPTORS:
                return start
        return None

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
