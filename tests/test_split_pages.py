"""A long chronology split into a page per year (site/chronology.py): the home page's stretch and index, year and
month pages that read without JavaScript, threads and people split the same way, small sites on one page, and an
edit that re-renders its own year's page only."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import REPO

from timeline.load.content import Project, load_content
from timeline.site import build as build_module
from timeline.site.build import build_site

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_project  # noqa: E402

CARD = re.compile(r'<article class="card[^"]*" id="event-([^"]+)"')
LINK = re.compile(r'<a href="/(years/[^"]+)"')


def _project(tmp_path: Path, page_events: int | None) -> Path:
    root = tmp_path / "project"
    generate_project(root, events=120, articles=5, seed=5)
    if page_events is not None:
        config = root / "content" / "timeline.yaml"
        config.write_text(config.read_text("utf-8") + f"page_events: {page_events}\n", "utf-8")
    return root


def _build(project: Path) -> Path:
    content = load_content(Project(project))
    assert not content.problems.errors
    build_site(content, project / "site")
    return project / "site"


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def test_a_long_chronology_has_a_page_per_year_and_a_light_home_page(tmp_path: Path) -> None:
    site = _build(_project(tmp_path, page_events=12))
    home = _page(site, "")
    shown_at_home = CARD.findall(home)
    # Whole months from the start of the chronology, at least `page_events` (here) cards.
    assert 12 <= len(shown_at_home) < 40
    index = home[home.index('id="years"'):]
    pages = list(dict.fromkeys(LINK.findall(index)))
    assert pages and all((site / path / "index.html").is_file() for path in pages)
    # Each event's card is on exactly one page of the index, in the order the chronology reads.
    on_pages = [card for path in pages for card in CARD.findall(_page(site, path))]
    every_event = sorted(p.name.removesuffix("/") for p in (site / "events").iterdir())
    assert sorted(on_pages) == every_event and len(on_pages) == len(set(on_pages))
    assert on_pages[:len(shown_at_home)] == shown_at_home
    # A year longer than `page_events` is split into months; the others have one page.
    assert any(re.fullmatch(r"years/\d{4}/\d{2}/", path) for path in pages)
    assert any(re.fullmatch(r"years/\d{4}/", path) for path in pages)
    # The home page says where the chronology goes on; each page links the pages before and after it.
    next_event = on_pages[len(shown_at_home)]
    following = re.search(r'<p class="continue"><a href="/([^"]+)">', home)
    assert following and f'id="event-{next_event}"' in _page(site, following.group(1))
    for before, after in zip(pages, pages[1:], strict=False):
        assert f'href="/{after}" rel="next"' in _page(site, before)
        assert f'href="/{before}" rel="prev"' in _page(site, after)
    # Every page of the chronology reads without the script: nothing is hidden in the HTML.
    assert " hidden" not in _page(site, pages[-1]).split('<div class="chronology"', 1)[1]


def test_threads_and_people_with_many_events_get_a_page_per_year(tmp_path: Path) -> None:
    site = _build(_project(tmp_path, page_events=12))
    threads = [p for p in (site / "threads").iterdir() if p.is_dir()]
    split = [p for p in threads if any(child.is_dir() for child in p.iterdir())]
    assert split
    thread = split[0]
    years = sorted(child.name for child in thread.iterdir() if child.is_dir())
    main = (thread / "index.html").read_text("utf-8")
    for year in years:
        assert f'href="/threads/{thread.name}/{year}/"' in main
    # The thread's own page lists its years; the year pages hold its items, each event once.
    assert '<li class="story-item' not in main
    items = [re.findall(r'<h2 class="card-title"><a href="/events/([^/]+)/"', (thread / year / "index.html")
                        .read_text("utf-8")) for year in years]
    in_thread = [p.name for p in (site / "events").iterdir()
                 if f'href="/threads/{thread.name}/"' in (p / "index.html").read_text("utf-8")]
    assert sorted(sum(items, [])) == sorted(in_thread)
    assert '<svg class="overview-svg"' in main


def test_sources_with_many_reports_get_a_page_per_year_of_publication(tmp_path: Path) -> None:
    site = _build(_project(tmp_path, page_events=12))
    index = _page(site, "sources")
    # The sources page is an index of the years' pages, with no report of its own.
    pages = re.findall(r'<a href="/(sources/[^"]+)">', index)
    assert pages and '<li id="source-' not in index
    assert all((site / path / "index.html").is_file() for path in pages)
    # Every report is listed on exactly one page, a year's reports in order, no page over `page_events`.
    listed = {path: re.findall(r'<li id="(source-[^"]+)">', _page(site, path)) for path in pages}
    every = sum(listed.values(), [])
    assert len(every) == len(set(every)) and all(len(ids) <= 12 for ids in listed.values())
    assert any(path.startswith("sources/undated/") for path in pages)
    assert "sources/undated/2/" in pages  # more reports than `page_events` in one year go on to numbered pages
    # An event page's "All events from this report" link goes to the page that lists the report.
    where = {source: path for path, ids in listed.items() for source in ids}
    for event in sorted((site / "events").iterdir())[:30]:
        for path, anchor in re.findall(r'<a href="/(sources/[^"#]*)#(source-[^"]+)">All events from this report',
                                       (event / "index.html").read_text("utf-8")):
            assert where[anchor] == path
    # The pager walks the years in order, the undated reports last.
    first = _page(site, pages[0])
    assert 'rel="prev"' not in first and f'href="/{pages[1]}" rel="next"' in first
    assert 'rel="next"' not in _page(site, pages[-1])


def test_small_timelines_stay_on_one_page(tmp_path: Path, demo_project: Path) -> None:
    for project in (demo_project, _project(tmp_path, page_events=0)):
        site = _build(project)
        home = _page(site, "")
        assert not (site / "years").exists() and 'id="years"' not in home
        assert len(CARD.findall(home)) == len(list((site / "events").iterdir()))


def test_an_edit_re_renders_its_own_year_page_and_not_the_others(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path, page_events=12)
    site = _build(project)
    year_pages = {str(p.relative_to(site).parent) + "/" for p in (site / "years").rglob("index.html")}
    edited = next(p for p in sorted((project / "content" / "events").glob("*.yaml"))
                  if "status: reviewed" in p.read_text("utf-8"))
    text = edited.read_text("utf-8")
    edited.write_text(re.sub(r"^title: (.*)$", r"title: \1 (corrected)", text, count=1, flags=re.M), "utf-8")
    holder = next(path for path in year_pages if f'id="event-{edited.stem}"' in _page(site, path))

    rendered: list[str] = []
    real_render_job = build_module.render_job

    def recording_render_job(renderer, job):  # type: ignore[no-untyped-def]
        rendered.append(job[0])
        return real_render_job(renderer, job)

    monkeypatch.setattr(build_module, "render_job", recording_render_job)
    _build(project)
    assert holder + "index.html" in rendered
    assert [name for name in rendered if name.startswith("years/")] == [holder + "index.html"]
    assert "(corrected)" in _page(site, holder)


def test_exports_stay_usable_for_a_long_chronology(tmp_path: Path) -> None:
    import json

    site = _build(_project(tmp_path, page_events=12))
    # TimelineJS loads every slide at once: a long chronology is embedded thread by thread.
    assert not (site / "data" / "timelinejs.json").exists()
    threads = sorted(p.stem for p in (site / "data" / "timelinejs").glob("*.json"))
    assert threads == sorted(p.name for p in (site / "threads").iterdir() if p.is_dir())
    for thread in threads:
        slides = json.loads((site / "data" / "timelinejs" / f"{thread}.json").read_text("utf-8"))["events"]
        on_page = {p.name for p in (site / "events").iterdir()
                   if f'href="/threads/{thread}/"' in (p / "index.html").read_text("utf-8")}
        assert {slide["unique_id"] for slide in slides} <= on_page and slides
    # The dataset is for machines: every event, as it is.
    assert len(json.loads((site / "data" / "timeline.json").read_text("utf-8"))["events"]) >= 100
    # Feeds hold the latest entries only.
    assert (site / "feed.xml").read_text("utf-8").count("<entry>") == 100


def test_an_edit_that_moves_an_event_to_another_year_gives_the_full_builds_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path, page_events=12)
    site = _build(project)
    events = [p for p in sorted((project / "content" / "events").glob("*.yaml"))
              if "status: reviewed" in p.read_text("utf-8")]
    for number, (pattern, replacement) in enumerate([(r"^date: '(\d{4})", "date: '2016"),
                                                      (r"^status: reviewed$", "status: draft")]):
        path = next(p for p in events[number * 11:] if re.search(pattern, p.read_text("utf-8"), re.M))
        path.write_text(re.sub(pattern, replacement, path.read_text("utf-8"), count=1, flags=re.M), "utf-8")
        _build(project)
        with monkeypatch.context() as patch:
            patch.setenv("TIMELINE_CACHE", "off")
            build_site(load_content(Project(project)), tmp_path / f"full-{number}")
        full = tmp_path / f"full-{number}"
        assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == \
            {p.relative_to(full).as_posix(): p.read_bytes() for p in full.rglob("*") if p.is_file()}
