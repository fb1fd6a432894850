"""A person's country and name come from the registry: `check` warns where an event disagrees, and ingest
never records a country that was only where the event happened."""

from __future__ import annotations

from types import SimpleNamespace

from timeline.errors import Problems
from timeline.ingest.people_writer import update_people
from timeline.load.people import parse_people
from timeline.load.yaml_source import parse_yaml

PEOPLE = """\
people:
  - id: mark-milley
    name: Mark Milley
    title: Gen.
    aliases: [General Milley]
    country: United States
  - id: valery-gerasimov
    name: Valery Gerasimov
    country: Russia
  - id: no-country
    name: Nadia Nocountry
"""


def event(participants: str) -> str:
    return f"""\
id: 2021-09-22-helsinki
title: Milley meets Gerasimov in Helsinki
date: 2021-09-22
kind: meeting
place: Helsinki, Finland
status: reviewed
participants:
{participants}"""


def check(make_project, cli, participants: str, *options: str):
    root = make_project({"content/people.yaml": PEOPLE, "content/events/2021-09-22-helsinki.yaml": event(participants)})
    return cli("-C", str(root), "check", *options)


def warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning:")]


def test_check_warns_when_a_participant_has_another_country_than_the_registry(make_project, cli):
    participants = """\
  - name: Mark Milley
    country: Finland
    person: mark-milley
  - name: Valery Gerasimov
    country: russia
    person: valery-gerasimov
"""
    result = check(make_project, cli, participants)
    assert result.code == 0  # a warning: the build still runs
    assert warnings(result.err) == [
        'warning: content/events/2021-09-22-helsinki.yaml:9:14: participant "Mark Milley" has country "Finland", '
        'but content/people.yaml:2 gives mark-milley "United States"; a person\'s country comes from the person, '
        "not from where the event was: correct the event or the registry",
    ]
    strict = check(make_project, cli, participants, "--strict")
    assert strict.code == 1


def test_check_warns_when_a_participant_is_not_a_name_of_the_linked_person(make_project, cli):
    participants = """\
  - name: Mark Miley
    person: mark-milley
  - name: Gen. Mark Milley
    person: mark-milley
  - name: General Milley
    person: mark-milley
  - name: Mark Milley
    person: valery-gerasimov
"""
    result = check(make_project, cli, participants)
    assert warnings(result.err) == [
        'warning: content/events/2021-09-22-helsinki.yaml:8:11: participant "Mark Miley" is linked to person '
        '"mark-milley", whose names in content/people.yaml:2 (Mark Milley; General Milley) do not include it: '
        "correct the name or `person:`, or add the spelling to the person's aliases",
        'warning: content/events/2021-09-22-helsinki.yaml:14:11: participant "Mark Milley" is linked to person '
        '"valery-gerasimov", whose names in content/people.yaml:7 (Valery Gerasimov) do not include it: '
        "correct the name or `person:`, or add the spelling to the person's aliases",
    ]


def test_no_warning_when_the_event_agrees_or_one_side_is_silent(make_project, cli):
    participants = """\
  - name: Mark Milley
    country: United States
    person: mark-milley
  - name: Valery Gerasimov
    person: valery-gerasimov
  - name: Nadia Nocountry
    country: Finland
    person: no-country
  - name: Someone Unlinked
    country: Finland
"""
    result = check(make_project, cli, participants)
    assert (result.code, warnings(result.err)) == (0, [])


def mention(name: str, country: str | None) -> SimpleNamespace:
    return SimpleNamespace(name=name, title=None, role="Chairman of the Joint Chiefs of Staff", country=country,
                           person_id=None, is_participant=True, confidence=0.9)


def test_ingest_never_records_a_country_that_was_only_the_events_place():
    from timeline.extract.reading import parse_article_text
    from timeline.extract.stub import extract_article

    extraction = extract_article(parse_article_text(
        "Generals meet\n\nSeptember 22, 2021\n\nChairman of the Joint Chiefs of Staff Gen. Mark Halley met Russian "
        "Chief of General Staff Gen. Ivan Petrov in Helsinki on Wednesday.\n", "a.txt", "text"))
    people = parse_people(None, "content/people.yaml", Problems())
    changes = update_people(people, extraction.people, [extraction.event])
    assert sorted((p.name, p.country) for p in changes.added) == [("Ivan Petrov", "Russia"), ("Mark Halley", None)]


def test_ingest_keeps_a_registry_country_an_editor_wrote():
    people = parse_people(parse_yaml(PEOPLE), "content/people.yaml", Problems())
    changes = update_people(people, [mention("Nadia Nocountry", "Finland"), mention("Mark Milley", "Finland")], [])
    assert not changes
    assert (people.get("no-country").country, people.get("mark-milley").country) == (None, "United States")
