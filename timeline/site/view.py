"""The view model: everything the templates show, computed once from Content before anything renders.

Templates only read these objects; sorting, grouping, gaps, thread neighbours, people and sources
are decided here, so each is computed once however many pages show it (and tests can check them
without parsing HTML).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from ..load.config import Thread
from ..load.content import Content, is_safe_relative_path
from ..load.model import Event, is_safe_url
from ..load.people import Person, name_key
from ..load.thread_rules import ThreadMatcher, describe_matches
from ..markdown import event_summary_text, first_sentence_of_plain
from ..partial_date import DateSpec
from .gaps import describe_gap
from .urls import SiteUrls, event_path

# Used for threads without a `color:` in timeline.yaml; chosen for contrast on light and dark backgrounds.
DEFAULT_THREAD_COLORS = ("#b5540b", "#3b6ea8", "#2f7d4f", "#8a3b8f", "#a33a3a", "#5e6b1f", "#1f6b6b", "#6b4f1f")
UNTHREADED_COLOR = "#6b7280"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@dataclass(slots=True)
class ParticipantView:
    name: str
    title: str | None
    role: str | None
    country: str | None
    person_id: str | None
    url: str | None
    _name_html: Markup | None = field(default=None, repr=False)

    @property
    def role_and_country(self) -> str:
        """Role and country, as far as they are known ("Chief of Army Staff, Pakistan"), for the event page's list."""
        return ", ".join(part for part in (self.role, self.country) if part)

    @property
    def name_html(self) -> Markup:
        """Title and name, the name linked to the person's page when there is one (the `person_name` macro).

        Made once per participant and process: with `when_html`, it replaced macro calls that were a sixth of
        rendering the event pages."""
        if self._name_html is None:
            name = f'<a href="{escape(self.url)}">{escape(self.name)}</a>' if self.url else escape(self.name)
            self._name_html = Markup(f"{escape(self.title)} {name}" if self.title else name)
        return self._name_html


@dataclass(slots=True)
class SourceView:
    outlet: str | None
    url: str | None  # only a safe http(s) address
    published_text: str
    published_iso: str | None
    headline: str | None
    author: str | None
    quote: str | None
    article: str | None
    anchor: str
    index_url: str  # this source's entry on the sources page
    article_url: str | None = None  # the article file, where the project publishes them (`articles_url`)


@dataclass(slots=True)
class ClaimView:
    """What one report says of a field its reports disagree on: the outlet (or article) and the value, as shown."""

    source: str
    value: str


@dataclass(slots=True)
class Disagreement:
    """A field (date or place) the event's reports disagree on, each report's claim, and what the page shows."""

    field: str
    shown: str
    claims: list[ClaimView]


@dataclass(slots=True)
class MentionView:
    summary: str
    date_text: str | None
    date_iso: str | None
    quote: str | None
    event: EventView | None = field(default=None, repr=False)


@dataclass(slots=True)
class RelatedView:
    event: EventView = field(repr=False)
    reason: str | None


@dataclass(slots=True)
class ThreadLink:
    """An event's place in one thread: the thread and its neighbours there."""

    thread: ThreadView = field(repr=False)
    previous: EventView | None = field(default=None, repr=False)
    next: EventView | None = field(default=None, repr=False)


