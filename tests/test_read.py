"""Reading articles: the bundled corpus, file formats, encodings and bad input."""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import comparative_coverage as cc
from comparative_coverage.reading.copies import DuplicateArticleWarning

from .conftest import SAMPLE

SAMPLE_TITLES = {
    "000_2b30075c1d741493#1": "Russia Calls for Deeper Military Ties with Libya",
    "000_2b30075c1d741493#2": "Italy’s Foreign Minister Heads to Syria to Encourage Post-Assad Transition",
    "001_d4fe8bf4671f7d50#1": "Russia Calls for Deeper Military Ties With Libya",
    "002_a5cf3d5e05a89805#1": "Libya’s Haftar Meets Putin in Moscow for First Time",
    "002_a5cf3d5e05a89805#2": "Lavrov: Moscow Maintains Communication with Damascus, Will Not Withdraw from the Region",
    "003_e061b3860b229b61#1": "US Pledges to Support Unity of Libyan Military",
    "003_e061b3860b229b61#2": "Putin Denies Russian Defeat in Syria, Says He Plans to Meet Assad",
    "004_31faec29e2e14dd4#1": "Russian Military Delegation Arrives in Libya Invited by Haftar",
}
CHROME = [
    "TT",
    "Live",
    "Audio Only",
    "google plus",
    "facebook",
    "twitter",
    "News > Russia",
    "Related Articles",
    "Back to top button",
    "RELATED:",
    "0 Comments",
    "Comment",
    "Post with no comments.",
    "AfricaEuropeWar",
    "Opinion",
    "Photo:",
    "(AP)",
    "(AFP)",
    "55 Killed During Clashes in Libyan Capital",
]


# ---- the bundled corpus ---------------------------------------------------------------


def test_the_sample_holds_eight_articles_in_seven_stories_with_their_titles(sample_articles):
    assert {a.id: a.title for a in sample_articles} == SAMPLE_TITLES


@pytest.mark.parametrize("marker", CHROME)
def test_no_chrome_caption_or_marker_in_any_body(sample_articles, marker):
    for article in sample_articles:
        lines = [line.strip() for line in article.body.split("\n")]
        assert marker not in lines, article.id
        if marker in ("Photo:", "(AP)", "(AFP)"):
            assert marker not in article.body, article.id


def test_no_body_repeats_its_headline_or_a_caption(sample_articles):
    for article in sample_articles:
        assert article.title not in article.paragraphs
        for caption in article.captions:
            assert caption not in article.body


def test_flagship_bodies_start_and_end_with_the_story(shoigu_pair):
    a, b = shoigu_pair
    assert a.sentences[0].text.startswith("Russia has welcomed the prospect")
    assert a.sentences[-1].text.startswith("In February, Libya embarked on a new phase")
    assert b.sentences[0].text.startswith("Russia on Friday welcomed the prospect")
    assert b.sentences[-1].text.startswith("On Thursday, Russian Prime Minister Mikhail Mishustin")


def test_defense_post_standfirst_is_the_dek_and_its_haftar_caption_a_caption(shoigu_pair):
    _, b = shoigu_pair
    assert b.dek == (
        "Moscow has backed Haftar against the GNA in the conflict and has been "
        "accused of sending mercenaries to join the fight."
    )
    [caption] = b.captions
    assert caption.startswith("Former Libyan General Khalifa Haftar.")
    assert caption.endswith("Photo: AFP")
    assert "Former Libyan General" not in b.body
    assert b.dek not in b.paragraphs


def test_sources_csv_supplies_outlets_dates_and_urls(sample_articles):
    by_id = {a.id: a for a in sample_articles}
    assert by_id["000_2b30075c1d741493#1"].outlet == "Asharq Al-Awsat"
    assert by_id["000_2b30075c1d741493#1"].date == "2021-04-17"
    assert by_id["001_d4fe8bf4671f7d50#1"].outlet == "The Defense Post"
    assert by_id["001_d4fe8bf4671f7d50#1"].url.startswith("https://thedefensepost.com/2021/04/16/")
    assert by_id["004_31faec29e2e14dd4#1"].outlet == "teleSUR English"
    assert by_id["004_31faec29e2e14dd4#1"].date == "2023-08-22"
    assert by_id["002_a5cf3d5e05a89805#1"].date is None  # unknown stays unknown


