"""The HTML reader: a saved page's main text and metadata by trafilatura, then the plain-text rules."""

from __future__ import annotations

import re

from ..partial_date import DateValueError, PartialDate
from .article import Article
from .noise import clean_inline_markup
from .plain_text_reader import Found, lines_of, paragraphs_of, read_lines, settle_metadata, take_dateline

# htmldate refuses a timestamp with fractional seconds ("2023-07-11T17:42:00.000Z", as JavaScript writes it) and
# then guesses from the visible "07/11/2023" instead; without the fraction it reads the page's own metadata.
_FRACTIONAL_SECONDS = re.compile(r"(?<=\b(?:19|20)\d\d-[01]\d-[0-3]\dT\d\d:\d\d:\d\d)\.\d+")


def parse_html(text: str, name: str) -> Article:
    """Main text and metadata by trafilatura, then the same noise and dateline rules as plain text.

    The publication date is htmldate's reading of what the page states (meta tags, <time>, the URL), the
    first publication rather than the last update; its extensive search through free text is off, so a date
    inside a story sentence is never the publication date. Failing that, the plain-text rules read the
    extracted text. trafilatura and htmldate parse the string they are given and never fetch anything.
    """
    import htmldate
    import trafilatura

    if not re.search(r"<(?:html|body)\b", text[:2000], re.IGNORECASE):
        text = f"<html><body><article>{text}</article></body></html>"  # trafilatura wants a whole page
    document = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    body = ""
    title = author = url = sitename = None
    if document is not None:
        values = document if isinstance(document, dict) else document.as_dict()
        body = values.get("text") or ""
        title, author, url, sitename = values.get("title"), values.get("author"), values.get("url"), values.get("sitename")
    date_text = htmldate.find_date(_FRACTIONAL_SECONDS.sub("", text), original_date=True, extensive_search=False)
    found = Found(page_text=body)
    if title:
        found.title = title
    kept = read_lines(lines_of(clean_inline_markup(body)), found, title_known=bool(title))
    paragraphs = take_dateline(paragraphs_of(kept), found)
    article = Article(name=name, text="\n\n".join(paragraphs), title=found.title, source_format="html",
                      standfirst=found.standfirst)
    evidence = article.metadata_evidence
    if title:
        evidence["title"] = "HTML title (og:title, <h1> or <title>)"
    if url and re.match(r"https?://", url):
        article.url, evidence["url"] = url, "HTML canonical or og:url link"
    if author:
        article.author, evidence["author"] = author.replace("; ", " and "), "HTML author metadata"
    if sitename and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename):
        article.outlet, evidence["outlet"] = sitename, "HTML site name (og:site_name)"
    if date_text:
        try:
            article.published = PartialDate.parse(date_text[:10])
            evidence["published"] = "HTML date metadata (article:published_time, <time> or the URL), read by htmldate"
        except DateValueError:
            pass
    settle_metadata(article, found)
    return article
