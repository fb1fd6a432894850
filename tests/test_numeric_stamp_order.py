"""A numeric date line that reads both ways ("07/11/2023") is read in the order the page's own unambiguous dates
show, or else in the habit of the outlet's country domain. A habit is no word of the page: a weekday counted
from a stamp read that way may be months off, so it is flagged (issue 15, point 1: "decide by the outlet's
convention when the text allows, and flag when ambiguous").

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

LEAD = ("Defence Minister Ana Costa met her Kenyan counterpart Peter Otieno in Nairobi on Monday to discuss maritime "
        "security.")
MORE = "The two agreed to hold joint naval exercises next year."


def dated(page: str) -> tuple[str | None, str | None, bool, str]:
    """The event's date, the page's publication date, whether the date is flagged, and the note saying why."""
    reading = date_reading(page)
    return reading.date, reading.published, reading.flagged, reading.note


def test_a_weekday_counted_from_a_stamp_read_by_the_domains_habit_is_flagged():
    date, published, flagged, note = dated(f"Ministers meet in Nairobi\n\n07/11/2023 10:30\n\n{LEAD}\n\n{MORE}\n\n"
                                           "Source: https://www.example.co.uk/world/ministers-meet\n")
    assert published == "2023-11-07" and date == "2023-11-06"
    assert flagged and "07/11/2023" in note and "domain" in note, note


def test_a_stamp_whose_order_the_page_shows_leaves_the_weekday_alone():
    date, published, flagged, note = dated(f"Ministers meet in Nairobi\n\n07/11/2023 10:30\n\n{LEAD}\n\n{MORE}\n\n"
                                           "Related: Port talks resume 24/10/2023\n\n"
                                           "Source: https://www.example.co.uk/world/ministers-meet\n")
    assert published == "2023-11-07" and date == "2023-11-06"
    assert not flagged, note


def test_the_address_s_month_settles_a_numeric_date_line_that_reads_both_ways():
    """"06.11.2023" on a page whose address says 2023/11: the 6th of November, the page's own word (the date line and
    the address agree), so the weekday counted from it is not flagged for the order."""
    date, published, _, note = dated(f"Ministers meet in Nairobi\n\n07.11.2023\n\n{LEAD}\n\n{MORE}\n\n"
                                     "Source: https://www.example.org/news/2023/11/ministers-meet\n")
    assert (published, date) == ("2023-11-07", "2023-11-06")
    assert "domain" not in note, note
