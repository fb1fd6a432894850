"""Skipping a build whose inputs have not changed since the last successful one (`make`'s rule).

Before loading anything, `timeline build` fingerprints its inputs from file metadata alone: the name,
size and mtime of every file under content/ and templates/, the built-in theme and the timeline code,
and the build's options. If the fingerprint equals the one recorded after the last successful build
into the same folder, and that folder is still the one that build made (its marker file is the same
file), the site is up to date and nothing is read or written. A file changed less than two seconds before
the fingerprint is taken is not trusted (its next edit could keep the same mtime), so such builds always run
and record nothing.

Set TIMELINE_CACHE=off, or delete .timeline/, to force a full build.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..files.atomic_write import write_text_atomic
from ..load.content import Project
from ..site.output import marker_identity
from .parse_cache import RACY_NS, cache_enabled

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # timeline/: its code and built-in theme


def _walk(root: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of every file under `root`, sorted; empty when it does not exist.

    Files as `os.walk` sees them (symlinked folders are not entered); paths joined by hand, since `relpath`
    on every event file was most of the check's cost.
    """
    found: list[tuple[str, int, int]] = []

    def visit(directory: str, prefix: str) -> None:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name != "__pycache__" and not entry.is_symlink():
                    visit(entry.path, prefix + entry.name + os.sep)
                continue
            try:
                stat = os.stat(entry.path)
            except OSError:
                continue
            found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))

    visit(str(root), "")
    found.sort()
    return found


@dataclass
class BuildStamp:
    """The fingerprint of one build's inputs, and where the last successful build's is kept."""

    out: Path
    fingerprint: str | None  # None: some input is too fresh to trust, or caching is off
    file: Path
    # (size, mtime_ns) of each file under content/ by path, as the fingerprint saw them: loading takes them
    # instead of calling stat on every event file again (see ParseCache.parse_many).
    content_stats: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def for_build(cls, project: Project, out: Path, base_url: str | None, include_drafts: bool) -> BuildStamp:
        """Fingerprint the inputs of building `project` into `out` with these options, now."""
        out = out.resolve()
        name = hashlib.blake2b(str(out).encode(), digest_size=8).hexdigest()
        file = project.state_dir / "cache" / f"build-{name}.json"
        if not cache_enabled():
            return cls(out, None, file)
        started = time.time_ns()
        digest = hashlib.blake2b(digest_size=20)
        digest.update(json.dumps([__version__, str(out), base_url, include_drafts]).encode())
        content_stats: dict[str, tuple[int, int]] = {}
        for label, root in (("content", project.content_dir), ("templates", project.templates_dir),
                            ("timeline", PACKAGE_DIR)):
            entries = _walk(root)
            if label == "content":
                prefix = str(root) + os.sep
                content_stats = {prefix + name: (size, mtime) for name, size, mtime in entries}
            if label != "timeline" and any(mtime >= started - RACY_NS for _, _, mtime in entries):
                return cls(out, None, file, content_stats)
            digest.update(json.dumps([label, entries]).encode())
        return cls(out, digest.hexdigest(), file, content_stats)

    def last_build(self) -> dict | None:
        """What the last successful build recorded, if this build would produce exactly the same site."""
        if self.fingerprint is None:
            return None
        try:
            recorded = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(recorded, dict) or recorded.get("fingerprint") != self.fingerprint:
            return None
        if recorded.get("marker") != marker_identity(self.out):
            return None  # the site folder was deleted, replaced or rebuilt by something else
        return recorded

    def record(self, pages: int, files: int, summary: str) -> None:
        """Remember a successful build; failures to write are ignored (the next build just runs in full)."""
        if self.fingerprint is None:
            return
        data = {"fingerprint": self.fingerprint, "marker": marker_identity(self.out), "pages": pages,
                "files": files, "summary": summary}
        try:
            write_text_atomic(self.file, json.dumps(data, indent=1) + "\n")
        except OSError:
            pass

    def forget(self) -> None:
        try:
            self.file.unlink()
        except OSError:
            pass
