"""A kind a person must check (the headline tells one happening, the lead another) means the lead's sentence may
tell another happening than the page's news: the date read from it is flagged too, whoever takes part (the
rule above all others: a date that may be wrong carries a flag).

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

MORE = "The two sides agreed to open a consulate in Mombasa next year."


def reviewed(headline: str, lead: str) -> tuple[str | None, list[str], str]:
    """The event's date, the fields a person must check, and the note on the date, on a page of 9 March 2023."""
    page = f"{headline}\n\nMarch 9, 2023\n\n{lead}\n\n{MORE}\n\nSource: https://news.example.org/world/leaders-meet\n"
    reading = date_reading(page)
    return reading.date, reading.needs, reading.note


def test_a_date_read_with_a_disputed_kind_is_flagged_though_presidents_take_part():
    date, needs, note = reviewed("Costa and Otieno sign maritime treaty",
                                 "President Ana Costa welcomed Kenyan President Peter Otieno at the State House in "
                                 "Maputo on Monday.")
    assert date == "2023-03-06"
    assert "kind" in needs and "date" in needs and "kind is uncertain" in note, (needs, note)


def test_a_date_read_with_a_settled_kind_is_left_alone():
    date, needs, note = reviewed("Costa meets Otieno in Maputo",
                                 "President Ana Costa met Kenyan President Peter Otieno at the State House in Maputo "
                                 "on Monday.")
    assert date == "2023-03-06" and "kind" not in needs and "date" not in needs, (needs, note)
