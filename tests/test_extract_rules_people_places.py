"""Generic extraction rules about people, places and the main sentence, each on a small inline article.
"""

from __future__ import annotations

from timeline.extract.kinds import classify_kind, find_main_event, reported_kind
from timeline.extract.metadata import find_dateline
from timeline.extract.people_mentions import find_names
from timeline.extract.places import find_places
from timeline.extract.reading import parse_article_text
from timeline.extract.sentences import split_sentences
from timeline.extract.stub import extract_article


def event_of(text: str):
    return extract_article(parse_article_text(text, "a.txt", "text")).event


def test_the_main_sentence_is_the_one_that_matches_the_headline():
    sentences = split_sentences(
        "Ferry operators said the harbour will reopen at noon on Sunday.\n\nThe mayor met port union leaders to "
        "discuss the schedule, an aide said.\n\nRebels fired rockets at the border town late on Saturday, the "
        "army said in a statement.\n")
    main = find_main_event(sentences, "Rebels fire rockets at border town")
    assert main.main is not None and main.main.text.startswith("Rebels fired rockets")
    assert main.kind is not None and main.kind.kind == "attack"


def test_a_side_meeting_and_a_remark_to_someone_lose_to_the_event():
    sentences = split_sentences("You were elected only last week, and you chose our capital for your first trip.\n\n"
                                "The two leaders held talks over a working lunch at the palace.\n")
    main = find_main_event(sentences, "Leaders hold talks over lunch")
    assert main.main is not None and main.main.text.startswith("The two leaders")


def test_a_resignation_a_ruling_and_a_disaster_are_not_announcements_and_are_reported_as_other():
    assert classify_kind("The finance minister resigned from cabinet on Monday.").kind == "resignation"
    assert classify_kind("The court today delivered its Order on the request.").kind == "ruling"
    assert classify_kind("A powerful earthquake struck the coast on Monday afternoon.").kind == "disaster"
    assert reported_kind("resignation") == "other"
    assert reported_kind("resignation", ("resignation",)) == "resignation"


def test_a_march_called_by_students_is_no_phone_call_and_calling_on_someone_to_act_is_no_visit():
    march = classify_kind("The march, called by students, set off from the main square.")
    assert march is None or march.kind != "call"
    assert classify_kind("Thousands marched through the capital on Sunday.").kind == "protest"
    guess = classify_kind("The opposition leader called on the prime minister to call an election.")
    assert guess is None or guess.kind != "meeting"
    assert classify_kind("She said she had a good conversation with the president by phone.").kind == "call"


def test_sheikh_between_two_names_is_part_of_the_name():
    names = [f.name for f in find_names("President Ali Noor met his counterpart Hassan Sheikh Omar on Monday.")]
    assert "Hassan Sheikh Omar" in names


def test_an_office_before_a_comma_is_the_persons_and_office_words_are_nobody():
    found = {f.name: f for f in find_names("The deal was signed by the Minister of Mines and Energy, Hon. Peter "
                                           "Banda, and the Chief Executive Officer of the company, Mr. Li Wen.")}
    assert set(found) == {"Peter Banda", "Li Wen"}
    assert found["Peter Banda"].role == "Minister of Mines and Energy" and found["Peter Banda"].title == "Hon."


def test_people_of_a_side_sentence_are_not_participants():
    event = event_of("Ministers meet in capital\n\nMay 6, 2024\n\nThe defence minister met his Kenyan counterpart "
                     "Peter Otieno in Nairobi on Monday.\n\nThe minister also met army chief General Amos Kiprono "
                     "and the navy commander.\n")
    assert event is not None
    assert [p.name for p in event.participants] == ["Peter Otieno"]


def test_the_speaker_who_tells_of_their_own_call_takes_part():
    event = event_of("Leaders talk\n\nFebruary 3, 2025\n\nPresident Ana Ruiz said Monday she had a good conversation "
                     "with Brazilian President Paulo Lima by phone that morning.\n")
    assert event is not None and event.kind == "call"
    assert {p.name for p in event.participants} == {"Ana Ruiz", "Paulo Lima"}


def test_an_origin_a_birthplace_and_a_site_named_like_a_town_are_not_the_place():
    assert [p.city for p in find_places("The minister, who flew from Islamabad to Colombo on Tuesday, met the "
                                        "president.")][-1] == "Colombo"
    event = event_of("Leaders meet\n\nMay 6, 2024\n\nPrime Minister Ana Ruiz met Chilean President Paulo Lima in "
                     "Lima on Monday, three weeks after their first meeting in Madrid.\n")
    assert event is not None and event.place == "Lima, Peru"
    assert not any(p.city == "Lido" for p in find_places("Gunmen attacked a restaurant at Lido beach in Mogadishu."))


