"""comparative-coverage: how different news outlets told the same story.

A one-way pipeline: read -> segment -> align -> compare -> tables -> charts/report.

>>> import comparative_coverage as cc
>>> [s.text for s in cc.split_sentences("Russia said so. Libya agreed.")]
['Russia said so.', 'Libya agreed.']
"""

from .align import align, similarity_matrix
from .diff import word_diff
from .errors import (
    ArticleNotFound,
    CoverageError,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    MissingColumn,
    MissingDependency,
    NotText,
    UnsupportedFormat,
)
from .model import Alignment, Article, Sentence, Skipped, Unit, WordEdit
from .read import SkippedInputWarning, read_articles, read_text
from .segment import split_sentences
from .tables import articles_frame

__version__ = "0.1.0"

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
]
