"""N-way comparison: the flagship pair and a third version, as readable tables and invariants."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.cli import main
from comparative_coverage.corpus.comparison import strong_pairs
from comparative_coverage.corpus.stories import STRONG

from .test_stories import rewrite


@pytest.fixture(scope="module")
def three(shoigu_pair) -> list[cc.Article]:
    """Asharq Al-Awsat, The Defense Post, and a third outlet's rewrite of the Defense Post."""
    a, b = shoigu_pair
    return [a, b, rewrite(b, seed=3, outlet="Wire One")]


def table(comparison: cc.Comparison) -> list[tuple]:
    """Per unit: each version's sentence indices (None where absent), then the status."""
    return [
        (*(c.sentences if c else None for c in unit.cells), unit.status)
        for unit in comparison.units
    ]


def unit_of(comparison: cc.Comparison) -> dict[tuple[int, int], int]:
    """(version, sentence) -> unit; also checks that each sentence is in exactly one unit."""
    seen = Counter(
        (k, i)
        for unit in comparison.units
        for k, cell in enumerate(unit.cells)
        if cell
        for i in cell.sentences
    )
    assert set(seen.values()) <= {1}
    return {
        (k, i): unit.unit
        for unit in comparison.units
        for k, cell in enumerate(unit.cells)
        if cell
        for i in cell.sentences
    }


# ---- two versions: the flagship pair ------------------------------------------------------


def test_the_flagship_pair_as_a_table(shoigu_pair):
    comparison = cc.compare(shoigu_pair)
    assert comparison.outlets == ("Asharq Al-Awsat", "The Defense Post")
    assert comparison.spine == 0  # both share 9 sentences: the first version wins the tie
    assert table(comparison) == [
        ((0,), (0,), "shared_all"),  # the lead
        ((1,), (3,), "shared_all"),  # Shoigu quote 1
        ((2,), (4,), "shared_all"),
        ((3,), (5,), "shared_all"),  # Menfi/Haftar, reworded
        ((4,), (6,), "shared_all"),
        ((5,), (7,), "shared_all"),
        ((6,), (8,), "shared_all"),
        (None, (9,), "only_this"),  # the Defense Post's three sentences of its own
        (None, (10,), "only_this"),
        (None, (11,), "only_this"),
        ((7,), (1,), "shared_all"),  # the Qaddafi background the Defense Post moved up
        ((8,), (2,), "shared_all"),
    ]
    moved = [
        (u.cells[0].sentences, u.cells[1].relation)
        for u in comparison.units
        if u.cells[1] and u.cells[1].moved
    ]
    assert moved == [((7,), "reworded"), ((8,), "reworded")]


def test_the_summary_counts_what_each_outlet_shares_adds_drops_and_moves(shoigu_pair):
    summary = cc.compare(shoigu_pair).summary().set_index("outlet")
    columns = ["sentences", "shared_all", "shared_some", "own", "dropped", "moved"]
    assert summary[columns].to_dict("index") == {
        "Asharq Al-Awsat": dict(
            sentences=9, shared_all=9, shared_some=0, own=0, dropped=3, moved=0
        ),
        "The Defense Post": dict(
            sentences=12, shared_all=9, shared_some=0, own=3, dropped=0, moved=2
        ),
    }
    assert summary.loc["The Defense Post", "words"] == sum(
        summary.loc["The Defense Post", ["words_shared_all", "words_shared_some", "words_own"]]
    )


def test_which_sentences_did_only_one_outlet_carry(shoigu_pair):
    frame = cc.compare(shoigu_pair).to_frame()
    assert list(frame.columns[:6]) == [
        "unit",
        "outlet",
        "article_id",
        "sentence_index",
        "text",
        "status",
    ]
    own = frame.query("status == 'only_this'")
    assert own[["outlet", "sentence_index"]].values.tolist() == [
        ["The Defense Post", 9],
        ["The Defense Post", 10],
        ["The Defense Post", 11],
    ]
    assert "Mishustin" in own["text"].iloc[-1]  # the meeting with the Russian prime minister
    assert len(frame) == 9 + 12  # one row per sentence of each version


# ---- three versions -----------------------------------------------------------------------


