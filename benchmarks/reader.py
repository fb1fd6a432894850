"""What a reader's browser does with a built site: page weight, what is fetched before the reader touches anything,
DOMContentLoaded, first contentful paint, and how long a search takes to update the page.

    python benchmarks/reader.py SITE_DIR      # a site built with the base URL "/"

The site is served from loopback by Python's http.server (no compression, so "fetched" is raw bytes; the gzipped
size of each page is worked out beside it) and opened in Debian's /usr/bin/chromium through Playwright, in a fresh
browser context per page so nothing comes from the cache. Measured for the home page and the largest page of the
chronology (a year or month page; the home page itself on a one-page site). Timings are the median of three
fresh loads. `run.py` calls `measure_reading` after each size's builds.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SETTLE_MS = 1000  # after the load event: what the page fetches on its own in this time counts as fetched before use

# Times from the navigation's start, and every byte fetched so far (navigation and resources), from the page's own
# Performance API.
TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const resources = performance.getEntriesByType("resource");
  return {
    dcl_ms: nav.domContentLoadedEventEnd - nav.startTime,
    fcp_ms: paint ? paint.startTime : null,
    fetched_bytes: nav.encodedBodySize + resources.reduce((sum, r) => sum + r.encodedBodySize, 0),
    fetched: [nav.name, ...resources.map(r => r.name)],
  };
}"""

# One search through the form (Enter applies at once), timed until the page has laid out its results.
SEARCH = """async (query) => {
  const input = document.getElementById("tl-q");
  const status = document.getElementById("tl-status");
  const before = status.textContent;
  input.value = query;
  const started = performance.now();
  input.form.requestSubmit();
  // (A search whose count reads as the last one's would not change the status: it gives up after 10 s.)
  while (status.textContent === before && performance.now() - started < 10000) {
    await new Promise(r => setTimeout(r, 0));
  }
  document.body.getBoundingClientRect();  // the layout the new results need
  await new Promise(r => requestAnimationFrame(() => r()));
  return {ms: performance.now() - started, status: status.textContent};
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """`site` served on a free loopback port; yields the root URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def largest_chronology_page(site: Path) -> str | None:
    """The site-relative folder of the biggest year or month page, or None for a chronology on one page."""
    pages = sorted(site.glob("years/**/index.html"), key=lambda path: (path.stat().st_size, str(path)))
    return pages[-1].parent.relative_to(site).as_posix() + "/" if pages else None


def search_query(site: Path) -> str:
    """A search that finds events in every year: the first thread's title (its events are spread through time)."""
    index = json.loads((site / "search-index.json").read_text("utf-8"))
    threads = index.get("threads") or []
    if isinstance(threads, dict):  # version 1 of the index
        return next(iter(threads.values()), "the")
    return threads[0][1] if threads else "the"


def _site_file(site: Path, root: str, url: str) -> Path | None:
    """The file of `site` that a fetched URL of it names, or None for another address."""
    if not url.startswith(root):
        return None
    relative = url[len(root):].split("#")[0].split("?")[0]
    path = site / relative
    path = path / "index.html" if relative.endswith("/") or not relative else path
    return path if path.is_file() else None


