"""Fine-tuning the encoder's tagger (`encoder_ner`) on CPU, and its ANERcorp runs.

Without adapters the lower layers never change, so their output is computed
once per training run (`frozen_states`) and each step runs only the top
layers: about 3x faster.

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
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from newsreader.pipeline.bio import best_valid_tags
from newsreader.pipeline.encoder_ner import (
    ADAPTER,
    CHECKPOINT,
    IGNORE,
    Example,
    NerConfig,
    TokenTagger,
    adapter_state,
    load_adapter_state,
    load_tagger,
    make_examples,
    pack_groups,
    pad,
    save_adapter,
    tag_sentences,
    word_probabilities,
)
from newsreader.pipeline.encoder_tokens import UnigramTokenizer


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
def per_example(
    run: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    examples: Sequence[Example],
    pad_id: int,
    batch_size: int = 32,
) -> list[torch.Tensor]:
    """`run(ids, mask)` over batches of similar length, cut back to each example's length."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].ids))
    out: list[torch.Tensor] = [torch.empty(0)] * len(examples)
    for b in range(0, len(order), batch_size):
        chunk = order[b : b + batch_size]
        ids, mask, _ = pad([examples[i] for i in chunk], pad_id)
        values = run(ids, mask)
        for row, i in enumerate(chunk):
            out[i] = values[row, : len(examples[i].ids)].clone()
    return out


def frozen_states(
    tagger: TokenTagger, examples: Sequence[Example], pad_id: int, batch_size: int = 32
) -> list[torch.Tensor]:
    """Each example's states after the frozen layers: with no adapters below the trained top,
    they never change, so every epoch reuses them and runs only the top layers."""
    was_training = tagger.training
    tagger.eval()
    out = per_example(tagger.lower, examples, pad_id, batch_size)
    tagger.train(was_training)
    return out


def stack(states: Sequence[torch.Tensor], width: int) -> torch.Tensor:
    """Per-example states [len, hidden] padded with zeros into [batch, width, hidden]."""
    out = torch.zeros(len(states), width, states[0].shape[-1])
    for row, s in enumerate(states):
        out[row, : s.shape[0]] = s
    return out


def teacher_logits(
    teacher: TokenTagger, examples: Sequence[Example], pad_id: int, batch_size: int = 32
) -> list[torch.Tensor]:
    """The teacher's logits [len, labels] for each example, read once before training."""
    teacher.eval()
    return per_example(teacher, examples, pad_id, batch_size)


def distillation_loss(
    logits: torch.Tensor, teacher: torch.Tensor, words: torch.Tensor, temperature: float
) -> torch.Tensor:
    """KL(teacher ‖ student) at the `words` positions (first pieces), both softened by
    `temperature` (× T²)."""
    keep = words.reshape(-1)
    s = logits.reshape(-1, logits.shape[-1])[keep] / temperature
    t = teacher.reshape(-1, teacher.shape[-1])[keep] / temperature
    kl = F.kl_div(
        F.log_softmax(s, dim=-1), F.log_softmax(t, dim=-1), log_target=True, reduction="batchmean"
    )
    return kl * temperature**2


def first_pieces(examples: Sequence[Example], width: int) -> torch.Tensor:
    """[batch, width] True at each word's first piece (where labels sit, given or not)."""
    out = torch.zeros(len(examples), width, dtype=torch.bool)
    for row, e in enumerate(examples):
        out[row, [k for k in e.first if k >= 0]] = True
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
    targets: Sequence[torch.Tensor] | None = None,
) -> TrainLog:
    """Fine-tune (resuming from `folder`'s checkpoint when there is one); save the adapter.

    `max_steps` stops early after that many steps in this call (a checkpoint is
    written), so a long training can run in slices. `targets`, a teacher's
    logits per example (`teacher_logits`), add the distillation loss with
    weight `cfg.distil`.
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
        loss = (
            F.cross_entropy(
                logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=IGNORE
            )
            if bool((labels != IGNORE).any())
            else logits.sum() * 0.0  # a batch of text without labels: the teacher's only
        )
        if targets is not None:
            soft = stack([targets[i] for i in plan[step]], ids.shape[1])
            words = first_pieces([examples[i] for i in plan[step]], ids.shape[1])
            loss = (1 - cfg.distil) * loss + cfg.distil * distillation_loss(
                logits, soft, words, cfg.temperature
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


# --- ANERcorp ------------------------------------------------------------------------------


def sentence_examples(
    tokenizer: UnigramTokenizer, sentences: Sequence[Sequence[tuple[str, str]]], cfg: NerConfig
) -> list[Example]:
    """Training sequences for (word, tag) sentences: consecutive ones packed together up
    to `cfg.pack` pieces (`encoder_ner.pack_groups`), as the tagger reads them."""
    if cfg.pack > 0:
        groups = pack_groups(tokenizer, [[w for w, _ in s] for s in sentences], cfg.pack)
        sentences = [[pair for i in group for pair in sentences[i]] for group in groups]
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
    or is None while training is unfinished (`max_steps`). AQMAR's labels are not
    read (Wikipedia labels organisations differently); with a teacher and
    `cfg.unlabelled` "aqmar", its text is read with the teacher's labels alone.
    """
    from newsreader.pipeline import training
    from newsreader.pipeline.encoder import load_encoder

    encoder = load_encoder(cache)
    sentences = training.train_sentences(Path(data))
    examples = sentence_examples(encoder.tokenizer, sentences, cfg)
    if cfg.teacher and cfg.unlabelled:
        if cfg.unlabelled != "aqmar":
            raise ValueError(f"unknown unlabelled text {cfg.unlabelled!r} (aqmar)")
        from newsreader.pipeline.corpus import read_aqmar

        texts = [[w for w, _ in s] for s in read_aqmar(Path(data) / "aqmar")]
        for words in texts:
            examples += make_examples(
                encoder.tokenizer, words, None, cfg.window, cfg.labels, cfg.prefix
            )
    if report:
        pieces = sum(len(e.ids) for e in examples)
        report(f"{len(sentences)} sentences, {len(examples)} sequences, {pieces} pieces")
    targets = None
    if cfg.teacher:
        targets = teacher_targets(Path(folder), cfg.teacher, examples, cache, report)
    tagger = TokenTagger(encoder.model, cfg)
    if cfg.teacher and cfg.from_teacher:
        start_from_teacher(tagger, cfg.teacher, cache)
    log = train(tagger, examples, encoder.tokenizer.pad, folder, max_steps, report, targets)
    if not log.finished:
        return log, None
    return log, score_tests(tagger, encoder.tokenizer, data)


