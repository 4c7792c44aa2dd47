"""The package installs as comparative_coverage and its docs stay honest."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import comparative_coverage as cc

from .conftest import ROOT


def test_the_package_is_comparative_coverage_not_coverage():
    assert cc.__name__ == "comparative_coverage"
    assert cc.__file__.replace("\\", "/").endswith("coverage/__init__.py")
    spec = importlib.util.find_spec("coverage")
    # coverage.py is not installed in this environment, and our folder is not importable
    # under that name either
    assert spec is None or "comparative" not in (spec.origin or "")


def test_every_file_the_package_reads_is_installed_with_it():
    """A non-editable install (``pip install .``, the compiled build) copies the data files
    pyproject.toml's package-data names and no others: a template left out is a report
    that cannot be written."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["comparative_coverage"]
    package = ROOT / "coverage"
    data = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert data, "the package has data files (templates, word lists)"
    # setuptools globs do not cross folders: "resources/*" is not "resources/templates/x"
    left_out = [
        name
        for name in data
        if not any(
            fnmatch.fnmatch(name, pattern) and name.count("/") == pattern.count("/")
            for pattern in patterns
        )
    ]
    assert left_out == []


def test_the_build_is_all_compiled_or_all_pure_python():
    """``cc.compiled`` says which build runs, and a compiled build compiled every module
    setup.py lists (the tests run on both builds: ``make test``, ``make test-compiled``)."""
    from importlib.machinery import EXTENSION_SUFFIXES

    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    (patterns,) = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "COMPILED"
    ]
    package = ROOT / "coverage"
    listed = {
        ".".join(path.relative_to(package).with_suffix("").parts)
        for pattern in patterns
        for path in package.glob(pattern)
        if path.name != "__init__.py"
    }
    assert {"alignment.aligner", "wording.kinds", "names.spans", "normalize"} <= listed
    kinds = {
        name: importlib.util.find_spec(f"comparative_coverage.{name}").origin.endswith(
            tuple(EXTENSION_SUFFIXES)
        )
        for name in sorted(listed)
    }
    assert set(kinds.values()) == {cc.compiled}, kinds
    if Path(cc.__file__).parent == ROOT / "coverage":  # the editable install runs the .py files
        assert not cc.compiled


def test_every_public_name_is_documented_in_the_readme_or_docs():
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "docs").glob("*.md")):
        docs += path.read_text(encoding="utf-8")
    missing = [name for name in cc.__all__ if not re.search(rf"\b{re.escape(name)}\b", docs)]
    assert missing == []


def test_the_stages_import_one_way():
    """The import-linter contract in pyproject.toml holds (lazy imports included)."""
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    run = subprocess.run([linter], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]


def test_no_module_imports_a_private_name_from_another_subpackage():
    offenders = []
    for path in sorted((ROOT / "coverage").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r"^\s*from (\.\.+[\w.]*) import ([^\n]+)", source, re.M):
            names = [n.strip().split(" as ")[0] for n in match.group(2).strip("()").split(",")]
            if any(n.startswith("_") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0).strip()}")
    assert offenders == []


def test_the_package_pickles_by_reference_for_workers():
    """Dask, Ray and joblib ship functions with cloudpickle: the package must allow it."""
    cloudpickle = pytest.importorskip("cloudpickle")
    payload = cloudpickle.dumps(lambda story: cc.compare(story))
    assert callable(cloudpickle.loads(payload))


# ---- start-up: names load on first use ---------------------------------------------------


def _fresh_python(code: str) -> list[str]:
    """Run ``code`` in a new interpreter; it prints JSON, which is returned parsed."""
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


HEAVY = ("pandas", "numpy", "altair", "jsonschema", "rapidfuzz", "sentencex")
LOADED = f"import json, sys; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"


def test_importing_the_package_loads_no_stage_and_no_heavy_library():
    assert _fresh_python(f"import comparative_coverage\n{LOADED}") == []


def test_a_name_loads_only_the_stages_it_needs():
    loaded = _fresh_python(
        f"import comparative_coverage as cc\ncc.split_sentences('A. B.')\n{LOADED}"
    )
    assert "sentencex" in loaded
    assert not {"pandas", "numpy", "altair"} & set(loaded)


def test_the_align_command_loads_neither_pandas_nor_numpy_nor_altair(tmp_path):
    code = (
        "from comparative_coverage.cli import main\n"
        f"main(['align', 'data/sample/000_2b30075c1d741493.txt#1',"
        f" 'data/sample/001_d4fe8bf4671f7d50.txt', '-o', {str(tmp_path / 'x.txt')!r}])\n" + LOADED
    )
    assert not {"pandas", "numpy", "altair"} & set(_fresh_python(code))
    assert "reworded" in (tmp_path / "x.txt").read_text(encoding="utf-8")


def test_every_public_name_resolves_and_is_listed_by_dir():
    assert len(cc.__all__) == len(set(cc.__all__))
    for name in cc.__all__:
        assert getattr(cc, name) is not None, name
    assert set(cc.__all__) <= set(dir(cc))
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        cc.nonexistent  # noqa: B018