def test_sample_files_are_the_seeds_unchanged(sample_dir):
    seeds = sample_dir.parent.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the shared seeds are not beside this checkout")
    for seed in seeds.glob("*.txt"):
        assert (sample_dir / seed.name).read_bytes() == seed.read_bytes()


def test_paragraph_offsets_point_back_into_the_raw_file(sample_articles):
    for article in sample_articles:
        raw = Path(article.source).read_text(encoding="utf-8")
        assert len(article.source_spans) == len(article.paragraphs)
        for paragraph, (start, end) in zip(article.paragraphs, article.source_spans, strict=True):
            assert raw[start:end] == paragraph
        for skipped in article.skipped:
            assert raw[skipped.start : skipped.end] == skipped.text


def test_what_was_skipped_is_reported_with_a_reason(sample_articles):
    teleSUR = next(a for a in sample_articles if a.id.startswith("004"))
    reasons = {s.text.strip("• "): s.reason for s in teleSUR.skipped}
    assert reasons["Live"] == "chrome phrase"
    assert reasons["News > Russia"] == "breadcrumb"
    assert reasons["RELATED:"] == "teaser"
    assert reasons["55 Killed During Clashes in Libyan Capital"] == "teaser headline"
    assert reasons["Published 22 August 2023"] == "dateline"


def test_file_hash_number_picks_one_article(sample_dir):
    [article] = cc.read_articles(f"{sample_dir}/000_2b30075c1d741493.txt#2")
    assert article.title.startswith("Italy’s Foreign Minister")
    with pytest.raises(cc.ArticleNotFound, match="#3 does not exist"):
        cc.read_articles(f"{sample_dir}/000_2b30075c1d741493.txt#3")


# ---- formats and encodings ------------------------------------------------------------


def test_windows_1252_news_text_reads_correctly(tmp_path):
    text = "Libya\u2019s \u201cnew\u201d phase \u2013 caf\u00e9 talks.\r\n\r\nThe second paragraph ends here."
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("cp1252"))
    [article] = cc.read_articles(path)
    assert article.paragraphs[0] == "Libya\u2019s \u201cnew\u201d phase \u2013 caf\u00e9 talks."
    assert "\r" not in article.body


