"""Name spellings -> the pairs that are spellings of one name, each with what confirms it.

Two spellings (as part keys, :func:`name_spans.part_key`) become **candidates** when
they look alike (:func:`same_name`: the same letters once case, accents, spacing and
"al-" are folded, or the same consonant skeleton, :func:`normalize.sound_key`, with
enough letters in common), and a candidate pair is kept only when something
**confirms** it:

- the spellings are nearly the same (skeleton equal and 85% of letters in common:
  Gaddafi / Qaddafi, Dbeibah / Dbeibeh, Zelensky / Zelenskyy);
- two full names agree part by part, with one part nearly or exactly the same
  (Muammar Qaddafi ~ Moamer Kadhafi; Mohammad Younes Menfi ~ Mohamed al-Menfi) -- so
  Vladimir Putin and Jean Patin stay apart;
- an alignment shows one replaced by the other at the same place (``alignments=``);
- the editable table ``data/name_variants.csv`` lists the pair (Kiev / Kyiv).

:mod:`names` groups the confirmed pairs into :class:`names.NameGroup` clusters.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein, Indel

from ..errors import InputNotFound, MissingColumn
from ..model import Alignment
from .spans import near_spelling as _near
from .spans import part_key, skeleton

__all__ = ["same_name", "skeleton", "confirmed_pairs"]

_POSSESSIVE = re.compile(r"['\u2019\u2018\u02bc]s$")


def same_name(a: str, b: str) -> bool:
    """Could ``a`` and ``b`` be spellings of one name? (A candidate; context confirms.)

    >>> same_name("Qaddafi", "Kadhafi"), same_name("Muammar", "Moamer")
    (True, True)
    >>> same_name("Abdul Hamid", "Abdulhamid"), same_name("Jin-ping", "Jinping")
    (True, True)
    >>> same_name("Tchiani", "Tiani"), same_name("Шойгу", "Shoigu"), same_name("Karikó", "Kariko")
    (True, True, True)
    >>> same_name("Libya", "Liberia"), same_name("Austria", "Australia")
    (False, False)
    >>> same_name("Mohammed", "Mahmoud"), same_name("Khalifa", "Khaled")
    (False, False)
    >>> same_name("Zelenska", "Zelensky"), same_name("Ivanova", "Ivanov"), same_name("Zelenskiy", "Zelensky")
    (False, False, True)
    """
    ka, kb = part_key(a), part_key(b)
    if ka == kb:
        return bool(ka)
    if min(len(ka), len(kb)) < 3:
        return False
    if _gendered(ka, kb) or _gendered(kb, ka):
        return False  # Olena Zelenska is not Volodymyr Zelensky: a surname's feminine form
    sa, sb = skeleton(ka), skeleton(kb)
    letters = Indel.normalized_similarity(ka, kb)
    if sa == sb and len(sa) >= 2:
        return letters >= 0.6
    if letters >= 0.85 and sa[1:] == sb[1:]:  # Yevkurov / Evkurov: only the first sound
        return True
    # a transliteration with a letter or two more or less inside: Tchiani / Tiani
    return (
        min(len(ka), len(kb)) >= 5
        and ka[0] == kb[0]
        and ka[-3:] == kb[-3:]
        and letters >= 0.8
        and DamerauLevenshtein.distance(ka, kb) == abs(len(ka) - len(kb)) <= 2
    )


def _gendered(feminine: str, other: str) -> bool:
    """Is ``feminine`` the feminine form of the surname ``other`` (Zelenska / Zelensky,
    Ivanova / Ivanov, Navalnaya / Navalny): Slavic surnames change their ending, not
    their spelling, for a woman."""
    for her, his in _GENDERED_ENDINGS:
        if feminine.endswith(her) and other.endswith(his):
            stem = feminine[: len(feminine) - len(her)]
            if len(stem) >= 3 and other[: len(other) - len(his)] == stem:
                return True
    return False


# (feminine, masculine) endings of Slavic surnames, as part keys spell them
_GENDERED_ENDINGS = (
    ("ska", "sky"),
    ("ska", "ski"),
    ("ska", "skiy"),
    ("ska", "skyy"),
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
    ("aya", "y"),
    ("aya", "iy"),
)


def _candidates(keys: Sequence[str]) -> set[tuple[str, str]]:
    """Pairs of distinct keys that :func:`same_name` accepts.

    Both of its rules need the skeletons to agree after their first sound, so only keys
    in one such block are compared: near-linear in the number of spellings.
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        blocks[skeleton(k)[1:]].append(k)
    pairs = set()
    for block in blocks.values():
        block.sort()
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same_name(a, b):
                    pairs.add((a, b))
    return pairs


def _agree(x: str, y: str, candidates: set[tuple[str, str]]) -> bool:
    return x == y or (min(x, y), max(x, y)) in candidates


