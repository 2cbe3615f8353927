"""Counted phrases: Arabic's six plural forms from the project's catalogue, compiled either way."""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

from newsreader.news import catalog, counts
from newsreader.news.counts import counted

PO = Path(__file__).resolve().parent.parent / "locale" / "ar" / "LC_MESSAGES" / "django.po"


def msgids() -> set[str]:
    """Every msgid counts.py passes to ngettext, read from its source."""
    source = Path(counts.__file__).read_text(encoding="utf-8")
    return set(re.findall(r'ngettext\(\s*"([^"]+)"', source))


def test_every_phrase_has_six_arabic_forms_in_the_catalogue() -> None:
    with PO.open("rb") as source:
        po = read_po(source)
    assert po.num_plurals == 6
    entries = {m.id[0]: m.string for m in po if m.id and isinstance(m.id, tuple)}
    assert msgids() and msgids() <= set(entries)
    assert len(msgids()) == len(counts.PHRASES)
    for msgid in msgids():
        forms = entries[msgid]
        assert len(forms) == 6 and all(forms), msgid
        assert len(set(forms)) >= 4, msgid  # zero, one, two, few differ at least


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "لا نتائج"),
        (1, "نتيجة واحدة"),
        (2, "نتيجتان"),
        (6, "6 نتائج"),
        (10, "10 نتائج"),
        (11, "11 نتيجة"),
        (99, "99 نتيجة"),
        (100, "100 نتيجة"),
        (102, "102 نتيجة"),
        (103, "103 نتائج"),
        (111, "111 نتيجة"),
    ],
)
def test_results_in_each_plural_form(n: int, expected: str) -> None:
    with translation.override("ar"):
        assert counted("results", n) == expected


def test_phrases_fill_in_their_other_values() -> None:
    with translation.override("ar"):
        said = counted("mentions_labelled", 2, name="ميقاتي", label="شخص")
        assert said == "وُسمت إشارتان «ميقاتي» بتصنيف شخص."
        assert counted("days_after", 2) == "بعد النشر بيومين"
        assert counted("days_before", 113) == "قبل النشر بـ113 يومًا"


def compiled(tmp_path: Path, settings, use_gettext: bool) -> gettext.GNUTranslations:
    folder = tmp_path / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(PO, folder / "django.po")
    settings.LOCALE_PATHS = [tmp_path]
    assert catalog.stale() == [folder / "django.po"]
    written = catalog.compile_catalogues(use_gettext=use_gettext)
    assert written == [folder / "django.mo"] and catalog.stale() == []
    assert catalog.compile_catalogues(use_gettext=use_gettext) == []  # up to date: nothing
    with (folder / "django.mo").open("rb") as mo:
        return gettext.GNUTranslations(mo)


@pytest.mark.parametrize(
    "use_gettext",
    [
        pytest.param(
            True,
            marks=pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext absent"),
        ),
        False,  # a machine without gettext: Babel writes the .mo
    ],
)
def test_a_clean_checkout_compiles_the_catalogue(tmp_path, settings, use_gettext) -> None:
    mo = compiled(tmp_path, settings, use_gettext)
    forms = [mo.ngettext("%(count)s إشارة", "%(count)s إشارات", n) for n in (0, 1, 2, 5, 50, 200)]
    assert forms == [
        "لا إشارات",
        "إشارة واحدة",
        "إشارتان",
        "%(count)s إشارات",
        "%(count)s إشارة",
        "%(count)s إشارة",
    ]
