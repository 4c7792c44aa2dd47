"""The command line: one line per error, exit status 2, data on stdout."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from comparative_coverage.cli import main


def test_articles_lists_the_sample_as_a_table(sample_dir, capsys):
    assert main(["articles", str(sample_dir)]) == 0
    out = capsys.readouterr().out
    assert "The Defense Post" in out and "teleSUR English" in out
    assert len(out.strip().splitlines()) == 1 + 8


def test_articles_writes_csv_and_json(sample_dir, tmp_path):
    assert main(["articles", str(sample_dir), "-o", str(tmp_path / "a.csv")]) == 0
    frame = pd.read_csv(tmp_path / "a.csv")
    assert list(frame.columns[:6]) == ["id", "outlet", "title", "date", "sentences", "words"]
    assert (
        main(
            [
                "articles",
                f"{sample_dir}/001_d4fe8bf4671f7d50.txt",
                "--format",
                "json",
                "-o",
                str(tmp_path / "a.json"),
            ]
        )
        == 0
    )
    [row] = json.loads((tmp_path / "a.json").read_text())
    assert row["outlet"] == "The Defense Post" and row["sentences"] == 12


def test_errors_are_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 ...")
    assert main(["articles", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "looks like a PDF" in err
    assert main(["articles", str(tmp_path / "missing.txt")]) == 2


def test_the_console_script_is_installed(sample_dir):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "comparative_coverage.cli",
            "articles",
            f"{sample_dir}/004_31faec29e2e14dd4.txt",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "teleSUR English" in result.stdout
