"""Arabic names for the pipeline's codes, as curators read them in the admin.

The one place that defines the labels, paragraph kinds and mention origins the
Django side stores: each choices class is built from the pipeline's type (a test
checks every member has its Arabic name), and nothing in news/ spells a code bare.
"""

from __future__ import annotations

from django.db import models

from newsreader.pipeline import types
from newsreader.pipeline.types import DropReason

# Why the cleaner dropped a line: every DropReason has its name (a test checks).
DROP_REASONS: dict[str, str] = {
    DropReason.DUPLICATE: "سطر مكرر",
    DropReason.TEASER: "مقتطف مبتور",
    DropReason.GLUED: "فقرات ملتصقة",
    DropReason.RELATED_ARTICLE: "مقال ذو صلة",
    DropReason.TIMESTAMP: "توقيت النشر",
    DropReason.BYLINE: "اسم الكاتب",
    DropReason.DATELINE: "سطر المكان والوكالة",
    DropReason.SHARE: "دعوة للمشاركة أو المتابعة",
    DropReason.NAVIGATION: "قائمة أو تنقل",
    DropReason.SOURCE: "سطر المصدر",
    DropReason.ADVERTISEMENT: "إعلان",
    DropReason.CAPTION: "تعليق صورة",
    DropReason.MASTHEAD: "ترويسة الموقع",
    DropReason.TICKER: "شريط أسعار أو أرقام",
    DropReason.ISSUE_HEADER: "ترويسة العدد",
    DropReason.COMMENT: "التعليقات",
    DropReason.COOKIE: "ملفات تعريف الارتباط",
    DropReason.INTERFACE: "أزرار الصفحة",
    DropReason.FOOTER: "تذييل الموقع",
    DropReason.FURNITURE: "متكرر في صفحات المصدر",
    DropReason.OTHER: "عناصر الصفحة",
}


def drop_reason_name(code: str) -> str:
    """The Arabic name of a drop reason; an unknown code is shown as it is."""
    return DROP_REASONS.get(code, code)


# Entity labels, in the order the reader lists them, with the names it shows.
_LABEL_NAMES = {
    types.Label.PERSON: "شخص",
    types.Label.LOCATION: "مكان",
    types.Label.ORGANIZATION: "منظمة",
    types.Label.DATE: "تاريخ",
}
Label = models.TextChoices(  # type: ignore[call-overload]
    "Label", [(code.name, (code.value, _LABEL_NAMES[code])) for code in types.Label]
)
LABELS: list[tuple[str, str]] = Label.choices
LABEL_NAMES: dict[str, str] = dict(LABELS)
LABEL_CODES: frozenset[str] = frozenset(Label.values)
# The labels that name someone or something (an entity with aliases): all but DATE.
NAME_LABELS: tuple[str, ...] = tuple(code for code in Label.values if code != Label.DATE)

# What a kept paragraph is (the pipeline's Kind), as the admin names it.
_KIND_NAMES = {
    types.Kind.TITLE: "عنوان",
    types.Kind.HEADING: "عنوان فرعي",
    types.Kind.BODY: "متن",
    types.Kind.QUOTE: "اقتباس",
}
ParagraphKind = models.TextChoices(  # type: ignore[call-overload]
    "Kind", [(kind.name, (kind.value, _KIND_NAMES[kind])) for kind in types.Kind]
)


class Origin(models.TextChoices):
    """Who decided a mention, item or event: the model, or an editor (never overwritten)."""

    MODEL = "model", "النموذج"
    HUMAN = "human", "محرر"


def label_name(code: str) -> str:
    """The Arabic name of an entity label; an unknown code is shown as it is."""
    return LABEL_NAMES.get(code, code)


# What an edit-log row did (EditLog.action), as the history and the admin say it.
ACTIONS: dict[str, str] = {
    "add": "إضافة",
    "relabel": "تغيير التصنيف",
    "remove": "حذف",
    "link": "ربط",
    "adjust": "تعديل الحدود",
    "revert": "تراجع",
    "edit": "تعديل",
    "move_up": "نقل إلى الأعلى",
    "move_down": "نقل إلى الأسفل",
    "merge": "دمج",
    "unmerge": "إلغاء الدمج",
    "split": "فصل",
    "restore": "استعادة سطر",
    "status": "تغيير الحالة",
}

# What an edit-log row changed (EditLog.target).
TARGETS: dict[str, str] = {
    "mention": "إشارة",
    "agenda": "بند في جدول الأعمال",
    "timeline": "حدث في الخط الزمني",
    "paragraph": "فقرة",
    "article": "مقال",
}


def action_name(code: str) -> str:
    return ACTIONS.get(code, code)


def target_name(code: str) -> str:
    return TARGETS.get(code, code)
