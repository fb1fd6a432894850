"""Rules for the main event's date beyond its own sentences: the lead's day when they give none, and days that land
on the page's own stamp, which is only as good as the stamp. Each on a small inline article."""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article
from timeline.extract.temporal import find_temporal_mentions, is_future_at
from timeline.partial_date import PartialDate


def event_of(text: str):
    return extract_article(parse_article_text(text, "a.txt", "text")).event


def test_the_lead_dates_an_event_whose_own_sentences_give_no_day():
    event = event_of("Prime minister names cabinet\n\nApril 20, 2018\n\nThe new prime minister named a 29-strong "
                     "cabinet on Thursday that included ten new members.\n\nThe cabinet was appointed to steer the "
                     "country through reforms, and the ministers were sworn in before parliament.\n")
    assert event.date is not None and event.date.iso() == "2018-04-19"


def test_a_lead_day_found_away_from_the_event_is_flagged():
    event = event_of("Ministers hold talks\n\nMay 3, 2023\n\nThe ministry released photographs on Tuesday of the "
                     "delegation arriving at the airport for its visit.\n\nDuring the meeting, the pair discussed "
                     "bilateral co-operation and joint action in areas of defence.\n")
    assert event.date is not None and event.date.iso() == "2023-05-02"
    assert "date" in event.review.needs and "the lead states" in event.review.notes["date"]


def test_the_day_someone_spoke_is_not_taken_from_the_lead():
    event = event_of("Award for the general\n\nAugust 17, 2022\n\nThe general was honoured for his services, the "
                     "military's media wing said on Wednesday in a statement.\n\nDuring the meeting, the pair "
                     "discussed bilateral co-operation and joint action in areas of defence.\n")
    assert event.date is None and "date" in event.review.needs


def test_this_evening_on_the_stamp_s_own_day_is_flagged():
    event = event_of("Presidents speak\n\nAugust 24, 2024\n\nPresident Abdel Fattah El-Sisi received a phone call from "
                     "US President Joe Biden this evening.\n\nThe two presidents reviewed the negotiations.\n")
    assert event.date.iso() == "2024-08-24" and event.kind == "call"
    assert "date" in event.review.needs and "a copy posted the next day" in event.review.notes["date"]


def test_a_relayed_statement_dated_on_the_stamp_s_own_day_is_flagged():
    event = event_of("General receives award\n\nAugust 17, 2022\n\nABU DHABI: General Qamar Javed Bajwa on Wednesday "
                     "met Sheikh Mohamed bin Zayed at a ceremony held in Abu Dhabi.\n\nAccording to the ISPR, the two "
                     "leaders discussed regional security.\n")
    assert event.date.iso() == "2022-08-17"
    assert "date" in event.review.needs and "relays an issuer's account" in event.review.notes["date"]


def test_a_same_day_weekday_with_nothing_against_it_stays_confident():
    event = event_of("Generals meet\n\nAugust 17, 2022\n\nABU DHABI: General Qamar Javed Bajwa on Wednesday met "
                     "Sheikh Mohamed bin Zayed at a ceremony held in Abu Dhabi.\n\nThe two leaders discussed regional "
                     "security.\n")
    assert event.date.iso() == "2022-08-17" and "date" not in event.review.needs


def test_a_weekday_the_page_also_names_weeks_before_its_stamp_is_flagged():
    event = event_of("Monday, March 10, 2025\n\nPresident recaps her call\n\nSheinbaum spoke with Trump on Monday "
                     "morning and agreed to deploy troops to the northern border.\n\nShe held her press conference "
                     "later than normal.\n\nThe tariffs were due to start after the talks of Feb. 3, 2025, the "
                     "ministry recalled.\n")
    assert event.date.iso() == "2025-03-10"
    assert "date" in event.review.needs and "2025-02-03" in event.review.notes["date"]


