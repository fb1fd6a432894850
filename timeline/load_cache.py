"""A parse cache for the load stage: what each content file parsed to last time, reused while the file is unchanged.

Parsing YAML with marks and validating it costs ~0.6 ms an event file, 6 s for 10,000 events; unpickling the
result costs a tenth of that. `load_content` asks the cache first and parses only files that changed.

A file is unchanged when its size and mtime_ns match what was stored. Like git's index, an mtime too close to
the moment the cache was written is not trusted (an edit in the same clock tick keeps the mtime); those files
are compared by a digest of their bytes instead. Entries also record their parse context (the event kinds
allowed by the config), and the whole cache is dropped when the tool's version or its parser sources change.
The value and the problems a file produced are stored together, so a cached file reports the same problems, in
the same order, as parsing it again would.

The cache lives in `.timeline/cache/` (never committed). It is a pickle: load it only from a project folder
you trust as much as the code you run. Set TIMELINE_CACHE=off to bypass it.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .errors import Problem, Problems

CACHE_FILE = "parsed.pickle"
FORMAT = 1
# mtimes within this distance of the cache's writing are "racy": the file may change again in the same tick.
RACY_NS = 2_000_000_000
# The modules whose code decides what a file parses to; editing one invalidates every entry.
PARSER_MODULES = ("model.py", "yaml_source.py", "partial_date.py", "config.py", "people.py", "errors.py",
                  "content.py", "load_cache.py", "site/markdown.py")

# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 400
CHUNK_FILES = 250

T = TypeVar("T")
FileParser = Callable[[Path, str, Problems], Any]  # (path, shown, problems) -> value; module-level, picklable


@dataclass
class _Entry:
    size: int
    mtime_ns: int
    digest: bytes | None  # set when the mtime was racy at storing time
    context: Any
    blob: bytes  # pickle of (value, problems); unpickled per entry so saving after one edit is cheap


def cache_enabled() -> bool:
    return os.environ.get("TIMELINE_CACHE", "").lower() not in ("off", "0", "no", "false")


def _salt() -> str:
    """The tool version plus a digest of the parser sources: any change to how files parse drops the cache."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for name in PARSER_MODULES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


