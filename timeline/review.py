"""The review stage: list what in the loaded content still needs a human, each item with the file and line to open.

It reads only the `Content` that `load_content` built (nothing is written), so `timeline review` can run as
often as an editor likes. What counts as needing a look:

- drafts (not published until `status: reviewed`);
- fields ingest flagged in `review.needs`, with the note it left;
- possible duplicates (`review.duplicates`);
- events with no source or a single one;
- dates coarser than a day, or no date at all;
- mentions of background events (a dated happening an article refers to) not linked to an event, by date;
  an editor marks one that needs no event with `checked: true`;
- facts a newer report offers for an editor's file, and reports offered as its sources (ingest's
  `.timeline/suggestions.json`).

Merges made on the weakest evidence the rules allow are flagged by ingest (`review.needs: sources`), and
reports that disagree on a merged event's date or place flag that field: both appear as `needs` items.

An editor who has looked at a single source, a coarse date or the mentions and accepts them lists them under
`review.checked` (`[sources, date, mentions]`), so that a reviewed event can reach "nothing needs review".
"""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import dataclass, field

from .load.content import Content
from .load.model import Event, Mention
from .partial_date import DAY

# Issue names, shared by the table and the JSON so scripts can filter on them.
DRAFT = "draft"
NEEDS = "needs"
DUPLICATE = "duplicate"
NO_SOURCE = "no source"
SINGLE_SOURCE = "single source"
NO_DATE = "no date"
COARSE_DATE = "coarse date"
UNLINKED_MENTION = "unlinked mention"
SUGGESTION = "suggestion"
OFFERED_MATCH = "offered match"

# The table fits the terminal (or $COLUMNS); this is its width when the output is not a terminal.
DEFAULT_WIDTH = 100
# Below this many columns left for WHY, each item takes more lines: where, then what and why under it.
MIN_DETAIL_WIDTH = 40


@dataclass(frozen=True)
class ReviewItem:
    """One thing for a human to look at: where (file, line), which event, what and why."""

    file: str
    line: int | None
    event: str
    issue: str
    detail: str
    # Where it sorts in its file when that is not its own line: the mentions at their list's line, by date.
    sort_line: int | None = field(default=None, compare=False, repr=False)

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


def _line(event: Event, *keys: str) -> int | None:
    """The line of the first of `keys` the file has, else the event's first line."""
    for key in keys:
        if key in event.lines:
            return event.lines[key]
    return event.lines.get("id", 1 if event.lines else None)


def event_review_items(event: Event) -> list[ReviewItem]:
    """What needs a human in one event, in the order the fields appear in its file."""
    path = event.path or f"content/events/{event.id}.yaml"
    items: list[ReviewItem] = []
    checked = event.review.checked

    def add(line: int | None, issue: str, detail: str, sort_line: int | None = None) -> None:
        items.append(ReviewItem(path, line, event.id, issue, " ".join(detail.split()), sort_line))

    if event.is_draft:
        add(_line(event, "status"), DRAFT, "not published until an editor checks it and sets status: reviewed")
    for field_name in event.review.needs:
        note = event.review.notes.get(field_name) or event.review.notes.get(field_name.split(".")[0])
        evidence = event.review.evidence.get(field_name)
        detail = note or "flagged by ingest; check it against the sources"
        if evidence:
            detail += f' (from: "{evidence}")'
        add(_line(event, field_name.split(".")[0], "review"), f"{NEEDS} {field_name}", detail)
    for other in event.review.duplicates:
        add(_line(event, "review"), DUPLICATE, f"may be the same event as {other}; merge the two files or "
            "remove it from review.duplicates")
    if not event.sources:
        add(_line(event, "sources"), NO_SOURCE, "no article or URL supports this event; add a source")
    elif len(event.sources) == 1 and "sources" not in checked:
        only = event.sources[0]
        name = only.outlet or only.article or only.url or "one report"
        add(_line(event, "sources"), SINGLE_SOURCE, f"only {name} reports it; add a second, independent report")
    if event.date is None:
        add(_line(event, "date"), NO_DATE, "when did it happen? write YYYY, YYYY-MM or YYYY-MM-DD")
    elif (event.date.precision != DAY or event.date.approximate) and "date" not in checked:
        known = "approximate" if event.date.approximate and event.date.precision == DAY else event.date.precision
        note = event.review.notes.get("date")
        detail = f"date {event.date.iso()} is known only to the {known}"
        detail += f"; note: {note}" if note else "; narrow it to a day if a report allows"
        add(_line(event, "date"), COARSE_DATE, detail)
    if event.mentions and "mentions" not in checked:
        for mention in background_events(event):
            add(mention.line or _line(event, "mentions"), UNLINKED_MENTION,
                f"{mention.date.iso() if mention.date else ''} {mention.summary}", _line(event, "mentions"))
    return items


