"""The ingest stage: articles in, draft event stubs and registry updates out, editors' work untouched.

Order (load everything, then write): read and extract every article (in a process pool when there are
many), add new people and spellings to the registry, merge reports of the same happening
(`merge.py`), suggest threads, related events and mention targets (`linking.py`), and only then write:
people.yaml, then one stub per event.

Each stub records on its second line a hash of what ingest wrote. A file whose bytes still match is
ingest's own and may be regenerated with new evidence; any other file (edited, header removed,
reviewed, hand-written) belongs to an editor and is never rewritten: a new source for it is spliced
into its `sources:` list, or reported in the summary table when that cannot be done safely. Other new
facts for such a file (a finer date, a participant, a place) are suggestions: printed in the table and
kept in `.timeline/suggestions.json` for `timeline review` (see `suggestions.py`).

`content/ingest-log.yaml` (see `ingest_log.py`) records which article became which event, by content
hash, so that a stub an editor deleted is not recreated and a renamed article is not ingested twice.

Exit status (cli): 0 when the run did what it could, even with some articles skipped (each listed with
its reason, then "N article(s) skipped"); 1 when no article could be read, or on content errors.
"""

from __future__ import annotations

import contextvars
import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .atomic_write import write_bytes_atomic
from .config import Config
from .content import Content, Project, load_content
from .errors import ContentError, Problem, Problems
from .ingest_log import LOG_NAME, IngestLog, LogEntry, article_hash, read_ingest_log, write_ingest_log
from .linking import Links, link_events
from .merge import Cluster, assign_ids, merge_same_event
from .model import DEFAULT_KINDS, Event, Source, parse_event
from .partial_date import parse_date_spec
from .people import PeopleRegistry
from .people_writer import PeopleChanges, update_people, write_people
from .place_match import warm_place_tables
from .project_lock import project_lock
from .suggestions import pending_suggestions, save_suggestions
from .yaml_source import parse_yaml, plain
from .yaml_writer import dump_yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../event.schema.json"
INGEST_LINE = "# ingest: sha256={} (edit freely; ingest will not overwrite an edited file)"
_INGEST_LINE = re.compile(r"^# ingest: sha256=([0-9a-f]{64})\b")
SCHEMA_SOURCE = Path(__file__).parent / "schema" / "event.schema.json"

INLINE_BELOW = 6  # fewer articles than this are extracted here: starting workers would cost more
PROGRESS_ABOVE = 5  # show a progress bar for more articles than this (on a terminal)
# Imported once by the forkserver; the last one warms the extractor up (see ingest_preload.py).
WORKER_MODULES = ("timeline.ingest", "timeline.extract.reading", "timeline.extract.stub", "timeline.ingest_preload")
CHUNKS_PER_WORKER = 4  # small enough chunks to balance uneven articles, big enough to amortise pickling


# --- extraction (in this process or in workers) ---------------------------------------------------


@dataclass
class ArticleOutcome:
    """What one article gave: a draft event and the people it names, or the problem that stopped it."""

    name: str
    event: Event | None = None
    people: list[Any] = field(default_factory=list)  # PersonMention from timeline.extract.stub
    problem: Problem | None = None


def load_extractor() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """`read_article` and `extract_article`, imported late so that ingest loads without them."""
    try:
        from .extract.reading import read_article
        from .extract.stub import extract_article
    except ImportError as exc:
        raise ContentError.at("timeline/extract", None, f"article extraction is not available ({exc}); "
                              "reinstall timeline with `pip install -e .`") from None
    return read_article, extract_article


def extract_one(path: Path, name: str, shown: str, people: PeopleRegistry,
                kinds: tuple[str, ...] = DEFAULT_KINDS) -> ArticleOutcome:
    """Read and extract one article; an unreadable file or a failed extraction becomes a problem."""
    read_article, extract_article = load_extractor()
    try:
        article = read_article(path, name)
        extraction = extract_article(article, people, kinds)
    except ContentError as exc:
        first = exc.problems[0] if exc.problems else Problem(shown, None, None, str(exc))
        return ArticleOutcome(name, problem=Problem(shown, first.line, first.column,
                                                    f"skipped: {first.message}"))
    except OSError as exc:
        return ArticleOutcome(name, problem=Problem(shown, None, None, f"skipped: cannot read it ({exc.strerror or exc})"))
    except Exception as exc:  # noqa: BLE001 - one odd article must not stop the other thousand
        return ArticleOutcome(name, problem=Problem(shown, None, None, f"skipped: extraction failed "
                                                    f"({type(exc).__name__}: {exc}); please report this article"))
    if extraction.event is None:  # read fine but reports nothing: say so rather than leave it out silently
        reason = "; ".join(extraction.problems or []) or "no event found"
        return ArticleOutcome(name, problem=Problem(shown, None, None, f"skipped: no event found ({reason}); "
                                                    "if it reports one, add it with `timeline new`"))
    return ArticleOutcome(name, extraction.event, list(extraction.people or []))


