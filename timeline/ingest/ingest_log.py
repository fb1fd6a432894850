"""`content/ingest-log.yaml`: which article ingest turned into which event, so editors' deletions stick.

An editor dismisses a stub by deleting its file (or by removing an article from an event's sources).
Without a record, the next `timeline ingest` would read the article again and recreate the stub. The
log remembers, per article, the sha256 of the bytes ingest read and the event that cites it; an
article that is logged, unchanged and no longer cited anywhere was dismissed, and is not read again
until its text changes. The hash also recognises an article that was renamed or moved (same bytes,
new name): it is not ingested a second time.

The file is committed with the events (it is small, sorted by article, one short entry each, so it
diffs and merges well):

    articles:
      2023/kurilla-visit.txt:
        sha256: 3b4f6a89...
        event: 2023-07-24-kurilla-meets-munir-in-rawalpindi
      2023/duplicate-wire-copy.txt:
        sha256: 9c0e11d2...
        event: 2023-07-24-kurilla-meets-munir-in-rawalpindi
        dismissed: true

An editor who splits a merged event, moving one source into a new event file, is remembered too: the
article's entry gets `split_from:` the event it left, and ingest never joins it to that event's reports
again (`selection.note_splits`):

      2023/wire-copy-of-earlier-call.txt:
        sha256: 5d1c07aa...
        event: 2023-07-10-kurilla-calls-munir
        split_from: 2023-07-24-kurilla-meets-munir-in-rawalpindi

Deleting an entry (or the whole file) makes ingest treat that article as new again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError
from ..files.atomic_write import write_if_changed
from ..files.yaml_writer import dump_yaml
from ..load.model import is_valid_id
from ..load.yaml_source import YamlMap, mark_of, parse_yaml

LOG_NAME = "ingest-log.yaml"
LOG_HEADER = (
    "# Written by `timeline ingest`; commit it with content/events/. Per article: the sha256 of the text\n"
    "# ingest read and the event citing it. `dismissed: true`: an editor deleted that stub; it is not\n"
    "# recreated until the article changes. `split_from`: an editor moved it out of that event; ingest does\n"
    "# not merge it back. Delete an entry to have ingest read the article as new.\n"
)
_HEX = frozenset("0123456789abcdef")


@dataclass
class LogEntry:
    """What ingest knows about one article."""

    sha256: str
    event: str | None = None  # the event citing the article when ingest last wrote; None if it could not add it
    dismissed: bool = False
    split_from: str | None = None  # the event an editor moved it out of: never merged with that event's reports


@dataclass
class IngestLog:
    """Article name -> entry; `by_hash` finds an article again after a rename."""

    entries: dict[str, LogEntry] = field(default_factory=dict)

    def by_hash(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name, entry in sorted(self.entries.items()):
            found.setdefault(entry.sha256, []).append(name)
        return found

    def to_yaml(self) -> dict[str, object]:
        articles: dict[str, object] = {}
        for name in sorted(self.entries):
            entry = self.entries[name]
            item: dict[str, object] = {"sha256": entry.sha256, "event": entry.event}
            if entry.dismissed:
                item["dismissed"] = True
            if entry.split_from:
                item["split_from"] = entry.split_from
            articles[name] = item
        return {"articles": articles}


def article_hash(data: bytes) -> str:
    """The sha256 of an article's bytes, as the log records it."""
    return hashlib.sha256(data).hexdigest()


def parse_ingest_log(text: str, shown: str) -> IngestLog:
    """The log from its text; a hand-mangled entry is an error at its line (fix it or delete the entry)."""
    data = parse_yaml(text, shown)
    log = IngestLog()
    if data is None:
        return log

    def fail(value: object, message: str) -> ContentError:
        line, column = mark_of(value)
        return ContentError.at(shown, line, f"{message}; fix it, or delete the entry to have ingest read the "
                               "article as new", column)

    if not isinstance(data, dict) or not isinstance(data.get("articles", {}), dict):
        raise fail(data, "the ingest log must be a mapping with an `articles:` mapping")
    articles = data.get("articles") or {}
    for name, item in articles.items():
        where = articles.key_mark(name) if isinstance(articles, YamlMap) else (None, None)
        if not isinstance(name, str) or not isinstance(item, dict):
            raise ContentError.at(shown, where[0], f"entry {name!r} must be a mapping with sha256 and event; fix it, "
                                  "or delete the entry to have ingest read the article as new", where[1])
        sha = item.get("sha256")
        event = item.get("event")
        dismissed = item.get("dismissed", False)
        split_from = item.get("split_from")
        if not isinstance(sha, str) or len(sha) != 64 or not set(sha) <= _HEX:
            raise fail(item, f"entry {name!r}: sha256 must be 64 hexadecimal digits")
        if event is not None and (not isinstance(event, str) or not is_valid_id(event)):
            raise fail(item, f"entry {name!r}: event must be an event id or null")
        if not isinstance(dismissed, bool):
            raise fail(item, f"entry {name!r}: dismissed must be true or false")
        if split_from is not None and (not isinstance(split_from, str) or not is_valid_id(split_from)):
            raise fail(item, f"entry {name!r}: split_from must be the id of the event the article was moved out of")
        log.entries[name] = LogEntry(sha, event, dismissed, split_from)
    return log


def render_ingest_log(log: IngestLog) -> str:
    """The log's text: header, then articles sorted by name (deterministic, so a re-run changes no byte)."""
    return dump_yaml(log.to_yaml(), header=LOG_HEADER)


def read_ingest_log(path: Path, shown: str) -> IngestLog:
    """The log on disk, or an empty one when there is none yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return IngestLog()
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError.at(shown, None, f"cannot read the ingest log ({exc}); fix or delete it") from None
    return parse_ingest_log(text, shown)


def write_ingest_log(path: Path, log: IngestLog) -> bool:
    """Write the log if its text changed; an empty log is not created. Returns whether the file changed."""
    if not log.entries and not path.exists():
        return False
    return write_if_changed(path, render_ingest_log(log).encode("utf-8"))
