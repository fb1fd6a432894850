"""How two reports' dates relate: spans at their real precision, the slack real reports' own dating explains,
and what a report's publication days and stated weekday say when it gives no date of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..load.model import Event
from ..load.thread_rules import rule_text
from ..partial_date import DAY, YEAR, DateSpec

APPROXIMATE_SLACK_DAYS = 7
CLOSE_DAYS = 1  # days apart that time zones or a publication day explain without more
WEEKS_APART_DAYS = 56  # further apart than this, an otherwise identical report is another happening
PUBLISHED_AFTER_DAYS = 7  # an undated report published this long after a dated event may report it
_DATED_BY_PUBLICATION = re.compile(r"publication date|when the event was reported|published", re.IGNORECASE)


def _span(date: DateSpec) -> tuple[dt.date, dt.date]:
    first, last = date.first_day(), date.last_day()
    if date.approximate:
        slack = dt.timedelta(days=APPROXIMATE_SLACK_DAYS)
        first, last = first - slack, last + slack
    return first, last


def dates_compatible(a: DateSpec, b: DateSpec) -> bool:
    """Spans overlap at their real precision: 2021-09-22 fits 2021-09; 22 and 23 Sep do not."""
    first_a, last_a = _span(a)
    first_b, last_b = _span(b)
    return first_a <= last_b and first_b <= last_a


def days_apart(a: DateSpec, b: DateSpec) -> int:
    """Days between the two spans; 0 when they overlap."""
    first_a, last_a = _span(a)
    first_b, last_b = _span(b)
    return max((first_b - last_a).days, (first_a - last_b).days, 0)


def dated_by_publication(event: Event) -> bool:
    """True when the event's day rests on a report's own publication day rather than on a stated date: a
    weekday or "yesterday" counted from it, the day itself, or a date the extractor flagged."""
    if event.date is None:
        return False
    if "date" in event.review.needs or _DATED_BY_PUBLICATION.search(event.review.notes.get("date", "")):
        return True
    return event.date.precision == DAY and any(s.published is not None and s.published.iso() == event.date.iso()
                                               for s in event.sources)


@dataclass(frozen=True)
class DateFit:
    """How two events' dates relate: `overlap`, `close` (a day apart), `weeks`, `apart` or `undated`."""

    outcome: str
    reason: str = ""


def vague(event: Event) -> bool:
    """No date, or only a year: too little to tell one happening of the same people from another."""
    return event.date is None or event.date.precision == YEAR


def fit_dates(a: Event, b: Event) -> DateFit:
    """Compare the dates of two events, tolerating what real reports' own dating explains (see the module)."""
    if a.date is None or b.date is None:
        return DateFit("undated")
    if dates_compatible(a.date, b.date):
        return DateFit("undated" if vague(a) or vague(b) else "overlap")
    gap = days_apart(a.date, b.date)
    both_days = a.date.precision == b.date.precision == DAY
    if both_days and gap <= CLOSE_DAYS:
        return DateFit("close", f"dated {a.date.iso()} and {b.date.iso()}, a day apart")
    if gap <= WEEKS_APART_DAYS:
        return DateFit("weeks", f"dated {a.date.iso()} and {b.date.iso()}, {gap} days apart")
    return DateFit("apart", f"different dates ({a.date} vs {b.date})")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def stated_weekday(event: Event) -> int | None:
    """The weekday (0 = Monday) an undated report's date sentence gives its happening ("spoke on Friday"), when it
    names exactly one: the report could not place it without a publication day, but it still tells calls apart."""
    found = {WEEKDAYS.index(w.lower()) for w in _WEEKDAY.findall(event.review.evidence.get("date", ""))}
    return found.pop() if len(found) == 1 else None


_YEAR_WORD = re.compile(r"\b(?:19|20)\d{2}\b")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# A month in full, or shortened with a full stop as wire copy writes it ("Aug. 9", "Sept. 13").
_MONTH_WORD = re.compile(r"\b(?:(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b|(?:"
                         + "|".join(m[:3].capitalize() for m in MONTH_NAMES if len(m) > 4) + r"|Sept)\.)")


