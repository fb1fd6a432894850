"""The load stage: find a project's files, read config, people and events, and check they fit together.

`load_content` reads everything and validates it before anything is written (see STYLE.md: load
everything, then write). `timeline check` is this stage alone; `build` and `ingest` start with it.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ContentError, Problems, did_you_mean
from ..markdown import summary_plain_text
from ..slugs import UNDATED_PREFIX, unique_id
from ..speed.parse_cache import ParseCache
from .config import Config, parse_config
from .model import Event, is_valid_id, parse_event, text_values
from .people import PeopleRegistry, name_key, parse_people
from .yaml_mistakes import comment_after_plain_value
from .yaml_source import parse_yaml_source, read_yaml

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Project:
    """Where a project's files live, relative to its root folder."""

    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_path(self) -> Path:
        return self.content_dir / "timeline.yaml"

    @property
    def people_path(self) -> Path:
        return self.content_dir / "people.yaml"

    @property
    def articles_dir(self) -> Path:
        return self.content_dir / "articles"

    @property
    def events_dir(self) -> Path:
        return self.content_dir / "events"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def state_dir(self) -> Path:
        """Caches and locks; never committed."""
        return self.root / ".timeline"

    def relative(self, path: Path) -> str:
        """`path` relative to the project root with forward slashes, for messages and links."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def event_path(self, event_id: str) -> Path:
        if not is_valid_id(event_id):
            raise ValueError(f"not a valid event id: {event_id!r}")
        return self.events_dir / f"{event_id}.yaml"

    def article_path(self, name: str) -> Path | None:
        """The file an event's `sources[].article` names, or None when the name leaves the articles folder."""
        if not is_safe_relative_path(name):
            return None
        return self.articles_dir / PurePosixPath(name)


_CONTROL_CHAR = re.compile(r"[\x00-\x1f\x7f]")


