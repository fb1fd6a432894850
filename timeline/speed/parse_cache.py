"""A parse cache for the load stage: what each content file parsed to last time, reused while the file is unchanged.

Parsing YAML with marks and validating it is most of loading a big project, and unpickling the result costs a
small fraction of that. `load_content` asks the cache first and parses only files that changed.

A file is unchanged when its size and mtime_ns match what was stored. Like git's index, an mtime too close to
the moment the entry was stored is not trusted (an edit in the same clock tick keeps the mtime); those files
are compared by a digest of their bytes instead. Entries also record their parse context (the event kinds
allowed by the config), and the whole cache is dropped when the tool's version or its parser sources change.
The value and the problems a file produced are stored together, so a cached file reports the same problems, in
the same order, as parsing it again would.

Values are stored in segments, each one pickle of the results of many files (a worker's chunk on a cold load,
the few files parsed on a later one): one pickle shares its class references and field names, so loading
many events costs one unpickling pass, not one per event. The index (`parsed.pickle`) maps each file to its stat,
its digest (of the file's bytes, see `ParseCache.digest`) and its place in a segment (`parsed-<id>.seg`);
after one edit only the index and a small new segment are written. Segments that mostly hold replaced values
are repacked now and then.

The cache lives in `.timeline/cache/` (never committed). It is pickles: load it only from a project folder
you trust as much as the code you run. Set TIMELINE_CACHE=off to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .. import __version__
from ..errors import ContentError, Problem, Problems
from ..files.atomic_write import write_all
from ..load.yaml_source import read_source
from .processes import fork_context

CACHE_FILE = "parsed.pickle"
SEGMENT_PREFIX, SEGMENT_SUFFIX = "parsed-", ".seg"
FORMAT = 4  # 4: digests of the files' bytes
# mtimes within this distance of the entry's storing are "racy": the file may change again in the same tick.
RACY_NS = 2_000_000_000
# The modules whose code decides what a file parses to; editing one invalidates every entry.
PARSER_MODULES = ("load/model.py", "load/yaml_source.py", "partial_date.py", "load/config.py", "load/people.py",
                  "errors.py", "load/content.py", "speed/parse_cache.py", "load/yaml_mistakes.py", "markdown.py")

# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 400
CHUNK_FILES = 250
# Repack when this share of the stored values has been replaced, or when edits have left many small segments.
REPACK_DEAD_SHARE = 4
REPACK_EXTRA_SEGMENTS = 64

T = TypeVar("T")
FilePath = Path | str
FileParser = Callable[[bytes, str, Problems], Any]  # (file's bytes, shown, problems) -> value; module-level, picklable
Result = tuple[Any, list[Problem]]  # what a file parsed to, and its own problems


class _KnownStat(NamedTuple):
    """The two fields of a stat result the cache compares, as a walk made before loading saw them."""

    st_size: int
    st_mtime_ns: int


class _Entry(NamedTuple):
    size: int
    mtime_ns: int
    stored_ns: int  # when the entry was stored or its mtime last confirmed
    file_digest: bytes | None  # of the file's bytes; set when the mtime was racy at storing time
    context: Any
    digest: bytes  # of the file's bytes, path and context (see ParseCache.digest)
    segment: str
    position: int


def cache_enabled() -> bool:
    return os.environ.get("TIMELINE_CACHE", "").lower() not in ("off", "0", "no", "false")


def _salt() -> str:
    """The tool version plus a digest of the parser sources: any change to how files parse drops the cache."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    here = Path(__file__).resolve().parent.parent
    for name in PARSER_MODULES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


def _file_digest(path: FilePath) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).digest()
    except OSError:
        return None