@dataclass(slots=True)
class EventView:
    event: Event
    url: str
    path: str  # site-relative folder, e.g. events/<id>/
    date_text: str
    date_iso: str | None  # a valid <time datetime> value; a range uses its start
    description: str  # plain text for <meta name="description">
    summary_text: str  # the whole summary as plain text
    participants: list[ParticipantView]
    sources: list[SourceView]
    unconfirmed: dict[str, str]  # field -> the reviewer's note ("" when none)
    edit_url: str | None
    how_known: dict[str, str] = field(default_factory=dict)  # "date"/"place" -> how the value was worked out
    threads: list[ThreadView] = field(default_factory=list, repr=False)
    thread_links: list[ThreadLink] = field(default_factory=list, repr=False)
    mentions: list[MentionView] = field(default_factory=list, repr=False)
    related: list[RelatedView] = field(default_factory=list, repr=False)
    disagreements: list[Disagreement] = field(default_factory=list, repr=False)
    _one_line: str | None = field(default=None, repr=False)
    _when_html: Markup | None = field(default=None, repr=False)

    @property
    def one_line(self) -> str:
        """The summary's first sentence, for cards: worked out when first read (most cards come from the last
        build's fragments)."""
        if self._one_line is None:
            self._one_line = first_sentence_of_plain(self.summary_text)
        return self._one_line

    @property
    def when_html(self) -> Markup:
        """The date as HTML (the `when` macro): a <time> element, or the "not known" text marked as such; made
        once per event and process, since cards, lists and related links all show it."""
        if self._when_html is None:  # (f-strings of escaped values: Markup.format costs five times more)
            if self.date_iso:
                self._when_html = Markup(f'<time datetime="{escape(self.date_iso)}">{escape(self.date_text)}</time>')
            else:
                self._when_html = Markup(f'<span class="date-unknown">{escape(self.date_text)}</span>')
        return self._when_html

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def date(self) -> DateSpec | None:
        return self.event.date

    @property
    def people_ids(self) -> list[str]:
        return list(dict.fromkeys(p.person_id for p in self.participants if p.person_id))

    @property
    def thread_ids_text(self) -> str:
        """The event's thread ids, space-separated (a card's `data-threads`, which the page's filters read)."""
        return " ".join(thread.id for thread in self.threads)

    @property
    def people_ids_text(self) -> str:
        return " ".join(self.people_ids)

    @property
    def countries_text(self) -> str:
        return "|".join(self.countries)  # `|`: a country's name may hold a space

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(p.country for p in self.participants if p.country))

    @property
    def year(self) -> int | None:
        return self.event.date.start.year if self.event.date else None

    def is_unconfirmed(self, field_name: str) -> bool:
        return field_name in self.unconfirmed


class ThreadReasons(Mapping[str, str]):
    """Why each event of a thread belongs to it, worked out on first reading.

    A thread page usually takes its items from the last build (site/build.py's fragments), so most reasons are
    never read again; testing a thread's rules against every event of a big site is a large part of the view.
    """

    def __init__(self, matcher: ThreadMatcher | None, members: dict[str, EventView]):
        self._matcher = matcher
        self._members = members
        self._known: dict[str, str] = {}

    def __getitem__(self, event_id: str) -> str:
        reason = self._known.get(event_id)
        if reason is None:
            view = self._members[event_id]  # KeyError for an event not in the thread, as from a dict
            assert self._matcher is not None
            reason = self._known[event_id] = describe_matches(self._matcher.matches(view.event))
        return reason

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)


@dataclass
class ThreadView:
    thread: Thread
    url: str
    path: str
    color: str
    events: list[EventView] = field(default_factory=list, repr=False)  # chronological
    reasons: ThreadReasons = field(default_factory=lambda: ThreadReasons(None, {}))  # event id -> why it belongs

    @property
    def id(self) -> str:
        return self.thread.id


@dataclass
class RoleView:
    role: str
    organisation: str | None
    dates_text: str | None


@dataclass
class PersonView:
    person: Person
    url: str
    path: str
    roles: list[RoleView]
    events: list[EventView] = field(default_factory=list, repr=False)  # chronological


@dataclass
class SourceGroup:
    """One article (by URL, or by file when it has no URL) and the events it supports."""

    anchor: str
    outlet: str | None
    url: str | None
    published_text: str
    published_iso: str | None
    headline: str | None
    author: str | None
    article: str | None
    article_url: str | None  # the article file, where the project publishes them (`articles_url`)
    events: list[EventView] = field(default_factory=list, repr=False)


