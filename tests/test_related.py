"""Related coverage: stories about the same people and places, close in time."""

from __future__ import annotations

import comparative_coverage as cc
from comparative_coverage.corpus.related import names_in

# story ids of the sample (see test_stories): 1 Shoigu-Dbeibah (April 2021), 2 Tajani in
# Syria, 3 Haftar meets Putin, 4 Lavrov on Syria, 5 US pledge, 6 Putin on Syria,
# 7 Yevkurov in Libya (August 2023). Only 1 and 7 have known dates.


def groups(related: list[cc.Related]) -> list[tuple[str, ...]]:
    return [tuple(s.id for s in group.stories) for group in related]


def test_the_sample_relates_the_libya_stories_and_the_syria_stories(sample_articles):
    stories = cc.find_stories(sample_articles)
    assert groups(cc.find_related(stories, days=None)) == [
        ("story-1", "story-3", "story-7"),  # Russia and Libya: Haftar, Tripoli, Moscow
        ("story-2", "story-4", "story-6"),  # Syria: Assad, Damascus
        ("story-5",),  # the US pledge shares only "Libya" with them: no person in common
    ]


def test_close_in_time_keeps_the_2023_visit_apart_from_the_2021_meeting(sample_articles):
    stories = cc.find_stories(sample_articles)
    assert groups(cc.find_related(stories)) == [  # default: known dates within 365 days
        ("story-1", "story-3"),  # story 3's date is unknown, so it may join
        ("story-2", "story-4", "story-6"),
        ("story-5",),
        ("story-7",),  # 28 months after story 1
    ]


def test_groups_say_which_names_they_share(sample_articles):
    libya, syria, *_ = cc.find_related(sample_articles, days=None)  # articles are grouped first
    assert {"Haftar", "Tripoli", "Libya"} <= set(libya.names)
    assert {"Assad", "Damascus", "Syria"} <= set(syria.names)
    best = syria.links[0]
    assert (best.a, best.b) == ("story-2", "story-6") and "Assad" in best.names
    assert [link.score for link in syria.links] == sorted(
        (link.score for link in syria.links), reverse=True
    )
    assert syria.id == "related-2" and "story-4" in repr(syria)
    assert "Assad" in syria._repr_html_()
    assert len(syria.articles) == 3


def test_names_are_capitalised_words_that_are_not_days_or_titles():
    found = names_in(["On Friday, President Vladimir Putin met Libya's Khalifa Haftar in Moscow."])
    assert sorted(found) == ["Haftar", "Khalifa", "Libya", "Moscow", "Putin", "Vladimir"]
    # a sentence's first word counts only when the text capitalises it elsewhere too
    assert sorted(names_in(["Officials met.", "Then Haftar spoke."])) == ["Haftar"]


def test_empty_and_single_inputs():
    assert cc.find_related([]) == []
    lone = cc.Article("x", "Solo", "", ("Haftar met Putin in Moscow.",))
    assert groups(cc.find_related([lone])) == [("story-1",)]


def test_related_frame_has_one_row_per_story(sample_articles):
    frame = cc.related_frame(cc.find_related(sample_articles))
    assert list(frame.columns) == ["related", "stories", "story", "title", "versions", "names"]
    assert frame["story"].tolist() == [f"story-{k}" for k in (1, 3, 2, 4, 6, 5, 7)]
