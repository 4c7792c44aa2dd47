"""An alignment -> one named kind per word edit; many alignments -> mined substitutions.

Every non-equal word edit gets one ``kind`` (:data:`KINDS`; what a reader is shown is
:data:`KIND_TITLES`). Each is defined in one sentence:

- ``name_variant``: the same name spelled another way (a transliteration, accents, spacing,
  a figure inside it, a word inflected: Qaddafi / Kadhafi, Шойгу / Shoigu, Abdul Hamid /
  Abdelhamid, 1500tavsir / Tasvir 1500, Revolutionary Guards / Guard);
- ``name_form``: a fuller or shorter form of the same name (President Vladimir Putin /
  President Putin, "Corporation of China, Ltd." / "Corporation of China", "(CAAC)" added);
- ``spelling``: the same word spelled another way (British/American, hyphenation, case);
- ``label``: another descriptor for the same person, group or thing (leader / strongman,
  "the Islamic republic's morality police" / "the notorious morality police"), never an
  honorific or a bare job title;
- ``honorific``: a courtesy title added, dropped or standing for a first name (Ms Sturgeon);
- ``attribution``: a credit for the information added, dropped or changed ("told AFP" /
  "said", "(AP)", "the report said"), a dateline with its credit added or dropped whole
  included ("WASHINGTON (AP) —": one editorial act, one change);
- ``dateline``: a place-only dateline that opens a wire story added, dropped or restyled
  ("BERLIN -" / "BERLIN:"), or restyled without its credit ("Tehran (AFP) -" / "Tehran:");
- ``number``: a figure updated (820 / 1,000 dead, 128 / nearly 160 passengers), in one
  sentence pair or across sentences the aligner did not pair (``figure_elsewhere``,
  :mod:`.figures`);
- ``format``: the same content in another house style (U.S. / US, July 1 / 1 July,
  US$209 billion / USD 209 billion, a comma inside or outside the quotation marks);
- ``typo``: a misspelling or extraction damage (Minster / Minister, ``???????``);
- ``grammar``: the same words inflected otherwise (statement / statements, has / have);
- ``added_detail`` / ``dropped_detail``: words only one side has (on Friday, war-shattered);
- ``rewritten``: a passage of six or more words a side rewritten as a whole, sharing
  under a third of its words (too different to name one change);
- ``word_choice``: one word or a short phrase swapped for another that says the same,
  with no name, figure or date in it (largest / biggest, was given / got, open an inquiry /
  conduct an investigation);
- ``other``: a rewording that is none of these.

``detail`` says more: the spelling rule (``case``, ``accents``, ``hyphenation``,
``british_american``), how a name differs (``transliteration``, ``spacing``,
``shorter_name``, ``fuller_name``, ``inflection``), the lexicon categories of a label
(or ``descriptor``, ``name_for_descriptor``, ``premodifier``, ``beside_name``), what a
detail is (``time``, ``title``,
``quote``, ``number``, ``name``), and for the other kinds what happened (``added``,
``dropped``, ``changed``, ``restyled``, ``punctuation``, ``style``, ``figure``, ...).

A long edit is cut into pieces first (:mod:`.pieces`): a dateline and a credit inside it
("CAIRO (AP) -" / "CAIRO -") are pieces of their own, so each is named, unless the
credited dateline goes or comes whole. Words are shown as written in the sentences (the
text between the piece's offsets), never re-joined tokens. One edit's kind comes from
:mod:`.edit_rules`; what shows only across a unit's sentences or a whole version (a name
that moved, a version's own spelling, a figure updated elsewhere) from :mod:`.moves`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Alignment
from ..names.memo import shared
from .edit_rules import (
    classify_edit,
    content_words,
    is_attribution,
)
from .lexicon import Lexicon, load_lexicon, loaded_direction
from .moves import (
    _credit_rows,
    _moved_figures,
    _moved_forms,
    _moved_honorifics,
    _moved_labels,
    _moved_names,
    _names_for_descriptions,
    _restated_forms,
    _swapped_premodifiers,
    _version_figures,
    _version_modifiers,
    _version_names,
    _word_order,
)
from .pieces import _credit_moved, _one_move, _pieces, _starts, change_row, unit_sentence
from .records import Change, Changes, Substitution, Substitutions

__all__ = [
    "KINDS",
    "KIND_TITLES",
    "KIND_COLUMNS",
    "classify_edit",
    "classify_changes",
    "mine_substitutions",
    "is_attribution",
    "kind_title",
]

KINDS = (
    "name_variant",
    "name_form",
    "spelling",
    "label",
    "honorific",
    "attribution",
    "dateline",
    "number",
    "format",
    "typo",
    "grammar",
    "added_detail",
    "dropped_detail",
    "rewritten",
    "word_choice",
    "other",
)
# What a reader is shown for each kind: charts, tables, the report, the classroom.
KIND_TITLES = {
    "name_variant": "name spelling",
    "name_form": "fuller or shorter name",
    "spelling": "spelling",
    "label": "label",
    "honorific": "honorific (Mr, Ms)",
    "attribution": "attribution (source credited)",
    "dateline": "dateline",
    "number": "figure changed",
    "format": "format or style",
    "typo": "typo",
    "grammar": "grammar (number, tense)",
    "rewritten": "passage rewritten",
    "word_choice": "word choice",
    "added_detail": "detail added",
    "dropped_detail": "detail left out",
    "other": "other rewording",
}
KIND_COLUMNS = (
    "unit",
    "a_index",
    "b_index",
    "tag",
    "a_words",
    "b_words",
    "kind",
    "detail",
    "loaded",
    "a_terms",
    "b_terms",
    "status",
    "a_outlet",
    "b_outlet",
    "a_start",
    "a_end",
    "b_start",
    "b_end",
)


def kind_title(kind: str) -> str:
    """The words a reader is shown for a kind (the kind itself when unknown).

    >>> kind_title("dropped_detail"), kind_title("name_form")
    ('detail left out', 'fuller or shorter name')
    """
    return KIND_TITLES.get(kind, kind.replace("_", " "))


def _unit_rows(alignment: Alignment, unit, lexicon: Lexicon) -> list[tuple]:
    a_parts = tuple(alignment.a_sentences[i] for i in unit.a)
    b_parts = tuple(alignment.b_sentences[j] for j in unit.b)
    # two versions that rewrote a spine sentence alike make the same edits of it: the
    # pieces and their kinds are found once a story (in a sharing block)
    found = shared(
        ("unit_changes", a_parts, b_parts, unit.edits, lexicon),
        lambda: _unit_changes(a_parts, b_parts, unit.edits, lexicon),
    )
    return [
        change_row(
            alignment,
            unit,
            unit_sentence(alignment, unit, "a", a_span[0]) if unit.a else None,
            unit_sentence(alignment, unit, "b", b_span[0]) if unit.b else None,
            tag,
            a_words,
            b_words,
            kind,
            detail,
            a_span,
            b_span,
            loaded=loaded,
            a_terms=a_terms,
            b_terms=b_terms,
        )
        for tag, a_words, b_words, kind, detail, a_span, b_span, loaded, a_terms, b_terms in found
    ]


def _unit_changes(
    a_parts: tuple[str, ...], b_parts: tuple[str, ...], edits, lexicon: Lexicon
) -> tuple[tuple, ...]:
    """The classified pieces of a unit's edits, as the fields of its rows that depend
    on the unit's texts alone."""
    a_text, b_text = " ".join(a_parts), " ".join(b_parts)
    a_starts, b_starts = _starts(list(a_parts)), _starts(list(b_parts))
    found = []
    for edit in edits:
        if edit.tag == "equal":
            continue
        for piece, forced in _pieces(edit, a_text, b_text, a_starts, b_starts):
            kind, detail = forced or classify_edit(
                piece, a_text=a_text, b_text=b_text, lexicon=lexicon
            )
            a_words = a_text[piece.a_span[0] : piece.a_span[1]].strip() if piece.a_words else ""
            b_words = b_text[piece.b_span[0] : piece.b_span[1]].strip() if piece.b_words else ""
            if _credit_moved(kind, detail, a_words, b_words, a_text, b_text):
                kind, detail = "other", "credit_moved"
            found.append(
                (
                    piece.tag,
                    a_words,
                    b_words,
                    kind,
                    detail,
                    piece.a_span,
                    piece.b_span,
                    loaded_direction(a_words, b_words, lexicon=lexicon),
                    "; ".join(h.term.term for h in lexicon.find(a_words)),
                    "; ".join(h.term.term for h in lexicon.find(b_words)),
                )
            )
    return tuple(found)


