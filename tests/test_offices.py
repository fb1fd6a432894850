"""People named only by their office, resolved through the registry's roles at the event's date."""

from __future__ import annotations

from timeline.extract.offices import office_mentions, resolve_office
from timeline.extract.reading import parse_article_text
from timeline.extract.stub import extract_article
from timeline.load.people import PeopleRegistry, Person, Role
from timeline.partial_date import parse_date_spec, parse_partial_date


def role(name: str, organisation: str, start: str, end: str | None = None) -> Role:
    return Role(name, organisation=organisation, start=parse_partial_date(start),
                end=parse_partial_date(end) if end else None)


REGISTRY = PeopleRegistry([
    Person("ana-ortiz", "Ana Ortiz", country="Freedonia", roles=[role("Chief of Army Staff", "Freedonian Army",
                                                                     "2016-11-29", "2022-11-29")]),
    Person("ben-kaya", "Ben Kaya", country="Freedonia", roles=[role("Chief of Army Staff", "Freedonian Army",
                                                                    "2022-11-29")]),
    Person("cyd-lam", "Cyd Lam", country="United States",
           roles=[role("Secretary of Defense", "U.S. Department of Defense", "2021-01-22", "2025-01-20")]),
    Person("dee-moss", "Dee Moss", country="United States",
           roles=[role("Pentagon Press Secretary", "U.S. Department of Defense", "2021-01-01", "2022-05-01")]),
    Person("eve-ng", "Eve Ng", country="United States",
           roles=[role("Chief of Staff, U.S. Central Command", "U.S. Central Command", "2019-01-01", "2021-12-31"),
                  role("Commander, U.S. Central Command", "U.S. Central Command", "2022-04-01")]),
])


def holders(sentence: str, on: str | None) -> list[str]:
    return [h.person.name for h in resolve_office(sentence, REGISTRY, parse_date_spec(on) if on else None)]


def test_an_office_resolves_to_whoever_held_it_on_the_day():
    assert holders("Freedonia's army chief met the visitors.", "2021-08-09") == ["Ana Ortiz"]
    assert holders("Freedonia's army chief met the visitors.", "2023-07-24") == ["Ben Kaya"]
    # No date: two people held the post, so neither is named.
    assert holders("Freedonia's army chief met the visitors.", None) == []


def test_spellings_and_short_forms_of_an_office_meet_the_registrys():
    assert holders("The U.S. Defence Secretary spoke to reporters.", "2021-08-09") == ["Cyd Lam"]
    assert holders("They called the US Secretary of Defense.", "2022-10-21") == ["Cyd Lam"]
    assert holders("The CENTCOM chief arrived on Monday.", "2023-07-24") == ["Eve Ng"]


def test_a_lesser_post_is_not_the_office():
    # The press secretary is no "Defence Secretary", and a chief of staff is no "CENTCOM chief".
    assert holders("The CENTCOM chief arrived on Monday.", "2021-06-01") == []
    assert holders("Freedonia's army chief and the French president met.", "2021-08-09") == ["Ana Ortiz"]


def test_a_named_holder_or_a_bare_title_is_left_alone():
    assert office_mentions("Army chief General Ben Kaya met them.") == []
    assert office_mentions("The president met the chief.") == []
    # "The Secretary" of a readout is the secretary it already named, not a guess at which secretary.
    assert holders("The Secretary and the Foreign Minister underscored their support.", "2022-10-21") == []


def test_ingest_records_an_office_holder_as_a_participant_flagged_with_the_role_it_relied_on():
    article = parse_article_text("Officials talk\n\nAugust 10, 2021\n\nWASHINGTON - The U.S. Defence Secretary spoke "
                                 "by phone on Monday with Freedonia's army chief, the Pentagon said.\n", "a.txt", "text")
    event = extract_article(article, REGISTRY).event
    assert event.date.iso() == "2021-08-09"
    assert [(p.name, p.person, p.country) for p in event.participants] == [
        ("Cyd Lam", "cyd-lam", "United States"), ("Ana Ortiz", "ana-ortiz", "Freedonia")]
    assert "participants" in event.review.needs
    note = event.review.notes["participants"]
    assert "Ana Ortiz resolved from the office 'army chief'" in note and "2016-11-29 to 2022-11-29" in note
