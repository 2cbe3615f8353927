"""manage.py export --format json: the JSON array the evaluation contract describes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def export(*ids: str) -> list[dict]:
    out = io.StringIO()
    call_command("export", "--format", "json", *ids, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_export_follows_the_contract(sample_path: Path) -> None:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    [article] = export()
    assert set(article) == {
        "id",
        "title",
        "published",
        "source_url",
        "paragraphs",
        "entities",
        "agenda",
        "timeline",
    }
    assert article["published"] == "2026-03-05"
    assert article["paragraphs"][0] == {"index": 0, "kind": "title", "text": article["title"]}
    assert [p["index"] for p in article["paragraphs"]] == list(range(len(article["paragraphs"])))
    texts = {p["index"]: p["text"] for p in article["paragraphs"]}
    assert article["entities"]
    for entity in article["entities"]:
        assert texts[entity["paragraph"]][entity["start"] : entity["end"]] == entity["text"]
        assert entity["label"] in {"PERSON", "LOCATION", "ORGANIZATION", "DATE"}
        assert (entity["value"] is not None) == (entity["label"] == "DATE")
        assert entity["canonical"]
    for item in article["agenda"] + article["timeline"]:
        assert item["paragraph"] in texts


@pytest.mark.django_db
def test_export_selects_ids_and_refuses_unknown_ones(sample_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("زار وفد من تونس مدينة فاس أمس.\nوقال رئيس الوفد إن الزيارة ناجحة.\n")
    call_command("ingest", str(sample_path), str(other), stdout=io.StringIO())
    ids = [a["id"] for a in export()]
    assert len(ids) == 2
    assert [a["id"] for a in export(str(ids[1]))] == [ids[1]]
    with pytest.raises(CommandError, match="no article with id 999"):
        export("999")


@pytest.mark.django_db
def test_an_unresolved_date_exports_null_value_and_canonical(tmp_path: Path) -> None:
    """Without a publication date «أمس» is still a DATE; its value and canonical are null."""
    undated = tmp_path / "undated.txt"
    undated.write_text("وصول وفد إلى فاس\nوصل وفد من تونس إلى مدينة فاس أمس في زيارة رسمية.\n")
    call_command("ingest", str(undated), stdout=io.StringIO())
    (article,) = export()
    assert article["published"] is None
    dates = [e for e in article["entities"] if e["label"] == "DATE"]
    assert [(e["text"], e["value"], e["canonical"]) for e in dates] == [("أمس", None, None)]
