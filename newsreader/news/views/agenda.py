"""htmx endpoints that edit an article's agenda and answer with the agenda section.

Only the sidebar section goes back, never the page. Without htmx the same
POST redirects to the section on the article page, so the plain forms the
template renders work without JavaScript. The helpers here are shared with
the timeline endpoints.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from newsreader.news import sidebar_editing
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import AgendaItem, Article, Paragraph

PERMISSION = "news.change_agendaitem"
UNCHANGED = object()


def paragraph_field(request: HtmxHttpRequest, article: Article):
    """The article's paragraph named by index in the `paragraph` field.

    Empty means none; a missing field means UNCHANGED (an edit keeps its link).
    """
    if "paragraph" not in request.POST:
        return UNCHANGED
    raw = request.POST["paragraph"].strip()
    if not raw:
        return None
    try:
        return article.paragraphs.get(index=int(raw))
    except (ValueError, Paragraph.DoesNotExist):
        raise sidebar_editing.SidebarEditError("لا توجد فقرة بهذا الرقم.") from None


def paragraph_changes(request: HtmxHttpRequest, article: Article) -> dict:
    paragraph = paragraph_field(request, article)
    return {} if paragraph is UNCHANGED else {"paragraph": paragraph}


def anchors(article: Article) -> dict[int, int]:
    """Paragraph pk → index, so each sidebar item can link to #p-<index>."""
    return dict(article.paragraphs.values_list("pk", "index"))


def section_response(
    request: HtmxHttpRequest, article: Article, section: str, context: dict
) -> HttpResponse:
    if not request.htmx:
        return HttpResponseRedirect(f"{article.get_absolute_url()}#{section}")
    return render(request, f"news/article.html#{section}", {"article": article, **context})


def agenda_context(article: Article, index_of: Mapping[int, int] | None = None) -> dict:
    """The agenda section's context (views.sidebar builds the whole sidebar from it)."""
    index_of = anchors(article) if index_of is None else index_of
    agenda = list(article.agenda_items.active().order_by("order", "pk"))  # no join for Meta
    for item in agenda:
        item.anchor = index_of.get(item.paragraph_id)
    return {"agenda": agenda}


def _respond(request: HtmxHttpRequest, article: Article) -> HttpResponse:
    return section_response(request, article, "agenda", agenda_context(article))


def _item(pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.active().select_related("article"), pk=pk)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def agenda_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        paragraph = paragraph_field(request, article)
        sidebar_editing.add_agenda_item(
            article,
            request.POST.get("text", ""),
            request.user,
            paragraph=None if paragraph is UNCHANGED else paragraph,
        )
    except sidebar_editing.SidebarEditError as error:
        return HttpResponseBadRequest(str(error))
    return _respond(request, article)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def agenda_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    try:
        changes = paragraph_changes(request, item.article)
        sidebar_editing.edit_agenda_item(
            item, request.POST.get("text", ""), request.user, **changes
        )
    except sidebar_editing.SidebarEditError as error:
        return HttpResponseBadRequest(str(error))
    return _respond(request, item.article)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def agenda_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    sidebar_editing.remove_agenda_item(item, request.user)
    return _respond(request, item.article)


@require_POST
@login_required
@permission_required(PERMISSION, raise_exception=True)
def agenda_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    try:
        sidebar_editing.move_agenda_item(item, request.POST.get("direction", ""), request.user)
    except sidebar_editing.SidebarEditError as error:
        return HttpResponseBadRequest(str(error))
    return _respond(request, item.article)
