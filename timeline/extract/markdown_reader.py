"""The Markdown reader: front matter (which wins over anything read from the text), then the body as plain
paragraphs read like a plain-text article."""

from __future__ import annotations

import re
from typing import Any

from ..errors import ContentError, Problem
from ..partial_date import DateValueError, PartialDate, parse_partial_date
from . import metadata as meta
from . import page_dates
from .article import FRONT_MATTER, Article, ArticleError
from .noise import clean_inline_markup
from .plain_text_reader import Found, lines_of, paragraphs_of, read_lines, settle_metadata, take_dateline


def _split_front_matter(text: str, name: str) -> tuple[dict[str, Any] | None, str]:
    """(front matter mapping or None, the Markdown body after it)."""
    if not text.startswith("---\n"):
        return None, text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise ArticleError.at(name, 1, "the front matter starting here is never closed; add a line with --- after it", 1)
    source = text[4: 4 + end.start()]
    body = text[4 + end.end():]
    from ..load.yaml_source import parse_yaml

    try:
        # A leading newline stands for the opening --- so that YAML's line numbers are the file's.
        data = parse_yaml("\n" + source, name) if source.strip() else {}
    except ContentError as exc:
        raise ArticleError([
            Problem(p.path, p.line or 2, p.column, f"front matter: {p.message}", p.severity) for p in exc.problems
        ]) from None
    if not isinstance(data, dict):
        raise ArticleError.at(name, 2, "front matter must be keys and values (title: ..., url: ...); fix or remove it")
    return data, body


# Our keys first, then the names other tools (Hugo, Jekyll, scrapers) give the same thing.
_FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "site_name", "sitename", "source"),
    "author": ("author", "authors", "byline"),
    "url": ("url", "link", "canonical", "canonical_url", "source_url"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date"),
}


def _front_matter_line(data: dict[str, Any], key: str) -> int:
    mark = getattr(data, "value_mark", None)
    return mark(key)[0] if mark else 2


def _apply_front_matter(article: Article, data: dict[str, Any], name: str) -> None:
    """Front matter states the metadata outright, so it wins over anything read from the text."""
    evidence = article.metadata_evidence
    for key, aliases in _FRONT_MATTER_KEYS.items():
        given = next((k for k in aliases if data.get(k) not in (None, "")), None)
        if given is None:
            continue
        value = data[given]
        line = _front_matter_line(data, given)
        if key == "author" and isinstance(value, list):
            value = " and ".join(str(v) for v in value)
        if key == "published":
            article.published = _front_matter_date(value, name, line)
        elif not isinstance(value, str | int | float):
            raise ArticleError.at(name, line, f"front matter {key} must be text, not a list or mapping")
        elif key == "url":
            if not re.match(r"https?://\S+$", str(value).strip()):
                raise ArticleError.at(name, line, f'front matter url "{value}" must start with http:// or https://')
            article.url = str(value).strip()
        else:
            setattr(article, key, str(value).strip())
        evidence[key] = FRONT_MATTER
    if evidence.get("url") == FRONT_MATTER and evidence.get("outlet") != FRONT_MATTER:
        # The page's own URL names the publisher better than anything guessed from the text.
        article.outlet = meta.outlet_from_url(article.url)
        evidence["outlet"] = article.url


def _front_matter_date(value: object, name: str, line: int) -> PartialDate:
    try:
        return parse_partial_date(value)
    except DateValueError:
        if isinstance(value, str):
            date = page_dates.parse_date_line(value)
            if date is not None:
                return date
        raise ArticleError.at(
            name, line, f'front matter published "{value}" is not a date; write YYYY-MM-DD (for example 2021-09-22)'
        ) from None


def markdown_to_text(body: str) -> str:
    """Markdown as plain paragraphs: headings and paragraphs one per block, link text kept, images dropped."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    blocks: list[str] = []
    for token in parser.parse(body):
        if token.type != "inline":
            continue
        parts: list[str] = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append(" ")
            elif child.type == "hardbreak":
                parts.append("\n")
        block = "".join(parts).strip()
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


def parse_markdown(text: str, name: str) -> Article:
    data, body = _split_front_matter(text, name)
    found = Found(page_text=body)
    kept = read_lines(lines_of(clean_inline_markup(markdown_to_text(body))), found)
    paragraphs = take_dateline(paragraphs_of(kept), found)
    article = Article(name=name, text="\n\n".join(paragraphs), title=found.title, source_format="markdown",
                      standfirst=found.standfirst)
    if data:
        _apply_front_matter(article, data, name)
    settle_metadata(article, found)  # fills in only what the front matter did not state
    return article
