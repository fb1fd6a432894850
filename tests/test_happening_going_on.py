"""A report written while its event goes on ("is holding talks with", "is currently hosting") gives it the page's
own day, flagged, since the stamp may be a later copy's; a plan in the present ("is going to meet") does not
(issue 15, point 2: "earlier today" and live reports).

Each article is written for this test; the page is stamped 14 October 2021.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(lead: str) -> tuple[str | None, bool]:
    event = extract_article(parse_article_text(
        f"Presidents hold talks\n\nOctober 14, 2021\n\n{lead}\n\nThe two sides are expected to sign trade deals.\n",
        "a.txt", "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs


@pytest.mark.parametrize("lead", [
    "President Ali Demir is holding talks with his Pakistani counterpart Omar Khan at the presidential palace.",
    "President Ali Demir is currently in talks with his Pakistani counterpart Omar Khan at the presidential palace.",
])
def test_a_happening_told_as_going_on_is_the_page_s_day_flagged(lead: str):
    assert dated(lead) == ("2021-10-14", True)


def test_a_plan_told_in_the_present_is_not_the_page_s_day():
    date, _ = dated("President Ali Demir is going to hold talks with his Pakistani counterpart Omar Khan at the "
                    "presidential palace.")
    assert date != "2021-10-14"
