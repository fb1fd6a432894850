"""A call's day word between sides far apart in time is flagged even when the people found carry no country: the
sentence naming the sides' countries is enough (issue 15, point 2: a date that hinges on time zones is flagged).

The article is written for this test.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def test_a_call_between_countries_named_only_in_the_sentence_is_flagged_for_time_zones():
    text = ("Leaders talk\n\nAugust 12, 2025\n\nLuiz Almeida spoke by phone on Monday with Wang Jun about Brazil's "
            "exports to China.\n")
    event = extract_article(parse_article_text(text, "call.txt", "text")).event
    assert event is not None and event.kind == "call"
    assert event.date.iso() == "2025-08-11"
    assert "date" in event.review.needs
    assert "Beijing (UTC+8)" in event.review.notes["date"]


def test_a_call_within_one_time_zone_is_not_flagged_for_it():
    text = ("Leaders talk\n\nAugust 12, 2025\n\nLuiz Almeida spoke by phone on Monday with Ana Torres about Brazil's "
            "exports to Argentina.\n")
    event = extract_article(parse_article_text(text, "call.txt", "text")).event
    assert event is not None
    assert "may be another day on the other side" not in event.review.notes.get("date", "")
