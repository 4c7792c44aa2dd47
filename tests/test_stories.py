"""Story grouping: the bundled corpus as readable expectations, synthetic rewrites, invariants."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.cli import main
from comparative_coverage.corpus.stories import minhash, shingles

SHOIGU_AA, SHOIGU_DP = "000_2b30075c1d741493#1", "001_d4fe8bf4671f7d50#1"


def members(stories: list[cc.Story]) -> list[tuple[str, ...]]:
    return [story.ids for story in stories]


# ---- a synthetic corpus: every sample article rewritten by three more outlets ----------

SWAPS = {
    "leader": "strongman",
    "said": "stated",
    "forces": "troops",
    "military": "armed",
    "talks": "negotiations",
    "government": "administration",
    "Qaddafi": "Kadhafi",
    "Gaddafi": "Qaddafi",
    "Mohammed": "Mohammad",
    "recognized": "recognised",
    "Moscow": "the Kremlin",
    "President": "leader",
    "meeting": "talks",
    "killed": "slain",
}
ADDITIONS = (
    "{outlet} could not independently verify the account.",
    "The {n} statement was published late on a weekday, {outlet} noted.",
    "Officials quoted by {outlet} declined to give their names, citing rule {n}.",
)
OUTLETS = ("Wire One", "Daily Two", "Post Three")


def rewrite(article: cc.Article, *, seed: int, outlet: str) -> cc.Article:
    """Another outlet's version: a paragraph moved, words and names swapped, sentences
    dropped (15%) and added (a fifth of paragraphs gain one)."""
    rng = random.Random(seed)
    paragraphs = [
        [s.text for s in article.sentences if s.paragraph == p]
        for p in range(len(article.paragraphs))
    ]
    paragraphs = [p for p in paragraphs if p]
    if len(paragraphs) > 2:
        moved = paragraphs.pop(rng.randrange(1, len(paragraphs)))
        paragraphs.insert(rng.randrange(len(paragraphs)), moved)
    out = []
    for paragraph in paragraphs:
        kept = []
        for text in paragraph:
            if rng.random() < 0.15:
                continue
            if rng.random() < 0.6:
                text = " ".join(SWAPS.get(w, w) for w in text.split(" "))
            kept.append(text)
        if rng.random() < 0.2:
            kept.append(rng.choice(ADDITIONS).format(outlet=outlet, n=rng.randrange(1000)))
        if kept:
            out.append(" ".join(kept))
    return cc.Article(f"{article.id}~{outlet}", outlet, article.title, tuple(out))


def rewritten_corpus(sample_articles, seed: int) -> list[cc.Article]:
    corpus = list(sample_articles)
    for k, article in enumerate(sample_articles):
        for n, outlet in enumerate(OUTLETS):
            corpus.append(rewrite(article, seed=seed * 1000 + k * 10 + n, outlet=outlet))
    random.Random(seed).shuffle(corpus)
    return corpus


def true_story(article_id: str) -> str:
    """The sample article a version comes from; the two Shoigu versions are one story."""
    origin = article_id.split("~")[0]
    return SHOIGU_AA if origin == SHOIGU_DP else origin


# ---- the bundled corpus ------------------------------------------------------------------


def test_the_sample_is_seven_stories(sample_articles):
    assert members(cc.find_stories(sample_articles)) == [
        (SHOIGU_AA, SHOIGU_DP),  # Shoigu hosts Dbeibah: two outlets' versions of one AFP story
        ("000_2b30075c1d741493#2",),  # Tajani in Syria
        ("002_a5cf3d5e05a89805#1",),  # Haftar meets Putin: same topic as Shoigu, not the story
        ("002_a5cf3d5e05a89805#2",),  # Lavrov on Syria
        ("003_e061b3860b229b61#1",),  # US pledge to a unified Libyan military
        ("003_e061b3860b229b61#2",),  # Putin on Syria
        ("004_31faec29e2e14dd4#1",),  # Yevkurov's delegation in Libya
    ]


def test_stories_have_stable_ids_titles_and_evidence(sample_articles):
    stories = cc.find_stories(sample_articles)
    assert [s.id for s in stories] == [f"story-{k}" for k in range(1, 8)]
    first = stories[0]
    assert first.title == "Russia Calls for Deeper Military Ties with Libya"
    assert first.outlets == ("Asharq Al-Awsat", "The Defense Post")
    [link] = first.links
    # 9 + 9 of 9 + 12 sentences align strongly; the shared ones are mostly word for word
    assert (link.a, link.b, link.share) == (SHOIGU_AA, SHOIGU_DP, pytest.approx(18 / 21, abs=1e-3))
    assert 0.85 < link.score <= 1.0
    assert all(s.links == () for s in stories[1:])
    assert cc.find_stories(sample_articles) == stories  # deterministic


def test_a_story_lists_itself_as_a_frame_and_in_html(sample_articles):
    story = cc.find_stories(sample_articles)[0]
    frame = story.to_frame()
    assert list(frame.columns[:4]) == ["story", "versions", "article_id", "outlet"]
    assert frame["article_id"].tolist() == [SHOIGU_AA, SHOIGU_DP]
    html = story._repr_html_()
    assert "story-1" in html and "86% of sentences shared" in html
    assert "story-1" in repr(story) and "2 versions" in repr(story)
    assert len(cc.stories_frame(cc.find_stories(sample_articles))) == 8


# ---- acceptance: rewritten versions are found again ------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_three_rewrites_of_every_sample_article_are_regrouped_exactly(sample_articles, seed):
    corpus = rewritten_corpus(sample_articles, seed)
    found = {frozenset(s.ids) for s in cc.find_stories(corpus)}
    truth: dict[str, set[str]] = {}
    for article in corpus:
        truth.setdefault(true_story(article.id), set()).add(article.id)
    assert found == {frozenset(group) for group in truth.values()}
    assert sorted(len(g) for g in found) == [4, 4, 4, 4, 4, 4, 8]


def test_a_brief_cut_from_the_full_story_joins_it(shoigu_pair):
    full, _ = shoigu_pair
    brief = cc.Article("brief", "Brief Wire", "", tuple(s.text for s in full.sentences[:3]))
    [story] = cc.find_stories([full, brief])
    assert story.ids == (SHOIGU_AA, "brief")
    assert story.links[0].share < 0.8  # linked because the brief is contained, not by share


def test_one_shared_background_sentence_is_not_a_story(sample_articles):
    background = "Libya has been mired in chaos since the 2011 uprising that toppled Qaddafi."
    by_id = {a.id: a for a in sample_articles}
    a, b = by_id["002_a5cf3d5e05a89805#1"], by_id["004_31faec29e2e14dd4#1"]
    a = cc.Article(a.id, a.outlet, a.title, (*a.paragraphs, background))
    b = cc.Article(b.id, b.outlet, b.title, (background, *b.paragraphs))
    assert members(cc.find_stories([a, b])) == [(a.id,), (b.id,)]


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_corpus_order(sample_articles, rng):
    corpus = rewritten_corpus(sample_articles, 7)
    shuffled = list(corpus)
    rng.shuffle(shuffled)
    before = {frozenset(s.ids) for s in cc.find_stories(corpus)}
    after = cc.find_stories(shuffled)
    assert {frozenset(s.ids) for s in after} == before
    # every article in exactly one story, stories in order of their first article
    assert sorted(i for s in after for i in s.ids) == sorted(a.id for a in corpus)
    position = {a.id: k for k, a in enumerate(shuffled)}
    firsts = [position[s.ids[0]] for s in after]
    assert firsts == sorted(firsts)
    assert all([position[i] for i in s.ids] == sorted(position[i] for i in s.ids) for s in after)


# ---- odd input -----------------------------------------------------------------------------


def test_empty_and_single_corpora():
    assert cc.find_stories([]) == []
    lone = cc.Article("x", "Solo", "Alone", ("Nothing else says this.",))
    assert members(cc.find_stories([lone])) == [("x",)]
    assert members(cc.find_stories(iter([lone]))) == [("x",)]  # any iterable streams


def test_empty_hostile_and_duplicate_articles_are_safe():
    empty = cc.Article("empty", "Nobody", "", ())
    hostile = cc.Article(
        "h", "<script>alert(1)</script>", "<b>x</b>", ("<script>alert(1)</script>",)
    )
    text = ("The council met on Monday to discuss the budget. " * 3).strip()
    twin_a = cc.Article("t1", "A", "Budget", (text, "Members argued over roads and schools."))
    twin_b = cc.Article("t2", "B", "Budget", (text, "Members argued over roads and schools."))
    stories = cc.find_stories([empty, hostile, twin_a, twin_b])
    assert members(stories) == [("empty",), ("h",), ("t1", "t2")]
    html = stories[1]._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_bad_arguments_say_what_to_pass():
    with pytest.raises(TypeError, match="takes Articles"):
        cc.find_stories(["a text, not an article"])
    with pytest.raises(ValueError, match="multiple of bands"):
        cc.find_stories([], num_perm=100, bands=64)


def test_the_progress_bar_is_silent_unless_asked(sample_articles, capsys):
    cc.find_stories(sample_articles)
    assert capsys.readouterr().err == ""
    cc.find_stories(sample_articles, progress=True)
    assert "fingerprinting" in capsys.readouterr().err


# ---- the pieces ----------------------------------------------------------------------------


def test_shingles_fold_spellings_and_skip_stop_words():
    assert shingles(["Qaddafi was killed."], size=2) == shingles(["Kadhafi was killed."], size=2)
    assert shingles(["The and of."]) == []


def test_minhash_estimates_overlap():
    import numpy as np

    base = np.arange(1, 401, dtype=np.uint64)
    half = np.arange(201, 601, dtype=np.uint64)  # Jaccard 200 / 600 = 0.33
    sig = minhash([base, half, base], num_perm=256)
    assert (sig[0] == sig[2]).all()
    assert abs((sig[0] == sig[1]).mean() - 1 / 3) < 0.1


# ---- command line ---------------------------------------------------------------------------


def test_the_stories_command_lists_stories_with_their_evidence(sample_dir, capsys, tmp_path):
    assert main(["stories", str(sample_dir)]) == 0
    out = capsys.readouterr().out
    assert "story-1  2 versions  Russia Calls for Deeper Military Ties with Libya" in out
    assert "86% of sentences shared" in out and out.strip().endswith(
        "7 stories, 1 with several versions"
    )
    assert main(["stories", str(sample_dir), "-o", str(tmp_path / "s.csv")]) == 0
    lines = (tmp_path / "s.csv").read_text().splitlines()
    assert lines[0].startswith("story,versions,article_id,outlet") and len(lines) == 9


def test_confirm_hands_back_the_alignment_of_each_pair_it_tried(sample_articles):
    """What the cluster's task reuses for the comparison: each tried pair's alignment, as
    ``align(..., diffs=False)`` makes it."""
    from comparative_coverage.corpus.stories import confirm
    from comparative_coverage.unionfind import UnionFind

    story = cc.find_stories(sample_articles)[0]
    articles = cc.as_articles(story.articles)
    aligned: dict = {}
    links = confirm(
        [(0, 1)], articles.__getitem__, UnionFind(), threshold=0.3, containment=0.8, aligned=aligned
    )
    assert [(i, j) for i, j, _, _ in links] == [(0, 1)] == list(aligned)
    texts = [tuple(s.text for s in a.sentences) for a in articles[:2]]
    assert aligned[0, 1] == cc.align(*texts, diffs=False)


def test_of_a_pair_the_article_closer_to_its_candidates_is_aligned_first(sample_articles):
    """The spine of a story is the version closest to the others, and compare reuses the
    confirmation's alignments made with the spine as ``a``: so of each pair, the article
    whose estimated similarities with its candidates sum higher is aligned as ``a``, and
    its link names it first. The sums do not depend on the order of the pairs."""
    import numpy as np

    from comparative_coverage.corpus.stories import confirm, leading_weights
    from comparative_coverage.unionfind import UnionFind

    pairs = np.array([[0, 1], [1, 2], [0, 2], [2, 3]])
    similarity = np.array([0.3, 0.1, 0.7, 0.6])
    weights = leading_weights(pairs, similarity)
    assert weights == {0: 1.0, 1: 0.4, 2: pytest.approx(1.4), 3: 0.6}
    assert leading_weights(pairs[::-1], similarity[::-1]) == weights  # exact sums: the same

    story = cc.find_stories(sample_articles)[0]
    articles = cc.as_articles(story.articles)
    texts = [tuple(s.text for s in a.sentences) for a in articles[:2]]
    for leading, first in (({0: 0.2, 1: 0.9}, (1, 0)), ({0: 0.9, 1: 0.2}, (0, 1)), ({}, (0, 1))):
        aligned: dict = {}
        links = confirm(
            [(0, 1)],
            articles.__getitem__,
            UnionFind(),
            threshold=0.3,
            containment=0.8,
            aligned=aligned,
            leading=leading,
        )
        assert [(i, j) for i, j, _, _ in links] == [first] == list(aligned)
        assert aligned[first] == cc.align(texts[first[0]], texts[first[1]], diffs=False)


def test_the_evidence_for_a_link_is_the_same_whichever_version_is_a(sample_articles):
    from comparative_coverage.corpus.stories import _evidence

    a, b = cc.as_articles(cc.find_stories(sample_articles)[0].articles)[:2]
    x, y = ([s.text for s in v.sentences] for v in (a, b))
    for left, right in ((x, y), (x[:9], y[:9]), (x[:5], y[2:7]), (y, x[:4])):
        forward = _evidence(cc.align(left, right, diffs=False), threshold=0.3, containment=0.8)
        backward = _evidence(cc.align(right, left, diffs=False), threshold=0.3, containment=0.8)
        assert forward == backward


# ---- a heavy rewrite in a reporter's folder (news-dev, when shared/ is beside the repo) ----

_NEWS_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-public" / "news-dev"
if not _NEWS_DEV.is_dir():  # a git worktree sits one level deeper
    _NEWS_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval-public" / "news-dev"


def _raw_pages(story: str) -> list:
    """The raw pages of one news-dev story (skipped where the shared data is not beside)."""
    folder = _NEWS_DEV / story
    if not folder.is_dir():
        pytest.skip("shared/eval-public is not beside the checkout")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cc.read_articles(folder, include="*.raw.txt")


def test_a_small_corpus_checks_every_pair_minhash_sees_overlap():
    # Pratidin Time rewrote the Haniyeh wire copy: its word triples overlap its siblings'
    # by ~5%, which two-row bands propose one time in seven; its sentences still align
    pages = _raw_pages("haniyeh-killed-tehran-2024")
    assert [len(s.articles) for s in cc.find_stories(pages)] == [6]
    assert [len(s.articles) for s in cc.find_stories(pages, bands=64)] == [5, 1]


def test_a_machine_translation_of_the_wire_copy_joins_its_story_in_a_small_corpus():
    # Iron Blade ran a machine translation of AFP's French first take: it shares 5 of 128
    # MinHash values with France 24's English take, under the floor that keeps a large
    # corpus's candidates few, yet four of its sentences align strongly with that take
    pages = _raw_pages("iran-amini-death-2022")
    (story,) = cc.find_stories(pages)
    assert any(outlet.startswith("Iron Blade Online") for outlet in story.outlets)
    # a large corpus keeps the floor: there, the translation stands alone
    assert [len(s.articles) for s in cc.find_stories(pages, bands=64)] == [5, 1]
