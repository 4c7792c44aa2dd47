"""Labels: what each outlet calls each person or group, as a tidy table."""

from __future__ import annotations

import pytest

import comparative_coverage as cc
from comparative_coverage.wording.labels import LABEL_COLUMNS
from tests import wording_cases


@pytest.fixture(scope="module")
def labels(sample_articles):
    return cc.describe_labels(sample_articles).to_frame()


def described(frame, entity: str) -> list[tuple[str, str, str, str]]:
    rows = frame[frame["entity"] == entity]
    return [
        tuple(r)
        for r in rows[["outlet", "where", "descriptor", "position"]].itertuples(index=False)
    ]


def label_of(text: str, **options) -> list[tuple[str, str, str]]:
    article = cc.Article(id="t#1", outlet="T", title="", paragraphs=(text,))
    frame = cc.describe_labels([article], **options).to_frame()
    return [tuple(r) for r in frame[["name", "descriptor", "position"]].itertuples(index=False)]


def test_haftars_descriptors_per_outlet(labels):
    assert described(labels, "Khalifa Haftar") == [
        ("Asharq Al-Awsat", "body", "military leader", "before"),
        ("The Defense Post", "body", "military strongman", "before"),
        ("The Defense Post", "caption", "Former Libyan General", "before"),
        ("The Defense Post", "caption", "a long-time commander in Libyan armed forces", "after"),
        ("Asharq Al-Awsat", "body", "Commander of the Libyan National Army (LNA)", "before"),
        ("Asharq Al-Awsat", "caption", "Libyan National Army commander", "before"),
        ("teleSUR English", "body", "Marshal", "before"),
        (
            "teleSUR English",
            "body",
            "the leader of the eastern militias that are in opposition to the Tripoli-based government",
            "after",
        ),
    ]


def test_what_each_outlet_called_qaddafi_and_which_spelling_it_used(labels):
    rows = labels[labels["entity"] == "Muammar Qaddafi"]
    assert rows[["outlet", "name", "descriptor", "terms", "load"]].values.tolist() == [
        ["Asharq Al-Awsat", "Muammar Qaddafi", "leader", "leader", 0],
        ["The Defense Post", "Moamer Kadhafi", "longtime dictator", "dictator", 2],
    ]


def test_the_table_is_tidy_and_easy_to_query(labels):
    assert tuple(labels.columns) == LABEL_COLUMNS
    assert set(labels["where"]) <= {"body", "dek", "caption"}
    assert set(labels["position"]) == {"before", "after"}
    row = labels[labels["descriptor"] == "military strongman"].iloc[0]
    assert row["sentence"].startswith("Dbeibah and Mohammad Younes Menfi")
    assert row["article"] == "001_d4fe8bf4671f7d50#1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He sought to convince Putin to help.", []),
        ("Envoys from Britain, France, Germany and Italy met.", []),
        (
            "Meanwhile, the UN special envoy, Jane Doe, met officials.",
            [("Jane Doe", "UN special envoy", "before")],
        ),
        (
            "The talks were hosted by Jane Doe, a veteran diplomat, in Rome.",
            [("Jane Doe", "a veteran diplomat", "after")],
        ),
        (
            "Rebels loyal to self-styled warlord Ali Kosh attacked.",
            [("Ali Kosh", "self-styled warlord", "before")],
        ),
        (
            "He met former Syrian president Bashar Assad.",
            [("Bashar Assad", "former Syrian president", "before")],
        ),
    ],
)
def test_rules_for_descriptors(text, expected):
    assert label_of(text) == expected


def test_bare_mentions_can_be_listed_too():
    rows = label_of("Khalifa Haftar arrived. Marshal Haftar spoke.", include_bare=True)
    assert rows == [("Khalifa Haftar", "", ""), ("Haftar", "Marshal", "before")]


def test_hostile_and_empty_input():
    assert cc.describe_labels([]).to_frame().empty
    rows = label_of("<script>alert(1)</script> The dictator Ali Kosh, a <b>warlord</b>, fled.")
    assert rows == [("Ali Kosh", "dictator", "before"), ("Ali Kosh", "a <b>warlord</b>", "after")]


# ---- labelled cases (tests/cases/labels.json, shared with benchmarks/eval_wording.py) ----


@pytest.mark.parametrize("case", wording_cases.params("labels"))
def test_label_cases(case):
    expected, got = wording_cases.run("labels", case)
    assert got == expected


