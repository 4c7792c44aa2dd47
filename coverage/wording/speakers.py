"""Articles -> their quotes, each with its speaker and where it stands.

**Quotes.** Curly and straight double quotes, and single quotes used as quotation marks
(not apostrophes), are found paragraph by paragraph, so a quote that runs over several
sentences is one quote; a quote nested inside another stays inside it; a quote left
open at a paragraph's end continues when the next paragraph opens with a quote mark
(the news convention). Quotes in the body and the dek are read (a dek that repeats a
body quote is not counted twice); captions are not.

**Speakers.** "X said/told/added ... " before the opening mark wins (``Shoigu said he
hoped that "..."``), else the words right after the closing mark (``," Shoigu told``,
``," said Putin``, ``," the Russian defense ministry said``); a participle ("stating
that", "describing ... as") gives the sentence's first person. "he"/"she" become the
last named person who spoke before (in a quote or in reported speech) and "it" the last
speaker that is not a person; otherwise the pronoun is kept. A quote paragraph with no
speaker continues the previous quote's, and so does a quote that opens its sentence
after a quote with a speaker in the same paragraph.

:mod:`quotes` compares the quotes of two versions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article
from ..names.groups import find_mentions
from ..names.mentions import Mention
from ..names.spans import DEMONYMS, TITLE_WORDS
from ..normalize import fold_typography, tokenize, word_key
from ..reading.articles import as_article, as_articles
from ..vocabulary import entries, listed
from .records import Quotes

__all__ = ["Quote", "find_quotes", "quotes_frame", "quote_words", "speaker_before", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = Quotes.columns  # one list, the records container's

_VERBS = "|".join(entries("speech_verbs"))
_PARTICIPLES = "|".join(entries("speech_participles"))
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# Linear on any text: a speaker starts only where a word starts (the lookbehind), words
# and spaces are taken whole (possessive), and a phrase has at most seven words.
_WORD_CHARS = r"\w\u2018\u2019'.\-"
_SPEAKER = rf"(?P<speaker>(?<![{_WORD_CHARS}])[{_WORD_CHARS}]++(?:\s++[{_WORD_CHARS}]++){{0,6}}?)"
_BEFORE = re.compile(rf"{_SPEAKER}\s++(?:also\s+|later\s+|then\s+)?(?P<verb>{_VERBS})\b")
_AFTER = re.compile(
    rf"^[\s,.\-\u2013\u2014]*+(?:{_SPEAKER}\s++(?P<verb>{_VERBS})\b|(?P<verb2>{_VERBS})\s+(?P<speaker2>[^,.;:!?]+))"
)
_PARTICIPLE = re.compile(rf"\b(?:{_PARTICIPLES})\b")
# A sentence that ends in its credit: ", Georg Wurth, director of the German Cannabis
# Association, told AFP." (an apposition of at most 80 characters, at most 80 after the
# verb: bounded, and only the sentence's last 300 characters are searched)
_CLOSING = re.compile(
    rf",\s++(?!(?:which|who|whom|whose|that|as|and|but|while|when|where|if|because|though)\b)"
    rf"{_SPEAKER}(?:,[^,\u201c\u201d\"]{{1,80}}+,)?\s++(?P<verb>{_VERBS})\b"
    rf"[^,;:\u201c\u201d\"]{{0,80}}+$"
)
_CLOSING_REACH = 300
# A speaker set off by an apposition or a relative clause before the verb: "the
# 1500tavsir channel, which monitors violations in Iran, said “...”" (bounded as above)
_APPOSED = re.compile(
    rf"{_SPEAKER},\s++[^,;:\u201c\u201d\"]{{1,80}}+,\s++(?P<verb>{_VERBS})\b"
    rf"[^,;:\u201c\u201d\"]{{0,40}}+$"
)
_NAMED = re.compile(  # at most six capitalised words of at most 41 letters (bounded: linear)
    rf"(?P<speaker>\b[A-Z][\w\u2019'\-]{{1,40}}+(?:\s++[A-Z][\w\u2019'\-]{{1,40}}+){{0,5}})(?:,?\s++[a-z][\w\u2019']*+){{0,3}}?\s++(?P<verb>{_VERBS})\b"
)
_AFTER_PREPOSITION = re.compile(r"(?:^|\W)(?:to|of|in|for|from|with|at|by|on)$")
_POSSESSIVE_AFTER = re.compile("['\u2019]s\\b")  # "Haniyeh's death": an object, not a speaker
_AGE = re.compile(r"\d{1,3}-year-old")  # "25-year-old Niyazi" is Niyazi
_SOURCE_NOUNS = listed("source_nouns")
_CALENDAR = listed("calendar")


@dataclass(frozen=True)
class Quote:
    """A quoted span, who said it, and where: ``start``/``end`` are offsets of the words
    inside the marks in the article's body (or dek); ``sentences`` index the sentences."""

    text: str
    speaker: str
    speaker_as_written: str
    verb: str
    article: str
    outlet: str
    where: str
    sentences: tuple[int, ...]
    start: int
    end: int

    def _repr_html_(self) -> str:
        from ..present.render import quote_html

        return quote_html(self)


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, left_open) of the outermost quotes of a paragraph, inside the marks."""
    spans: list[tuple[int, int, bool]] = []
    stack: list[tuple[str, int]] = []

    def close(end: int) -> None:
        while stack and stack[-1][0] != "d":
            stack.pop()  # a single quote never closed: an apostrophe after all
        if stack:
            _, start = stack.pop()
            if not stack:
                spans.append((start, end, False))

    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        in_double = any(kind == "d" for kind, _ in stack)
        if ch in "\u201c\u201e\u00ab" or (ch == '"' and not (stack and stack[-1][0] == "d")):
            if ch != '"' and stack and stack[-1][0] == "d":
                close(i)  # a new opening mark while one is open: the first was never closed
            stack.append(("d", i + 1))
        elif ch in "\u201d\u00bb" or ch == '"':
            close(i)
        elif ch in "\u2018'" and not prev.isalnum() and (nxt.isalnum() or nxt in '\u201c"'):
            stack.append(("s", i + 1))
        elif (
            ch in "\u2019'"
            and stack
            and stack[-1][0] == "s"
            and not nxt.isalnum()
            and not prev.isspace()
        ):
            _, start = stack.pop()
            if not stack:
                spans.append((start, i, False))
        elif ch in "\u2019'" and not in_double and stack and stack[-1][0] == "s" and nxt.isalnum():
            continue  # an apostrophe inside a single-quoted span
    doubles = [start for kind, start in stack if kind == "d"]
    if doubles:
        spans.append((doubles[0], len(text), True))
    return sorted(spans)


def speaker_before(before: str) -> tuple[str, str] | None:
    """The speaker named with a verb of saying before a quote's opening mark.

    >>> speaker_before("Meanwhile, the 1500tavsir channel, which monitors Iran, said ")
    ('the 1500tavsir channel', 'said')
    """
    matches = list(_BEFORE.finditer(before))
    for match in reversed(matches):
        speaker = _trim(match.group("speaker"))
        if speaker:
            return speaker, match.group("verb")
    apposed = _APPOSED.search(before, max(0, len(before) - _CLOSING_REACH))
    if apposed:
        speaker = _trim(apposed.group("speaker"))
        if speaker:
            return speaker, apposed.group("verb")
    return None


def _trim(speaker: str) -> str:
    """Keep the speaker's own words: "to reporters, he" -> "he", "Libya, Shoigu" -> "Shoigu"."""
    speaker = re.split(r"[,;:\u201c\u201d\"()]", speaker)[-1].strip()
    # "in Africa after Wagner chief Yevgeny Prigozhin": an adverbial opening is no speaker
    while _OPENING.match(speaker):
        parts = _PREPOSITION.split(speaker, maxsplit=1)
        speaker = parts[1].strip() if len(parts) > 1 else ""
    words = speaker.split()
    for k, word in enumerate(words):  # a pronoun ends the phrase: "that he" -> "he"
        if word.lower() in _PRONOUNS and k > 0:
            words = words[k:]
            break
    while words and words[0].lower() in {
        "that",
        "and",
        "but",
        "as",
        "what",
        "while",
        "where",
        "which",
        "who",
        "when",
        "then",
        "so",
    }:
        words = words[1:]
    if words and words[-1].lower() in {"and", "but", "or"}:
        return ""  # "briefed lawmakers ... Thursday and told them": the subject is further back
    if words and all(word_key(w) in _CALENDAR for w in words):
        return ""  # a day does not speak
    by = [k for k, word in enumerate(words) if word == "by"]
    if by and 0 < by[-1] < len(words) - 1:  # "A statement released by the Islamist faction"
        words = words[by[-1] + 1 :]
    if len(words) > 6:  # no name or role is that long: keep its trailing name or head
        start = len(words)  # "... a day after Tehran police": the trailing "Tehran police"
        while start and (
            words[start - 1][:1].isupper()
            or word_key(words[start - 1]) in _SOURCE_NOUNS
            or word_key(words[start - 1]) in TITLE_WORDS
        ):
            start -= 1
        capitalised = [w for w in words if w[:1].isupper()]
        if start < len(words) and any(w[:1].isupper() for w in words[start:]):
            words = words[start:][-6:]
        else:
            words = capitalised[-3:] if capitalised else words[-2:]
    return " ".join(words)