@dataclass
class PagedPart:
    """One page of a list split over several pages (a year of the chronology, of a thread, of the reports), and its
    pager: the pages before and after it in reading order, and the word the pager gives each way."""

    path: str
    url: str
    label: str
    previous: PagedPart | None = field(default=None, repr=False, kw_only=True)
    next: PagedPart | None = field(default=None, repr=False, kw_only=True)
    previous_direction: str = field(default="", kw_only=True)  # "Earlier", "Later", "Back to"...
    next_direction: str = field(default="", kw_only=True)

    @property
    def neighbours_text(self) -> str:
        """What this page shows of other pages (its pager), for its incremental key."""
        return "|".join(f"{part.path}={part.label}" if part else "-" for part in (self.previous, self.next))


@dataclass
class SourcesPart(PagedPart):
    """The reports published in one year, on a page of their own when there are more than `page_events` reports."""

    groups: list[SourceGroup]
    year: str | None  # of publication; None for the reports that do not state one


def split_sources(sources: list[SourceGroup], urls: SiteUrls, limit: int) -> list[SourcesPart]:
    """A page per year of publication (`sources/2024/`, then `sources/undated/`) for more than `limit` reports (0:
    never); else none, and the sources page lists them all. A year with more than `limit` reports continues on
    numbered pages (`sources/2024/2/`), in the sources page's order."""
    if limit <= 0 or len(sources) <= limit:
        return []
    by_year: dict[str | None, list[SourceGroup]] = {}
    for group in sources:
        year = group.published_iso[:4] if group.published_iso else None
        by_year.setdefault(year if year and year.isdigit() else None, []).append(group)
    parts = []
    for year in sorted(y for y in by_year if y is not None) + ([None] if None in by_year else []):
        groups = by_year[year]
        pages = (len(groups) + limit - 1) // limit
        for number in range(1, pages + 1):
            path = f"sources/{year or 'undated'}/" + (f"{number}/" if number > 1 else "")
            label = f"published in {year}" if year else "publication date not stated"
            if pages > 1:
                label += f" ({number} of {pages})"
            parts.append(SourcesPart(path, urls.page(path), label, groups[(number - 1) * limit:number * limit], year))
    for first, then in zip(parts, parts[1:], strict=False):
        first.next, then.previous = then, first
        if then.year == first.year:
            first.next_direction, then.previous_direction = "Next", "Previous"
        elif then.year is None:
            first.next_direction, then.previous_direction = "See also", "Back to"
        else:
            first.next_direction, then.previous_direction = "Later", "Earlier"
    return parts


@dataclass
class Entry:
    """One row of the chronology: an event card or a gap marker before the next card."""

    event: EventView | None = None
    gap: str | None = None


@dataclass
class MonthGroup:
    label: str
    anchor: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class YearGroup:
    label: str
    anchor: str
    months: list[MonthGroup] = field(default_factory=list)


@dataclass
class SiteView:
    content: Content
    urls: SiteUrls
    events: list[EventView]  # in the configured display order
    chronological: list[EventView]
    groups: list[YearGroup]
    threads: list[ThreadView]
    people: list[PersonView]
    sources: list[SourceGroup]
    drafts_hidden: int
    include_drafts: bool
    source_parts: list[SourcesPart] = field(default_factory=list)  # none while the sources fit on one page

    @property
    def config(self):  # type: ignore[no-untyped-def]
        return self.content.config


def _date_text(date: DateSpec | None) -> str:
    return date.display() if date else "Date not known"


def _date_iso(date: DateSpec | None) -> str | None:
    # <time datetime> takes a year, month or date but not a range; a range is tagged with its start.
    return date.start.iso() if date else None


def source_anchor(key: str) -> str:
    return "source-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _source_key(url: str | None, article: str | None, outlet: str | None, headline: str | None) -> str:
    if url:
        return "url:" + url
    if article:
        return "article:" + article
    return f"outlet:{outlet or ''}|{headline or ''}"


def _unconfirmed(event: Event) -> dict[str, str]:
    notes = event.review.notes
    flagged: dict[str, str] = {}
    for name in event.review.needs:
        top = name.split(".")[0]
        note = notes.get(name) or notes.get(top) or ""
        if top in flagged:
            flagged[top] = "; ".join(n for n in (flagged[top], note) if n)
        else:
            flagged[top] = note
    return flagged


