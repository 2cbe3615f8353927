"""Agenda enumeration: where one topic ends and the next starts after a cue (separators,
joiners, «و» before a new topic, listed names).
"""

from __future__ import annotations

from newsreader.pipeline import lexicon_agenda as lex
from newsreader.pipeline.agenda_heads import _construct_head, _header_end, _trim
from newsreader.pipeline.agenda_words import (
    _PUNCT_SPLIT,
    _indefinite_adjective,
    _is_definite,
    _is_masdar,
    _is_nisba,
    _Tok,
    _topic_start,
    _verb_like,
)


def _object_end(sent: list[_Tok], start: int, end: int) -> int:
    for k in range(start, end):
        t = sent[k]
        if t.f in lex.STOP_WORDS or t.bare in lex.STOP_WORDS:
            return k
        if t.bare == "بناء" and k + 1 < end and sent[k + 1].f == "علي":  # «بناء على طلب»
            return k
        if t.bare == "كما" and (k + 1 >= end or not _topic_start(sent[k + 1])):
            return k
        if t.text == ":" and k > start and _header_end(sent, start, end) != k + 1:
            return k
    return end


def _joiner_at(sent: list[_Tok], k: int, end: int) -> int:
    """Length of a joiner phrase («إضافة إلى», «خاصة») starting at k, else 0."""
    if k < end and sent[k].bare in lex.ADJECTIVE_JOINERS and not _adverbial(sent, k):
        return 0
    for phrase in lex.JOINERS:
        n = len(phrase)
        if k + n <= end and [sent[k].bare, *(t.f for t in sent[k + 1 : k + n])] == list(phrase):
            return n
    return 0


def _adverbial(sent: list[_Tok], k: int) -> bool:
    """«وخاصة», «، خاصة», «الفلسطينية خاصة» single out a topic; «جلسة خاصة» is an
    adjective of an indefinite noun."""
    if sent[k].f != sent[k].bare or k == 0:
        return True
    prev = sent[k - 1]
    return prev.punct or prev.name or _is_definite(prev.bare)


def _genitive_pair(sent: list[_Tok], k: int, start: int) -> bool:
    """Is «و» at k joining two genitives of one construct («مجال الأدب والفن»)?

    Both genitives are definite; an indefinite verbal noun after «و» («وإقرار»)
    opens a new topic instead.
    """
    return _construct_of_pair(sent, k, start) is not None


def _dual_pair(sent: list[_Tok], k: int, start: int) -> bool:
    """Does a dual head hold the two genitives («قطاعي الأشغال العمومية والنقل»: the
    sectors of public works and of transport)? Then they are one topic, listed or not."""
    head = _construct_of_pair(sent, k, start)
    return head is not None and sent[head].bare.endswith("ي") and len(sent[head].bare) >= 4


def _construct_of_pair(sent: list[_Tok], k: int, start: int) -> int | None:
    """The head of the construct whose two genitives «و» at k joins, if it does."""
    if k - 2 < start or not _is_definite(sent[k].bare):
        return None
    m = k - 1
    # «حماية التراث الثقافي والمواقع»: past the adjectives of the genitive
    while m - 2 >= start and sent[m].f == sent[m].bare and _is_nisba(sent[m].f):
        m -= 1
    # «مجالات الطاقة والنقل والسياحة»: back to the first genitive of the chain
    while m - 2 >= start and sent[m].f != sent[m].bare and _is_definite(sent[m].bare):
        m -= 1
    prev, head = sent[m], sent[m - 1]
    if head.punct or head.name or prev.name or not _is_definite(prev.f):
        return None
    h = head.bare
    refused = (
        _is_definite(h)
        or h in lex.GENERIC  # «ملفات الطاقة والمناخ»: one topic per genitive
        or h in lex.PREPOSITIONS
        or h in lex.PARTICLES
        or h.isdigit()
        or h.startswith(("ب", "ل"))
        and _is_definite(h[1:])
    )
    return None if refused else m - 1


def _split(sent: list[_Tok], start: int, end: int) -> list[tuple[int, int]]:
    """Cut an enumeration into topics; returns token ranges.

    An insertion opened by a joiner and closed by «،» before a prepositional complement
    («ربط المدن، إضافة إلى القرى، عبر خط حافلات») shares that complement with the topic
    before it: it is taken back into that topic. A clause there («، إلى جانب عروض حول
    مشاريع، تخص قطاع النقل») describes the insertion's own last noun: it stays apart.
    """
    chunks: list[tuple[int, int]] = []
    cur = start
    listed = False  # inside «أ، ب وج»: the last «و» closes the list
    inserted = False  # the current chunk was opened by «، إضافة إلى …»
    k = start
    while k < end:
        skip = _separator_at(sent, k, end)
        if skip:
            nxt = k + skip
            if nxt < end and (
                _inline_number(sent, k, end) or _opens_after_separator(sent, k, nxt, end, listed)
            ):
                if k > cur:
                    chunks.append((cur, k))
                cur = nxt
                listed = True
                inserted = skip > 1 and sent[k].text in _PUNCT_SPLIT
            elif inserted and skip == 1 and chunks and sent[nxt].bare in lex.PREPOSITIONS:
                cur = chunks.pop()[0]  # the insertion ends before a shared complement
                inserted = False
            k = nxt
            continue
        if k > cur and _wa_opens_topic(sent, k, cur, end, listed):
            chunks.append((cur, k))
            cur = k
        k += 1
    chunks.append((cur, end))
    return _merge_fragments(sent, chunks)


