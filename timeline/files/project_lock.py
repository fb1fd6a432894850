"""One writer at a time: a lock file under `.timeline/` held while ingest or build writes the project.

`fcntl.flock` locks belong to the open file, so the operating system releases them when the process
exits, even on a crash or kill -9: a stale lock file never blocks anyone, only a live process does.
Whoever takes the lock first finishes what a killed writer left half-done (atomic_write's journal).
The lock is re-entrant within a process: a command can hold it from loading to writing while the stage
it calls takes it again.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import ContentError
from .atomic_write import finish_interrupted_writes

if TYPE_CHECKING:
    from ..load.content import Project

LOCK_NAME = "lock"
_HELD: dict[tuple[str, int], int] = {}  # (lock file, thread) -> how many nested blocks hold it
WAIT_SECONDS = 3.0  # long enough to ride out a build that is just finishing, short enough not to look hung
POLL_SECONDS = 0.1


class LockError(ContentError):
    """Another timeline process is writing this project."""


def _holder(path: str) -> tuple[str, str]:
    """The pid and command recorded by whoever holds the lock, as far as the file tells."""
    try:
        with open(path, encoding="utf-8") as handle:
            parts = handle.read().split()
    except OSError:
        return "?", "ingest/build"
    pid = parts[0] if parts else "?"
    what = parts[1] if len(parts) > 1 else "ingest/build"
    return pid, what


@contextmanager
def project_lock(project: Project, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold `.timeline/lock` for the duration of the block, or raise LockError after a short wait."""
    project.state_dir.mkdir(parents=True, exist_ok=True)
    path = project.state_dir / LOCK_NAME
    key = (str(path.resolve()), threading.get_ident())  # re-entrant per thread: serve builds from a thread
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    pid, other = _holder(str(path))
                    shown = project.relative(path)
                    raise LockError.at(shown, None, f"another timeline {other} is running (pid {pid}); "
                                       f"wait for it or remove {shown}") from None
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {what}\n".encode(), 0)
        _HELD[key] = 1
        try:
            finish_interrupted_writes(project.content_dir, project.state_dir)
            yield
        finally:
            _HELD.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
