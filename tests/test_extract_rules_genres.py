"""Generic extraction rules for page genres and styles (date lines, relative stamps, live blogs, transcripts, day-first
dates, ranges), each on a small inline article.
"""

from __future__ import annotations

from timeline.extract.page_dates import parse_date_line
from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article
from timeline.extract.temporal import find_temporal_mentions
from timeline.partial_date import PartialDate


def event_of(text: str):
    return extract_article(parse_article_text(text, "a.txt", "text")).event


def article_of(text: str):
    return parse_article_text(text, "a.txt", "text")


def test_a_date_line_may_carry_the_outlet_a_section_or_a_byline_beside_the_date():
    assert parse_date_line("Daily Ledger | 08 Oct 2024, 12:04 AM") == PartialDate(2024, 10, 8)
    assert parse_date_line("WORLD | 24-04-2024 02:15") == PartialDate(2024, 4, 24)
    assert parse_date_line("Posted on 2024-09-22 19:35 | THE LEDGER") == PartialDate(2024, 9, 22)
    assert parse_date_line("Publié le 22 sept. 2024 à 19h48 | Par Jean Dupont") == PartialDate(2024, 9, 22)
    assert parse_date_line("03.10.2023") is None  # March or October: no day
    assert parse_date_line("Officials said the talks ended | 5 May 2024, in a statement") is None


def test_a_date_stamped_under_the_story_is_its_publication_date():
    article = article_of("Ministers meet on trade\n\nThe trade ministers of two neighbouring countries met in the "
                         "capital on Monday to discuss tariffs on steel and grain, officials said.\n\nThey agreed "
                         "to meet again in the spring to review progress on the deal.\n\n8th January 2024 19:05\n")
    assert article.published == PartialDate(2024, 1, 8)
    event = extract_article(article).event
    assert event.date.iso() == "2024-01-08"


def test_a_date_line_between_paragraphs_is_not_the_page_date():
    story = "".join(f"Update {n}: rescue teams reached another village cut off by the water, officials said.\n\n"
                    for n in range(8))
    article = article_of("Live: storm updates\n\n" + story + "April 13, 2024, 11:58 PM\n\nRoads into the port city "
                         "were closed by police as the water rose through the night.\n")
    assert article.published is None


def test_the_weekend_is_its_saturday_and_sunday():
    mention, = find_temporal_mentions("Heavy rain over the weekend flooded the city.", PartialDate(2024, 5, 6))
    assert mention.value.iso() == "2024-05-04/2024-05-05" and mention.value.approximate
    ahead, = find_temporal_mentions("The ministers will meet this weekend.", PartialDate(2024, 5, 6))
    assert ahead.value.iso() == "2024-05-11/2024-05-12"


def test_a_week_of_a_month_settles_the_month_only():
    mention, = find_temporal_mentions("In the first week of March, warships held drills.", PartialDate(2024, 3, 20))
    assert mention.value.iso() == "2024-03"


def test_two_days_in_the_event_sentence_prefer_the_main_clause_and_are_flagged():
    event = event_of("Army chief calls on president\n\nMarch 6, 2024\n\nThe army chief, who flew to the capital "
                     "on Monday on an official visit, called on the President at the State House on Wednesday.\n")
    assert event.date.iso() == "2024-03-06"
    assert "date" in event.review.needs


def test_a_date_long_before_the_page_is_flagged():
    event = event_of("Talks recalled\n\nNovember 14, 2024\n\nThe two presidents met in the capital in 2022 and "
                     "signed a trade agreement, officials recalled at a ceremony.\n")
    assert event is None or event.date is None or "date" in event.review.needs


def test_the_paper_name_above_the_headline_is_the_outlet():
    article = article_of("Harbour Times\n\nPort workers strike over pay\n\nMay 2, 2024\n\nThousands of port workers "
                         "walked out on Thursday in a dispute over pay, their union said in a statement.\n")
    assert article.outlet == "Harbour Times"
    assert article.title == "Port workers strike over pay"


def test_an_explainer_reports_no_event():
    article = article_of("EXPLAINER\n\nWhy do floods keep hitting the delta?\n\nNovember 14, 2024\n\nSince 2020, "
                         "floods have hit the delta every year. Dams built in 2022 changed how the river flows, and "
                         "officials have moved thousands of people.\n")
    assert article.genre is not None
    assert extract_article(article).event is None


def test_a_photo_gallery_reports_no_event():
    captions = "\n\n".join(f"Crowds gather at the {name} festival in {city}, Saturday, July 6, 2019. {agency}"
                           for name, city, agency in (("summer", "Oslo, Norway", "Reuters"), ("lantern", "Hoi An, "
                           "Vietnam", "AP"), ("river", "Basel, Switzerland", "EPA"), ("bull", "Pamplona, Spain", "AFP")))
    extraction = extract_article(parse_article_text(f"Festivals around the globe\n\nPosted : 2019-07-12\n\n{captions}\n",
                                                    "a.txt", "text"))
    assert extraction.event is None and "photo gallery" in extraction.problems[0]


def test_an_unknown_domain_takes_the_name_the_page_prints_for_it():
    closing = "\n\nSource: https://en.harbourherald.example/news/2024/05/02/port-strike\n"
    story = ("Thousands of port workers walked out on Thursday in a dispute over pay, their union said in a "
             "statement.")
    assert article_of(f"Port workers strike\n\nMay 2, 2024\n\nSEAPORT (Harbour Herald) - {story}{closing}").outlet \
        == "Harbour Herald"
    assert article_of(f"Port workers strike\n\nMay 2, 2024\n\nJANE ROE, HARBOURHERALD staff writer\n\n{story}"
                      f"{closing}").outlet == "HARBOURHERALD"
    # A newspaper word added or dropped still names the host; another name beside it does not.
    assert article_of(f"The Harbour Herald Shimbun\n\nPort workers strike\n\nMay 2, 2024\n\n{story}"
                      "\n\nSource: https://harbourherald.example/a\n").outlet == "The Harbour Herald Shimbun"
    assert article_of(f"Port workers strike\n\nMay 2, 2024\n\nHARBOURHERALD- Daily Ledger {story}{closing}").outlet \
        == "HARBOURHERALD"
    assert article_of(f"Port workers strike\n\nMay 2, 2024\n\n{story}{closing}").outlet == "en.harbourherald.example"


def test_a_bare_genre_label_above_everything_marks_an_opinion_piece():
    article = article_of("OPINION:\nA version of this column appeared in our weekly newsletter. Click here to receive "
                         "it in your inbox.\nThe alliance cannot afford to prop up its members at these spending levels, "
                         "and its leaders met on Friday without changing that.\n")
    assert article.genre is not None
    assert extract_article(article).event is None


def test_a_hard_wrapped_first_line_stopping_mid_clause_is_not_the_headline():
    article = article_of("Lisbon, May 2: Portugal's Prime Minister Ana Costa said on Thursday she and\n"
                         "Spain's Prime Minister Luis Vega had agreed to reopen the border crossings in a\n"
                         "phone call that eased weeks of tension over fishing quotas.\n"
                         "The two leaders will meet next month.\n")
    assert article.title is None or "she and" not in article.title
    assert article.dateline == "Lisbon"
    assert article.text.startswith("Portugal's Prime Minister Ana Costa said on Thursday she and Spain's")


def test_a_dateline_named_after_a_country_is_never_a_namesake_town_abroad():
    from timeline.extract.places import place_from_dateline
    assert place_from_dateline("Mexico") is None
    assert place_from_dateline("SINGAPORE").country == "Singapore"
