"""Load on a served Qari: req/s and p50/p95/p99 per page at several concurrencies.

    python bench/serve.py --database-url sqlite:////tmp/qari-scale-…/scale.sqlite3 \\
        [--workers 3] [--concurrency 1 8 32] [--seconds 10] [--pages home search reader entity]
    python bench/serve.py --url http://127.0.0.1:8000   # a server already running

Without --url it starts bin/serve (gunicorn, WORKERS sync workers, DEBUG off)
on a free port against --database-url (a corpus bench/scale.py built, say)
and stops it afterwards. The URLs are found the way a reader would: list
pages give articles, articles give entities, titles give search words. Each
connection is a thread that sends one request after another (a new TCP
connection each time, as gunicorn's sync workers close it), for --seconds at
each concurrency, over the pages named, in turn; --articles distinct reader
and entity pages (readers come back to popular ones, so the reader cache
takes part after --warmup passes over every URL; each gunicorn worker has
its own copy). Only the standard library;
the client shares the machine with the server, so figures on a busy machine
are noisy: re-run idle.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = re.compile(r'href="(/articles/[^"#?]+/)"')
ENTITY = re.compile(r'href="(/entities/\d+/)"')
TITLE = re.compile(r'class="article-title"[^>]*>([^<]+)<')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server; else bin/serve is started")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (bin/serve)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=10.0, help="per concurrency level")
    parser.add_argument(
        "--pages", nargs="+", default=["home", "search", "reader", "entity"],
        choices=["home", "search", "reader", "entity"],
    )  # fmt: skip
    parser.add_argument(
        "--articles", type=int, default=50,
        help="distinct reader and entity pages in the mix (readers come back to the same ones)",
    )  # fmt: skip
    parser.add_argument(
        "--warmup", type=int, default=2,
        help="passes over every URL (times the workers) before measuring: each worker's cache",
    )  # fmt: skip
    return parser.parse_args()


def get(base: urllib.parse.SplitResult, path: str, timeout: float = 30) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": base.netloc})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def discover(base: urllib.parse.SplitResult, limit: int, pages: int = 5) -> dict[str, list[str]]:
    """Article, entity and search URLs, found by reading the site like a visitor."""
    articles, titles = [], []
    for n in range(1, pages + 1):
        body = get(base, f"/?page={n}")[1].decode()
        articles += ARTICLE.findall(body)
        titles += TITLE.findall(body)
    articles = list(dict.fromkeys(articles))[:limit]
    entities: list[str] = []
    for path in articles[:10]:
        entities += ENTITY.findall(get(base, path)[1].decode())
    words = [w for t in titles for w in t.split() if len(w) > 3 and not w.isdigit()]
    words = list(dict.fromkeys(words))[:40]
    if not articles or not entities or not words:
        raise SystemExit("serve: the site shows no articles, entities or titles to load it with")
    return {
        "home": ["/", "/?page=2", "/?page=3"],
        "search": ["/?q=" + urllib.parse.quote(w) for w in words],
        "reader": articles,
        "entity": list(dict.fromkeys(entities))[:limit],
    }


def load(base, urls: dict[str, list[str]], pages: list[str], connections: int, seconds: float):
    """Run `connections` threads for `seconds`; (page, ms, status) of every request."""
    each = {page: itertools.cycle(urls[page]) for page in pages}
    cycle = ((page, next(each[page])) for page in itertools.cycle(pages))  # the pages in turn
    lock = threading.Lock()
    results: list[tuple[str, float, int]] = []
    deadline = time.perf_counter() + seconds

    def run() -> None:
        while time.perf_counter() < deadline:
            with lock:
                page, url = next(cycle)
            start = time.perf_counter()
            try:
                status = get(base, url)[0]
            except OSError:
                status = 0
            ms = (time.perf_counter() - start) * 1000
            with lock:
                results.append((page, ms, status))

    threads = [threading.Thread(target=run) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def warm(base, urls: dict[str, list[str]], pages: list[str], passes: int) -> None:
    """Every URL `passes` times, a few at once: imports, templates and each worker's cache."""
    todo = [url for _ in range(passes) for page in pages for url in urls[page]]
    lock = threading.Lock()

    def run() -> None:
        while True:
            with lock:
                if not todo:
                    return
                url = todo.pop()
            with contextlib.suppress(OSError):
                get(base, url)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(connections: int, results, elapsed: float, pages: list[str]) -> None:
    for page in [*pages, "all"] if len(pages) > 1 else pages:
        rows = [r for r in results if page in ("all", r[0])]
        times = [ms for _, ms, status in rows if status == 200]
        errors = sum(1 for _, _, status in rows if status != 200)
        if not times:
            print(f"{connections:>5} {page:>7}  no successful request ({errors} errors)")
            continue
        rate, p50 = len(rows) / elapsed, statistics.median(times)
        print(
            f"{connections:>5} {page:>7} {rate:>8.1f} {p50:>7.1f}"
            f" {percentile(times, 0.95):>7.1f} {percentile(times, 0.99):>7.1f} {errors:>6}"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, workers: int) -> tuple[subprocess.Popen, str]:
    if not database_url:
        raise SystemExit("serve: give --url, or --database-url for bin/serve to serve")
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        WORKERS=str(workers),
        BIND=f"127.0.0.1:{port}",
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-serve-only"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        VENV=os.environ.get("VENV", str(Path(sys.executable).parent.parent)),
    )
    server = subprocess.Popen(
        [str(ROOT / "bin" / "serve")], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if get(urllib.parse.urlsplit(url), "/", timeout=5)[0] == 200:
                return server, url
        except OSError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"serve: bin/serve exited with {server.returncode}")
        time.sleep(0.2)
    stop(server)
    raise SystemExit("serve: bin/serve did not answer within 2 minutes")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def main() -> None:
    args = parse_args()
    server = None
    url = args.url
    if not url:
        server, url = start_server(args.database_url, args.workers)
        print(f"bin/serve: {args.workers} gunicorn sync workers on {url}")
    try:
        base = urllib.parse.urlsplit(url)
        urls = discover(base, args.articles)
        print(f"{sum(len(urls[p]) for p in args.pages)} URLs over {', '.join(args.pages)}; "
              f"{args.seconds:g} s per level; times in ms")  # fmt: skip
        warm(base, urls, args.pages, args.workers * args.warmup)
        head = ["req/s", "p50", "p95", "p99"]
        print(f"{'conns':>5} {'page':>7} {head[0]:>8} " + " ".join(f"{h:>7}" for h in head[1:])
              + f" {'errors':>6}")  # fmt: skip
        for connections in args.concurrency:
            results, elapsed = load(base, urls, args.pages, connections, args.seconds)
            report(connections, results, elapsed, args.pages)
    finally:
        if server is not None:
            stop(server)


if __name__ == "__main__":
    sys.exit(main())
