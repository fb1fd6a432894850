"""A headline names the venue its lead takes as known, and a joint press conference tells the meeting of those
who give it (tests on snippets written for them)."""

from __future__ import annotations

from timeline.extract.article import Article
from timeline.extract.kinds import classify_kind
from timeline.extract.stub import extract_article

LEAD = ("Prime Minister Ana Ruiz and President Tomas Berg met on Friday for their first formal talks since the "
        "border dispute. Both sides called the meeting useful and agreed to meet again before the end of the year.")


def place_of(text: str, headline: str | None) -> tuple[str | None, bool]:
    event = extract_article(Article(name="a.txt", text=text, title=headline), None).event
    assert event is not None
    return event.place, "place" in event.review.needs


def test_a_town_in_the_headline_places_an_event_whose_sentences_name_none() -> None:
    place, flagged = place_of(LEAD, "Ruiz and Berg meet in Vienna")
    assert place == "Vienna, Austria"
    assert flagged  # the headline may name somewhere else; a person checks it


def test_a_town_in_the_event_sentence_wins_over_the_headline() -> None:
    text = LEAD.replace("met on Friday", "met in Geneva on Friday")
    assert place_of(text, "Ruiz and Berg meet in Vienna")[0] == "Geneva, Switzerland"


def test_a_headline_with_no_town_leaves_the_place_to_review() -> None:
    place, flagged = place_of(LEAD, "Ruiz and Berg hold first formal talks")
    assert place is None and flagged


def test_a_joint_press_conference_reports_the_meeting_of_those_who_give_it() -> None:
    guess = classify_kind("Speaking at a joint press conference with the visiting chancellor, the president said "
                          "the two countries would double rail freight.")
    assert guess is not None and guess.kind == "meeting"
    headline = classify_kind("Watch live: Prime ministers Ruiz and Berg hold joint news conference")
    assert headline is not None and headline.kind == "meeting"


def test_a_press_conference_of_one_speaker_stays_a_statement() -> None:
    guess = classify_kind("The minister told a press conference on Monday that fuel prices would rise.")
    assert guess is not None and guess.kind == "statement"
