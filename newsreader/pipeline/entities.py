"""Rule-based PERSON / LOCATION / ORGANIZATION finder (gazetteers + Arabic structure).

`find_names(text, extra)` tags one paragraph; `find_names_in_article(texts, extra)`
adds a second pass over the whole article that tags the short form of each
person found with a full name («بوتين» once «فلاديمير بوتين» was seen).

Rules, all from Arabic structure rather than from any article's wording:

* curated names (`extra`) match first, as whole names;
* ORGANIZATION: a head noun (مجلس، وزارة، هيئة …) in construct with a definite
  genitive («مجلس الوزراء»), or a definite head with a naming adjective
  («المجلس الأعلى», «الرئاسة الروسية»), extended by adjectives and one
  «لـ»-phrase («… لدولة الاتحاد», «… للكتاب»); an indefinite head followed by
  «لـ» is a description, not a name («لجنة للتقييس»);
* PERSON: a title or role («الرئيس», «وزير العمل», «نظيره البيلاروسي») followed by
  1–3 name tokens; a first name followed by 1–2 name tokens; «و» + name after a
  person (lists);
* LOCATION: gazetteer words and 2–3-word names, after trying proclitic splits;
  place nouns (مدينة، مقاطعة …) before an unknown name, with coordinated names;
  venue nouns (قصر، مطار …) make the whole phrase a LOCATION.

Proclitics (و ف ب ل ك) stay outside a span, except ل fused with the article
(«للمجلس الأعلى»), where the whole word is the span.

A statistical tagger (the CRF by default, any words → BIO function) adds spans
that go through the same conventions (`names_tagged`: `conventional`): split at
punctuation, titles/roles and nationality adjectives trimmed off a PERSON,
place nouns off a LOCATION, function words off the edges, proclitics left
outside, a person's known name words and an organisation's adjectives and
«لـ»-phrase taken in, a lone generic noun or nationality dropped. `MODES` say
which source wins an overlap; nested names of one label keep the longer. Over
the article a name found once is tagged at its other occurrences.

Structural rules added for text nobody tuned on (word lists in `lexicon_names`):
outlets by their place in the sentence (a quoted name after «لـ» next to a word
of saying, a quoted/Latin/foreign name after an outlet word that stays outside,
«X اليوم», a dateline's bracketed agency); an institution's name before its
bracketed acronym; a quoted short form without the head noun; national teams
named after a place; «و» + a new institution head splits two names, «و» + a
definite noun continues a party's or ministry's; forces described by a
nationality, a body «of the organisation», a purpose clause («لبحث») and
«ب»+place end or cancel an organisation; currencies, fused question words,
words with tanween and verbs seen only outside names are never names or their
edges; a rule's name that holds a tagger's name of another label whole wins.

Measured on ANERcorp test sentences grouped into pseudo-articles
(`manage.py evaluate_ner --pipeline`), tagger-first is the best combination
that keeps the dev set's span conventions, so it is the default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from newsreader.pipeline.gazetteer import Gazetteer, load_gazetteer
from newsreader.pipeline.lexicon_names import (
    FUNCTION_WORDS,
    OPENING_QUOTES,
    ORG_HEADS,
)
from newsreader.pipeline.names_rules import _RuleSteps
from newsreader.pipeline.names_tagged import _TaggedSteps
from newsreader.pipeline.names_words import _Candidate
from newsreader.pipeline.normalize import fold_key
from newsreader.pipeline.tagger import (
    ModelMissingError,
    load_model,
    tag_document,
    tag_tokens,
)
from newsreader.pipeline.types import Label, NameMatch

# A statistical tagger: words in, one BIO tag per word out («B-PERSON», «I-LOCATION», «O»).
WordTagger = Callable[[list[str]], Sequence[str]]
# rules: rules alone; tagger: tagger alone (same span conventions); rules-first: tagger
# spans only where no rule span stands; tagger-first: rule spans only where no tagger
# span stands. In both combinations the longer of two nested same-label names wins.
MODES = ("rules", "tagger", "rules-first", "tagger-first")
DEFAULT_MODE = "tagger-first"


# The rule steps in the order they run; curated names, outlets and acronyms run first in
# every mode (`_run`), these only where the rules take part.
RULE_STEPS = (
    _RuleSteps.find_gazetteer,
    _RuleSteps.find_organizations,
    _RuleSteps.find_people,
    _RuleSteps.find_places,
)


class _Finder(_TaggedSteps):
    """The name finder for one paragraph: its stages stacked (`names_base` → `names_rules`
    → `names_outlets` → `names_tagged`)."""

    def run_rules(self) -> None:
        for step in RULE_STEPS:
            step(self)


def _prepare_extra(extra: Iterable[tuple[str, Label]]) -> list[tuple[list[str], Label]]:
    out = []
    for name, label in extra:
        words = fold_key(name).split()
        if words and label is not Label.DATE:
            out.append((words, Label(label)))
    return sorted(out, key=lambda e: -len(e[0]))


def _to_matches(text: str, found: list[_Candidate]) -> list[NameMatch]:
    return [NameMatch(c.start, c.end, text[c.start : c.end], c.label) for c in found]


def crf_tagger() -> WordTagger | None:
    """The committed CRF model as a word tagger, or None when it is missing."""
    try:
        load_model()
    except (ModelMissingError, OSError):
        return None
    return tag_tokens


def _tags(finders: list[_Finder], mode: str, tagger: WordTagger | None) -> list[list[str] | None]:
    """The tagger's BIO tags per paragraph; the embedded CRF reads the paragraphs as one
    document, so its second pass sees a name's other occurrences in the article."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    if mode == "rules" or tagger is None:
        return [None] * len(finders)
    words = [[w.text for w in f.words] for f in finders]
    if tagger is tag_tokens:
        return list(tag_document(words))
    many = getattr(tagger, "tag_many", None)  # a batching tagger reads all paragraphs at once
    if many is not None:
        return [list(tags) for tags in many(words)]
    return [list(tagger(ws)) if ws else [] for ws in words]


