"""A weekday counted back from the page's stamp to six days before it names the day after the stamp: a stamp kept
in a time zone behind the event's (a Tuesday morning summit in Asia is Monday evening in Washington), or a stamp a
day early, makes it the next day, not the week before. Nothing on the page says which, so the day is flagged
(issue 15, point 2: a date that hinges on time zones is flagged, not silently shifted).

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

MORE = "The two sides agreed to expand fisheries cooperation and to meet again before the end of the year."


def dated(weekday: str) -> tuple[str | None, bool, str]:
    """The event's date, whether it is flagged, and the note, for a meeting "on <weekday>" on a page of Wednesday
    10 March 2021."""
    page = (f"Ministers meet in Port Louis\n\nMarch 10, 2021\n\nForeign Minister Ana Costa held talks with her "
            f"Mauritian counterpart Ravi Lallah in Port Louis on {weekday}.\n\n{MORE}\n\n"
            "Source: https://news.example.org/world/ministers-meet\n")
    reading = date_reading(page)
    return reading.date, reading.flagged, reading.note


def test_a_weekday_six_days_before_the_stamp_is_flagged():
    date, flagged, note = dated("Thursday")
    assert date == "2021-03-04"
    assert flagged and "day after the page's stamp" in note, note


def test_a_weekday_a_day_before_the_stamp_is_left_alone():
    date, flagged, note = dated("Tuesday")
    assert date == "2021-03-09" and not flagged, note
