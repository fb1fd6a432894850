"""The kind comes from the clause that reports the happening: words in a bracket, a quoted remark or the topic of
what was said tell of another happening; a headline that tells another kind than the lead sends it to review."""

from __future__ import annotations

import pytest

from timeline.extract.event_fields import CONFIDENCE_THRESHOLD
from timeline.extract.kinds import classify_kind, find_main_event, in_subordinate_part
from timeline.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # the topic of a talk is not the happening
        ("The foreign minister discussed the recent attack on the border post with the ambassador.", None),
        ("The general briefed the committee members on the naval drills.", None),
        ("The secretary told reporters about the bombing of the convoy.", "statement"),
        # how they talked is no topic: the call is the happening
        ("The king and the president on Tuesday discussed over the phone the ties between their countries.", "call"),
        ("The two ministers discussed by telephone the grain corridor.", "call"),
        # a happening named as the time of another
        ("Amid the naval drills in the strait, the president hosted the envoy at his palace.", "meeting"),
        # a bracket and a quoted remark are asides
        ("The two ministers met in Doha (their phone call in May had ended the dispute).", "meeting"),
        ("The king, recalling that “we will always answer a phone call from our friends”, met the envoy in Amman.",
         "meeting"),
        # a few quoted words are a name, not a remark
        ("He announced a “productive conversation” with the president on Wednesday.", "call"),
    ],
)
def test_kind_words_outside_the_main_clause_do_not_decide(sentence, kind):
    guess = classify_kind(sentence)
    assert (guess.kind if guess else None) == kind


def test_what_stands_in_the_main_clause():
    sentence = "The minister, who flew in for talks, discussed the attack on the convoy (a raid on Monday)."
    assert not in_subordinate_part(sentence, sentence.index("minister"))
    assert in_subordinate_part(sentence, sentence.index("talks"))
    assert in_subordinate_part(sentence, sentence.index("attack"))
    assert in_subordinate_part(sentence, sentence.index("raid"))


def test_a_headline_telling_another_kind_sends_the_kind_to_review():
    sentences = split_sentences("The president met the visiting prime minister in the capital on Friday, the office said.")
    disputed = find_main_event(sentences, "Leaders sign border treaty")
    assert disputed.kind.kind == "meeting" and disputed.kind.confidence < CONFIDENCE_THRESHOLD
    agreed = find_main_event(sentences, "President meets prime minister")
    assert agreed.kind.kind == "meeting" and agreed.kind.confidence >= CONFIDENCE_THRESHOLD


def test_a_lead_naming_the_form_is_not_disputed_by_a_headline_told_by_the_talk():
    sentences = split_sentences("The president held a telephone conversation with the secretary of state on Monday night.")
    main = find_main_event(sentences, "President holds talks with the secretary of state")
    assert main.kind.kind == "call" and main.kind.confidence >= CONFIDENCE_THRESHOLD


def test_leaving_for_a_visit_is_the_start_of_a_journey_not_a_withdrawal():
    visit = classify_kind("President Ali Demir has left Harare this morning for a one-day official working visit to Malawi.")
    assert visit is not None and visit.kind == "visit"
    withdrawal = classify_kind("The last foreign troops left Kabul on Monday.")
    assert withdrawal is not None and withdrawal.kind == "withdrawal"
