"""Property-based tests (hypothesis) for the pure parts of the foundation: dates, YAML in and out, the event
model's round trip, slugs and safe paths. Example counts are moderate so the file runs in a few seconds."""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePosixPath

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline.errors import ContentError, Problems
from timeline.files.yaml_writer import dump_yaml
from timeline.load.content import is_safe_relative_path
from timeline.load.model import (
    DEFAULT_KINDS,
    DRAFT,
    EVENT_KEYS,
    REVIEWED,
    Event,
    Mention,
    Participant,
    Related,
    Review,
    Source,
    is_valid_id,
    parse_event,
)
from timeline.load.yaml_source import parse_yaml, plain
from timeline.partial_date import (
    DAY,
    PRECISIONS,
    YEAR,
    DateSpec,
    DateValueError,
    PartialDate,
    parse_date_spec,
    parse_partial_date,
)
from timeline.slugs import event_id_for, slugify, unique_id

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# ---- strategies ----

precisions = st.sampled_from(PRECISIONS)


@st.composite
def partial_dates(draw, precision: str | None = None) -> PartialDate:
    day = draw(st.dates())
    chosen = precision or draw(precisions)
    return PartialDate.from_date(day).coarsen(chosen)


@st.composite
def date_specs(draw) -> DateSpec:
    start = draw(partial_dates())
    if draw(st.booleans()):
        return DateSpec(start, None, draw(st.booleans()))
    end = draw(partial_dates())
    if end.first_day() < start.first_day():
        start, end = end, start
    return DateSpec(start, end, draw(st.booleans()))


# Built from parts rather than st.from_regex, which is several times slower to draw from.
slugs = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1,
                 max_size=4).map("-".join)
# Text as an editor writes it: any printable characters, newlines inside, no surrounding whitespace
# (the model strips values, so surrounding whitespace would not survive by design).
clean_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).map(str.strip).filter(bool)
multiline = st.lists(clean_text, min_size=1, max_size=3).map("\n".join)
optional_text = st.none() | clean_text


def participants():
    return st.builds(Participant, name=clean_text, title=optional_text, role=optional_text, country=optional_text,
                     person=st.none() | slugs)


def sources():
    article = st.lists(slugs, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".txt")
    url = slugs.map(lambda s: f"https://example.org/{s}")
    return st.builds(Source, article=article, outlet=optional_text, url=st.none() | url,
                     published=st.none() | partial_dates(), headline=optional_text, author=optional_text,
                     quote=optional_text)


def mentions():
    return st.builds(Mention, summary=clean_text, date=st.none() | date_specs(), event=st.none() | slugs,
                     quote=optional_text, article=st.none() | slugs.map(lambda s: s + ".txt"))


def reviews():
    fields = st.sampled_from(EVENT_KEYS)
    return st.builds(
        Review,
        needs=st.lists(fields, unique=True, max_size=3),
        notes=st.dictionaries(fields, clean_text, max_size=3),
        evidence=st.dictionaries(fields, clean_text, max_size=3),
        confidence=st.dictionaries(fields, st.floats(0, 1), max_size=3),
        duplicates=st.lists(slugs, max_size=2),
    )


@st.composite
def events(draw) -> Event:
    status = draw(st.sampled_from((DRAFT, REVIEWED)))
    date = draw(date_specs()) if status == REVIEWED else draw(st.none() | date_specs())
    return Event(
        id=draw(slugs),
        title=draw(clean_text),
        date=date,
        kind=draw(st.sampled_from(DEFAULT_KINDS)),
        status=status,
        place=draw(optional_text),
        summary=draw(st.just("") | multiline),
        participants=draw(st.lists(participants(), max_size=2)),
        sources=draw(st.lists(sources(), max_size=2)),
        mentions=draw(st.lists(mentions(), max_size=2)),
        threads=draw(st.lists(slugs, max_size=2)),
        related=draw(st.lists(st.builds(Related, id=slugs, reason=optional_text), max_size=2)),
        review=draw(reviews()),
    )


