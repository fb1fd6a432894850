"""Extraction on the five seed articles and on unseen-outlet fixtures, field by field.

The seeds' expected values are what the article alone lets anyone know (see tests/gold/seeds.yaml):
no publication date means no day from a weekday, flagged for review, never a confident guess.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract.article import Article
from timeline.extract.reading import read_article
from timeline.extract.stub import extract_article
from timeline.load.content import Project, load_content

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "content" / "articles"
WRITTEN = Path(__file__).resolve().parent / "fixtures" / "written"


@pytest.fixture(scope="module")
def registry():
    return load_content(Project(REPO)).people


def extract(name: str, registry, folder: Path = SEEDS):
    path = next(folder.glob(f"{name}*"))
    return extract_article(read_article(path, path.name), registry)


def participants(event) -> dict[str, tuple]:
    return {p.name: (p.title, p.role, p.country, p.person) for p in event.participants}


def test_001_weekday_with_stated_publication_date_is_the_day(registry):
    event = extract("001", registry).event
    assert event.date.iso() == "2021-09-22" and event.date.precision == "day"
    assert "date" not in event.review.needs
    assert 0.6 <= event.review.confidence["date"] < 0.9  # a weekday: moderate, not certain
    assert "met Wednesday" in event.review.evidence["date"]
    assert event.id == "2021-09-22-milley-meets-gerasimov-in-helsinki"
    assert event.kind == "meeting" and event.place == "Helsinki, Finland"
    people = participants(event)
    assert people["Mark Milley"] == ("Gen.", "Chairman of the Joint Chiefs of Staff", "United States", "mark-milley")
    assert people["Valery Gerasimov"][2:] == ("Russia", "valery-gerasimov")
    assert set(people) == {"Mark Milley", "Valery Gerasimov"}  # Col. Butler only spoke


def test_001_spokesperson_is_named_but_not_a_participant(registry):
    extraction = extract("001", registry)
    butler = next(p for p in extraction.people if p.name == "Dave Butler")
    assert not butler.is_participant and "spokesperson" in butler.role.lower()


def test_001_background_mentions_with_dates(registry):
    mentions = {m.date.iso() if m.date else None: m for m in extract("001", registry).event.mentions}
    assert "2021-04" in mentions and "100,000 troops" in mentions["2021-04"].quote
    assert all(m.article == "001_881ca8b7d5587ec1.txt" for m in mentions.values())


def test_000_no_publication_date_means_no_day(registry):
    event = extract("000", registry).event
    assert event.date is None and "date" in event.review.needs
    assert "no publication date" in event.review.notes["date"] and "Wednesday" in event.review.notes["date"]
    assert event.id.startswith("undated-")
    assert event.place == "Helsinki, Finland" and "Finnish capital" in event.review.evidence["place"]
    assert set(participants(event)) == {"Mark Milley", "Valery Gerasimov"}
    dated = {m.date.iso(): m for m in event.mentions if m.date}
    assert "2019-12" in dated and "Switzerland" in dated["2019-12"].summary


@pytest.mark.parametrize("name", ["002", "003"])
def test_002_003_monday_without_publication_date_is_flagged(registry, name):
    event = extract(name, registry).event
    assert event.date is None and "date" in event.review.needs and "Monday" in event.review.notes["date"]
    assert event.kind == "meeting"
    people = participants(event)
    assert set(people) == {"Michael Erik Kurilla", "Asim Munir"}
    assert people["Michael Erik Kurilla"][2] == "United States" and people["Asim Munir"][2] == "Pakistan"
    assert people["Asim Munir"][0] == "Gen." and "chief" in people["Asim Munir"][1].lower()
    assert event.participants[0].name == "Michael Erik Kurilla"  # the visitor is the subject
    assert event.title.startswith("Kurilla meets Munir")


def test_002_place_is_the_facility_not_the_dateline(registry):
    event = extract("002", registry).event
    assert event.place == "General Headquarters, Rawalpindi, Pakistan"
    assert "place" not in event.review.needs
    assert any("last visited in December" in (m.quote or "") and m.date is None for m in event.mentions)


def test_003_no_place_stated_is_flagged_and_spokesperson_excluded(registry):
    extraction = extract("003", registry)
    assert extraction.event.place is None and "place" in extraction.event.review.needs
    miller = next(p for p in extraction.people if p.name == "Matthew Miller")
    assert not miller.is_participant
    durrani = next(p for p in extraction.people if p.name == "Asif Durrani")
    assert not durrani.is_participant and durrani.country == "Pakistan"
    assert any("truce" in m.summary for m in extraction.event.mentions)


def test_004_tuesday_night_without_publication_date_is_flagged(registry):
    extraction = extract("004", registry)
    event = extraction.event
    assert event.date is None and "date" in event.review.needs
    assert event.kind == "call" and event.place is None and "place" not in event.review.needs
    assert event.title == "Austin calls Bajwa"
    people = participants(event)
    assert people["Lloyd Austin"][1:3] == ("Defense Secretary", "United States")
    assert people["Qamar Javed Bajwa"][:3] == ("Gen.", "Army chief", "Pakistan")
    kirby = next(p for p in extraction.people if p.name == "John Kirby")
    assert not kirby.is_participant


def test_every_extracted_field_has_evidence(registry):
    for name in ("000", "001", "002", "003", "004"):
        event = extract(name, registry).event
        for field in ("date", "kind", "participants", "title"):
            assert event.review.evidence.get(field), (name, field)
        if event.place:
            assert event.review.evidence.get("place"), name
        assert event.status == "draft" and event.sources[0].quote
        assert set(event.review.confidence) >= {"date", "kind", "participants", "title"}


def test_never_a_confident_wrong_date_when_the_reference_shifts():
    text = "The ministers met on Monday in Geneva, officials said."
    unknown = extract_article(Article(name="a.txt", text=text), None).event
    assert unknown.date is None and "date" in unknown.review.needs
    known = extract_article(Article(name="a.txt", text=text, published=__import__(
        "timeline.partial_date", fromlist=["PartialDate"]).PartialDate(2024, 3, 6)), None).event
    assert known.date.iso() == "2024-03-04"


def test_report_date_is_marked_as_report_not_event():
    from timeline.partial_date import PartialDate

    text = ("Top US military commander held talks with Army chief General Asim Munir in Rawalpindi, said an "
            "official handout issued on Monday.")
    event = extract_article(Article(name="x.txt", text=text, published=PartialDate(2023, 7, 25)), None).event
    assert event.date.iso() == "2023-07-24" and "date" in event.review.needs
    assert "reported" in event.review.notes["date"]


def test_empty_article_gives_no_event():
    extraction = extract_article(Article(name="empty.txt", text=""), None)
    assert extraction.event is None and extraction.problems


@pytest.mark.parametrize(("name", "date", "kind", "place", "flagged"), [
    ("reuters_warsaw_talks", "2023-03-14", "meeting", "Warsaw, Poland", False),
    # A call between Washington and Beijing: its "Thursday" is Friday morning on the other side.
    ("ap_blinken_call", "2023-01-26", "call", None, True),
    ("dawn_turkish_fm_visit", None, "visit", "Islamabad, Pakistan", True),
    ("jakarta_explicit_date", "2024-02-12", "meeting", "Jakarta, Indonesia", False),
])
def test_wire_and_regional_briefs(name, date, kind, place, flagged):
    event = extract(name, None, WRITTEN).event
    assert (event.date.iso() if event.date else None) == date
    assert event.kind == kind and event.place == place
    assert ("date" in event.review.needs) == flagged
