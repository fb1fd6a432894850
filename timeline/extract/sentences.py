"""Sentence splitting that survives news prose: ranks ("Gen.", "Lt. Col."), "U.S.", "Sept. 11", initials, quotes.

A full stop ends a sentence only when the word before it is not a known abbreviation or an initial,
and the next character starts a sentence (a capital, a digit or an opening quote). Splitting happens
inside paragraphs only: a paragraph break always ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that are written with a full stop but rarely end a sentence. Lower case, without the stop.
ABBREVIATIONS = frozenset(
    """
    gen lt col maj capt cpt adm brig sgt cmdr cdr gov sen rep pres supt insp cpl pvt lt.col
    mr mrs ms dr prof sr jr st mt ft rev hon messrs mme mlle
    no nos vol pp fig art sec dept univ corp inc ltd co bros est approx vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    """.split()
)

# "U.S.", "U.K.", "U.N.", "a.m.", "p.m.": letters joined by stops; they end a sentence only before a
# word that plainly starts one (see _STARTERS).
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]$")
_STARTERS = frozenset(
    "The A An He She It They We I In On At But And This That These Those His Her Their Its Our "
    "After Before When While Since Last Earlier Later Meanwhile However Also According".split()
)

_WINDOW = 200  # characters either side of a full stop that decide whether it ends a sentence
_BOUNDARY = re.compile(r"""[.!?]+['"”’)]*(?=\s+['"“‘(]?[A-Z0-9])""")


@dataclass(frozen=True)
class Sentence:
    """One sentence, where it sits in the article (paragraph number, order) and its offset in the paragraph."""

    text: str
    paragraph: int
    index: int  # position among all sentences of the article
    start: int  # character offset inside its paragraph


def _ends_sentence(paragraph: str, stop: int, after: str, closing: str) -> bool:
    """Whether the full stop at `stop` ends a sentence, judging by the word before it and the word after."""
    if paragraph[stop] in "!?" or closing.strip(".!?"):  # `"No."` closes a quote: the stop is final
        return True
    # Only the last word matters; a bounded window keeps a huge paragraph linear, not quadratic.
    before = paragraph[max(0, stop - _WINDOW):stop]
    word_match = re.search(r"(\S+)$", before)
    word = word_match.group(1) if word_match else ""
    bare = word.lstrip("\"'“‘(").rstrip(".")
    next_word = after.lstrip("\"'“‘( ").split(" ", 1)[0].rstrip(",;:")
    if _DOTTED.search(word + "."):
        return next_word in _STARTERS
    if bare.lower() in ABBREVIATIONS:
        return False
    if _INITIAL.search(before):
        return False
    return True


def split_paragraph(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs for one paragraph."""
    paragraph = re.sub(r"\s+", " ", paragraph).strip()
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        stop = match.start()
        if not _ends_sentence(paragraph, stop, paragraph[match.end():match.end() + _WINDOW], match.group()):
            continue
        text = paragraph[start:match.end()].strip()
        if text:
            pieces.append((start, text))
        start = match.end()
        while start < len(paragraph) and paragraph[start] == " ":
            start += 1
    rest = paragraph[start:].strip()
    if rest:
        pieces.append((start, rest))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of an article's text, paragraphs being separated by blank lines."""
    sentences: list[Sentence] = []
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for number, paragraph in enumerate(paragraphs):
        for offset, sentence in split_paragraph(paragraph):
            sentences.append(Sentence(sentence, number, len(sentences), offset))
    return sentences


def sentences_inside_quotes(sentences: list[Sentence]) -> set[int]:
    """Indices of sentences that start inside a quotation opened by an earlier sentence of their paragraph:
    the second and later sentences of a multi-sentence quote are someone's words, not the report's."""
    inside: set[int] = set()
    paragraph, open_quote = -1, False
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, open_quote = sentence.paragraph, False
        if open_quote:
            inside.add(sentence.index)
        for mark in sentence.text:
            if mark == "“":
                open_quote = True
            elif mark == "”":
                open_quote = False
            elif mark == '"':
                open_quote = not open_quote
    return inside
