"""How far apart two events are, said honestly: at the coarser precision of the two dates.

Two day-precise dates give "1 year 10 months later"; if either is known only to the month or year,
the difference is counted in those units and prefixed with "about".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..partial_date import DAY, MONTH, PRECISIONS, YEAR, DateSpec


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _calendar_difference(earlier: dt.date, later: dt.date) -> tuple[int, int, int]:
    """Whole years, months and days from `earlier` to `later` (later >= earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    anchor_year, anchor_month = divmod(earlier.month - 1 + months, 12)
    anchor_year += earlier.year
    anchor_month += 1
    # Clamp: 31 Jan + 1 month lands on the last day of February.
    anchor_day = min(earlier.day, calendar.monthrange(anchor_year, anchor_month)[1])
    days = (later - dt.date(anchor_year, anchor_month, anchor_day)).days
    return months // 12, months % 12, days


def gap_between(earlier: DateSpec, later: DateSpec, min_days: int) -> tuple[str, bool] | None:
    """`("1 year 10 months", approximate)` when `later` starts more than `min_days` after `earlier` ends."""
    end = earlier.end or earlier.start
    start = later.start
    if (start.first_day() - end.last_day()).days <= min_days:
        return None
    precision = min(end.precision, start.precision, key=PRECISIONS.index)
    approximate = precision != DAY or earlier.approximate or later.approximate
    if precision == YEAR:
        years = start.year - end.year
        return (_plural(years, "year"), approximate) if years > 0 else None
    if precision == MONTH:
        assert end.month is not None and start.month is not None
        months = (start.year - end.year) * 12 + start.month - end.month
        if months <= 0:
            return None
        years, months = divmod(months, 12)
    else:
        years, months, days = _calendar_difference(end.last_day(), start.first_day())
        if years == 0:
            parts = [_plural(months, "month")] if months else []
            if days:
                parts.append(_plural(days, "day"))
            return " ".join(parts), approximate
    parts = [_plural(years, "year")] if years else []
    if months:
        parts.append(_plural(months, "month"))
    return " ".join(parts), approximate


def describe_gap(earlier: DateSpec, later: DateSpec, min_days: int, *, direction: str = "later") -> str | None:
    """`"1 year 10 months later"` or `"about 2 years earlier"`; None when the gap is short."""
    gap = gap_between(earlier, later, min_days)
    if gap is None:
        return None
    text, approximate = gap
    return f"{'about ' if approximate else ''}{text} {direction}"


def short_gap(earlier: DateSpec, later: DateSpec) -> str:
    """A compact gap label for the overview's break symbol: `1 yr 6 mo`, `~2 yr`."""
    gap = gap_between(earlier, later, 0)
    if gap is None:
        return ""
    text, approximate = gap
    if "month" in text or "year" in text:
        # Days are noise at this scale; the exact gap is in the list below the strip.
        text = re.sub(r" \d+ days?$", "", text)
    for long, short in ((" years", " yr"), (" year", " yr"), (" months", " mo"), (" month", " mo"),
                        (" days", " d"), (" day", " d")):
        text = text.replace(long, short)
    return ("~" if approximate else "") + text