def is_safe_relative_path(name: str) -> bool:
    """A relative POSIX path with no `..`, no drive, no control characters: safe to join to a folder."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    # (A `.` part is harmless: joining skips it. Checked with a pattern and a split rather than character by
    # character and with a path object: every file a build writes is checked.)
    return not _CONTROL_CHAR.search(name) and ".." not in name.split("/") and len(name) <= 255


@dataclass
class Content:
    """Everything a project holds, validated and linked, ready for the stages that write."""

    project: Project
    config: Config
    people: PeopleRegistry
    events: list[Event]  # sorted chronologically
    articles: list[str]  # file names under content/articles/, sorted
    problems: Problems = field(default_factory=Problems)
    # Event file path (as in Event.path) -> a digest that stands for what it parsed to (of its bytes, path and the
    # kinds allowed, see ParseCache.digest), from the parse cache; empty when the cache is off. The incremental
    # build re-renders only pages whose events' digests changed.
    digests: dict[str, bytes] = field(default_factory=dict)

    def event(self, event_id: str) -> Event | None:
        return self._by_id.get(event_id)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.events}


def _event_files(project: Project) -> list[tuple[str, str, bool]]:
    """(name, path, is a symlink) of each event file (`.yaml` or `.yml`, not hidden), by name; without a Path
    object or an lstat call per file, which add up when every file comes from the parse cache."""
    try:
        with os.scandir(project.events_dir) as entries:
            found = [(entry.name, entry.path, entry.is_symlink()) for entry in entries
                     if entry.name.endswith((".yaml", ".yml")) and not entry.name.startswith(".")]
    except OSError:  # no events folder (or not a folder): no events
        return []
    return sorted(found)


def list_articles(project: Project) -> list[str]:
    """Article file names under content/articles/ (subfolders allowed), sorted."""
    root = project.articles_dir
    if not root.is_dir():
        return []
    names = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith(".") or not filename.lower().endswith(ARTICLE_SUFFIXES):
                continue
            names.append((Path(dirpath) / filename).relative_to(root).as_posix())
    return sorted(names)


def parse_event_source(raw: bytes, shown: str, problems: Problems, kinds: tuple[str, ...]) -> Event | None:
    """Parse and validate one event file's bytes (the parse cache reads them, see speed/parse_cache.py); its own
    problems (not cross-file ones) go to `problems`."""
    try:
        data = parse_yaml_source(raw, shown)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    if b" #" in raw or b"	#" in raw:
        _check_comments_after_text(raw, data, shown, problems)
    # Item positions are only needed for the rare cross-file problem, and were much of a cached event's
    # memory: `check_references` reads them again from the file when it needs them.
    event = parse_event(data, shown, problems, kinds, item_marks=False)
    if event is not None:
        # The summary's words, worked out here so that the parse cache keeps them: the cards, feeds and search
        # of every build need them for every event.
        event.summary_plain = (event.summary, summary_plain_text(event.summary))
    return event


def _check_comments_after_text(raw: bytes, data: Any, shown: str, problems: Problems) -> None:
    """Warn where a `#` comment cuts an unquoted text value short (`title: Talks #2` is the title "Talks")."""
    lines = raw.decode("utf-8", "replace").split("\n")
    for label, text, (line, column) in text_values(data):
        comment = comment_after_plain_value(lines[line - 1], column, text) if line <= len(lines) else None
        if comment is not None:
            written = lines[line - 1][column - 1:].rstrip()
            problems.warning(shown, line, f'{label} reads "{text}": the "{written[comment - column:]}" after it is '
                             f"a YAML comment and is left out; to keep it, put the value in quotes: "
                             f"{json.dumps(written, ensure_ascii=False)}", comment)


def _read_optional_yaml(path: Path, shown: str, problems: Problems) -> object:
    if not path.exists():
        return None
    try:
        return read_yaml(path, shown)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None


def load_content(project: Project, file_stats: dict[str, tuple[int, int]] | None = None) -> Content:
    """Read and validate the whole project. Problems are collected in `content.problems`, never raised.

    `file_stats`: (size, mtime_ns) of files by path, from a walk made just before (see ParseCache.known_stats).
    """
    problems = Problems()
    if not project.content_dir.is_dir():
        problems.error(str(project.content_dir), None,
                       "no content/ folder here; run in a timeline project, pass -C DIR, or create one with `timeline init DIR`")
    # Unchanged files come from the parse cache with the problems they had (see speed/parse_cache.py).
    with ParseCache.open(project.state_dir) as cache:
        cache.known_stats = file_stats or {}
        config_shown = project.relative(project.config_path)
        config = cache.parse(project.config_path, config_shown, None, problems, lambda own: parse_config(
            _read_optional_yaml(project.config_path, config_shown, own), config_shown, own))
        people_shown = project.relative(project.people_path)
        people: PeopleRegistry | None = None

        def read_people() -> None:  # while the event files are parsed, on the other cores
            nonlocal people
            people = cache.parse(project.people_path, people_shown, None, problems, lambda own: parse_people(
                _read_optional_yaml(project.people_path, people_shown, own), people_shown, own))

        events = []
        digests: dict[str, bytes] = {}
        # Resolving every path is slow on a big project; symlinks still take the slow, exact path.
        events_shown = project.relative(project.events_dir)
        fast_shown = not PurePosixPath(events_shown).is_absolute()
        # Parse every valid file first (cached or on all cores), then report in file order as before.
        checked: list[tuple[str, str, str | None]] = []
        for name, path, is_symlink in _event_files(project):
            shown = f"{events_shown}/{name}" if fast_shown and not is_symlink else project.relative(Path(path))
            if name.endswith(".yml"):
                checked.append((path, shown, f"event files end in .yaml; rename it to {name[:-4]}.yaml"))
            elif not is_valid_id(name[:-5]):
                checked.append((path, shown, f'"{name}" is not a valid event file name; use a lowercase slug '
                                "(a-z, 0-9, hyphens) ending in .yaml"))
            else:
                checked.append((path, shown, None))
        parsed = iter(cache.parse_many([(path, shown) for path, shown, error in checked if error is None],
                                       config.kinds, partial(parse_event_source, kinds=config.kinds),
                                       meanwhile=read_people))
        for _path, shown, error in checked:
            if error is not None:
                problems.error(shown, None, error)
                continue
            event, own = next(parsed)
            problems.extend(own)
            if event is not None:
                events.append(event)
                digest = cache.digest(shown)
                if digest is not None:
                    digests[shown] = digest
    assert people is not None  # parse_many calls read_people, whatever it parses
    articles = list_articles(project)
    events.sort(key=Event.sort_key)
    content = Content(project, config, people, events, articles, problems, digests)
    check_references(content)
    return content


def _file_stem(path: str) -> str:
    """`PurePosixPath(path).stem`, without building a path object for each event."""
    name = path.rpartition("/")[2]
    if name in ("", ".", ".."):
        return PurePosixPath(path).stem
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _line(event: Event, key: str) -> int | None:
    return event.lines.get(key)


def _item_marks(content: Content, event: Event) -> dict[str, tuple[int, int]]:
    """The event's item positions (Event.marks), read again from its file: loading drops them to save memory."""
    if event.marks or not event.path:
        return event.marks
    path = Path(event.path)
    try:
        data = read_yaml(path if path.is_absolute() else content.project.root / path, event.path)
    except ContentError:
        return {}
    reread = parse_event(data, event.path, Problems(), content.config.kinds)
    event.marks = reread.marks if reread is not None else {}
    return event.marks