_OPENING = re.compile(r"(?:in|on|at|after|before|during|since|amid|over)\s", re.IGNORECASE)
_PREPOSITION = re.compile(  # (?<!\s): tried once per space run, not at each of its spaces
    r"(?<!\s)\s+(?:in|on|at|after|before|during|for|with|from|to|by|since|amid|over|about)\s+"
)

_QUOTED_AS = re.compile(
    r"^[\s,.\-\u2013\u2014]*[\w\u2019' -]{0,40}?\bquoted\s+(?P<speaker>[^,.;:]{2,60}?)\s+as\s+saying\b"
)


def _speaker_after(after: str) -> tuple[str, str] | None:
    quoted = _QUOTED_AS.match(after)  # "Xinhua quoted Zhang Xiaoguang as saying": Zhang spoke
    if quoted:
        return _trim(quoted.group("speaker")), "quoted"
    match = _AFTER.match(after)
    if not match:
        return _closing_credit(after)
    if match.group("verb"):
        speaker, verb = match.group("speaker"), match.group("verb")
    else:
        speaker, verb = match.group("speaker2"), match.group("verb2")
        speaker = re.split(r"\s+(?:in|on|at|during|after|before|to|who|that|as)\s+", speaker)[0]
    speaker = _trim(speaker)
    return (speaker, verb) if speaker else None