# Scalars that YAML would read as something else when written bare: they must come back as strings.
tricky_strings = st.sampled_from([
    "yes", "no", "on", "off", "true", "False", "null", "~", "", " ", "2021", "2021-09", "2021-09-22",
    "2021-09-22T10:00:00", "1e3", "0x1F", "0o17", ".inf", "-.nan", "=", "<<", "- a", "a: b", "#x", "'", '"',
    "&a", "*a", "!tag", "%x", "@x", "`x", "a\n", "\na", "a  ", "  a", "a\n\n", "\t", "a\tb", "\u00e9t\u00e9",
    "\u4e2d\u6587", "\U0001f600", "\u2028", "\x85", "\ufeff", "a\r\nb",
])
strings = tricky_strings | st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
scalars = st.none() | st.booleans() | st.integers() | strings
nested = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(strings, inner, max_size=4),
                      max_leaves=12)


# ---- dates ----


@given(partial_dates())
def test_partial_date_iso_round_trip(date):
    assert PartialDate.parse(date.iso()) == date
    assert parse_partial_date(date.iso()) == date


@given(date_specs())
def test_date_spec_yaml_round_trip(spec):
    assert parse_date_spec(plain(parse_yaml(dump_yaml({"date": spec.to_yaml()})))["date"]) == spec


@given(partial_dates().filter(lambda date: date.year >= 1000))
def test_display_never_shows_a_finer_precision(date):
    numbers = re.findall(r"\d+", date.display())
    months = re.findall(r"[A-Z][a-z]{2}", date.display())
    assert numbers[-1] == str(date.year)
    assert len(months) == (0 if date.precision == YEAR else 1)
    assert len(numbers) == (2 if date.precision == DAY else 1)


@given(date_specs().filter(lambda spec: spec.start.year >= 1000))  # a year of 1-2 digits would read as a day
def test_range_display_never_shows_a_finer_precision(spec):
    """Each end of a range is shown at its own precision: no day or month appears that the value lacks."""
    text = spec.display()
    parts = [p for p in (spec.start, spec.end) if p is not None]
    days = [n for n in re.findall(r"\d+", text) if len(n) <= 2]
    months = re.findall(r"[A-Z][a-z]{2}", text)
    assert len(days) == sum(1 for p in parts if p.precision == DAY)
    assert len(months) <= sum(1 for p in parts if p.precision != YEAR)
    if spec.precision == YEAR and spec.end is None:
        assert months == []
    assert text.startswith("c. ") == spec.approximate


@given(partial_dates(), precisions)
def test_coarsen_never_increases_precision(date, precision):
    coarse = date.coarsen(precision)
    rank = PRECISIONS.index
    assert rank(coarse.precision) <= min(rank(date.precision), rank(precision))
    assert coarse.contains(date)
    assert coarse.coarsen(precision) == coarse


@given(date_specs(), date_specs())
def test_sort_key_agrees_with_first_day(a, b):
    if a.first_day() < b.first_day():
        assert a.sort_key() < b.sort_key()
    if a.sort_key() <= b.sort_key():
        assert a.first_day() <= b.first_day()


@given(st.integers(-10, 10_010), st.none() | st.integers(-5, 20), st.none() | st.integers(-5, 40))
def test_partial_date_is_valid_or_raises_date_value_error(year, month, day):
    try:
        date = PartialDate(year, month, day)
    except DateValueError:
        return
    assert date.first_day() <= date.last_day()
    assert PartialDate.parse(date.iso()) == date


@given(st.text(max_size=20))
@example("2021-02-29")
@example("2021-13")
@example("\u0662\u0660\u0662\u0661")  # Arabic-Indic digits: not ASCII, not a date here
@example("2021-09-22\n")
def test_parse_of_any_text_gives_a_date_or_date_value_error(text):
    try:
        date = PartialDate.parse(text)
    except DateValueError:
        return
    assert date.iso() == text.strip()


any_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates(),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                         max_leaves=8)


@given(any_value)
@example({"start": "2021-09", "end": "2021-08"})
@example({"start": True})
@example({"end": "2021"})
@example({"start": "2021", "approximate": "yes"})
def test_date_spec_from_any_value_raises_only_date_value_error(value):
    try:
        spec = parse_date_spec(value)
    except DateValueError:
        return
    assert spec.first_day() <= spec.last_day()


