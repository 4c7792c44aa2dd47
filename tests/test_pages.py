"""Page rules: the same general rules must work on other pages of similar sites."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc

from .conftest import CASES

ASHARQ_STYLE = """Oil Output Rises in Eastern Libya

Workers at the Brega terminal in eastern Libya. (Reuters)
Workers at the Brega terminal in eastern Libya. (Reuters)
TT

Oil Output Rises in Eastern Libya

Workers at the Brega terminal in eastern Libya. (Reuters)
Workers at the Brega terminal in eastern Libya. (Reuters)

Libya's oil output rose to 1.2 million barrels a day on Monday, the National Oil Corporation said.
The rise follows the reopening of two terminals in the east after months of closure.
Officials expect further gains once repairs at the Zueitina port are finished next month.



Sudan Talks Resume in Jeddah

Delegates arrive at the talks venue in Jeddah. Photo: SPA
Delegates arrive at the talks venue in Jeddah. Photo: SPA
TT

Sudan Talks Resume in Jeddah

Delegates arrive at the talks venue in Jeddah. Photo: SPA
Delegates arrive at the talks venue in Jeddah. Photo: SPA

Sudan's warring parties resumed talks in the Saudi city of Jeddah on Sunday, mediators said.
The United States and Saudi Arabia have hosted several rounds since the war began.
"""

BLOG_STYLE = """MiddleEastPolitics

Ceasefire Holds in Tripoli After Clashes

Residents return to the streets of the capital as the guns fall silent.

Residents returned to the streets of Tripoli on Wednesday as a ceasefire held after two days of clashes.

RELATED:

Fighting Erupts in Libyan Capital

The clashes between rival armed groups killed at least 55 people, the health ministry said.

A fighter stands guard in central Tripoli.
Fighters loyal to the government have deployed across the city since Tuesday. Photo: AFP

Residents return to the streets of the capital as the guns fall silent, officials said on Wednesday.

Share this article

Related Articles

Back to top button"""


def test_a_page_with_two_stories_in_the_doubled_headline_layout_splits_in_two():
    first, second = cc.read_text(ASHARQ_STYLE)
    assert first.title == "Oil Output Rises in Eastern Libya"
    assert second.title == "Sudan Talks Resume in Jeddah"
    assert first.captions == ("Workers at the Brega terminal in eastern Libya. (Reuters)",)
    assert second.captions == ("Delegates arrive at the talks venue in Jeddah. Photo: SPA",)
    assert len(first.sentences) == 3 and len(second.sentences) == 2
    assert "TT" not in first.body + second.body


def test_a_blog_style_page_loses_tags_teasers_captions_and_buttons_but_keeps_its_dek():
    [article] = cc.read_text(BLOG_STYLE)
    assert article.title == "Ceasefire Holds in Tripoli After Clashes"
    assert article.dek == "Residents return to the streets of the capital as the guns fall silent."
    assert article.paragraphs == (
        "Residents returned to the streets of Tripoli on Wednesday as a ceasefire held after two days of clashes.",
        "The clashes between rival armed groups killed at least 55 people, the health ministry said.",
        "Residents return to the streets of the capital as the guns fall silent, officials said on Wednesday.",
    )
    assert article.captions == (
        "A fighter stands guard in central Tripoli.\nFighters loyal to the "
        "government have deployed across the city since Tuesday. Photo: AFP",
    )
    reasons = {s.text: s.reason for s in article.skipped}
    assert reasons["MiddleEastPolitics"] == "section tags"
    assert reasons["Fighting Erupts in Libyan Capital"] == "teaser headline"
    assert reasons["Share this article"] == "chrome phrase"


def test_a_paragraph_ending_in_a_wire_credit_stays_in_the_body():
    page = (
        "Talks Continue\n\nThe talks will continue on Thursday in Geneva with both delegations, "
        "the spokesman said. (AFP)\n\nA second paragraph follows with more details about the plan."
    )
    [article] = cc.read_text(page)
    assert article.captions == ()
    assert article.paragraphs[0].endswith("the spokesman said. (AFP)")


def test_hard_wrapped_text_keeps_paragraphs_whole():
    page = (
        "Wrapped Story Headline\n\n"
        "This paragraph was wrapped by an email client at a fixed\n"
        "width, so its lines end in the middle of sentences and\n"
        "must be joined back.\n\n"
        "The second paragraph is wrapped\nthe same way."
    )
    [article] = cc.read_text(page)
    assert len(article.paragraphs) == 2
    assert [s.text.replace("\n", " ") for s in article.sentences] == [
        "This paragraph was wrapped by an email client at a fixed width, so its lines end in "
        "the middle of sentences and must be joined back.",
        "The second paragraph is wrapped the same way.",
    ]


def test_a_plain_story_without_a_headline_is_all_body():
    [article] = cc.read_text("Moscow welcomed the talks.\n\nTripoli agreed.")
    assert (article.title, article.paragraphs) == (
        "",
        ("Moscow welcomed the talks.", "Tripoli agreed."),
    )


def test_dates_are_read_from_datelines_only():
    [article] = cc.read_text(
        "Headline of the Story\n\nUpdated: March 3, 2024\n\n"
        "The story itself mentions May 5, 2020 in a long enough sentence here."
    )
    assert article.date == "2024-03-03"


MASTHEAD_PAGE = """Site Name

