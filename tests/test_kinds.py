"""Event kinds, the main event sentence, titles and summaries."""

from __future__ import annotations

import pytest

from timeline.extract.kinds import classify_kind, event_summary, event_title, find_main_event
from timeline.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Austin called Pakistan Army chief Gen. Qamar Javed Bajwa on Tuesday night.", "call"),
        ("Blinken spoke by telephone on Thursday with Qin Gang.", "call"),
        ("The two ministers held a phone exchange about the harbour dispute.", "call"),
        ("Peruvian president Ana Rojas welcomes Chilean president Tomas Vidal to Peru with a ceremony.", "meeting"),
        ("The two leaders held a phone call.", "call"),
        ("Milley met with Gerasimov here.", "meeting"),
        ("The commander held talks with the army chief at GHQ.", "meeting"),
        ("Kurilla engaged in discussions with Pakistan's army chief.", "meeting"),
        ("The minister arrived in Islamabad on a two-day visit.", "visit"),
        ("President Ana Rojas welcomed President Tomas Vidal upon his arrival in Peru on Monday.", "visit"),
        ("Chilean President Tomas Vidal lands in Lima for talks on trade.", "visit"),
        ("Putin rejected the demand at a summit in Geneva.", "summit"),
        ("The two sides resumed peace talks in Doha.", "talks"),
        ("Gunmen attacked a military installation, killing nine soldiers.", "attack"),
        ("The ministers signed an agreement on defence.", "agreement"),
        ("The two ministers held a telephone discussion on the border.", "call"),
        ("The prime minister has spoken with the visiting envoy's president.", "call"),
        ("Ukraine launched joint military exercises.", "exercise"),
        # U.S. wire style: the day between the verb and the partner
        ("The secretary spoke Friday with his Colombian counterpart about migration.", "call"),
        ("Secretary Ana Ruiz spoke today with Foreign Minister Tomas Vidal.", "call"),
        ("Secretary Ruiz's Call with Foreign Minister Vidal", "call"),
        ("The crown prince received a phone call from the emir, who wants to resolve the dispute.", "call"),
        ("The secretary held his first engagement with the minister yesterday via video teleconference.", "call"),
        ("Minister Ruiz Meets Virtually With Her Peruvian Counterpart", "call"),
        ("Chile and Peru have agreed to a major defence pact, the president announced.", "agreement"),
    ],
)
def test_kind_from_wording(sentence, kind):
    guess = classify_kind(sentence)
    assert guess is not None and guess.kind == kind and 0 < guess.confidence <= 1 and guess.cue


@pytest.mark.parametrize("sentence", ["The UK called on China to agree to the plan.", "the so-called Five Eyes",
                                      "Prices rose sharply.",
                                      "The chancellor called an emergency summit of regional leaders.",
                                      "The governor called a snap election for March.",
                                      "The chief executive called the device a breakthrough."])
def test_not_a_call(sentence):
    guess = classify_kind(sentence)
    assert guess is None or guess.kind != "call"


def test_main_event_skips_decks_quotes_background_and_future():
    text = ("Handout says both officials discussed the situation\n\n"
            "“We will hold them to their commitments,” he said.\n\n"
            "He last visited in December, weeks after the change of command.\n\n"
            "The minister will visit Kabul next month for talks.\n\n"
            "U.S. Defense Secretary Lloyd Austin called Pakistan Army chief Gen. Qamar Javed Bajwa on Tuesday night.\n\n"
            "The call comes at a sensitive time for the region and its neighbours.\n\n"
            "They had previously met in December 2019 in Switzerland at a hotel.")
    sentences = split_sentences(text)
    main = find_main_event(sentences, "Austin discusses security with Bajwa")
    assert main.main is not None and main.main.text.startswith("U.S. Defense Secretary")
    assert main.kind.kind == "call"
    assert [s.text[:8] for s in main.supporting] == ["The call"]


