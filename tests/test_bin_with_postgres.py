"""bin/with-postgres: a throwaway cluster for a command, with the settings asked for, then gone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bin" / "with-postgres"

SHOW = """
import os, psycopg
with psycopg.connect(os.environ["DATABASE_URL"].replace("postgres://", "postgresql://")) as c:
    print(c.execute("SHOW work_mem").fetchone()[0], c.execute("SHOW fsync").fetchone()[0])
print(os.environ["DATABASE_URL"])
"""


@pytest.fixture
def open_folder():
    """A temporary folder the postgres user can enter (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="qari-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_settings_reach_the_server_and_the_cluster_is_removed(open_folder: Path) -> None:
    if subprocess.run([SCRIPT, "--check"], check=False).returncode != 0:
        pytest.skip("PostgreSQL binaries are not installed")
    pytest.importorskip("psycopg")
    env = {**os.environ, "QARI_PG_OPTIONS": "-c work_mem=7MB", "TMPDIR": str(open_folder)}
    done = subprocess.run(
        [SCRIPT, sys.executable, "-c", SHOW],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    settings, url = done.stdout.splitlines()
    assert settings == "7MB off"  # the option given, beside the script's own
    assert url.startswith("postgres://qari@127.0.0.1:")
    assert not list(open_folder.glob("qari-pg.*"))  # stopped and removed
