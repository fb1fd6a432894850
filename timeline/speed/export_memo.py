"""Per-event fragments kept between builds: a one-event edit re-encodes one event, not ten thousand.

A build keeps two: the exports' and the pages' (event cards and the blocks of the `fragment` and `fragment_of`
template globals, site/build.py).

The big exports (data/timeline.json, calendar.ics, the feeds) are the same text per event from build to
build, and encoding them is most of an export's cost. Each fragment is keyed by its kind and a digest that
stands for what the event's file parsed to (`Content.digests`); the memo as a whole belongs to one set of
shared inputs (the build's salt: code, config, people, options), and is dropped when they change. A fragment
is a pure function of those, so a reused one has the bytes a new one would.

Stored in `.timeline/cache/` beside the build's manifests, as a small pickled index followed by every
fragment's UTF-8 bytes. Opening maps the file instead of reading it: the exports splice kept fragments
straight from the mapping into their output, so a build after a small edit neither copies nor decodes tens
of megabytes it will only write out again. The file is only ever replaced whole (a rename), never changed in
place, so a mapping stays valid.

Rewriting the whole file after a small edit would cost more than the edit saves, so the few fragments a build
computes are kept in a small second file, `<memo>.delta`, that extends the main one (it names the main file's
generation); the main file is rewritten, and the delta dropped, once enough is new. Without the delta an edit
to an event's sources would make every later build gather the dataset's sources again, until enough else
changed. A lost, torn or foreign memo or delta is only a slower build.

A build that starts from an empty memo (the first, or the first after the salt changed) makes every fragment;
on a big site a page-rendering worker's share is tens of megabytes, which took the end of the build to pickle,
send to the main process and write again. Such a worker writes its fragments to a part file of its own instead
(`<memo>.part-<id>`, the main file's format) while the main process finishes, and the main file lists it.
The next main file written without it takes over what is still used, and parts no main file lists are deleted.
"""

from __future__ import annotations

import mmap
import os
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..load.model import Event
from .parse_cache import write_cache_file

FORMAT = 5  # 4: the exports and the pages keep separate memos; 5: part files
# The main file is rewritten when what a build used beyond it is this many of the fragments the build used (a share,
# at least 100), or this share of the main file's bytes; less goes to the delta.
REWRITE_FRAGMENTS = (1 / 100, 100)
REWRITE_BYTES = 1 / 10
_LENGTH_BITS = 32  # a fragment's place in the blob is one int, start << 32 | length: fewer objects to unpickle
_LENGTH_MASK = (1 << _LENGTH_BITS) - 1


def _at(blob: memoryview, place: int) -> memoryview:
    """The fragment at `place` (start << 32 | length) in a mapped blob."""
    start = place >> _LENGTH_BITS
    return blob[start:start + (place & _LENGTH_MASK)]

Fragment = bytes | memoryview  # UTF-8; a memoryview is a slice of the mapped memo file
# What a forked page worker hands the main process at its end (`ExportMemo.handover`, `adopt`): the name of the
# part file it wrote, or the fragments it computed and the keys of those it reused.
Handover = tuple[str, Any]


class FragmentIndex(Mapping[tuple[str, bytes], int]):
    """Where each kept fragment lies in the blob, by (kind, event digest).

    Held as one dict per kind, which loads much faster than one dict of pairs.
    """

    def __init__(self, by_kind: dict[str, dict[bytes, int]]):
        self.by_kind = by_kind

    def __getitem__(self, key: tuple[str, bytes]) -> int:
        kind, digest = key
        return self.by_kind[kind][digest]

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        return ((kind, digest) for kind, places in self.by_kind.items() for digest in places)

    def __len__(self) -> int:
        return sum(len(places) for places in self.by_kind.values())


class _Part:
    """A part file: fragments one page worker made in the build that wrote the main file listing it."""

    def __init__(self, name: str, stored: FragmentIndex, blob: memoryview):
        self.name = name
        self.stored = stored
        self.blob = blob

    def get(self, kind: str, key: bytes) -> Fragment | None:
        place = self.stored.by_kind.get(kind, {}).get(key)
        return None if place is None else _at(self.blob, place)


