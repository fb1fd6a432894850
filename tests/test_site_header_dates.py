"""A site may print the day the page is viewed above its masthead ("Monday, December 23, 2024"), years after the
story it carries, whose own dateline gives the day it was filed ("October 6, 2022 (NAIROBI) –"). The story's own
date is the publication; the header line is kept as a contrary stamp, so a day word counted from either is
checked (issue 15, point 1, and the round 12 brief: "which wins?").

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

from timeline.extract.metadata import find_dateline
from timeline.extract.page_dates import parse_date_line

TALKS = "Zambia's President Hakainde Hichilema on Tuesday held talks with Malawi's President Lazarus Chakwera."
MORE = "The two leaders agreed to reopen the border post at Mchinji and to build a new power line."
SOURCE = "Source: https://news.example.org/article1234\n"


def test_a_date_first_dateline_gives_its_place_and_its_full_date():
    dateline = find_dateline(f"March 14, 2023 (LILONGWE) – {TALKS}")
    assert dateline is not None
    assert (dateline.place, dateline.date.iso() if dateline.date else None) == ("Lilongwe", "2023-03-14")
    assert dateline.rest == TALKS


def test_a_label_in_brackets_after_a_date_is_no_dateline():
    assert find_dateline(f"March 14, 2023 (UPDATE) – {TALKS}") is None


def test_the_storys_dated_dateline_beats_the_sites_header_above_the_masthead():
    reading = date_reading(f"Friday, June 6, 2025\n\nThe Lakeside Courier\n\nHichilema and Chakwera meet\n\n"
                           f"By Grace Banda\nMarch 14, 2023 (LILONGWE) – {TALKS}\n\n{MORE}\n\n{SOURCE}")
    assert reading.published == "2023-03-14"
    assert reading.date == "2023-03-14"
    assert reading.flagged and "Friday, June 6, 2025" in reading.note, reading.note


def test_a_date_line_under_the_headline_beats_a_header_line_above_it():
    reading = date_reading(f"Friday, June 6, 2025\n\nHichilema and Chakwera meet\n\nPublished: March 15, 2023\n\n"
                           f"LILONGWE – {TALKS}\n\n{MORE}\n\n{SOURCE}")
    assert reading.published == "2023-03-15"
    assert reading.date == "2023-03-14" and reading.flagged, reading.note


def test_a_header_line_a_day_after_the_dateline_stays_the_publication():
    reading = date_reading(f"Wednesday, March 15, 2023\n\nHichilema and Chakwera meet\n\n"
                           f"March 14, 2023 (LILONGWE) – {TALKS}\n\n{MORE}\n\n{SOURCE}")
    assert reading.published == "2023-03-15"  # filed one evening, printed the next morning: one publication
    assert reading.date == "2023-03-14"


def test_a_date_line_marked_as_a_markdown_heading_is_still_a_date_line():
    assert str(parse_date_line("# 14 March 2023 21:02 (UTC +02:00)")) == "2023-03-14"
    assert parse_date_line("# Talks held on 14 March 2023 in Lilongwe") is None


def test_a_weekday_counted_from_a_header_line_above_the_masthead_is_flagged():
    reading = date_reading(f"Friday, June 6, 2025\n\nThe Lakeside Courier\n\nHichilema and Chakwera meet\n\n"
                           f"LILONGWE – {TALKS}\n\n{MORE}\n\n{SOURCE}")
    assert reading.published == "2025-06-06"  # nothing else dates the page
    assert reading.flagged and "above the outlet's name" in reading.note, reading.note


def test_a_weekday_counted_from_a_date_line_under_the_masthead_is_not_flagged_for_it():
    reading = date_reading(f"The Lakeside Courier\n\nFriday, June 6, 2025\n\nHichilema and Chakwera meet\n\n"
                           f"LILONGWE – {TALKS}\n\n{MORE}\n\n{SOURCE}")
    assert reading.published == "2025-06-06"
    assert "above the outlet's name" not in reading.note, reading.note


def test_a_day_and_month_taking_its_year_from_a_stamp_the_page_contradicts_by_a_year_is_flagged():
    reading = date_reading(f"date 2023-01-04 Hichilema and Chakwera meet\n\nPublished: December 30, 2021\n\n"
                           f"LILONGWE – Zambia's President Hakainde Hichilema held talks with Malawi's President Lazarus "
                           f"Chakwera on December 28.\n\n{MORE}\n\n{SOURCE}")
    assert reading.published == "2021-12-30"
    assert reading.date == "2021-12-28"
    assert reading.flagged and "2023-01-04" in reading.note, reading.note


def test_a_day_and_month_with_a_contrary_stamp_in_the_same_year_is_not_flagged_for_it():
    reading = date_reading(f"Hichilema and Chakwera meet\n\nMarch 20, 2023\n\n"
                           f"LILONGWE – Zambia's President Hakainde Hichilema held talks with Malawi's President Lazarus "
                           f"Chakwera on March 14.\n\n{MORE}\n\nSource: https://news.example.org/2023/03/24/talks\n")
    assert reading.date == "2023-03-14"
    assert "dates itself by" not in reading.note, reading.note
