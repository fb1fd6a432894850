"""The place is where the main event happened: never the topic of what was said nor where someone came from."""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def _event(text: str):
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    assert event is not None
    return event


def test_a_place_that_is_the_topic_of_talks_is_not_where_they_were_held() -> None:
    event = _event("Ministers meet\n\nMay 9, 2024\n\nThe foreign minister of Egypt met the Kenyan envoy in Cairo on "
                   "Wednesday and discussed the war in Khartoum.\n")
    assert event.place == "Cairo, Egypt"
    topic = _event("Ministers meet\n\nMay 9, 2024\n\nThe foreign minister of Egypt on Wednesday discussed the war in "
                   "Khartoum with the Kenyan envoy.\n")
    assert topic.place != "Khartoum, Sudan"


def test_where_a_guest_came_from_is_not_where_they_met() -> None:
    event = _event("Ministers meet\n\nMay 9, 2024\n\nThe Pakistani minister, who flew in from Islamabad, met his "
                   "Afghan counterpart in Kabul on Wednesday.\n")
    assert event.place == "Kabul, Afghanistan"


def test_a_capital_introduced_after_a_verb_of_visiting_is_where_the_visit_took_place() -> None:
    event = _event("Leaders meet\n\nMay 9, 2024\n\nThe Japanese prime minister visited the South Korean capital, Seoul, "
                   "to meet the president on Sunday.\n\nIt follows the president's trip to Tokyo in March, where the "
                   "two leaders first met.\n")
    assert event.place == "Seoul, South Korea"