def _where(content: Content, event: Event, *keys: str) -> tuple[int | None, int | None]:
    """(line, column) of the first of `keys` ("related.0.id", "related.0") the event recorded, else the line of
    the top-level key, so a message points at the item at fault rather than at the list it is in."""
    marks = _item_marks(content, event)
    for key in keys:
        if key in marks:
            return marks[key]
    return event.lines.get(keys[0].split(".")[0]), None


def check_references(content: Content) -> None:
    """Cross-file rules: ids match file names and are unique; links, threads and articles exist."""
    problems = content.problems
    by_id: dict[str, Event] = {}
    thread_ids = {t.id for t in content.config.threads}
    articles = set(content.articles)
    for event in content.events:
        path = event.path or ""
        stem = _file_stem(path)
        if event.id and event.id != stem:
            problems.error(path, _line(event, "id"), f'id "{event.id}" does not match the file name; '
                           f'set `id: {stem}` or rename the file to {event.id}.yaml')
        if not event.id:
            continue  # a missing or unusable id is reported by the model; two of them are not "duplicates"
        if event.id in by_id:
            other = by_id[event.id]
            problems.error(path, _line(event, "id"), f'duplicate id "{event.id}", also used by {other.path}; '
                           "give each event its own id")
        else:
            by_id[event.id] = event
    all_ids = set(by_id)
    safe_articles = {name for name in articles if is_safe_relative_path(name)}
    person_ids = {person.id for person in content.people}
    events = content.events
    # Each kind of reference is looked through event by event only when one pass over all of them finds a
    # problem: on a clean project that skips most of this function (much of loading cached events),
    # and every event's messages still come out in the same order.
    # (map and attrgetter walk the items in C: a generator expression took longer than the loop it saves.)
    def all_items(name: str) -> Iterator[Any]:
        return chain.from_iterable(map(attrgetter(name), events))

    bad_threads = not thread_ids.issuperset(all_items("threads"))
    bad_links = (not all_ids.issuperset(map(attrgetter("id"), all_items("related")))
                 or any(event.id in map(attrgetter("id"), event.related) for event in events))
    bad_mentions = not all_ids.issuperset(filter(None, map(attrgetter("event"), all_items("mentions"))))
    bad_sources = not safe_articles.issuperset(set(map(attrgetter("article"), all_items("sources"))) - {None})
    # The distinct (person, country, name) of every participant are few (one or two per person): one pass gives
    # both the registry links to check and what to compare with the registry (_check_participants_against_registry).
    participants = set(map(attrgetter("person", "country", "name"), all_items("participants")))
    bad_people = not person_ids.issuperset(filter(None, map(itemgetter(0), participants)))
    for event in events:
        path = event.path or ""
        if bad_threads:
            for index, thread in enumerate(event.threads):
                if thread not in thread_ids:
                    hint = did_you_mean(thread, thread_ids) or "; define it under `threads:` in content/timeline.yaml"
                    line, col = _where(content, event, f"threads.{index}")
                    problems.error(path, line, f'thread "{thread}" does not exist{hint}', col)
        if bad_links:
            for index, link in enumerate(event.related):
                if link.id == event.id or link.id not in all_ids:  # positions only for a problem: read again
                    line, col = _where(content, event, f"related.{index}.id", f"related.{index}")
                    if link.id == event.id:
                        problems.error(path, line, "an event cannot be related to itself", col)
                    else:
                        problems.error(path, line, f'related event "{link.id}" does not exist'
                                       f"{_other_event_hint(link.id, event.id, all_ids)}", col)
        if bad_mentions:
            for index, mention in enumerate(event.mentions):
                if mention.event and mention.event not in all_ids:
                    line, col = _where(content, event, f"mentions.{index}.event", f"mentions.{index}")
                    problems.error(path, line, f'mention links to event "{mention.event}", which does not exist'
                                   f"{_other_event_hint(mention.event, event.id, all_ids)}", col)
        if bad_sources:
            _check_sources(content, event, articles, safe_articles)
        if bad_people:
            for index, participant in enumerate(event.participants):
                if participant.person and participant.person not in person_ids:
                    line, col = _where(content, event, f"participants.{index}.person", f"participants.{index}")
                    problems.error(path, line, f'participant "{participant.name}" names person '
                                   f'"{participant.person}", who is not in content/people.yaml'
                                   f"{did_you_mean(participant.person, person_ids)}", col)
        if event.date is not None and event.id.startswith(UNDATED_PREFIX):
            better = unique_id(f"{event.date.start.iso()}-{event.id.removeprefix(UNDATED_PREFIX)}", all_ids)
            problems.warning(path, _line(event, "id"), f'id "{event.id}" says undated, but the event has a date now; '
                             f"rename it with `timeline rename {event.id} {better}`, which updates every reference")
        if event.is_draft:
            problems.warning(path, _line(event, "status"), "draft: not published until an editor sets status: reviewed")
        if event.review.needs:
            problems.warning(path, _line(event, "review"),
                             f"fields flagged for review: {', '.join(event.review.needs)}")
    _check_participants_against_registry(content, participants)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _check_participants_against_registry(content: Content, participants: set[tuple[str | None, str | None, str]]) -> None:
    """Warn where a participant linked to people.yaml (`person:`) disagrees with it on country or name.

    `participants`: the distinct (person, country, name) of all participants; only one that disagrees sends the
    check through the events, to find where it is."""
    people = content.people
    disagreements: dict[tuple[str, str | None, str], list[str]] = {}
    for person_id, country, name in participants:
        person = people.get(person_id) if person_id else None
        if person is None:
            continue  # no link, or a link to no one (an error of its own)
        found = []
        if country and person.country and not _same_text(country, person.country):
            found.append("country")
        if name_key(name) not in {name_key(n) for n in person.names()} and people.find(name) is not person:
            found.append("name")
        if found:
            disagreements[(person_id, country, name)] = found
    if not disagreements:
        return
    registry = content.project.relative(content.project.people_path)
    for event in content.events:
        for index, participant in enumerate(event.participants):
            found = disagreements.get((participant.person, participant.country, participant.name), [])
            if not found:
                continue
            person = people.get(participant.person or "")
            assert person is not None
            where = f"{registry}:{person.line}" if person.line else registry
            for what in found:
                line, col = _where(content, event, f"participants.{index}.{what}", f"participants.{index}")
                if what == "country":
                    message = (f'participant "{participant.name}" has country "{participant.country}", but {where} '
                               f'gives {person.id} "{person.country}"; a person\'s country comes from the person, '
                               "not from where the event was: correct the event or the registry")
                else:
                    message = (f'participant "{participant.name}" is linked to person "{person.id}", whose names in '
                               f"{where} ({'; '.join(person.names())}) do not include it: correct the name or "
                               "`person:`, or add the spelling to the person's aliases")
                content.problems.warning(event.path or "", line, message, col)


