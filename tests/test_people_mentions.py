"""People in articles: rank, office, country, coreference, participants versus speakers."""

from __future__ import annotations

from timeline.extract.people_mentions import find_names, find_people
from timeline.extract.sentences import split_sentences
from timeline.load.people import PeopleRegistry, Person


def names(sentence: str) -> dict[str, tuple]:
    return {f.name: (f.title, f.role, f.country) for f in find_names(sentence) if f.confidence > 0}


def test_rank_office_and_country_before_the_name():
    found = names("Chairman of the Joint Chiefs of Staff Gen. Mark Milley met with Russian Chief of General Staff "
                  "Gen. Valery Gerasimov here.")
    assert found["Mark Milley"] == ("Gen.", "Chairman of the Joint Chiefs of Staff", None)
    assert found["Valery Gerasimov"] == ("Gen.", "Chief of General Staff", "Russia")


def test_offices_with_lower_case_heads_and_country_adjectives():
    found = names("U.S. Defense Secretary Lloyd Austin called Pakistan Army chief Gen. Qamar Javed Bajwa.")
    assert found["Lloyd Austin"] == (None, "Defense Secretary", "United States")
    assert found["Qamar Javed Bajwa"] == ("Gen.", "Army chief", "Pakistan")
    assert names("COAS Gen Asim Munir met him.")["Asim Munir"][0] == "Gen."
    assert names("Russian President Vladimir Putin rejected it.")["Vladimir Putin"] == (None, "President", "Russia")


def test_appositive_office_after_the_name():
    found = names("Asif Durrani, Pakistan's special representative to Afghanistan, traveled to Kabul.")
    assert found["Asif Durrani"] == (None, "Special representative to Afghanistan", "Pakistan")
    found = names("General Michael Erik Kurilla, the commander of the United States Central Command (CENTCOM), spoke.")
    title, role, country = found["Michael Erik Kurilla"]
    assert title == "Gen." and role.startswith("Commander of the United States Central Command")
    assert country == "United States"
    found = names("Adm. Jane Ortiz, chairman of the U.S. Joint Chiefs of Staff, met her Greek counterpart in Athens.")
    assert found["Jane Ortiz"][1:] == ("Chairman of the U.S. Joint Chiefs of Staff", "United States")


def test_organisations_and_places_are_not_people():
    found = names("Islamic State and the General Assembly of the United Nations met at the General Headquarters "
                  "with New Zealand and the Black Sea.")
    assert found == {}


def test_and_separates_two_people():
    found = names("President Joe Biden and Chinese leader Xi Jinping agreed.")
    assert found["Xi Jinping"] == (None, "Leader", "China")


def test_later_mentions_resolve_by_surname():
    text = ("Top US military commander held talks with Army chief General Asim Munir in Rawalpindi.\n\n"
            "The talks were held during a meeting between US Central Command General Michael Erik Kurilla and "
            "the army chief.\n\nGeneral Munir thanked him. Later, Kurilla said the visit went well.")
    people = find_people(split_sentences(text), None, event_sentences=(0, 1))
    by_name = {p.name: p for p in people}
    assert set(by_name) == {"Asim Munir", "Michael Erik Kurilla"}
    assert by_name["Asim Munir"].sentences == [0, 2]  # "the army chief" is not a name
    assert 3 in by_name["Michael Erik Kurilla"].sentences
    assert all(p.is_participant for p in people)


def test_spokespeople_and_speakers_are_not_participants():
    text = ("Polish Defence Minister Mariusz Blaszczak met Ukrainian Defence Minister Oleksii Reznikov, "
            "said ministry spokesman Jacek Sogala.\n\n"
            "Pentagon spokesperson John Kirby had told a briefing that talks were ongoing.")
    people = {p.name: p for p in find_people(split_sentences(text), None, event_sentences=(0,))}
    assert people["Mariusz Blaszczak"].is_participant and people["Oleksii Reznikov"].is_participant
    assert not people["Jacek Sogala"].is_participant
    assert not people["John Kirby"].is_participant and people["John Kirby"].country == "United States"


def test_registry_gives_ids_names_and_missing_countries():
    registry = PeopleRegistry([Person(id="mark-milley", name="Mark Milley", title="Gen.", country="United States",
                                      aliases=["General Milley"])])
    text = "Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley met officials.\n\nMr Milley left."
    people = find_people(split_sentences(text), registry, event_sentences=(0,))
    assert people[0].person_id == "mark-milley" and people[0].name == "Mark Milley"
    assert people[0].country == "United States" and people[0].sentences == [0, 1]


def test_unknown_people_get_a_slug_id():
    people = find_people(split_sentences("Foreign Minister Jane Q. Doe met reporters."), None, (0,))
    assert people[0].person_id == "jane-q-doe"


def test_a_hindi_office_title_is_an_office():
    found = names("The visiting secretary made a telephone call to Raksha Mantri Vikram Anand this evening.")
    assert found["Vikram Anand"][1] == "Raksha Mantri"


def test_a_short_month_name_ends_a_name_unless_a_day_follows_it():
    assert "Dong Jun" in names("Chinese Defence Minister Dong Jun met his Russian counterpart in Beijing.")
    assert "Theresa May" in names("Former Prime Minister Theresa May spoke in the debate.")
    assert "Xi Jinping" in names("President Xi Jinping Jun 3 received the delegation.")


def test_a_plural_office_is_each_of_the_names_after_it():
    found = names("Presidents Ana Ruiz of Chile and Tomas Vidal of Peru on Monday held a telephone conversation.")
    assert found["Ana Ruiz"] == (None, "President", "Chile")
    assert found["Tomas Vidal"] == (None, "President", "Peru")


def test_a_clause_opening_verb_and_an_office_word_are_not_names():
    assert "Welcoming Ruiz" not in names("Welcoming Ruiz to the capital, President Tomas Vidal praised the talks.")
    assert "Tomas Vidal" in names("Welcoming Ruiz to the capital, President Tomas Vidal praised the talks.")
    found = names("The minister spoke with Member of the Standing Committee and Foreign Minister of Peru, Tomas Vidal.")
    assert not any(name.startswith("Member") for name in found)


def test_a_countrys_office_then_a_comma_then_the_name():
    found = names("Chilean President, Ana Ruiz, met Peru's Foreign Minister, Tomas Vidal, in Lima.")
    assert found["Tomas Vidal"] == (None, "Foreign Minister", "Peru")
    assert found["Ana Ruiz"] == (None, "President", "Chile")
    assert "Xi Jinping" not in names("In Beijing, Xi Jinping met him.")  # a place before the comma is no office


def test_a_professor_stacked_before_another_honorific_is_a_title_not_a_person():
    names = find_names("Prime Minister Ana Costa met the Chief Adviser, Professor Dr. Amin Rahman, in Cairo.")
    assert [n.name for n in names] == ["Ana Costa", "Amin Rahman"]
    assert [n.title for n in find_names("Professor Jane Roe of Oxford University said the talks went well.")] == ["Prof."]
