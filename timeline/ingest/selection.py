"""Which articles an ingest run reads, and which it leaves alone: dismissed by an editor, renamed, or
already in an editor's event; the events an editor split; and the ingest log updated to match."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..load.content import Project
from ..load.model import Event
from .ingest_log import IngestLog, LogEntry, article_hash
from .report import FileChange, IngestReport
from .stub_file import is_ingest_owned
from .workers import ArticleOutcome


def article_items(project: Project, paths: list[Path] | None, articles: list[str]
                   ) -> tuple[list[tuple[Path, str, str]], dict[str, Path]]:
    """(path, name, shown) per article; articles from outside the project get a name under content/articles/."""
    if paths is None:
        return [(project.articles_dir / n, n, project.relative(project.articles_dir / n)) for n in articles], {}
    items, outside = [], {}
    root = project.articles_dir.resolve()
    taken: set[str] = set()
    for path in paths:
        resolved = path.resolve()
        try:
            name = resolved.relative_to(root).as_posix()
        except ValueError:
            name = _import_name(resolved, project.articles_dir, taken)
            outside[name] = resolved
        taken.add(name)
        items.append((resolved, name, project.relative(resolved) if name not in outside else str(path)))
    return sorted(items, key=lambda i: i[1]), outside


def _import_name(path: Path, articles_dir: Path, taken: set[str]) -> str:
    """The file's own name; the name already holding these same bytes; or `name-2.txt`, `name-3.txt`..."""
    name, number = path.name, 2
    while True:
        target = articles_dir / name
        if target.exists():
            if _same_bytes(target, path):
                return name
        elif name not in taken:
            return name
        name = f"{path.stem}-{number}{path.suffix}"
        number += 1


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def edited_ids(project: Project, events: Iterable[Event]) -> tuple[set[str], dict[str, str]]:
    """Ids of events whose files belong to an editor, and every event file's current text."""
    locked, texts = set(), {}
    for event in events:
        path = project.event_path(event.id)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            locked.add(event.id)
            continue
        texts[event.id] = text
        if not is_ingest_owned(text) or not event.is_draft:
            locked.add(event.id)
    return locked, texts


@dataclass
class Selection:
    """Which articles to read this run, and why the others are left alone (see `select_articles`)."""

    extract: list[tuple[Path, str, str]] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # article name -> sha256 of the bytes read
    dismissed: list[FileChange] = field(default_factory=list)
    dismissed_names: list[str] = field(default_factory=list)
    renamed: list[FileChange] = field(default_factory=list)
    moves: dict[str, str] = field(default_factory=dict)  # old article name -> new name
    already_cited: int = 0


def _article_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # extraction reports it with its reason


def select_articles(items: list[tuple[Path, str, str]], log: IngestLog, events: list[Event], locked: set[str],
                    articles: list[str], explicit: bool = False) -> Selection:
    """Decide per article: read it, or leave it (dismissed by an editor, renamed, already in an editor's event).

    - logged, unchanged, and no longer cited by any event: an editor deleted its stub (or removed the
      source), so it stays dismissed until its text changes;
    - not logged, but its bytes are a logged article's: renamed or copied, not ingested twice;
    - unchanged (or never logged) and cited only by editors' events: nothing new can come of reading it;
    - everything else (new, changed, or feeding ingest's own stubs) is read. Articles named on the
      command line are always read: naming one is how an editor asks for it again.
    """
    cited: dict[str, list[str]] = {}
    for event in events:
        for source in event.sources:
            if source.article:
                cited.setdefault(source.article, []).append(event.id)
    by_hash = log.by_hash()
    present = set(articles) | {name for _, name, _ in items}
    selection = Selection()
    for path, name, shown in items:
        data = _article_bytes(path)
        if data is None:
            selection.extract.append((path, name, shown))
            continue
        sha = article_hash(data)
        selection.hashes[name] = sha
        entry = log.entries.get(name)
        citing = cited.get(name, [])
        if explicit:
            selection.extract.append((path, name, shown))
            continue
        if entry is not None and entry.sha256 == sha:
            if not citing and entry.event is not None:
                selection.dismissed.append(FileChange(entry.event, shown, f"dismissed by editor, not recreated "
                                                      f"(was content/events/{entry.event}.yaml)"))
                selection.dismissed_names.append(name)
                continue
            if citing and all(e in locked for e in citing):
                selection.already_cited += 1
                continue
        elif entry is None:
            same = [other for other in by_hash.get(sha, []) if other != name]
            if same:
                old = next((o for o in same if o not in present), same[0])
                previous = log.entries[old].event or "no event"
                if old not in present:
                    selection.moves[old] = name
                    selection.renamed.append(FileChange(previous, shown, f"renamed from {old}; not ingested again"))
                else:
                    selection.renamed.append(FileChange(previous, shown, f"same text as {old}; not ingested again"))
                continue
            if citing and all(e in locked for e in citing):
                selection.already_cited += 1
                continue
        selection.extract.append((path, name, shown))
    return selection


