"""Arabic error pages inside the site's layout; one line for an htmx request.

An htmx request shows an error's text in the reader's status line, so it
gets the sentence alone, never a whole page.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template import loader

MESSAGES = {
    400: ("طلب غير صالح", "تعذّر فهم هذا الطلب."),
    403: ("غير مسموح", "ليست لديك صلاحية للوصول إلى هذه الصفحة أو لهذا التعديل."),
    404: ("الصفحة غير موجودة", "لم نجد ما تبحث عنه؛ ربما نُقل أو حُذف."),
    500: ("خطأ في الخادم", "حدث خطأ من جهتنا وسُجّل؛ أعد المحاولة بعد قليل."),
}


def _page(request, status: int) -> HttpResponse:
    title, message = MESSAGES[status]
    if getattr(request, "htmx", False):
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    body = loader.get_template(f"{status}.html").render(
        {"title": title, "message": message, "status": status}, request
    )
    return HttpResponse(body, status=status)


def bad_request(request, exception=None) -> HttpResponse:
    return _page(request, 400)


def permission_denied(request, exception=None) -> HttpResponse:
    return _page(request, 403)


def page_not_found(request, exception=None) -> HttpResponse:
    return _page(request, 404)


def server_error(request) -> HttpResponse:
    """Rendered without the request's context processors: the failure may be in them."""
    title, message = MESSAGES[500]
    if getattr(request, "htmx", False):
        return HttpResponse(message, status=500, content_type="text/plain; charset=utf-8")
    body = loader.get_template("500.html").render({"title": title, "message": message})
    return HttpResponse(body, status=500)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """A missing or stale CSRF token: reload the page (one line for htmx)."""
    message = "رُفض الطلب لأن رمز الحماية مفقود أو قديم. أعد تحميل الصفحة ثم أعد المحاولة."
    if getattr(request, "htmx", False):
        return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
    return HttpResponse(loader.get_template("403_csrf.html").render({}, None), status=403)
