"""news.audit: the one path that writes EditLog rows, and nothing else writes them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from newsreader.news import audit
from newsreader.news.models import EditLog
from tests.factories import make_agenda, make_article, make_mention, make_user, paragraph

NEWS = Path(__file__).resolve().parent.parent / "newsreader" / "news"


@pytest.mark.django_db
def test_record_names_the_target_kind_and_keeps_the_mention() -> None:
    article = make_article()
    mention = make_mention(paragraph(article, 1), "ميقاتي")
    user = make_user("editor")
    log = audit.record(user, article, mention, "relabel", {"label": "PERSON"}, {"label": "ORG"})
    stored = EditLog.objects.get(pk=log.pk)
    assert (stored.user, stored.article, stored.mention) == (user, article, mention)
    assert (stored.target, stored.target_id, stored.action) == ("mention", mention.pk, "relabel")
    assert (stored.before, stored.after) == ({"label": "PERSON"}, {"label": "ORG"})


@pytest.mark.django_db
def test_an_anonymous_user_is_nobody_and_bulk_rows_are_written_together() -> None:
    article = make_article()
    item = make_agenda(article, "إقرار الموازنة")
    rows = audit.record_all(
        [
            audit.entry(AnonymousUser(), article.pk, item, "edit", None, {"text": "أ"}),
            audit.entry(None, article, article, "status", {"status": "new"}, None),
        ]
    )
    assert len(rows) == 2
    stored = list(
        EditLog.objects.order_by("pk").values_list("user", "target", "target_id", "mention")
    )
    assert stored == [(None, "agenda", item.pk, None), (None, "article", article.pk, None)]


def test_no_module_but_audit_builds_an_editlog_row() -> None:
    offenders = []
    for path in sorted(NEWS.rglob("*.py")):
        if path.name == "audit.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in ("EditLog", "EditLog.objects.create", "EditLog.objects.bulk_create"):
                    offenders.append(f"{path.name}:{node.lineno} {name}")
    assert offenders == []
