"""Event summaries as safe HTML: CommonMark with raw HTML off, links checked, images shown as their text.

An event file may come from an extractor reading hostile pages, so a summary is untrusted: no raw
HTML, links only to http(s), relative paths or #fragments (others keep their text, lose the link),
and no images at all, because an image from another host is a request the reader did not make.
"""

from __future__ import annotations

import functools
import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

    from ..load.model import Event

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def is_allowed_link(url: str) -> bool:
    """http(s) with a host, a relative path, or a #fragment; never javascript:, data:, //host or \\\\host."""
    url = url.strip()
    if not url or _CONTROL.search(url) or "\\" in url:
        return False
    if url.startswith("//"):
        return False  # protocol-relative: another host
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme:
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    return not parts.netloc


def _filter_links_and_images(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        allowed_stack: list[bool] = []  # links cannot nest in CommonMark, but a stack costs nothing
        for token in block.children:
            if token.type == "image":
                # The alt text, as plain text: the image itself is never loaded.
                text = type(token)("text", "", 0)
                text.content = "".join(child.content for child in token.children or [])
                kept.append(text)
            elif token.type == "link_open":
                allowed = is_allowed_link(str(token.attrs.get("href", "")))
                allowed_stack.append(allowed)
                if allowed:
                    kept.append(token)
            elif token.type == "link_close":
                if allowed_stack.pop() if allowed_stack else True:
                    kept.append(token)
            else:
                kept.append(token)
        block.children = kept


def make_markdown() -> MarkdownIt:
    """The one CommonMark parser for the site: raw HTML off, every link checked after parsing."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Let every URL through parsing, then drop the unsafe ones keeping their text (the default
    # validator would print `[text](javascript:...)` literally instead).
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("safe_links", _filter_links_and_images)
    return md


@cache
def parser() -> MarkdownIt:
    """The site's parser, made on first use: most summaries never need it (see `simple_plain_text`), and importing
    markdown-it was a sixth of starting the build of a one-event edit."""
    return make_markdown()


def render_markdown(text: str) -> Markup:
    """Untrusted Markdown to safe HTML."""
    simple = simple_html(text or "")  # words alone: the same HTML without the parser
    return Markup(simple if simple is not None else parser().render(text or ""))


def plain_text(text: str) -> str:
    """The words of a Markdown text, without markup: for one-line summaries and meta descriptions."""
    tokens = parser().parse(text or "")
    words: list[str] = []
    for block in tokens:
        if block.type == "inline":
            for child in block.children or []:
                if child.type in ("text", "code_inline"):
                    words.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    words.append(" ")
            words.append(" ")
    return re.sub(r"\s+", " ", "".join(words).replace("\n", " ")).strip()


@functools.lru_cache(maxsize=4096)
def summary_plain_text(summary: str) -> str:
    """`plain_text(summary)`, without parsing Markdown when the summary is words alone (`simple_plain_text`);
    remembered, since the pages, the feeds and the search index each ask for it."""
    simple = simple_plain_text(summary)
    return simple if simple is not None else plain_text(summary)


def event_summary_text(event: Event) -> str:
    """The event's summary as plain text: worked out when the event was read (and kept by the parse cache)."""
    cached = event.summary_plain
    return cached[1] if cached is not None and cached[0] == event.summary else summary_plain_text(event.summary)


_SENTENCE_END = re.compile(r"([.!?])[\"”’)]?\s+(?=[A-Z0-9“\"‘(])")
# Words a full stop follows without ending the sentence: ranks, titles, months, initials.
_ABBREVIATIONS = frozenset(
    "gen lt col maj capt adm sgt cpl pvt brig cmdr mr mrs ms dr prof st jr sr no nos vs gov sen rep pres amb "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx fig".split()
)


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of a Markdown text as plain text, cut at a word near `limit` characters."""
    return first_sentence_of_plain(plain_text(text), limit)


def first_sentence_of_plain(plain: str, limit: int = 220) -> str:
    """`first_sentence` for text already made plain by `plain_text`."""
    sentence = plain
    for match in _SENTENCE_END.finditer(plain):
        word = plain[: match.start(1)].rsplit(" ", 1)[-1]
        if match.group(1) == "." and (word.lower().strip("(\"“") in _ABBREVIATIONS or "." in word
                                      or (len(word) == 1 and word.isupper())):
            continue
        sentence = plain[: match.end()].rstrip()
        break
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


# --- summaries written as words alone -------------------------------------------------------------
#
# Most summaries are paragraphs, `- ` list items and `*emphasis*` or `**strong**` around words. For those,
# CommonMark's result is fixed, and working it out here costs far less than running the parser. Anything else
# (links, code, headings, quotes, indentation, loose lists, emphasis CommonMark might pair otherwise) gives None,
# and the caller asks the parser. tests/test_load_speed_paths.py holds both to the parser's output.

# Summary text that Markdown reads as words alone: no escapes, code, links, autolinks, entities, underscores or
# tildes, no control characters (\r, tabs) that change how lines split or indent.
_SPECIAL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\\`\[\]<&_~]")
# `*emphasis*` or `**strong**` that opens after a space, a "(" or the line's start and closes before its end, a
# space or a full stop-like mark, around words: CommonMark pairs these delimiter runs and nothing else.
_EMPHASIS_PAIR = re.compile(r"(?<![^ (\n])(\*\*?)(?=[^\W_])([^*\n]*?[^\W_])\1(?=$|[ .,;:!?)])", re.MULTILINE)
_WHITESPACE = re.compile(r"\s+")
_TAGS = {"*": ("<em>", "</em>"), "**": ("<strong>", "</strong>")}


def _words(summary: str) -> str | None:
    """The summary with its emphasis pairs reduced to their words, when it is words alone; else None."""
    if _SPECIAL.search(summary):
        return None
    words = _EMPHASIS_PAIR.sub(r"\2", summary) if "*" in summary else summary
    if "*" in words:
        return None  # a `*` that is not one of the simple pairs
    for line in words.split("\n"):
        if line.startswith("- "):
            line = line[2:]
        # A line starts a paragraph or item with a letter (or emphasis), never a list marker, heading, quote,
        # fence or indented code, and ends without a hard break.
        if line and not (line[0].isalpha() and not line[-1].isspace()):
            return None
    return words


def simple_plain_text(summary: str) -> str | None:
    """The summary's words as `markdown.plain_text` gives them, or None when it is not words alone."""
    words = _words(summary)
    if words is None:
        return None
    text = " ".join(line[2:] if line.startswith("- ") else line for line in words.split("\n"))
    return _WHITESPACE.sub(" ", text).strip()


def _inline_html(text: str) -> str:
    """A paragraph's or item's text as markdown-it writes it: emphasis pairs as tags, `>` and `"` escaped."""
    parts = []
    position = 0
    for match in _EMPHASIS_PAIR.finditer(text):
        opening, closing = _TAGS[match.group(1)]
        parts += (_escape(text[position:match.start()]), opening, _escape(match.group(2)), closing)
        position = match.end()
    parts.append(_escape(text[position:]))
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace(">", "&gt;").replace('"', "&quot;")  # `&` and `<` never reach here (_SPECIAL)


def simple_html(summary: str) -> str | None:
    """The summary as `markdown.render_markdown` gives it, or None when it is not words alone (or its list is
    loose: items apart by blank lines, which wraps each in a paragraph)."""
    if _words(summary) is None:
        return None
    html: list[str] = []
    paragraph: list[str] = []
    items: list[list[str]] = []  # the open list's items, each its lines
    list_ended_by_blank = False

    def close() -> None:
        if paragraph:
            html.append(f"<p>{_inline_html(chr(10).join(paragraph))}</p>\n")
            paragraph.clear()
        if items:
            html.append("<ul>\n" + "".join(f"<li>{_inline_html(chr(10).join(item))}</li>\n" for item in items)
                        + "</ul>\n")
            items.clear()

    for line in summary.split("\n"):
        if not line:
            list_ended_by_blank = list_ended_by_blank or bool(items)
            close()
        elif line.startswith("- "):
            if line == "- " or list_ended_by_blank:  # an empty item cannot interrupt a paragraph
                return None  # (after a blank line, the list goes on as a loose list)
            if paragraph:
                close()  # a list item interrupts a paragraph
            list_ended_by_blank = False
            items.append([line[2:]])
        elif items:
            items[-1].append(line)  # a lazy continuation of the item's paragraph
        else:
            list_ended_by_blank = False
            paragraph.append(line)
    close()
    return "".join(html)
