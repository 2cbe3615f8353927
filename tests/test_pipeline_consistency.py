"""One sense per discourse: names copied onto their untagged repetitions."""

from newsreader.pipeline.consistency import propagate

FULL = ["قال", "بهاء", "الاعرجي", "في", "مؤتمر", "صحفي"]
ALONE = ["وانتقد", "الاعرجي", "الحكومة"]
FULL_TAGS = ["O", "B-PERSON", "I-PERSON", "O", "O", "O"]


def test_surname_found_in_a_full_name_is_tagged_where_it_stands_alone():
    out = propagate([FULL, ALONE], [FULL_TAGS, ["O", "O", "O"]], plain_words=set())
    assert out[1] == ["O", "B-PERSON", "O"]
    assert out[0] == FULL_TAGS


def test_word_seen_outside_names_in_training_does_not_spread():
    out = propagate([FULL, ALONE], [FULL_TAGS, ["O", "O", "O"]], plain_words={"اعرجي"})
    assert out[1] == ["O", "O", "O"]


def test_first_name_does_not_spread_on_its_own():
    alone = ["وقال", "بهاء", "إن"]
    out = propagate([FULL, alone], [FULL_TAGS, ["O", "O", "O"]], plain_words=set())
    assert out[1] == ["O", "O", "O"]


def test_multiword_name_is_copied_whole_with_its_label():
    first = ["ذكرت", "الأسوشيتد", "برس", "أن"]
    again = ["وبحسب", "الأسوشيتد", "برس", "فإن"]
    tags = ["O", "B-ORGANIZATION", "I-ORGANIZATION", "O"]
    out = propagate([first, again], [tags, ["O"] * 4], plain_words={"برس", "اسوشيتد"})
    assert out[1] == ["O", "B-ORGANIZATION", "I-ORGANIZATION", "O"]


def test_a_word_next_to_a_tagged_name_is_left_alone():
    beside = ["الوزير", "الاعرجي", "نوري"]
    out = propagate([FULL, beside], [FULL_TAGS, ["O", "O", "B-PERSON"]], plain_words=set())
    assert out[1] == ["O", "O", "B-PERSON"]


def test_window_limits_how_far_a_name_travels():
    filler = [["و"]] * 3
    sentences = [FULL, *filler, ALONE]
    tags = [FULL_TAGS, *[["O"]] * 3, ["O", "O", "O"]]
    assert propagate(sentences, tags, set(), window=2)[4] == ["O", "O", "O"]
    assert propagate(sentences, tags, set(), window=4)[4] == ["O", "B-PERSON", "O"]
    assert propagate(sentences, tags, set(), window=None)[4] == ["O", "B-PERSON", "O"]


def test_majority_label_wins_when_the_document_disagrees():
    org = ["نادي", "الرياحنة"]
    sentences = [["الرياحنة"], ["الرياحنة"], org, ["قال", "الرياحنة"]]
    tags = [["B-PERSON"], ["B-PERSON"], ["O", "B-ORGANIZATION"], ["O", "O"]]
    assert propagate(sentences, tags, set())[3] == ["O", "B-PERSON"]
