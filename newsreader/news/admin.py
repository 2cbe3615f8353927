"""The curators' admin: review articles and their annotations, re-run the pipeline."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from newsreader.news.models import (
    AgendaItem,
    Alias,
    Article,
    DroppedLine,
    EditLog,
    Entity,
    Mention,
    Paragraph,
    TimelineEvent,
)

RTL = {"dir": "rtl", "lang": "ar"}


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    fields = ["index", "kind", "text_rtl", "annotations"]
    readonly_fields = ["text_rtl", "annotations"]
    extra = 0
    can_delete = False
    show_change_link = True

    @admin.display(description="النص")
    def text_rtl(self, obj: Paragraph) -> str:
        return format_html('<div dir="rtl" lang="ar" style="max-width:60ch">{}</div>', obj.text)

    @admin.display(description="الكيانات")
    def annotations(self, obj: Paragraph) -> str:
        mentions = [m for m in obj.mentions.all() if not m.rejected]
        return format_html_join(
            "، ",
            '<span dir="rtl">{} <small>({}, {})</small></span>',
            ((m.text, m.label, m.get_origin_display()) for m in mentions),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("mentions")


class DroppedLineInline(admin.TabularInline):
    """Lines the cleaner left out, with why; a button brings one back as a paragraph.

    The button submits the article form to `ArticleAdmin.restore_line_view`
    (formaction), because a form cannot nest inside the change form.
    """

    model = DroppedLine
    fields = ["position", "reason", "text_rtl", "restore"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    classes = ["collapse"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="النص")
    def text_rtl(self, obj: DroppedLine) -> str:
        return format_html('<div dir="rtl" lang="ar" style="max-width:60ch">{}</div>', obj.text)

    @admin.display(description="استعادة")
    def restore(self, obj: DroppedLine) -> str:
        if obj.restored:
            return "مستعاد"
        url = reverse("admin:news_article_restore_line", args=[obj.article_id, obj.pk])
        return format_html(
            '<button type="submit" formaction="{}" formmethod="post" name="_restore_line">'
            "استعد كفقرة</button>",
            url,
        )


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["order", "text", "paragraph", "origin", "removed"]
    readonly_fields = ["origin"]
    raw_id_fields = ["paragraph"]
    extra = 0


class TimelineEventInline(admin.TabularInline):
    model = TimelineEvent
    fields = ["value", "date", "text", "paragraph", "origin", "removed"]
    readonly_fields = ["origin"]
    raw_id_fields = ["paragraph"]
    extra = 0


class HumanEditFilter(admin.SimpleListFilter):
    title = "تعديلات بشرية"
    parameter_name = "human"

    def lookups(self, request, model_admin):
        return [("yes", "فيها تعديلات"), ("no", "بلا تعديلات")]

    def queryset(self, request, queryset):
        human = Q(paragraphs__mentions__origin="human")
        if self.value() == "yes":
            return queryset.filter(human).distinct()
        if self.value() == "no":
            return queryset.exclude(human)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source_name", "published", "status", "n_mentions", "created"]
    list_filter = ["status", "source_name", "published", HumanEditFilter]
    search_fields = ["title", "search_text", "source_url"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "raw_encoding", "created", "updated", "search_text"]
    exclude = ["raw"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ParagraphInline, AgendaItemInline, TimelineEventInline, DroppedLineInline]
    actions = ["rerun_pipeline"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                mention_count=Count(
                    "paragraphs__mentions", filter=Q(paragraphs__mentions__rejected=False)
                )
            )
        )

    @admin.display(description="الكيانات", ordering="mention_count")
    def n_mentions(self, obj: Article) -> int:
        return obj.mention_count

    def get_urls(self):
        restore = path(
            "<int:article_id>/restore-line/<int:line_id>/",
            self.admin_site.admin_view(self.restore_line_view),
            name="news_article_restore_line",
        )
        return [restore, *super().get_urls()]

    def restore_line_view(self, request, article_id: int, line_id: int) -> HttpResponse:
        """POST only, staff with change permission on the article: restore one dropped line."""
        from newsreader.news.restore import RestoreError, restore_dropped_line

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        line = get_object_or_404(DroppedLine, pk=line_id, article_id=article_id)
        if not self.has_change_permission(request, line.article):
            raise PermissionDenied
        try:
            paragraph = restore_dropped_line(line, request.user)
        except RestoreError as err:
            self.message_user(request, str(err), messages.WARNING)
        else:
            self.message_user(
                request,
                f"استُعيد السطر {line.position} فقرةً رقم {paragraph.index}.",
                messages.SUCCESS,
            )
        return redirect("admin:news_article_change", article_id)

    @admin.action(description="أعد تشغيل المعالجة (مع حفظ التعديلات البشرية)")
    def rerun_pipeline(self, request, queryset) -> None:
        from newsreader.news.annotate import annotate_article  # loads the language models

        for article in queryset:
            summary = annotate_article(article)
            self.message_user(request, f"{article.title}: {summary}", messages.SUCCESS)


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["start", "end", "text", "label", "entity", "value", "origin", "rejected", "edited_by"]
    readonly_fields = ["origin", "edited_by"]
    raw_id_fields = ["entity"]
    extra = 0


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    list_display = ["article", "index", "kind", "short_text"]
    list_filter = ["kind"]
    search_fields = ["text"]
    raw_id_fields = ["article"]
    inlines = [MentionInline]

    @admin.display(description="النص")
    def short_text(self, obj: Paragraph) -> str:
        return obj.text[:80]


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 0


class EntityMentionInline(admin.TabularInline):
    model = Mention
    fields = ["paragraph", "text", "label", "origin"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "label", "n_mentions", "n_articles"]
    list_filter = ["label"]
    search_fields = ["name", "key", "aliases__name"]
    inlines = [AliasInline, EntityMentionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_mention_counts()

    @admin.display(description="الإشارات", ordering="n_mentions")
    def n_mentions(self, obj: Entity) -> int:
        return obj.n_mentions

    @admin.display(description="المقالات", ordering="n_articles")
    def n_articles(self, obj: Entity) -> int:
        return obj.n_articles


@admin.register(EditLog)
class EditLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "target", "target_id", "article"]
    list_filter = ["action", "target", "user"]
    search_fields = ["article__title"]
    readonly_fields = [f.name for f in EditLog._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