def test_the_names_type_checkers_see_are_the_names_that_load():
    """The TYPE_CHECKING imports in __init__.py and the lazy table name the same homes."""
    tree = ast.parse((ROOT / "coverage" / "__init__.py").read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    seen = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == cc._HOME


# ---- start-up: Altair without the IRI grammar ------------------------------------------

IRIS = ("http://example.com/ä?q=1#x", "http://exa mple.com", "//example.com/a", "ä:b", "#f", "")
IRI_CHECKS = f"""
import jsonschema, json
found = {{}}
for fmt in ("iri", "iri-reference"):
    for draft in (jsonschema.Draft7Validator, jsonschema.Draft201909Validator,
                  jsonschema.Draft202012Validator):
        found[draft.__name__ + " " + fmt] = [draft.FORMAT_CHECKER.conforms(x, fmt) for x in {IRIS!r}]
    found["FormatChecker " + fmt] = [jsonschema.FormatChecker().conforms(x, fmt) for x in {IRIS!r}]
print(json.dumps(found, sort_keys=True))
"""


def test_drawing_a_chart_does_not_build_the_iri_grammar_and_iri_checks_still_work():
    if importlib.util.find_spec("rfc3987_syntax") is None:
        pytest.skip("rfc3987-syntax is not installed: there is nothing to defer")
    code = (
        "import comparative_coverage as cc, sys, json\n"
        "cc.changes_chart(cc.change_counts(cc.align(['A b c.'], ['A b d.']))).to_dict()\n"
        "print(json.dumps(['rfc3987_syntax' in sys.modules]))"
    )
    assert _fresh_python(code) == [False]
    plain = _fresh_python(IRI_CHECKS)
    deferred = _fresh_python("import comparative_coverage.present.altair_import\n" + IRI_CHECKS)
    assert deferred == plain
    assert plain["Draft7Validator iri"] == [True, False, False, False, False, False]


def test_one_list_of_news_agencies_the_reader_and_the_wording_rules_share():
    from comparative_coverage import vocabulary
    from comparative_coverage.reading.furniture import is_sentence

    agencies, photo = vocabulary.entries("agencies"), vocabulary.entries("photo_agencies")
    assert "Reuters" in agencies and not set(agencies) & set(photo)  # nothing listed twice
    assert "reading_agencies" not in vocabulary.available()
    # an agency from agencies.txt and a photo agency from photo_agencies.txt both end a
    # sentence as a wire credit for the reader
    assert is_sentence("The talks ended without a deal. \u2014 Interfax")
    assert is_sentence("The talks ended without a deal. (Getty Images)")
    assert not is_sentence("The talks ended without a deal \u2014 Friday")


def test_news_agencies_and_weekdays_are_written_only_in_the_word_lists():
    code = ROOT / "coverage"
    listed = re.compile(r"""["'](?:monday|tuesday|reuters|afp|xinhua)["']""", re.IGNORECASE)
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(code.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if listed.search(line) and not line.lstrip().startswith((">>>", "..."))  # doctests
    ]
    assert found == []  # a rule that needs them reads resources/vocabulary/*.txt


_HTML_TAG = re.compile(
    r"(?<!\?P)</?(?:a|b|i|p|div|span|table|tr|td|th|ul|ol|li|h[1-6]|ins|del|em|strong|"
    r"script|style|html|head|body|section|details|summary|figure|img|br)\b[^<]*>?"
)
# The one small helper that writes a tag: inert JSON inside a script element (documented there).
_TAG_HELPERS = {("present/page.py", "data_block")}


def _string_literals(tree):
    """(enclosing function, text) of every string literal that is not documentation."""
    docstrings = {  # a string standing alone as a statement documents what is before it
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }

    def visit(node, function):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield function, node.value
        for child in ast.iter_child_nodes(node):
            yield from visit(child, function)

    yield from visit(tree, None)


def test_no_html_tag_is_written_in_a_python_string_outside_the_templates():
    package = Path(cc.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, text in _string_literals(tree):
            if _HTML_TAG.search(text) and (where, function) not in _TAG_HELPERS:
                found.append(f"{where}:{function}: {text[:60]!r}")
    assert found == []


def test_a_rule_cached_on_the_word_lists_is_asked_again_after_a_reload():
    """Rules cache answers that depend on the lists (cached_by_lists); reload() empties
    every such cache, so an edited list is never answered from before the edit."""
    from comparative_coverage import vocabulary
    from comparative_coverage.wording import edit_rules, labels, spelling

    for rule in (spelling.american, edit_rules.word_pair, labels._labels_beside_names):
        assert rule in vocabulary._FROM_LISTS
    spelling.american("colour")
    assert spelling.american.cache_info().currsize > 0
    vocabulary.reload()
    assert spelling.american.cache_info().currsize == 0
    assert spelling.american("colour") == "color"
