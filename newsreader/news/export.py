"""Articles as the JSON the evaluation contract describes (../shared/eval/README.md)."""

from __future__ import annotations

from django.db.models import Prefetch

from newsreader.news.models import AgendaItem, Article, Mention, Paragraph, TimelineEvent
from newsreader.news.vocabulary import Label


def export_queryset(ids: list[int] | None = None):
    articles = Article.objects.order_by("pk").prefetch_related(
        Prefetch("paragraphs", queryset=Paragraph.objects.order_by("index")),
        Prefetch(
            "paragraphs__mentions",
            queryset=Mention.objects.active().select_related("entity").order_by("start"),
        ),
        Prefetch("agenda_items", queryset=AgendaItem.objects.active().select_related("paragraph")),
        Prefetch(
            "timeline_events",
            queryset=TimelineEvent.objects.active().select_related("paragraph"),
        ),
    )
    return articles.filter(pk__in=ids) if ids else articles


def article_to_dict(article: Article) -> dict:
    paragraphs = list(article.paragraphs.all())
    entities = []
    for paragraph in paragraphs:
        for mention in paragraph.mentions.all():
            entities.append(
                {
                    "paragraph": paragraph.index,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                    "label": mention.label,
                    "canonical": _canonical(mention),
                    "value": mention.value or None,
                }
            )
    return {
        "id": article.pk,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source_url": article.source_url or None,
        "paragraphs": [{"index": p.index, "kind": p.kind, "text": p.text} for p in paragraphs],
        "entities": entities,
        "agenda": [
            {"text": item.text, "paragraph": item.paragraph.index if item.paragraph else None}
            for item in article.agenda_items.all()
        ],
        "timeline": [
            {
                "value": event.value,
                "text": event.text,
                "paragraph": event.paragraph.index if event.paragraph else None,
            }
            for event in article.timeline_events.all()
        ],
    }


def _canonical(mention: Mention) -> str | None:
    """A name's fullest form; a DATE's ISO value, None when it could not be resolved."""
    if mention.label == Label.DATE:
        return mention.value or None
    return mention.entity.name if mention.entity else mention.text


def export_dicts(ids: list[int] | None = None) -> list[dict]:
    """The contract dicts of the given articles (all when ids is None), by id."""
    if ids is not None and not ids:
        return []
    return [article_to_dict(article) for article in export_queryset(ids)]


def export_jsonl(ids: list[int] | None = None) -> str:
    """JSON Lines: one contract dict per line (see newsreader.news.formats.jsonl)."""
    from newsreader.news.formats import jsonl

    return jsonl.dumps(export_dicts(ids))
