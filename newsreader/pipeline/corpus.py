"""Readers for the NER training and test corpora (ANERcorp, AQMAR).

Both corpora are one `TOKEN TAG` pair per line, IOB2 tags, a blank line between
sentences. ANERcorp spells its types PERS/LOC/ORG/MISC, AQMAR PER/LOC/ORG and
article-specific MIS0…MIS3 (plus a dozen typo tags). Tags are mapped onto our
labels (PERSON, LOCATION, ORGANIZATION); MISC and anything unknown become O,
since the reader does not highlight MISC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsreader.pipeline.types import Label

Sentence = list[tuple[str, str]]

_TYPES = {
    "PERS": Label.PERSON.value,
    "PER": Label.PERSON.value,
    "LOC": Label.LOCATION.value,
    "ORG": Label.ORGANIZATION.value,
}

# Where the release rule "a boundary after every run of periods" was not applied
# (a file without blank lines), these end a sentence.
SENTENCE_END = frozenset({".", "!", "?", "؟"})


def map_tag(tag: str) -> str:
    """An ANERcorp/AQMAR tag as B-/I- + our label, or O.

    «B-PERS» → «B-PERSON», «I--ORG» (an AQMAR typo) → «I-ORGANIZATION»,
    «B-MISC», «B-MIS1», «IO», «B-ENGLISH» → «O».
    """
    tag = tag.strip()
    if len(tag) < 3 or tag[0].upper() not in "BI" or tag[1] != "-":
        return "O"
    kind = _TYPES.get(tag[2:].lstrip("-").upper())
    return f"{tag[0].upper()}-{kind}" if kind else "O"


def _parse_lines(lines: Iterable[str], split_on_period: bool) -> Iterator[Sentence]:
    sentence: Sentence = []
    for raw in lines:
        line = raw.strip("\r\n").lstrip("\ufeff")
        if not line.strip():
            if sentence:
                yield sentence
                sentence = []
            continue
        parts = line.split()
        if len(parts) == 1:  # a bare token: no tag given
            word, tag = parts[0], "O"
        else:
            word, tag = " ".join(parts[:-1]), parts[-1]
        word = word.replace("\u200f", "").replace("\u200e", "") or word
        sentence.append((word, map_tag(tag)))
        if split_on_period and word in SENTENCE_END:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of (word, tag) from a TOKEN TAG file with blank-line boundaries.

    A file that has no blank line at all (the original Benajiba release) is cut
    after sentence-final punctuation instead.
    """
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    has_blank = any(not line.strip() for line in lines)
    return list(_parse_lines(lines, split_on_period=not has_blank))


def read_anercorp(path: str | Path) -> list[Sentence]:
    """ANERcorp (CAMeL Lab split files): `word TAG`, blank line after each run of periods."""
    return read_conll(path)


def read_aqmar(path: str | Path) -> list[Sentence]:
    """AQMAR: one article file, or a folder of them (read in sorted name order).

    A folder is read without its `derived/` sub-folder, whose split files hold
    the same sentences again.
    """
    path = Path(path)
    if path.is_dir():
        sentences: list[Sentence] = []
        for file in sorted(path.glob("*.txt")):
            sentences.extend(read_conll(file))
        return sentences
    return read_conll(path)


def entity_counts(sentences: Iterable[Sentence]) -> dict[str, int]:
    """Number of entities per label (B- starts), for the training report."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for _, tag in sentence:
            if tag.startswith("B-"):
                counts[tag[2:]] = counts.get(tag[2:], 0) + 1
    return counts
