"""Participants: who the main event's sides are when the page names one of them as a speaker telling of their own
meeting, or names the other side far from the event's sentence."""

from __future__ import annotations

from extraction_testkit import extracted

event_of = extracted


def test_a_speaker_telling_of_the_meeting_they_will_hold_takes_part():
    event = event_of("Ministers to meet\n\nMay 3, 2024\n\nLima, May 3 -- Peruvian Defense Minister Luis Prado said "
                     "Friday he will meet with Chilean Defense Minister Ana Rojas in Lima on Sunday.\n")
    assert sorted(p.name for p in event.participants) == ["Ana Rojas", "Luis Prado"]


def test_a_speaker_commenting_on_a_meeting_takes_no_part():
    event = event_of("Ministers meet\n\nMay 3, 2024\n\nPeruvian Defense Minister Luis Prado met Chilean Defense "
                     "Minister Ana Rojas in Lima on Friday, ministry spokesperson Marta Quispe said.\n")
    assert sorted(p.name for p in event.participants) == ["Ana Rojas", "Luis Prado"]


def test_his_visit_is_the_visit_of_the_man_the_sentence_before_names():
    event = event_of("Guest welcomed\n\nMay 3, 2024\n\nChilean President Tomas Vidal was accorded a ceremonial "
                     "welcome in Lima on Friday.\n\nThe event marked the start of his three-day state visit to Peru.\n"
                     "\nPeruvian President Marta Quispe received him at the palace.\n")
    assert event.kind == "visit"
    assert [p.name for p in event.participants][:1] == ["Tomas Vidal"]
    assert "participants" in event.review.needs  # a pronoun's person: checked


def test_a_pronoun_after_someone_named_in_the_event_sentence_adds_no_one():
    event = event_of("Guest welcomed\n\nMay 3, 2024\n\nChilean Finance Minister Luis Prado spoke on Thursday.\n\n"
                     "Chilean President Tomas Vidal began his three-day state visit to Peru on Friday.\n")
    assert [p.name for p in event.participants] == ["Tomas Vidal"]


def test_someone_named_in_a_clause_about_a_thing_takes_no_part():
    event = event_of("Leaders speak\n\nMay 3, 2024\n\nPeruvian President Marta Quispe held a phone call with Chilean "
                     "President Tomas Vidal on Friday about the truce, which she said came at the urging of Brazilian "
                     "President Luis Prado.\n")
    assert sorted(p.name for p in event.participants) == ["Marta Quispe", "Tomas Vidal"]


def test_an_office_of_a_body_with_its_initials_before_a_comma_names_the_other_side():
    event = event_of("President hosts party leader\n\nMay 3, 2024\n\nPresident Tunde Bello has met National Chairman "
                     "of the People's Unity Congress (PUC), Amaka Obi, at the State House, Abuja.\n")
    assert sorted(p.name for p in event.participants) == ["Amaka Obi", "Tunde Bello"]
    obi = next(p for p in event.participants if p.name == "Amaka Obi")
    assert obi.role == "National Chairman of the People's Unity Congress"


def test_the_headline_names_the_other_side_the_event_sentence_leaves_out():
    event = event_of("Bello hosts Obi at State House\n\nMay 3, 2024\n\nPresident Tunde Bello on Friday received in "
                     "audience a party chieftain at the State House in Abuja.\n\nThe ruling party holds its convention "
                     "in June.\n\nGovernor Amaka Obi is expected to "
                     "seek the party's ticket next year.\n")
    assert sorted(p.name for p in event.participants) == ["Amaka Obi", "Tunde Bello"]
    assert "participants" in event.review.needs
    assert "the other side the headline names" in event.review.notes["participants"]


def test_a_headline_naming_a_third_person_adds_no_one():
    event = event_of("Bello, Obi and Danjuma at odds\n\nMay 3, 2024\n\nPresident Tunde Bello on Friday received in "
                     "audience a party chieftain at the State House in Abuja.\n\nThe ruling party holds its convention "
                     "in June.\n\nGovernor Amaka Obi and Senator Musa "
                     "Danjuma are expected to seek the party's ticket next year.\n")
    assert [p.name for p in event.participants] == ["Tunde Bello"]


def test_an_outlet_before_reports_is_no_side():
    event = event_of("Leaders meet\n\nMay 3, 2024\n\nPresident Tunde Bello has met with Prime Minister Amaka Obi in "
                     "Abuja, Newsbyte reports, citing the presidency.\n")
    assert sorted(p.name for p in event.participants) == ["Amaka Obi", "Tunde Bello"]
