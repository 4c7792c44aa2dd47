"""The records the wording stage returns: typed, keyword-built, a table on request.

Each analysis function returns a ``Records`` container of frozen, keyword-only
dataclasses; ``.to_frame()`` gives the DataFrame the function used to return (same
columns, order and dtypes); a notebook shows the container as an escaped table; the
analysis runs without importing pandas.
"""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import comparative_coverage as cc
from comparative_coverage.wording.attributions import ATTRIBUTION_COLUMNS
from comparative_coverage.wording.kinds import KIND_COLUMNS
from comparative_coverage.wording.labels import LABEL_COLUMNS
from comparative_coverage.wording.lexicon import TERM_COUNT_COLUMNS
from comparative_coverage.wording.quotes import COMPARE_COLUMNS, QUOTE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pair(shoigu_pair):
    return shoigu_pair


@pytest.fixture(scope="module")
def results(pair):
    a, b = pair
    alignment = cc.align(a, b)
    return {
        "classify_changes": cc.classify_changes(alignment),
        "mine_substitutions": cc.mine_substitutions([alignment, cc.align(b, a)]),
        "describe_labels": cc.describe_labels(pair),
        "compare_quotes": cc.compare_quotes(a, b),
        "quotes_frame": cc.quotes_frame(pair),
        "find_attributions": cc.find_attributions(pair),
        "compare_attributions": cc.compare_attributions(a, b),
        "count_terms": cc.count_terms(pair),
    }


COLUMNS = {
    "classify_changes": KIND_COLUMNS,
    "mine_substitutions": (
        "a_words",
        "b_words",
        "count",
        "kind",
        "loaded",
        "a_terms",
        "b_terms",
        "unlisted",
        "outlets",
    ),
    "describe_labels": LABEL_COLUMNS,
    "compare_quotes": COMPARE_COLUMNS,
    "quotes_frame": QUOTE_COLUMNS,
    "find_attributions": ATTRIBUTION_COLUMNS,
    "compare_attributions": (
        "kind",
        "source",
        "status",
        "text_a",
        "text_b",
        "where_a",
        "where_b",
        "sentence_a",
        "sentence_b",
    ),
    "count_terms": TERM_COUNT_COLUMNS,
}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_stage_returns_a_sequence_of_records_not_a_dataframe(results, name):
    found = results[name]
    assert isinstance(found, cc.Records) and not isinstance(found, pd.DataFrame)
    assert len(found) == len(list(found)) > 0
    assert bool(found) and found[0] == next(iter(found))
    assert type(found[:1]) is type(found) and len(found[:1]) == 1
    assert found == type(found)(found)  # equal by value


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_to_frame_has_the_columns_the_function_returned_before(results, name):
    found = results[name]
    frame = found.to_frame()
    assert tuple(frame.columns) == COLUMNS[name]
    assert len(frame) == len(found)
    first = frame.iloc[0].to_dict()
    assert first == {c: found.row(found[0])[k] for k, c in enumerate(COLUMNS[name])}


def test_records_are_frozen_keyword_only_dataclasses(results):
    change = results["classify_changes"][0]
    assert dataclasses.is_dataclass(change)
    assert tuple(f.name for f in dataclasses.fields(change)) == KIND_COLUMNS
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.kind = "other"
    with pytest.raises(TypeError):
        type(change)(*dataclasses.astuple(change))  # built by keyword only
    assert type(change)(**dataclasses.asdict(change)) == change


def test_a_missing_sentence_is_none_in_the_record_and_na_in_the_table(pair):
    a, b = pair
    quotes = cc.compare_quotes(a, b)
    only_b = [q for q in quotes if q.status == "only_b"]
    assert only_b and all(q.a_sentence is None and q.quote_a == "" for q in only_b)
    frame = quotes.to_frame()
    assert str(frame["a_sentence"].dtype) == "Int64"
    assert frame.loc[frame["status"] == "only_b", "a_sentence"].isna().all()


def test_change_kinds_stay_a_categorical_in_kinds_order(results):
    frame = results["classify_changes"].to_frame()
    assert list(frame["kind"].cat.categories) == list(cc.KINDS)
    assert str(frame["a_index"].dtype) == str(frame["b_index"].dtype) == "Int64"


def test_empty_results_give_empty_frames_with_the_columns():
    changes = cc.classify_changes(cc.align([], []))
    assert not changes and len(changes) == 0
    frame = changes.to_frame()
    assert frame.empty and tuple(frame.columns) == KIND_COLUMNS
    assert str(frame["a_index"].dtype) == "Int64"
    counts = cc.count_terms([]).to_frame()
    assert counts.empty and str(counts["count"].dtype) == "int64"


def test_records_survive_pickle_and_cloudpickle(results):
    import cloudpickle

    for found in results.values():
        assert pickle.loads(pickle.dumps(found)) == found
        assert cloudpickle.loads(cloudpickle.dumps(found)) == found


def test_a_notebook_shows_records_as_an_escaped_table():
    hostile = "<script>alert(1)</script> & co"
    attribution = cc.Attribution(
        article="x",
        outlet="O & P",
        where="body",
        index=0,
        kind="wire",
        source=hostile,
        verb="said",
        channel="",
        text=hostile,
        sentence=hostile,
    )
    html = cc.Attributions([attribution])._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "O &amp; P" in html
    assert "<th>source</th>" in html
    assert "no attributions" in cc.Attributions()._repr_html_()


def test_charts_take_records_or_their_frame(results):
    changes = results["classify_changes"]
    assert cc.kinds_chart(changes).to_dict() == cc.kinds_chart(changes.to_frame()).to_dict()


# Modules outside present/ that import pandas at run time, inside the functions that read
# or write tables (the allowed edges): reading/table_files.py (CSV / Parquet corpora),
# corpus/candidates.py and corpus/distributed.py (Dask DataFrames of the corpus
# pipeline), archive.py (Parquet output). The analysis itself never does.
PANDAS_FREE = """
import sys
import comparative_coverage as cc

articles = cc.read_articles({sample!r})
stories = cc.find_stories(articles)
story = max(stories, key=lambda s: len(s.articles))
a, b = story.articles[:2]
comparison = cc.compare(story)
alignment = cc.align(a, b)
found = [
    cc.classify_changes(alignment),
    cc.mine_substitutions([alignment]),
    cc.describe_labels(story.articles, alignments=[alignment]),
    cc.compare_quotes(a, b),
    cc.quotes_frame(story.articles),
    cc.find_attributions(story.articles),
    cc.compare_attributions(a, b),
    cc.count_terms(story.articles),
    cc.find_name_variants(story.articles),
    cc.find_related(articles),
]
assert all(len(x) for x in found[:4]), [len(x) for x in found]
loaded = sorted(m for m in sys.modules if m == "pandas" or m.startswith("pandas."))
print("before", len(loaded))
found[0].to_frame()
print("after", "pandas" in sys.modules)
"""


def test_the_analysis_runs_without_importing_pandas():
    code = textwrap.dedent(PANDAS_FREE.format(sample=str(ROOT / "data" / "sample")))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["before", "0", "after", "True"]
