"""manage.py ingest: one article per input, one transaction each, clear errors."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsreader.news.models import Article, DroppedLine, IngestJob, Mention, Paragraph
from tests.test_fetch import html, serve

ROOT = Path(__file__).resolve().parent.parent


def ingest(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_ingest_sample_creates_an_article(sample_path: Path) -> None:
    out = ingest(str(sample_path), "--published", "2026-03-05")
    article = Article.objects.get()
    assert (
        out.strip() == f"{sample_path}: created article {article.pk}: {article.title} (text, utf-8)"
    )
    assert bytes(article.raw) == sample_path.read_bytes()  # the raw input, verbatim
    assert article.raw_encoding == "utf-8"
    assert str(article.published) == "2026-03-05"
    first = article.paragraphs.order_by("index").first()
    assert (first.index, first.kind, first.text) == (0, "title", article.title)
    assert DroppedLine.objects.filter(article=article).exists()  # the repeated title, the teaser
    assert Mention.objects.filter(paragraph__article=article).exists()


@pytest.mark.django_db
def test_same_input_twice_creates_nothing(sample_path: Path) -> None:
    ingest(str(sample_path))
    counts = (Article.objects.count(), Paragraph.objects.count(), Mention.objects.count())
    out = ingest(str(sample_path))
    assert out.startswith(f"{sample_path}: exists article {Article.objects.get().pk}:")
    assert (Article.objects.count(), Paragraph.objects.count(), Mention.objects.count()) == counts


@pytest.mark.django_db
def test_ingest_reads_stdin(monkeypatch: pytest.MonkeyPatch, sample_path: Path) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(sample_path.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    out = ingest("-", "--title", "عنوان من المحرر", "--source-url", "https://example.com/a/1")
    article = Article.objects.get()
    assert out.startswith("-: created article")
    assert article.title == "عنوان من المحرر"
    assert article.source_name == "example.com"


@pytest.mark.django_db
def test_windows_1256_input_is_decoded_and_recorded(tmp_path: Path, sample_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(sample_path.read_text(encoding="utf-8").encode("cp1256"))
    ingest(str(legacy))
    article = Article.objects.get()
    assert article.raw_encoding == "cp1256"
    assert article.title.startswith("وزراء النقل العرب")


@pytest.mark.django_db
def test_seed_has_all_four_labels_and_a_sidebar(seed_path: Path) -> None:
    ingest(str(seed_path), "--published", "2026-02-26")
    article = Article.objects.get()
    labels = set(Mention.objects.filter(paragraph__article=article).values_list("label", flat=True))
    assert labels == {"PERSON", "LOCATION", "ORGANIZATION", "DATE"}
    assert article.agenda_items.exists()
    assert article.timeline_events.exists()


@pytest.mark.django_db
def test_one_bad_input_does_not_stop_the_others(tmp_path: Path, sample_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 inputs failed"):
        call_command("ingest", str(empty), str(sample_path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == f"error: {empty}: the input is empty"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_failure_midway_leaves_no_half_article(
    monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:
    def broken(article, **options):
        raise RuntimeError("stage failed")

    monkeypatch.setattr("newsreader.news.ingest.annotate_article", broken)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(sample_path), stdout=io.StringIO(), stderr=err)
    assert "could not be processed" in err.getvalue()
    assert (Article.objects.count(), Paragraph.objects.count(), DroppedLine.objects.count()) == (
        0,
        0,
        0,
    )


def manage_process(database: Path, *args: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process on the SQLite file `database`."""
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty migrated SQLite file, made once by `manage.py migrate` and copied per test."""
    database = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    result = manage_process(database, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    return database


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the input is empty"),
        (bytes(range(256)) * 8, "the input is binary, not text"),
        (None, "no such file"),
        (bytes((n * 7919) % 128 + 128 for n in range(900)), "does not read as"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line(
    tmp_path: Path, migrated_database: Path, content, reason: str
) -> None:
    """Through the real command line: one line on stderr, no traceback, database untouched."""
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_database, database)
    result = manage_process(database, "ingest", str(path))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"error: {path}: {reason}" or reason in lines[0]
    assert "Traceback" not in result.stderr
    with closing(sqlite3.connect(database)) as db:
        counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]
    assert counts == [0] * len(TABLES)


TABLES = ("news_article", "news_paragraph", "news_droppedline", "news_mention", "news_entity")


# --- HTML files and URLs -------------------------------------------------------

PAGES = ROOT / "tests" / "pages"


def _paragraphs(article: Article) -> list[str]:
    return list(article.paragraphs.order_by("index").values_list("text", flat=True))


@pytest.mark.django_db
def test_ingest_an_html_file_with_its_page_metadata() -> None:
    page = PAGES / "port-expansion.html"
    out = ingest(str(page))
    article = Article.objects.get()
    assert out.strip().endswith("(html, utf-8)")
    assert bytes(article.raw) == page.read_bytes()
    assert article.raw_encoding == "utf-8"
    assert str(article.published) == "2025-11-03"  # the page's date
    assert article.source_name == "الوطن اليوم"
    assert article.source_url == "https://alwatan-alyawm.example/economy/2025/11/03/aqaba-port"
    expected = (PAGES / "port-expansion.expected.txt").read_text(encoding="utf-8").splitlines()
    assert _paragraphs(article) == expected
    assert article.paragraphs.get(text="ممر تجاري جديد").kind == "heading"
    assert Mention.objects.filter(paragraph__article=article).exists()


@pytest.mark.django_db
def test_published_option_wins_over_the_page_and_options_over_metadata() -> None:
    ingest(
        str(PAGES / "port-expansion.html"),
        "--published",
        "2025-12-01",
        "--source-name",
        "مصدر آخر",
        "--source-url",
        "https://example.com/x",
    )
    article = Article.objects.get()
    assert (str(article.published), article.source_name) == ("2025-12-01", "مصدر آخر")
    assert article.source_url == "https://example.com/x"


@pytest.mark.django_db
def test_windows_1256_page_and_a_date_from_the_text(tmp_path: Path) -> None:
    # no .html name: recognised by its doctype
    legacy = tmp_path / "saved-page"
    legacy.write_bytes((PAGES / "book-fair-cp1256.html").read_bytes())
    ingest(str(legacy), str(PAGES / "clinic-opening.html"))
    fair, clinic = Article.objects.order_by("pk")
    assert (fair.raw_encoding, str(fair.published)) == ("cp1256", "2025-06-14")
    assert fair.title == "افتتاح معرض الكتاب في وهران بمشاركة مئتي دار نشر"
    assert str(clinic.published) == "2024-05-24"  # no page date: the cleaner's, from the text
    reasons = set(clinic.dropped_lines.values_list("reason", flat=True))
    assert {"timestamp", "share"} <= reasons


@pytest.mark.django_db
def test_a_page_without_an_article_fails_alone(sample_path: Path) -> None:
    empty_page = PAGES / "no-article.html"
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 3 inputs failed"):
        call_command(
            "ingest",
            str(PAGES / "clinic-opening.html"),
            str(empty_page),
            str(sample_path),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert err.getvalue().strip() == (
        f"error: {empty_page}: no article text found in the HTML page "
        "(only links, scripts or short labels)"
    )
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_over_large_and_damaged_inputs_are_refused(settings, tmp_path: Path) -> None:
    settings.INGEST_MAX_BYTES = 2000
    big = tmp_path / "big.txt"
    big.write_bytes("خبر طويل جدا. ".encode() * 500)
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes("افتتح الوزير معرض الكتاب في الرياض. ".encode() * 3 + b"\xff")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 of 2 inputs failed"):
        call_command("ingest", str(big), str(damaged), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        f"error: {big}: the input is larger than 2000 bytes",
        f"error: {damaged}: the input is UTF-8 with 1 invalid byte(s), the first at byte 195",
    ]
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_ingest_a_url_from_a_local_server(settings) -> None:
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    routes = {
        "/news/clinic": html((PAGES / "clinic-opening.html").read_bytes()),
        "/news/fair": html((PAGES / "book-fair-cp1256.html").read_bytes(), "windows-1256"),
        "/feed.json": (200, {"Content-Type": "application/json"}, b"{}"),
    }
    err = io.StringIO()
    out = io.StringIO()
    with serve(routes) as base, pytest.raises(CommandError, match="1 of 3 inputs failed"):
        call_command(
            "ingest",
            f"{base}/news/clinic",
            f"{base}/feed.json",
            f"{base}/news/fair",
            stdout=out,
            stderr=err,
        )
    assert err.getvalue().strip() == (
        f"error: {base}/feed.json: the URL gives application/json, not an HTML page"
    )
    clinic, fair = Article.objects.order_by("pk")
    assert clinic.source_url == f"{base}/news/clinic"  # no canonical link: the URL fetched
    assert clinic.title == "مستشفى ميداني جديد في الموصل يستقبل أول المرضى"
    assert _paragraphs(clinic)[1].startswith("استقبل المستشفى الميداني الجديد")
    assert (fair.raw_encoding, fair.source_name) == ("cp1256", "جريدة الساحل")
    assert out.getvalue().splitlines()[0].startswith(f"{base}/news/clinic: created article")


@pytest.mark.django_db
def test_urls_to_internal_hosts_are_refused_by_default() -> None:
    err = io.StringIO()
    with serve({"/a": html()}) as base, pytest.raises(CommandError, match="1 of 1 inputs"):
        call_command("ingest", f"{base}/a", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == (
        f"error: {base}/a: refused: 127.0.0.1 is a loopback address (127.0.0.1)"
    )
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_other_schemes_are_refused_not_opened_as_files() -> None:
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", "file:///etc/hostname", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == (
        "error: file:///etc/hostname: only http and https URLs are fetched, not file"
    )


@pytest.mark.django_db
def test_unavailable_camel_backend_is_said_in_one_line(
    settings, tmp_path: Path, sample_path: Path
) -> None:
    settings.NER_BACKEND = "camel"
    settings.CAMEL_NER_MODEL_DIR = str(tmp_path / "no-model-here")
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", str(sample_path), stdout=out, stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("camel NER unavailable (")
    assert lines[0].endswith("using the CRF tagger")
    assert Mention.objects.exists()  # the embedded tagger did the work


@pytest.mark.django_db
def test_a_racing_ingest_of_the_same_bytes_reports_exists(
    monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:
    from newsreader.news import ingest as service

    data = sample_path.read_bytes()
    real = service.cleaner_text

    def another_process_wins(*args, **kwargs):
        monkeypatch.setattr(service, "cleaner_text", real)
        assert service.ingest_bytes(data).created  # stored while this one was cleaning
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "cleaner_text", another_process_wins)
    result = service.ingest_bytes(data)
    assert not result.created
    assert Article.objects.count() == 1
    assert str(result).startswith(f"exists article {Article.objects.get().pk}")


# --- many inputs: progress, and --queue ----------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_many_inputs_on_a_terminal_show_a_bar_beside_the_lines(
    tmp_path: Path, sample_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("خبر قصير عن افتتاح مكتبة عامة في البصرة\nافتتحت البلدية مكتبة.\n")
    out, err = io.StringIO(), _Terminal()
    call_command("ingest", str(sample_path), str(other), stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines] == ["created", "created"]
    assert "\r" not in out.getvalue()  # the bar stays on stderr
    shown = err.getvalue()
    assert "] 0/2, " in shown and "] 1/2, " in shown and " left" in shown
    assert shown.endswith("\r\033[K")  # and is gone at the end


@pytest.mark.django_db
def test_queue_prints_a_job_per_input_that_the_default_backend_ran(
    tmp_path: Path, sample_path: Path
) -> None:
    out, err = io.StringIO(), io.StringIO()
    missing = tmp_path / "missing.txt"
    with pytest.raises(CommandError, match="1 of 3 inputs failed"):
        call_command(
            "ingest", "--queue", str(sample_path), str(missing), str(sample_path),
            stdout=out, stderr=err,
        )  # fmt: skip
    first, second = IngestJob.objects.order_by("pk")
    article = Article.objects.get()
    assert out.getvalue().splitlines() == [
        f"{sample_path}: job {first.pk} done: created article {article.pk}",
        f"{sample_path}: job {second.pk} done: exists article {article.pk}",
    ]
    assert err.getvalue().strip() == f"error: {missing}: no such file"


@pytest.mark.django_db
def test_queue_with_the_database_backend_leaves_the_jobs_to_the_workers(
    settings, sample_path: Path
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = ingest("--queue", str(sample_path), "--published", "2026-03-05")
    job = IngestJob.objects.get()
    assert out.strip() == f"{sample_path}: job {job.pk} queued (task {job.task_id})"
    assert bytes(job.raw) == sample_path.read_bytes()  # read now: the worker may be elsewhere
    assert job.options["published"] == "2026-03-05"
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_write_that_lost_a_deadlock_to_a_parallel_ingest_is_tried_again(
    monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:
    from django.db import OperationalError

    from newsreader.news import ingest as service

    class Deadlock(Exception):
        sqlstate = "40P01"  # what psycopg gives PostgreSQL's "deadlock detected"

    real, calls = service.record_lines, []

    def loses_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise OperationalError("deadlock detected") from Deadlock()
        return real(*args)

    monkeypatch.setattr(service, "record_lines", loses_once)
    result = service.ingest_bytes(sample_path.read_bytes(), source_name="وكالة")
    assert result.created and len(calls) == 2  # the first try's article was rolled back
    assert Article.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript://x/%0Aalert(1)", "data:text/html,x", "ftp://a.b/c"]
)
def test_a_source_url_that_is_not_http_is_refused(sample_path: Path, url: str) -> None:
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(sample_path), "--source-url", url, stderr=err)
    assert "the source URL must be http or https" in err.getvalue()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_page_whose_og_url_is_javascript_keeps_no_such_link(tmp_path: Path) -> None:
    page = (PAGES / "port-expansion.html").read_text(encoding="utf-8")
    hostile = page.replace(
        "<head>",
        '<head><meta property="og:url" content="javascript:alert(1)">'
        '<link rel="canonical" href="javascript:alert(2)">',
        1,
    )
    path = tmp_path / "page.html"
    path.write_text(hostile, encoding="utf-8")
    ingest(str(path))
    assert not Article.objects.get().source_url.lower().startswith("javascript")


@pytest.mark.django_db
def test_an_unsure_encoding_is_refused_and_encoding_option_reads_it(tmp_path: Path) -> None:
    text = "افتتح الوزير معرض الكتاب في الرياض يوم الأحد بحضور عدد كبير من الناشرين العرب."
    path = tmp_path / "short.txt"
    path.write_bytes(b"Riyadh book fair: " + "الرياض".encode("cp1256"))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=io.StringIO(), stderr=err)
    assert "encoding is unsure" in err.getvalue() and not Article.objects.exists()
    path.write_bytes(text.encode("cp1256"))
    call_command("ingest", str(path), "--encoding", "windows-1256", stdout=io.StringIO())
    article = Article.objects.get()
    assert article.raw_encoding == "cp1256" and "معرض الكتاب" in article.title


@pytest.mark.django_db(transaction=True)
def test_the_analysis_runs_once_and_before_the_write_transaction(
    monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:
    """On SQLite a transaction holds the one write lock: parallel ingests would wait
    through each other's analysis if it ran inside (a rerun analyses inside its own)."""
    from django.db import connection

    from newsreader.news import annotate

    inside: list[bool] = []
    real = annotate.analyse

    def spy(*args, **kwargs):
        inside.append(connection.in_atomic_block)
        return real(*args, **kwargs)

    monkeypatch.setattr(annotate, "analyse", spy)
    ingest(str(sample_path))
    assert inside == [False]
    assert Mention.objects.count() > 0
    annotate.annotate_article(Article.objects.get())
    assert inside == [False, True]
