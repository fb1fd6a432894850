"""`timeline build`: validated Content in, a static site out.

Load-then-write: the view model is built from Content first, every page is rendered from it into a
temporary folder, and only a complete build replaces the previous site (see output.py).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files.project_lock import project_lock
from ..load.content import Content
from ..markdown import summary_plain_text
from ..speed import parallel
from ..speed.incremental import BuildState, Manifest, build_salt, marker_identity, page_keys
from ..speed.page_fragments import KeptOverviews, fragment_global, fragment_of_global
from ..speed.parallel import PageJob, start_page_writers
from ..speed.parse_cache import cache_enabled
from .chronology import build_chronology, split_by_year
from .exports import ExportMemo, render_content_exports, render_site_exports
from .output import MARKER, SiteOutput, check_target
from .overview_svg import OverviewKeeper, render_overview, thread_lanes
from .page_context import Page, page_globals, static_files
from .render import THEME_TEMPLATES, Renderer, compiled_templates_cache
from .urls import SiteUrls
from .view import SiteView, build_view

CARD_PAGES = ("index.html", "year.html", "person.html")  # the pages made of event cards (the `card` macro)
MANY_EVENT_PAGES = ("index.html", "thread.html", "sources.html")  # pages that show (nearly) every event
PAGE_TEMPLATES = ("index.html", "year.html", "event.html", "threads.html", "thread.html", "people.html",
                  "person.html", "sources.html")


@dataclass
class BuildReport:
    """What a build wrote; `summary()` is the one line the CLI prints."""

    out: Path
    pages: int
    files: int
    events_shown: int
    drafts_left_out: int
    include_drafts: bool
    seconds: float
    notes: list[str] = field(default_factory=list)  # from the exports: e.g. why there is no sitemap
    rendered: int = 0  # pages rendered by this build; the others were reused unchanged (incremental.py)

    def summary(self) -> str:
        drafts = ""
        if self.drafts_left_out:
            drafts = (f"; {self.drafts_left_out} draft{'s' if self.drafts_left_out != 1 else ''} left out; "
                      "use --drafts to show them")
        elif self.include_drafts:
            drafts = "; drafts included and marked as unreviewed"
        return (f"Built {self.pages} pages ({self.files} files), {self.events_shown} event"
                f"{'s' if self.events_shown != 1 else ''} shown{drafts}, into {self.out} in {self.seconds:.2f}s."
                + "".join(f"\nnote: {note}" for note in self.notes))


def _page(urls: SiteUrls, title: str, description: str, path: str, kind: str = "website") -> Page:
    return Page(title, description, path, urls.absolute(path), kind)


def _output_name(path: str) -> str:
    return path + "index.html" if path.endswith("/") or not path else path


def page_jobs(view: SiteView, keep_overviews: OverviewKeeper | None = None) -> Iterator[PageJob]:
    """Every HTML page of the site as (output path, template, page, context), in site order, not yet rendered.

    `keep_overviews`: where the overviews keep their lanes and marks between builds (see render_overview).
    """
    urls = view.urls
    config = view.config

    def job(path: str, template: str, page: Page, **context: Any) -> PageJob:
        return _output_name(path), template, page, context

    # Overviews are drawn when their page is rendered (in a worker, and only if the page is not reused).
    # Descriptions are Markdown: <meta> and link previews take their words.
    chronology = build_chronology(view)
    yield job("", "index.html", _page(urls, config.title, summary_plain_text(config.description) or config.title, ""),
              overview=Deferred(lambda: render_overview(thread_lanes(view.chronological, view.threads), "Overview",
                                                        config.gap_days, keep_overviews)), chronology=chronology)
    for part in chronology.pages:  # a long chronology's pages (site/chronology.py)
        yield job(part.path, "year.html", _page(urls, part.label, f"{config.title}: {len(part.events)} event(s) of "
                                                f"{part.label}.", part.path), part=part)
    for event in view.chronological:
        yield job(event.path, "event.html",
                  _page(urls, event.event.title, event.description, event.path, "article"), event=event)
    yield job("threads/", "threads.html",
              _page(urls, "Threads", f"The storylines that run through {config.title}.", "threads/"))
    for thread in view.threads:
        description = summary_plain_text(thread.thread.description) or thread.thread.title
        parts = split_by_year(thread.events, thread.path, urls, config.page_events)
        yield job(thread.path, "thread.html", _page(urls, thread.thread.title, description, thread.path),
                  thread=thread, parts=parts, part=None, overview=Deferred(lambda thread=thread: render_overview(
                      thread_lanes(thread.events, [thread]), thread.thread.title, config.gap_days, keep_overviews)))
        for part in parts:
            yield job(part.path, "thread.html", _page(urls, f"{thread.thread.title}, {part.label}", description,
                                                      part.path), thread=thread, parts=parts, part=part, overview=None)
    yield job("people/", "people.html", _page(urls, "People", f"Who appears in {config.title}.", "people/"))
    for person in view.people:
        description = f"{person.person.name}: {len(person.events)} event(s) in {config.title}."
        parts = split_by_year(person.events, person.path, urls, config.page_events)
        yield job(person.path, "person.html", _page(urls, person.person.name, description, person.path),
                  person=person, parts=parts, part=None)
        for part in parts:
            yield job(part.path, "person.html", _page(urls, f"{person.person.name}, {part.label}", description,
                                                      part.path), person=person, parts=parts, part=part)
    sources_description = f"Every report {config.title} is sourced to, and the events it supports."
    yield job("sources/", "sources.html", _page(urls, "Sources", sources_description, "sources/"), part=None)
    for sources_part in view.source_parts:  # more reports than `page_events`: a page per year of publication
        yield job(sources_part.path, "sources.html", _page(urls, f"Sources {sources_part.label}", sources_description,
                                                           sources_part.path), part=sources_part)


@dataclass
class Deferred:
    """A page's context value computed only when the page is rendered."""

    compute: Callable[[], Any]


