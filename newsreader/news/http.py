"""A typed request for views that branch on htmx, so editors see `request.htmx`."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """HttpRequest as HtmxMiddleware leaves it (typing only; never instantiated)."""

    htmx: HtmxDetails
