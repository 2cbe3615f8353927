"""The one definition of a DATE's value: the ISO forms of the conventions, nothing else.

A day (2026-02-08), a month (2026-02), a year (1999) or a range of years
(2024/2026). Every place a value enters — the reader's edits, the admin,
imports, the sidebar's timeline — asks `iso_value`, so a 300,000-character
or non-date «value» never reaches the 40-character column.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError

ISO_VALUE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{4}/[0-9]{4}")
# Editors on an Arabic keyboard type ١٩٩٩ or ۱۹۹۹; the stored value is ASCII ISO.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MAX_INPUT = 40  # longer is refused before any parsing
FORMS = "YYYY أو YYYY-MM أو YYYY-MM-DD أو YYYY/YYYY"


class BadDateValue(ValueError):
    """Not one of the ISO forms; the message (Arabic) is shown to the editor."""


def first_day(value: str) -> date | None:
    """The first day of an ISO value (2026-02-08, 2026-02, 1999, 2024/2026), to sort."""
    head = value.split("/")[0]
    parts = head.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def iso_value(value: str) -> tuple[str, date]:
    """The value in ASCII ISO form and the first day it covers, or BadDateValue."""
    value = (value or "").strip()
    if len(value) > MAX_INPUT:
        raise BadDateValue(f"التاريخ أطول من المسموح؛ الصيغة {FORMS}.")
    value = value.translate(DIGITS)
    if not ISO_VALUE.fullmatch(value):
        raise BadDateValue(f"التاريخ بصيغة {FORMS}.")
    day = first_day(value)
    if day is None:
        raise BadDateValue("تاريخ غير صحيح.")
    if "/" in value:
        start, end = value.split("/")
        if int(start) > int(end):
            raise BadDateValue("بداية المدى بعد نهايته.")
    return value, day


def validate_iso_value(value: str) -> None:
    """Django validator (model fields, admin forms): the value as stored must be ISO."""
    try:
        normal, _ = iso_value(value)
    except BadDateValue as err:
        raise ValidationError(str(err), code="iso_value") from None
    if normal != value:
        raise ValidationError(f"التاريخ بصيغة {FORMS}.", code="iso_value")
