"""Compile the project's translation catalogues (.po) into what gettext reads (.mo).

The .mo files are built, not committed, so a clean checkout must make them:
with GNU gettext installed Django's `compilemessages` does (msgfmt checks the
formats too); without it Babel, a dependency, writes the same file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def catalogues() -> list[Path]:
    """Every .po file under the project's LOCALE_PATHS."""
    return sorted(po for base in settings.LOCALE_PATHS for po in Path(base).rglob("*.po"))


def stale() -> list[Path]:
    """The catalogues whose .mo is missing or older than the .po."""
    return [
        po
        for po in catalogues()
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]


def compile_catalogues(*, force: bool = False, use_gettext: bool | None = None) -> list[Path]:
    """Write the .mo of each stale catalogue (each one with force); the .mo paths written."""
    todo = catalogues() if force else stale()
    if not todo:
        return []
    if use_gettext is None:
        use_gettext = shutil.which("msgfmt") is not None
    if use_gettext:
        for po in todo:
            po.with_suffix(".mo").unlink(missing_ok=True)  # compilemessages skips a fresh .mo
        # ignore every folder of the working directory: only LOCALE_PATHS are compiled
        call_command("compilemessages", ignore_patterns=["*"], verbosity=0)
    else:
        for po in todo:
            compile_with_babel(po)
    return [po.with_suffix(".mo") for po in todo]


def compile_with_babel(po: Path) -> Path:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    mo = po.with_suffix(".mo")
    with mo.open("wb") as target:
        write_mo(target, catalog)
    return mo
