"""The overview strip: an inline SVG time axis drawn at build time, one lane per thread.

Long empty stretches are cut out and replaced by a break symbol with the gap's length, so that a
chronology with events in 2019, 2021 and 2023 gives each cluster room instead of a blank middle.
Coordinates are rounded to one decimal so the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Protocol

from markupsafe import Markup, escape

from ..partial_date import DAY, MONTH_ABBR, DateSpec, PartialDate
from .gaps import short_gap
from .view import MONTH_NAMES, UNTHREADED_COLOR, EventView, ThreadView

WIDTH = 960.0
MARGIN = 14.0
BREAK_WIDTH = 64.0
AXIS_HEIGHT = 44.0
LANE_HEIGHT = 34.0
PAD_DAYS = 20  # room around each cluster so marks at its edges are not cut
MIN_CLUSTER_DAYS = 75  # a single day still gets a readable stretch of axis
MAX_MARKS = 1000  # more marks than this in a strip, and its lanes show months instead (_draw_months)
COLOR = re.compile(r"^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$")


@dataclass
class Lane:
    label: str
    color: str
    events: list[EventView]


@dataclass
class _Cluster:
    first: int  # ordinal day of the first covered day
    last: int  # ordinal day after the last covered day
    spec_first: DateSpec
    spec_last: DateSpec
    x0: float = 0.0
    width: float = 0.0
    start: float = 0.0  # padded ordinal at x0
    span: float = 1.0  # padded days across the width

    def x(self, ordinal: float) -> float:
        return self.x0 + (ordinal - self.start) / self.span * self.width


@dataclass
class Overview:
    svg: Markup
    summary: str  # the text alternative
    lanes: list[Lane] = field(default_factory=list)
    by_month: bool = False  # lanes drawn as a bar per month (_draw_months), not a mark per event


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _span(date: DateSpec) -> tuple[int, int]:
    return date.first_day().toordinal(), date.last_day().toordinal() + 1


def _clusters(events: list[EventView], compress_days: int) -> list[_Cluster]:
    # Each event's days worked out once; sorting by them keeps the events' order where they tie.
    dated = sorted(((_span(date), date) for view in events if (date := view.event.date) is not None),
                   key=itemgetter(0))
    clusters: list[_Cluster] = []
    for (first, last), date in dated:
        if clusters and first - clusters[-1].last <= compress_days:
            cluster = clusters[-1]
            if last > cluster.last:
                cluster.last, cluster.spec_last = last, date
        else:
            clusters.append(_Cluster(first, last, date, date))
    return clusters


def _layout(clusters: list[_Cluster]) -> None:
    weights = []
    for cluster in clusters:
        days = cluster.last - cluster.first + 2 * PAD_DAYS
        weights.append(max(days, MIN_CLUSTER_DAYS))
    available = WIDTH - 2 * MARGIN - BREAK_WIDTH * (len(clusters) - 1)
    x = MARGIN
    total = sum(weights) or 1
    for cluster, weight in zip(clusters, weights, strict=True):
        cluster.x0 = x
        cluster.width = available * weight / total
        cluster.span = weight
        # Centre the covered days when the cluster was widened to its minimum.
        cluster.start = cluster.first - (weight - (cluster.last - cluster.first)) / 2
        x += cluster.width + BREAK_WIDTH


def _cluster_for(clusters: list[_Cluster], ordinal: int) -> _Cluster:
    for cluster in clusters:
        if ordinal < cluster.last:
            return cluster
    return clusters[-1]


def _axis(clusters: list[_Cluster]) -> list[str]:
    parts = []
    axis_y = AXIS_HEIGHT - 6
    for index, cluster in enumerate(clusters):
        left, right = cluster.start, cluster.start + cluster.span
        parts.append(f'<line class="ov-axis" x1="{_n(cluster.x0)}" y1="{_n(axis_y)}" '
                     f'x2="{_n(cluster.x0 + cluster.width)}" y2="{_n(axis_y)}"/>')
        start_day = dt.date.fromordinal(int(left) + 1)
        year, month = start_day.year, start_day.month
        month_px = cluster.width / cluster.span * 30.4
        parts.append(f'<text class="ov-year" x="{_n(cluster.x0)}" y="12.0">{start_day.year}</text>')
        last_year_x = cluster.x0
        while True:
            day = dt.date(year, month, 1)
            ordinal = day.toordinal()
            if ordinal >= right:
                break
            if ordinal > left:
                x = cluster.x(ordinal)
                major = month == 1
                parts.append(f'<line class="ov-tick{" ov-major" if major else ""}" x1="{_n(x)}" '
                             f'y1="{_n(axis_y - (8 if major else 4))}" x2="{_n(x)}" y2="{_n(axis_y)}"/>')
                if major and x - last_year_x > 34 and cluster.x0 + cluster.width - x > 26:
                    parts.append(f'<text class="ov-year" x="{_n(x)}" y="12.0">{year}</text>')
                    last_year_x = x
                if month_px >= 26:
                    parts.append(f'<text class="ov-month" x="{_n(x + 2)}" y="{_n(axis_y - 10)}">'
                                 f"{MONTH_ABBR[month - 1]}</text>")
            month += 1
            if month == 13:
                year, month = year + 1, 1
        if index + 1 < len(clusters):
            nxt = clusters[index + 1]
            mid = cluster.x0 + cluster.width + BREAK_WIDTH / 2
            for dx in (-4, 3):
                parts.append(f'<line class="ov-break" x1="{_n(mid + dx - 3)}" y1="{_n(axis_y + 6)}" '
                             f'x2="{_n(mid + dx + 3)}" y2="{_n(axis_y - 6)}"/>')
            label = short_gap(cluster.spec_last, nxt.spec_first)
            parts.append(f'<text class="ov-gap" x="{_n(mid)}" y="12.0" text-anchor="middle">'
                         f"{escape(label)}</text>")
    return parts


def _mark(view: EventView, cluster_of, lane_y: float, color: str) -> str:  # type: ignore[no-untyped-def]
    assert view.date is not None
    first, last = _span(view.date)
    cluster = cluster_of(first)
    tooltip = escape(f"{view.date_text}: {view.event.title}")
    approximate = " ov-approx" if view.date.approximate else ""
    if view.date.end is None and view.date.precision == DAY:
        x = cluster.x((first + last) / 2)
        shape = (f'<circle class="ov-mark{approximate}" cx="{_n(x)}" cy="{_n(lane_y)}" r="5.5" '
                 f'fill="{color}"/>')
    else:
        x0, x1 = cluster.x(first), cluster.x(last)
        if x1 - x0 < 8:
            centre = (x0 + x1) / 2
            x0, x1 = centre - 4, centre + 4
        shape = (f'<rect class="ov-span{approximate}" x="{_n(x0)}" y="{_n(lane_y - 4.5)}" width="{_n(x1 - x0)}" '
                 f'height="9.0" rx="4.5" fill="{color}" stroke="{color}"/>')
    # tabindex -1: the marks repeat the list below, which is the keyboard and screen-reader path.
    return f'<a href="{escape(view.url)}" tabindex="-1"><title>{tooltip}</title>{shape}</a>'


def thread_lanes(events: list[EventView], threads: list[ThreadView]) -> list[Lane]:
    """One lane per thread with events, then one for events in no thread."""
    shown = {v.id for v in events}
    lanes = [Lane(t.thread.title, t.color, [v for v in t.events if v.id in shown]) for t in threads]
    lanes = [lane for lane in lanes if lane.events]
    loose = [v for v in events if not v.threads]
    if loose:
        lanes.append(Lane("Not in a thread", UNTHREADED_COLOR, loose))
    return lanes


class OverviewKeeper(Protocol):
    """Where a build keeps drawn lanes and marks between builds. Each is asked for with its events and a
    description of everything else it depends on (the axis layout, the lane's place and colour), and `draw`
    makes it when it is not kept."""

    def lane(self, events: list[EventView], context: str, draw: Callable[[], str]) -> str: ...

    def mark(self, view: EventView, context: str, draw: Callable[[], str]) -> str: ...


def _draw_marks(lane: Lane, clusters: list[_Cluster], line_y: float, color: str,
                keep: OverviewKeeper | None = None, context: str = "") -> str:
    cluster_of = partial(_cluster_for, clusters)
    if keep is None:
        return "".join(_mark(view, cluster_of, line_y, color) for view in lane.events if view.date is not None)
    return "".join(keep.mark(view, context, partial(_mark, view, cluster_of, line_y, color))
                   for view in lane.events if view.date is not None)


def _draw_months(lane: Lane, clusters: list[_Cluster], line_y: float, color: str) -> str:
    """A lane of many events as one bar per month that has any, the darker the more events it holds (a mark per
    event would make the strip heavier than the rest of the page and could not be told apart)."""
    counts: dict[tuple[int, int], int] = {}
    for view in lane.events:
        if view.date is not None:
            start = view.date.start
            key = (start.year, start.month or 1)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return ""
    most = max(counts.values())
    bars = []
    for (year, month), count in sorted(counts.items()):
        first = dt.date(year, month, 1).toordinal()
        last = dt.date(year + month // 12, month % 12 + 1, 1).toordinal()
        cluster = _cluster_for(clusters, first)
        x0, x1 = cluster.x(max(first, cluster.start)), cluster.x(min(last, cluster.start + cluster.span))
        opacity = 0.25 + 0.75 * count / most
        title = f"{MONTH_NAMES[month - 1]} {year}: {count} event{'s' if count != 1 else ''}"
        bars.append(f'<rect class="ov-month-bar" x="{_n(x0)}" y="{_n(line_y - 6)}" width="{_n(max(x1 - x0, 1.0))}" '
                    f'height="12.0" fill="{color}" fill-opacity="{opacity:.2f}"><title>{escape(title)}</title></rect>')
    return "".join(bars)


def render_overview(lanes: list[Lane], label: str, gap_days: int, keep: OverviewKeeper | None = None) -> Overview | None:
    """The SVG strip for these lanes, or None when no event has a date.

    With `keep`, lanes and marks are kept between builds: after an edit that leaves the axis as it was, only
    the edited event's marks are drawn again.
    """
    everything = {v.event.id: v for lane in lanes for v in lane.events}
    events = sorted(everything.values(), key=lambda v: v.event.sort_key())
    clusters = _clusters(events, max(180, gap_days * 3))
    if not clusters:
        return None
    _layout(clusters)
    height = AXIS_HEIGHT + LANE_HEIGHT * len(lanes) + 6
    many = sum(len(lane.events) for lane in lanes) > MAX_MARKS
    parts = _axis(clusters)
    layout = ";".join(f"{c.x0!r},{c.width!r},{c.start!r},{c.span!r},{c.first},{c.last}" for c in clusters)
    for index, lane in enumerate(lanes):
        color = lane.color if COLOR.match(lane.color) else UNTHREADED_COLOR
        top = AXIS_HEIGHT + LANE_HEIGHT * index
        line_y = top + 23
        parts.append(f'<g class="ov-lane">'
                     f'<rect x="{_n(MARGIN)}" y="{_n(top + 4)}" width="8.0" height="8.0" rx="2" fill="{color}"/>'
                     f'<text class="ov-label" x="{_n(MARGIN + 13)}" y="{_n(top + 12)}">{escape(lane.label)}</text>')
        for cluster in clusters:
            parts.append(f'<line class="ov-lane-line" x1="{_n(cluster.x0)}" y1="{_n(line_y)}" '
                         f'x2="{_n(cluster.x0 + cluster.width)}" y2="{_n(line_y)}"/>')
        if many:
            parts.append(_draw_months(lane, clusters, line_y, color))
            parts.append("</g>")
            continue
        context = f"{layout}|{line_y!r}|{color}"
        draw = partial(_draw_marks, lane, clusters, line_y, color, keep, context)
        parts.append(draw() if keep is None else keep.lane(lane.events, context, draw))
        parts.append("</g>")
    dated = [v for v in events if v.date is not None]
    first, last = dated[0].date, dated[-1].date
    assert first is not None and last is not None
    end = last.end or last.start
    summary = (f"{label}: {len(dated)} event{'s' if len(dated) != 1 else ''} from {first.start.display()} "
               f"to {PartialDate.display(end)}, in {len(lanes)} lane{'s' if len(lanes) != 1 else ''}"
               + (f"; {len(clusters) - 1} long gap{'s' if len(clusters) != 2 else ''} shortened" if len(clusters) > 1 else "")
               + (f"; {len(events) - len(dated)} undated event(s) not drawn" if len(events) > len(dated) else "")
               + ".")
    # Hidden from assistive technology: the figure's caption says the same in words, and an image role may not
    # hold the marks' links (axe-core's nested-interactive); the list below is the keyboard and reader path.
    svg = (f'<svg class="overview-svg" viewBox="0 0 {_n(WIDTH)} {_n(height)}" width="{_n(WIDTH)}" '
           f'height="{_n(height)}" aria-hidden="true" focusable="false" '
           f'xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>")
    return Overview(Markup(svg), summary, lanes, many)
