"""The publication date a page states, in every common style, each rule on a small inline page (issue 15, point 1).

The date anchors every relative date of the story ("on Thursday"), so each style is tested where a user meets
it: the article read from text or HTML, and `timeline extract` on a temporary folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extract.page_dates import date_from_url, day_first_convention, parse_date_line
from timeline.extract.reading import parse_article_text
from timeline.partial_date import PartialDate

LEAD = "The defence ministers of the two countries met in the capital on Thursday to discuss border security."
MORE = "They agreed to meet again in the spring to review progress, officials said in a statement."


def read(text: str, fmt: str = "text"):  # type: ignore[no-untyped-def]
    return parse_article_text(text, "a.html" if fmt == "html" else "a.txt", fmt)


# --- a stamp opening the page ------------------------------------------------------------------------------


def test_a_store_stamp_opening_the_page_dates_it_and_the_rest_of_its_line_stays_story_text():
    article = read(f" date 2022-11-24 {LEAD}\n\n{MORE}\n")
    assert article.published == PartialDate(2022, 11, 24)
    assert article.metadata_evidence["published"] == "date 2022-11-24"
    assert article.paragraphs() == [LEAD, MORE]


def test_a_stamp_before_the_headline_leaves_the_headline():
    article = read(f" date 2024-05-28 Ministers meet on border security\n\n{LEAD}\n\n{MORE}\n")
    assert article.published == PartialDate(2024, 5, 28)
    assert article.title == "Ministers meet on border security"
    assert article.paragraphs()[0] == LEAD


def test_a_date_stamp_inside_the_story_is_story_text():
    article = read(f"Defence ministers meet on border security\n\n{LEAD}\n\nThe record shows date 2022-11-24 as the day of the vote, officials said.\n")
    assert article.published is None


# --- date lines in the header and under the story ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the date in any order, abbreviated or full month names, ordinals, weekday prefixes
        ("21st January, 2022", "2022-01-21"),
        ("Wednesday, 7th September 2022", "2022-09-07"),
        ("SUNDAY, FEBRUARY 19, 2017", "2017-02-19"),
        ("Sun 19 Feb 2017", "2017-02-19"),
        ("February 14th, 2023", "2023-02-14"),
        ("Feb 14 2023 10:30AM", "2023-02-14"),
        # times with zones and offsets
        ("Published : March 6, 2026 at 9:25 PM IST", "2026-03-06"),
        ("Published: Monday, 14th February 2023 10:30 AM (PKT)", "2023-02-14"),
        ("Feb. 14, 2023 10:30 a.m. ET", "2023-02-14"),
        ("Updated: 14 Feb 2023, 10:30 AM UTC+05:30", "2023-02-14"),
        ("Published 14.02.2023, 10:30 UTC +5:30", "2023-02-14"),
        ("Tue, 14 Feb 2023 10:30:00 +0500", "2023-02-14"),
        ("2023-02-14T10:30:00+05:00", "2023-02-14"),
        ("14-02-2023 10:30 GMT+5", "2023-02-14"),
        # numeric dates: month first or day first when one number cannot be a month, two-digit years
        ("02/14/2023 10:30 ET", "2023-02-14"),
        ("14/02/23", "2023-02-14"),
        ("05.05.2023", "2023-05-05"),
        # a byline of several words, or an outlet's desk run into the label
        ("By Olga Petrenko, Kyiv Correspondent | March 9, 2023", "2023-03-09"),
        ("By Olga Petrenko and Tom Ward | March 9, 2023", "2023-03-09"),
        ("News Desk Published: 10:15 PM, 9 Mar, 2023", "2023-03-09"),
        ("• updated: Mar 9 2023, 23:23 ist", "2023-03-09"),  # a zone in lower case after a time
        ("Lima, Peru (AFP) March 9, 2023", "2023-03-09"),  # a wire's place and credit above the story
        # labels: the first publication wins over an update
        ("Last updated: 15 February 2023 | First published: 14 February 2023", "2023-02-14"),
        ("Updated February 15, 2023, First published February 14, 2023", "2023-02-14"),
        ("Last Updated : Mar 13 2026 | 2:49 PM IST", "2026-03-13"),
        # an agency or an outlet on the same line
        ("Reuters Feb 14, 2023 10:30 AM", "2023-02-14"),
        ("Press Trust of India | Updated: 14 February 2023 10:30 IST", "2023-02-14"),
        ("Posted On: 14 FEB 2023 10:30AM by Press Bureau Delhi", "2023-02-14"),
        ("Written by Jane Roe on March 16, 2023", "2023-03-16"),
        ("Created: March 16, 2023", "2023-03-16"),
        ("Issued on: 16/03/2023 - 12:52", "2023-03-16"),
        ("14-Feb-2023", "2023-02-14"),
        ("2023. 3. 16. 15:07", "2023-03-16"),
        ("Jane Roe / 16 March 2023", "2023-03-16"),
        ("March 16, 2023 12:52 pm | Updated 17 Mar", "2023-03-16"),
        ("The talks were hosted by Jordan on 5 May 2024", None),
        ("Feb 14, 2023 | 18 mins ago", "2023-02-14"),
        # a year after the comma with no space, a date line in square brackets, a byline run into the month
        ("By AB - May 16,2017 - Last updated at May 16,2017", "2017-05-16"),
        ("[March 29, 2025]", "2025-03-29"),
        ("By Jane RoeApr 05, 2025", "2025-04-05"),
        # not dates
        ("04/10/2023", None),  # April or October: the outlet's convention decides (see below)
        ("Published 10 seconds ago", None),
        ("This was published 1 year ago", None),
        ("The talks ended on 14 February 2023 in Geneva.", None),
        ("The talks Published March 9, 2023", None),
    ],
)
def test_date_lines(line: str, expected: str | None) -> None:
    date = parse_date_line(line)
    assert (date.iso() if date else None) == expected


def test_an_updated_line_gives_way_to_the_published_line_under_it():
    article = read(f"Defence ministers meet on border security\n\nUpdated: 15 February 2023 10:30 GMT\n\nPublished: 14 February 2023 09:00 GMT\n\n"
                   f"{LEAD}\n")
    assert article.published == PartialDate(2023, 2, 14)


def test_an_update_stamp_gives_way_to_the_first_publication_in_the_address():
    article = read(f"Defence ministers meet on border security\n\nUpdated 20 February 2023\n\n{LEAD}\n\n{MORE}\n\n"
                   "Source: https://news.example.org/2023/02/14/ministers-meet\n")
    assert article.published == PartialDate(2023, 2, 14)


def test_a_byline_and_the_date_on_one_line():
    article = read("Defence ministers meet on border security\n\nNaveed Siddiqui | Dawn.com Published August 17, 2022 Updated August 17, 2022 "
                   f"03:16pm\n\n{LEAD}\n")
    assert (article.published, article.author, article.outlet) == (PartialDate(2022, 8, 17), "Naveed Siddiqui", "Dawn")
    article = read(f"Defence ministers meet on border security\n\nBy Jane Doe Published January 21, 2022\n\n{LEAD}\n")
    assert (article.published, article.author) == (PartialDate(2022, 1, 21), "Jane Doe")


def test_relative_stamps_are_neither_dates_nor_story_text():
    article = read(f"Defence ministers meet on border security\n\n18 mins ago - World\n\nThis was published 1 year ago\n\n{LEAD}\n")
    assert article.published is None
    assert article.title == "Defence ministers meet on border security" and article.paragraphs() == [LEAD]


def test_a_live_entry_stamp_dates_a_page_that_gives_no_other_date_and_its_text_stays():
    entry = "The foreign ministers of the three countries asked for more help, officials said."
    article = read("Talks in the ticker\n\nReading tip: more news in our ticker.\n\n"
                   f"Saturday, January 21, 2023, 1:13 p.m.: {entry}\n\n{MORE}\n")
    assert article.published == PartialDate(2023, 1, 21)
    assert entry in article.paragraphs()


def test_a_date_written_in_a_story_sentence_is_never_the_publication_date():
    article = read("Talks resume\n\nOn 21st January, 2022, the two ministers met again in Geneva, officials said.\n\n"
                   "Jan 21, 2022 - the day of the talks - was also the deadline set for a reply, the statement added.\n\n"
                   "In a statement on Saturday, January 22, 2022, 10:00: the ministry gave no details of the talks.\n")
    assert article.published is None


# --- numeric dates: the outlet's convention or the page's other dates ---------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.dawn.example.pk/news/talks", "2023-11-07"),  # Pakistan writes the day first
        ("https://www.defense.gov/News/Releases/talks/", "2023-07-11"),  # the U.S. government, month first
        ("https://news.example.com/talks", None),  # .com says nothing: flagged, not guessed
    ],
)
def test_an_ambiguous_numeric_date_is_read_by_the_outlets_convention(url: str, expected: str | None) -> None:
    article = read(f"Defence ministers meet on border security\n\n07/11/2023 10:30\n\n{LEAD}\n\nSource: {url}\n")
    assert (article.published.iso() if article.published else None) == expected
    if expected is None:
        assert article.metadata_evidence["published_ambiguous"] == "07/11/2023 10:30"
    assert day_first_convention(url) == {"2023-11-07": True, "2023-07-11": False, None: None}[expected]


def test_an_ambiguous_numeric_date_is_read_by_the_order_of_another_date_on_the_page():
    article = read(f"Defence ministers meet on border security\n\n07/11/2023 10:30\n\n{LEAD}\n\nThe last talks were held on 24/07/2023 in the same "
                   "city, the ministry said.\n\nSource: https://news.example.com/talks\n")
    assert article.published == PartialDate(2023, 11, 7)


# --- wire datelines with the date --------------------------------------------------------------------------


def test_a_wire_dateline_with_the_agency_and_the_date_in_brackets():
    article = read("GENEVA (UrduPoint News / Sputnik - 21st January, 2022) Russian Foreign Minister Sergei Lavrov said "
                   "on Friday that the meeting with his U.S. counterpart lasted an hour and a half.\n")
    assert article.published == PartialDate(2022, 1, 21)
    assert article.dateline == "Geneva"
    assert article.text.startswith("Russian Foreign Minister Sergei Lavrov said on Friday")


def test_a_dateline_with_place_date_and_agency_then_a_colon():
    article = read("Riyadh, 10 March 2023 (TDI): As a result of the talks hosted in Beijing, the two countries agreed "
                   "to restore diplomatic relations within two months.\n")
    assert (article.published, article.dateline, article.agency) == (PartialDate(2023, 3, 10), "Riyadh", "TDI")
    assert article.text.startswith("As a result of the talks")


def test_a_dateline_without_a_year_takes_it_from_the_address_when_the_page_states_it():
    lead = "ASTANA, November 21 – RIA Novosti. President Kassym-Jomart Tokayev won the early election, officials said."
    article = read(f"{lead}\n\nSource: https://news.example.org/world/2022/11/tokayev-wins\n")
    assert article.published == PartialDate(2022, 11, 21)
    assert (article.dateline, article.agency) == ("Astana", "RIA Novosti")
    assert article.text.startswith("President Kassym-Jomart Tokayev won")
    without_year = read(f"{lead}\n\nSource: https://news.example.org/world/tokayev-wins\n")
    assert without_year.published is None


def test_a_yearless_wire_dateline_in_brackets_takes_the_year_and_month_of_the_address():
    text = ("CAIRO, Aug 23 (KUNA) -- Egyptian President Abdel-Fattah Al-Sisi discussed the Gaza ceasefire talks with "
            "U.S. President Joe Biden in a phone call on Friday.\n\nSource: https://news.example.com/2024/08/sisi-biden\n")
    article = read(text)
    assert (article.published, article.dateline, article.agency) == (PartialDate(2024, 8, 23), "Cairo", "KUNA")
    other_month = read(text.replace("/2024/08/", "/2024/09/"))
    assert other_month.published == PartialDate(2024, 9)  # the dateline's day is not in the address's month


def test_a_yearless_wire_dateline_under_a_stamp_does_not_replace_the_stamp():
    article = read(" date 2024-08-24 CAIRO, Aug 23 (KUNA) -- Egyptian President Abdel-Fattah Al-Sisi discussed the "
                   "Gaza ceasefire talks with U.S. President Joe Biden in a phone call on Friday.\n")
    assert article.published == PartialDate(2024, 8, 24)
    assert article.dateline == "Cairo"


def test_a_syndicators_credit_opening_the_story_is_neither_headline_nor_text():
    article = read(" date 2024-08-24 (MENAFN- Kuwait News Agency (KUNA)) CAIRO, Aug 23 (KUNA) -- Egyptian President "
                   "Abdel-Fattah Al-Sisi discussed the Gaza ceasefire talks with U.S. President Joe Biden on Friday.\n")
    assert (article.dateline, article.agency, article.published) == ("Cairo", "KUNA", PartialDate(2024, 8, 24))
    assert article.text.startswith("Egyptian President Abdel-Fattah Al-Sisi discussed")
    article = read(f" date 2024-04-29 (MENAFN- Daily News Egypt)\n\n{LEAD}\n\n{MORE}\n")
    assert article.title is None and article.paragraphs() == [LEAD, MORE]


# --- dates in the page's address ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/world/2022/08/30/talks-end/", "2022-08-30"),
        ("https://www.example.com/2021/09/slug", "2021-09"),
        ("https://www.pressreader.example/usa/the-paper/20230318/281758453526093", "2023-03-18"),
        ("https://www.example.com.au/sport/first-test-day-two-20221218-p5c77t.html?ref=rss", "2022-12-18"),
        ("https://en.example.com.pk/17-Jul-2022/babar-smashes-ton", "2022-07-17"),
        ("https://www.example.com.pk/08-Apr-2024/balancing-act", "2024-04-08"),
        ("https://example.co.za/article/2022-09-07-the-world-has-changed/", "2022-09-07"),
        ("https://www.example.gov.tr/ministers-visit--22-aralik-2025--city.en", "2025-12-22"),  # any month name
        ("https://example.com/news/3-april-2024-summit-ends", "2024-04-03"),
        ("https://example.com/news/mayor-12-seats-2024", None),
        ("https://example.com/news/president-hails-call-seeks-relief202412011427310010", "2024-12-01"),
        ("https://example.com/news/slug-20210922", None),  # ending the path, as likely an article number
        ("https://example.com/news/2001510530/ruto-engages", None),  # an article number that is no date
        ("https://example.com/story?utm_content=20201027", None),  # the query is not the page's address
    ],
)
def test_dates_in_urls(url: str, expected: str | None) -> None:
    date = date_from_url(url)
    assert (date.iso() if date else None) == expected


def test_the_source_line_closing_a_stored_page_gives_its_date():
    article = read(f"Defence ministers meet on border security\n\n{LEAD}\n\n{MORE}\n\nSource: https://www.example.com.pk/08-Apr-2024/ministers-meet\n")
    assert article.published == PartialDate(2024, 4, 8)
    assert article.metadata_evidence["published"] == "https://www.example.com.pk/08-Apr-2024/ministers-meet"


# --- a page saved with its CMS data ------------------------------------------------------------------------


def test_a_cms_publication_property_dates_the_page_and_an_update_property_does_not():
    article = read('All Article Properties:\n{\n"status": "publish",\n"lastUpdate": "2022-09-08 11:09:46",\n'
                   '"firstPublished": "2022-09-07 22:50:05",\n"title": "Ministers meet"\n}\n\n' + LEAD + "\n")
    assert article.published == PartialDate(2022, 9, 7)
    assert article.metadata_evidence["published"] == '"firstPublished": "2022-09-07 22:50:05",'


# --- HTML: htmldate reads what the page states -------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministers meet - 07/11/2023</title>
{meta}</head><body><article><h1>Ministers meet</h1>
<div class="author">Jane Doe <time datetime="{stamp}">07/11/2023</time></div>
<p>{lead}</p><p>{more}</p><p>The next round is planned for June 2, 2024, the ministry said.</p></article></body></html>"""