def test_utf8_bom_and_original_quotes_are_kept(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeffPutin\u2018s backing was \u201cconstructive\u201d, he said.".encode())
    [article] = cc.read_articles(path)
    assert article.body == "Putin\u2018s backing was \u201cconstructive\u201d, he said."


# Mojibake as it reaches newsrooms: UTF-8 text once opened as Windows-1252 and saved again
# (origin: synthetic, in the shapes seen in scraped pages: accents, curly quotes, dashes).
MOJIBAKE = [
    ("Caf\u00c3\u00a9 owners in Zurich", "Caf\u00e9 owners in Zurich"),
    (
        "The minister said it\u00e2\u20ac\u2122s \u00e2\u20ac\u0153over\u00e2\u20ac\u009d.",
        "The minister said it\u2019s \u201cover\u201d.",
    ),
    (
        "Kalin \u00e2\u20ac\u201d a spokesman \u00e2\u20ac\u201d declined",
        "Kalin \u2014 a spokesman \u2014 declined",
    ),
    (
        "Katalin Karik\u00c3\u00b3 and S\u00c3\u00a3o Paulo",
        "Katalin Karik\u00f3 and S\u00e3o Paulo",
    ),
]


@pytest.mark.parametrize(("garbled", "meant"), MOJIBAKE)
def test_mojibake_is_repaired_when_a_file_is_read(tmp_path, garbled, meant):
    path = tmp_path / "story.txt"
    text = f"A headline here\n\n{garbled}, officials told reporters on Monday in the capital."
    path.write_text(text, encoding="utf-8")
    article = cc.read_articles(path)[0]
    assert article.paragraphs[0].startswith(meant)


@pytest.mark.parametrize(
    "clean",
    [
        "\u201cWe will not,\u201d he said \u2014 it\u2019s over. 'Plain' \"straight\" quotes.",
        "Caf\u00e9 na\u00efve Karik\u00f3 S\u00e3o Paulo \u00c5ngstr\u00f6m 50 \u00b0C \u00a3200 \u00bd",
        "\u0428\u043e\u0439\u0433\u0443 \u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \u00e0 \u00bb \u00c0 la carte",
    ],
)
def test_clean_text_is_not_changed_by_the_mojibake_repair(clean):
    assert cc.reading.decoding.decode(clean.encode("utf-8")) == clean


def test_tables_of_articles(tmp_path):
    rows = [
        {
            "outlet": "AFP",
            "headline": "One",
            "body": "First story. It is short.",
            "date": "2021-04-16",
        },
        {"outlet": "AP", "headline": "Two", "body": "Second story.\n\nTwo paragraphs.", "date": ""},
    ]
    pd.DataFrame(rows).to_csv(tmp_path / "corpus.csv", index=False)
    (tmp_path / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pd.DataFrame(rows).to_parquet(tmp_path / "corpus.parquet")
    for name in ("corpus.csv", "corpus.jsonl", "corpus.parquet"):
        articles = cc.read_articles(tmp_path / name)
        assert [(a.outlet, a.title, a.date) for a in articles] == [
            ("AFP", "One", "2021-04-16"),
            ("AP", "Two", None),
        ]
        assert articles[1].paragraphs == ("Second story.", "Two paragraphs.")


def test_a_table_row_without_text_is_skipped_with_a_warning(tmp_path):
    pd.DataFrame([{"text": "A story."}, {"text": ""}]).to_csv(tmp_path / "t.csv", index=False)
    with pytest.warns(cc.SkippedInputWarning, match="row 2 has no text"):
        articles = cc.read_articles(tmp_path / "t.csv")
    assert len(articles) == 1


def test_json_lines_that_are_not_objects_are_skipped_and_rows_keep_their_line_numbers(tmp_path):
    lines = [
        json.dumps({"text": "First story.", "outlet": "AFP"}),
        "not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"text": "Second story.", "outlet": "AP"}),
        '{"text": "Cut off',
    ]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with pytest.warns(cc.SkippedInputWarning, match=r"3 line\(s\) are not JSON .*line 2, 3, 5"):
        articles = cc.read_articles(tmp_path / "crawl.jsonl")
    assert [(a.id, a.outlet) for a in articles] == [("crawl#1", "AFP"), ("crawl#4", "AP")]


def test_a_json_lines_file_with_no_object_is_not_text(tmp_path):
    (tmp_path / "x.jsonl").write_text("one\ntwo\n", encoding="utf-8")
    with pytest.raises(cc.NotText, match="no line is a JSON object"):
        cc.read_articles(tmp_path / "x.jsonl")


def test_html_pages_go_through_main_text_extraction(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i} of the story says that Russia and Libya talked about military "
        f"cooperation for a long time in Moscow.</p>"
        for i in range(6)
    )
    page = (
        f"<html><head><title>Russia and Libya</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Russia and Libya</h1>{paragraphs}</article>"
        f"<footer>Back to top button</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = cc.read_articles(tmp_path / "page.html")
    assert article.title == "Russia and Libya"
    assert len(article.paragraphs) == 6
    assert "Home" not in article.body and "Back to top" not in article.body


def test_a_txt_file_holding_html_is_read_as_html(tmp_path):
    body = "".join(
        f"<p>Sentence number {i} about the talks in Moscow between the two sides.</p>"
        for i in range(5)
    )
    (tmp_path / "saved.txt").write_text(
        f"<!DOCTYPE html><html><body><article>{body}</article></body></html>", encoding="utf-8"
    )
    [article] = cc.read_articles(tmp_path / "saved.txt")
    assert "<p>" not in article.body and "Sentence number 4" in article.body


def test_folders_are_read_recursively_and_unknown_files_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A story in a sub-folder. It has two sentences.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not read")
    with pytest.warns(cc.SkippedInputWarning, match="notes.docx was skipped"):
        articles = cc.read_articles(tmp_path)
    assert [a.id for a in articles] == ["sub/a#1"]  # ids come from the path in the folder


def test_read_text_makes_articles_from_memory():
    [article] = cc.read_text(
        "Moscow welcomed the talks. Tripoli agreed.", outlet="AFP", title="Talks"
    )
    assert (article.outlet, article.title, len(article.sentences)) == ("AFP", "Talks", 2)


# ---- bad input: a specific error whose message says what to do ------------------------


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", cc.EmptyInput, "is empty"),
        (b"   \n\n  ", cc.EmptyInput, "is empty"),
        (b"%PDF-1.7 binary stuff", cc.NotText, "looks like a PDF"),
        (b"\x89PNG\r\n\x1a\n....", cc.NotText, "looks like a PNG image"),
        (bytes(range(256)) * 4, cc.NotText, "binary"),
    ],
)
def test_bad_files_raise_errors_that_say_what_to_do(tmp_path, content, error, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=message):
        cc.read_articles(path)


