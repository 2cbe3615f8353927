"""Round trip of the mention edit endpoints through the Django test client.

A benchmark, not a test: run `.venv/bin/python bench/edit.py [EDITS]`.
It makes a throwaway SQLite database in a temporary directory (DATABASE_URL),
migrates it, ingests the sample article and, when present, the seed
../shared/seeds/000_459de25692059187.txt (seed-sized articles, annotated by
the pipeline), signs an editor in, and then makes EDITS (default 200) htmx
edits the way the reader does: each POST carries the paragraph version the
previous answer showed. The mix cycles through add (a selected word),
relabel, grow/shrink, proclitic toggle, link, remove and undo (revert). It
prints p50/p95/max per endpoint and overall, in milliseconds of wall time
around `client.post` (routing, auth, the edit's transaction, rendering the
paragraph partial), and the SQL queries per edit. Target: p95 < 100 ms.
"""

from __future__ import annotations

import os
import re
import secrets
import statistics
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
INPUTS = [
    ROOT / "sample" / "sample-article.txt",
    ROOT.parent / "shared" / "seeds" / "000_459de25692059187.txt",
]
HX = {"HTTP_HX_REQUEST": "true"}
LABELS = ["PERSON", "LOCATION", "ORGANIZATION", "DATE"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(total: int) -> None:
    tmp = tempfile.TemporaryDirectory(prefix="qari-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp.name) / 'bench.sqlite3'}"
    os.environ["DEBUG"] = "0"  # as deployed: no query log, no debug toolbar of any kind
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))  # throwaway, this run only
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreader.settings")
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    import django

    django.setup()
    from django.contrib.auth.models import Permission, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from newsreader.news.models import Mention, Paragraph

    call_command("migrate", verbosity=0)
    inputs = [str(path) for path in INPUTS if path.exists()]
    call_command("ingest", *inputs, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    paragraphs = list(Paragraph.objects.order_by("article", "index"))
    print(
        f"{len(inputs)} articles, {len(paragraphs)} paragraphs, "
        f"{sum(len(p.text) for p in paragraphs)} characters, "
        f"{Mention.objects.active().count()} mentions from the pipeline"
    )

    editor = User.objects.create_user("bench-editor")
    editor.user_permissions.add(Permission.objects.get(codename="change_mention"))
    client = Client()
    client.force_login(editor)

    versions = {p.pk: p.version for p in paragraphs}
    times: dict[str, list[float]] = defaultdict(list)
    queries: list[int] = []
    undo: list[tuple[int, str]] = []
    statuses: dict[int, int] = defaultdict(int)
    refusals: set[str] = set()

    def post(kind: str, url: str, para_pk: int, data: dict) -> str:
        data = {**data, "version": versions[para_pk]}
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(url, data, **HX)
            elapsed = (time.perf_counter() - started) * 1000
        statuses[response.status_code] += 1
        if response.status_code == 400:
            refusals.add(response.content.decode())
        body = response.content.decode()
        found = re.search(r'data-version="(\d+)"', body)
        if found:
            versions[para_pk] = int(found.group(1))
        if response.status_code == 200:
            times[kind].append(elapsed)
            queries.append(len(captured))
            if response.get("X-Qari-Edits") and kind != "undo":
                undo.append((para_pk, response["X-Qari-Edits"]))
        return body

    words = [(p, m.start(), m.end()) for p in paragraphs for m in re.finditer(r"\w{4,}", p.text)]
    step = 0
    made = 0
    while made < total:
        para, start, end = words[(step * 7) % len(words)]
        step += 1
        post(
            "add",
            reverse("mention_add", args=[para.pk]),
            para.pk,
            {"start": start, "end": end, "label": LABELS[step % 4]},
        )
        made += 1
        mention = (
            Mention.objects.active().filter(paragraph=para, start__lte=start, end__gte=end).first()
        )
        if mention is None:
            continue
        for kind, url, data in [
            ("relabel", "mention_relabel", {"label": LABELS[(step + 1) % 3]}),
            ("adjust", "mention_adjust", {"action": "grow-end"}),
            ("adjust", "mention_adjust", {"action": "shrink-end"}),
            ("adjust", "mention_adjust", {"action": "toggle-clitic"}),
            ("link", "mention_link", {"name": mention.text}),
            ("remove", "mention_remove", {}),
        ]:
            if made >= total:
                break
            post(kind, reverse(url, args=[mention.pk]), para.pk, data)
            made += 1
        if undo and made < total:
            para_pk, edits = undo.pop()
            post("undo", reverse("edits_revert"), para_pk, {"edits": edits})
            made += 1

    everything = [t for values in times.values() for t in values]
    print(
        f"{made} edit requests, statuses {dict(statuses)}"
        f" (400: refused, e.g. {', '.join(sorted(refusals)[:3])})"
    )
    for kind, values in sorted(times.items()):
        print(
            f"  {kind:8} n={len(values):3}  p50 {statistics.median(values):6.1f} ms"
            f"  p95 {percentile(values, 0.95):6.1f} ms  max {max(values):6.1f} ms"
        )
    p50, p95 = statistics.median(everything), percentile(everything, 0.95)
    print(
        f"all 200s  n={len(everything)}  p50 {p50:.1f} ms  p95 {p95:.1f} ms"
        f"  max {max(everything):.1f} ms  (target p95 < 100 ms: {'met' if p95 < 100 else 'MISSED'})"
    )
    print(f"SQL queries per edit: median {statistics.median(queries):.0f}, max {max(queries)}")
    connection.close()
    tmp.cleanup()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
