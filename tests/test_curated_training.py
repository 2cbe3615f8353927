"""Learning from curation: reviewed articles as BIO sentences, train_ner --with-curated,
evaluate_ner --curated on held-out reviewed articles, curated names at the next ingest.

Training runs on tiny synthetic corpora written to tmp_path, with few iterations;
the committed model is never written.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from newsreader.news.curated_corpus import article_sentences, curated_split, paragraph_sentence
from newsreader.news.models import Article, Mention, Origin
from newsreader.pipeline import training
from newsreader.pipeline.features import MODEL_PATH
from tests.factories import make_article, make_mention, paragraph

# --- BIO sentences from reviewed articles ------------------------------------------------


def test_paragraph_sentence_tags_tokens_b_and_i_and_whole_clitic_words() -> None:
    text = "استقبل نجيب ميقاتي وفدا وبيروت اليوم."
    person = text.index("نجيب")
    place = text.index("بيروت")  # the mention leaves «و» out; the token is tagged
    sentence = paragraph_sentence(
        text,
        [(place, place + len("بيروت"), "LOCATION"), (person, text.index(" وفدا"), "PERSON")],
    )
    assert sentence == [
        ("استقبل", "O"),
        ("نجيب", "B-PERSON"),
        ("ميقاتي", "I-PERSON"),
        ("وفدا", "O"),
        ("وبيروت", "B-LOCATION"),
        ("اليوم", "O"),
        (".", "O"),
    ]


def test_two_adjacent_mentions_of_one_label_are_two_entities() -> None:
    text = "سمير كريم"
    assert paragraph_sentence(text, [(0, 4, "PERSON"), (5, 9, "PERSON")]) == [
        ("سمير", "B-PERSON"),
        ("كريم", "B-PERSON"),
    ]


@pytest.mark.django_db
def test_article_sentences_use_active_name_mentions_only() -> None:
    article = make_article()
    body = paragraph(article, 1)
    make_mention(body, "نجيب ميقاتي", "PERSON")
    make_mention(body, "البنك الدولي", "ORGANIZATION", rejected=True, origin=Origin.HUMAN)
    make_mention(body, "الاثنين", "DATE", value="2026-03-02")
    make_mention(paragraph(article, 3), "طرابلس", "LOCATION", origin=Origin.HUMAN)
    sentences = article_sentences(article)
    assert len(sentences) == article.paragraphs.count()
    tagged = {(w, t) for s in sentences for w, t in s if t != "O"}
    assert tagged == {("نجيب", "B-PERSON"), ("ميقاتي", "I-PERSON"), ("طرابلس", "B-LOCATION")}


@pytest.mark.django_db
def test_every_fifth_reviewed_article_is_held_out() -> None:
    reviewed = [make_article(status=Article.Status.REVIEWED) for _ in range(11)]
    make_article(status=Article.Status.IN_REVIEW)
    make_article()
    split = curated_split()
    assert split.test_articles == [reviewed[4], reviewed[9]]
    assert split.train_articles == [a for i, a in enumerate(reviewed) if i not in (4, 9)]
    per_article = len(article_sentences(reviewed[0]))
    assert (len(split.train), len(split.test)) == (9 * per_article, 2 * per_article)
    assert "11 reviewed articles: 9 for training" in split.describe()


def test_with_extra_repeats_and_hold_out_splits() -> None:
    base = [[("أ", "O")]]
    extra = [[("ب", "B-PERSON")], [("ج", "O")]]
    assert training.with_extra(base, extra, 3) == base + extra * 3
    assert training.with_extra(base, [], 3) == base
    with pytest.raises(ValueError):
        training.with_extra(base, extra, 0)
    assert training.hold_out(list(range(10))) == ([0, 1, 2, 3, 5, 6, 7, 8], [4, 9])
    assert training.hold_out([1, 2, 3]) == ([1, 2, 3], [])


# --- training and evaluation on synthetic data --------------------------------------------

BASE = [
    "قال الرئيس سمير B-PERS في دمشق B-LOC إن الوضع مستقر .",
    "وصل الوزير كريم B-PERS إلى حلب B-LOC أمس .",
    "أعلنت وزارة B-ORG الصحة I-ORG في دمشق B-LOC خطة جديدة .",
    "التقى سمير B-PERS وفدا من حلب B-LOC .",
    "قال كريم B-PERS إن وزارة B-ORG الصحة I-ORG تعمل .",
]
TEST = [
    "قال الرئيس كريم B-PERS في حلب B-LOC إن الخطة جاهزة .",
    "زار سمير B-PERS دمشق B-LOC .",
]
# curated articles name people and places the base corpus never saw
CURATED = [
    ("برنقيش", "طرموسة", "يترأس برنقيش الاجتماع في طرموسة غدا ."),
    ("برنقيش", "قلمونة", "يترأس برنقيش الجلسة في قلمونة غدا ."),
    ("زعفوري", "طرموسة", "يترأس زعفوري اللقاء في طرموسة غدا ."),
    ("زعفوري", "قلمونة", "يترأس زعفوري الندوة في قلمونة غدا ."),
    ("برنقيش", "قلمونة", "يترأس برنقيش المؤتمر في قلمونة غدا ."),  # 5th: held out
    ("زعفوري", "طرموسة", "يترأس زعفوري الحوار في طرموسة غدا ."),
]


def conll(lines: list[str]) -> str:
    out = []
    for line in lines:
        words = line.split()
        i = 0
        while i < len(words):
            word = words[i]
            if i + 1 < len(words) and words[i + 1][:2] in ("B-", "I-"):
                out.append(f"{word} {words[i + 1]}")
                i += 2
            else:
                out.append(f"{word} O")
                i += 1
        out.append("")
    return "\n".join(out) + "\n"


@pytest.fixture
def ner_data(tmp_path: Path) -> Path:
    data = tmp_path / "ner"
    corpus = data / training.ANERCORP
    (corpus / "derived").mkdir(parents=True)
    (corpus / "ANERCorp_CamelLab_train.txt").write_text(conll(BASE * 3), encoding="utf-8")
    (corpus / "ANERCorp_CamelLab_test.txt").write_text(conll(TEST), encoding="utf-8")
    (data / training.TEST_FIXED).write_text(conll(TEST), encoding="utf-8")
    (data / training.AQMAR).mkdir()
    (data / training.AQMAR / "a.txt").write_text(conll(BASE[:2]), encoding="utf-8")
    return data


@pytest.fixture
def reviewed_articles() -> list[Article]:
    articles = []
    for person, place, text in CURATED:
        article = make_article(paragraphs=[("body", text)], status=Article.Status.REVIEWED)
        body = paragraph(article, 0)
        make_mention(body, person, "PERSON", origin=Origin.HUMAN)
        make_mention(body, place, "LOCATION", origin=Origin.HUMAN)
        articles.append(article)
    return articles


def run(command: str, *args: str) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def curated_f1(output: str) -> dict[str, float]:
    """F1 per label (and micro) from the held-out reviewed articles' report."""
    part = output.split("held-out reviewed articles (", 1)[1].splitlines()[2:]
    return {line.split()[0]: float(line.split()[3]) for line in part if line.strip()}


