"""The pages' blocks kept between builds: the `fragment` and `fragment_of` template globals and the overviews'
lanes and marks, each kept in the pages' memo (export_memo.py) under a digest of everything it shows.

Without a memo (TIMELINE_CACHE=off, or a build that keeps no state) each block is simply rendered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from ..site.view import EventView
from .export_memo import ExportMemo
from .incremental import parts_digest


def fragment_global(memo: ExportMemo | None) -> Any:
    """The `fragment` template global: `{% call fragment("card", ev) %}...{% endcall %}` renders the block once
    per event version and keeps it between builds (export_memo.py); a block must depend only on that event
    and on what the build's salt covers (config, people, templates, options)."""
    def fragment(kind: str, view: Any, caller: Any) -> Markup:
        if memo is None:
            return Markup(caller())
        return Markup(memo.fragment("page:" + kind, view.event, lambda: str(caller())))
    return fragment


def fragment_of_global(memo: ExportMemo | None, digests: dict[str, bytes], known: dict[int, bytes]) -> Any:
    """The `fragment_of` template global: `{% call fragment_of("month", [label, *entries]) %}...{% endcall %}`
    keeps a block that shows several events (a month of the home page, a source with the events it supports)
    between builds, keyed by all of them; the block must depend only on the listed parts and the build's salt."""
    def fragment_of(kind: str, parts: Iterable[Any], caller: Any) -> Markup:
        digest = parts_digest(parts, digests, known) if memo is not None else None
        if memo is None or digest is None:
            return Markup(caller())
        return Markup(memo.fragment_for("group:" + kind, digest, lambda: str(caller())))
    return fragment_of


class KeptOverviews:
    """Overview lanes and marks kept between builds (an OverviewKeeper), by their events' digests and what else
    they depend on; until a memo is given (or without one), they are simply drawn."""

    def __init__(self, digests: dict[str, bytes], known: dict[int, bytes]):
        self.digests = digests
        self.memo: ExportMemo | None = None
        self.known = known  # see parts_digest
        self._contexts: dict[str, bytes] = {}

    def lane(self, events: list[EventView], context: str, draw: Callable[[], str]) -> str:
        digest = parts_digest([context, *events], self.digests, self.known) if self.memo is not None else None
        if self.memo is None or digest is None:
            return draw()
        return self.memo.fragment_for("overview-lane", digest, draw)

    def mark(self, view: EventView, context: str, draw: Callable[[], str]) -> str:
        event_digest = self.digests.get(view.event.path or "")
        if self.memo is None or event_digest is None:
            return draw()
        prefix = self._contexts.get(context)
        if prefix is None:  # a lane's description is long; its digest stands for it in each mark's key
            prefix = self._contexts[context] = hashlib.blake2b(context.encode(), digest_size=16).digest()
        key = hashlib.blake2b(prefix + event_digest, digest_size=16).digest()
        return self.memo.fragment_for("overview-mark", key, draw)