def _result_digest(result: Result) -> bytes:
    """A digest of one file's result alone (not of the segment it is stored in), whichever way it was parsed."""
    return hashlib.blake2b(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


def parse_jobs() -> int:
    """Worker processes for parsing: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _parse_chunk(parse: FileParser, items: list[tuple[FilePath, str]], context: Any, digests: bool = True
                 ) -> tuple[bytes, list[bytes]]:
    """Read and parse files; return their results pickled together (a segment, which the cache stores as it is)
    and the digest of each (empty ones when the cache is off). In a worker, the segment is also how the results
    travel back."""
    results = []
    made: list[bytes] = []
    for path, shown in items:
        own = Problems()
        try:
            raw = read_source(path, shown)
        except ContentError as exc:  # unreadable, or over the size limit: that is what it parses to
            own.extend(exc.problems)
            result = (None, own.items)
            made.append(_result_digest(result) if digests else b"")
        else:
            result = (parse(raw, shown, own), own.items)
            made.append(source_digest(raw, shown, context) if digests else b"")
        results.append(result)
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL), made


def source_digest(raw: bytes, shown: str, context: Any) -> bytes:
    """What a file parses to depends on its bytes, its path (which problems name) and the context, besides the
    parser's code (the cache's salt): their digest stands for the result, and costs far less than pickling each
    result to digest it."""
    digest = hashlib.blake2b(repr((shown, context)).encode("utf-8"), digest_size=16)
    digest.update(b"\0")
    digest.update(raw)
    return digest.digest()


def write_cache_file(file: Path, raw: bytes | Iterable[bytes | memoryview]) -> None:
    """Replace a cache file under `.timeline/` in one step (temp file, rename); `raw` may come in parts, which
    are written one after the other rather than joined first (the pages' memo of a big site is tens of megabytes).

    No fsync: a cache lost in a crash is rebuilt, and syncing tens of megabytes costs more than the cache
    saves; the rename still keeps readers from half a file.
    """
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        try:
            write_all(fd, [raw] if isinstance(raw, bytes) else raw)
        finally:
            os.close(fd)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class ParseCache:
    """Parsed files by project-relative path; `parse` returns the cached result or parses and stores it.

    Use it as a context manager around the reads: it saves the cache on a clean exit.
    """

    def __init__(self, directory: Path | None, salt: str = "", entries: dict[str, _Entry] | None = None,
                 segment_sizes: dict[str, int] | None = None):
        self.directory = directory  # `.timeline/cache/`; None when caching is off
        # (size, mtime_ns) by path, from a walk made just before loading (the build's up-to-date check): used
        # instead of a stat call. A file changed since then is parsed again by the next build, as if it had
        # changed just after this one read it.
        self.known_stats: dict[str, tuple[int, int]] = {}
        self.salt = salt
        self.entries: dict[str, _Entry] = entries or {}
        self.segment_sizes: dict[str, int] = segment_sizes or {}  # values in each segment, live or replaced
        self.loaded: dict[str, list[Result] | None] = {}  # segments unpickled in this run (None: unreadable)
        self.unsaved: dict[str, bytes] = {}  # segments made in this run, written by `save`
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
        directory = state_dir / "cache"
        salt = _salt()
        try:
            stored = pickle.loads((directory / CACHE_FILE).read_bytes())
            if stored.get("format") == FORMAT and stored.get("salt") == salt:
                entries = dict(zip(stored["entries"], map(_Entry._make, zip(*stored["columns"], strict=True)), strict=True))
                return cls(directory, salt, entries, stored["segments"])
        except Exception:  # noqa: BLE001 - a missing, torn or foreign cache is only a slower build
            pass
        return cls(directory, salt)

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc_type is None:
            self.save()
        self.loaded.clear()

    def parse(self, path: Path, shown: str, context: Any, problems: Problems,
              parse: Callable[[Problems], T]) -> T:
        """`parse(own_problems)` for `path`, or its cached result; either way its problems are added to `problems`."""
        if self.directory is None:
            return parse(problems)
        try:
            stat = os.stat(path)
        except OSError:
            return parse(problems)  # missing or unreadable: the parser says so, with the file's name
        self.seen.add(shown)
        hit = self._cached(path, shown, stat, context)
        if hit is not None:
            value, own_items = hit
            problems.extend(own_items)
            self.hits += 1
            return value  # type: ignore[no-any-return]
        own = Problems()
        value = parse(own)
        problems.extend(own)
        self.misses += 1
        result = (value, own.items)
        try:
            segment = pickle.dumps([result], protocol=pickle.HIGHEST_PROTOCOL)
            digest = _result_digest(result)
        except Exception:  # noqa: BLE001 - something unpicklable is simply not cached
            return value
        self._store_segment(segment, [result], [digest], [(path, shown, stat)], context)
        return value

    def parse_many(self, items: list[tuple[FilePath, str]], context: Any, parse: FileParser,
                   meanwhile: Callable[[], None] | None = None) -> list[Result]:
        """(value, problems) for each (path, shown), in order: cached where unchanged, the rest read and parsed
        (`parse(file's bytes, shown, problems)`) on every core.

        YAML parsing is pure Python-bound work, so a cold load of a big project runs in worker processes; each
        returns its chunk's results as one pickle, which the cache keeps as a segment. `meanwhile` is called once,
        while the workers parse (after the first chunk is back): other work of this process that can go on then.
        """
        results: list[Result | None] = [None] * len(items)
        stats: list[os.stat_result | None] = [None] * len(items)
        missing: list[int] = []
        known = self.known_stats
        for index, (path, shown) in enumerate(items):
            if self.directory is not None:
                seen = known.get(path)  # type: ignore[call-overload]
                try:
                    stats[index] = _KnownStat(*seen) if seen is not None else os.stat(path)  # type: ignore[assignment]
                except OSError:
                    stats[index] = None
                else:
                    self.seen.add(shown)
                    results[index] = self._cached(path, shown, stats[index], context)  # type: ignore[arg-type]
            if results[index] is None:
                missing.append(index)
            else:
                self.hits += 1
        done = 0
        for segment, digests in self._parse_missing(parse, [items[i] for i in missing], context,
                                                    self.directory is not None):
            chunk = missing[done:done + len(digests)]
            done += len(digests)
            chunk_results: list[Result] = pickle.loads(segment)
            for index, result in zip(chunk, chunk_results, strict=True):
                results[index] = result
            self.misses += len(chunk)
            stored = [(items[i][0], items[i][1], stats[i]) for i in chunk]
            if self.directory is not None:
                self._store_segment(segment, chunk_results, digests, stored, context)
            if meanwhile is not None:
                meanwhile()  # the workers are parsing the next chunks
                meanwhile = None
        if meanwhile is not None:
            meanwhile()
        return results  # type: ignore[return-value]

    @staticmethod
    def _parse_missing(parse: FileParser, items: list[tuple[FilePath, str]], context: Any, digests: bool
                       ) -> Iterator[tuple[bytes, list[bytes]]]:
        """Each chunk's (segment, digests), in order, as the workers finish them: the caller unpickles one chunk
        while the workers parse the next ones."""
        if not items:
            return
        jobs = min(parse_jobs(), len(items) // (PARALLEL_MIN_FILES // 2) or 1)
        processes = fork_context()
        if len(items) < PARALLEL_MIN_FILES or jobs < 2 or processes is None:
            yield _parse_chunk(parse, items, context, digests)
            return
        from concurrent.futures import ProcessPoolExecutor  # only a big parse needs it; imported here, not by every run

        chunks = [items[i:i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
        done = 0
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=processes) as pool:
                for result in pool.map(_parse_chunk, [parse] * len(chunks), chunks, [context] * len(chunks),
                                       [digests] * len(chunks)):
                    done += 1
                    yield result
        except (OSError, RuntimeError):  # no processes allowed here (a sandbox), or a worker died: parse the rest here
            for chunk in chunks[done:]:
                yield _parse_chunk(parse, chunk, context, digests)

    def _cached(self, path: FilePath, shown: str, stat: os.stat_result, context: Any) -> Result | None:
        """The stored result for `shown` if the file is unchanged and its segment readable, else None."""
        entry = self.entries.get(shown)
        if entry is None or entry.size != stat.st_size or entry.context != context:
            return None
        if entry.mtime_ns != stat.st_mtime_ns or entry.mtime_ns >= entry.stored_ns - RACY_NS:
            # Same size but a new or untrustworthy mtime (touched, checked out, or edited within a tick).
            if entry.file_digest is None or _file_digest(path) != entry.file_digest:
                return None
            if entry.mtime_ns != stat.st_mtime_ns or not self._is_racy(stat.st_mtime_ns):
                # Record the new mtime, or that the old one is now old enough to be trusted.
                entry = entry._replace(mtime_ns=stat.st_mtime_ns, stored_ns=time.time_ns())
                self.entries[shown] = entry
                self.dirty = True
        results = self._segment(entry.segment)
        if results is None or entry.position >= len(results):
            return None
        return results[entry.position]

    def _segment(self, name: str) -> list[Result] | None:
        if name not in self.loaded:
            assert self.directory is not None
            try:
                self.loaded[name] = pickle.loads((self.directory / f"{SEGMENT_PREFIX}{name}{SEGMENT_SUFFIX}").read_bytes())
            except Exception:  # noqa: BLE001 - a missing or unreadable segment: its files are parsed again
                self.loaded[name] = None
        return self.loaded[name]

    def digest(self, shown: str) -> bytes | None:
        """A digest that stands for what `shown` parsed to (its cached value and problems), or None when not cached.

        Equal digests mean equal parsed values, which is what the incremental build compares (site/incremental.py).
        For files parsed with `parse_many` it is the digest of the file's bytes, path and context (`source_digest`):
        an edit that changes only a comment or the layout makes a new one, and re-renders that event's pages.
        """
        entry = self.entries.get(shown)
        return entry.digest if entry is not None else None

    @staticmethod
    def _is_racy(mtime_ns: int) -> bool:
        return mtime_ns >= time.time_ns() - RACY_NS

    def _store_segment(self, segment: bytes, results: list[Result], digests: list[bytes],
                       files: list[tuple[FilePath, str, os.stat_result | None]], context: Any) -> None:
        name = os.urandom(8).hex()
        self.unsaved[name] = segment
        self.loaded[name] = results
        self.segment_sizes[name] = len(results)
        now = time.time_ns()
        for position, ((path, shown, stat), digest) in enumerate(zip(files, digests, strict=True)):
            if stat is None:
                continue
            file_digest = _file_digest(path) if self._is_racy(stat.st_mtime_ns) else None
            self.entries[shown] = _Entry(stat.st_size, stat.st_mtime_ns, now, file_digest, context, digest, name,
                                         position)
        self.dirty = True

    def _repack(self) -> None:
        """Store the live results again in full segments, when replaced ones take much of the stored values."""
        live = {entry.segment for entry in self.entries.values()}
        stored = sum(self.segment_sizes.get(name, 0) for name in live)
        if not (stored - len(self.entries) > len(self.entries) // REPACK_DEAD_SHARE
                or len(live) > len(self.entries) // CHUNK_FILES + REPACK_EXTRA_SEGMENTS):
            return
        if any(self.loaded.get(name) is None for name in live):
            return  # only what this run read can be stored again
        shown_names = sorted(self.entries)
        for start in range(0, len(shown_names), CHUNK_FILES):
            names = shown_names[start:start + CHUNK_FILES]
            entries = [self.entries[shown] for shown in names]
            results = [self.loaded[entry.segment][entry.position] for entry in entries]  # type: ignore[index]
            segment_name = os.urandom(8).hex()
            self.unsaved[segment_name] = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
            self.loaded[segment_name] = results
            self.segment_sizes[segment_name] = len(results)
            for position, (shown, entry) in enumerate(zip(names, entries, strict=True)):
                self.entries[shown] = entry._replace(segment=segment_name, position=position)

    def save(self) -> None:
        """Write the new segments and the index if anything changed, dropping files that are gone and segments
        no file uses; failures are ignored."""
        if self.directory is None:
            return
        stale = set(self.entries) - self.seen
        for shown in stale:
            del self.entries[shown]
        if not (self.dirty or stale):
            return
        try:
            self._repack()
            live = {entry.segment for entry in self.entries.values()}
            for name, segment in self.unsaved.items():
                if name in live:
                    write_cache_file(self.directory / f"{SEGMENT_PREFIX}{name}{SEGMENT_SUFFIX}", segment)
            sizes = {name: size for name, size in self.segment_sizes.items() if name in live}
            # Stored by column (a list of each field): much faster to pickle than one tuple per entry.
            index = {"format": FORMAT, "salt": self.salt, "entries": list(self.entries),
                     "columns": [list(column) for column in zip(*self.entries.values(), strict=True)],
                     "segments": sizes}
            write_cache_file(self.directory / CACHE_FILE, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return  # a read-only checkout still builds, just without a cache
        self.unsaved.clear()
        self.segment_sizes = sizes
        self.dirty = False
        self._remove_unused_segments(live)

    def _remove_unused_segments(self, live: set[str]) -> None:
        try:
            names = os.listdir(self.directory)  # type: ignore[arg-type]
        except OSError:
            return
        for file_name in names:
            if file_name.startswith(SEGMENT_PREFIX) and file_name.endswith(SEGMENT_SUFFIX):
                if file_name[len(SEGMENT_PREFIX):-len(SEGMENT_SUFFIX)] not in live:
                    with suppress(OSError):
                        os.unlink(self.directory / file_name)  # type: ignore[operator]
