"""htmx endpoints that edit mentions and answer with the re-rendered paragraph.

Only the changed paragraph goes back (INCEpTION's slow full re-renders,
#1197/#2143, are the cautionary tale). Without htmx the same POST redirects
to the paragraph on the article page, so a plain form still works.

Every edit request must carry the paragraph `version` the page saw (400
without it: a request that does not say would overwrite blindly); a
mismatch is refused with 409 and the paragraph as it is now, plus an
out-of-band status message, so two editors never overwrite each other
silently. Successful edits name the EditLog rows they wrote in
`X-Qari-Edits` (the page's undo/redo stack) and the mention to focus in
`X-Qari-Mention`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from newsreader.news import editing
from newsreader.news.http import HtmxHttpRequest
from newsreader.news.models import EditLog, Mention, Paragraph
from newsreader.news.views.highlight import load_paragraph
from newsreader.news.vocabulary import ACTIONS, LABEL_NAMES, Origin

PERMISSION = "news.change_mention"
CONFLICT = 409
ORIGIN_NAMES = dict(Origin.choices)


def describe(state: dict | None) -> str:
    """One line for a logged mention state: label «text» → entity, origin, removed."""
    if not state:
        return "—"
    label = str(state.get("label", ""))
    line = f"{LABEL_NAMES.get(label, label)} «{state.get('text', '')}»"
    if state.get("entity_name") and state.get("entity_name") != state.get("text"):
        line += f" ← {state['entity_name']}"
    if state.get("value"):
        line += f" ({state['value']})"
    origin = str(state.get("origin", ""))
    line += f" · {ORIGIN_NAMES.get(origin, origin)}"
    if state.get("rejected"):
        line += " · محذوفة"
    return line


def _paragraph_response(
    request: HtmxHttpRequest,
    paragraph_id: int,
    *,
    logs: list[EditLog] | None = None,
    focus: int | None = None,
    conflict: str = "",
) -> HttpResponse:
    paragraph = load_paragraph(paragraph_id)
    if not request.htmx:
        url = f"{paragraph.article.get_absolute_url()}#p-{paragraph.index}"
        return HttpResponseRedirect(url)
    body = render_to_string(
        "news/article.html#paragraph", {"p": paragraph, "can_edit": True}, request=request
    )
    if conflict:
        # Out of band: the status line shows the message, the paragraph swaps as usual.
        body += format_html(
            '<div id="edit-status" class="edit-status conflict" role="status" '
            'aria-live="polite" hx-swap-oob="true">{}</div>',
            conflict,
        )
    response = HttpResponse(body, status=CONFLICT if conflict else 200)
    if logs:
        response["X-Qari-Edits"] = ",".join(str(log.pk) for log in logs)
    if focus:
        response["X-Qari-Mention"] = str(focus)
    # The page refreshes its entity list on this event; the body stays one paragraph.
    return trigger_client_event(response, "mentionsChanged", after="settle")


def _int(request: HtmxHttpRequest, name: str) -> int:
    try:
        return int(request.POST[name])
    except (KeyError, ValueError):
        raise editing.EditError(f"القيمة {name} مفقودة أو غير صحيحة.") from None


def _version(request: HtmxHttpRequest) -> int:
    """The paragraph version the page saw; required, so no edit overwrites blindly."""
    if request.POST.get("version", "").strip() == "":
        raise editing.EditError("نسخة الفقرة مفقودة؛ أعد تحميل الصفحة.")
    return _int(request, "version")


def _mention(pk: int) -> Mention:
    return get_object_or_404(Mention.objects.select_related("paragraph", "entity"), pk=pk)


def _edit(request: HtmxHttpRequest, paragraph_id: int, change) -> HttpResponse:
    """Run `change()` (returns the mention to focus), answer with the paragraph.

    400 with a message for bad input; 409 with the current paragraph when stale.
    """
    try:
        with editing.collect_logs() as logs:
            mention = change()
    except editing.StaleEdit as error:
        return _paragraph_response(request, paragraph_id, conflict=str(error))
    except editing.EditError as error:
        return HttpResponseBadRequest(str(error))
    focus = mention.pk if isinstance(mention, Mention) and not mention.rejected else None
    return _paragraph_response(request, paragraph_id, logs=logs, focus=focus)


edit_view = [require_POST, login_required, permission_required(PERMISSION, raise_exception=True)]


def _editing(view):
    for decorator in reversed(edit_view):
        view = decorator(view)
    return view


@_editing
def mention_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Browser offsets (UTF-16) → code points → whole words → a human mention."""
    paragraph = get_object_or_404(Paragraph, pk=pk)

    def change() -> Mention:
        start = editing.from_utf16(paragraph.text, _int(request, "start"))
        end = editing.from_utf16(paragraph.text, _int(request, "end"))
        start, end = editing.snap_to_words(paragraph.text, start, end)
        return editing.add_mention(
            paragraph,
            start,
            end,
            request.POST.get("label", ""),
            request.user,
            value=request.POST.get("value", "").strip(),
            version=_version(request),
        )

    return _edit(request, paragraph.pk, change)


@_editing
def mention_relabel(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    mention = _mention(pk)
    return _edit(
        request,
        mention.paragraph_id,
        lambda: editing.relabel_mention(
            mention, request.POST.get("label", ""), request.user, version=_version(request)
        ),
    )


@_editing
def mention_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    mention = _mention(pk)
    return _edit(
        request,
        mention.paragraph_id,
        lambda: editing.remove_mention(mention, request.user, version=_version(request)),
    )


@_editing
def mention_link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    mention = _mention(pk)
    return _edit(
        request,
        mention.paragraph_id,
        lambda: editing.link_mention(
            mention, request.POST.get("name", ""), request.user, version=_version(request)
        ),
    )


@_editing
def mention_adjust(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Grow/shrink a span by a word at either end, or take a proclitic in or out."""
    mention = _mention(pk)
    return _edit(
        request,
        mention.paragraph_id,
        lambda: editing.adjust_mention(
            mention, request.POST.get("action", ""), request.user, version=_version(request)
        ),
    )


@_editing
def edits_revert(request: HtmxHttpRequest) -> HttpResponse:
    """Undo (or, given revert rows, redo) the listed EditLog rows of one paragraph."""
    try:
        ids = [int(part) for part in request.POST.get("edits", "").split(",") if part.strip()]
    except ValueError:
        return HttpResponseBadRequest("قائمة التعديلات غير صحيحة.")
    logs = list(EditLog.objects.filter(pk__in=ids, target="mention"))
    if not ids or len(logs) != len(set(ids)) or logs[0].target_id is None:
        return HttpResponseBadRequest("لا يوجد تعديل للتراجع عنه.")
    mention = Mention.objects.filter(pk=logs[0].target_id).only("paragraph_id").first()
    if mention is None:
        return HttpResponseBadRequest("لا يوجد تعديل للتراجع عنه.")

    def change() -> Mention | None:
        written = editing.revert_edits(logs, request.user, version=_version(request))
        return written[-1].mention if written else None

    return _edit(request, mention.paragraph_id, change)


@require_GET
@login_required
@permission_required(PERMISSION, raise_exception=True)
def mention_history(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The mention card's history: who, when, model or human, before → after; revert."""
    mention = _mention(pk)
    rows = list(editing.mention_history(mention))
    for row in rows:
        row.action_name = ACTIONS.get(row.action, row.action)
        row.before_text = describe(row.before)
        row.after_text = describe(row.after)
    return render(
        request,
        "news/article.html#history",
        {"mention": mention, "rows": rows, "last": rows[0] if rows else None},
    )
