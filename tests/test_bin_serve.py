"""bin/serve: a deployment's gunicorn serves the reader with DEBUG off."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_bin_serve_answers_with_debug_off(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "gunicorn").exists():
        pytest.skip("gunicorn is not installed in .venv (bin/install installs it)")
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECRET_KEY="a-test-key-for-bin-serve-only-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        BIND=f"127.0.0.1:{port}",
        WORKERS="1",
    )
    env.pop("DEBUG", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [str(ROOT / "bin" / "serve")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.25)
        assert 'dir="rtl"' in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/reader.css") as css:
            assert css.status == 200  # whitenoise serves the collected files
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
