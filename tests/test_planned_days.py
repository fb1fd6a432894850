"""A preview written before its event gives the planned day, flagged for a person to check it happened then; a day
that opens a clause made future by its "would" ("announced that on May 9 he would host") is a plan, counted
forward from the page's stamp, never a past day of the year before (issue 15, point 2).

Each article is written for this test; the page is stamped 29 April 2025.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article
from timeline.extract.temporal import is_future_at


def test_a_day_opening_a_would_clause_is_future():
    sentence = "The president announced that on May 9 he would host the prime minister in Nancy."
    assert is_future_at(sentence, sentence.index("on May 9"))


def test_a_day_before_a_verb_of_saying_stays_past():
    sentence = "On Monday he said he would host the prime minister in Nancy."
    assert not is_future_at(sentence, sentence.index("On Monday"))


def test_a_preview_gives_the_planned_day_flagged():
    event = extract_article(parse_article_text(
        "President to host prime minister\n\nApril 29, 2025\n\nIn an interview with a weekly magazine, President Ali "
        "Demir announced that on May 9 he would host Prime Minister Omar Khan in Nancy to sign a friendship "
        "treaty.\n\nThe two leaders have met several times this year.\n", "a.txt", "text")).event
    assert event is not None and event.date is not None
    assert (event.date.iso(), "date" in event.review.needs) == ("2025-05-09", True)
