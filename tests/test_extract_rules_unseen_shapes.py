"""Names, offices, places and kinds in shapes pages from unseen outlets use: offices ending in "General", a
country whose name opens with a common word, a title run into the name, a capital named by its country's
possessive, sport pages' leagues, and sentences that tell of no happening (a modal, a summit being called).
Each on a snippet written for the test."""

from __future__ import annotations

from timeline.extract.kinds import classify_kind, find_main_event
from timeline.extract.people_mentions import find_names
from timeline.extract.places import find_places
from timeline.extract.reading import parse_article_text
from timeline.extract.sentences import split_sentences
from timeline.extract.stub import extract_article


def names(sentence: str) -> dict[str, tuple]:
    return {f.name: (f.title, f.role, f.country) for f in find_names(sentence) if f.confidence > 0}


def test_general_ending_an_office_is_no_rank():
    found = names("Secretary General Maria Lind welcomed the visiting ministers to the alliance's headquarters.")
    assert found["Maria Lind"] == (None, "Secretary General", None)
    assert names("Attorney General Paul Okoro met the delegation.")["Paul Okoro"] == (None, "Attorney General", None)
    # A rank after an office that is not one of those stays a rank.
    assert names("Army Chief General Tariq Aziz met the envoy.")["Tariq Aziz"] == ("Gen.", "Army Chief", None)


def test_a_country_whose_name_opens_with_a_common_word_qualifies_the_office():
    found = names("The minister also held talks with New Zealand's Defence Minister Hemi Tane on Friday.")
    assert found["Hemi Tane"] == (None, "Defence Minister", "New Zealand")


def test_a_title_run_into_the_name_and_run_together_initials():
    found = names("Defence Minister Arun Rao spoke with Secretary of Defense Dr.Paul Grant about the exercise.")
    assert found["Paul Grant"] == ("Dr.", "Secretary of Defense", None)
    assert "R.K. Menon" in names("Dr. R.K. Menon met the delegation.")
    assert not any(name.startswith("H.E") for name in names("H.E. Mr. KIM Min-jun met the minister."))
    assert [f.name for f in find_names("U.S. President Joe Biden met the U.S. team.")] == ["Joe Biden"]


def test_an_office_after_a_name_stops_at_the_day():
    found = names("Omar Haddad, Foreign Minister of Jordan on Tuesday held talks with his Omani counterpart.")
    assert found["Omar Haddad"][1] == "Foreign Minister of Jordan"


