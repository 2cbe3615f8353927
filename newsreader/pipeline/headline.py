"""Which line is the article's headline: chosen from evidence, not from line order.

A scraped page often opens with a site menu, a ticker, a masthead or a list of
other stories' headlines; taking its first longish line as the title is wrong
on many outlets. The story's own headline leaves traces instead:

- scrapers and templates repeat it (a <title>, an <h1>, a breadcrumb, a share box);
- the page's metadata (<title>, og:title, <h1>) names it, when the page gives them;
- it shares its words with the lead;
- it sits right above the story (only a dateline, a byline or a deck between);
- it is shaped like a headline: not a bullet, no «|» separators, not a run of
  section names, no ticker figures, not one brand repeated.

Candidates are the usable lines above the first sentence of the story. Each
gets a score; when no candidate is clearly best the choice is flagged
uncertain, and the article is listed for a curator to check.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsreader.pipeline import lineshape as shape
from newsreader.pipeline.lexicon_function_words import STOP_WORDS
from newsreader.pipeline.normalize import fold_key

MIN_WORDS = 3  # shorter lines above the story are section labels
MAX_WORDS = 35  # longer ones are glued tickers or paragraphs
LONG_WORDS = 25  # a headline longer than this is unusual
LEAD_WORDS = shape.MIN_SENTENCE_WORDS  # lead lines are at least this long
LEAD_LINES = 2  # the lead's words are taken from this many story lines
SCAN_LINES = 25  # the headline is among the page's first lines
CERTAIN_MARGIN = 1.0  # best minus runner-up for a certain choice
PLAUSIBLE_MARGIN = 1.5  # an earlier candidate this close to the best is the headline
PLAUSIBLE_EVIDENCE = 1.0  # ... when it has this much evidence (a third of its words in the lead)
W_REPEAT, W_HINT, W_LEAD = 3.0, 3.0, 3.0
W_TEASER = 3.0

_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?")
_NON_WORD = re.compile(r"[\W_]+")
_ELLIPSIS = re.compile(r"(?:\.{2,}|…)\s*$")


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int
    score: float
    evidence: float  # repeat + metadata + lead overlap
    penalty: float  # shape penalties (0 for a clean headline shape)


@dataclass(frozen=True, slots=True)
class HeadlineChoice:
    index: int | None  # the headline's position in the given lines, None when none fits
    certain: bool
    candidates: tuple[Candidate, ...] = ()


def choose_headline(
    texts: Sequence[str], usable: Sequence[bool], hints: Collection[str] = ()
) -> HeadlineChoice:
    """The headline among `texts` (lines still free to be one) and how sure the choice is."""
    start = story_start(texts, usable)
    hint_keys = [k for k in (_key(h) for h in hints) if k]
    keys = [_key(t) for t in texts]
    found = [
        _score(i, texts, usable, keys, hint_keys, start)
        for i in _candidates(texts, usable, keys, start)
    ]
    if not found:
        first = next(
            (i for i, ok in enumerate(usable) if ok and len(texts[i].split()) >= MIN_WORDS), None
        )
        if first is None:
            first = next((i for i, ok in enumerate(usable) if ok), None)
        return HeadlineChoice(first, certain=first is not None and first < start)
    ranked = sorted(found, key=lambda c: (-c.score, c.index))
    chosen = _earliest_plausible(found, ranked[0])
    if chosen is not ranked[0]:  # a deck under the headline scored higher
        vouched = chosen.evidence >= W_REPEAT  # repeated by the page or named by its title
        return HeadlineChoice(chosen.index, vouched, tuple(found))
    return HeadlineChoice(chosen.index, _certain(ranked), tuple(found))


def _earliest_plausible(found: list[Candidate], best: Candidate) -> Candidate:
    """The first well-shaped candidate nearly as good as the best, with evidence for it.

    Pages put the headline above its deck (a summary line that often shares
    even more words with the lead), so among close scores the earlier line wins.
    """
    for cand in found:
        if cand.index >= best.index:
            break
        close = cand.score >= best.score - PLAUSIBLE_MARGIN
        if close and cand.penalty == 0 and cand.evidence >= PLAUSIBLE_EVIDENCE:
            return cand
    return best


def _candidates(
    texts: Sequence[str], usable: Sequence[bool], keys: list[str], start: int
) -> list[int]:
    """Usable lines of headline length above the story, each text once (its first place).

    The story's first sentence is a candidate too when it is not closed by a full
    stop: a headline may be a long question («…؟») or exclamation.
    """
    last = start if start < len(texts) and texts[start].rstrip().endswith(".") else start + 1
    seen: set[str] = set()
    out = []
    for i in range(min(last, len(texts), SCAN_LINES)):
        if not usable[i] or keys[i] in seen:
            continue
        seen.add(keys[i])
        if MIN_WORDS <= len(texts[i].split()) <= MAX_WORDS:
            out.append(i)
    return out


def story_start(texts: Sequence[str], usable: Sequence[bool]) -> int:
    """Index of the first usable line that is a full sentence of the story."""
    return next(
        (i for i, text in enumerate(texts) if usable[i] and shape.is_sentence(text)),
        len(texts),
    )


def _certain(ranked: list[Candidate]) -> bool:
    """Clean shape, and either alone or ahead by a margin with some evidence for it."""
    best = ranked[0]
    if best.penalty < 0:
        return False
    if len(ranked) == 1:
        return True
    return best.evidence > 0 and best.score - ranked[1].score >= CERTAIN_MARGIN


def _score(
    i: int,
    texts: Sequence[str],
    usable: Sequence[bool],
    keys: list[str],
    hints: list[str],
    start: int,
) -> Candidate:
    text = texts[i]
    repeated = any(k == keys[i] for j, k in enumerate(keys) if j != i)
    hinted = any(_matches_hint(keys[i], h) for h in hints)
    lead = _lead_stems(texts, usable, max(start, i + 1))
    evidence = W_REPEAT * repeated + W_HINT * hinted + W_LEAD * _overlap(text, lead)
    penalty = shape_penalty(text) - W_TEASER * _is_teaser(text, keys[i], keys)
    between = sum(
        1 for j in range(i + 1, min(start, len(texts))) if usable[j] and keys[j] != keys[i]
    )
    nearness = 0.0 if start >= len(texts) else 1.0 if between == 0 else 0.5 if between == 1 else 0.0
    return Candidate(i, evidence + penalty + nearness, evidence, penalty)


def _is_teaser(text: str, key: str, keys: list[str]) -> bool:
    """Cut off with dots, and another line carries the words before them."""
    if not _ELLIPSIS.search(text) or len(key) < 12:
        return False
    return any(other != key and key in other for other in keys)


def shape_penalty(text: str) -> float:
    """How far a line is from a headline's shape (0 = shaped like one)."""
    n = len(text.split())
    checks = (
        (2.0, shape.is_bullet(text)),
        (3.0, shape.is_menu(text)),
        (3.0, shape.is_ticker(text)),
        (3.0, shape.masthead_role(text) is not None),
        (3.0, shape.is_issue_header(text)),
        (2.0, shape.latin_share(text) > 0.3),
        (1.0, shape.digit_share(text) > 0.3),
        (1.5, n > LONG_WORDS),
        (0.5, text.rstrip().endswith(".") and not text.rstrip().endswith("..")),
    )
    return -sum(weight for weight, hit in checks if hit)


