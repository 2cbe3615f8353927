"""Template filters of the reader."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from newsreader.news.views.highlight import highlight
from newsreader.news.weburl import web_url as _web_url

register = template.Library()


@register.filter
def isolated(text: str) -> SafeString:
    """Escaped text with Latin runs and numbers in <bdi>, so «2025-2030» keeps its order."""
    return highlight(text or "", [])


@register.filter
def web_url(url: str) -> str:
    """The URL if it is http(s), else "": a `javascript:` source never becomes a link."""
    return _web_url(url or "")
