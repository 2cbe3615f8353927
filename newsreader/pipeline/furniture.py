"""A site's furniture: lines that recur across different articles of one source.

Menus, mastheads, tickers, footers and related headlines come back on every
page an outlet serves; a story's own lines do not (a sentence shared with an
updated version of the same story is the exception, so long sentence-shaped
lines need more evidence). The keys are `clean.near_key`s, which is what
`clean(furniture=...)` matches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsreader.pipeline.clean_lines import MIN_BODY_WORDS, near_key

MIN_ARTICLES = 2  # a line on two different pages of a source is furniture
MIN_ARTICLES_SENTENCE = 3  # ... unless it reads as a story's sentence
_SENTENCE_END = re.compile(r"[.!?؟…]\s*$")


def line_keys(text: str) -> dict[str, str]:
    """Each distinct line of an article's cleaner text: near_key -> the line as written."""
    keys: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        key = near_key(line)
        if key and key not in keys:
            keys[key] = line
    return keys


def is_sentence(line: str) -> bool:
    """A long line closed by sentence punctuation: story text unless seen many times."""
    return len(line.split()) >= MIN_BODY_WORDS and bool(_SENTENCE_END.search(line))


def needed_articles(line: str) -> int:
    """How many different articles of a source must carry `line` for it to be furniture."""
    return MIN_ARTICLES_SENTENCE if is_sentence(line) else MIN_ARTICLES


def recurring_lines(articles: Iterable[str]) -> set[str]:
    """near_keys of the lines that recur across the given articles' texts."""
    counts: Counter[str] = Counter()
    sample: dict[str, str] = {}
    for text in articles:
        for key, line in line_keys(text).items():
            counts[key] += 1
            sample.setdefault(key, line)
    return {key for key, n in counts.items() if n >= needed_articles(sample[key])}