def test_the_spine_is_the_version_sharing_most(three):
    comparison = cc.compare(three)
    assert comparison.outlets[comparison.spine] == "The Defense Post"
    assert set(comparison.alignments) == {"Asharq Al-Awsat", "Wire One"}
    assert comparison.alignments["Wire One"].a_name == "The Defense Post"
    for spine in (0, "Asharq Al-Awsat", three[0].id, three[0]):
        assert cc.compare(three, spine=spine).spine == 0
    with pytest.raises(cc.ArticleNotFound, match="names none of the versions"):
        cc.compare(three, spine="Nobody")
    with pytest.raises(cc.ArticleNotFound):
        cc.compare(three, spine=3)


def agreed_links(versions: list[cc.Article]) -> list[tuple[int, int, int, int]]:
    """Sentence links (x, i, y, j) that the three pairwise alignments agree on.

    A link of align(x, y) is agreed when the third version z aligns both sentences to
    one sentence, or has neither (then only strong links count: a comparison joins
    additions to its spine only when they pair strongly).
    """
    links: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    for x, y in combinations(range(3), 2):
        alignment = cc.align(versions[x], versions[y], diffs=False)
        links[x, y] = {(i, j): u.score for u in alignment.units for i in u.a for j in u.b}

    def partners(x: int, i: int, z: int) -> set[int]:
        if x < z:
            return {j for (p, j) in links[x, z] if p == i}
        return {p for (p, j) in links[z, x] if j == i}

    agreed = []
    for (x, y), pairs in links.items():
        (z,) = {0, 1, 2} - {x, y}
        for (i, j), score in pairs.items():
            zi, zj = partners(x, i, z), partners(y, j, z)
            if zi & zj or (not zi and not zj and score >= STRONG):
                agreed.append((x, i, y, j))
    return agreed


@pytest.mark.parametrize("spine", [None, 0, 1, 2])
@pytest.mark.parametrize("seed", [3, 4, 5])
def test_three_versions_give_the_units_the_pairwise_alignments_agree_on(shoigu_pair, spine, seed):
    a, b = shoigu_pair
    versions = [a, b, rewrite(b, seed=seed, outlet="Wire One")]
    where = unit_of(cc.compare(versions, spine=spine))
    agreed = agreed_links(versions)
    assert len(agreed) > 20
    assert [link for link in agreed if where[link[:2]] != where[link[2:]]] == []


def test_a_sentence_two_outlets_add_in_common_is_one_unit(three):
    comparison = cc.compare(three, spine="Asharq Al-Awsat")
    where = unit_of(comparison)
    for added in (9, 10, 11):  # the Defense Post's own sentences; Wire One copied them
        unit = comparison.units[where[1, added]]
        assert unit.cells[0] is None and unit.cells[2] is not None
        assert unit.status == "shared_some" and unit.cells[1].relation == "added"


def test_an_addition_joins_the_spine_unit_through_a_third_version(three):
    """The Qaddafi background sentence (reworded and moved) is one unit across all three:
    Wire One's copy is linked through the Defense Post, or (since the order-aware aligner
    of issue 12 pairs moved rewordings directly) paired with the spine itself."""
    comparison = cc.compare(three, spine="Asharq Al-Awsat")
    where = unit_of(comparison)
    qaddafi = comparison.units[where[0, 7]]
    assert qaddafi.status == "shared_all"
    assert qaddafi.cells[1].sentences == (1,)
    assert qaddafi.cells[2].relation in ("linked", "reworded")
    assert "Kadhafi" in qaddafi.cells[2].text


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seeds=st.lists(st.integers(0, 10_000), min_size=1, max_size=3), spine=st.integers(0, 4))
def test_every_sentence_of_every_version_is_in_exactly_one_unit(shoigu_pair, seeds, spine):
    a, b = shoigu_pair
    versions = [a, b] + [rewrite(a if s % 2 else b, seed=s, outlet=f"O{s}") for s in seeds]
    comparison = cc.compare(versions, spine=spine % len(versions))
    where = unit_of(comparison)
    assert sorted(where) == [
        (k, i) for k, v in enumerate(cc.as_articles(versions)) for i in range(len(v.sentences))
    ]
    for unit in comparison.units:
        expected = {len(versions): "shared_all", 1: "only_this"}.get(unit.versions, "shared_some")
        assert unit.status == expected
        assert (
            unit.cells[comparison.spine] is None or unit.cells[comparison.spine].relation == "spine"
        )


