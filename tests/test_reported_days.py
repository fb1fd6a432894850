"""A day that belongs to the report of an event, not to the event: the day an outlet quoted another one ("As cited
from a broadcaster on Sunday, the meeting agreed ...") is never the event's day unflagged; the day someone spoke of
talks whose own sentence gives no day ("have held talks ...; the minister said Friday that they discussed ...") is
a flagged guess, not nothing, and only when the sentence tells of the talks; a speaker's plans ("who is set to
become ...") do not make the day they spoke a future one (issue 15, point 2).

Each article is written for this test; the page is stamped Sunday 14 November 2021.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(body: str) -> tuple[str | None, bool]:
    """The event's date and whether it is flagged for review, for a report whose body is `body`."""
    event = extract_article(parse_article_text(f"Ministers hold talks\n\nNovember 14, 2021\n\n{body}\n", "a.txt",
                                               "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs


@pytest.mark.parametrize("attribution", ["As quoted from the state broadcaster on Sunday",
                                         "Citing a ministry spokesman on Sunday",
                                         "As the agency wrote on Sunday"])
def test_the_day_another_outlet_reported_is_flagged(attribution: str):
    date, flagged = dated(
        "Defence Minister Ali Demir held a meeting with his Malaysian counterpart Omar Rahman at the ministry in "
        f"Putrajaya.\n\n{attribution}, the meeting agreed to expand joint naval exercises.")
    assert flagged, date


def test_the_day_a_participant_spoke_of_the_talks_is_a_flagged_guess():
    date, flagged = dated(
        "Defence Minister Ali Demir and his Malaysian counterpart Omar Rahman have held talks in Putrajaya as the two "
        "countries seek a new defence pact.\n\nDemir said Friday that he and Rahman discussed joint naval exercises "
        "and training.")
    assert (date, flagged) == ("2021-11-12", True)


def test_a_page_with_no_event_takes_no_spoken_day():
    event = extract_article(parse_article_text(
        "Quarterly profit rises\n\nNovember 14, 2021\n\nNet profit in the three months to September rose to $40 "
        "million, the port operator said on Friday in a filing to the stock exchange.\n", "a.txt", "text")).event
    assert event is None or event.date is None or "date" in event.review.needs


def test_a_speaker_s_plans_do_not_make_the_day_they_spoke_future():
    date, flagged = dated(
        "Defence Minister Ali Demir and his Malaysian counterpart Omar Rahman have held talks in Putrajaya.\n\n"
        "Demir, who is set to become the next prime minister, said Friday that he and Rahman discussed joint naval "
        "exercises.")
    assert date == "2021-11-12" and flagged


def test_the_day_a_statement_came_out_about_something_else_is_not_a_guess():
    date, flagged = dated(
        "The general was honoured with the country's highest award for his services to the two nations' ties, the "
        "army's media wing said on Friday.\n\nDuring the meeting, the two men discussed regional security.")
    assert date is None and flagged
