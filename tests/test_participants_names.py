"""Participants on real pages' shapes: one person named several ways, honorifics and particles, the other side,
those who come with a side, transcripts' speaker labels."""

from __future__ import annotations

from timeline.extract.people_mentions import find_names, find_people
from timeline.extract.reading import parse_article_text
from timeline.extract.sentences import split_sentences
from timeline.extract.stub import extract_article


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


def named(sentence: str) -> dict[str, tuple]:
    return {f.name: (f.title, f.role) for f in find_names(sentence) if f.confidence > 0}


def test_honorifics_are_titles_not_names():
    assert named("His Excellency, Advocate Duma Gideon Boko, President of the Republic of Botswana, arrived.") \
        == {"Duma Gideon Boko": ("Adv.", "President of the Republic of Botswana")}
    assert named("Prime Minister Dato' Seri Anwar Ibrahim met him.")["Anwar Ibrahim"][0] == "Dato' Seri"


def test_a_sultan_and_an_amir_are_offices_and_al_said_is_a_family_name():
    assert named("He held talks with Sultan Haitham bin Tariq Al Said of Oman.") \
        == {"Haitham bin Tariq Al Said": (None, "Sultan")}
    found = named("UAE President Sheikh Mohamed bin Zayed wished Qatar's Amir Sheikh Tamim bin Hamad Al-Thani success.")
    assert found["Tamim bin Hamad Al-Thani"] == ("Sheikh", "Amir")


def test_amir_as_a_given_name_stays_a_name():
    assert "Amir Hatami" in {f.name for f in find_names("Defence Minister Amir Hatami met him in Tehran.")}


def test_the_other_side_after_a_country_name_and_a_new_leader_called_to():
    text = "Russian President Vladimir Putin held a telephone conversation with Uzbekistan Shavkat Mirziyoyev on Saturday."
    assert people(text) == {"Vladimir Putin": True, "Shavkat Mirziyoyev": True}
    text = "China's President Xi Jinping held talks on Monday with Vietnam's new leader To Lam in Beijing."
    assert people(text) == {"Xi Jinping": True, "To Lam": True}


def test_those_who_come_with_a_side_are_not_a_side():
    text = "President Alexander Stubb, accompanied by Mrs Suzanne Innes-Stubb, paid a state visit to Sweden."
    assert people(text) == {"Alexander Stubb": True, "Suzanne Innes-Stubb": False}
    text = ("Prime Minister Anthony Albanese arrived in Port Moresby at the head of a delegation, including Defence "
            "Minister Richard Marles and Defence Industry Minister Pat Conroy, to meet Prime Minister James Marape.")
    assert people(text) == {"Anthony Albanese": True, "Richard Marles": False, "Pat Conroy": False,
                            "James Marape": True}


def test_a_regnal_number_between_a_kings_names():
    assert "Carl XVI Gustaf" in {f.name for f in find_names("King Carl XVI Gustaf and Queen Silvia hosted a dinner.")}


def test_a_transcripts_speaker_labels_name_its_sides():
    text = ("INDONESIAN DEFENCE MINISTER, PRABOWO SUBIANTO: Your Excellency, thank you for your visit from Australia. "
            "AUSTRALIAN DEPUTY PRIME MINISTER, RICHARD MARLES: Well, thank you Pak Prabowo. "
            "It is an honour to be here again in Jakarta for our meeting.")
    assert people(text, (2,)) == {"Prabowo Subianto": True, "Richard Marles": True}
    text = "CHRISTOPHER LUXON, PRIME MINISTER OF NEW ZEALAND: Kia ora. We have just concluded our leaders' meeting."
    assert people(text, (1,)) == {"Christopher Luxon": True}


def test_a_capital_dateline_with_a_colon_names_no_one():
    text = "KUALA LUMPUR: Prime Minister Anwar Ibrahim met Singapore's Prime Minister Lawrence Wong on Monday."
    assert people(text) == {"Anwar Ibrahim": True, "Lawrence Wong": True}


