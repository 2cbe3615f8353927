"""Arabic names for the pipeline's codes, as curators read them in the admin."""

from __future__ import annotations

# Why the cleaner dropped a line (pipeline codes → what a curator reads).
DROP_REASONS: dict[str, str] = {
    "duplicate": "سطر مكرر",
    "teaser": "مقتطف مبتور",
    "glued": "فقرات ملتصقة",
    "related-article": "مقال ذو صلة",
    "timestamp": "توقيت النشر",
    "dateline": "سطر المكان والتاريخ",
    "byline": "اسم الكاتب",
    "share": "دعوة للمشاركة أو المتابعة",
    "navigation": "قائمة أو تنقل",
    "source": "سطر المصدر",
    "advertisement": "إعلان",
    "caption": "تعليق صورة",
    "comment": "التعليقات",
    "cookie": "ملفات تعريف الارتباط",
    "masthead": "ترويسة الموقع",
    "ticker": "شريط أسعار أو أخبار",
    "issue-header": "ترويسة العدد",
    "furniture": "متكرر في صفحات المصدر",
    "other": "عناصر الصفحة",
}


def drop_reason_name(code: str) -> str:
    """The Arabic name of a drop reason; an unknown code is shown as it is."""
    return DROP_REASONS.get(code, code)
