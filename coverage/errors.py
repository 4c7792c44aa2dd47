"""The toolkit's exceptions: each message names the bad value and what to do instead."""

from __future__ import annotations


class CoverageError(Exception):
    """Base class: every error the toolkit raises on purpose is one of these.

    The command line prints the message on one line and exits with status 2.
    """


class InputNotFound(CoverageError, FileNotFoundError):
    """A path the user named does not exist."""


class EmptyInput(CoverageError, ValueError):
    """A file, table or text holds nothing to read."""


class NotText(CoverageError, ValueError):
    """A file is binary (PDF, image, archive) or in no encoding we can decode."""


class InputTooLarge(CoverageError, ValueError):
    """A file is larger than the configured limit."""


class MissingColumn(CoverageError, KeyError):
    """A table of articles lacks a column we need (text, most of all)."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class UnsupportedFormat(CoverageError, ValueError):
    """A file's extension is not one we know how to read."""


class ArticleNotFound(CoverageError, LookupError):
    """A reference like ``FILE#3`` or a story id names nothing that exists."""


class MissingDependency(CoverageError, ImportError):
    """An optional package is needed; the message gives the install command."""


class InvalidData(CoverageError, ValueError):
    """An editable table (lexicon, name variants) holds a value we cannot use."""


class NotEnoughVersions(CoverageError, ValueError):
    """A comparison needs at least two versions of a story."""


class InvalidOption(CoverageError, ValueError):
    """An option names a value that does not exist (an exercise kind, say)."""


def missing_dependency(
    package: str, purpose: str, *, extra: str | None = None
) -> MissingDependency:
    """Build the error for an optional package, with the command that installs it.

    >>> str(missing_dependency("pyarrow", "read .parquet files", extra="parquet"))
    "pyarrow is needed to read .parquet files: pip install 'comparative-coverage[parquet]' (or pip install pyarrow)"
    """
    how = f"pip install {package}"
    if extra:
        how = f"pip install 'comparative-coverage[{extra}]' (or {how})"
    return MissingDependency(f"{package} is needed to {purpose}: {how}")
