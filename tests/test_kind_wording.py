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
        # A year or another clause between them tells of an earlier signing: its own cue is the nearer one.
        ("They also revived the trade accords signed on March 2, 1998 and the transit agreements.", None),
    ],
)
def test_kind_of_sentence(sentence: str, kind: str | None) -> None:
    guess = classify_kind(sentence)
    assert (guess.kind if guess else None) == kind


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


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A happening named only as the time of another is not the sentence's news.
        ("In a joint statement, Ruiz, the likely next president following the May 3 election, praised the ties "
         "and said the two ministers met in Quito.", "meeting"),
        # Told with "a", it is the news.
        ("Governor Lee said that following a phone call with the premier on Monday, the levy is on hold.", "call"),
        ("The Chilean defence minister said on Friday after meeting his Peruvian counterpart in Lima that "
         "the exercises would resume.", "meeting"),
        ("The two leaders agreed to restart regular reciprocal visits, the premier said.", None),
        # A thing's name is no call; a person who calls is told with "the" or a name.
        ("The firm on Monday began teasing its first tablet called Nimbus Pro on social media.", None),
        ("The premier called Chancellor Brandt on Tuesday.", "call"),
        ("A senior minister called his Latvian counterpart on Monday.", "call"),
    ],
)
def test_kind_of_the_news_not_of_its_time(sentence: str, kind: str | None) -> None:
    guess = classify_kind(sentence)
    assert (guess.kind if guess else None) == kind


def test_a_discussion_takes_the_form_a_later_sentence_names() -> None:
    text = ("President Amara Diallo has confirmed his discussion with his Ghanaian counterpart Kofi Mensah, "
            "where they spoke about the regional trade corridor. "
            "The two leaders also reviewed plans for a joint customs post on the border. "
            "Mensah's office said the corridor would open next year. "
            "Diallo's spokesperson said on Thursday that Diallo had a telephone discussion with Mensah on Wednesday.")
    main = find_main_event(split_sentences(text))
    assert main.kind is not None and main.kind.kind == "call"
    assert main.kind.confidence >= CONFIDENCE_THRESHOLD


def test_a_discussion_alone_is_a_meeting_to_check() -> None:
    text = ("President Amara Diallo has confirmed his discussion with his Ghanaian counterpart Kofi Mensah, "
            "where they spoke about the regional trade corridor.")
    main = find_main_event(split_sentences(text))
    assert main.kind is not None and main.kind.kind == "meeting"
    assert main.kind.confidence < CONFIDENCE_THRESHOLD
