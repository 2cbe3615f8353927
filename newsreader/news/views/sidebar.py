"""The reader's sidebar (agenda and timeline) built in one place.

The article page renders it whole; the agenda and timeline endpoints swap one
section each, from the same `agenda_context` and `timeline_context`, so a swapped
section always matches a reload.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsreader.news.models import Article
from newsreader.news.views.agenda import agenda_context, anchors
from newsreader.news.views.timeline import timeline_context


def sidebar_context(article: Article, index_of: Mapping[int, int] | None = None) -> dict:
    """Agenda and timeline of the article; `index_of` (paragraph pk → index) if known."""
    index_of = anchors(article) if index_of is None else index_of
    return {**agenda_context(article, index_of), **timeline_context(article, index_of)}
