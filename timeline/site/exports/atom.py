"""Atom 1.0 feeds (RFC 4287): `feed.xml` for every event, `threads/<id>/feed.xml` for each storyline.

Entries are newest first, the latest FEED_ENTRIES of them. An entry's `updated` is the event's own date, never the build time, so
two builds of the same content are byte-identical: a day-precision date is that day, a month- or
year-precision date is the first day of its month or year, and a range uses its start (midnight UTC).
Entry ids are the event page's absolute URL when the base URL names a host, otherwise a tag: URI
(RFC 4151) that does not change when the site moves. Feed readers need absolute links: with a
base path only (`/repo/`) the links are base-path-absolute and the build report says so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...load.config import Thread
from ...load.model import Event
from ...markdown import summary_plain_text
from ...speed.export_memo import Fragment
from .context import ExportContext
from .xml_escape import xml_attribute_value, xml_character_data, xml_text

ATOM_NS = "http://www.w3.org/2005/Atom"
# Any date owned by the tagging entity will do (RFC 4151); a fixed one keeps ids stable forever.
TAG_DATE = "2024"
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"
FEED_ENTRIES = 100  # entries in each feed: the latest events


def render_feeds(ctx: ExportContext) -> dict[str, bytes]:
    """The site feed and one feed per thread, as {relative path: bytes}."""
    config = ctx.content.config
    ordered = _newest_first(ctx.dated_events())
    # The latest FEED_ENTRIES of the site and of each thread: what a feed reader shows, without a feed that grows
    # with the archive.
    latest = ordered[:FEED_ENTRIES]
    in_thread: dict[str, list[Event]] = {thread.id: [] for thread in config.threads}
    for event in ordered:
        for thread_id in set(event.threads):
            if thread_id in in_thread and len(in_thread[thread_id]) < FEED_ENTRIES:
                in_thread[thread_id].append(event)
    wanted = {id(event) for event in latest} | {id(event) for events in in_thread.values() for event in events}
    needed = [event for event in ordered if id(event) in wanted]
    # Each entry is the same text in the site feed and its threads' feeds, and between builds (memo.py).
    made = ctx.fragments("atom", needed, lambda event: _entry_text(ctx, event).encode("utf-8"))
    entry_of: dict[int, Fragment] = {id(event): entry for event, entry in zip(needed, made, strict=True)}
    files = {"feed.xml": _feed(ctx, latest, [entry_of[id(event)] for event in latest], config.title,
                               summary_plain_text(config.description), "", "feed.xml")}
    for thread in config.threads:
        home = f"threads/{thread.id}/"
        events = in_thread[thread.id]
        files[f"{home}feed.xml"] = _feed(ctx, events, [entry_of[id(event)] for event in events], _thread_title(ctx, thread),
                                         summary_plain_text(thread.description),
                                         home, f"{home}feed.xml")
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
    """Chronological order reversed; ties (same date) keep a fixed order by id, newest-first too.

    The exported events are already in `Event.sort_key` order (`Content.events`), and no two keys are equal (ids
    differ), so reversing them is sorting them newest first; so is any subset of the result, in its order.
    """
    return events[::-1]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _feed(ctx: ExportContext, ordered: list[Event], entries: list[Fragment], title: str, subtitle: str, home: str,
          self_path: str) -> bytes:
    """One feed of `ordered` (newest first) events, with their `<entry>` texts in the same order."""
    config = ctx.content.config
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "{http://www.w3.org/XML/1998/namespace}lang": config.language})
    _sub(feed, "title", title)
    if subtitle:
        _sub(feed, "subtitle", subtitle)
    _sub(feed, "id", ctx.link(home) if ctx.is_absolute else f"tag:{ctx.host},{TAG_DATE}:{ctx.urls.page(home)}")
    # The newest event's date, not the build time: the feed changes only when its content does. The first day of
    # a date never decreases along the chronological order, so the newest event's is the latest of all.
    _sub(feed, "updated", entry_updated(ordered[0]) if ordered else EMPTY_FEED_UPDATED)
    _sub(feed, "link", rel="alternate", type="text/html", href=ctx.link(home))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=ctx.link(self_path))
    author = _sub(feed, "author")
    _sub(author, "name", config.title)
    _sub(feed, "generator", "timeline")
    ET.indent(feed, space="  ")
    head = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    if not ordered:
        return head + b"\n"
    # Each entry was serialized on its own, as it reads indented inside the feed; spliced in before the end tag.
    return b"".join([head.removesuffix(b"\n</feed>"), b"\n  ", b"\n  ".join(entries), b"\n</feed>\n"])


def _entry_text(ctx: ExportContext, event: Event) -> str:
    """One `<entry>` as ElementTree writes it one level into the indented feed, without the whitespace after it.

    Written as text rather than built as a tree: serializing ten thousand small trees cost most of the feeds'
    time. The tests check that the text is the one ElementTree writes.
    """
    assert event.date is not None
    title = event.title if not event.is_draft else f"[Unreviewed draft] {event.title}"
    kind = xml_attribute_value(event.kind)
    lines = [
        "<entry>",
        _element("title", title),
        _element("id", entry_id(ctx, event)),
        _element("updated", entry_updated(event)),
        f'<link rel="alternate" type="text/html" href="{xml_attribute_value(ctx.event_link(event))}" />',
        _element("summary", _summary(ctx, event), ' type="text"'),
        f'<category term="{kind}" label="{kind}" />',
    ]
    for thread_id, thread_title in zip(event.threads, ctx.thread_titles(event), strict=True):
        lines.append(f'<category term="{xml_attribute_value(thread_id)}" label="{xml_attribute_value(thread_title)}" />')
    return "\n    ".join(lines) + "\n  </entry>"


def _element(tag: str, text: str, attributes: str = "") -> str:
    """`<tag attributes>text</tag>`, or `<tag attributes />` when no text is left, as ElementTree writes them."""
    content = xml_character_data(text)
    return f"<{tag}{attributes}>{content}</{tag}>" if content else f"<{tag}{attributes} />"


def _summary(ctx: ExportContext, event: Event) -> str:
    """Plain text: the date as really known, the place, then the summary's words."""
    assert event.date is not None
    when = event.date.display()
    if event.needs_review("date"):
        when = f"{when} (date unconfirmed)"
    head = f"{when}, {event.place}" if event.place else when
    text = ctx.summary_text(event)
    return f"{head}. {text}" if text else head + "."