_WORKER_PEOPLE: PeopleRegistry | None = None
_WORKER_KINDS: tuple[str, ...] = DEFAULT_KINDS


def _init_worker(people: PeopleRegistry, kinds: tuple[str, ...] = DEFAULT_KINDS) -> None:
    """Once per worker: keep the registry (pickled once, not per chunk); build the gazetteer unless the
    forkserver already did (ingest_preload), so no chunk pays for it."""
    global _WORKER_PEOPLE, _WORKER_KINDS
    _WORKER_PEOPLE, _WORKER_KINDS = people, kinds
    load_extractor()
    try:
        from .extract.places import gazetteer
    except ImportError:
        return
    gazetteer()


def _extract_chunk(items: list[tuple[str, str, str]]) -> list[ArticleOutcome]:
    assert _WORKER_PEOPLE is not None
    return [extract_one(Path(path), name, shown, _WORKER_PEOPLE, _WORKER_KINDS) for path, name, shown in items]


class _Progress:
    """`ingest [#####-----] 12/40` on stderr, redrawn in place; nothing when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done = total, 0
        self.enabled = enabled and total > PROGRESS_ABOVE and sys.stderr.isatty()

    def advance(self, count: int) -> None:
        self.done += count
        if self.enabled:
            filled = 30 * self.done // self.total
            sys.stderr.write(f"\ringest [{'#' * filled}{'-' * (30 - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def worker_count(jobs: int, items: int, inline_below: int = INLINE_BELOW) -> int:
    """How many worker processes `items` articles deserve: 0 (work inline) for a handful, else `jobs` or every core."""
    workers = min(jobs or os.cpu_count() or 1, items)
    return 0 if workers <= 1 or items < inline_below else workers


@contextmanager
def worker_pool(workers: int, people: PeopleRegistry,
                kinds: tuple[str, ...] = DEFAULT_KINDS) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes for extraction (and then for rendering stubs), or None to work inline."""
    if workers <= 1:
        yield None
        return
    load_extractor()  # fail here with a clear message, not once per worker
    # forkserver: forking a process that may hold threads (or a pytest run) is unsafe. Its server imports
    # the extractor and warms it up once, so each worker starts ready (ignored if the server runs already).
    context = get_context("forkserver") if sys.platform.startswith("linux") else None
    if context is not None:
        context.set_forkserver_preload(list(WORKER_MODULES))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(people, kinds)) as pool:
        yield pool


def extract_all(items: list[tuple[Path, str, str]], people: PeopleRegistry, jobs: int = 0, progress: bool = False,
                inline_below: int = INLINE_BELOW, while_waiting: Callable[[], None] | None = None,
                pool: ProcessPoolExecutor | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS) -> list[ArticleOutcome]:
    """Extract (path, name, shown) items on every core (or in `pool`); results sorted by article name.

    `while_waiting` runs in this process once the work is handed to the workers: setup the later
    stages need anyway costs no wall time there.
    """
    if pool is None:
        workers = worker_count(jobs, len(items), inline_below)
        if workers:
            with worker_pool(workers, people, kinds) as own:
                return extract_all(items, people, jobs, progress, inline_below, while_waiting, own, kinds)
    bar = _Progress(len(items), progress)
    outcomes: list[ArticleOutcome] = []
    if pool is None:
        for path, name, shown in items:
            outcomes.append(extract_one(path, name, shown, people, kinds))
            bar.advance(1)
    else:
        workers = max(2, worker_count(jobs, len(items), 0))
        size = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
        chunks = [[(str(p), n, s) for p, n, s in items[i:i + size]] for i in range(0, len(items), size)]
        futures = [pool.submit(_extract_chunk, chunk) for chunk in chunks]
        if while_waiting is not None:
            while_waiting()
        for future in as_completed(futures):
            result = future.result()
            outcomes.extend(result)
            bar.advance(len(result))
    bar.close()
    return sorted(outcomes, key=lambda o: o.name)


# --- stub files -----------------------------------------------------------------------------------