def note_splits(log: IngestLog, events: list[Event]) -> list[FileChange]:
    """Record in the log each article an editor moved out of the event ingest put it in, into another event.

    The event it was logged with still exists but no longer cites it, and another event does: that is a
    split, and `split_apart` keeps the article from being merged back.
    """
    cited: dict[str, list[str]] = {}
    for event in events:
        for source in event.sources:
            if source.article:
                cited.setdefault(source.article, []).append(event.id)
    paths = {e.id: e.path or f"content/events/{e.id}.yaml" for e in events}
    found = []
    for name, entry in sorted(log.entries.items()):
        now = cited.get(name, [])
        if entry.event and entry.event in paths and now and entry.event not in now:
            entry.split_from, entry.event = entry.event, now[0]
            found.append(FileChange(now[0], paths[now[0]], f"{name} split from {entry.split_from} by an editor; "
                                    "ingest will not merge it back"))
    return found


def split_apart(log: IngestLog, events: list[Event]) -> dict[str, set[str]]:
    """Article -> the articles it must never share an event with, because an editor split them apart."""
    holding: dict[str, set[str]] = defaultdict(set)
    for event in events:
        holding[event.id].update(s.article for s in event.sources if s.article)
    for name, entry in log.entries.items():
        if entry.event:
            holding[entry.event].add(name)
    apart: dict[str, set[str]] = defaultdict(set)
    for name, entry in log.entries.items():
        if entry.split_from:
            for other in holding.get(entry.split_from, set()) - {name}:
                apart[name].add(other)
                apart[other].add(name)
    return dict(apart)


def update_log(log: IngestLog, selection: Selection, outcomes: list[ArticleOutcome], cited: dict[str, str]) -> None:
    """Record what this run read and where each article now is; mark dismissals; follow renames."""
    for outcome in outcomes:
        sha = selection.hashes.get(outcome.name)
        if outcome.problem is None and sha is not None:
            previous = log.entries.get(outcome.name)
            log.entries[outcome.name] = LogEntry(sha, cited.get(outcome.name),
                                                 split_from=previous.split_from if previous else None)
    for name in selection.dismissed_names:
        log.entries[name].dismissed = True
    for old, new in selection.moves.items():
        entry = log.entries.pop(old)
        entry.event = cited.get(new, cited.get(old, entry.event))
        log.entries[new] = entry


def follow_renames(events: list[Event], locked: set[str], moves: dict[str, str], report: IngestReport) -> None:
    """Ingest's own stubs cite a renamed article by its new name; an editor's file is only told about it."""
    for event in events:
        for source in event.sources:
            if source.article in moves:
                if event.id in locked:
                    report.warnings.warning(event.path or f"content/events/{event.id}.yaml", event.lines.get("sources"),
                                            f"cites {source.article}, now named {moves[source.article]}; "
                                            "update sources[].article by hand")
                else:
                    source.article = moves[source.article]
