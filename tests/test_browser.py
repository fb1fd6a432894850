"""The built demo in headless Chromium under a subpath: search, filters, shared URLs, no outside requests.

Uses Debian's /usr/bin/chromium through Playwright (never `playwright install`); skipped when either
is missing.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from timeline.load.content import Project, load_content
from timeline.site.build import build_site

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, and like GitHub Pages the site's 404.html (status 404) for any missing path under /repo/."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "repo" / "404.html"
        if code != 404 or not self.path.startswith("/repo/") or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture
def served_demo(demo_project: Path, tmp_path: Path) -> Iterator[str]:
    """The demo built for /repo/ into <tmp>/www/repo/, served from <tmp>/www on a free port."""
    content = load_content(Project(demo_project))
    assert not content.problems.errors
    www = tmp_path / "www"
    build_site(content, www / "repo", base_url="/repo/", include_drafts=False)
    handler = functools.partial(_PagesHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def _visible_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(".chronology [data-id]",
                                     "cards => cards.filter(c => c.offsetParent !== null).map(c => c.dataset.id)")


def test_search_filters_and_shared_urls_in_chromium(served_demo: str, browser) -> None:  # type: ignore[no-untyped-def]
    host = served_demo
    home = f"http://{host}/repo/"
    console_errors: list[str] = []
    failed: list[str] = []
    foreign: list[str] = []
    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    # A request the browser itself cancels because the test navigates on (net::ERR_ABORTED, e.g. a
    # favicon still loading) is not a broken link; every other failure is.
    page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}")
            if "ERR_ABORTED" not in (request.failure or "") else None)
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.on("request", lambda request: foreign.append(request.url)
            if urlsplit(request.url).netloc != host and not request.url.startswith(("data:", "about:")) else None)

    page.goto(home)
    page.wait_for_selector("#tl-q")
    assert page.is_visible("#filters")
    all_ids = _visible_ids(page)
    assert len(all_ids) == 10
    assert "Showing all 10 events" in page.inner_text("#tl-status")

    # An alias from the registry that no card spells: "Syed Asim Munir" is only in people.yaml.
    page.fill("#tl-q", "syed asim")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'syed asim'")
    found = _visible_ids(page)
    assert found and set(found) < set(all_ids)
    assert all("kurilla-meets-munir" in event_id for event_id in found)
    assert f"Showing {len(found)} of 10 events" in page.inner_text("#tl-status")
    page.fill("#tl-q", "Munir")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Munir'")
    assert set(_visible_ids(page)) == set(found)
    # Escape in the box clears the search from the keyboard.
    page.press("#tl-q", "Escape")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")
    assert _visible_ids(page) == all_ids
    page.fill("#tl-q", "Munir")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Munir'")

    # Every control is labelled and the count is announced.
    assert page.get_attribute("#tl-status", "aria-live") == "polite"
    for control in page.eval_on_selector_all("#filters select, #tl-q", "els => els.map(e => e.id)"):
        assert page.locator(f"label[for='{control}']").count() == 1, control

    # A filter combined with the search, then the search cleared: the filter alone.
    page.fill("#tl-q", "")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")
    page.select_option("#tl-filter-thread", "us-russia-military-channel")
    by_thread = _visible_ids(page)
    assert by_thread and set(by_thread) < set(all_ids)
    assert all(page.get_attribute(f"#event-{i}", "data-threads").split().count("us-russia-military-channel")
               for i in by_thread)
    page.select_option("#tl-filter-kind", "meeting")
    both = _visible_ids(page)
    assert both and set(both) <= set(by_thread)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"thread": ["us-russia-military-channel"], "kind": ["meeting"]}
    # Year sections with no visible card are hidden too.
    hidden_years = page.eval_on_selector_all("section.year", "s => s.filter(x => x.hidden).length")
    assert hidden_years > 0

    # The filtered URL, loaded fresh, restores the same view.
    shared = page.url
    page.goto(shared)
    page.wait_for_selector("#tl-q")
    assert _visible_ids(page) == both
    assert page.input_value("#tl-filter-thread") == "us-russia-military-channel"
    assert page.input_value("#tl-filter-kind") == "meeting"

    # Clear filters brings everything back and empties the URL's query.
    page.click("button.tl-clear")
    assert _visible_ids(page) == all_ids
    assert urlsplit(page.url).query == ""

    # A card's link opens the event page under the subpath.
    first = all_ids[0]
    page.click(f"#event-{first} .card-title a")
    page.wait_for_url(f"{home}events/{first}/")
    assert page.locator("h1").count() == 1

    assert console_errors == [], console_errors
    assert failed == [], failed

    # The 404 page at a nested missing path still loads its stylesheet and links home. The only
    # error allowed is the browser's own note about the page's 404 status.
    response = page.goto(f"{home}some/missing/page/")
    assert response is not None and response.status == 404
    assert page.inner_text("h1") == "Page not found"
    assert page.evaluate("() => [...document.styleSheets].some(s => s.href && s.href.endsWith('/repo/static/style.css')"
                         " && s.cssRules.length > 0)")
    assert failed == [f"404 {home}some/missing/page/"], failed
    assert all("404" in message for message in console_errors) and len(console_errors) <= 1, console_errors

    # Its search form lands on the home page with ?q=, which the chronology restores on load.
    page.fill("#not-found-q", "Munir")
    page.press("#not-found-q", "Enter")
    page.wait_for_url(f"{home}?q=Munir")
    page.wait_for_selector("#tl-q")
    assert page.input_value("#tl-q") == "Munir"
    assert set(_visible_ids(page)) == set(found)

    assert foreign == [], foreign
    page.close()


def test_without_javascript_the_whole_chronology_reads(served_demo: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"http://{served_demo}/repo/?thread=us-russia-military-channel&q=Munir")
    assert len(_visible_ids(page)) == 10  # filters in the URL need the script; nothing is hidden without it
    assert not page.is_visible("#filters")
    assert page.locator("#tl-q").count() == 0
    first = _visible_ids(page)[0]
    page.click(f"#event-{first} .card-title a")
    page.wait_for_url(f"http://{served_demo}/repo/events/{first}/")
    context.close()
