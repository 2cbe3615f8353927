"""The whole-database archive: export --format archive, import_archive (moving engines).

Round trips run on whichever engine the suite runs on (bin/test runs this
module on SQLite and again on PostgreSQL); the move from a real SQLite file
to a real PostgreSQL database through manage.py runs in the PostgreSQL pass.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from newsreader.news import archive, search
from newsreader.news.editing import add_mention, remove_mention
from newsreader.news.models import (
    Article,
    DroppedLine,
    EditLog,
    Entity,
    EntityMerge,
    IngestJob,
    Mention,
    Origin,
    SourceLine,
)
from newsreader.news.restore import restore_dropped_line
from newsreader.news.review import mark_reviewed

ROOT = Path(__file__).resolve().parent.parent
SOURCE_URL = "https://akhbar.example/news/1"


def ingest(path: Path, *extra: str) -> None:
    call_command("ingest", str(path), "--published", "2026-03-05", *extra, stdout=io.StringIO())


@pytest.fixture
def populated(sample_path: Path, tmp_path: Path) -> Article:
    """A sample article with a restored line, a human mention, a removal and a review;
    a second article in Windows-1256; a source line with a curator's verdict."""
    ingest(sample_path, "--source-url", SOURCE_URL)
    article = Article.objects.get()
    curator = User.objects.create_superuser("curator", "", "pw-curator-1")
    restore_dropped_line(article.dropped_lines.get(text__contains="فيسبوك"), curator)
    body = article.paragraphs.filter(kind="body").first()
    word_end = body.text.index(" ")
    Mention.objects.filter(paragraph=body, start__lt=word_end).delete()
    add_mention(body, 0, word_end, "ORGANIZATION", curator)
    model_mention = Mention.objects.filter(origin=Origin.MODEL, rejected=False)
    remove_mention(model_mention.exclude(paragraph=body).first(), curator)
    mark_reviewed([article], curator)
    cp1256 = tmp_path / "old.txt"
    cp1256.write_bytes("خبر قديم عن طرابلس\nزار الوفد مدينة طرابلس أمس.".encode("cp1256"))
    ingest(cp1256)
    SourceLine.objects.create(
        source="akhbar.example", key_hash="0" * 40, text="سطر", verdict=SourceLine.Verdict.KEEP
    )
    entity = Entity.objects.filter(label="LOCATION").first()
    EntityMerge.objects.create(target=entity, target_name=entity.name, user=curator)
    IngestJob.objects.create(
        source="broken.txt", raw=b"\xd8\xae\xd8\xa8\xd8", state="failed", error="the input ..."
    )
    return article


def rows(lines) -> list[dict]:
    """The archive's records (PostgreSQL's jsonb does not keep the keys' order)."""
    return [json.loads(line) for line in lines]


def empty_database() -> None:
    EntityMerge.objects.all().delete()
    Article.objects.all().delete()
    Entity.objects.all().delete()
    SourceLine.objects.all().delete()
    IngestJob.objects.all().delete()
    User.objects.all().delete()


def test_every_model_is_archived() -> None:
    ours = set(apps.get_app_config("news").get_models())
    assert ours == set(archive.NEWS_MODELS)


@pytest.mark.django_db
def test_round_trip_keeps_everything(populated: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "BATCH", 3)  # several pages and insert batches per model
    before = list(archive.export_lines())
    header = json.loads(before[0])
    assert header["format"] == "qari-archive" and header["counts"]["news.article"] == 2
    empty_database()
    done = archive.import_lines(line + "\n" for line in before)
    assert done.counts["news.article"] == 2
    assert rows(archive.export_lines()) == rows(before)  # the same rows, ids, times and bytes
    article = Article.objects.get(pk=populated.pk)
    assert article.status == Article.Status.REVIEWED and article.reviewed_by.username == "curator"
    restored = DroppedLine.objects.get(article=article, text__contains="فيسبوك")
    assert restored.restored
    human = Mention.objects.get(paragraph__article=article, origin=Origin.HUMAN, rejected=False)
    assert human.edited_by.username == "curator" and human.label == "ORGANIZATION"
    assert Mention.objects.filter(rejected=True).exists()
    assert {"restore", "add", "remove"} <= set(EditLog.objects.values_list("action", flat=True))
    old = Article.objects.exclude(pk=article.pk).get()
    assert old.raw_encoding.lower() in ("cp1256", "windows-1256")
    assert bytes(old.raw).decode("cp1256").startswith("خبر قديم")
    assert User.objects.get(username="curator").check_password("pw-curator-1")
    assert bytes(IngestJob.objects.get(state="failed").raw) == b"\xd8\xae\xd8\xa8\xd8"
    hits = search.search("فيسبوك")  # the index is rebuilt: the restored line is found
    assert [h.article_id for h in hits] == [article.pk]


