"""Whether an event belongs to a thread by the thread's rules, and which rules say so.

One matcher serves ingest (which suggests threads for new stubs) and the site (which tells readers why
an event is on a thread's page), so a page never explains a membership with a rule ingest did not apply.
People match by registry id (any spelling the registry knows), places and phrases as whole words in any
case (hyphens for spaces, plurals), organisations as whole words in the case written ("TTP" the group,
not "ttp" inside a slug), kinds exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .config import Thread
from .model import Event
from .people import PeopleRegistry, name_key

RULES = ("people", "places", "organisations", "phrases", "kinds")
_LABELS = {"people": "people", "places": "place", "organisations": "organisations", "phrases": "phrases",
           "kinds": "kind"}


def participant_keys(event: Event) -> set[str]:
    """Participants by registry id; a participant without one by the spelling-insensitive name."""
    keys = set()
    for participant in event.participants:
        if participant.person:
            keys.add(participant.person)
        elif name_key(participant.name):
            keys.add("name:" + name_key(participant.name))
    return keys


def _participants(event: Event) -> list[tuple[str, str]]:
    """(key, "Gen. Asim Munir") for each participant, in the event's order, keyed as `participant_keys` keys them."""
    found = {}
    for participant in event.participants:
        key = participant.person or ("name:" + name_key(participant.name) if name_key(participant.name) else "")
        if key and key not in found:
            found[key] = f"{participant.title} {participant.name}" if participant.title else participant.name
    return list(found.items())


def rule_text(event: Event) -> str:
    """What the event's reports say: title, summary, place, quotes, headlines and evidence sentences."""
    parts = [event.title, event.summary, event.place or ""]
    for source in event.sources:
        parts += [source.quote or "", source.headline or ""]
    parts += list(event.review.evidence.values())
    return "\n".join(p for p in parts if p)


def phrase_pattern(phrases: Iterable[str], ignore_case: bool = True) -> re.Pattern[str] | None:
    """One pattern for many phrases, whole words only; hyphens match spaces and plurals match."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s-]+", phrase)]
        parts.append(r"[\s-]+".join(words) + r"(?:s|es)?")
    if not parts:
        return None
    return re.compile(r"\b(" + "|".join(parts) + r")\b", re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True)
class RuleMatch:
    """One rule of a thread that an event meets, with what met it, spelt as the rule spells it."""

    rule: str  # one of RULES
    found: tuple[str, ...]  # as the rule spells it ("Asim Munir", "talks")
    seen: tuple[str, ...]  # as the event has it ("Gen. Asim Munir", "Talks")


class ThreadMatcher:
    """One thread's rules, compiled once to test many events."""

    def __init__(self, thread: Thread, people: PeopleRegistry):
        self.thread = thread
        rules = thread.rules
        self._people: dict[str, str] = {}  # participant key -> the rule's spelling
        for name in rules.people:
            person = people.find(name)
            self._people[person.id if person else "name:" + name_key(name)] = name
        self._words = [(rule, pattern, {_fold(w): w.strip() for w in listed})
                       for rule, listed, ignore_case in (("places", rules.places, True),
                                                         ("organisations", rules.organisations, False),
                                                         ("phrases", rules.phrases, True))
                       if (pattern := phrase_pattern(listed, ignore_case))]
        self._kinds = set(rules.kinds)

    def matches(self, event: Event, text: str | None = None) -> list[RuleMatch]:
        """Every rule the event meets, in the order of RULES; `text` is `rule_text(event)` when already made."""
        found = []
        people = [(self._people[key], label) for key, label in _participants(event) if key in self._people]
        if people:
            found.append(RuleMatch("people", tuple(dict.fromkeys(p for p, _ in people)),
                                   tuple(dict.fromkeys(label for _, label in people))))
        text = rule_text(event) if text is None else text
        for rule, pattern, spelling in self._words:
            searched = (event.place or "") if rule == "places" else text
            seen = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(searched)))
            if seen:
                found.append(RuleMatch(rule, tuple(dict.fromkeys(spelling.get(_fold(w), w) for w in seen)), seen))
        if event.kind in self._kinds:
            found.append(RuleMatch("kinds", (event.kind,), (event.kind,)))
        return found


def describe_matches(matches: list[RuleMatch]) -> str:
    """The reason a reader sees: "Matches the thread’s people: Asim Munir; kind: visit." """
    if not matches:
        return "Listed by the editor."
    parts = []
    for match in matches:
        quoted = match.rule in ("organisations", "phrases")
        words = [f"“{w}”" if quoted else w for w in match.found[:4]]
        parts.append(f"{_LABELS[match.rule]}: " + ", ".join(words))
    return "Matches the thread’s " + "; ".join(parts) + "."


def _fold(text: str) -> str:
    """A rule word's lookup key: case, hyphens, spacing and a plural ending do not matter."""
    key = re.sub(r"[\s-]+", " ", text.strip().lower())
    return re.sub(r"(?:es|s)$", "", key) if len(key) > 3 else key
