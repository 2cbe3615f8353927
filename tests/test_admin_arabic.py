"""The curators' admin speaks Arabic: model, field and section names, rows, choices,
label and reason names as the reader shows them, and counted messages."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse

from newsreader.news.models import DroppedLine, EditLog, SourceLine
from newsreader.news.vocabulary import ACTIONS, LABELS, TARGETS
from tests.factories import make_article, make_event, make_mention, paragraph

ARABIC = re.compile(r"[\u0600-\u06ff]")
NEWS = list(apps.get_app_config("news").get_models())


def english_names() -> list[str]:
    """How Django names the models when nobody named them: «Entity merges», «Edit logs»…"""
    return [re.sub(r"(?<!^)(?=[A-Z])", " ", m.__name__).capitalize() + "s" for m in NEWS]


@pytest.mark.parametrize("model", NEWS, ids=lambda m: m.__name__)
def test_every_model_and_field_has_an_arabic_name_and_a_str(model) -> None:
    meta = model._meta
    assert ARABIC.search(str(meta.verbose_name)), meta.verbose_name
    assert ARABIC.search(str(meta.verbose_name_plural)), meta.verbose_name_plural
    for field in meta.get_fields():
        if field.concrete and not field.auto_created:
            assert ARABIC.search(str(field.verbose_name)), (model.__name__, field.name)
    assert model.__str__ is not models.Model.__str__  # never «DroppedLine object (1)»


@pytest.fixture
def article():
    article = make_article(title="بلدية صيدا تناقش خطة المياه")
    make_mention(paragraph(article, 1), "نجيب ميقاتي", "PERSON")
    make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة طرابلس")
    DroppedLine.objects.create(
        article=article, position=1, text="اقرأ أيضا", reason="related-article"
    )
    DroppedLine.objects.create(article=article, position=2, text="شارك", reason="share")
    EditLog.objects.create(article=article, target="mention", action="relabel")
    SourceLine.objects.create(source="صيدا أونلاين", key_hash="a" * 40, text="الرئيسية")
    return article


@pytest.mark.django_db
def test_the_index_and_lists_are_arabic(curator: Client, article) -> None:
    index = curator.get(reverse("admin:index")).content.decode()
    for name in ("المقالات", "الكيانات", "الإشارات", "سجل التعديلات", "عمليات دمج الكيانات"):
        assert name in index
    assert "إدارة قارئ" in index
    for english in english_names() + ["Entities", "Aliases"]:
        assert f">{english}<" not in index, english

    changelist = curator.get(reverse("admin:news_article_changelist")).content.decode()
    assert "احذف المقالات المحدّدة" in changelist  # Django's own string, our plural name
    assert "articles" not in changelist.lower().replace("/articles/", "")
    for _, name in LABELS:
        assert name in changelist  # the label filter: شخص، مكان، منظمة، تاريخ

    assert '<p class="paginator">\n\nمقال واحد\n' in changelist  # the row count, in Arabic
    lines = curator.get(reverse("admin:news_sourceline_changelist")).content.decode()
    assert "سطر واحد" in lines
    users = curator.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "\n1 المستخدم\n" in users  # other apps keep Django's own wording

    mentions = curator.get(reverse("admin:news_mention_changelist")).content.decode()
    assert '<td class="field-label">شخص</td>' in mentions and ">PERSON<" not in mentions

    log = curator.get(reverse("admin:news_editlog_changelist")).content.decode()
    assert ACTIONS["relabel"] in log and TARGETS["mention"] in log
    assert ">relabel<" not in log


@pytest.mark.django_db
def test_the_article_page_names_everything_in_arabic(curator: Client, article) -> None:
    page = curator.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    for text in (
        "تعديل مقال",
        "العنوان",
        "تاريخ النشر",
        "الأسطر المحذوفة (2)",
        "مقال ذو صلة",  # the reason's name, not «related»
        "دعوة للمشاركة أو المتابعة",
        "(شخص، النموذج)",  # a paragraph's mentions with label and origin names
    ):
        assert text in page, text
    assert json.dumps("أضِف حدث آخر") in unescape(page)  # inlines.js's button, as JSON
    assert "object (" not in page
    for code in ("DROPPED LINES", "Dropped lines", "related-article", "(PERSON", "Title:"):
        assert code not in page, code
