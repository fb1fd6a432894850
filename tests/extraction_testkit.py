"""Shared by the extraction tests: a page written for a test, read and extracted as ingest does, and what its stub
says of the date."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article
from timeline.load.model import Event


def extracted(page: str) -> Event:
    """The event a plain-text page gives (the test fails if it gives none)."""
    event = extract_article(parse_article_text(page, "a.txt", "text")).event
    assert event is not None, page
    return event


@dataclass(frozen=True)
class DateReading:
    date: str | None  # the event's date, ISO
    published: str | None  # the page's publication date, ISO
    needs: list[str]  # the fields a person must check
    note: str  # why the date is as it is

    @property
    def flagged(self) -> bool:
        return "date" in self.needs


def date_reading(page: str) -> DateReading:
    """What the stub of a plain-text page says of the event's date."""
    article = parse_article_text(page, "a.txt", "text")
    event = extract_article(article).event
    assert event is not None, page
    return DateReading(event.date.iso() if event.date else None, article.published.iso() if article.published else None,
                       event.review.needs, event.review.notes.get("date", ""))
