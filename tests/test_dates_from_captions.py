"""A page that prints no date of its own, with a weekday in its story and a caption above it giving a full date:
the caption places the weekday when that date falls on it, flagged. Each article is written for this test."""

from __future__ import annotations

from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article


def test_a_caption_date_on_the_weekday_the_story_names_places_it_on_a_page_without_a_date():
    """No date line, "met on Thursday" in the story, and a caption above it dated to a Thursday: that day, flagged;
    a caption dated to another weekday places nothing."""
    def reading(caption: str) -> tuple[str | None, bool]:
        event = extract_article(parse_article_text(
            f"Ministers meet in Riga\n\n{caption}\n\n"
            "Foreign Minister Ana Rivas met with her Latvian counterpart Janis Berzins in Riga on Thursday.\n\n"
            "They discussed energy and security.\n", "a.txt", "text")).event
        assert event is not None
        return (event.date.iso() if event.date else None), "date" in event.review.needs
    assert reading("Ana Rivas and Janis Berzins in Riga on June 22, 2023. Photo: Ministry") == ("2023-06-22", True)
    assert reading("Ana Rivas and Janis Berzins in Riga on June 21, 2023. Photo: Ministry") == (None, True)
