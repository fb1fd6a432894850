"""One person named several ways on a page stays one participant: a hyphenated surname alone, a speaker whose own
visit the sentence tells of."""

from __future__ import annotations

from timeline.extract.people_mentions import find_people
from timeline.extract.sentences import split_sentences


def people(text: str, event: tuple[int, ...] = (0,)) -> dict[str, bool]:
    return {p.name: p.is_participant for p in find_people(split_sentences(text), None, event)}


def test_a_hyphenated_surname_alone_is_the_person_named_in_full():
    text = ("President Nana Addo Dankwa Akufo-Addo on Monday received U.S. Vice President Kamala Harris in Accra. "
            "President Akufo-Addo met her at the foyer of the presidency. "
            "Later, President Akufo-Addo hosted a state banquet.")
    assert people(text, (0, 1)) == {"Nana Addo Dankwa Akufo-Addo": True, "Kamala Harris": True}


def test_the_full_name_after_a_hyphenated_surname_is_the_same_person():
    text = ("President Akufo-Addo on Monday received U.S. Vice President Kamala Harris in Accra. "
            "President Nana Addo Dankwa Akufo-Addo said the talks were fruitful.")
    assert people(text) == {"Nana Addo Dankwa Akufo-Addo": True, "Kamala Harris": True}


def test_two_people_sharing_one_part_of_a_hyphenated_surname_stay_two():
    text = ("Prime Minister Suzanne Innes-Stubb met President Alexander Stubb in Helsinki. "
            "President Stubb said they agreed.")
    found = people(text)
    assert set(found) == {"Suzanne Innes-Stubb", "Alexander Stubb"}