def test_each_version_is_aligned_with_the_spine_as_align_aligns_it(shoigu_pair):
    """compare reuses the alignments it made to choose the spine (adding the word diffs)
    instead of aligning those pairs again: what it keeps is what ``align`` gives, for
    versions after the spine (reused) and before it (aligned afresh)."""
    a, b = shoigu_pair
    three = cc.as_articles([a, b, rewrite(b, seed=3, outlet="Wire One")])
    spines = set()
    for turn in range(3):
        versions = three[turn:] + three[:turn]
        comparison = cc.compare(versions)
        spines.add(comparison.spine)
        spine = comparison.outlets[comparison.spine]
        for k, label in enumerate(comparison.outlets):
            if k != comparison.spine:
                fresh = cc.align(
                    versions[comparison.spine], versions[k], a_name=spine, b_name=label
                )
                assert comparison.alignments[label] == fresh
                assert any(unit.edits for unit in fresh.units)
    assert spines - {0}  # some version came before the spine


def test_alignments_the_confirmation_made_are_reused_not_made_again(shoigu_pair, monkeypatch):
    """``aligned`` hands compare the pairs a story's confirmation aligned: the comparison is
    the same, and only the other pairs are aligned."""
    from comparative_coverage.corpus import comparison as module

    a, b = shoigu_pair
    versions = cc.as_articles([a, b, rewrite(b, seed=3, outlet="Wire One")])
    sentences = [tuple(s.text for s in v.sentences) for v in versions]
    spine = cc.compare(versions, diffs=False).spine
    assert spine == 1  # a pair it keeps on either side: with a later and an earlier version
    given = {(spine, 2): cc.align(sentences[spine], sentences[2], diffs=False)}
    made = []
    pair_sentences = module.pair_sentences  # the spine search pairs, the rest align
    monkeypatch.setattr(
        module, "align", lambda *args, **kw: made.append(1) or cc.align(*args, **kw)
    )
    monkeypatch.setattr(
        module, "pair_sentences", lambda *args, **kw: made.append(1) or pair_sentences(*args, **kw)
    )
    reused = cc.compare(versions, aligned=given)
    with_reuse = len(made)
    fresh = cc.compare(versions)
    assert reused == fresh and reused.alignments == fresh.alignments
    assert (with_reuse, len(made) - with_reuse) == (1, 2)  # the spine's other pair; both
    made.clear()  # given with the spine as a though it comes second: reused too
    given = {(spine, 0): cc.align(sentences[spine], sentences[0], diffs=False)}
    assert cc.compare(versions, aligned=given) == fresh and len(made) == 1


def exhaustive_spine(versions: list[cc.Article], *, totals: bool = False):
    """The version with the most sentences in aligned units, every pair aligned, summed
    (what decides a tie of closeness); ``totals``: every version's sum."""
    shared = [0] * len(versions)
    for x, y in combinations(range(len(versions)), 2):
        alignment = cc.align(versions[x], versions[y], diffs=False)
        paired = [u for u in alignment.units if u.a and u.b]
        shared[x] += sum(len(u.a) for u in paired)
        shared[y] += sum(len(u.b) for u in paired)
    if totals:
        return shared
    return max(range(len(versions)), key=lambda k: (shared[k], -k))


def closest_spine(versions: list[cc.Article]) -> int:
    """The spine by its definition: for each pair, the share of both versions' sentences
    with a strong partner in the other, summed; a tie to the most sentences aligned."""
    sentences = [tuple(s.text for s in v.sentences) for v in cc.as_articles(versions)]
    closeness = [Fraction(0)] * len(versions)
    for x, y in combinations(range(len(versions)), 2):
        found = strong_pairs(sentences[x], sentences[y])
        held = len({i for _, i, _ in found}) + len({j for _, _, j in found})
        closeness[x] += Fraction(held, len(sentences[x]) + len(sentences[y]))
        closeness[y] += Fraction(held, len(sentences[x]) + len(sentences[y]))
    tied = [k for k, c in enumerate(closeness) if c == max(closeness)]
    if len(tied) == 1:
        return tied[0]
    shared = exhaustive_spine(versions, totals=True)
    return max(tied, key=lambda k: (shared[k], -k))


ADDED = (
    "Turkish drones flew over the coastal road near Sirte on Thursday.",
    "Oil exports from the eastern terminals resumed after a week-long blockade.",
    "A migrant boat capsized off Zuwara, the coastguard said.",
)


