"""Incremental builds: re-render only the pages whose inputs changed, reuse the rest of the previous build.

Every page gets a key: a digest of the build's shared inputs (tool code, theme, project templates, config,
people registry, article list, options) and of the events the page shows, in the order and role it shows
them (an event page: itself, its thread neighbours, related and mentioned events; a thread or person page:
its events; the home, threads, people and sources pages: every event they list). An event counts by a
digest that stands for what its file parsed to (of the file's bytes, from the parse cache, `Content.digests`).
A page whose key equals the key recorded for the files being reused is not rendered again: its bytes would be
the same.

The files being reused are either the previous site (hard-linked into the new build's temp folder) or,
better, the *spare*: the site before the previous one, which the last build kept in `.timeline/cache/`
after swapping the new site in. The spare is moved into the temp folder, only its stale pages are
rewritten (a new file each time, never in place: the spare shares files with the live site), and the
folders are swapped in one step as in a full build; the site that was live becomes the next spare. So a
one-event edit writes a few dozen files and no folder tree is copied or deleted, and a killed build still
leaves the old site or the new one. Exports and static files are rewritten on every build.

Without the parse cache (TIMELINE_CACHE=off), without a manifest, or when templates are overridden in a
way that could read any page's data, the build is a full one.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..load.content import Content
from ..site.output import marker_identity
from ..site.view import Entry, EventView, SiteView
from .parallel import PageJob
from .parse_cache import cache_enabled, write_cache_file

MANIFEST_FORMAT = 2
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # timeline/: its code and built-in theme
# The code a page's bytes can depend on: the build and export stages, the theme, and the model they read.
# (Not all of timeline/: a change to the extractor or to ingest does not change a rendered page.)
RENDERING_CODE = ("site", "speed", "load", "files", "theme", "__init__.py", "partial_date.py", "errors.py", "markdown.py")


def _tree_digest(digest: Any, root: Path) -> None:
    """Feed every file under `root` (name and bytes, sorted) into `digest` (a hashlib object); `root` may be one file."""
    if root.is_file():
        digest.update(root.name.encode() + b"\0" + root.read_bytes())
        return
    if not root.is_dir():
        digest.update(b"\0absent")
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".pyc"):
                continue
            path = os.path.join(dirpath, name)
            digest.update(os.path.relpath(path, root).encode() + b"\0")
            try:
                with open(path, "rb") as handle:
                    digest.update(handle.read())
            except OSError:
                digest.update(b"\0unreadable")


def build_salt(content: Content, base_url: str | None, include_drafts: bool) -> str:
    """What every page depends on besides its events; any change to it re-renders everything."""
    project = content.project
    digest = hashlib.blake2b(digest_size=20)
    digest.update(json.dumps([MANIFEST_FORMAT, __version__, base_url, include_drafts, content.articles]).encode())
    for path in (project.config_path, project.people_path):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0absent")
        digest.update(b"\0")
    _tree_digest(digest, project.templates_dir)
    for name in RENDERING_CODE:
        _tree_digest(digest, PACKAGE_DIR / name)
    return digest.hexdigest()


def _dependencies(job: PageJob, view: SiteView) -> list[EventView | str | None]:
    """The events a page shows, in order, with markers for the role each plays (see the module docstring)."""
    template, context = job[1], job[3]
    if template == "event.html":
        event: EventView = context["event"]
        deps: list[EventView | str | None] = [event]
        for link in event.thread_links:
            deps += ["thread", link.thread.id, link.previous, link.next]
        deps.append("related")
        deps += [r.event for r in event.related]
        deps.append("mentions")
        deps += [m.event for m in event.mentions]
        deps += ["sources", *(source.index_url for source in event.sources)]  # which page lists each report
        return deps
    if template == "year.html":  # its months' cards and gap markers (the last one names the next page's event)
        part = context["part"]
        return ["year", part.path, part.neighbours_text,
                *(item for year in part.groups for month in year.months for item in (month.label, *month.entries))]
    if template in ("thread.html", "person.html") and context.get("part") is not None:
        part = context["part"]
        return ["part", part.path, part.neighbours_text, *part.events]
    if template == "thread.html":
        return list(context["thread"].events)
    if template == "person.html":
        return list(context["person"].events)
    if template == "threads.html":
        deps = []
        for thread in view.threads:
            deps += ["thread", thread.id, *thread.events]
        return deps
    if template == "people.html":
        deps = []
        for person in view.people:
            deps += ["person", person.person.id, *person.events]
        return deps
    if template == "sources.html":
        part = context["part"]
        if part is None and view.source_parts:  # the index of the years' pages: their labels and sizes
            return ["source-pages", *(f"{p.path}={p.label}={len(p.groups)}" for p in view.source_parts)]
        deps = ["part", part.neighbours_text] if part is not None else []
        for group in (part.groups if part is not None else view.sources):
            deps += ["source", group.anchor, *group.events]
        return deps
    # The home page, and any page this module does not know: every event, in display order.
    return ["all", *view.events]


def parts_digest(parts: Iterable[Any], digests: dict[str, bytes], known: dict[int, bytes] | None = None) -> bytes | None:
    """A digest of a page's or a block's inputs: events (EventView, or an Entry holding one) by their parsed file's
    digest, gap markers and other text as themselves, None as a placeholder; None when an event has no digest.

    `known`: each event's part of the digest by id(view), kept by the caller for the views of one build (the
    sources page alone asks for every event's part, in a block per source).
    """
    tokens = []
    for part in parts:
        if isinstance(part, Entry):
            part = part.event if part.event is not None else "gap:" + (part.gap or "")
        if isinstance(part, EventView):
            token = known.get(id(part)) if known is not None else None
            if token is None:
                digest = digests.get(part.event.path or "")
                if digest is None:
                    return None
                token = b"e" + part.id.encode() + b"\0" + digest
                if known is not None:
                    known[id(part)] = token
            tokens.append(token)
        elif part is None:
            tokens.append(b"-")
        else:
            tokens.append(b"t" + str(part).encode())
    return hashlib.blake2b(b"\0\1".join(tokens), digest_size=16).digest()


def page_keys(jobs: list[PageJob], view: SiteView, salt: str, wide: bool = False,
              known: dict[int, bytes] | None = None) -> dict[str, str] | None:
    """Output name -> key for every page, or None when some event has no digest (nothing can be reused).

    `wide`: the project overrides templates, which may read any event from any page (through `site`), so
    every page depends on every event. `known`: as for `parts_digest`, shared with the build's blocks.
    """
    digests = view.content.digests
    known = {} if known is None else known  # the home, people and sources pages list every event
    if wide:
        # Every event once, then that one digest per page (not every event per page, which grows as the square).
        everything = parts_digest([salt, "all", *view.events], digests, known)
        if everything is None:
            return None
        salt = everything.hex()
    keys: dict[str, str] = {}
    for job in jobs:
        digest = parts_digest([salt, job[0], job[1], *(() if wide else _dependencies(job, view))], digests, known)
        if digest is None:
            return None
        keys[job[0]] = digest.hex()
    return keys


@dataclass
class Manifest:
    """One built tree: its pages' keys and every file in it, tied to the tree by its marker file's identity."""

    salt: str
    marker: list[int]
    pages: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def dumps(self) -> bytes:
        # A pickle, not JSON: a build reads manifests three times and writes one, and JSON was a noticeable part
        # of a one-event edit.
        return pickle.dumps({"format": MANIFEST_FORMAT, "salt": self.salt, "marker": self.marker,
                             "pages": self.pages, "files": self.files}, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def read(cls, file: Path, tree: Path) -> Manifest | None:
        """The manifest stored in `file`, if it still describes the tree at `tree` (same marker file)."""
        try:
            data = pickle.loads(file.read_bytes())
        except Exception:  # noqa: BLE001 - missing, torn or foreign: the build is a full one
            return None
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            return None
        if data.get("marker") is None or data.get("marker") != marker_identity(tree):
            return None
        return cls(data["salt"], data["marker"], data["pages"], data["files"])


@dataclass
class BuildState:
    """Where the manifests and the spare tree of builds into one output folder are kept (`.timeline/cache/`)."""

    live_file: Path
    spare_dir: Path
    spare_file: Path
    export_memo_file: Path  # the exports' per-event fragments (export_memo.py)
    page_memo_file: Path  # the pages' fragments: event cards, months of the home page, sources' entries...

    @classmethod
    def for_output(cls, state_dir: Path, out: Path) -> BuildState | None:
        """None when incremental builds are off (no cache) or the spare could not be swapped with `out` cheaply."""
        if not cache_enabled():
            return None
        name = hashlib.blake2b(str(out.resolve()).encode(), digest_size=8).hexdigest()
        cache = state_dir / "cache"
        return cls(cache / f"site-{name}.manifest.pickle", cache / f"site-{name}.spare",
                   cache / f"site-{name}.spare.manifest.pickle", cache / f"site-{name}.exports.pickle",
                   cache / f"site-{name}.pages.pickle")

    def same_device(self, out: Path) -> bool:
        """The spare can move into place by renaming only on the output's file system."""
        try:
            self.spare_dir.parent.mkdir(parents=True, exist_ok=True)
            return os.stat(self.spare_dir.parent).st_dev == os.stat(out.resolve().parent).st_dev
        except OSError:
            return False

    def record(self, file: Path, manifest: Manifest | None) -> None:
        """Store or forget a manifest; failures only make the next build a full one."""
        try:
            if manifest is None:
                file.unlink(missing_ok=True)
            else:
                write_cache_file(file, manifest.dumps())
        except OSError:
            pass
