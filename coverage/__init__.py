"""comparative-coverage: how different news outlets told the same story.

A one-way pipeline: read -> segment -> align -> compare -> tables -> charts/report.

>>> import comparative_coverage as cc
>>> [s.text for s in cc.split_sentences("Russia said so. Libya agreed.")]
['Russia said so.', 'Libya agreed.']

Every public name is loaded on first use (PEP 562 ``__getattr__``), so ``import
comparative_coverage`` costs milliseconds and pandas, numpy and Altair are imported only
by the stages that need them. A new public name goes in :data:`_EXPORTS` (its home
module) and in the ``TYPE_CHECKING`` block below, which type checkers and IDEs read;
``tests/test_package.py`` checks that the two agree.
"""
# ruff: noqa: F401 -- the TYPE_CHECKING imports are re-exports for type checkers

from __future__ import annotations

from importlib import import_module
from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import find_spec
from typing import TYPE_CHECKING

__version__ = "0.1.0"

compiled: bool = find_spec(f"{__name__}.normalize").origin.endswith(tuple(EXTENSION_SUFFIXES))
"""Whether the pipeline's modules are the compiled build (``setup.py``, ``make compiled``):
the same results, about a fifth less CPU."""

# home module (relative to the package) -> the public names it defines, in layer order
_EXPORTS: dict[str, tuple[str, ...]] = {
    "errors": (
        "ArticleNotFound",
        "CoverageError",
        "EmptyInput",
        "InputNotFound",
        "InputTooLarge",
        "InputUnreadable",
        "InvalidData",
        "InvalidOption",
        "MissingColumn",
        "MissingDependency",
        "NotEnoughVersions",
        "NotText",
        "OutputNotWritable",
        "UnsupportedFormat",
    ),
    "model": (
        "Alignment",
        "Article",
        "Records",
        "Restatement",
        "Sentence",
        "Skipped",
        "Unit",
        "WordEdit",
    ),
    "options": ("Options", "load_options"),
    "reading.articles": ("as_articles",),
    "reading.copies": ("DuplicateArticleWarning",),
    "reading.files": ("SkippedInputWarning", "read_articles", "read_text"),
    "reading.metadata": ("MetadataWarning",),
    "reading.segment": ("split_sentences",),
    "alignment.aligner": ("align", "similarity_matrix"),
    "alignment.worddiff": ("word_diff",),
    "corpus.stories": ("Story", "StoryLink", "find_stories", "one_story"),
    "corpus.related": ("Related", "RelatedLink", "find_related"),
    "corpus.comparison": ("Cell", "Comparison", "ContentUnit", "compare"),
    "names.mentions": ("Mention",),
    "names.groups": (
        "NameGroup",
        "NameGroups",
        "find_mentions",
        "find_name_variants",
        "same_name",
    ),
    "wording.kinds": ("KINDS", "classify_changes", "mine_substitutions"),
    "wording.spelling": ("find_spelling_variants",),
    "wording.labels": ("describe_labels",),
    "wording.lexicon": ("Lexicon", "Term", "count_terms", "load_lexicon"),
    "wording.quotes": ("Quote", "compare_quotes", "find_quotes", "quotes_frame"),
    "wording.attributions": ("compare_attributions", "find_attributions"),
    "wording.records": (
        "Attribution",
        "AttributionMatch",
        "AttributionMatches",
        "Attributions",
        "Change",
        "Changes",
        "Label",
        "Labels",
        "QuoteMatch",
        "QuoteMatches",
        "Quotes",
        "Substitution",
        "Substitutions",
        "TermCount",
        "TermCounts",
    ),
    "present.tables": ("articles_frame", "related_frame", "stories_frame"),
    "present.charts": (
        "alignment_map",
        "change_counts",
        "changes_chart",
        "similarity_frame",
        "similarity_heatmap",
        "status_scale",
    ),
    "present.wording_charts": (
        "kinds_chart",
        "labels_chart",
        "labels_frame",
        "name_variants_chart",
    ),
    "present.report": ("build_report", "build_site", "write_report"),
    "present.export": ("export_notebook", "notebook_html", "use_offline_charts", "vega_bundle"),
    "present.explorer": ("Explorer", "explore"),
    "classroom.exercises": ("EXERCISE_KINDS", "Evidence", "Exercise", "make_exercises"),
    "classroom.quizzes": ("quiz",),
    "classroom.worksheet": ("worksheet_html",),
    "classroom.quiz_page": ("quiz_html",),
    "archive": ("CorpusAnalysis", "analyse_corpus"),  # the corpus pipeline on Dask
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = list(_HOME)


def __getattr__(name: str):
    """Import a public name's home module on first access, then keep the name here."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later accesses skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


if TYPE_CHECKING:  # what type checkers and IDEs see; never run
    from .alignment.aligner import align, similarity_matrix
    from .alignment.worddiff import word_diff
    from .archive import CorpusAnalysis, analyse_corpus
    from .classroom.exercises import EXERCISE_KINDS, Evidence, Exercise, make_exercises
    from .classroom.quiz_page import quiz_html
    from .classroom.quizzes import quiz
    from .classroom.worksheet import worksheet_html
    from .corpus.comparison import Cell, Comparison, ContentUnit, compare
    from .corpus.related import Related, RelatedLink, find_related
    from .corpus.stories import Story, StoryLink, find_stories, one_story
    from .errors import (
        ArticleNotFound,
        CoverageError,
        EmptyInput,
        InputNotFound,
        InputTooLarge,
        InputUnreadable,
        InvalidData,
        InvalidOption,
        MissingColumn,
        MissingDependency,
        NotEnoughVersions,
        NotText,
        OutputNotWritable,
        UnsupportedFormat,
    )
    from .model import Alignment, Article, Records, Restatement, Sentence, Skipped, Unit, WordEdit
    from .names.groups import (
        NameGroup,
        NameGroups,
        find_mentions,
        find_name_variants,
        same_name,
    )
    from .names.mentions import Mention
    from .options import Options, load_options
    from .present.charts import (
        alignment_map,
        change_counts,
        changes_chart,
        similarity_frame,
        similarity_heatmap,
        status_scale,
    )
    from .present.explorer import Explorer, explore
    from .present.export import export_notebook, notebook_html, use_offline_charts, vega_bundle
    from .present.report import build_report, build_site, write_report
    from .present.tables import articles_frame, related_frame, stories_frame
    from .present.wording_charts import kinds_chart, labels_chart, labels_frame, name_variants_chart
    from .reading.articles import as_articles
    from .reading.copies import DuplicateArticleWarning
    from .reading.files import SkippedInputWarning, read_articles, read_text
    from .reading.metadata import MetadataWarning
    from .reading.segment import split_sentences
    from .wording.attributions import compare_attributions, find_attributions
    from .wording.kinds import KINDS, classify_changes, mine_substitutions
    from .wording.labels import describe_labels
    from .wording.lexicon import Lexicon, Term, count_terms, load_lexicon
    from .wording.quotes import Quote, compare_quotes, find_quotes, quotes_frame
    from .wording.records import (
        Attribution,
        AttributionMatch,
        AttributionMatches,
        Attributions,
        Change,
        Changes,
        Label,
        Labels,
        QuoteMatch,
        QuoteMatches,
        Quotes,
        Substitution,
        Substitutions,
        TermCount,
        TermCounts,
    )
    from .wording.spelling import find_spelling_variants
