"""One word edit (with its sentences) -> its kind and detail: the rules, in order.

:mod:`kinds` walks an alignment and calls :func:`classify_edit` once per piece of an
edit; this module holds the rules. Order matters: the first that holds wins.

1. punctuation only: ``format``; inside an opening dateline: ``dateline``;
2. a credit ("told AFP", "(AP)", "the report said"): ``attribution``;
3. ``honorific`` (Ms Sturgeon), extraction damage (``typo``);
4. the same words spelled otherwise: ``name_variant`` or ``spelling``;
5. the same content in another style: ``format``; another figure: ``number``;
6. a misspelling of a word the text knows: ``typo``;
7. words added to or dropped from a name: ``name_form``; a word of a name inflected
   (Revolutionary Guards / Guard): ``name_variant``;
8. a descriptor beside a name or a noun, or a lexicon term: ``label`` (never an age, a
   job title swapped, sources swapped, or a nationality alone before a thing);
9. words only one side has: ``added_detail`` / ``dropped_detail``; a short phrase for
   another (no name, figure or date): ``word_choice``; else ``other``.

:func:`label_pieces` cuts a label out of a longer replace before these rules run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import DamerauLevenshtein, Indel

from ..model import WordEdit
from ..names.groups import same_name, skeleton
from ..names.spans import DEMONYMS, ORG_HEADS, TITLE_WORDS, part_key
from ..normalize import STOPWORDS, tokenize, word_key
from ..vocabulary import cached_by_lists, entries, listed
from ..vocabulary import words as words_of
from .attributions import credit_spans
from .forms import (
    format_change,
    format_key,
    has_number,
    honorific_change,
    lost_dot,
    number_change,
    typo,
)
from .lexicon import Lexicon, load_lexicon
from .spelling import spelling_rule

__all__ = [
    "classify_edit",
    "is_attribution",
    "content_words",
    "credit_kept",
    "detail_of",
    "is_age",
    "is_ownership",
    "label_pieces",
    "title_and_first_name",
    "name_pair",
    "number_word_keys",
    "word_pair",
]

_TIME = listed("calendar", "relative_time")
_CALENDAR = listed("calendar")
_MODIFIERS = listed("descriptor_modifiers")
_JOB_TITLES = listed("job_titles")
_REPORTING = listed("verbs_of_reporting")
_AGENCY_WORDS = listed("agencies")
_POSSESSIVE = re.compile(r"['\u2019\u2018\u02bc]s$")
# compiled once: a pattern given to re.findall is looked up in the re module's cache,
# Python code, at each of the rules' hundreds of thousands of calls in a corpus run
_WORDS = re.compile(r"[\w'\u2019]+")
_NEXT_WORD = re.compile(r"\s*([\w\u2019'@.\-]+)")
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_SPACE_OR_HYPHEN = re.compile(r"[\s\-]")
_ADJECTIVE = re.compile(r"(?:al|ic|ian|ese|ary|ous|ive|ern|ist|ish|less|ful|ite)$")
_DETERMINERS = frozenset("the a an its his her their this that".split())
_PERSON_CATEGORIES = frozenset({"ruler", "armed group", "government", "description"})
_VERBS = frozenset({"speech"})  # lexicon categories of verbs (said / claimed): no descriptor
_ORG_SUFFIXES = frozenset("ltd inc co corp plc llc ag sa gmbh".split())


def is_attribution(phrase: str) -> bool:
    """Does a phrase credit a source ("AFP reported", "according to AP", "(AP)")?

    >>> is_attribution(", AFP reported"), is_attribution("the ministry said"), is_attribution("war-shattered")
    (True, True, False)
    """
    words = _WORDS.findall(phrase)
    credited = sum(len(_WORDS.findall(phrase, a, b)) for a, b in credit_spans(phrase))
    if words and credited * 2 >= len(words):  # the phrase is mostly a credit
        return True
    keys = [word_key(w) for w in words if w[:1].islower()]
    agency = any(w.upper() in _AGENCY_WORDS or w in _AGENCY_WORDS for w in words)
    reporting = any(k in _REPORTING for k in keys)
    return reporting and (agency or len(words) <= 4)


def content_words(words: Iterable[str]) -> list[str]:
    return [w for w in words if w[:1].isalnum() and word_key(w) not in STOPWORDS]


def detail_of(words: tuple[str, ...]) -> str:
    """What an added or dropped run of words is (``time``, ``title``, ``quote`` ...)."""
    phrase = " ".join(words)
    content = content_words(words)
    if not content:
        return "punctuation" if not any(w[:1].isalnum() for w in words) else ""
    if re.search(r"[\"\u201c\u201d]", phrase):
        return "quote"
    if all(word_key(w) in TITLE_WORDS for w in content):
        return "title"
    if any(word_key(w) in _TIME or re.fullmatch(r"(?:1[89]|20)\d\d", w) for w in content):
        return "time"
    if all(w[:1].isupper() for w in content):
        return "name"
    if any(c.isdigit() for c in phrase):
        return "number"
    return ""


@cached_by_lists()
def word_pair(x: str, y: str) -> tuple[str, str] | None:
    """The spelling or name variant two single words are (recognized / recognised,
    Qaddafi / Gaddafi): its kind and detail, or None when the words differ in meaning
    (cached per pair: each version asks again)."""
    px, py = _POSSESSIVE.sub("", x), _POSSESSIVE.sub("", y)
    if px != x or py != y:
        if px == py or (px != x) != (py != y):
            return None  # Russia's / Russia: grammar, not a spelling
        x, y = px, py
    rule = spelling_rule(x, y)
    names = _capital(x) and _capital(y) and not (_known_word(x) or _known_word(y))
    if rule == "case":
        return "spelling", "case"
    if rule in ("accents", "hyphenation"):
        if names:
            return "name_variant", "spacing" if rule == "hyphenation" else rule
        return "spelling", rule
    if rule:
        return "spelling", rule
    if names and same_name(x, y):
        return "name_variant", "transliteration"
    return None


def _capital(word: str) -> bool:
    """Capitalised, or a name behind an article prefix (al-Dbeibeh)."""
    return word[:1].isupper() or re.match(r"^[a-z]{1,3}[-\u2010\u2011][A-Z]", word) is not None


def _known_word(word: str) -> bool:
    """A title or a common word: its near twin is a typo, not another name (Minster)."""
    key = word_key(word)
    return key in TITLE_WORDS or key in _JOB_TITLES or key in DEMONYMS


def name_pair(x: str, y: str) -> tuple[str, str] | None:
    """The name variant two single words are, if they are one (Zelenskyy / Zelensky)."""
    found = word_pair(x, y)
    return found if found and found[0] == "name_variant" else None


def _pieces_of(x: str) -> list[str]:
    return _INNER_HYPHEN.split(x)


def _variant(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, str] | None:
    """Name variant or spelling when the phrases differ only in how words are spelled."""
    words_a = [w for w in a if w[:1].isalnum() or w[:1] in "@#"]
    words_b = [w for w in b if w[:1].isalnum() or w[:1] in "@#"]
    if not words_a or not words_b:
        return None
    pa, pb = " ".join(words_a), " ".join(words_b)
    if _SPACE_OR_HYPHEN.sub("", pa.casefold()) == _SPACE_OR_HYPHEN.sub("", pb.casefold()):
        return word_pair(pa, pb) or ("spelling", "hyphenation")
    capitalised = all(_capital(w) or w[:1] in "@#" for w in words_a + words_b)
    if capitalised and part_key(pa) == part_key(pb):
        return "name_variant", "spacing"  # @HumzaYousaf / Humza Yousaf
    if len(words_a) != len(words_b):
        if capitalised and len(words_a + words_b) <= 4 and same_name(pa, pb):
            return "name_variant", "transliteration"  # Abdul Hamid / Abdelhamid
        return None
    found: list[tuple[str, str]] = []
    for x, y in zip(words_a, words_b, strict=True):
        if x != y:
            kinds = _word_kinds(x, y)
            if kinds is None:
                return None
            found.extend(kinds)
    if not found:
        return None
    names = [k for k in found if k[0] == "name_variant"]
    return names[0] if names else found[0]


def _same_figure_name(a: str, b: str) -> bool:
    """A name with a figure in it, spelled two ways: the same figure, and letters that
    are one transliteration apart (1500tavsir / Tasmir 1500, Covid19 / COVID-19).

    >>> _same_figure_name("1500tavsir", "Tasmir 1500"), _same_figure_name("128 passengers", "160 passengers")
    (True, False)
    """
    digits_a, digits_b = re.findall(r"\d+", a), re.findall(r"\d+", b)
    if not digits_a or sorted(digits_a) != sorted(digits_b):
        return False
    letters_a = "".join(re.findall(r"[^\W\d_]+", a)).casefold()
    letters_b = "".join(re.findall(r"[^\W\d_]+", b)).casefold()
    if letters_a == letters_b:
        return a != b and bool(letters_a) and any(_MIXED.search(w) for w in a.split() + b.split())
    return (
        min(len(letters_a), len(letters_b)) >= 5
        and letters_a[0] == letters_b[0]
        and DamerauLevenshtein.distance(letters_a, letters_b) <= 2
        and any(_MIXED.search(w) for w in a.split() + b.split())
    )


_MIXED = re.compile(r"\d[^\W\d_]|[^\W\d_]\d")  # a word that carries its figure: 1500tavsir


def _word_kinds(x: str, y: str) -> list[tuple[str, str]] | None:
    """The kinds of one changed word, piece by piece for compounds (post-Qaddafi)."""
    whole = word_pair(x, y)
    if whole and whole[0] == "name_variant":  # al-Sisi / el-Sissi
        return [whole]
    xs, ys = _pieces_of(x), _pieces_of(y)
    pieces = zip(xs, ys, strict=True) if len(xs) == len(ys) and len(xs) > 1 else [(x, y)]
    found = []
    for px, py in pieces:
        if px != py:
            kind = word_pair(px, py)
            if kind is None:
                return None
            found.append(kind)
    return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word in ("(", ")") or (word[:1] == "(" and word[1:2].isupper())


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def _previous_word(text: str, start: int) -> str:
    r"""The word before ``start``, past spaces and commas (a loop: the regex
    ``([\w'@.\-]+)[\s,]*$`` was quadratic on a long run of word characters)."""
    end = start = min(start, len(text))
    while end and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "_\u2019'@.-"):
        start -= 1
    return text[start:end]


def _name_word(word: str) -> bool:
    key = word_key(word)
    return (
        word[:1].isupper()
        and key not in STOPWORDS
        and key not in TITLE_WORDS
        and key not in DEMONYMS
        and key not in _TIME
    )


def _name_form(words: tuple[str, ...], text: str, span: tuple[int, int]) -> bool:
    """Words added to or dropped from a name: a first name, ", Ltd.", "(CAAC)"."""
    content = [w for w in words if w[:1].isalnum()]
    if any(
        _POSSESSIVE.search(w) or not all(p[:1].isupper() for p in w.split("-")) for w in content
    ):
        return False  # Iran's, Twenty-two-year-old
    if not content or len(content) > 4:
        return False
    if not all(_name_word(w) or word_key(w).rstrip(".") in _ORG_SUFFIXES for w in content):
        return False
    before, after = _previous_word(text, span[0]), _next_word(text, span[1])
    acronym = words[0] == "(" and words[-1] == ")" and len(content) == 1 and content[0].isupper()
    if acronym:
        return _name_word(before)
    if words[0] == ",":  # "Corporation of China, Ltd."
        return _name_word(before) and all(word_key(w).rstrip(".") in _ORG_SUFFIXES for w in content)
    if not words[-1][:1].isalnum():
        return False
    return _name_word(after) or (_name_word(before) and not _POSSESSIVE.search(before))


def _descriptor_word(word: str, lexicon: Lexicon) -> bool:
    """May this word be part of a descriptor (Palestinian, notorious, renegade, chief)?"""
    key = word_key(word)
    if not word[:1].isalnum() or key in _REPORTING:
        return False
    if key in _DETERMINERS or _POSSESSIVE.search(word):
        return True
    if key in STOPWORDS:
        return False
    if key.endswith(("ed", "ing")) and "-" not in word and key not in _MODIFIERS:
        return bool(lexicon.find(word))  # a verb, most likely: "accomplished", "including"
    return (
        "-" in word
        or word[:1].isupper()
        or key in _MODIFIERS
        or key in TITLE_WORDS
        or key in DEMONYMS
        or bool(lexicon.find(word))
        or bool(_ADJECTIVE.search(key))
        or key.endswith("ly")
        or len(key) >= 4
    )


def _descriptor(words: tuple[str, ...], lexicon: Lexicon) -> bool:
    content = [w for w in words if w[:1].isalnum()]
    return 0 < len(content) <= 6 and all(_descriptor_word(w, lexicon) for w in content)


def _signal(words: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Does a phrase carry a descriptor's mark: a title, a modifier, a nationality, a term?"""
    for word in words:
        key = word_key(word)
        if (
            key in _MODIFIERS
            or key in DEMONYMS
            or (key in TITLE_WORDS and key not in listed("honorifics"))
            or key in ORG_HEADS
            or lexicon.find(word)
            or "-" in word
            or (key.endswith("ly") and len(key) > 6)  # "indigenously built"
        ):
            return True
    return False


def _head_follows(text: str, end: int) -> bool:
    """Is the word after a descriptor a name or a noun it can describe?"""
    after = _next_word(text, end)
    key = word_key(after)
    return bool(after) and after[:1].isalnum() and key not in STOPWORDS and key not in _REPORTING


def is_ownership(words: Iterable[str]) -> bool:
    """Who owns or runs an organisation ("the state-run", "privately held"): a fact, not a
    label, as a nationality before a thing is not one.

    >>> is_ownership(("the", "state-run")), is_ownership(("privately", "held")), is_ownership(("elite",))
    (True, True, False)
    """
    content = [word_key(w) for w in words if w[:1].isalnum() and word_key(w) not in _DETERMINERS]
    return bool(content) and " ".join(content) in words_of("ownership_words")


def _label(edit: WordEdit, a_text: str, b_text: str, lexicon: Lexicon) -> str | None:
    """The label's detail when an edit swaps, adds or drops a descriptor."""
    a_terms = {(h.term.term, h.term.category) for h in lexicon.find(edit.a_phrase)}
    b_terms = {(h.term.term, h.term.category) for h in lexicon.find(edit.b_phrase)}
    shared = {c for _, c in a_terms} & {c for _, c in b_terms}
    short = max(len(content_words(edit.a_words)), len(content_words(edit.b_words))) <= 6
    if is_age(edit.a_words + edit.b_words):
        return None  # "Twenty-two-year-old": an age is a detail
    if is_ownership(edit.a_words) or is_ownership(edit.b_words):
        return None  # "the state-run" airline: who owns it is a detail
    if edit.tag == "replace" and _not_a_label(edit.a_words, edit.b_words):
        return None
    changed = {c for _, c in a_terms ^ b_terms}
    if edit.tag == "replace" and a_terms != b_terms and shared and short and changed - _VERBS:
        return "; ".join(sorted(changed))  # leader / strongman
    if edit.tag == "replace":
        if _name_for_descriptor(edit.a_words, edit.b_words, lexicon) or _name_for_descriptor(
            edit.b_words, edit.a_words, lexicon
        ):
            return "name_for_descriptor"  # Haniyeh / the Palestinian leader
        if not (_descriptor(edit.a_words, lexicon) and _descriptor(edit.b_words, lexicon)) or not (
            _signal(edit.a_words, lexicon) or _signal(edit.b_words, lexicon)
        ):
            return None
        if _only_names(edit.a_words) or _only_names(edit.b_words):
            return None  # Iranian / Mahsa, Iranian / Iran's: a name is no descriptor
        if (
            a_text
            and b_text
            and not (
                _head_follows(a_text, edit.a_span[1]) and _head_follows(b_text, edit.b_span[1])
            )
        ):
            return None
        return "descriptor"
    return _one_side_label(edit, a_text, b_text, lexicon)


def _one_side_label(edit: WordEdit, a_text: str, b_text: str, lexicon: Lexicon) -> str | None:
    """The label's detail when an edit adds or drops a descriptor beside a name or noun."""
    words, text, span = (
        (edit.b_words, b_text, edit.b_span)
        if edit.tag == "insert"
        else (edit.a_words, a_text, edit.a_span)
    )
    content = content_words(words)
    after = _next_word(text, span[1]) if text else ""
    person_follows = after[:1].isupper() or word_key(after) in TITLE_WORDS
    if (
        content
        and _name_word(after)
        and _only_names(tuple(content[-1:]))
        and not _place_word(content[-1])
    ):
        return None  # "young woman [Mahsa] Amini": a descriptor ends where the name begins
    described = _described_owner(words, _previous_word(text, span[0]) if text else "")
    strong = _POSSESSIVE.search(words[-1]) or any(
        word_key(w) in _MODIFIERS or lexicon.find(w) for w in content
    )
    if (
        content
        and (person_follows or (strong and _head_follows(text, span[1])))
        and (_descriptor(words, lexicon) or described)
        and (_signal(words, lexicon) or described)
        and not any(c in " ".join(words) for c in '"\u201c\u201d')
        and not all(word_key(w) in _JOB_TITLES or word_key(w) in TITLE_WORDS for w in content)
        and (_person_after(after) or not all(_place_word(w) for w in content))
    ):
        return "descriptor"  # "Ukrainian" President Volodymyr, "elite" Revolutionary Guards
    return None


def _described_owner(words: tuple[str, ...], before: str = "") -> bool:
    """ "the Islamic republic's" (morality police): an owner named by a description, not
    by a bare name; the article may stand just before the words."""
    content = [w for w in words if w[:1].isalnum()]
    if word_key(before) == "the":
        content = ["the", *content]
    return (
        len(content) >= 3
        and word_key(content[0]) in ("the", "its", "their")
        and _POSSESSIVE.search(content[-1]) is not None
    )


def _person_after(word: str) -> bool:
    """A name or a job title follows (Ukrainian President, U.S. Secretary): a person."""
    return word[:1].isupper() or word_key(word) in _JOB_TITLES


def _place_word(word: str) -> bool:
    """A nationality or a country (Iranian, U.S.): before a thing, where it is, not a label."""
    key = word_key(_POSSESSIVE.sub("", word))
    return key in DEMONYMS or key.rstrip(".") in DEMONYMS


def _not_a_label(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Job titles swapped (president-elect / president), or sources (media / television)."""
    ka = [word_key(w) for w in content_words(a)]
    kb = [word_key(w) for w in content_words(b)]
    if not ka or not kb:
        return False
    titles = all(k in _JOB_TITLES or _title_compound(k) for k in ka + kb)
    return titles or all(k in _SOURCE_NOUNS for k in ka + kb)


def _title_compound(key: str) -> bool:
    """president-elect, vice-president, ex-minister: a job title with a prefix or suffix."""
    parts = [p for p in key.split("-") if p not in listed("title_affixes")]
    return len(parts) == 1 and parts[0] != key and parts[0] in _JOB_TITLES


def _only_names(words: tuple[str, ...]) -> bool:
    content = content_words(words)
    return bool(content) and all(_name_word(_POSSESSIVE.sub("", w)) for w in content)


def _name_for_descriptor(names: tuple[str, ...], other: tuple[str, ...], lexicon: Lexicon) -> bool:
    """A name on one side, "the X ... leader" on the other (Hanieh / The Palestinian leader)."""
    content = content_words(names)
    words = [w for w in other if w[:1].isalnum()]
    if not content or not all(_name_word(w) and not _POSSESSIVE.search(w) for w in content):
        return False
    if len(words) < 2 or word_key(words[0]) not in ("the", "a", "an"):
        return False
    head = word_key(words[-1])
    return (
        head in TITLE_WORDS
        or any(h.term.category in _PERSON_CATEGORIES for h in lexicon.find(words[-1]))
        or (len(head) > 4 and re.search(r"(?:er|or|ist|man|woman)$", head) is not None)
    )


_AGE = re.compile(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week)s?-old$", re.IGNORECASE)


def is_age(words: Iterable[str]) -> bool:
    """A person's age ("22-year-old", "Twenty-two-year-old"): a detail, not a label."""
    return any(_AGE.match(w) for w in words)


def _premodifiers(words: tuple[str, ...], head: str, before: str = "") -> int:
    """How many of a phrase's last words open the noun phrase of ``head``: from its last
    determiner or possessive on ("by [the Islamic republic's] morality police"), or all
    of them when the word before the phrase is that determiner ("the [feared] police")."""
    count = 0
    for word in reversed(words):
        key = word_key(word)
        if not word[:1].isalnum() or key in _REPORTING or _AGE.match(word):
            return 0
        if key in STOPWORDS and key not in _DETERMINERS:
            return 0
        if head[:1].isupper() and word[:1].isupper() and not _POSSESSIVE.search(word):
            return 0  # "the Islamic" before Revolutionary Guards: part of the name
        count += 1
        if key in _DETERMINERS or _POSSESSIVE.search(word):
            break
    else:
        opened = word_key(before) in _DETERMINERS or _POSSESSIVE.search(before)
        if not opened:
            return 0
    return count if count <= 4 else 0


_FIGURE_WORD = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?")  # 128, 1,500, 6th; not 1500tavsir


def number_word_keys() -> set[str]:
    """The number words of ``number_words`` (one, four, first...), without their digits."""
    return {entry.split()[0].casefold() for entry in entries("number_words")}


def _figures_in(words: tuple[str, ...]) -> list[str]:
    """The figures and ordinals in a noun phrase's opening (128, four, first), as keys.
    Digits inside a name (the Tasmir 1500) are the name's.

    >>> _figures_in(("the", "remaining", "four")), _figures_in(("China's", "first", "homegrown"))
    (['four'], ['first'])
    >>> _figures_in(("the", "128")), _figures_in(("The", "Tasmir", "1500"))
    (['128'], [])
    """
    numbers = number_word_keys()
    named = any(w[:1].isupper() for w in words[1:])
    return [
        word_key(w)
        for w in words
        if word_key(w) in numbers or (not named and _FIGURE_WORD.fullmatch(w))
    ]


def _content_tail(words: tuple[str, ...]) -> bool:
    """Does a noun phrase's opening say something (Iran's, notorious), not just "the"?"""
    return any(word_key(w) not in _DETERMINERS for w in words)


def _leading_names(words: tuple[str, ...]) -> int:
    """How many of a phrase's first words are a name (Navalny, Ismail Haniyeh)."""
    count = 0
    for word in words:
        if not (_name_word(word) and not _POSSESSIVE.search(word)):
            break
        count += 1
    return count


def _cut(edit: WordEdit, a_text: str, b_text: str, i: int, j: int) -> list[WordEdit]:
    """An edit cut after its i-th word in a and its j-th word in b: head and tail."""

    def at(text: str, span: tuple[int, int], k: int, words: tuple[str, ...]) -> int:
        if k >= len(words):
            return span[1]
        tokens = tokenize(text[span[0] : span[1]])
        return span[0] + (tokens[k - 1].end if k else 0)

    a_at = at(a_text, edit.a_span, i, edit.a_words)
    b_at = at(b_text, edit.b_span, j, edit.b_words)
    pieces = []
    for aw, bw, a_span, b_span in (
        (edit.a_words[:i], edit.b_words[:j], (edit.a_span[0], a_at), (edit.b_span[0], b_at)),
        (edit.a_words[i:], edit.b_words[j:], (a_at, edit.a_span[1]), (b_at, edit.b_span[1])),
    ):
        if aw or bw:
            tag = "replace" if aw and bw else "insert" if bw else "delete"
            a_span = a_span if aw else (a_span[0], a_span[0])
            b_span = b_span if bw else (b_span[0], b_span[0])
            pieces.append(WordEdit(tag, aw, bw, a_span, b_span))  # type: ignore[arg-type]
    return pieces


def title_and_first_name(edit: WordEdit, a_text: str, b_text: str) -> list[WordEdit]:
    """A title and a first name dropped or added before a surname both versions keep
    ("Prime Minister Benjamin" Netanyahu / Netanyahu): two changes, the title and the
    name's form, cut apart; one "detail" hid both.

    >>> a = "Prime Minister Benjamin Netanyahu said so."
    >>> edit = WordEdit("delete", ("Prime", "Minister", "Benjamin"), (), (0, 23), (0, 0))
    >>> [piece.a_words for piece in title_and_first_name(edit, a, "Netanyahu said so.")]
    [('Prime', 'Minister'), ('Benjamin',)]
    """
    if edit.tag == "replace":
        return [edit]
    dropped = edit.tag == "delete"
    words, text, span = (
        (edit.a_words, a_text, edit.a_span) if dropped else (edit.b_words, b_text, edit.b_span)
    )
    k = 0
    while k < len(words) and _known_word(words[k]) and words[k][:1].isupper():
        k += 1
    name = words[k:]
    if not k or not name or len(name) > 2 or not all(_name_word(w) for w in name):
        return [edit]
    if not text or not _name_word(_next_word(text, span[1])):
        return [edit]  # the surname must follow, kept by both
    return _cut(edit, a_text, b_text, *((k, 0) if dropped else (0, k)))


def label_pieces(
    edit: WordEdit, a_text: str, b_text: str, *, lexicon: Lexicon | None = None
) -> list[tuple[WordEdit, bool]]:
    """A replace cut where a label sits inside longer rewording: ``(piece, is_label)``.

    Two rules, each stated in one sentence:

    - the words just before the same head noun, swapped for others, describe that head
      ("arrested by [the Islamic republic's] morality police" / "detention by [Iran's]
      morality police"): the swapped premodifiers are cut off as a label;
    - a name on one side replaced by "the ... <person noun>" that then goes on ("Hanieh"
      / "The Palestinian leader was in Tehran to"): the noun phrase is cut off as a label.
    """
    lexicon = lexicon or load_lexicon()
    if edit.tag != "replace" or not a_text or not b_text:
        return [(edit, False)]
    for names, other, flip in (
        (edit.a_words, edit.b_words, False),
        (edit.b_words, edit.a_words, True),
    ):
        n = _leading_names(names)
        for k in range(2, min(len(other), 6)):
            if (
                n
                and (k < len(other) or n < len(names))
                and _name_for_descriptor(names[:n], other[:k], lexicon)
            ):
                i, j = (k, n) if flip else (n, k)
                head, tail = _cut(edit, a_text, b_text, i, j)
                return [(head, True), (tail, False)]
    after_a, after_b = _next_word(a_text, edit.a_span[1]), _next_word(b_text, edit.b_span[1])
    if (
        not after_a
        or word_key(after_a) != word_key(after_b)
        or not _head_follows(a_text, edit.a_span[1])
    ):
        return [(edit, False)]
    before_a = _previous_word(a_text, edit.a_span[0])
    before_b = _previous_word(b_text, edit.b_span[0])
    i = _premodifiers(edit.a_words, after_a, before_a)
    j = _premodifiers(edit.b_words, after_b, before_b)
    if not i or not j:
        return [(edit, False)]
    tail_a, tail_b = edit.a_words[-i:], edit.b_words[-j:]
    if [word_key(w) for w in tail_a] == [word_key(w) for w in tail_b]:
        return [(edit, False)]
    # "the first C919" / "the remaining four": another figure says which or how many
    if not (_content_tail(tail_a) and _content_tail(tail_b)) or (
        _figures_in(tail_a) != _figures_in(tail_b)
    ):
        return [(edit, False)]
    if i == len(edit.a_words) and j == len(edit.b_words):
        # the whole edit is the swapped premodifiers: a possessive or a descriptor's mark
        # tells a label (the regime's / the feared) from a word choice (largest / biggest)
        # a possessive marks a descriptor only right before the shared head ("the
        # regime's" police); "Amini's death" / "The incident" is a subject swapped whole
        marked = any(_POSSESSIVE.search(tail[-1]) for tail in (tail_a, tail_b))
        return [(edit, marked or _signal(tail_a + tail_b, lexicon))]
    head, tail = _cut(edit, a_text, b_text, len(edit.a_words) - i, len(edit.b_words) - j)
    return [(head, False), (tail, True)]


def _unit_marker(phrase: str, text: str, span: tuple[int, int]) -> bool:
    """A currency or unit word beside a figure that means the same without it."""
    after = text[span[1] :].split(maxsplit=1)[0] if text[span[1] :].split() else ""
    before = text[: span[0]].split()[-1] if text[: span[0]].split() else ""
    for neighbour, joined in ((after, phrase.strip() + after), (before, before + phrase.strip())):
        if any(c.isdigit() for c in neighbour) and format_key(joined) == format_key(neighbour):
            return True
    return False


def _on_before_date(words: tuple[str, ...], text: str, span: tuple[int, int]) -> bool:
    """ "on" alone before a weekday or a month: a house style (AP writes "said Tuesday",
    Reuters "said on Tuesday"), not a detail.

    >>> _on_before_date(("on",), "He said on Tuesday.", (8, 10))
    True
    >>> _on_before_date(("on",), "He sat on the bench.", (7, 9))
    False
    """
    if len(words) != 1 or word_key(words[0]) != "on":
        return False
    following = _NEXT_WORD.match(text, span[1])
    return following is not None and word_key(following.group(1)).rstrip(".") in _CALENDAR


def _inserted(edit: WordEdit, a_text: str, b_text: str, lexicon: Lexicon) -> tuple[str, str]:
    words = edit.b_words if edit.tag == "insert" else edit.a_words
    text, span = (b_text, edit.b_span) if edit.tag == "insert" else (a_text, edit.a_span)
    phrase = text[span[0] : span[1]] if text else " ".join(words)
    added = edit.tag == "insert"
    if typo(phrase, ""):
        return "typo", "damage"
    if not any(w[:1].isalnum() for w in words):
        return "format", "punctuation"
    if text and _unit_marker(phrase, text, span):
        return "format", "style"  # "$10" / "US$10"
    if text and _on_before_date(words, text, span):
        return "format", "style"  # "said on Tuesday" / "said Tuesday": AP style drops "on"
    if is_attribution(phrase) and not _verb_alone(phrase):
        return "attribution", "added" if added else "dropped"
    honorific = honorific_change("", phrase) if added else honorific_change(phrase, "")
    if honorific and all(
        word_key(w).rstrip(".") in listed("honorifics") for w in content_words(words)
    ):
        return "honorific", honorific
    if text and _name_form(words, text, span):
        return "name_form", "fuller_name" if added else "shorter_name"
    label = _label(edit, a_text, b_text, lexicon)
    if label:
        return "label", label
    return ("added_detail" if added else "dropped_detail"), detail_of(words)


def classify_edit(
    edit: WordEdit,
    *,
    a_text: str = "",
    b_text: str = "",
    lexicon: Lexicon | None = None,
) -> tuple[str, str]:
    """The ``(kind, detail)`` of one word edit; the texts give it context.

    >>> from comparative_coverage import word_diff
    >>> [classify_edit(e) for e in word_diff("its leader Muammar Qaddafi was killed, AFP reported",
    ...                                      "longtime dictator Moamer Kadhafi was killed") if e.tag != "equal"]
    [('label', 'ruler'), ('name_variant', 'transliteration'), ('attribution', 'dropped')]
    """
    lexicon = lexicon or load_lexicon()
    if edit.tag == "equal":
        return "other", ""
    if edit.tag in ("insert", "delete"):
        return _inserted(edit, a_text, b_text, lexicon)
    a = a_text[edit.a_span[0] : edit.a_span[1]].strip() if a_text else edit.a_phrase
    b = b_text[edit.b_span[0] : edit.b_span[1]].strip() if b_text else edit.b_phrase
    return _replaced(edit, a, b, a_text, b_text, lexicon)


class _Replace:
    """One replace edit as the rules see it: the words, the phrases as written, context."""

    def __init__(self, edit: WordEdit, a: str, b: str, a_text: str, b_text: str, lexicon: Lexicon):
        self.edit, self.a, self.b, self.lexicon = edit, a, b, lexicon
        self.a_text, self.b_text = a_text, b_text
        self.a_content, self.b_content = content_words(edit.a_words), content_words(edit.b_words)
        self.a_keys = {word_key(w) for w in self.a_content}
        self.b_keys = {word_key(w) for w in self.b_content}


_SOURCE_NOUNS = listed("source_nouns")
_MEDIA = listed("source_media")


def _sources(phrase: str) -> set[str]:
    """The words of a phrase that name who is credited (AFP, state media, the ministry).

    A weekday or month is when it was said, not who said it ("said on Friday").
    """
    return {
        word_key(w)
        for w in _WORDS.findall(phrase)
        if (w in _AGENCY_WORDS or word_key(w) in _SOURCE_NOUNS or (w[:1].isupper() and w != w[:1]))
        and word_key(w) not in _TIME
    }


def credit_kept(phrase: str, other: str) -> bool:
    """Does ``other`` (the other version's sentence) credit the source a dropped or added
    credit names? Then the credit moved or was reworded, it was not dropped or added.

    The source is its agency or source nouns (state *television*, *AFP*), else its names
    before any "that" (what follows "said that" is what was said). Only credits with a
    verb count, on both sides: a credit line ("— Xinhua", "(AP)") credits the story, not
    a statement.

    >>> credit_kept(", state television reported", "The Iranian state television said, ...")
    True
    >>> credit_kept(", state television reported", "Her family said she was in a coma.")
    False
    >>> credit_kept('," Amnesty International said', 'Amnesty International said, "It is wrong."')
    True
    >>> credit_kept("In a statement Thursday, police confirmed", "She was held, police said.")
    True
    >>> credit_kept("she said", "She said on Friday"), credit_kept("- Xinhua", "Xinhua quoted him")
    (False, False)
    >>> credit_kept("Xinhua quoted", "said Zhang Wei, head of sales at the firm. — Xinhua")
    False
    >>> credit_kept("said that Haniyeh", "Haniyeh said")
    False
    """
    words = _WORDS.findall(phrase)
    keys = [word_key(w) for w in words]
    if not set(keys) & _REPORTING:
        return False
    if "that" in keys:
        words = words[: keys.index("that")]
    source = {word_key(w) for w in words if word_key(w) in _SOURCE_NOUNS or w in _AGENCY_WORDS}
    source = source or (_sources(" ".join(words)) - STOPWORDS)
    speakers = {k for k in source if k not in _MEDIA and k not in _TIME}
    source = speakers or source  # "In a statement, police confirmed": the police speak
    if not source:
        return False  # "she said", "it added": who is credited is not named
    credited: set[str] = set()
    for a, b in credit_spans(other):
        span_keys = set(map(word_key, _WORDS.findall(other, a, b)))
        if span_keys & _REPORTING:  # a credit line with its verb: every word of it counts
            credited |= span_keys
    other_keys = [word_key(w) for w in _WORDS.findall(other)]
    for k, key in enumerate(other_keys):  # "Amnesty International said": a source by its verb
        if key in _REPORTING:
            credited.update(other_keys[max(0, k - 4) : k + 5])
    return {_singular(k) for k in source} <= {_singular(k) for k in credited}


def _singular(key: str) -> str:
    """statements / statement: one source noun (a crude fold, the same on both sides)."""
    return key[:-1] if key.endswith("s") and not key.endswith("ss") and len(key) > 3 else key


def _verb_alone(phrase: str) -> bool:
    """A verb of saying and the start of what was said, with no one saying it ("said that
    Haniyeh"): the credit's subject stands outside the words, which credit no one.

    >>> _verb_alone("said that Haniyeh"), _verb_alone("it said that"), _verb_alone("told AFP")
    (True, False, False)
    """
    keys = [word_key(w) for w in _WORDS.findall(phrase)]
    if "that" not in keys:
        return False
    keys = keys[: keys.index("that")]
    return bool(keys) and all(k in _REPORTING for k in keys)


def _names_a_source(phrase: str) -> bool:
    """Is the phrase a credit that names who is credited ("told AFP", "Ms Sturgeon wrote:"),
    not a verb of saying alone ("said", "who said that Haniyeh ...")?"""
    words = _WORDS.findall(phrase)
    keys = [word_key(w) for w in words]
    if "that" in keys:
        words = words[: keys.index("that")]
    return is_attribution(phrase) and bool(_sources(" ".join(words)))


def _r_attribution(r: _Replace) -> tuple[str, str] | None:
    short = max(len(r.edit.a_words), len(r.edit.b_words)) <= 14
    if not ((is_attribution(r.a) or is_attribution(r.b)) and short):
        return None
    if not (_names_a_source(r.a) or _names_a_source(r.b)):
        return None  # said / mourned ...: the source stands outside the edit, unchanged
    if _sources(r.a) == _sources(r.b):
        return None  # the same source, another verb: reported / said is a word choice
    return "attribution", "changed"


def _r_honorific(r: _Replace) -> tuple[str, str] | None:
    honorific = honorific_change(r.a, r.b)
    return ("honorific", honorific) if honorific else None


def _r_damage(r: _Replace) -> tuple[str, str] | None:
    a_next = r.a_text[r.edit.a_span[1] :] if r.a_text else ""
    b_next = r.b_text[r.edit.b_span[1] :] if r.b_text else ""
    if typo(r.a, r.b) == "damage" or lost_dot(r.a, r.b, a_next=a_next, b_next=b_next):
        return "typo", "damage"
    return None


_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'


def _quoting(words: tuple[str, ...]) -> list[str]:
    """The words and quotation marks of an edit, in order (one glyph for every mark)."""
    out = []
    for w in words:
        if w[:1].isalnum():
            out.append(w)
        out.extend('"' for c in w if c in _QUOTES and not w[:1].isalnum())
    return out


def _r_punctuation(r: _Replace) -> tuple[str, str] | None:
    words_a = [w for w in r.edit.a_words if w[:1].isalnum()]
    words_b = [w for w in r.edit.b_words if w[:1].isalnum()]
    quoting_moved = bool(words_a) and [w.casefold() for w in _quoting(r.edit.a_words)] != [
        w.casefold() for w in _quoting(r.edit.b_words)
    ]
    if words_a == words_b:
        if quoting_moved:
            return "other", "quote_boundary"  # “a treacherous / a "treacherous: what is quoted
        return "format", "punctuation"  # "zone", / "zone," and (and) / [and]
    if quoting_moved and [w.casefold() for w in words_a] == [w.casefold() for w in words_b]:
        return "other", "quote_boundary"  # The so-called / “the so-called: a quote begins here
    if r.a.replace(".", "") == r.b.replace(".", ""):
        return "format", "abbreviation"  # U.S. / US, p.m. / pm
    return None


def _r_variant(r: _Replace) -> tuple[str, str] | None:
    if _same_figure_name(r.a, r.b):
        return "name_variant", "transliteration"  # 1500tavsir / Tasmir 1500
    return _variant(r.edit.a_words, r.edit.b_words)


def _r_format(r: _Replace) -> tuple[str, str] | None:
    form = format_change(r.a, r.b)
    if form:
        return "format", form
    return ("number", "figure") if number_change(r.a, r.b) else None


def _r_typo(r: _Replace) -> tuple[str, str] | None:
    found = typo(r.a, r.b, context=f"{r.a_text} {r.b_text}")
    return ("typo", "misspelling") if found else None


def _r_one_side(r: _Replace) -> tuple[str, str] | None:
    words_a = [w for w in r.edit.a_words if w[:1].isalnum()]
    words_b = [w for w in r.edit.b_words if w[:1].isalnum()]
    if len(words_a) == len(words_b) == 1:
        return None  # said / claimed: one word for another, nothing added
    if not r.a_content and r.b_content:
        return "added_detail", detail_of(r.edit.b_words)
    if r.a_content and not r.b_content:
        return "dropped_detail", detail_of(r.edit.a_words)
    if _name_growth(r.a_content, r.b_content):
        longer = len(r.b_content) > len(r.a_content)
        return "name_form", "fuller_name" if longer else "shorter_name"
    return None


def _r_name_inflection(r: _Replace) -> tuple[str, str] | None:
    """A capitalised word inflected otherwise after another capitalised word, inside a
    name (Revolutionary Guards / Revolutionary Guard): the name in another form."""
    words_a = [w for w in r.edit.a_words if w[:1].isalnum()]
    words_b = [w for w in r.edit.b_words if w[:1].isalnum()]
    if len(words_a) != 1 or len(words_b) != 1 or not r.a_text or not r.b_text:
        return None
    x, y = words_a[0], words_b[0]
    if not (_name_word(x) and _name_word(y) and _stem_pair(x, y)) or _POSSESSIVE.search(x + y):
        return None
    before_a = _previous_word(r.a_text, r.edit.a_span[0])
    before_b = _previous_word(r.b_text, r.edit.b_span[0])
    inside = all(_name_word(w) and not _POSSESSIVE.search(w) for w in (before_a, before_b))
    return ("name_variant", "inflection") if inside else None


def _r_grammar(r: _Replace) -> tuple[str, str] | None:
    return ("grammar", "inflection") if _grammar(r.edit.a_words, r.edit.b_words) else None


def _r_label(r: _Replace) -> tuple[str, str] | None:
    label = _label(r.edit, r.a_text, r.b_text, r.lexicon)
    return ("label", label) if label else None


def _r_rewording(r: _Replace) -> tuple[str, str] | None:
    sizes = sorted((len(r.a_content), len(r.b_content)))
    shared = len(r.a_keys & r.b_keys)
    if sizes[1] >= 5 and sum(sizes) >= 8 and shared < 0.3 * len(r.a_keys | r.b_keys):
        return "rewritten", ""
    words_a = [w for w in r.edit.a_words if w[:1].isalnum()]
    words_b = [w for w in r.edit.b_words if w[:1].isalnum()]
    rest_a = [w for w in words_a if w not in r.a_content]
    rest_b = [w for w in words_b if w not in r.b_content]
    if (
        (
            len(words_a) == len(words_b) == 1
            or (len(r.a_content) == len(r.b_content) == 1 and rest_a == rest_b)
        )
        and len(words_a) <= 3
        and all(w.islower() for w in words_a + words_b)
    ):
        return "word_choice", ""  # Libya / Liberia is another fact, not another word
    if _short_phrases(words_a, words_b, r):
        return "word_choice", "phrase"  # open an inquiry / conduct an investigation
    if r.a_keys < r.b_keys:
        return "added_detail", detail_of(
            tuple(w for w in r.edit.b_words if word_key(w) not in r.a_keys)
        )
    if r.b_keys < r.a_keys:
        return "dropped_detail", detail_of(
            tuple(w for w in r.edit.a_words if word_key(w) not in r.b_keys)
        )
    return None


def _short_phrases(words_a: list[str], words_b: list[str], r: _Replace) -> bool:
    """Up to three words a side, no name and no figure on either: another way of saying
    the same thing (was given / got, responsible for / tasked with). A name, a figure or
    a date makes it another fact, left to ``other``."""
    if not words_a or not words_b or max(len(words_a), len(words_b)) > 3:
        return False
    if not (r.a_content and r.b_content) or has_number(r.a) or has_number(r.b):
        return False
    if any(word_key(w) in _TIME for w in words_a + words_b):
        return False  # Tuesday / Thursday: another date is another fact
    return all(w.islower() or _opening(w, r) for w in words_a + words_b)


def _opening(word: str, r: _Replace) -> bool:
    """A capitalised word that only opens its sentence ("Earlier," / "Later today,")."""
    for words, text, span in (
        (r.edit.a_words, r.a_text, r.edit.a_span),
        (r.edit.b_words, r.b_text, r.edit.b_span),
    ):
        if words and words[0] == word and text:
            before = text[: span[0]].rstrip()
            return (not before or before[-1] in '.!?:"\u201c') and word_key(
                word
            ) in STOPWORDS | _TIME | _DETERMINERS
    return False


# the order is the rules' priority: the first that answers names the edit
_REPLACE_RULES = (
    _r_attribution,
    _r_honorific,
    _r_damage,
    _r_punctuation,
    _r_variant,
    _r_format,
    _r_typo,
    _r_one_side,
    _r_name_inflection,
    _r_grammar,
    _r_label,
    _r_rewording,
)


def _replaced(
    edit: WordEdit, a: str, b: str, a_text: str, b_text: str, lexicon: Lexicon
) -> tuple[str, str]:
    seen = _Replace(edit, a, b, a_text, b_text, lexicon)
    for rule in _REPLACE_RULES:
        found = rule(seen)
        if found:
            return found
    return "other", ""


_AUXILIARIES = frozenset("is are was were has have had be been being will would".split())
_ENDINGS = (
    *("", "s", "es", "ed", "d", "ing", "'s", "\u2019s", "ies", "ied", "y"),
    *("ian", "an", "i", "ese"),  # Iran / Iranian, Iraq / Iraqi
    *("e", "e's", "e\u2019s"),  # Ukraine('s) / Ukrainian, hope / hoping
)


def _stem_pair(x: str, y: str) -> bool:
    """One word inflected otherwise (statement / statements, use / used, Iran / Iran's)."""
    kx, ky = word_key(x), word_key(y)
    if kx == ky:
        return False
    if kx in _AUXILIARIES and ky in _AUXILIARIES:
        return True
    stem = 0
    while stem < min(len(kx), len(ky)) and kx[stem] == ky[stem]:
        stem += 1
    for back in range(3):  # "use" / "used" share "use"; "try" / "tried" share "tr"
        cut = stem - back
        if cut >= 3 and kx[cut:] in _ENDINGS and ky[cut:] in _ENDINGS:
            return True
    return False


_FUNCTION_WORDS = _AUXILIARIES | frozenset("which who that she he they it we i being".split())


def _grammar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same words in another form: inflected otherwise, another tense or auxiliary
    (was / has been, urging / have urged, Iran / Iranian)."""
    words_a = [w for w in a if w[:1].isalnum()]
    words_b = [w for w in b if w[:1].isalnum()]
    if not words_a or not words_b or max(len(words_a), len(words_b)) > 4:
        return False
    if len(words_a) != len(words_b):  # auxiliaries and pronouns come and go with tense
        words_a = [w for w in words_a if word_key(w) not in _FUNCTION_WORDS]
        words_b = [w for w in words_b if word_key(w) not in _FUNCTION_WORDS]
        if len(words_a) != len(words_b):
            return False
        if not words_a:
            return True  # was / has been
    pairs = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return all(_stem_pair(x, y) for x, y in pairs) and (bool(pairs) or len(a) != len(b) or a != b)


def _name_growth(a: list[str], b: list[str]) -> bool:
    """Capitalised words on both sides, one side's words a start of the other's
    (Guards / Guard Corps): a fuller or shorter form of one name."""
    if not a or not b or len(a) + len(b) > 8:
        return False
    if not all(_name_word(w) or w.isupper() for w in a + b):
        return False
    short, long = sorted((a, b), key=len)
    if len(short) == len(long):
        return False
    return all(
        any(
            word_key(s)[:4] == word_key(w)[:4]
            or Indel.normalized_similarity(skeleton(part_key(s)), skeleton(part_key(w))) >= 0.8
            for w in long
        )
        for s in short
    )
