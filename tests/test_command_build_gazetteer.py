"""manage.py build_gazetteer: name lists, and with --ner-data the foreign-name letter models."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.test_pipeline_gazetteer import ner_dir  # noqa: F401 - fixture


def test_writes_both_files_where_asked(tmp_path: Path, ner_dir: Path) -> None:  # noqa: F811
    out = StringIO()
    gaz, foreign = tmp_path / "gaz.json", tmp_path / "foreign.json"
    call_command(
        "build_gazetteer",
        "--ner-data",
        str(ner_dir),
        "--output",
        str(gaz),
        "--foreign-output",
        str(foreign),
        stdout=out,
    )
    text = out.getvalue()
    assert f"wrote {gaz}" in text and f"wrote {foreign}" in text
    assert "foreign trigrams: " in text
    assert json.loads(foreign.read_text(encoding="utf-8"))["foreign"]["^جو"] == 1


def test_without_name_data_no_letter_models(tmp_path: Path) -> None:
    out = StringIO()
    foreign = tmp_path / "foreign.json"
    call_command(
        "build_gazetteer",
        "--output",
        str(tmp_path / "gaz.json"),
        "--foreign-output",
        str(foreign),
        stdout=out,
    )
    assert not foreign.exists() and "foreign" not in out.getvalue()


def test_missing_folder_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such folder"):
        call_command("build_gazetteer", "--ner-data", str(tmp_path / "nope"))
