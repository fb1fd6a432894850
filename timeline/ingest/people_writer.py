"""Registry updates from ingest: new people and new spellings, written into `content/people.yaml`.

`update_people` is pure (registry in, changes out); `write_people` is the edge that touches the file.
people.yaml is edited by hand, so it is rewritten with ruamel.yaml's round-trip mode: the editor's
comments, flow lists and key order survive, existing entries are never dropped or reordered, and only
the new aliases and the new people (appended at the end) change.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..errors import ContentError
from ..files.atomic_write import write_if_changed
from ..files.yaml_writer import dump_yaml
from ..load.model import Event, is_valid_id
from ..load.people import PeopleRegistry, Person, Role, name_key, person_id_for
from ..load.yaml_source import YamlList, YamlMap, parse_yaml
from .people_match import name_form

NEW_PERSON_CONFIDENCE = 0.6  # someone only quoted or named in passing must be this sure to be added
PEOPLE_HEADER = (
    "# The people registry: one entry per person, every spelling the articles use under aliases.\n"
    "# Ingest adds new people and aliases; editors correct and merge entries.\n"
)
# Lowercase words allowed inside a name ("Mohammad bin Salman", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"al", "bin", "bint", "ibn", "de", "del", "der", "da", "di", "du", "van", "von", "la",
                             "le", "ul", "e", "el", "ben", "abu", "y", "dos", "das"})


@dataclass
class PeopleChanges:
    """What ingest adds to the registry: whole new people, and new spellings of known ones."""

    added: list[Person] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (person id, new spelling)

    def __bool__(self) -> bool:
        return bool(self.added or self.aliases)


def looks_like_name(name: str) -> bool:
    """Two or more capitalised words (particles allowed): "Asim Munir", not "army chief" or "Munir"."""
    words = re.findall(r"[\w'’.-]+", name)
    if len(name_key(name).split()) < 2:
        return False
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


class _Spellings:
    """The registry's people by their names' folded spelling, so that a transliteration ("Sergey Lavrov",
    "Abdel Fattah al-Sisi") becomes an alias of the person already known ("Sergei Lavrov", "el-Sisi")."""

    def __init__(self, registry: PeopleRegistry):
        self.registry = registry
        self.by_words: dict[tuple[str, ...], Person] = {}
        for person in registry:
            self.note(person)

    def note(self, person: Person) -> None:
        for name in person.names():
            words = name_form(name).words
            if len(words) >= 2:
                self.by_words.setdefault(words, person)

    def find(self, name: str) -> Person | None:
        """The registry's own lookup first, then the same name in another transliteration."""
        return self.registry.find(name) or self.by_words.get(name_form(name).words)


def update_people(registry: PeopleRegistry, mentions: Iterable[Any], events: Iterable[Event]) -> PeopleChanges:
    """Add new people and spellings found by extraction; give every participant its registry id."""
    changes = PeopleChanges()
    spellings = _Spellings(registry)
    for mention in mentions:
        _note_mention(registry, spellings, changes, mention)
    for event in events:
        for participant in event.participants:
            if participant.person and registry.get(participant.person):
                continue
            person = spellings.find(participant.name)
            if person is None and looks_like_name(participant.name):
                person = _add_person(registry, changes, participant.name, participant.title, participant.role,
                                     participant.country, participant.person)
                spellings.note(person)
            participant.person = person.id if person else None
    return changes


def _note_mention(registry: PeopleRegistry, spellings: _Spellings, changes: PeopleChanges, mention: Any) -> None:
    name = (getattr(mention, "name", None) or "").strip()
    if not name:
        return
    proposed = getattr(mention, "person_id", None)
    # The country the article gives the person: the extractor never takes it from where the event was.
    country = getattr(mention, "country", None) or None
    person = registry.get(proposed) if proposed else None
    person = person or spellings.find(name)
    if person is not None:
        if looks_like_name(name) and registry.add_alias(person, name):
            changes.aliases.append((person.id, name))
        if person.country is None and any(added is person for added in changes.added):
            person.country = country  # an earlier report left it unknown; this one says it
        return
    sure = getattr(mention, "is_participant", False) or (getattr(mention, "confidence", 0) or 0) >= NEW_PERSON_CONFIDENCE
    if sure and looks_like_name(name):
        spellings.note(_add_person(registry, changes, name, getattr(mention, "title", None),
                                   getattr(mention, "role", None), country, proposed))