def _full_name_pairs(
    full_names: dict[tuple[str, ...], str], candidates: set[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """Candidate pairs confirmed by two full names agreeing first to first, last to last."""
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in full_names:
        by_last[name[-1]].append(name)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in candidates:
        neighbours[a].add(b)
        neighbours[b].add(a)
    confirmed: dict[tuple[str, str], str] = {}
    for last, names in by_last.items():
        for other_last in sorted({last} | neighbours[last]):
            for f1 in names:
                for f2 in by_last.get(other_last, ()):
                    if f1 >= f2 or not _agree(f1[0], f2[0], candidates):
                        continue
                    pairs = [(f1[0], f2[0]), (f1[-1], f2[-1])]
                    if not any(
                        x == y or Indel.normalized_similarity(x, y) >= 0.7 for x, y in pairs
                    ):
                        continue
                    for x, y in pairs:
                        if x != y:
                            confirmed.setdefault(
                                (min(x, y), max(x, y)), f"{full_names[f1]} ~ {full_names[f2]}"
                            )
    return confirmed


def _aligned_words(a_words: tuple[str, ...], b_words: tuple[str, ...]) -> list[tuple[str, str]]:
    """Capitalised words replaced one for one ("Muammar Qaddafi" -> "Moamer Kadhafi",
    "post-Qaddafi" -> "post-Kadhafi"), or the whole phrase when the counts differ."""
    if len(a_words) != len(b_words):
        return [(" ".join(a_words), " ".join(b_words))]
    pairs = []
    for x, y in zip(a_words, b_words, strict=True):
        xs, ys = x.split("-"), y.split("-")
        pieces = zip(xs, ys, strict=True) if len(xs) == len(ys) else [(x, y)]
        pairs.extend((p, q) for p, q in pieces if p != q)
    return pairs


def _aligned_pairs(alignments: Iterable[Alignment], candidates: set[tuple[str, str]]) -> dict:
    """Candidate pairs that an alignment shows replacing one another at the same place."""
    confirmed = {}
    for alignment in alignments:
        for unit in alignment.units:
            for edit in unit.edits:
                if edit.tag != "replace":
                    continue
                for x, y in _aligned_words(edit.a_words, edit.b_words):
                    if not (x[:1].isupper() and y[:1].isupper()):
                        continue
                    a, b = part_key(_POSSESSIVE.sub("", x)), part_key(_POSSESSIVE.sub("", y))
                    pair = (min(a, b), max(a, b))
                    if a != b and (pair in candidates or same_name(a, b)):
                        confirmed.setdefault(
                            pair, f"aligned in {alignment.a_name} / {alignment.b_name}"
                        )
    return confirmed


@lru_cache(maxsize=1)
def _bundled_known() -> tuple[tuple[str, str], ...]:
    text = (
        resources.files("comparative_coverage")
        .joinpath("resources/name_variants.csv")
        .read_text("utf-8")
    )
    return _parse_known(text, name="data/name_variants.csv")


def _parse_known(text: str, *, name: str) -> tuple[tuple[str, str], ...]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or ()]
    if "name" not in columns or "variant" not in columns:
        raise MissingColumn(f"{name} needs the columns name,variant (and an optional note)")
    pairs = []
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if row["name"] and row["variant"] and not row["name"].startswith("#"):
            pairs.append((row["name"], row["variant"]))
    return tuple(pairs)


def _known_pairs(
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> tuple[tuple[str, str], ...]:
    if known is None:
        return _bundled_known()
    if isinstance(known, (str, Path)):
        path = Path(known)
        if not path.is_file():
            raise InputNotFound(f"{path} does not exist; pass a CSV with the columns name,variant")
        return _parse_known(path.read_text(encoding="utf-8-sig"), name=str(path))
    return tuple((str(a), str(b)) for a, b in known)


def confirmed_pairs(
    keys: Sequence[str],
    full_names: dict[tuple[str, ...], str],
    alignments: Iterable[Alignment],
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> dict[tuple[str, str], str]:
    """Pairs ``(a, b)``, ``a < b``, of ``keys`` (sorted part keys) that name one person or
    place, each with the first reason found: a near spelling, two full names (part keys
    of names of 2+ parts -> as written), an alignment, or the ``known`` table (``None``
    for ``data/name_variants.csv``, a path to another CSV, pairs, or ``()``)."""
    known = _known_pairs(known)
    candidates = _candidates(keys)
    reasons: dict[tuple[str, str], str] = {}
    for a, b in sorted(candidates):
        if _near(a, b):
            reasons[a, b] = "near spelling"
    for pair, why in _full_name_pairs(full_names, candidates).items():
        reasons.setdefault(pair, "full names " + why)
    for pair, why in _aligned_pairs(alignments, candidates).items():
        reasons.setdefault(pair, why)
    present = set(keys)
    for a, b in known:
        ka, kb = part_key(a), part_key(b)
        if ka != kb:
            reasons.setdefault((min(ka, kb), max(ka, kb)), "listed in name_variants.csv")
    return {pair: why for pair, why in reasons.items() if set(pair) <= present}
