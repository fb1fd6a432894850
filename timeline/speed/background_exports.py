"""The content exports (feeds, calendar, data files, search index) made in a forked process during the build.

They read only the loaded content, not the view model, so on a big site a forked process makes them while
this one builds the view, works out what to render and renders pages: that used to leave a core idle while
the view was built, and kept this process off the pages for a second at 10,000 events. The process writes its
files into a folder of its own beside the output (named like the build's temp folder, so a killed build's is
cleaned up the same way), and `finish` moves them into the build's temp folder: nothing is written into
the temp folder while `_start_from_previous` may still be replacing it.

The exports keep their per-event fragments in a memo of their own (exports/memo.py), which the process opens
and saves itself while the pages are still being rendered: at 10,000 events that is 60 MB that used to come
back through a file and be written again by this process after the last page. A fragment depends only on its
event and the build's salt, so a memo saved by a build that then fails is still right.

Small sites, and systems without fork, make the exports in this process when `finish` is called.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ContentError
from ..load.content import Content
from ..site.exports import ExportMemo, Exports, render_content_exports
from ..site.output import SiteOutput, path_inside
from . import parallel

_inherited: tuple[BackgroundExports, Path] | None = None


def _exit_on_terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _export_in_child(conn: Any) -> None:
    assert _inherited is not None
    exports, folder = _inherited
    gc.disable()  # a short-lived process: its few cycles go when it exits, and collections would scan all content
    # `stop` terminates this process when the build fails: exit through Python, so that a memo being saved
    # removes its temporary file instead of leaving it in .timeline/cache/.
    signal.signal(signal.SIGTERM, _exit_on_terminate)
    try:
        made = exports.render()
        files = folder / "files"
        for name, data in made.items():
            path = path_inside(files, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        conn.send(("ok", list(made), made.notes))
    except ContentError as exc:
        conn.send(("error", exc.problems, None))
    except SystemExit:
        pass  # terminated by `stop`: nobody is waiting for an answer
    except BaseException as exc:  # noqa: BLE001 - reported to the main process, which raises it there
        conn.send(("crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}", None))
    finally:
        conn.close()


@dataclass
class BackgroundExports:
    """The content exports, being made in a forked process (`process` set) or to be made by `finish`."""

    content: Content
    base_url: str | None
    include_drafts: bool
    memo_file: Path | None  # where the exports' memo is kept; None: no memo (incremental builds are off)
    salt: str  # the build's salt, which the memo must have been made with
    folder: Path | None = None
    process: Any = None
    connection: Any = None

    @classmethod
    def start(cls, content: Content, base_url: str | None, include_drafts: bool, memo_file: Path | None, salt: str,
              beside: Path) -> BackgroundExports:
        """Start making the exports; `beside` is the build's output folder (its parent holds the work folder)."""
        global _inherited
        exports = cls(content, base_url, include_drafts, memo_file, salt)
        if len(content.events) < parallel.PARALLEL_MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
            return exports
        beside = beside.resolve()
        beside.parent.mkdir(parents=True, exist_ok=True)
        exports.folder = Path(tempfile.mkdtemp(prefix=f".{beside.name}.building-{os.getpid()}-exports-",
                                               dir=beside.parent))
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        _inherited = (exports, exports.folder)
        try:
            exports.process = context.Process(target=_export_in_child, args=(send,), daemon=True)
            exports.process.start()
        except BaseException:
            exports.stop()
            raise
        finally:
            _inherited = None
            send.close()
        exports.connection = receive
        return exports

    def render(self) -> Exports:
        """Make the exports with the memo kept in `memo_file`, and keep the memo for the next build."""
        memo = ExportMemo.open(self.memo_file, self.salt, self.content.digests) if self.memo_file else None
        exports = render_content_exports(self.content, self.base_url, self.include_drafts, memo=memo)
        if memo is not None:
            memo.save()
        return exports

    def finish(self, output: SiteOutput) -> tuple[list[str], list[str]]:
        """Wait for the exports and put them into `output`: the names of their files and the notes for the build
        report. Raises the error that made them fail, if any."""
        if self.process is None:
            exports = self.render()
            for name, data in exports.items():
                output.write(name, data)
            return list(exports), exports.notes
        assert self.folder is not None
        try:
            try:
                status, detail, notes = self.connection.recv()
            except EOFError:
                raise RuntimeError("making the exports failed: the process making them died") from None
            if status == "error":
                raise ContentError(detail)
            if status != "ok":
                raise RuntimeError(f"making the exports failed in a worker process: {detail}")
            for name in detail:
                output.adopt(name, path_inside(self.folder / "files", name))
            return detail, notes
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the process if it still runs, and delete its folder (after `finish`, or when the build fails)."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
            self.process = None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
