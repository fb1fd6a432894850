"""What an article is once read: clean body text and the metadata the page states about itself.

This module only defines the shape; `reading.py` (files, encodings) and the readers it calls
(`plain_text_reader.py`, `markdown_reader.py`, `html_reader.py`) fill it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ContentError
from ..partial_date import PartialDate

FRONT_MATTER = "front matter"  # the evidence of a field an editor stated in Markdown front matter
# How much of an article's text is searched for its event, people and copied passages: far more than any news
# story, so that a huge file (an archive, a pasted feed) costs no more than that, however long it is.
STORY_CHARS = 100_000


@dataclass
class Article:
    """One news article, read and cleaned.

    `text` is the article's own prose: headline, byline, captions, "ALSO READ" lines, newsletter
    prompts and other page furniture removed, paragraphs separated by blank lines.
    """

    name: str  # path under content/articles/ (or the file path given on the command line)
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None  # only when the page states it; never guessed
    # Another date the page prints for itself more than a day from `published` ("Monday, March 10, 2025" above a
    # store's stamp of June): the text that states it, so that a day counted from the stamp is checked.
    contrary_stamp: str | None = None
    author: str | None = None
    dateline: str | None = None  # "ISLAMABAD": where the story was filed, not where the event was
    metadata_evidence: dict[str, str] = field(default_factory=dict)  # field -> the line it came from
    agency: str | None = None  # wire agency credited ("AFP"), from the byline or the dateline
    source_format: str = "text"  # "text", "markdown" or "html": how the file was read
    standfirst: str | None = None  # the summary under the headline ("deck"), kept out of `text`
    genre: str | None = None  # "opinion" for op-eds, columns and analyses, which argue rather than report
    captions: tuple[str, ...] = ()  # photo captions taken out of `text`: a date in one may place a weekday

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


class ArticleError(ContentError):
    """An article file that cannot be read as an article; the message says what to do."""