_DATE_PREFIX = re.compile(r"^(?:\d{4}(?:-\d{2}){0,2}|undated)-")


def _close_event_id(missing: str, own_id: str, all_ids: set[str]) -> str:
    """` (did you mean "x"?)` for an event id, or "": never the event's own id (a link to itself is never what was
    meant), and only an id whose words are close too, since two ids from the same month share half their letters."""
    words = _DATE_PREFIX.sub("", missing)
    close = [other for other in all_ids - {own_id}
             if difflib.SequenceMatcher(None, words, _DATE_PREFIX.sub("", other)).ratio() >= 0.6]
    return did_you_mean(missing, close)


def _other_event_hint(missing: str, own_id: str, all_ids: set[str]) -> str:
    """A close id, and how to create the event when it is not written yet."""
    hint = _close_event_id(missing, own_id, all_ids)
    if not is_valid_id(missing):
        return hint
    return f'{hint}; if that event is not written yet, create it with `timeline new "Its title" --id {missing}`'


def check_countries(content: Content) -> None:
    """Warn about participants' and people's countries the extractor's country list does not know, with the
    name to write. Run by `timeline check` only: the list takes a tenth of a second to load, and only check
    prints warnings."""
    from .countries import country_advice

    advice: dict[str, str | None] = {}  # a project names a few countries many times

    def advise(value: str) -> str | None:
        if value not in advice:
            advice[value] = country_advice(value)
        return advice[value]

    for event in content.events:
        for index, participant in enumerate(event.participants):
            if participant.country and (message := advise(participant.country)):
                line, col = _where(content, event, f"participants.{index}.country", f"participants.{index}")
                content.problems.warning(event.path or "", line, f'participant "{participant.name}": {message}', col)
    people_path = content.project.relative(content.project.people_path)
    for person in content.people:
        if person.country and (message := advise(person.country)):
            content.problems.warning(people_path, person.line, f'person "{person.id}": {message}')


def _check_sources(content: Content, event: Event, articles: set[str], safe_articles: set[str]) -> None:
    path = event.path or ""
    for index, source in enumerate(event.sources):
        if source.article is None or source.article in safe_articles:
            continue
        safe = is_safe_relative_path(source.article)
        line, col = _where(content, event, f"sources.{index}.article", f"sources.{index}")
        if not safe:
            content.problems.error(path, line, f'source article "{source.article}" must be a path '
                                   "inside content/articles/ (no .., no leading /)", col)
        else:
            content.problems.error(path, line, f'source article "{source.article}" is not in '
                                   f"content/articles/{did_you_mean(source.article, articles)}", col)


def require_clean(content: Content) -> None:
    """Raise ContentError when loading found errors (warnings pass)."""
    if content.problems.errors:
        raise ContentError(content.problems.sorted())

