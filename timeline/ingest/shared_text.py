"""Whether two articles carry the same passage about the same people word for word: copies of one story.

Outlets repost a wire story or an official readout with a new headline and without its date line, so two copies
of one report may give no date of their own. The paragraphs that name a person are what ties them: a readout's
lines ("the two leaders discussed ways to advance several important bilateral initiatives") are quoted whole by
every outlet that carries it, while different happenings between the same people are told in different words,
apart from a short stock phrase ("External Affairs Minister S. Jaishankar held a phone call with"), which
`PASSAGE_WORDS` and `SHARED_RUNS_FOR_COPY` are set well above. Paragraphs naming nobody (menus, tickers,
newsletter boxes) are left out: they are what two pages of one outlet share. Each article is reduced to
fingerprints once, where it is read, so comparing two articles costs a set intersection.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from ..extract.article import STORY_CHARS
from ..load.people import name_key

PASSAGE_WORDS = 16  # longer than a stock phrase ("Japanese defense minister Nobuo Kishi and his Australian counterpart")
SHARED_RUNS_FOR_COPY = 3  # runs in common that make two articles copies of one story: a passage of 18 words or more
PARAGRAPH_WORDS = 300  # a longer line is a page flattened into one, menus and all, rather than a paragraph
_WORD = re.compile(r"\w+")


def passage_fingerprints(text: str, names: Iterable[str]) -> frozenset[int]:
    """Fingerprints of every run of `PASSAGE_WORDS` words in the paragraphs (lines) of `text` that name one of
    `names` (by a word of the name): page furniture names nobody, and it is what pages of one outlet share. In a
    page flattened into lines longer than `PARAGRAPH_WORDS`, where furniture and story run together, only the runs
    holding a name count."""
    name_words = {word for name in names for word in name_key(name).split() if len(word) > 2}
    if not name_words:
        return frozenset()
    runs = set()
    for paragraph in text[:STORY_CHARS].splitlines():
        words = _WORD.findall(name_key(paragraph))
        if not name_words.intersection(words):
            continue
        flattened = len(words) > PARAGRAPH_WORDS
        for start in range(len(words) - PASSAGE_WORDS + 1):
            run = words[start:start + PASSAGE_WORDS]
            if flattened and not name_words.intersection(run):
                continue
            # A stable digest, not hash(): fingerprints are made in worker processes with their own hash seeds.
            digest = hashlib.blake2b(" ".join(run).encode(), digest_size=8).digest()
            runs.add(int.from_bytes(digest, "big"))
    return frozenset(runs)


def copies_of_one_story(a: frozenset[int], b: frozenset[int]) -> bool:
    """True when two articles' fingerprints share enough runs to be copies of one story."""
    return len(a & b) >= SHARED_RUNS_FOR_COPY