def test_a_country_name_is_the_country_not_a_town_named_after_it():
    places = find_places("The ministers focused on the fighting in Lebanon.")
    assert [p.name for p in places] == ["Lebanon"]


def test_datelines_with_a_province_an_unknown_agency_or_a_dash():
    assert find_dateline("MOGADISHU, Somalia - At least 32 people were killed.").place == "Mogadishu"
    dakar = find_dateline("DAKAR, 22 sept. (APS) – The President received his counterpart.")
    assert dakar.place == "Dakar" and dakar.agency == "APS"
    assert find_dateline("Lima – President Ana Ruiz swore in a new cabinet.").place == "Lima"
    assert find_dateline("ANKARA").place == "Ankara"
    assert find_dateline("WORLD") is None


def test_a_persons_country_never_comes_from_where_the_event_happened():
    event = event_of("Leaders meet\n\nJanuary 20, 2025\n\nPresident Bola Adeyemi on Monday hosted Ghana's President "
                     "Kofi Mensah at the State House, Abuja.\n")
    assert event is not None
    countries = {p.name: p.country for p in event.participants}
    assert countries == {"Bola Adeyemi": None, "Kofi Mensah": "Ghana"}  # the text does not say whose he is
    assert "participants" in event.review.needs and "Bola Adeyemi" in event.review.notes["participants"]
    general = event_of("Generals meet\n\nSeptember 22, 2021\n\nChairman of the Joint Chiefs of Staff Gen. Mark Halley "
                       "met Russian Chief of General Staff Gen. Ivan Petrov in Helsinki on Wednesday.\n")
    assert {p.name: p.country for p in general.participants} == {"Mark Halley": None, "Ivan Petrov": "Russia"}
    assert general.place == "Helsinki, Finland"


def test_a_counterpart_before_a_comma_takes_the_adjectives_country():
    found = {f.name: f for f in find_names("The talks were co-chaired by the acting defence minister and his Cambodian "
                                           "counterpart, Gen Sok Chea, with observers present.")}
    assert found["Sok Chea"].country == "Cambodia"


def test_a_possessive_inside_a_run_is_an_organisation_and_a_descriptor_is_not_a_name():
    names = [f.name for f in find_names("Leftist Ana Maria Ruiz, leader of the National People's Power alliance, won.")]
    assert "Ana Maria Ruiz" in names and not any("Power" in n for n in names)


def test_a_papers_own_name_above_the_headline_is_the_outlet():
    article = parse_article_text("The Ledger\n\nPolitics\n\nMinisters agree new border rules\n\nMay 2, 2024\n\nThe "
                                 "interior ministers of two neighbouring countries met on Thursday to agree new border "
                                 "rules, officials said.\n", "a.txt", "text")
    assert article.outlet == "The Ledger"
    headline_first = parse_article_text("Ministers agree new rules\n\nMay 2, 2024\n\nThe interior ministers of two "
                                        "countries met on Thursday to agree new border rules, officials said.\n",
                                        "a.txt", "text")
    assert headline_first.outlet is None and headline_first.title == "Ministers agree new rules"


def test_a_transcripts_heading_names_the_participants_when_its_sentences_do_not():
    event = event_of("Joint press conference by President Ana Ruiz and Paulo Lima, Prime Minister of Portugal\n\n"
                     "May 7, 2025\n\nTHE PRESIDENT: Welcome, dear Paulo. We have just had a long working lunch during "
                     "which we addressed trade, defence and migration.\n")
    assert event is not None and event.kind == "meeting"
    assert {p.name for p in event.participants} == {"Ana Ruiz", "Paulo Lima"}
    assert "participants" in event.review.needs


def test_a_lower_case_article_starts_a_name_and_of_a_country_after_a_name_is_theirs():
    found = {f.name: f for f in find_names("Foreign Minister Ali Kaya met his counterpart Asaad al-Hariri, then "
                                           "President Kofi Mensah of Côte d'Ivoire.")}
    assert "Asaad al-Hariri" in found
    assert found["Kofi Mensah"].country == "Ivory Coast"


def test_a_national_outlets_domain_gives_its_own_unqualified_officials_their_country():
    text = ("<html><head><title>Leaders meet</title><link rel=\"canonical\" href=\"https://news.example.com.br/a\">"
            "<meta property=\"article:published_time\" content=\"2024-04-17T10:00:00-03:00\"></head><body><h1>Leaders "
            "meet</h1><p>BOGOTA – President Ana Souza met Colombian President Paulo Lima at the palace on Wednesday "
            "to discuss trade and the Amazon.</p></body></html>")
    event = extract_article(parse_article_text(text, "a.html", "html")).event
    assert event is not None
    assert {p.name: p.country for p in event.participants} == {"Ana Souza": "Brazil", "Paulo Lima": "Colombia"}


