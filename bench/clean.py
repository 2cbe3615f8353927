"""Articles per second through cleaning: the text path and the HTML path.

A benchmark, not a test: run `.venv/bin/python bench/clean.py [SECONDS]`.
The text path is decode + clean() over the sample, the seed and the dev
inputs (../shared, when present); the HTML path is decode + trafilatura
extraction + clean() over the golden pages in tests/pages/. Each path runs
over its inputs repeatedly for about SECONDS (default 3).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.pipeline.clean import clean  # noqa: E402
from newsreader.pipeline.decode import decode  # noqa: E402
from newsreader.pipeline.extract import cleaner_text  # noqa: E402

SHARED = ROOT.parent / "shared"


def text_inputs() -> list[bytes]:
    paths = [ROOT / "sample" / "sample-article.txt"]
    paths += sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "eval" / "dev").glob("*.txt")
    )
    return [p.read_bytes() for p in paths if p.exists()]


def html_inputs() -> list[bytes]:
    """The golden pages (those with expected paragraphs: the no-article page is left out)."""
    pages = ROOT / "tests" / "pages"
    stems = sorted(p.name.removesuffix(".expected.txt") for p in pages.glob("*.expected.txt"))
    return [(pages / f"{stem}.html").read_bytes() for stem in stems]


def run_text(data: bytes) -> None:
    clean(decode(data)[0])


def run_html(data: bytes) -> None:
    clean(cleaner_text(data, name="page.html").text)


def measure(name: str, inputs: list[bytes], step: Callable[[bytes], None], seconds: float) -> None:
    if not inputs:
        print(f"{name}: no inputs")
        return
    for data in inputs:  # warm up: imports, babel tables, lru caches
        step(data)
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for data in inputs:
            step(data)
        done += len(inputs)
    elapsed = time.perf_counter() - start
    size = sum(map(len, inputs)) / len(inputs) / 1024
    print(
        f"{name}: {done / elapsed:8.1f} articles/s  ({len(inputs)} inputs, "
        f"mean {size:.1f} KiB, {done} runs in {elapsed:.1f} s)"
    )


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    measure("text path (decode + clean)          ", text_inputs(), run_text, seconds)
    measure("html path (decode + extract + clean)", html_inputs(), run_html, seconds)


if __name__ == "__main__":
    main()
