"""When the build may start worker processes by forking: the one rule both parallel parsing and rendering follow.

Forked workers start in milliseconds and inherit the imported code, the loaded content and the view, so
nothing is pickled to them. But a fork copies only the calling thread: a lock another thread held at that
moment stays locked in the child forever. So a process that runs other threads (`timeline serve`'s
watcher and HTTP server) never forks; its builds parse and render in the one process instead.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.context import BaseContext


def fork_context() -> BaseContext | None:
    """The fork start method where forking is available and safe (this process runs no other thread), else None."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")
