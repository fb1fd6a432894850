"""A page that tells a happening only as still to come (a preview) reports that happening, flagged, rather than
none at all; a lead that tells a past happening keeps it."""

from __future__ import annotations

from timeline.extract.event_fields import CONFIDENCE_THRESHOLD
from timeline.extract.kinds import find_main_event
from timeline.extract.sentences import split_sentences


def main_of(text: str):
    return find_main_event(split_sentences(text))


def test_a_preview_reports_the_happening_it_announces_flagged() -> None:
    main = main_of("The President of Malawi will arrive in Harare tomorrow for a two-day state visit. Roads near "
                   "the airport will be closed from noon.")
    assert main.kind is not None and main.kind.kind == "visit"
    assert main.kind.confidence < CONFIDENCE_THRESHOLD
    assert main.main is not None and "state visit" in main.main.text


def test_a_past_happening_in_the_lead_wins_over_one_still_ahead() -> None:
    main = main_of("The two foreign ministers will meet again in May. On Monday they signed a visa agreement in "
                   "Lima, officials said.")
    assert main.kind is not None and main.kind.kind == "agreement"


def test_a_page_with_nothing_of_a_known_kind_still_reports_none() -> None:
    main = main_of("Fuel prices will rise next month, the regulator said. Drivers are advised to plan ahead.")
    assert main.kind is None