def test_would_in_reported_speech_is_the_future_seen_from_the_past():
    published = PartialDate(2025, 2, 5)
    planned, = find_temporal_mentions("He said he would meet the premier on Tuesday.", published)
    assert planned.future
    said, = find_temporal_mentions("Sheinbaum said on Monday that troops would be deployed.", published)
    assert not said.future and said.value.iso() == "2025-02-03"
    assert not find_temporal_mentions("The minister would have met him on Monday.", published)[0].future
    event = event_of("Tariffs paused\n\nFebruary 3, 2025\n\nSheinbaum said 10,000 National Guard troops would be "
                     "deployed along the border to combat fentanyl smuggling.\n")
    assert event is None or event.kind != "deployment"


def test_a_complement_clause_about_the_future_leaves_the_day_it_was_said_in_the_past():
    said, = [m for m in find_temporal_mentions("Sheinbaum announced Monday that the tariffs imposed by Trump will be put "
                                               "on hold for a month.", PartialDate(2025, 2, 3)) if m.text.endswith("Monday")]
    assert not said.future and said.value.iso() == "2025-02-03"


def test_had_a_call_with_is_a_call():
    event = event_of("Leaders speak\n\nFebruary 3, 2025\n\nIn a statement on her X account, President Claudia Sheinbaum "
                     "said she had a call with President Donald Trump, during which both leaders reached agreements.\n")
    assert event.kind == "call"


def test_a_day_inside_a_period_named_first_is_the_event_s_day():
    event = event_of("Talks in Geneva\n\nJanuary 21, 2022\n\nFollowing a flurry of meetings this year, the US secretary of "
                     "state and Russia's foreign minister met face to face on Friday for talks in Geneva.\n")
    assert event.date.iso() == "2022-01-21"


def test_without_a_publication_date_the_lead_dates_nothing():
    event = event_of("Iran and Saudi Arabia restore ties\n\nThe two countries signed an agreement on Friday in Beijing to "
                     "restore ties.\n\nThey also agreed to reactivate the security agreements signed on April 17, 2001 "
                     "and trade agreements.\n")
    assert event.date is None and "date" in event.review.needs


def test_a_day_on_the_verb_that_reports_the_event_is_flagged():
    event = event_of("Office confirms the call\n\nMarch 9, 2023\n\nThe premier's office on Thursday confirmed she had a "
                     "telephone conversation with her Chilean counterpart about fishing rights.\n\nThe two leaders "
                     "agreed to meet again.\n")
    assert event.kind == "call" and event.date.iso() == "2023-03-09"
    assert "date" in event.review.needs and "the day the event was reported" in event.review.notes["date"]


def test_upcoming_makes_only_its_noun_future():
    published = PartialDate(2023, 3, 9)
    text = "The two premiers spoke on Tuesday to prepare the upcoming trade fair in the capital."
    tuesday, = [m for m in find_temporal_mentions(text, published) if m.text.endswith("Tuesday")]
    assert not tuesday.future and tuesday.value.iso() == "2023-03-07"
    upcoming = "The ministers discussed the upcoming summit in the capital."
    assert is_future_at(upcoming, upcoming.find("summit"))
    scheduled = "The leaders discussed a regional forum scheduled to take place in May."
    assert is_future_at(scheduled, scheduled.find("May"))


def test_a_later_sentence_of_a_quotation_is_not_the_lead():
    event = event_of("Office confirms the call\n\nMarch 9, 2023\n\nThe premier's office said the two leaders spoke by "
                     "telephone about fishing rights on Wednesday night.\n\n\u201cThe premier welcomed the offer of "
                     "help. The call followed a meeting of coastal leaders which took place on Monday in the north.\u201d\n")
    assert event.date.iso() == "2023-03-08"


def test_yesterday_counted_from_the_stamp_is_flagged_like_today():
    event = event_of("Presidents speak\n\nAugust 24, 2024\n\nPresident Anna Berg received a phone call from "
                     "Chancellor Tomas Ek yesterday.\n\nThe two leaders reviewed the negotiations.\n")
    assert event.date.iso() == "2024-08-23" and event.kind == "call"
    assert "date" in event.review.needs and "a copy posted the next day" in event.review.notes["date"]


