"""CoNLL-style BIO: one `token<TAB>tag` line per token, a blank line after each paragraph.

Tokens come from `newsreader.pipeline.normalize.tokenize`; tags are B-/I- plus
PERSON, LOCATION, ORGANIZATION or DATE, and O outside every span.

Word level: a token that is only partly inside a span — «ولوكاشينكو» when the
span is «لوكاشينكو», since attached proclitics stay outside spans — is tagged
as the span's word: B-PERSON. The clitic-split variant splits those proclitics
off where the span's start says so and `proclitic_splits` allows it: «و» O,
«لوكاشينكو» B-PERSON. Each proclitic letter becomes its own token.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsreader.pipeline.normalize import proclitic_splits, tokenize

Row = tuple[str, str]


def paragraph_rows(text: str, spans: Iterable[dict], *, clitic_split: bool = False) -> list[Row]:
    """(token, tag) rows of one paragraph; `spans` carry start, end and label."""
    ordered = sorted(spans, key=lambda s: (s["start"], s["end"]))
    seen: set[int] = set()  # spans whose first token is out
    rows: list[Row] = []
    for token in tokenize(text):
        hit = next(
            (n for n, s in enumerate(ordered) if s["start"] < token.end and token.start < s["end"]),
            None,
        )
        if hit is None:
            rows.append((token.text, "O"))
            continue
        span = ordered[hit]
        if hit in seen:
            rows.append((token.text, f"I-{span['label']}"))
            continue
        seen.add(hit)
        cut = span["start"] - token.start
        if clitic_split and cut > 0 and _is_proclitic_split(token.text, cut):
            rows.extend((letter, "O") for letter in token.text[:cut])
            rows.append((token.text[cut:], f"B-{span['label']}"))
        else:
            rows.append((token.text, f"B-{span['label']}"))
    return rows


def _is_proclitic_split(word: str, cut: int) -> bool:
    """Whether word[:cut] + word[cut:] is one of the proclitic readings of `word`."""
    return any(len(prefix) == cut and stem == word[cut:] for prefix, stem in proclitic_splits(word))


def article_rows(article: dict, *, clitic_split: bool = False) -> list[list[Row]]:
    """One list of rows per paragraph of a contract article dict (empty paragraphs left out)."""
    by_paragraph: dict[int, list[dict]] = {}
    for entity in article.get("entities", []):
        by_paragraph.setdefault(entity["paragraph"], []).append(entity)
    blocks = []
    for paragraph in article["paragraphs"]:
        rows = paragraph_rows(
            paragraph["text"], by_paragraph.get(paragraph["index"], []), clitic_split=clitic_split
        )
        if rows:
            blocks.append(rows)
    return blocks


def dumps(articles: Iterable[dict], *, clitic_split: bool = False) -> str:
    """The articles' paragraphs as CoNLL text, a blank line after each paragraph."""
    out: list[str] = []
    for article in articles:
        for rows in article_rows(article, clitic_split=clitic_split):
            out.extend(f"{token}\t{tag}\n" for token, tag in rows)
            out.append("\n")
    return "".join(out)
