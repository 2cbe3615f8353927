"""Gazetteer builder (on a tiny name-data folder) and loader lookups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.pipeline.gazetteer import (
    Gazetteer,
    build_gazetteer,
    load_gazetteer,
    nisba_forms,
    nisba_stems,
    save_gazetteer,
)
from newsreader.pipeline.normalize import fold_key


@pytest.fixture(scope="module")
def ner_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ner")
    names = root / "gazetteer-arabic-names"
    names.mkdir()
    (names / "male-first--names-in-arabic.txt").write_text("سمير\nعادل\n", encoding="utf-8")
    (names / "female-first-names-in-arabic.txt").write_text("هالة\n", encoding="utf-8")
    (names / "last-names-in-arabic.txt").write_text("الخطيب\n", encoding="utf-8")
    wd = root / "gazetteer-wikidata-person-name-tokens"
    wd.mkdir()
    (wd / "wd_arabic.normalized.aligned.tokens").write_text(
        "john\tج و ن\t40\nkowalski\tك و ف ا ل س ك ي\t3\nrare\tز و ر ك ي\t1\nmoscow\tم و س ك و\t9\n",
        encoding="utf-8",
    )
    corpus = root / "anercorp-camellab" / "derived"
    corpus.mkdir(parents=True)
    lines = ["قال O", "عادل O", "الخطيب B-PERS", "في O", "موسكو B-LOC", ""] * 4
    (corpus / "ANERCorp_CamelLab_train.restored.txt").write_text("\n".join(lines), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(ner_dir: Path) -> dict:
    return build_gazetteer(ner_dir)


def test_places_come_from_the_libraries(built: dict) -> None:
    gaz = Gazetteer.from_dict(built)
    assert gaz.is_country(fold_key("روسيا"))
    assert gaz.is_country(fold_key("عراق"))  # «العراق» without the article
    assert gaz.is_location(fold_key("الولايات المتحدة"))
    assert gaz.is_city(fold_key("موسكو"))
    assert not gaz.is_location(fold_key("الروسي"))


def test_person_tokens_are_filtered(built: dict) -> None:
    gaz = Gazetteer.from_dict(built)
    assert gaz.is_first_name(fold_key("سمير")) and gaz.is_first_name(fold_key("هالة"))
    assert gaz.is_first_name(fold_key("جون"))  # frequent Wikidata token
    assert gaz.is_person(fold_key("كوفالسكي")) and not gaz.is_first_name(fold_key("كوفالسكي"))
    assert not gaz.is_person(fold_key("زوركي"))  # seen once
    assert not gaz.is_person(fold_key("موسكو"))  # a place, not a name
    assert gaz.is_family_name(fold_key("الخطيب"))


def test_ordinary_words_come_from_the_corpus(built: dict) -> None:
    gaz = Gazetteer.from_dict(built)
    assert gaz.is_common(fold_key("قال"))
    assert not gaz.is_common(fold_key("الخطيب"))
    assert not gaz.is_first_name(fold_key("عادل"))  # used mostly as an ordinary word


def test_without_name_data_only_places(ner_dir: Path) -> None:
    data = build_gazetteer(None)
    assert data["first_names"] == [] and data["common_words"] == []
    assert fold_key("مصر") in data["countries"]


def test_nisba_rule() -> None:
    assert nisba_stems("روسيا") == {"روسي"}
    assert nisba_stems("مصر") == {"مصري"}
    assert nisba_stems("السعودية") == {"سعودي"}
    assert {"الروسيه", "المصريين", "روسيون"} <= nisba_forms("روسي") | nisba_forms("مصري")


def test_save_and_load_round_trip(built: dict, tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    counts = save_gazetteer(built, path)
    assert counts["countries"] == len(built["countries"])
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    gaz = load_gazetteer(path)
    assert gaz.is_first_name(fold_key("سمير"))
    assert load_gazetteer(path) is gaz  # cached


def test_committed_gazetteer_lookups() -> None:
    gaz = load_gazetteer()
    assert gaz.is_location(fold_key("القاهرة")) and gaz.is_country(fold_key("لبنان"))
    assert gaz.is_nationality(fold_key("البيلاروسية")) and gaz.is_nationality(fold_key("المصريين"))
    assert not gaz.is_location(fold_key("البيلاروسية"))
    assert gaz.is_first_name(fold_key("محمد"))
    assert gaz.is_organization(fold_key("الأمم المتحدة"))
    assert not gaz.is_location(fold_key("المدينة"))  # «the city», not Medina
    assert Path(load_gazetteer.__wrapped__.__defaults__[0]).stat().st_size < 3_000_000


def test_rules_only_lists_stay_out_of_the_crf_lookups() -> None:
    gaz = Gazetteer.from_dict(
        {"given_names": ["زهوان"], "surnames": ["القرملي"], "extra_places": ["ترمسان"]}
    )
    assert gaz.is_given_name("زهوان") and not gaz.is_first_name("زهوان")
    assert gaz.is_surname("القرملي") and not gaz.is_family_name("القرملي")
    assert gaz.is_name_part("القرملي") and not gaz.is_person("القرملي")
    assert gaz.is_place("ترمسان") and not gaz.is_location("ترمسان")


def test_package_lists_lose_places_and_ordinary_words(ner_dir: Path, monkeypatch) -> None:
    from newsreader.pipeline import gazetteer

    monkeypatch.setattr(
        gazetteer, "_romanizer_names", lambda: ({"زهوان", "قال", "موسكو"}, {"القرملي", "قال"})
    )
    monkeypatch.setattr(gazetteer, "_wikicats_places", lambda: {"ترمسان", "قال", "وادي الرمان"})
    data = build_gazetteer(ner_dir)
    assert data["given_names"] == ["زهوان"]  # «قال» is ordinary, «موسكو» a place
    assert data["surnames"] == ["القرملي"]
    assert set(data["extra_places"]) == {"ترمسان", fold_key("وادي الرمان")}


def test_the_last_words_of_multiword_names_are_known_for_a_quick_skip() -> None:
    """The rules and the CRF's phrase features ask about a phrase only when its last
    word ends some listed name: the set must hold every such word, and only those."""
    from newsreader.pipeline.gazetteer import Gazetteer
    from newsreader.pipeline.normalize import fold_key

    gaz = Gazetteer.from_dict(
        {
            "cities": ["ريو دي جانيرو", "بغداد"],
            "organizations": ["البنك الدولي"],
            "extra_places": ["وادي عربة"],
            "first_names": ["محمد"],
        }
    )
    assert gaz.last_words == {fold_key("جانيرو"), fold_key("الدولي"), fold_key("عربة")}
