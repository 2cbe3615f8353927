"""Real processes on one database: db_worker processes sharing a queue, parallel ingests.

These run `manage.py` in subprocesses against the test database, so the tests
are transactional (what they write is committed for the other processes to
see). bin/test runs this module on SQLite and again on PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from newsreader.news.models import Article, Entity, IngestJob

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = ["سالم الدباغ", "ليلى الحكيم", "مروان العبيدي", "هدى الراشد", "كريم الساعدي"]
CITIES = ["الموصل", "البصرة", "أربيل", "النجف", "كركوك", "الحلة", "الرمادي"]
PLACES = ["جسراً جديداً", "مستشفى ميدانياً", "مدرسة للبنات", "سوقاً شعبية", "مكتبة عامة"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر"]


def story(n: int) -> str:
    """A short invented news item; every n gives different text (and a different title)."""
    person, city = PEOPLE[n % len(PEOPLE)], CITIES[n % len(CITIES)]
    place, month = PLACES[(n // 2) % len(PLACES)], MONTHS[n % len(MONTHS)]
    return (
        f"{person} يفتتح {place} في {city} بكلفة {n + 3} ملايين دينار\n"
        f"افتتح المحافظ {person} يوم {n % 27 + 1} {month} 2026 {place} في مدينة {city}، "
        f"بعد {n + 2} أشهر من العمل.\n"
        f"وقال {person} إن المشروع رقم {n} سيخدم سكان {city} والقرى المجاورة لها.\n"
    )


def write_stories(folder: Path, numbers: range) -> list[str]:
    paths = []
    for n in numbers:
        path = folder / f"story-{n:03d}.txt"
        path.write_text(story(n), encoding="utf-8")
        paths.append(str(path))
    return paths


def database_url() -> str:
    """The test database, as the other processes reach it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def manage_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=database_url(), DEBUG="1", **extra)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def start(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


@pytest.mark.django_db(transaction=True)
def test_two_workers_ingest_fifty_inputs_queued_twice_once_each(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "db_worker processes on several machines need a database server: "
            "this runs in bin/test's PostgreSQL pass"
        )
    paths = write_stories(tmp_path, range(50))
    env = manage_env(TASK_BACKEND="database")
    worker_args = ("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")
    workers = [start(*worker_args, "--worker-id", f"worker-{i}", env=env) for i in (1, 2)]
    try:
        # each input twice in a row, so the two workers often take its two jobs at once
        twice = [path for path in paths for _ in range(2)]
        code, out, err = finish(start("ingest", "--queue", *twice, env=env))
        assert code == 0, err
        lines = out.splitlines()
        assert len(lines) == 100
        assert all(" job " in line and "(task " in line for line in lines)
        deadline = time.monotonic() + 150
        while IngestJob.objects.exclude(state__in=["done", "failed"]).exists():
            assert time.monotonic() < deadline, "the workers did not finish the jobs in time"
            assert all(w.poll() is None for w in workers), "a worker died"
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        logs = [finish(worker, timeout=60) for worker in workers]

    from django_tasks_db.models import DBTaskResult

    assert set(IngestJob.objects.values_list("state", "error")) == {("done", "")}
    assert Counter(IngestJob.objects.values_list("outcome", flat=True)) == {
        "created": 50,
        "exists": 50,
    }
    assert Article.objects.count() == 50  # none lost, none doubled
    by_input = {}
    for source, article in IngestJob.objects.values_list("source", "article_id"):
        by_input.setdefault(source, set()).add(article)
    assert sorted(by_input) == paths
    assert all(len(articles) == 1 for articles in by_input.values())
    assert len({a for articles in by_input.values() for a in articles}) == 50
    tasks = DBTaskResult.objects.all()
    assert Counter(tasks.values_list("status", flat=True)) == {"SUCCESSFUL": 100}
    workers_used = Counter(w for ids in tasks.values_list("worker_ids", flat=True) for w in ids)
    print(f"jobs per worker: {dict(workers_used)}")
    assert set(workers_used) <= {"worker-1", "worker-2"}, logs
    assert Entity.objects.filter(label="PERSON", name="ليلى الحكيم").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_batches_in_parallel_finish_clean_and_a_shared_input_is_created_once(
    tmp_path: Path,
) -> None:
    """Two `ingest` processes at once: different batches of one source, the same few
    inputs first in both (each of those: one "created", one "exists")."""
    shared = write_stories(tmp_path, range(3))
    first = write_stories(tmp_path, range(10, 14))
    second = write_stories(tmp_path, range(20, 24))
    env = manage_env()
    options = ("--source-name", "وكالة أنباء الرافدين")
    runs = [
        start("ingest", *options, *shared, *first, env=env),
        start("ingest", *options, *shared, *second, env=env),
    ]
    results = [finish(run, timeout=180) for run in runs]
    for code, _, err in results:  # stderr: only the progress line a slow batch prints
        assert code == 0 and all(line.startswith("progress: ") for line in err.splitlines()), err
    lines = [line for _, out, _ in results for line in out.splitlines()]
    assert len(lines) == 3 + 4 + 3 + 4
    for path in shared:
        verbs = sorted(line.split(": ")[1].split()[0] for line in lines if line.startswith(path))
        assert verbs == ["created", "exists"], path
    for path in first + second:
        assert any(line.startswith(f"{path}: created article") for line in lines)
    assert Article.objects.count() == 3 + 4 + 4
    assert Entity.objects.filter(label="PERSON", name="سالم الدباغ").count() == 1


class HangingOnce:
    """A local news site whose first request hangs until released; later ones get the page."""

    def __init__(self, page: str) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.asked = threading.Event()
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if not site.asked.is_set():
                    site.asked.set()
                    site.release.wait(60)  # the worker is killed while it waits here
                    return
                body = page.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/story.html"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_job_leaves_a_job_that_recovery_fails_and_a_new_worker_ingests(
    tmp_path: Path,
) -> None:
    """SIGKILL (no clean-up runs) while the job fetches its URL: the job stays "running";
    `recover_jobs --retry` fails it as stalled and queues it again; the next worker ingests
    it once."""
    text = story(7).splitlines()
    page = (
        f"<html lang='ar'><head><title>{text[0]}</title></head><body><article>"
        f"<h1>{text[0]}</h1><p>{text[1]}</p><p>{text[2]}</p></article></body></html>"
    )
    site = HangingOnce(page)
    env = manage_env(TASK_BACKEND="database", INGEST_ALLOW_PRIVATE_URLS="1")
    worker_args = ("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")
    try:
        first = start(*worker_args, "--worker-id", "doomed", env=env)
        code, out, err = finish(start("ingest", "--queue", site.url, env=env))
        assert code == 0, err
        job = IngestJob.objects.get()
        wait_for(site.asked.is_set, 90, "the worker never fetched the URL")
        job.refresh_from_db()
        assert job.state == IngestJob.State.RUNNING and job.attempts == 1
        first.kill()
        first.wait(timeout=30)
        time.sleep(1)
        job.refresh_from_db()
        assert job.state == IngestJob.State.RUNNING  # nobody is left to say otherwise

        recover = env | {"INGEST_JOB_STALE_SECONDS": "0"}
        code, out, err = finish(start("recover_jobs", "--retry", env=recover))
        assert code == 0, err
        assert f"job {job.pk}: {site.url}: stalled, failed: the worker stopped" in out
        assert out.splitlines()[-1].startswith("1 stalled jobs failed, 1 of them retried")
        assert Article.objects.count() == 0

        second = start(*worker_args, "--worker-id", "fresh", env=env)
        try:
            done = ("done", "failed")
            wait_for(
                lambda: IngestJob.objects.filter(state__in=done).exists(), 120, "no second run"
            )
        finally:
            second.send_signal(signal.SIGTERM)
            finish(second, timeout=60)
    finally:
        site.close()
    job.refresh_from_db()
    assert (job.state, job.outcome, job.error, job.attempts) == ("done", "created", "", 2)
    article = Article.objects.get()
    assert article.title == text[0] and job.article_id == article.pk
