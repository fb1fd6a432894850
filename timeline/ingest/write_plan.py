"""The writes of an ingest run, decided per event file and then done: a new or regenerated stub, a source
appended to an editor's file, or nothing."""

from __future__ import annotations

import contextvars
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..files.atomic_write import write_bytes_atomic
from ..load.content import Project
from ..load.model import Source
from .merge import Cluster
from .report import FileChange, IngestReport
from .stub_file import append_sources, render_stub


def plan_write(project: Project, cluster: Cluster, current: str | None, report: IngestReport,
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
