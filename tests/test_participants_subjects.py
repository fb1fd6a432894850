"""Participants: a phrase before a comma that opens the sentence (a named day, a dateline) is no person."""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def participants_of(text: str) -> list[str]:
    return sorted(p.name for p in extract_article(parse_article_text(text, "a.txt", "text")).event.participants)


@pytest.mark.parametrize(
    "lead",
    [
        "On Unity Day, President Ada Lindqvist welcomed Prime Minister Tomas Berggren to Tartu on Friday.",
        "Tartu, BALTNEWS – The Estonian President Ada Lindqvist held a meeting with Prime Minister Tomas Berggren "
        "of Sweden at the old town hall.",
    ],
)
def test_the_words_before_the_subjects_comma_are_no_person(lead: str) -> None:
    text = f"Leaders meet in Tartu\n\nMay 9, 2025\n\n{lead}\n\nThe two leaders discussed energy links.\n"
    assert participants_of(text) == ["Ada Lindqvist", "Tomas Berggren"]


def test_an_office_explained_after_a_name_is_still_read() -> None:
    text = ("Ministers meet in Tartu\n\nMay 9, 2025\n\nKalle Tamm, the Estonian defence minister, met his Swedish "
            "counterpart Pal Jonsson in Tartu on Friday.\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    tamm = next(p for p in event.participants if p.name == "Kalle Tamm")
    assert tamm.role is not None and "minister" in tamm.role.lower()


def test_a_counterpart_named_after_a_comma_takes_part() -> None:
    text = ("Presidents meet in Abuja\n\nMarch 27, 2025\n\nPresident Ada Okafor on Thursday received her Togolese "
            "counterpart, Kodjo Mensah, at the presidential villa in Abuja.\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    mensah = next(p for p in event.participants if p.name == "Kodjo Mensah")
    assert mensah.country == "Togo"


def test_an_office_named_later_replaces_the_counterparts() -> None:
    text = ("Ministers speak by phone\n\nAugust 30, 2021\n\nDefence Minister Arjun Rao spoke to his US counterpart, "
            "Mark Ellison, on Monday over the phone.\n\nUS Defense Secretary Mark Ellison thanked Rao for his "
            "country's help during the call.\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    ellison = next(p for p in event.participants if p.name == "Mark Ellison")
    assert ellison.role == "Defense Secretary" and ellison.country == "United States"


def test_an_office_written_by_its_initials_is_spelt_out() -> None:
    text = ("Ministers speak by phone\n\nJune 2, 2025\n\nEAM Arjun Mehra spoke with his Omani counterpart Badr "
            "Hamad on Monday.\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    mehra = next(p for p in event.participants if p.name == "Arjun Mehra")
    assert mehra.role == "External Affairs Minister"