def test_html_meta_date_beats_a_visible_date_whose_order_must_be_guessed():
    stamp = "2023-07-11T17:42:00.000Z"  # fractional seconds, as JavaScript writes timestamps
    html = PAGE.format(meta=f'<meta property="article:published_time" content="{stamp}">', stamp=stamp, lead=LEAD,
                       more=MORE)
    article = read(html, "html")
    assert article.published == PartialDate(2023, 7, 11)  # not 7 November, the day-first guess at "07/11/2023"
    assert "htmldate" in article.metadata_evidence["published"]


def test_html_first_publication_wins_over_the_modified_time():
    meta = ('<meta property="article:modified_time" content="2023-07-12T08:00:00+00:00">'
            '<meta property="article:published_time" content="2023-07-11T17:42:00+00:00">')
    article = read(PAGE.format(meta=meta, stamp="2023-07-11T17:42:00+00:00", lead=LEAD, more=MORE), "html")
    assert article.published == PartialDate(2023, 7, 11)


def test_html_without_a_stated_date_falls_back_to_the_text_rules():
    html = ("<html><body><article><h1>Ministers meet</h1><p>Published: 14 February 2023 10:30 GMT</p>"
            f"<p>{LEAD}</p><p>{MORE}</p></article></body></html>")
    assert read(html, "html").published == PartialDate(2023, 2, 14)


