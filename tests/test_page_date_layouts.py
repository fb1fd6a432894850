"""Publication dates in page layouts the header rules once missed: a date line pushed down by menus and share
buttons, labels of the page's own before the date, counters and credits beside it, footers crediting the paper,
and addresses that drop the leading zeros (issue 15, point 1).

Each page is written for this test, in the shape real news pages take.
"""

from __future__ import annotations

import pytest

from timeline.extract.page_dates import date_from_url, parse_date_line
from timeline.extract.reading import parse_article_text
from timeline.partial_date import PartialDate

HEADLINE = "Ministers meet in New Delhi to boost trade ties"
STANDFIRST = ("The two ministers agreed to deepen defence and trade ties at a meeting in the Indian capital that "
              "lasted for more than three hours.")
CAPTION = ("Foreign Minister Jane Roe, left, shakes hands with her Indian counterpart John Doe before their talks "
           "in New Delhi. (Photo: Ministry of External Affairs)")
LEAD = ("Foreign Minister Jane Roe met her Indian counterpart John Doe in New Delhi on Tuesday to discuss trade "
        "and security ties, the ministry said.")
MORE = ("The two ministers agreed to set up a working group on supply chains and to meet again before the end of "
        "the year, officials said.")
MENU = "\n\n".join(["Home", "World", "Politics", "Business", "Sport", "Opinion", "Videos", "Podcasts", "Subscribe"])


def published(text: str) -> str | None:
    article = parse_article_text(text, "page.txt", "text")
    return article.published.iso() if article.published else None


def test_a_date_line_under_a_standfirst_and_a_caption_below_a_long_menu_dates_the_page():
    page = f"{MENU}\n\n{HEADLINE}\n\n{STANDFIRST}\n\n{CAPTION}\n\nBy Sam Ward\n\nMarch 14, 2023\n\n{LEAD}\n\n{MORE}\n"
    assert published(page) == "2023-03-14"


def test_share_buttons_between_the_headline_and_the_date_line_do_not_hide_it():
    share = "\n\n".join(["Share this article", "Facebook", "Twitter", "WhatsApp", "Email"])
    page = f"{HEADLINE}\n\n{STANDFIRST}\n\n{share}\n\nPublished March 14, 2023\n\n{LEAD}\n\n{MORE}\n"
    assert published(page) == "2023-03-14"


def test_a_date_line_deep_inside_the_story_is_not_the_page_date():
    third = "Trade between the two countries has doubled in five years, and both sides expect it to grow further."
    page = f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\n{third}\n\nMarch 1, 2019\n\n{MORE}\n"
    assert published(page) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Print edition : March 14, 2023", "2023-03-14"),
        ("Date of publication: 14 March 2023", "2023-03-14"),
        ("Release Date: March 14, 2023", "2023-03-14"),
        ("Posted in World | March 14, 2023 | 0 comments", "2023-03-14"),
        ("Sam Ward | March 14, 2023 | Photo: AFP", "2023-03-14"),
        ("14 Mar 2023 · 1,204 views", "2023-03-14"),
        # "Last update" as a label, singular: the first publication before it still wins
        ("Tue Mar 14, 2023 10:32 AM Last update on: Wed Mar 15, 2023 11:00 AM", "2023-03-14"),
        # credits after the date, with or without bars, and bars without spaces
        ("March 14, 2023 Source: Xinhua Editor: Li Wei", "2023-03-14"),
        ("Source: Xinhua| 2023-03-14 10:32:00|Editor: Li Wei", "2023-03-14"),
        # breadcrumbs before the date, and the same day in the Islamic calendar after it
        ("Home » World » March 14, 2023", "2023-03-14"),
        ("Tuesday, 14 March 2023 | 22 Shaaban 1444", "2023-03-14"),
        ("Wednesday 15 March 2023 / 23 Sha'ban 1444 AH", "2023-03-15"),
        # pages printing their dates in German, Italian, Dutch, Indonesian or Turkish, weekday and all
        ("Dienstag, 14. März 2023, 10:32 Uhr", "2023-03-14"),
        ("martedì 14 marzo 2023", "2023-03-14"),
        ("14 maart 2023", "2023-03-14"),
        ("Kamis, 16 Maret 2023 | 10:32 WIB", "2023-03-16"),
        ("Çarşamba, 15 Mart 2023", "2023-03-15"),
        # footers that credit the paper
        ("Published in The Daily Times, March 14th, 2023", "2023-03-14"),
        ("This article was first published on March 14, 2023.", "2023-03-14"),
        # a label naming another date is not the page's
        ("Deadline: March 14, 2023", None),
        ("Event date: March 14, 2023", None),
        # a sentence is never a date line
        ("The ministers met on March 14, 2023 to sign the deal", None),
    ],
)
def test_date_lines_with_labels_of_the_page_own(line: str, expected: str | None):
    date = parse_date_line(line)
    assert (date.iso() if date else None) == expected


def test_a_footer_crediting_the_paper_dates_a_page_with_no_header_date():
    page = f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\nPublished in The Daily Times, March 14th, 2023\n"
    assert published(page) == "2023-03-14"


def test_a_url_without_leading_zeros_gives_the_day():
    assert date_from_url("https://example.com/news/2023/3/14/ministers-meet") == PartialDate(2023, 3, 14)
    assert date_from_url("https://example.com/news/2023/3/ministers-meet") is None  # a month alone, no day: not read
    page = f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\nSource: https://example.com/world/2023/3/7/ministers-meet\n"
    assert published(page) == "2023-03-07"


@pytest.mark.parametrize("line, expected", [
    ("January 10, 2022 Jane Roe", "2022-01-10"),  # a byline run onto the date line, with no "By" and no bar
    ("14 March 2023 Gulf Herald", "2023-03-14"),
    ("3m agoMon 6 Oct 2025 at 1:40am", "2025-10-06"),  # a live entry's age glued to its stamp
    ("12h ago | Tue 14 Mar 2023", "2023-03-14"),
    ("The talks ended May 5, 2023 Officials Said", None),  # words before the date: a sentence
    ("May 5, 2023 the talks ended", None),  # lower-case words after it: a sentence
])
def test_a_name_after_the_date_or_an_age_before_it_leaves_a_date_line(line: str, expected: str | None):
    date = parse_date_line(line)
    assert (date.iso() if date else None) == expected
