"""A story (or its versions) -> classroom exercises whose answers come from the alignment.

Thirteen kinds (:data:`EXERCISE_KINDS`), each made only where the comparison supports it:
``spot_the_change`` (name the kind of one change in a sentence), ``who_said_it`` (the
outlet that used a phrase), ``added_or_left_out`` (the sentence no other version
carries), ``order_matters`` (the passage an outlet moved; what a reader who stops after
two paragraphs reads), ``label_check`` (how an outlet describes a person) and
``quote_check`` (is a quote the same, changed, shortened or missing elsewhere),
``source_check`` (whom an outlet credits for a fact), ``figure_check`` (which figure an
outlet gives for a count others give otherwise), ``name_check`` (how an outlet spells a
name others spell otherwise), ``headline_check`` (which outlet ran a headline),
``honorific_check`` (how an outlet refers to a person after naming them in full),
``attribution_check`` (how an outlet introduces words others quote too) and
``style_check`` (how an outlet writes a word others write otherwise).

Every explanation quotes its evidence. Generation is seeded: the same seed gives the same
exercises and choices. Each exercise shuffles with its own ``random.Random`` (seeded by
the seed and the exercise's id, never the global one), so asking for fewer kinds changes
nothing in the others.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..corpus.comparison import Comparison, compare
from ..corpus.stories import Story
from ..errors import InvalidOption
from ..model import Article
from ..options import Options
from . import builders, framing, style, voices
from .builders import CHANGE_CHOICES
from .checks import one_per_item, student_text_ok
from .facts import _Story
from .text import Evidence, Exercise

__all__ = ["EXERCISE_KINDS", "CHANGE_CHOICES", "Evidence", "Exercise", "make_exercises"]

EXERCISE_KINDS = (
    "spot_the_change",
    "who_said_it",
    "added_or_left_out",
    "order_matters",
    "label_check",
    "quote_check",
    "source_check",
    "figure_check",
    "name_check",
    "headline_check",
    "honorific_check",
    "attribution_check",
    "style_check",
)

_MAKERS = {
    kind: next(getattr(m, kind) for m in (builders, framing, voices, style) if hasattr(m, kind))
    for kind in EXERCISE_KINDS
}
# which kind keeps an item two kinds ask about: the kinds a story supports least come first
_CLAIM_ORDER = (
    "headline_check",
    "figure_check",
    "honorific_check",  # before spot_the_change and who_said_it: a style is best asked outright
    "attribution_check",  # before quote_check: how words are introduced, not what they say
    "label_check",
    "order_matters",
    "quote_check",
    "added_or_left_out",
    "name_check",  # before spot_the_change: a name's spelling is best asked outright
    "spot_the_change",
    "style_check",  # after spot_the_change: a spelling changed in one sentence is shown there
    "source_check",  # after spot_the_change: a dropped credit is best shown as a change
    "who_said_it",
)


def _select(story: _Story) -> dict[str, list[Exercise]]:
    """``per_kind`` exercises of each kind, none on an item another already asks about.

    Every kind is made and selected whatever ``kinds`` asks for, so that asking for fewer
    kinds changes nothing in the others.
    """
    chosen: dict[str, list[Exercise]] = {kind: [] for kind in EXERCISE_KINDS}
    kept: list[Exercise] = []
    for kind in _CLAIM_ORDER:
        for exercise in _MAKERS[kind](story):
            if len(chosen[kind]) >= story.per_kind:
                break
            fair = not exercise.choices or len(set(exercise.choices)) > 1
            if not fair or not student_text_ok(exercise):
                continue
            if one_per_item([*kept, exercise])[-1] is exercise:
                kept.append(exercise)
                chosen[kind].append(exercise)
    return chosen


def make_exercises(
    story_or_articles: Story | Comparison | Article | Iterable[Article],
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
    options: Options | None = None,
) -> list[Exercise]:
    """Exercises on the versions of a story: at most ``per_kind`` of each kind, in kind order.

    Takes a :class:`Story`, a :class:`Comparison` or the articles that are versions of
    one story; ``options`` (the reference version, the alignment numbers) is passed to
    :func:`compare` when a comparison is made here. ``kinds`` picks from :data:`EXERCISE_KINDS`. The same ``seed`` gives the
    same exercises and choices. Only what the versions support is made: a single version
    gives none, a story with no move no ``order_matters``.
    """
    wanted = (
        EXERCISE_KINDS
        if kinds is None
        else tuple(dict.fromkeys([kinds] if isinstance(kinds, str) else kinds))
    )
    unknown = [k for k in wanted if k not in EXERCISE_KINDS]
    wanted = tuple(k for k in EXERCISE_KINDS if k in wanted)
    if isinstance(per_kind, bool) or not isinstance(per_kind, int) or per_kind < 0:
        raise InvalidOption(f"per_kind={per_kind!r}: pass a whole number, 0 or more")
    if unknown:
        raise InvalidOption(
            f"no exercise kind {', '.join(map(repr, unknown))}; pick from {', '.join(EXERCISE_KINDS)}"
        )
    if isinstance(story_or_articles, Comparison):
        comparison = story_or_articles
    else:
        if isinstance(story_or_articles, Story):
            articles = list(story_or_articles.articles)
        elif isinstance(story_or_articles, Article):
            articles = [story_or_articles]
        else:
            articles = list(story_or_articles)
        if len(articles) < 2 or not wanted:
            return []
        comparison = compare(articles, options=options)
    story = _Story(comparison, seed, per_kind)
    if len(story.versions) < 2:
        return []  # no two versions tell the same story: nothing to compare
    if story.per_kind == 0:
        return []
    chosen = _select(story)
    return [exercise for kind in wanted for exercise in chosen[kind]]
