"""A page stamped weeks after the report it carries (a repost, an aggregator's copy) does not move the report's
"on Monday" into the stamp's week: when a yearless dateline gives a day well before the stamp, day words count from
the dateline's day and the date is flagged (issue 15, point 2).

Each page is written for this test.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article

LEAD = ("U.S. Defense Secretary John Miller met Polish Defense Minister Adam Nowak at the Pentagon on Monday to "
        "discuss air defence, the Pentagon said.")


def stub(text: str):  # type: ignore[no-untyped-def]
    event = extract_article(parse_article_text(text, "copy.txt", "text")).event
    assert event is not None
    return event


def test_a_copy_stamped_weeks_after_its_dateline_counts_from_the_dateline_and_is_flagged():
    event = stub(f"Pentagon talks on air defence\n\nSeptember 20, 2021\n\nWASHINGTON, Aug 9 (Reuters) - {LEAD}\n")
    assert event.date.iso() == "2021-08-09"  # the Monday of the dateline's week, not 20 September
    assert "date" in event.review.needs
    assert "the page is a later copy" in event.review.notes["date"]


def test_a_dateline_a_day_before_the_stamp_is_the_usual_late_filing():
    event = stub(f"Pentagon talks on air defence\n\nAugust 10, 2021\n\nWASHINGTON, Aug 9 (Reuters) - {LEAD}\n")
    assert event.date.iso() == "2021-08-09"
    assert "later copy" not in event.review.notes.get("date", "")


def test_a_dateline_across_the_new_year_is_of_the_year_before():
    event = stub(f"Pentagon talks on air defence\n\nJanuary 20, 2022\n\nWASHINGTON, Dec 27 (Reuters) - {LEAD}\n")
    assert event.date.iso() == "2021-12-27"
    assert "date" in event.review.needs


def test_a_blog_login_beside_the_date_line_leaves_the_date():
    page = f"Pentagon talks on air defence\n\nPosted on September 20, 2021 by admin\n\n{LEAD}\n"
    assert parse_article_text(page, "copy.txt", "text").published.iso() == "2021-09-20"
