"""Whether two reports' kinds of happening agree: the families one report may call by another's name.

Merging (`same_event.py`) and linking use these; the extractor's kinds are in `timeline/extract/kinds.py`.
"""

from __future__ import annotations

from ..load.model import Event

# Kinds that one report may call by another's name: a visit is reported as a meeting or as talks.
# An agreement is the outcome of talks, a meeting, a visit or a summit, and reported as such.
KIND_GROUPS = (
    frozenset({"meeting", "talks", "visit", "summit", "agreement"}),
    frozenset({"statement", "announcement"}),
)
KIND_SYNONYMS = {"talks": "meeting"}  # counted as the same kind when weighing evidence
# The kinds one day of the very same people may be reported as: extraction reads "discussion", "spoke with" and
# "talks" as a call or a meeting alike.
ONE_DAY_ALIKE = frozenset({"call", "meeting", "talks"})


def kind_of(event: Event) -> str:
    """The event's kind as evidence: a kind the extractor flagged as a guess counts as unknown ("other")."""
    return "other" if "kind" in event.review.needs else event.kind


def kinds_compatible(a: str, b: str) -> bool:
    """Same kind, kinds one report may call by the other's name, or one of them unknown ("other")."""
    if a == b or "other" in (a, b) or not a or not b:
        return True
    return any(a in group and b in group for group in KIND_GROUPS)


def same_kind(a: str, b: str) -> bool:
    return KIND_SYNONYMS.get(a, a) == KIND_SYNONYMS.get(b, b)


def kinds_agree(a: Event, b: Event) -> bool:
    """Both kinds known and of one family, or both reports give the very same kind even where the extractor
    flagged it as a guess: two reports guessing "call" independently is agreement, not a guess."""
    return kind_family(kind_of(a), kind_of(b)) or (a.kind == b.kind and a.kind not in ("other", ""))


def kind_family(a: str, b: str) -> bool:
    """Both known, and the same kind or two names one report may give the other ("talks" and "meeting")."""
    return a != "other" and b != "other" and bool(a) and bool(b) and kinds_compatible(a, b)
