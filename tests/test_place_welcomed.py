"""Places: a guest welcomed to a town is met there; an office held "to" a country is no trip."""

from __future__ import annotations

from timeline.extract.places import find_places


def test_a_guest_welcomed_to_a_town_is_met_there() -> None:
    places = find_places("On Friday, President Ana Ruiz welcomed the Chilean foreign minister Tomas Vidal to Valparaiso "
                         "for talks on the fisheries dispute.")
    assert [p.name for p in places] == ["Valparaíso, Chile"]


def test_an_envoy_to_a_country_is_no_place_of_the_event() -> None:
    assert find_places("The minister met Ana Ruiz, the special envoy to Chile, on Friday.") == []
