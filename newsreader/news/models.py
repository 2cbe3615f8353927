"""Articles, their paragraphs and annotations, and the log of human edits."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsreader.news.isodate import validate_iso_value
from newsreader.news.models_records import EditLog, EntityMerge, IngestJob
from newsreader.news.vocabulary import (
    LABELS,
    Label,
    Origin,
    ParagraphKind,
    drop_reason_name,
)
from newsreader.news.weburl import validate_web_url

# re-exported: views, admin and tests import these from here too
__all__ = ["LABELS", "EditLog", "EntityMerge", "IngestJob", "Label", "Origin"]


class ArticleQuerySet(models.QuerySet["Article"]):
    def newest_first(self):
        """Newest publication date first, undated last, in the order of the article_newest index."""
        if connection.vendor == "sqlite":  # DESC already puts NULLs last: no clause to spell out
            return self.order_by("-published", "-created")
        return self.order_by(F("published").desc(nulls_last=True), "-created")

    def reviewed(self):
        return self.filter(status=Article.Status.REVIEWED)

    def listed(self):
        """Without the raw input and the search shadow text: list pages never read them."""
        return self.defer("raw", "search_text")

    def with_entity_counts(self):
        """n_person, n_location, … active mentions per label, each a correlated subquery,
        so the query never groups on the article's columns (the raw blob among them)."""
        return self.listed().annotate(
            **{f"n_{code.lower()}": active_mention_count(label=code) for code, _ in LABELS}
        )

    def with_mention_count(self):
        return self.listed().annotate(mention_count=active_mention_count())


def attach_label_counts(articles) -> list:
    """n_person, n_location, … on each article of a page, from one grouped query over the
    page's mentions: the cost follows the page, not the corpus (a subquery per row
    would be evaluated for every article the database sorts)."""
    articles = list(articles)
    rows = (
        Mention.objects.filter(paragraph__article_id__in=[a.pk for a in articles], rejected=False)
        .order_by()
        .values("paragraph__article_id", "label")
        .annotate(n=Count("pk"))
        .values_list("paragraph__article_id", "label", "n")
    )
    counts = {(article_id, label): n for article_id, label, n in rows}
    for article in articles:
        for code, _ in LABELS:
            setattr(article, f"n_{code.lower()}", counts.get((article.pk, code), 0))
    return articles


