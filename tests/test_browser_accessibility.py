"""axe-core's WCAG 2.1 A and AA rules on the built demo in headless Chromium, in light and dark mode.

axe-core comes bundled in the `axe-playwright-python` package (the `[test]` extra): nothing is downloaded when
the tests run. Uses Debian's /usr/bin/chromium, as test_browser.py does, and is skipped without it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_browser import _served, browser  # noqa: F401 - `browser` is a fixture used by name

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}
PAGES = {
    "home": "",
    "event": "events/2022-12-15-kurilla-meets-munir-rawalpindi/",
    "thread": "threads/us-pakistan-military-ties/",
    "person": "people/asim-munir/",
    "sources": "sources/",
}


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo built for /repo/ and served, once for every page and colour scheme."""
    import shutil

    from conftest import REPO

    root = tmp_path_factory.mktemp("a11y")
    shutil.copytree(REPO / "content", root / "demo" / "content")
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", root / "demo" / "templates")
    yield from _served(root / "demo", root / "www", include_drafts=False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_wcag_violations(served_site: str, browser, name: str, scheme: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed")
    page = browser.new_page(color_scheme=scheme)
    response = page.goto(f"http://{served_site}/repo/{PAGES[name]}")
    assert response is not None and response.status == 200
    if name == "home":
        page.wait_for_selector("#tl-q")  # the search box and filters the script adds are checked too
    results = axe.Axe().run(page, options=WCAG_AA)
    page.close()
    found = [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in results.response["violations"]]
    assert found == [], found