# The fields whose `review.notes` entry a reader sees as "How we know the date: ...": the note is the reason to
# trust a value that no single source states (a day pinned down from two undated reports).
EXPLAINED_FIELDS = ("date", "place")


def _how_known(event: Event, unconfirmed: dict[str, str]) -> dict[str, str]:
    """The editor's (or, in a draft, the extractor's) note on how the date and the place are known; a flagged
    field's note is already shown as the reason it is unconfirmed."""
    notes = event.review.notes
    return {name: " ".join(notes[name].split()) for name in EXPLAINED_FIELDS
            if notes.get(name) and notes[name].strip() and name not in unconfirmed}


def _edit_url(content: Content, event: Event) -> str | None:
    config = content.config
    if not config.repository:
        return None
    return f"{config.repository}/edit/{quote(config.branch, safe='/')}/content/events/{quote(event.id)}.yaml"


def _person_for(content: Content, name: str, person_id: str | None) -> Person | None:
    if person_id:
        return content.people.get(person_id)
    return content.people.find(name)


@dataclass
class _ViewLookups:
    """Per-build answers that many events share (people, source addresses, links), each computed once.

    On a big site the same people and articles recur thousands of times; looking each up again was much of the
    view's cost.
    """

    content: Content
    urls: SiteUrls
    sources_page: str = ""
    articles_url: str | None = None  # where the project publishes its article files (config `articles_url`)
    _people: dict[tuple[str, str | None], tuple[str | None, str | None]] = field(default_factory=dict)
    _safe_urls: dict[str, str | None] = field(default_factory=dict)
    _anchors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sources_page = self.urls.page("sources/")
        self.articles_url = self.content.config.articles_url

    def person(self, name: str, person_id: str | None) -> tuple[str | None, str | None]:
        """(registry id, page URL) of the participant named `name`, or None for what is not known.

        Asked only for the participants of events shown, each of whom gets a page when the registry knows them."""
        key = (name, person_id)
        found = self._people.get(key)
        if found is None:
            person = _person_for(self.content, name, person_id)
            pid = person.id if person else None
            found = self._people[key] = (pid, self.urls.person(pid) if pid else None)
        return found

    def safe_url(self, url: str | None) -> str | None:
        if not url:
            return None
        if url not in self._safe_urls:
            self._safe_urls[url] = url if is_safe_url(url) else None
        return self._safe_urls[url]

    def article_url(self, article: str | None) -> str | None:
        """The published copy of an article file, or None when the project publishes none (`articles_url`)."""
        if not self.articles_url or not article or not is_safe_relative_path(article):
            return None
        return self.articles_url + quote(article)

    def anchor(self, key: str) -> str:
        anchor = self._anchors.get(key)
        if anchor is None:
            anchor = self._anchors[key] = source_anchor(key)
        return anchor


def _event_view(lookups: _ViewLookups, event: Event) -> EventView:
    participants = []
    for p in event.participants:
        pid, person_url = lookups.person(p.name, p.person)
        participants.append(ParticipantView(p.name, p.title, p.role, p.country, pid, person_url))
    sources = []
    for s in event.sources:
        url = lookups.safe_url(s.url)
        anchor = lookups.anchor(_source_key(url, s.article, s.outlet, s.headline))
        sources.append(SourceView(
            outlet=s.outlet, url=url,
            published_text=s.published.display() if s.published else "date not stated",
            published_iso=s.published.iso() if s.published else None,
            headline=s.headline, author=s.author, quote=s.quote, article=s.article, anchor=anchor,
            index_url=lookups.sources_page + "#" + anchor,
            article_url=lookups.article_url(s.article) if lookups.articles_url else None,
        ))
    summary_text = event_summary_text(event)  # parsed once; the card line, meta and thread rules reuse it
    unconfirmed = _unconfirmed(event)
    return EventView(
        event=event,
        url=lookups.urls.event(event.id),
        path=event_path(event.id),
        date_text=_date_text(event.date),
        date_iso=_date_iso(event.date),
        description=(summary_text[:157] + "…") if len(summary_text) > 160 else (summary_text or event.title),
        summary_text=summary_text,
        participants=participants,
        sources=sources,
        unconfirmed=unconfirmed,
        edit_url=_edit_url(lookups.content, event),
        how_known=_how_known(event, unconfirmed) if event.review.notes else {},
        disagreements=_disagreements(event),
    )


