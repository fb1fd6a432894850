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

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, Problems
from ..files.atomic_write import write_bytes_atomic
from ..files.project_lock import project_lock
from ..load.config import Config
from ..load.content import Content, Project, load_content
from ..load.model import Event
from ..load.people import PeopleRegistry
from ..load.yaml_source import plain
from ..partial_date import parse_date_spec
from .ingest_log import LOG_NAME, read_ingest_log, write_ingest_log
from .linking import Links, link_events
from .merge import OFFERED, Cluster, Suggestion, assign_ids, merge_same_event
from .people_match import NameForm, name_form
from .people_writer import PeopleChanges, update_people, write_people
from .place_match import warm_place_tables
from .report import IngestReport
from .same_event import Context
from .selection import article_items, edited_ids, follow_renames, note_splits, select_articles, split_apart, update_log
from .stub_file import SCHEMA_SOURCE
from .suggestions import pending_suggestions, save_suggestions
from .workers import ArticleOutcome, extract_all, normalise_all, worker_count, worker_pool
from .write_plan import plan_write, write_files


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
              people: PeopleRegistry, problems: Problems, pool: ProcessPoolExecutor | None = None,
              apart: dict[str, set[str]] | None = None) -> _Plan:
    """Registry updates, merging, ids and links: the pure middle of ingest and extract."""
    reports = [o.event for o in outcomes if o.event is not None]
    mentions = [m for o in outcomes for m in o.people]
    changes = update_people(people, mentions, reports)
    context = Context(named_people(outcomes, people), people, {o.name: o.passages for o in outcomes if o.passages})
    result = merge_same_event(reports, existing, locked, context, apart)
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


def named_people(outcomes: list[ArticleOutcome], people: PeopleRegistry) -> dict[str, list[NameForm]]:
    """Article -> everyone it names, participant or not: a person one report leaves out of the participants
    may still show that it reports the same happening as another."""
    named: dict[str, list[NameForm]] = {}
    for outcome in outcomes:
        forms = []
        for mention in outcome.people:
            name = (getattr(mention, "name", None) or "").strip()
            if name:
                person = people.find(name)
                forms.append(name_form(name, person.id if person else ""))
        named[outcome.name] = forms
    return named


def run_ingest(content: Content, paths: list[Path] | None, jobs: int = 0, progress: bool = True) -> IngestReport:
    """Turn articles into draft stubs in content/events/ and registry updates in content/people.yaml."""
    project = content.project
    with project_lock(project, "ingest"):
        items, outside = article_items(project, paths, content.articles)
        report = IngestReport(articles=len(items))
        log_path = project.content_dir / LOG_NAME
        log = read_ingest_log(log_path, project.relative(log_path))
        locked, texts = edited_ids(project, content.events)
        report.split = note_splits(log, content.events)
        apart = split_apart(log, content.events)
        selection = select_articles(items, log, content.events, locked, content.articles, explicit=paths is not None)
        report.dismissed, report.renamed, report.already_cited = (selection.dismissed, selection.renamed,
                                                                  selection.already_cited)
        follow_renames(content.events, locked, selection.moves, report)
        workers = worker_count(jobs, len(selection.extract))
        with worker_pool(workers, content.people, content.config.kinds) as pool:
            outcomes = extract_all(selection.extract, content.people, jobs, progress, while_waiting=warm_place_tables,
                                   pool=pool, kinds=content.config.kinds)
            report.unreadable = [o.problem for o in outcomes if o.problem is not None]
            plan = _assemble(outcomes, content.events, locked, content.config, content.people, report.warnings, pool,
                             apart)
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
            added, write = plan_write(project, cluster, texts.get(cluster.event.id), report, plan.rendered)
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
        pending = pending_suggestions(project.state_dir, [c.event for c in plan.clusters], new)
        report.suggestions = [s.message(paths.get(s.event_id, s.event_id)) for s in pending if s.field != OFFERED]
        report.offered = [s.message(paths.get(s.event_id, s.event_id)) for s in pending if s.field == OFFERED]
        save_suggestions(project.state_dir, pending, paths)
        report.needs_review = events_needing_review(content.events, plan.clusters, pending)
    return report


def events_needing_review(before: list[Event], clusters: list[Cluster], pending: list[Suggestion]) -> list[str]:
    """The ids of the events `timeline review` lists after the run (drafts, flags, thin sourcing, suggestions):
    every event as this run leaves it."""
    from ..review import event_review_items

    events = {event.id: event for event in before}
    events.update((cluster.event.id, cluster.event) for cluster in clusters)
    listed = {event.id for event in events.values() if event_review_items(event)}
    return sorted(listed | {suggestion.event_id for suggestion in pending})


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
    items, _ = article_items(project, paths, articles)
    outcomes = extract_all(items, people, jobs=0, progress=False, kinds=config.kinds)
    problems = Problems()
    # Nothing is written, so existing events may take new sources in memory to show the merged result.
    plan = _assemble(outcomes, existing, set(), config, people, problems)
    events = [c.event for c in plan.clusters if c.articles]
    return ExtractResult(events, [o.problem for o in outcomes if o.problem is not None] + problems.items)
