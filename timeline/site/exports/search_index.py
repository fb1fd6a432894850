"""`search-index.json`: what the in-page search (theme/static/search.js) looks through, fetched only when a reader
first uses the search box or the filters.

Compact: each event is a list of values in a fixed order, and threads, people, kinds, countries and the
chronology's pages are named once in tables and referred to by their place there. `people` holds every spelling
a reader might type (the registry's name and aliases), so "Munir" finds the event whose participant is
"Gen. Syed Asim Munir"; an event lists the names it spells differently itself.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ...load.model import Event
from ..chronology import ChronologyPlan, chronology_plan
from .context import ExportContext
from .json_text import compact_item_bytes, compact_json, json_with_slots, top_level_list

SEARCH_INDEX_VERSION = 2
# The order of an event's values (docs/data-format.md); search.js reads them by position.
EVENT_FIELDS = ("id", "title", "date", "year", "kind", "threads", "people", "countries", "place", "summary", "page",
                "names", "draft")


def render_search_index(ctx: ExportContext) -> dict[str, bytes]:
    """`search-index.json`: {"version", "fields", "pages", "threads", "people", "kinds", "countries", "events"},
    without whitespace."""
    config = ctx.content.config
    plan = chronology_plan((event.date for event in ctx.events), config.page_events)
    pages = _pages(ctx, plan)
    countries = sorted({country for event in ctx.events for country in ctx.countries(event)})
    people = list(ctx.content.people)
    tables = {
        "pages": [[path, label] for path, label in pages.items()],
        "threads": [[thread.id, thread.title] for thread in config.threads],
        "kinds": list(config.kinds),
        "countries": countries,
    }
    # The records refer to the tables by position: kept between builds under a digest of the tables the salt does not
    # cover (the pages and the countries come from the events themselves).
    layout = hashlib.blake2b(compact_json([tables["pages"], countries]).encode(), digest_size=12).hexdigest()
    positions = _Positions(list(pages), [t.id for t in config.threads], list(config.kinds), countries,
                           [p.id for p in people])
    records = ctx.fragments(f"search-{SEARCH_INDEX_VERSION}-{layout}", ctx.events,
                            lambda event: compact_item_bytes(search_record(ctx, event, plan, positions)))
    document = json_with_slots({"version": SEARCH_INDEX_VERSION, "base": ctx.urls.home(), "fields": list(EVENT_FIELDS),
                                **tables}, ["people", "events"], compact=True)
    return {"search-index.json": document.fill({
        "events": top_level_list(records, compact=True),
        "people": compact_item_bytes([[p.id, *p.names()] for p in people]),
    })}


def _pages(ctx: ExportContext, plan: ChronologyPlan | None) -> dict[str, str]:
    """The chronology's pages (path -> heading) in the order of their first events; one page, the home page, when the
    chronology is not split."""
    if plan is None:
        return {"": "the chronology"}
    return {plan.page_path(event.date): plan.page_label(event.date) for event in ctx.events}


class _Positions:
    """Where each id sits in the index's tables."""

    def __init__(self, pages: list[str], threads: list[str], kinds: list[str], countries: list[str],
                 people: list[str]):
        self.page = {value: n for n, value in enumerate(pages)}
        self.thread = {value: n for n, value in enumerate(threads)}
        self.kind = {value: n for n, value in enumerate(kinds)}
        self.country = {value: n for n, value in enumerate(countries)}
        self.person = {value: n for n, value in enumerate(people)}


def search_record(ctx: ExportContext, event: Event, plan: ChronologyPlan | None, at: _Positions) -> list[Any]:
    """One event's values, in the order of EVENT_FIELDS."""
    own_names = []
    for shown, person in ctx.event_people(event):
        if shown and shown.strip() and (person is None or shown not in person.names()):
            own_names.append(shown.strip())
    return [
        event.id,
        event.title,
        event.date.display() if event.date else "Undated",
        event.date.start.year if event.date else None,
        at.kind.get(event.kind, event.kind),  # a kind the config does not list, as itself
        [at.thread[t] for t in dict.fromkeys(event.threads) if t in at.thread],
        [at.person[p] for p in ctx.person_ids(event) if p in at.person],
        [at.country[c] for c in ctx.countries(event)],
        event.place or "",
        ctx.summary_text(event),
        at.page[plan.page_path(event.date) if plan is not None else ""],
        list(dict.fromkeys(own_names)),
        1 if event.is_draft else 0,
    ]
