"""A report whose main sentence tells its event in the present perfect ("has arrived in", "have agreed to") and
whose sentences give it no day is news of the page's own day or the day before: it gives the page's day,
flagged, rather than no date. A negated or planned one ("has yet to visit") gives none, and a day the page
does state wins.

Each article is written for this test; the page is stamped 14 October 2021.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(lead: str, more: str = "The two sides are expected to sign trade deals.") -> tuple[str | None, bool, str]:
    event = extract_article(parse_article_text(
        f"Presidents hold talks\n\nOctober 14, 2021\n\n{lead}\n\n{more}\n", "a.txt", "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs, event.review.notes.get("date", "")


@pytest.mark.parametrize("lead", [
    "President Ali Demir has arrived in Lusaka for a two-day state visit at the invitation of President Omar Khan.",
    "Zambia and Malawi have agreed to a new border treaty, President Ali Demir and President Omar Khan said.",
])
def test_an_event_told_as_just_done_is_the_page_s_day_flagged(lead: str):
    date, flagged, note = dated(lead)
    assert (date, flagged) == ("2021-10-14", True), note
    assert "present perfect" in note


def test_a_day_the_page_states_beats_the_present_perfect():
    date, _, _ = dated("President Ali Demir has arrived in Lusaka for a two-day state visit at the invitation of "
                       "President Omar Khan.", "Demir landed at the airport on Tuesday and was met by Khan.")
    assert date == "2021-10-12"


def test_an_event_not_yet_done_is_not_the_page_s_day():
    date, flagged, _ = dated("President Ali Demir has yet to visit Lusaka, though President Omar Khan invited him "
                             "for a state visit.")
    assert date is None and flagged


def test_a_page_without_a_date_takes_the_day_of_the_post_it_quotes_flagged():
    """No date line at all, but the page quotes the host's post with its signature: the page was written on or just
    after that day, so an arrival told as just done is that day, flagged."""
    event = extract_article(parse_article_text(
        "President Demir arrives in Lusaka\n\n"
        "President Ali Demir has already arrived in Lusaka. He met with President Omar Khan at State House.\n\n"
        "\"Welcome to Lusaka, my friend,\" Khan wrote.\n\n"
        "Welcome to Lusaka, my friend Ali Demir. Our nations stand together.\n"
        "— Omar Khan (@OmarKhanZM) March 4, 2025\n\n"
        "The two presidents discussed trade and energy.\n", "a.txt", "text")).event
    assert event is not None and event.date is not None
    assert (event.date.iso(), "date" in event.review.needs) == ("2025-03-04", True)
    assert "newest post the page quotes" in event.review.notes["date"]