def _unchanged(alignment: Alignment, unit) -> bool:
    """Every edit of a paired unit equal and its joined texts the same (most of the wire
    copy two versions share)."""
    return (
        all(edit.tag == "equal" for edit in unit.edits)
        and bool(unit.a and unit.b)
        and [alignment.a_sentences[i] for i in unit.a] == [alignment.b_sentences[j] for j in unit.b]
    )


def classify_changes(alignment: Alignment, *, lexicon: Lexicon | None = None) -> Changes:
    """One :class:`Change` per non-equal word edit, with its ``kind`` (see :data:`KINDS`).

    Fields (:data:`KIND_COLUMNS`, the columns of ``.to_frame()``): ``unit, a_index,
    b_index, tag, a_words, b_words, kind, detail, loaded`` (``towards``/``away``/``none``: did the edit move towards
    loaded language, by the lexicon's load), ``a_terms, b_terms`` (lexicon terms on each
    side), ``status`` (the unit's), ``a_outlet, b_outlet``, and character offsets in the
    unit's joined sentences.
    """
    lexicon = lexicon or load_lexicon()
    rows = []
    for unit in alignment.units:
        if unit.edits and _unchanged(alignment, unit):
            continue  # the same words: no edit, so nothing added, dropped or moved
        if unit.edits:
            found = _word_order(_one_move(_unit_rows(alignment, unit, lexicon)))
            for extra in (
                _moved_names,
                _moved_forms,
                _moved_figures,
                _moved_honorifics,
                _swapped_premodifiers,
                _names_for_descriptions,
            ):  # words in rewrites
                found = extra(alignment, unit, found)
            rows.extend(_moved_labels(alignment, unit, found, lexicon))
        elif not (unit.a and unit.b):
            rows.extend(_credit_rows(alignment, unit, lexicon))
    rows = _version_modifiers(alignment, _version_names(alignment, rows))
    rows = _restated_forms(alignment, _version_figures(alignment, rows))
    return Changes(Change(**dict(zip(KIND_COLUMNS, row, strict=True))) for row in rows)


