"""Token features for the CRF tagger, one family at a time."""

from __future__ import annotations

from newsreader.pipeline import features
from newsreader.pipeline.features import (
    Resources,
    gazetteer_features,
    latin_case,
    nisba,
    sentence_features,
    shape,
    token_features,
    triggers,
)
from newsreader.pipeline.normalize import stem

NONE = Resources()


def feats(word: str, resources: Resources = NONE) -> set[str]:
    return set(token_features(word, resources))


def test_word_and_folded_word_without_tatweel_and_diacritics() -> None:
    f = feats("إبراهيـــم")
    assert "w=إبراهيم" in f  # tatweel stripped from the word itself
    assert "f=ابراهيم" in f
    assert "f=محمد" in feats("مُحَمَّد")


def test_prefixes_and_suffixes_of_the_folded_word() -> None:
    f = feats("السورية")
    assert {"p1=ا", "p2=ال", "p3=الس", "s1=ه", "s2=يه", "s3=ريه"} <= f


def test_stem_drops_proclitics_and_article() -> None:
    assert stem("وبالمدينه") == "مدينه"
    assert stem("والرييس") == "رييس"
    assert "stem=مدينه" in feats("وبالمدينة")
    assert "procl=وب" in feats("وبالمدينة")
    assert "article" in feats("وبالمدينة")
    assert "article" not in feats("مدينة")


def test_shape_length_and_digits() -> None:
    assert shape("بغداد") == "A"
    assert shape("CNN") == "L"
    assert shape("2024") == "D"
    assert shape("،") == "P"
    assert shape("F16") == "LD"
    f = feats("2024")
    assert {"digit", "ndigits=4", "shape=D", "len=4"} <= f
    assert "digit" not in feats("بغداد")


def test_nisba_endings() -> None:
    assert nisba("السوريه") == "يه"
    assert nisba("المصريين") == "يين"
    assert nisba("عراقي") == "ي"
    assert nisba("بغداد") == ""
    assert "nisba=يه" in feats("السورية")


def test_trigger_words_through_proclitics() -> None:
    assert triggers("الرييس") == ["per"]
    assert triggers("والرييس") == ["per"]
    assert triggers("محافظه") == ["loc"]
    assert triggers("وكاله") == ["org"]
    assert triggers("بغداد") == []


def test_neighbours_within_two_words() -> None:
    items = sentence_features(["قال", "الرئيس", "السوري", "بشار", "الأسد"], NONE)
    third = set(items[3])  # بشار
    assert "-1:f=السوري" in third
    assert "-2:f=الرييس" in third
    assert "-2:trig=per" in third
    assert "trig2=per" in third
    assert "1:f=الاسد" in third
    assert "2:pad" in third
    assert "BOS" in items[0] and "EOS" in items[-1]
    assert len(items) == 5


def test_gazetteer_features_of_word_and_stem() -> None:
    places = {"بغداد": ("location",), "محمد": ("first_name",)}
    res = Resources(gazetteer=lambda key: places.get(key, ()))
    assert gazetteer_features("بغداد", res) == ["gaz=location"]
    assert gazetteer_features("وبغداد", res) == ["gaz.s=location"]
    assert gazetteer_features("ومحمد", res) == ["gaz.s=first_name"]
    assert gazetteer_features("كتاب", res) == []
    assert "gaz=location" in feats("بغداد", res)
    assert gazetteer_features("بغداد", NONE) == []


def test_cluster_features_for_word_stem_and_unknown() -> None:
    res = Resources(clusters={"دمشق": ("3", "17"), "مدينه": ("5", "40")})
    assert {"c0=3", "c1=17"} <= feats("دمشق", res)
    assert {"cs0=5", "cs1=40"} <= feats("بالمدينة", res)
    assert "cs=none" in feats("زغلول", res)
    assert not any(x.startswith("c") and "=" in x and x[1] in "0s=" for x in feats("دمشق"))


def test_multiword_gazetteer_names_mark_each_token() -> None:
    names = {"الولايات المتحده": ("location",), "ريو دي جانيرو": ("city",)}
    res = Resources(gazetteer=lambda key: names.get(key, ()))
    items = sentence_features(["زار", "الولايات", "المتحدة", "وريو", "دي", "جانيرو"], res)
    assert "gm=B-location" in items[1] and "gm=I-location" in items[2]
    assert "gm=B-city" in items[3] and "gm=I-city" in items[5]
    assert not any(f.startswith("gm=") for f in items[0])


def test_latin_words_get_their_case_and_a_lone_latin_word_is_marked() -> None:
    assert latin_case("CNN") == "upper"
    assert latin_case("وDell") == "title"
    assert latin_case("leads") == "lower"
    assert latin_case("سوني") == "" and latin_case("2006") == ""
    items = sentence_features(["قالت", "شبكة", "CNN", "إن"], Resources())
    assert "latin=upper" in items[2] and "latin.alone" in items[2]
    quote = sentence_features(["عنوان", "Lost", "in", "Translation"], Resources())
    assert "latin=title" in quote[1] and "latin.alone" not in quote[1]
    assert not [f for f in items[1] if f.startswith("latin")]


def test_a_word_is_read_once_and_its_neighbour_features_depend_on_the_distance() -> None:
    places = {"بغداد": ("location",)}
    res = Resources(gazetteer=lambda key: places.get(key, ()))
    items = sentence_features(["زار", "الوفد", "بغداد", "ثم", "بغداد"], res)
    assert set(res.memo) == {"زار", "الوفد", "بغداد", "ثم"}
    assert "1:gaz=location" in items[1] and "-1:gaz=location" in items[3]
    assert "2:f=بغداد" in items[0] and not any(f.startswith("2:gaz") for f in items[0])
    assert items[2][: len(res.memo["بغداد"].own)] == list(token_features("بغداد", res))
    fresh = sentence_features(
        ["زار", "الوفد", "بغداد", "ثم", "بغداد"], Resources(gazetteer=res.gazetteer)
    )
    assert fresh == items  # what the memo gives is what a first reading gives


def test_the_memo_starts_again_when_full(monkeypatch) -> None:
    monkeypatch.setattr(features, "MEMO_WORDS", 3)
    res = Resources()
    sentence_features(["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة"], res)
    assert len(res.memo) <= 3 and "خمسة" in res.memo
