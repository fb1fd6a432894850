"""Rendering a big site's pages on every core.

Jinja rendering is CPU-bound Python, so one process renders a few thousand pages a second however many
cores there are. For big sites, forked worker processes render the pages, one per core but the main
process's: they inherit the view model and the compiled templates (nothing is pickled but a count, an error
or the fragments they made) and write their pages straight into the build's temporary folder. Work is handed
out in chunks of consecutive pages whose numbers are read from a pipe, and the main process takes chunks too
once it has nothing else to do (`help`), so no core waits while another still has a queue: pages vary from a
fraction of a millisecond (an event) to a second (the home page of a big site). The first chunk, pages that
share fragments, is always the main process's. Each page's bytes depend only on its own inputs, so the output
is byte-identical to a serial build, whoever renders it. Small sites, systems without fork and processes that
run other threads (see processes.py) render serially.

A failing page is reported as in a serial build: of all failures, the one on the earliest page.
"""

from __future__ import annotations

import os
import struct
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import ContentError, Problem
from ..site.output import SiteOutput
from .processes import fork_context

# Below this many pages, forking costs more than it saves; a page that shows many events (`heavy`: the home page
# of a big site, say) counts as HEAVY_PAGE_WEIGHT pages.
PARALLEL_MIN_PAGES = 500
HEAVY_PAGE_WEIGHT = 200
# Pages handed out at a time: big enough that taking a chunk costs nothing, small enough to even out the end.
CHUNK_PAGES = 48
# At most this many chunks (bigger ones on huge sites): their numbers, 4 bytes each, must fit in the smallest
# buffer a pipe can have (one 4 KB page), since they are all written before any process reads.
MAX_CHUNKS = 1000

PageJob = tuple[str, str, Any, dict[str, Any]]  # output name, template, page, template context
RenderPage = Callable[[PageJob], str]

_inherited: tuple[list[PageJob], RenderPage, SiteOutput, Callable[[], Any] | None, int, int] | None = None


