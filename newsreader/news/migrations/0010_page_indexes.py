"""Indexes the list, reader, entity, upcoming and admin pages need at 100,000 articles."""

from django.db import migrations, models

NEWEST_PG = (
    'CREATE INDEX "article_newest" ON "news_article" '
    '("published" DESC NULLS LAST, "created" DESC)'
)


def create_newest(apps, schema_editor) -> None:
    """The home page's order; on PostgreSQL with the NULLS LAST that newest_first asks for."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NEWEST_PG)
    else:
        schema_editor.add_index(apps.get_model("news", "Article"), NEWEST)


def drop_newest(apps, schema_editor) -> None:
    schema_editor.execute('DROP INDEX IF EXISTS "article_newest"')


NEWEST = models.Index(fields=["-published", "-created"], name="article_newest")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0009_source_url_web_only_iso_values_dropped_cap"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="article", index=NEWEST)],
            database_operations=[migrations.RunPython(create_newest, drop_newest)],
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["source_name"], name="article_source"),
        ),
        migrations.AddIndex(
            model_name="editlog",
            index=models.Index(fields=["-at", "-id"], name="editlog_newest"),
        ),
        migrations.AddIndex(
            model_name="mention",
            index=models.Index(
                fields=["entity", "paragraph", "rejected"], name="mention_entity_active"
            ),
        ),
        migrations.AddIndex(
            model_name="entity",
            index=models.Index(fields=["label", "name"], name="entity_label_name"),
        ),
        migrations.AddIndex(
            model_name="timelineevent",
            index=models.Index(fields=["date"], name="timeline_date"),
        ),
    ]
