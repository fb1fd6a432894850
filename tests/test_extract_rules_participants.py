"""Participants in the sentence shapes real reports use beyond "X met Y": a country's possessive before a name, a
speaker telling of their own talks, the sides named next to an event sentence that names none. Each on a small
inline article."""

from __future__ import annotations

from timeline.extract.people_mentions import find_names
from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def people_of(text: str) -> dict[str, tuple]:
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    return {p.name: (p.role, p.country) for p in event.participants}


def test_a_country_s_possessive_before_a_full_name_gives_the_person_and_their_country():
    people = people_of("Ministers talk again\n\nMarch 13, 2026\n\nNew Delhi: External Affairs Minister S. Jaishankar "
                       "held his fourth phone call with Iran's Abbas Araghchi on Thursday.\n")
    assert people["Abbas Araghchi"][1] == "Iran" and "S. Jaishankar" in people


def test_a_speaker_telling_of_their_own_talks_took_part():
    people = people_of("Talks in Geneva\n\nJanuary 21, 2022\n\nGENEVA (Reuters) - U.S. Secretary of State Antony "
                       "Blinken said talks with Russian Foreign Minister Sergei Lavrov on Friday were frank and useful.\n")
    assert set(people) == {"Antony Blinken", "Sergei Lavrov"}


def test_the_one_who_announces_results_is_not_a_participant():
    found = {f.name: f for f in find_names("President Kassym-Jomart Tokayev won the early elections, said the chairman "
                                           "of the Central Election Commission, Nurlan Abdirov.")}
    event = extract_article(parse_article_text(
        "Tokayev wins\n\nNovember 21, 2022\n\nPresident Kassym-Jomart Tokayev won the early elections on Sunday, said "
        "the chairman of the Central Election Commission, Nurlan Abdirov.\n", "a.txt", "text")).event
    assert "Nurlan Abdirov" in found and "Nurlan Abdirov" not in {p.name for p in event.participants}


def test_a_dateline_city_is_not_a_person_with_an_office():
    found = {f.name: f for f in find_names("Seoul, May 26 (Jiji Press)--Japanese Prime Minister Fumio Kishida and "
                                           "South Korean President Yoon Suk-yeol agreed Sunday to improve ties.")}
    assert found["Seoul"].role is None and found["Seoul"].confidence == 0  # a lone word with no sign of a person
    assert found["Fumio Kishida"].role == "Prime Minister"


def test_a_korean_name_with_a_hyphenated_given_name_is_found_by_its_family_name():
    people = people_of("Leaders meet\n\nMay 26, 2024\n\nJapanese Prime Minister Fumio Kishida and South Korean "
                       "President Yoon Suk-yeol agreed on Sunday to improve ties.\n\nAt their meeting, Kishida and Yoon "
                       "agreed to strengthen coordination.\n")
    assert set(people) == {"Fumio Kishida", "Yoon Suk-yeol"}


def test_sides_named_beside_an_event_sentence_that_names_none_are_participants_to_check():
    event = extract_article(parse_article_text(
        "Ministers speak\n\nMarch 6, 2026\n\nExternal Affairs Minister S. Jaishankar thanked Iranian Foreign Minister "
        "Seyed Abbas Araghchi for the update.\n\nThe two foreign ministers held a phone conversation on Thursday "
        "night.\n", "a.txt", "text")).event
    assert {p.name for p in event.participants} == {"S. Jaishankar", "Seyed Abbas Araghchi"}
    assert "participants" in event.review.needs and "beside the event's" in event.review.notes["participants"]


def test_a_country_s_adjective_on_an_office_before_a_comma_gives_the_person_s_country():
    people = people_of("President receives Blair\n\nMay 28, 2024\n\nABUJA: President Bola Tinubu on Tuesday received in "
                       "audience the former British Prime Minister, Mr Tony Blair, at the State House.\n")
    assert people["Tony Blair"] == ("Prime Minister", "United Kingdom")


def test_a_hyphenated_office_is_a_government_office_for_the_outlet_s_own_country():
    event = extract_article(parse_article_text(
        "Ruto calls Uhuru\n\nSeptember 7, 2022\n\nPresident-elect William Ruto has made a phone call to the outgoing "
        "head of state, President Uhuru Kenyatta, on Wednesday.\n\nSource: https://www.example.co.ke/news/ruto-call\n",
        "a.txt", "text")).event
    assert {p.name: p.country for p in event.participants} == {"William Ruto": "Kenya", "Uhuru Kenyatta": "Kenya"}


def test_a_family_name_in_capitals_after_a_courtesy_title_is_one_name():
    found = {f.name: f for f in find_names("On May 26, Mr. KISHIDA Fumio, Prime Minister of Japan held a Summit Meeting "
                                           "with H.E. Mr. YOON Suk Yeol, President of the Republic of Korea.")}
    assert found["Kishida Fumio"].role == "Prime Minister of Japan" and found["Kishida Fumio"].country == "Japan"
    assert "Yoon Suk Yeol" in found and "Fumio" not in found
    assert {f.name for f in find_names("The ISPR said Gen Munir visited Kabul.")} >= {"Munir"}  # an acronym stays one


def test_a_summit_of_two_leaders_is_their_meeting_and_of_three_a_summit():
    def kind_of(text: str) -> str:
        return extract_article(parse_article_text(text, "a.txt", "text")).event.kind

    assert kind_of("Leaders hold summit\n\nMarch 16, 2023\n\nSouth Korean President Yoon Suk Yeol and Japanese Prime "
                   "Minister Fumio Kishida held their first bilateral summit in Tokyo on Thursday.\n") == "meeting"
    assert kind_of("Leaders hold summit\n\nMay 27, 2024\n\nSouth Korean President Yoon Suk Yeol, Japanese Prime "
                   "Minister Fumio Kishida and Chinese Premier Li Qiang held a three-way summit in Seoul on "
                   "Monday.\n") == "summit"