def _closing_credit(after: str) -> tuple[str, str] | None:
    """The speaker a sentence names in its closing credit, for a quote inside it.

    >>> _closing_credit(" in the event of a check, Georg Wurth, director of the Cannabis Association, told AFP.")
    ('Georg Wurth', 'told')
    >>> _closing_credit(" on dress codes, Tehran police said on Thursday.")
    ('Tehran police', 'said')
    >>> _closing_credit(" on his home, which officials said was empty.") is None
    True
    """
    match = _CLOSING.search(after, max(0, len(after) - _CLOSING_REACH))
    if not match:
        return None
    speaker = _trim(match.group("speaker"))
    return (speaker, match.group("verb")) if speaker else None


def _resolve(speaker: str, mentions: list[Mention]) -> tuple[str, bool]:
    """The entity a speaker phrase names, and whether it is a person.

    The phrase must end in the name, with only titles (or an age) before it ("Russian
    Foreign Minister Sergei Lavrov", "25-year-old Niyazi"); "the US embassy to Libya"
    stays as written.
    """
    for mention in mentions:
        if mention.text and speaker.endswith(mention.text):
            rest = speaker[: len(speaker) - len(mention.text)].split()
            if all(word_key(w) in TITLE_WORDS | DEMONYMS or _AGE.fullmatch(w) for w in rest):
                return mention.entity, mention.kind == "person"
    return speaker, False