def parse_jobs() -> int:
    """Worker processes for parsing: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _parse_blob(parse: FileParser, path: Path, shown: str) -> bytes:
    own = Problems()
    value = parse(path, shown, own)
    return pickle.dumps((value, own.items), protocol=pickle.HIGHEST_PROTOCOL)


def _parse_chunk(parse: FileParser, items: list[tuple[Path, str]]) -> list[bytes]:
    """In a worker: parse files and return each result already pickled, which is also how the cache stores it."""
    return [_parse_blob(parse, path, shown) for path, shown in items]


@contextmanager
def _no_gc() -> Iterator[None]:
    # Building or dropping hundreds of thousands of small objects triggers the cyclic collector again and
    # again for nothing (they are all alive): unpickling 10,000 events took 1.5 s with it, 0.25 s without.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_cache_file(file: Path, raw: bytes) -> None:
    """Replace a cache file under `.timeline/` in one step (temp file, rename).

    No fsync: a cache lost in a crash is rebuilt, and syncing tens of megabytes costs more than the cache
    saves; the rename still keeps readers from half a file.
    """
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class ParseCache:
    """Parsed files by project-relative path; `parse` returns the cached result or parses and stores it.

    Use it as a context manager around the reads: it pauses the cyclic garbage collector meanwhile (see
    `_no_gc`) and saves the cache on a clean exit.
    """

    def __init__(self, file: Path | None, salt: str = "", entries: dict[str, _Entry] | None = None,
                 saved_at_ns: int = 0):
        self.file = file
        self.salt = salt
        self.entries: dict[str, _Entry] = entries or {}
        self.saved_at_ns = saved_at_ns
        self.seen: set[str] = set()
        self.dirty = False
        self.hits = 0
        self.misses = 0

    @classmethod
    def disabled(cls) -> ParseCache:
        return cls(None)

    @classmethod
    def open(cls, state_dir: Path) -> ParseCache:
        """The cache stored under `state_dir` (`.timeline/`), or an empty one when absent, stale or unreadable."""
        if not cache_enabled():
            return cls.disabled()
        file = state_dir / "cache" / CACHE_FILE
        salt = _salt()
        try:
            raw = file.read_bytes()
            with _no_gc():
                stored = pickle.loads(raw)
            if stored.get("format") == FORMAT and stored.get("salt") == salt:
                return cls(file, salt, stored["entries"], stored["saved_at_ns"])
        except Exception:  # noqa: BLE001 - a missing, torn or foreign cache is only a slower build
            pass
        return cls(file, salt)

    def __enter__(self) -> ParseCache:
        self._gc_was_enabled = gc.isenabled()
        if self._gc_was_enabled:
            # Collect now, while the heap is small, so that the freeze at the end keeps no garbage from before
            # (in `timeline serve`, the previous build's view); cheap in a fresh process.
            gc.collect()
        gc.disable()
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if self._gc_was_enabled:
            # Everything loaded lives until the process ends. Without freezing, the first allocations after
            # re-enabling scan the ~1.5 million new objects of 10,000 events two or three times (0.4 s), and
            # later collections keep scanning them; frozen, they are skipped. Refcounting still frees them.
            gc.freeze()
            gc.enable()
        if exc_type is None:
            self.save()

    def parse(self, path: Path, shown: str, context: Any, problems: Problems,
              parse: Callable[[Problems], T]) -> T:
        """`parse(own_problems)` for `path`, or its cached result; either way its problems are added to `problems`."""
        if self.file is None:
            return parse(problems)
        try:
            stat = os.stat(path)
        except OSError:
            return parse(problems)  # missing or unreadable: the parser says so, with the file's name
        self.seen.add(shown)
        hit = self._lookup(path, shown, stat, context)
        if hit is not None:
            value, own = hit
            problems.extend(own)
            self.hits += 1
            return value
        own = Problems()
        value = parse(own)
        problems.extend(own)
        self.misses += 1
        self._store(path, shown, stat, context, value, own.items)
        return value

    def parse_many(self, items: list[tuple[Path, str]], context: Any, parse: FileParser
                   ) -> list[tuple[Any, list[Problem]]]:
        """(value, problems) for each (path, shown), in order: cached where unchanged, the rest parsed on every core.

        YAML parsing is pure Python-bound work, so a cold load of 10,000 events runs in worker processes;
        each worker returns pickled results, which the cache keeps as they are.
        """
        results: list[tuple[Any, list[Problem]] | None] = [None] * len(items)
        stats: list[os.stat_result | None] = [None] * len(items)
        missing: list[int] = []
        for index, (path, shown) in enumerate(items):
            if self.file is not None:
                try:
                    stats[index] = os.stat(path)
                except OSError:
                    stats[index] = None
                else:
                    self.seen.add(shown)
                    results[index] = self._lookup(path, shown, stats[index], context)
            if results[index] is None:
                missing.append(index)
            else:
                self.hits += 1
        blobs = self._parse_missing(parse, [items[i] for i in missing])
        for index, blob in zip(missing, blobs, strict=True):
            path, shown = items[index]
            value, problems = pickle.loads(blob)
            results[index] = (value, problems)
            self.misses += 1
            stat = stats[index]
            if stat is not None:
                digest = _file_digest(path) if self._is_racy(stat.st_mtime_ns) else None
                self.entries[shown] = _Entry(stat.st_size, stat.st_mtime_ns, digest, context, blob)
                self.dirty = True
        return results  # type: ignore[return-value]

    @staticmethod
    def _parse_missing(parse: FileParser, items: list[tuple[Path, str]]) -> list[bytes]:
        jobs = min(parse_jobs(), len(items) // (PARALLEL_MIN_FILES // 2) or 1)
        if len(items) < PARALLEL_MIN_FILES or jobs < 2:
            return _parse_chunk(parse, items)
        chunks = [items[i:i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
        # fork: workers start in milliseconds and inherit the imported parser; nothing else runs threads here.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                return [blob for chunk in pool.map(_parse_chunk, [parse] * len(chunks), chunks) for blob in chunk]
        except (OSError, RuntimeError):  # no processes allowed here (a sandbox): parse in this one
            return _parse_chunk(parse, items)

    def _lookup(self, path: Path, shown: str, stat: os.stat_result, context: Any) -> tuple[Any, list[Problem]] | None:
        entry = self.entries.get(shown)
        if entry is None or entry.size != stat.st_size or entry.context != context:
            return None
        if entry.mtime_ns != stat.st_mtime_ns or entry.mtime_ns >= self.saved_at_ns - RACY_NS:
            # Same size but a new or untrustworthy mtime (touched, checked out, or edited within a tick).
            if entry.digest is None or _file_digest(path) != entry.digest:
                return None
            if entry.mtime_ns != stat.st_mtime_ns or not self._is_racy(stat.st_mtime_ns):
                # Record the new mtime, or save again now that the old one is old enough to be trusted.
                entry.mtime_ns = stat.st_mtime_ns
                self.dirty = True
        try:
            return pickle.loads(entry.blob)
        except Exception:  # noqa: BLE001 - an unreadable entry is parsed again
            return None

    def digest(self, shown: str) -> bytes | None:
        """A digest of what `shown` parsed to (its cached value and problems), or None when not cached.

        Equal digests mean equal parsed values, which is what the incremental build compares (site/incremental.py).
        """
        entry = self.entries.get(shown)
        return hashlib.blake2b(entry.blob, digest_size=16).digest() if entry is not None else None

    @staticmethod
    def _is_racy(mtime_ns: int) -> bool:
        return mtime_ns >= time.time_ns() - RACY_NS

    def _store(self, path: Path, shown: str, stat: os.stat_result, context: Any, value: Any,
               problems: list[Problem]) -> None:
        try:
            blob = pickle.dumps((value, problems), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - something unpicklable is simply not cached
            return
        digest = _file_digest(path) if self._is_racy(stat.st_mtime_ns) else None
        self.entries[shown] = _Entry(stat.st_size, stat.st_mtime_ns, digest, context, blob)
        self.dirty = True

    def save(self) -> None:
        """Write the cache back if anything changed, dropping files that are gone; failures are ignored."""
        if self.file is None:
            return
        stale = set(self.entries) - self.seen
        for shown in stale:
            del self.entries[shown]
        if not (self.dirty or stale):
            return
        saved_at = time.time_ns()
        data = {"format": FORMAT, "salt": self.salt, "saved_at_ns": saved_at, "entries": self.entries}
        try:
            with _no_gc():
                raw = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
            write_cache_file(self.file, raw)
        except OSError:
            return  # a read-only checkout still builds, just without a cache
        self.saved_at_ns = saved_at
        self.dirty = False
