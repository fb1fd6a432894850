"""`calendar.ics` (RFC 5545): the events known to the day, as all-day VEVENTs.

Only day-precision dates go in: a calendar entry for "Dec 2022" would claim a day nobody knows. A
range ends on DTEND = last day + 1 (all-day DTEND is exclusive). DTSTAMP is required; it is the
event's start at midnight UTC rather than the build time so that builds stay byte-identical. UIDs are
`<id>@<host>` (host from the base URL, else the repository, else `timeline.invalid`). URL is written
only when the base URL is absolute (the property holds an absolute URI). Written by hand: the format
is small, and keeping `icalendar` a test-only dependency keeps the install light.
"""

from __future__ import annotations

import datetime as dt
import re

from ...load.model import Event
from ...markdown import summary_plain_text
from ...partial_date import DAY
from .context import ExportContext

PRODID = "-//timeline//timeline static site generator//EN"
LINE_LIMIT = 75  # octets per line, not counting CRLF (RFC 5545 section 3.1)
# Control characters TEXT may not hold (tab is allowed; line breaks are escaped before this applies).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def render_calendar(ctx: ExportContext) -> dict[str, bytes]:
    """`calendar.ics` with every exported event whose date is known to the day."""
    config = ctx.content.config
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(config.title)}",
    ]
    if config.description:
        lines.append(f"X-WR-CALDESC:{escape_text(summary_plain_text(config.description))}")
    head = "".join(fold_line(line) + "\r\n" for line in lines)
    # Each event's lines, folded, as one text: the memo keeps it between builds (memo.py).
    events = ctx.fragments("calendar", calendar_events(ctx), lambda event: "".join(
        [fold_line(line) + "\r\n" for line in _vevent(ctx, event)]).encode("utf-8"))
    return {"calendar.ics": b"".join([head.encode("utf-8"), *events, b"END:VCALENDAR\r\n"])}


def calendar_events(ctx: ExportContext) -> list[Event]:
    """The exported events whose whole date (both ends of a range) is known to the day, chronological."""
    return [e for e in ctx.dated_events() if e.date is not None and e.date.precision == DAY]


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma, and newlines as `\\n`."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    # Other control characters are not allowed in TEXT at all.
    return _CONTROL.sub("", value)


def fold_line(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_LIMIT:
        return line
    chunks: list[bytes] = []
    start = 0
    limit = LINE_LIMIT
    while len(encoded) - start > limit:
        end = start + limit
        while encoded[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character instead
            end -= 1
        chunks.append(encoded[start:end])
        start = end
        limit = LINE_LIMIT - 1  # continuation lines start with one space, which counts
    chunks.append(encoded[start:])
    return b"\r\n ".join(chunks).decode("utf-8")


def _date_value(day: dt.date) -> str:
    # Not strftime: its %Y drops the leading zeros of a year before 1000 on glibc, and RFC 5545 wants four digits.
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _vevent(ctx: ExportContext, event: Event) -> list[str]:
    assert event.date is not None
    start = event.date.first_day()
    end = event.date.last_day() + dt.timedelta(days=1)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{ctx.host}",
        f"DTSTAMP:{_date_value(start)}T000000Z",
        f"DTSTART;VALUE=DATE:{_date_value(start)}",
        f"DTEND;VALUE=DATE:{_date_value(end)}",
        f"SUMMARY:{escape_text(event.title)}",
    ]
    description = _description(ctx, event)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if event.place:
        lines.append(f"LOCATION:{escape_text(event.place)}")
    if event.kind:
        lines.append(f"CATEGORIES:{escape_text(event.kind)}")
    if ctx.is_absolute:
        lines.append(f"URL:{ctx.event_link(event)}")
    if event.is_draft:
        lines.append("STATUS:TENTATIVE")
    lines.append("END:VEVENT")
    return lines


def _description(ctx: ExportContext, event: Event) -> str:
    parts = []
    if event.is_draft:
        parts.append("Unreviewed draft.")
    if event.date is not None and event.date.approximate:
        parts.append(f"Approximate date: {event.date.display()}.")
    if event.needs_review("date"):
        parts.append("Date unconfirmed.")
    text = ctx.summary_text(event)
    if text:
        parts.append(text)
    if ctx.is_absolute:
        parts.append(ctx.event_link(event))
    return "\n\n".join(parts)