Thursday, Mar 19, 2026

Woman dies after arrest by police

Woman dies after arrest by police

Delegates from both sides met in Geneva on Monday for a new round of talks on elections.

The envoy said the talks were constructive and would resume next week after a short break.
"""


def test_todays_date_printed_above_the_headline_is_the_mastheads_not_the_articles():
    # news-dev Iran, Arab Press: the page header shows the day the page was viewed
    [article] = cc.read_text(MASTHEAD_PAGE)
    assert article.date is None
    assert ("Thursday, Mar 19, 2026", "masthead date") in [
        (s.text, s.reason) for s in article.skipped
    ]


@pytest.mark.parametrize(
    "line", ["Published: Thursday, Mar 19, 2026", "Mar 19, 2026 10:32 AM", "Updated 19 March 2026"]
)
def test_a_date_above_the_headline_that_says_it_was_published_is_the_articles(line):
    [article] = cc.read_text(MASTHEAD_PAGE.replace("Thursday, Mar 19, 2026", line))
    assert article.date == "2026-03-19"


def test_a_date_below_the_headline_is_the_articles():
    page = MASTHEAD_PAGE.replace("Thursday, Mar 19, 2026\n\n", "")
    page = page.replace("police\n\nDelegates", "police\n\nThursday, Mar 19, 2026\n\nDelegates")
    [article] = cc.read_text(page)
    assert article.date == "2026-03-19"


def test_a_letter_quoted_with_its_salutation_on_a_line_of_its_own_keeps_it_with_its_first_sentence():
    # news-dev Sturgeon, The Scottish Sun: 'She wrote: "Your Majesty,' then the letter
    [article] = cc.read_text(
        "Minister Resigns\n\nThe minister signed the letter this morning after a long farewell.\n\n"
        'She wrote: "Dear Sir,\n\n"With my humble duty, I write to resign from the office.\n\n'
        '"It has been my pleasure to serve."\n'
    )
    assert [s.text.replace("\n\n", " ") for s in article.sentences] == [
        "The minister signed the letter this morning after a long farewell.",
        'She wrote: "Dear Sir, "With my humble duty, I write to resign from the office.',
        '"It has been my pleasure to serve."',
    ]
    assert article.paragraphs[1].startswith('She wrote: "Dear Sir,')


def test_a_caption_printed_twice_inside_the_story_is_one_caption():
    # news-dev Zelenskyy, Times of Israel: the AP caption is printed twice in a row
    caption = "Delegates arrive at the venue in Geneva, March 1, 2024. (AP Photo/Jane Doe)"
    [article] = cc.read_text(
        "Talks Resume in Geneva After Three-Month Pause\n\n"
        "Delegates from both sides met in Geneva on Monday for a new round of talks, the envoy said.\n\n"
        f"{caption}\n{caption}\n\n"
        "The envoy said the talks were constructive and would resume next week after a break.\n"
    )
    assert article.captions == (caption,)
    assert [(s.text, s.reason) for s in article.skipped] == [(caption, "repeated caption")]


def test_stories_separated_by_blank_lines_and_a_headline_split_without_doubling():
    page = (
        "First Headline About Oil\n\n"
        "Oil output in eastern Libya rose on Monday, the national oil company said in a statement.\n"
        "The rise follows the reopening of two terminals after months of closure.\n\n\n\n"
        "Second Headline About Talks\n\n"
        "Delegates from both sides met in Geneva on Tuesday for a new round of talks on elections.\n"
        "The United Nations envoy said the talks were constructive and would resume next week.\n"
    )
    first, second = cc.read_text(page)
    assert (first.title, second.title) == (
        "First Headline About Oil",
        "Second Headline About Talks",
    )
    assert len(first.paragraphs) == 2 and len(second.paragraphs) == 2


def test_a_subheading_inside_one_story_does_not_start_a_new_one():
    page = (
        "One Story Headline\n\n"
        "The first paragraph of the story is long enough to be prose, and it ends with a stop.\n\n"
        "Background\n\n"
        "The second paragraph follows the subheading and is also long enough to be prose here.\n"
    )
    [article] = cc.read_text(page)
    assert article.paragraphs[1] == "Background"


# ---- nothing is lost: every character lands in exactly one place --------------------------


def placed_text(articles: list[cc.Article]) -> str:
    """Everything the reader put somewhere: titles, deks, captions, body and skipped lines."""
    pieces = []
    for article in articles:
        pieces += [article.title, article.dek, *article.captions, *article.paragraphs]
        pieces += [s.text for s in article.skipped]
    return "".join(pieces)


def non_space(text: str) -> list[str]:
    return sorted(c for c in text if not c.isspace())


PIECES = [
    "Talks Resume in Geneva After Long Pause",
    "TALKS RESUME",
    "The talks resumed in Geneva on Monday after a pause of three months, the UN said.",
    "He declined to comment.",
    "Delegates arrive in Geneva. Photo: AFP",
    "Delegates arrive in Geneva. (AP Photo/Jane Doe)",
    "(Jane Barlow/PA)",
    "Photo / AP",
    "By Jane Doe",
    "Published 22 August 2023",
    "RELATED:",
    "Read more: Earlier talks collapsed",
    "- The talks resume on Monday.",
    "- Complete coverage of the talks",
    "2011: protests erupt in Benghazi",
    "Dbeibah 41%",
    "1,200",
    "TT",
    "Share this article",
    "Sign up to our newsletter for breaking news alerts",
    "The delegates were seen leaving the venue late in the evening with the",
    "Teaser for another story about the economy...",
    "  date 2024-04-01 ",
    "\u201cWe will not give up,\u201d she said.",
    "x",
]


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(min_size=0, max_size=40)),
        min_size=1,
        max_size=14,
    ),
    gaps=st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", " \n"]), min_size=14, max_size=14),
)
def test_every_non_space_character_lands_exactly_once(lines, gaps):
    page = "".join(line + gap for line, gap in zip(lines, gaps, strict=False))
    if not page.strip():
        return
    try:
        articles = cc.read_text(page)
    except cc.EmptyInput:  # only furniture: refused with a message, not lost silently
        return
    assert non_space(placed_text(articles)) == non_space(page.replace("\r", ""))


def test_every_non_space_character_of_the_sample_pages_lands_exactly_once(sample_dir):
    for path in sorted(sample_dir.glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        assert non_space(placed_text(cc.read_text(page))) == non_space(page), path.name


# ---- labelled paragraphs in context: story text stays, furniture goes ------------------------

PAGE_CASES = json.loads((CASES / "pages.json").read_text(encoding="utf-8"))["cases"]


def place_of(text: str, context: str) -> str:
    """Where the reader put ``text`` (standing where ``{text}`` is in ``context``)."""
    start = context.index("{text}")
    end = start + len(text)
    articles = cc.read_text(context.replace("{text}", text, 1))
    if any(s < end and e > start for a in articles for s, e in a.source_spans):
        return "body"
    for article in articles:
        for place, found in (
            ("title", [(article.title, 0)] if article.title else []),
            ("caption", [(c, 0) for c in article.captions]),
            ("dek", [(article.dek, 0)] if article.dek else []),
        ):
            first_line = " ".join(text.splitlines()[0].split())
            if any(first_line in " ".join(piece.split()) for piece, _ in found):
                return place
    return "skipped"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["xfail"]))
        if c.get("xfail")
        else c
        for c in PAGE_CASES
    ],
    ids=[c["id"] for c in PAGE_CASES],
)
def test_a_labelled_paragraph_lands_where_it_belongs(case):
    assert place_of(case["text"], case["context"]) == case["expected"], case.get("note", "")


def test_the_labelled_cases_hold_both_directions_and_all_origins():
    expected = {c["expected"] for c in PAGE_CASES}
    origins = {c["origin"].split()[0] for c in PAGE_CASES}
    assert len(PAGE_CASES) >= 40
    assert {"body", "skipped", "caption", "dek", "title"} <= expected
    assert origins == {"seed", "wild", "synthetic"}


# ---- whole pages of other layouts ---------------------------------------------------------

WIRE_REPRINT = """ date 2024-05-02 Storm Floods Coastal Towns as Rivers Burst Banks

