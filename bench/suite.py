"""How long `bin/test` takes, phase by phase, and its slowest tests (budget: 5 minutes).

    python3 bench/suite.py [--durations 15] [PYTEST ARGS]

Runs bin/test as a newcomer would (the install step is a no-op once installed),
timing the phases from the markers bin/test prints: install check + lint + mypy,
the SQLite pass (whole suite, browser tests included), the PostgreSQL pass. The
slowest tests of each pass come from pytest's --durations. Wall times: run it on
an idle machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKERS = {"== SQLite": "sqlite", "== PostgreSQL": "postgresql"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--durations", type=int, default=15, help="slowest tests shown per pass")
    args, pytest_args = parser.parse_known_args()
    env = dict(os.environ, PYTEST_ADDOPTS=f"--durations={args.durations}")
    started = time.perf_counter()
    marks = {"start": started}
    slow: list[str] = []
    with subprocess.Popen(
        [str(ROOT / "bin" / "test"), *pytest_args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as run:
        assert run.stdout is not None
        for line in run.stdout:
            for marker, phase in MARKERS.items():
                if line.startswith(marker):
                    marks[phase] = time.perf_counter()
            if line[:1].isdigit() and "s " in line and ("call" in line or "setup" in line):
                slow.append(line.rstrip())
            if " passed" in line or " failed" in line or line.startswith(("FAILED", "ERROR")):
                print(line.rstrip())
        status = run.wait()
    ended = time.perf_counter()
    sqlite = marks.get("sqlite", ended)
    postgresql = marks.get("postgresql", ended)
    print(f"\nbin/test exit {status}, {ended - started:.0f} s in all")
    print(f"  install check, lint, mypy: {sqlite - started:.0f} s")
    print(f"  SQLite pass:               {postgresql - sqlite:.0f} s")
    if "postgresql" in marks:
        print(f"  PostgreSQL pass:           {ended - postgresql:.0f} s")
    print("\nslowest tests (both passes):")
    print("\n".join(sorted(slow, key=lambda s: -float(s.split("s", 1)[0]))[: 2 * args.durations]))
    return status


if __name__ == "__main__":
    sys.exit(main())
