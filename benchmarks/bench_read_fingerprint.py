"""A sha256 over everything reading produces, to show a change to the reader kept its outputs.

Reads the bundled sample, every news-dev story folder (``*.raw.txt`` and ``*.txt``,
when /work/shared/eval-public is beside the repository), the reading inputs of
``tests/cases`` (pages and sentences) and hostile inputs (empty, binary, ``<script>``,
huge), and hashes every Article field, every sentence and every skipped or unsure line
with its reason (errors by their type and message). Prints one digest per group and one
over all: run it before and after a change and compare.

    .venv/bin/python benchmarks/bench_read_fingerprint.py [--save before.txt | --check before.txt]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import warnings
from pathlib import Path

import comparative_coverage as cc
from comparative_coverage.reading.segment import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
NEWS_DEV = ROOT.parent / "shared" / "eval-public" / "news-dev"
if not NEWS_DEV.is_dir():  # a git worktree under /work/wt
    NEWS_DEV = ROOT.parents[1] / "shared" / "eval-public" / "news-dev"


def _article(article) -> str:
    fields = {
        "id": article.id, "outlet": article.outlet, "title": article.title,
        "dek": article.dek, "paragraphs": article.paragraphs, "captions": article.captions,
        "date": article.date, "url": article.url, "language": article.language,
        "source": article.source, "source_spans": article.source_spans,
        "skipped": [(s.text, s.reason, s.start, s.end) for s in article.skipped],
        "unsure": [(s.text, s.reason, s.start, s.end) for s in article.unsure],
        "sentences": [(s.text, s.start, s.end, s.paragraph) for s in article.sentences],
    }  # fmt: skip
    return json.dumps(fields, ensure_ascii=False, default=str)


def _outcome(function) -> list[str]:
    """What a reading call gives: its articles, or its error's type and message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = function()
    except Exception as error:  # noqa: BLE001 - the error is part of the output
        return [f"{type(error).__name__}: {error}"]
    return [_article(a) for a in result]


def _hostile(folder: Path) -> list[Path]:
    texts = {
        "empty.txt": b"",
        "blank.txt": b"\n\n  \n",
        "binary.txt": bytes(range(256)) * 40,
        "pdf.txt": b"%PDF-1.4\n" + bytes(range(256)) * 4,
        "script.txt": b"Title\n\n<script>alert(1)</script>\n\nThe minister said so. He left.",
        "script.html": b"<html><body><h1>T</h1><script>alert(1)</script><p>A said so. "
        b"B left.</p></body></html>",
        "latin1.txt": "Caf\u00e9 owners said prices rose. They met.".encode("latin-1"),
        "huge_line.txt": ("word " * 200_000).encode(),
        "huge.txt": ("The minister said the talks went on. " * 40 + "\n\n").encode() * 1500,
        "controls.txt": b"Title\x00\x07\n\nText here. More text.",
    }
    paths = []
    for name, data in texts.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def groups() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    out["sample"] = _outcome(lambda: cc.read_articles(ROOT / "data" / "sample"))
    if NEWS_DEV.is_dir():
        lines = []
        for story in sorted(p for p in NEWS_DEV.iterdir() if p.is_dir()):
            for pattern in ("*.raw.txt", "*.txt"):
                lines += _outcome(lambda s=story, p=pattern: cc.read_articles(s, include=p))
        out["news-dev"] = lines
    cases = json.loads((ROOT / "tests" / "cases" / "pages.json").read_text("utf-8"))["cases"]
    out["cases/pages"] = [
        line for case in cases for line in _outcome(lambda c=case: cc.read_text(c["text"]))
    ]
    sentences = json.loads((ROOT / "tests" / "cases" / "sentences.json").read_text("utf-8"))
    out["cases/sentences"] = [
        json.dumps([(s.text, s.start, s.end) for s in split_paragraphs((case["text"],))])
        for case in sentences
    ]
    with tempfile.TemporaryDirectory() as tmp:
        lines = []
        for path in _hostile(Path(tmp)):
            lines += _outcome(lambda p=path: cc.read_articles(p))
            if path.suffix == ".txt":
                data = path.read_bytes().decode("utf-8", "replace")
                lines += _outcome(lambda d=data: cc.read_text(d))
        out["hostile"] = [line.replace(tmp, "TMP") for line in lines]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save")
    parser.add_argument("--check")
    args = parser.parse_args()
    found = groups()
    total = hashlib.sha256()
    report = []
    for name, lines in found.items():
        digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
        total.update(digest.encode())
        report.append(f"{name}: {len(lines)} outputs, sha256 {digest}")
    report.append(f"all: sha256 {total.hexdigest()}")
    print("\n".join(report))
    if args.save:
        Path(args.save).write_text("\n".join(report) + "\n", encoding="utf-8")
    if args.check:
        before = Path(args.check).read_text(encoding="utf-8").splitlines()
        changed = [line for line in report if line not in before]
        print("identical" if not changed else "CHANGED: " + "; ".join(changed))
        raise SystemExit(1 if changed else 0)


if __name__ == "__main__":
    main()
