"""A preview often opens with its plan ("The president is to visit ...") and gives the planned day in a later lead
sentence about the same kind of happening: that day is the event's, flagged for a person to check it happened
then; a day planned for a happening of another kind is not (issue 15, point 2).

Each article is written for this test; the page is stamped Monday 14 April 2025.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(body: str) -> tuple[str | None, bool]:
    event = extract_article(parse_article_text(f"President to visit Jordan\n\nApril 14, 2025\n\n{body}\n",
                                               "a.txt", "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs


def test_the_day_a_later_lead_sentence_plans_for_the_visit_dates_it_flagged():
    assert dated("Lebanese President Ali Haddad to make a state visit to Jordan.\n\n"
                 "Jordan hosts many refugees from the wider region.\n\n"
                 "Haddad will pay a two-day official visit to the kingdom on Wednesday.") == ("2025-04-16", True)


def test_a_day_planned_for_a_happening_of_another_kind_does_not_date_the_visit():
    date, flagged = dated("Lebanese President Ali Haddad to make a state visit to Jordan.\n\n"
                          "Jordan hosts many refugees from the wider region.\n\n"
                          "Parliament will vote on the new budget on Wednesday, the speaker said.")
    assert date != "2025-04-16" and flagged