LISBON (AP) \u2014 Heavy rain flooded coastal towns in Portugal on Wednesday, forcing hundreds of people from their homes, officials said.

Residents wade through a flooded street in Aveiro, Portugal, May 1, 2024. (AP Photo/Ana Silva)

Rescue crews used boats to reach people trapped on upper floors, the civil protection agency said.

WHAT COMES NEXT

Forecasters expect more rain on Friday.

(Reporting by Ana Silva in Lisbon; Editing by Tom Reed)

The agency said schools in three districts would stay closed until the water had"""


def test_a_wire_reprint_keeps_its_story_and_sets_credits_subheads_and_cut_off_aside():
    [article] = cc.read_text(WIRE_REPRINT)
    assert article.title == "Storm Floods Coastal Towns as Rivers Burst Banks"
    assert article.date == "2024-05-02"
    assert article.captions == (
        "Residents wade through a flooded street in Aveiro, Portugal, May 1, 2024. (AP Photo/Ana Silva)",
    )
    assert [p[:30] for p in article.paragraphs] == [
        "LISBON (AP) \u2014 Heavy rain flood",
        "Rescue crews used boats to rea",
        "Forecasters expect more rain o",
    ]
    reasons = {s.text[:20]: s.reason for s in article.skipped}
    assert reasons == {
        "date 2024-05-02": "archive date marker",
        "WHAT COMES NEXT": "subhead",
        "(Reporting by Ana Si": "credit line",
        "The agency said scho": "unfinished sentence at the end of the page",
    }


MAGAZINE = """The Weekly Ledger
Home > Business > Energy

