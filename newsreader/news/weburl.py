"""Which URLs may become a link a reader clicks: http and https with a host, nothing else.

A source URL comes from the command line, a page's canonical link or og:url,
the admin or an archive; a `javascript:` or `data:` one rendered as the
source link would run in the reader's browser. Ingest, the model field and
the template all ask this one module.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.validators import URLValidator

SCHEMES = ("http", "https")
validate_web_url = URLValidator(schemes=list(SCHEMES))


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL naming a host (no control characters or spaces)."""
    url = url or ""
    if not url or any(ord(ch) < 33 or ch == "\x7f" for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.hostname)


def web_url(url: str) -> str:
    """`url` if a reader may follow it, else the empty string."""
    return url if is_web_url(url) else ""
