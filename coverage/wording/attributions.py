"""Articles -> wire credits and sourcing per sentence, and which ones a version dropped.

``wire``: an agency credited for the text ("AFP reported", "AP said", "(AP)" in
the body); ``photo``: an agency credited in a caption ("(AP)", "Photo: AFP");
``source``: trailing or leading sourcing (", the Russian defense ministry said",
"according to ...", "sources close to Haftar said"); ``channel``: where something was
said ("Bathily said on X", "said on his Facebook page"). Rules over one sentence at a
time: an attribution spread over two sentences is not seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import Article
from ..names.mentions import article_sentences
from ..reading.articles import as_articles, as_pair
from ..vocabulary import entries
from .quotes import speaker_before
from .records import Attribution, AttributionMatch, AttributionMatches, Attributions

__all__ = [
    "find_attributions",
    "compare_attributions",
    "credit_spans",
    "dateline_span",
    "AGENCIES",
    "ATTRIBUTION_COLUMNS",
]

ATTRIBUTION_COLUMNS = (
    "article",
    "outlet",
    "where",
    "index",
    "kind",
    "source",
    "verb",
    "channel",
    "text",
    "sentence",
)


def _alternation(name: str) -> str:
    """One list's entries as a regular-expression alternation, longest first."""
    return "|".join(re.escape(e) for e in sorted(entries(name), key=lambda e: (-len(e), e)))


