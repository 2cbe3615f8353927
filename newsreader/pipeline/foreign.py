"""How much a word looks like a foreign name written in Arabic letters.

Unseen foreign names are a large share of what the tagger misses
(«رامسفيلد», «متسوبيشي», «كافلنيكوف»): no list holds every transliterated
surname or brand, but their letters give them away — long-vowel runs, «غ» for
g, «تس», endings Arabic roots do not make. Two letter-trigram models, one over
the Wikidata person-name tokens (mostly transliterations), one over frequent
ordinary Arabic words (wordfreq's list, minus those tokens), score a word's
stem by their log-likelihood ratio per letter; the tagger sees the score in
half-point buckets (`features.token_features`). Built offline by
`build_gazetteer --ner-data`; the committed `data/foreign.json` holds only
trigram counts.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsreader.pipeline.normalize import fold, stem
from newsreader.pipeline.resource_files import load_resource

DATA = Path(__file__).resolve().parent / "data"
FOREIGN_PATH = DATA / "foreign.json"
WIKIDATA_TOKENS = "gazetteer-wikidata-person-name-tokens/wd_arabic.normalized.aligned.tokens"
NATIVE_WORDS = 60_000  # most frequent wordfreq Arabic words taken as ordinary vocabulary
ALPHABET = 40  # letters after folding, plus the word-boundary marks, for smoothing
SMOOTHING = 0.1
LOWEST, HIGHEST = -6, 4  # bucket range (half points)
_ARABIC = re.compile(r"[\u0621-\u064a]+")  # wordfreq's Arabic list holds some Latin words


def trigrams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


@dataclass(frozen=True, slots=True)
class LetterModel:
    """Letter-trigram counts with add-λ smoothing, conditioned on the two letters before."""

    counts: dict[str, int]
    contexts: dict[str, int]

    @classmethod
    def from_words(cls, words: Iterable[str]) -> LetterModel:
        return cls.from_counts(Counter(g for w in words for g in trigrams(w)))

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> LetterModel:
        contexts: Counter[str] = Counter()
        for gram, n in counts.items():
            contexts[gram[:2]] += n
        return cls(dict(counts), dict(contexts))

    def logprob(self, word: str) -> float:
        return sum(
            math.log(
                (self.counts.get(g, 0) + SMOOTHING)
                / (self.contexts.get(g[:2], 0) + SMOOTHING * ALPHABET)
            )
            for g in trigrams(word)
        )


@dataclass(frozen=True, slots=True)
class ForeignScorer:
    foreign: LetterModel
    native: LetterModel

    def score(self, word: str) -> float:
        """Log-likelihood ratio per letter, foreign over native, of the word's stem."""
        key = stem(fold(word.replace("\u0640", "")) or word)
        if len(key) < 2:
            return 0.0
        return (self.foreign.logprob(key) - self.native.logprob(key)) / (len(key) + 1)

    def bucket(self, word: str) -> int:
        return max(LOWEST, min(HIGHEST, round(self.score(word) * 2)))


def wikidata_tokens(ner_data: Path) -> set[str]:
    """Folded Arabic person-name tokens («ج و ن» → «جون») from the Wikidata list."""
    out: set[str] = set()
    with (Path(ner_data) / WIKIDATA_TOKENS).open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and (word := fold(parts[1].replace(" ", ""))):
                out.add(word)
    return out


def native_words(exclude: set[str], size: int = NATIVE_WORDS) -> set[str]:
    """Stems of the most frequent Arabic words (wordfreq), minus the name tokens."""
    import wordfreq  # build-time dependency only

    ranked = sorted(wordfreq.get_frequency_dict("ar", "large").items(), key=lambda x: (-x[1], x[0]))
    stems = {stem(fold(w)) for w, _ in ranked[:size]}
    return {s for s in stems if _ARABIC.fullmatch(s)} - exclude


def build_foreign(ner_data: Path) -> dict:
    """Both models' trigram counts, ready for `save_foreign`."""
    names = wikidata_tokens(ner_data)
    foreign = Counter(g for w in names for g in trigrams(w))
    native = Counter(g for w in native_words(names) for g in trigrams(w))
    return {
        "about": "letter trigrams: Wikidata person-name tokens vs frequent wordfreq Arabic words",
        "foreign": dict(sorted(foreign.items())),
        "native": dict(sorted(native.items())),
    }


def save_foreign(data: dict, path: Path = FOREIGN_PATH) -> dict[str, int]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"foreign trigrams": len(data["foreign"]), "native trigrams": len(data["native"])}


@lru_cache(maxsize=2)
def load_foreign(path: Path = FOREIGN_PATH) -> ForeignScorer | None:
    """The committed scorer, or None when the file is missing (the feature is then left out)."""
    path = Path(path)
    if not path.exists():
        return None
    return load_resource(
        path,
        lambda data: ForeignScorer(
            LetterModel.from_counts(data["foreign"]), LetterModel.from_counts(data["native"])
        ),
    )


@lru_cache(maxsize=1)
def foreign_buckets():
    """`ForeignScorer.bucket` of the committed scorer, memoised per word; None without one."""
    scorer = load_foreign()
    if scorer is None:
        return None
    return lru_cache(maxsize=200_000)(scorer.bucket)
