"""Structure and redundancy marks over an article's lines: site furniture, related-story
blocks, the title, bylines and datelines, duplicates, teasers and glued lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from newsreader.pipeline import lineshape as shape
from newsreader.pipeline.clean_lines import (
    _ARABIC,
    _BULLET,
    _BYLINE_CUE,
    _ELLIPSIS,
    _NON_WORD,
    _NUMBERING,
    _RELATED_CAPTION,
    _SENTENCE_END,
    _TIME,
    _YEAR,
    DATELINE_REACH,
    GLUE_COVERAGE,
    GLUE_K,
    MAX_BYLINE_WORDS,
    MAX_CAPTION_WORDS,
    MAX_CREDIT_WORDS,
    MAX_STAMP_WORDS,
    MAX_TRAILING_WORDS,
    MIN_BODY_WORDS,
    MIN_GLUED_CHARS,
    MIN_TEASER_CHARS,
    RELATED_RUN,
    _dateline_reason,
    _Line,
    near_key,
    squash,
)
from newsreader.pipeline.headline import choose_headline
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.types import DropReason as R


def _mark_furniture(lines: list[_Line], furniture: Collection[str]) -> None:
    """Lines the source repeats on its other pages are the site's, not the story's."""
    if not furniture:
        return
    for line in lines:
        if near_key(line.text) in furniture:
            line.reason = R.FURNITURE


def _mark_related(lines: list[_Line]) -> None:
    """A caption ending in «outlet, number, dd.mm.yyyy», its headline and its timestamp."""
    for i, line in enumerate(lines):
        if not _RELATED_CAPTION.search(line.text):
            continue
        line.reason = R.RELATED_ARTICLE
        after = lines[i + 1 : i + 3]
        if after and _is_timestamp(after[0].text):
            after[0].reason = R.RELATED_ARTICLE
            continue
        if after and (len(after) > 1 and _is_timestamp(after[1].text) or _headline_like(after[0])):
            after[0].reason = R.RELATED_ARTICLE
            if len(after) > 1 and _is_timestamp(after[1].text):
                after[1].reason = R.RELATED_ARTICLE


def _mark_stamped_headlines(lines: list[_Line], title_at: int | None) -> None:
    """Inside the story, a headline-like line over a clock-time stamp is a related link.

    Only once a body paragraph has been seen, so the title's own dateline and a
    deck line above it are left to the other rules.
    """
    body_seen = False
    for i, line in enumerate(lines):
        if i > 1 and body_seen and line.reason == R.TIMESTAMP and _TIME.search(line.text):
            above = lines[i - 1]
            if above.kept and i - 1 != title_at and _headline_like(above):
                above.reason = line.reason = R.RELATED_ARTICLE
        if line.kept and i != title_at and len(line.words) >= MIN_BODY_WORDS:
            body_seen = True


def _mark_tag_runs(lines: list[_Line]) -> None:
    """Short lines right under a navigation or share line, after the story, are its tags."""
    last_body = max(
        (i for i, ln in enumerate(lines) if ln.kept and len(ln.words) >= MIN_BODY_WORDS),
        default=len(lines),
    )
    in_run = False
    for line in lines[last_body + 1 :]:
        if line.reason in _RUN_OPENERS:
            in_run = True
        elif in_run and line.kept and (_name_only(line) or _label_like(line)):
            line.reason = R.NAVIGATION
        elif line.kept:
            in_run = False


_RUN_OPENERS = frozenset(
    {R.NAVIGATION, R.SHARE, R.SOURCE, R.COMMENT, R.INTERFACE, R.COOKIE, R.FURNITURE}
)


def _label_like(line: _Line) -> bool:
    """A short line without sentence punctuation: a tag, an app name, a slogan."""
    return len(line.words) <= 6 and not _SENTENCE_END.search(line.text)


def _is_timestamp(text: str) -> bool:
    return _dateline_reason(fold_key(text)) == R.TIMESTAMP


def _headline_like(line: _Line) -> bool:
    return len(line.words) <= 20 and not _SENTENCE_END.search(line.text)


def _mark_title(
    lines: list[_Line], given: str | None, hints: Collection[str]
) -> tuple[int | None, bool]:
    """Index of the headline (headline.choose_headline) and whether it is certain.

    Lines above the headline that no rule has named are the page's header:
    section labels, menus, other stories' headlines.
    """
    choice = choose_headline([ln.text for ln in lines], [ln.kept for ln in lines], hints)
    if choice.index is None:
        return None, False
    for line in lines[: choice.index]:
        if line.kept:
            line.reason = R.NAVIGATION
    if given is not None:
        return None, True
    return choice.index, choice.certain


def _mark_masthead_names(lines: list[_Line]) -> None:
    """The name printed under a masthead role on its own line is masthead too."""
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        role_alone = line.reason == R.MASTHEAD and shape.masthead_role(line.text) == ""
        if role_alone and nxt.kept and _short_name(nxt):
            nxt.reason = R.MASTHEAD


def _short_name(line: _Line) -> bool:
    """A name printed alone: a few words, none of them a function word."""
    return _name_only(line) or len(line.words) <= 4 and shape.stop_density(line.text) == 0


def _mark_cookie_buttons(lines: list[_Line]) -> None:
    """«موافق», «رفض», «قبول الكل» beside a cookie notice belong to it."""
    for i, line in enumerate(lines):
        if line.kept and shape.is_buttons(line.text):
            near = lines[max(0, i - 2) : i + 3]
            if any(other.reason == R.COOKIE for other in near):
                line.reason = R.COOKIE


def _mark_credited_captions(lines: list[_Line], title_at: int | None) -> None:
    """A short open line right under a photo's «© …» credit is the photo's caption
    («الرئيس الروسي ونظيره الصيني» under «© Sputnik . Sergey Bobylev»)."""
    for i in range(1, len(lines)):
        line, above = lines[i], lines[i - 1]
        if not line.kept or i == title_at or not above.text.startswith("©"):
            continue
        short = len(above.words) <= MAX_CREDIT_WORDS and len(line.words) <= MAX_CAPTION_WORDS
        if short and not _SENTENCE_END.search(line.text):
            line.reason = R.CAPTION


def _mark_datelines(lines: list[_Line], title_at: int | None) -> None:
    """«مدينة - وكالة» between the headline and the lead: a dateline without a final dash."""
    if title_at is None:
        return
    for line in lines[title_at + 1 : title_at + 1 + DATELINE_REACH]:
        if line.kept and shape.is_sentence(line.text):
            return  # the story has begun
        if line.kept and shape.is_dateline(line.text):
            line.reason = R.DATELINE


def _mark_related_runs(lines: list[_Line], title_at: int | None) -> None:
    """Under «مقالات ذات صلة» and the like, headline-shaped lines are other stories.

    The run ends at the first line that reads as the story's prose (closing
    punctuation, or long and dense in function words, for sites that write
    no full stops), and after RELATED_RUN lines at most.
    """
    start = (title_at or 0) + 1
    left = 0
    for line in lines[start:]:
        if shape.starts_with_phrase(line.text, "RELATED_HEADERS", 5):
            left = RELATED_RUN
        elif left and line.kept:
            if _prose(line):
                left = 0
            else:
                line.reason = R.RELATED_ARTICLE
                left -= 1


def _prose(line: _Line) -> bool:
    """Story text rather than a headline: punctuated, or long and full of function words."""
    if _SENTENCE_END.search(line.text) or len(line.words) > 25:
        return True
    return len(line.words) >= MIN_BODY_WORDS and shape.stop_density(line.text) >= 0.15


def _mark_trailing(lines: list[_Line], title_at: int | None) -> None:
    """A short open line after the story's last paragraph heads nothing: a word or two
    is a label; a name without function words over the page's furniture (a photo
    credit, a source line) is the site's («مجموعة الرؤية الاستراتيجية "روسيا – العالم
    الإسلامي"»). A cut last sentence («وسيسبق الاجتماع بيوم واحد عقد») ends the page."""
    last = max(
        (i for i, ln in enumerate(lines) if ln.kept and len(ln.words) >= MIN_BODY_WORDS),
        default=None,
    )
    if last is None or title_at is not None and last <= title_at:
        return
    for i in range(last + 1, len(lines)):
        line = lines[i]
        listed = _BULLET.match(line.text) or _NUMBERING.match(line.text)
        if not line.kept or listed or _SENTENCE_END.search(line.text):
            continue
        n = len(line.words)
        over_furniture = i + 1 < len(lines) and not lines[i + 1].kept
        name = n <= MAX_TRAILING_WORDS and over_furniture and shape.stop_density(line.text) == 0
        if n <= 3 or name:
            line.reason = R.NAVIGATION