def test_a_given_name_alone_is_the_one_person_it_begins():
    text = ("Defence Minister Prabowo Subianto hosted Deputy Prime Minister Richard Marles in Jakarta. "
            "Pak Prabowo and Marles held talks.")
    assert people(text, (0, 1)) == {"Prabowo Subianto": True, "Richard Marles": True}


def event_of(text: str):
    return extract_article(parse_article_text(text, "a.txt", "text")).event


def test_a_visits_host_a_national_outlet_names_without_a_country():
    event = event_of("Visit boosts ties\n\nMarch 28, 2023\n\nPresident Ama Mensah said the talks went well.\n\n"
                     "U.S. Vice President Jane Doe arrived in Ghana on Sunday for a three-day visit.\n")
    assert [p.name for p in event.participants] == ["Jane Doe", "Ama Mensah"]
    assert "participants" in event.review.needs


def test_a_visits_host_is_not_a_deputy_or_a_former_president():
    event = event_of("Visit boosts ties\n\nMarch 28, 2023\n\nFormer President Kofi Boateng praised the ties.\n\n"
                     "U.S. Vice President Jane Doe arrived in Ghana on Sunday for a three-day visit.\n")
    assert [p.name for p in event.participants] == ["Jane Doe"]


def test_a_statement_made_alongside_someone_is_theirs_too():
    text = ("Lt. Gen. Shahid Chaudhry, Director General, said in a statement alongside Air Marshal Robert Ivanova, "
            "Deputy Chief of Air Staff, in Berlin on Saturday.")
    assert people(text)["Robert Ivanova"] is True


def test_a_countrys_people_are_no_person():
    text = ("Prime Minister Lawrence Wong met Prime Minister Anwar Ibrahim in Putrajaya to deliver benefits to "
            "Singaporeans and Malaysians.")
    assert people(text) == {"Lawrence Wong": True, "Anwar Ibrahim": True}


def test_a_region_of_the_world_is_no_person():
    assert "Eastern Europe" not in people("President Ana Rivas met leaders from Central and Eastern Europe in Warsaw.")
    assert "West Africa" not in people("President Ali Demir met the leaders of West Africa in Abuja on Tuesday.")


def test_the_one_who_travelled_or_arrived_for_the_event_takes_part_without_a_title():
    assert people("Ana Rivas has travelled to Warsaw to meet with the President of Poland.") == {"Ana Rivas": True}
    assert people("Ana Rivas has arrived in Warsaw for talks with Piotr Nowak.") == {"Ana Rivas": True, "Piotr Nowak": True}


def test_a_month_s_short_name_can_be_a_given_name():
    assert people("Jan Lipa held talks with Piotr Nowak on Tuesday.") == {"Jan Lipa": True, "Piotr Nowak": True}
    assert "Jan" not in " ".join(people("Piotr Nowak met Ana Rivas on Jan 5 in Warsaw."))


def test_the_first_word_of_a_nation_s_name_is_no_person():
    found = people("Foreign Minister Ali Demir spoke with South Korean Foreign Minister Cho Tae-yul on Wednesday.")
    assert found == {"Ali Demir": True, "Cho Tae-yul": True}


def test_an_office_the_page_gives_one_of_its_people_names_that_person_flagged():
    event = extract_article(parse_article_text(
        "Defence ministers to meet\n\nJune 21, 2022\n\n"
        "Defence Minister Ravi Kumar will hold talks with Canadian Minister of National Defence Tom Baxter in Delhi on "
        "Wednesday.\n\nThe Canadian Defence Minister arrived in India for a four-day visit on Monday.\n",
        "a.txt", "text")).event
    assert event is not None
    assert "Tom Baxter" in [p.name for p in event.participants]
    assert "participants" in event.review.needs
    assert "only as 'Defence Minister'" in event.review.notes["participants"]


def test_right_honourable_is_a_title_and_a_letter_alone_is_no_name():
    found = people("Sharing the meeting on X, the embassy said President Ana Rivas met with Rt. Hon. Mr. Piotr Nowak.")
    assert set(found) == {"Ana Rivas", "Piotr Nowak"}