# --- end to end: `timeline extract` ------------------------------------------------------------------------


def test_extract_places_the_weekday_by_the_stamp_opening_the_page(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "story.txt"
    story.write_text(" date 2022-11-24 Pakistan’s Prime Minister Shehbaz Sharif Thursday named Lieutenant-General Asim "
                     "Munir as the new chief of the army, the information minister said on Twitter.\n\nThe new chief "
                     "will take over from General Qamar Javed Bajwa, who retires later this month.\n\n"
                     "Source: https://example.com/news/new-army-chief\n", encoding="utf-8")
    result = cli("-C", str(tmp_path), "extract", str(story), "--json")
    assert result.code == 0, result.err
    [event] = json.loads(result.out)
    assert event["sources"][0]["published"] == "2022-11-24"
    assert event["date"] == "2022-11-24"  # 24 November 2022 was a Thursday
    assert "date 2022-11-24" not in event["summary"]


def test_a_date_line_under_a_long_menu_and_a_standfirst_dates_the_page():
    menu = "\n".join(["Home", "World", "Business", "Sport", "Opinion", "Culture", "Travel", "Video", "Podcasts",
                      "Newsletters", "Subscribe", "Sign in", "Search"])
    article = read(f"{menu}\n\nDefence ministers meet on border security\n"
                   "The two ministers met as patrols along the border were stepped up, officials said.\n"
                   f"By Olga Petrenko\nMarch 9, 2023\n{LEAD}\n{MORE}\n")
    assert (article.title, article.author, article.published) == (
        "Defence ministers meet on border security", "Olga Petrenko", PartialDate(2023, 3, 9))
    assert article.genre is None  # "Opinion" in the menu says nothing of this page


def test_a_genre_label_alone_above_the_headline_still_marks_an_opinion_piece():
    article = read(f"Home\nOpinion\nWhy the border talks matter\nMarch 9, 2023\n{LEAD}\n{MORE}\n")
    assert article.genre is not None


@pytest.mark.parametrize(
    ("opening", "published", "place"),
    [
        ("KYIV (March 9, 2023) - ", "2023-03-09", "Kyiv"),
        ("Accra, Mar 9 (GNA) - ", None, "Accra"),
        ("Accra, 9 March - ", None, "Accra"),
        ("Islamabad [Pakistan], March 9 (ANI): ", None, "Islamabad"),
        ("KYIV, March 9, 2023 /PRNewswire/ -- ", "2023-03-09", "Kyiv"),
        ("KYIV, March 9, 2023 ", "2023-03-09", "Kyiv"),
    ],
)
def test_a_dateline_with_its_date_in_brackets_or_without_a_year_is_no_story_text(opening, published, place):
    sentence = "The two defence ministers held a telephone conversation on Wednesday about border security."
    article = read(f"Ministers talk\n\n{opening}{sentence}\n\n{MORE}\n")
    assert (article.published.iso() if article.published else None) == published
    assert article.dateline == place and article.paragraphs()[0] == sentence
