"""Ingest throughput: seed-sized articles per second in one process (or several).

    python bench/ingest.py [--count 60] [--processes 1] [--database-url URL] [--profile]
                           [--inputs FILE ...]

Each input is a seed article (../shared/seeds/*.txt, else sample/; or the
--inputs files in turn) with a line of its own appended, so every one is new
to the database and goes
through the whole pipeline (decode, clean, entities, agenda, timeline, store,
search index) via the service the `ingest` command calls. Start-up (Django,
the recogniser's models, the first article) is timed apart from the steady
rate. --processes runs that many processes side by side, each with its share.
--profile prints where one process spends its time (cProfile, by own time;
SORT=cumulative TOP=60 in the environment for another view).
Copies of one seed flatter the rate: the recogniser keeps each word's
features (`features.word_features`), and a copy repeats every word. Different
articles (`--inputs ../shared/eval/dev/*.txt --count 19`: the first loads the
models, each of the 18 others is read once) give the rate of new text.
The database is a new SQLite file in a temporary folder unless
--database-url names one. Figures depend on what else the machine runs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=60, help="articles in all")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--profile", action="store_true", help="print the top 25 functions")
    parser.add_argument("--inputs", nargs="+", type=Path, help="articles read in turn")
    return parser.parse_args()


def inputs(chosen: list[Path] | None = None) -> list[bytes]:
    seeds = chosen or sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    return [p.read_bytes() for p in seeds or [ROOT / "sample" / "sample-article.txt"]]


def setup(database_url: str) -> float:
    started = time.perf_counter()
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreader.settings")
    import django

    django.setup()
    return time.perf_counter() - started


def worker(database_url: str, numbers: list[int], profile: bool, chosen, out) -> None:
    """Ingest the numbered variants; put (setup s, first s, steady s, n, profile text, CPU s)."""
    setup_s = setup(database_url)
    from newsreader.news.ingest import ingest_bytes

    texts = inputs(chosen)

    def one(n: int) -> None:
        data = texts[n % len(texts)] + f"\nرقم المادة {n}\n".encode()
        if not ingest_bytes(data, name=f"bench-{n}").created:
            raise SystemExit(f"ingest: variant {n} was already there")

    started = time.perf_counter()
    one(numbers[0])  # loads the recogniser's models
    first = time.perf_counter() - started
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for n in numbers[1:]:
        one(n)
    if profiler:
        profiler.disable()
    steady, cpu = time.perf_counter() - started, time.process_time() - cpu
    text = ""
    if profiler:
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.sort_stats(os.environ.get("SORT", "tottime"))
        stats.print_stats(int(os.environ.get("TOP", 25)))
        text = buffer.getvalue()
    out.put((setup_s, first, steady, len(numbers) - 1, text, cpu))


def main() -> None:
    args = parse_args()
    database_url = args.database_url
    if not database_url:
        folder = tempfile.mkdtemp(prefix="qari-ingest-")
        database_url = f"sqlite:///{folder}/ingest.sqlite3"
    setup(database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    connection.close()
    sizes = [len(b) for b in inputs(args.inputs)]
    print(f"{args.count} articles of {min(sizes)}–{max(sizes)} bytes, {args.processes} process(es)")
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    shares = [list(range(k, args.count, args.processes)) for k in range(args.processes)]
    started = time.perf_counter()
    procs = [
        context.Process(target=worker, args=(database_url, share, args.profile, args.inputs, out))
        for share in shares
        if len(share) > 1
    ]
    for proc in procs:
        proc.start()
    results = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    wall = time.perf_counter() - started
    steady_rate = sum(n / steady for _, _, steady, n, _, _ in results)
    per_cpu = sum(r[3] for r in results) / sum(r[5] for r in results)
    setup_s = max(r[0] for r in results)
    first_s = max(r[1] for r in results)
    print(f"start-up {setup_s:.1f} s (Django), first article {first_s:.1f} s (loads the models)")
    print(f"steady: {steady_rate:.1f} articles/s in all, "
          f"{steady_rate / len(results):.1f} per process")  # fmt: skip
    print(f"CPU: {per_cpu:.1f} articles per CPU-second of this process "
          f"({1000 / per_cpu:.0f} ms each): the rate of one idle core")  # fmt: skip
    print(f"wall: {args.count} articles in {wall:.1f} s = {args.count / wall:.1f} articles/s")
    for *_, text, _ in results[:1]:
        if text:
            print(text)


if __name__ == "__main__":
    main()
