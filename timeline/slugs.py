"""Slugs: the safe, stable, lowercase ids that name event files and pages."""

from __future__ import annotations

import re
import unicodedata

from .partial_date import DateSpec

MAX_SLUG_WORDS = 8
MAX_SLUG_LENGTH = 80
UNDATED_PREFIX = "undated-"  # ids of events whose date was unknown when their file was written


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """ASCII, lowercase, hyphen-separated; empty input gives an empty string.

    Always matches `^[a-z0-9]+(-[a-z0-9]+)*$` (or is empty), so it is safe to use as a file name.
    """
    text = unicodedata.normalize("NFKD", text)
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:  # a single over-long word: cut it
        slug = words[0][:max_length]
    return slug


def event_id_for(date: DateSpec | None, title: str) -> str:
    """`2021-09-22-milley-meets-gerasimov-in-helsinki`, or `undated-...` when the date is unknown."""
    words = slugify(title).split("-")[:MAX_SLUG_WORDS]
    stem = "-".join(w for w in words if w) or "event"
    return f"{date.start.iso()}-{stem}" if date is not None else f"{UNDATED_PREFIX}{stem}"


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not yet taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
