"""Articles -> name mentions: where each name stands, its title, and who it refers to.

Names are found in the body, the dek and the photo captions (not in headlines, whose
words are all capitalised) by the rules of :mod:`name_spans`. Within an article, a
surname alone ("Haftar") refers to the full name ending in it (the nearest one before,
else the first after; of two people of one surname, the one written in full more often):
the mention's ``entity``. :func:`names.find_mentions` resolves
entities across articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Article
from ..normalize import Token
from ..reading.articles import as_articles
from ..reading.segment import split_sentences
from .memo import shared
from .spans import (
    _kind,
    _sentence_mentions,
    _stats,
    part_key,
)

__all__ = [
    "Mention",
    "extract_mentions",
    "mentions_by_sentence",
    "article_sentences",
    "part_key",
    "WHERE",
]

WHERE = ("body", "dek", "caption")


@dataclass(frozen=True)
class Mention:
    """A name found in an article, with where it stands and the title written before it.

    ``index`` is the sentence's position among the body's sentences (``article.sentences``),
    or among the dek's or the captions' sentences; ``start``/``end`` are the name's offsets
    in ``sentence``. ``parts`` are the name's words as written (possessive and standalone
    particles left out). ``entity`` is the full name the mention refers to.
    """

    article: str
    outlet: str
    where: str
    index: int
    sentence: str
    start: int
    end: int
    text: str
    parts: tuple[str, ...]
    title: str = ""
    title_start: int = 0
    kind: str = "name"
    entity: str = ""


def article_sentences(
    article: Article, *, where: Iterable[str] = WHERE
) -> Iterator[tuple[str, int, str]]:
    """(where, index, text) for each sentence of the body, the dek and the captions."""
    where = tuple(where)
    if "body" in where:
        for index, sentence in enumerate(article.sentences):
            yield "body", index, sentence.text
    if "dek" in where and article.dek:
        for index, sentence in enumerate(split_sentences(article.dek)):
            yield "dek", index, sentence.text
    if "caption" in where:
        index = 0
        for caption in article.captions:
            for line in caption.splitlines():
                for sentence in split_sentences(line):
                    yield "caption", index, sentence.text
                    index += 1


def extract_mentions(articles: Article | Iterable[Article]) -> tuple[Mention, ...]:
    """Every name mention of the articles, with ``entity`` resolved within each article."""
    articles = as_articles(articles)
    spans_of = mentions_by_sentence(articles)
    mentions: list[Mention] = []
    for article in articles:
        found, aliases = [], {}
        head = (article.id, article.outlet or "unknown")
        for where, index, text in article_sentences(article):
            spans, new_aliases = spans_of[text]
            aliases.update(new_aliases)
            found.extend((*head, where, index, text, *fields) for fields in spans)
        mentions.extend(_resolve(found, aliases))
    return tuple(mentions)


def mentions_by_sentence(
    articles: Article | Iterable[Article],
) -> dict[str, tuple[list[tuple], dict[str, str]]]:
    """Each distinct sentence of the articles -> its mentions as the fields of
    :class:`Mention` they fill before any entity is resolved (``start, end, text, parts,
    title, title_start, kind``) and its acronym aliases, read with the articles' corpus
    statistics. Versions of a story repeat sentences: each is read once. Made once per
    articles (named by identity: they are frozen) within a
    :func:`~comparative_coverage.names.memo.sharing` block; shared: never change it.
    """
    articles = as_articles(articles)
    key = ("mentions_by_sentence", tuple(map(id, articles)))
    return shared(key, lambda: _read_sentences(articles), keep=articles)


def _read_sentences(articles: list[Article]) -> dict[str, tuple[list[tuple], dict[str, str]]]:
    tokenized: dict[str, list[Token]] = {}
    plain: dict = {}
    stats = _stats(
        (text for article in articles for _, _, text in article_sentences(article)),
        tokenized,
        plain,
    )
    return {
        text: _read_sentence(text, stats, tokenized[text], plain[text])
        for text in tokenized  # every sentence, each once, in the order first read
    }


def _read_sentence(text: str, stats, tokens, plain) -> tuple[list[tuple], dict[str, str]]:
    """A sentence's mentions as the fields of :class:`Mention` they fill (``start, end,
    text, parts, title, title_start, kind``), and its acronym aliases."""
    spans, aliases = _sentence_mentions(text, stats, tokens, plain)
    fields = []
    for start, end, parts, title_start in spans:
        title = text[title_start:start].strip()
        fields.append(
            (
                start,
                end,
                text[start:end],
                tuple(parts),
                title,
                title_start,
                _kind(parts, title.split()),
            )
        )
    return fields, aliases


# the fields of a Mention but its entity, in order: each Mention is made once, resolved
_Found = tuple[str, str, str, int, str, int, int, str, tuple[str, ...], str, int, str]


def _preferred(full: dict[str, list[tuple[int, _Found]]]) -> dict[str, _Found]:
    """A surname of two people is the one written in full more often: "Joe Biden" twice,
    "Jill Biden" once, so "Biden" is Joe (AP style names the second in full each time)."""
    preferred = {}
    for key, same in full.items():
        written = Counter(m[7] for _, m in same).most_common(2)
        if len(written) > 1 and written[0][1] > written[1][1]:
            preferred[key] = next(m for _, m in same if m[7] == written[0][0])
    return preferred


def _resolve(mentions: list[_Found], aliases: dict[str, str]) -> list[Mention]:
    """Give each mention the full name it refers to, within one article."""
    full: dict[str, list[tuple[int, _Found]]] = {}  # last part -> full names ending in it
    for k, m in enumerate(mentions):
        if len(m[8]) >= 2:
            full.setdefault(part_key(m[8][-1]), []).append((k, m))
    person = {m[7] for m in mentions if m[11] == "person"}
    preferred = _preferred(full)
    resolved = []
    for k, mention in enumerate(mentions):
        *fields, text, parts, title, title_start, kind = mention
        entity = text
        if text in aliases:
            entity, kind = aliases[text], "group"
        elif len(parts) == 1:
            key = part_key(parts[0])
            target = preferred.get(key)
            if target is None:
                same = full.get(key, [])
                before = [m for j, m in same if j < k and m[2] == mention[2]]  # same ``where``
                target = before[-1] if before else same[0][1] if same else None
            if target is not None:
                entity, kind = target[7], target[11]
        if entity in person and kind == "name":
            kind = "person"
        resolved.append(Mention(*fields, text, parts, title, title_start, kind, entity))
    return resolved
