"""People named only by their office ("Pakistan's army chief", "the U.S. Defence Secretary", "the CENTCOM
chief"), resolved through the people registry: the one person whose recorded role matches the office's
words, of the country said, and was held on the event's date.

A resolution is a guess from the registry, not something the article says, so the caller flags it for
review with the role and dates it relied on. Without a date, an office held by several people over time
is left unresolved: "the army chief" of 2021 and of 2023 are different men.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from ..load.people import PeopleRegistry, Person, Role
from ..partial_date import DateSpec
from .places import country_of, gazetteer

# The words that head an office, and the heads that name the same post ("CENTCOM chief", "CENTCOM commander").
_HEADS = {"chief": "chief", "head": "chief", "commander": "chief", "leader": "chief", "minister": "minister",
          "secretary": "secretary", "president": "president", "chairman": "chairman", "chair": "chairman",
          "premier": "prime", "prime": "prime"}
# Spellings and short forms folded to one word, so "Defence Secretary" meets "Secretary of Defense".
_FOLD = {"defence": "defense", "centcom": "central command", "coas": "chief army staff", "cjcs": "chairman joint chiefs staff",
         "pm": "prime minister", "fm": "foreign minister", "u.s.": "united states", "us": "united states",
         "american": "united states", "u.k.": "united kingdom", "uk": "united kingdom", "armed": "", "forces": ""}
_STOP = frozenset("the a an his her their its of for and to on in at new top senior country country's".split())
# An office's head word, not followed by a name (then the person is named and needs no resolving).
_HEAD = re.compile(r"\b(?P<head>(?i:chief|head|commander|leader|minister|secretary|president|chairman|chair|premier))\b"
                   r"(?!\s+(?:of\s+(?:the\s+)?)?(?:Gen\.?\s+|General\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+)")
# Words that may qualify an office before its head: "army", "defence", "CENTCOM", "foreign", "U.S.".
_OFFICE_QUALIFIERS = frozenset("""army navy naval air force military defense defence foreign interior home state
    central command joint chiefs staff general national security intelligence armed forces prime deputy vice
    chief finance external affairs""".split())
# Words that make a post a different one from the office without them: the press secretary is not the
# secretary, the deputy chief is not the chief, a chief of staff is not the chief.
_LESSER_POSTS = frozenset("press deputy assistant under vice principal spokesperson spokesman".split())
_OF_PART = re.compile(r"^\s+of\s+(?:the\s+)?(?P<of>(?:[A-Za-z]+\s*){1,4})")
# An office explaining the name before it ("Mohammad Bagheri, chief of general staff of ..."): that person's office.
_AFTER_A_NAME = re.compile(r"(?P<name>[A-Z][\w'’-]+)\s*,\s*(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")

_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday meanwhile however earlier later""".split())


def _is_time_or_place(word: str) -> bool:
    """Whether a word before a comma sets the scene ("On Monday, the army chief ...", "In Islamabad, ...") rather
    than naming the person the office after the comma explains."""
    return word.lower() in _TIME_WORDS or country_of(word) is not None or gazetteer().city(word) is not None


@dataclass(frozen=True)
class OfficeHolder:
    """A registry person resolved from an office mention, and what the resolution rests on."""

    person: Person
    role: Role
    office: str  # the words of the article: "Pakistan's army chief"
    sentence: str


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    """The folded words of an office or a role ("Defence Secretary" -> defense, secretary)."""
    found: set[str] = set()
    for word in re.findall(r"[A-Za-z][\w.’'-]*", text.lower()):
        word = word.rstrip(".").removesuffix("’s").removesuffix("'s") if word not in _FOLD else word
        folded = _FOLD.get(word, word)
        found.update(w for w in folded.split() if w and w not in _STOP)
    return frozenset(found)


def _holds(role: Role, on: DateSpec | None) -> bool:
    if on is None:
        return True
    starts_after = role.start is not None and role.start.first_day() > on.last_day()
    ended_before = role.end is not None and role.end.last_day() < on.first_day()
    return not starts_after and not ended_before


def office_mentions(sentence: str) -> list[tuple[str, str | None, set[str], str]]:
    """(the office's words, its country or None, its folded qualifier words, its head) for each office the
    sentence names without naming its holder: "Pakistan's army chief", "the Secretary of Defense"."""
    found = []
    for match in _HEAD.finditer(sentence):
        named = _AFTER_A_NAME.search(sentence[:match.start()])
        if named and not _is_time_or_place(named["name"]):
            continue
        head = _HEADS[match["head"].lower()]
        before = re.findall(r"[\w.’'-]+", sentence[:match.start()])[-4:]
        qualifiers: list[str] = []
        country = None
        for word in reversed(before):
            bare = word.removesuffix("’s").removesuffix("'s").rstrip(",")
            folded = _FOLD.get(bare.lower(), bare.lower())
            named = country_of(bare) or (country_of(folded.title()) if bare.lower() in _FOLD else None)
            if named and country is None:
                country = named
                continue
            if folded.split()[0] in _OFFICE_QUALIFIERS or bare.isupper() and len(bare) > 2:
                qualifiers.insert(0, bare)
                continue
            break
        after = _OF_PART.match(sentence[match.end():])
        if after and country is None:
            # "the chief of general staff of the Iranian armed forces": the country may come in the "of" part.
            of_part = re.match(r"[^,;:.]{0,60}", sentence[match.end():]).group(0)
            country = next(filter(None, (country_of(w) for w in re.findall(r"\b[A-Z][\w'’]*", of_part))), None)
        # The "of" part is the office's words only: "chief of general staff held talks" ends at "held".
        of_words = " ".join(takewhile(lambda w: w[:1].isupper() or w.lower() in _OFFICE_QUALIFIERS | {"of", "the", "and"},
                                      after["of"].split())) if after else ""
        words = _words(" ".join(qualifiers) + " " + of_words)
        words = {w for w in words if not country_of(w.title())}
        if not words:
            continue  # "the president", "the Secretary": too bare to tell one post from another
        shown = " ".join([*qualifiers, match["head"]]) + (f" of {of_words}" if of_words else "")
        found.append((shown, country, words, head))
    return found


def role_fits(role: str, mods: set[str], head: str) -> bool:
    """Whether a role ("Minister for Defence") is the office an `office_mentions` entry names by its head word
    and qualifiers ("the Australian Defence Minister"); a lesser post ("deputy") must be named to fit."""
    words = _words(role)
    heads = {_HEADS.get(w, w) for w in words}
    if head not in heads or not mods <= words | heads:
        return False
    lesser = set(words & _LESSER_POSTS)
    if "chief of staff" in role.lower():
        lesser.add("staff")
    return not lesser - mods


def resolve_office(sentence: str, registry: PeopleRegistry | None, on: DateSpec | None) -> list[OfficeHolder]:
    """The registry's holders of the offices a sentence names without their holders' names: one per office,
    and only when exactly one person fits."""
    if registry is None:
        return []
    resolved = []
    for office, country, mods, head in office_mentions(sentence):
        fits: dict[str, tuple[Person, Role]] = {}
        for person in registry:
            for role in person.roles:
                if not role_fits(f"{role.role} {role.organisation or ''}", mods, head):
                    continue
                if country is not None and country not in (person.country, role.country):
                    continue
                if _holds(role, on):
                    fits.setdefault(person.id, (person, role))
        if len(fits) == 1:
            person, role = next(iter(fits.values()))
            resolved.append(OfficeHolder(person, role, office, sentence))
    return resolved
