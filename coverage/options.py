"""One options value for the whole pipeline: ``Options`` -> every stage, recorded in results.

Modelled on ftfy's ``TextFixerConfig``: a frozen value with safe defaults that an entry
point takes as ``options=`` (and as keyword overrides), passes on unchanged, and records
in what it produced, so a report can say exactly how it was made and be made again.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputNotFound, InvalidOption

# The alignment's numbers: what align() reads and records in each Alignment.
ALIGNMENT = (
    "threshold",
    "mutual_allowance",
    "context_threshold",
    "join_threshold",
    "split_threshold",
    "move_threshold",
    "restate_threshold",
    "second_threshold",
    "cross_threshold",
    "candidates",
    "smoothing",
    "blend",
)
# The options that are shares, from 0 to 1.
_SHARES = (
    *(n for n in ALIGNMENT if n not in ("candidates", "smoothing")),
    "story_threshold",
    "story_containment",
)


@dataclass(frozen=True, kw_only=True)
class Options:
    """Every tunable number of the pipeline, with the defaults measured in ``benchmarks/``.

    Alignment: ``threshold`` is the least score for a pair of sentences on its own;
    ``mutual_allowance`` how far below it a pair of mutual best partners (each the
    other's best-scoring candidate) may score;
    ``context_threshold`` the least score for the two leads, or for a lone sentence on
    each side between two kept pairs; ``join_threshold`` the share of a sentence's weight
    that must be found in a neighbouring unit for a merge or split (which must also raise
    the unit's score); ``split_threshold`` the share of a sentence's content words,
    matched by stem, that the one sentence of a neighbouring unit must hold for the
    sentence to join it as one more piece of a split or merge; ``move_threshold`` the least score for an out-of-order (moved)
    pair; ``restate_threshold`` the share of a leftover sentence's weight its partner must
    hold for a restatement link; ``second_threshold`` the least score for a leftover
    sentence to link to a partner that is paired already, or for a link between two
    neighbouring units; ``cross_threshold`` the least
    score for a link between sentences of two different units; ``candidates`` how many partners each sentence gets
    scored; ``smoothing`` is added to key frequencies before inverting them (0 is plain
    IDF); ``blend`` is the word score's share of the fused sentence score (the rest is
    the character score).
    Stories: ``story_threshold`` the share of aligned sentences that links two articles,
    ``story_containment`` the same share of the shorter one. Comparison: ``spine`` the
    reference version (an index, article id or outlet; ``None`` picks the one closest to
    the wire copy).
    """

    threshold: float = 0.3
    mutual_allowance: float = 0.02
    context_threshold: float = 0.25
    join_threshold: float = 0.2
    split_threshold: float = 0.25
    move_threshold: float = 0.6
    restate_threshold: float = 0.45
    second_threshold: float = 0.35
    cross_threshold: float = 0.5
    candidates: int = 8
    smoothing: float = 2.0
    blend: float = 0.7
    story_threshold: float = 0.3
    story_containment: float = 0.8
    spine: int | str | None = None

    def __post_init__(self) -> None:
        for name in _SHARES:
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise InvalidOption(f"{name} must be a number from 0 to 1, not {value!r}")
        if not isinstance(self.smoothing, int | float) or not 0.0 <= self.smoothing <= 1e6:
            raise InvalidOption(f"smoothing must be a number of 0 or more, not {self.smoothing!r}")
        if not isinstance(self.candidates, int) or self.candidates < 1:
            raise InvalidOption(
                f"candidates must be a whole number of 1 or more, not {self.candidates!r}"
            )

    def but(self, **changes: Any) -> Options:
        """A copy with some values changed; ``None`` values are ignored (unset flags)."""
        changes = {k: v for k, v in changes.items() if v is not None}
        unknown = sorted(set(changes) - {f.name for f in fields(self)})
        if unknown:
            raise InvalidOption(
                f"unknown option(s): {', '.join(unknown)}; known: {', '.join(names())}"
            )
        return replace(self, **changes) if changes else self

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def for_genre(cls, name: str) -> Options:
        """The options calibrated for a genre of rewrite, from ``resources/genres/NAME.toml``.

        ``"simplification"`` (a text rewritten in plain language: long sentences split,
        words swapped for simpler ones) was fitted on DEplain by
        ``benchmarks/calibrate_genre.py``; the defaults are calibrated on news.

        >>> Options.for_genre("simplification").threshold > Options().threshold
        True
        """
        known = genres()
        if name not in known:
            raise InvalidOption(f"no genre {name!r}; known: {', '.join(known)}")
        return load_options(_genre_folder() / f"{name}.toml")

    def changed(self) -> dict[str, Any]:
        """Only the values that differ from the defaults (what a report prints)."""
        default = Options()
        return {k: v for k, v in self.as_dict().items() if getattr(default, k) != v}


DEFAULT = Options()


def _genre_folder():  # noqa: ANN202 (an importlib Traversable)
    return resources.files("comparative_coverage").joinpath("resources/genres")


def genres() -> list[str]:
    """The genres :meth:`Options.for_genre` knows (one TOML file each)."""
    return sorted(
        p.name[: -len(".toml")] for p in _genre_folder().iterdir() if p.name.endswith(".toml")
    )


def names() -> list[str]:
    return [f.name for f in fields(Options)]


def resolve(options: Options | None = None, **overrides: Any) -> Options:
    """The options an entry point runs with: ``options`` (or the defaults) plus overrides."""
    if options is not None and not isinstance(options, Options):
        raise InvalidOption(
            f"options must be a comparative_coverage.Options, not {type(options).__name__}"
        )
    return (options or DEFAULT).but(**overrides)


def load_options(path: str | Path) -> Options:
    """Options from a TOML file: top-level keys, or an ``[options]`` table.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
    ...     _ = f.write("threshold = 0.5\\n")
    >>> load_options(f.name).threshold
    0.5
    >>> os.unlink(f.name)
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputNotFound(f"{path}: no such options file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, IsADirectoryError) as error:
        raise InvalidOption(f"{path} is not a TOML options file: {error}".splitlines()[0]) from None
    table = data.get("options", data)
    if not isinstance(table, dict):
        raise InvalidOption(f"{path}: [options] must be a table")
    return DEFAULT.but(**table)
