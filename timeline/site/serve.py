"""`timeline serve`: a local preview that rebuilds when content or templates change and reloads the page.

The preview is built into `.timeline/preview/` (never `site/`, so previewing drafts cannot clobber the
build that is about to be published) with the base URL forced to `/`, whatever `timeline.yaml` says:
the preview is always served from the root of http://127.0.0.1:PORT/.

A watcher thread polls the modification times of `content/` and `templates/` twice a second (no extra
dependency, and it works the same on every file system) and rebuilds on any change. Every served HTML
page gets one small script that polls `/__timeline/version` and reloads when the build number moves.
While the content has errors, every HTML request gets an error page listing them (path:line: message),
with the same script, so fixing the file brings the site back by itself.
"""

from __future__ import annotations

import html
import json
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO

from ..errors import ContentError
from ..files.project_lock import project_lock
from ..load.content import Content, Project, load_content

POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.1  # an editor's save can touch several files; let the burst finish before building
VERSION_PATH = "/__timeline/version"
SCRIPT_PATH = "/__timeline/live-reload.js"

# Served from our own path rather than inlined, so a Content-Security-Policy of script-src 'self' allows it.
LIVE_RELOAD_JS = """\
(function () {
  var script = document.currentScript;
  var shown = script ? script.getAttribute("data-version") : null;
  function poll() {
    fetch("__VERSION_PATH__", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (shown !== null && String(state.version) !== shown) { location.reload(); return; }
      setTimeout(poll, 500);
    }).catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 500);
})();
""".replace("__VERSION_PATH__", VERSION_PATH)

BuildFunction = Callable[[Content, Path, "str | None", bool], Any]


def _default_build(content: Content, out: Path, base_url: str | None, include_drafts: bool) -> Any:
    from .build import build_site

    return build_site(content, out, base_url=base_url, include_drafts=include_drafts)


def preview_dir(project: Project) -> Path:
    return project.state_dir / "preview"


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Path -> (mtime in ns, size) of every visible file under `folders`; any difference means "rebuild"."""
    seen: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
            for name in filenames:
                # Editors' swap and backup files change on every keystroke and never affect the build.
                if name.startswith(".") or name.endswith(("~", ".swp", ".swx", ".tmp")):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    stat = os.stat(path)
                except OSError:  # deleted between listing and stat: the next poll sees it gone
                    continue
                seen[path] = (stat.st_mtime_ns, stat.st_size)
    return seen


def live_reload_tag(version: int) -> str:
    return f'<script src="{SCRIPT_PATH}" data-version="{version}"></script>'


def inject_live_reload(page: str, version: int) -> str:
    """The page with the live-reload script added just before `</body>` (or at the end)."""
    tag = live_reload_tag(version)
    index = page.lower().rfind("</body>")
    if index == -1:
        return page + tag
    return page[:index] + tag + page[index:]


def error_page(messages: list[str], version: int) -> str:
    """A self-contained page listing build errors; it reloads by itself once they are fixed."""
    items = "\n".join(f"<li><code>{html.escape(m)}</code></li>" for m in messages)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed: timeline preview</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }}
h1 {{ color: #a4161a; font-size: 1.5rem; }}
li {{ margin: .5rem 0; }}
code {{ white-space: pre-wrap; word-break: break-word; }}
</style>
</head>
<body>
<h1>The preview could not be built</h1>
<p>{len(messages)} problem(s). Fix them and save: this page reloads by itself.</p>
<ol>
{items}
</ol>
{live_reload_tag(version)}
</body>
</html>
"""


@dataclass
class Preview:
    """The preview build: rebuilds on demand and remembers the build number and the last errors."""

    project: Project
    include_drafts: bool = False
    build: BuildFunction = _default_build
    log: TextIO = field(default_factory=lambda: sys.stderr)
    version: int = 0
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.out = preview_dir(self.project)
        self._lock = threading.Lock()

    def watched(self) -> list[Path]:
        return [self.project.content_dir, self.project.templates_dir]

    def rebuild(self) -> bool:
        """Load and build once; on failure keep the last good build on disk and record the errors."""
        with self._lock:
            started = time.perf_counter()
            errors = self._build_errors()
            self.errors = errors
            self.version += 1
            if errors:
                print(f"[{time.strftime('%H:%M:%S')}] build failed, {len(errors)} problem(s):", file=self.log)
                for message in errors:
                    print(f"  {message}", file=self.log)
            else:
                print(f"[{time.strftime('%H:%M:%S')}] rebuilt in {time.perf_counter() - started:.2f}s",
                      file=self.log)
            self.log.flush()
            return not errors

    def _build_errors(self) -> list[str]:
        try:
            # Locked from loading to writing, like `timeline build`: never read content/ while ingest writes it.
            with project_lock(self.project, "serve") if self.project.content_dir.is_dir() else nullcontext():
                content = load_content(self.project)
                if content.problems.errors:
                    return [str(p) for p in sorted(content.problems.errors)]
                self.out.parent.mkdir(parents=True, exist_ok=True)
                self.build(content, self.out, "/", self.include_drafts)
        except ContentError as exc:
            return [str(p) for p in exc.problems]
        except Exception as exc:  # noqa: BLE001 - the server must survive any build failure and show it
            where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            at = f" (at {Path(where.filename).name}:{where.lineno})" if where else ""
            return [f"error: {type(exc).__name__}: {exc}{at}; run `timeline --debug build` for a traceback"]
        return []

    def state(self) -> dict[str, Any]:
        return {"version": self.version, "ok": not self.errors, "errors": list(self.errors)}


