"""Template filters of the reader."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from newsreader.news import counts
from newsreader.news.views.highlight import highlight
from newsreader.news.weburl import web_url as _web_url

register = template.Library()


@register.filter
def isolated(text: str) -> SafeString:
    """Escaped text with Latin runs and numbers in <bdi>, so «2025-2030» keeps its order."""
    return highlight(text or "", [])


@register.filter
def counted(n: int, phrase: str) -> str:
    """«{{ n|counted:"results" }}»: the phrase in the Arabic plural form for n (news.counts)."""
    return counts.counted(phrase, n)


@register.filter
def counted_rows(n: int, opts) -> str:
    """An admin list's row count: a Qari model in its Arabic plural form, others as Django
    says them (the count, then the singular or plural name)."""
    phrase = counts.MODEL_PHRASES.get(opts.model_name)
    if phrase:
        return counts.counted(phrase, n)
    return f"{n} {opts.verbose_name if n == 1 else opts.verbose_name_plural}"


@register.filter
def web_url(url: str) -> str:
    """The URL if it is http(s), else "": a `javascript:` source never becomes a link."""
    return _web_url(url or "")