def _add_person(registry: PeopleRegistry, changes: PeopleChanges, name: str, title: str | None, role: str | None,
                country: str | None, proposed: str | None) -> Person:
    person_id = proposed if proposed and is_valid_id(proposed) and not registry.get(proposed) else None
    if person_id is None:
        base = person_id_for(name)
        person_id, number = base, 2
        while registry.get(person_id):
            person_id, number = f"{base}-{number}", number + 1
    person = Person(id=person_id, name=name, title=title or None, country=country or None,
                    roles=[Role(role=role)] if role else [])
    registry.add(person)
    changes.added.append(person)
    return person


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap an editor's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Write `null` as the registry does, not ruamel's empty value.
    yaml.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def render_people_update(text: str | None, changes: PeopleChanges, shown: str) -> str:
    """The new text of people.yaml: `text` with the changes applied, everything else as it was."""
    if text is None or not text.strip():
        return dump_yaml({"people": [p.to_yaml() for p in changes.added]}, header=PEOPLE_HEADER)
    appended = _append_new_people(text, changes, shown)
    if appended is not None:
        return appended
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise ContentError.at(shown, None, f"cannot update people.yaml, it is not valid YAML: {exc}") from None
    if not isinstance(data, CommentedMap):
        raise ContentError.at(shown, 1, "people.yaml must be a mapping with a `people:` list; fix it and ingest again")
    people = data.get("people")
    if people is None:
        people = data["people"] = CommentedSeq()
    if not isinstance(people, list):
        raise ContentError.at(shown, None, "`people:` must be a list; fix it and ingest again")
    by_id = {str(item.get("id")): item for item in people if isinstance(item, dict)}
    for person_id, alias in changes.aliases:
        item = by_id.get(person_id)
        if item is None:
            continue  # a person added in this same run carries its aliases already
        aliases = item.get("aliases")
        if not isinstance(aliases, list):
            aliases = CommentedSeq()
            aliases.fa.set_flow_style()
            position = list(item.keys()).index("name") + 1 if "name" in item else len(item)
            if "title" in item:
                position = list(item.keys()).index("title") + 1
            item.insert(position, "aliases", aliases)
        if alias not in aliases:
            aliases.append(alias)
    people.extend(_new_entries(changes))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _new_entries(changes: PeopleChanges) -> CommentedSeq:
    entries = CommentedSeq()
    for person in changes.added:
        entry = CommentedMap(person.to_yaml())
        aliases = CommentedSeq(entry["aliases"])
        aliases.fa.set_flow_style()
        entry["aliases"] = aliases
        entries.append(entry)
    return entries


def _append_new_people(text: str, changes: PeopleChanges, shown: str) -> str | None:
    """`text` with only new people added, as text after the last entry: every existing byte kept.

    The common case of a big ingest (many new people, no new spelling of a known one) then costs no
    round trip of the whole registry, and an editor's own indentation is not re-flowed. None when the
    file is not the simple shape this needs (then the round-trip path runs).
    """
    added = {p.id for p in changes.added}
    if not changes.added or any(person_id not in added for person_id, _ in changes.aliases):
        return None
    try:
        data = parse_yaml(text, shown)
    except ContentError:
        return None
    if not isinstance(data, YamlMap) or not data or list(data)[-1] != "people":
        return None
    people = data["people"]
    if not isinstance(people, YamlList) or not people:
        return None
    lines = text.splitlines()
    line, column = people.mark
    if line > len(lines) or lines[line - 1][column - 1:column] != "-":
        return None  # a flow list: [...]
    out = io.StringIO()
    _yaml().dump(CommentedMap(people=_new_entries(changes)), out)
    block = out.getvalue().split("\n", 1)[1]  # the entries under `people:`, indented by the dumper's offset
    dash = " " * (column - 1)
    block = "".join(dash + item[2:] if item.strip() else item for item in block.splitlines(keepends=True))
    result = (text if text.endswith("\n") else text + "\n") + block
    try:
        check = parse_yaml(result, shown)
    except ContentError:
        return None
    if not isinstance(check, dict) or len(check.get("people") or []) != len(people) + len(changes.added):
        return None
    return result


def write_people(path: Path, changes: PeopleChanges, shown: str) -> bool:
    """Apply the changes to people.yaml atomically; returns whether the file changed."""
    if not changes:
        return False
    text = path.read_text(encoding="utf-8") if path.exists() else None
    return write_if_changed(path, render_people_update(text, changes, shown).encode("utf-8"))
