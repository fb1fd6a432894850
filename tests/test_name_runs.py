"""Which capitalised runs are people's names: the last word of a country's or a city's name, the name of a
meeting, a town after "in", and a determiner opening a sentence are not; a regnal number is part of one."""

from __future__ import annotations

import pytest

from timeline.extract.people_mentions import find_names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a country's or a city's name that opens with a common word ("New") leaves no name behind
        ("This was his third visit to New Zealand as Prime Minister.", []),
        ("The foreign minister flew to New Delhi on Monday.", []),
        ("Prime Minister Jane Roe of New Zealand met Prime Minister John Doe.", ["Jane Roe", "John Doe"]),
        ("Defence Minister of Saudi Arabia Musaid Al Aiban received him.", ["Musaid Al Aiban"]),
        # the name of a meeting is nobody's name
        ("Roe met Doe for the annual Australia–New Zealand Leaders’ Meeting.", ["Roe", "Doe"]),
        ("The ministers met at the Shangri-La Dialogue in Singapore.", []),
        # a determiner opening the sentence is no first name
        ("Neither Roe nor Doe mentioned tariffs.", ["Roe", "Doe"]),
        # a regnal number is part of the name; a lone V or X may be an initial
        ("King Mohammed VI received the prime minister.", ["Mohammed VI"]),
        ("Pope Leo XIV met the president.", ["Leo XIV"]),
        # a town where something happens is nobody's name, after "in", "at" or "near"
        ("The king received Prime Minister John Doe in Rabat.", ["John Doe"]),
        ("Jane Roe spoke to Austin on Monday.", ["Jane Roe", "Austin"]),
    ],
)
def test_names_in_a_sentence(sentence: str, names: list[str]) -> None:
    assert [found.name for found in find_names(sentence)] == names
