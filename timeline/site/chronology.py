"""How a long chronology is shared out between pages: one page while it is small, else a page per year (a page per
month for a year longer than `page_events`), and a home page with the first stretch and an index of those pages.

The split is decided from the events' dates alone (`chronology_plan`), so the pages and the search index, which
links each event to the page that holds its card, always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..partial_date import DateSpec
from .urls import SiteUrls
from .view import MONTH_NAMES, EventView, MonthGroup, PagedPart, SiteView, YearGroup

HOME_STRETCH_EVENTS = 100  # at least this many cards (whole months) open a split chronology's home page
UNDATED_PATH = "years/undated/"


@dataclass(frozen=True)
class ChronologyPlan:
    """Which years are split into months; every other year has one page (see `chronology_plan`)."""

    split_years: frozenset[int]

    def page_path(self, date: DateSpec | None) -> str:
        """The site-relative folder of the page that holds an event with this date."""
        if date is None:
            return UNDATED_PATH
        year, month = date.start.year, date.start.month
        if year not in self.split_years:
            return f"years/{year}/"
        return f"years/{year}/{month:02d}/" if month else f"years/{year}/month-not-known/"

    def page_label(self, date: DateSpec | None) -> str:
        """The heading of the page that holds an event with this date, as the home page's index names it."""
        if date is None:
            return "Date not known"
        year, month = date.start.year, date.start.month
        if year not in self.split_years:
            return str(year)
        return f"{MONTH_NAMES[month - 1]} {year}" if month else f"{year}, month not known"


def chronology_plan(dates: Iterable[DateSpec | None], limit: int) -> ChronologyPlan | None:
    """None when `limit` or fewer events (or a limit of 0) keep the chronology on one page; else the plan."""
    dates = list(dates)
    if limit <= 0 or len(dates) <= limit:
        return None
    per_year = Counter(date.start.year for date in dates if date is not None)
    return ChronologyPlan(frozenset(year for year, count in per_year.items() if count > limit))


@dataclass
class ChronologyPage(PagedPart):
    """One page of a split chronology: its year (or month) groups, and its neighbours in reading order."""

    groups: list[YearGroup]
    events: list[EventView]


@dataclass
class IndexYear:
    """A line of the home page's index of pages: a year, linked to its page, or to each of its months' pages."""

    label: str
    count: int
    page: ChronologyPage | None  # None when the year is split into months
    months: list[ChronologyPage] = field(default_factory=list)


@dataclass
class Chronology:
    """What the home page shows of the chronology: all of it (`pages` empty), or a stretch and the pages' index."""

    groups: list[YearGroup]
    pages: list[ChronologyPage] = field(default_factory=list)
    index: list[IndexYear] = field(default_factory=list)
    shown: int = 0  # events on the home page
    newest_first: bool = False

    @property
    def is_split(self) -> bool:
        return bool(self.pages)

    @property
    def following(self) -> ChronologyPage | None:
        """The page where the chronology goes on after the home page's stretch."""
        shown = {id(event) for year in self.groups for month in year.months for entry in month.entries
                 if (event := entry.event) is not None}
        for page in self.pages:
            if any(id(event) not in shown for event in page.events):
                return page
        return None


def _month_events(month: MonthGroup) -> list[EventView]:
    return [entry.event for entry in month.entries if entry.event is not None]


def build_chronology(view: SiteView) -> Chronology:
    """The chronology's pages for `view`, split as `chronology_plan` decides from the config's `page_events`."""
    config = view.config
    newest_first = config.order == "newest-first"
    plan = chronology_plan((event.date for event in view.events), config.page_events)
    if plan is None:
        return Chronology(view.groups, shown=len(view.events), newest_first=newest_first)
    urls: SiteUrls = view.urls
    pages: list[ChronologyPage] = []
    by_path: dict[str, ChronologyPage] = {}
    index: list[IndexYear] = []
    for year in view.groups:
        year_line = IndexYear(year.label, 0, None)
        index.append(year_line)
        for month in year.months:
            events = _month_events(month)
            if not events:
                continue
            path = plan.page_path(events[0].date)
            page = by_path.get(path)
            if page is None:
                split = path.count("/") > 2
                label = month.label if split else year.label
                page = by_path[path] = ChronologyPage(path, urls.page(path), label, [], [])
                pages.append(page)
                if split:
                    year_line.months.append(page)
                else:
                    year_line.page = page
            if not page.groups or page.groups[-1].anchor != year.anchor:
                page.groups.append(YearGroup(year.label, year.anchor))
            page.groups[-1].months.append(month)
            page.events.extend(events)
            year_line.count += len(events)
    _link_in_order(pages, newest_first)

    # The home page's stretch: whole months from the start of the display order, at least HOME_STRETCH_EVENTS cards.
    stretch: list[YearGroup] = []
    shown = 0
    for year in view.groups:
        for month in year.months:
            if shown >= min(HOME_STRETCH_EVENTS, config.page_events):
                break
            if not stretch or stretch[-1].anchor != year.anchor:
                stretch.append(YearGroup(year.label, year.anchor))
            stretch[-1].months.append(month)
            shown += len(_month_events(month))
    return Chronology(stretch, pages, index, shown, newest_first)


@dataclass
class EventsPart(PagedPart):
    """One year of a thread's or a person's events, on a page of their own when they are too many for one page."""

    events: list[EventView]


def split_by_year(events: list[EventView], base_path: str, urls: SiteUrls, limit: int) -> list[EventsPart]:
    """A page per year under `base_path` (`threads/x/2024/`) for more than `limit` events (0: never); else none."""
    if limit <= 0 or len(events) <= limit:
        return []
    by_path: dict[str, EventsPart] = {}
    for event in events:
        path = f"{base_path}{event.year if event.year is not None else 'undated'}/"
        part = by_path.get(path)
        if part is None:
            label = str(event.year) if event.year is not None else "Date not known"
            part = by_path[path] = EventsPart(path, urls.page(path), label, [])
        part.events.append(event)
    parts = list(by_path.values())
    _link_in_order(parts, newest_first=False)
    return parts


def _link_in_order(parts: list, newest_first: bool) -> None:  # type: ignore[type-arg]
    """Link each page to the ones before and after it in reading order; undated events come last in either order."""
    for first, then in zip(parts, parts[1:], strict=False):
        first.next, then.previous = then, first
        dated = then.events[0].date is not None
        first.next_direction = ("Earlier" if newest_first else "Later") if dated else "See also"
        then.previous_direction = ("Later" if newest_first else "Earlier") if dated else "Back to"
