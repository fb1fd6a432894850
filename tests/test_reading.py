"""Reading articles: the five seed files as they are, encodings, Markdown, HTML and unreadable files."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from timeline.errors import ContentError
from timeline.extract.metadata import (
    find_dateline,
    outlet_from_url,
    parse_byline,
)
from timeline.extract.noise import clean_inline_markup, is_noise_line
from timeline.extract.page_dates import date_from_url, parse_date_line
from timeline.extract.reading import (
    ArticleError,
    decode_article_bytes,
    parse_article_text,
    read_article,
)
from timeline.partial_date import PartialDate

SEEDS = Path(__file__).resolve().parent.parent / "content" / "articles"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


# --- the seed articles ------------------------------------------------------------------------------

# What each seed states about itself (None where the file does not say it).
SEED_METADATA = {
    "000_883ae3154c2ff3f6.txt": dict(
        title="US and Russian military officials meet amid concerns over counterterrorism",
        url=None, published=None, dateline=None,
    ),
    "001_881ca8b7d5587ec1.txt": dict(
        title="Top U.S., Russian Generals Meet in Helsinki",
        outlet="The Moscow Times (AFP)", agency="AFP", author="AFP",
        url="https://www.themoscowtimes.com/2021/09/22/top-us-russian-generals-meet-in-helsinki-a75118",
        published=PartialDate(2021, 9, 22), dateline=None,
    ),
    "002_3b4f6a8934f4a5ee.txt": dict(
        title="COAS, CENTCOM chief discuss regional security", url=None, published=None, dateline="Islamabad",
        outlet=None,  # only a photo credit ("Photo: Centcom/Twitter") names anyone, and it is not the outlet
    ),
    "003_b4a68592f2169dd4.txt": dict(
        title="US CENTCOM commander meets Pakistan’s army chief ‘to strengthen regional ties’",
        outlet=None, url=None, published=None, dateline=None,
    ),
    "004_8bf87993404b5d35.txt": dict(
        title="U.S. Defense Secretary Discusses ‘Mutual Goals of Security’ with Gen. Bajwa",
        outlet="Newsweek Pakistan", author=None, url=None, published=None, dateline=None,
    ),
}

# Lines of each seed that are page furniture or metadata (by how they begin); every other line is story.
SEED_DROPPED = {
    "000_883ae3154c2ff3f6.txt": [
        "ALSO READ", "This story was posted from a feed", "To subscribe to", "* Enter a valid email",
        "* Thank you for subscribing", "Never miss a story!",
    ],
    "001_881ca8b7d5587ec1.txt": [
        "By <u>AFP</u>", "September 22, 2021", "Related article:", "Original url:", "https://www.themoscowtimes.com",
        # the photo caption, ending in its credit "**Chuck Burton / DoD / AFP**"
        "Chairman of the Joint Chiefs of Staff General Mark Milley met with Chief of Russian General Staff General "
        "Valery Gerasimov for the first time since December 2019.",
    ],
    "002_3b4f6a8934f4a5ee.txt": [
        "General Michael Erik Kurilla, Commander US Central Command", "ISLAMABAD:", "Read US authorities charge",
        "RELATED", "Load Next Story",
    ],
    "003_b4a68592f2169dd4.txt": ["Afghanistan"],
    "004_8bf87993404b5d35.txt": [
        "Home Latest News", "by Newsweek Pakistan", "File photo", "Related Articles", "Leave a Comment",
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_METADATA))
def test_seed_metadata(name: str) -> None:
    article = read_article(SEEDS / name)
    assert article.name == name
    for field_name, expected in SEED_METADATA[name].items():
        assert getattr(article, field_name) == expected, field_name
    for field_name, expected in SEED_METADATA[name].items():
        if expected is not None and field_name != "title":
            assert article.metadata_evidence.get(field_name), f"no evidence recorded for {field_name}"


@pytest.mark.parametrize("name", sorted(SEED_DROPPED))
def test_seed_noise_is_gone_and_every_story_line_survives(name: str) -> None:
    raw_lines = [squash(line) for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    article = read_article(SEEDS / name)
    text = squash(article.text)
    title = SEED_METADATA[name]["title"]
    dropped = SEED_DROPPED[name]
    assert all(any(line.startswith(squash(d)) for line in raw_lines) for d in dropped), "fixture is stale"

    paragraphs = [squash(p) for p in article.paragraphs()]
    story = [line for line in raw_lines if line != title and not any(line.startswith(squash(d)) for d in dropped)]
    assert story, "a seed without story lines"
    for line in story:
        # a short line (a subheading) must stay a paragraph of its own; a long one may be joined to another
        assert line in paragraphs if len(line) < 40 else line in text, f"story line lost: {line[:70]}"
    for line in raw_lines:
        if line not in story:
            assert line not in paragraphs if len(line) < 40 else line not in text, f"noise kept: {line[:70]}"
    # the headline is metadata, not the first paragraph
    assert article.paragraphs()[0] != title
    assert "<u>" not in article.text and "**" not in article.text


def test_seed_sentence_split_over_two_lines_is_joined() -> None:
    article = read_article(SEEDS / "001_881ca8b7d5587ec1.txt")
    assert (
        '"The meeting was a continuation of talks aimed at improving military leadership communication between '
        "the two nations for the purposes of risk reduction and operational de-confliction,\" said Colonel Dave Butler"
    ) in article.paragraphs()[2]


def test_seed_dateline_is_removed_from_the_text() -> None:
    article = read_article(SEEDS / "002_3b4f6a8934f4a5ee.txt")
    assert "ISLAMABAD" not in article.text
    assert article.metadata_evidence["dateline"] == "ISLAMABAD:"


def test_seed_quotes_stay_curly() -> None:
    article = read_article(SEEDS / "004_8bf87993404b5d35.txt")
    assert "mutual goals of “security and stability”" in article.text


# --- encodings ------------------------------------------------------------------------------------------

STORY = "Talks in Vienna\n\nThe generals met on “neutral ground” at the Café Landtmann, officials said on Monday.\n"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(STORY.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + STORY.encode("utf-8"), id="utf-8-bom"),
        pytest.param(STORY.encode("utf-16"), id="utf-16-bom"),
        pytest.param(b"\xfe\xff" + STORY.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(b"\xff\xfe" + STORY.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(STORY.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(STORY.encode("cp1252"), id="cp1252"),
        pytest.param(STORY.replace("\n", "\r\n").encode("cp1252"), id="cp1252-crlf"),
        pytest.param(STORY.replace("\n", "\r").encode("utf-8"), id="cr"),
    ],
)
def test_decode_article_bytes_gives_the_same_text(raw: bytes) -> None:
    assert decode_article_bytes(raw) == STORY


def test_decode_keeps_central_european_legacy_text() -> None:
    text = "Zażółć gęślą jaźń. Polska wiadomość z Warszawy dziś rano, powiedział rzecznik.\n"
    assert decode_article_bytes(text.encode("cp1250")) == text


def test_decode_normalises_spaces_and_strips_markup_remnants() -> None:
    raw = "By <u>AFP</u>\r\n\r\nALSO READ\xa0Other story\r\n\r\nIt was **very** <b>quiet</b> &amp; calm.".encode()
    assert decode_article_bytes(raw) == "By AFP\n\nALSO READ Other story\n\nIt was very quiet & calm."
    # Markdown and HTML keep their markup for their own parsers
    assert "**very**" in decode_article_bytes(raw, "markdown")


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_read_article_in_other_encodings_equals_utf8(tmp_path: Path, encoding: str) -> None:
    seed = (SEEDS / "004_8bf87993404b5d35.txt").read_text(encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_bytes(seed.replace("\n", "\r\n").encode(encoding))
    article = read_article(path)
    expected = read_article(SEEDS / "004_8bf87993404b5d35.txt")
    assert (article.text, article.title, article.outlet) == (expected.text, expected.title, expected.outlet)
    assert article.name == "story.txt"


# --- plain text metadata ------------------------------------------------------------------------------


def test_plain_text_reuters_dateline_byline_and_end_url() -> None:
    text = (
        "Ministers agree on grain corridor\n\n"
        "By Jane Doe, Reuters\n\n"
        "Published: Mar 3, 2023, 10:15 AM GMT | Updated: Mar 4, 2023\n\n"
        "ANKARA (Reuters) - Turkish and Ukrainian ministers agreed on Friday to extend the grain corridor, "
        "officials said after talks that lasted into the night.\n\n"
        "The agreement runs for another 120 days, according to a statement issued in Ankara.\n\n"
        "Reporting by Jane Doe; Editing by John Roe\n\n"
        "https://www.reuters.com/world/ministers-agree-grain-corridor-2023-03-03/\n"
    )
    article = parse_article_text(text, "grain.txt", "text")
    assert article.title == "Ministers agree on grain corridor"
    assert article.author == "Jane Doe"
    assert article.agency == "Reuters"
    assert article.outlet == "Reuters"
    assert article.published == PartialDate(2023, 3, 3)
    assert article.dateline == "Ankara"
    assert article.url == "https://www.reuters.com/world/ministers-agree-grain-corridor-2023-03-03/"
    assert article.paragraphs()[0].startswith("Turkish and Ukrainian ministers agreed on Friday")
    assert "Reporting by" not in article.text and "Published" not in article.text


def test_dateline_date_without_a_year_is_only_a_hint() -> None:
    text = (
        "Generals meet in Helsinki\n\n"
        "HELSINKI, Sept 22 (AFP) - The top US and Russian generals met in the Finnish capital on Wednesday, "
        "the Pentagon said.\n"
    )
    article = parse_article_text(text, "x.txt", "text")
    assert article.published is None
    assert article.dateline == "Helsinki"
    assert article.agency == "AFP"
    assert article.metadata_evidence["dateline_date"] == "Sept 22"
    assert article.text.startswith("The top US and Russian generals met")


def test_dateline_with_a_year_dates_the_story() -> None:
    text = "KABUL, Aug 15, 2021 (AP) — The Taliban entered the Afghan capital on Sunday, officials said.\n"
    article = parse_article_text(text, "x.txt", "text")
    assert article.published == PartialDate(2021, 8, 15)
    assert article.dateline == "Kabul"


def test_a_date_inside_a_story_sentence_is_not_the_publication_date() -> None:
    text = (
        "Talks resume\n\n"
        "On September 20, 2021, the two ministers met again in Geneva, officials said in a statement.\n\n"
        "September 22, 2021 was set as the deadline for a reply, the statement added.\n"
    )
    article = parse_article_text(text, "x.txt", "text")
    assert article.published is None
    assert "September 22, 2021 was set as the deadline" in article.text


def test_url_date_gives_the_publication_date() -> None:
    text = "Talks resume in Geneva as ministers meet again, officials said.\n\nhttps://example.org/news/2022/12/15/talks\n"
    article = parse_article_text(text, "x.txt", "text")
    assert article.published == PartialDate(2022, 12, 15)
    assert article.outlet == "example.org"
    assert article.title is None  # the first line is a sentence of the story, not a headline


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The generals met in Vienna on Monday for their first talks in three\n"
        "years, officials on both sides said in separate statements issued\n"
        "late in the evening.\n\n"
        "Neither side gave details.\n"
    )
    article = parse_article_text(text, "x.txt", "text")
    assert article.paragraphs()[0] == (
        "The generals met in Vienna on Monday for their first talks in three years, officials on both sides "
        "said in separate statements issued late in the evening."
    )


@pytest.mark.parametrize(
    "line",
    [
        "ALSO READ: Pakistan, China sign trade deal",
        "Related: Border clashes leave two dead",
        "Read more: What the talks mean for the region",
        "Read Taliban name new cabinet in Kabul",
        "Load Next Story",
        "Leave a Comment",
        "Sign up for our daily newsletter",
        "Enter a valid email address",
        "* Thank you for subscribing to our newsletter.",
        "Download our app for the latest news!",
        "This story has not been edited by our staff and is auto-generated from a syndicated feed.",
        "This story was posted from a feed with no text editing",
        "File photo",
        "Soldiers patrol the border near Chaman. (Photo: AFP)",
        "Prime Minister Sharif (L) and President Biden (R). Photo: PMO/Twitter",
        "Share this article",
        "Follow us on Twitter",
        "© 2023 The Daily Ledger. All rights reserved.",
        "Advertisement",
        "Facebook Twitter WhatsApp Email",
    ],
)
def test_noise_lines(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said readers of the newsletter had asked about the talks, which resumed on Tuesday.",
        "Reading the statement aloud, the spokesman said the meeting had been productive.",
        "The photo, released by the army on Monday, showed the two generals shaking hands in Rawalpindi.",
        "Safe havens",
        "Related talks are expected next month in Doha, diplomats said.",
        "Advertisements for the rally appeared across Lahore on Sunday, police said.",
    ],
)
def test_story_lines_are_not_noise(line: str) -> None:
    assert not is_noise_line(line)


# --- metadata detectors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author", "agency", "outlet"),
    [
        ("By John Smith", "John Smith", None, None),
        ("By AFP", None, "AFP", None),
        ("by Newsweek Pakistan", None, None, "Newsweek Pakistan"),
        ("By Jane Doe | Associated Press", "Jane Doe", "AP", None),
        ("By Ali Khan and Sara Ahmed", "Ali Khan and Sara Ahmed", None, None),
        ("By Our Correspondent", None, None, None),
    ],
)
def test_parse_byline(line: str, author: str | None, agency: str | None, outlet: str | None) -> None:
    byline = parse_byline(line)
    if (author, agency, outlet) == (None, None, None):
        assert byline is None
    else:
        assert byline is not None
        assert (byline.author, byline.agency, byline.outlet) == (author, agency, outlet)


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    assert parse_byline("By the end of the week, the talks had collapsed.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 22, 2021", PartialDate(2021, 9, 22)),
        ("22 September 2021", PartialDate(2021, 9, 22)),
        ("Sep 22, 2021", PartialDate(2021, 9, 22)),
        ("2021-09-22", PartialDate(2021, 9, 22)),
        ("Wednesday, September 22, 2021 10:30 AM PKT", PartialDate(2021, 9, 22)),
        ("Published: Sep 22, 2021, Updated: Sep 23, 2021", PartialDate(2021, 9, 22)),
        ("Updated: Sep 23, 2021 | Published: Sep 22, 2021", PartialDate(2021, 9, 22)),
        ("The talks were held on September 22, 2021 in Helsinki.", None),
        ("September 2021", None),
        ("February 30, 2021", None),
    ],
)
def test_parse_date_line(line: str, expected: PartialDate | None) -> None:
    assert parse_date_line(line) == expected


def test_date_and_outlet_from_url() -> None:
    assert date_from_url("https://www.themoscowtimes.com/2021/09/22/slug-a75118") == PartialDate(2021, 9, 22)
    assert date_from_url("https://example.com/2021/09/slug") == PartialDate(2021, 9)
    assert date_from_url("https://example.com/news/slug-20210922") is None
    assert outlet_from_url("https://www.themoscowtimes.com/2021/09/22/x") == "The Moscow Times"
    assert outlet_from_url("https://edition.cnn.com/x") == "CNN"
    assert outlet_from_url("https://www.unknown-paper.example/x") == "unknown-paper.example"
    assert outlet_from_url("ftp://example.com/x") is None


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("ISLAMABAD: The army chief met the visiting general.", "Islamabad"),
        ("WASHINGTON (Reuters) - The Pentagon said on Monday ...", "Washington"),
        ("NEW YORK — The council met on Friday.", "New York"),
        ("ISPR: The meeting was held at GHQ.", None),
        ("New Delhi: The ministers met on Monday.", "New Delhi"),
        ("Note: The ministers met on Monday.", None),
        ("MIRANSHAH: Militants attacked a checkpost.", "Miranshah"),
        ("SUMMARY: Militants attacked a checkpost.", None),
        ("REUTERS: Militants attacked a checkpost.", None),
        ("BREAKING: Talks collapse in Doha.", None),
        ("The army chief met the visiting general.", None),
    ],
)
def test_find_dateline(paragraph: str, place: str | None) -> None:
    dateline = find_dateline(paragraph)
    assert (dateline.place if dateline else None) == place


# --- Markdown -----------------------------------------------------------------------------------------

MARKDOWN = """---
title: Generals meet in Vienna
outlet: The Daily Ledger
url: https://dailyledger.example/world/generals-vienna
published: 2023-03-14
author: Jane Porter
tags: [world, defence]
---
# A headline the front matter overrides