def _mark_bylines(lines: list[_Line], title_at: int | None) -> None:
    """A bare personal name (1–3 words) beside the title or a dateline; «بقلم: …» lines."""
    for i, line in enumerate(lines):
        if not line.kept or i == title_at:
            continue
        cued = _BYLINE_CUE.search(fold_key(line.text)) and len(line.words) <= 6
        if cued or _name_only(line) and _beside_title_or_dateline(lines, i, title_at):
            line.reason = R.BYLINE


def _name_only(line: _Line) -> bool:
    words = line.folded.split()
    return 1 <= len(words) <= MAX_BYLINE_WORDS and all(
        _ARABIC.search(w) and not _NON_WORD.search(w) for w in words
    )


def _beside_title_or_dateline(lines: list[_Line], i: int, title_at: int | None) -> bool:
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(j == title_at or lines[j].reason in (R.TIMESTAMP, R.BYLINE) for j in neighbours)


def _mark_duplicates(lines: list[_Line], title_at: int | None, given: str | None) -> None:
    """Of identical (or near-identical) lines keep the first; the title only once.

    A copy of a kept line with a date stamp after it («… والصين. 24.08.2025,
    سبوتنيك عربي»: a teaser card's text) is a duplicate too, wherever it stands.
    """
    keys = [near_key(line.text) for line in lines]
    seen: set[str] = set()
    if given is not None:
        seen.add(near_key(given))
    for i, line in enumerate(lines):
        if not line.kept:
            continue
        if keys[i] in seen and i != title_at:
            line.reason = R.DUPLICATE
        seen.add(keys[i])
    leads = [key for key, line in zip(keys, lines, strict=True) if line.kept and _long(key)]
    for i, line in enumerate(lines):
        if line.kept and i != title_at and _stamped_copy(keys[i], leads):
            line.reason = R.DUPLICATE


