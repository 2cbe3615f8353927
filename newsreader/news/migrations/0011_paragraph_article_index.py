"""Paragraph -> article from an index alone: the entity page counts articles at 100,000 of them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0010_page_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="paragraph",
            index=models.Index(fields=["id", "article"], name="paragraph_article_of"),
        ),
    ]
