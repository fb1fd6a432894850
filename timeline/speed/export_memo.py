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

A page-rendering worker sends the main process what it used (`usage`, `adopt`), so that the main process keeps
every fragment of the build.
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

FORMAT = 6  # 4: the exports and the pages keep separate memos; 6: no part files
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
# What a forked page worker hands the main process at its end (`ExportMemo.usage`, `adopt`): the fragments it
# computed, and the keys of those it reused.
Usage = tuple[dict[str, dict[bytes, bytes]], dict[str, list[bytes]]]


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


class ExportMemo:
    """Fragments by kind and event digest; `fragments` and `fragment` return the kept ones or compute and keep them."""

    def __init__(self, digests: dict[str, bytes], file: Path | None = None, salt: str = "",
                 stored: FragmentIndex | None = None, blob: bytes | memoryview = b"", generation: bytes = b"",
                 delta: dict[str, dict[bytes, bytes]] | None = None):
        self.digests = digests
        self.file = file
        self.salt = salt
        self.stored = stored if stored is not None else FragmentIndex({})
        self.blob = memoryview(blob)
        self.generation = generation  # names this main file, so a delta made for another is not read with it
        self.delta = delta or {}  # fragments kept since the main file was written
        self.used: dict[str, dict[bytes, Fragment]] = {}
        self.misses = 0  # fragments computed here, or adopted, since the last save

    @classmethod
    def open(cls, file: Path, salt: str, digests: dict[str, bytes]) -> ExportMemo:
        """The memo kept in `file` when it was made with the same `salt`, else an empty one that will be kept there."""
        try:
            head, blob = _map(file, salt)
            return cls(digests, file, salt, head["fragments"], blob, head["generation"],
                       _read_delta(_delta_file(file), salt, head["generation"]))
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
            return self.delta.get(kind, {}).get(key)
        return _at(self.blob, place)

    def new_fragments(self) -> dict[str, dict[bytes, bytes]]:
        """The fragments computed in this process (a page-rendering worker sends them back to be kept)."""
        new: dict[str, dict[bytes, bytes]] = {}
        for kind, used in self.used.items():
            stored = self.stored.by_kind.get(kind, {})
            delta = self.delta.get(kind, {})
            fresh = {digest: bytes(data) for digest, data in used.items()
                     if digest not in stored and digest not in delta}
            if fresh:
                new[kind] = fresh
        return new

    def add(self, fragments: dict[str, dict[bytes, bytes]]) -> None:
        """Keep fragments another process of the build computed (see `adopt`)."""
        for kind, fresh in fragments.items():
            self.used.setdefault(kind, {}).update(fresh)
            self.misses += len(fresh)

    def usage(self) -> Usage:
        """What another process of the build needs to keep what this one used (`adopt`): the fragments computed
        here, and the keys of those reused from the files, which that process has mapped too."""
        fresh = self.new_fragments()
        reused = {kind: [key for key in used if key not in fresh.get(kind, ())] for kind, used in self.used.items()}
        return fresh, {kind: keys for kind, keys in reused.items() if keys}

    def adopt(self, usage: Usage) -> None:
        """Keep what a forked process of this build used (its `usage()`), as if this process had used it: a
        reused fragment left out of `used` would be dropped when the main file is next written."""
        fresh, reused = usage
        self.add(fresh)
        for kind, keys in reused.items():
            used = self.used.setdefault(kind, {})
            for key in keys:
                if key not in used:
                    data = self._kept(kind, key)
                    if data is not None:
                        used[key] = data

    def save(self) -> None:
        """Keep the fragments this build used (and only those); failures are ignored.

        Nothing is written when nothing was computed. What this build used beyond the main file goes to the delta,
        until that is REWRITE_FRAGMENTS of the fragments the build used or REWRITE_BYTES of their bytes: then the
        main file is written again with everything, and the delta is dropped.
        """
        if self.file is None or not self.misses:
            return
        beyond = {kind: {digest: data for digest, data in used.items() if digest not in self.stored.by_kind.get(kind, {})}
                  for kind, used in self.used.items()}
        beyond = {kind: fragments for kind, fragments in beyond.items() if fragments}
        count = sum(len(fragments) for fragments in beyond.values())
        size = sum(len(data) for fragments in beyond.values() for data in fragments.values())
        used_count = sum(len(used) for used in self.used.values())
        try:
            share, at_least = REWRITE_FRAGMENTS
            if (self.stored.by_kind and count < max(at_least, used_count * share)
                    and size < len(self.blob) * REWRITE_BYTES):
                self._write_delta(beyond)
            else:
                self._write_main()
        except OSError:
            return
        self.misses = 0

    def _write_main(self) -> None:
        assert self.file is not None
        _write_fragments(self.file, self.salt, self.used)
        _delta_file(self.file).unlink(missing_ok=True)  # it extended the file just replaced

    def _write_delta(self, fragments: dict[str, dict[bytes, Fragment]]) -> None:
        assert self.file is not None
        delta = {kind: {digest: bytes(data) for digest, data in kept.items()} for kind, kept in fragments.items()}
        data = {"format": FORMAT, "salt": self.salt, "generation": self.generation, "fragments": delta}
        write_cache_file(_delta_file(self.file), pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _write_fragments(file: Path, salt: str, fragments: dict[str, dict[bytes, Fragment]]) -> None:
    """The memo file: a pickled head (the index), then every fragment."""
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
            "generation": os.urandom(16)}
    pieces[0] = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
    write_cache_file(file, pieces)


def _map(file: Path, salt: str) -> tuple[dict[str, Any], memoryview]:
    """The head and the fragments' bytes (mapped, not read) of a memo file made with `salt`; raises when
    the file is missing, torn or foreign."""
    with file.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    head = pickle.loads(mapped)
    if head.get("format") != FORMAT or head.get("salt") != salt or not 0 <= head["blob_size"] <= len(mapped):
        raise ValueError(f"{file} is not a memo made with this salt")
    return head, memoryview(mapped)[len(mapped) - head["blob_size"]:]


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
