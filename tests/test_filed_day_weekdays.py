"""A story filed one day and printed the next counts its weekdays from the day it was filed, which its dateline
gives ("NAIROBI, March 10 -"): "on Saturday" in a story filed on Friday is the Saturday before, not the Saturday it
was printed on. When the dateline's day and the page's stamp give the weekday different days, the day is the
dateline's and flagged; when they agree, nothing is flagged.

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

MORE = "The two sides agreed to open a consulate in Mombasa next year."


def dated(weekday: str) -> tuple[str | None, bool, str]:
    """The event's date, whether it is flagged, and the note, for a story filed on Friday 10 March 2023 and
    printed on Saturday 11 March."""
    page = ("Ministers meet\n\nMarch 11, 2023\n\nNAIROBI, March 10 - Foreign Minister Ana Costa held talks with her "
            f"Kenyan counterpart Peter Otieno in Nairobi on {weekday}.\n\n{MORE}\n\n"
            "Source: https://news.example.org/world/ministers-meet\n")
    reading = date_reading(page)
    return reading.date, reading.flagged, reading.note


def test_a_weekday_naming_the_printing_day_counts_from_the_filing_day():
    date, flagged, note = dated("Saturday")
    assert date == "2023-03-04"
    assert flagged and "dateline" in note, note


def test_a_weekday_both_days_agree_on_is_left_alone():
    date, flagged, note = dated("Thursday")
    assert date == "2023-03-09" and not flagged, note
