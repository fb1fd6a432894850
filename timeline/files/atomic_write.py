"""Writing files so that a crash at any moment leaves either the old file or the new one, never half of one.

One file is atomic by itself (temp file, fsync, rename). A run that writes many files that refer to each
other (ingest: stubs whose `related:` name each other, people.yaml, the ingest log) is atomic as a whole
inside `write_batch`: every file is staged to a complete temp file first, then a journal listing the
renames is written, then the renames are done and the journal deleted. A kill before the journal leaves
the old files (and hidden temp files, deleted by `finish_interrupted_writes`); a kill after it is rolled
forward by `finish_interrupted_writes`, which the project lock runs before anyone else may write or read.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

JOURNAL_NAME = "pending-writes.json"
# mkstemp's names: ".<file name>.<8 random characters>.tmp"
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


class _Batch:
    """Files staged for one all-or-nothing commit: target -> complete temp file beside it."""

    def __init__(self, root: Path, journal: Path):
        self.root, self.journal = root, journal
        self.staged: dict[Path, Path] = {}

    def covers(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self.root)

    def stage(self, path: Path, data: bytes) -> None:
        target = path.resolve()
        previous = self.staged.pop(target, None)
        if previous is not None:
            previous.unlink(missing_ok=True)
        self.staged[target] = _write_temp(target, data)

    def current_bytes(self, path: Path) -> bytes | None:
        """What `path` will hold after the commit, as far as this batch knows."""
        temp = self.staged.get(path.resolve())
        return temp.read_bytes() if temp is not None else None

    def commit(self) -> None:
        if not self.staged:
            return
        entries = [[str(temp), str(target)] for target, temp in self.staged.items()]
        write_bytes_atomic(self.journal, json.dumps(entries, indent=0).encode("utf-8"))
        _roll_forward(entries)
        self.journal.unlink()
        self.staged.clear()

    def abort(self) -> None:
        for temp in self.staged.values():
            temp.unlink(missing_ok=True)
        self.staged.clear()


_BATCH: ContextVar[_Batch | None] = ContextVar("timeline_write_batch", default=None)


@contextmanager
def write_batch(root: Path, state_dir: Path) -> Iterator[None]:
    """Make every atomic write under `root` in this block part of one commit at its end (see the module doc).

    Hold the project lock around it: the journal is rolled forward by the next holder after a crash.
    """
    batch = _Batch(root.resolve(), state_dir / JOURNAL_NAME)
    token = _BATCH.set(batch)
    try:
        yield
    except BaseException:
        _BATCH.reset(token)
        batch.abort()
        raise
    _BATCH.reset(token)
    try:
        batch.commit()
    except BaseException:
        if not batch.journal.exists():  # failed before the journal (a full disk): nothing was renamed
            batch.abort()
        raise


def _roll_forward(entries: list[list[str]]) -> None:
    for temp, target in entries:
        if os.path.exists(temp):  # already renamed when a previous roll-forward was itself interrupted
            os.replace(temp, target)


def finish_interrupted_writes(root: Path, state_dir: Path) -> int:
    """Complete a batch a crash interrupted after its journal, then delete stale temp files under `root`.

    Call only while holding the project lock (no live writer). Returns how many files were rolled forward.
    """
    journal = state_dir / JOURNAL_NAME
    done = 0
    if journal.exists():
        try:
            entries = json.loads(journal.read_text("utf-8"))
        except (OSError, ValueError):
            entries = []  # a journal is written atomically, so this is not ours: leave the files as they are
        base = root.resolve()
        safe = [e for e in entries if isinstance(e, list) and len(e) == 2
                and all(isinstance(p, str) and Path(p).resolve().is_relative_to(base) for p in e)]
        done = sum(1 for temp, _ in safe if os.path.exists(temp))
        _roll_forward(safe)
        journal.unlink()
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            if _TEMP_NAME.match(name):
                os.unlink(os.path.join(dirpath, name))
    return done


# The most parts one writev call takes (POSIX guarantees at least 16; Linux takes 1,024).
_IOV_MAX = min(os.sysconf("SC_IOV_MAX") if hasattr(os, "sysconf") and "SC_IOV_MAX" in os.sysconf_names else 16, 1024)


def write_all(fd: int, parts: Iterable[bytes | memoryview]) -> None:
    """Write `parts` to the descriptor `fd` in order, a batch of them per system call (writev), without joining
    them or copying them through a file object's buffer first.

    A build writes a page per event, and a memo of tens of thousands of fragments: a file object asks the system
    three more questions per file (size, terminal, position), and a buffered one copies each fragment into its
    buffer first.
    """
    batch: list[bytes | memoryview] = []
    for part in parts:
        if part:
            batch.append(part)
            if len(batch) == _IOV_MAX:
                _write_batch(fd, batch)
                batch = []
    if batch:
        _write_batch(fd, batch)


def _write_batch(fd: int, batch: list[bytes | memoryview]) -> None:
    first = 0
    while first < len(batch):
        if hasattr(os, "writev"):
            written = os.writev(fd, batch[first:])
        else:  # pragma: no cover - not POSIX
            written = os.write(fd, batch[first])
        # Fewer bytes than asked (a signal, or a disk about to be full): go on from where the write stopped.
        while first < len(batch) and written >= len(batch[first]):
            written -= len(batch[first])
            first += 1
        if written:
            batch[first] = memoryview(batch[first])[written:]


def _write_temp(path: Path, data: bytes) -> Path:
    """A complete, flushed temp file beside `path` holding `data`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(temp_name)
        raise
    return Path(temp_name)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    batch = _BATCH.get()
    if batch is not None and batch.covers(path):
        batch.stage(path, data)
        return
    temp = _write_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes_new(path: Path, data: bytes) -> None:
    """Create `path` with `data` whole, or raise FileExistsError; never overwrites, never leaves half a file.

    The bytes go to a temporary file first, then a hard link gives them their name: link() fails when
    the name exists (like O_EXCL) and makes the complete file appear in one step (unlike O_EXCL).
    """
    temp = _write_temp(path, data)
    try:
        os.link(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """`write_bytes_atomic` for UTF-8 text with `\\n` line ends."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically only when the bytes differ; returns whether the file was written."""
    batch = _BATCH.get()
    staged = batch.current_bytes(path) if batch is not None else None
    if staged is not None:
        if staged == data:
            return False
        write_bytes_atomic(path, data)
        return True
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_bytes_atomic(path, data)
    return True
