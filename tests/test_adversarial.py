"""Unlucky and hostile input: nothing silently lost or corrupted, no step super-linear.

Three families: data integrity at the reading edge (encodings, tables, folders, HTML,
metadata), linear time (each once super-linear regex or pairwise step, timed at n and
4n in CPU time: a quadratic step grows 16x, a linear one 4x), and hypothesis properties
over generated text (the ``ci`` profile keeps the example counts moderate; set
``HYPOTHESIS_PROFILE=thorough`` for thousands more).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.model import MAX_ARTICLE_CHARS
from comparative_coverage.reading.decoding import decode

from .conftest import ROOT

settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# ---- data integrity ------------------------------------------------------------------------


def test_utf8_with_one_stray_windows_1252_byte_keeps_its_curly_quotes(tmp_path):
    text = "\u201cI consider this constructive,\u201d he said \u2014 in Tripoli."
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("utf-8") + b" The minister\x92s aide agreed.")
    with pytest.warns(cc.SkippedInputWarning, match=r"UTF-8 but for 1 byte\(s\)"):
        [article] = cc.read_articles(path)
    assert article.body == text + " The minister\u2019s aide agreed."  # no mojibake


def test_a_windows_1252_file_is_still_detected_whole():
    assert decode("caf\u00e9 \u201cquoted\u201d".encode("cp1252")) == "caf\u00e9 \u201cquoted\u201d"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_not_binary(tmp_path, codec):
    text = "Libya\u2019s talks went on. They ended on Friday in Moscow."
    (tmp_path / "story.txt").write_bytes(text.encode(codec))
    [article] = cc.read_articles(tmp_path / "story.txt")
    assert article.body == text


def test_an_arabic_indic_digit_is_not_an_article_number(sample_dir):
    with pytest.raises(cc.InputNotFound, match="give an article number"):
        cc.read_articles(f"{sample_dir}/000_2b30075c1d741493.txt#\u0661")


def test_parquet_cells_are_read_as_text_not_reprs(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime

    import pyarrow.parquet as pq

    table = pa.table(
        {
            "text": pa.array([b"Talks resumed on Monday. Both sides agreed.", b"Second. Story."]),
            "title": pa.array([["Part one", "part two"], []], pa.list_(pa.string())),
            "date": pa.array([datetime.datetime(2021, 4, 17), None], pa.timestamp("ms")),
            "id": pa.array([123, 456], pa.int64()),
        }
    )
    pq.write_table(table, tmp_path / "t.parquet")
    first, second = cc.read_articles(tmp_path / "t.parquet")
    assert first.paragraphs == ("Talks resumed on Monday. Both sides agreed.",)
    assert (first.title, first.date, first.id) == ("Part one\n\npart two", "2021-04-17", "123")
    assert (second.title, second.date) == ("", None)  # no "[]", no "NaT"
    pq.write_table(pa.table({"text": pa.array([1, 2], pa.int64())}), tmp_path / "n.parquet")
    with pytest.raises(cc.MissingColumn, match="holds numbers, not article text"):
        cc.read_articles(tmp_path / "n.parquet")


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("A story in a folder. It has two sentences.")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.warns(cc.SkippedInputWarning, match="locked was skipped: the folder could not"):
        [article] = cc.read_articles(tmp_path)
    assert article.title or article.body


@pytest.mark.parametrize("text", ["0", "Home | World", "Share this article", "12"])
def test_text_that_may_be_all_furniture_is_an_error_or_a_record_never_an_empty_list(text):
    try:
        articles = cc.read_text(text)
    except cc.EmptyInput as error:
        assert "only page furniture" in str(error)
    else:
        kept = [a.body for a in articles] + [s.text for a in articles for s in a.skipped]
        assert articles and any(text in k for k in kept)
    assert cc.read_text(text, clean=False)[0].body == text


@pytest.mark.parametrize("name", ["Sources.csv", "SOURCES.CSV", "sources.csv"])
def test_a_metadata_table_in_any_case_is_metadata(tmp_path, sample_dir, name):
    (tmp_path / "a.txt").write_bytes((sample_dir / "001_d4fe8bf4671f7d50.txt").read_bytes())
    (tmp_path / name).write_text("file,article,outlet\na.txt,1,The Wire\n", encoding="utf-8")
    [article] = cc.read_articles(tmp_path)
    assert article.outlet == "The Wire" and article.body != "1"
    with pytest.raises(cc.UnsupportedFormat, match="is the metadata table"):
        cc.read_articles(tmp_path / name)


HTML_PAGE = """<html><head><title>Talks in Moscow</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks in Moscow</h1>
<p>Russian Defence Minister Sergei Shoigu met Libyan strongman Khalifa Haftar in Moscow on
Friday, the ministry said in a statement released after the meeting.</p>
<p>Talks in Moscow</p>
<table><tr><td>Casualties</td><td>41</td></tr><tr><td>Displaced</td><td>1,200</td></tr></table>
<p>The two men discussed the situation in Libya and military cooperation between the two
countries, according to the statement released by the ministry on Friday.</p>
<p>Haftar's forces launched an offensive in April 2019 to seize Tripoli, but were pushed
back in June 2020 by forces loyal to the government.</p></article>
<footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>"""


def test_html_keeps_tables_and_a_paragraph_equal_to_the_title_and_says_what_it_left(tmp_path):
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [article] = cc.read_articles(tmp_path / "page.html")
    assert "Talks in Moscow" in article.paragraphs  # a body paragraph, kept
    assert any("Casualties" in p and "41" in p for p in article.paragraphs)
    left = {s.text: s.reason for s in article.skipped}
    assert "Copyright 2021 Example News. All rights reserved." in left
    assert "Home | World" in left
    raw = HTML_PAGE
    for s in article.skipped:
        assert s.start == s.end == 0 or raw[s.start : s.end] == s.text


def test_an_article_over_the_size_limit_stops_with_a_clear_error(tmp_path):
    words = " ".join(f"word{k % 97}" for k in range(MAX_ARTICLE_CHARS // 5))
    with pytest.raises(cc.InputTooLarge, match="over the limit of 200,000 per article"):
        cc.read_text(f"Headline\n\n{words}.")


# ---- linear time ----------------------------------------------------------------------------


def cpu(function, *args) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function(*args)
        best = min(best, time.process_time() - start)
    return best


def assert_linear(make, function, n: int = 16_000) -> None:
    """``function(make(4n))`` takes at most about 4x ``function(make(n))`` (not 16x)."""
    small, large = make(n), make(4 * n)
    t_small, t_large = cpu(function, *small), cpu(function, *large)
    assert t_large < 9 * max(t_small, 0.003), (t_small, t_large)


def _article(text: str) -> cc.Article:
    return cc.Article(id="x#1", outlet="X", title="T", paragraphs=(text,))


LINEAR_CASES = {
    "date after a month and a space run": (
        lambda n: ("22 August" + " " * n + "x",),
        lambda text: cc.reading.dates.find_date(text),
    ),
    "date line in a table cell": (
        lambda n: ("Published on 22 August" + " " * n,),
        lambda text: cc.read_text("Talks resume Monday. Both sides agree.", date=text),
    ),
    "dash spaces (typography folding)": (
        lambda n: (" \t" * n + "lled",),
        lambda text: cc.normalize.fold_typography(text),
    ),
    "doubled-l spelling on a long word": (
        lambda n: ("traval" * (n // 6) + "x",),
        lambda word: cc.wording.spelling.american(word),
    ),
    "speaker before a quote on a long token": (
        lambda n: ("x" * n + " ",),
        lambda text: cc.wording.speakers.speaker_before(text),
    ),
    "speaker over capitalised words": (
        lambda n: (_article("Then " + "Moscow Libya " * (n // 13) + '"We agree," he said.'),),
        cc.find_quotes,
    ),
    "appositive stop on a space run": (
        lambda n: ([_article("Khalifa Haftar, the commander" + " " * n + "x.")],),
        cc.describe_labels,
    ),
    "descriptor walk-back over many names": (
        lambda n: ([_article("Officials, " + "Ab, " * (n // 80) + "said the talks ended.")],),
        cc.describe_labels,
    ),
    "credits over a run of capitalised words": (
        lambda n: ("Ab " * (n // 3) + "x",),
        lambda text: cc.wording.attributions.credit_spans(text),
    ),
    "previous word before an edit, after a run of word characters": (
        lambda n: ("a" * n + "!", n + 1),
        lambda text, end: cc.wording.edit_rules._previous_word(text, end),
    ),
    "modifier before a name, after a run of word characters": (
        lambda n: (["1" * n + "! Khalifa Haftar said."],),
        lambda sentences: cc.wording.moves._premodified(sentences),
    ),
    "first name and surname over a run of capitalised pieces": (
        lambda n: ("Ab'" * (n // 3) + "lled",),
        lambda text: cc.wording.moves._called(text),
    ),
    "speaker trimmed of an opening over a space run": (
        lambda n: ("in" + " " * n + "x",),
        lambda text: cc.wording.speakers._trim(text),
    ),
    "outcome words after each count in a long sentence of counts": (
        lambda n: (["thousands " * (n // 10) + "were killed."],),
        lambda sentences: cc.wording.figures.counts(sentences),
    ),
    "quotes several versions give, grouped by shared runs of words": (
        lambda n: ([{f"run {k}", f"run {k + 1}"} for k in range(n // 16)],),
        lambda runs: cc.classroom.voices.joined_by_runs(runs),
    ),
    "exercise context tail of spaces": (
        lambda n: ("one two three" + " " * n, 0, 3),
        lambda *args: cc.classroom.text._around(*args),
    ),
}


@pytest.mark.parametrize("case", sorted(LINEAR_CASES))
def test_no_once_super_linear_step_is_super_linear(case):
    import comparative_coverage.classroom.text
    import comparative_coverage.classroom.voices
    import comparative_coverage.normalize
    import comparative_coverage.reading.furniture
    import comparative_coverage.wording.attributions
    import comparative_coverage.wording.edit_rules
    import comparative_coverage.wording.figures
    import comparative_coverage.wording.kinds
    import comparative_coverage.wording.speakers
    import comparative_coverage.wording.spelling  # noqa: F401

    make, function = LINEAR_CASES[case]
    assert_linear(make, function)


def _differing_quotes(n: int) -> tuple[cc.Article, cc.Article]:
    words = "talks ceasefire Libya Moscow army support peace forces oil deal war".split()
    versions = []
    for seed in (1, 2):
        rng = random.Random(seed)
        paragraphs = tuple(
            f'"{" ".join(rng.choice(words) for _ in range(8))} {k}," the minister said.'
            for k in range(n)
        )
        versions.append(cc.Article(id=f"v{seed}#1", outlet="X", title="T", paragraphs=paragraphs))
    return tuple(versions)


def test_comparing_many_differing_quotes_is_not_quadratic():
    assert_linear(lambda n: _differing_quotes(n // 100), cc.compare_quotes, n=20_000)


# ---- properties ----------------------------------------------------------------------------

HOSTILE_BITS = [
    "<script>alert(1)</script>",
    "</style>",
    "\u2028",
    "\u202e",
    "\x1b[2J",
    "\u201c",
    "\u201d",
    "\u2014",
    "Gaddafi" * 30,
    "U.S.",
    "e.g.",
    "(AFP)",
    "...",
    "-",
    "  ",
    "\n",
    "\n\n",
    "\t",
]
NEWS = "Russia Libya said the talks Moscow Haftar on Friday were constructive and long".split()
token = st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE_BITS), st.text(max_size=6))
page_text = st.lists(token, min_size=1, max_size=60).map(" ".join)


def _non_space(text: str) -> Counter:
    return Counter(c for c in text if not c.isspace())


@PROFILE
@given(page_text)
def test_read_text_never_loses_text_silently(text):
    """Every non-space character is in the title, dek, captions, body or skipped."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = cc.read_text(text)
    except cc.CoverageError:
        return  # an explicit error is not a silent loss
    kept = Counter()
    for article in articles:
        pieces = [article.title, article.dek, *article.captions, *article.paragraphs]
        pieces += [s.text for s in article.skipped]
        kept += _non_space("".join(pieces))
    assert not _non_space(text) - kept


@PROFILE
@given(page_text, page_text)
def test_word_edits_replay_on_hostile_text(a, b):
    edits = cc.word_diff(a, b)
    for side, text in (("a", a), ("b", b)):
        spans = [e.a_span if side == "a" else e.b_span for e in edits]
        assert "".join(text[s:e] for s, e in spans) == text


REPORT_SCRIPT = """
import sys, warnings
warnings.simplefilter("ignore")
import comparative_coverage as cc
from tests.test_hostile import hostile_folder
from pathlib import Path
sample = Path(sys.argv[1])
paths = [sample / "000_2b30075c1d741493.txt", sample / "001_d4fe8bf4671f7d50.txt"]
articles = cc.read_articles([*paths, hostile_folder(Path(sys.argv[2]))])
sys.stdout.buffer.write(cc.build_report(articles).encode("utf-8"))
"""


def test_reports_are_byte_identical_across_hash_seeds(sample_dir, tmp_path):
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [sys.executable, "-c", REPORT_SCRIPT, str(sample_dir), str(tmp_path / seed)],
            capture_output=True,
            check=True,
            env=env,
            cwd=ROOT,
        )
        outputs.append(result.stdout)
    assert len(outputs[0]) > 100_000
    assert outputs[0] == outputs[1]
