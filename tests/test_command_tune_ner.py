"""manage.py tune_ner: a table of (c1, c2) on held-out training sentences, best first."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.test_pipeline_tuning import data_folder


def test_prints_each_candidate_and_the_best(tmp_path: Path) -> None:
    out = StringIO()
    call_command(
        "tune_ner",
        "--data",
        str(data_folder(tmp_path, 6)),
        "--c1",
        "0",
        "1000",
        "--c2",
        "0.01",
        "--max-iterations",
        "30",
        stdout=out,
    )
    text = out.getvalue()
    assert "last sixth of the training file" in text
    assert text.strip().splitlines()[-1] == "best: --c1 0 --c2 0.01"
    assert len([line for line in text.splitlines() if "0.01" in line]) == 3


def test_missing_data_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="NER data not found"):
        call_command("tune_ner", "--data", str(tmp_path / "nowhere"), "--c1", "0.1")
