"""Counted phrases («6 نتائج», «نتيجتان», «11 نتيجة») in Arabic's six plural forms.

Every phrase the reader, the search and the admin say with a number is
here, once, as an `ngettext` call: the msgid is the form Arabic uses after
11–99 and 100+, the plural msgid the form after 3–10, so without a compiled
catalogue the text is still Arabic. `locale/ar/LC_MESSAGES/django.po` holds
the six forms of each (zero, one, two, 3–10, 11–99, 100–102 …);
`manage.py compile_catalogues` (run by bin/install) compiles it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import ngettext

PHRASES: dict[str, Callable[[int], str]] = {
    "results": lambda n: ngettext("%(count)s نتيجة", "%(count)s نتائج", n),
    "mentions": lambda n: ngettext("%(count)s إشارة", "%(count)s إشارات", n),
    "in_articles": lambda n: ngettext("في %(count)s مقال", "في %(count)s مقالات", n),
    "articles": lambda n: ngettext("%(count)s مقال", "%(count)s مقالات", n),
    "days_after": lambda n: ngettext("بعد النشر بـ%(count)s يوم", "بعد النشر بـ%(count)s أيام", n),
    "days_before": lambda n: ngettext("قبل النشر بـ%(count)s يوم", "قبل النشر بـ%(count)s أيام", n),
    "articles_skipped": lambda n: ngettext(
        "تُرك %(count)s مقال لأن حالته لا تسمح", "تُركت %(count)s مقالات لأن حالتها لا تسمح", n
    ),
    "with_mentions": lambda n: ngettext("مع %(count)s إشارة", "مع %(count)s إشارات", n),
    "mentions_labelled": lambda n: ngettext(
        "وُسمت %(count)s إشارة «%(name)s» بتصنيف %(label)s.",
        "وُسمت %(count)s إشارات «%(name)s» بتصنيف %(label)s.",
        n,
    ),
    "mentions_relabelled": lambda n: ngettext(
        "صار تصنيف %(count)s إشارة %(label)s", "صار تصنيف %(count)s إشارات %(label)s", n
    ),
    "removed_left": lambda n: ngettext(
        "تُركت %(count)s إشارة محذوفة", "تُركت %(count)s إشارات محذوفة", n
    ),
    "mentions_removed": lambda n: ngettext("حُذفت %(count)s إشارة.", "حُذفت %(count)s إشارات.", n),
    "verdicts_changed": lambda n: ngettext(
        "تغيّر قرار %(count)s سطر.", "تغيّر قرار %(count)s أسطر.", n
    ),
    "places": lambda n: ngettext("%(count)s موضع", "%(count)s مواضع", n),
    "in_paragraphs": lambda n: ngettext("في %(count)s فقرة", "في %(count)s فقرات", n),
    "places_left": lambda n: ngettext(
        "ويُترك %(count)s موضع لقرار بشري", "وتُترك %(count)s مواضع لقرار بشري", n
    ),
    "apply_to": lambda n: ngettext("طبّق على %(count)s موضع", "طبّق على %(count)s مواضع", n),
    "entities": lambda n: ngettext("%(count)s كيان", "%(count)s كيانات", n),
    "paragraphs": lambda n: ngettext("%(count)s فقرة", "%(count)s فقرات", n),
    "edits": lambda n: ngettext("%(count)s تعديل", "%(count)s تعديلات", n),
    "merges": lambda n: ngettext("%(count)s عملية دمج", "%(count)s عمليات دمج", n),
    "lines": lambda n: ngettext("%(count)s سطر", "%(count)s أسطر", n),
}

# The admin's list pages count their rows with these (admin/pagination.html).
MODEL_PHRASES: dict[str, str] = {
    "article": "articles",
    "paragraph": "paragraphs",
    "entity": "entities",
    "mention": "mentions",
    "editlog": "edits",
    "entitymerge": "merges",
    "sourceline": "lines",
}


def counted(phrase: str, n: int, **values: object) -> str:
    """The phrase for n in the plural form Arabic uses for n, with `values` filled in."""
    return PHRASES[phrase](n) % {"count": n, **values}
