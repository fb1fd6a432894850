"""A page stamped days or weeks after the happening it reports (a repost, a copy kept by an aggregator) moves "on
Saturday" with its stamp, and nothing in the sentence shows it: when the page's address carries an earlier day, or
the page states in full an earlier day with that weekday, the date is flagged (issue 15, point 2: "a page stamped
weeks after the happening it reports gives a flagged date, not the stamp's week").

Each article is written for this test; the page is stamped Wednesday 10 March 2021.
"""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article

MEETING = "Defence Minister Ali Demir met his Malaysian counterpart Omar Rahman in Kuala Lumpur on Saturday."


def dated(body: str, source: str = "https://news.example.org/world/ministers-meet") -> tuple[str | None, bool, str]:
    """The event's date, whether it is flagged for review, and the note saying why."""
    event = extract_article(parse_article_text(f"Ministers meet\n\nMarch 10, 2021\n\n{body}\n\nSource: {source}\n",
                                               "a.txt", "text")).event
    assert event is not None
    return (event.date.iso() if event.date else None), "date" in event.review.needs, event.review.notes.get("date", "")


def test_an_address_dated_before_the_stamp_flags_a_weekday():
    date, flagged, note = dated(f"{MEETING}\n\nThe two agreed to hold joint naval exercises.",
                                "https://news.example.org/2021/02/13/ministers-meet")
    assert flagged and "2021-02-13" in note, (date, note)


def test_a_full_date_with_the_same_weekday_flags_a_weekday_counted_from_a_later_stamp():
    date, flagged, note = dated(f"{MEETING}\n\nThe ministry's statement, dated February 13, 2021, said the two "
                                "agreed to hold joint naval exercises.")
    assert flagged and "2021-02-13" in note, (date, note)


def test_a_weekday_on_a_page_with_nothing_earlier_stands():
    date, flagged, _ = dated(f"{MEETING}\n\nThe two agreed to hold joint naval exercises.",
                             "https://news.example.org/2021/03/10/ministers-meet")
    assert date == "2021-03-06"
