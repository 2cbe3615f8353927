"""Exchange formats for annotated articles, as pure functions over the contract's article dicts.

One module per format: `jsonl` (one contract dict a line), `conll` (token/BIO
tag, word-level or with proclitics split off) and `brat` (standoff .txt/.ann
pairs). The article dicts are the ones `newsreader.news.export.article_to_dict`
builds; readers give back entity dicts of the same shape.
"""

from __future__ import annotations

from newsreader.news.vocabulary import Label, Origin

LABEL_CODES: tuple[str, ...] = tuple(Label.values)  # the order brat's annotation.conf lists
ORIGINS: tuple[str, ...] = tuple(Origin.values)


class FormatError(ValueError):
    """A file that does not follow its format; the message is one line for the user."""
