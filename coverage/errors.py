"""The toolkit's exceptions: each message names the bad value and what to do instead."""

from __future__ import annotations

import re

# C0 and C1 controls except tab and newline, DEL, and the bidirectional overrides and
# isolates that can make a line read backwards ("Trojan source").
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


class InputUnreadable(CoverageError, OSError):
    """A path exists but cannot be read (permissions, a broken link, a link loop, a pipe)."""


class OutputNotWritable(CoverageError, OSError):
    """An output path cannot be written: a folder, a full disk, a read-only place, an input."""


def one_line(text: object, *, limit: int = 600) -> str:
    r"""Text made safe for one line of a terminal: no newline, no control character.

    Control characters (an article may carry ``ESC]0;...BEL`` to retitle a terminal)
    become ``\xNN``; undecodable file-name bytes become U+FFFD; a long text is cut.

    >>> print(one_line("bad\nvalue\x1b[2J here"))
    bad value\x1b[2J here
    """
    text = safe_text(str(text)).replace("\n", " ").replace("\t", " ")
    text = CONTROL.sub(_escape, text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def visible(text: str) -> str:
    r"""``text`` with each control character written as its escape, newlines kept.

    >>> print(visible("title\x1b]0;pwned\x07 \u202eevil"))
    title\x1b]0;pwned\x07 \u202eevil
    """
    return CONTROL.sub(_escape, safe_text(text))


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) as U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