def test_honorifics_and_bare_job_titles_are_not_labels():
    assert label_of("Mr Peskov said the talks were useful.") == []
    assert label_of("President Vladimir Putin said so.") == []
    assert label_of("Kremlin spokesman Dmitry Peskov said so.") == [
        ("Dmitry Peskov", "Kremlin spokesman", "before")
    ]


def _label_rows(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    frame = cc.classify_changes(cc.align(a, b)).to_frame()
    return [(r.a_words, r.b_words) for r in frame[frame["kind"] == "label"].itertuples()]


def test_a_listed_descriptor_one_version_never_writes_is_a_label_in_unpaired_sentences_too():
    """ "elite" before the Revolutionary Guards in a, never in b, which names them too."""
    a = [
        "Haniyeh was killed in Tehran, the group said on Wednesday.",
        "Iran's elite Revolutionary Guards said they were investigating.",
    ]
    b = [
        "Haniyeh was killed in Tehran, the group said on Wednesday.",
        "An inquiry was opened.",
        "The Revolutionary Guards gave no details of the attack.",
    ]
    assert ("elite", "") in _label_rows(a, b)


def test_words_of_place_and_titles_before_a_name_are_no_version_label():
    a = ["Crowds gathered in central Berlin on Monday.", "Hamas chief Ismail Haniyeh spoke."]
    b = [
        "Thousands marched on Monday.",
        "Police in Berlin said the rally was calm.",
        "Haniyeh spoke.",
    ]
    rows = _label_rows(a, b)
    assert ("central", "") not in rows and ("chief", "") not in rows


def test_a_descriptor_both_versions_write_is_no_change():
    a = ["The elite Revolutionary Guards said so.", "It rained."]
    b = ["It rained.", "Iran's elite Revolutionary Guards gave no details."]
    assert ("elite", "") not in _label_rows(a, b)


def test_a_credit_after_a_comma_is_not_an_appositive():
    # wild (news-dev, Haniyeh): the clause after "Tehran," credits Hamas; it describes nobody
    text = (
        "Hamas leader Ismail Haniyeh was killed in Iran's Tehran, the Palestinian militant "
        "group Hamas said in a statement on Wednesday, July 31."
    )
    assert all("said" not in descriptor for _, descriptor, _ in label_of(text))
    assert ("Hamas", "Palestinian militant group", "before") in label_of(text)
    # a relative clause inside an appositive still describes the person
    assert label_of("He met Ali Kosh, a warlord who said no.") == [
        ("Ali Kosh", "a warlord who said no", "after")
    ]
    assert label_of("He met Ali Kosh, according to the report, in Tripoli.") == []


def test_who_owns_an_organisation_is_not_a_label_in_the_table_either():
    # wild (news-dev, C919): the kinds of change call "state-run" a fact, not a label
    text = "The flight was operated by the state-run China Eastern Airlines."
    assert label_of(text) == []
    assert label_of("The state-owned broadcaster CCTV said so.") == [
        ("CCTV", "state-owned broadcaster", "before")
    ]


def test_entities_across_articles_are_resolved_only_when_a_label_needs_one(monkeypatch):
    """The entities of a story's names (clustered across its articles) fill one column of
    the labels: a story whose names have no label needs no clustering, and one with a
    label gets the story's spelling of the entity, not its own article's."""
    from comparative_coverage.wording import labels as labels_module

    story = [
        cc.Article(id="w#1", outlet="Wire", title="", paragraphs=("Moamer Kadhafi spoke.",)),
        cc.Article(id="d#1", outlet="Daily", title="", paragraphs=("Moamer Kadhafi spoke again.",)),
    ]
    resolved = []
    real = labels_module.find_mentions
    monkeypatch.setattr(
        labels_module, "find_mentions", lambda *a, **k: resolved.append(1) or real(*a, **k)
    )
    assert len(cc.describe_labels(story)) == 0
    assert resolved == []
    post = "Longtime dictator Muammar Qaddafi spoke."
    labelled = [*story, cc.Article(id="p#1", outlet="Post", title="", paragraphs=(post,))]
    frame = cc.describe_labels(labelled).to_frame()
    assert resolved == [1]
    assert frame[["outlet", "name", "entity", "descriptor"]].values.tolist() == [
        ["Post", "Muammar Qaddafi", "Moamer Kadhafi", "Longtime dictator"]
    ]