def watch(preview: Preview, stop: threading.Event, interval: float = POLL_SECONDS) -> None:
    """Rebuild whenever a watched file changes, until `stop` is set."""
    last = snapshot(preview.watched())
    while not stop.wait(interval):
        current = snapshot(preview.watched())
        if current == last:
            continue
        if stop.wait(SETTLE_SECONDS):
            return
        last = snapshot(preview.watched())
        preview.rebuild()


class _PreviewRequestHandler(SimpleHTTPRequestHandler):
    """Static files from the preview folder; HTML gets the live-reload script, or the error page."""

    preview: Preview  # set on the subclass `make_server` creates

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's signature
        pass  # one line per request drowns the rebuild messages that matter

    def end_headers(self) -> None:
        # A preview must never show a cached page from an older build.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        if route == VERSION_PATH:
            return self._send(HTTPStatus.OK, "application/json", json.dumps(self.preview.state()).encode(), head)
        if route == SCRIPT_PATH:
            return self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", LIVE_RELOAD_JS.encode(), head)
        path = Path(self.translate_path(self.path))  # stays inside the preview folder, as http.server ensures
        if path.is_dir():
            if not route.endswith("/"):
                return super().do_HEAD() if head else super().do_GET()  # the base class redirects to dir/
            path = path / "index.html"
        is_html = path.suffix in (".html", ".htm") or (not path.suffix and not path.exists())
        if self.preview.errors and is_html:
            page = error_page(self.preview.errors, self.preview.version)
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", page.encode(), head)
        if is_html:
            status = HTTPStatus.OK
            if not path.is_file():
                status, path = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
                if not path.is_file():
                    return self.send_error(HTTPStatus.NOT_FOUND, "No such page in the preview")
            try:
                page = path.read_text(encoding="utf-8")
            except OSError:  # swapped away by a rebuild between the check and the read
                return self.send_error(HTTPStatus.SERVICE_UNAVAILABLE, "Rebuilding; reload in a moment")
            page = inject_live_reload(page, self.preview.version)
            return self._send(status, "text/html; charset=utf-8", page.encode("utf-8"), head)
        return super().do_HEAD() if head else super().do_GET()

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def make_server(preview: Preview, host: str, port: int) -> ThreadingHTTPServer:
    """An HTTP server for `preview` bound to host:port (port 0: any free port)."""
    handler = type("PreviewHandler", (_PreviewRequestHandler,), {"preview": preview})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(preview.out)))
    server.daemon_threads = True
    return server


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def serve(project: Project, host: str = "127.0.0.1", port: int = 8000, include_drafts: bool = False,
          build: BuildFunction = _default_build) -> int:
    """Build, serve and rebuild on change until Ctrl-C (or SIGTERM); returns the exit code."""
    if not project.content_dir.is_dir():
        print(f"error: {project.relative(project.content_dir)}: no content/ folder here; run in a timeline project, "
              "pass -C DIR, or create one with `timeline init DIR`", file=sys.stderr)
        return 1
    preview = Preview(project, include_drafts=include_drafts, build=build)
    try:
        server = make_server(preview, host, port)
    except OSError as exc:
        print(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}; choose another with --port N",
              file=sys.stderr)
        return 1
    preview.rebuild()
    bound_port = server.server_address[1]
    print(f"Serving {_url(host, bound_port)} (preview build in {project.relative(preview.out)}/, "
          f"{'with' if include_drafts else 'without'} drafts). Watching content/ and templates/; Ctrl-C to stop.",
          file=sys.stderr, flush=True)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, stop), name="timeline-watch", daemon=True)
    watcher.start()
    # SIGTERM (a process manager, a test) stops as cleanly as Ctrl-C.
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=5)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


def _raise_keyboard_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
