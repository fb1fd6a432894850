"""A lead that tells both a visit and the meeting held during it reports the one the page goes on about: the
sentences after it refer back to it ("During the meeting", "The visit is ..."), and the headline counts too;
when those sentences keep calling it a happening of another kind, the kind goes to review."""

from __future__ import annotations

from timeline.extract.event_fields import CONFIDENCE_THRESHOLD
from timeline.extract.kinds import find_main_event
from timeline.extract.sentences import split_sentences

LEAD = ("President Ana Ruiz arrived in Hanoi on Monday for a two-day official visit and met Prime Minister "
        "Pham Minh Chinh at the Government Office.")


def kind_of(text: str, headline: str | None = None) -> str:
    main = find_main_event(split_sentences(text), headline)
    assert main.kind is not None
    return main.kind.kind


def test_a_lead_followed_by_the_meeting_reports_the_meeting():
    text = LEAD + " During the meeting, the two leaders agreed to expand trade. Their talks lasted two hours."
    assert kind_of(text) == "meeting"


def test_a_lead_followed_by_the_visit_reports_the_visit():
    text = LEAD + (" The visit is her first to Vietnam as president. During her trip she will also tour a port "
                   "in Haiphong.")
    assert kind_of(text) == "visit"


def test_the_headline_tips_the_balance_and_a_tie_keeps_the_meeting():
    assert kind_of(LEAD + " The two sides signed no documents.") == "meeting"
    assert kind_of(LEAD + " The two sides signed no documents.", "Ruiz pays official visit to Vietnam") == "visit"


def test_a_visit_in_an_aside_leaves_the_meeting():
    text = ("President Ana Ruiz, who is on an official visit to Vietnam, met Prime Minister Pham Minh Chinh on "
            "Monday. The visit is her first to Vietnam as president.")
    assert kind_of(text) == "meeting"


def test_a_lead_whose_next_sentences_keep_calling_it_something_else_is_flagged():
    told_otherwise = ("Foreign Minister Ana Ruiz met her counterpart Pham Van Long on Tuesday. During the "
                      "conversation, the two discussed the border. The phone call lasted forty minutes.")
    main = find_main_event(split_sentences(told_otherwise))
    assert main.kind is not None and main.kind.kind == "meeting" and main.kind.confidence < CONFIDENCE_THRESHOLD
    told_alike = ("Foreign Minister Ana Ruiz met her counterpart Pham Van Long in Hanoi on Tuesday. During the "
                  "meeting, the two discussed the border. The meeting lasted forty minutes.")
    main = find_main_event(split_sentences(told_alike))
    assert main.kind is not None and main.kind.kind == "meeting" and main.kind.confidence >= CONFIDENCE_THRESHOLD
