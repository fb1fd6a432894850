"""Extraction on every core: articles read and extracted in a process pool (or inline for a few), and
stubs normalised there too for a big ingest."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem, Problems
from ..load.config import Config
from ..load.model import DEFAULT_KINDS, Event
from ..load.people import PeopleRegistry
from .shared_text import passage_fingerprints
from .stub_file import normalise_event

INLINE_BELOW = 6  # fewer articles than this are extracted here: starting workers would cost more
PROGRESS_ABOVE = 5  # show a progress bar for more articles than this (on a terminal)
# Imported once by the forkserver; the last one warms the extractor up (see preload.py).
WORKER_MODULES = ("timeline.ingest.workers", "timeline.extract.reading", "timeline.extract.stub", "timeline.ingest.preload")
# Many small chunks: a chunk costs only its list of paths, and the last one to finish keeps the other workers
# waiting only briefly.
CHUNKS_PER_WORKER = 16

@dataclass
class ArticleOutcome:
    """What one article gave: a draft event and the people it names, or the problem that stopped it."""

    name: str
    event: Event | None = None
    people: list[Any] = field(default_factory=list)  # PersonMention from timeline.extract.stub
    problem: Problem | None = None
    passages: frozenset[int] = frozenset()  # fingerprints of its passages naming people (see shared_text)


def load_extractor() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """`read_article` and `extract_article`, imported late so that ingest loads without them."""
    try:
        from ..extract.reading import read_article
        from ..extract.stub import extract_article
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
    mentions = list(extraction.people or [])
    names = [getattr(m, "name", None) or "" for m in mentions] + [p.name for p in extraction.event.participants]
    return ArticleOutcome(name, extraction.event, mentions, passages=passage_fingerprints(article.text, names))


_WORKER_PEOPLE: PeopleRegistry | None = None
_WORKER_KINDS: tuple[str, ...] = DEFAULT_KINDS


def _init_worker(people: PeopleRegistry, kinds: tuple[str, ...] = DEFAULT_KINDS) -> None:
    """Once per worker: keep the registry (pickled once, not per chunk); build the gazetteer unless the
    forkserver already did (ingest_preload), so no chunk pays for it."""
    global _WORKER_PEOPLE, _WORKER_KINDS
    _WORKER_PEOPLE, _WORKER_KINDS = people, kinds
    load_extractor()
    try:
        from ..extract.places import gazetteer
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


NORMALISE_IN_POOL_FROM = 200  # fewer events than this are rendered here: shipping them costs more
NORMALISE_CHUNKS = 16  # each chunk also carries the config


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
    size = max(1, len(events) // NORMALISE_CHUNKS)
    futures = [pool.submit(_normalise_chunk, events[i:i + size], config) for i in range(0, len(events), size)]
    return [item for future in futures for item in future.result()]