def test_a_weekday_counted_from_an_update_stamp_is_flagged():
    event = event_of("Ministers meet\n\nUpdated: May 10, 2024\n\nThe foreign ministers of Chile and Peru met on "
                     "Monday in Lima to discuss the border.\n\nThe two ministers agreed to meet again.\n")
    assert event.date.iso() == "2024-05-06"
    assert "date" in event.review.needs and "last update" in event.review.notes["date"]


def test_a_weekday_owning_the_event_s_noun_beats_the_day_it_was_reported():
    event = event_of("Leaders agree\n\nDecember 1, 2024\n\nPeru's President Ana Rojas said on Thursday she and Chile's "
                     "President Tomas Vidal had agreed to reopen the border in a friendly phone call.\n\nFollowing "
                     "Wednesday's call, Vidal said the crossings would open within a week.\n")
    assert event.date.iso() == "2024-11-27" and "Wednesday's" in event.review.notes["date"]
    unnamed = event_of("Leaders agree\n\nDecember 1, 2024\n\nPeru's President Ana Rojas said on Thursday she and Chile's "
                       "President Tomas Vidal had agreed to reopen the border in a friendly phone call.\n")
    assert unnamed.date.iso() == "2024-11-28"


def test_a_day_in_a_clause_about_another_happening_does_not_date_the_event():
    event = event_of("Ministers talk\n\nMay 12, 2024\n\nFreedonia and Sylvania on Sunday renewed their pledge to keep the "
                     "border calm.\n\nThe pledge came in a telephone conversation between Foreign Minister Ana Ruiz and "
                     "her Sylvanian counterpart Tomas Vidal.\n\nDuring the conversation, Ruiz briefed Vidal on the "
                     "situation after the bombing in the northern valley on Tuesday in which nine people died.\n")
    assert event.date.iso() == "2024-05-12"  # the lead's Sunday, never the bombing's Tuesday
    assert "date" in event.review.needs


def test_a_call_no_one_takes_part_in_is_flagged_and_a_name_in_quotes_is_no_call():
    event = event_of("Retailer teases phone\n\nNovember 9, 2023\n\nThe retailer is entering the crowded phone market "
                     "with a private label called ‘Zenith.’ The company on Wednesday started teasing its first model "
                     "on social media.\n\nThe phone will go on sale next week.\n")
    assert event.kind != "call" and "kind" in event.review.needs
    event = event_of("Talks in the capital\n\nNovember 9, 2023\n\nThe delegations met on Wednesday in the capital to "
                     "discuss the harbour dispute, the ministry said.\n")
    assert event.kind == "meeting" and event.participants == []
    assert {"kind", "date"} <= set(event.review.needs)


def test_without_a_stamp_a_full_date_told_with_the_same_kind_of_happening_in_the_lead_dates_the_event():
    event = event_of("Presidents hold talks\n\nPresident Ana Ruiz of Freedonia and President Tomas Vidal of Sylvania "
                     "recently met at the State House to discuss regional matters.\n\nAt the State House, President "
                     "Ruiz met and spoke with President Vidal yesterday 13th August 2023.\n\nAgreements signed on "
                     "April 17, 2001 still guide their trade.\n")
    assert event.date.iso() == "2023-08-13" and "date" in event.review.needs


def test_a_caption_naming_a_present_tense_scene_and_its_full_date_never_dates_the_event():
    event = event_of("Ministers talk\n\nMinister Ana Ruiz testifies April 2, 2024, before the budget committee.\n\n"
                     "LIMA - Minister Ana Ruiz on Tuesday morning spoke with her Chilean counterpart Tomas Vidal for the "
                     "first time since 2022, the ministry said.\n\nThe two spoke during a video teleconference.\n\n"
                     "Source: https://news.example.org/2024/04/09/ruiz-vidal-call\n")
    assert event.kind == "call" and event.date.iso() == "2024-04-09"


def test_a_product_launch_gives_no_confident_date():
    event = event_of("Acme unveils new phone\n\nMarch 9, 2024\n\nAcme on Wednesday unveiled its latest smartphone, "
                     "the Acme One, at an event in San Francisco.\n\nChief executive Tomas Vidal called the device "
                     "a breakthrough.\n")
    assert event.kind != "meeting" and {"kind", "date"} <= set(event.review.needs)
