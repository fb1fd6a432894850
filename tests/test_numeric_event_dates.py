"""Numeric dates in a report's body (issue 15, point 2: "numeric dates month-first and day-first ... flag when
ambiguous"): a dotted date is read day first, as the countries that write dots do; a slashed date that reads two
ways is the reading in the weeks before the page's stamp when only one is, and then flagged; otherwise only its
year is certain.

Each article is written for this test; the page is stamped 14 October 2021.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def dated(when: str) -> tuple[str | None, bool]:
    """The event's date and whether it is flagged, for a report saying the ministers met on `when`."""
    event = extract_article(parse_article_text(
        f"Ministers hold talks\n\nOctober 14, 2021\n\nForeign Minister Ali Demir met his Pakistani counterpart Omar "
        f"Khan in Islamabad on {when}.\n\nThe two sides agreed to expand trade.\n", "a.txt", "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs


def test_a_dotted_date_reads_day_first():
    assert dated("12.10.2021")[0] == "2021-10-12"


@pytest.mark.parametrize("when", ["04/10/2021", "10/04/2021"])
def test_a_two_way_slashed_date_takes_the_reading_before_the_stamp_and_is_flagged(when: str):
    assert dated(when) == ("2021-10-04", True)


def test_a_two_way_date_with_no_reading_near_the_stamp_keeps_only_its_year():
    date, flagged = dated("05/06/2021")
    assert date == "2021" and flagged
