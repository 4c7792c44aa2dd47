"""comparative-coverage: how different news outlets told the same story.

A one-way pipeline: read -> segment -> align -> compare -> tables -> charts/report.

>>> import comparative_coverage as cc
>>> [s.text for s in cc.split_sentences("Russia said so. Libya agreed.")]
['Russia said so.', 'Libya agreed.']
"""

import sys as _sys

from .align import align, similarity_matrix
from .attributions import compare_attributions, find_attributions
from .compare import Cell, Comparison, ContentUnit, compare
from .diff import word_diff
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
from .exercises import EXERCISE_KINDS, Evidence, Exercise, make_exercises
from .kinds import KINDS, classify_changes, mine_substitutions
from .labels import describe_labels
from .lexicon import Lexicon, Term, count_terms, load_lexicon
from .mentions import Mention
from .model import Alignment, Article, Sentence, Skipped, Unit, WordEdit
from .names import NameGroup, NameGroups, find_mentions, find_name_variants, same_name
from .quotes import Quote, compare_quotes, find_quotes, quotes_frame
from .read import SkippedInputWarning, read_articles, read_text
from .related import Related, RelatedLink, find_related
from .segment import split_sentences
from .spelling import find_spelling_variants
from .stories import Story, StoryLink, find_stories
from .tables import articles_frame, related_frame, stories_frame

__version__ = "0.1.0"

# Charts, reports and notebook export load Altair (about 2 s): imported on first use.
_LAZY = {
    "alignment_map": "charts",
    "change_counts": "charts",
    "changes_chart": "charts",
    "kinds_chart": "wording_charts",
    "labels_chart": "wording_charts",
    "labels_frame": "wording_charts",
    "name_variants_chart": "wording_charts",
    "similarity_frame": "charts",
    "similarity_heatmap": "charts",
    "status_scale": "charts",
    "build_report": "report",
    "write_report": "report",
    "export_notebook": "export",
    "notebook_html": "export",
    "use_offline_charts": "export",
    "vega_bundle": "export",
    "quiz": "quiz",
    "worksheet_html": "exercises_html",
    "explore": "explore",
    "Explorer": "explore",
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


class _Package(type(_sys)):
    """Keeps ``explore`` the function when its module (explore.py) is imported.

    Importing a submodule sets it as an attribute of the package, which would hide a
    lazily loaded function of the same name (an eager ``from .x import x`` rebinds it).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if _LAZY.get(name) == name and isinstance(value, type(_sys)):
            value = getattr(value, name)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


__all__ = [
    "Alignment",
    "Unit",
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
