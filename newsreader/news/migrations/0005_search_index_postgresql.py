"""The PostgreSQL search index: the shadow text's tsvector ('simple') under a GIN index.

PostgreSQL only, as 0003 (FTS5) is SQLite only; see newsreader.news.search.
"""

from __future__ import annotations

from django.db import migrations

from newsreader.news import search

CREATE = (
    "CREATE TABLE IF NOT EXISTS news_search ("
    "id bigserial PRIMARY KEY, article_id bigint NOT NULL, paragraph_id bigint NOT NULL, "
    "text text NOT NULL, "
    "document tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED)",
    "CREATE INDEX IF NOT EXISTS news_search_document ON news_search USING gin (document)",
    "CREATE INDEX IF NOT EXISTS news_search_article ON news_search (article_id)",
)


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)
    search.rebuild(apps.get_model("news", "Article"), apps.get_model("news", "Paragraph"))


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS news_search")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_source_furniture"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
