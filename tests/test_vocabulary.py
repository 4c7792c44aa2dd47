"""Word lists: a live view (``listed``) and the plain set a hot loop takes from it."""

import shutil

from comparative_coverage import vocabulary
from comparative_coverage.vocabulary import listed


def test_current_is_the_list_as_a_plain_set_and_follows_a_reload(tmp_path, monkeypatch):
    titles = listed("titles")
    before = titles.current()
    assert type(before) is frozenset and before == set(titles) and "president" in before
    folder = tmp_path / "vocabulary"
    shutil.copytree(vocabulary._folder(), folder)
    path = folder / "titles.txt"
    kept = [w for w in path.read_text("utf-8").splitlines() if w.strip().lower() != "president"]
    path.write_text("\n".join(kept) + "\n", "utf-8")
    monkeypatch.setattr(vocabulary, "_folder", lambda: folder)
    try:
        vocabulary.reload()
        assert "president" not in titles.current()
        assert titles.current() == before - {"president"}
        assert "president" in before  # a set taken earlier is a snapshot: take it each call
    finally:
        monkeypatch.undo()
        vocabulary.reload()
    assert titles.current() == before


def test_a_union_of_lists_made_once_stays_live():
    both = listed("titles") | listed("demonyms")
    assert both.current() == listed("titles").current() | listed("demonyms").current()
    vocabulary.reload()
    assert "russian" in both and "minister" in both
