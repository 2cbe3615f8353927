"""Records kept beside the content: the edit log, entity merges, ingest jobs.

Apart from `models.py` to keep each module small; `models` re-exports them, so
`from newsreader.news.models import EditLog` keeps working. Foreign keys name
the content models by string, so this module imports nothing from `models`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from newsreader.news.vocabulary import action_name, target_name


class EditLog(models.Model):
    """Who changed which mention or item, before and after, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="المستخدم",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    article = models.ForeignKey(
        "news.Article", verbose_name="المقال", on_delete=models.CASCADE, related_name="edits"
    )
    mention = models.ForeignKey(
        "news.Mention",
        verbose_name="الإشارة",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edits",
    )
    target = models.CharField("ما عُدِّل", max_length=40, help_text="إشارة، بند، حدث، فقرة…")
    target_id = models.PositiveBigIntegerField("رقمه", null=True, blank=True)
    action = models.CharField("الإجراء", max_length=40)
    before = models.JSONField("قبل", null=True, blank=True)
    after = models.JSONField("بعد", null=True, blank=True)
    at = models.DateTimeField("الوقت", default=timezone.now)

    class Meta:
        verbose_name = "تعديل مسجَّل"
        verbose_name_plural = "سجل التعديلات"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["-at", "-id"], name="editlog_newest")]  # the admin list

    def __str__(self) -> str:
        what = f"{action_name(self.action)}: {target_name(self.target)} {self.target_id or ''}"
        return f"{self.at:%Y-%m-%d %H:%M} {what}".strip()


class EntityMerge(models.Model):
    """One merge of entities into a target, with everything needed to undo it.

    `merged` keeps each merged entity as it was (id, label, name, key,
    created, its aliases with their ids, and the ids of the mentions that
    pointed at it); `created_aliases` are the alias ids the merge added to
    the target. The target is a loose reference (no database constraint) so
    that a record survives while its target is itself merged away and comes
    back when that later merge is undone.
    """

    target = models.ForeignKey(
        "news.Entity",
        verbose_name="الكيان الباقي",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="merges",
    )
    target_name = models.CharField("اسم الكيان الباقي", max_length=300)
    merged = models.JSONField("الكيانات المدموجة", default=list)
    created_aliases = models.JSONField("الأسماء المضافة", default=list)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="المستخدم",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("الوقت", default=timezone.now)
    undone_at = models.DateTimeField("أُلغي في", null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ألغاه",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "دمج كيانات"
        verbose_name_plural = "عمليات دمج الكيانات"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        names = "، ".join(e["name"] for e in self.merged)
        return f"{names} ← {self.target_name}"


class IngestJob(models.Model):
    """One input queued for ingest (a file's bytes or a URL) and what became of it.

    The task queue (django-tasks) runs the job; this row is what curators see
    and retry: a failed job keeps its input, the page fetched for it, and the error.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "في الانتظار"
        RUNNING = "running", "قيد التنفيذ"
        DONE = "done", "تم"
        FAILED = "failed", "فشل"

    class Outcome(models.TextChoices):
        NONE = "", "—"
        CREATED = "created", "مقال جديد"
        EXISTS = "exists", "موجود من قبل"

    source = models.CharField("المدخل", max_length=2000, help_text="رابط أو اسم ملف.")
    raw = models.BinaryField(
        "المدخل الخام", null=True, blank=True, help_text="بايتات الملف، أو الصفحة التي جُلبت للرابط."
    )
    options = models.JSONField(
        "الخيارات", default=dict, blank=True, help_text="تاريخ النشر ورابط المصدر وغيرهما"
    )
    state = models.CharField("الحالة", max_length=10, choices=State, default=State.QUEUED)
    outcome = models.CharField("النتيجة", max_length=10, choices=Outcome, blank=True)
    error = models.TextField("الخطأ", blank=True)
    article = models.ForeignKey(
        "news.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="المقال",
    )
    task_id = models.CharField("معرّف المهمة في الطابور", max_length=64, blank=True)
    attempts = models.PositiveIntegerField("المحاولات", default=0)
    created = models.DateTimeField("أُضيفت", default=timezone.now)
    started = models.DateTimeField("بدأت", null=True, blank=True)
    finished = models.DateTimeField("انتهت", null=True, blank=True)

    class Meta:
        verbose_name = "مهمة إدخال"
        verbose_name_plural = "مهام الإدخال"
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["state", "-created"], name="ingestjob_state_created")]

    def __str__(self) -> str:
        return f"{self.pk}: {self.source[:80]} ({self.get_state_display()})"
