"""Temporal expressions: each kind, with and without a publication date, and the words that are not dates."""

from __future__ import annotations

import pytest

from timeline.extract.temporal import find_temporal_mentions, parse_explicit_date
from timeline.partial_date import DateSpec, PartialDate

PUB = PartialDate(2021, 9, 22)  # a Wednesday


def one(sentence: str, reference: PartialDate | None = PUB, anchor: DateSpec | None = None):
    found = find_temporal_mentions(sentence, reference, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "iso", "precision"),
    [
        ("The generals met Wednesday in Helsinki.", "2021-09-22", "day"),  # same day allowed
        ("They met on Monday.", "2021-09-20", "day"),
        ("He called on Tuesday night.", "2021-09-21", "day"),
        ("Troops left Afghanistan last month.", "2021-08", "month"),
        ("He arrived yesterday.", "2021-09-21", "day"),
        ("Talks continue today.", "2021-09-22", "day"),
        ("The truce ended last November.", "2020-11", "month"),
        ("He last visited in December.", "2020-12", "month"),
        ("In April, Russia amassed troops.", "2021-04", "month"),
        ("He visited in September.", "2021-09", "month"),  # on or before the reference month
        ("It happened on September 22, 2021.", "2021-09-22", "day"),
        ("It happened on 22 Sep 2021.", "2021-09-22", "day"),
        ("They previously met in December 2019.", "2019-12", "month"),
        ("A summit in Geneva in June.", "2021-06", "month"),
        ("Troops leave by Sept. 11.", "2021-09-11", "day"),
        ("It was founded in 2019.", "2019", "year"),
        ("The trip was 14-16 December 2022.", "2022-12-14/2022-12-16", "day"),
        ("The date was 2021-09-01.", "2021-09-01", "day"),
        ("It was two weeks ago.", "2021-09-08", "day"),
    ],
)
def test_resolves_against_the_publication_date(sentence, iso, precision):
    mention = one(sentence)
    assert mention.value is not None and mention.value.iso() == iso
    assert mention.precision == precision
    assert mention.reason


def test_weekday_needs_a_day_precise_reference():
    mention = one("The chiefs met on Wednesday.", None)
    assert mention.value is None and mention.precision is None
    assert mention.reason == "no publication date; 'on Wednesday' cannot be placed"
    assert one("The chiefs met on Wednesday.", PartialDate(2021, 9)).value is None  # month-only reference


@pytest.mark.parametrize("sentence", ["They left last month.", "He last visited in December.", "It was yesterday.",
                                      "That was last week.", "Talks were held this week.", "14-16 December"])
def test_relative_expressions_without_reference_give_no_date(sentence):
    assert one(sentence, None).value is None


def test_explicit_dates_need_no_reference_and_keep_their_precision():
    assert one("met in December 2019", None).value == DateSpec(PartialDate(2019, 12))
    assert one("on September 22, 2021", None).value == DateSpec(PartialDate(2021, 9, 22))
    assert one("in 2019", None).precision == "year"


def test_weekday_confidence_is_moderate_and_lower_at_night():
    day = one("They met on Wednesday.")
    night = one("He called on Tuesday night.")
    assert 0.6 <= day.confidence < 0.9
    assert night.confidence < day.confidence and "time zone" in night.reason
    assert one("on September 22, 2021").confidence > day.confidence


def test_future_sentences_resolve_forward():
    assert one("The UK is expected to call on China on Friday.").value.iso() == "2021-09-24"
    assert one("They will meet in December.").value.iso() == "2021-12"
    assert one("They will meet next Monday.").value.iso() == "2021-09-27"


def test_last_weekday_is_strictly_before():
    assert one("They met last Wednesday.").value.iso() == "2021-09-15"


def test_weeks_are_ranges():
    value = one("Last week, he traveled to Kabul.", PartialDate(2023, 7, 24)).value
    assert value.iso() == "2023-07-17/2023-07-23" and value.approximate


def test_a_day_earlier_counts_from_the_main_event():
    anchor = DateSpec(PartialDate(2021, 8, 9))
    assert one("A day earlier, the spokesman said so.", None, anchor).value.iso() == "2021-08-08"
    assert one("A day earlier, the spokesman said so.", None, None).value is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the list may be expanded.",
        "Protesters march on the capital.",
        "It was the second time they met.",
        "Around 300,000 troops and 2000 soldiers were there.",
        "The talks are now over.",
        "He scored 2021 points.",
        "A force of 1,999 men.",
    ],
)
def test_false_positives_are_not_dates(sentence):
    assert find_temporal_mentions(sentence, PUB) == []


def test_since_and_by_are_marked_as_bounds():
    assert one("the first time since December 2019").relation == "since"
    assert one("withdraw all troops by Sept. 11").relation == "by"


def test_impossible_dates_are_refused():
    assert one("February 30, 2021").value is None


def test_month_and_day_without_year_or_reference_give_no_date():
    mention = one("withdraw by Sept. 11", None)
    assert mention.value is None and "no year" in mention.reason


def test_dateparser_is_cached():
    parse_explicit_date.cache_clear()
    parse_explicit_date("September 22, 2021")
    parse_explicit_date("September 22, 2021")
    assert parse_explicit_date.cache_info().hits >= 1