def _digest(schema_line: str, body: str) -> str:
    return hashlib.sha256(f"{schema_line}\n{body}".encode()).hexdigest()


def render_stub(event: Event, body: str | None = None) -> str:
    """The stub file text: schema line, ingest hash line, then the event in the documented key order.

    `body` is the event's YAML when the caller already dumped it (see `normalise_event`).
    """
    body = body if body is not None else dump_yaml(event.to_yaml())
    return f"{SCHEMA_LINE}\n{INGEST_LINE.format(_digest(SCHEMA_LINE, body))}\n{body}"


def is_ingest_owned(text: str) -> bool:
    """True when the file is exactly what ingest wrote: its recorded hash still matches its bytes."""
    lines = text.split("\n", 2)
    if len(lines) < 3 or lines[0] != SCHEMA_LINE:
        return False
    match = _INGEST_LINE.match(lines[1])
    return bool(match) and match.group(1) == _digest(lines[0], lines[2]) and lines[1] == INGEST_LINE.format(match.group(1))


def normalise_event(event: Event, config: Config, problems: Problems,
                    rendered: dict[str, str] | None = None) -> Event:
    """The event exactly as it will read back from its file, so a second run compares equal to the first.

    When the event reads back unchanged, its YAML goes into `rendered` (by id) so that writing it does
    not dump it a second time.
    """
    if event.kind not in config.kinds:
        event.review.notes.setdefault("kind", f'extraction guessed "{event.kind}", which is not a configured kind')
        event.kind = "other"
        if "kind" not in event.review.needs:
            event.review.needs.append("kind")
    shown = f"content/events/{event.id}.yaml"
    local = Problems()
    data = event.to_yaml()
    body = dump_yaml(data)
    parsed = parse_event(parse_yaml(body, shown), shown, local, config.kinds)
    for problem in local.items:
        problems.warning(problem.path, problem.line, f"{problem.message} (in the generated stub; fix it by hand)")
    if rendered is not None and parsed is not None and parsed.to_yaml() == data:
        rendered[event.id] = body  # the dump depends only on to_yaml(): the same data gives the same text
    return parsed or event


def append_sources(text: str, sources: list[Source]) -> str | None:
    """`text` with `sources` added at the end of its `sources:` list, every other byte unchanged.

    ruamel.yaml's round-trip parser finds where the list ends and checks the result, but the new
    items are spliced in as text: a full round-trip dump would re-wrap long lines and rewrite `null`,
    and an editor's file must not change beyond the lines added. None when the list cannot be found
    in block style (then the table tells the editor what to add).
    """
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except YAMLError:
        return None
    if not isinstance(data, CommentedMap) or not isinstance(data.get("sources"), CommentedSeq):
        return None
    existing = data["sources"]
    if not existing or existing.fa.flow_style():
        return None
    lines = text.splitlines(keepends=True)
    keys = list(data.keys())
    position = keys.index("sources")
    end = data.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and column-0 comments before the next key belong to that key
    item_line, item_col = existing.lc.item(0)
    dash = lines[item_line].rfind("-", 0, item_col + 1)
    if dash < 0:
        return None
    block = dump_yaml([s.to_yaml() for s in sources])
    block = "".join(" " * dash + line if line.strip() else line for line in block.splitlines(keepends=True))
    head = "".join(lines[:end])
    if head and not head.endswith("\n"):
        head += "\n"
    result = head + block + "".join(lines[end:])
    try:
        check = yaml.load(result)
    except YAMLError:
        return None
    added = check.get("sources") if isinstance(check, CommentedMap) else None
    if not isinstance(added, list) or len(added) != len(existing) + len(sources) or list(check.keys()) != keys:
        return None
    return result


# --- the run --------------------------------------------------------------------------------------


@dataclass
class FileChange:
    """What happened to one event file."""

    event_id: str
    path: str
    detail: str = ""


