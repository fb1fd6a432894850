"""`data/timelinejs.json`: the chronology in Knight Lab's TimelineJS3 JSON format (see docs/embedding.md).

TimelineJS treats `headline`, `text` and `group` as HTML, so every piece of our text is HTML-escaped
here; the only markup we add is paragraphs and one link to our own event page. A date object holds
only the parts the event's precision knows: a month-precision event has no `day`, so the viewer
never shows a day nobody reported. Undated drafts are left out (a slide needs a start date).
"""

from __future__ import annotations

from html import escape
from typing import Any

from ...load.model import Event
from ...markdown import summary_plain_text
from ...partial_date import PartialDate
from ...speed.export_memo import Fragment
from ..chronology import chronology_plan
from .context import ExportContext
from .json_text import compact_item_bytes, json_with_slots, top_level_list


def render_timelinejs(ctx: ExportContext) -> dict[str, bytes]:
    """`data/timelinejs/<thread id>.json` for each thread's exported, dated events, chronological; and
    `data/timelinejs.json` for all of them while the chronology fits on one page (a viewer loads every slide at
    once, so a long chronology is embedded thread by thread)."""
    config = ctx.content.config
    events = ctx.dated_events()
    # One slide per line, each encoded on its own and kept between builds (memo.py).
    slides = ctx.fragments("timelinejs", events, lambda event: compact_item_bytes(timelinejs_slide(ctx, event)))
    files = {}
    if chronology_plan((event.date for event in ctx.events), config.page_events) is None:
        files["data/timelinejs.json"] = _document(config.title, config.description, slides)
    for thread in config.threads:
        in_thread = [slide for event, slide in zip(events, slides, strict=True) if thread.id in event.threads]
        files[f"data/timelinejs/{thread.id}.json"] = _document(thread.title, thread.description, in_thread)
    return files


def _document(title: str, description: str, slides: list[Fragment]) -> bytes:
    data: dict[str, Any] = {
        "title": {"text": {"headline": escape(title), "text": _paragraphs(summary_plain_text(description))}},
    }
    return json_with_slots(data, ["events"]).fill({"events": top_level_list(slides)})


def date_object(date: PartialDate) -> dict[str, str]:
    """A TimelineJS date object with exactly the parts `date` knows (year, then month, then day)."""
    parts = {"year": str(date.year)}
    if date.month is not None:
        parts["month"] = str(date.month)
    if date.day is not None:
        parts["day"] = str(date.day)
    return parts


def timelinejs_slide(ctx: ExportContext, event: Event) -> dict[str, Any]:
    assert event.date is not None
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": date_object(event.date.start),
        "display_date": escape(event.date.display()),
        "text": {"headline": escape(event.title), "text": _slide_text(ctx, event)},
    }
    if event.date.end is not None:
        slide["end_date"] = date_object(event.date.end)
    titles = ctx.thread_titles(event)
    if titles:
        slide["group"] = escape(titles[0])
    return slide


def _paragraphs(text: str) -> str:
    blocks = [" ".join(block.split()) for block in text.split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


def _slide_text(ctx: ExportContext, event: Event) -> str:
    notes = []
    if event.is_draft:
        notes.append("Unreviewed draft.")
    if event.needs_review("date"):
        notes.append("Date unconfirmed.")
    head = f"<p><em>{escape(' '.join(notes))}</em></p>" if notes else ""
    place = f"<p>{escape(event.place)}</p>" if event.place else ""
    link = f'<p><a href="{escape(ctx.event_link(event), quote=True)}">Sources and details</a></p>'
    return head + place + _paragraphs(ctx.summary_text(event)) + link