@pytest.mark.django_db
def test_train_with_curated_learns_names_only_curators_saw(
    tmp_path: Path, ner_data: Path, reviewed_articles: list[Article]
) -> None:
    committed = digest(MODEL_PATH)
    before, after = tmp_path / "before.crfsuite", tmp_path / "after.crfsuite"
    common = ["--data", str(ner_data), "--max-iterations", "30", "--c1", "0", "--c2", "0.01"]

    out = run("train_ner", *common, "--output", str(before))
    assert "+ curated" not in out and "held-out reviewed" not in out
    base_sentences = len(BASE) * 3 + 2  # ANERcorp + AQMAR unless --without-aqmar
    assert f"training on {base_sentences} sentences" in out and "ANERcorp + AQMAR" in out
    news = run("train_ner", *common, "--output", str(tmp_path / "n.crfsuite"), "--without-aqmar")
    assert f"training on {base_sentences - 2} sentences" in news and "ANERcorp only" in news

    out = run(
        "train_ner", *common, "--output", str(after), "--with-curated", "--curated-weight", "2"
    )
    assert "6 reviewed articles: 5 for training (5 sentences), 1 held out (1 sentences)" in out
    assert f"training on {base_sentences + 2 * 5} sentences" in out
    assert "ANERcorp + AQMAR + curated x2" in out
    assert "held-out reviewed articles (1 articles" in out
    assert before.exists() and after.exists()
    assert digest(MODEL_PATH) == committed  # the committed model is untouched

    # before/after on the held-out reviewed article, and ANERcorp test as before
    eval_before = run("evaluate_ner", "--data", str(ner_data), "--model", str(before), "--curated")
    eval_after = run("evaluate_ner", "--data", str(ner_data), "--model", str(after), "--curated")
    for text in (eval_before, eval_after):
        assert "ANERcorp CAMeL Lab test, official file" in text
        assert "held-out reviewed articles (1 articles, 1 paragraphs" in text
    before_scores, after_scores = curated_f1(eval_before), curated_f1(eval_after)
    assert before_scores["PERSON"] == 0.0  # the names only curators saw are new to it
    assert after_scores == {"LOCATION": 100.0, "PERSON": 100.0, "micro": 100.0}


@pytest.mark.django_db
def test_weight_must_be_positive_and_no_held_out_articles_is_said(
    tmp_path: Path, ner_data: Path
) -> None:
    from django.core.management import CommandError

    model = tmp_path / "m.crfsuite"
    with pytest.raises(CommandError, match="at least 1"):
        run("train_ner", "--data", str(ner_data), "--output", str(model), "--with-curated",
            "--curated-weight", "0")  # fmt: skip
    out = run(
        "train_ner", "--data", str(ner_data), "--output", str(model), "--max-iterations", "5",
        "--with-curated",
    )  # fmt: skip
    assert "0 reviewed articles" in out
    assert "held-out reviewed articles: none yet" in out


# --- curated names reach the next ingest without retraining -------------------------------


def ingest_text(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    run("ingest", str(path), "--published", "2026-03-05")
    return Article.objects.order_by("-pk").first()


@pytest.mark.django_db
def test_a_name_a_curator_adds_is_tagged_in_the_next_ingested_article(tmp_path: Path) -> None:
    name = "برنقيش"
    sentence = f"ناقش المجلس ملف {name} في جلسته الأخيرة."
    first = ingest_text(tmp_path, "first", f"جلسة المجلس\n\n{sentence}\n")
    assert not Mention.objects.filter(paragraph__article=first, text=name).exists()

    # a curator tags the name in that article
    make_mention(first.paragraphs.get(text=sentence), name, "ORGANIZATION", origin=Origin.HUMAN)

    second = ingest_text(tmp_path, "second", f"جلسة جديدة للمجلس\n\n{sentence}\n")
    assert second.pk != first.pk
    tagged = Mention.objects.get(paragraph__article=second, text=name)
    assert (tagged.label, tagged.origin, tagged.rejected) == ("ORGANIZATION", Origin.MODEL, False)
