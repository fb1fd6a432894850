"""`search-index.json`: what the in-page search (theme/static/search.js) looks through.

One compact record per exported event, in chronological order. `people` holds every spelling a
reader might type: the names as the event gives them plus the registry's canonical names and aliases,
so "Munir" finds the event whose participant is "Gen. Syed Asim Munir".
"""

from __future__ import annotations

from typing import Any

from ...load.model import Event
from .context import ExportContext
from .json_text import compact_item_bytes, json_with_slots, top_level_list

SEARCH_INDEX_VERSION = 1


def render_search_index(ctx: ExportContext) -> dict[str, bytes]:
    """`search-index.json`: {"version", "events", "threads", "people"} without whitespace, keys sorted.

    `threads` and `people` map ids to titles and names, so the filters can label the ids the event
    cards carry in their data attributes.
    """
    # Each record encoded on its own and kept between builds (memo.py); the same bytes as encoding the whole.
    records = ctx.fragments("search", ctx.events, lambda event: compact_item_bytes(search_record(ctx, event)))
    document = json_with_slots({"version": SEARCH_INDEX_VERSION,
                                "threads": {t.id: t.title for t in ctx.content.config.threads}},
                               ["events", "people"], compact=True)
    return {"search-index.json": document.fill({
        "events": top_level_list(records, compact=True),
        "people": ctx.shared("search-people", "participants", lambda: compact_item_bytes(_people(ctx))),
    })}


def _people(ctx: ExportContext) -> dict[str, str]:
    """The registry names of everyone the exported events involve, by id."""
    involved = ctx.events_by_person()
    return {p.id: p.name for p in ctx.content.people if p.id in involved}


def search_record(ctx: ExportContext, event: Event) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event.id,
        "url": ctx.urls.event(event.id),
        "title": event.title,
        "date": event.date.display() if event.date else "Undated",
        "year": event.date.start.year if event.date else None,
        "kind": event.kind,
        "threads": list(event.threads),
        "people": ctx.people_names(event),
        "person_ids": ctx.person_ids(event),
        "countries": ctx.countries(event),
        "place": event.place or "",
        "summary": ctx.summary_text(event),
    }
    if event.is_draft:
        record["draft"] = True
    return record