def render_jobs() -> int:
    """Processes rendering pages: one per core this process may use, itself included."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _write_range(jobs: list[PageJob], render: RenderPage, output: SiteOutput, indices: range) -> None:
    for index in indices:
        try:
            html = render(jobs[index])
        except ContentError as exc:
            exc.page_index = index  # type: ignore[attr-defined]
            raise
        output.write(jobs[index][0], html)


def _chunk(number: int, first_chunk: int, size: int | None = None) -> tuple[int, int]:
    """Where chunk `number` starts and ends: the first holds `first_chunk` pages when that is set, the rest
    `size` (CHUNK_PAGES) each."""
    size = size or CHUNK_PAGES
    if first_chunk:
        if number == 0:
            return 0, first_chunk
        start = first_chunk + (number - 1) * size
    else:
        start = number * size
    return start, start + size


def _chunk_size(pages: int) -> int:
    """CHUNK_PAGES; fewer when there are few pages (a rebuild after an edit: a handful, some of them heavy) so that
    every process gets some; more when there are so many that the chunks would not fit in the pipe."""
    return max(min(CHUNK_PAGES, max(1, pages // 16)), -(-pages // (MAX_CHUNKS - 1)))


_CHUNK = struct.Struct("<I")


def _chunk_tokens(count: int, first: int = 0) -> int:
    """A pipe holding the numbers first..count-1, its writing end closed: the file descriptor to read them from.

    Each process takes the next chunk by reading one number (make's jobserver does the same with tokens). Reads
    this small from a pipe do not interleave, and unlike a shared counter behind a lock, nothing is left held
    when a process is killed in the middle of taking one.
    """
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"".join(_CHUNK.pack(number) for number in range(first, count)))
    finally:
        os.close(write_end)
    return read_end


def _chunk_count(pages: int, first_chunk: int, size: int) -> int:
    if first_chunk:
        return 1 + -(-(pages - first_chunk) // size)
    return -(-pages // size)


def _write_chunks(jobs: list[PageJob], render: RenderPage, output: SiteOutput, tokens: int,
                  first_chunk: int) -> None:
    """Take chunk numbers from the token pipe and write their pages until none is left."""
    size = _chunk_size(len(jobs))
    while True:
        token = os.read(tokens, _CHUNK.size)
        if len(token) < _CHUNK.size:
            return
        start, end = _chunk(_CHUNK.unpack(token)[0], first_chunk, size)
        _write_range(jobs, render, output, range(start, min(end, len(jobs))))


def _worker(conn: Any) -> None:
    assert _inherited is not None
    jobs, render, output, collect, tokens, first_chunk = _inherited
    files_before, bytes_before = output.files, output.bytes
    try:
        _write_chunks(jobs, render, output, tokens, first_chunk)
        if collect is not None:
            conn.send(("collected", 0, collect()))
    except ContentError as exc:
        conn.send(("error", getattr(exc, "page_index", len(jobs)), exc.problems))
    except BaseException as exc:  # noqa: BLE001 - reported to the main process, which raises it there
        conn.send(("crash", len(jobs), f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    else:
        conn.send(("ok", output.files - files_before, output.bytes - bytes_before))
    conn.close()


@dataclass
class PageWriters:
    """Pages being written: in workers (call `help`, then `wait`) or already written serially."""

    output: SiteOutput
    processes: list[Any] = field(default_factory=list)
    connections: list[Any] = field(default_factory=list)
    merge: Callable[[Any], None] | None = None  # takes what each worker's `collect` returned
    jobs: list[PageJob] = field(default_factory=list)
    render: RenderPage | None = None
    tokens: int | None = None  # the pipe of chunk numbers not yet taken (see _chunk_tokens)
    first_chunk: int = 0  # pages in the first chunk, when they belong together (0: CHUNK_PAGES like the rest)
    own_failure: tuple[int, Any] | None = None  # (page index, problems) of a page this process failed on

    def help(self) -> None:
        """Render chunks in this process too, until none is left (call it when this process has nothing else to do).

        A page's error is kept for `wait`, which reports the earliest failing page of all processes.
        """
        if self.tokens is None or self.render is None:
            return
        try:
            if self.first_chunk:
                _write_range(self.jobs, self.render, self.output, range(min(self.first_chunk, len(self.jobs))))
            _write_chunks(self.jobs, self.render, self.output, self.tokens, self.first_chunk)
        except ContentError as exc:
            self.own_failure = (getattr(exc, "page_index", len(self.jobs)), exc.problems)

    def wait(self) -> None:
        """Wait for every worker; raise the error of the earliest failing page, if any."""
        failures: list[tuple[int, Any, Any]] = []
        if self.own_failure is not None:
            failures.append((self.own_failure[0], "error", self.own_failure[1]))
        try:
            for conn in self.connections:
                try:
                    status, first, second = conn.recv()
                    if status == "collected":
                        if self.merge is not None:
                            self.merge(second)
                        status, first, second = conn.recv()
                except EOFError:
                    failures.append((1 << 62, "crash", "a page-rendering worker process died"))
                    continue
                if status == "ok":
                    self.output.files += first
                    self.output.bytes += second
                else:
                    failures.append((first, status, second))
        finally:
            self.stop()
        if failures:
            _index, status, detail = min(failures, key=lambda f: f[0])
            if status == "error":
                problems: list[Problem] = detail
                raise ContentError(problems)
            raise RuntimeError(f"rendering pages failed in a worker process: {detail}")

    def stop(self) -> None:
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for conn in self.connections:
            conn.close()
        self.processes.clear()
        self.connections.clear()
        if self.tokens is not None:
            os.close(self.tokens)
            self.tokens = None


def start_page_writers(jobs: list[PageJob], render: RenderPage, output: SiteOutput,
                       workers: int | None = None, collect: Callable[[], Any] | None = None,
                       merge: Callable[[Any], None] | None = None, first_chunk: int = 0,
                       heavy: int = 0) -> PageWriters:
    """Start writing every page of `jobs` into `output`; the caller does other work, then calls `help()` to render
    what is left alongside the workers, then `wait()`.

    Workers: one per core but this process's, which renders too once it calls `help()` (one more worker only
    made the cores take turns, and copied more of the memory they share). With workers, each one's `collect()`
    (what it learnt while rendering, e.g. memoized fragments) is passed to `merge` in this process; serially
    there is nothing to pass. `first_chunk`: the first so many pages are rendered by this process, in `help()`
    (pages that share fragments: made here, they are not sent back from a worker); the rest are handed out in
    chunks of CHUNK_PAGES. `heavy`: how many of the pages show many events each (see HEAVY_PAGE_WEIGHT).
    """
    global _inherited
    workers = render_jobs() - 1 if workers is None else workers
    writers = PageWriters(output, merge=merge)
    weight = len(jobs) + heavy * (HEAVY_PAGE_WEIGHT - 1)
    context = fork_context() if workers >= 1 and weight >= PARALLEL_MIN_PAGES else None
    if context is None:
        _write_range(jobs, render, output, range(len(jobs)))
        return writers
    writers.jobs, writers.render, writers.first_chunk = jobs, render, first_chunk
    writers.tokens = _chunk_tokens(_chunk_count(len(jobs), first_chunk, _chunk_size(len(jobs))), 1 if first_chunk else 0)
    _inherited = (jobs, render, output, collect, writers.tokens, first_chunk)
    try:
        for _ in range(workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(send,), daemon=True)
            process.start()
            send.close()
            writers.processes.append(process)
            writers.connections.append(receive)
    except BaseException:
        writers.stop()
        raise
    finally:
        _inherited = None
    return writers
