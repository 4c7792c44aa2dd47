"""A corpus of articles -> stories: the sibling versions of one report, with the evidence.

:func:`find_stories` works in two steps, so that it scales to a large corpus:

1. **Candidates.** Each article becomes a MinHash signature over shingles of its content
   words (sound keys, so Qaddafi and Kadhafi shingle alike), computed in numpy batches
   while the corpus streams past. Banded locality-sensitive hashing proposes pairs whose
   signatures agree in a whole band; no pair of articles is compared otherwise.
2. **Confirmation.** A proposed pair is aligned sentence by sentence
   (:func:`align.align`, without word diffs). It is linked when enough of both versions'
   sentences align (``threshold``), or when nearly all of the shorter one does
   (``containment``: a brief cut from the full report). Stories are the linked groups;
   each :class:`StoryLink` records the evidence.

Articles that only share a topic share few shingles and fewer aligned sentences, so
they stay apart (:mod:`related` is the looser level: stories about the same people and
places).
"""

from __future__ import annotations

import math
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..alignment.aligner import align
from ..errors import EmptyInput
from ..model import Alignment, Article
from ..normalize import STOPWORDS, sound_key, word_key
from ..options import Options, resolve
from ..reading.articles import with_sentences
from ..unionfind import UnionFind

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Story",
    "StoryLink",
    "default_bands",
    "find_stories",
    "least_similarity",
    "one_story",
    "shingles",
    "minhash",
]

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_MAX_HASH = np.uint64(0xFFFFFFFF)
_MIN_JACCARD = 0.04  # candidates estimated below this are not worth aligning (two-row bands)
_BATCH = 256  # articles hashed per numpy batch
_BIG_BUCKET = 64  # a band bucket this full is boilerplate: members pair with neighbours only
SMALL_CORPUS = 300  # articles: up to this many, every pair MinHash sees overlap is checked
STRONG = 0.5  # least unit score for a sentence pair to count as shared between versions


@dataclass(frozen=True, kw_only=True)
class StoryLink:
    """Why two versions belong to one story: a confirmed, aligned pair.

    ``share`` is the share of both versions' sentences that align strongly (in units
    scoring at least ``STRONG``); ``score`` the mean score of those units (1.0: every
    shared sentence identical once typography is folded). ``a`` is the version aligned
    as ``a`` (of the two, the closer by MinHash to the rest of its group of candidates).
    """

    a: str
    b: str
    share: float
    score: float


@dataclass(frozen=True)
class Story:
    """The versions of one story, in corpus order, and the links that tie them together.

    A single article is a story of its own (one member, no links).
    """

    id: str
    articles: tuple[Article, ...]
    title: str
    links: tuple[StoryLink, ...] = ()
    # the options the story was found with (None: built by hand); not part of its identity
    options: Options | None = field(default=None, compare=False, repr=False)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.articles)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(a.outlet or "unknown" for a in self.articles)

    def to_frame(self) -> pd.DataFrame:
        """One row per version: story, article_id, outlet, title, date, sentences, words."""
        from ..present.tables import stories_frame

        return stories_frame([self])

    def _repr_html_(self) -> str:
        from ..present.render import stories_html

        return stories_html([self])

    def __repr__(self) -> str:
        versions = "version" if len(self.articles) == 1 else "versions"
        return (
            f"<Story {self.id!r} {self.title[:60]!r}: {len(self.articles)} {versions} "
            f"({', '.join(self.outlets)})>"
        )


# ---- signatures -------------------------------------------------------------------------


def shingles(paragraphs: Iterable[str], *, size: int = 3) -> list[str]:
    """The word shingles an article is fingerprinted by: runs of ``size`` content-word keys.

    Stop words are left out and each word is reduced to its sound key, so spelling
    variants and small function-word edits do not break a shingle.

    >>> shingles(["Muammar Qaddafi was killed in 2011."], size=2)
    ['mr kdf', 'kdf kld', 'kld 2011']
    """
    words = [w for p in paragraphs for w in _WORD.findall(p)]
    keys = [sound_key(w) for w in words if word_key(w) not in STOPWORDS]
    if len(keys) < size:
        return [" ".join(keys)] if keys else []
    return [" ".join(keys[k : k + size]) for k in range(len(keys) - size + 1)]


