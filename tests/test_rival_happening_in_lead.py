"""A page whose lead tells of a happening on one of its news days, while the event chosen is a later sentence's
on another day, may have chosen an aside: the date is flagged, naming the earlier happening.

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading


def reviewed(body: str) -> tuple[str | None, list[str], str]:
    """The event's date, the fields a person must check, and the note on the date, on a page of 14 March 2023."""
    page = f"Governor weighs bid for party ticket\n\nMarch 14, 2023\n\n{body}\n\nSource: https://news.example.org/politics/ticket\n"
    reading = date_reading(page)
    return reading.date, reading.needs, reading.note


def test_a_later_meeting_is_flagged_when_the_lead_tells_of_one_on_the_stamp_day():
    date, needs, note = reviewed(
        "Governor Amaka Obi has told the party of her bid for the ticket.\n\n"
        "President Tunde Bello receives in audience Governor Amaka Obi in State House on 14th March 2023.\n\n"
        "Last Friday, the chairman of the governors' forum, Musa Danjuma, met the president over the convention.")
    assert "date" in needs and "earlier sentence dates another happening to 2023-03-14" in note, (date, needs, note)


def test_a_lead_event_with_background_after_it_is_left_alone():
    date, needs, note = reviewed(
        "President Tunde Bello met Governor Amaka Obi at the State House in Abuja on Monday.\n\n"
        "The two last met at the party's rally in Kano on September 30, 2022.")
    assert date == "2023-03-13" and "date" not in needs, (needs, note)
