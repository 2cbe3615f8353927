"""htmx endpoints that edit mentions and answer with the re-rendered paragraph.

Only the changed paragraph goes back (INCEpTION's slow full re-renders,
#1197/#2143, are the cautionary tale). Without htmx the same POST redirects
to the paragraph on the article page, so a plain form still works.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from newsreader.news import editing
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import Mention, Paragraph
from newsreader.news.views.highlight import load_paragraph

PERMISSION = "news.change_mention"


def _paragraph_response(request: HtmxHttpRequest, paragraph_id: int) -> HttpResponse:
    paragraph = load_paragraph(paragraph_id)
    if not request.htmx:
        url = f"{paragraph.article.get_absolute_url()}#p-{paragraph.index}"
        return HttpResponseRedirect(url)
    response = render(request, "news/article.html#paragraph", {"p": paragraph, "can_edit": True})
    # The page refreshes its entity list on this event; the body stays one paragraph.
    return trigger_client_event(response, "mentionsChanged", after="settle")


def _int(request: HtmxHttpRequest, name: str) -> int:
    try:
        return int(request.POST[name])
    except (KeyError, ValueError):
        raise editing.EditError(f"القيمة {name} مفقودة أو غير صحيحة.") from None


def _mention(pk: int) -> Mention:
    return get_object_or_404(Mention.objects.select_related("paragraph", "entity"), pk=pk)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def mention_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Browser offsets (UTF-16) → code points → whole words → a human mention."""
    paragraph = get_object_or_404(Paragraph, pk=pk)
    try:
        start = editing.from_utf16(paragraph.text, _int(request, "start"))
        end = editing.from_utf16(paragraph.text, _int(request, "end"))
        start, end = editing.snap_to_words(paragraph.text, start, end)
        editing.add_mention(
            paragraph,
            start,
            end,
            request.POST.get("label", ""),
            request.user,
            value=request.POST.get("value", "").strip(),
        )
    except editing.EditError as error:
        return HttpResponseBadRequest(str(error))
    return _paragraph_response(request, paragraph.pk)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def mention_relabel(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    mention = _mention(pk)
    try:
        editing.relabel_mention(mention, request.POST.get("label", ""), request.user)
    except editing.EditError as error:
        return HttpResponseBadRequest(str(error))
    return _paragraph_response(request, mention.paragraph_id)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def mention_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    mention = _mention(pk)
    editing.remove_mention(mention, request.user)
    return _paragraph_response(request, mention.paragraph_id)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def mention_link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    mention = _mention(pk)
    try:
        editing.link_mention(mention, request.POST.get("name", ""), request.user)
    except editing.EditError as error:
        return HttpResponseBadRequest(str(error))
    return _paragraph_response(request, mention.paragraph_id)
