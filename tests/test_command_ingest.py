"""manage.py ingest: one article per input, one transaction each, clear errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsreader.news.models import Article, DroppedLine, Mention, Paragraph

ROOT = Path(__file__).resolve().parent.parent


def ingest(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_ingest_sample_creates_an_article(sample_path: Path) -> None:
    out = ingest(str(sample_path), "--published", "2026-03-05")
    article = Article.objects.get()
    assert out.strip() == f"created article {article.pk}: {article.title}"
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
    assert out.startswith(f"exists article {Article.objects.get().pk}:")
    assert (Article.objects.count(), Paragraph.objects.count(), Mention.objects.count()) == counts


@pytest.mark.django_db
def test_ingest_reads_stdin(monkeypatch: pytest.MonkeyPatch, sample_path: Path) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(sample_path.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    out = ingest("-", "--title", "عنوان من المحرر", "--source-url", "https://example.com/a/1")
    article = Article.objects.get()
    assert out.startswith("created article")
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
    def broken(article):
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


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the input is empty"),
        (bytes(range(256)) * 8, "the input is binary, not text"),
        (None, "no such file"),
        (bytes((n * 7919) % 128 + 128 for n in range(900)), "does not read as"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line(tmp_path: Path, content, reason: str) -> None:
    """Through the real command line: one line on stderr, no traceback, database untouched."""
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert manage("migrate", "--noinput").returncode == 0
    result = manage("ingest", str(path))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"error: {path}: {reason}" or reason in lines[0]
    assert "Traceback" not in result.stderr
    assert '"id"' not in manage("export", "--format", "json").stdout