def test_titles():
    assert event_title("meeting", ["Mark Milley", "Valery Gerasimov"], "Helsinki", None) == \
        "Milley meets Gerasimov in Helsinki"
    assert event_title("call", ["Lloyd Austin", "Qamar Javed Bajwa"], None, None) == "Austin calls Bajwa"
    assert event_title("visit", ["Mevlut Cavusoglu"], "Islamabad", None) == "Cavusoglu visits Islamabad"
    assert event_title("attack", [], "Zhob", "Militants storm garrison in Zhob, killing nine soldiers overnight") \
        == "Militants storm garrison in Zhob, killing nine soldiers overnight"


def test_summary_uses_the_articles_sentences_without_quotes():
    text = ("The chiefs met Wednesday in Helsinki for the first time in months.\n\n"
            "“It was useful,” a spokesman said.\n\n"
            "Milley met with Gerasimov, the Pentagon said in a statement.")
    main = find_main_event(split_sentences(text))
    summary = event_summary(main)
    assert summary.startswith("The chiefs met Wednesday in Helsinki") and "useful" not in summary
    assert "Milley met with Gerasimov" in summary


def test_a_summit_meeting_of_two_leaders_is_a_meeting_and_a_quoted_conversation_a_call():
    assert classify_kind("Prime Minister Ko held a Summit Meeting with President Lee in Seoul.").kind == "meeting"
    assert classify_kind("Leaders gathered for the G20 summit in Rio.").kind == "summit"
    assert classify_kind("He announced a “productive conversation” with the president on Wednesday.").kind == "call"


def test_naming_a_cabinet_of_any_size_is_an_appointment():
    guess = classify_kind("Ethiopia's new prime minister named a 29-strong cabinet on Thursday that included ten new members.")
    assert guess is not None and guess.kind == "appointment"


def test_talks_held_between_two_leaders_are_a_meeting():
    guess = classify_kind("The president and the prime minister on Sunday pledged to build trust during talks held at "
                          "the outset of two days of diplomacy.")
    assert guess is not None and guess.kind == "meeting"


def test_the_meeting_took_place_during_a_visit_is_a_meeting():
    guess = classify_kind("The meeting took place at the Army Headquarters in Dhaka during General Mirza's official visit.")
    assert guess is not None and guess.kind == "meeting"


def test_a_happening_told_in_a_since_when_clause_is_background():
    sentences = split_sentences("External Affairs Minister S Jaishankar spoke to his Iranian counterpart Seyed Abbas "
                                "Araghchi on Tuesday and discussed the situation. This was their third conversation since "
                                "February 28, when US and Israel attacked Iran.")
    main = find_main_event(sentences)
    assert main.kind.kind == "call" and main.main.index == 0


def test_a_certified_election_result_is_an_announcement_and_a_count_still_an_election():
    certified = classify_kind("Prabowo Subianto was officially declared on Wednesday the winner of the 2024 presidential "
                              "election by a landslide.")
    assert certified is not None and certified.kind == "announcement"
    counted = classify_kind("Anura Kumara Dissanayake was declared the winner of Sri Lanka's presidential election on Sunday.")
    assert counted is not None and counted.kind == "election"


def test_a_meeting_of_a_named_group_is_a_meeting():
    guess = classify_kind("Yesterday, on January 20, the eighth meeting of the Contact Group on the Defense of Ukraine "
                          "ended in Ramstein, Germany.")
    assert guess is not None and guess.kind == "meeting"


def test_called_naming_a_treaty_or_a_plan_is_no_phone_call():
    for sentence in ("The two countries agreed on the text of a defence treaty, called the Harbour Treaty, last week.",
                     "The ministers backed a reconstruction plan called the Lima Initiative on Monday."):
        guess = classify_kind(sentence)
        assert guess is None or guess.kind != "call", guess
    assert classify_kind("President Ana Rojas called the Treasury Secretary on Monday.").kind == "call"
