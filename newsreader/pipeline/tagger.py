"""The statistical name tagger: the committed CRF models over our token features.

Two passes (`tag_document`): the first CRF tags each sentence on its own; the
second sees the same features plus what the first found at each word's other
places in the document (`document.py`), so «رامسفيلد» alone is a person once
«دونالد رامسفيلد» was. `tag_tokens` tags one text; `find_names_crf` tokenises a
text with offsets, tags it and turns the BIO labels into `NameMatch` spans.
ANERcorp labels whole words, so «وبغداد» is tagged as a place including its
«و»; our spans keep clitics outside, so a leading proclitic of the span's first
word is moved out when what follows it is a known word or name (but «لل», ل
fused with the article, stays: «للمجلس» has no «المجلس» to point at).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from newsreader.pipeline.bio import BIO_LABELS, bio_spans
from newsreader.pipeline.consistency import propagate
from newsreader.pipeline.crf_model import CrfModel, Item
from newsreader.pipeline.document import document_features
from newsreader.pipeline.features import (
    MODEL_PATH,
    Part,
    Resources,
    resources_for,
    sentence_parts,
)
from newsreader.pipeline.normalize import fold_with_offsets, proclitic_splits, tokenize
from newsreader.pipeline.types import Label, NameMatch, Token


class ModelMissingError(FileNotFoundError):
    """The CRF model file is not where the tagger expects it."""


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> CrfModel:
    """The CRF model at `path`, read once per process."""
    if not Path(path).exists():
        raise ModelMissingError(
            f"NER model not found at {path}; run `python manage.py train_ner` to build it"
        )
    return CrfModel.read(path)


def first_pass_path(model_path: Path) -> Path:
    """The first-pass model trained with a two-pass model sits beside it: ner.first.crfsuite."""
    return Path(model_path).with_suffix(".first.crfsuite")


# A first-pass name tag less sure than this is evidence of its own kind («B-PERSON?»).
SURE = 0.6


def first_pass_tags(model: CrfModel, sentences: Sequence[Sequence[Item]]) -> list[list[str]]:
    """The first pass's tags for each sentence, unsure name tags marked with «?».

    A word the first pass tagged on a hunch (a city in quotes read as an
    organisation) should not outvote the places where it was sure.
    """
    reading = model.read_document(sentences)
    column = model.column
    out = []
    for tags, marginals in zip(model.tags(reading), model.marginals(reading), strict=True):
        rows = marginals.tolist()
        out.append(
            [t if t == "O" or rows[i][column[t]] >= SURE else f"{t}?" for i, t in enumerate(tags)]
        )
    return out


def _document_items(
    sentences: Sequence[Sequence[str]], path: Path, window: int | None, resources: Resources
) -> list[list[list[Part]]]:
    """The second pass's items per sentence, in parts (the first pass's evidence last)."""
    items = [sentence_parts(list(s), resources) if s else [] for s in sentences]
    first = first_pass_path(path)
    if first.exists():
        first_tags = first_pass_tags(load_model(first), items)
        evidence = document_features(sentences, first_tags, window)
        for x, d in zip(items, evidence, strict=True):
            for parts, row in zip(x, d, strict=True):
                parts.append(row)
    return items


def tag_document(
    sentences: Sequence[Sequence[str]],
    model_path: Path = MODEL_PATH,
    window: int | None = None,
    resources: Resources | None = None,
) -> list[list[str]]:
    """BIO labels for every sentence of one document (an article's paragraphs).

    A model trained in two passes has its first-pass model beside it: the
    first pass tags each sentence on its own, the second sees, for each
    word, what the first found at the word's other places in the document
    (`document.document_features`; `window` sentences either side, or all).
    Last, a name found at one place is copied onto its untagged repetitions
    (`consistency.propagate`, for models that keep their plain words).
    """
    path = Path(model_path)
    resources = resources_for(path) if resources is None else resources
    model = load_model(path)
    items = _document_items(sentences, path, window, resources)
    tags = model.tags(model.read_document(items))
    if not resources.plain_words:  # a model trained before the list was kept
        return tags
    return propagate(sentences, tags, resources.plain_words, window)


def document_marginals(
    sentences: Sequence[Sequence[str]],
    model_path: Path = MODEL_PATH,
    window: int | None = None,
) -> list[list[list[float]]]:
    """Per sentence and word, the second pass's probability of each of `BIO_LABELS`.

    What the CRF believes at each word, for combining with another tagger
    (`combine.py`); no consistency step here, the combination runs its own.
    """
    path = Path(model_path)
    model = load_model(path)
    items = _document_items(sentences, path, window, resources_for(path))
    order = [model.column.get(label) for label in BIO_LABELS]
    out: list[list[list[float]]] = []
    for marginals in model.marginals(model.read_document(items)):
        rows = marginals.tolist()
        out.append([[row[j] if j is not None else 0.0 for j in order] for row in rows])
    return out


def tag_tokens(words: list[str], model_path: Path = MODEL_PATH) -> list[str]:
    """BIO labels (B-PERSON, I-LOCATION, O, …) for each word of a text on its own."""
    if not words:
        return []
    return tag_document([words], model_path)[0]


def proclitic_length(word: str, resources: Resources) -> int:
    """How many characters of `word` are proclitics to leave outside a name.

    A reading «clitics + rest» is taken, longest first, when the rest is known
    as a name (gazetteer, or words inside names in the training data) better
    than the whole word is: «وبغداد» → «بغداد», while «لبنان» and «فيصل» stay
    whole («بنان», «يصل» are not names). A reading that restores the article
    of «لل» is never taken: the text has no «ال» to start the span at.
    """
    folded = fold_with_offsets(word)
    key = folded.text
    whole = resources.name_weight(key)
    for prefix, rest in reversed(proclitic_splits(key)[1:]):
        if key[len(prefix) :] != rest:  # «لل» read as ل + ال
            continue
        if prefix.endswith("ل") and rest.startswith("ل"):
            continue
        if resources.name_weight(rest) > whole:
            return folded.offsets[len(prefix)]
    return 0


def spans_to_matches(
    text: str,
    tokens: Sequence[Token],
    tags: Sequence[str],
    resources: Resources | None = None,
) -> list[NameMatch]:
    """NameMatch spans with character offsets for BIO tags over `tokens`."""
    resources = resources_for() if resources is None else resources
    matches: list[NameMatch] = []
    for label, first, last in bio_spans(tags):
        try:
            kind = Label(label)
        except ValueError:
            continue
        start = tokens[first].start + proclitic_length(tokens[first].text, resources)
        end = tokens[last - 1].end
        if start >= end:
            continue
        matches.append(NameMatch(start, end, text[start:end], kind))
    return matches


def find_names_crf_document(
    texts: Sequence[str], model_path: Path = MODEL_PATH
) -> list[list[NameMatch]]:
    """PERSON, LOCATION and ORGANIZATION names per text, the texts read as one document."""
    tokens = [tokenize(text) for text in texts]
    tags = tag_document([[t.text for t in ts] for ts in tokens], model_path)
    resources = resources_for(Path(model_path))
    return [
        spans_to_matches(text, ts, tg, resources)
        for text, ts, tg in zip(texts, tokens, tags, strict=True)
    ]


def find_names_crf(text: str, model_path: Path = MODEL_PATH) -> list[NameMatch]:
    """PERSON, LOCATION and ORGANIZATION names in `text` on its own, found by the CRF."""
    return find_names_crf_document([text], model_path)[0]