@dataclass
class IngestReport:
    """What ingest did, for the summary table and for tests."""

    articles: int = 0
    created: list[FileChange] = field(default_factory=list)
    updated: list[FileChange] = field(default_factory=list)
    unchanged: list[FileChange] = field(default_factory=list)
    skipped: list[FileChange] = field(default_factory=list)  # editor-edited; new evidence reported
    needs_review: list[str] = field(default_factory=list)
    unreadable: list[Problem] = field(default_factory=list)
    warnings: Problems = field(default_factory=Problems)
    people: PeopleChanges = field(default_factory=PeopleChanges)
    imported: list[str] = field(default_factory=list)
    dismissed: list[FileChange] = field(default_factory=list)  # logged articles whose stub an editor deleted
    renamed: list[FileChange] = field(default_factory=list)  # same bytes as a logged article under a new name
    already_cited: int = 0  # unchanged articles cited only by editors' events: not read again
    suggestions: list[str] = field(default_factory=list)  # facts for editors' files, to apply by hand
    comparisons: int = 0

    @property
    def failed(self) -> bool:
        """True when articles were given and not one could be used (exit 1).

        A run that processed some articles and skipped others succeeded at what it could do: it exits 0
        and lists each skipped file with its reason, so a batch with one broken file does not look failed
        to a script while the editor still sees what to fix.
        """
        return bool(self.unreadable) and len(self.unreadable) >= self.articles

    def table(self) -> str:
        """The summary printed after a run: one row per outcome, with the files concerned."""
        severity = "error" if self.failed else "warning"
        lines = [str(replace(p, severity=severity)) for p in self.unreadable]
        lines += [str(p) for p in self.warnings.sorted()]
        if self.unreadable:
            lines.append(f"{len(self.unreadable)} article(s) skipped"
                         + ("; nothing was ingested" if self.failed else "; the others were ingested"))
        lines.append(f"ingest: {self.articles} article(s)")

        def row(label: str, items: list[FileChange] | list[str]) -> None:
            lines.append(f"  {label:<26}{len(items):>4}")
            for item in items[:50]:
                if isinstance(item, FileChange):
                    lines.append(f"      {item.path}" + (f"  ({item.detail})" if item.detail else ""))
                else:
                    lines.append(f"      {item}")
            if len(items) > 50:
                lines.append(f"      ... and {len(items) - 50} more")

        row("created", self.created)
        row("updated", self.updated)
        lines.append(f"  {'unchanged':<26}{len(self.unchanged):>4}")
        row("skipped (editor-edited)", self.skipped)
        lines.append(f"  {'needs review':<26}{len(self.needs_review):>4}")
        row("unreadable", [p.location() for p in self.unreadable])
        if self.dismissed:
            row("dismissed by editor", self.dismissed)
        if self.renamed:
            row("renamed or copied", self.renamed)
        if self.suggestions:
            row("suggestions (by hand)", self.suggestions)
        if self.already_cited:
            lines.append(f"  {'already in edited events':<26}{self.already_cited:>4}  (unchanged; not read again)")
        if self.imported:
            row("imported articles", self.imported)
        lines.append(f"people: {len(self.people.added)} added, {len(self.people.aliases)} new alias(es)"
                     + (" (content/people.yaml)" if self.people else ""))
        return "\n".join(lines)


@dataclass
class _Plan:
    """Everything decided before the first write."""

    clusters: list[Cluster]
    outcomes: list[ArticleOutcome]
    people: PeopleChanges
    links: Links
    comparisons: int
    rendered: dict[str, str] = field(default_factory=dict)  # event id -> its YAML, dumped once


def _assemble(outcomes: list[ArticleOutcome], existing: list[Event], locked: set[str], config: Config,
              people: PeopleRegistry, problems: Problems, pool: ProcessPoolExecutor | None = None) -> _Plan:
    """Registry updates, merging, ids and links: the pure middle of ingest and extract."""
    reports = [o.event for o in outcomes if o.event is not None]
    mentions = [m for o in outcomes for m in o.people]
    changes = update_people(people, mentions, reports)
    result = merge_same_event(reports, existing, locked)
    assign_ids(result, {e.id for e in existing})
    open_ids = {c.event.id for c in result.clusters if not c.locked}
    links = link_events([c.event for c in result.clusters], config, people, only=open_ids)
    for cluster in result.clusters:
        if cluster.locked:
            continue
        event = cluster.event
        suggestions = links.threads.get(event.id, [])
        event.threads = [s.thread for s in suggestions]
        if suggestions:
            event.review.notes["threads"] = "; ".join(f"{s.thread}: {s.reason}" for s in suggestions)
        else:
            event.review.notes.pop("threads", None)
        event.related = links.related.get(event.id, [])
        for index, target in links.mentions.get(event.id, {}).items():
            event.mentions[index].event = target
        inferred = links.inferred.get(event.id, {})
        for index, month in sorted(inferred.items()):
            mention = event.mentions[index]
            mention.date = parse_date_spec(month)
            event.review.notes["mentions"] = "; ".join(
                f'"{event.mentions[i].quote or event.mentions[i].summary}" linked to {event.mentions[i].event} '
                f"by participants; year inferred ({m}): check it" for i, m in sorted(inferred.items()))
            if "mentions" not in event.review.needs:
                event.review.needs.append("mentions")
    rendered: dict[str, str] = {}
    todo = [c for c in result.clusters if not c.locked]
    for cluster, (event, body, found) in zip(todo, normalise_all([c.event for c in todo], config, pool), strict=True):
        cluster.event = event
        if body is not None:
            rendered[event.id] = body
        if cluster.articles or not cluster.existing:  # an untouched old stub's problems are not news
            problems.extend(found)
    return _Plan(result.clusters, outcomes, changes, links, result.comparisons + links.comparisons, rendered)


