"""Distillation: a smaller tagger learns a trained one's label probabilities (toy encoder)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from newsreader.pipeline import encoder as enc
from newsreader.pipeline import encoder_ner as ner
from newsreader.pipeline import encoder_training as et
from tests.test_pipeline_encoder import toy_tokenizer
from tests.test_pipeline_encoder_ner import (
    SENTENCES,
    TINY,
    examples,
    small_config,
    tiny_corpus,
    tiny_encoder,  # noqa: F401 (a fixture)
)


def test_the_loss_is_zero_when_the_student_says_what_the_teacher_says() -> None:
    torch.manual_seed(0)
    teacher = torch.randn(2, 5, len(ner.LABELS))
    labels = torch.tensor([[ner.IGNORE, 0, 3, ner.IGNORE, 1], [ner.IGNORE, 2, 0, 0, ner.IGNORE]])
    labels = labels != ner.IGNORE  # the first pieces of words
    same = et.distillation_loss(teacher.clone(), teacher, labels, 2.0)
    assert abs(float(same)) < 1e-6
    student = torch.randn(2, 5, len(ner.LABELS))
    assert float(et.distillation_loss(student, teacher, labels, 2.0)) > 0.01


def test_the_loss_reads_the_first_pieces_of_words_only() -> None:
    torch.manual_seed(1)
    teacher = torch.randn(1, 4, len(ner.LABELS))
    student = torch.randn(1, 4, len(ner.LABELS))
    labels = torch.tensor([[False, True, True, False]])
    before = et.distillation_loss(student, teacher, labels, 1.0)
    student[0, 0, 1] += 5.0  # <s> and a second piece: not words
    student[0, 3, 2] -= 5.0
    assert torch.allclose(et.distillation_loss(student, teacher, labels, 1.0), before)
    student[0, 1, 1] += 5.0
    assert not torch.allclose(et.distillation_loss(student, teacher, labels, 1.0), before)


def trained_teacher(tmp_path: Path):
    tok = toy_tokenizer()
    cfg = small_config(epochs=15)
    teacher = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    et.train(teacher, examples(tok, cfg), tok.pad, tmp_path / "teacher")
    assert ner.tag_sentences(teacher, tok, [w for w, _ in SENTENCES]) == [t for _, t in SENTENCES]
    return tok, teacher


def test_a_one_layer_student_learns_from_the_teacher_alone(tmp_path: Path) -> None:
    tok, teacher = trained_teacher(tmp_path)
    cfg = small_config(epochs=15, layers=1, train_top=1, lora_rank=0, distil=1.0)
    data = examples(tok, cfg)
    for e in data:  # the gold labels say O everywhere: only the teacher knows the names
        e.labels = [ner.IGNORE if y == ner.IGNORE else 0 for y in e.labels]
    targets = et.teacher_logits(teacher, data, tok.pad)
    assert [t.shape for t in targets] == [(len(e.ids), len(ner.LABELS)) for e in data]
    student = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    assert len(student.encoder.layers) == 1
    et.train(student, data, tok.pad, tmp_path / "student", targets=targets)
    assert ner.tag_sentences(student, tok, [w for w, _ in SENTENCES]) == [t for _, t in SENTENCES]

    plain = ner.TokenTagger(enc.random_encoder(TINY), small_config(epochs=15, layers=1))
    et.train(plain, data, tok.pad, tmp_path / "plain")  # the same O-only labels, no teacher
    assert ner.tag_sentences(plain, tok, [["زار", "محمد", "بغداد"]]) == [["O", "O", "O"]]


@pytest.mark.usefixtures("tiny_encoder")
def test_train_anercorp_reads_the_teacher_once(tmp_path: Path) -> None:
    _, teacher = trained_teacher(tmp_path)
    ner.save_adapter(teacher, tmp_path / "teacher.pt", int8=False)
    tiny_corpus(tmp_path / "ner")
    cfg = small_config(epochs=3, layers=1, teacher=str(tmp_path / "teacher.pt"))
    notes: list[str] = []
    log, _ = et.train_anercorp(
        tmp_path / "ner", tmp_path / "run", cfg, max_steps=4, report=notes.append
    )
    assert (tmp_path / "run" / et.TEACHER).exists() and not log.finished
    assert sum("teacher" in n for n in notes) == 1
    log, reports = et.train_anercorp(tmp_path / "ner", tmp_path / "run", cfg, report=notes.append)
    assert log.finished and reports is not None
    assert sum("teacher" in n for n in notes) == 1  # the resumed run read the saved logits


def test_text_without_labels_is_learnt_from_the_teacher(tmp_path: Path) -> None:
    tok, teacher = trained_teacher(tmp_path)
    cfg = small_config(epochs=15, layers=1, train_top=1, lora_rank=0, distil=0.5)
    data = examples(tok, cfg)
    for e in data:
        e.labels = []  # unlabelled text (as AQMAR's with --unlabelled): no gold loss at all
    words = et.first_pieces(data[:2], 6)
    assert words.sum() == sum(k >= 0 for e in data[:2] for k in e.first)
    targets = et.teacher_logits(teacher, data, tok.pad)
    student = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    log = et.train(student, data, tok.pad, tmp_path / "student", targets=targets)
    assert all(loss == loss for loss in log.losses)  # never NaN
    assert ner.tag_sentences(student, tok, [w for w, _ in SENTENCES]) == [t for _, t in SENTENCES]


@pytest.mark.usefixtures("tiny_encoder")
def test_train_ner_distils_with_aqmar_text_read_without_its_labels(tmp_path: Path) -> None:
    from io import StringIO

    from django.core.management import call_command

    _, teacher = trained_teacher(tmp_path)
    ner.save_adapter(teacher, tmp_path / "teacher.pt", int8=False)
    data = tiny_corpus(tmp_path / "ner")
    (data / "aqmar").mkdir()
    (data / "aqmar" / "Article.txt").write_text("زار O\nمحمد B-PER\nبغداد B-LOC\n", "utf-8")
    out = StringIO()
    call_command(
        *("train_ner", "--encoder", "--data", str(data), "--encoder-dir", str(tmp_path / "run")),
        *("--epochs", "1", "--threads", "1", "--layers", "1", "--train-top", "1"),
        *("--teacher", str(tmp_path / "teacher.pt"), "--unlabelled", "aqmar"),
        *("--pack", "0"),  # each sentence its own sequence
        stdout=out,
    )
    assert "4 sentences, 5 sequences" in out.getvalue()  # ANERcorp's four and AQMAR's one
    saved = torch.load(tmp_path / "run" / ner.ADAPTER, weights_only=True)
    assert saved["config"]["unlabelled"] == "aqmar" and saved["config"]["layers"] == 1


@pytest.mark.usefixtures("tiny_encoder")
def test_a_student_can_start_from_chosen_teacher_layers(tmp_path: Path) -> None:
    _, teacher = trained_teacher(tmp_path)
    ner.save_adapter(teacher, tmp_path / "teacher.pt", int8=False)
    cfg = small_config(layers=1, train_top=1, lora_rank=0, from_teacher=(1,))
    student = ner.TokenTagger(enc.random_encoder(TINY), cfg)
    et.start_from_teacher(student, tmp_path / "teacher.pt")
    source = ner.load_tagger(enc.load_encoder(), tmp_path / "teacher.pt", merge=True)
    mine, theirs = student.encoder.layers[0].state_dict(), source.encoder.layers[1].state_dict()
    assert all(torch.equal(mine[k], theirs[k]) for k in mine)
    assert torch.equal(student.head.weight, source.head.weight)
    two = ner.TokenTagger(enc.random_encoder(TINY), small_config(from_teacher=(0, 1, 1)))
    with pytest.raises(ValueError, match="names 3 layers for 2 layers"):
        et.start_from_teacher(two, tmp_path / "teacher.pt")


@pytest.mark.usefixtures("tiny_encoder")
def test_train_ner_says_in_one_line_when_the_teacher_layers_do_not_fit(tmp_path: Path) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    _, teacher = trained_teacher(tmp_path)
    ner.save_adapter(teacher, tmp_path / "teacher.pt", int8=False)
    data = tiny_corpus(tmp_path / "ner")
    args = ("train_ner", "--encoder", "--data", str(data), "--encoder-dir", str(tmp_path / "run"))
    with pytest.raises(CommandError, match="from_teacher names 2 layers for 1 layers"):
        call_command(
            *args,
            "--layers",
            "1",
            "--teacher",
            str(tmp_path / "teacher.pt"),
            "--from-teacher",
            "0,1",
        )
    with pytest.raises(CommandError, match="not comma-separated layer numbers: a,b"):
        call_command(*args, "--teacher", str(tmp_path / "teacher.pt"), "--from-teacher", "a,b")
