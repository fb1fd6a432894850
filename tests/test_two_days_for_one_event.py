"""Two of the event's own sentences that give it different days ("met on Tuesday" in the lead, "the talks on
Wednesday" two sentences on) leave a date that may be wrong: it is flagged and the note names the other day.
An earlier happening told in the past perfect, or a day inside a quotation, is no second day for the event.

Each article is written for this test; the page is stamped Thursday 12 June 2025.
"""

from __future__ import annotations

from extraction_testkit import date_reading

LEAD = "Egyptian Foreign Minister Sami Nour met his Turkish counterpart Kemal Aydin in Cairo on Tuesday."


def dated(*sentences: str) -> tuple[str | None, bool, str]:
    body = "\n\n".join([LEAD, *sentences])
    reading = date_reading(f"Ministers meet in Cairo\n\nJune 12, 2025\n\n{body}\n")
    return reading.date, reading.flagged, reading.note


def test_a_second_day_for_the_meeting_flags_the_date():
    date, flagged, note = dated("The meeting on Wednesday covered trade, gas and the situation in Libya.")
    assert date == "2025-06-10"
    assert flagged and "2025-06-11" in note, note


def test_an_earlier_meeting_in_the_past_perfect_is_no_second_day():
    date, flagged, note = dated("The ministers had already discussed the pipeline at a meeting on Monday.")
    assert (date, flagged) == ("2025-06-10", False), note


def test_a_quoted_today_is_no_second_day():
    date, flagged, note = dated('Nour wrote after the meeting: "Today we agreed to restore direct flights."')
    assert (date, flagged) == ("2025-06-10", False), note
