"""Server errors on stderr name the request that caused them (method, path, user)."""

from __future__ import annotations

import logging


class RequestLine(logging.Filter):
    """Adds `request_line` ("POST /paragraphs/3/mentions/ user=editor") to a log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is None or not hasattr(request, "method"):
            record.request_line = "-"
            return True
        user = getattr(request, "user", None)
        name = user.get_username() if user is not None and user.is_authenticated else "-"
        record.request_line = f"{request.method} {request.get_full_path()} user={name}"
        return True
