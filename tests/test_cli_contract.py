"""The command line's contract: bad input or a bad -o exits 2 with one line, inputs unharmed.

Every subcommand is run over a corpus of bad inputs built here (nothing binary is
committed): broken links, link loops, pipes, unreadable files, binary files renamed,
notebooks that are not notebooks, tables with the wrong columns, an article over the
size limit, and output paths that cannot or must not be written. Control characters in
articles never reach the terminal.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from comparative_coverage.cli import main

from .conftest import SAMPLE

GOOD = SAMPLE / "001_d4fe8bf4671f7d50.txt"
OTHER = SAMPLE / "000_2b30075c1d741493.txt"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ---- the bad inputs: name -> a function that makes the input in a folder --------------


def _broken_link(tmp: Path) -> Path:
    (tmp / "dead.txt").symlink_to(tmp / "nowhere.txt")
    return tmp / "dead.txt"


def _link_loop(tmp: Path) -> Path:
    (tmp / "a.txt").symlink_to(tmp / "b.txt")
    (tmp / "b.txt").symlink_to(tmp / "a.txt")
    return tmp / "a.txt"


def _pipe(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe.txt")  # reading it would block forever
    return tmp / "pipe.txt"


def _only_bad_files(tmp: Path) -> Path:
    _write(tmp / "folder" / "x.txt", b"%PDF-1.4 not text")
    _write(tmp / "folder" / "empty.txt", b"")
    return tmp / "folder"


def _huge_article(tmp: Path) -> Path:
    words = " ".join(f"word{k % 97}" for k in range(60_000))
    return _write(tmp / "huge.txt", f"A headline\n\n{words}.")


BAD_INPUTS = {
    "empty file": lambda tmp: _write(tmp / "empty.txt", b""),
    "white space only": lambda tmp: _write(tmp / "blank.txt", b" \n\n\t "),
    "binary with NUL bytes": lambda tmp: _write(tmp / "bin.txt", bytes(range(256)) * 8),
    "PDF renamed .txt": lambda tmp: _write(tmp / "doc.txt", b"%PDF-1.7\n%\xe2\xe3"),
    "PDF renamed .csv": lambda tmp: _write(tmp / "doc.csv", b"%PDF-1.7\n%\xe2\xe3"),
    "ZIP renamed .jsonl": lambda tmp: _write(tmp / "doc.jsonl", b"PK\x03\x04zipzip"),
    "broken link": _broken_link,
    "link loop": _link_loop,
    "named pipe": _pipe,
    "missing file": lambda tmp: tmp / "missing.txt",
    "table without a text column": lambda tmp: _write(tmp / "t.csv", "headline,author\nx,y\n"),
    "table whose text is numbers": lambda tmp: _write(tmp / "n.csv", "text\n1\n2\n"),
    "broken JSON table": lambda tmp: _write(tmp / "t.json", "{not json"),
    "HTML page with no article text": lambda tmp: _write(
        tmp / "menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    ),
    "UTF-16 without BOM, all control characters": lambda tmp: _write(
        tmp / "ctl.txt", "\x01\x02\x03\x04".encode("utf-16-le") * 50
    ),
    "folder of bad files only": _only_bad_files,
    "article over the size limit": _huge_article,
    "Arabic-Indic article number": lambda tmp: Path(f"{GOOD}#\u0661"),
    "article number out of range": lambda tmp: Path(f"{GOOD}#9"),
    "sources.csv given as articles": lambda tmp: _write(
        tmp / "Sources.csv", "file,article,outlet\nx.txt,1,X\n"
    ),
}


def _command(name: str, path: Path, tmp: Path) -> list[str]:
    out = str(tmp / "out" / "result.html")
    return {
        "articles": ["articles", str(path)],
        "align": ["align", str(path), str(GOOD)],
        "stories": ["stories", str(path)],
        "compare": ["compare", str(path), str(GOOD)],
        "report": ["report", str(path), "-o", out],
        "worksheet": ["worksheet", str(path), "-o", out],
        "export": ["export", str(path), "-o", out],
    }[name]


COMMANDS = ("articles", "align", "stories", "compare", "report", "worksheet", "export")


def assert_one_line_error(capsys, code: int) -> str:
    captured = capsys.readouterr()
    assert code == 2, captured.err
    *warned, last = captured.err.splitlines()  # warnings (files skipped), then the error
    assert last.startswith("compare-coverage: error: "), captured.err
    assert all(w.startswith("compare-coverage: warning: ") for w in warned), captured.err
    assert "Traceback" not in captured.err
    return last


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", sorted(BAD_INPUTS))
def test_every_subcommand_refuses_bad_input_in_one_line(command, bad, tmp_path, capsys):
    path = BAD_INPUTS[bad](tmp_path)
    line = assert_one_line_error(capsys, main(_command(command, path, tmp_path)))
    assert len(line) < 700
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_an_unreadable_file_is_one_line_too(tmp_path, capsys, monkeypatch):
    path = _write(tmp_path / "secret.txt", "A story. It has words.")
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    line = assert_one_line_error(capsys, main(["articles", str(path)]))
    assert "secret.txt could not be read (Permission denied)" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission(tmp_path, capsys):
    path = _write(tmp_path / "secret.txt", "A story. It has words.")
    path.chmod(0)
    assert_one_line_error(capsys, main(["articles", str(path)]))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "is not a readable notebook"),
        ('{"cells": 3}', "is not a readable notebook"),
        (
            '{"cells": [{"cell_type": "code"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
            "is not a readable notebook",
        ),
        ("{not json", "is not a readable notebook"),
        (b"\xff\xfe{", "is not a readable notebook"),
    ],
)
def test_export_refuses_what_is_not_a_notebook_in_one_line(tmp_path, capsys, content, message):
    path = _write(tmp_path / "nb.ipynb", content)
    line = assert_one_line_error(
        capsys, main(["export", str(path), "-o", str(tmp_path / "x.html")])
    )
    assert message in line


# ---- output paths -----------------------------------------------------------------------


def _bad_outputs(tmp: Path) -> dict[str, str]:
    _write(tmp / "afile", "x")
    return {
        "a folder": str(tmp),
        "parent is a file": str(tmp / "afile" / "out.html"),
        "full device": "/dev/full",
        "read-only place": "/proc/version/out.html" if Path("/proc/version").exists() else "/",
    }


@pytest.mark.parametrize(
    "where", ["a folder", "parent is a file", "full device", "read-only place"]
)
@pytest.mark.parametrize("command", ["articles", "report", "worksheet", "stories", "align"])
def test_an_output_that_cannot_be_written_is_one_line(tmp_path, capsys, where, command):
    output = _bad_outputs(tmp_path)[where]
    if where == "full device" and not Path(output).exists():
        pytest.skip("no /dev/full here")
    args = {
        "articles": ["articles", str(GOOD)],
        "stories": ["stories", str(GOOD)],
        "align": ["align", str(OTHER) + "#1", str(GOOD)],
        "report": ["report", str(OTHER) + "#1", str(GOOD)],
        "worksheet": ["worksheet", str(OTHER) + "#1", str(GOOD)],
    }[command]
    assert_one_line_error(capsys, main([*args, "-o", output]))


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, capsys):
    story = tmp_path / "in.txt"
    shutil.copyfile(GOOD, story)
    before = story.read_bytes()
    line = assert_one_line_error(capsys, main(["articles", str(story), "-o", str(story)]))
    assert "is one of the inputs" in line
    alias = tmp_path / "sub" / ".." / "in.txt"  # the same file by another path
    (tmp_path / "sub").mkdir()
    assert_one_line_error(capsys, main(["report", str(story), "-o", str(alias)]))
    (tmp_path / "link.txt").symlink_to(story)
    assert_one_line_error(capsys, main(["articles", str(story), "-o", str(tmp_path / "link.txt")]))
    assert story.read_bytes() == before


def test_export_never_overwrites_its_notebook(tmp_path, capsys):
    nb = _write(
        tmp_path / "nb.ipynb", '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'
    )
    before = nb.read_bytes()
    assert_one_line_error(capsys, main(["export", str(nb), "-o", str(nb)]))
    assert nb.read_bytes() == before


# ---- folders with bad entries: skipped with a warning, the rest read ------------------


@pytest.mark.parametrize("bad", ["broken link", "link loop", "named pipe", "PDF renamed .txt"])
def test_a_bad_entry_in_a_folder_is_skipped_with_one_warning(tmp_path, capsys, bad):
    folder = tmp_path / "f"
    folder.mkdir()
    shutil.copyfile(GOOD, folder / "good.txt")
    BAD_INPUTS[bad](folder)
    assert main(["articles", str(folder), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "Russia Calls for Deeper Military Ties" in captured.out
    warnings = captured.err.splitlines()
    assert warnings and all(w.startswith("compare-coverage: warning: ") for w in warnings)
    assert all("skipped" in w for w in warnings)


def test_non_utf8_file_names_are_read_and_written(tmp_path, capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9 \xff.txt")
    shutil.copyfile(GOOD, folder / name)
    shutil.copyfile(OTHER, folder / "other.txt")
    assert main(["articles", str(folder), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "caf\ufffd \ufffd#1" in out
    assert main(["report", str(folder), "-o", str(tmp_path / "r.html")]) == 0
    assert "caf\ufffd" in (tmp_path / "r.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("table", "expect"),
    [
        (b"file,article,outlet\ngood.txt,first,Wire\n", None),  # the row names the file
        ("file,article,outlet\ngood.txt,1,Caf\u00e9 \u201cNews\u201d\n".encode("cp1252"), None),
        (b'file,article,outlet,notes\ngood.txt,1,Wire,"' + b"n" * 200_000 + b'"\n', None),
    ],
    ids=["non-numeric article", "windows-1252", "200 KB notes"],
)
def test_sources_csv_that_is_odd_never_crashes(tmp_path, capsys, table, expect):
    folder = tmp_path / "f"
    folder.mkdir()
    shutil.copyfile(GOOD, folder / "good.txt")
    (folder / "sources.csv").write_bytes(table)
    assert main(["articles", str(folder), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    if expect:
        assert expect in captured.err and len(captured.err.splitlines()) == 1
    elif b"Caf" in table:
        assert "Caf\u00e9 \u201cNews\u201d" in captured.out
    else:
        assert "Wire" in captured.out


# ---- the terminal -----------------------------------------------------------------------


PROSE = " ".join(
    f"Officials from both countries met for the {k}th time to discuss the ceasefire."
    for k in range(1, 30)
)  # enough text that a few control characters do not make the file look binary


def test_control_characters_never_reach_the_terminal(tmp_path, capsys):
    evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
    _write(
        tmp_path / "a.txt",
        f"Talks in Moscow {evil}\n\nRussia{evil} and Libya met in Moscow on Friday. "
        "They discussed military cooperation.\n\nThe talks \u202eended\u202c well.\n\n" + PROSE,
    )
    _write(
        tmp_path / "b.txt",
        f"Talks in Moscow {evil}\n\nRussia{evil} and Libya met in Moscow on Friday. "
        "They talked about military cooperation.\n\nThe talks \u202eended\u202c well.\n\n" + PROSE,
    )
    for args in (
        ["articles", str(tmp_path)],
        ["articles", str(tmp_path), "--format", "csv"],
        ["articles", str(tmp_path), "--format", "json"],
        ["align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        ["stories", str(tmp_path)],
        ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        ["align", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt") + evil],
    ):
        code = main(args)
        captured = capsys.readouterr()
        assert code in (0, 2)
        for stream in (captured.out, captured.err):
            assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
        shown = captured.out + captured.err
        assert "\\x1b" in shown or "\\u001b" in shown  # shown, escaped, not hidden


def test_a_pandas_error_with_a_newline_stays_on_one_line(tmp_path, capsys):
    _write(tmp_path / "t.csv", 'text,title\n"a story,x\nmore,"\n"unterminated')
    code = main(["articles", str(tmp_path / "t.csv")])
    assert_one_line_error(capsys, code)
