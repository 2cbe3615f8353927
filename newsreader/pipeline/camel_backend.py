"""Optional camel-tools BERT NER (`NERecognizer`) as a word tagger for our span rules.

Nothing here imports camel-tools' NER module until `load_tagger` is asked to:
`import camel_tools.ner` loads camel-tools' data catalogue at import time and
tries to download it when it is not installed, so the model directory is
checked first (it must exist and hold a `config.json`), and every import or
load failure becomes one `CamelUnavailable` with a one-line reason.

camel's labels (B-/I- PERS, LOC, ORG, MISC; whole words, clitics included) are
mapped to ours (PERSON, LOCATION, ORGANIZATION; MISC dropped); the spans then
go through the same conventions as the CRF's (`entities.find_names_in_article`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsreader.pipeline.entities import WordTagger

CAMEL_TYPES = {"PERS": "PERSON", "PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


class CamelUnavailable(RuntimeError):
    """camel-tools' NER cannot be used; the message is the one-line reason."""


def map_tags(tags: Sequence[str]) -> list[str]:
    """camel-tools BIO labels → ours («B-PERS» → «B-PERSON», MISC and unknown → O)."""
    out: list[str] = []
    for tag in tags:
        prefix, _, kind = str(tag).partition("-")
        ours = CAMEL_TYPES.get(kind.upper())
        out.append(f"{prefix.upper()}-{ours}" if ours and prefix.upper() in ("B", "I") else "O")
    return out


def check_model_dir(model_dir: str | Path | None) -> Path:
    """The model directory, or CamelUnavailable saying what is missing."""
    if not model_dir or not str(model_dir).strip():
        raise CamelUnavailable("no model directory set (CAMEL_NER_MODEL_DIR)")
    path = Path(model_dir).expanduser()
    if not path.is_dir():
        raise CamelUnavailable(f"model directory {path} not found")
    if not (path / "config.json").is_file():
        raise CamelUnavailable(f"no config.json in {path}")
    return path


def _import_recognizer():
    """camel_tools.ner.NERecognizer (imported here only: the import may try the network)."""
    from camel_tools.ner import NERecognizer

    return NERecognizer


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:200]


def load_recognizer(model_dir: str | Path | None):
    """A camel-tools NERecognizer for the model in `model_dir` (on the CPU)."""
    path = check_model_dir(model_dir)
    try:
        recognizer_class = _import_recognizer()
    except Exception as exc:  # offline catalogue, missing torch, …
        raise CamelUnavailable(f"camel_tools.ner cannot be imported ({_reason(exc)})") from exc
    try:
        return recognizer_class(str(path), use_gpu=False)
    except Exception as exc:  # a broken or foreign model directory
        raise CamelUnavailable(f"cannot load the model in {path} ({_reason(exc)})") from exc


def load_tagger(model_dir: str | Path | None) -> WordTagger:
    """A words → our BIO tags function backed by camel-tools' BERT NER."""
    recognizer = load_recognizer(model_dir)

    def tag(words: list[str]) -> list[str]:
        if not words:
            return []
        tags = map_tags(recognizer.predict_sentence(list(words)))
        # camel drops words its tokenizer turns into nothing; keep one tag per word
        return tags if len(tags) == len(words) else ["O"] * len(words)

    return tag
