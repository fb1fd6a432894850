"""What every export needs, computed once: the published events, their links, and who and where they involve.

Exports are pure: Content + base URL + include_drafts in, bytes out. Links come from the site's own
`SiteUrls`, so a feed entry, a search hit and a sitemap line point at exactly the page the build writes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from ...load.content import Content
from ...load.model import Event
from ...load.people import Person
from ...markdown import event_summary_text
from ...speed.export_memo import ExportMemo, Fragment
from ..urls import SiteUrls, event_path

# What exports gather across events may depend on, besides the events' ids and order (ExportContext.shared).
SHARED_INPUTS = ("threads", "participants", "sources")
_PART_SIZE = 16

# Used in tag: URIs and iCalendar UIDs when neither the base URL nor `repository` names a host.
# `.invalid` is reserved (RFC 2606): it can never collide with someone else's real domain.
FALLBACK_HOST = "timeline.invalid"


@dataclass
class ExportContext:
    """The events to publish (chronological) and the helpers each export format shares."""

    content: Content
    urls: SiteUrls
    include_drafts: bool
    events: list[Event] = field(default_factory=list)
    # Per-event results, computed once: several formats ask for the same event's people and text,
    # and Markdown parsing and registry look-ups dominate the cost on big sites.
    _people: dict[str, list[tuple[str, Person | None]]] = field(default_factory=dict, repr=False)
    _person_ids: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _links: dict[str, str] = field(default_factory=dict, repr=False)
    _dated: list[Event] | None = field(default=None, repr=False)
    _events_by_person: dict[str, list[str]] | None = field(default=None, repr=False)
    memo: ExportMemo | None = None  # fragments kept from the last build (memo.py); None: compute every one

    @classmethod
    def create(cls, content: Content, base_url: str | None, include_drafts: bool,
               memo: ExportMemo | None = None) -> ExportContext:
        urls = SiteUrls.from_base_url(base_url if base_url is not None else content.config.base_url)
        # A draft without a date can still be shown with --drafts; exports that need a date skip it.
        events = [e for e in content.events if include_drafts or not e.is_draft]
        return cls(content, urls, include_drafts, events, memo=memo)

    def fragments(self, kind: str, events: Sequence[Event], compute: Callable[[Event], bytes]) -> list[Fragment]:
        """`compute(event)` for each event, the UTF-8 text one export writes for it, or the same kept from the last
        build (memo.py)."""
        if self.memo is None:
            return [compute(event) for event in events]
        return self.memo.fragments(kind, events, compute)

    def shared(self, kind: str, inputs: str, compute: Callable[[], bytes]) -> Fragment:
        """`compute()`, text an export gathers across events, or the same text kept from the last build when none of
        its `inputs` changed.

        `inputs` names what `compute` may read of the events besides their ids and order: "threads",
        "participants" or "sources" (`SHARED_INPUTS`); and of the rest only what the memo's salt covers (config,
        people, options). So a title edit gathers nothing again, and a source edit only the sources.
        """
        if self.memo is None:
            return compute()
        return self.memo.keyed(kind, self.shared_inputs_keys[inputs], compute)

    @cached_property
    def shared_inputs_keys(self) -> dict[str, bytes]:
        """For each of `SHARED_INPUTS`, a digest of it (every field) for all exported events, with their ids, in order."""
        parts = self.fragments("shared-inputs", self.events, _shared_inputs_digests)
        keys = {}
        for number, name in enumerate(SHARED_INPUTS):
            start, end = number * _PART_SIZE, (number + 1) * _PART_SIZE
            # Each part has the same size, so their concatenation is unambiguous.
            keys[name] = hashlib.blake2b(b"".join([part[start:end] for part in parts]), digest_size=16).digest()
        return keys

    @cached_property
    def is_absolute(self) -> bool:
        """Whether the base URL names a host, so full URLs can be written."""
        return self.urls.origin is not None

    @cached_property
    def host(self) -> str:
        """The host that owns ids (tag: URIs, iCalendar UIDs): the site's, else the repository's, else a reserved name."""
        if self.urls.origin:
            return urlsplit(self.urls.origin).hostname or FALLBACK_HOST
        repository = self.content.config.repository
        if repository:
            return urlsplit(repository).hostname or FALLBACK_HOST
        return FALLBACK_HOST

    def link(self, path: str = "") -> str:
        """The best link to a site page: the full URL when the base URL has a host, else base-path-absolute."""
        return self.urls.absolute(path) or self.urls.page(path)

    def event_link(self, event: Event) -> str:
        link = self._links.get(event.id)
        if link is None:
            link = self._links[event.id] = self.link(event_path(event.id))
        return link

    def dated_events(self) -> list[Event]:
        """The exported events that have a date (every format but the dataset and search index needs one)."""
        if self._dated is None:
            self._dated = [e for e in self.events if e.date is not None]
        return self._dated

    def event_person(self, name: str, person_id: str | None) -> Person | None:
        """The registry entry for a participant: by id when the event names one, else by spelling."""
        if person_id:
            return self.content.people.get(person_id)
        return self.content.people.find(name)

    def event_people(self, event: Event) -> list[tuple[str, Person | None]]:
        """Each participant's shown name and registry entry (None when unknown)."""
        if event.id not in self._people:
            self._people[event.id] = [(p.name, self.event_person(p.name, p.person)) for p in event.participants]
        return self._people[event.id]

    def person_ids(self, event: Event) -> list[str]:
        """The registry ids of the event's participants, once each, in the event's order."""
        ids = self._person_ids.get(event.id)
        if ids is None:
            ids = self._person_ids[event.id] = list(dict.fromkeys(
                person.id for _, person in self.event_people(event) if person is not None))
        return ids

    def people_names(self, event: Event) -> list[str]:
        """Every name a reader may search for: as written in the event, plus the registry name and aliases."""
        names: list[str] = []
        for shown, person in self.event_people(event):
            names.append(shown)
            if person is not None:
                names.extend(person.names())
        return list(dict.fromkeys(filter(None, map(str.strip, filter(None, names)))))

    def countries(self, event: Event) -> list[str]:
        """Participants' countries as the event gives them, else as the registry does; sorted."""
        found = set()
        for participant in event.participants:
            country = participant.country
            if not country:
                person = self.event_person(participant.name, participant.person)
                country = person.country if person else None
            if country:
                found.add(country.strip())
        return sorted(found)

    def thread_titles(self, event: Event) -> list[str]:
        titles = []
        for thread_id in event.threads:
            thread = self.content.config.thread(thread_id)
            titles.append(thread.title if thread else thread_id)
        return titles

    def events_by_person(self) -> dict[str, list[str]]:
        """Person id -> ids of the exported events they take part in, chronological."""
        if self._events_by_person is None:
            found: dict[str, list[str]] = {}
            # Each event's ids kept between builds too (ids never hold a line break): finding people in the registry
            # is most of the cost, and a build after an edit that touches no participant needs it for every event.
            kept = self.fragments("person-ids", self.events, lambda event: "\n".join(self.person_ids(event)).encode())
            for event, ids in zip(self.events, kept, strict=True):
                if ids:
                    for person_id in str(ids, "utf-8").split("\n"):
                        found.setdefault(person_id, []).append(event.id)
            self._events_by_person = found
        return self._events_by_person

    def summary_text(self, event: Event) -> str:
        return event_summary_text(event)  # worked out when the event was read


def _shared_inputs_digests(event: Event) -> bytes:
    """One digest per `SHARED_INPUTS`, each of the event's id and that part of it."""
    # Dataclass reprs name every field (a new Source field is covered without a change here) and are stable.
    return b"".join(hashlib.blake2b(repr((event.id, getattr(event, name))).encode("utf-8"), digest_size=_PART_SIZE)
                    .digest() for name in SHARED_INPUTS)
