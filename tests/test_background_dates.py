"""A date in words about something other than the event never dates it unflagged: an aside (", who took office in
August,"), a happening the event follows ("after the fall of the city in August"), a date naming a thing ("the
August 30 agreement") (issue 15, point 2: "a month named for a background event never dates the main event").

Each article is written for this test; the page is stamped 14 October 2021.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(sentence: str) -> tuple[str | None, bool]:
    """The event's date and whether it is flagged for review, for a report whose lead is `sentence`."""
    event = extract_article(parse_article_text(f"Talks in Islamabad\n\nOctober 14, 2021\n\n{sentence}\n", "a.txt",
                                               "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Ali Demir, who took office in August, met his Pakistani counterpart Omar Khan in Islamabad.",
        "Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan in Islamabad, where the two had signed a "
        "trade pact on September 12.",
        "Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan in Islamabad, following the ceasefire in "
        "September.",
        "Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan in Islamabad in a follow-up to the August 30 "
        "agreement.",
        "Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan in Islamabad to discuss the situation after "
        "the fall of the city in August.",
    ],
)
def test_a_date_about_something_else_is_flagged(sentence: str):
    date, flagged = dated(sentence)
    assert flagged, date


def test_a_clause_naming_the_event_own_kind_keeps_its_day():
    date, flagged = dated("Prime Minister Ali Demir paused new tariffs following a phone call with President Omar Khan "
                          "on Wednesday morning, his office said.")
    assert date == "2021-10-13"


def test_the_event_own_day_beside_an_aside_is_still_taken():
    date, _ = dated("Foreign Minister Ali Demir, who took office in August, met his Pakistani counterpart Omar Khan in "
                    "Islamabad on Wednesday.")
    assert date == "2021-10-13"


def test_a_plain_date_of_the_event_is_not_flagged():
    assert dated("Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan in Islamabad on Wednesday to "
                 "discuss trade.") == ("2021-10-13", False)