def _disagreements(event: Event) -> list[Disagreement]:
    """The fields whose reports (sources[].claims, written by ingest's merging) say different things."""
    found = []
    for name in ("date", "place"):
        shown = (event.date.display() if event.date else "no date") if name == "date" else (event.place or "no place")
        claims = []
        for source in event.sources:
            value = getattr(source.claims, name) if source.claims is not None else None
            if value is not None:
                text = value.display() if isinstance(value, DateSpec) else str(value)
                claims.append(ClaimView(source.outlet or source.article or source.url or "A report", text))
        if claims and any(c.value != shown for c in claims):
            found.append(Disagreement(name, shown, claims))
    return found


def _mention_views(event: Event, by_id: dict[str, EventView]) -> list[MentionView]:
    """The mentions that are events (dated, or linked to an event shown), by date: an undated one is a passing
    remark ("on tour across Europe this week") rather than a happening a reader can place."""
    views = []
    for mention in event.mentions:
        linked = by_id.get(mention.event) if mention.event else None
        date = mention.date or (linked.date if linked else None)
        if date is None and linked is None:
            continue
        views.append((date.sort_key() if date else (9999,), MentionView(
            mention.summary, date.display() if date else None, _date_iso(date), mention.quote, linked)))
    views.sort(key=lambda pair: pair[0])
    return [view for _, view in views]


def _role_dates(start, end) -> str | None:  # type: ignore[no-untyped-def]
    if start and end:
        return f"{start.display()} – {end.display()}"
    if start:
        return f"since {start.display()}"
    if end:
        return f"until {end.display()}"
    return None


def _group(events: list[EventView], gap_days: int, newest_first: bool) -> list[YearGroup]:
    years: list[YearGroup] = []
    previous: EventView | None = None
    last_entries: list[Entry] | None = None
    for view in events:
        date = view.event.date
        if date is None:
            year_label, year_anchor, month_label, month_anchor = "Date not known", "undated", "Date not known", "undated-events"
        else:
            year = date.start.year
            year_label, year_anchor = str(year), f"y{year}"
            if date.start.month is None:
                month_label, month_anchor = f"{year}, month not known", f"y{year}-unknown"
            else:
                month_label, month_anchor = f"{MONTH_NAMES[date.start.month - 1]} {year}", f"y{year}-{date.start.month:02d}"
        # The marker closes the previous group, so it reads before the next year or month heading.
        if previous is not None and previous.event.date and date and last_entries is not None:
            earlier, later = (date, previous.event.date) if newest_first else (previous.event.date, date)
            gap = describe_gap(earlier, later, gap_days, direction="earlier" if newest_first else "later")
            if gap:
                last_entries.append(Entry(gap=gap))
        if not years or years[-1].anchor != year_anchor:
            years.append(YearGroup(year_label, year_anchor))
        months = years[-1].months
        if not months or months[-1].anchor != month_anchor:
            months.append(MonthGroup(month_label, month_anchor))
        months[-1].entries.append(Entry(event=view))
        last_entries = months[-1].entries
        previous = view
    return years


