"""The admin's ingest jobs: queue a list of URLs, watch each job's state, retry the failed.

A job whose worker died shows as stalled; «استرجع» fails it for a retry (jobs.recover_jobs).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from newsreader.news import jobs
from newsreader.news.models import IngestJob
from newsreader.pipeline.types import InputError


class UrlListForm(forms.Form):
    urls = forms.CharField(
        label="روابط المقالات",
        help_text="رابط واحد في كل سطر (http أو https).",
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90, "dir": "ltr"}),
    )

    def clean_urls(self) -> list[str]:
        try:
            return jobs.parse_url_list(self.cleaned_data["urls"])
        except InputError as err:
            raise forms.ValidationError(str(err)) from None


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    list_display = ["id", "source_short", "state_shown", "outcome", "error_short", "article_link"]
    list_display_links = ["id", "source_short"]
    list_filter = ["state", "outcome"]
    list_select_related = ["article"]
    search_fields = ["source", "error"]
    actions = ["retry_selected", "recover_selected"]
    fields = readonly_fields = (
        "source",
        "state",
        "outcome",
        "error",
        "article_link",
        "attempts",
        "task_id",
        "options",
        "raw_size",
        "created",
        "started",
        "finished",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw")

    @admin.display(description="المدخل", ordering="source")
    def source_short(self, obj: IngestJob) -> str:
        return obj.source if len(obj.source) <= 80 else obj.source[:79] + "…"

    @admin.display(description="الحالة", ordering="state")
    def state_shown(self, obj: IngestJob) -> str:
        """The state; a running job past the stale limit is named stalled (its worker died)."""
        if jobs.is_stalled(obj):
            since = timezone.localtime(obj.started).strftime("%Y-%m-%d %H:%M")
            return f"عالقة: قيد التنفيذ منذ {since} (توقف عاملها؟)"
        return obj.get_state_display()

    @admin.display(description="الخطأ")
    def error_short(self, obj: IngestJob) -> str:
        return obj.error if len(obj.error) <= 120 else obj.error[:119] + "…"

    @admin.display(description="المقال")
    def article_link(self, obj: IngestJob) -> str:
        if obj.article is None:
            return "—"
        url = reverse("admin:news_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article.title)

    @admin.display(description="حجم المدخل المحفوظ")
    def raw_size(self, obj: IngestJob) -> str:
        return "—" if obj.raw is None else f"{len(obj.raw)} بايت"

    def add_view(self, request, form_url: str = "", extra_context=None):
        """Adding jobs means pasting a list of URLs: one job each."""
        if not self.has_add_permission(request):
            return super().add_view(request, form_url, extra_context)
        form = UrlListForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            queued = jobs.queue_inputs(jobs.JobInput(url) for url in form.cleaned_data["urls"])
            failed = sum(job.state == IngestJob.State.FAILED for job in queued)
            self.message_user(
                request,
                f"أضيفت {len(queued)} مهمة، فشلت منها {failed} حتى الآن.",
                messages.WARNING if failed else messages.SUCCESS,
            )
            return redirect("admin:news_ingestjob_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "إدخال قائمة روابط",
            "form": form,
        }
        return TemplateResponse(request, "admin/news/ingestjob/add_urls.html", context)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a job is what happened; it changes only by running or a retry

    @admin.action(description="أعد المحاولة للمهام الفاشلة المحددة", permissions=["add"])
    def retry_selected(self, request, queryset) -> None:
        retried = jobs.retry_jobs(queryset)
        failed = sum(job.state == IngestJob.State.FAILED for job in retried)
        self.message_user(
            request,
            f"أعيدت {len(retried)} مهمة إلى الطابور، فشلت منها {failed} مجددًا.",
            messages.WARNING if failed else messages.SUCCESS,
        )

    @admin.action(description="استرجع المهام العالقة المحددة", permissions=["add"])
    def recover_selected(self, request, queryset) -> None:
        recovery = jobs.recover_jobs(queryset)
        self.message_user(
            request,
            f"عُدّت {len(recovery.stalled)} مهمة عالقة فاشلةً (توقف عاملها)، فأعد المحاولة لها؛ "
            f"وأعيدت {len(recovery.requeued)} مهمة ضائعة إلى الطابور.",
            messages.SUCCESS,
        )