class ExportMemo:
    """Fragments by kind and event digest; `fragments` and `fragment` return the kept ones or compute and keep them."""

    def __init__(self, digests: dict[str, bytes], file: Path | None = None, salt: str = "",
                 stored: FragmentIndex | None = None, blob: bytes | memoryview = b"", generation: bytes = b"",
                 delta: dict[str, dict[bytes, bytes]] | None = None, parts: list[_Part] | None = None):
        self.digests = digests
        self.file = file
        self.salt = salt
        self.stored = stored if stored is not None else FragmentIndex({})
        self.blob = memoryview(blob)
        self.generation = generation  # names this main file, so a delta made for another is not read with it
        self.delta = delta or {}  # fragments kept since the main file was written
        self.parts = parts or []  # the part files the main file lists
        self.new_parts: list[str] = []  # part files this build's workers write (see `handover`), listed by `save`
        self.listed_parts = 0  # how many of them the last save listed
        self.build_token = os.urandom(8).hex()  # names this build's part files, with the pid of their writer
        self.used: dict[str, dict[bytes, Fragment]] = {}
        self.misses = 0  # fragments computed here, or adopted, since the last save

    @classmethod
    def open(cls, file: Path, salt: str, digests: dict[str, bytes]) -> ExportMemo:
        """The memo kept in `file` when it was made with the same `salt`, else an empty one that will be kept there."""
        try:
            head, blob = _map(file, salt)
            parts = []
            for name in head["parts"]:
                try:
                    part_head, part_blob = _map(_part_file(file, name), salt)
                except Exception:  # noqa: BLE001 - a lost or torn part: its fragments are made again
                    continue
                parts.append(_Part(name, part_head["fragments"], part_blob))
            return cls(digests, file, salt, head["fragments"], blob, head["generation"],
                       _read_delta(_delta_file(file), salt, head["generation"]), parts)
        except Exception:  # noqa: BLE001 - missing, empty, torn or foreign: start empty
            pass
        return cls(digests, file, salt)

    def fragments(self, kind: str, events: Sequence[Event], compute: Callable[[Event], bytes]) -> list[Fragment]:
        """The `kind` fragment of each event: kept from the last build, else `compute(event)` (UTF-8)."""
        digests = self.digests
        stored = self.stored.by_kind.get(kind, {})
        delta = self.delta.get(kind, {})
        used = self.used.setdefault(kind, {})
        blob = self.blob
        found: list[Fragment] = []
        for event in events:
            digest = digests.get(event.path or "")
            if digest is None:
                found.append(compute(event))
                continue
            data = used.get(digest)
            if data is None:
                place = stored.get(digest)
                if place is not None:
                    data = _at(blob, place)
                else:
                    data = delta.get(digest)
                    if data is None:
                        data = self._in_parts(kind, digest)
                        if data is None:
                            data = compute(event)
                            self.misses += 1
                used[digest] = data
            found.append(data)
        return found

    def keyed(self, kind: str, key: bytes, compute: Callable[[], bytes]) -> Fragment:
        """A fragment (UTF-8) under a `key` the caller made, digesting everything it depends on (several events'
        parts, say); kept from the last build, else `compute()`."""
        used = self.used.setdefault(kind, {})
        data = used.get(key)
        if data is None:
            data = self._kept(kind, key)
            if data is None:
                data = compute()
                self.misses += 1
            used[key] = data
        return data

    def fragment(self, kind: str, event: Event, compute: Callable[[], str]) -> str:
        """One event's fragment as text (the pages' event cards): kept from the last build, else `compute()`."""
        digest = self.digests.get(event.path or "")
        if digest is None:
            return compute()
        return self.fragment_for(kind, digest, compute)

    def fragment_for(self, kind: str, digest: bytes, compute: Callable[[], str]) -> str:
        """A fragment as text under a digest the caller made (of several events: a month of the home page, say);
        kept from the last build, else `compute()`. The digest must cover everything the fragment shows."""
        return str(self.keyed(kind, digest, lambda: compute().encode("utf-8")), "utf-8")

    def _kept(self, kind: str, key: bytes) -> Fragment | None:
        place = self.stored.by_kind.get(kind, {}).get(key)
        if place is None:
            data = self.delta.get(kind, {}).get(key)
            return data if data is not None else self._in_parts(kind, key)
        return _at(self.blob, place)

    def _in_parts(self, kind: str, key: bytes) -> Fragment | None:
        for part in self.parts:
            data = part.get(kind, key)
            if data is not None:
                return data
        return None

    def new_fragments(self) -> dict[str, dict[bytes, bytes]]:
        """The fragments computed in this process (a page-rendering worker sends them back to be kept)."""
        new: dict[str, dict[bytes, bytes]] = {}
        for kind, used in self.used.items():
            stored = self.stored.by_kind.get(kind, {})
            delta = self.delta.get(kind, {})
            fresh = {digest: bytes(data) for digest, data in used.items()
                     if digest not in stored and digest not in delta and self._in_parts(kind, digest) is None}
            if fresh:
                new[kind] = fresh
        return new

    def add(self, fragments: dict[str, dict[bytes, bytes]]) -> None:
        """Keep fragments another process of the build computed (see `adopt`)."""
        for kind, fresh in fragments.items():
            self.used.setdefault(kind, {}).update(fresh)
            self.misses += len(fresh)

    def usage(self) -> tuple[dict[str, dict[bytes, bytes]], dict[str, list[bytes]]]:
        """What another process of the build needs to keep what this one used (`adopt`): the fragments computed
        here, and the keys of those reused from the files, which that process has mapped too."""
        fresh = self.new_fragments()
        reused = {kind: [key for key in used if key not in fresh.get(kind, ())] for kind, used in self.used.items()}
        return fresh, {kind: keys for kind, keys in reused.items() if keys}

    def handover(self) -> Handover:
        """What a forked page worker gives the main process at its end, for `adopt`.

        Starting from an empty memo, every fragment it used it made: it writes them to a part file of its own,
        while the main process finishes, and hands over the file's name (see the module docstring). Otherwise,
        or when the part cannot be written, it hands over its `usage()`.
        """
        if self.file is not None and self.starts_empty:
            try:
                return ("part", self._write_part())
            except OSError:
                pass
        return ("usage", self.usage())

    @property
    def starts_empty(self) -> bool:
        """Whether nothing was kept when this memo was opened (a first build, or the salt changed)."""
        return not (self.stored.by_kind or self.delta or self.parts)

    def part_name(self, pid: int) -> str:
        """The name of the part file the page worker with `pid`, forked from this memo, writes (`handover`)."""
        return f"{self.build_token}-{pid}"

    def adopt(self, handover: Handover) -> None:
        """Keep what a forked process of this build used (its `handover()`), as if this process had used it: a
        reused fragment left out of `used` would be dropped when the main file is next written."""
        how, what = handover
        if how == "part":
            if what not in self.new_parts:
                self.new_parts.append(what)
            return
        fresh, reused = what
        self.add(fresh)
        for kind, keys in reused.items():
            used = self.used.setdefault(kind, {})
            for key in keys:
                if key not in used:
                    data = self._kept(kind, key)
                    if data is not None:
                        used[key] = data

    def save(self, parts_of: Sequence[int] = ()) -> None:
        """Keep the fragments this build used (and only those); failures are ignored.

        Nothing is written when nothing was computed. What this build used beyond the main file and its parts goes
        to the delta, until that is REWRITE_FRAGMENTS of the fragments the build used or REWRITE_BYTES of their bytes:
        then the main file is written again with everything, and the delta and the parts are dropped. When this
        build's workers write parts, the main file is written to list them.

        `parts_of`: the pids of page workers forked from this memo that are still rendering, or writing their
        parts: when the memo started empty, the main file lists their parts without waiting for them (a part
        that is then never written is only fragments made again).
        """
        if parts_of and self.starts_empty:
            self.new_parts += [name for name in map(self.part_name, parts_of) if name not in self.new_parts]
        if self.file is None or not (self.misses or len(self.new_parts) > self.listed_parts):
            return
        beyond = {kind: {digest: data for digest, data in used.items()
                         if digest not in self.stored.by_kind.get(kind, {}) and self._in_parts(kind, digest) is None}
                  for kind, used in self.used.items()}
        beyond = {kind: fragments for kind, fragments in beyond.items() if fragments}
        count = sum(len(fragments) for fragments in beyond.values())
        size = sum(len(data) for fragments in beyond.values() for data in fragments.values())
        used_count = sum(len(used) for used in self.used.values())
        kept_bytes = len(self.blob) + sum(len(part.blob) for part in self.parts)
        try:
            share, at_least = REWRITE_FRAGMENTS
            if (self.stored.by_kind and not self.new_parts and count < max(at_least, used_count * share)
                    and size < kept_bytes * REWRITE_BYTES):
                self._write_delta(beyond)
            else:
                self._write_main()
        except OSError:
            return
        self.misses, self.listed_parts = 0, len(self.new_parts)

    def _write_main(self) -> None:
        assert self.file is not None
        _write_fragments(self.file, self.salt, self.used, self.new_parts)
        _delta_file(self.file).unlink(missing_ok=True)  # it extended the file just replaced
        listed = {_part_file(self.file, name).name for name in self.new_parts}
        for stale in self.file.parent.glob(f"{self.file.name}.part-*"):
            if stale.name not in listed:  # taken over by the file just written, or left by a failed build
                stale.unlink(missing_ok=True)

    def _write_part(self) -> str:
        assert self.file is not None
        name = self.part_name(os.getpid())
        _write_fragments(_part_file(self.file, name), self.salt, self.used, [])
        return name

    def _write_delta(self, fragments: dict[str, dict[bytes, Fragment]]) -> None:
        assert self.file is not None
        delta = {kind: {digest: bytes(data) for digest, data in kept.items()} for kind, kept in fragments.items()}
        data = {"format": FORMAT, "salt": self.salt, "generation": self.generation, "fragments": delta}
        write_cache_file(_delta_file(self.file), pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _write_fragments(file: Path, salt: str, fragments: dict[str, dict[bytes, Fragment]], parts: list[str]) -> None:
    """A main or part file: a pickled head (the index, and the parts a main file lists), then every fragment."""
    pieces: list[Fragment] = [b""]  # the head goes first, once it is known
    by_kind: dict[str, dict[bytes, int]] = {}
    start = 0
    for kind, used in fragments.items():
        places = by_kind[kind] = {}
        for digest, data in used.items():
            size = len(data)
            places[digest] = start << _LENGTH_BITS | size
            pieces.append(data)
            start += size
    head = {"format": FORMAT, "salt": salt, "fragments": FragmentIndex(by_kind), "blob_size": start,
            "generation": os.urandom(16), "parts": parts}
    pieces[0] = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
    write_cache_file(file, pieces)


def _map(file: Path, salt: str) -> tuple[dict[str, Any], memoryview]:
    """The head and the fragments' bytes (mapped, not read) of a main or part file made with `salt`; raises when
    the file is missing, torn or foreign."""
    with file.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    head = pickle.loads(mapped)
    if head.get("format") != FORMAT or head.get("salt") != salt or not 0 <= head["blob_size"] <= len(mapped):
        raise ValueError(f"{file} is not a memo made with this salt")
    return head, memoryview(mapped)[len(mapped) - head["blob_size"]:]


def _part_file(file: Path, name: str) -> Path:
    return file.with_name(f"{file.name}.part-{name}")


def _delta_file(file: Path) -> Path:
    return file.with_name(file.name + ".delta")


def _read_delta(file: Path, salt: str, generation: bytes) -> dict[str, dict[bytes, bytes]]:
    """The delta kept for the main file of `generation`, else nothing."""
    try:
        data = pickle.loads(file.read_bytes())
        if data.get("format") == FORMAT and data.get("salt") == salt and data.get("generation") == generation:
            return data["fragments"]
    except Exception:  # noqa: BLE001 - missing, torn or foreign: only the main file counts
        pass
    return {}