def build_view(content: Content, urls: SiteUrls, include_drafts: bool) -> SiteView:
    """Everything the pages show, from validated content: order, groups, gaps, threads, people, sources."""
    config = content.config
    visible = [e for e in content.events if include_drafts or not e.is_draft]
    hidden = len(content.events) - len(visible)

    # People get a page when they take part in an event shown (see people below); events link to them by registry id.
    lookups = _ViewLookups(content, urls)
    chronological = [_event_view(lookups, e) for e in visible]
    by_id = {v.id: v for v in chronological}

    threads = []
    for index, thread in enumerate(config.threads):
        color = thread.color or DEFAULT_THREAD_COLORS[index % len(DEFAULT_THREAD_COLORS)]
        threads.append(ThreadView(thread, urls.thread(thread.id), f"threads/{thread.id}/", color))
    thread_by_id = {t.id: t for t in threads}
    for view in chronological:
        for thread_id in dict.fromkeys(view.event.threads):
            thread_view = thread_by_id.get(thread_id)
            if thread_view is not None:
                view.threads.append(thread_view)
                thread_view.events.append(view)
    for thread_view in threads:
        members = thread_view.events
        thread_view.reasons = ThreadReasons(ThreadMatcher(thread_view.thread, content.people), {v.id: v for v in members})
        for index, view in enumerate(members):
            view.thread_links.append(ThreadLink(thread_view, members[index - 1] if index else None,
                                                members[index + 1] if index + 1 < len(members) else None))

    for view in chronological:
        event = view.event
        if event.mentions:
            view.mentions = _mention_views(event, by_id)
        # A related event left out of this build (a draft) is left out of the list too, not linked.
        view.related = [RelatedView(by_id[r.id], r.reason) for r in event.related if r.id in by_id]

    events_of: dict[str, list[EventView]] = {}
    for view in chronological:
        for person_id in view.people_ids:
            events_of.setdefault(person_id, []).append(view)
    people = []
    for person in sorted(content.people, key=lambda p: (name_key(p.name).split()[-1:], name_key(p.name), p.id)):
        if person.id not in events_of:
            continue  # met by ingest only as a speaker or in passing: kept for its spellings, no page of "0 events"
        roles = [RoleView(r.role, r.organisation, _role_dates(r.start, r.end)) for r in person.roles]
        person_view = PersonView(person, urls.person(person.id), f"people/{person.id}/", roles)
        person_view.events = events_of.get(person.id, [])
        people.append(person_view)

    groups: dict[str, SourceGroup] = {}
    placed: list[tuple[SourceView, SourceGroup]] = []
    for view in chronological:
        for source in view.sources:
            group = groups.get(source.anchor)
            if group is None:
                group = groups[source.anchor] = SourceGroup(
                    source.anchor, source.outlet, source.url, source.published_text, source.published_iso,
                    source.headline, source.author, source.article, source.article_url)
            else:
                # Different events may cite the same article with more or less detail; keep what is known.
                group.outlet = group.outlet or source.outlet
                group.headline = group.headline or source.headline
                group.author = group.author or source.author
                if group.published_iso is None and source.published_iso:
                    group.published_text, group.published_iso = source.published_text, source.published_iso
            if not group.events or group.events[-1] is not view:  # an event citing the same report twice
                group.events.append(view)
            placed.append((source, group))
    sources = sorted(groups.values(), key=lambda g: ((g.outlet or "~").lower(), g.published_iso or "",
                                                     g.headline or "", g.anchor))
    source_parts = split_sources(sources, urls, config.page_events)
    if source_parts:  # an event's "All events from this report" link goes to the year page that lists it
        part_url = {id(group): part.url for part in source_parts for group in part.groups}
        for source, group in placed:
            source.index_url = part_url[id(group)] + "#" + group.anchor

    newest_first = config.order == "newest-first"
    if newest_first:
        dated = [v for v in chronological if v.date is not None]
        ordered = dated[::-1] + [v for v in chronological if v.date is None]
    else:
        ordered = list(chronological)
    return SiteView(
        content=content,
        urls=urls,
        events=ordered,
        chronological=chronological,
        groups=_group(ordered, config.gap_days, newest_first),
        threads=threads,
        people=people,
        sources=sources,
        drafts_hidden=hidden,
        include_drafts=include_drafts,
        source_parts=source_parts,
    )
