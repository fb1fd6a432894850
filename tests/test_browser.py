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
    yield from _served(demo_project, tmp_path / "www", include_drafts=False)


# A draft in a thread, so that the home page, its thread's page and its own page each show a draft.
DRAFT_EVENT = """\
id: 2023-07-draft-meeting
title: A draft meeting in Rawalpindi
date: 2023-07
kind: meeting
status: draft
summary: An unreviewed report of a meeting, with enough words to fill a line of the card and wrap onto the next.
threads: [us-pakistan-military-ties]
sources:
  - article: 002_3b4f6a8934f4a5ee.txt
"""


@pytest.fixture
def served_demo_with_a_draft(demo_project: Path, tmp_path: Path) -> Iterator[str]:
    """The demo and one draft, built with drafts shown, served like `served_demo`."""
    (demo_project / "content/events/2023-07-draft-meeting.yaml").write_text(DRAFT_EVENT, encoding="utf-8")
    yield from _served(demo_project, tmp_path / "www", include_drafts=True)


def _served(project: Path, www: Path, include_drafts: bool) -> Iterator[str]:
    content = load_content(Project(project))
    assert not content.problems.errors
    build_site(content, www / "repo", base_url="/repo/", include_drafts=include_drafts)
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


def test_a_search_with_one_result_shows_no_gap_marker(served_demo: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(f"http://{served_demo}/repo/")
    page.wait_for_selector("#tl-q")
    visible_gaps = "() => [...document.querySelectorAll('.chronology .gap')].filter(g => g.offsetParent !== null).length"
    assert page.evaluate(visible_gaps) > 0  # the full chronology has its "N months later" markers
    # The one result's month ends with the marker to the next event ("6 months 27 days later").
    assert page.locator("#event-2022-12-15-kurilla-meets-munir-rawalpindi ~ .gap").count() == 1
    page.fill("#tl-q", "new army chief")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'new army chief'")
    assert _visible_ids(page) == ["2022-12-15-kurilla-meets-munir-rawalpindi"]
    assert page.evaluate(visible_gaps) == 0
    page.fill("#tl-q", "")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")
    assert page.evaluate(visible_gaps) > 0
    page.close()


def test_the_overview_strip_is_readable_on_a_phone(served_demo: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"http://{served_demo}/repo/")
    sizes = page.eval_on_selector_all(
        ".overview-svg text",
        "texts => texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)")
    assert sizes and min(sizes) >= 9  # px on screen: the strip keeps its own size
    strip = page.evaluate("() => { const s = document.querySelector('.overview-scroll'); return "
                          "[s.scrollWidth, s.clientWidth, getComputedStyle(s).overflowX]; }")
    assert strip[0] > strip[1] and strip[2] == "auto"  # and scrolls sideways inside its box
    assert page.evaluate("() => document.documentElement.scrollWidth") == 390  # the page itself does not
    page.close()


def test_a_drafts_text_keeps_clear_of_its_dashed_border(served_demo_with_a_draft: str, browser) -> None:  # type: ignore[no-untyped-def]
    home = f"http://{served_demo_with_a_draft}/repo/"
    pages = {"": ".card.is-draft", "threads/us-pakistan-military-ties/": ".story-item.is-draft",
             "events/2023-07-draft-meeting/": ".event.is-draft"}
    for width in (1024, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path, selector in pages.items():
            page.goto(home + path)
            # Each side with a visible border has room between it and the text: padding, not text on the line.
            cramped = page.eval_on_selector(selector, """element => {
                const style = getComputedStyle(element);
                return ["top", "right", "bottom", "left"].filter(side =>
                    style[`border-${side}-style`] !== "none" && parseFloat(style[`border-${side}-width`]) > 0
                    && parseFloat(style[`padding-${side}`]) < 8);
            }""")
            assert cramped == [], (width, path, cramped)
            assert page.eval_on_selector(selector, "e => getComputedStyle(e).borderLeftStyle") == "dashed"
        page.close()
