"""comparative-coverage: how different news outlets told the same story.

A one-way pipeline: read -> segment -> align -> compare -> tables -> charts/report.

>>> import comparative_coverage as cc
>>> [s.text for s in cc.split_sentences("Russia said so. Libya agreed.")]
['Russia said so.', 'Libya agreed.']
"""

from .alignment.aligner import align, similarity_matrix
from .alignment.worddiff import word_diff
from .classroom.exercises import EXERCISE_KINDS, Evidence, Exercise, make_exercises
from .corpus.comparison import Cell, Comparison, ContentUnit, compare
from .corpus.related import Related, RelatedLink, find_related
from .corpus.stories import Story, StoryLink, find_stories
from .errors import (
    ArticleNotFound,
    CoverageError,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    InvalidData,
    InvalidOption,
    MissingColumn,
    MissingDependency,
    NotEnoughVersions,
    NotText,
    UnsupportedFormat,
)
from .model import Alignment, Article, Restatement, Sentence, Skipped, Unit, WordEdit
from .names.groups import NameGroup, NameGroups, find_mentions, find_name_variants, same_name
from .names.mentions import Mention
from .present.tables import articles_frame, related_frame, stories_frame
from .reading.articles import as_articles
from .reading.files import SkippedInputWarning, read_articles, read_text
from .reading.metadata import MetadataWarning
from .reading.segment import split_sentences
from .wording.attributions import compare_attributions, find_attributions
from .wording.kinds import KINDS, classify_changes, mine_substitutions
from .wording.labels import describe_labels
from .wording.lexicon import Lexicon, Term, count_terms, load_lexicon
from .wording.quotes import Quote, compare_quotes, find_quotes, quotes_frame
from .wording.spelling import find_spelling_variants

__version__ = "0.1.0"

# Charts, reports and notebook export load Altair (about 2 s): imported on first use.
_LAZY = {
    "alignment_map": "present.charts",
    "change_counts": "present.charts",
    "changes_chart": "present.charts",
    "kinds_chart": "present.wording_charts",
    "labels_chart": "present.wording_charts",
    "labels_frame": "present.wording_charts",
    "name_variants_chart": "present.wording_charts",
    "similarity_frame": "present.charts",
    "similarity_heatmap": "present.charts",
    "status_scale": "present.charts",
    "build_report": "present.report",
    "write_report": "present.report",
    "export_notebook": "present.export",
    "notebook_html": "present.export",
    "use_offline_charts": "present.export",
    "vega_bundle": "present.export",
    "quiz": "classroom.quizzes",
    "worksheet_html": "classroom.worksheet",
    "explore": "present.explorer",
    "Explorer": "present.explorer",
    # the corpus pipeline on Dask: distributed loads on first use
    "analyse_corpus": "archive",
    "CorpusAnalysis": "archive",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Alignment",
    "Unit",
    "Restatement",
    "WordEdit",
    "align",
    "similarity_matrix",
    "word_diff",
    "Article",
    "ArticleNotFound",
    "CoverageError",
    "EmptyInput",
    "InputNotFound",
    "InputTooLarge",
    "MissingColumn",
    "MissingDependency",
    "NotText",
    "Sentence",
    "Skipped",
    "SkippedInputWarning",
    "UnsupportedFormat",
    "articles_frame",
    "read_articles",
    "read_text",
    "as_articles",
    "MetadataWarning",
    "split_sentences",
    "Story",
    "StoryLink",
    "Related",
    "RelatedLink",
    "find_stories",
    "find_related",
    "stories_frame",
    "related_frame",
    "Comparison",
    "ContentUnit",
    "Cell",
    "compare",
    "NotEnoughVersions",
    "InvalidData",
    "KINDS",
    "classify_changes",
    "find_spelling_variants",
    "mine_substitutions",
    "describe_labels",
    "Lexicon",
    "Term",
    "count_terms",
    "load_lexicon",
    "Mention",
    "NameGroup",
    "NameGroups",
    "find_mentions",
    "find_name_variants",
    "same_name",
    "Quote",
    "find_quotes",
    "quotes_frame",
    "compare_quotes",
    "find_attributions",
    "compare_attributions",
    "InvalidOption",
    "EXERCISE_KINDS",
    "Evidence",
    "Exercise",
    "make_exercises",
    *_LAZY,
]
