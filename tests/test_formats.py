"""Exchange formats as pure functions: CoNLL word-level and clitic-split, brat, JSONL."""

from __future__ import annotations

import json

import pytest

from newsreader.news.formats import FormatError, brat, conll, jsonl

TEXT = "استقبل فلاديمير بوتين ولوكاشينكو في موسكو، ثم سافرا لروسيا البيضاء الخميس."


def span(text: str, word: str, label: str, **extra) -> dict:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "text": word, "label": label, **extra}


SPANS = [
    span(TEXT, "فلاديمير بوتين", "PERSON"),
    span(TEXT, "لوكاشينكو", "PERSON"),
    span(TEXT, "موسكو", "LOCATION"),
    span(TEXT, "روسيا البيضاء", "LOCATION"),
    span(TEXT, "خميس", "DATE"),  # «ال» is no proclitic: the word stays whole
]


def test_conll_word_level_tags_a_clitic_word_as_the_span_start() -> None:
    assert conll.paragraph_rows(TEXT, SPANS) == [
        ("استقبل", "O"),
        ("فلاديمير", "B-PERSON"),
        ("بوتين", "I-PERSON"),
        ("ولوكاشينكو", "B-PERSON"),
        ("في", "O"),
        ("موسكو", "B-LOCATION"),
        ("،", "O"),
        ("ثم", "O"),
        ("سافرا", "O"),
        ("لروسيا", "B-LOCATION"),
        ("البيضاء", "I-LOCATION"),
        ("الخميس", "B-DATE"),
        (".", "O"),
    ]


def test_conll_clitic_split_gives_the_proclitic_o() -> None:
    rows = conll.paragraph_rows(TEXT, SPANS, clitic_split=True)
    assert rows[3:5] == [("و", "O"), ("لوكاشينكو", "B-PERSON")]
    assert rows[10:13] == [("ل", "O"), ("روسيا", "B-LOCATION"), ("البيضاء", "I-LOCATION")]
    assert ("الخميس", "B-DATE") in rows  # not a proclitic reading: not split
    assert ("بوتين", "I-PERSON") in rows and ("ب", "O") not in rows  # no span cut: no split
    assert len(rows) == 15


def test_conll_two_proclitics_and_adjacent_spans() -> None:
    text = "وللمجلس زار ولبنان"
    spans = [span(text, "للمجلس", "ORGANIZATION"), span(text, "لبنان", "LOCATION")]
    assert conll.paragraph_rows(text, spans, clitic_split=True) == [
        ("و", "O"),
        ("للمجلس", "B-ORGANIZATION"),
        ("زار", "O"),
        ("و", "O"),
        ("لبنان", "B-LOCATION"),
    ]
    adjacent = "بوتين لوكاشينكو"
    two = [span(adjacent, "بوتين", "PERSON"), span(adjacent, "لوكاشينكو", "PERSON")]
    assert [tag for _, tag in conll.paragraph_rows(adjacent, two)] == ["B-PERSON", "B-PERSON"]


def test_conll_dumps_one_token_a_line_and_a_blank_line_between_paragraphs() -> None:
    article = {
        "paragraphs": [{"index": 0, "text": "قمة في مينسك"}, {"index": 1, "text": TEXT}],
        "entities": [dict(span("قمة في مينسك", "مينسك", "LOCATION"), paragraph=0)]
        + [dict(s, paragraph=1) for s in SPANS],
    }
    out = conll.dumps([article], clitic_split=True)
    blocks = out.rstrip("\n").split("\n\n")
    assert blocks[0] == "قمة\tO\nفي\tO\nمينسك\tB-LOCATION"
    assert len(blocks) == 2 and out.endswith(".\tO\n\n")
    assert all(len(line.split("\t")) == 2 for line in out.splitlines() if line)


