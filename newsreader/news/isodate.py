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

from newsreader.pipeline.dates import first_day
from newsreader.pipeline.normalize import ascii_digits

ISO_VALUE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{4}/[0-9]{4}")
MAX_INPUT = 40  # longer is refused before any parsing
FORMS = "YYYY أو YYYY-MM أو YYYY-MM-DD أو YYYY/YYYY"


class BadDateValue(ValueError):
    """Not one of the ISO forms; the message (Arabic) is shown to the editor."""


def iso_value(value: str) -> tuple[str, date]:
    """The value in ASCII ISO form and the first day it covers, or BadDateValue."""
    value = (value or "").strip()
    if len(value) > MAX_INPUT:
        raise BadDateValue(f"التاريخ أطول من المسموح؛ الصيغة {FORMS}.")
    value = ascii_digits(value)  # typed on an Arabic keyboard: ١٩٩٩ or ۱۹۹۹
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
