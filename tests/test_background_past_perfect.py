"""Background told in the past perfect ("In December, X had paid a visit to Y") long before the page never dates
the report's news: the day the lead gives the news does, flagged (issue 15, point 2: "a month named for a
background event never dates the main event"). A page whose address gives only the month still lets the lead's
"Aug. 11" date its news.

Each article is written for this test.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def test_a_past_perfect_visit_months_before_does_not_date_the_news():
    event = extract_article(parse_article_text(
        "Khan visits Abuja\n\nMarch 27, 2025\n\nIn December 2024, Ghana's President Omar Khan had paid a courtesy "
        "visit to President Ali Demir at the State House in Abuja, shortly after his election.\n\nKhan was back in "
        "Abuja on Thursday for private talks with Demir.\n", "a.txt", "text")).event
    assert event is not None and event.date is not None and event.date.iso() == "2025-03-27"


def test_a_lead_day_dates_a_page_stamped_only_with_its_month():
    event = extract_article(parse_article_text(
        "Presidents speak\n\nPresident Ali Demir spoke with President Omar Khan on Monday, Aug. 11, the latest in a "
        "series of calls to partner leaders.\n\nKhan congratulated Demir on the summit's success and called for "
        "closer coordination.\n\nSource: https://news.example.org/2025/08/presidents-speak/", "a.txt", "text")).event
    assert event is not None and event.date is not None and event.date.iso() == "2025-08-11"