def background_events(event: Event) -> list[Mention]:
    """The mentions that are events (a dated happening), not linked to one yet nor checked, by date."""
    dated = [m for m in event.mentions if m.date is not None and not m.event and not m.checked]
    return sorted(dated, key=lambda m: m.date.sort_key() if m.date else ())


def review_items(content: Content) -> list[ReviewItem]:
    """Everything in the project that needs a human, sorted by file and line."""
    items = [item for event in content.events for item in event_review_items(event)]
    items += suggestion_review_items(content)
    # Python's sort is stable, so items on the same line keep the order event_review_items gave them.
    return sorted(items, key=lambda item: (item.file, item.sort_line or item.line or 0))


def suggestion_review_items(content: Content) -> list[ReviewItem]:
    """Facts newer reports offer for editors' files, which ingest kept in .timeline/suggestions.json."""
    from .ingest.merge import OFFERED
    from .ingest.suggestions import pending_suggestions

    by_id = {e.id: e for e in content.events}
    items = []
    for suggestion in pending_suggestions(content.project.state_dir, content.events):
        event = by_id[suggestion.event_id]
        key = {"participant": "participants", OFFERED: "sources"}.get(suggestion.field, suggestion.field)
        path = event.path or f"content/events/{event.id}.yaml"
        if suggestion.field == OFFERED:
            items.append(ReviewItem(path, _line(event, key), event.id, OFFERED_MATCH,
                                    f"article {suggestion.article} may report this event ({suggestion.detail}); add it "
                                    "under sources: if it does"))
            continue
        items.append(ReviewItem(path, _line(event, key), event.id, SUGGESTION,
                                f"{suggestion.detail} from article {suggestion.article}; apply by hand"))
    return items


def review_json(items: list[ReviewItem]) -> str:
    """A JSON list of {file, line, event, issue, detail}, for scripts."""
    records = [{"file": i.file, "line": i.line, "event": i.event, "issue": i.issue, "detail": i.detail} for i in items]
    return json.dumps(records, indent=2, ensure_ascii=False)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrapped(text: str, width: int, indent: str, max_lines: int) -> list[str]:
    """`text` in lines of at most `width` characters after `indent`, the last of `max_lines` ending in … if cut."""
    lines = textwrap.wrap(text, max(width - len(indent), 10)) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _shorten(lines[-1] + " …", width - len(indent))
    return [indent + line for line in lines]


def review_table(items: list[ReviewItem], width: int | None = None) -> str:
    """A plain-text table (file:line, what, why) with a count, as wide as the terminal (`width` columns).

    The event is its file's name, so it has no column of its own (`--json` gives it); where the terminal is too
    narrow for WHY beside the rest, each item takes two or three lines: where, then what and why.
    """
    if not items:
        return "Nothing needs review."
    width = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    header = ("FILE:LINE", "WHAT", "WHY")
    rows = [(item.location(), item.issue, item.detail) for item in items]
    location_width, issue_width = (max(len(row[i]) for row in [header, *rows]) for i in range(2))
    detail_width = width - location_width - issue_width - 4
    lines = []
    if detail_width >= MIN_DETAIL_WIDTH:
        for location, issue, detail in [header, *rows]:
            lines.append(f"{location.ljust(location_width)}  {issue.ljust(issue_width)}  "
                         f"{_shorten(detail, detail_width)}".rstrip())
    else:
        for location, issue, detail in rows:
            lines.append(location)
            lines.extend(_wrapped(f"{issue}: {detail}", width, "    ", 2))
    events = len({item.event for item in items})
    lines.append("")
    if any(item.issue == UNLINKED_MENTION for item in items):
        lines.extend(textwrap.wrap(
            "An unlinked mention is an earlier event a report refers to: link it with `event: <id>`, create it with "
            "`timeline new`, or mark it `checked: true` when it needs no event of its own (`review.checked: "
            "[mentions]` marks them all).", width))
    lines.extend(textwrap.wrap(f"{len(items)} item(s) in {events} event(s) need review. Open each file at its "
                               "line; `timeline review --json` gives the full text.", width))
    return "\n".join(lines)
