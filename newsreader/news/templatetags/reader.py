"""Template filters of the reader."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from newsreader.news import counts
from newsreader.news.views.highlight import highlight

register = template.Library()


@register.filter
def isolated(text: str) -> SafeString:
    """Escaped text with Latin runs and numbers in <bdi>, so «2025-2030» keeps its order."""
    return highlight(text or "", [])


@register.filter
def counted(n: int, phrase: str) -> str:
    """«{{ n|counted:"results" }}»: the phrase in the Arabic plural form for n (news.counts)."""
    return counts.counted(phrase, n)