@pytest.mark.parametrize("at", [0, 1, 2, 3])
def test_the_spine_is_the_copy_its_rewrites_share_and_only_its_pairs_are_aligned(
    shoigu_pair, at, monkeypatch
):
    """Rewrites of one copy each leave out a sentence of it and add one of their own: the
    copy is closer to every rewrite than they are to each other, so it is the spine,
    wherever it stands. The choice reads strong pairs, not alignments: only the spine's
    pairs are aligned."""
    from comparative_coverage.corpus import comparison as module

    a, _ = shoigu_pair
    copy = [s.text for s in cc.as_articles([a])[0].sentences]
    versions = [
        cc.Article(f"w{k}#1", f"Wire {k}", "", (" ".join([*copy[:k], *copy[k + 1 :], added]),))
        for k, added in enumerate(ADDED)
    ]
    versions.insert(at, cc.Article("copy#1", "Copy", "", (" ".join(copy),)))
    made = []
    monkeypatch.setattr(module, "align", lambda x, y, **kw: made.append(1) or cc.align(x, y, **kw))
    monkeypatch.setattr(module, "pair_sentences", lambda *a, **kw: pytest.fail("searched"))
    comparison = cc.compare(versions, diffs=False)
    assert comparison.spine == at == closest_spine(versions)
    assert len(made) == 3


def test_versions_tied_on_closeness_are_decided_by_the_sentences_aligned(shoigu_pair):
    """Two versions are always tied (the share is the pair's): the one with more
    sentences in aligned units is the spine, the first on a tie, as before."""
    a, b = shoigu_pair
    for versions in ([a, b], [b, a], [a, a]):
        spine = cc.compare(versions, diffs=False).spine
        assert spine == closest_spine(versions) == exhaustive_spine(versions)
    assert cc.compare([a, a], diffs=False).spine == 0


def every_strong_pair(left, right, least):
    """:func:`strong_pairs` by its definition: every pair of sentences sharing a key that
    is not too common, scored (no filter but the common keys')."""
    import math

    from comparative_coverage.alignment.similarity import sentence_keys

    left_keys = [sentence_keys(t) for t in left]
    right_keys = [sentence_keys(t) for t in right]
    frequency = Counter(k for keys in (*left_keys, *right_keys) for k in keys)
    total = len(left) + len(right)
    weight = {k: math.log(1.0 + total / df) for k, df in frequency.items()}
    cap = max(40, int(4 * math.sqrt(total)))
    found = []
    for i, x in enumerate(left_keys):
        for j, y in enumerate(right_keys):
            if not any(frequency[k] <= cap for k in x & y):
                continue
            mass = sum(weight[k] for k in x) + sum(weight[k] for k in y)
            score = 2.0 * sum(weight[k] for k in x & y) / mass
            if score >= least:
                found.append((round(score, 4), i, j))
    return found


