"""The single-process path on the same corpus, table for table: the check the cluster run must pass.

``cc.find_stories`` on the whole corpus, then the per-story tables of each
multi-version story made with the public functions, one story at a time
(:func:`reference_story_tables`: ``cc.compare``, ``Comparison.to_frame`` and ``summary``,
``cc.classify_changes``, ``cc.describe_labels``), and the attributions of every
article, in one process. The cluster run's tables come from ``archive.story_tables``,
which batches stories and skips work; this reference is what they must equal. Shared by
``bench_corpus.py`` and ``tests/test_corpus_scale.py``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import comparative_coverage as cc
from comparative_coverage.options import Options
from comparative_coverage.present.tables import comparison_frame, comparison_summary

# per table: the columns that identify a row's story (rows keep their order within a story)
COMPARED = {
    "stories": ["story", "title", "versions", "outlets", "article_ids"],
    "story_links": None,
    "units": None,
    "outlet_stories": None,
    "changes": None,
    "labels": None,
    "attributions": None,
}


def reference_story_tables(story: cc.Story, *, options: Options) -> dict[str, pd.DataFrame]:
    """The per-story tables of one multi-version story, from the public functions."""
    comparison = cc.compare(story, options=options)
    outlet_of = {a.id: a.outlet or "unknown" for a in story.articles}
    units = comparison_frame(comparison)
    units.insert(0, "story", story.id)
    summary = comparison_summary(comparison)
    summary.insert(0, "story", story.id)
    summary["outlet_name"] = summary["article_id"].map(outlet_of)
    spine = comparison.articles[comparison.spine]
    changes = []
    for label, alignment in comparison.alignments.items():
        version = comparison.articles[comparison.outlets.index(label)]
        frame = cc.classify_changes(alignment).to_frame()
        frame.insert(0, "story", story.id)
        frame.insert(1, "a_article", spine.id)
        frame.insert(2, "b_article", version.id)
        frame["b_outlet_name"] = version.outlet or "unknown"
        changes.append(frame)
    labels = cc.describe_labels(story.articles, alignments=list(comparison.alignments.values()))
    labels = labels.to_frame()
    labels.insert(0, "story", story.id)
    return {
        "units": units,
        "outlet_stories": summary,
        "changes": pd.concat(changes, ignore_index=True),
        "labels": labels,
    }


def single_process_tables(folder: Path) -> dict[str, pd.DataFrame]:
    articles = cc.read_articles(folder)
    stories = cc.find_stories(articles)
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in COMPARED}
    story_of = {}
    for story in stories:
        story_of.update(dict.fromkeys(story.ids, story.id))
        tables["stories"].append(
            pd.DataFrame(
                [
                    [
                        story.id,
                        story.title,
                        len(story.articles),
                        "; ".join(story.outlets),
                        "; ".join(story.ids),
                    ]
                ],
                columns=COMPARED["stories"],
            )
        )
        tables["story_links"].append(
            pd.DataFrame(
                [(story.id, x.a, x.b, x.share, x.score) for x in story.links],
                columns=["story", "a", "b", "share", "score"],
            )
        )
        if len(story.articles) > 1:
            for name, frame in reference_story_tables(story, options=Options()).items():
                tables[name].append(frame)
    out = {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items() if frames}
    out["attributions"] = cc.find_attributions(articles).to_frame()
    out["articles"] = pd.DataFrame(
        {"id": [a.id for a in articles], "story": [story_of[a.id] for a in articles]}
    )
    return out


def _normal(frame: pd.DataFrame, columns: list[str] | None) -> pd.DataFrame:
    frame = frame[columns] if columns else frame
    frame = frame.astype(
        {c: str for c in frame.columns if frame[c].dtype.name in ("category", "string", "str")}
    )
    frame = frame.astype(
        {
            c: object
            for c in frame.columns
            if frame[c].dtype == object or frame[c].dtype.name == "str"
        }
    )
    if "story" in frame.columns:
        number = frame["story"].str.split("-").str[1].astype(int)
        frame = frame.assign(_n=number).sort_values("_n", kind="stable").drop(columns="_n")
    return frame.reset_index(drop=True)


def save_reference(folder: Path, saved: Path) -> None:
    """Compute the single-process tables once and keep them (a large corpus takes a while)."""
    saved.mkdir(parents=True, exist_ok=True)
    for name, frame in single_process_tables(folder).items():
        frame.to_parquet(saved / f"{name}.parquet", index=False)


def differences(folder: Path, output: Path, *, saved: Path | None = None) -> list[str]:
    """The tables that differ between the cluster run in ``output`` and the single process."""
    if saved is not None and saved.exists():
        reference = {p.stem: pd.read_parquet(p) for p in saved.glob("*.parquet")}
    else:
        reference = single_process_tables(folder)
    result = cc.CorpusAnalysis(output, {}, None)
    found = []
    for name, columns in (*COMPARED.items(), ("articles", ["id", "story"])):
        ours = _normal(result.table(name), columns)
        theirs = _normal(reference[name], columns or list(ours.columns))
        if name == "attributions":  # per input partition, in corpus order: compare as sets of rows
            ours, theirs = (
                f.sort_values(list(f.columns)).reset_index(drop=True) for f in (ours, theirs)
            )
        try:
            pd.testing.assert_frame_equal(ours, theirs, check_dtype=False)
        except AssertionError as error:
            found.append(
                f"{name}: {str(error).splitlines()[0]} ({len(ours)} vs {len(theirs)} rows)"
            )
    return found


def same_as_single_process(folder: Path, output: Path, *, saved: Path | None = None) -> str:
    found = differences(folder, output, saved=saved)
    return "every table identical" if not found else "DIFFERENT: " + "; ".join(found)


if __name__ == "__main__":  # check_corpus.py CORPUS SAVED [OUTPUT]: save the reference, then check
    import sys
    import time

    folder, saved = Path(sys.argv[1]), Path(sys.argv[2])
    if not saved.exists():
        start = time.process_time()
        save_reference(folder, saved)
        print(
            f"single-process tables of {folder}: {time.process_time() - start:.0f} s CPU",
            flush=True,
        )
    if len(sys.argv) > 3:
        print(same_as_single_process(folder, Path(sys.argv[3]), saved=saved))
