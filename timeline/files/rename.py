"""`timeline rename OLD NEW`: give an event a new id, renaming its file and every reference to it in one commit.

References are the other events' `related` links, their mentions' `event`, `review.duplicates` and the ingest
log's `event` entries (threads name thread ids, never event ids). Each is replaced where the parser found it,
so an editor's layout and comments stay byte for byte; a stub that ingest still owns (its hash line matches)
gets a new hash line and stays ingest's own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ContentError, did_you_mean
from ..ingest.ingest_log import LOG_NAME
from ..ingest.stub_file import is_ingest_owned, restamp_stub
from ..ingest.suggestions import pending_suggestions, save_suggestions
from ..load.content import Content
from ..load.model import is_valid_id
from ..load.yaml_source import YamlList, YamlMap, parse_yaml
from .atomic_write import write_batch, write_bytes_atomic

Mark = tuple[int, int]


class RenameError(ValueError):
    """The rename cannot be done as asked (unknown old id, bad or taken new id); a usage error."""


@dataclass
class RenameReport:
    """What a rename changed: the event's old and new file, and the files whose references were updated."""

    old_path: str
    new_path: str
    references: dict[str, int] = field(default_factory=dict)  # file -> references replaced there


def _event_references(data: Any, old: str) -> list[Mark]:
    """Where an event file's `related`, mentions' `event` and `review.duplicates` name `old`."""
    if not isinstance(data, YamlMap):
        return []
    marks: list[Mark] = []
    related = data.get("related")
    for index, item in enumerate(related if isinstance(related, YamlList) else ()):
        if item == old:
            marks.append(related.item_mark(index))
        elif isinstance(item, YamlMap) and item.get("id") == old:
            marks.append(item.value_mark("id"))
    mentions = data.get("mentions")
    for item in mentions if isinstance(mentions, YamlList) else ():
        if isinstance(item, YamlMap) and item.get("event") == old:
            marks.append(item.value_mark("event"))
    review = data.get("review")
    duplicates = review.get("duplicates") if isinstance(review, YamlMap) else None
    for index, item in enumerate(duplicates if isinstance(duplicates, YamlList) else ()):
        if item == old:
            marks.append(duplicates.item_mark(index))
    return marks


def _log_references(data: Any, old: str) -> list[Mark]:
    """Where the ingest log's entries name `old` as the event citing an article."""
    articles = data.get("articles") if isinstance(data, YamlMap) else None
    return [entry.value_mark("event") for entry in (articles.values() if isinstance(articles, YamlMap) else ())
            if isinstance(entry, YamlMap) and entry.get("event") == old]


def replace_at(text: str, marks: list[Mark], old: str, new: str, shown: str) -> str:
    """`text` with the id `old` replaced by `new` at each (line, column) mark, quoted or not."""
    lines = text.split("\n")
    for line, column in sorted(set(marks), reverse=True):  # right to left, so earlier columns stay valid
        row = lines[line - 1]
        start = column - 1 + (1 if row[column - 1:column] in ("'", '"') else 0)
        if row[start:start + len(old)] != old:
            raise ContentError.at(shown, line, f'expected "{old}" here; the file changed while renaming, run '
                                  "the command again", column)
        lines[line - 1] = row[:start] + new + row[start + len(old):]
    return "\n".join(lines)


def _changed(text: str, marks: list[Mark], old: str, new: str, shown: str) -> str:
    result = replace_at(text, marks, old, new, shown)
    return restamp_stub(result) if is_ingest_owned(text) else result


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def rename_event(content: Content, old: str, new: str) -> RenameReport:
    """Rename event `old` to `new`: its file and id, and every reference to it; all files change or none.

    The event's own file is rewritten in place with the batch, then renamed: a kill in between leaves a file
    whose id differs from its name, which `timeline check` reports with the fix.
    """
    project = content.project
    event = content.event(old)
    if event is None:
        ids = {e.id for e in content.events}
        raise RenameError(f'there is no event "{old}"{did_you_mean(old, ids)}; `timeline review --json` lists '
                          "the events by file")
    if not is_valid_id(new):
        raise RenameError(f'"{new}" is not a valid event id; use a lowercase slug (a-z, 0-9 and single hyphens), '
                          "like 2023-07-24-kurilla-meets-munir")
    old_path = project.root / (event.path or project.relative(project.event_path(old)))
    new_path = project.event_path(new)
    if content.event(new) is not None or new_path.exists():
        raise RenameError(f"{project.relative(new_path)} already exists; choose another id")
    report = RenameReport(project.relative(old_path), project.relative(new_path))
    edits: dict[Path, str] = {}
    for other in content.events:
        path = project.root / (other.path or "")
        text = _read(path)
        data = parse_yaml(text, other.path or "")
        marks = _event_references(data, old)
        if other is event and isinstance(data, YamlMap) and data.get("id") == old:
            marks.append(data.value_mark("id"))
        if marks:
            edits[path] = _changed(text, marks, old, new, other.path or "")
            report.references[report.new_path if other is event else other.path or ""] = len(marks)
    log_path = project.content_dir / LOG_NAME
    if log_path.exists():
        text = _read(log_path)
        marks = _log_references(parse_yaml(text, project.relative(log_path)), old)
        if marks:
            edits[log_path] = replace_at(text, marks, old, new, project.relative(log_path))
            report.references[project.relative(log_path)] = len(marks)
    with write_batch(project.content_dir, project.state_dir):
        for path, text in edits.items():
            write_bytes_atomic(path, text.encode("utf-8"))
    os.link(old_path, new_path)  # fails, rather than overwrites, if the new name appeared meanwhile
    os.unlink(old_path)
    _rename_suggestions(content, old, new)
    return report


def _rename_suggestions(content: Content, old: str, new: str) -> None:
    """Facts ingest kept for the event (`.timeline/suggestions.json`) follow it to its new id."""
    state_dir = content.project.state_dir
    stored = pending_suggestions(state_dir, content.events)
    if not any(s.event_id == old for s in stored):
        return
    stored = [replace(s, event_id=new) if s.event_id == old else s for s in stored]
    paths = {e.id: e.path or "" for e in content.events}
    paths[new] = content.project.relative(content.project.event_path(new))
    save_suggestions(state_dir, stored, paths)
