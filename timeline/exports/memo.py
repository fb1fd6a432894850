"""Per-event fragments kept between builds: a one-event edit re-encodes one event, not ten thousand.

Used by the exports and by the pages' event cards (the `fragment` template global, site/build.py).

The big exports (data/timeline.json, calendar.ics) are the same text per event from build to build, and
encoding them is most of an export's cost (indented JSON has no C encoder). Each fragment is keyed by the
format and the digest of what the event's file parsed to (`Content.digests`); the memo as a whole belongs
to one set of shared inputs (the build's salt: code, config, people, options), and is dropped when they
change. A fragment is a pure function of those, so a reused one has the bytes a new one would.

Stored in `.timeline/cache/` beside the build's manifests; a lost or torn memo is only a slower build.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

from ..load_cache import write_cache_file
from ..model import Event

FORMAT = 1


class ExportMemo:
    """Fragments by (format, event digest); `fragment` returns the kept one or computes and keeps it."""

    def __init__(self, digests: dict[str, bytes], file: Path | None = None, salt: str = "",
                 stored: dict[tuple[str, bytes], str] | None = None):
        self.digests = digests
        self.file = file
        self.salt = salt
        self.stored = stored or {}
        self.used: dict[tuple[str, bytes], str] = {}
        self.misses = 0

    @classmethod
    def open(cls, file: Path, salt: str, digests: dict[str, bytes]) -> ExportMemo:
        """The memo kept in `file` when it was made with the same `salt`, else an empty one that will be kept there."""
        try:
            stored = pickle.loads(file.read_bytes())
            if stored.get("format") == FORMAT and stored.get("salt") == salt:
                return cls(digests, file, salt, stored["fragments"])
        except Exception:  # noqa: BLE001 - missing, torn or foreign: start empty
            pass
        return cls(digests, file, salt)

    def fragment(self, kind: str, event: Event, compute: Callable[[], str]) -> str:
        digest = self.digests.get(event.path or "")
        if digest is None:
            return compute()
        key = (kind, digest)
        text = self.used.get(key)
        if text is None:
            text = self.stored.get(key)
        if text is None:
            text = compute()
            self.misses += 1
        self.used[key] = text
        return text

    def new_fragments(self) -> dict[tuple[str, bytes], str]:
        """The fragments computed in this process (a page-rendering worker sends them back to be kept)."""
        return {key: text for key, text in self.used.items() if key not in self.stored}

    def add(self, fragments: dict[tuple[str, bytes], str]) -> None:
        """Keep fragments a worker computed."""
        if fragments:
            self.used.update(fragments)
            self.misses += len(fragments)

    def save(self) -> None:
        """Keep the fragments this build used (and only those); failures are ignored.

        After a small edit the few new fragments are not worth rewriting tens of megabytes: the next build
        computes them again. The memo is written when it was empty, and rewritten once 1% of what a build used
        (at least 100) was new.
        """
        if self.file is None or not self.misses or (self.stored and self.misses < max(100, len(self.used) // 100)):
            return
        data = {"format": FORMAT, "salt": self.salt, "fragments": self.used}
        try:
            write_cache_file(self.file, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
