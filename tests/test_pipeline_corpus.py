"""Corpus readers: ANERcorp and AQMAR files become sentences of (word, our tag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.pipeline.corpus import entity_counts, map_tag, read_anercorp, read_aqmar


@pytest.mark.parametrize(
    ("raw", "mapped"),
    [
        ("B-PERS", "B-PERSON"),
        ("I-PERS", "I-PERSON"),
        ("B-PER", "B-PERSON"),
        ("B-LOC", "B-LOCATION"),
        ("I-ORG", "I-ORGANIZATION"),
        ("I--ORG", "I-ORGANIZATION"),  # AQMAR typo
        ("B-MISC", "O"),
        ("B-MIS1", "O"),
        ("I-MIS3", "O"),
        ("B-MIS1`", "O"),
        ("B-ENGLISH", "O"),
        ("IO", "O"),
        ("OO", "O"),
        ("O", "O"),
    ],
)
def test_map_tag(raw: str, mapped: str) -> None:
    assert map_tag(raw) == mapped


def test_read_anercorp_blank_lines_split_sentences(tmp_path: Path) -> None:
    path = tmp_path / "aner.txt"
    path.write_text(
        "زار O\nالرئيس O\nمحمد B-PERS\nعلي I-PERS\nبغداد B-LOC\n. O\n\n"
        "وقالت O\nوكالة B-ORG\nالأنباء I-ORG\nإن O\nالألعاب B-MISC\n. O",  # no final newline
        encoding="utf-8",
    )
    sentences = read_anercorp(path)
    assert len(sentences) == 2
    assert sentences[0][2:5] == [
        ("محمد", "B-PERSON"),
        ("علي", "I-PERSON"),
        ("بغداد", "B-LOCATION"),
    ]
    assert sentences[1][1] == ("وكالة", "B-ORGANIZATION")
    assert sentences[1][4] == ("الألعاب", "O")
    assert entity_counts(sentences) == {"PERSON": 1, "LOCATION": 1, "ORGANIZATION": 1}


def test_read_anercorp_without_blank_lines_splits_after_periods(tmp_path: Path) -> None:
    path = tmp_path / "benajiba.txt"
    path.write_text("سافر O\nإلى O\nدمشق B-LOC\n. O\nثم O\nعاد O\n. O\n", encoding="utf-8")
    sentences = read_anercorp(path)
    assert [len(s) for s in sentences] == [4, 3]


def test_read_aqmar_folder_reads_articles_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "aqmar"
    folder.mkdir()
    (folder / "B_Damascus.txt").write_text(
        "دمشق B-LOC\nهي O\nعاصمة O\nسوريا B-LOC\n\nأسسها O\nالآراميون B-MIS1\n",
        encoding="utf-8",
    )
    (folder / "A_Razi.txt").write_text(
        "أبو B-PER\nبكر I-PER\nالرازي I-PER\n\nفي O\nجامعة B-ORG\nبغداد I--ORG\n",
        encoding="utf-8",
    )
    (folder / "derived").mkdir()
    (folder / "derived" / "x.txt").write_text("تكرار B-LOC\n", encoding="utf-8")
    sentences = read_aqmar(folder)
    assert len(sentences) == 4
    assert sentences[0] == [("أبو", "B-PERSON"), ("بكر", "I-PERSON"), ("الرازي", "I-PERSON")]
    assert sentences[1][2] == ("بغداد", "I-ORGANIZATION")
    assert sentences[3][1] == ("الآراميون", "O")
    assert all(w != "تكرار" for s in sentences for w, _ in s)
