"""Atom 1.0 feeds (RFC 4287): `feed.xml` for every event, `threads/<id>/feed.xml` for each storyline.

Entries are newest first. An entry's `updated` is the event's own date, never the build time, so
two builds of the same content are byte-identical: a day-precision date is that day, a month- or
year-precision date is the first day of its month or year, and a range uses its start (midnight UTC).
Entry ids are the event page's absolute URL when the base URL names a host, otherwise a tag: URI
(RFC 4151) that does not change when the site moves. Feed readers need absolute links: with a
base path only (`/repo/`) the links are base-path-absolute and the build report says so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..config import Thread
from ..model import Event
from .context import ExportContext, xml_text

ATOM_NS = "http://www.w3.org/2005/Atom"
# Any date owned by the tagging entity will do (RFC 4151); a fixed one keeps ids stable forever.
TAG_DATE = "2024"
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"


def render_feeds(ctx: ExportContext) -> dict[str, bytes]:
    """The site feed and one feed per thread, as {relative path: bytes}."""
    config = ctx.content.config
    dated = ctx.dated_events()
    files = {"feed.xml": _feed(ctx, dated, config.title, config.description, "", "feed.xml")}
    for thread in config.threads:
        events = [e for e in dated if thread.id in e.threads]
        home = f"threads/{thread.id}/"
        files[f"{home}feed.xml"] = _feed(ctx, events, _thread_title(ctx, thread), thread.description, home,
                                         f"{home}feed.xml")
    return files


def entry_updated(event: Event) -> str:
    """RFC 3339 timestamp for an event: the first day its date covers, at midnight UTC."""
    assert event.date is not None
    return event.date.first_day().isoformat() + "T00:00:00Z"


def entry_id(ctx: ExportContext, event: Event) -> str:
    if ctx.is_absolute:
        return ctx.event_link(event)
    return f"tag:{ctx.host},{TAG_DATE}:{ctx.urls.event(event.id)}"


def _thread_title(ctx: ExportContext, thread: Thread) -> str:
    return f"{thread.title} — {ctx.content.config.title}"


def _newest_first(events: list[Event]) -> list[Event]:
    # Chronological order reversed; ties (same date) keep a fixed order by id, newest-first too.
    return sorted(events, key=Event.sort_key, reverse=True)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _feed(ctx: ExportContext, events: list[Event], title: str, subtitle: str, home: str, self_path: str) -> bytes:
    config = ctx.content.config
    ordered = _newest_first(events)
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "{http://www.w3.org/XML/1998/namespace}lang": config.language})
    _sub(feed, "title", title)
    if subtitle:
        _sub(feed, "subtitle", subtitle)
    _sub(feed, "id", ctx.link(home) if ctx.is_absolute else f"tag:{ctx.host},{TAG_DATE}:{ctx.urls.page(home)}")
    # The newest event's date, not the build time: the feed changes only when its content does.
    _sub(feed, "updated", max((entry_updated(e) for e in ordered), default=EMPTY_FEED_UPDATED))
    _sub(feed, "link", rel="alternate", type="text/html", href=ctx.link(home))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=ctx.link(self_path))
    author = _sub(feed, "author")
    _sub(author, "name", config.title)
    _sub(feed, "generator", "timeline")
    ET.indent(feed, space="  ")
    head = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    if not ordered:
        return head + b"\n"
    # Each entry is serialized on its own, as it would be indented inside the feed, and spliced in before the
    # end tag: an event's entry is the same text in the site feed and its threads' feeds, and between builds.
    entries = "".join("\n  " + ctx.fragment("atom", event, lambda event=event: _entry_text(ctx, event))
                      for event in ordered)
    return head.removesuffix(b"\n</feed>") + entries.encode("utf-8") + b"\n</feed>\n"


def _entry_text(ctx: ExportContext, event: Event) -> str:
    """One `<entry>` as it reads one level into the indented feed, without the whitespace after it."""
    entry = _entry(ctx, event)
    ET.indent(entry, space="  ", level=1)
    return ET.tostring(entry, encoding="unicode")


def _entry(ctx: ExportContext, event: Event) -> ET.Element:
    assert event.date is not None
    entry = ET.Element("entry")
    title = event.title if not event.is_draft else f"[Unreviewed draft] {event.title}"
    _sub(entry, "title", title)
    _sub(entry, "id", entry_id(ctx, event))
    _sub(entry, "updated", entry_updated(event))
    _sub(entry, "link", rel="alternate", type="text/html", href=ctx.event_link(event))
    _sub(entry, "summary", _summary(ctx, event), type="text")
    _sub(entry, "category", term=event.kind, label=event.kind)
    for thread_id, thread_title in zip(event.threads, ctx.thread_titles(event), strict=True):
        _sub(entry, "category", term=thread_id, label=thread_title)
    return entry


def _summary(ctx: ExportContext, event: Event) -> str:
    """Plain text: the date as really known, the place, then the summary's words."""
    assert event.date is not None
    when = event.date.display()
    if event.needs_review("date"):
        when = f"{when} (date unconfirmed)"
    head = f"{when}, {event.place}" if event.place else when
    text = ctx.summary_text(event)
    return f"{head}. {text}" if text else head + "."
