"""Token classification on the encoder, run on a 2-layer random model and a toy vocabulary:
labels on first pieces, long sentences cut into windows, LoRA, training that learns,
resumes to the same weights, and saves only what it trained."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from newsreader.pipeline import encoder as enc
from newsreader.pipeline import encoder_ner as ner
from newsreader.pipeline import encoder_training as et
from newsreader.pipeline.encoder_tokens import META
from tests.test_pipeline_encoder import toy_tokenizer

TINY = enc.EncoderConfig(vocab=40, hidden=64, layers=2, heads=4, intermediate=128, max_positions=64)
# toy sentences: «محمد» is a person, «بغداد» (also with و+ب) a place
SENTENCES = [
    (["زار", "محمد", "بغداد"], ["O", "B-PERSON", "B-LOCATION"]),
    (["زار", "الوفد", "وبغداد"], ["O", "O", "B-LOCATION"]),
    (["محمد", "زار", "الوفد"], ["B-PERSON", "O", "O"]),
    (["الوفد", "زار", "بغداد", "،"], ["O", "O", "B-LOCATION", "O"]),
]


def small_config(**kw) -> ner.NerConfig:
    base = {
        "lora_rank": 4,
        "train_top": 0,
        "epochs": 6,
        "batch_size": 2,
        "lr": 5e-3,
        "top_lr": 5e-3,
        "head_lr": 2e-2,
        "dropout": 0.0,
        "checkpoint_every": 3,
        "window": 16,
        "pack": 0,  # each toy sentence alone (packing has its own tests)
    }
    return ner.NerConfig(**{**base, **kw})


def examples(tok, cfg):
    out = []
    for words, tags in SENTENCES:
        out += ner.make_examples(tok, words, tags, cfg.window)
    return out


def test_labels_sit_on_first_pieces() -> None:
    tok = toy_tokenizer()
    (ex,) = ner.make_examples(tok, ["زار", "وبغداد"], ["O", "B-LOCATION"], 16)
    assert ex.ids[0] == tok.bos and ex.ids[-1] == tok.eos
    assert ex.first == [1, 2]  # «▁زار», then «▁وب» (its «غداد» at 3 is ignored)
    assert ex.labels == [ner.IGNORE, 0, ner.LABELS.index("B-LOCATION"), ner.IGNORE, ner.IGNORE]


def test_long_sentences_are_cut_between_words() -> None:
    tok = toy_tokenizer()
    words = ["زار", "وبغداد"] * 5  # 15 pieces
    parts = ner.make_examples(tok, words, ["O", "B-LOCATION"] * 5, 4)
    assert len(parts) == 5 and all(len(p.ids) <= 6 for p in parts)
    assert sum(len(p.first) for p in parts) == len(words)


def test_consecutive_sentences_are_packed_up_to_the_budget() -> None:
    tok = toy_tokenizer()
    sizes = [len(tok.encode_words(w)[0].ids) for w, _ in SENTENCES]
    assert sizes == [3, 4, 3, 4]
    words = [w for w, _ in SENTENCES]
    assert ner.pack_groups(tok, words, 8) == [[0, 1], [2, 3]]
    assert ner.pack_groups(tok, words, 10) == [[0, 1, 2], [3]]
    assert ner.pack_groups(tok, words, 3) == [[0], [1], [2], [3]]  # too long: each alone
    assert ner.pack_groups(tok, [[], *words[:1], []], 4) == [[0, 1, 2]]  # empty ones join


def test_packed_training_examples_keep_every_label_in_order() -> None:
    tok = toy_tokenizer()
    cfg = small_config(pack=11, window=32)
    packed = et.sentence_examples(tok, [list(zip(w, t, strict=True)) for w, t in SENTENCES], cfg)
    assert len(packed) == 2
    labels = [i for e in packed for i in e.labels if i != ner.IGNORE]
    tags = [t for _, ts in SENTENCES for t in ts]
    assert [ner.LABELS[i] for i in labels] == tags


def test_a_packing_tagger_reads_neighbours_together_and_answers_per_sentence() -> None:
    tok = toy_tokenizer()
    alone = ner.TokenTagger(enc.random_encoder(TINY), small_config(pack=0)).eval()
    packing = ner.TokenTagger(enc.random_encoder(TINY), small_config(pack=11)).eval()
    packing.load_state_dict(alone.state_dict())
    words = [w for w, _ in SENTENCES]
    got = ner.word_probabilities(packing, tok, words)
    assert [p.shape[0] for p in got] == [len(w) for w in words]
    joined = ner.word_probabilities(alone, tok, [words[0] + words[1] + words[2], words[3]])
    assert torch.allclose(torch.cat(got[:3]), joined[0], atol=1e-5)
    assert torch.allclose(got[3], joined[1], atol=1e-5)
    each = ner.word_probabilities(alone, tok, words)
    assert not torch.allclose(torch.cat(got[:3]), torch.cat(each[:3]), atol=1e-5)


def test_adapters_saved_before_packing_read_each_sentence_alone(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    tagger = ner.TokenTagger(enc.random_encoder(TINY), small_config(pack=0))
    ner.save_adapter(tagger, tmp_path / "old.pt", int8=False)
    saved = torch.load(tmp_path / "old.pt", weights_only=True)
    del saved["config"]["pack"]  # as written before the setting existed
    torch.save(saved, tmp_path / "old.pt")
    loaded = ner.load_tagger(enc.Encoder(enc.random_encoder(TINY), tok), tmp_path / "old.pt")
    assert loaded.cfg.pack == 0 and ner.NerConfig().pack > 0


def test_lora_starts_as_the_base_model_and_freezes_it() -> None:
    base = enc.random_encoder(TINY)
    ids = torch.tensor([[0, 5, 6, 2]])
    with torch.no_grad():
        before = base(ids)
    tagger = ner.TokenTagger(base, small_config())
    with torch.no_grad():
        after = tagger.encoder(ids)
    assert torch.allclose(before, after, atol=1e-6)  # the update starts at zero
    trainable = {n for n, p in tagger.named_parameters() if p.requires_grad}
    assert trainable and all(n.startswith("head.") or ".up" in n or ".down" in n for n in trainable)


def test_three_learning_rates() -> None:
    cfg = small_config(train_top=1, lr=1.0, top_lr=2.0, head_lr=3.0)
    tagger = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    groups = et._optimiser(tagger, cfg).param_groups
    sizes = {g["lr"]: sum(p.numel() for p in g["params"]) for g in groups}
    layer = sum(p.numel() for p in tagger.encoder.layers[1].parameters())
    assert sizes[2.0] == layer and sizes[3.0] == 64 * len(ner.LABELS) + len(ner.LABELS)
    assert 0 < sizes[1.0] < layer  # the adapters of the lower layer


def test_top_layers_mode_trains_the_last_layer_only() -> None:
    tagger = ner.TokenTagger(enc.random_encoder(TINY), small_config(lora_rank=0, train_top=1))
    trainable = {
        n.split(".")[2]
        for n, p in tagger.named_parameters()
        if p.requires_grad and n.startswith("encoder.")
    }
    assert trainable == {"1"}


def test_training_learns_the_toy_sentences(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    cfg = small_config(epochs=15)
    tagger = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    log = et.train(tagger, examples(tok, cfg), tok.pad, tmp_path)
    assert log.finished and log.steps == 30
    assert sum(log.losses[-3:]) < sum(log.losses[:3])
    words = [w for w, _ in SENTENCES]
    assert ner.tag_sentences(tagger, tok, words) == [t for _, t in SENTENCES]
    probs = ner.word_probabilities(tagger, tok, [["زار", "محمد"], []])
    assert probs[0].shape == (2, len(ner.LABELS)) and probs[1].shape[0] == 0
    assert torch.allclose(probs[0].sum(dim=-1), torch.ones(2))


def test_resumed_training_ends_with_the_same_weights(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    cfg = small_config(dropout=0.2)
    straight = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    et.train(straight, examples(tok, cfg), tok.pad, tmp_path / "a")

    sliced = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    first = et.train(sliced, examples(tok, cfg), tok.pad, tmp_path / "b", max_steps=5)
    assert not first.finished and not (tmp_path / "b" / ner.ADAPTER).exists()
    again = ner.TokenTagger(enc.random_encoder(TINY), cfg)  # a new process: fresh weights
    second = et.train(again, examples(tok, cfg), tok.pad, tmp_path / "b")
    assert second.resumed_at == 5 and second.finished

    a, b = ner.adapter_state(straight), ner.adapter_state(again)
    assert a.keys() == b.keys()
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_checkpoint_of_other_settings_is_refused(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    cfg = small_config()
    et.train(
        ner.TokenTagger(enc.random_encoder(TINY), cfg),
        examples(tok, cfg),
        tok.pad,
        tmp_path,
        max_steps=1,
    )
    other = small_config(seed=99)
    with pytest.raises(ValueError, match="other settings"):
        et.train(
            ner.TokenTagger(enc.random_encoder(TINY), other),
            examples(tok, other),
            tok.pad,
            tmp_path,
        )


def test_saved_adapter_restores_the_tagger(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    cfg = small_config()
    tagger = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    et.train(tagger, examples(tok, cfg), tok.pad, tmp_path)
    loaded = ner.load_tagger(enc.Encoder(enc.random_encoder(TINY), tok), tmp_path / ner.ADAPTER)
    words = [w for w, _ in SENTENCES]
    for p, q in zip(
        ner.word_probabilities(tagger, tok, words),
        ner.word_probabilities(loaded, tok, words),
        strict=True,
    ):
        assert torch.allclose(p, q, atol=2e-3)  # stored as float16
    # only the trained part is saved: adapters, head, standardisation
    saved = torch.load(tmp_path / ner.ADAPTER, weights_only=True)["adapter"]
    assert "mean" in saved and not any("base" in k for k in saved)
    assert saved["head.weight"].dtype == torch.float16  # too small to pack


def test_packed_adapter_state_round_trips() -> None:
    torch.manual_seed(0)
    state = {"w": torch.randn(96, 64) * 0.05, "b": torch.randn(96), "n": torch.tensor([3])}
    packed = ner.pack_state(state, int8=True)
    assert packed["w::q8"].dtype == torch.int8 and packed["w::scale"].shape == (96,)
    back = ner.unpack_state(packed)
    assert back.keys() == state.keys()
    step = state["w"].abs().amax(dim=1, keepdim=True) / 127
    assert ((back["w"] - state["w"]).abs() <= step * 0.51 + 1e-4).all()
    assert torch.allclose(back["b"], state["b"], atol=1e-3)
    assert torch.equal(ner.unpack_state(ner.pack_state(state, int8=False))["n"], state["n"])


def tiny_corpus(folder: Path) -> Path:
    """An ANERcorp-shaped data folder holding the toy sentences as train and both test files."""
    corpus = folder / "anercorp-camellab"
    (corpus / "derived").mkdir(parents=True)
    conll = "\n\n".join(
        "\n".join(
            f"{w} {t.replace('PERSON', 'PERS').replace('LOCATION', 'LOC')}"
            for w, t in zip(*s, strict=True)
        )
        for s in SENTENCES
    )
    for name in ("ANERCorp_CamelLab_train.txt", "ANERCorp_CamelLab_test.txt"):
        (corpus / name).write_text(conll + "\n", encoding="utf-8")
    (corpus / "derived" / "ANERCorp_CamelLab_test.fixed.txt").write_text(conll + "\n")
    return folder


@pytest.fixture
def tiny_encoder(monkeypatch) -> None:
    monkeypatch.setattr(
        enc,
        "load_encoder",
        lambda cache=None: enc.Encoder(enc.random_encoder(TINY), toy_tokenizer()),
    )


def test_train_anercorp_runs_on_a_tiny_corpus(tmp_path: Path, tiny_encoder) -> None:
    tiny_corpus(tmp_path / "ner")
    cfg = small_config(epochs=3)
    log, reports = et.train_anercorp(tmp_path / "ner", tmp_path / "run", cfg, max_steps=4)
    assert reports is None and not log.finished
    log, reports = et.train_anercorp(tmp_path / "ner", tmp_path / "run", cfg)
    assert log.finished and log.resumed_at == 4 and log.steps == 2
    assert set(reports) == {"official", "fixed"}
    gold = reports["fixed"].micro
    assert gold.tp + gold.fn == 5  # two people and three places in the test sentences


def test_merged_bfloat16_and_int8_taggers_agree_with_the_adapter(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    cfg = small_config(epochs=2)
    tagger = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    et.train(tagger, examples(tok, cfg), tok.pad, tmp_path)
    with torch.no_grad():  # make the adapters matter
        for layer in tagger.encoder.layers:
            layer.query.up.normal_(0, 0.05)
    ner.save_adapter(tagger, tmp_path / "a.pt", int8=False)
    words = [w for w, _ in SENTENCES]
    want = ner.word_probabilities(tagger, tok, words)

    def fresh() -> enc.Encoder:
        return enc.Encoder(enc.random_encoder(TINY), tok)

    merged = ner.load_tagger(fresh(), tmp_path / "a.pt", merge=True)
    assert not any(isinstance(m, ner.LoRALinear) for m in merged.modules())
    for p, q in zip(want, ner.word_probabilities(merged, tok, words), strict=True):
        assert torch.allclose(p, q, atol=2e-3)  # float16 storage
    for kind in ("bfloat16", "int8"):
        fast = ner.load_tagger(fresh(), tmp_path / "a.pt", merge=True, precision=kind)
        assert fast.precision == kind
        if kind == "bfloat16":
            linears = [m for m in fast.encoder.modules() if isinstance(m, ner.BFloat16Linear)]
            assert len(linears) == 6 * TINY.layers
            assert all(m.weight.dtype == torch.bfloat16 for m in linears)
        got = ner.word_probabilities(fast, tok, words)
        for p, q in zip(want, got, strict=True):
            assert q.dtype == torch.float32 and torch.allclose(p, q, atol=0.05)
        assert not all(torch.equal(p, q) for p, q in zip(want, got, strict=True))


def test_train_ner_encoder_command(tmp_path: Path, tiny_encoder) -> None:
    from io import StringIO

    from django.core.management import call_command

    data = tiny_corpus(tmp_path / "ner")
    args = ["train_ner", "--encoder", "--data", str(data), "--encoder-dir", str(tmp_path / "run")]
    out = StringIO()
    call_command(*args, "--epochs", "2", "--max-steps", "1", "--threads", "1", stdout=out)
    assert "stopped (run again to continue)" in out.getvalue()
    out = StringIO()
    call_command(*args, "--epochs", "2", "--threads", "1", stdout=out)
    text = out.getvalue()
    assert "from step 1" in text and "finished" in text
    assert "official file" in text and "fixed file" in text
    assert (tmp_path / "run" / ner.ADAPTER).is_file()
    out = StringIO()
    adapter = str(tmp_path / "run" / ner.ADAPTER)
    call_command(
        "evaluate_ner", "--data", str(data), "--encoder", adapter, "--precision", "int8", stdout=out
    )
    text = out.getvalue()
    for system in ("crf", "encoder", "combined"):
        assert f"fixed file; {system} (encoder {adapter}, int8)" in text


def test_frozen_lower_layers_are_computed_once_and_agree(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    cfg = small_config(lora_rank=0, train_top=1, epochs=15)
    tagger = ner.TokenTagger(enc.random_encoder(TINY), cfg).eval()
    assert tagger.frozen_layers == 1
    batch = examples(tok, cfg)
    ids, mask, _ = ner.pad(batch, tok.pad)
    cached = et.frozen_states(tagger, batch, tok.pad, batch_size=3)
    with torch.no_grad():
        direct = tagger(ids, mask)
        reused = tagger.upper(et.stack(cached, ids.shape[1]), mask)
    assert torch.allclose(direct[mask], reused[mask], atol=1e-5)
    # and training on the reused states learns the toy sentences
    log = et.train(tagger, batch, tok.pad, tmp_path)
    assert log.finished
    assert ner.tag_sentences(tagger, tok, [w for w, _ in SENTENCES]) == [t for _, t in SENTENCES]


def test_a_prefix_is_read_before_the_words() -> None:
    tok = toy_tokenizer()
    (ex,) = ner.make_examples(tok, ["محمد", "زار"], ["B-PERSON", "O"], 16, prefix="زار ")
    zar = tok.lookup[f"{META}زار"]
    assert ex.ids[:2] == [tok.bos, zar] and ex.first == [2, 3]
    assert ex.labels[2] == ner.LABELS.index("B-PERSON") and ex.labels[1] == ner.IGNORE