@pytest.mark.django_db
def test_new_rows_after_an_import_get_fresh_ids(populated: Article, sample_path: Path) -> None:
    lines = list(archive.export_lines())
    top = max(Mention.objects.values_list("pk", flat=True))
    empty_database()
    archive.import_lines(lines)
    Article.objects.filter(pk=populated.pk).delete()
    ingest(sample_path)  # would collide with an imported id if the sequences were not moved
    assert (
        min(
            Mention.objects.filter(paragraph__article__title=populated.title).values_list(
                "pk", flat=True
            )
        )
        > top
    )


@pytest.mark.django_db
def test_an_existing_account_is_reused(populated: Article) -> None:
    lines = list(archive.export_lines())
    empty_database()
    other = User.objects.create_user("someone")
    User.objects.create_user("curator")  # already here (created before the import)
    done = archive.import_lines(lines)
    assert done.users_matched == 1
    curator = User.objects.get(username="curator")
    assert curator.pk != other.pk
    assert Article.objects.get(pk=populated.pk).reviewed_by == curator
    assert Mention.objects.filter(edited_by=curator).exists()


@pytest.mark.django_db
def test_import_refuses_a_database_that_has_articles(populated: Article, tmp_path: Path) -> None:
    path = tmp_path / "qari.jsonl"
    out = io.StringIO()
    call_command("export", "--format", "archive", stdout=out)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(CommandError, match="already holds 2 article"):
        call_command("import_archive", str(path), stdout=io.StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no archive header"),
        ('{"id": 1, "title": "x"}\n', "not a qari-archive"),
        ('{"format": "qari-archive", "version": 9}\n', "archive version 9"),
        ('{"format": "qari-archive", "version": 1}\n{oops\n', "line 2: not JSON"),
        (
            '{"format": "qari-archive", "version": 1}\n{"model": "auth.group", "pk": 1, '
            '"fields": {}}\n',
            "unknown model 'auth.group'",
        ),
    ],
)
def test_bad_archives_change_nothing(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "qari.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_archive", str(path), stdout=io.StringIO())
    assert not Article.objects.exists() and not User.objects.exists()


@pytest.mark.django_db
def test_export_archive_takes_no_ids() -> None:
    with pytest.raises(CommandError, match="give no ids"):
        call_command("export", "--format", "archive", "1", stdout=io.StringIO())


# --- SQLite file -> PostgreSQL database, through manage.py ---------------------------------

EDIT_SCRIPT = """
from django.contrib.auth.models import User
from newsreader.news.editing import add_mention
from newsreader.news.models import Article, Mention
from newsreader.news.restore import restore_dropped_line
article = Article.objects.get()
curator = User.objects.create_superuser("curator", "", "pw-curator-1")
restore_dropped_line(article.dropped_lines.get(text__contains="فيسبوك"), curator)
body = article.paragraphs.filter(kind="body").first()
end = body.text.index(" ")
Mention.objects.filter(paragraph=body, start__lt=end).delete()
add_mention(body, 0, end, "ORGANIZATION", curator)
"""

CHECK_SCRIPT = """
from newsreader.news.models import Article, Mention
from newsreader.news.search import search
article = Article.objects.get()
assert article.dropped_lines.get(text__contains="فيسبوك").restored
human = Mention.objects.get(origin="human", rejected=False)
assert (human.label, human.edited_by.username) == ("ORGANIZATION", "curator")
assert [h.article_id for h in search("فيسبوك")] == [article.pk]
print("moved")
"""


def manage(database_url: str, *args: str, stdin: str | None = None) -> str:
    env = dict(os.environ, DATABASE_URL=database_url)
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)}: {done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture
def postgres_database():
    """A fresh database on the PostgreSQL server DATABASE_URL names, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs DATABASE_URL on PostgreSQL (bin/test's PostgreSQL pass)")
    import psycopg

    name = f"qari_move_{os.getpid()}"
    base = url.rsplit("/", 1)[0]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_move_up_from_sqlite_to_postgresql(
    postgres_database: str, sample_path: Path, tmp_path: Path
) -> None:
    sqlite = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    manage(sqlite, "migrate", "-v0")
    manage(sqlite, "ingest", str(sample_path), "--source-url", SOURCE_URL)
    manage(sqlite, "shell", "-c", EDIT_SCRIPT)
    exported = manage(sqlite, "export", "--format", "archive")
    (tmp_path / "qari.jsonl").write_text(exported, encoding="utf-8")
    manage(postgres_database, "migrate", "-v0")
    manage(postgres_database, "import_archive", str(tmp_path / "qari.jsonl"))
    assert manage(postgres_database, "shell", "-c", CHECK_SCRIPT).strip().endswith("moved")
    assert rows(manage(postgres_database, "export", "--format", "archive").splitlines()) == rows(
        exported.splitlines()
    )


def test_times_keep_their_microseconds_through_the_archive() -> None:
    from newsreader.news.archive import ArchiveEncoder

    at = datetime.datetime(2026, 3, 5, 9, 30, 1, 412, tzinfo=datetime.UTC)
    assert json.loads(json.dumps(at, cls=ArchiveEncoder)) == "2026-03-05T09:30:01.000412Z"