def mine_substitutions(
    alignments: Iterable[Alignment],
    *,
    lexicon: Lexicon | None = None,
    kinds: Iterable[str] = ("label", "other"),
    max_words: int = 6,
) -> Substitutions:
    """Word replacements across many alignments, most frequent first: a lexicon's to-do list.

    One :class:`Substitution` per distinct (a_words, b_words), case folded: ``a_words, b_words, count,
    kind, loaded, a_terms, b_terms, unlisted`` (content words the lexicon lacks) and
    ``outlets`` (which pairs of outlets made the substitution).
    """
    lexicon = lexicon or load_lexicon()
    kinds = set(kinds)
    counted: Counter = Counter()
    first: dict[tuple[str, str], Change] = {}
    outlets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alignment in alignments:
        for row in classify_changes(alignment, lexicon=lexicon):
            if row.tag != "replace" or row.kind not in kinds:
                continue
            if max(len(row.a_words.split()), len(row.b_words.split())) > max_words:
                continue
            key = (row.a_words.casefold(), row.b_words.casefold())
            counted[key] += 1
            first.setdefault(key, row)
            pair = f"{row.a_outlet} -> {row.b_outlet}"
            if pair not in outlets[key]:
                outlets[key].append(pair)
    found = []
    for key, count in counted.items():
        row = first[key]
        both = f"{row.a_words} {row.b_words}"
        known = {term_word for h in lexicon.find(both) for term_word in h.text.split()}
        unlisted = [w for w in content_words(tuple(both.split())) if w not in known]
        found.append(
            Substitution(
                a_words=row.a_words,
                b_words=row.b_words,
                count=count,
                kind=row.kind,
                loaded=row.loaded,
                a_terms=row.a_terms,
                b_terms=row.b_terms,
                unlisted="; ".join(dict.fromkeys(unlisted)),
                outlets="; ".join(outlets[key]),
            )
        )
    found.sort(key=lambda s: (-s.count, s.a_words, s.b_words))
    return Substitutions(found)
