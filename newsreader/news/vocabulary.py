"""Arabic names for the pipeline's codes, as curators read them in the admin."""

from __future__ import annotations

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