def _key_hashes(paragraphs: Iterable[str], cache: dict[str, int]) -> list[int]:
    """32-bit hashes of an article's content-word keys (stable across runs: crc32)."""
    hashes = []
    for paragraph in paragraphs:
        for word in _WORD.findall(paragraph):
            value = cache.get(word)
            if value is None:
                key = sound_key(word)
                value = 0 if word_key(word) in STOPWORDS else zlib.crc32(key.encode()) | 1
                if len(cache) < 2_000_000:
                    cache[word] = value
            if value:
                hashes.append(value)
    return hashes


def _shingle_hashes(keys: np.ndarray, size: int) -> np.ndarray:
    """Combine each run of ``size`` key hashes into one 32-bit shingle hash."""
    if len(keys) < size:
        keys = np.concatenate([keys, np.zeros(size - len(keys), np.uint64)])
    mixed = np.zeros(len(keys) - size + 1, np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):
            mixed = (mixed ^ keys[k : len(keys) - size + 1 + k]) * np.uint64(0x9E3779B97F4A7C15)
    return (mixed >> np.uint64(32)) ^ (mixed & _MAX_HASH)


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def minhash(hashes: Sequence[np.ndarray], *, num_perm: int = 64, seed: int = 1) -> np.ndarray:
    """MinHash signatures (one uint32 row per document) of 32-bit shingle hashes.

    Multiply-shift hashing, ``(a * x + b) >> 32`` in wrapping 64-bit arithmetic, stands in
    for random permutations; the minimum over a document's shingles is taken for all
    documents of a batch at once (``np.minimum.reduceat``). An empty document gets the
    all-ones signature, which the candidate step ignores.

    >>> x = np.array([1, 2, 3], dtype=np.uint64)
    >>> sig = minhash([x, x, np.array([7, 8], dtype=np.uint64)], num_perm=8)
    >>> sig.shape, sig.dtype.name, bool((sig[0] == sig[1]).all()), bool((sig[0] == sig[2]).any())
    ((3, 8), 'uint32', True, False)
    """
    a, b = _permutations(num_perm, seed)
    out = np.full((len(hashes), num_perm), 0xFFFFFFFF, dtype=np.uint32)
    filled = [k for k, h in enumerate(hashes) if len(h)]
    if not filled:
        return out
    values = np.concatenate([hashes[k] for k in filled])
    starts = np.cumsum([0] + [len(hashes[k]) for k in filled[:-1]])
    with np.errstate(over="ignore"):
        for first in range(0, num_perm, 16):  # a block of permutations at a time: bounded memory
            block = slice(first, first + 16)
            hashed = (a[block, None] * values[None, :] + b[block, None]) >> np.uint64(32)
            out[filled, block] = np.minimum.reduceat(hashed, starts, axis=1).T
    return out


def _signatures(
    articles: Iterable[Article], *, size: int, num_perm: int, seed: int, bar
) -> tuple[list[Article], np.ndarray]:
    """Stream the corpus in batches: the articles kept, and one signature row each."""
    kept: list[Article] = []
    rows: list[np.ndarray] = []
    cache: dict[str, int] = {}
    batch: list[np.ndarray] = []
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(
                f"find_stories() takes Articles (see read_articles), not {type(article).__name__}"
            )
        kept.append(article)
        keys = np.array(_key_hashes(article.paragraphs, cache), dtype=np.uint64)
        batch.append(_shingle_hashes(keys, size) if len(keys) else keys)
        if len(batch) == _BATCH:
            rows.append(minhash(batch, num_perm=num_perm, seed=seed))
            bar.update(len(batch))
            batch = []
    if batch:
        rows.append(minhash(batch, num_perm=num_perm, seed=seed))
        bar.update(len(batch))
    empty = np.zeros((0, num_perm), dtype=np.uint32)
    return kept, (np.concatenate(rows) if rows else empty)


