"""The people registry (`content/people.yaml`): one identity per person, however articles spell the name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import Problems
from ..partial_date import DateValueError, PartialDate, parse_partial_date
from .mapping_lists import listed_mappings
from .model import is_valid_id
from .yaml_source import YamlList, YamlMap

PERSON_KEYS = ("id", "name", "title", "aliases", "country", "roles", "description")
ROLE_KEYS = ("role", "title", "organisation", "country", "start", "end")

# Ranks and honorifics that may precede a name; stripped when comparing names, kept as the person's title.
HONORIFICS = (
    "gen", "general", "lt gen", "lieutenant general", "maj gen", "major general", "brig gen", "brigadier general",
    "brig", "brigadier", "col", "colonel", "lt col", "lieutenant colonel", "maj", "major", "capt", "captain",
    "adm", "admiral", "vice adm", "vice admiral", "rear adm", "rear admiral", "air chief marshal", "air marshal",
    "field marshal", "marshal", "sgt", "sergeant", "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "president",
    "prime minister", "secretary", "minister", "ambassador", "senator", "sen", "rep", "gov", "governor",
    "king", "queen", "prince", "princess", "sheikh", "pope", "chancellor",
)
_HONORIFIC_RE = re.compile(r"^(?:(?:" + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))
                           + r")\.?\s+)+", re.IGNORECASE)


@lru_cache(maxsize=65536)  # pure, and called for every name of every article against every registry entry
def name_key(name: str) -> str:
    """A spelling-insensitive key: no accents, no punctuation, no rank, lower case, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.lower())
    text = re.sub(r"\s+", " ", text).strip()
    text = _HONORIFIC_RE.sub("", text)
    return text.strip()


def person_id_for(name: str) -> str:
    """The registry id a new person gets: their name as a slug."""
    slug = re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
    return slug[:80].strip("-") or "person"