AGENCIES = _alternation("agencies")  # news agencies, as a regular expression alternation
_REPORTING = "|".join(  # longest first; "reported" even if the editable list drops it
    sorted({*entries("speech_verbs"), "reported"}, key=lambda e: (-len(e), e))
)
_SOURCE_NOUNS = (
    # at most four words before the noun: unbounded, a run of capitalised words was quadratic
    r"(?:(?:state|official|local|Iranian|Chinese|Russian|news|[A-Z]\w+)\s+){0,4}"
    r"(?:media(?: reports?)?|reports?|television|agency|newspaper|ministry|statement)"
)
# Phrases that credit a source, as written in news copy; each is carved out of a larger
# edit so that a dateline with its credit reads as a dateline and a credit.
_CREDITS = re.compile(
    rf"\((?:Photo:\s*)?(?:{AGENCIES})(?:\s+Photo[^)]*)?\)"  # (AFP), (AP Photo/...)
    rf"|\([A-Z][\w.' -]*/(?:{AGENCIES}|[A-Z][\w ]+)\)"  # (Jane Barlow/PA)
    r"|\((?:Reporting|Writing|Editing) by [^)]*\)"
    r"|\bCredit:\s*[\w ./-]+"
    rf"|\bBy (?:{AGENCIES})(?:,\s*[A-Z]\w+)?"
    r"|\(Source:\s*[^)]+\)"
    rf"|\bPhoto\s*/\s*(?:{AGENCIES}|[A-Z][\w.]+(?: [A-Z][\w.]+)*)"
    r"|[\u2013\u2014-]\s*[A-Z][\w.]+(?: [A-Z][\w.]+)*\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}"
    rf"|[\u2013\u2014-]\s*(?:{AGENCIES})\s*$"  # "-- Xinhua" at the end
    rf"|\b(?:{AGENCIES})\s+(?:reported|quoted|cited|said)(?:\s+quoting)?(?:[\w ]{{0,40}}?\b(?:{AGENCIES})\b)?"
    rf"|\b(?:told|according to|quoted by|cited by)\s+(?:{AGENCIES})\b"
    # a source of up to 50 characters that ends where a word ends ("... militant group")
    rf"|\b[Aa]ccording to (?:the |her |his |their )?[^,.;]{{0,49}}[^\W_](?![\w'\u2019])"
    rf"|\b(?:the |a )?{_SOURCE_NOUNS}\s+(?:reported|said|added|quoted)\b(?: that)?"
    rf"|\b(?:[Ii]t|[Ss]he|[Hh]e|[Tt]hey|[Tt]he report)\s+(?:added|said|reported|tweeted|wrote)\b(?: that)?"
    rf"|(?:\b[A-Z][\w.'\u2019]*\s+){{1,3}}(?:{_REPORTING})\s*:"  # "Ms Sturgeon wrote:"
    rf"|\b(?:[Ss]he|[Hh]e|[Tt]hey|[Ii]t)\s+(?:{_REPORTING})\s*:"  # "She tweeted:"
    rf"|\bIn a (?:press release|statement)\b[^.]{{0,80}}?\b(?:{_REPORTING}|indicated)\b(?: that)?"
)
# the state or country after a dateline's city ("KYIV, Ukraine (AP) —", "SAN FRANCISCO,
# Calif. (AP) —"): at most three capitalised words, never a month before a day
_REGION = r"(?![A-Z][a-z]{2,8}\.?\s+\d)[A-Z][\w.'\u2019-]*+(?:\s[A-Z][\w.'\u2019-]*+){0,2}"
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z.'\- ]*[A-Z.]"
    rf"|[A-Z][a-z]+(?=(?:,\s*{_REGION})?\s*(?:\((?:{AGENCIES})\)|:|(?:{AGENCIES})\s*[\u2013\u2014-])))"
    rf"(?:,\s*{_REGION})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    rf"\s*(?:(?P<credit>\((?:{AGENCIES})\)|(?<=[a-z.] )(?:{AGENCIES}))\s*(?:[\u2013\u2014-]+|:)(?=\s|[A-Z\u201c\"])"
    r"|(?:[\u2013\u2014-]+|:)(?=\s))"  # "CAIRO (AFP) -Hamas": a credit may lose the space
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where a text credits a source: "(AP)", "told AFP", "state media reported".

    >>> text = "She died, state media reported, and it added that (AP Photo/Evan Vucci)"
    >>> [text[a:b] for a, b in credit_spans(text)]
    ['state media reported', 'it added that', '(AP Photo/Evan Vucci)']
    """
    return list(_credit_spans(text))


@lru_cache(maxsize=16_384)
def _credit_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached per text: each edit of a unit asks again about the unit's whole text."""
    return tuple(m.span() for m in _CREDITS.finditer(text) if m.group().strip())


def dateline_span(sentence: str) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A sentence's opening dateline (place to dash) and the credit inside it, if any.

    >>> dateline_span("CAIRO (Reuters) - Hamas said")
    ((0, 17), (6, 15))
    >>> dateline_span("CAIRO (Reuters) -Hamas said")[0], dateline_span("US-China talks")
    ((0, 17), None)
    >>> dateline_span("BERLIN: Cannabis fans"), dateline_span("The US said")
    (((0, 7), None), None)
    >>> dateline_span("KYIV, Ukraine (AP) \u2014 Russia"), dateline_span("Kyiv, Ukraine (CNN) \u2014 Russia")
    (((0, 20), (14, 18)), ((0, 21), (14, 19)))
    >>> dateline_span("PARIS, Dec 2 (Reuters) - French"), dateline_span("US, China agree: a deal")
    (((0, 24), (13, 22)), None)
    >>> dateline_span("Geneva CNN \u2014 Delegates met"), dateline_span("Geneva AFP said")
    (((0, 12), (7, 10)), None)
    """
    match = _DATELINE.match(sentence)
    if not match:
        return None
    credit = match.span("credit") if match.group("credit") else None
    return (match.start("place"), match.end()), credit


_CHANNELS = r"X|Twitter|Facebook|Telegram|Instagram|YouTube|TikTok|(?:his|her|its|their) [\w ]{0,20}?(?:page|account|channel)|state television|television|radio"
_ATTRIBUTIONS = (
    (
        "photo",
        re.compile(
            rf"\((?P<source>{AGENCIES})(?: Photo[^)]*)?\)\s*$|\bPhoto:\s*(?P<source2>[^|.()]+?)(?=\s*\)?\s*$)|\bPhoto\s*/\s*(?P<source5>[A-Z][^|.]*?)\s*$|/\s*(?P<source3>{AGENCIES})\s*\)\s*$|\b(?P<source4>{AGENCIES}) Photo/"
        ),
    ),
    (
        "wire",
        re.compile(
            rf"\b(?P<source>{AGENCIES})\s+(?P<verb>reported|reports|said|says|added|wrote|quoted|cited)\b|\b(?P<verb2>told|according to|cited by|quoted by)\s+(?P<source2>{AGENCIES})\b|\((?P<source3>{AGENCIES})\)"
            # a sign-off ending the story: "... on Sunday. — Xinhua"
            rf"|[\u2013\u2014-]\s*(?P<source4>{AGENCIES})\s*$"
            # a dateline's bare credit: "Geneva CNN — ..."
            rf"|^[A-Z][a-z]+(?:,\s*{_REGION})?\s+(?P<source5>{AGENCIES})\s*[\u2013\u2014-]"
        ),
    ),
    (
        "channel",
        re.compile(
            rf"(?P<verb>said|wrote|posted|announced|stated|added|tweeted)\s+on\s+(?P<channel>{_CHANNELS})\b"
        ),
    ),
    (
        "source",
        re.compile(
            r",\s*(?P<source>(?:the|a|an)\s+[^,\"\u201c\u201d]{2,60}?)\s+(?P<verb>said|reported|stated|added|announced|wrote)\b[^,]*$|\b[Aa]ccording to (?P<source2>[^,.;]+)|(?P<source3>\b(?:\w+\s+){0,2}[Ss]ources?\s+(?:close to|familiar with|in|at|from)\s+[\w\u2019' -]+?)\s+(?P<verb3>said|told|say)\b"
            # a credit opening the sentence before a quote: 'The state television said, "...'
            r"|^(?P<source4>(?:The|A|An)\s+[^,\"\u201c\u201d]{2,60}?)\s+(?P<verb4>said|reported|stated|added|announced|wrote)(?=\s*[,:]\s*[\"\u201c])"
        ),
    ),
)


# What every match of a kind's pattern contains (each of its branches has one of these):
# searched for first, it rules out most sentences at a tenth of the cost of trying the
# pattern's branches at every position (the corpus pipeline reads every sentence of an
# archive here). tests/test_attributions.py checks it on the news-dev stories.
_CONTAINED = {
    "wire": re.compile(AGENCIES),
    "channel": re.compile(r"said|wrote|posted|announced|stated|added|tweeted"),
    "source": re.compile(r"said|reported|stated|added|announced|wrote|ccording to|ource"),
}


def _attributions_in(text: str, where: str) -> list[tuple[str, str, str, str, str]]:
    """(kind, source, verb, channel, matched text) found in one sentence."""
    found = []
    for kind, pattern in _ATTRIBUTIONS:
        if (kind == "photo") != (where == "caption"):
            continue  # captions credit photos; the body credits text
        contained = _CONTAINED.get(kind)
        if contained is not None and not contained.search(text):
            continue
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v}
            source = next(
                (
                    groups[k]
                    for k in ("source", "source2", "source3", "source4", "source5")
                    if k in groups
                ),
                "",
            )
            verb = next((groups[k] for k in ("verb", "verb2", "verb3", "verb4") if k in groups), "")
            channel = groups.get("channel", "")
            if kind == "channel":
                speaker = speaker_before(text[: match.start() + len(verb)])
                source = speaker[0] if speaker else ""
            if kind == "source" and re.fullmatch(AGENCIES, source.strip()):
                kind_found = "wire"
            else:
                kind_found = kind
            found.append((kind_found, source.strip(), verb, channel, match.group().strip(" ,")))
    return found


def find_attributions(articles: Article | Iterable[Article]) -> Attributions:
    """Wire credits and sourcing per article, one :class:`Attribution` each.

    ``kind``: ``wire`` (an agency credited for the text: "AFP reported", "AP said",
    "(AP)"), ``photo`` (an agency credited in a caption), ``source`` (", the Russian
    defense ministry said", "according to ...", "sources close to ... said") or
    ``channel`` ("said on X", "on his Facebook page").
    """
    articles = as_articles(articles)
    rows = []
    for article in articles:
        for where, index, text in article_sentences(article):
            for kind, source, verb, channel, matched in _attributions_in(text, where):
                rows.append(
                    Attribution(
                        article=article.id,
                        outlet=article.outlet or "unknown",
                        where=where,
                        index=index,
                        kind=kind,
                        source=source,
                        verb=verb,
                        channel=channel,
                        text=matched,
                        sentence=text,
                    )
                )
    return Attributions(rows)


def _source_key(kind: str, source: str) -> tuple[str, str]:
    source = re.sub(r"^(?:the|a|an)\s+", "", source.casefold())
    return kind, " ".join(source.split())


def _matched(x: Attribution | None, y: Attribution | None, status: str) -> AttributionMatch:
    one = x or y
    return AttributionMatch(
        kind=one.kind,
        source=one.source,
        status=status,
        text_a=x.text if x else "",
        text_b=y.text if y else "",
        where_a=x.where if x else "",
        where_b=y.where if y else "",
        sentence_a=x.sentence if x else "",
        sentence_b=y.sentence if y else "",
    )


def compare_attributions(a: Article | str, b: Article | str) -> AttributionMatches:
    """Which attributions each version has: ``kept``, ``dropped`` (only in a), ``added``.

    One :class:`AttributionMatch` each: ``kind, source, status, text_a, text_b, where_a, where_b, sentence_a,
    sentence_b``. An agency credited for the text and the same agency credited for a
    photo are different attributions.
    """
    a, b = as_pair(a, b)
    found_a = find_attributions(a)
    found_b = find_attributions(b)
    keys_b: dict[tuple[str, str], list[int]] = {}
    for k, row in enumerate(found_b):
        keys_b.setdefault(_source_key(row.kind, row.source), []).append(k)
    used: set[int] = set()
    rows = []
    for row in found_a:
        matches = [k for k in keys_b.get(_source_key(row.kind, row.source), []) if k not in used]
        if matches:
            used.add(matches[0])
            rows.append(_matched(row, found_b[matches[0]], "kept"))
        else:
            rows.append(_matched(row, None, "dropped"))
    rows.extend(_matched(None, row, "added") for k, row in enumerate(found_b) if k not in used)
    return AttributionMatches(rows)
