"""A story filed one day and printed the next (a dateline "ISLAMABAD, Oct 13:" on a paper dated the 14th): its
"today" and "yesterday" count from the dateline's day, not the page's stamp, and a person checks them (issue 15,
point 2: day words and the publication date).

Each article is written for this test; the page is stamped 14 October 2021.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(lead: str) -> tuple[str | None, bool]:
    event = extract_article(parse_article_text(
        f"Ministers hold talks\n\nOctober 14, 2021\n\n{lead}\n\nThe two sides agreed to expand trade.\n", "a.txt",
        "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs


@pytest.mark.parametrize(("lead", "day"), [
    ("ISLAMABAD, Oct 13: Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan here today.", "2021-10-13"),
    ("ISLAMABAD, Oct 13: Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan here yesterday.",
     "2021-10-12"),
])
def test_today_counts_from_the_dateline_of_a_story_printed_the_next_day(lead: str, day: str):
    assert dated(lead) == (day, True)


def test_a_weekday_still_counts_from_the_stamp():
    date, _ = dated("ISLAMABAD, Oct 13: Foreign Minister Ali Demir met his Pakistani counterpart Omar Khan here on "
                    "Tuesday.")
    assert date == "2021-10-12"