ARTICLE = {
    "id": 7,
    "title": "قمة في مينسك",
    "paragraphs": [
        {"index": 0, "kind": "title", "text": "قمة في مينسك"},
        {"index": 1, "kind": "body", "text": TEXT},
    ],
    "entities": [
        dict(span("قمة في مينسك", "مينسك", "LOCATION"), paragraph=0, canonical="مينسك", value=None),
        dict(SPANS[0], paragraph=1, canonical="فلاديمير بوتين", value=None),
        dict(SPANS[1], paragraph=1, canonical="ألكسندر لوكاشينكو", value=None),
        dict(SPANS[4], paragraph=1, canonical="2026-03-05", value="2026-03-05"),
    ],
}


def test_brat_offsets_point_into_the_txt_and_read_back() -> None:
    txt, ann = brat.dumps(ARTICLE)
    assert txt == "قمة في مينسك\n" + TEXT + "\n"
    lines = ann.splitlines()
    start = len("قمة في مينسك\n") + TEXT.index("لوكاشينكو")
    assert f"T3\tPERSON {start} {start + 9}\tلوكاشينكو" in lines
    assert "#3\tAnnotatorNotes T3\tcanonical=ألكسندر لوكاشينكو" in lines
    assert "#4\tAnnotatorNotes T4\tcanonical=2026-03-05; value=2026-03-05" in lines
    for line in lines:
        if line.startswith("T"):
            _, where, text = line.split("\t")
            _, s, e = where.split()
            assert txt[int(s) : int(e)] == text
    paragraphs = [(p["index"], p["text"]) for p in ARTICLE["paragraphs"]]
    back = brat.to_entities(brat.parse_ann(ann), paragraphs)
    key = ("paragraph", "start", "end", "text", "label", "canonical", "value")
    assert [tuple(e[k] for k in key) for e in back] == [
        tuple(e[k] for k in key) for e in ARTICLE["entities"]
    ]


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tPERSON 0 3;4 6\tقمة", "line 1: discontinuous"),
        ("T1\tPEOPLE 0 3\tقمة", "line 1: unknown label 'PEOPLE'"),
        ("\nT1 PERSON 0 3", "line 2: expected"),
        ("T1\tPERSON 0 3\tقمة\n#1\tAnnotatorNotes T1\tcolour=red", "line 2: unknown note"),
        ("T1\tPERSON 0 3\tقمة\n#1\tAnnotatorNotes T1\torigin=robot", "line 2: origin must be"),
        ("X1\tfoo", "line 1: unknown annotation kind"),
    ],
)
def test_brat_parse_errors_name_the_line(ann: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        brat.parse_ann(ann)


def test_brat_spans_must_match_the_text_and_stay_in_one_paragraph() -> None:
    paragraphs = [(0, "قمة في مينسك"), (1, TEXT)]
    with pytest.raises(FormatError, match="not inside one paragraph"):
        brat.to_entities(brat.parse_ann("T1\tLOCATION 7 15\tx"), paragraphs)
    with pytest.raises(FormatError, match="'مينسك', not 'منسك'"):
        brat.to_entities(brat.parse_ann("T1\tLOCATION 7 12\tمنسك"), paragraphs)
    relation = "T1\tLOCATION 7 12\tمينسك\nR1\tLocatedIn Arg1:T1 Arg2:T1\n"
    assert brat.to_entities(brat.parse_ann(relation), paragraphs)[0]["paragraph"] == 0


def test_jsonl_one_article_per_line_and_errors_name_the_line() -> None:
    text = jsonl.dumps([ARTICLE, {"id": 8, "entities": []}])
    assert text.count("\n") == 2 and "\\u" not in text
    assert [record for _, record in jsonl.parse(text)][0] == json.loads(json.dumps(ARTICLE))
    with pytest.raises(FormatError, match="line 2: not JSON"):
        list(jsonl.parse(jsonl.dump_line(ARTICLE) + "\n{oops\n"))
    with pytest.raises(FormatError, match="line 1: 'entities' must be a list"):
        list(jsonl.parse('{"id": 1, "entities": {}}'))
