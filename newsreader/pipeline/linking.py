"""Canonical forms: each name mention points at the fullest form of its name in the article.

PERSON: a mention whose words are a contiguous run of a longer person name's
words links to the longest such name («بوتين» → «فلاديمير بوتين»). LOCATION and
ORGANIZATION: a mention whose words start a longer name of the same label links
to the longest («المجلس الأعلى» → «المجلس الأعلى لدولة الاتحاد»). Before comparing,
«لل» at the start of a mention is read as «ال» («للمجلس» → «المجلس»). DATE keeps
its ISO value.
"""

from __future__ import annotations

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


def _contains(long: list[str], short: list[str], prefix_only: bool) -> bool:
    n = len(short)
    if n >= len(long):
        return False
    if prefix_only:
        return long[:n] == short
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def link(spans: list[Span]) -> None:
    """Set `canonical` on every span, in place."""
    forms: dict[Label, dict[str, str]] = {}
    for span in spans:
        if span.label is Label.DATE:
            continue
        name = clitic_free(span.text)
        forms.setdefault(span.label, {}).setdefault(entity_key(name), name)
    for span in spans:
        if span.label is Label.DATE:
            span.canonical = span.value or span.canonical or span.text
            continue
        name = clitic_free(span.text)
        words = entity_key(name).split()
        best_key, best = " ".join(words), name
        for key, form in forms.get(span.label, {}).items():
            long = key.split()
            if _contains(long, words, prefix_only=span.label is not Label.PERSON) and len(
                long
            ) > len(best_key.split()):
                best_key, best = key, form
        span.canonical = best
