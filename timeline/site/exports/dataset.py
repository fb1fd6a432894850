"""`data/timeline.json`: the whole published dataset for reuse (shape: docs/data-format.md).

Validated in the tests against `timeline/schema/dataset.schema.json`. Events keep every field of
their YAML file (evidence and review notes included: they are what makes the chronology checkable),
with dates spelled out as {iso, start, end, approximate, precision, display}. People are those the
exported events involve; sources are grouped by URL (or article file) with the events they support.
"""

from __future__ import annotations

from typing import Any

from ...load.model import Event, Source
from ...load.people import Person
from ...partial_date import DateSpec
from ..urls import person_path, thread_path
from .context import ExportContext
from .json_text import compact_item_bytes, json_with_slots, top_level_list

DATASET_FORMAT = "timeline-dataset"
DATASET_VERSION = 1


def render_dataset(ctx: ExportContext) -> dict[str, bytes]:
    """`data/timeline.json`: keys sorted, one record (event, person, source, thread) per line.

    A record per line keeps diffs between builds readable (an edited event is one changed line), and lets the
    C encoder write each record: indented, the pure-Python encoder made this the slowest export of a big site.
    Each event is encoded on its own and the rest on its own too, each kept between builds by the memo.
    """
    document = json_with_slots(_dataset_base(ctx), ["events", "people", "sources", "threads"])
    events = ctx.fragments("dataset", ctx.events, lambda event: compact_item_bytes(_event(ctx, event)))
    return {"data/timeline.json": document.fill({
        "events": top_level_list(events),
        "people": ctx.shared("dataset-people", "participants", lambda: top_level_list(_encoded(_people(ctx)))),
        "sources": ctx.shared("dataset-sources", "sources", lambda: top_level_list(_encoded(_sources(ctx)))),
        "threads": ctx.shared("dataset-threads", "threads", lambda: top_level_list(_encoded(_threads(ctx)))),
    })}


def _encoded(records: list[dict[str, Any]]) -> list[bytes]:
    return [compact_item_bytes(record) for record in records]


def dataset(ctx: ExportContext) -> dict[str, Any]:
    return {**_dataset_base(ctx), "threads": _threads(ctx), "people": _people(ctx), "sources": _sources(ctx),
            "events": [_event(ctx, e) for e in ctx.events]}


def _dataset_base(ctx: ExportContext) -> dict[str, Any]:
    """What the dataset says of itself: nothing here depends on the events."""
    config = ctx.content.config
    return {
        "format": DATASET_FORMAT,
        "version": DATASET_VERSION,
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "url": ctx.link(""),
        "includes_drafts": ctx.include_drafts,
    }


def date_record(date: DateSpec | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {
        "iso": date.iso(),
        "start": date.start.iso(),
        "end": date.end.iso() if date.end else None,
        "approximate": date.approximate,
        "precision": date.precision,
        "display": date.display(),
    }


def _threads(ctx: ExportContext) -> list[dict[str, Any]]:
    """Each configured thread with its exported events, chronological."""
    members: dict[str, list[str]] = {thread.id: [] for thread in ctx.content.config.threads}
    for event in ctx.events:
        for thread_id in set(event.threads):
            if thread_id in members:
                members[thread_id].append(event.id)
    return [{
        "id": thread.id,
        "title": thread.title,
        "description": thread.description,
        "color": thread.color,
        "url": ctx.link(thread_path(thread.id)),
        "events": members[thread.id],
    } for thread in ctx.content.config.threads]


def _people(ctx: ExportContext) -> list[dict[str, Any]]:
    """The registry entries of everyone the exported events involve, in registry order."""
    events_by_person = ctx.events_by_person()
    return [_person(ctx, p, events_by_person[p.id]) for p in ctx.content.people if p.id in events_by_person]


def _person(ctx: ExportContext, person: Person, event_ids: list[str]) -> dict[str, Any]:
    record = person.to_yaml()
    record.setdefault("title", None)
    record.setdefault("description", None)
    record["url"] = ctx.link(person_path(person.id))
    record["events"] = event_ids
    return record


def _event(ctx: ExportContext, event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "url": ctx.event_link(event),
        "title": event.title,
        "status": event.status,
        "date": date_record(event.date),
        "kind": event.kind,
        "place": event.place,
        "summary": event.summary,
        "summary_text": ctx.summary_text(event),
        "participants": [
            {"name": p.name, "title": p.title, "role": p.role, "country": p.country,
             "person": person.id if person else None}
            for p, (_, person) in zip(event.participants, ctx.event_people(event), strict=True)
        ],
        "sources": [_source(s) for s in event.sources],
        "mentions": [
            {"summary": m.summary, "date": date_record(m.date), "event": m.event, "quote": m.quote, "article": m.article,
             "checked": m.checked}
            for m in event.mentions
        ],
        "threads": list(event.threads),
        "related": [{"id": r.id, "reason": r.reason} for r in event.related],
        "review": {
            "needs": list(event.review.needs),
            "notes": dict(event.review.notes),
            "evidence": dict(event.review.evidence),
            "confidence": dict(event.review.confidence),
            "duplicates": list(event.review.duplicates),
            "checked": list(event.review.checked),
        },
    }


def _source(source: Source) -> dict[str, Any]:
    return {**_source_details(source), "quote": source.quote}


def _source_details(source: Source) -> dict[str, Any]:
    """A source without its quote: what `sources` tells of the report itself."""
    return {
        "article": source.article,
        "outlet": source.outlet,
        "url": source.url,
        "published": source.published.iso() if source.published else None,
        "headline": source.headline,
        "author": source.author,
    }


def source_key(source: Source) -> str | None:
    """One report: its URL when known, else its article file; None when neither is given."""
    if source.url:
        return source.url
    if source.article:
        return f"article:{source.article}"
    return None


def _sources(ctx: ExportContext) -> list[dict[str, Any]]:
    """Every report cited, once, with the events it supports; the first mention's details win gaps."""
    grouped: dict[str, dict[str, Any]] = {}
    for event in ctx.events:
        for source in event.sources:
            key = source_key(source)
            if key is None:
                continue
            # Quotes belong to the event they support; they stay under events[].sources.
            details = _source_details(source)
            record = grouped.get(key)
            if record is None:
                grouped[key] = {"key": key, **details, "events": [event.id]}
                continue
            for field_name, value in details.items():
                if record[field_name] is None and value is not None:
                    record[field_name] = value
            if record["events"][-1] != event.id:  # an event's sources come together; ids are unique
                record["events"].append(event.id)
    return [grouped[key] for key in sorted(grouped)]