def _measure_page(browser, root: str, site: Path, path: str, query: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    html = (site / path / "index.html").read_bytes()
    context = browser.new_context()
    page = context.new_page()
    page.goto(root + path, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    row: dict[str, object] = {"path": path or "/", "html_bytes": len(html),
                              "html_gzip_bytes": len(gzip.compress(html, compresslevel=6))}
    timings = page.evaluate(TIMINGS)
    row.update({key: timings[key] for key in ("dcl_ms", "fetched_bytes")})
    row["fcp_ms"] = timings["fcp_ms"]
    # As a host that compresses would send them: each fetched file of the site, gzipped.
    files = [_site_file(site, root, url) for url in timings["fetched"]]
    sizes = {str(path.relative_to(site)): len(gzip.compress(path.read_bytes(), compresslevel=6))
             for path in files if path is not None}
    row["fetched_gzip_bytes"] = sum(sizes.values())
    row["largest_other_fetch_bytes"] = max([size for name, size in sizes.items() if name != str(Path(path) /
                                            "index.html")] or [0])
    row["index_fetched_before_use"] = any(url.endswith("search-index.json") for url in timings["fetched"])
    if page.locator("#tl-q").count():
        page.focus("#tl-q")
        page.wait_for_load_state("networkidle")
        page.evaluate(SEARCH, "warm up")  # the index is read and folded on first use
        found = page.evaluate(SEARCH, query)
        row["search_ms"] = found["ms"]
        row["search_status"] = found["status"]
    context.close()
    return row


def _median_of(runs: list[dict[str, object]]) -> dict[str, object]:
    """The first run's row with the median of each timing over `runs` (and every run's timings beside it)."""
    row = dict(runs[0])
    for key in ("dcl_ms", "fcp_ms", "search_ms"):
        values = [run[key] for run in runs if run.get(key) is not None]
        if values:
            row[key] = statistics.median(values)
            row[key.replace("_ms", "_runs_ms")] = values
    return row


def measure_reading(site: Path, repeat: int = 3) -> dict[str, object] | None:
    """The reader's figures for the home page and the largest chronology page of `site`; None without a browser."""
    if not CHROMIUM.exists():
        print("reader measurements skipped: /usr/bin/chromium is not installed", file=sys.stderr)
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("reader measurements skipped: playwright is not installed (pip install -e '.[test]')", file=sys.stderr)
        return None
    index = site / "search-index.json"
    results: dict[str, object] = {"search_index_bytes": index.stat().st_size if index.exists() else 0,
                                  "search_index_gzip_bytes": len(gzip.compress(index.read_bytes())) if index.exists() else 0}
    largest = largest_chronology_page(site)
    query = search_query(site)
    results["query"] = query
    results["largest_page"] = None
    with served(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for name, path in (("home", ""), ("largest_page", largest)):
                if path is not None:
                    results[name] = _median_of([_measure_page(browser, root, site, path, query) for _ in range(repeat)])
        finally:
            browser.close()
    return results


def print_reading(size: str, reading: dict[str, object]) -> None:
    """One line per measured page."""
    for name in ("home", "largest_page"):
        row = reading.get(name)
        if not row:
            continue
        search = row.get("search_ms")
        print(f"{size:>8} {row['path']:<22} {row['html_bytes'] / 1024:>9.0f} {row['html_gzip_bytes'] / 1024:>8.0f} "
              f"{row['fetched_bytes'] / 1024:>11.0f} {row['fetched_gzip_bytes'] / 1024:>8.0f} "
              f"{row['largest_other_fetch_bytes'] / 1024:>8.0f} {row['dcl_ms']:>7.0f} "
              f"{row['fcp_ms'] if row['fcp_ms'] is not None else float('nan'):>7.0f} "
              f"{search if search is not None else float('nan'):>9.0f} "
              f"{reading['search_index_bytes'] / 1024:>9.0f} {reading['search_index_gzip_bytes'] / 1024:>8.0f}")


READING_HEADER = (f"{'events':>8} {'page':<22} {'HTML KB':>9} {'gzip KB':>8} {'fetched KB':>11} {'gzip KB':>8} "
                  f"{'other KB':>8} {'DCL ms':>7} "
                  f"{'FCP ms':>7} {'search ms':>9} {'index KB':>9} {'idx gz':>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure what a reader's browser does with a built site.")
    parser.add_argument("site", type=Path, help="a built site (base URL /)")
    args = parser.parse_args(argv)
    reading = measure_reading(args.site)
    if reading is None:
        return 1
    print(READING_HEADER)
    print_reading(args.site.name, reading)
    print(json.dumps(reading, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