def _run(finder: _Finder, mode: str, tags: list[str] | None) -> list[_Candidate]:
    finder.find_extra()  # curated names count in every mode
    finder.find_outlets()  # structure, not word lists: every mode
    finder.find_acronyms()
    if mode != "tagger":
        finder.run_rules()
    if tags is not None and finder.words and len(tags) == len(finder.words):
        finder.add_tagged(tags, priority=2 if mode in ("tagger", "tagger-first") else 0)
    return finder.resolve()


def find_names(
    text: str,
    extra: Iterable[tuple[str, Label]] = (),
    mode: str = "rules",
    tagger: WordTagger | None = None,
) -> list[NameMatch]:
    """Non-overlapping PERSON / LOCATION / ORGANIZATION names in one paragraph, in order.

    `mode` is one of `MODES`; "rules" (the default here) uses the rules alone,
    the others add a statistical tagger's spans under the same span
    conventions. `tagger` defaults to the committed CRF (rules alone when the
    model file is missing).
    """
    if mode != "rules" and tagger is None:
        tagger = crf_tagger()
    finder = _Finder(text, load_gazetteer(), _prepare_extra(extra))
    return _to_matches(text, _run(finder, mode, _tags([finder], mode, tagger)[0]))


def _name_key(finder: _Finder, c: _Candidate) -> tuple[str, ...]:
    """The folded words of a found name, «لل» read as «ال» («للمجلس» → «المجلس»)."""
    words = fold_key(finder.text[c.start : c.end]).split()
    if words and words[0].startswith("لل") and len(words[0]) > 3:
        words[0] = "ا" + words[0][1:]
    return tuple(words)


def _repeat_names(finders: list[_Finder], results: list[list[_Candidate]], gaz: Gazetteer) -> None:
    """A name found once is a name at its other occurrences in the article too.

    Names of two or more words, and single words that are not ordinary words,
    are looked for again (the first word through its proclitic readings) where
    nothing was found; the label is the one the name got most often.
    """
    votes: dict[tuple[str, ...], Counter[Label]] = {}
    for finder, found in zip(finders, results, strict=True):
        for c in found:
            words = _name_key(finder, c)
            if not words or (
                len(words) == 1
                and (
                    len(words[0]) < 3
                    or words[0] in FUNCTION_WORDS
                    or (gaz.is_common(words[0]) and not finder.known_name(words[0]))
                )
            ):
                continue
            votes.setdefault(words, Counter())[c.label] += 1
    if not votes:
        return
    by_first: dict[str, list[tuple[tuple[str, ...], Label]]] = {}
    for words, labels in votes.items():
        by_first.setdefault(words[0], []).append((words, labels.most_common(1)[0][0]))
    for names in by_first.values():
        names.sort(key=lambda e: -len(e[0]))
    for finder, found in zip(finders, results, strict=True):
        ws = finder.words
        added: list[_Candidate] = []
        for i, w in enumerate(ws):
            if not w.is_word:
                continue
            for start, stem, _ in w.splits():
                hit = None
                for words, label in by_first.get(stem, ()):
                    n = len(words)
                    if i + n <= len(ws) and tuple(x.key for x in ws[i + 1 : i + n]) == words[1:]:
                        hit = (words, label)
                        break
                if hit is None:
                    continue
                end = ws[i + len(hit[0]) - 1].end
                if all(end <= c.start or c.end <= start for c in [*found, *added]):
                    added.append(_Candidate(start, end, hit[1], 0, i, i + len(hit[0]) - 1))
                break
        found.extend(added)
        found.sort(key=lambda c: c.start)


