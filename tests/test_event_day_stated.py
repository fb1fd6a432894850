"""The event's day where the page states it beside, or apart from, the day the lead gives: a weekday written with
its date ("on Wednesday, September 29"), and the event's own noun with its day ("the call took place on Tuesday")
under a lead that gives only the day it was reported (issue 15, point 2).

Each article is written for this test, in the shape wire copy and papers' reports take.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def stub(text: str):  # type: ignore[no-untyped-def]
    event = extract_article(parse_article_text(text, "report.txt", "text")).event
    assert event is not None
    return event


def test_a_weekday_written_with_its_date_takes_the_date_over_a_stamp_days_later():
    event = stub("Ministers hold talks in Ankara\n\nOctober 8, 2021\n\nANKARA — Turkish Foreign Minister Ali "
                 "Demir met Russian Foreign Minister Pavel Orlov in Ankara on Wednesday, September 29, to discuss "
                 "grain exports.\n\nThe two ministers also discussed Syria, officials said.\n")
    assert event.date.iso() == "2021-09-29"  # not Wednesday 6 October, the last before the stamp
    assert "date" in event.review.needs  # still a local day, which a person checks
    assert "the page writes it 'on Wednesday'" in event.review.notes["date"]


def test_a_weekday_and_date_place_the_event_on_a_page_with_no_stamp():
    event = stub("Ministers hold talks in Ankara\n\nTurkish Foreign Minister Ali Demir met Russian Foreign Minister "
                 "Pavel Orlov in Ankara on Wednesday night (29 September 2021) to discuss grain exports.\n")
    assert event.date.iso() == "2021-09-29"


def test_a_weekday_that_does_not_match_its_date_is_flagged():
    event = stub("Ministers hold talks in Ankara\n\nOctober 4, 2021\n\nTurkish Foreign Minister Ali Demir met Russian "
                 "Foreign Minister Pavel Orlov in Ankara on Thursday, September 29, to discuss grain exports.\n")
    assert event.date.iso() == "2021-09-29"
    assert "date" in event.review.needs
    assert "2021-09-29 is a Wednesday" in event.review.notes["date"]


def test_the_day_the_page_gives_the_call_beats_the_day_it_was_announced():
    event = stub("Presidents hold call\n\nJune 8, 2023\n\nPresident Thabo Nkosi had a telephone call with Russian "
                 "President Ivan Petrov, the Presidency said on Wednesday.\n\nThe call took place on Tuesday, "
                 "spokesperson Lindiwe Dube said.\n\nThe two leaders discussed the peace mission.\n")
    assert event.date.iso() == "2023-06-06"
    assert "the day it was reported ('on Wednesday')" in event.review.notes["date"]


def test_talks_held_on_an_evening_give_their_day_flagged_for_the_time_zone():
    event = stub("Leaders meet\n\nMarch 14, 2023\n\nPresident Jane Otieno held talks with Prime Minister John Mwangi, "
                 "State House said on Tuesday.\n\nThe talks were held on Monday evening at State House in Nairobi.\n")
    assert event.date.iso() == "2023-03-13"
    assert "date" in event.review.needs


def test_a_meeting_announced_for_a_later_day_is_not_the_day_of_the_event():
    event = stub("Leaders to meet\n\nMarch 14, 2023\n\nPresident Jane Otieno held talks with Prime Minister John Mwangi, "
                 "State House said on Tuesday.\n\nTheir next meeting will be on Friday in Mombasa.\n")
    assert event.date.iso() != "2023-03-17"


def test_a_weekday_of_last_week_is_that_day_of_the_week_before():
    event = stub("Ministers hold talks\n\nThursday, March 16, 2023\n\nForeign Minister Ali Demir met his Kenyan "
                 "counterpart Grace Wanjiru in Nairobi on Tuesday last week to discuss trade.\n")
    assert event.date.iso() == "2023-03-07"  # not Tuesday 14 March, this week's
    earlier = stub("Ministers hold talks\n\nThursday, March 16, 2023\n\nForeign Minister Ali Demir met his Kenyan "
                   "counterpart Grace Wanjiru in Nairobi on Monday of the previous week.\n")
    assert earlier.date.iso() == "2023-03-06"
