"""The curators' admin: review articles and their annotations, re-run the pipeline."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from newsreader.news import (
    admin_jobs,  # noqa: F401  (registers the ingest jobs' admin)
    curation,
    editing,
    review,
    sidebar_editing,
)
from newsreader.news.counts import counted
from newsreader.news.editing import relabel_mention, remove_mention
from newsreader.news.export import export_dicts, export_jsonl
from newsreader.news.formats import brat, conll
from newsreader.news.models import (
    LABELS,
    AgendaItem,
    Alias,
    Article,
    DroppedLine,
    EditLog,
    Entity,
    EntityMerge,
    Mention,
    Origin,
    Paragraph,
    SourceLine,
    TimelineEvent,
)
from newsreader.news.reclean import articles_of_source, reclean_article
from newsreader.news.vocabulary import (
    ACTIONS,
    LABEL_NAMES,
    NAME_LABELS,
    TARGETS,
    Label,
    action_name,
    drop_reason_name,
    label_name,
    target_name,
)
from newsreader.pipeline.furniture import needed_articles
from newsreader.pipeline.types import InputError

RTL = {"dir": "rtl", "lang": "ar"}

admin.site.site_header = "إدارة قارئ"
admin.site.site_title = "إدارة قارئ"
admin.site.index_title = "التحرير والمراجعة"
# No navigation column beside every page: the lists and the article page need the
# width (a 1,366 px window); the breadcrumbs and the index lead everywhere.
admin.site.enable_nav_sidebar = False

# An inline with more rows than this opens collapsed, its count in the heading.
LONG_INLINE = 12


class CollapsedWhenLong:
    """A tabular inline that folds away (a <details>) when the article has many rows."""

    def get_formset(self, request, obj=None, **kwargs):
        # Inline instances are made per request, so setting these here is safe.
        rows = self.model._default_manager.filter(article=obj).count() if obj else 0
        plural = self.model._meta.verbose_name_plural
        self.verbose_name_plural = f"{plural} ({rows})" if rows else plural
        classes = list(self.classes or [])
        if rows > LONG_INLINE and "collapse" not in classes:
            self.classes = [*classes, "collapse"]
        return super().get_formset(request, obj, **kwargs)


# A list joins the article for its title, never for the raw input or the search text.
WITHOUT_RAW = {
    path: (f"{path}__raw", f"{path}__search_text") for path in ("article", "paragraph__article")
}


class PagedInline(admin.TabularInline):
    """A tabular inline that shows `per_page` rows at a time (?<model>-page=N).

    An article can have hundreds of paragraphs or dropped lines and an entity
    thousands of mentions; one change page must not render them all.
    """

    per_page = 50
    template = "admin/news/paged_tabular.html"

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        param = f"{self.model._meta.model_name}-page"
        try:
            wanted = max(1, int(request.GET.get(param, 1)))
        except ValueError:
            wanted = 1
        per_page = self.per_page

        class Paged(formset):
            page_param = param

            def get_queryset(self):
                if not hasattr(self, "_page_rows"):
                    rows = super().get_queryset()
                    self.total = rows.count()
                    self.pages = max(1, -(-self.total // per_page))
                    self.page = min(wanted, self.pages)
                    start = (self.page - 1) * per_page
                    self._page_rows = list(rows[start : start + per_page])
                return self._page_rows

        return Paged


class ParagraphInline(CollapsedWhenLong, PagedInline):
    model = Paragraph
    fields = ["index", "kind", "text_rtl", "annotations"]
    readonly_fields = ["text_rtl", "annotations"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # paragraphs come from the cleaner (or a restored dropped line)

    @admin.display(description="النص")
    def text_rtl(self, obj: Paragraph) -> str:
        return format_html('<div dir="rtl" lang="ar" class="qari-text">{}</div>', obj.text)

    @admin.display(description="الكيانات")
    def annotations(self, obj: Paragraph) -> str:
        mentions = [m for m in obj.mentions.all() if not m.rejected]
        return format_html_join(
            "، ",
            '<span dir="rtl">{} <small>({}، {})</small></span>',
            ((m.text, m.get_label_display(), m.get_origin_display()) for m in mentions),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("mentions")


class DroppedLineInline(CollapsedWhenLong, PagedInline):
    """Lines the cleaner left out, with why; a button brings one back as a paragraph.

    The button submits the article form to `ArticleAdmin.restore_line_view`
    (formaction), because a form cannot nest inside the change form.
    """

    model = DroppedLine
    fields = readonly_fields = ("position", "reason_name", "text_rtl", "restore")
    extra = 0
    can_delete = False
    classes = ["collapse"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="السبب")
    def reason_name(self, obj: DroppedLine) -> str:
        return drop_reason_name(obj.reason)

    @admin.display(description="النص")
    def text_rtl(self, obj: DroppedLine) -> str:
        return format_html('<div dir="rtl" lang="ar" class="qari-text">{}</div>', obj.text)

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


class SidebarItemForm(forms.ModelForm):
    """The reader's checks on an item's text (and a timeline value) before it is saved."""

    def clean_text(self) -> str:
        try:
            return sidebar_editing.clean_text(self.cleaned_data.get("text", ""))
        except sidebar_editing.SidebarEditError as err:
            raise forms.ValidationError(str(err)) from None


class AgendaItemInline(CollapsedWhenLong, PagedInline):
    """Saved through sidebar_editing (ArticleAdmin.save_formset); removal is the checkbox."""

    model = AgendaItem
    form = SidebarItemForm
    fields = ["order", "text", "paragraph", "origin", "removed"]
    readonly_fields = ["origin"]
    raw_id_fields = ["paragraph"]
    extra = 0
    can_delete = False


class TimelineEventInline(CollapsedWhenLong, PagedInline):
    """Saved through sidebar_editing: the date follows the value, the edit is logged."""

    model = TimelineEvent
    form = SidebarItemForm
    fields = ["value", "date", "text", "paragraph", "origin", "removed"]
    readonly_fields = ["date", "origin"]
    raw_id_fields = ["paragraph"]
    extra = 0
    can_delete = False


def save_edits(request, formset) -> None:
    """Every changed inline row goes through the service that stamps, logs (and bumps)."""
    savers: dict[type[models.Model], Callable[..., object]] = {
        Paragraph: editing.save_paragraph_form,
        Mention: editing.save_form_edit,
        AgendaItem: sidebar_editing.save_agenda_form,
        TimelineEvent: sidebar_editing.save_timeline_form,
    }
    save = savers[formset.model]
    for row in formset.save(commit=False):
        save(row, request.user)
    formset.save_m2m()


def human_edits() -> Q:
    """An article has a mention, agenda item or timeline event an editor decided."""
    human = {"article": OuterRef("pk"), "origin": Origin.HUMAN}
    return (
        Q(Exists(Mention.objects.filter(paragraph__article=OuterRef("pk"), origin=Origin.HUMAN)))
        | Q(Exists(AgendaItem.objects.filter(**human)))
        | Q(Exists(TimelineEvent.objects.filter(**human)))
    )


class HumanEditFilter(admin.SimpleListFilter):
    title = "تعديلات بشرية"
    parameter_name = "human"

    def lookups(self, request, model_admin):
        return [("yes", "فيها تعديلات"), ("no", "بلا تعديلات")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(human_edits())
        if self.value() == "no":
            return queryset.exclude(human_edits())
        return queryset


class LabelFilter(admin.SimpleListFilter):
    """Articles with at least one active (not removed) mention of the label."""

    title = "التصنيف"
    parameter_name = "label"

    def lookups(self, request, model_admin):
        return LABELS

    def queryset(self, request, queryset):
        if self.value() not in dict(LABELS):
            return queryset
        mentions = Mention.objects.active().filter(
            paragraph__article=OuterRef("pk"), label=self.value()
        )
        return queryset.filter(Exists(mentions))


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "source_name",
        "published",
        "status",
        "reviewed_by",
        "has_human_edits",
        "n_mentions",
        "created",
    ]
    list_filter = [
        "status",
        "reviewed_by",
        "source_name",
        "published",
        "title_uncertain",
        HumanEditFilter,
        LabelFilter,
    ]
    list_select_related = ["reviewed_by"]
    search_fields = ["title", "search_text", "source_url"]
    # No date_hierarchy: its year links scan every article; the «published» filter stays.
    show_full_result_count = False  # one count of the articles, not two
    readonly_fields = [
        "content_hash",
        "raw_encoding",
        "created",
        "updated",
        "search_text",
        "edit_log",
        "dropped_more",
    ]
    exclude = ["raw"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ParagraphInline, AgendaItemInline, TimelineEventInline, DroppedLineInline]
    actions = [
        "mark_in_review",
        "mark_reviewed",
        "rerun_pipeline",
        "reclean_selected",
        "export_json",
        "export_jsonl",
        "export_conll",
        "export_conll_clitic",
        "export_brat",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_mention_count()
            .annotate(has_human=ExpressionWrapper(human_edits(), output_field=BooleanField()))
        )

    @admin.display(description="الكيانات", ordering="mention_count")
    def n_mentions(self, obj: Article) -> int:
        return obj.mention_count

    @admin.display(description="تعديلات بشرية", boolean=True, ordering="has_human")
    def has_human_edits(self, obj: Article) -> bool:
        return obj.has_human

    @admin.display(description="سجل التعديلات")
    def edit_log(self, obj: Article) -> str:
        if not obj.pk:
            return "—"
        url = reverse("admin:news_editlog_changelist")
        return format_html(
            '<a href="{}?{}">سجل تعديلات هذا المقال ({})</a>',
            url,
            urlencode({"article__id__exact": obj.pk}),
            obj.edits.count(),
        )

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model in (Paragraph, AgendaItem, TimelineEvent):
            save_edits(request, formset)
        else:
            super().save_formset(request, form, formset, change)

    def _review_step(self, request, queryset, step, done: str) -> None:
        articles = list(queryset.select_related("reviewed_by"))
        moved = step(articles, request.user)
        for article in moved:
            self.log_change(request, article, done)
        skipped = len(articles) - len(moved)
        note = f" ({counted('articles_skipped', skipped)})" if skipped else ""
        level = messages.SUCCESS if moved else messages.WARNING
        self.message_user(request, f"{done}: {counted('articles', len(moved))}{note}.", level)

    @admin.action(description="ضع المقالات المحددة قيد المراجعة", permissions=["change"])
    def mark_in_review(self, request, queryset) -> None:
        self._review_step(request, queryset, review.mark_in_review, "قيد المراجعة")

    @admin.action(description="علّم المقالات المحددة مراجَعة", permissions=["change"])
    def mark_reviewed(self, request, queryset) -> None:
        self._review_step(request, queryset, review.mark_reviewed, "تمت المراجعة")

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

    @admin.action(
        description="أعد تشغيل المعالجة (مع حفظ التعديلات البشرية)", permissions=["change"]
    )
    def rerun_pipeline(self, request, queryset) -> None:
        from newsreader.news.annotate import annotate_article  # loads the language models

        for article in queryset:
            summary = annotate_article(article)
            self.message_user(request, f"{article.title}: {summary.arabic()}", messages.SUCCESS)

    @admin.action(
        description="أعد تنظيف المحدد من نصه الخام (مع حفظ القرارات البشرية)",
        permissions=["change"],
    )
    def reclean_selected(self, request, queryset) -> None:
        _reclean(self, request, [a.pk for a in queryset])

    @admin.action(description="صدّر المحدد بصيغة JSON (العقد)")
    def export_json(self, request, queryset) -> HttpResponse:
        data = json.dumps(export_dicts(_ids(queryset)), ensure_ascii=False, indent=1)
        return _download(data, "articles.json", "application/json")

    @admin.action(description="صدّر المحدد بصيغة JSONL")
    def export_jsonl(self, request, queryset) -> HttpResponse:
        return _download(export_jsonl(_ids(queryset)), "articles.jsonl", "application/x-ndjson")

    @admin.action(description="صدّر المحدد بصيغة CoNLL/BIO (كلمات)")
    def export_conll(self, request, queryset) -> HttpResponse:
        return _download(conll.dumps(export_dicts(_ids(queryset))), "articles.conll", "text/plain")

    @admin.action(description="صدّر المحدد بصيغة CoNLL/BIO (مع فصل السوابق)")
    def export_conll_clitic(self, request, queryset) -> HttpResponse:
        text = conll.dumps(export_dicts(_ids(queryset)), clitic_split=True)
        return _download(text, "articles.clitic.conll", "text/plain")

    @admin.action(description="صدّر المحدد بصيغة brat (ملف zip)")
    def export_brat(self, request, queryset) -> HttpResponse:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("annotation.conf", brat.ANNOTATION_CONF)
            for article in export_dicts(_ids(queryset)):
                txt, ann = brat.dumps(article)
                archive.writestr(f"{article['id']}.txt", txt)
                archive.writestr(f"{article['id']}.ann", ann)
        return _download(buffer.getvalue(), "articles-brat.zip", "application/zip")


def _ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def _download(content: str | bytes, filename: str, content_type: str) -> HttpResponse:
    if isinstance(content, str):
        content_type += "; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class MentionInline(PagedInline):
    """Saved through editing.save_form_edit; removal is the «rejected» checkbox."""

    model = Mention
    fields = ["start", "end", "text", "label", "entity", "value", "origin", "rejected", "edited_by"]
    readonly_fields = ["origin", "edited_by"]
    autocomplete_fields = ["entity"]
    extra = 0
    can_delete = False


class CappedPaginator(Paginator):
    """Counts at most CAP rows: counting millions of paragraphs or mentions costs more
    than the page (the admin then offers the first CAP / per-page pages)."""

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        return cast(QuerySet, self.object_list)[: self.CAP + 1].count()


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    """The text is read-only (mentions are offsets into it); kind and index are edits."""

    paginator = CappedPaginator
    show_full_result_count = False

    list_display = ["article", "index", "kind", "short_text"]
    list_filter = ["kind"]
    list_select_related = ["article"]
    search_fields = ["text"]
    raw_id_fields = ["article"]
    readonly_fields = ["text", "version"]
    inlines = [MentionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*WITHOUT_RAW["article"])

    def save_model(self, request, obj: Paragraph, form, change: bool) -> None:
        if change and form.has_changed():
            editing.save_paragraph_form(obj, request.user)
        elif not change:
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        save_edits(request, formset)

    @admin.display(description="النص")
    def short_text(self, obj: Paragraph) -> str:
        return obj.text[:80]


class AliasInline(PagedInline):
    """Aliases of an entity; a button splits one off into an entity of its own.

    The button submits the entity form to `EntityAdmin.split_alias_view`
    (formaction), because a form cannot nest inside the change form.
    """

    model = Alias
    fields = ["name", "key", "split"]
    readonly_fields = ["split"]
    extra = 0

    @admin.display(description="فصل")
    def split(self, obj: Alias) -> str:
        if not obj.pk:
            return ""
        url = reverse("admin:news_entity_split_alias", args=[obj.entity_id, obj.pk])
        return format_html(
            '<button type="submit" formaction="{}" formmethod="post" name="_split_alias">'
            "افصله كيانًا مستقلًا</button>",
            url,
        )


class EntityMentionInline(PagedInline):
    model = Mention
    fields = readonly_fields = ("paragraph", "text", "label", "origin")
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


NAME_LABEL_CHOICES = [(code, LABEL_NAMES[code]) for code in NAME_LABELS]


class LabelForm(forms.Form):
    label = forms.ChoiceField(choices=NAME_LABEL_CHOICES, label="التصنيف")


class BulkLabelForm(forms.Form):
    name = forms.CharField(max_length=300, label="الاسم")
    label = forms.ChoiceField(choices=NAME_LABEL_CHOICES, label="التصنيف")


MERGE_PERMS = ["news.change_entity", "news.delete_entity"]
BULK_PERMS = ["news.add_mention", "news.change_mention"]


def can_merge(user) -> bool:
    return user.is_active and user.is_staff and user.has_perms(MERGE_PERMS)


def _selected(request, queryset) -> list[tuple[str, str]]:
    return [(helpers.ACTION_CHECKBOX_NAME, str(obj.pk)) for obj in queryset]


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    # Articles per entity is on the entity's page (cached there): counting them needs every
    # mention joined to its paragraph, too much for a hundred entities per list page.
    list_display = ["name", "label", "n_mentions"]
    list_filter = ["label"]
    search_fields = ["name", "key", "aliases__name"]
    inlines = [AliasInline, EntityMentionInline]
    actions = ["merge_entities", "change_label", "bulk_label_name"]

    def get_queryset(self, request):
        # GROUP BY drops Meta.ordering, so order explicitly (autocomplete paginates)
        queryset = super().get_queryset(request).with_mention_counts(articles=False)
        return queryset.order_by("label", "name", "pk")

    @admin.display(description="الإشارات", ordering="n_mentions")
    def n_mentions(self, obj: Entity) -> int:
        return obj.n_mentions  # type: ignore[attr-defined]  # EntityQuerySet.with_mention_counts

    def has_merge_permission(self, request) -> bool:
        return can_merge(request.user)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("bulk-label/", wrap(self.bulk_label_view), name="news_entity_bulk_label"),
            path(
                "<int:entity_id>/split-alias/<int:alias_id>/",
                wrap(self.split_alias_view),
                name="news_entity_split_alias",
            ),
            *super().get_urls(),
        ]

    def _page(self, request, template: str, title: str, **context) -> TemplateResponse:
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": title,
                **context,
            },
        )

    @admin.action(description="ادمج الكيانات المحددة في كيان واحد", permissions=["merge"])
    def merge_entities(self, request, queryset):
        entities = list(queryset.order_by("-n_mentions", "pk"))
        if len(entities) < 2:
            self.message_user(request, "اختر كيانين على الأقل للدمج.", messages.WARNING)
            return None
        if "apply" in request.POST:
            target = next((e for e in entities if str(e.pk) == request.POST.get("target")), None)
            if target is None:
                self.message_user(request, "اختر الكيان الذي يبقى.", messages.WARNING)
            else:
                others = [e for e in entities if e.pk != target.pk]
                try:
                    merge = curation.merge_entities(target, others, request.user)
                except curation.CurationError as err:
                    self.message_user(request, str(err), messages.ERROR)
                    return None
                names = "، ".join(e.name for e in others)
                self.log_change(request, target, f"دمج: {names}")
                undo = reverse("admin:news_entitymerge_change", args=[merge.pk])
                self.message_user(
                    request,
                    format_html(
                        "دُمج {} في «{}». <a href='{}'>سجل الدمج (للإلغاء)</a>",
                        names,
                        target.name,
                        undo,
                    ),
                    messages.SUCCESS,
                )
                return None
        return self._page(
            request,
            "admin/news/entity/merge_confirm.html",
            "دمج الكيانات",
            entities=entities,
            mixed_labels=len({e.label for e in entities}) > 1,
            selected=_selected(request, entities),
            action="merge_entities",
        )

    @admin.action(description="غيّر تصنيف الكيانات المحددة وكل إشاراتها", permissions=["change"])
    def change_label(self, request, queryset):
        if not request.user.has_perm("news.change_mention"):
            raise PermissionDenied
        form = LabelForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            label = form.cleaned_data["label"]
            for entity in queryset:
                try:
                    curation.change_label(entity, label, request.user)
                except curation.CurationError as err:
                    self.message_user(request, f"{entity.name}: {err}", messages.ERROR)
                else:
                    name = label_name(label)
                    self.log_change(request, entity, f"التصنيف: {name}")
                    self.message_user(
                        request, f"صار «{entity.name}» {name} مع كل إشاراته.", messages.SUCCESS
                    )
            return None
        return self._page(
            request,
            "admin/news/choose_label.html",
            "تغيير التصنيف",
            form=form,
            objects=list(queryset),
            selected=_selected(request, queryset),
            action="change_label",
        )

    @admin.action(description="اوسم كل ورود لاسم هذا الكيان في المدونة")
    def bulk_label_name(self, request, queryset):
        entity = queryset.first()
        label = entity.label if entity.label != Label.DATE else Label.PERSON
        query = urlencode({"name": entity.name, "label": label})
        return redirect(f"{reverse('admin:news_entity_bulk_label')}?{query}")

    def split_alias_view(self, request, entity_id: int, alias_id: int) -> HttpResponse:
        """POST only, staff who may add and change entities: split one alias off."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        alias = get_object_or_404(Alias, pk=alias_id, entity_id=entity_id)
        if not (
            self.has_change_permission(request, alias.entity) and self.has_add_permission(request)
        ):
            raise PermissionDenied
        try:
            new = curation.split_alias(alias, request.user)
        except curation.CurationError as err:
            self.message_user(request, str(err), messages.ERROR)
            return redirect("admin:news_entity_change", entity_id)
        self.log_addition(request, new, f"فُصل عن الكيان {entity_id}")
        self.message_user(
            request,
            f"صار «{new.name}» كيانًا مستقلًا {counted('with_mentions', new.mentions.count())}.",
            messages.SUCCESS,
        )
        return redirect("admin:news_entity_change", new.pk)

    def bulk_label_view(self, request) -> HttpResponse:
        """Name and label → a preview of the paragraphs touched (GET); Apply (POST)."""
        if not request.user.has_perms(BULK_PERMS):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        form = BulkLabelForm(data if "name" in data else None)
        preview = None
        if form.is_valid():
            name, label = form.cleaned_data["name"], form.cleaned_data["label"]
            if request.method == "POST":
                try:
                    added = curation.bulk_label(
                        name, label, request.user, expected=request.POST.get("fingerprint")
                    )
                except curation.CurationError as err:
                    self.message_user(request, str(err), messages.ERROR)
                else:
                    self.message_user(
                        request,
                        counted(
                            "mentions_labelled", len(added), name=name, label=label_name(label)
                        ),
                        messages.SUCCESS,
                    )
                query = urlencode({"name": name, "label": label})
                return redirect(f"{reverse('admin:news_entity_bulk_label')}?{query}")
            try:
                preview = curation.bulk_preview(name, label)
            except curation.CurationError as err:
                form.add_error(None, str(err))
        to_apply = sum(len(pm.to_apply) for pm in preview or [])
        return self._page(
            request,
            "admin/news/entity/bulk_label.html",
            "وسم كل ورود لاسم",
            form=form,
            preview=preview,
            to_apply=to_apply,
            skipped=sum(len(pm.occurrences) for pm in preview or []) - to_apply,
            fingerprint=curation.fingerprint(preview) if preview else "",
        )


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin):
    list_display = ["at", "target_name", "merged_names", "user", "undone_at"]
    list_filter = ["user"]
    readonly_fields = [f.name for f in EntityMerge._meta.fields]
    actions = ["undo"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return can_merge(request.user) or super().has_view_permission(request, obj)

    def has_merge_permission(self, request) -> bool:
        return can_merge(request.user)

    @admin.display(description="المدمجة")
    def merged_names(self, obj: EntityMerge) -> str:
        return "، ".join(e["name"] for e in obj.merged)

    @admin.action(description="ألغِ الدمج (أعد الكيانات وإشاراتها)", permissions=["merge"])
    def undo(self, request, queryset) -> None:
        for merge in queryset.order_by("-at", "-pk"):
            try:
                restored = curation.undo_merge(merge, request.user)
            except curation.CurationError as err:
                self.message_user(request, f"{merge}: {err}", messages.ERROR)
                continue
            names = "، ".join(e.name for e in restored)
            self.message_user(request, f"أُعيد: {names}", messages.SUCCESS)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    """Mentions across the corpus: find them, then relabel or remove the selected ones."""

    paginator = CappedPaginator
    show_full_result_count = False
    list_display = ["text", "label", "entity", "origin", "rejected", "article"]
    list_filter = ["label", "origin", "rejected"]
    search_fields = ["text", "entity__name", "paragraph__article__title"]
    list_select_related = ["entity", "paragraph__article"]
    autocomplete_fields = ["entity"]
    raw_id_fields = ["paragraph"]
    readonly_fields = ["origin", "edited_by", "edited_at"]
    actions = ["relabel_selected", "remove_selected"]

    @admin.display(description="المقال")
    def article(self, obj: Mention) -> str:
        return obj.paragraph.article.title

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*WITHOUT_RAW["paragraph__article"])

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # removal keeps the row; see remove_selected
        return actions

    def save_model(self, request, obj: Mention, form, change: bool) -> None:
        """An edit through the form is a human decision: the reader's path (logged, bumped)."""
        editing.save_form_edit(obj, request.user)

    @admin.action(description="غيّر تصنيف الإشارات المحددة", permissions=["change"])
    def relabel_selected(self, request, queryset):
        form = LabelForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            label = form.cleaned_data["label"]
            active = list(queryset.filter(rejected=False).select_related("paragraph", "entity"))
            with transaction.atomic():
                for mention in active:
                    relabel_mention(mention, label, request.user)
            skipped = queryset.filter(rejected=True).count()
            note = f" ({counted('removed_left', skipped)})" if skipped else ""
            done = counted("mentions_relabelled", len(active), label=label_name(label))
            self.message_user(request, f"{done}{note}.")
            return None
        return self._page(request, form, queryset)

    def _page(self, request, form, queryset) -> TemplateResponse:
        return TemplateResponse(
            request,
            "admin/news/choose_label.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "تغيير تصنيف الإشارات",
                "form": form,
                "objects": list(queryset),
                "selected": _selected(request, queryset),
                "action": "relabel_selected",
            },
        )

    @admin.action(
        description="احذف الإشارات المحددة (تبقى محذوفة عند إعادة المعالجة)", permissions=["change"]
    )
    def remove_selected(self, request, queryset) -> None:
        active = list(queryset.filter(rejected=False).select_related("paragraph", "entity"))
        with transaction.atomic():
            for mention in active:
                remove_mention(mention, request.user)
        self.message_user(request, counted("mentions_removed", len(active)))


