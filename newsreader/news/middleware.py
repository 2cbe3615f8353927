"""An htmx request whose session has expired gets a short answer, not the login page.

login_required answers a signed-out request with a redirect to the login
page; the browser follows it inside the XMLHttpRequest and htmx would swap
the whole login page into the paragraph being edited. For htmx requests that
redirect becomes 401 with one line telling the reader to sign in again (the
reader shows it in its status line and leaves the page as it was).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import resolve_url

SIGN_IN_AGAIN = "انتهت جلستك؛ سجّل الدخول من جديد ثم أعد المحاولة."
PLAIN = "text/plain; charset=utf-8"


def htmx_login_middleware(get_response):
    def middleware(request):
        response = get_response(request)
        if (
            getattr(request, "htmx", False)
            and response.status_code in (301, 302, 303, 307, 308)
            and urlsplit(response.get("Location", "")).path
            == urlsplit(resolve_url(settings.LOGIN_URL)).path
        ):
            answer = HttpResponse(SIGN_IN_AGAIN, status=401, content_type=PLAIN)
            answer["WWW-Authenticate"] = 'Session realm="qari"'
            answer["HX-Reswap"] = "none"
            return answer
        return response

    return middleware
