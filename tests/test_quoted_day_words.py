"""A day word inside quoted speech ("'We met on Monday,' she said") counts from when it was said, which the page
may not state: the day it gives is flagged, not counted silently from the page's stamp (the corpus's gold rule:
a weekday inside a quoted statement of unknown date is not placed).

Each article is written for this test.
"""

from __future__ import annotations

from extraction_testkit import date_reading

MORE = "The two sides agreed to open a consulate in Mombasa next year."


def dated(lead: str) -> tuple[str | None, bool, str]:
    """The event's date, whether it is flagged, and the note, for a page of Thursday 9 March 2023."""
    page = f"Ministers meet\n\nMarch 9, 2023\n\n{lead}\n\n{MORE}\n\nSource: https://news.example.org/world/ministers-meet\n"
    reading = date_reading(page)
    return reading.date, reading.flagged, reading.note


def test_a_weekday_inside_quoted_speech_is_flagged():
    date, flagged, note = dated('Foreign Minister Ana Costa said she had held talks with Kenyan Foreign Minister Peter '
                                'Otieno: "We met in Nairobi on Monday and agreed on a great deal."')
    assert flagged and "quotation" in note, (date, note)


def test_a_weekday_in_the_reports_own_words_is_left_alone():
    date, flagged, note = dated("Foreign Minister Ana Costa met her Kenyan counterpart Peter Otieno in Nairobi on "
                                "Monday, she told the parliament.")
    assert date == "2023-03-06" and not flagged, note