TEACHER = "teacher.pt"


@torch.no_grad()
def start_from_teacher(student: TokenTagger, teacher: str | Path, cache=None) -> None:
    """Copy the teacher's layers named by `from_teacher` (one per student layer, in order)
    and its head into the student, as DistilBERT starts from every other layer."""
    from newsreader.pipeline.encoder import load_encoder

    picks = student.cfg.from_teacher
    if len(picks) != len(student.encoder.layers):
        raise ValueError(
            f"from_teacher names {len(picks)} layers for {len(student.encoder.layers)} layers"
        )
    source = load_tagger(load_encoder(cache), teacher, merge=True)
    for mine, theirs in zip(student.encoder.layers, picks, strict=True):
        mine.load_state_dict(source.encoder.layers[theirs].state_dict())
    student.head.load_state_dict(source.head.state_dict())


def teacher_targets(
    folder: Path,
    teacher: str | Path,
    examples: Sequence[Example],
    cache: str | Path | None,
    report: Callable[[str], None] | None,
) -> list[torch.Tensor]:
    """The teacher's logits on the training examples, kept in `folder` for a resumed run."""
    from newsreader.pipeline.encoder import load_encoder

    saved = folder / TEACHER
    if saved.exists():
        return torch.load(saved, map_location="cpu", weights_only=True)
    began = time.perf_counter()
    encoder = load_encoder(cache)  # a model of its own: the student's takes over another
    logits = teacher_logits(
        load_tagger(encoder, teacher, merge=True), examples, encoder.tokenizer.pad
    )
    folder.mkdir(parents=True, exist_ok=True)
    torch.save(logits, folder / (TEACHER + ".part"))
    (folder / (TEACHER + ".part")).replace(saved)
    if report:
        report(f"teacher {teacher}: {len(logits)} sequences in {time.perf_counter() - began:.0f} s")
    return logits


def score_tests(tagger: TokenTagger, tokenizer: UnigramTokenizer, data: str | Path) -> dict:
    """Exact-match reports on the official and the repaired ANERcorp CAMeL Lab test files."""
    from newsreader.pipeline import training

    reports = {}
    for name, test in training.test_sets(Path(data)).items():
        pred = tag_sentences(tagger, tokenizer, [[w for w, _ in s] for s in test])
        reports[name] = training.score([[t for _, t in s] for s in test], pred)
    return reports


def evaluate_anercorp(
    data: str | Path,
    adapter: str | Path,
    cache: str | Path | None = None,
    precision: str = "float32",
) -> dict[str, dict]:
    """{test file: {"crf", "encoder", "combined": Report}} for a saved adapter.

    The CRF reads the sentences as running text (`WINDOW` either
    side, as `evaluate_ner` always has); the encoder tags each sentence alone;
    the combination averages the two per word and runs the consistency step
    over the same window (`combine.combined_tags`). Merged weights, computing
    in `precision` (`encoder_precision`).
    """
    from newsreader.pipeline import training
    from newsreader.pipeline.combine import combined_tags
    from newsreader.pipeline.document import WINDOW
    from newsreader.pipeline.encoder import load_encoder
    from newsreader.pipeline.features import MODEL_PATH, resources_for
    from newsreader.pipeline.tagger import document_marginals

    encoder = load_encoder(cache)
    tagger = load_tagger(encoder, adapter, merge=True, precision=precision)
    plain = resources_for(MODEL_PATH).plain_words
    out: dict[str, dict] = {}
    for name, test in training.test_sets(Path(data)).items():
        words = [[w for w, _ in s] for s in test]
        gold = [[t for _, t in s] for s in test]
        probs = [p.tolist() for p in word_probabilities(tagger, encoder.tokenizer, words)]
        alone = [best_valid_tags(rows) for rows in probs]
        marginals = document_marginals(words, MODEL_PATH, WINDOW)
        both = combined_tags(words, marginals, probs, plain, WINDOW)
        out[name] = {
            "crf": training.score(gold, training.predict(MODEL_PATH, test)),
            "encoder": training.score(gold, alone),
            "combined": training.score(gold, both),
        }
    return out
