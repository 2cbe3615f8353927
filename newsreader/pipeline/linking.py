"""Canonical forms: each name mention points at the fullest form of its name in the article.

PERSON: a mention whose words are a contiguous run of a longer person name's
words links to the longest such name («بوتين» → «فلاديمير بوتين»). LOCATION and
ORGANIZATION: a mention whose words start a longer name of the same label links
to the longest («المجلس الأعلى» → «المجلس الأعلى لدولة الاتحاد»). Before comparing,
«لل» at the start of a mention is read as «ال» («للمجلس» → «المجلس»). DATE keeps
its ISO value.

An organisation is also named without its head noun («التعاون الإسلامي» for
«منظمة التعاون الإسلامي») and by the acronym bracketed after its full name
(«حركة المقاومة الإسلامية (حماس)»): both link to the full name.

A canonical is a name, never a name plus the words after it: a form that ran
on over a purpose clause («… لبحث …») or into a person's name found in the
article is cut there before it is compared or chosen.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsreader.pipeline.lexicon_names import (
    HOMOGRAPHS,
    NAME_CONNECTORS,
    NAMED_AFTER_TITLES,
    OPENING_QUOTES,
    PURPOSE_WORDS,
    SHORTENABLE_HEADS,
)
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import Label, Span


def clitic_free(text: str) -> str:
    """The mention as a name: «لل» + noun at the start becomes «ال» + noun."""
    text = " ".join(text.split())
    if text.startswith("لل") and len(text.split()[0]) > 3:
        return "ا" + text[1:]
    return text


def entity_key(name: str) -> str:
    """Folded, clitic-free key matching one entity across articles."""
    return fold_key(clitic_free(fold_key(name)))


def sense_key(name: str, context: str) -> str:
    """`entity_key`, told apart for a homograph («عُمان» the country, «عمّان» the city).

    The vowelled spelling decides; else a cue word in `context` (the article's
    text); with neither the key is marked unresolved, so two articles' «عمان»
    are not merged without evidence.
    """
    key = entity_key(name)
    senses = HOMOGRAPHS.get(key)
    if not senses:
        return key
    spelled = " ".join(name.split())
    for sense, (spelling, _) in enumerate(senses):
        if spelling in spelled:
            return f"{key}#{sense}"
    words = set(fold_key(context).split())
    hits = [sense for sense, (_, cues) in enumerate(senses) if words & cues]
    if len(hits) == 1:
        return f"{key}#{hits[0]}"
    return f"{key}#?"


def _purpose(word: str) -> bool:
    """ل + a verbal noun («لبحث», «لتعزيز»): a clause after a name, not part of it."""
    if word in PURPOSE_WORDS:
        return True
    if not word.startswith("ل") or word.startswith("لل"):
        return False
    stem = word[1:]
    return len(stem) == 5 and stem[0] == "ت" and stem[3] == "ي"


def _name_words(words: list[str], first_names: frozenset[str]) -> list[str]:
    """The words of a name without a tail it ran on to (a purpose clause, a person)."""
    for i in range(1, len(words)):
        if _purpose(words[i]):
            return words[:i]
        if i > 1 and words[i] in first_names and words[i - 1] not in NAMED_AFTER_TITLES:
            return words[:i]
    return words


def _contains(long: list[str], short: list[str], prefix_only: bool, headless: bool = False) -> bool:
    n = len(short)
    if n >= len(long):
        return False
    if prefix_only:
        return long[:n] == short or (
            headless and long[0] in SHORTENABLE_HEADS and long[1:] == short
        )
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _acronyms(spans: list[Span], texts: Mapping[int, str]) -> dict[str, str]:
    """Key of a one-word organisation bracketed right after another → that one's key."""
    out: dict[str, str] = {}
    orgs = [s for s in spans if s.label is Label.ORGANIZATION]
    for a, b in zip(orgs, orgs[1:], strict=False):
        text = texts.get(a.paragraph)
        if text is None or b.paragraph != a.paragraph or len(b.text.split()) != 1:
            continue
        between = text[a.end : b.start].strip()
        if between == "(" and text[b.end : b.end + 1] == ")":
            out.setdefault(entity_key(clitic_free(b.text)), entity_key(clitic_free(a.text)))
    return out


def _quoted(span: Span, texts: Mapping[int, str]) -> bool:
    """The mention stands in quotes, as a headline's short form of a name does."""
    text = texts.get(span.paragraph, "")
    return span.start > 0 and text[span.start - 1 : span.start] in OPENING_QUOTES


def link(spans: list[Span], texts: Mapping[int, str] | None = None) -> None:
    """Set `canonical` on every span, in place; `texts` (paragraph index → text)
    lets a bracketed acronym link to the name before it."""
    first_names = (
        frozenset(
            entity_key(s.text).split()[0]
            for s in spans
            if s.label is Label.PERSON and len(s.text.split()) > 1
        )
        - NAME_CONNECTORS
    )
    forms: dict[Label, dict[str, str]] = {}
    cut: dict[int, tuple[list[str], str]] = {}
    for n, span in enumerate(spans):
        if span.label is Label.DATE:
            continue
        name = clitic_free(span.text)
        words = entity_key(name).split()
        if span.label is not Label.PERSON:
            kept = _name_words(words, first_names)
            if len(kept) < len(words):
                name = " ".join(name.split()[: len(kept)])
                words = kept
        cut[n] = (words, name)
        forms.setdefault(span.label, {}).setdefault(" ".join(words), name)
    aliases = _acronyms(spans, texts or {})
    for n, span in enumerate(spans):
        if span.label is Label.DATE:
            span.canonical = span.value or span.canonical or span.text
            continue
        words, name = cut[n]
        alias = aliases.get(" ".join(words))
        if alias is not None and alias in forms.get(span.label, {}):
            words = alias.split()
            name = forms[span.label][alias]
        best_key, best = " ".join(words), name
        headless = (
            span.label is Label.ORGANIZATION and len(words) > 1 and _quoted(span, texts or {})
        )
        for key, form in forms.get(span.label, {}).items():
            long = key.split()
            if _contains(
                long, words, prefix_only=span.label is not Label.PERSON, headless=headless
            ) and len(long) > len(best_key.split()):
                best_key, best = key, form
        span.canonical = best
