"""`timeline serve`: preview, rebuild on change, live reload, error page for broken files, clean stop."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from timeline.load.content import Content, Project
from timeline.scaffold import init_project
from timeline.site.serve import (
    SCRIPT_PATH,
    Preview,
    error_page,
    inject_live_reload,
    make_server,
    snapshot,
    watch,
)

HAS_BUILDER = importlib.util.find_spec("timeline.site.build") is not None
TIMEOUT = 15.0


def fetch(url: str) -> tuple[int, str]:
    """Status and body, for error statuses too."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(url: str, predicate, timeout: float = TIMEOUT) -> tuple[int, str]:
    """Fetch `url` until `predicate(status, body)` holds; fail with the last response after `timeout`."""
    deadline = time.monotonic() + timeout
    last: tuple[int, str] = (0, "")
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
        except OSError:  # not listening yet, or mid-swap
            time.sleep(0.1)
            continue
        if predicate(*last):
            return last
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {url}; last response {last[0]}: {last[1][:500]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


EVENT = "content/events/2024-03-04-council-approves-harbour-bridge.yaml"


def _retitle(root: Path, new_title: str) -> None:
    path = root / EVENT
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", f"title: {new_title}", text)
    path.write_text(text, encoding="utf-8")


# Pure parts.

def test_inject_live_reload_before_body_end():
    page = inject_live_reload("<html><body><p>x</p></BODY></html>", 7)
    assert page == f'<html><body><p>x</p><script src="{SCRIPT_PATH}" data-version="7"></script></BODY></html>'
    assert inject_live_reload("fragment", 1).startswith("fragment<script")


def test_error_page_escapes_messages_and_reloads():
    page = error_page(['error: content/events/x.yaml:3:7: bad <value> "here"'], 4)
    assert "content/events/x.yaml:3:7: bad &lt;value&gt; &quot;here&quot;" in page
    assert 'data-version="4"' in page and "1 problem(s)" in page


def test_snapshot_sees_changes_and_ignores_editor_files(tmp_path):
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    before = snapshot([tmp_path, tmp_path / "missing"])
    (tmp_path / ".a.yaml.swp").write_text("x", encoding="utf-8")
    (tmp_path / "a.yaml~").write_text("x", encoding="utf-8")
    assert snapshot([tmp_path]) == before
    (tmp_path / "a.yaml").write_text("xy", encoding="utf-8")
    assert snapshot([tmp_path]) != before


# The server with a stand-in builder: the serving, watching and error handling, independent of the theme.

def _fake_build(content: Content, out: Path, base_url: str | None, include_drafts: bool) -> None:
    assert base_url == "/"
    out.mkdir(parents=True, exist_ok=True)
    titles = "".join(f'<li><a href="/events/{e.id}/">{html.escape(e.title)}</a></li>' for e in content.events)
    (out / "index.html").write_text(f"<html><body><ul>{titles}</ul></body></html>", encoding="utf-8")
    (out / "style.css").write_text("body{}", encoding="utf-8")
    for event in content.events:
        page = out / "events" / event.id / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html><body><h1>{html.escape(event.title)}</h1></body></html>", encoding="utf-8")


@pytest.fixture
def running_preview(tmp_path):
    root = tmp_path / "proj"
    init_project(root)
    preview = Preview(Project(root), build=_fake_build, log=open("/dev/null", "w"))  # noqa: SIM115
    preview.rebuild()
    server = make_server(preview, "127.0.0.1", 0)
    stop = threading.Event()
    threads = [threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}),
               threading.Thread(target=watch, args=(preview, stop, 0.1))]
    for thread in threads:
        thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}", preview
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        for thread in threads:
            thread.join(timeout=5)
        preview.log.close()


def test_preview_serves_rebuilds_and_shows_errors(running_preview):
    root, base, preview = running_preview
    status, body = fetch(base + "/")
    assert status == 200 and "Northport council approves the harbour bridge" in body
    assert f'<script src="{SCRIPT_PATH}" data-version="1"></script></body>' in body
    status, css = fetch(base + "/style.css")
    assert status == 200 and css == "body{}", "non-HTML files are served as they are"
    status, script = fetch(base + SCRIPT_PATH)
    assert status == 200 and "/__timeline/version" in script

    _retitle(root, "Council backs the bridge")
    wait_for(base + "/events/2024-03-04-council-approves-harbour-bridge/",
             lambda s, b: s == 200 and "Council backs the bridge" in b)
    # The build writes its pages before it moves the build number, so a page can be new a moment before the
    # number is; the browser's script polls the number, and so does this test.
    wait_for(base + "/__timeline/version", lambda s, b: s == 200 and json.loads(b)["version"] >= 2)

    (root / EVENT).write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    status, body = wait_for(base + "/", lambda s, b: s == 500)
    assert re.search(r"content/events/2024-03-04-council-approves-harbour-bridge\.yaml:\d+", body)
    assert SCRIPT_PATH in body, "the error page reloads by itself once the file is fixed"
    # Every HTML page shows the error, even ones that do not exist; static files still come from the last build.
    assert fetch(base + "/events/2024-03-04-council-approves-harbour-bridge/")[0] == 500
    assert fetch(base + "/no/such/page/")[0] == 500
    assert fetch(base + "/style.css")[0] == 200
    version = fetch(base + "/__timeline/version")[1]
    assert '"ok": false' in version

    init_copy = root.parent / "copy"
    init_project(init_copy)
    (root / EVENT).write_bytes((init_copy / EVENT).read_bytes())
    wait_for(base + "/", lambda s, b: s == 200 and "Northport council approves the harbour bridge" in b)