def default_bands(count: int, num_perm: int) -> int:
    """The MinHash index's bands for a corpus of ``count`` articles.

    Bands of two rows propose a pair whose shingles overlap by 30% nearly always, but one
    overlapping by 5% (an outlet that rewrote the wire copy) one time in seven; bands of
    one row propose it nearly always, and every pair of unrelated articles on a topic as
    well. Up to :data:`SMALL_CORPUS` articles (a folder a reporter gathered) those pairs
    are few enough to check; a larger corpus keeps two rows, so its candidates stay few.

    >>> default_bands(30, 128), default_bands(100_000, 128)
    (128, 64)
    """
    return num_perm if count <= SMALL_CORPUS else max(1, num_perm // 2)


def least_similarity(bands: int, num_perm: int) -> float:
    """The least estimated similarity of a proposed pair that is aligned.

    With bands of one row (a small corpus, :func:`default_bands`) every pair MinHash sees
    overlapping is to be checked, so two equal values of ``num_perm`` suffice (one may be
    a single shared phrase): a machine translation of the wire copy shares 5 of 128 with
    it (Iron Blade's Amini story), under the 0.04 that keeps a large corpus's candidates
    few. Its sentences still have to align for the pair to be linked.

    >>> least_similarity(128, 128), least_similarity(64, 128)
    (0.015625, 0.04)
    """
    return 2 / num_perm if bands >= num_perm else _MIN_JACCARD


def _candidates(signatures: np.ndarray, bands: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) that agree on a whole band, and their estimated Jaccard similarity.

    Within a band, sorting the band keys puts equal keys in runs; an article pairs with
    every other one in its run, or, in a run longer than ``_BIG_BUCKET`` (boilerplate
    every article shares), with its next few neighbours only.
    """
    count, num_perm = signatures.shape
    rows = num_perm // bands
    filled = np.flatnonzero((signatures != 0xFFFFFFFF).any(axis=1))
    found: list[np.ndarray] = []
    for band in range(bands):
        part = np.ascontiguousarray(signatures[filled, band * rows : (band + 1) * rows])
        keys = part.view(np.dtype((np.void, part.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")  # equal keys: ascending article index
        for first, second in run_pairs(keys[order], filled[order]):
            found.append(first * count + second)
    if not found:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    codes = np.unique(np.concatenate(found))
    pairs = np.stack([codes // count, codes % count], axis=1)
    similarity = estimated_similarity(signatures[pairs[:, 0]], signatures[pairs[:, 1]])
    keep = similarity >= least_similarity(bands, num_perm)
    return pairs[keep], similarity[keep]


def leading_weights(pairs: np.ndarray, similarity: np.ndarray) -> dict[int, float]:
    """Each article's estimated similarity with its candidate partners, summed: of a pair
    the confirmation aligns, the one with more is ``a``.

    A story's spine is the version closest to all the others (see ``compare``), which
    aligns every version with it, the spine as ``a``: the confirmation's alignment of a
    pair with the spine is reused when it was made that way round. The article closest
    by MinHash to the rest of its component is that version in 1,255 of 1,303 links with
    the spine on 2,000 generated articles (by position: 676). ``math.fsum``: the same
    weight whatever order the pairs come in (the cluster's partitions sort them).
    """
    shares: dict[int, list[float]] = defaultdict(list)
    for (i, j), share in zip(pairs.tolist(), similarity.tolist(), strict=True):
        shares[i].append(share)
        shares[j].append(share)
    return {k: math.fsum(found) for k, found in shares.items()}


def run_pairs(ordered: np.ndarray, members: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The candidate pairs of one sorted run of band keys, as arrays of first and second members.

    ``ordered`` holds band keys sorted so that equal keys are adjacent and ``members``
    the article index of each (ascending within a run of equal keys). A member pairs with
    every other one in its run or, in a run longer than ``_BIG_BUCKET``, with its next
    four neighbours only. Shared with :mod:`distributed`, which runs it per shuffled
    partition of band keys.
    """
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    run = np.diff(np.append(starts, len(ordered)))
    run_size = np.repeat(run, run)
    for step in range(1, len(ordered)):
        same = ordered[step:] == ordered[:-step]
        same &= (run_size[step:] <= _BIG_BUCKET) | (step <= 4)
        if not same.any():
            break
        hits = np.flatnonzero(same)
        yield members[hits], members[hits + step]


def estimated_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The Jaccard similarity MinHash estimates for rows of signatures: the share of equal values."""
    return (a == b).mean(axis=1)


# ---- confirmation -----------------------------------------------------------------------


def _evidence(
    aligned: Alignment | None, *, threshold: float, containment: float
) -> tuple[float, float] | None:
    """(share, score) when an alignment (``diffs=False``) of two sentence lists says they
    are versions of one story, else None (None too for a missing alignment: a list was empty).

    Only units that align strongly (score >= ``STRONG``) count: between two stories on
    one topic the aligner also finds weak pairs of sentences that share a few rare
    names, and those must not add up to a story.
    """
    if aligned is None:
        return None
    a, b = aligned.a_sentences, aligned.b_sentences
    units = [u for u in aligned.units if u.a and u.b and u.score >= STRONG]
    if len(units) < min(2, len(a), len(b)):
        return None  # one shared sentence is a quote or a background line, not a story
    aligned_a = sum(len(u.a) for u in units)
    aligned_b = sum(len(u.b) for u in units)
    share = (aligned_a + aligned_b) / (len(a) + len(b))
    if len(a) == len(b):  # either is the shorter: the same answer whichever is a
        shorter = max(aligned_a, aligned_b) / len(a)
    else:
        shorter = aligned_a / len(a) if len(a) < len(b) else aligned_b / len(b)
    if share < threshold and shorter < containment:
        return None
    # fsum: the same mean whichever version is a (the units come in the order of b)
    return round(share, 4), round(math.fsum(u.score for u in units) / len(units), 4)


def _components(pairs: np.ndarray, similarity: np.ndarray) -> Iterator[list[int]]:
    """Positions of candidate pairs, grouped by connected component, best pairs first."""
    forest = UnionFind()
    for i, j in pairs.tolist():
        forest.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for position, i in enumerate(pairs[:, 0].tolist()):
        groups[forest.find(i)].append(position)
    for root in sorted(groups):
        members = groups[root]
        members.sort(key=lambda p: (-similarity[p], pairs[p, 0], pairs[p, 1]))
        yield members


def find_stories(
    articles: Iterable[Article],
    *,
    options: Options | None = None,
    threshold: float | None = None,
    containment: float | None = None,
    shingle: int = 3,
    num_perm: int = 128,
    bands: int | None = None,
    seed: int = 1,
    progress: bool = False,
    **overrides: Any,
) -> list[Story]:
    """Group a corpus into stories: the versions of one report, kept apart from mere topics.

    Two articles are linked when aligning them pairs at least two sentences and either
    ``story_threshold`` of all their sentences align or ``story_containment`` of the
    shorter one's do; stories are the groups of linked articles (a link between two of
    them is enough). ``options`` (an :class:`Options`, plus keyword overrides of its
    fields) sets those two shares and the aligner's numbers, and each story records it;
    ``threshold`` and ``containment`` are short for ``story_threshold`` and
    ``story_containment``.
    ``shingle``, ``num_perm``, ``bands`` and ``seed`` tune the MinHash candidate index:
    ``num_perm // bands`` rows a band. ``bands`` left out is :func:`default_bands`: two
    rows a band in a large corpus (nearly every pair whose shingles overlap by 30% or more
    is proposed), one in a corpus of up to :data:`SMALL_CORPUS` articles, where aligning
    every pair MinHash sees overlapping is cheap and a heavy rewrite is not left alone.
    ``progress=True`` shows a tqdm progress bar.

    Stories come in order of their first article; ids are ``story-1``, ``story-2``...
    """
    if bands is None:
        articles = articles if isinstance(articles, Sequence) else list(articles)
        bands = default_bands(len(articles), num_perm)
    if shingle < 1 or bands < 1 or num_perm % bands:
        raise ValueError(
            f"shingle={shingle} and bands={bands} must be at least 1, and num_perm={num_perm} "
            "a multiple of bands"
        )
    from tqdm.auto import tqdm

    if threshold is not None:
        overrides["story_threshold"] = threshold
    if containment is not None:
        overrides["story_containment"] = containment
    options = resolve(options, **overrides)
    total = len(articles) if isinstance(articles, Sequence) else None
    with tqdm(total=total, desc="fingerprinting", unit="article", disable=not progress) as bar:
        corpus, signatures = _signatures(
            articles, size=shingle, num_perm=num_perm, seed=seed, bar=bar
        )
    pairs, similarity = _candidates(signatures, bands)
    leading = leading_weights(pairs, similarity)
    forest = UnionFind()
    links: list[tuple[int, int, float, float]] = []
    with tqdm(total=len(pairs), desc="confirming", unit="pair", disable=not progress) as bar:
        for component in _components(pairs, similarity):
            links += confirm(
                [(int(pairs[p, 0]), int(pairs[p, 1])) for p in component],
                corpus.__getitem__,
                forest,
                threshold=options.story_threshold,
                containment=options.story_containment,
                options=options,
                leading=leading,
            )
            bar.update(len(component))
    return _assemble(corpus, forest, links, options=options)


def confirm(
    pairs: Iterable[tuple[int, int]],
    article: Callable[[int], Article],
    forest: UnionFind,
    *,
    threshold: float,
    containment: float,
    options: Options | None = None,
    aligned: dict[tuple[int, int], Alignment] | None = None,
    leading: Mapping[int, float] | None = None,
) -> list[tuple[int, int, float, float]]:
    """Align the candidate pairs of one component in order; link and join those that hold.

    A pair whose articles are already joined is skipped, so the links found depend on
    the order (best pairs first); components are independent, so :mod:`distributed`
    confirms them in parallel with the same result. Sentences are split once per article
    and kept only for this component. Of a pair, the article with the larger ``leading``
    weight (:func:`leading_weights`; the earlier on a tie) is aligned as ``a``, and a
    link ``(a, b, share, score)`` names it first. ``aligned``, when given, receives each
    pair's alignment (``diffs=False``) by ``(a, b)``, for :func:`compare` to reuse.
    """
    sentences: dict[int, tuple[str, ...]] = {}
    links = []
    weight = (leading or {}).get
    for i, j in pairs:
        if forest.find(i) == forest.find(j):
            continue
        if (weight(j, 0.0), -j) > (weight(i, 0.0), -i):
            i, j = j, i
        for k in (i, j):
            if k not in sentences:
                sentences[k] = tuple(s.text for s in with_sentences(article(k)).sentences)
        alignment = None
        if sentences[i] and sentences[j]:
            alignment = align(sentences[i], sentences[j], diffs=False, options=options)
            if aligned is not None:
                aligned[i, j] = alignment
        found = _evidence(alignment, threshold=threshold, containment=containment)
        if found:
            forest.union(i, j)
            links.append((i, j, *found))
    return links


def _assemble(
    corpus: list[Article], forest: UnionFind, links: list[tuple], *, options: Options | None = None
) -> list[Story]:
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(corpus)):
        members[forest.find(index)].append(index)
    by_root: dict[int, list[StoryLink]] = defaultdict(list)
    for i, j, share, score in sorted(links):
        by_root[forest.find(i)].append(
            StoryLink(a=corpus[i].id, b=corpus[j].id, share=share, score=score)
        )
    stories = []
    for number, root in enumerate(sorted(members), 1):
        versions = tuple(corpus[k] for k in members[root])
        stories.append(
            Story(
                f"story-{number}",
                versions,
                _title(versions),
                tuple(by_root.get(root, ())),
                options=options,
            )
        )
    return stories


def one_story(articles: Iterable[Article], *, options: Options | None = None) -> Story:
    """Every article as a version of one story, because the user says so: no grouping.

    For versions collected by hand. :func:`find_stories` links two articles only when
    they share sentences, so a heavy rewrite (a bulletin written before the full story,
    a paraphrase, a machine translation) can stay a story of its own; here it is a
    version. ``links`` stays empty: nothing was confirmed.

    >>> one_story([Article("a#1", "A", "Talks", ("Talks began.",)),
    ...            Article("b#1", "B", "", ("Talks start.",))])
    <Story 'story-1' 'Talks': 2 versions (A, B)>
    """
    versions = tuple(articles)
    if not versions:
        raise EmptyInput("there are no articles to make a story of")
    return Story("story-1", versions, _title(versions), options=options)


def _title(versions: tuple[Article, ...]) -> str:
    """The first version's headline, else its opening words (cut where a word ends).

    >>> _title((Article("a#1", "A", "", ("Germany legalised cannabis " * 5,)),))
    'Germany legalised cannabis Germany legalised cannabis Germany legalised…'
    """
    for article in versions:
        if article.title.strip():
            return article.title.strip()
    first = versions[0].paragraphs[0] if versions[0].paragraphs else versions[0].id
    first = " ".join(first.split())
    if len(first) <= 80:
        return first
    cut = first.rfind(" ", 0, 80)
    return first[: cut if cut > 0 else 80].rstrip(" ,;:-\u2013\u2014") + "\u2026"