Oil Prices Climb as Supply Talks Stall

Producers fail to agree on output cuts, leaving markets to guess at the next move in a tight winter

By Maria Lopez
Updated: March 3, 2024
4 min read

Oil prices rose for a third day on Tuesday as talks between producers stalled, traders said.

Key points:
- Prices rose 2% on Tuesday.
- Talks resume next week.

2022: prices peak after the invasion
2023: prices fall back

\u201cNobody wants to move first,\u201d one delegate said.

He declined to comment further.

Share this article
Sign up to our newsletter for daily market alerts

\u00a9 2024 The Weekly Ledger. All rights reserved."""


def test_a_magazine_page_keeps_lists_timelines_and_short_sentences_and_finds_its_dek():
    [article] = cc.read_text(MAGAZINE)
    assert article.title == "Oil Prices Climb as Supply Talks Stall"
    assert article.dek.startswith("Producers fail to agree on output cuts")
    assert article.date == "2024-03-03"
    assert article.paragraphs == (
        "Oil prices rose for a third day on Tuesday as talks between producers stalled, traders said.",
        "Key points:",
        "- Prices rose 2% on Tuesday.",
        "- Talks resume next week.",
        "2022: prices peak after the invasion",
        "2023: prices fall back",
        "\u201cNobody wants to move first,\u201d one delegate said.",
        "He declined to comment further.",
    )
    reasons = {s.text: s.reason for s in article.skipped}
    assert reasons["Home > Business > Energy"] == "breadcrumb"
    assert reasons["By Maria Lopez"] == "byline"
    assert reasons["4 min read"] == "reading time"
    assert reasons["Sign up to our newsletter for daily market alerts"] == "sign-up or promotion"


def test_a_magazine_page_is_named_after_the_site_in_its_chrome(tmp_path):
    (tmp_path / "page.txt").write_text(MAGAZINE, encoding="utf-8")
    [article] = cc.read_articles(tmp_path / "page.txt")
    assert article.outlet == "The Weekly Ledger"


LINKS_AND_TEASERS = """Talks Resume in Geneva

Delegates from both sides met in Geneva on Monday for a new round of talks, the UN said.
- Envoy to brief the Security Council on Friday: sources
- Live updates: the talks in Geneva
The envoy said the talks were constructive and would resume next week after a break.
A general view shows the headquarters of the ministry in the capital, September 20,...
The surface of the moon is photographed on a clear night from the observatory...
"""


def test_related_links_inside_a_story_and_a_run_of_teasers_after_it_are_set_aside():
    [article] = cc.read_text(LINKS_AND_TEASERS)
    assert len(article.paragraphs) == 2
    assert [s.reason for s in article.skipped] == [
        "related links",
        "related links",
        "teaser (other stories)",
        "teaser (other stories)",
    ]


def test_a_line_kept_in_doubt_is_listed_as_unsure():
    page = (
        "Talks Resume\n\nDelegates met in Geneva on Monday for a new round of talks, the UN said.\n\n"
        "TT\n\nThe envoy said the talks were constructive and would resume next week."
    )
    [article] = cc.read_text(page)
    assert "TT" in article.paragraphs
    assert [(u.text, u.reason) for u in article.unsure] == [("TT", "kept: marker?")]


@pytest.mark.parametrize(
    "page",
    [
        "Sign up for our newsletter\nThe talks ended.\n\nEnter your email address to subscribe",
        "\u201cSign up\u201d, he said \u2014 Stra\u00dfe sign-up\nSUBSCRIBE to our NEWSLETTER\nno",
        "Plain text with no promotion at all.\nAnother line.",
    ],
)
def test_promotion_words_found_once_per_page_are_those_of_each_line(page):
    from comparative_coverage.reading.furniture import promotion_lines, promotion_words
    from comparative_coverage.reading.lines import page_lines

    spans = [(line.start, line.end) for line in page_lines(page)]
    assert promotion_lines(page, spans) == [promotion_words(page[s:e]) for s, e in spans]