def render_job(renderer: Renderer, job: PageJob) -> str:
    """One page's HTML, its deferred context values computed first."""
    name, template, page, context = job
    values = {key: value.compute() if isinstance(value, Deferred) else value for key, value in context.items()}
    return renderer.render(template, page=page, **values)


def render_pages(view: SiteView, renderer: Renderer) -> Iterator[tuple[str, str]]:
    """Every HTML page of the site as (output path, HTML), one at a time so a big site is never all in memory."""
    for job in page_jobs(view):
        yield job[0], render_job(renderer, job)


def renderer_overrides(templates_dir: Path) -> bool:
    """Whether the project overrides templates that any page could use to read the whole site.

    `about.html` only appears on the home page, which depends on every event anyway.
    """
    if not templates_dir.is_dir():
        return False
    return any(path.is_file() and path.name != "about.html" and not path.relative_to(templates_dir).parts[0] == "static"
               for path in templates_dir.rglob("*"))


def _start_from_previous(output: SiteOutput, state: BuildState, keys: dict[str, str]) -> Manifest | None:
    """Fill the new build's temp folder from a previous build; the manifest of what it holds, or None (a full build)."""
    if not state.same_device(output.target):
        return None
    if state.spare_dir.is_dir():
        spare = Manifest.read(state.spare_file, state.spare_dir)
        state.record(state.spare_file, None)  # the spare is about to change
        if spare is not None:
            output.from_tree(state.spare_dir)
            # The spare is the site before the live one: pages the last build rendered, and this one would render
            # the same, are linked from the live site instead of rendered again.
            live = Manifest.read(state.live_file, output.target)
            if live is not None:
                fresher = [name for name, key in keys.items() if spare.pages.get(name) != key == live.pages.get(name)]
                failed = set(output.link_from(output.target, fresher))
                spare.pages.update((name, keys[name]) for name in fresher if name not in failed)
                for name in failed:
                    spare.pages.pop(name, None)
            return spare
        shutil.rmtree(state.spare_dir, ignore_errors=True)  # a spare nobody can vouch for
    live = Manifest.read(state.live_file, output.target)
    if live is None:
        return None
    reused = [name for name, key in keys.items() if live.pages.get(name) == key]
    missing = set(output.link_from(output.target, reused))
    # A page that could not be linked is rendered again; files not linked are not in the temp folder.
    return Manifest(live.salt, live.marker, {n: k for n, k in live.pages.items() if n in reused and n not in missing}, [])


def _commit(output: SiteOutput, state: BuildState | None, keys: dict[str, str] | None, salt: str,
            files: list[str]) -> None:
    """Swap the new site in; keep the previous one as the next build's spare when its manifest vouches for it."""
    if state is None:
        output.commit()
        return
    previous = Manifest.read(state.live_file, output.target)
    state.record(state.live_file, None)
    kept = output.commit(keep_previous=state.spare_dir if previous is not None and keys is not None
                         and not state.spare_dir.exists() else None)
    if kept and previous is not None:
        state.record(state.spare_file, previous)
    marker = marker_identity(output.target)
    if keys is not None and marker is not None:
        state.record(state.live_file, Manifest(salt, marker, keys, sorted(files)))


def build_site(content: Content, out: Path, base_url: str | None = None, include_drafts: bool = False) -> BuildReport:
    """Render the site for `content` into `out`, replacing a previous build only when this one succeeds."""
    started = time.perf_counter()
    project = content.project
    urls = SiteUrls.from_base_url(base_url or content.config.base_url)
    check_target(out, project.root)
    # Per-page keys for the incremental build (incremental.py); the pages' memo, and the exports' own.
    state = BuildState.for_output(project.state_dir, out)
    salt = build_salt(content, base_url, include_drafts) if state is not None else ""
    memo = ExportMemo.open(state.page_memo_file, salt, content.digests) if state is not None else None
    view = build_view(content, urls, include_drafts)
    return _write_site(content, view, out, base_url, include_drafts, started, state, salt, memo)