NORMALISE_IN_POOL_FROM = 200  # fewer events than this are rendered here: shipping them costs more


def _normalise_chunk(events: list[Event], config: Config) -> list[tuple[Event, str | None, list[Problem]]]:
    results = []
    for event in events:
        problems: Problems = Problems()
        rendered: dict[str, str] = {}
        normalised = normalise_event(event, config, problems, rendered)
        results.append((normalised, rendered.get(normalised.id), problems.items))
    return results


def normalise_all(events: list[Event], config: Config, pool: ProcessPoolExecutor | None = None
                  ) -> list[tuple[Event, str | None, list[Problem]]]:
    """`normalise_event` for each event, in order: (event as it reads back, its YAML or None, its warnings).

    Dumping and re-reading each stub is the largest serial cost after extraction, so with workers at
    hand (a big ingest) it runs there, in chunks.
    """
    if pool is None or len(events) < NORMALISE_IN_POOL_FROM:
        return _normalise_chunk(events, config)
    size = max(1, len(events) // (4 * CHUNKS_PER_WORKER))
    futures = [pool.submit(_normalise_chunk, events[i:i + size], config) for i in range(0, len(events), size)]
    return [item for future in futures for item in future.result()]


def _article_items(project: Project, paths: list[Path] | None, articles: list[str]
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


def _edited_ids(project: Project, events: Iterable[Event]) -> tuple[set[str], dict[str, str]]:
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


def update_log(log: IngestLog, selection: Selection, outcomes: list[ArticleOutcome], cited: dict[str, str]) -> None:
    """Record what this run read and where each article now is; mark dismissals; follow renames."""
    for outcome in outcomes:
        sha = selection.hashes.get(outcome.name)
        if outcome.problem is None and sha is not None:
            log.entries[outcome.name] = LogEntry(sha, cited.get(outcome.name))
    for name in selection.dismissed_names:
        log.entries[name].dismissed = True
    for old, new in selection.moves.items():
        entry = log.entries.pop(old)
        entry.event = cited.get(new, cited.get(old, entry.event))
        log.entries[new] = entry


def _follow_renames(events: list[Event], locked: set[str], moves: dict[str, str], report: IngestReport) -> None:
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


def run_ingest(content: Content, paths: list[Path] | None, jobs: int = 0, progress: bool = True) -> IngestReport:
    """Turn articles into draft stubs in content/events/ and registry updates in content/people.yaml."""
    project = content.project
    with project_lock(project, "ingest"):
        items, outside = _article_items(project, paths, content.articles)
        report = IngestReport(articles=len(items))
        log_path = project.content_dir / LOG_NAME
        log = read_ingest_log(log_path, project.relative(log_path))
        locked, texts = _edited_ids(project, content.events)
        selection = select_articles(items, log, content.events, locked, content.articles, explicit=paths is not None)
        report.dismissed, report.renamed, report.already_cited = (selection.dismissed, selection.renamed,
                                                                  selection.already_cited)
        _follow_renames(content.events, locked, selection.moves, report)
        workers = worker_count(jobs, len(selection.extract))
        with worker_pool(workers, content.people, content.config.kinds) as pool:
            outcomes = extract_all(selection.extract, content.people, jobs, progress, while_waiting=warm_place_tables,
                                   pool=pool, kinds=content.config.kinds)
            report.unreadable = [o.problem for o in outcomes if o.problem is not None]
            plan = _assemble(outcomes, content.events, locked, content.config, content.people, report.warnings, pool)
        report.people = plan.people
        report.comparisons = plan.comparisons
        # Writing starts here: articles brought in from outside, then people, then events.
        for outcome in outcomes:
            if outcome.problem is None and outcome.name in outside:
                target = project.articles_dir / outcome.name
                if not target.exists():
                    write_bytes_atomic(target, outside[outcome.name].read_bytes())  # whole, or not at all
                    report.imported.append(project.relative(target))
        write_people(project.people_path, plan.people, project.relative(project.people_path))
        schema = project.content_dir / "event.schema.json"
        if not schema.exists():
            write_bytes_atomic(schema, SCHEMA_SOURCE.read_bytes())
        cited: dict[str, str] = {}
        writes: list[tuple[Path, bytes]] = []
        for cluster in plan.clusters:
            added, write = _plan_write(project, cluster, texts.get(cluster.event.id), report, plan.rendered)
            if write is not None:
                writes.append(write)
            for source in [*cluster.event.sources, *added]:
                if source.article:
                    cited.setdefault(source.article, cluster.event.id)
        write_files(writes)
        update_log(log, selection, outcomes, cited)
        write_ingest_log(log_path, log)
        new = [s for c in plan.clusters if c.locked for s in c.suggestions]
        paths = {e.id: e.path or project.relative(project.event_path(e.id)) for e in content.events}
        pending = pending_suggestions(project.state_dir, content.events, new)
        report.suggestions = [s.message(paths.get(s.event_id, s.event_id)) for s in pending]
        save_suggestions(project.state_dir, pending, paths)
    return report


def _plan_write(project: Project, cluster: Cluster, current: str | None, report: IngestReport,
                rendered: dict[str, str]) -> tuple[list[Source], tuple[Path, bytes] | None]:
    """Decide what happens to one event file: (sources appended to an editor's file, the write to do or None)."""
    event = cluster.event
    path = project.event_path(event.id)
    change = FileChange(event.id, project.relative(path))
    if cluster.locked:
        if not cluster.new_sources:
            if cluster.articles:
                report.unchanged.append(change)
            return [], None
        names = ", ".join(s.article or s.url or "?" for s in cluster.new_sources)
        updated = append_sources(current, cluster.new_sources) if current is not None else None
        if updated is None:
            change.detail = (f"new evidence reported: add {names} under sources: by hand "
                             "(this file's sources list could not be extended safely)")
            report.skipped.append(change)
            return [], None
        change.detail = f"edited by an editor; new source appended: {names}"
        report.updated.append(change)
        return cluster.new_sources, (path, updated.encode("utf-8"))
    text = render_stub(event, rendered.get(event.id))
    if event.review.needs:
        report.needs_review.append(event.id)
    if current is None:
        report.created.append(change)
    elif text != current:
        change.detail = "regenerated with new evidence"
        report.updated.append(change)
    else:
        if cluster.articles:
            report.unchanged.append(change)
        return [], None
    return [], (path, text.encode("utf-8"))


WRITE_THREADS = 8  # each atomic write waits on fsync, which releases the GIL: overlap the waits


def write_files(writes: list[tuple[Path, bytes]]) -> None:
    """Write each (path, bytes) atomically, several at a time; the first error is raised after all finished."""
    if len(writes) < 2:
        for path, data in writes:
            write_bytes_atomic(path, data)
        return
    with ThreadPoolExecutor(min(WRITE_THREADS, len(writes))) as pool:
        # Each write runs in a copy of this context, so a surrounding write batch (atomic_write) still applies.
        futures = [pool.submit(contextvars.copy_context().run, write_bytes_atomic, path, data) for path, data in writes]
        for future in futures:
            future.result()


# --- `timeline extract` ---------------------------------------------------------------------------


@dataclass
class ExtractResult:
    """Events extracted (and merged) from the given files, nothing written."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def events_json(self) -> list[dict[str, Any]]:
        """The events as JSON-ready objects in the event-file format (review block included)."""
        return [plain(e.to_yaml()) for e in self.events]


def extract_events(paths: list[Path], project_dir: Path) -> ExtractResult:
    """Extract, merge and link events from `paths` as ingest would, using the project's registry and events."""
    project = Project(project_dir)
    if project.content_dir.is_dir():
        content = load_content(project)
        config, people, existing = content.config, content.people, content.events
        articles = content.articles
    else:
        config, people, existing, articles = Config(), PeopleRegistry(), [], []
    items, _ = _article_items(project, paths, articles)
    outcomes = extract_all(items, people, jobs=0, progress=False, kinds=config.kinds)
    problems = Problems()
    # Nothing is written, so existing events may take new sources in memory to show the merged result.
    plan = _assemble(outcomes, existing, set(), config, people, problems)
    events = [c.event for c in plan.clusters if c.articles]
    return ExtractResult(events, [o.problem for o in outcomes if o.problem is not None] + problems.items)
