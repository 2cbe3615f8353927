"""The reader's template filters."""

from __future__ import annotations

from django.template import Context, Template


def test_isolated_escapes_and_isolates_numbers_and_latin_runs() -> None:
    html = Template("{% load reader %}{{ text|isolated }}").render(
        Context({"text": "خطة الكهرباء 2025-2030 مع <شركة> Siemens"})
    )
    assert '<bdi dir="ltr">2025-2030</bdi>' in html
    assert '<bdi dir="ltr">Siemens</bdi>' in html
    assert "&lt;شركة&gt;" in html