def test_a_league_is_no_person():
    text = ("City Rovers beat Harbour Town 2-1\n\nMay 4, 2024\n\nCity Rovers defeated Harbour Town 2-1 on Saturday to "
            "stay top of the Coastal Premier League with four wins from four matches.\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    assert event is None or not event.participants


def test_a_capital_named_by_its_country_s_possessive():
    places = find_places("The president arrived in Kenya's capital Nairobi on Wednesday for a state visit.")
    assert [p.name for p in places] == ["Nairobi, Kenya"]
    assert find_places("The talks were held in Peru's capital on Monday.")[0].name == "Lima, Peru"


def test_a_modal_before_the_cue_tells_of_no_happening():
    sentences = split_sentences("Their ministers might also be asked to the summit table next year. The alliance "
                                "spends too little on its defence, the writer argues.")
    assert find_main_event(sentences).kind is None


def test_a_summit_being_called_is_a_guess_to_check():
    guess = classify_kind("The president called an emergency summit of regional leaders on Sunday.")
    assert guess is not None and guess.kind == "summit" and guess.confidence < 0.7
    assert classify_kind("The leaders held a summit in Lima on Sunday.").confidence >= 0.7


def test_an_organisation_ending_an_office_then_a_name():
    found = names("Speaker of the National Assembly Imran Qadir Baloch received the visiting delegation on Monday.")
    assert found["Imran Qadir Baloch"][1] == "Speaker of the National Assembly"
    assert not names("Army Headquarters Quetta hosted the meeting.")


def test_offices_written_in_their_own_language_or_with_a_rare_head():
    assert names("Irish Taoiseach Niall Brennan met him in Dublin.")["Niall Brennan"] == (None, "Taoiseach", "Ireland")
    assert names("State Councilor Li Wen met the envoy.")["Li Wen"][1] == "State Councilor"
    assert names("Chief Justice Amina Farooq swore in the cabinet.")["Amina Farooq"][1] == "Chief Justice"


def test_a_place_name_with_a_joined_arabic_article():
    places = find_places("The president hosted the king in the Red Sea resort of Sharm el-Sheikh on Sunday.")
    assert places[0].name == "Sharm el-Sheikh, Egypt"


def test_a_disaster_named_only_for_its_aftermath_is_not_the_happening():
    guess = classify_kind("The prime minister on Monday announced a relief package for flood victims in the south.")
    assert guess is not None and guess.kind == "announcement"
    assert classify_kind("Floods swept through three districts on Monday.").kind == "disaster"


def participants_of(body: str) -> list[str]:
    text = f"Leaders meet\n\nMay 8, 2024\n\n{body}\n"
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    return [p.name for p in event.participants]


def test_someone_in_a_clause_about_another_time_takes_no_part():
    names_taking_part = participants_of(
        "President Ana Costa met Chilean President Tomas Vidal in Lima on Friday, weeks after former Peruvian "
        "President Luis Prado criticised the trade pact.")
    assert names_taking_part == ["Ana Costa", "Tomas Vidal"]
    # An opening clause may frame the event itself.
    names_taking_part = participants_of("Days after the vote President Ana Costa called Chilean President Tomas Vidal.")
    assert sorted(names_taking_part) == ["Ana Costa", "Tomas Vidal"]


def test_a_company_s_chief_executive_is_no_name_word():
    found = names("Apple Chief Executive Tom Reyes met the president in Jakarta on Wednesday.")
    assert "Tom Reyes" in found and found["Tom Reyes"][1] == "Apple Chief Executive"


def test_a_town_written_straight_after_the_building_s_name():
    places = find_places("The two leaders held talks at State House Entebbe after a working lunch.")
    assert places[0].name == "State House, Entebbe, Uganda"
    assert find_places("They met at State House in Nairobi.")[0].name == "State House, Nairobi, Kenya"


def test_a_summit_a_trip_is_made_for_leaves_the_trip_the_news():
    guess = classify_kind("The president arrived in Astana on Monday to attend the regional leaders' summit.")
    assert guess is not None and guess.kind == "visit"


def test_a_meeting_with_a_crowd_or_a_match_report_is_a_kind_to_check():
    assert classify_kind("The chairman met investors in Mumbai on Friday.").confidence < 0.7
    assert classify_kind("The chief executive met reporters after the launch.").confidence < 0.7
    assert classify_kind("City Rovers hosted Harbour Town on Saturday and won 2-0.").confidence < 0.7
    assert classify_kind("The two leaders met on Friday to discuss shared development goals.").confidence >= 0.7
    assert classify_kind("The president met the visiting foreign minister on Friday.").confidence >= 0.7
    # A range of days is no score.
    assert classify_kind("The two envoys held talks with the mediators between March 6-10.").confidence >= 0.7


def test_a_lifetime_of_meetings_is_background():
    sentences = split_sentences("The former premier met world leaders many times during his career. He was 75.")
    assert find_main_event(sentences).kind is None


def test_a_country_s_last_word_does_not_open_the_name_after_it():
    found = names("The text was signed by the Minister of State of Saudi Arabia Faisal Al Harbi and the envoy.")
    assert found["Faisal Al Harbi"][2] == "Saudi Arabia"


def test_an_office_explaining_a_named_person_resolves_no_one_else():
    from timeline.extract.offices import resolve_office
    from timeline.load.people import PeopleRegistry, Person, Role
    from timeline.partial_date import parse_date_spec, parse_partial_date

    registry = PeopleRegistry([Person("ivan-sokol", "Ivan Sokol", country="Russia", roles=[
        Role("Chief of the General Staff", organisation="Russian Armed Forces", start=parse_partial_date("2012-11-09"))])])
    on = parse_date_spec("2024-04-22")
    named = "Maj. Gen. Reza Karimi, chief of general staff of Iranian armed forces, held talks with the hosts."
    assert resolve_office(named, registry, on) == []
    # Unnamed, the "of" part gives the country: an Iranian office is no Russian's.
    assert resolve_office("The chief of general staff of the Iranian armed forces held talks.", registry, on) == []
    assert [h.person.name for h in resolve_office("The chief of general staff of the Russian armed forces held talks.",
                                                  registry, on)] == ["Ivan Sokol"]
    # A day or a place before the comma sets the scene: the office after it is still unnamed.
    assert [h.person.name for h in resolve_office("On Monday, the Russian chief of general staff held talks.",
                                                  registry, on)] == ["Ivan Sokol"]


def test_a_visit_to_a_person_is_a_meeting():
    assert classify_kind("General Ali Reza, commander of the navy, paid a visit to General Omar Khan on Monday.").kind \
        == "meeting"
    assert classify_kind("The admiral paid a courtesy visit to his Turkish counterpart in Ankara.").kind == "meeting"
    assert classify_kind("The minister paid a visit to Pakistan on Monday.").kind == "visit"


def test_a_full_name_doing_the_event_needs_no_title():
    assert participants_of("Petrov met Aidar Nurlanovich Sadykov at the palace in Astana on Wednesday.") \
        == ["Petrov", "Aidar Nurlanovich Sadykov"]
    assert sorted(participants_of("Ivan Petrov and Mehmet Ali Yilmaz held talks in Sochi on Monday.")) \
        == ["Ivan Petrov", "Mehmet Ali Yilmaz"]
    # Not a company, a product or a place.
    assert participants_of("Company executives met Microsoft Azure engineers in Redmond on Monday.") == []
    assert participants_of("The delegation visited Arlington Cemetery on Monday and signed Paris Agreement papers.") == []
