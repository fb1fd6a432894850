"""Registry updates from ingest: spellings unified as aliases, new people appended, people.yaml kept as written."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from timeline.errors import Problems
from timeline.ingest.people_writer import (
    PeopleChanges,
    looks_like_name,
    render_people_update,
    update_people,
    write_people,
)
from timeline.load.model import Event, Participant
from timeline.load.people import PeopleRegistry, Person, Role, parse_people
from timeline.load.yaml_source import parse_yaml

PEOPLE_YAML = """\
# Our registry. Keep one entry per person.
people:
  - id: asim-munir
    name: Asim Munir
    title: Gen.
    aliases: [General Munir]  # surname-only spellings are fine here
    country: Pakistan
    roles:
      - role: Chief of Army Staff
        start: 2022-11-29
        end: null

  # Added by hand after the Geneva summit.
  - id: vladimir-putin
    name: Vladimir Putin
    country: Russia
    roles: []
"""


def mention(name: str, person_id: str | None = None, participant: bool = True, confidence: float = 0.9,
            **extra: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, title=extra.get("title"), role=extra.get("role"), country=extra.get("country"),
                           person_id=person_id, is_participant=participant, evidence="", confidence=confidence)


def registry() -> PeopleRegistry:
    return parse_people(parse_yaml(PEOPLE_YAML), "content/people.yaml", Problems())


def test_spellings_of_one_person_become_aliases_of_the_same_entry():
    people = registry()
    changes = update_people(people, [mention("Gen Asim Munir"), mention("Syed Asim Munir"),
                                     mention("General Syed Asim Munir"), mention("Munir")], [])
    assert changes.added == []
    assert changes.aliases == [("asim-munir", "Syed Asim Munir")]  # one new spelling; ranks don't count
    for spelling in ("Gen Asim Munir", "General Syed Asim Munir", "Syed Asim Munir", "asim munir"):
        assert people.find(spelling).id == "asim-munir"


def test_a_longer_spelling_or_a_surname_finds_the_one_person_it_fits_among_many():
    people = PeopleRegistry([Person(f"person-{n}", f"Given{n} Family{n}") for n in range(300)])
    people.add(Person("asim-munir", "Asim Munir"))
    people.add(Person("ahmed-khan", "Ahmed Khan"))
    assert people.find("General Syed Asim Munir").id == "asim-munir"  # every registry word, in order
    assert people.find("Munir").id == "asim-munir"  # a surname only one person has
    assert people.find("Family7").id == "person-7"
    assert people.find("Munir Asim") is None  # the words out of order
    people.add(Person("imran-khan", "Imran Khan"))
    assert people.find("Khan") is None  # two people share it: no guess
    assert people.find("Imran Ahmed Khan") is None  # "Imran ... Khan" and "Ahmed Khan" both fit
    assert people.find("Imran Khan").id == "imran-khan"


def test_new_people_are_added_and_participants_get_their_ids():
    people = registry()
    event = Event(id="x", title="x", date=None, kind="meeting",
                  participants=[Participant(name="Jane Q. Roe", title="Amb."), Participant(name="General Munir")])
    changes = update_people(people, [mention("Jane Q. Roe", title="Amb.", role="Ambassador to Pakistan",
                                             country="United States"),
                                     mention("John Smith", participant=False, confidence=0.3),
                                     mention("the army chief")], [event])
    assert [p.id for p in changes.added] == ["jane-q-roe"]
    added = changes.added[0]
    assert (added.title, added.country, [r.role for r in added.roles]) == ("Amb.", "United States",
                                                                           ["Ambassador to Pakistan"])
    assert [p.person for p in event.participants] == ["jane-q-roe", "asim-munir"]
    assert people.find("John Smith") is None  # named once in passing, with low confidence: not added


def test_a_new_person_whose_id_is_taken_gets_a_numbered_id():
    people = PeopleRegistry([Person("john-smith", "Jon Smyth")])  # an id that no longer matches the name
    changes = update_people(people, [mention("John Smith")], [])
    assert [p.id for p in changes.added] == ["john-smith-2"]
    assert looks_like_name("Asim Munir") and not looks_like_name("Munir") and not looks_like_name("army chief")


def test_people_yaml_keeps_comments_order_and_formatting():
    people = registry()
    changes = update_people(people, [mention("General Syed Asim Munir"), mention("Jane Roe", country="Kenya")], [])
    text = render_people_update(PEOPLE_YAML, changes, "content/people.yaml")
    # ruamel keeps the comment but not the column it started at when the list grows.
    expected = PEOPLE_YAML.replace("aliases: [General Munir]  #", "aliases: [General Munir, General Syed Asim Munir] #")
    assert text == expected + (
        "  - id: jane-roe\n"
        "    name: Jane Roe\n"
        "    aliases: []\n"
        "    country: Kenya\n"
        "    roles: []\n"
    )
    reread = parse_people(parse_yaml(text), "content/people.yaml", Problems())
    assert [p.id for p in reread] == ["asim-munir", "vladimir-putin", "jane-roe"]
    assert reread.get("asim-munir").roles[0].end is None


def test_aliases_key_is_added_where_missing():
    changes = PeopleChanges(aliases=[("vladimir-putin", "Vladimir V. Putin")])
    text = render_people_update(PEOPLE_YAML, changes, "content/people.yaml")
    assert "    name: Vladimir Putin\n    aliases: [Vladimir V. Putin]\n    country: Russia\n" in text


def test_write_people_is_atomic_and_skips_unchanged(tmp_path: Path):
    path = tmp_path / "people.yaml"
    assert write_people(path, PeopleChanges(), "people.yaml") is False and not path.exists()
    new = Person("jane-roe", "Jane Roe", roles=[Role("Envoy")])
    assert write_people(path, PeopleChanges(added=[new]), "people.yaml") is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# The people registry") and "id: jane-roe" in text
    assert [p.name for p in tmp_path.iterdir()] == ["people.yaml"]  # no temporary file left behind
    assert parse_people(parse_yaml(text), "people.yaml", Problems()).get("jane-roe").roles[0].role == "Envoy"


def test_new_people_are_appended_as_text_keeping_every_existing_byte():
    head, body = PEOPLE_YAML.split("people:\n")
    flush_left = head + "people:\n" + "".join(line[2:] for line in body.splitlines(keepends=True))  # another tool's
    for text in (PEOPLE_YAML, flush_left):
        people = parse_people(parse_yaml(text), "content/people.yaml", Problems())
        changes = update_people(people, [mention("Jane Roe", country="Kenya", role="Envoy")], [])
        result = render_people_update(text, changes, "content/people.yaml")
        assert result.startswith(text)
        indent = "  " if text is PEOPLE_YAML else ""
        assert result[len(text):] == (f"{indent}- id: jane-roe\n{indent}  name: Jane Roe\n{indent}  aliases: []\n"
                                      f"{indent}  country: Kenya\n{indent}  roles:\n{indent}    - role: Envoy\n"
                                      f"{indent}      start: null\n{indent}      end: null\n")
        reread = parse_people(parse_yaml(result), "content/people.yaml", Problems())
        assert [p.id for p in reread] == ["asim-munir", "vladimir-putin", "jane-roe"]


def test_a_new_spelling_of_a_known_person_still_goes_through_the_round_trip():
    people = registry()
    changes = update_people(people, [mention("Syed Asim Munir"), mention("Jane Roe")], [])
    result = render_people_update(PEOPLE_YAML, changes, "content/people.yaml")
    assert "aliases: [General Munir, Syed Asim Munir]" in result
    assert "- id: jane-roe" in result