def test_names_that_start_like_common_words_or_follow_a_place_in_an_office():
    found = {f.name: f for f in find_names("Party General Secretary and President To Lam and his Chinese counterpart "
                                           "Xi Jinping witnessed the signing.")}
    # Both offices are his: "and" between two offices with no name between them joins them.
    assert found["To Lam"].role == "Party General Secretary and President"
    assert "In Washington" not in {f.name for f in find_names("The President In Washington said so.")}
    ruler = {f.name: f for f in find_names("General Qamar Javed Bajwa met the Prime Minister of the UAE and Ruler of "
                                           "Dubai Shaikh Mohammad bin Rashid Al Maktoum on Saturday.")}
    assert ruler["Mohammad bin Rashid Al Maktoum"].title == "Sheikh"
    assert ruler["Mohammad bin Rashid Al Maktoum"].role == "Ruler of Dubai"
    chair = {f.name: f for f in find_names("The results came in an announcement from election commission chairperson "
                                           "Hasyim Asy'ari in Jakarta.")}
    assert chair["Hasyim Asy'ari"].confidence > 0


def test_a_bare_initial_a_possessive_name_and_a_place_s_possessive_after_a_name():
    found = {f.name: f for f in find_names("External Affairs Minister S Jaishankar spoke to his Iranian counterpart Seyed "
                                           "Abbas Araghchi.")}
    assert found["S Jaishankar"].role == "External Affairs Minister"
    assert [f.name for f in find_names("The minister emphasised to Jaishankar Tehran's firm will.")] == ["Jaishankar"]
    mirza, = [f for f in find_names("The meeting took place during General Mirza's official visit.") if f.name == "Mirza"]
    assert mirza.title == "Gen."
    assert "A Pentagon" not in {f.name for f in find_names("A Pentagon spokesman said so.")}


def test_people_in_a_contrast_clause_beside_the_event_do_not_take_part():
    event = extract_article(parse_article_text(
        "Leaders meet in Lima\n\nMay 3, 2024\n\nLIMA (AFP) - Peruvian president Ana Rojas welcomes Chilean president "
        "Tomas Vidal to Peru with an official ceremony. The Chilean leader's visit to Lima comes while Bolivian leader "
        "Luis Arce Mamani and his Ecuadorian counterpart Daniel Noboa Azin are in Brazil.\n", "a.txt", "text")).event
    assert sorted(p.name for p in event.participants) == ["Ana Rojas", "Tomas Vidal"]


def test_a_dateline_may_name_the_country_in_brackets_before_the_agency():
    article = parse_article_text("Leaders meet\n\nMay 3, 2024\n\nLima (Peru) (AFP) – Peruvian president Ana Rojas "
                                 "met Chilean president Tomas Vidal on Friday.\n", "a.txt", "text")
    assert article.dateline == "Lima" and article.agency == "AFP"
    assert article.text.startswith("Peruvian president")


def test_his_national_counterpart_is_the_one_official_of_that_country_named_on_the_page():
    text = ("Ministers meet\n\nMay 3, 2024\n\nChilean Defence Minister Tomas Vidal is holding talks with his Peruvian "
            "counterpart in Lima.\n\nThe border has been calm for years.\n\nPeruvian Defence Minister Ana Rojas "
            "took office in March.\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    assert sorted(p.name for p in event.participants) == ["Ana Rojas", "Tomas Vidal"]
    two = text.replace("took office in March.", "took office in March, and Peruvian Navy Commander Luis Prado in April.")
    event = extract_article(parse_article_text(two, "a.txt", "text")).event
    assert [p.name for p in event.participants] == ["Tomas Vidal"]  # two Peruvian officials: neither is assumed


def test_an_unqualified_official_in_a_national_outlets_copy_filed_abroad_has_no_country_guessed():
    text = ("Ministers talk\n\nMay 3, 2024\n\nLima, May 3 (PTI) Foreign Minister Ana Rojas held a telephone "
            "conversation on Friday with her Chilean counterpart Tomas Vidal.\n\n"
            "Source: https://www.examplenews.in/world/rojas-vidal-call\n")
    event = extract_article(parse_article_text(text, "a.txt", "text")).event
    people = {p.name: p.country for p in event.participants}
    assert people == {"Ana Rojas": None, "Tomas Vidal": "Chile"} and "participants" in event.review.needs
    # Filed at home, the national outlet's unqualified minister is its own country's.
    event = extract_article(parse_article_text(text.replace("Lima, May 3 (PTI)", "New Delhi, May 3 (PTI)"),
                                               "a.txt", "text")).event
    assert {p.name: p.country for p in event.participants}["Ana Rojas"] == "India"


def test_the_one_who_invited_or_sent_someone_takes_no_part():
    people = people_of("Leader visits\n\nMay 3, 2024\n\nPresident Ana Rojas of Peru has started a state visit to Chile "
                       "at the invitation of President Tomas Vidal.\n")
    assert list(people) == ["Ana Rojas"]
    people = people_of("Envoy meets king\n\nMay 3, 2024\n\nForeign Minister Ana Rojas met King Luis of Sylvania on "
                       "Friday on behalf of President Tomas Vidal.\n")
    assert sorted(people) == ["Ana Rojas", "Luis"]