WORDS = st.sampled_from(
    "Talks ended in Moscow Tripoli Haftar said the leader strongman on Friday oil port "
    "fighters Wagner joined ministers met again after weeks".split()
)
SENTENCES = st.lists(
    st.lists(WORDS, min_size=1, max_size=9).map(lambda w: " ".join(w) + "."), max_size=14
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(left=SENTENCES, right=SENTENCES, least=st.sampled_from([0.5, 0.3, 0.8, 0.0, 1.0]))
def test_strong_pairs_skip_only_pairs_that_cannot_score_enough(left, right, least):
    """Only the pairs sharing one of a sentence's heaviest keys are scored (prefix
    filtering): the pairs found are those that scoring every pair finds, and the share
    the spine is chosen by counts the same sentences."""
    from comparative_coverage.corpus.comparison import strong_share

    found = strong_pairs(left, right, least=least)
    assert found == every_strong_pair(left, right, least)
    held = len({i for _, i, _ in found}) + len({j for _, _, j in found})
    assert strong_share(left, right, least=least) == Fraction(held, len(left) + len(right) or 1)


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_the_search_among_tied_versions_skips_pairs_that_cannot_change_it(
    shoigu_pair, seed, monkeypatch
):
    """A version shares at most all its sentences with each other one, so two briefs that
    cannot reach the total of a full version are never aligned with each other; the
    search still finds the version aligning every pair finds."""
    from comparative_coverage.corpus import comparison as module

    a, b = shoigu_pair
    body = tuple(s.text for s in cc.as_articles([b])[0].sentences)
    versions = cc.as_articles(
        [
            cc.Article("brief#1", "Brief", "", body[:2]),
            cc.Article("flash#1", "Flash", "", body[2:5]),
            b,
            rewrite(b, seed=seed, outlet="Wire One"),
            a,
        ]
    )
    sentences = tuple(tuple(s.text for s in v.sentences) for v in versions)
    made = []
    pair_sentences = module.pair_sentences

    def paired(x, y, **kw):
        made.append((len(x), len(y)))
        return pair_sentences(x, y, **kw)

    monkeypatch.setattr(module, "pair_sentences", paired)
    spine = module._most_shared(sentences, {}, cc.Options())
    assert spine == exhaustive_spine(versions)
    assert (2, 3) not in made  # brief with flash: neither can be the spine
    assert len(made) < 10  # not every pair
    made.clear()
    assert module._most_shared(sentences, {}, cc.Options(), among=[0, 1]) in (0, 1)
    assert (2, 3) in made and all(2 in pair or 3 in pair for pair in made)


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_the_spine_search_keeps_only_the_spines_pairings(shoigu_pair, seed):
    """The search pairs sentences (``pair_sentences``, eight times an alignment's memory)
    and keeps whole only the pairings compare completes, those with the spine first; the
    others are reduced to their counts as soon as their first version cannot be the spine."""
    from comparative_coverage.alignment.aligner import Pairing
    from comparative_coverage.corpus import comparison as module

    a, b = shoigu_pair
    body = tuple(s.text for s in cc.as_articles([b])[0].sentences)
    versions = cc.as_articles(
        [
            rewrite(a, seed=seed, outlet="Wire Two"),
            cc.Article("brief#1", "Brief", "", body[:2]),
            b,
            rewrite(b, seed=seed, outlet="Wire One"),
            a,
        ]
    )
    sentences = tuple(tuple(s.text for s in v.sentences) for v in versions)
    pairs: dict = {}
    spine = module._most_shared(sentences, pairs, cc.Options())
    assert spine == exhaustive_spine(versions)
    assert {key for key, made in pairs.items() if isinstance(made, Pairing)} == {
        key for key in pairs if key[0] == spine
    }
    assert all(isinstance(made, (Pairing, tuple)) for made in pairs.values())


# ---- input and output ----------------------------------------------------------------------


def test_a_story_compares_its_versions(sample_articles):
    story = cc.find_stories(sample_articles)[0]
    assert cc.compare(story) == cc.compare(list(story.articles))
    with pytest.raises(cc.NotEnoughVersions, match="at least two versions"):
        cc.compare(cc.find_stories(sample_articles)[1])
    with pytest.raises(TypeError, match="takes a Story or Articles"):
        cc.compare(["one text", "another"])


def test_versions_from_one_outlet_get_distinct_labels(shoigu_pair):
    a, _ = shoigu_pair
    twin = cc.Article("copy", a.outlet, a.title, a.paragraphs)
    comparison = cc.compare([a, twin])
    assert comparison.outlets == (f"Asharq Al-Awsat ({a.id})", "Asharq Al-Awsat (copy)")
    assert comparison.counts() == {"shared_all": 9, "shared_some": 0, "only_this": 0}


def test_the_html_has_a_column_per_outlet_and_escapes_text(shoigu_pair):
    a, b = shoigu_pair
    hostile = cc.Article(
        "h",
        "<i>Evil</i>",
        "",
        ("<script>alert(1)</script> Wagner fighters joined.",) + b.paragraphs,
    )
    html = cc.compare([a, b, hostile])._repr_html_()
    assert (
        html.index("Asharq Al-Awsat") < html.index("The Defense Post") < html.index("&lt;i&gt;Evil")
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "(spine)" in html and "<ins" in html and "moved" in html
    assert "<Comparison of 3 versions" in repr(cc.compare([a, b, hostile]))


def test_the_compare_command_prints_the_table_or_writes_rows(sample_dir, capsys, tmp_path):
    assert main(["compare", str(sample_dir), "--story", "story-1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("spine: Asharq Al-Awsat  (2 versions)")
    assert "unit 7  only_this (1/2)" in out
    assert (
        main(
            [
                "compare",
                str(sample_dir),
                "--story",
                "Deeper Military",
                "-o",
                str(tmp_path / "c.csv"),
            ]
        )
        == 0
    )
    assert (tmp_path / "c.csv").read_text().splitlines()[0].startswith("unit,outlet,article_id")
    assert (
        main(["compare", str(sample_dir), "--story", "story-1", "--summary", "--format", "csv"])
        == 0
    )
    assert capsys.readouterr().out.splitlines()[0].startswith("outlet,article_id,spine")
    assert main(["compare", f"{sample_dir}/001_d4fe8bf4671f7d50.txt"]) == 2
    assert "at least two versions" in capsys.readouterr().err
    assert main(["compare", str(sample_dir), "--story", "story-99"]) == 2
