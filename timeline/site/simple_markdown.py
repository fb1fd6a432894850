"""Summaries written as words alone, read without the Markdown parser: their plain text and their HTML.

Most summaries are paragraphs, `- ` list items and `*emphasis*` or `**strong**` around words. For those,
CommonMark's result is fixed, and working it out here costs far less than running the parser, which was a
large part of reading an event file (for the plain text) and of rendering every event page (for the HTML). Anything
else (links, code, headings, quotes, indentation, loose lists, emphasis CommonMark might pair otherwise)
returns None, and the caller asks the parser. tests/test_load_speed_paths.py holds both functions to the
parser's output on generated text.
"""

from __future__ import annotations

import re

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
