"""camel-tools BERT NER backend: guarded loading, label mapping, a tiny random BERT model."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsreader.pipeline import camel_backend
from newsreader.pipeline.camel_backend import CamelUnavailable, check_model_dir, map_tags
from newsreader.pipeline.types import Label

CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
WORDS = ["زار", "الوفد", "في", "وبغداد", "مدينة", "كركوك", "أمس", "."]


def test_map_tags() -> None:
    assert map_tags(["B-PERS", "I-PERS", "O", "B-LOC", "I-ORG", "B-MISC", "I-MISC", "X"]) == [
        "B-PERSON",
        "I-PERSON",
        "O",
        "B-LOCATION",
        "I-ORGANIZATION",
        "O",
        "O",
        "O",
    ]


def test_model_dir_is_checked_before_any_import(tmp_path: Path, monkeypatch) -> None:
    def no_import():
        raise AssertionError("camel_tools.ner must not be imported")

    monkeypatch.setattr(camel_backend, "_import_recognizer", no_import)
    for bad, reason in [
        (None, "no model directory"),
        ("  ", "no model directory"),
        (tmp_path / "missing", "not found"),
        (tmp_path, "no config.json"),
    ]:
        with pytest.raises(CamelUnavailable, match=reason):
            camel_backend.load_tagger(bad)
    (tmp_path / "config.json").write_text("{}")
    assert check_model_dir(tmp_path) == tmp_path


def test_import_and_load_failures_become_one_reason(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "config.json").write_text("{}")

    def offline():
        raise OSError("An error occured while downloading data.\nretry later")

    monkeypatch.setattr(camel_backend, "_import_recognizer", offline)
    with pytest.raises(CamelUnavailable, match="cannot be imported") as err:
        camel_backend.load_tagger(tmp_path)
    assert "\n" not in str(err.value)

    class Broken:
        def __init__(self, path: str, use_gpu: bool = True) -> None:
            raise ValueError("not a BERT model")

    monkeypatch.setattr(camel_backend, "_import_recognizer", lambda: Broken)
    with pytest.raises(CamelUnavailable, match="cannot load the model"):
        camel_backend.load_tagger(tmp_path)


# --- a tiny randomly initialised BERT token classifier, loaded by camel-tools --------------


def tiny_model(path: Path, favour: str) -> Path:
    """A 1-layer BERT with camel's 9 labels whose classifier always prefers `favour`."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(0)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    letters = sorted({ch for w in WORDS for ch in w})
    vocab = specials + WORDS + letters + [f"##{ch}" for ch in letters]
    path.mkdir(parents=True, exist_ok=True)
    (path / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(path / "vocab.txt"), do_lower_case=False)
    config = transformers.BertConfig(
        vocab_size=len(tokenizer.vocab),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=37,
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id={label: i for i, label in enumerate(CAMEL_LABELS)},
    )
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-5.0)
        model.classifier.bias[CAMEL_LABELS.index(favour)] = 5.0
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture
def camel_importable(monkeypatch):
    """Let `import camel_tools.ner` work offline: no data catalogue to download.

    camel-tools loads its catalogue when `camel_tools.data` is imported and tries
    the network when none is installed; the loader is stubbed for this test and
    the modules imported under the stub are forgotten afterwards.
    """
    before = set(sys.modules)
    try:
        import camel_tools.data  # noqa: F401
    except Exception:  # offline: the catalogue download failed
        catalogue = sys.modules.get("camel_tools.data.catalogue")
        if catalogue is None:
            pytest.skip("camel_tools.data.catalogue is not importable")
        monkeypatch.setattr(
            catalogue.Catalogue, "load_catalogue", staticmethod(lambda path=None: None)
        )
    yield
    for name in set(sys.modules) - before:
        if name.startswith(("camel_tools.data", "camel_tools.ner")):
            sys.modules.pop(name, None)


def test_camel_recognizer_loads_a_tiny_model(tmp_path: Path, camel_importable) -> None:
    model_dir = tiny_model(tmp_path / "ner", favour="B-LOC")
    tagger = camel_backend.load_tagger(model_dir)
    assert tagger(WORDS) == ["B-LOCATION"] * len(WORDS)
    assert tagger([]) == []


def test_camel_backend_spans_follow_our_conventions(tmp_path: Path, camel_importable) -> None:
    from newsreader.pipeline.backends import get_recogniser

    get_recogniser.cache_clear()
    model_dir = tiny_model(tmp_path / "ner", favour="B-LOC")
    recognise, note = get_recogniser("camel", str(model_dir))
    assert note is None
    text = " ".join(WORDS)
    found = {(m.text, m.label) for m in recognise([text], [])[0]}
    # every word is a one-word place for this model: proclitic outside, place
    # noun and function word dropped
    assert ("بغداد", Label.LOCATION) in found
    assert ("كركوك", Label.LOCATION) in found
    assert not {"في", "مدينة", "وبغداد", "."} & {t for t, _ in found}

    get_recogniser.cache_clear()


def test_camel_misc_is_not_one_of_our_labels(tmp_path: Path, camel_importable) -> None:
    misc = tiny_model(tmp_path / "misc", favour="B-MISC")
    assert camel_backend.load_tagger(misc)(WORDS) == ["O"] * len(WORDS)