def _write_site(content: Content, view: SiteView, out: Path, base_url: str | None, include_drafts: bool,
                started: float, state: BuildState | None, salt: str, memo: ExportMemo | None) -> BuildReport:
    """Render every page and export of `view` into `out` (see build_site)."""
    project = content.project
    urls = view.urls

    statics = static_files(project.templates_dir)
    compiled = compiled_templates_cache(project.state_dir / "cache" / "templates") if cache_enabled() else None
    renderer = Renderer([project.templates_dir, THEME_TEMPLATES], shown_root=project.root, bytecode_cache=compiled)
    renderer.add_globals(**page_globals(view, content.config, urls, statics))
    # Compile every template before the first write, so a broken template fails before any disk work.
    for name in PAGE_TEMPLATES:
        renderer.template(name)

    # Each event's part of a key or a block's digest (parts_digest), by id(view): the views live as long as the
    # build.
    known_parts: dict[int, bytes] = {}
    kept_overviews = KeptOverviews(content.digests, known_parts)
    jobs = list(page_jobs(view, kept_overviews))
    pages = len(jobs)
    page_paths = [name.removesuffix("index.html") for name, *_ in jobs]
    # None: every page is rendered.
    keys = (page_keys(jobs, view, salt, renderer_overrides(project.templates_dir), known_parts)
            if state is not None else None)
    renderer.add_globals(fragment=fragment_global(memo), fragment_of=fragment_of_global(memo, content.digests, known_parts))
    kept_overviews.memo = memo

    # One writer at a time: a concurrent ingest or build must not change the project or site under us.
    with project_lock(project, "build"):
        output = SiteOutput(out)
        try:
            base = _start_from_previous(output, state, keys) if keys is not None and state is not None else None
            todo = jobs if base is None or keys is None else [job for job in jobs if base.pages.get(job[0]) != keys[job[0]]]
            # The home page and people's pages show the same event cards: this process renders them all, so each
            # card is made once, not once in every process that happens to take a person's page, and the cards
            # kept for the next build are not sent back from a worker. The other pages that show many events
            # (threads, sources) come next: handed out last, one of them kept a process busy after the others had
            # finished.
            carded = [job for job in todo if job[1] in CARD_PAGES]
            todo = (carded + [job for job in todo if job[1] not in CARD_PAGES and job[1] != "event.html"]
                    + [job for job in todo if job[1] == "event.html"])
            # Big sites render their pages in worker processes, this one joining in (parallel.py).
            writers = start_page_writers(todo, lambda job: render_job(renderer, job), output,
                                         collect=memo.usage if memo is not None else None,
                                         merge=memo.adopt if memo is not None else None, first_chunk=len(carded),
                                         heavy=sum(1 for job in todo if job[1] in MANY_EVENT_PAGES)
                                         if pages >= parallel.PARALLEL_MIN_PAGES else 0)  # on a small site, none is slow
            try:
                for name, path in statics.items():
                    output.write(f"static/{name}", path.read_bytes())
                # The exports (timeline/site/exports) while the workers render pages: the feeds, calendar, data
                # files and search index with their own memo, then the sitemap, robots.txt, .nojekyll and 404.html.
                export_memo = (ExportMemo.open(state.export_memo_file, salt, content.digests)
                               if state is not None else None)
                data_exports = render_content_exports(content, base_url or content.config.base_url, include_drafts,
                                                      memo=export_memo)
                if export_memo is not None:
                    export_memo.save()
                exports = render_site_exports(content, base_url or content.config.base_url, include_drafts,
                                              pages=page_paths, renderer=renderer)
                writers.help()  # the pages the workers have not taken yet: this process is free now
            except Exception:
                writers.wait()  # a page's error comes first, as it would in a serial build
                raise
            except BaseException:  # Ctrl-C: stop the workers now rather than let them finish
                writers.stop()
                raise
            writers.wait()
            for name, data in [*data_exports.items(), *exports.items()]:
                output.write(name, data)
            files = ([name for name, *_ in jobs] + [f"static/{name}" for name in statics] + list(data_exports)
                     + list(exports) + [MARKER])
            if base is not None:
                wanted = set(files)
                for name in base.files:
                    if name not in wanted:
                        output.remove(name)
            _commit(output, state, keys, salt, files)
        except BaseException:
            output.abort()
            raise
        if memo is not None:
            memo.save()
    return BuildReport(
        out=output.target,
        pages=pages,
        files=len(set(files)),
        events_shown=len(view.chronological),
        drafts_left_out=view.drafts_hidden,
        include_drafts=include_drafts,
        seconds=time.perf_counter() - started,
        notes=data_exports.notes + exports.notes,
        rendered=len(todo),
    )