_MONTH_DAY = re.compile(r"\b(?P<month>" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\s+(?P<day>[0-3]?\d)\b"
                        r"|\b(?P<day_first>[0-3]?\d)\s+(?P<month_after>" + "|".join(m.capitalize() for m in MONTH_NAMES)
                        + r")\b")


def stated_day_of_year(event: Event) -> tuple[int, int] | None:
    """(month, day) an undated report's date sentence gives with no year ("signed on March 13"), when it names
    exactly one: the report could not place the year, but two reports naming one day tell of one happening."""
    text = event.review.evidence.get("date", "")
    if _YEAR_WORD.search(text):
        return None
    found = set()
    for match in _MONTH_DAY.finditer(text):
        month, day = match["month"] or match["month_after"], int(match["day"] or match["day_first"])
        if 1 <= day <= 31:
            found.add((MONTH_NAMES.index(month.lower()) + 1, day))
    return found.pop() if len(found) == 1 else None


def names_a_time_near(undated: Event, dated: Event) -> bool:
    """The undated report says something of when: a year within one of the dated event's, or (naming no year) a
    month. A page that names neither could be of any week of any year, and the same two leaders call each other
    year after year, so its weekday alone says nothing."""
    assert dated.date is not None
    text = "\n".join([rule_text(undated)] + [f"{m.summary}\n{m.quote or ''}" for m in undated.mentions])
    years = {int(year) for year in _YEAR_WORD.findall(text)}
    if years:
        return any(abs(year - dated.date.first_day().year) <= 1 for year in years)
    return _MONTH_WORD.search(text) is not None


def weekday_fits(undated: Event, dated: Event) -> bool:
    """The undated report's weekday is the dated event's day, or a day either side when that day is itself in
    doubt (time zones, a report dated by its publication day), and the report names a time near it."""
    weekday = stated_weekday(undated)
    if weekday is None or dated.date is None or dated.date.precision != DAY or not names_a_time_near(undated, dated):
        return False
    day = dated.date.first_day()
    slack = 1 if "date" in dated.review.needs else 0
    return any((day + dt.timedelta(days=d)).weekday() == weekday for d in range(-slack, slack + 1))


def day_of_year_fits(undated: Event, dated: Event) -> bool:
    """The (month, day) an undated report's date sentence names with no year is the dated event's day, or a day
    either side when that day is itself in doubt (time zones, a report dated by its publication day): one day in
    365, where a weekday is one in seven. Other years a page names are its background, so they do not count."""
    day = stated_day_of_year(undated)
    if day is None or dated.date is None or dated.date.precision != DAY:
        return False
    first = dated.date.first_day()
    slack = 1 if "date" in dated.review.needs else 0
    return any(((d := first + dt.timedelta(days=shift)).month, d.day) == day for shift in range(-slack, slack + 1))


def published_days(event: Event) -> list[dt.date]:
    return [s.published.last_day() for s in event.sources if s.published is not None]


# A report's happening this many days before its own publication is background, or a late retelling.
_BACKGROUND_DAYS = 45


def long_before_its_page(report: Event) -> bool:
    """Whether the report dates its happening weeks before it was published (a story about something else
    that mentions it, or a retelling): such a report is offered to an editor's event, never appended."""
    published = published_days(report)
    return report.date is not None and bool(published) and \
        (min(published) - report.date.last_day()).days > _BACKGROUND_DAYS


def reported_before_it_happened(report: Event, other: Event) -> bool:
    """An article cannot report an event that starts after the article was published."""
    if report.date is not None or other.date is None:
        return False
    published = [s.published for s in report.sources if s.published is not None]
    return any(p.precision == DAY and p.last_day() < other.date.first_day() for p in published)


def published_just_after(undated: Event, dated: Event) -> bool:
    """The undated report came out on the dated event's day or within PUBLISHED_AFTER_DAYS after it."""
    assert dated.date is not None
    first, last = _span(dated.date)
    return any(first <= day <= last + dt.timedelta(days=PUBLISHED_AFTER_DAYS) for day in published_days(undated))