def find_quotes(
    article: Article, *, mentions: Iterable[Mention] | None = None
) -> tuple[Quote, ...]:
    """Every quote of an article's body and dek, in reading order, with its speaker."""
    article = as_article(article)
    mentions = list(mentions) if mentions is not None else list(find_mentions([article]))
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for m in mentions:
        if m.article == article.id:
            by_sentence.setdefault((m.where, m.index), []).append(m)
    quotes: list[Quote] = []
    events: list[tuple[str, bool]] = []  # (speaker, is a person) of named speech so far
    seen: set[tuple[str, ...]] = set()
    article_mentions = [m for ms in by_sentence.values() for m in ms]
    persons = {m.entity for m in mentions if m.kind == "person"}  # not a scan per quote
    for where, text, sentences in _texts(article):
        pending: Quote | None = None
        offset = cursor = 0
        starts = [start for start, _ in sentences]
        for paragraph in text.split("\n\n"):
            paragraph_opens = len(quotes)  # the paragraph's quotes are those after this
            for start, end, left_open in _spans(paragraph):
                a, b = offset + start, offset + end
                inside = _overlapping(starts, sentences, a, b)
                first = sentences[inside[0]] if sentences else (0, len(text))
                last = sentences[inside[-1]] if sentences else (0, len(text))
                sentence_mentions = [m for k in inside for m in by_sentence.get((where, k), [])]
                before = text[first[0] : max(first[0], a - 1)]
                after = text[min(b + 1, last[1]) : last[1]]
                _named_events(text[cursor:a], article_mentions, events)
                cursor = max(b, last[1])  # the rest of the sentence attributes this quote
                found = speaker_before(before) or _speaker_after(after)
                participle = _PARTICIPLE.search(before)
                if found is None and participle:
                    persons = [
                        m
                        for m in sentence_mentions
                        if m.kind == "person" and not _POSSESSIVE_AFTER.match(m.sentence, m.end)
                    ]
                    found = (persons[0].text, participle.group()) if persons else None
                quote_text = text[a:b].strip().rstrip(",;:").rstrip()
                if pending is not None and start <= 1:  # a quote continued from the last paragraph
                    quote_text = pending.text + " " + quote_text
                    if pending.speaker or found is None:
                        speaker, written, verb = (
                            pending.speaker,
                            pending.speaker_as_written,
                            pending.verb,
                        )
                    else:  # the speaker is named after the last part
                        written, verb = found
                        speaker = _who(written, sentence_mentions, events)
                    a, inside = pending.start, [*pending.sentences, *inside]
                    quotes.pop()
                elif (
                    found is None
                    and quotes
                    and quotes[-1].where == where
                    and (
                        start <= 1  # a quote paragraph: the last quote's speaker goes on
                        # or a quote that opens its sentence after a quote of the same
                        # paragraph: '"We do all we can," Biden said. "That is our aim."'
                        or (
                            len(quotes) > paragraph_opens
                            and quotes[-1].speaker
                            and not before.strip()
                        )
                    )
                ):
                    speaker, written, verb = (
                        quotes[-1].speaker,
                        quotes[-1].speaker_as_written,
                        "continued",
                    )
                else:
                    written, verb = found if found else ("", "")
                    speaker = _who(written, sentence_mentions, events)
                key = tuple(quote_words(quote_text))
                if not (speaker or left_open) and _a_term(quote_text, key, before, after):
                    pending = None
                    continue  # "cannabis clubs": words in quotation marks, not speech
                if where == "dek" and key in seen:
                    continue
                seen.add(key)
                quote = Quote(
                    quote_text,
                    speaker,
                    written,
                    verb,
                    article.id,
                    article.outlet or "unknown",
                    where,
                    tuple(dict.fromkeys(inside)),
                    a,
                    b,
                )
                quotes.append(quote)
                pending = quote if left_open else None
                if speaker:
                    events.append((speaker, speaker in persons))
            offset += len(paragraph) + 2
    return tuple(quotes)


TERM_WORDS = 3
"""An unattributed quotation of up to this many words is a term, not speech."""