def _separator_at(sent: list[_Tok], k: int, end: int) -> int:
    """Length of a separator at k: «،», «؛», a joiner («إضافة إلى»), or both."""
    if sent[k].text in _PUNCT_SPLIT:
        return 1 + _joiner_at(sent, k + 1, end)
    if _inline_number(sent, k, end):
        return 2
    return _joiner_at(sent, k, end)


def _inline_number(sent: list[_Tok], k: int, end: int) -> bool:
    """«… ثلاثة ملفات: 1- قانون العمل 2- قانون الاستثمار»: a small number and a dash or
    bracket before a word numbers the items of a list written in one line."""
    t = sent[k]
    return (
        t.f.isdigit()
        and int(t.f) <= 20
        and k + 2 < end
        and sent[k + 1].text in ("-", "–", ")")
        and not sent[k + 2].punct
        and not sent[k + 2].f.isdigit()
    )


def _opens_after_separator(sent: list[_Tok], k: int, nxt: int, end: int, listed: bool) -> bool:
    """Does a topic start at nxt, after the separator at k?

    In an enumeration the separator is the rule and a continuation the exception: a
    topic starts unless what follows continues the topic before it (`_continues`).
    """
    t = sent[nxt]
    if _topic_start(t) or t.bare in lex.DISCUSS_MASDARS:
        return True
    return not _continues(sent, nxt)


def _continues(sent: list[_Tok], k: int) -> bool:
    """Does the word at k, after a separator, continue the topic before it rather than
    open one: an adjective, a clause (verb, relative, particle), a prepositional phrase,
    a time or a number? A partner preposition («، ومع الصين») names a new partner."""
    t = sent[k]
    w = t.bare
    if t.punct or t.date or w.isdigit() or len(w) < 2:
        return True
    if t.name or w in lex.PARTNER_PREPS:
        return False
    closed = (
        lex.PREPOSITIONS,
        lex.PARTICLES,
        lex.DEMONSTRATIVES,
        lex.RELATIVES,
        lex.SHORT,
        lex.TIME_WORDS,
        lex.STOP_WORDS,
        lex.VERBISH,
        lex.FUNCTION_WORDS,
        lex.ADJECTIVES,
        lex.HEADER_ADJ,
    )
    if any(w in c for c in closed) or t.f in lex.STOP_WORDS:
        return True
    return _is_nisba(w) or _indefinite_adjective(w) or _verb_like(w)


def _wa_noun(t: _Tok) -> bool:
    """«، وخلق فرص عمل»: after «،» in a list, «و» + a noun (not a verb, particle or
    pronoun) adds a topic."""
    w = t.bare
    if t.f == w or t.punct or t.date or len(w) < 3 or _verb_like(w):
        return False
    if w[0] == "ت" and not _is_masdar(w):
        return False  # «وتقول», not «وتعزيز»
    closed = (lex.PREPOSITIONS, lex.PARTICLES, lex.DEMONSTRATIVES, lex.RELATIVES, lex.SHORT)
    return not any(w in c for c in closed) and w not in lex.TIME_WORDS and w not in lex.VERBISH


def _wa_opens_topic(sent: list[_Tok], k: int, cur: int, end: int, listed: bool) -> bool:
    """Does «و» at k start a new topic of the enumeration begun at cur?"""
    t = sent[k]
    if not t.f.startswith("و") or t.f == t.bare:
        return False
    before = _words(sent[cur:k])
    if _is_nisba(t.bare) and _is_nisba(sent[k - 1].bare):
        return False  # coordinated adjectives: «السياسية والاقتصادية»
    if t.name and all(x.name for x in sent[cur:k] if not x.punct):
        return True  # a list of names: «فلسطين واليمن وسوريا»
    if t.bare in lex.DISCUSS_MASDARS and before >= 2 and k + 1 < end and _topic_start(sent[k + 1]):
        return True  # «تعزيز العلاقات وبحث القضايا الإقليمية»
    if _listed_partners(sent, k, cur, end):
        return True  # «التعاون مع مالي والنيجر وتشاد»: one topic per name listed
    if t.bare == "ما" and k + 1 < end and sent[k + 1].f[:1] in ("ي", "ت") and before >= 2:
        return True  # a free relative: «… وما تتعرض له المدينة»
    if _topic_start(t):
        if listed and before >= 2:
            return not _dual_pair(sent, k, cur)
        if _light_conjunct(sent, k, end):
            # «أوضاع اللاجئين في المخيمات والمدن الحدودية»: a bare noun after a
            # genitive or a preposition's object is coordinated with it
            return not (_genitive_pair(sent, k, cur) or _after_preposition(sent, cur, k))
        return True  # «قانون الاستثمار والموازنة العامة للدولة»: a construct of its own
    return (
        _construct_head(sent, k, end)
        and before >= 2
        and not any(x.bare in lex.PREPOSITIONS for x in sent[_trim(sent, cur, k)[0] : k])
    )