def _overlap(text: str, lead: set[str]) -> float:
    """Share of the line's content words that the lead uses too."""
    own = stems(text)
    return len(own & lead) / len(own) if own and lead else 0.0


def _lead_stems(texts: Sequence[str], usable: Sequence[bool], start: int) -> set[str]:
    lead: set[str] = set()
    taken = 0
    for i in range(start, len(texts)):
        if taken == LEAD_LINES:
            break
        if usable[i] and len(texts[i].split()) >= LEAD_WORDS:
            lead |= stems(texts[i])
            taken += 1
    return lead


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(fold_key(w).lower() for w in STOP_WORDS)


def stems(text: str) -> set[str]:
    """Content words without their usual prefixes (و، ف، ب، ل، ك، ال)."""
    stops = _stops()
    out = set()
    for word in shape.words(text):
        if word in stops or len(word) < 3 or word.isdigit():
            continue
        stem = _PREFIX.sub("", word)
        out.add(stem if len(stem) >= 3 else word)
    return out


def _key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold_key(text)).lower().split())


def _matches_hint(key: str, hint: str) -> bool:
    """The line is the page's title, maybe with the site's name after it there."""
    if not key:
        return False
    if key == hint:
        return True
    longer, shorter = (hint, key) if len(hint) > len(key) else (key, hint)
    return longer.startswith(shorter + " ") and len(shorter) * 2 >= len(longer)
