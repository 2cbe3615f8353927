"""Articles, their paragraphs and annotations, and the log of human edits."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

LABELS = [
    ("PERSON", "شخص"),
    ("LOCATION", "مكان"),
    ("ORGANIZATION", "منظمة"),
    ("DATE", "تاريخ"),
]


class Origin(models.TextChoices):
    MODEL = "model", "النموذج"
    HUMAN = "human", "محرر"


class ArticleQuerySet(models.QuerySet):
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
    class Status(models.TextChoices):
        NEW = "new", "جديد"
        IN_REVIEW = "in_review", "قيد المراجعة"
        REVIEWED = "reviewed", "تمت مراجعته"

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    source_name = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    raw = models.BinaryField(help_text="The input exactly as it arrived.")
    raw_encoding = models.CharField(max_length=40, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    search_text = models.TextField(blank=True, help_text="Normalised shadow text for search.")
    title_uncertain = models.BooleanField(
        "العنوان غير مؤكد",
        default=False,
        help_text="No line of the page was clearly the headline: the cleaner took its best guess.",
    )
    agenda_meeting = models.CharField(max_length=500, blank=True)
    agenda_count = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.NEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
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
    class Kind(models.TextChoices):
        TITLE = "title", "عنوان"
        HEADING = "heading", "عنوان فرعي"
        BODY = "body", "متن"
        QUOTE = "quote", "اقتباس"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="paragraphs")
    index = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.BODY)
    text = models.TextField()
    version = models.PositiveIntegerField(default=1, help_text="Bumped by every edit.")

    class Meta:
        ordering = ["article", "index"]
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="paragraph_unique_index"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.index} {self.text[:60]}"


class DroppedLine(models.Model):
    """A raw line the cleaner left out, kept so a curator can see why and restore it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="dropped_lines")
    position = models.PositiveIntegerField()
    text = models.TextField()
    reason = models.CharField(max_length=40)
    restored = models.BooleanField(default=False)

    class Meta:
        ordering = ["article", "position"]


class SourceLineQuerySet(models.QuerySet):
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
    key_hash = models.CharField(max_length=40, help_text="sha1 of the line's near_key.")
    text = models.TextField("السطر")
    articles = models.PositiveIntegerField("عدد المقالات", default=0)
    verdict = models.CharField("القرار", max_length=10, choices=Verdict, default=Verdict.AUTO)
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

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


class EntityQuerySet(models.QuerySet):
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

    label = models.CharField(max_length=20, choices=LABELS)
    name = models.CharField(max_length=300, help_text="Canonical form shown to readers.")
    key = models.CharField(max_length=300, help_text="Normalised name used to match.")
    created = models.DateTimeField(default=timezone.now)

    objects = EntityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["label", "name"]
        indexes = [models.Index(fields=["label", "name"], name="entity_label_name")]  # admin
        constraints = [
            models.UniqueConstraint(fields=["label", "key"], name="entity_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.label})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("entity_detail", args=[self.pk])


class Alias(models.Model):
    """Another written form of an entity («بوتين» for «فلاديمير بوتين»)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300)

    class Meta:
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["entity", "key"], name="alias_unique_key"),
        ]

    def __str__(self) -> str:
        return self.name


class MentionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False)

    def by_human(self):
        return self.filter(origin=Origin.HUMAN)


class Mention(models.Model):
    """An entity span in a paragraph. A human removal is kept as rejected=True."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=500)
    label = models.CharField(max_length=20, choices=LABELS)
    entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    value = models.CharField(max_length=40, blank=True, help_text="ISO value of a DATE.")
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.MODEL)
    rejected = models.BooleanField(default=False, help_text="Removed by an editor.")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["paragraph", "start"]
        indexes = [
            # an entity's active mentions, by paragraph: corpus counts and the entity page
            models.Index(fields=["entity", "paragraph", "rejected"], name="mention_entity_active"),
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
        return f"{self.text} ({self.label})"

    def clean(self) -> None:
        text = self.paragraph.text
        if self.end > len(text):
            raise ValidationError("The mention ends after its paragraph.")
        if text[self.start : self.end] != self.text:
            raise ValidationError("The mention's text is not the paragraph's text at its offsets.")

    def save(self, *args, **kwargs) -> None:
        self.clean()  # offsets inside the paragraph: checked on every write
        super().save(*args, **kwargs)


class EditableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed=False)


class AgendaItem(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="agenda_items")
    paragraph = models.ForeignKey(
        Paragraph, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)
    text = models.TextField()
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.MODEL)
    removed = models.BooleanField(default=False)

    objects = EditableQuerySet.as_manager()

    class Meta:
        ordering = ["article", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class TimelineEventQuerySet(EditableQuerySet):
    def upcoming(self, today=None, days: int = 30):
        today = today or timezone.localdate()
        return self.active().filter(
            date__gte=today, date__lte=today + timezone.timedelta(days=days)
        )


class TimelineEvent(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="timeline_events")
    paragraph = models.ForeignKey(
        Paragraph, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    value = models.CharField(max_length=40, help_text="ISO value: 2026-02-08, 2026-02, 1999.")
    date = models.DateField(null=True, blank=True, help_text="First day of the value, to sort.")
    text = models.TextField()
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.MODEL)
    removed = models.BooleanField(default=False)

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        ordering = ["article", "date", "pk"]
        indexes = [models.Index(fields=["date"], name="timeline_date")]  # the upcoming page

    def __str__(self) -> str:
        return f"{self.value}: {self.text[:60]}"


class EditLog(models.Model):
    """Who changed which mention or item, before and after, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="edits")
    mention = models.ForeignKey(
        Mention, null=True, blank=True, on_delete=models.SET_NULL, related_name="edits"
    )
    target = models.CharField(max_length=40, help_text="mention, agenda, timeline, paragraph…")
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=40)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["-at", "-id"], name="editlog_newest")]  # the admin list

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target} {self.target_id}"


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
        Entity,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="merges",
    )
    target_name = models.CharField(max_length=300)
    merged = models.JSONField(default=list)
    created_aliases = models.JSONField(default=list)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        names = "، ".join(e["name"] for e in self.merged)
        return f"{names} ← {self.target_name}"