def _quoted_short_forms(finders: list[_Finder], results: list[list[_Candidate]]) -> None:
    """«"التعاون الإسلامي"» once «منظمة التعاون الإسلامي» was found: an organisation's
    name without its head noun, in quotes, is the organisation (a headline's short form)."""
    shorts: set[tuple[str, ...]] = set()
    for finder, found in zip(finders, results, strict=True):
        for c in found:
            words = _name_key(finder, c)
            if c.label is Label.ORGANIZATION and len(words) > 2 and words[0] in ORG_HEADS:
                shorts.add(words[1:])
    if not shorts:
        return
    for finder, found in zip(finders, results, strict=True):
        ws = finder.words
        for k in range(len(ws) - 1):
            if ws[k].text not in OPENING_QUOTES:
                continue
            for words in shorts:
                n = len(words)
                if tuple(w.key for w in ws[k + 1 : k + 1 + n]) != words:
                    continue
                start, end = ws[k + 1].start, ws[k + n].end
                if all(end <= c.start or c.end <= start for c in found):
                    found.append(_Candidate(start, end, Label.ORGANIZATION, 0, k + 1, k + n))
                break
        found.sort(key=lambda c: c.start)


def _places_by_context(
    finders: list[_Finder], results: list[list[_Candidate]], gaz: Gazetteer
) -> None:
    """A listed place tagged as an organisation on its own («"سمولينسك – أورشا"», a rail
    line's name in quotes) is the place, when the article names it as a place elsewhere
    («في سمولينسك»)."""
    places = {
        _name_key(finder, c)
        for finder, found in zip(finders, results, strict=True)
        for c in found
        if c.label is Label.LOCATION
    }
    for finder, found in zip(finders, results, strict=True):
        for n, c in enumerate(found):
            if c.label is not Label.ORGANIZATION or c.first != c.last:
                continue
            key = _name_key(finder, c)
            if key in places and gaz.is_location(key[0]):
                found[n] = _Candidate(
                    c.start, c.end, Label.LOCATION, c.priority, c.first, c.last, c.tagged
                )


def _acronyms_everywhere(finders: list[_Finder], results: list[list[_Candidate]]) -> None:
    """An acronym the article spelled out («… الكويتية (كونا)») names the organisation
    at its other places too, whatever label another finder gave the word there."""
    acronyms = set().union(*(f.acronyms for f in finders))
    if not acronyms:
        return
    for finder, found in zip(finders, results, strict=True):
        for n, c in enumerate(found):
            key = fold_key(finder.text[c.start : c.end])
            if c.label is not Label.ORGANIZATION and key in acronyms:
                found[n] = _Candidate(
                    c.start, c.end, Label.ORGANIZATION, c.priority, c.first, c.last, c.tagged
                )


def find_names_in_article(
    texts: list[str],
    extra: Iterable[tuple[str, Label]] = (),
    mode: str = DEFAULT_MODE,
    tagger: WordTagger | None = None,
) -> list[list[NameMatch]]:
    """Names per paragraph, by default tagger spans first and rule spans where none stands.

    See `MODES` and `find_names` for `mode` and `tagger`.

    Over the whole article, a name found once is tagged at its other
    occurrences, and a person's last name alone is tagged wherever the full
    name occurs.
    """
    if mode != "rules" and tagger is None:
        tagger = crf_tagger()
    gaz = load_gazetteer()
    prepared = _prepare_extra(extra)
    finders = [_Finder(text, gaz, prepared) for text in texts]
    tags = _tags(finders, mode, tagger)
    results = [_run(f, mode, t) for f, t in zip(finders, tags, strict=True)]
    if mode != "rules":
        _repeat_names(finders, results, gaz)
    _quoted_short_forms(finders, results)
    _places_by_context(finders, results, gaz)
    _acronyms_everywhere(finders, results)
    short: set[str] = set()
    for finder, found in zip(finders, results, strict=True):
        for c in found:
            if c.label is Label.PERSON:
                last = fold_key(finder.text[c.start : c.end]).split()[-1]
                if (
                    len(last) > 2
                    and last not in FUNCTION_WORDS
                    and (not gaz.is_common(last) or gaz.is_person(last))
                ):
                    short.add(last)
    out: list[list[NameMatch]] = []
    for finder, found in zip(finders, results, strict=True):
        found = list(found)
        for i, w in enumerate(finder.words):
            if not w.is_word:
                continue
            for start, stem, fused in w.splits():
                if fused or stem not in short:
                    continue
                if all(w.end <= c.start or c.end <= start for c in found):
                    found.append(_Candidate(start, w.end, Label.PERSON, 1, i, i))
                break
        found.sort(key=lambda c: c.start)
        out.append(_to_matches(finder.text, found))
    return out


__all__ = ["MODES", "WordTagger", "crf_tagger", "find_names", "find_names_in_article"]
