"""A page may date itself twice and disagree: a store's stamp opening the saved page and the outlet's own date
line months before it, an address dated days after the date line, a dateline with its full date a week before the
stamp. "On Saturday" is then counted from one of them with nothing to say which is the first publication, so
the day is flagged whichever way the two differ (issue 15, point 2: "a page stamped weeks after the happening it
reports gives a flagged date, not the stamp's week").

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

MEETING = "Defence Minister Ali Demir met his Malaysian counterpart Omar Rahman in Kuala Lumpur on Saturday."
MORE = "The two agreed to hold joint naval exercises next year and to share maritime patrol data."


def dated(page: str) -> tuple[str | None, str | None, bool, str]:
    """The event's date, the page's publication date, whether the date is flagged, and the note saying why."""
    reading = date_reading(page)
    return reading.date, reading.published, reading.flagged, reading.note


def test_a_store_stamp_months_after_the_pages_own_date_line_flags_a_weekday():
    date, published, flagged, note = dated(
        f"date 2021-06-21 Ministers meet\n\nWednesday, March 10, 2021\n\n{MEETING}\n\n{MORE}\n\n"
        "Source: https://news.example.org/world/ministers-meet\n")
    assert published == "2021-03-10"  # the page's own date line under the headline, not the stamp above it
    assert flagged and "2021-06-21" in note, (date, note)


def test_an_address_dated_days_after_the_date_line_flags_a_weekday():
    date, _, flagged, note = dated(f"Ministers meet\n\nMarch 10, 2021\n\n{MEETING}\n\n{MORE}\n\n"
                                   "Source: https://news.example.org/2021/03/19/ministers-meet\n")
    assert date == "2021-03-06"
    assert flagged and "2021-03-19" in note, (date, note)


def test_a_dateline_with_its_full_date_a_week_before_the_stamp_flags_a_weekday():
    date, _, flagged, note = dated(f"Ministers meet\n\nMarch 10, 2021\n\nKUALA LUMPUR, March 2, 2021: {MEETING}\n\n"
                                   f"{MORE}\n\nSource: https://news.example.org/world/ministers-meet\n")
    assert flagged and "2021-03-02" in note, (date, note)


def test_a_date_line_and_an_address_a_day_apart_leave_a_weekday_alone():
    date, _, flagged, note = dated(f"Ministers meet\n\nMarch 10, 2021\n\n{MEETING}\n\n{MORE}\n\n"
                                   "Source: https://news.example.org/2021/03/11/ministers-meet\n")
    assert date == "2021-03-06" and not flagged, note


def test_a_later_update_line_is_no_contrary_stamp():
    date, published, flagged, note = dated(
        f"Ministers meet\n\nPublished: March 10, 2021\n\nUpdated: March 18, 2021\n\n{MEETING}\n\n{MORE}\n\n"
        "Source: https://news.example.org/world/ministers-meet\n")
    assert published == "2021-03-10"
    assert date == "2021-03-06" and not flagged, note