def _listed_partners(sent: list[_Tok], k: int, cur: int, end: int) -> bool:
    """Is the name at k one of three or more listed after a preposition that makes each
    its own topic («مع», «بشأن», «بين»)? After a locative «في» the names only place one
    topic («الأوضاع في حلب وإدلب والرقة»)."""
    if not sent[k].name or _names_listed(sent, k, cur, end) < 3:
        return False
    a = _trim(sent, cur, k)[0]
    preps = [x.bare for x in sent[a + 1 : k] if x.bare in lex.PREPOSITIONS]
    return bool(preps) and preps[-1] not in lex.LOCATIVE


def _names_listed(sent: list[_Tok], k: int, start: int, end: int) -> int:
    """How many names stand in the run of coordinated names around k («سوريا وليبيا
    واليمن» is three; «الولايات المتحدة» is one name of two words)."""
    a = k
    while a - 1 > start and (sent[a - 1].name or sent[a - 1].text in ("،", ",")):
        a -= 1
    b = k + 1
    while b < end and (sent[b].name or sent[b].text in ("،", ",")):
        b += 1
    return sum(
        1
        for x in range(a, b)
        if sent[x].name and (x == a or sent[x].f != sent[x].bare or sent[x - 1].punct)
    )


def _light_conjunct(sent: list[_Tok], k: int, end: int) -> bool:
    """Is the conjunct at k a bare definite noun with adjectives only («والمدن
    الحدودية»), not a construct with its own complement («والتعاون الأمني بين
    البلدين», «والموازنة العامة للدولة»)? A verbal noun («وإقرار») always heads one."""
    t = sent[k]
    if t.name or t.bare in lex.TOPIC_NOUNS or not _is_definite(t.bare):
        return False
    j = k + 1
    while j < end and not sent[j].punct and sent[j].f == sent[j].bare:
        w = sent[j]
        if not (_is_nisba(w.f) or w.f in lex.ADJECTIVES or w.date):
            return False
        j += 1
    return True


def _after_preposition(sent: list[_Tok], cur: int, k: int) -> bool:
    """Does a preposition stand in the topic begun at cur, before k (past its start)?"""
    a = _trim(sent, cur, k)[0]
    return any(x.bare in lex.PREPOSITIONS for x in sent[a + 1 : k])


def _merge_fragments(sent: list[_Tok], chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join back what was cut from the previous topic: a one-word piece (not a name),
    or a short conjunct that points back to it («… مع الجار وسبل تطويرها»)."""
    merged: list[tuple[int, int]] = []
    for a, b in chunks:
        piece = [x for x in sent[a:b] if not x.punct]
        one_word = len(piece) < 2 and not (piece and piece[0].name)
        listed = len(chunks) >= 3 or _generic_head(sent, chunks[0][0], chunks[0][1])
        if one_word and listed and piece and _is_definite(piece[0].bare):
            # «… الأمن الغذائي والطاقة والتحول الرقمي», «ملفات الطاقة والأمن»
            one_word = False
        if merged and (one_word or _points_back(piece)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    # a first piece of one word opens the next topic: «التشاور والتنسيق حيال …»
    if len(merged) > 1 and _words(sent[merged[0][0] : merged[0][1]]) == 1:
        first = sent[merged[0][0] : merged[0][1]]
        if not any(t.name for t in first):
            merged[:2] = [(merged[0][0], merged[1][1])]
    return merged


def _generic_head(sent: list[_Tok], a: int, b: int) -> bool:
    """Does the piece open with a plural generic noun («ملفات الطاقة»), whose every
    coordinated genitive is a topic?"""
    words = [t for t in sent[a:b] if not t.punct]
    return bool(words) and words[0].bare in lex.GENERIC


def _points_back(piece: list[_Tok]) -> bool:
    """«وسبل تطويرها», «وتداعياتها»: a short conjunct ending in a pronoun of the topic."""
    if not piece or len(piece) > 3 or piece[0].f == piece[0].bare:
        return False
    last = piece[-1].f
    return len(last) > 4 and last.endswith(("ها", "هما", "هم")) and not piece[-1].name


def _words(toks: list[_Tok]) -> int:
    return sum(1 for t in toks if not t.punct)