def code_filter(field: str, title: str, names: dict[str, str]) -> type[admin.SimpleListFilter]:
    """A list filter on a code column that offers the codes by their Arabic names."""

    class CodeFilter(admin.SimpleListFilter):
        parameter_name = f"{field}__exact"  # the URL Django's own filter used

        def lookups(self, request, model_admin):
            return list(names.items())

        def queryset(self, request, queryset):
            return queryset.filter(**{field: self.value()}) if self.value() else queryset

    CodeFilter.title = title
    return CodeFilter


class ArticleTitleFilter(admin.RelatedOnlyFieldListFilter):
    """The logged articles by title, read without their raw input."""

    def field_choices(self, field, request, model_admin):
        ids = model_admin.get_queryset(request).values("article_id").distinct()
        rows = Article.objects.filter(pk__in=ids).order_by("title").values_list("pk", "title")
        return list(rows)


@admin.register(EditLog)
class EditLogAdmin(admin.ModelAdmin):
    paginator = CappedPaginator
    show_full_result_count = False
    list_display = ["at", "user", "action_label", "target_label", "target_id", "article_link"]
    # By article: the title links to the log filtered by it (a filter listing every
    # edited article would grow with the corpus).
    list_filter = [
        code_filter("action", "الإجراء", ACTIONS),
        code_filter("target", "ما عُدِّل", TARGETS),
        ("user", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user", "article"]
    search_fields = ["article__title"]
    readonly_fields = [f.name for f in EditLog._meta.fields]

    @admin.display(description="الإجراء", ordering="action")
    def action_label(self, obj: EditLog) -> str:
        return action_name(obj.action)

    @admin.display(description="ما عُدِّل", ordering="target")
    def target_label(self, obj: EditLog) -> str:
        return target_name(obj.target)

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*WITHOUT_RAW["article"])

    @admin.display(description="المقال", ordering="article__title")
    def article_link(self, obj: EditLog) -> str:
        """The article's title, linking to this log filtered by that article."""
        url = reverse("admin:news_editlog_changelist")
        query = urlencode({"article__id__exact": obj.article_id})
        return format_html('<a href="{}?{}">{}</a>', url, query, obj.article.title)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def _reclean(model_admin: admin.ModelAdmin, request, ids: list[int]) -> None:
    """Re-clean articles one transaction each; say what each got, or why not."""
    for article in Article.objects.filter(pk__in=ids):
        try:
            summary = reclean_article(article)
        except InputError as err:
            model_admin.message_user(request, f"{article.title}: {err}", messages.WARNING)
        else:
            model_admin.message_user(
                request, f"{article.title}: {summary.arabic()}", messages.SUCCESS
            )


@admin.register(SourceLine)
class SourceLineAdmin(admin.ModelAdmin):
    """What Qari learnt of each source's pages; a curator's verdict wins over the count."""

    list_display = ["source", "line_rtl", "articles", "verdict", "is_furniture", "last_seen"]
    list_filter = ["verdict", "source"]
    search_fields = ["text", "source"]
    readonly_fields = ["source", "key_hash", "text", "articles", "first_seen", "last_seen"]

    class Media:
        css = {"all": ["css/admin.css"]}

    actions = ["mark_furniture", "mark_story", "mark_auto", "reclean_sources"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="السطر")
    def line_rtl(self, obj: SourceLine) -> str:
        return format_html('<div dir="rtl" lang="ar" class="qari-text">{}</div>', obj.text)

    @admin.display(description="يُحذف من الصفحات", boolean=True)
    def is_furniture(self, obj: SourceLine) -> bool:
        if obj.verdict != SourceLine.Verdict.AUTO:
            return obj.verdict == SourceLine.Verdict.FURNITURE
        return obj.articles >= needed_articles(obj.text)

    def _verdict(self, request, queryset, verdict: str) -> None:
        count = queryset.update(verdict=verdict)
        self.message_user(request, counted("verdicts_changed", count))

    @admin.action(description="هذه الأسطر من أثاث الموقع: احذفها دائماً", permissions=["change"])
    def mark_furniture(self, request, queryset) -> None:
        self._verdict(request, queryset, SourceLine.Verdict.FURNITURE)

    @admin.action(description="هذه الأسطر من نص المقالات: أبقها دائماً", permissions=["change"])
    def mark_story(self, request, queryset) -> None:
        self._verdict(request, queryset, SourceLine.Verdict.KEEP)

    @admin.action(description="اترك القرار للتكرار", permissions=["change"])
    def mark_auto(self, request, queryset) -> None:
        self._verdict(request, queryset, SourceLine.Verdict.AUTO)

    @admin.action(description="أعد تنظيف كل مقالات مصادر المحدد", permissions=["change"])
    def reclean_sources(self, request, queryset) -> None:
        sources = sorted(set(queryset.values_list("source", flat=True)))
        _reclean(self, request, [pk for s in sources for pk in articles_of_source(s)])
