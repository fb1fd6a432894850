"""Reading one article file (plain text, Markdown or HTML) into an `Article`.

`read_article` only touches the file: size, bytes, encoding. `parse_article_text` is pure and does
the rest, so tests run on inline strings. The plain-text reader is the heart of it, because pasted
and scraped articles arrive as text full of page furniture; Markdown is turned into plain paragraphs
and read the same way (its front matter winning), and HTML goes through trafilatura first.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import Problem
from .article import Article, ArticleError
from .html_reader import parse_html
from .markdown_reader import parse_markdown
from .noise import (
    clean_inline_markup,
    word_count,
)
from .plain_text_reader import parse_plain

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}

# Signatures of files people save by mistake instead of the article's text.
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
]


def format_of(path: Path, text: str = "") -> str:
    """"text", "markdown" or "html", from the file's suffix, else from how the text begins."""
    known = FORMATS.get(path.suffix.lower())
    start = text.lstrip("\ufeff \t\r\n")[:500].lower()
    # A page saved as .txt is still HTML; anything else trusts its suffix.
    if known in (None, "text") and (start.startswith(("<!doctype html", "<html")) or re.search(r"<(?:head|body)\b", start)):
        return "html"
    if known:
        return known
    if start.startswith("---\n"):
        return "markdown"
    return "text"


def read_article(path: Path, name: str | None = None) -> Article:
    """Read one article file; raise ArticleError when it is empty, binary, too big or has no prose."""
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError.at(
                path, None,
                f"the file is {size / 1024 / 1024:.1f} MB, over the {MAX_ARTICLE_BYTES // 1024 // 1024} MB limit "
                "for one article; save only the article's page or text",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError.at(path, None, f"cannot read the file: {exc.strerror or exc}") from None
    if not raw.strip():
        raise ArticleError.at(path, None, "the file is empty; paste the article's text into it or remove it")
    what = _binary_kind(raw)
    if what:
        raise ArticleError.at(
            path, None, f"this is {what}, not an article; save the article as text (.txt), Markdown (.md) or HTML (.html)"
        )
    fmt = format_of(path, raw[:600].replace(b"\x00", b"").decode("latin-1"))
    text = decode_article_bytes(raw, fmt)
    try:
        return parse_article_text(text, name, fmt)
    except ArticleError as exc:  # report the file as the user named it, not the source name
        raise ArticleError([_at_path(p, path) for p in exc.problems]) from None


def _at_path(problem: Problem, path: Path) -> Problem:
    return Problem(str(path), problem.line, problem.column, problem.message, problem.severity)


def _binary_kind(raw: bytes) -> str | None:
    """What a non-text file is ("a PDF document", "binary data"), or None for text."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return what
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return None
    sample = raw[:65536]
    # A stray NUL or two (a bad copy-paste, a broken editor) does not make text binary; real binary
    # files have them everywhere. The NULs are dropped when the text is decoded.
    if sample.count(0) > max(2, len(sample) // 1000) and _utf16_without_bom(sample) is None:
        return "binary data (it contains NUL bytes)"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.05:
        return "binary data (it is full of control characters)"
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when every other byte is NUL, as in UTF-16 ASCII text saved without a BOM."""
    even, odd = raw[0::2], raw[1::2]
    if len(raw) >= 8 and odd.count(0) > len(odd) * 0.7 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if len(raw) >= 8 and even.count(0) > len(even) * 0.7 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def decode_article_bytes(raw: bytes, fmt: str = "text") -> str:
    """Article bytes as text: any common encoding, LF line ends, plain spaces, no markup remnants.

    Handles UTF-8 (with or without BOM), UTF-16/32 with a BOM (and UTF-16 without one), and legacy
    single-byte encodings such as Windows-1252 (guessed with charset-normalizer). Curly quotes are
    kept. For plain text (`fmt="text"`) tag remnants (<u>, <b>) and Markdown bold markers go too;
    Markdown and HTML keep their markup for their parsers.
    """
    text: str
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = raw.decode("utf-32", errors="replace")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
    elif raw.startswith(codecs.BOM_UTF8):
        text = raw[3:].decode("utf-8", errors="replace")
    else:
        utf16 = _utf16_without_bom(raw[:65536]) if b"\x00" in raw[:65536] else None
        if utf16:
            text = raw.decode(utf16, errors="replace")
        else:
            raw = raw.replace(b"\x00", b"")  # stray NULs in 8-bit text (see _binary_kind)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_legacy(raw)
    text = normalise_text(text)
    return clean_inline_markup(text) if fmt == "text" else text


def _decode_legacy(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        return raw.decode("cp1252", errors="replace")
    # On short English text Windows-1250 and Windows-1252 score alike; 1252 is by far the more likely
    # for news copy, and only wins when the detector rates it as clean as its first choice.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence - 0.05:
            return str(match)
    return str(best)


def normalise_text(text: str) -> str:
    """LF line ends, plain spaces for non-breaking ones, no NUL, zero-width or BOM characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u00a0\u2007\u202f\u2009\u200a]", " ", text)
    return re.sub(r"[\x00\u200b\u200c\u200d\u2060\ufeff]", "", text)


def parse_article_text(text: str, name: str, fmt: str) -> Article:
    """An Article from decoded text in `fmt` ("text", "markdown" or "html"); pure, for tests on strings."""
    text = normalise_text(text)
    if fmt == "text":
        article = parse_plain(clean_inline_markup(text), name)
    elif fmt == "markdown":
        article = parse_markdown(text, name)
    elif fmt == "html":
        article = parse_html(text, name)
    else:
        raise ValueError(f'unknown article format "{fmt}"; use "text", "markdown" or "html"')
    if not any(word_count(p) >= 3 for p in article.paragraphs()):
        raise ArticleError.at(
            name, None,
            "no article text found (only a headline, links or page furniture); paste the story's paragraphs into the file",
        )
    return article
