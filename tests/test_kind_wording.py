"""Kinds from the wordings real reports use for talks, signings and happenings still ahead."""

from __future__ import annotations

import pytest

from timeline.extract.event_fields import CONFIDENCE_THRESHOLD
from timeline.extract.kinds import classify_kind, find_main_event
from timeline.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Talks held with a person, whatever their manner, are a meeting; talks about a subject are talks.
        ("President Alvarez held bilateral talks with Prime Minister Osei in Accra today.", "meeting"),
        ("The two neighbours have held high-level talks in Lima on border security.", "meeting"),
        ("Delegations from both sides resumed peace talks in Doha on Sunday.", "talks"),
        # The day and the place may stand between the signing and what was signed.
        ("Chancellor Brandt and Prime Minister Novak signed on Tuesday March 4 in Graz, in southern Austria, "
         "a treaty of friendship between the two countries.", "agreement"),
        ("The two presidents gathered in Tirana to sign a historic border treaty.", "agreement"),
        ("Lithuania And Latvia Sign Energy Pact In Riga", "agreement"),
    ],
)
def test_kind_of_sentence(sentence: str, kind: str) -> None:
    guess = classify_kind(sentence)
    assert guess is not None and guess.kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "With the alliance divided on spending, diplomats are bracing for a potentially tense summit in Vilnius.",
        "Officials in both capitals are preparing for the upcoming visit to Santiago by the Peruvian president.",
    ],
)
def test_a_happening_still_ahead_is_only_a_guess(sentence: str) -> None:
    guess = classify_kind(sentence)
    assert guess is not None and guess.confidence < CONFIDENCE_THRESHOLD


def test_a_noun_sign_or_an_intended_signing_is_no_agreement() -> None:
    noun = classify_kind("The vote was a sign of growing support for the new defence agreement.")
    assert noun is None or noun.kind != "agreement"
    text = ("Thank you for hosting me in Jakarta today. We hope to finalise and sign the cooperation agreement "
            "between our two countries in the next three months. The minister met his counterpart at the palace.")
    main = find_main_event(split_sentences(text))
    assert main.kind is not None and main.kind.kind == "meeting"
