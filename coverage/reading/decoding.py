"""A file -> its bytes -> text: the one reader of bytes and the one decoder, for text
pages, HTML pages, tables and ``sources.csv`` alike.

Reading a file's bytes within a size limit, telling text from binary, finding the
encoding (UTF-8, UTF-16 without its mark, a few stray Windows-1252 bytes, detection) and
repairing mojibake is one job with its own tests; it lives apart from :mod:`files`, which
finds the files and sends each to its reader.
"""

from __future__ import annotations

import codecs
import re
import stat
import warnings
from pathlib import Path

from ..errors import EmptyInput, InputTooLarge, InputUnreadable, NotText
from .lines import unix_newlines

__all__ = ["decode", "SkippedInputWarning"]

_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a media file"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"PAR1", "a Parquet table"),
)

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])


class SkippedInputWarning(UserWarning):
    """A file or row was not read (unknown type, empty text); the message says which."""


def decode(data: bytes, *, name: str = "input") -> str:
    """Bytes -> text: UTF-8 (with or without BOM) first, then charset detection.

    Line endings are normalised to ``\\n`` and mojibake (UTF-8 once read as Windows-1252:
    ``Caf\u00c3\u00a9``, ``it\u00e2\u20ac\u2122s``) is repaired; nothing else is changed.

    >>> decode("caf\\u00e9 \\u201cquoted\\u201d\\r\\n".encode("cp1252")) == "caf\\u00e9 \\u201cquoted\\u201d\\n"
    True
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotText(
                f"{name} is not text (looks like {kind}); "
                "pass a .txt, .html, .csv, .jsonl or .parquet file"
            )
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        data = codecs.BOM_UTF16_LE + data if utf16 == "le" else codecs.BOM_UTF16_BE + data
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText(
            f"{name} is binary, not text (it contains NUL bytes); "
            "pass a .txt, .html, .csv, .jsonl or .parquet file"
        )
    utf8 = False  # the bytes are the text's UTF-8: their tests stand for the text's
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
            utf8 = True
    except UnicodeDecodeError:
        text = _mostly_utf8(data, name)
        if text is None:
            text = _detect(data, name)
    if utf8 and len(text) <= 100_000:  # a control character is one byte of its own in UTF-8
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROLS.findall(text, 0, 100_000))
    if controls > 0.01 * min(len(text), 100_000):
        raise NotText(
            f"{name} looks binary, not text (it is full of control characters); "
            "pass a .txt, .html, .csv, .jsonl or .parquet file"
        )
    text = unix_newlines(text)
    if utf8 and not _MOJIBAKE_HINT_BYTES.search(data):  # the hint's pair is not there
        return text
    return _fix_mojibake(text)


# A character a UTF-8 lead byte becomes when read as Windows-1252 or Latin-1 ("\u00c3",
# "\u00e2"), followed by one a continuation byte becomes ("\u00a9", "\u20ac"): the mark
# of mojibake ("Caf\u00c3\u00a9", "\u00e2\u20ac\u2122"). Clean text almost never has the pair.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
    "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
    "\u2122\u0161\u203a\u0153\u017e\u0178]"
)

# The same pair in the UTF-8 bytes: U+00C2-U+00F4 is "\xc3\x82"-"\xc3\xb4", and the second
# character's first byte is "\xc2" (U+0080-U+00BF), "\xc5", "\xc6", "\xcb" or "\xe2" (the
# Windows-1252 letters and signs listed). A text with accents but no such pair ("\u00fc",
# "\u00e9" before a letter) is not searched character by character.
_MOJIBAKE_HINT_BYTES = re.compile(rb"\xc3[\x82-\xb4][\xc2\xc5\xc6\xcb\xe2]")


def _fix_mojibake(text: str) -> str:
    """Text with mojibake repaired ("Caf\u00c3\u00a9" -> "Caf\u00e9") by ``ftfy.fix_encoding``.

    Only the encoding is fixed (not ``fix_text``: quotes, dashes and spacing stay as
    written), and ftfy runs only where the cheap hint finds a suspicious pair.
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """A codec error handler: each byte that is not UTF-8 read as Windows-1252 (or U+FFFD)."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("comparative_coverage.cp1252", _cp1252_bytes)


def _mostly_utf8(data: bytes, name: str) -> str | None:
    """UTF-8 text with a few stray bytes (a pasted Windows-1252 quote), or None.

    Decoding the whole file with a guessed charset would turn every correct curly quote
    into mojibake; here only the bad bytes are taken as Windows-1252, with a warning.
    """
    valid = len(_UTF8_SEQUENCE.findall(data))
    strays = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    text = data.decode("utf-8-sig", errors="comparative_coverage.cp1252")
    if valid == 0 or strays > valid:
        return None  # no real UTF-8 in it: a legacy encoding, detected below
    warnings.warn(
        f"{name} is UTF-8 but for {strays} byte(s), read as Windows-1252",
        SkippedInputWarning,
        stacklevel=4,
    )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """ "le" or "be" when ``data`` looks like UTF-16 text with no byte-order mark."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2 or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if b"\x00" not in head:  # a third of one half must be zeros (a one-byte search, memchr)
        return None
    even, odd = head[0::2], head[1::2]
    for order, zeros, other in (("le", odd, even), ("be", even, odd)):
        if zeros.count(0) >= 0.3 * len(zeros) and other.count(0) == 0:
            try:
                text = data.decode(f"utf-16-{order}")
            except UnicodeDecodeError:
                return None
            printable = sum(c.isprintable() or c.isspace() for c in text[:2048])
            return order if printable >= 0.95 * min(len(text), 2048) else None
    return None


def _detect(data: bytes, name: str) -> str:
    # Windows-1252 is what most non-UTF-8 news text is; prefer it when it decodes cleanly
    # and the bytes look like its typographic range (curly quotes, dashes).
    # A mostly-ASCII text with a few accented letters is Western European far more often
    # than anything charset detection guesses from so little evidence.
    try:
        text = data.decode("cp1252")
        clean = not re.search(rb"[\x81\x8d\x8f\x90\x9d]", data)
        few = sum(b >= 0x80 for b in data[:100_000]) < 0.05 * min(len(data), 100_000)
        if clean and (few or re.search(rb"[\x91-\x97]", data)):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotText(
            f"{name} is in no text encoding we could recognise; save it as UTF-8 and try again"
        )
    return str(best)


def _human(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputUnreadable(f"{path} is not a regular file; pass a file of articles")
        size = info.st_size
        if size <= max_bytes:
            data = path.read_bytes()
    except OSError as error:
        if isinstance(error, InputUnreadable):
            raise
        raise _unreadable(path, error) from None
    if size > max_bytes:
        raise InputTooLarge(
            f"{path} is {_human(size)}, over the {_human(max_bytes)} limit; "
            f"split it, or pass max_bytes={size + 1} to read it anyway"
        )
    if not data.strip():
        raise EmptyInput(f"{path} is empty; pass a file that holds article text")
    return data


def _unreadable(path: Path, error: OSError) -> InputUnreadable:
    """The one-line error for a path that exists but cannot be read."""
    if path.is_symlink() and not path.exists():
        why = "a broken link or a link loop"
    else:
        why = error.strerror or type(error).__name__
    return InputUnreadable(f"{path} could not be read ({why}); check the file and its permissions")
