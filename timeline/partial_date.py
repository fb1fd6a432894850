"""Dates known only to some precision (a year, a month or a day), their ranges, parsing and display.

An event happened on a day, but a report may only let us say "in December 2022" or "in 2021".
`PartialDate` keeps exactly what is known; nothing here ever invents a month or a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

YEAR = "year"
MONTH = "month"
DAY = "day"
PRECISIONS = (YEAR, MONTH, DAY)

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# ASCII digits only: `\d` alone would also take Arabic-Indic and other digits the schema and browsers refuse.
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


class DateValueError(ValueError):
    """A date value that is malformed or impossible; the message says what to write instead."""


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateValueError(f"year {self.year} is out of range (1-9999)")
        if self.month is None and self.day is not None:
            raise DateValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateValueError(f"month {self.month} does not exist; use 01-12")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateValueError(
                    f"{self.year}-{self.month:02d}-{self.day:02d} does not exist "
                    f"({MONTH_ABBR[self.month - 1]} {self.year} has {last} days)"
                )

    @property
    def precision(self) -> str:
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        return YEAR

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
        match = _ISO_PARTIAL.match(text.strip())
        if not match:
            raise DateValueError(f'"{text}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2021-09-22)')
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    def iso(self) -> str:
        """`2021`, `2021-09` or `2021-09-22`: also a valid HTML `<time datetime>` value."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """`22 Sep 2021`, `Sep 2021` or `2021`."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTH_ABBR[self.month - 1]} {self.year}"
        return f"{self.day} {MONTH_ABBR[self.month - 1]} {self.year}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def coarsen(self, precision: str) -> PartialDate:
        """The same date told no finer than `precision`."""
        if precision == YEAR:
            return PartialDate(self.year)
        if precision == MONTH:
            return PartialDate(self.year, self.month)
        return self

    def contains(self, other: PartialDate) -> bool:
        """True when `other` falls within the span this date covers."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, other: PartialDate) -> bool:
        """True when the two spans share at least one day: the dates can name the same day."""
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class DateSpec:
    """When an event happened: one partial date or a range, possibly approximate."""

    start: PartialDate
    end: PartialDate | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.end is not None and self.end.first_day() < self.start.first_day():
            raise DateValueError(f"the range ends ({self.end}) before it starts ({self.start})")

    @property
    def precision(self) -> str:
        """The coarsest precision of the parts: what is really known."""
        if self.end is None:
            return self.start.precision
        return min(self.start.precision, self.end.precision, key=PRECISIONS.index)

    def sort_key(self) -> tuple[int, int, int, int, int, int]:
        """Chronological order; a coarser date sorts at the start of the span it covers."""
        end = self.end or self.start
        return (
            self.start.year,
            self.start.month or 0,
            self.start.day or 0,
            end.year,
            end.month or 0,
            end.day or 0,
        )

    def first_day(self) -> dt.date:
        return self.start.first_day()

    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day()

    def overlaps(self, other: DateSpec) -> bool:
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def iso(self) -> str:
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"

    def display(self) -> str:
        """Human form at the real precision: `22 Sep 2021`, `14–16 Dec 2022`, `c. Jul 2023`."""
        prefix = "c. " if self.approximate else ""
        if self.end is None:
            return prefix + self.start.display()
        start, end = self.start, self.end
        if start.precision == end.precision == DAY and (start.year, start.month) == (end.year, end.month):
            return f"{prefix}{start.day}–{end.display()}"
        if start.precision == end.precision == MONTH and start.year == end.year:
            assert start.month is not None
            return f"{prefix}{MONTH_ABBR[start.month - 1]}–{end.display()}"
        return f"{prefix}{start.display()} – {end.display()}"

    def to_yaml(self) -> str | dict[str, object]:
        """The value to write back into an event file."""
        if self.end is None and not self.approximate:
            return self.start.iso()
        value: dict[str, object] = {"start": self.start.iso()}
        if self.end is not None:
            value["end"] = self.end.iso()
        if self.approximate:
            value["approximate"] = True
        return value

    def __str__(self) -> str:
        return self.iso()


def parse_partial_date(value: object) -> PartialDate:
    """A `PartialDate` from what YAML gives for `2021`, `2021-09` or `2021-09-22`."""
    if isinstance(value, dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, bool):
        raise DateValueError(f"{str(value).lower()} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    if isinstance(value, int):
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise DateValueError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")


def parse_date_spec(value: object) -> DateSpec:
    """A `DateSpec` from an event's `date` value: a partial date or `{start, end, approximate}`."""
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end", "approximate"}
        if unknown:
            raise DateValueError(f"unknown key(s) in date: {', '.join(sorted(map(str, unknown)))}; use start, end, approximate")
        if "start" not in value:
            raise DateValueError("a date range needs a start: {start: 2022-12-14, end: 2022-12-16}")
        approximate = value.get("approximate", False)
        if not isinstance(approximate, bool):
            raise DateValueError("approximate must be true or false")
        end = value.get("end")
        return DateSpec(
            parse_partial_date(value["start"]),
            parse_partial_date(end) if end is not None else None,
            approximate,
        )
    return DateSpec(parse_partial_date(value))
