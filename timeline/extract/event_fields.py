"""A field of a draft event as the extractor settles it: its value, how sure it is, the words it came from,
and whether a person must check it; and the sentences that tell the main event."""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import MainEvent
from .sentences import Sentence
from .temporal import TemporalMention

# Below this a field goes to review.needs.
CONFIDENCE_THRESHOLD = 0.7


# Kinds that happen in no one place: a missing place is not a gap for them.
PLACELESS_KINDS = ("call", "statement", "announcement", "appointment", "other")


@dataclass
class Field:
    """One field of the draft event with its evidence; `needs_review` puts it in review.needs."""

    value: object
    confidence: float
    evidence: str | None
    note: str | None = None
    needs_review: bool = False
    mention: TemporalMention | None = None  # for a date: the words it was read from


def event_sentences(main: MainEvent) -> list[Sentence]:
    return [s for s in [main.main, *main.supporting] if s is not None]
