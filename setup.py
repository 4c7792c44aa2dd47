"""The compiled build: the pipeline's modules compiled by Cython when asked.

Everything about the package is in ``pyproject.toml``; this file only adds extension
modules, and only when ``COMPARATIVE_COVERAGE_COMPILE=1`` is set at build time (Cython
and a C compiler installed, ``pip install --no-build-isolation``; ``make compiled`` does
it). The modules are compiled from the same ``.py`` files, unchanged: no ``.pyx``, no
type declarations, the same results (a CI job runs the fast tests and the exactness
digests on the compiled build). Compiled, the per-story work of a corpus run takes about
a fifth less CPU. The default build, and every editable install, stays pure Python, so
an edited ``.py`` file is what runs.

``comparative_coverage.compiled`` says which build is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import Extension, setup

# The stages a corpus run spends its time in. Not compiled: the package's __init__ files,
# the command line, the presentation and classroom layers (templates and charts, a small
# share of any run), and the Dask glue (corpus/distributed.py, shards.py, collector.py).
COMPILED = (
    "alignment/*.py",
    "names/*.py",
    "wording/*.py",
    "reading/*.py",
    "corpus/candidates.py",
    "corpus/comparison.py",
    "corpus/related.py",
    "corpus/stories.py",
    "archive.py",
    "model.py",
    "normalize.py",
    "options.py",
    "unionfind.py",
    "vocabulary.py",
)


def compiled_modules() -> list[Extension]:
    """One extension per module, named as it is imported (``comparative_coverage.x.y``)."""
    root = Path(__file__).parent / "coverage"
    paths = sorted({p for pattern in COMPILED for p in root.glob(pattern)})
    return [
        Extension(
            ".".join(("comparative_coverage", *path.relative_to(root).with_suffix("").parts)),
            [str(path.relative_to(root.parent))],
        )
        for path in paths
        if path.name != "__init__.py"
    ]


def extensions() -> list[Extension]:
    if os.environ.get("COMPARATIVE_COVERAGE_COMPILE") != "1":
        return []
    from Cython.Build import cythonize

    return cythonize(
        compiled_modules(),
        # Plain Python semantics: annotations are not C types (``dict`` would refuse a
        # defaultdict), functions stay introspectable.
        compiler_directives={"language_level": 3, "binding": True, "annotation_typing": False},
        build_dir="build/cython",  # the generated C, out of the source tree
        nthreads=os.cpu_count() or 1,
        quiet=True,
    )


# build_ext compiles the C files in parallel, one per core
setup(ext_modules=extensions(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
