"""Printable worksheets and answer keys: offline, script-free, escaped, deterministic."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

import comparative_coverage as cc
from comparative_coverage.cli import main

from .test_report import PAYLOADS, hostile_articles, parse


@pytest.fixture(scope="module")
def story(sample_articles) -> cc.Story:
    return cc.find_stories(sample_articles)[0]


@pytest.fixture(scope="module")
def sheet(story) -> str:
    return cc.worksheet_html(story)


@pytest.fixture(scope="module")
def key(story) -> str:
    return cc.worksheet_html(story, answers=True)


def prompts(html: str) -> list[str]:
    return re.findall(r'<p class="cc-prompt">(.*?)</p>', html)


def test_the_worksheet_has_the_versions_side_by_side_and_every_question(story, sheet):
    exercises = cc.make_exercises(story)
    assert prompts(sheet) == [f"{n}. {escape(e.prompt)}" for n, e in enumerate(exercises, 1)]
    for article in story.articles:
        assert all(f"<li>{escape(p)}</li>" in sheet for p in article.paragraphs)
    assert sheet.count('<article class="cc-version">') == 2
    assert "Name:" in sheet and f"Worksheet: {len(exercises)} questions." in sheet
    assert 'class="cc-answer"' not in sheet and "Answer:" not in sheet
    assert all(str(escape(e.explanation)) not in sheet for e in exercises)


def test_the_worksheet_ends_with_the_lessons_discussion_and_exit_question(sheet):
    discussion = sheet[sheet.index('<section class="cc-discussion">') :]
    assert discussion.count('<div class="cc-lines cc-lines-2">') == 3  # lines to write on
    assert "Question 9: the versions describe the same person or thing" in discussion
    assert "Question 1: look again at the change you chose." in discussion
    # question 1's one choice about a source is its key: the prompt beside it names none
    assert "source" not in discussion
    assert "Name one change between the versions that could change what a reader thinks" in (
        discussion
    )


def test_the_key_gives_each_letter_and_a_one_line_reason(story, key):
    exercises = cc.make_exercises(story)
    rows = re.findall(
        r'<span class="cc-num">(\d+)</span> <strong class="cc-letter">([A-D])</strong>', key
    )
    assert rows == [(str(n), "ABCD"[e.choices.index(e.answer)]) for n, e in enumerate(exercises, 1)]
    reasons = re.findall(r'<span class="cc-reason">(.*?)</span>', key)
    assert len(reasons) == len(exercises) and all(0 < len(r) <= 200 for r in reasons)
    assert "The reader is no longer told where the information came from." in reasons[0]
    assert '<article class="cc-version">' not in key  # the texts are on the worksheet


def test_an_exercise_shows_itself_with_its_answer_in_a_notebook(story):
    exercise = cc.make_exercises(story, kinds=["label_check"])[0]
    html = exercise._repr_html_()
    assert html.startswith("<style>") and '<li class="cc-answer">' in html
    assert "<strong>Answer: " in html and escape(exercise.evidence[0].text) in html


def test_worksheets_are_deterministic_and_the_seed_reorders_choices(story, sheet):
    assert cc.worksheet_html(story) == sheet
    assert cc.worksheet_html(story, seed=2) != sheet
    # another seed may pick another of equally good candidates, never fewer questions
    assert len(prompts(cc.worksheet_html(story, seed=2))) == len(prompts(sheet))


def test_a_worksheet_runs_no_script_and_loads_nothing(sheet, key):
    for html in (sheet, key):
        tags = parse(html)
        assert [t for t, _ in tags.tags if t in ("script", "iframe", "img", "link", "object")] == []
        assert [a for _, attrs in tags.tags for a in attrs if a.startswith("on")] == []
        [policy] = [
            a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
        ]
        assert "default-src 'none'" in policy and "script-src 'none'" in policy


def test_hostile_text_is_shown_as_text_never_as_markup():
    for answers in (False, True):
        html = cc.worksheet_html(hostile_articles(), answers=answers)
        tags = parse(html)
        assert [t for t, _ in tags.tags if t in ("script", "img", "iframe", "svg", "a", "b")] == []
        assert [a for _, attrs in tags.tags for a in attrs if a.startswith("on")] == []
        assert "&lt;script&gt;window.__pwned" in html
        if not answers:
            assert all(escape(p) in html for p in PAYLOADS[:3])
        values = [v or "" for _, attrs in tags.tags for v in attrs.values()]
        assert not [v for v in values if "javascript:" in v or "<" in v]
        assert "</style><script>" not in html


def test_several_stories_number_their_questions_on(sample_articles):
    stories = cc.find_stories(sample_articles)
    html = cc.worksheet_html(stories[:2], kinds=["who_said_it", "label_check"])
    assert [p.split(".")[0] for p in prompts(html)] == ["1", "2", "3", "4", "5"]
    assert "No exercises for this story: there is only one version." in html
    with pytest.raises(TypeError, match="takes a Story"):
        cc.worksheet_html(["not a story"])


# ---- the command line --------------------------------------------------------------------


def test_the_worksheet_command_writes_the_sheet_and_the_key(sample_dir, tmp_path, capsys, story):
    output = tmp_path / "class" / "worksheet.html"
    assert main(["worksheet", str(sample_dir), "-o", str(output), "--answers", "--seed", "1"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {output}",
        f"wrote {tmp_path / 'class' / 'worksheet-answers.html'} (the answer key)",
    ]
    assert output.read_text("utf-8") == cc.worksheet_html([story], seed=1)
    key = (tmp_path / "class" / "worksheet-answers.html").read_text("utf-8")
    assert key == cc.worksheet_html([story], seed=1, answers=True)


def test_the_worksheet_command_takes_kinds_story_and_per_kind(sample_dir, tmp_path):
    output = tmp_path / "w.html"
    argv = ["worksheet", str(sample_dir), "-o", str(output), "--story", "story-1"]
    assert main([*argv, "--kinds", "quote_check", "label_check", "--per-kind", "1"]) == 0
    assert [p[:29] for p in prompts(output.read_text("utf-8"))] == [
        "1. How does The Defense Post ",
        "2. The Defense Post quotes Ab",
    ]


def test_the_worksheet_command_refuses_a_story_told_once(sample_dir, tmp_path, capsys):
    argv = ["worksheet", str(sample_dir), "-o", str(tmp_path / "w.html")]
    assert main([*argv, "--story", "story-2"]) == 2
    assert capsys.readouterr().err == (
        "compare-coverage: error: story-2 has only one version here, and exercises compare "
        "versions; add another outlet's version of it\n"
    )
    assert main(["worksheet", f"{sample_dir}/004_31faec29e2e14dd4.txt", "-o", "x.html"]) == 2
    assert "no story in these articles is told in more than one version" in capsys.readouterr().err
    assert not (tmp_path / "w.html").exists()


# ---- snapshots (make test-update rewrites them after an intended change) --------------------


def test_the_worksheet_page_matches_its_snapshot(sheet, snapshot):
    assert sheet == snapshot


def test_the_answer_key_matches_its_snapshot(key, snapshot):
    assert key == snapshot


def test_an_exercise_fragment_matches_its_snapshot(story, snapshot):
    exercise = cc.make_exercises(story, kinds=["label_check"])[0]
    assert exercise._repr_html_().split("</style>", 1)[1] == snapshot
