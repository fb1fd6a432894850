"""Every internal link and asset resolves, at a domain root and under a project subpath; none leaves the site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_testkit import SYNTHETIC, broken_links, parse_site

from timeline.load.content import Project, load_content
from timeline.site.build import build_site


def build(root: Path, out: Path, base_url: str, drafts: bool = False) -> Path:
    content = load_content(Project(root))
    assert not content.problems.errors, content.problems.errors
    build_site(content, out, base_url=base_url, include_drafts=drafts)
    return out


@pytest.mark.parametrize(("base_url", "base_path"), [
    ("/", "/"),
    ("/repo/", "/repo/"),
    ("https://owner.github.io/repo/", "/repo/"),
])
def test_demo_links_resolve(demo_project: Path, tmp_path: Path, base_url: str, base_path: str) -> None:
    out = build(demo_project, tmp_path / "site", base_url)
    assert broken_links(out, base_path) == []


@pytest.mark.parametrize("base_path", ["/", "/repo/"])
@pytest.mark.parametrize("drafts", [False, True])
def test_synthetic_links_resolve(make_project, tmp_path: Path, base_path: str, drafts: bool) -> None:
    root = make_project(SYNTHETIC, name="synthetic")
    out = build(root, tmp_path / "site", base_path, drafts)
    assert broken_links(out, base_path) == []


def test_links_are_under_the_base_path(demo_project: Path, tmp_path: Path) -> None:
    out = build(demo_project, tmp_path / "site", "/repo/")
    for page in parse_site(out).values():
        for tag, attribute, value in page.refs:
            parts = urlsplit(value)
            if parts.scheme:
                continue
            assert value.startswith(("/repo/", "#")), (page.path, tag, attribute, value)


def test_no_request_to_another_host(make_project, tmp_path: Path) -> None:
    """Only plain <a> links may point elsewhere (to the reports); no script, style, image or frame does."""
    root = make_project(SYNTHETIC, name="synthetic")
    out = build(root, tmp_path / "site", "/", drafts=True)
    external_links = set()
    for page in parse_site(out).values():
        for tag, attribute, value in page.refs:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//"):
                assert tag == "a" and attribute == "href", (page.path, tag, attribute, value)
                assert parts.scheme in ("http", "https"), (page.path, value)
                external_links.add(parts.netloc)
    # Source links and safe Markdown links are there; the image host and the protocol-relative host are not.
    assert {"news.example.com", "other.example.org", "ok.example", "github.com"} <= external_links
    assert "evil.example" not in external_links
    css = (out / "static" / "style.css").read_text()
    assert "url(" not in css and "@import" not in css


def test_canonical_only_when_the_base_url_has_a_host(demo_project: Path, tmp_path: Path) -> None:
    out = build(demo_project, tmp_path / "a", "https://owner.github.io/repo/")
    page = (out / "events" / "2021-08-09-austin-calls-bajwa" / "index.html").read_text()
    assert ('<link rel="canonical" href="https://owner.github.io/repo/events/2021-08-09-austin-calls-bajwa/">'
            in page)
    assert '<meta property="og:url" content="https://owner.github.io/repo/events/2021-08-09-austin-calls-bajwa/">' in page
    out = build(demo_project, tmp_path / "b", "/repo/")
    assert 'rel="canonical"' not in (out / "index.html").read_text()


def test_the_link_checker_finds_broken_links(demo_project: Path, tmp_path: Path) -> None:
    out = build(demo_project, tmp_path / "site", "/repo/")
    page = out / "sources" / "index.html"
    page.write_text(page.read_text().replace(
        "</main>", '<a href="/repo/events/missing/">x</a><a href="/elsewhere/">y</a>'
                   '<a href="/repo/people/#nowhere">z</a><img src="/repo/static/gone.png" alt=""></main>'))
    problems = broken_links(out, "/repo/")
    assert len(problems) == 4, problems