def active_mention_count(**filters) -> Coalesce:
    """Active mentions of the outer article (optionally filtered), as a subquery."""
    mentions = (
        Mention.objects.filter(paragraph__article=OuterRef("pk"), rejected=False, **filters)
        .order_by()
        .values("paragraph__article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(mentions, output_field=models.IntegerField()), 0)


class Article(models.Model):
    # set on fetched rows by the queries and views that need them (not columns)
    mention_count: int
    has_human: bool
    label_counts: list[tuple[str, str, int]]

    class Status(models.TextChoices):
        NEW = "new", "جديد"
        IN_REVIEW = "in_review", "قيد المراجعة"
        REVIEWED = "reviewed", "تمت مراجعته"

    title = models.CharField("العنوان", max_length=500)
    slug = models.SlugField("المعرّف في الرابط", max_length=120, unique=True, allow_unicode=True)
    source_name = models.CharField("المصدر", max_length=200, blank=True)
    source_url = models.URLField(
        "رابط المصدر", max_length=2000, blank=True, validators=[validate_web_url]
    )
    published = models.DateField("تاريخ النشر", null=True, blank=True)
    raw = models.BinaryField("المدخل الخام", help_text="المدخل كما وصل تمامًا.")
    raw_encoding = models.CharField("ترميز المدخل", max_length=40, blank=True)
    content_hash = models.CharField("بصمة المحتوى", max_length=64, unique=True)
    search_text = models.TextField("نص البحث", blank=True, help_text="النص المطبَّع الذي يُبحث فيه.")
    title_uncertain = models.BooleanField(
        "العنوان غير مؤكد",
        default=False,
        help_text="لم يكن أي سطر في الصفحة عنوانًا واضحًا: اختار المنظِّف أرجحها.",
    )
    dropped_more = models.PositiveIntegerField(
        "أسطر محذوفة أخرى لم تُخزَّن",
        default=0,
        help_text="أسطر محذوفة تجاوزت حدّ التخزين (news.bounds.MAX_DROPPED)، تُعدّ ولا تُخزَّن.",
    )
    agenda_meeting = models.CharField("الاجتماع", max_length=500, blank=True)
    agenda_count = models.PositiveIntegerField("عدد البنود المعلن", null=True, blank=True)
    status = models.CharField("الحالة", max_length=20, choices=Status, default=Status.NEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="راجعه",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField("أُضيف في", default=timezone.now)
    updated = models.DateTimeField("عُدِّل في", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "مقال"
        verbose_name_plural = "المقالات"
        ordering = ["-published", "-created"]
        indexes = [
            # the home page's order (newest_first): a page is read off the index. On
            # PostgreSQL migration 0006 builds it as (published DESC NULLS LAST, created DESC),
            # the order newest_first asks of it there (SQLite cannot declare NULLS LAST,
            # and its DESC puts NULLs last anyway).
            models.Index(fields=["-published", "-created"], name="article_newest"),
            models.Index(fields=["source_name"], name="article_source"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("article_detail", args=[self.slug])


class Paragraph(models.Model):
    Kind = ParagraphKind
    # set on fetched rows for rendering (views/highlight.py), not columns
    tag: str
    html: str
    active_mentions: list[Mention]

    article = models.ForeignKey(
        Article, verbose_name="المقال", on_delete=models.CASCADE, related_name="paragraphs"
    )
    index = models.PositiveIntegerField("الرقم")
    kind = models.CharField("النوع", max_length=10, choices=Kind, default=Kind.BODY)
    text = models.TextField("النص")
    version = models.PositiveIntegerField("النسخة", default=1, help_text="تزيد مع كل تعديل.")

    class Meta:
        verbose_name = "فقرة"
        verbose_name_plural = "الفقرات"
        ordering = ["article", "index"]
        indexes = [
            # paragraph -> article without reading the paragraph's text: an entity's
            # article count joins its mentions' paragraphs through this index alone
            models.Index(fields=["id", "article"], name="paragraph_article_of"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="paragraph_unique_index"),
        ]

    def __str__(self) -> str:
        return f"الفقرة {self.index}: {self.text[:60]}"


class DroppedLine(models.Model):
    """A raw line the cleaner left out, kept so a curator can see why and restore it."""

    article = models.ForeignKey(
        Article, verbose_name="المقال", on_delete=models.CASCADE, related_name="dropped_lines"
    )
    position = models.PositiveIntegerField("الموضع")
    text = models.TextField("النص")
    reason = models.CharField("السبب", max_length=40)
    restored = models.BooleanField("مستعاد", default=False)

    class Meta:
        verbose_name = "سطر محذوف"
        verbose_name_plural = "الأسطر المحذوفة"
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return f"{self.position}: {self.text[:60]} ({drop_reason_name(self.reason)})"


class SourceLineQuerySet(models.QuerySet["SourceLine"]):
    def of_source(self, source: str):
        return self.filter(source=source)


class SourceLine(models.Model):
    """A line seen on a source's pages, and on how many of its articles.

    Seen on enough different articles it is the site's furniture (a menu, a
    masthead, a ticker) and the cleaner drops it from the source's next pages.
    A curator's verdict overrides the count either way and is never reset.
    """

    class Verdict(models.TextChoices):
        AUTO = "auto", "حسب التكرار"
        FURNITURE = "furniture", "من أثاث الموقع"
        KEEP = "keep", "من نص المقال"

    source = models.CharField("المصدر", max_length=200)
    key_hash = models.CharField("بصمة السطر", max_length=40, help_text="sha1 لصيغة السطر المقاربة.")
    text = models.TextField("السطر")
    articles = models.PositiveIntegerField("عدد المقالات", default=0)
    verdict = models.CharField("القرار", max_length=10, choices=Verdict, default=Verdict.AUTO)
    first_seen = models.DateTimeField("أول ظهور", default=timezone.now)
    last_seen = models.DateTimeField("آخر ظهور", default=timezone.now)

    objects = SourceLineQuerySet.as_manager()

    class Meta:
        verbose_name = "سطر متكرر في مصدر"
        verbose_name_plural = "أسطر متكررة في المصادر"
        ordering = ["source", "-articles", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key_hash"], name="sourceline_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.text[:60]}"


class EntityQuerySet(models.QuerySet["Entity"]):
    def with_mention_counts(self, articles: bool = True):
        """n_mentions and n_articles (active mentions), each a correlated subquery: computed
        for the rows a page shows, never a GROUP BY joining every mention of the corpus."""
        active = Mention.objects.filter(entity=OuterRef("pk"), rejected=False).order_by()
        mentions = active.values("entity").annotate(n=Count("pk")).values("n")
        counted = self.annotate(
            n_mentions=Coalesce(Subquery(mentions, output_field=models.IntegerField()), 0)
        )
        if not articles:
            return counted
        in_articles = (
            active.values("entity")
            .annotate(n=Count("paragraph__article_id", distinct=True))
            .values("n")
        )
        return counted.annotate(
            n_articles=Coalesce(Subquery(in_articles, output_field=models.IntegerField()), 0)
        )


class Entity(models.Model):
    """One real-world person, place, organisation or date across all articles."""

    label = models.CharField("التصنيف", max_length=20, choices=LABELS)
    name = models.CharField("الاسم", max_length=300, help_text="الصيغة المعتمدة التي يراها القراء.")
    key = models.CharField("مفتاح المطابقة", max_length=300, help_text="الاسم مطبَّعًا للمطابقة.")
    created = models.DateTimeField("أُنشئ في", default=timezone.now)

    objects = EntityQuerySet.as_manager()

    class Meta:
        verbose_name = "كيان"
        verbose_name_plural = "الكيانات"
        ordering = ["label", "name"]
        indexes = [models.Index(fields=["label", "name"], name="entity_label_name")]  # admin
        constraints = [
            models.UniqueConstraint(fields=["label", "key"], name="entity_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_label_display()})"

    def clean(self) -> None:
        """A DATE entity is named by its ISO value (the admin asks this)."""
        if self.label == Label.DATE:
            validate_iso_value(self.name)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("entity_detail", args=[self.pk])


class Alias(models.Model):
    """Another written form of an entity («بوتين» for «فلاديمير بوتين»)."""

    entity = models.ForeignKey(
        Entity, verbose_name="الكيان", on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField("الاسم", max_length=300)
    key = models.CharField("مفتاح المطابقة", max_length=300)

    class Meta:
        verbose_name = "اسم آخر"
        verbose_name_plural = "أسماء أخرى"
        constraints = [
            models.UniqueConstraint(fields=["entity", "key"], name="alias_unique_key"),
        ]

    def __str__(self) -> str:
        return self.name


class MentionQuerySet(models.QuerySet["Mention"]):
    def active(self):
        return self.filter(rejected=False)

    def by_human(self):
        return self.filter(origin=Origin.HUMAN)


class Mention(models.Model):
    """An entity span in a paragraph. A human removal is kept as rejected=True."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="الفقرة", on_delete=models.CASCADE, related_name="mentions"
    )
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    text = models.CharField("النص", max_length=500)
    label = models.CharField("التصنيف", max_length=20, choices=LABELS)
    entity = models.ForeignKey(
        Entity,
        verbose_name="الكيان",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
    )
    value = models.CharField(
        "القيمة",
        max_length=40,
        blank=True,
        help_text="قيمة التاريخ بصيغة ISO.",
        validators=[validate_iso_value],
    )
    origin = models.CharField("المصدر", max_length=10, choices=Origin, default=Origin.MODEL)
    rejected = models.BooleanField("محذوفة", default=False, help_text="حذفها محرر.")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="عدّلها",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField("وقت التعديل", null=True, blank=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        verbose_name = "إشارة"
        verbose_name_plural = "الإشارات"
        ordering = ["paragraph", "start"]
        indexes = [
            # an entity's active mentions, by paragraph: corpus counts and the entity page
            models.Index(fields=["entity", "paragraph", "rejected"], name="mention_entity_active"),
            # the names editors added or confirmed, read by every ingest (`curated_names`):
            # a few rows among millions, so the index holds those rows only
            models.Index(
                fields=["label", "text", "rejected"],
                condition=Q(origin=Origin.HUMAN),
                name="mention_human",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="mention_start_before_end"
            ),
            models.UniqueConstraint(
                fields=["paragraph", "start", "end"], name="mention_unique_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.get_label_display()})"

    def clean(self) -> None:
        text = self.paragraph.text
        if self.end > len(text):
            raise ValidationError("تنتهي الإشارة بعد نهاية فقرتها.")
        if text[self.start : self.end] != self.text:
            raise ValidationError("نص الإشارة ليس نص الفقرة في موضعها.")

    def save(self, *args, **kwargs) -> None:
        self.clean()  # offsets inside the paragraph: checked on every write
        super().save(*args, **kwargs)


class EditableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed=False)


class AgendaItem(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="المقال", on_delete=models.CASCADE, related_name="agenda_items"
    )
    paragraph = models.ForeignKey(
        Paragraph,
        verbose_name="الفقرة",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    order = models.PositiveIntegerField("الترتيب", default=0)
    text = models.TextField("البند")
    origin = models.CharField("المصدر", max_length=10, choices=Origin, default=Origin.MODEL)
    removed = models.BooleanField("محذوف", default=False)

    objects = EditableQuerySet.as_manager()

    class Meta:
        verbose_name = "بند"
        verbose_name_plural = "جدول الأعمال"
        ordering = ["article", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class TimelineEventQuerySet(EditableQuerySet):
    def upcoming(self, today=None, days: int = 30):
        today = today or timezone.localdate()
        return self.active().filter(date__gte=today, date__lte=today + timedelta(days=days))


class TimelineEvent(models.Model):
    # set on fetched rows for the sidebar (views/timeline.py), not columns
    anchor: int | None
    upcoming: bool
    is_today: bool
    from_publication: str

    article = models.ForeignKey(
        Article, verbose_name="المقال", on_delete=models.CASCADE, related_name="timeline_events"
    )
    paragraph = models.ForeignKey(
        Paragraph,
        verbose_name="الفقرة",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    value = models.CharField(
        "التاريخ",
        max_length=40,
        help_text="بصيغة ISO: 2026-02-08، 2026-02، 1999.",
        validators=[validate_iso_value],
    )
    date = models.DateField(
        "تاريخ الترتيب", null=True, blank=True, help_text="أول يوم من التاريخ، للترتيب."
    )
    text = models.TextField("الحدث")
    origin = models.CharField("المصدر", max_length=10, choices=Origin, default=Origin.MODEL)
    removed = models.BooleanField("محذوف", default=False)

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        verbose_name = "حدث"
        verbose_name_plural = "الخط الزمني"
        ordering = ["article", "date", "pk"]
        indexes = [models.Index(fields=["date"], name="timeline_date")]  # the upcoming page

    def __str__(self) -> str:
        return f"{self.value}: {self.text[:60]}"