def test_a_ruling_is_placed_where_the_court_sits_and_a_project_site_is_not_a_signing_place():
    event = event_of("COURT PRESS RELEASE\n\nTHE HAGUE, 26 January 2024. The Court today delivered its Order on the "
                     "request submitted by one state in the case concerning the war in Gaza.\n")
    assert event is not None and event.place is not None and event.place.startswith("The Hague")
    event = event_of("Mining deal signed\n\nMarch 3, 2025\n\nThe government today signed an investment agreement with "
                     "a mining firm for the construction of a new copper smelter in Kitwe.\n\nThe agreement was "
                     "signed at a ceremony held at the ministry's headquarters in Lusaka.\n")
    assert event is not None and event.place == "Lusaka, Zambia"
    assert find_dateline("THE HAGUE, 26 January 2024. The Court indicates measures.").place == "The Hague"


def test_the_outlet_named_beside_the_date_line():
    article = parse_article_text("Navies end drills\n\nHARBOUR TIMES - Jan 1, 2024 - 19:45 | World\n\nWarships from "
                                 "three countries ended five days of drills on Monday, the navy said in a statement.\n",
                                 "a.txt", "text")
    assert article.outlet == "Harbour Times" and article.published is not None


def test_a_project_that_lists_resignation_among_its_kinds_gets_it():
    article = parse_article_text("Minister quits\n\nDecember 16, 2024\n\nOTTAWA — Finance Minister Ana Ruiz resigned "
                                 "from cabinet on Monday, hours before she was due to present the budget.\n",
                                 "a.txt", "text")
    assert extract_article(article).event.kind == "other"
    assert extract_article(article, kinds=("meeting", "resignation", "other")).event.kind == "resignation"


def test_the_office_someone_resigns_from_gives_their_country():
    found = {f.name: f for f in find_names("Ana Ruiz has resigned as president of the Royal Spanish Football "
                                           "Federation three weeks after the final.")}
    assert found["Ana Ruiz"].country == "Spain" and found["Ana Ruiz"].role.lower().startswith("president of")


def test_a_speaker_telling_of_her_own_call_and_a_counterpart_named_after_an_aside_take_part():
    event = event_of("Leaders talk\n\nFebruary 3, 2025\n\nMexican President Ana Ruiz said that following a phone call "
                     "with President Tom Gray on Monday morning, the tariffs were put on hold.\n")
    assert {p.name for p in event.participants} == {"Ana Ruiz", "Tom Gray"}
    aside = event_of("Rivals talk\n\nSeptember 7, 2022\n\nPresident-elect Sam Otieno finally spoke to outgoing leader "
                     "– and his current boss – Ben Mwangi on Wednesday.\n")
    assert {p.name for p in aside.participants} == {"Sam Otieno", "Ben Mwangi"}


def test_a_ruler_called_by_his_first_name_is_one_person():
    event = event_of("Award\n\nAugust 16, 2022\n\nABU DHABI: President Sheikh Khalid bin Omar Al Falasi on Tuesday "
                     "received General Ali Raza, the army chief. Sheikh Khalid praised the general.\n")
    assert sorted(p.name for p in event.participants) == ["Ali Raza", "Khalid bin Omar Al Falasi"]


def test_a_dateline_opening_the_story_under_a_summary_places_an_appointment_flagged():
    event = event_of("Ethiopia's new PM names new Cabinet\n\nApril 19, 2018\n\nAbiy Ahmed, who was appointed by the ruling "
                     "coalition in March, made the announcement on state television.\n\nADDIS ABABA - Ethiopia's new "
                     "prime minister named a 29-strong cabinet on Thursday that included 10 new members.\n")
    assert event.kind == "appointment" and event.place == "Addis Ababa, Ethiopia" and "place" in event.review.needs


def test_a_town_named_beside_an_event_sentence_that_names_none_is_its_place_flagged():
    event = event_of("Leaders meet\n\nMarch 16, 2023\n\nSouth Korean President Yoon Suk Yeol met Japanese Prime Minister "
                     "Fumio Kishida on Thursday, the first such meeting in twelve years.\n\nThe two leaders later dined "
                     "together in Tokyo's Ginza district.\n")
    assert event.place == "Tokyo, Japan" and "place" in event.review.needs
    assert "beside the event's" in event.review.notes["place"]


def test_a_place_in_a_sentence_framing_the_event_by_an_earlier_one_is_not_its_place():
    event = event_of("Leaders meet\n\nMay 9, 2024\n\nThe president of Freedonia met the king of Sylvania at a "
                     "seaside resort on Wednesday.\n\nThe talks come after the two leaders met in Vienna in March, "
                     "when they discussed trade.\n")
    assert event.date.iso() == "2024-05-08"
    assert event.place is None and "place" in event.review.needs