_SENTENCE_END = re.compile(r"[.!?\u2026]")
_SPEECH = re.compile(rf"(?<!so-)\b(?:{_VERBS}|{_PARTICIPLES})\b", re.IGNORECASE)


def _a_term(text: str, words: tuple[str, ...], before: str, after: str) -> bool:
    """Words in quotation marks that no one is said to say, as a name, a nickname, a
    title or scare quotes put them ("cannabis clubs", the so-called "morality police"): a
    few words, no sentence in them, and no verb of saying in their sentence. A partial
    quote keeps its speaker or its verb ("describing it as a "treacherous Zionist raid"",
    "to receive "instructions" on dress codes, police said") and stays a quote.

    >>> _a_term("cannabis clubs", ("cannabis", "clubs"), "weed through ", " in the country.")
    True
    >>> _a_term("instructions", ("instructions",), "to receive ", " on dress codes, police said")
    False
    """
    return (
        len(words) <= TERM_WORDS
        and not _SENTENCE_END.search(text)
        and not _SPEECH.search(before)
        and not _SPEECH.search(after)
    )


def _overlapping(starts: list[int], sentences: list[tuple[int, int]], a: int, b: int) -> list[int]:
    """Indices of the sentences that overlap [a, b) (bisected: articles may be long)."""
    k = max(0, bisect_right(starts, a) - 1)
    inside = []
    while k < len(sentences) and sentences[k][0] < max(b, a + 1):
        if sentences[k][1] > a:
            inside.append(k)
        k += 1
    return inside or [min(max(0, bisect_right(starts, a) - 1), max(len(sentences) - 1, 0))]


def _texts(article: Article) -> Iterable[tuple[str, str, list[tuple[int, int]]]]:
    yield "body", article.body, [(s.start, s.end) for s in article.sentences]
    if article.dek:
        from ..reading.segment import split_sentences

        yield "dek", article.dek, [(s.start, s.end) for s in split_sentences(article.dek)]


def _named_events(text: str, mentions: list[Mention], events: list[tuple[str, bool]]) -> None:
    """Record reported speech ("Dbeibah for his part said") before a quote."""
    for match in _NAMED.finditer(text):
        end = match.start()
        while end and text[end - 1].isspace():
            end -= 1
        if _AFTER_PREPOSITION.search(text[max(0, end - 8) : end]):
            continue  # "the US embassy to Libya said": Libya is not the speaker
        speaker = match.group("speaker")
        between = text[match.end("speaker") : match.start("verb")].split()
        heads = 0  # "Tehran police confirmed": the police spoke, not Tehran
        while heads < len(between) and word_key(between[heads]) in _SOURCE_NOUNS:
            heads += 1
        if heads:
            speaker = " ".join([speaker, *between[:heads]])
        entity, person = _resolve(speaker, mentions)
        if entity.lower() not in _PRONOUNS:
            events.append((entity, person))


def _who(written: str, mentions: list[Mention], events: list[tuple[str, bool]]) -> str:
    if not written:
        return ""
    if written.lower() in {"he", "she"}:
        persons = [name for name, person in events if person]
        return persons[-1] if persons else written
    if written.lower() == "it":
        others = [name for name, person in events if not person]
        return others[-1] if others else written
    return _resolve(written, mentions)[0]


def quotes_frame(articles: Article | Iterable[Article]) -> Quotes:
    """Every quote of every article (``.to_frame()``: one row each, :data:`QUOTE_COLUMNS`)."""
    articles = as_articles(articles)
    mentions = find_mentions(articles)
    return Quotes(q for article in articles for q in find_quotes(article, mentions=mentions))


def quote_words(text: str) -> tuple[str, ...]:
    """The words a quote is compared on: typography folded, the first word's capital too.

    >>> quote_words("\u201cThe first messages \u2014 positive\u2026\u201d") == quote_words('"the first messages - positive..."')
    True
    >>> quote_words("new economic climate") == quote_words("new economic Climate")
    False
    """
    words = [t.text for t in tokenize(fold_typography(text)) if t.text[:1].isalnum()]
    if words:
        words[0] = words[0].casefold()
    return tuple(words)
