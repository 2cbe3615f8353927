"""A corrupt resource file says so in one line; a missing one still gives an empty value."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.features import load_clusters, load_name_words, resources_for
from newsreader.pipeline.foreign import load_foreign
from newsreader.pipeline.gazetteer import load_gazetteer
from newsreader.pipeline.types import InputError, ResourceError


def _corrupt(path: Path, text: str = '{"clusters": {"مدينه": [1, ') -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "load",
    [load_gazetteer, load_foreign, load_clusters, load_name_words],
    ids=["gazetteer", "foreign", "clusters", "name_words"],
)
def test_a_truncated_file_is_a_one_line_error_naming_it(tmp_path: Path, load) -> None:
    path = _corrupt(tmp_path / "resource.json")
    with pytest.raises(ResourceError) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    assert isinstance(caught.value, InputError)  # reported wherever input errors are


def test_a_file_of_the_wrong_shape_is_an_error_too(tmp_path: Path) -> None:
    path = _corrupt(tmp_path / "foreign.json", '{"foreign": {"ab": 3}}')  # no "native"
    with pytest.raises(ResourceError, match="foreign.json"):
        load_foreign(path)


def test_missing_files_still_give_empty_values(tmp_path: Path) -> None:
    assert load_gazetteer(tmp_path / "none.json").countries == frozenset()
    assert load_foreign(tmp_path / "none.json") is None
    assert load_clusters(tmp_path / "none.json") == {}


def test_the_tagger_resources_do_not_hide_a_corrupt_cluster_file(tmp_path: Path) -> None:
    model = tmp_path / "ner.crfsuite"
    _corrupt(tmp_path / "ner.clusters.json", "not json at all")
    with pytest.raises(ResourceError, match="ner.clusters.json"):
        resources_for(model)