@dataclass
class Role:
    """An office held, with dates where known."""

    role: str
    title: str | None = None
    organisation: str | None = None
    country: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"role": self.role}
        for key in ("title", "organisation", "country"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data["start"] = self.start.iso() if self.start else None
        data["end"] = self.end.iso() if self.end else None
        return data


@dataclass
class Person:
    """A person known to the registry."""

    id: str
    name: str
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    description: str | None = None
    line: int | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def surname(self) -> str:
        parts = name_key(self.name).split()
        return parts[-1] if parts else ""

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.title:
            data["title"] = self.title
        data["aliases"] = list(self.aliases)
        data["country"] = self.country
        data["roles"] = [r.to_yaml() for r in self.roles]
        if self.description:
            data["description"] = self.description
        return data


@dataclass
class PeopleRegistry:
    """All known people, findable by id or by any spelling of their name."""

    people: list[Person] = field(default_factory=list)
    _by_id: dict[str, Person] = field(default_factory=dict, repr=False)
    _by_key: dict[str, Person] = field(default_factory=dict, repr=False)
    # People by the first and by the last word of their name's key, so that `find` looks at a few, not all.
    _by_first_word: dict[str, list[Person]] = field(default_factory=dict, repr=False)
    _by_surname: dict[str, list[Person]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for person in self.people:
            self._index(person)

    def _index(self, person: Person) -> None:
        self._by_id[person.id] = person
        for name in person.names():
            self._by_key.setdefault(name_key(name), person)
        words = name_key(person.name).split()
        if words:
            self._by_first_word.setdefault(words[0], []).append(person)
            self._by_surname.setdefault(person.surname(), []).append(person)

    def add(self, person: Person) -> Person:
        self.people.append(person)
        self._index(person)
        return person

    def get(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def find(self, name: str) -> Person | None:
        """The person a name refers to: exact spelling key first, then a unique surname match."""
        key = name_key(name)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        # "General Syed Asim Munir" vs "Asim Munir": all the registry name's words appear, in order.
        words = key.split()
        candidates = [p for first in dict.fromkeys(words) for p in self._by_first_word.get(first, ())
                      if _words_in_order(name_key(p.name).split(), words)]
        if len(candidates) == 1:
            return candidates[0]
        if len(words) == 1:
            by_surname = self._by_surname.get(words[0], [])
            if len(by_surname) == 1:
                return by_surname[0]
        return None

    def add_alias(self, person: Person, alias: str) -> bool:
        """Record a new spelling; returns whether it was new."""
        if name_key(alias) in {name_key(n) for n in person.names()}:
            return False
        person.aliases.append(alias)
        self._by_key.setdefault(name_key(alias), person)
        return True

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)


def _words_in_order(needle: list[str], hay: list[str]) -> bool:
    if len(needle) < 2:
        return False
    position = 0
    for word in hay:
        if position < len(needle) and word == needle[position]:
            position += 1
    return position == len(needle)


def parse_people(data: Any, path: str, problems: Problems) -> PeopleRegistry:
    """Validate `people.yaml` (`people: [...]`); problems go to `problems`."""
    registry = PeopleRegistry()
    if data is None:
        return registry
    items = data.get("people") if isinstance(data, YamlMap) else None
    if not isinstance(data, YamlMap) or not isinstance(items, (YamlList, type(None))):
        problems.error(path, 1, "people.yaml must be a mapping with a `people:` list")
        return registry
    for key in data:
        if key != "people":
            line, col = data.key_mark(key)
            problems.error(path, line, f'unknown key "{key}"; people.yaml holds only `people:`', col)
    seen: dict[str, int] = {}
    for item, line, col in listed_mappings(data, "people", "person", PERSON_KEYS, path, problems,
                                           "people.yaml must be a mapping with a `people:` list",
                                           "each person must be a mapping with id, name, aliases, country, roles"):
        assert isinstance(item, YamlMap)
        bad_type = next((k for k in ("id", "name") if isinstance(item.get(k), (dict, list, bool))), None)
        if bad_type:
            kline, kcol = item.value_mark(bad_type)
            problems.error(path, kline, f"a person's {bad_type} must be text", kcol)
            continue
        name = str(item.get("name") or "").strip()
        person_id = str(item.get("id") or (person_id_for(name) if name else "")).strip()
        if not name:
            problems.error(path, line, "a person needs a name", col)
            continue
        if not is_valid_id(person_id):
            problems.error(path, line, f'person id "{person_id}" must be a lowercase slug like asim-munir', col)
            continue
        if person_id in seen:
            problems.error(path, line, f'duplicate person id "{person_id}" (first on line {seen[person_id]}); '
                           "merge the two entries, keeping every alias", col)
            continue
        seen[person_id] = line
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or any(isinstance(a, (dict, list, bool)) or a is None for a in aliases):
            kline, kcol = item.key_mark("aliases")
            problems.error(path, kline, "aliases must be a list of names", kcol)
            aliases = []
        registry.add(
            Person(
                id=person_id,
                name=name,
                title=_optional_text(item.get("title")),
                aliases=[str(a).strip() for a in aliases if str(a).strip()],
                country=_optional_text(item.get("country")),
                roles=_parse_roles(item, path, problems),
                description=_optional_text(item.get("description")),
                line=line,
            )
        )
    return registry


def _optional_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _parse_roles(item: YamlMap, path: str, problems: Problems) -> list[Role]:
    roles = []
    for raw, line, col in listed_mappings(item, "roles", "role", ROLE_KEYS, path, problems,
                                          "roles must be a list of {role, organisation, start, end}",
                                          "each role needs at least `role:` (the office held)", text_items=True):
        if isinstance(raw, str):
            roles.append(Role(role=raw.strip()))
            continue
        if not raw.get("role"):
            problems.error(path, line, "each role needs at least `role:` (the office held)", col)
            continue
        dates: dict[str, PartialDate | None] = {}
        for key in ("start", "end"):
            dates[key] = None
            if raw.get(key) is not None:
                try:
                    dates[key] = parse_partial_date(raw[key])
                except DateValueError as exc:
                    kline, kcol = raw.value_mark(key)
                    problems.error(path, kline, f"role {key}: {exc}", kcol)
        roles.append(
            Role(
                role=str(raw["role"]).strip(),
                title=_optional_text(raw.get("title")),
                organisation=_optional_text(raw.get("organisation")),
                country=_optional_text(raw.get("country")),
                start=dates["start"],
                end=dates["end"],
            )
        )
    return roles