# ---- YAML in and out ----


@given(st.text(max_size=200))
@example("a: &a [*a]")
@example("- " * 100)
@example("a: !!python/object:os.system {}")
@example("? [a]\n: 1")
@example("a: 1\na: 2")
@example("\ufeffa: 1")
@settings(max_examples=200)
def test_parse_yaml_raises_only_content_error(text):
    try:
        parse_yaml(text, "x.yaml")
    except ContentError as exc:
        assert exc.problems and all(p.path == "x.yaml" for p in exc.problems)


@given(st.binary(max_size=200))
def test_any_bytes_parse_or_raise_content_error(raw):
    from timeline.load.yaml_source import decode_yaml_bytes

    try:
        parse_yaml(decode_yaml_bytes(raw, "x.yaml"), "x.yaml")
    except ContentError:
        pass


@given(st.dictionaries(strings, nested, max_size=6))
@example({"a": ["yes", "no", "null", "2021-09", "2021-09-22", " lead", "trail ", "two\nlines ", "=", "<<"]})
@example({"<<": "=", "=": "<<"})
@example({"s": "line one\nline two\n"})
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_dump_then_parse_is_identity(data):
    assert plain(parse_yaml(dump_yaml(data), "x.yaml")) == data


@given(nested)
def test_dump_then_parse_is_identity_for_any_top_level_value(data):
    assert plain(parse_yaml(dump_yaml(data), "x.yaml")) == data


@given(events())
@settings(max_examples=60)
def test_event_round_trips_through_its_file(event):
    text = dump_yaml(event.to_yaml(), "# yaml-language-server: $schema=../event.schema.json\n")
    problems = Problems()
    parsed = parse_event(parse_yaml(text, "e.yaml"), "e.yaml", problems)
    assert problems.errors == []
    assert parsed is not None
    assert parsed.to_yaml() == event.to_yaml()
    assert dataclasses.replace(parsed, path=None, lines={}) == event


# ---- slugs, ids and paths ----


@given(st.text(max_size=200), st.integers(1, 120))
@example("Milley meets Gerasimov in Helsinki", 80)
@example("---", 80)
@example("ÅÄÖ ß İ", 80)
@example("a" * 200, 10)
def test_slugify_is_safe_idempotent_and_stable(text, max_length):
    slug = slugify(text, max_length)
    assert slug == "" or SLUG.match(slug)
    assert len(slug) <= max_length
    assert slugify(slug, max_length) == slug
    assert slugify(text, max_length) == slug


@given(st.none() | date_specs(), st.text(max_size=200))
@example(None, "")
@example(None, "!!!")
def test_event_id_for_is_always_a_valid_id(date, title):
    event_id = event_id_for(date, title)
    assert is_valid_id(event_id)
    assert event_id.startswith(date.start.iso() if date else "undated")


@given(slugs, st.sets(slugs, max_size=5))
def test_unique_id_is_unique(base, taken):
    taken = taken | {base, f"{base}-2"}
    new = unique_id(base, taken)
    assert new not in taken
    assert is_valid_id(new)


path_text = st.text(st.sampled_from("ab./\\:~ \x00\n-"), max_size=20) | st.lists(
    st.sampled_from(["a", "b.txt", "..", ".", "", "~", "c:"]), max_size=5).map("/".join)


@given(path_text)
@example("../secret.txt")
@example("a/../../secret.txt")
@example("/etc/passwd")
@example("\\\\server\\share")
@example("C:/Windows")
@example("a/./b")
def test_safe_relative_path_never_leaves_the_folder(name):
    if not is_safe_relative_path(name):
        return
    path = PurePosixPath(name)
    assert not path.is_absolute()
    assert ".." not in path.parts
    assert "\\" not in name and ":" not in name
    assert all(ord(c) >= 32 for c in name)


@pytest.mark.parametrize("name", ["story.txt", "2023/07/story.md", "a-b_c.html"])
def test_ordinary_article_paths_are_safe(name):
    assert is_safe_relative_path(name)
