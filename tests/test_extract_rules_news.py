"""Generic extraction rules for news prose (future meetings, numeric and ordinal dates, counterparts, opinion pieces,
standfirsts, background summaries), each on a small inline article.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article
from timeline.extract.temporal import find_temporal_mentions
from timeline.partial_date import PartialDate


def event_of(text: str):
    return extract_article(parse_article_text(text, "a.txt", "text")).event


def test_a_future_meeting_is_reported_as_its_announcement():
    event = event_of("Leaders to meet next week\n\nMarch 5, 2024\n\nWASHINGTON, March 5 (Reuters) - The president will "
                     "meet the visiting prime minister in Chicago next week, the White House said on Tuesday, in their "
                     "first talks this year.\n")
    assert event.kind == "announcement" and event.place is None
    assert event.date.iso() == "2024-03-05"  # the announcement's day, never the meeting's


def test_numeric_dates_give_only_what_is_certain():
    ambiguous, = find_temporal_mentions("They met on 04/10/2023 at State House.", None)
    assert ambiguous.value.iso() == "2023" and ambiguous.confidence < 0.7
    one_way, = find_temporal_mentions("They met on 22/09/2021 at State House.", None)
    assert one_way.value.iso() == "2021-09-22"  # 22 cannot be a month: it reads one way only
    month_first, = find_temporal_mentions("They met on 9/22/2021 at State House.", None)
    assert month_first.value.iso() == "2021-09-22"
    same, = find_temporal_mentions("They met on 05.05.2021 at State House.", None)
    assert same.value.iso() == "2021-05-05"
    assert find_temporal_mentions("They met on 31/02/2021 at State House.", None)[0].value is None


def test_an_ordinal_day_is_a_day_of_the_publication_month():
    mention, = find_temporal_mentions("He arrived on the 23rd for a week-long visit.", PartialDate(2023, 9, 25))
    assert mention.value.iso() == "2023-09-23"
    earlier, = find_temporal_mentions("He arrived on the 28th for a week-long visit.", PartialDate(2023, 9, 25))
    assert earlier.value.iso() == "2023-08-28"


def test_a_past_clause_keeps_its_date_beside_a_future_one():
    mentions = find_temporal_mentions("The truce was signed late on Saturday, the statement said, and is due to take "
                                      "effect on Monday.", PartialDate(2023, 5, 21))
    assert [m.value.iso() for m in mentions] == ["2023-05-20", "2023-05-22"]


def test_counterpart_takes_the_other_side_office_and_family_names_come_first():
    event = event_of("Ministers talk\n\nJune 27, 2023\n\nBEIJING, June 27 (Xinhua) -- Chinese Foreign Minister Qin Gang "
                     "held talks with his Kenyan counterpart Alfred Mutua in Beijing on Tuesday.\n\nQin said the two "
                     "sides should deepen cooperation.\n")
    people = {p.name: (p.role, p.country) for p in event.participants}
    assert people == {"Qin Gang": ("Foreign Minister", "China"), "Alfred Mutua": ("Foreign Minister", "Kenya")}
    assert event.title == "Qin meets Mutua in Beijing"  # "Qin", as the article itself shortens the name


def test_an_opinion_piece_yields_no_event():
    extraction = extract_article(parse_article_text(
        "Opinion\n\nWhy the talks in Geneva were never going to work\n\nBy Jane Roe\n\nPublished March 3, 2024\n\n"
        "When the two foreign ministers met in Geneva last month, few expected a breakthrough, and none came.\n\n"
        "Jane Roe is a senior fellow at the Institute for Peace Studies.\n", "a.txt", "text"))
    assert extraction.event is None and "opinion" in extraction.problems[0]


def test_the_standfirst_is_not_read_as_the_lead():
    article = parse_article_text(
        "Leaders sign rail deal at annual retreat\n\nThe two leaders agreed to press ahead with the rail link, due "
        "to open in 2026.\n\nJane Doe\n\n13 Jan 2025 06:00AM\n\nPrime Minister Ana Lopez met Prime Minister Ben Ong "
        "in Putrajaya last Tuesday for the annual leaders' retreat.\n", "a.txt", "text")
    assert article.standfirst.startswith("The two leaders agreed") and "agreed" not in article.text
    event = extract_article(article).event
    assert event.kind == "meeting" and event.date.iso() == "2025-01-07"


def test_background_summaries_name_the_person_not_a_pronoun():
    event = event_of("Envoy meets minister\n\nMay 3, 2024\n\nEnvoy Sam Reed met Foreign Minister Ola Berg in Oslo on "
                     "Friday.\n\nThe envoy discussed trade with officials.\n\nHe visited Stockholm in March 2023, "
                     "meeting business leaders there.\n")
    summaries = [m.summary for m in event.mentions]
    assert summaries and not any(s.split()[0] in ("He", "She") for s in summaries), summaries


def test_a_quoted_post_dates_the_today_inside_it():
    event = event_of("Minister calls army chief\n\nThe defence minister spoke with the army chief, the ministry said."
                     "\n\nEarlier today, I spoke with the Chief of Army Staff General Jan Doe of Freedonia. We discussed "
                     "regional stability.\n\n— Defence Minister Ann Roe (@MinRoe) August 9, 2021\n")
    assert event.date.iso() == "2021-08-09"  # the page states no date of its own
    assert "quoted post, counted from the post's own date 2021-08-09" in event.review.notes["date"]


def test_a_day_word_reported_from_hours_away_is_flagged_not_shifted():
    event = event_of("Army chief, US defence secretary discuss region\n\nAugust 11, 2021\n\nISLAMABAD: Pakistan's "
                     "Army Chief General Jan Doe on Tuesday had a telephonic conversation with US Secretary of Defence "
                     "Ann Roe, the military said.\n")
    assert event.date.iso() == "2021-08-10"  # the report's own day, kept as it says
    assert "date" in event.review.needs
    assert "a call between Islamabad (UTC+5) and Washington (UTC-4)" in event.review.notes["date"]
    far = event_of("Minister meets senators\n\nAugust 11, 2021\n\nISLAMABAD: Foreign Minister Jan Doe on Tuesday "
                   "met Senator Ann Roe in Washington, the ministry said.\n")
    assert far.date.iso() == "2021-08-10" and "date" in far.review.needs
    assert "filed in Islamabad (UTC+5) about an event involving Washington (UTC-4)" in far.review.notes["date"]
    near = event_of("Leaders meet\n\nAugust 11, 2021\n\nISLAMABAD: Prime Minister Jan Doe on Tuesday met Chinese "
                    "Foreign Minister Li Wei in Islamabad, officials said.\n")
    assert near.date.iso() == "2021-08-10" and "date" not in near.review.needs


def test_only_the_first_story_chars_of_a_huge_file_are_searched():
    from timeline.extract.article import STORY_CHARS

    filler = "Filler paragraph about nothing in particular, kept for the archive.\n\n"
    report = "OSLO, March 5, 2024 - Foreign Minister Anna Berg met Defence Minister Lars Holm in Oslo on Tuesday.\n\n"
    padding = filler * (STORY_CHARS // len(filler) + 1)
    early = event_of("Archive\n\n" + report + padding * 3)
    assert "Oslo" in (early.place or "") and {p.name for p in early.participants} == {"Anna Berg", "Lars Holm"}
    # The same report past the searched stretch is not looked for: a huge file costs no more than a long story.
    late = event_of("Archive\n\n" + padding + report)
    assert late is None or (late.date is None and late.place is None and not late.participants)