def test_preview_404_and_no_path_traversal(running_preview):
    root, base, _ = running_preview
    (root / ".timeline" / "secret.txt").write_text("secret", encoding="utf-8")
    assert fetch(base + "/no/such/page/")[0] == 404
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/../content/timeline.yaml", "/..%2f..%2fcontent/people.yaml"):
        status, body = fetch(base + path)
        assert status == 404 and "secret" not in body and "people:" not in body


def test_serve_reports_a_busy_port(tmp_path, cli):
    root = tmp_path / "proj"
    init_project(root)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = cli("-C", str(root), "serve", "--port", str(port))
    assert result.code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.err and "--port" in result.err


def test_serve_outside_a_project(tmp_path, cli):
    result = cli("-C", str(tmp_path), "serve", "--port", "0")
    assert result.code == 1 and "no content/ folder here" in result.err


# The real command, as a user runs it.

@pytest.mark.slow
@pytest.mark.skipif(not HAS_BUILDER, reason="timeline.site.build is not written yet")
def test_timeline_serve_end_to_end(tmp_path):
    root = tmp_path / "proj"
    init_project(root)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "serve", "--port", str(port)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        status, home = wait_for(base + "/", lambda s, b: s == 200)
        assert "Northport council approves the harbour bridge" in home
        assert SCRIPT_PATH in home
        match = re.search(r'href="(/[^"]*2024-03-04-council-approves-harbour-bridge[^"]*)"', home)
        assert match, "the home page links to the event"
        event_url = base + match.group(1)
        assert fetch(event_url)[0] == 200
        assert not (root / "site").exists(), "the preview never touches the published build"

        _retitle(root, "Council backs the harbour bridge at last")
        wait_for(event_url, lambda s, b: s == 200 and "Council backs the harbour bridge at last" in b)

        good = (root / EVENT).read_text(encoding="utf-8")
        (root / EVENT).write_text(good.replace("kind: vote", "kind: [vote"), encoding="utf-8")
        status, body = wait_for(event_url, lambda s, b: s == 500)
        assert re.search(r"content/events/2024-03-04-council-approves-harbour-bridge\.yaml:\d+", body)

        (root / EVENT).write_text(good, encoding="utf-8")
        wait_for(event_url, lambda s, b: s == 200 and "Council backs the harbour bridge at last" in b)
        assert process.poll() is None, "the server survived the broken file"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            out, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    assert process.returncode == 0, err
    assert f"Serving http://127.0.0.1:{port}/" in err
    assert "build failed" in err and "content/events/2024-03-04-council-approves-harbour-bridge.yaml:" in err
    assert "Stopped." in err


# The live-reload script in a real browser.

def _chromium() -> str | None:
    import shutil

    if importlib.util.find_spec("playwright") is None:
        return None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.skipif(_chromium() is None, reason="needs playwright and Debian's chromium")
def test_open_page_reloads_itself_on_change_and_on_error(running_preview):
    from playwright.sync_api import sync_playwright

    root, base, _ = running_preview
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(base + "/events/2024-03-04-council-approves-harbour-bridge/")
            assert page.inner_text("h1") == "Northport council approves the harbour bridge"
            good = (root / EVENT).read_text(encoding="utf-8")
            _retitle(root, "Reloaded without a click")
            page.wait_for_function("document.body.innerText.includes('Reloaded without a click')", timeout=10_000)
            (root / EVENT).write_text("title: [unclosed\n", encoding="utf-8")
            page.wait_for_function("document.title.startsWith('Build failed')", timeout=10_000)
            assert "2024-03-04-council-approves-harbour-bridge.yaml:" in page.inner_text("ol")
            (root / EVENT).write_text(good, encoding="utf-8")
            page.wait_for_function("document.body.innerText.includes('Northport council approves')", timeout=10_000)
        finally:
            browser.close()


def test_preview_passes_drafts_and_base_url_to_the_build(tmp_path):
    root = tmp_path / "proj"
    init_project(root)
    calls = []

    def build(content, out, base_url, include_drafts):
        calls.append((out, base_url, include_drafts))

    with open("/dev/null", "w") as log:
        preview = Preview(Project(root), include_drafts=True, build=build, log=log)
        assert preview.rebuild() and preview.version == 1 and preview.state()["ok"]
    assert calls == [(root / ".timeline" / "preview", "/", True)]


def test_preview_survives_a_crashing_build(tmp_path):
    root = tmp_path / "proj"
    init_project(root)

    def build(content, out, base_url, include_drafts):
        raise RuntimeError("disk full")

    with open("/dev/null", "w") as log:
        preview = Preview(Project(root), build=build, log=log)
        assert not preview.rebuild()
    assert preview.errors[0].startswith("error: RuntimeError: disk full")
    assert "--debug" in preview.errors[0]