def test_missing_path(tmp_path):
    with pytest.raises(cc.InputNotFound, match="does not exist"):
        cc.read_articles(tmp_path / "nope.txt")


def test_too_large_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Word " * 3000)
    with pytest.raises(
        cc.InputTooLarge, match="over the 1,000 bytes limit; split it, or pass max_bytes"
    ):
        cc.read_articles(path, max_bytes=1000)


def test_table_without_text_column(tmp_path):
    pd.DataFrame([{"headline": "x", "author": "y"}]).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(cc.MissingColumn, match=r"no text column \(its columns: headline, author\)"):
        cc.read_articles(tmp_path / "t.csv")


def test_hostile_text_is_kept_as_text(tmp_path):
    hostile = (
        "<script>alert(1)</script> The minister said “no” & left. "
        "<img src=x onerror=alert(2)> " + "A" * 5000 + "."
    )
    (tmp_path / "x.txt").write_text(f"Headline Here\n\n{hostile}\n\nSecond paragraph of the story.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [article] = cc.read_articles(tmp_path / "x.txt")
    assert "<script>alert(1)</script>" in article.body
    joined = "".join(s.text for s in article.sentences)
    assert "A" * 5000 in joined


def test_parquet_without_pyarrow_says_how_to_install_it(tmp_path, monkeypatch):
    pd.DataFrame([{"text": "A story."}]).to_parquet(tmp_path / "t.parquet")

    def no_pyarrow(*args, **kwargs):
        raise ImportError("Unable to find a usable engine; tried using: 'pyarrow'")

    monkeypatch.setattr(pd, "read_parquet", no_pyarrow)
    with pytest.raises(
        cc.MissingDependency, match=r"pip install 'comparative-coverage\[parquet\]'"
    ):
        cc.read_articles(tmp_path / "t.parquet")


def test_utf16_with_a_byte_order_mark_reads(tmp_path):
    (tmp_path / "story.txt").write_bytes("Libya\u2019s talks went on. They ended.".encode("utf-16"))
    [article] = cc.read_articles(tmp_path / "story.txt")
    assert article.body == "Libya\u2019s talks went on. They ended."


# ---- outlets, ids and folders ----------------------------------------------------------------

STORY = (
    "Talks Resume in Geneva\n\n"
    "Delegates from both sides met in Geneva on Monday for a new round of talks, the UN said.\n\n"
    "The envoy said the talks were constructive and would resume next week after a break.\n"
)
DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-public" / "news-dev"
if not DEV.is_dir():  # a git worktree sits one level deeper
    DEV = Path(__file__).resolve().parents[3] / "shared" / "eval-public" / "news-dev"


def read_quietly(*args, **kwargs) -> list[cc.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cc.read_articles(*args, **kwargs)


def test_sources_json_in_the_news_dev_shape_names_outlets_of_raw_and_clean_files(tmp_path):
    (tmp_path / "marsad.raw.txt").write_text(STORY)
    (tmp_path / "marsad.txt").write_text(STORY)
    (tmp_path / "sources.json").write_text(
        json.dumps(
            {
                "story": "Talks",
                "versions": {
                    "marsad": {
                        "outlet": "Marsad Libya",
                        "url": "https://www.marsad.ly/en/2024/talks",
                        "date": "2024-04-02 (print edition)",
                        "file": "marsad.txt",
                        "raw_file": "marsad.raw.txt",
                    }
                },
            }
        )
    )
    articles = cc.read_articles(tmp_path)
    assert [(a.id, a.outlet, a.date) for a in articles] == [
        ("marsad.raw#1", "Marsad Libya", "2024-04-02"),
        ("marsad#1", "Marsad Libya", "2024-04-02"),
    ]


def test_a_sources_csv_with_odd_values_is_used_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    notes = "x" * 200_000
    table = f"file,article,outlet,notes\na.txt,first,Agence Caf\u00e9,{notes}\nb.txt,1,Le Monde,\n"
    (tmp_path / "sources.csv").write_bytes(table.encode("cp1252"))
    by_id = {a.id: a.outlet for a in cc.read_articles(tmp_path)}
    assert by_id == {"a#1": "Agence Caf\u00e9", "b#1": "Le Monde"}


def test_without_metadata_the_outlet_comes_from_a_url_a_site_name_or_the_file_name(tmp_path):
    (tmp_path / "dailysabah.txt").write_text(STORY)
    (tmp_path / "linked.txt").write_text(
        STORY + "\nSource: https://www.example-news.com/world/talks-resume\n"
    )
    (tmp_path / "chrome.txt").write_text(
        "Daily Courier\n\n" + STORY + "\n\u00a9 2024 The Daily Courier"
    )
    hashed = tmp_path / "the-sentinel"
    hashed.mkdir()
    (hashed / "000_2b30075c1d741493.txt").write_text(STORY)
    with pytest.warns(cc.MetadataWarning, match=r"2 file\(s\) had no outlet metadata") as record:
        articles = cc.read_articles(tmp_path)
    outlets = {a.id: a.outlet for a in articles}
    assert outlets == {
        "chrome#1": "The Daily Courier",
        "dailysabah#1": "dailysabah",
        "linked#1": "example-news.com",
        "the-sentinel/000_2b30075c1d741493#1": "the-sentinel",
    }
    message = str(record[0].message)
    assert "dailysabah.txt" in message and "the-sentinel/000_2b30075c1d741493.txt" in message


def test_ids_come_from_the_path_in_the_folder_and_stay_unique(tmp_path):
    for story in ("haftar-arrives", "talks-resume"):
        (tmp_path / story).mkdir()
        (tmp_path / story / "marsad.txt").write_text(STORY)
    ids = [a.id for a in read_quietly(tmp_path)]
    assert ids == ["haftar-arrives/marsad#1", "talks-resume/marsad#1"]
    twice = [a.id for a in read_quietly([tmp_path / "haftar-arrives", tmp_path / "talks-resume"])]
    assert twice == ["marsad#1", "marsad#1~2"]


def test_files_that_are_not_articles_are_skipped_in_a_folder_with_a_warning(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "gold.json").write_text(json.dumps({"versions": {"a": {"sentences": ["A."]}}}))
    (tmp_path / "table.csv").write_text("name,count\nx,1\n")
    (tmp_path / "README.md").write_text("# Notes\n\nNot an article.")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    with pytest.warns(cc.SkippedInputWarning) as record:
        articles = cc.read_articles(tmp_path)
    assert [a.id for a in articles] == ["story#1"]
    skipped = " ".join(str(w.message) for w in record)
    for name in ("gold.json", "table.csv", "README.md", "scan.txt", "photo.jpg"):
        assert f"{name} was skipped" in skipped
    with pytest.raises(cc.NotText, match="PDF"):  # named on purpose, it is an error
        cc.read_articles(tmp_path / "scan.txt")


def test_include_and_exclude_choose_files_by_name_or_path(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ("a/x.raw.txt", "a/x.txt", "a/y.raw.txt"):
        (tmp_path / name).write_text(STORY)
    ids = lambda **kw: [a.id for a in read_quietly(tmp_path, **kw)]  # noqa: E731
    assert ids(include="*.raw.txt") == ["a/x.raw#1", "a/y.raw#1"]
    assert ids(include="*.raw.txt", exclude="a/y.*") == ["a/x.raw#1"]
    assert ids(exclude=["*.raw.txt"]) == ["a/x#1"]


def test_the_news_dev_tree_reads_with_the_right_outlet_for_every_raw_page():
    if not DEV.is_dir():
        pytest.skip("the shared evaluation data is not beside this checkout")
    with warnings.catch_warnings():
        warnings.simplefilter("error", cc.MetadataWarning)  # every file has metadata
        articles = cc.read_articles(DEV, include="*.raw.txt")
    expected = {}
    for sources in DEV.glob("*/sources.json"):
        for version in json.loads(sources.read_text(encoding="utf-8"))["versions"].values():
            expected[f"{sources.parent.name}/{version['raw_file'][:-4]}#1"] = version["outlet"]
    assert {a.id: a.outlet for a in articles} == expected
    assert len({a.id for a in articles}) == len(articles) == 33


def test_every_character_of_the_news_dev_raw_pages_lands_exactly_once():
    if not DEV.is_dir():
        pytest.skip("the shared evaluation data is not beside this checkout")
    for path in sorted(DEV.glob("*/*.raw.txt")):
        page = path.read_text(encoding="utf-8")
        placed = "".join(
            "".join([a.title, a.dek, *a.captions, *a.paragraphs, *(s.text for s in a.skipped)])
            for a in cc.read_text(page)
        )
        assert sorted(c for c in placed if not c.isspace()) == sorted(
            c for c in page if not c.isspace()
        ), path


# ---- one coercer: the same input always becomes the same Article ---------------------------


def test_the_same_text_becomes_the_same_article_everywhere():
    text = "Moscow welcomed the talks. Tripoli agreed.\n\nThe envoy left."
    [one] = cc.as_articles(text)
    assert one == cc.as_articles([text])[0]
    assert [s.text for s in one.sentences] == [
        "Moscow welcomed the talks.",
        "Tripoli agreed.",
        "The envoy left.",
    ]
    assert (one.id, one.outlet) == ("text#1", "text 1")
    assert [a.id for a in cc.as_articles([text, text])] == ["text#1", "text#2"]


def test_an_article_built_by_hand_gets_its_sentences_filled():
    hand = cc.Article("x#1", "AP", "", ("One sentence. Another one.", "A third."))
    assert hand.sentences == ()
    [filled] = cc.as_articles(hand)
    assert [(s.text, s.paragraph) for s in filled.sentences] == [
        ("One sentence.", 0),
        ("Another one.", 0),
        ("A third.", 1),
    ]
    assert filled == hand  # sentences are derived: not part of equality
    assert all(filled.body[s.start : s.end] == s.text for s in filled.sentences)


def test_sentences_left_over_from_other_paragraphs_are_split_again():
    [article] = cc.as_articles("First story sentence. Second one.")
    changed = dataclasses.replace(article, paragraphs=("A new text entirely.",))
    [again] = cc.as_articles(changed)
    assert [s.text for s in again.sentences] == ["A new text entirely."]


def test_anything_else_is_refused_with_a_clear_message():
    with pytest.raises(TypeError, match="Articles or texts"):
        cc.as_articles([42])


def test_an_article_number_must_be_written_in_ascii_digits(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    with pytest.raises(cc.InputNotFound, match="article number"):
        cc.read_articles(f"{tmp_path / 'a.txt'}#\u0661")


def test_a_section_label_above_the_title_is_not_taken_for_the_site(tmp_path):
    (tmp_path / "courier.txt").write_text("Middle East\n\n" + STORY)
    [article] = cc.read_articles(tmp_path / "courier.txt")
    assert article.outlet == "courier"


def test_a_folder_read_twice_warns_that_its_articles_are_copies(tmp_path):
    """issue 13: a story copied into two folders must not pass as two outlets' versions."""
    text = "Talks resumed in Moscow on Friday.\n\nBoth sides said they were hopeful."
    for folder in ("first", "second"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "wire.txt").write_text(text, encoding="utf-8")
    with pytest.warns(DuplicateArticleWarning, match="1 article.*second/wire#1 = first/wire#1"):
        articles = cc.read_articles(tmp_path)
    assert len(articles) == 2  # still read: the warning says what to drop


def test_different_articles_raise_no_copy_warning(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed on Friday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks resumed on Saturday.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DuplicateArticleWarning)
        cc.read_articles(tmp_path)


def test_articles_read_without_sentences_get_the_same_ones_when_an_entry_point_splits_them():
    from comparative_coverage.reading.articles import as_articles

    split = cc.read_articles(SAMPLE)
    unsplit = cc.read_articles(SAMPLE, sentences=False)
    assert unsplit == split  # the same articles: sentences are derived, left out of ==
    assert not any(a.sentences for a in unsplit)
    assert [a.sentences for a in as_articles(unsplit)] == [a.sentences for a in split]


def test_a_timestamp_line_with_a_time_and_an_update_dates_the_article(tmp_path):
    # a Reuters-style page: "March 3, 2025 6:05 AM GMT+1 Updated 2 hours ago" under the
    # headline is the page's stamp (ten words: more than a bare date line), not its title
    page = tmp_path / "page.txt"
    page.write_text(
        "World\nTalks resume in Geneva, envoy says\nBy Staff\n"
        "March 3, 2025 6:05 AM GMT+1 Updated 2 hours ago\n"
        "GENEVA, March 3 (Reuters) - Delegates from both sides met in Geneva on Monday for a "
        "new round of talks on elections, the UN envoy said.\n"
        "The envoy said the talks were constructive and would resume next week.\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (article,) = cc.read_articles(page)
    assert article.title == "Talks resume in Geneva, envoy says"
    assert article.date == "2025-03-03"
    assert not any("Trust Principles" in p for p in article.paragraphs)
