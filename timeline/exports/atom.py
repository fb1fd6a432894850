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
from .memo import Fragment
from .xml_escape import escape_xml_attribute, escape_xml_text

ATOM_NS = "http://www.w3.org/2005/Atom"
# Any date owned by the tagging entity will do (RFC 4151); a fixed one keeps ids stable forever.
TAG_DATE = "2024"
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"


def render_feeds(ctx: ExportContext) -> dict[str, bytes]:
    """The site feed and one feed per thread, as {relative path: bytes}."""
    config = ctx.content.config
    ordered = _newest_first(ctx.dated_events())
    # Each entry is the same text in the site feed and its threads' feeds, and between builds (memo.py).
    entries = dict(zip((event.id for event in ordered),
                       ctx.fragments("atom", ordered, lambda event: _entry_text(ctx, event).encode("utf-8")),
                       strict=True))
    updated = {event.id: entry_updated(event) for event in ordered}
    files = {"feed.xml": _feed(ctx, ordered, entries, updated, config.title, config.description, "", "feed.xml")}
    for thread in config.threads:
        # A subset of a stably sorted list is in the order sorting the subset gives.
        events = [e for e in ordered if thread.id in e.threads]
        home = f"threads/{thread.id}/"
        files[f"{home}feed.xml"] = _feed(ctx, events, entries, updated, _thread_title(ctx, thread),
                                         thread.description, home, f"{home}feed.xml")
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


def _feed(ctx: ExportContext, ordered: list[Event], entries: dict[str, Fragment], updated: dict[str, str],
          title: str, subtitle: str, home: str, self_path: str) -> bytes:
    """One feed of `ordered` (newest first) events, whose `<entry>` texts and timestamps are given by event id."""
    config = ctx.content.config
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "{http://www.w3.org/XML/1998/namespace}lang": config.language})
    _sub(feed, "title", title)
    if subtitle:
        _sub(feed, "subtitle", subtitle)
    _sub(feed, "id", ctx.link(home) if ctx.is_absolute else f"tag:{ctx.host},{TAG_DATE}:{ctx.urls.page(home)}")
    # The newest event's date, not the build time: the feed changes only when its content does.
    _sub(feed, "updated", max((updated[e.id] for e in ordered), default=EMPTY_FEED_UPDATED))
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
    spliced = [head.removesuffix(b"\n</feed>")]
    for event in ordered:
        spliced += (b"\n  ", entries[event.id])
    spliced.append(b"\n</feed>\n")
    return b"".join(spliced)


def _entry_text(ctx: ExportContext, event: Event) -> str:
    """One `<entry>` as ElementTree writes it one level into the indented feed, without the whitespace after it.

    Written as text rather than built as a tree: serializing ten thousand small trees cost most of the feeds'
    time. The tests check that the text is the one ElementTree writes.
    """
    assert event.date is not None
    title = event.title if not event.is_draft else f"[Unreviewed draft] {event.title}"
    children = [
        _element("title", title),
        _element("id", entry_id(ctx, event)),
        _element("updated", entry_updated(event)),
        _element("link", None, rel="alternate", type="text/html", href=ctx.event_link(event)),
        _element("summary", _summary(ctx, event), type="text"),
        _element("category", None, term=event.kind, label=event.kind),
    ]
    for thread_id, thread_title in zip(event.threads, ctx.thread_titles(event), strict=True):
        children.append(_element("category", None, term=thread_id, label=thread_title))
    return "<entry>\n    " + "\n    ".join(children) + "\n  </entry>"


def _element(tag: str, text: str | None, **attrs: str) -> str:
    """`<tag a="v">text</tag>`, or `<tag a="v" />` without text, escaped as ElementTree escapes (after `xml_text`)."""
    opening = "<" + tag + "".join(f' {name}="{escape_xml_attribute(xml_text(value))}"' for name, value in attrs.items())
    text = xml_text(text) if text is not None else ""
    return f"{opening}>{escape_xml_text(text)}</{tag}>" if text else opening + " />"


def _summary(ctx: ExportContext, event: Event) -> str:
    """Plain text: the date as really known, the place, then the summary's words."""
    assert event.date is not None
    when = event.date.display()
    if event.needs_review("date"):
        when = f"{when} (date unconfirmed)"
    head = f"{when}, {event.place}" if event.place else when
    text = ctx.summary_text(event)
    return f"{head}. {text}" if text else head + "."
