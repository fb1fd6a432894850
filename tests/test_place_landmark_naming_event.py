"""A seat of government named before the happening held in it ("his White House meeting", "the Kremlin talks")
places the happening there, as "at the White House" does."""

from __future__ import annotations

from timeline.extract.places import find_places


def test_a_landmark_before_the_happening_places_it() -> None:
    places = find_places("The premier played down the tense moments of his White House meeting with the president.")
    assert [p.name for p in places] == ["White House, Washington, United States"]
    assert find_places("After an Oval Office meeting on Tuesday, both leaders spoke of progress.")[0].city == "Washington"
    assert find_places("The Kremlin talks lasted four hours.")[0].name == "Kremlin, Moscow, Russia"


def test_a_landmark_standing_for_its_government_is_no_place() -> None:
    assert find_places("The White House said on Monday that the tariffs would stay.") == []
    assert find_places("The Kremlin denied the report.") == []
