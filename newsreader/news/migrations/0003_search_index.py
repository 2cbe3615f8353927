"""The FTS5 search index (SQLite only; other databases search the shadow text with icontains)."""

from __future__ import annotations

from django.db import migrations

from newsreader.news import search

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS news_search USING fts5("
    "text, article_id UNINDEXED, paragraph_id UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE)
    search.rebuild(apps.get_model("news", "Article"), apps.get_model("news", "Paragraph"))


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS news_search")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_entitymerge"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
