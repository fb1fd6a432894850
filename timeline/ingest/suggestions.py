"""Pending suggestions: facts new reports offer for events that editors own, kept until applied.

Ingest never rewrites an editor's file beyond appending a source. A newer report may still know more
(a day for an event dated only to the month, a participant, a place); those facts are printed in the
ingest table and kept in `.timeline/suggestions.json` (not committed: it is derived, and a fresh
ingest of the article rebuilds it) so that `timeline review` lists them with the file and line to edit.
A suggestion disappears once the event has what it offered, or the event is gone; delete the file to
drop all of them.

A report with no date of its own that may be a source of an editor's event is offered the same way
(`field: source`): it disappears once the event cites the article, or once the editor answered no,
by reviewing the stub made for that report or removing the event from that stub's `review.duplicates`.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..files.atomic_write import write_if_changed
from ..load.model import Event
from .merge import OFFERED, Suggestion, suggestion_applied

SUGGESTIONS_NAME = "suggestions.json"
_KEYS = ("event_id", "field", "value", "article", "detail")


def suggestions_path(state_dir: Path) -> Path:
    return state_dir / SUGGESTIONS_NAME


def parse_suggestions(text: str) -> list[Suggestion]:
    """Suggestions from the file's JSON; an unreadable or foreign file counts as none (it is only a cache)."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in _KEYS):
            found.append(Suggestion(*(item[k] for k in _KEYS)))
    return found


def render_suggestions(suggestions: list[Suggestion], paths: dict[str, str]) -> str:
    """Indented JSON, one object per suggestion with the message the table prints."""
    items = [{**{k: getattr(s, k) for k in _KEYS}, "file": paths.get(s.event_id, ""),
              "message": s.message(paths.get(s.event_id, s.event_id))} for s in suggestions]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def pending_suggestions(state_dir: Path, events: list[Event], new: list[Suggestion] = ()) -> list[Suggestion]:
    """Stored suggestions plus `new`, without those already applied or whose event is gone; sorted."""
    try:
        stored = parse_suggestions(suggestions_path(state_dir).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        stored = []
    by_id = {e.id: e for e in events}
    citing: dict[str, list[Event]] = {}
    for event in events:
        for source in event.sources:
            if source.article:
                citing.setdefault(source.article, []).append(event)
    kept: dict[tuple[str, ...], Suggestion] = {}
    for suggestion in [*stored, *new]:
        event = by_id.get(suggestion.event_id)
        if event is None or suggestion_applied(event, suggestion):
            continue
        if suggestion.field == OFFERED and _declined(suggestion, citing.get(suggestion.article, [])):
            continue
        kept.setdefault(tuple(getattr(suggestion, k) for k in _KEYS), suggestion)
    return [kept[key] for key in sorted(kept)]


def _declined(offer: Suggestion, holders: list[Event]) -> bool:
    """The editor said the offered report is not this event's: its own stub is reviewed, no longer names the
    event as a possible duplicate, or is gone without the event citing the report."""
    others = [e for e in holders if e.id != offer.event_id]
    return not others or any(not e.is_draft or offer.event_id not in e.review.duplicates for e in others)


def save_suggestions(state_dir: Path, suggestions: list[Suggestion], paths: dict[str, str]) -> bool:
    """Write the pending list (no file while there is nothing pending); returns whether it changed."""
    path = suggestions_path(state_dir)
    if not suggestions:
        if path.exists():
            path.unlink()
            return True
        return False
    state_dir.mkdir(parents=True, exist_ok=True)
    return write_if_changed(path, render_suggestions(suggestions, paths).encode("utf-8"))
