"""manage.py import_annotations: JSONL and brat round trips, no duplicates, clear errors."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsreader.news.importing import Counts, import_files
from newsreader.news.models import Article, EditLog, Mention, Origin
from tests.factories import make_article, paragraph


def run(command: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def annotations() -> set[tuple[int, int, int, int, str]]:
    return set(
        Mention.objects.active().values_list(
            "paragraph__article_id", "paragraph__index", "start", "end", "label"
        )
    )


def canonicals() -> dict[tuple[int, int, int], str]:
    return {
        (m.paragraph.index, m.start, m.end): (m.entity.name if m.entity else "", m.value)
        for m in Mention.objects.active().select_related("paragraph", "entity")
    }


@pytest.fixture
def articles(sample_path: Path, tmp_path: Path) -> list[Article]:
    other = tmp_path / "other.txt"
    other.write_text("زار وفد من تونس مدينة فاس أمس.\nوقال رئيس الوفد إن الزيارة ناجحة.\n")
    run("ingest", str(sample_path), str(other), "--published", "2026-03-05")
    found = list(Article.objects.order_by("pk"))
    assert len(found) == 2 and Mention.objects.count() > 5
    return found


def export_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_text(run("export", "--format", "jsonl")[0], encoding="utf-8")
    return path


def export_brat(tmp_path: Path) -> Path:
    folder = tmp_path / "brat"
    run("export", "--format", "brat", "--output", str(folder))
    return folder


@pytest.mark.django_db
@pytest.mark.parametrize("export", [export_jsonl, export_brat])
def test_round_trip_gives_the_same_annotations_and_twice_adds_nothing(
    articles: list[Article], tmp_path: Path, export
) -> None:
    before, names = annotations(), canonicals()
    path = export(tmp_path)
    Mention.objects.all().delete()
    assert annotations() == set()

    results = import_files([str(path)])
    assert annotations() == before
    assert canonicals() == names
    assert set(Mention.objects.values_list("origin", flat=True)) == {Origin.HUMAN}
    assert EditLog.objects.filter(action="import").count() == len(before)
    assert [r.error for r in results] == [""] * len(results)
    assert sum(r.counts.added for r in results) == len(before)

    count = Mention.objects.count()
    again = import_files([str(path)])
    assert Mention.objects.count() == count
    assert sum(r.counts.added for r in again) == 0
    assert sum(r.counts.existing for r in again) == len(before)
    out, _ = run("import_annotations", str(path))  # the command prints the same counts
    assert "0 mention(s) added" in out


@pytest.mark.django_db
def test_jsonl_matches_by_title_and_text_when_the_id_is_another_databases(
    articles: list[Article], tmp_path: Path
) -> None:
    path = export_jsonl(tmp_path)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    for record in records:
        record["id"] += 1000
    records[0]["entities"][0]["origin"] = "model"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    before = annotations()
    Mention.objects.all().delete()
    run("import_annotations", str(path))
    assert annotations() == before
    first = records[0]["entities"][0]
    mention = Mention.objects.get(
        paragraph__article=articles[0],
        paragraph__index=first["paragraph"],
        start=first["start"],
        end=first["end"],
    )
    assert mention.origin == Origin.MODEL
    assert Mention.objects.filter(origin=Origin.MODEL).count() == 1


@pytest.mark.django_db
def test_a_removed_or_overlapped_span_is_left_as_the_editor_left_it(tmp_path: Path) -> None:
    article = make_article()
    para = paragraph(article, 1)
    start = para.text.index("نجيب ميقاتي")
    removed = Mention.objects.create(
        paragraph=para,
        start=start,
        end=start + 11,
        text="نجيب ميقاتي",
        label="PERSON",
        origin=Origin.HUMAN,
        rejected=True,
    )
    b = para.text.index("البنك الدولي")
    Mention.objects.create(
        paragraph=para,
        start=b,
        end=b + 12,
        text="البنك الدولي",
        label="ORGANIZATION",
        origin=Origin.HUMAN,
    )
    w = para.text.index("وفد البنك")
    record = {
        "id": article.pk,
        "title": article.title,
        "paragraphs": [{"index": p.index, "text": p.text} for p in article.paragraphs.all()],
        "entities": [
            {
                "paragraph": 1,
                "start": start,
                "end": start + 11,
                "text": "نجيب ميقاتي",
                "label": "PERSON",
                "canonical": "نجيب ميقاتي",
                "value": None,
            },
            {
                "paragraph": 1,
                "start": w,
                "end": w + 12,
                "text": para.text[w : w + 12],
                "label": "ORGANIZATION",
            },
        ],
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n")
    [result] = import_files([str(path)])
    assert result.counts == Counts(articles=1, added=0, existing=1, overlapping=1)
    removed.refresh_from_db()
    assert removed.rejected
    assert Mention.objects.count() == 2


@pytest.mark.django_db
def test_a_bad_file_rolls_back_whole_names_the_line_and_exits_non_zero(
    articles: list[Article], tmp_path: Path
) -> None:
    good = export_jsonl(tmp_path)
    lines = good.read_text().splitlines()
    bad_entity = json.loads(lines[1])
    bad_entity["entities"][0]["text"] = "نص آخر"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines[0] + "\n" + json.dumps(bad_entity, ensure_ascii=False) + "\n")
    Mention.objects.all().delete()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command("import_annotations", str(bad), str(good), stdout=io.StringIO(), stderr=err)
    message = err.getvalue().strip()
    assert "\n" not in message and "bad.jsonl: line 2 entity 1: paragraph" in message
    assert "not 'نص آخر'" in message
    # the bad file added nothing although its first line was fine; the good file went in
    assert Mention.objects.count() == sum(len(json.loads(x)["entities"]) for x in lines)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": ID}\n{oops\n', "line 2: not JSON"),
        ('{"id": 99999, "title": "لا يوجد", "paragraphs": [{"text": "لا يوجد"}]}', "no article"),
    ],
)
def test_jsonl_errors(tmp_path: Path, content: str, message: str) -> None:
    article = make_article()  # ids are not reset between tests on PostgreSQL
    path = tmp_path / "x.jsonl"
    path.write_text(content.replace("ID", str(article.pk)))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_annotations", str(path), stdout=io.StringIO(), stderr=err)
    assert message in err.getvalue()


@pytest.mark.django_db
def test_brat_text_edited_since_export_is_refused(articles: list[Article], tmp_path: Path) -> None:
    folder = export_brat(tmp_path)
    txt = folder / f"{articles[1].pk}.txt"
    txt.write_text(txt.read_text().replace("تونس", "ليبيا"))
    Mention.objects.all().delete()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command("import_annotations", str(folder), stdout=io.StringIO(), stderr=err)
    assert f"article {articles[1].pk}'s stored text differs" in err.getvalue()
    assert not Mention.objects.filter(paragraph__article=articles[1]).exists()
    assert Mention.objects.filter(paragraph__article=articles[0]).exists()


@pytest.mark.django_db
def test_export_conll_variants_and_brat_needs_a_folder(articles: list[Article]) -> None:
    word = run("export", "--format", "conll", str(articles[1].pk))[0]
    split = run("export", "--format", "conll-clitic", str(articles[1].pk))[0]
    for out in (word, split):
        rows = [line.split("\t") for line in out.splitlines() if line]
        assert all(len(row) == 2 for row in rows)
        assert {tag for _, tag in rows} <= {"O"} | {
            f"{p}-{label}" for p in "BI" for label in ("PERSON", "LOCATION", "ORGANIZATION", "DATE")
        }
        assert out.count("\n\n") == articles[1].paragraphs.count()
    assert "تونس\tB-LOCATION" in word
    with pytest.raises(CommandError, match="--output DIR"):
        run("export", "--format", "brat")
    with pytest.raises(CommandError, match="only for --format brat"):
        run("export", "--format", "jsonl", "--output", "/tmp")


@pytest.mark.django_db
def test_admin_action_exports_the_selected_articles_as_jsonl(
    client, articles: list[Article], tmp_path: Path
) -> None:
    from django.contrib.auth.models import User
    from django.urls import reverse

    from newsreader.news.export import article_to_dict, export_queryset

    url = reverse("admin:news_article_changelist")
    form = {"action": "export_jsonl", "_selected_action": [articles[1].pk]}
    User.objects.create_user("reader", password="pw-reader-1")
    client.login(username="reader", password="pw-reader-1")
    assert client.post(url, form).status_code == 302  # not staff: sent to the login page
    User.objects.create_superuser("curator", "", "pw-curator-1")
    client.login(username="curator", password="pw-curator-1")
    response = client.post(url, form)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="articles.jsonl"'
    lines = response.content.decode().splitlines()
    assert [json.loads(line) for line in lines] == [
        json.loads(json.dumps(article_to_dict(a))) for a in export_queryset([articles[1].pk])
    ]
    path = tmp_path / "admin.jsonl"
    path.write_bytes(response.content)
    before = annotations()
    Mention.objects.filter(paragraph__article=articles[1]).delete()
    run("import_annotations", str(path))
    assert annotations() == before


@pytest.mark.django_db
def test_brat_pair_under_another_name_is_matched_by_its_text(
    articles: list[Article], tmp_path: Path
) -> None:
    folder = export_brat(tmp_path)
    pk = articles[0].pk
    for suffix in (".txt", ".ann"):
        (folder / f"{pk}{suffix}").rename(folder / f"renamed{suffix}")
    before = annotations()
    Mention.objects.all().delete()
    run("import_annotations", str(folder / "renamed.txt"))
    assert annotations() == {a for a in before if a[0] == pk}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "entities": []}\n')
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_annotations", str(bad), stdout=io.StringIO(), stderr=err)
    assert "line 1: id must be an integer" in err.getvalue()


@pytest.mark.django_db
def test_admin_exports_every_format_the_command_does(
    admin_client, articles: list[Article], tmp_path: Path
) -> None:
    from django.urls import reverse

    url = reverse("admin:news_article_changelist")
    ids = [str(a.pk) for a in articles]

    def action(name: str):
        response = admin_client.post(url, {"action": name, "_selected_action": ids})
        assert response.status_code == 200, name
        return response

    assert json.loads(action("export_json").content) == json.loads(run("export", *ids)[0])
    for name, fmt in (("export_conll", "conll"), ("export_conll_clitic", "conll-clitic")):
        assert action(name).content.decode() == run("export", "--format", fmt, *ids)[0]
    archive = zipfile.ZipFile(io.BytesIO(action("export_brat").content))
    assert {"annotation.conf", f"{ids[0]}.txt", f"{ids[0]}.ann"} <= set(archive.namelist())
    folder = tmp_path / "from-admin"
    archive.extractall(folder)
    before = annotations()
    Mention.objects.all().delete()
    run("import_annotations", str(folder))
    assert annotations() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entity", "message"),
    [
        ({"label": "DATE", "value": "y" * 300_000}, "a DATE's value is YYYY"),
        ({"label": "DATE", "value": "next week"}, "a DATE's value is YYYY"),
        ({"label": "PERSON", "canonical": "ن" * 300_000}, "canonical name is longer"),
    ],
)
def test_an_imported_value_or_name_out_of_bounds_is_refused(
    tmp_path: Path, entity: dict, message: str
) -> None:
    article = make_article()
    para = paragraph(article, 3)
    start = para.text.index("15 مارس 2026")
    entry = {"paragraph": 3, "start": start, "end": start + len("15 مارس 2026"), **entity}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": article.pk, "entities": [entry]}), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_annotations", str(path), stdout=io.StringIO(), stderr=err)
    assert message in err.getvalue() and len(err.getvalue()) < 300
    assert not Mention.objects.exists()