def _long(key: str) -> bool:
    return len(key.split()) >= MIN_BODY_WORDS


def _stamped_copy(key: str, others: list[str]) -> bool:
    """`key` is one of `others` followed by a short stamp with a year in it."""
    for other in others:
        if key.startswith(f"{other} "):
            stamp = key[len(other) + 1 :].split()
            if len(stamp) <= MAX_STAMP_WORDS and any(_YEAR.fullmatch(w) for w in stamp):
                return True
    return False


def _mark_teasers(lines: list[_Line], title_at: int | None) -> None:
    """A line cut off with dots whose text before the dots another line carries."""
    for n, line in enumerate(lines):
        if not line.kept or n == title_at or not _ELLIPSIS.search(line.text):
            continue
        stem = squash(_ELLIPSIS.sub("", line.text))
        if len(stem) < MIN_TEASER_CHARS:
            continue
        if any(other is not line and stem in other.squashed for other in lines):
            line.reason = R.TEASER


def _mark_glued(lines: list[_Line], title_at: int | None) -> None:
    """Drop a line whose text is ≥90% covered by two or more other kept lines.

    Coverage is measured on squashed text with character n-grams, so sentences
    fused without a space («الاجتماعسيتم») are still covered from both sides.
    Longest lines are judged first and leave the pool once dropped, so two
    glued copies cannot vouch for each other.
    """
    grams = {n: _grams(line.squashed) for n, line in enumerate(lines) if line.kept}
    owners: Counter[str] = Counter()  # n-gram -> kept lines that have it
    for own in grams.values():
        owners.update(own)
    order = sorted(
        (
            n
            for n, ln in enumerate(lines)
            if ln.kept and n != title_at and len(ln.squashed) >= MIN_GLUED_CHARS
        ),
        key=lambda n: -len(lines[n].squashed),
    )
    for n in order:
        if _is_glued(grams, owners, n, lines[n].squashed):
            lines[n].reason = R.GLUED
            owners.subtract(grams.pop(n))


def _grams(text: str) -> set[str]:
    return {text[p : p + GLUE_K] for p in range(len(text) - GLUE_K + 1)}


def _is_glued(grams: dict[int, set[str]], owners: Counter[str], n: int, text: str) -> bool:
    """Line n is covered by other kept lines' n-grams, and two of them cover a real part.

    Coverage first (one count per n-gram); which lines cover it is only asked of
    the few lines covered enough: a line covers as many of line n's places as
    line n has places holding the n-grams the two lines share.
    """
    positions = [text[p : p + GLUE_K] for p in range(len(text) - GLUE_K + 1)]
    covered = bytearray(len(text))
    mark = b"\x01" * GLUE_K
    for p, gram in enumerate(positions):
        if owners[gram] > 1:  # line n has it too
            covered[p : p + GLUE_K] = mark
    if sum(covered) < GLUE_COVERAGE * len(text):
        return False
    mine = grams[n]
    places = Counter(positions)
    substantial = 0
    for m, own in grams.items():
        if m != n:
            shared = own.intersection(mine)  # most lines share nothing with this one
            if shared and sum(places[gram] for gram in shared) >= GLUE_K:
                substantial += 1
    return substantial >= 2