By AFP

March 20, 2023

The army chiefs met in Vienna on Monday, [the ministry said](https://mod.example/statement) in a
**statement**, for their first talks in three years.

![The generals shake hands](handshake.jpg)

- Neither side gave details of any agreement reached during the talks in Vienna.

ALSO READ: [Border clashes leave two dead](https://dailyledger.example/b)
"""


def test_markdown_front_matter_wins_and_is_recorded() -> None:
    article = parse_article_text(MARKDOWN, "vienna.md", "markdown")
    assert article.title == "Generals meet in Vienna"
    assert article.outlet == "The Daily Ledger"
    assert article.url == "https://dailyledger.example/world/generals-vienna"
    assert article.published == PartialDate(2023, 3, 14)
    assert article.author == "Jane Porter"
    for key in ("title", "outlet", "url", "published", "author"):
        assert article.metadata_evidence[key] == "front matter"
    assert article.source_format == "markdown"
    assert article.paragraphs() == [
        "The army chiefs met in Vienna on Monday, the ministry said in a statement, for their first talks in three years.",
        "Neither side gave details of any agreement reached during the talks in Vienna.",
    ]


def test_markdown_without_front_matter_reads_like_text() -> None:
    body = MARKDOWN.split("---\n", 2)[2]
    article = parse_article_text(body, "vienna.md", "markdown")
    assert article.title == "A headline the front matter overrides"
    assert article.published == PartialDate(2023, 3, 20)
    assert article.author == "AFP" and article.outlet == "AFP"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: Talks\nurl: [unclosed\n---\nThe generals met in Vienna on Monday, officials said.\n", 4,
         "front matter: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts "
         "at line 3"),
        ("---\ntitle: Talks\n\nThe generals met in Vienna on Monday, officials said.\n", 1, "never closed"),
        ("---\ntitle: Talks\npublished: sometime soon\n---\nThe generals met in Vienna on Monday, officials said.\n",
         3, "is not a date"),
        ("---\ntitle: Talks\nurl: dailyledger.example/x\n---\nThe generals met in Vienna on Monday, officials said.\n",
         3, "must start with http"),
    ],
)
def test_bad_front_matter_names_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert isinstance(caught.value, ContentError)
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(path), line)
    assert message in problem.message
    assert f"{path}:{line}" in str(caught.value)


# --- HTML ---------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Generals meet in Vienna | The Daily Ledger</title>
<meta property="og:title" content="Army chiefs of two rival states meet in Vienna">
<meta property="og:site_name" content="The Daily Ledger">
<link rel="canonical" href="https://www.dailyledger.example/world/army-chiefs-meet-vienna">
PUBLISHED_META
<meta name="author" content="Jane Porter">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="logo">The Daily Ledger</div></header>
<main>
<article>
<h1>Army chiefs of two rival states meet in Vienna</h1>
<p class="byline">By Jane Porter</p>
<p>VIENNA (Reuters) - The army chiefs of two long-time rivals met in Vienna on Monday for their first talks
in three years, officials on both sides said in separate statements.</p>
<p>The meeting, held at a hotel near the city centre, lasted about four hours and focused on reducing the risk
of accidental clashes along the disputed border, the statements said.</p>
<figure><img src="x.jpg" alt="The two generals shake hands"><figcaption>The two generals shake hands before the
talks. Photo: Ministry of Defence</figcaption></figure>
<p>Neither side gave details of any agreement. A spokesperson said the two men agreed to meet again on June 2, 2023
and to keep a telephone line open between their staffs.</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Border clashes leave two dead</a></li>
<li><a href="/b">Talks stall over prisoner swap</a></li></ul></aside>
<p>Diplomats said the talks were the most senior contact between the two militaries since a clash in 2020
killed 12 soldiers.</p>
<div class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the day's top stories in your inbox.
Subscribe to the Daily Ledger newsletter.</p><form><input type="email" placeholder="Enter your email">
<button>Subscribe</button></form></div>
</article>
</main>
<footer><p>© 2023 The Daily Ledger. All rights reserved.</p><p>Follow us on Twitter</p></footer>
</body>
</html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("reading an article must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_html_page_through_trafilatura(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "vienna.html"
    html = PAGE.replace(
        "PUBLISHED_META", '<meta property="article:published_time" content="2023-03-14T09:30:00+00:00">'
    )
    path.write_text(html, encoding="utf-8")
    article = read_article(path, "world/vienna.html")
    assert article.name == "world/vienna.html"
    assert article.source_format == "html"
    assert article.title == "Army chiefs of two rival states meet in Vienna"
    assert article.url == "https://www.dailyledger.example/world/army-chiefs-meet-vienna"
    assert article.published == PartialDate(2023, 3, 14)
    assert article.author == "Jane Porter"
    assert article.outlet == "The Daily Ledger (Reuters)"
    assert article.dateline == "Vienna"
    paragraphs = [squash(p) for p in article.paragraphs()]
    assert paragraphs[0].startswith("The army chiefs of two long-time rivals met in Vienna on Monday")
    assert any(p.startswith("Diplomats said the talks were the most senior contact") for p in paragraphs)
    for noise in ("Sport", "Border clashes leave two dead", "newsletter", "Enter your email", "All rights reserved",
                  "Follow us", "Photo: Ministry of Defence"):
        assert noise not in article.text


def test_html_without_a_stated_date_has_no_date(no_network: None) -> None:
    article = parse_article_text(PAGE.replace("PUBLISHED_META", ""), "vienna.html", "html")
    assert article.published is None  # not today, and not "June 2, 2023" from a sentence
    assert "published" not in article.metadata_evidence


# --- files that are not articles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n \t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document"),
        (bytes(range(256)) * 4, "binary data"),
        (b"ALSO READ: Talks collapse in Doha\n\nhttps://example.com/news/x\n", "no article text found"),
    ],
)
def test_unreadable_files_raise_article_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"error: {path}")


def test_oversized_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse file: nothing is really written
        handle.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(ArticleError, match=r"over the 10 MB limit"):
        read_article(path)


# --- pasted pages in other outlets' styles (not seeds) --------------------------------------------------

AP_STYLE = """Skip to main content
Menu
World
Politics

US, Russia military chiefs hold rare talks in Finland

By LOLITA C. BALDOR
Updated 4:12 PM GMT, September 22, 2021
Share
Copy Link

HELSINKI (AP) — The top U.S. and Russian generals met for about six hours in Finland on Wednesday, as the U.S. works to reduce the risk of conflict between the two nations.

ADVERTISEMENT

U.S. officials have been searching for options in the region since the withdrawal, Col. Dave Butler said.

Associated Press writer Matthew Lee in Washington contributed to this report.

Copyright 2021 The Associated Press. All rights reserved. This material may not be published without permission.
"""

DAWN_STYLE = """Pakistan
COAS, Centcom chief discuss regional security in Rawalpindi meeting
Dawn.com | Naveed Siddiqui
Published July 31, 2023
Updated July 31, 2023 09:40pm

Army chief Gen Asim Munir meets Centcom commander Gen Michael Kurilla at GHQ on Monday. — Photo courtesy ISPR

RAWALPINDI: Chief of Army Staff General Asim Munir and US Central Command chief General Michael Erik Kurilla discussed the regional security situation on Monday, the military's media wing said.

Read: Centcom chief's visit signals thaw in ties

The visit was Gen Kurilla's second to Pakistan in seven months, the statement said.

Facebook Count
Twitter Share
0
Translate
"""

BBC_STYLE = """Milley and Gerasimov: Top US and Russian generals meet in Helsinki
22 September 2021
Image source, Reuters
Image caption,
Gen Milley has been chairman of the Joint Chiefs of Staff since 2019
By Jonathan Beale
Defence correspondent, BBC News

The most senior military officers of the US and Russia have met in Finland for talks.

Gen Mark Milley and Gen Valery Gerasimov held talks behind closed doors in Helsinki on Wednesday, the Pentagon said.

Related Topics
US armed forces
Russia
Finland
"""

GUARDIAN_STYLE = """---
title: "US and Russian generals meet in Helsinki"
url: https://www.theguardian.com/world/2021/sep/22/us-russia-generals-meet
---

The two generals met in Helsinki on Wednesday. Photograph: Evan Vucci/AP

The most senior [US](https://www.theguardian.com/us) and Russian military officers met in Helsinki on Wednesday for talks that lasted several hours, officials in Washington said.

Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST

Neither side gave details of what was discussed, but the meeting comes weeks after the US withdrawal.
"""


@pytest.mark.parametrize(
    ("text", "fmt", "expected", "paragraphs"),
    [
        pytest.param(
            AP_STYLE, "text",
            dict(title="US, Russia military chiefs hold rare talks in Finland", author="Lolita C. Baldor", agency="AP",
                 outlet="AP", dateline="Helsinki", published=PartialDate(2021, 9, 22)),
            ["The top U.S. and Russian generals met", "U.S. officials have been searching"],
            id="ap",
        ),
        pytest.param(
            DAWN_STYLE, "text",
            dict(title="COAS, Centcom chief discuss regional security in Rawalpindi meeting", author="Naveed Siddiqui",
                 outlet="Dawn", dateline="Rawalpindi", published=PartialDate(2023, 7, 31)),
            ["Chief of Army Staff General Asim Munir", "The visit was Gen Kurilla's second"],
            id="dawn",
        ),
        pytest.param(
            BBC_STYLE, "text",
            dict(title="Milley and Gerasimov: Top US and Russian generals meet in Helsinki", author="Jonathan Beale",
                 outlet="BBC News", published=PartialDate(2021, 9, 22)),
            ["The most senior military officers", "Gen Mark Milley and Gen Valery Gerasimov held talks"],
            id="bbc",
        ),
        pytest.param(
            GUARDIAN_STYLE, "markdown",
            dict(title="US and Russian generals meet in Helsinki", outlet="The Guardian",
                 published=PartialDate(2021, 9, 22)),
            ["The most senior US and Russian military officers", "Neither side gave details"],
            id="guardian-markdown",
        ),
    ],
)
def test_other_outlet_styles(text: str, fmt: str, expected: dict, paragraphs: list[str]) -> None:
    article = parse_article_text(text, "story", fmt)
    for field_name, value in expected.items():
        assert getattr(article, field_name) == value, field_name
    got = article.paragraphs()
    assert len(got) == len(paragraphs), got
    for paragraph, start in zip(got, paragraphs, strict=True):
        assert paragraph.startswith(start)


def test_html_fragment_and_html_saved_as_text(tmp_path: Path, no_network: None) -> None:
    fragment = "<h1>Talks in Doha</h1><p>DOHA: The ministers met on Monday for talks on trade, officials said.</p>"
    article = parse_article_text(fragment, "doha.html", "html")
    assert (article.title, article.dateline, article.paragraphs()) == (
        "Talks in Doha", "Doha", ["The ministers met on Monday for talks on trade, officials said."]
    )
    path = tmp_path / "saved.txt"
    path.write_text(PAGE.replace("PUBLISHED_META", ""), encoding="utf-8")
    assert read_article(path).source_format == "html"


def test_front_matter_other_tools_names() -> None:
    text = (
        "---\nheadline: Talks in Doha\npublisher: Gulf Daily\ndate: 2024-01-05\nlink: https://gulf.example/x\n---\n"
        "The ministers met on Monday for talks on trade, officials said.\n"
    )
    article = parse_article_text(text, "doha.md", "markdown")
    assert (article.title, article.outlet, article.published, article.url) == (
        "Talks in Doha", "Gulf Daily", PartialDate(2024, 1, 5), "https://gulf.example/x"
    )


def test_an_embedded_link_is_not_the_article_url() -> None:
    text = (
        "Talks held\n\nThe ministers met on Monday, officials said in a long statement.\n\n"
        "https://example.com/news/2023/01/02/other-story\n\n"
        "They will meet again next week, the statement said.\n\nhttps://twitter.com/someone/status/1\n"
    )
    article = parse_article_text(text, "x.txt", "text")
    assert (article.url, article.outlet, article.published) == (None, None, None)
    assert "https://" not in article.text


def test_newsletter_and_copyright_lines_name_the_publisher_only_when_they_can() -> None:
    story = "Talks held\n\nThe ministers met on Monday, officials said in a long statement.\n\n"
    assert parse_article_text(story + "Sign up for the Morning Briefing newsletter\n", "x", "text").outlet is None
    assert parse_article_text(story + "Subscribe to the Gulf Daily newsletter\n", "x", "text").outlet == "Gulf Daily"
    assert parse_article_text(story + "© 2024 Gulf Daily. All rights reserved.\n", "x", "text").outlet == "Gulf Daily"


def test_a_folder_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="cannot read the file"):
        read_article(tmp_path)


def test_a_photo_page_whose_only_text_is_its_caption_is_read_from_the_caption() -> None:
    page = ("Ministers open the new bridge\n\n"
            "Kenya's Transport Minister Jane Wambui and Uganda's Works Minister Peter Okello open the Busia bridge "
            "on the border, March 3, 2024. Jane Doe/Pool via REUTERS\n")
    article = parse_article_text(page, "photo.txt", "text")
    assert article.title == "Ministers open the new bridge"
    assert article.paragraphs() == [page.split("\n\n")[1].strip()]


def test_a_caption_beside_the_story_stays_out_of_the_text() -> None:
    caption = "Minister Jane Wambui (L) and Minister Peter Okello (R) at the bridge. Photo: Jane Doe/AFP"
    story = "NAIROBI: The two ministers opened the Busia bridge on Sunday, officials said."
    article = parse_article_text(f"Ministers open the new bridge\n\n{caption}\n\n{story}\n", "story.txt", "text")
    assert caption not in article.text
    assert "opened the Busia bridge" in article.text


def test_a_copied_name_tooltip_reads_as_the_name_and_its_office():
    text = "Ali Demir gave his greetings to Omar Khan Khan OmarPresident of Freedonia during the call."
    assert clean_inline_markup(text) == ("Ali Demir gave his greetings to Omar Khan, President of Freedonia during "
                                         "the call.")
    assert clean_inline_markup("Khan Khan met Ali Demir.") == "Khan Khan met Ali Demir."
