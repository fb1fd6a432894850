"""Participants: a visit's host named beside the arrival, offices joined by "and", and a place explained by an
office that is someone else's."""

from __future__ import annotations

from timeline.extract.people_mentions import find_names
from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def event_of(text: str):
    return extract_article(parse_article_text(text, "a.txt", "text")).event


def test_a_visits_host_named_after_the_arrival_takes_part_and_is_checked():
    event = event_of("Leader arrives\n\nMay 3, 2024\n\nChilean President Tomas Vidal arrived in Lima, Peru on Monday "
                     "for a three-day state visit.\n\nHe is accompanied by Foreign Minister Ana Rojas and was greeted "
                     "at the airport by Peruvian Prime Minister Luis Prado.\n")
    assert event.kind == "visit"
    assert [p.name for p in event.participants] == ["Tomas Vidal", "Luis Prado"]
    assert event.participants[1].country == "Peru"
    assert "participants" in event.review.needs  # named beside the event's sentence: a person checks


def test_a_visit_has_one_host_the_official_named_first():
    event = event_of("Leader arrives\n\nMay 3, 2024\n\nChilean President Tomas Vidal arrived in Lima, Peru on Monday "
                     "for a three-day state visit.\n\nVidal, who was welcomed by Peruvian Prime Minister Luis Prado, "
                     "is to hold talks with his Peruvian counterpart President Marta Quispe on Tuesday.\n")
    assert [p.name for p in event.participants] == ["Tomas Vidal", "Luis Prado"]


def test_a_visits_own_delegation_is_not_its_host():
    event = event_of("Leader arrives\n\nMay 3, 2024\n\nChilean President Tomas Vidal arrived in Lima, Peru on Monday "
                     "for a three-day state visit.\n\nHe is accompanied by Chilean Foreign Minister Ana Rojas.\n")
    assert [p.name for p in event.participants] == ["Tomas Vidal"]


def test_and_inside_an_office_does_not_end_it():
    found = {f.name: f for f in find_names("He was greeted by Cabinet Secretary for Foreign and Diaspora Affairs "
                                           "Amina Wanjiru at the airport.")}
    assert found["Amina Wanjiru"].role == "Cabinet Secretary for Foreign and Diaspora Affairs"
    assert found["Amina Wanjiru"].confidence > 0.5


def test_a_place_explained_by_someone_elses_office_is_no_person():
    town = {f.name: f for f in find_names("The guest was welcomed at the palace in Old Tartu, the official residence "
                                          "of the Estonian President, on Monday.")}["Old Tartu"]
    assert (town.role, town.country, town.confidence) == (None, None, 0.0)  # a capitalised run with no sign of a person
    found = {f.name: f for f in find_names("Ana Rojas, chief spokesperson of the ministry, said so.")}
    assert found["Ana Rojas"].role == "Chief spokesperson of the ministry"


def test_an_office_before_a_name_stops_at_another_persons_name():
    found = {f.name: f for f in find_names("It was in a readout by Ministry Spokesperson Ana Rojas of Defence Minister "
                                           "Tomas Vidal's phone conversation with Peru's Defence Minister Luis Prado.")}
    assert found["Ana Rojas"].role == "Ministry Spokesperson"
    assert found["Tomas Vidal"].role == "Defence Minister"
    assert found["Luis Prado"].country == "Peru"
    listed = {f.name: f for f in find_names("Presidents Ana Costa of Chile, Luis Prado of Peru and Tomas Vidal of "
                                            "Bolivia met on Friday.")}
    assert listed["Luis Prado"].role != "Presidents Ana Costa of Chile"


def test_a_city_named_like_a_surname_stays_in_the_name_after_an_office():
    # "Austin" is also a city: after an office the run is one person's name, possessive and all.
    names = [f.name for f in find_names("Defense Secretary Lloyd Austin's call with the minister lasted an hour.")]
    assert "Lloyd Austin" in names
    assert [f.name for f in find_names("The minister emphasised to Jaishankar Tehran's firm will.")] == ["Jaishankar"]


def test_a_country_of_two_words_or_a_possessive_still_qualifies_the_office():
    found = {f.name: f for f in find_names("Sri Lankan President Ana Costa met Saudi Arabia's Crown Prince Omar Haddad.")}
    assert found["Ana Costa"].country == "Sri Lanka"
    assert found["Omar Haddad"].country == "Saudi Arabia"


def test_a_visits_host_named_far_from_the_arrival_as_the_visitors_counterpart_takes_part():
    event = event_of("Minister arrives\n\nMay 3, 2024\n\nChilean Foreign Minister Ana Rojas arrived in Lima on Friday."
                     "\n\nThe trip is her first abroad since she took office.\n\nShe will lay a wreath at the memorial."
                     "\n\nRojas is then due to hold talks with her Peruvian counterpart Luis Prado.\n")
    assert [p.name for p in event.participants] == ["Ana Rojas", "Luis Prado"]
    assert (event.participants[1].role, event.participants[1].country) == ("Foreign Minister", "Peru")
    assert "participants" in event.review.needs  # named apart from the visit: a person checks


def test_a_visits_host_with_another_office_far_from_the_arrival_is_not_guessed():
    event = event_of("Minister arrives\n\nMay 3, 2024\n\nChilean Foreign Minister Ana Rojas arrived in Lima on Friday."
                     "\n\nThe trip is her first abroad since she took office.\n\nShe will lay a wreath at the memorial."
                     "\n\nPeru's Finance Minister Luis Prado spoke to reporters about the budget on Thursday.\n"
                     "\n\nPeruvian President Marta Quispe is in Brazil this week.\n")
    assert [p.name for p in event.participants] == ["Ana Rojas"]
