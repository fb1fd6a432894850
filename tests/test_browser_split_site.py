"""A chronology split into year pages, in headless Chromium: nothing fetched for search until the reader uses it,
a search across every year, filters in a year page's URL, and the year pages without JavaScript."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO
from test_browser import _served, browser  # noqa: F401 - `browser` is a fixture used by name

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_project  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """120 generated events, 12 to a page, built for /repo/ and served; and the built site's folder."""
    root = tmp_path_factory.mktemp("split")
    generate_project(root / "project", events=120, articles=5, seed=5)
    config = root / "project" / "content" / "timeline.yaml"
    config.write_text(config.read_text("utf-8") + "page_events: 12\n", "utf-8")
    for host in _served(root / "project", root / "www", include_drafts=False):
        yield host, root / "www" / "repo"


def _index(site: Path) -> tuple[dict, list[dict]]:
    data = json.loads((site / "search-index.json").read_text("utf-8"))
    return data, [dict(zip(data["fields"], values, strict=True)) for values in data["events"]]


def test_search_is_fetched_only_when_used_and_finds_events_on_every_page(split_site, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    host, site = split_site
    data, records = _index(site)
    fetched: list[str] = []
    errors: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: fetched.append(request.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"http://{host}/repo/", wait_until="load")
    page.wait_for_selector("#tl-q")
    page.wait_for_timeout(300)
    assert not any(url.endswith("search-index.json") for url in fetched)
    assert page.is_visible(".tl-toggle") and not page.is_visible("#tl-filter-panel")

    # A thread's title finds its events in every year; each result links to its card on its year's page.
    thread_id, title = data["threads"][0]
    in_thread = [r for r in records if data["threads"].index([thread_id, title]) in r["threads"]]
    with page.expect_request(lambda request: request.url.endswith("/repo/search-index.json")):
        page.focus("#tl-q")
    page.fill("#tl-q", title)
    page.wait_for_function("() => new URLSearchParams(location.search).has('q')")
    assert not page.is_visible(".chronology") and page.is_visible("#tl-results")
    found = page.eval_on_selector_all("#tl-results .tl-result-meta a", "links => links.map(a => a.getAttribute('href'))")
    assert len(found) == min(100, len(page.eval_on_selector_all("#tl-results li", "x => x")))
    pages = {href.split("#")[0] for href in found}
    assert len(pages) > 1 and all(href.startswith("/repo/years/") for href in pages)
    ids = {href.split("#event-")[1] for href in found}
    assert len(in_thread) <= 100 and {r["id"] for r in in_thread} <= ids <= {r["id"] for r in records}
    page.click("#tl-results .tl-result-meta a")
    page.wait_for_url("**/repo/years/**")
    assert page.locator(f"#{page.url.split('#')[1]}").count() == 1
    assert errors == []
    page.close()


def test_filters_in_a_year_pages_url_search_every_year(split_site, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    host, site = split_site
    data, records = _index(site)
    position = 1
    thread_id = data["threads"][position][0]
    expected = sum(1 for r in records if position in r["threads"])
    year_page = sorted(p.parent.relative_to(site).as_posix() for p in (site / "years").rglob("index.html"))[0]
    page = browser.new_page()
    page.goto(f"http://{host}/repo/{year_page}/?thread={thread_id}")
    page.wait_for_selector("#tl-filter-thread")
    assert page.input_value("#tl-filter-thread") == thread_id
    assert page.get_attribute(".tl-toggle", "aria-expanded") == "true"
    assert f"{expected} matching events from every year" in page.inner_text("#tl-status") or \
        f"of {expected} matching events" in page.inner_text("#tl-status")
    assert page.locator("#tl-results li").count() == min(expected, 100)
    # Clearing brings the year's own chronology back.
    page.click("button.tl-clear")
    assert page.is_visible(".chronology") and not page.is_visible("#tl-results")
    page.close()


def test_year_pages_read_without_javascript(split_site, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    host, site = split_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"http://{host}/repo/")
    page.click("#years a")
    cards = page.eval_on_selector_all(".chronology [data-id]", "cards => cards.filter(c => c.offsetParent !== null).length")
    assert cards > 0
    assert page.locator("nav.pager a[rel=next]").count() >= 1
    context.close()


def test_axe_finds_no_violations_on_the_split_pages_and_their_results(split_site, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed")
    from test_browser_accessibility import WCAG_AA

    host, site = split_site
    year_page = sorted(p.parent.relative_to(site).as_posix() for p in (site / "years").rglob("index.html"))[-1]
    page = browser.new_page()
    for path in ("", f"{year_page}/"):
        page.goto(f"http://{host}/repo/{path}")
        page.wait_for_selector("#tl-q")
        page.click(".tl-toggle")
        page.wait_for_selector("#tl-filter-thread")
        page.fill("#tl-q", "a")
        page.wait_for_function("() => new URLSearchParams(location.search).has('q')")
        violations = axe.Axe().run(page, options=WCAG_AA).response["violations"]
        assert [(v["id"], v["nodes"][0]["target"]) for v in violations] == [], path
    # The sources page's index of years, and one year of reports.
    sources_page = sorted(p.parent.relative_to(site).as_posix() for p in (site / "sources").rglob("index.html"))[-1]
    for path in ("sources/", f"{sources_page}/"):
        page.goto(f"http://{host}/repo/{path}")
        violations = axe.Axe().run(page, options=WCAG_AA).response["violations"]
        assert [(v["id"], v["nodes"][0]["target"]) for v in violations] == [], path
    page.close()
