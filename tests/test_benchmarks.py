"""The benchmark generator and runner, and the load stage's parse cache (timeline/speed/parse_cache.py)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, run_timeline

from timeline.load.content import Project, load_content
from timeline.speed.parse_cache import CACHE_FILE, RACY_NS

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_project  # noqa: E402


def _tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- generator -----------------------------------------------------------------------------------

def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = generate_project(tmp_path / "a", events=60, articles=15, seed=7)
    generate_project(tmp_path / "b", events=60, articles=15, seed=7)
    generate_project(tmp_path / "c", events=60, articles=15, seed=8)
    a, b, c = (_tree_bytes(tmp_path / name) for name in "abc")
    assert first == {"events": 60, "articles": 15, "people": 200}
    assert a == b
    assert a != c
    assert sum(name.startswith("content/events/") for name in a) == 60
    assert sum(name.startswith("content/articles/") for name in a) == 15


def test_generated_project_passes_check(tmp_path: Path) -> None:
    generate_project(tmp_path / "p", events=80, articles=20, seed=3)
    result = run_timeline("-C", str(tmp_path / "p"), "check", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "ok: 80 event(s), 200 people, 20 article(s). Found 0 error(s)" in result.stderr


def test_generated_content_has_the_variety_the_benchmarks_need(tmp_path: Path) -> None:
    generate_project(tmp_path / "p", events=300, articles=30, seed=1)
    os.environ["TIMELINE_CACHE"] = "off"
    try:
        content = load_content(Project(tmp_path / "p"))
    finally:
        del os.environ["TIMELINE_CACHE"]
    events = content.events
    precisions = {e.date.precision for e in events if e.date}
    assert precisions == {"year", "month", "day"}
    assert any(e.date is None for e in events), "some undated drafts"
    assert any(e.date and e.date.end for e in events), "some ranges"
    assert 0 < sum(e.is_draft for e in events) < len(events) // 4
    assert all(e.participants and e.sources for e in events)
    assert sum(bool(e.related) for e in events) > len(events) // 2
    assert sum(bool(e.threads) for e in events) > len(events) // 2
    assert any("**" in e.summary for e in events), "Markdown summaries"
    assert len(content.config.threads) >= 3 and all(not t.rules.is_empty() for t in content.config.threads)
    assert all(p.aliases and p.roles for p in content.people)
    article = (tmp_path / "p" / "content" / "articles" / content.articles[0]).read_text(encoding="utf-8")
    lead = next(line for line in article.splitlines() if " on " in line and any(
        day in line for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")))
    assert lead.count(",") >= 3, lead  # rank, name, office, verb, second person, place and weekday


# --- runner --------------------------------------------------------------------------------------

def test_tiny_bench_run_writes_the_results(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "50", "--articles", "10", "--repeat", "1",
         "--no-hugo", "--no-reading", "--ingest-articles", "0", "--work", str(tmp_path / "work"), "--out", str(out)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"machine", "repeat", "seed", "sizes"}
    row = data["sizes"]["50"]
    assert set(row) >= {"pages", "files", "cold_s", "no_change_s", "first_edit_s", "one_edit_s", "peak_rss_mb", "pages_per_s",
                        "ms_per_event", "linking"}
    assert row["pages"] > 50 and row["peak_rss_mb"] > 0
    assert "ms/event" in result.stdout and "no-change s" in result.stdout and "first edit s" in result.stdout
    # The timed runs use a compiled copy of the code, as an installed tool has, even where writing bytecode is off.
    code = tmp_path / "work" / "code" / "timeline"
    assert {p.stem for p in code.rglob("*.py")} <= {p.name.split(".")[0] for p in code.rglob("__pycache__/*.pyc")}


def test_the_edit_profile_names_each_stage_of_a_one_event_rebuild(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "profile_edit.py"), "--events", "40",
                             "--work", str(tmp_path / "project")], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("one-event edit, 40 events: ")
    seconds = {line[:50].strip(): float(line[50:].split()[0]) for line in result.stdout.splitlines()[2:]}
    assert {"load", "view model (every event)", "page keys", "rendering the pages whose key changed"} <= set(seconds)
    # Times print in hundredths of a second: at 40 events one stage may round to 0.00, all of them together not.
    stages = ("load", "view model (every event)", "page keys")
    assert all(seconds[stage] >= 0 for stage in stages) and sum(seconds[stage] for stage in stages) > 0, seconds
    assert seconds["everything"] >= seconds["load"] + seconds["view model (every event)"]
    edited = [p for p in (tmp_path / "project" / "content" / "events").glob("*.yaml") if "(rev 3)" in p.read_text("utf-8")]
    assert len(edited) == 1  # the profiled build followed a title edit, as run.py makes them


@pytest.mark.browser
def test_the_reader_measurements_open_the_home_page_and_the_largest_year_page(tmp_path: Path) -> None:
    from reader import CHROMIUM, measure_reading

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    generate_project(tmp_path / "p", events=60, articles=2, seed=3)
    config = tmp_path / "p" / "content" / "timeline.yaml"
    config.write_text(config.read_text("utf-8") + "page_events: 12\n", "utf-8")
    assert run_timeline("-C", str(tmp_path / "p"), "build").returncode == 0
    reading = measure_reading(tmp_path / "p" / "site")
    assert reading is not None
    for name in ("home", "largest_page"):
        row = reading[name]
        assert row["html_bytes"] > row["html_gzip_bytes"] > 0 and row["fetched_bytes"] >= row["html_bytes"]
        assert row["dcl_ms"] > 0 and row["search_ms"] > 0 and "matching" in row["search_status"]
        assert row["index_fetched_before_use"] is False
    assert reading["largest_page"]["path"].startswith("years/")


# --- parse cache ---------------------------------------------------------------------------------

EVENT = """\
id: {id}
title: {title}
date: 2023-07-24
kind: meeting
status: {status}
participants: [Asim Munir]
sources:
  - url: https://example.org/a
threads: [{thread}]
"""
CONFIG = "threads:\n  - id: ties\n    title: Ties\n"


def _project(make_project, **events: str):  # type: ignore[no-untyped-def]
    files = {"content/timeline.yaml": CONFIG}
    files.update({f"content/events/{name}.yaml": text for name, text in events.items()})
    return Project(make_project(files))


def _age(path: Path, seconds: float = 10) -> None:
    """Backdate a file so its mtime is trusted without the digest check (as for any file not just saved)."""
    old = time.time() - seconds
    os.utime(path, (old, old))


def _snapshot(project: Project) -> tuple[list, list, list, object]:
    content = load_content(project)
    return content.events, content.problems.sorted(), content.people.people, content.config


def test_cache_returns_identical_events_and_problems(make_project) -> None:  # type: ignore[no-untyped-def]
    project = _project(
        make_project,
        **{"a-meeting": EVENT.format(id="a-meeting", title="A", status="reviewed", thread="ties"),
           "b-draft": EVENT.format(id="b-draft", title="B", status="draft", thread="nope"),
           "c-bad": "id: c-bad\ntitle: [not, text]\ndate: 2023-02-30\nkind: meeting\nstatus: reviewed\n",
           "d-broken": "id: d-broken\ntitle: 'unclosed\n"},
    )
    for path in project.content_dir.rglob("*.yaml"):
        _age(path)
    os.environ["TIMELINE_CACHE"] = "off"
    try:
        uncached = _snapshot(project)
    finally:
        del os.environ["TIMELINE_CACHE"]
    assert not (project.state_dir / "cache").exists()
    first = _snapshot(project)
    assert (project.state_dir / "cache" / CACHE_FILE).is_file()
    second = _snapshot(project)
    assert first == uncached and second == uncached
    messages = [str(p) for p in second[1]]
    assert any("c-bad.yaml" in m and "must be text" in m for m in messages)
    assert any("d-broken.yaml" in m and "invalid YAML" in m for m in messages)
    assert any('thread "nope" does not exist' in m for m in messages)
    assert any("b-draft.yaml" in m and "draft" in m for m in messages)


def test_cache_serves_unchanged_files_without_parsing(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project, **{"a-meeting": EVENT.format(id="a-meeting", title="A", status="reviewed",
                                                                   thread="ties")})
    for path in project.content_dir.rglob("*.yaml"):
        _age(path)
    load_content(project)
    import timeline.load.content

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a file the cache holds")

    monkeypatch.setattr(timeline.load.content, "parse_event_source", fail)
    assert load_content(project).events[0].title == "A"


def test_cache_is_invalidated_when_a_file_changes(make_project) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project, **{"a-meeting": EVENT.format(id="a-meeting", title="A", status="reviewed",
                                                                   thread="ties")})
    path = project.events_dir / "a-meeting.yaml"
    _age(path, 20)
    assert load_content(project).events[0].title == "A"
    # Same size, new mtime: re-read, with the new problems.
    path.write_text(EVENT.format(id="a-meeting", title="B", status="reviewed", thread="nope"), encoding="utf-8")
    _age(path, 15)
    content = load_content(project)
    assert content.events[0].title == "B"
    assert [p.message for p in content.problems.errors] == ['thread "nope" does not exist; define it under `threads:` in content/timeline.yaml']
    # A file that becomes invalid reports its problem from a fresh parse, and again from the cache.
    path.write_text("id: a-meeting\ntitle: [x]\n", encoding="utf-8")
    for _ in range(2):
        problems = [str(p) for p in load_content(project).problems.errors]
        assert any("a-meeting.yaml:2" in p and "must be text" in p for p in problems), problems
    # A deleted file leaves the cache too.
    path.unlink()
    assert load_content(project).events == []
    stored = pickle.loads((project.state_dir / "cache" / CACHE_FILE).read_bytes())
    assert not any("a-meeting" in name for name in stored["entries"])


def test_racy_mtime_same_size_edit_is_not_missed(make_project) -> None:  # type: ignore[no-untyped-def]
    """A file saved in the same tick as the cache, then edited again keeping size and mtime."""
    project = _project(make_project, **{"a-meeting": EVENT.format(id="a-meeting", title="A", status="reviewed",
                                                                   thread="ties")})
    path = project.events_dir / "a-meeting.yaml"
    stat = path.stat()
    assert stat.st_mtime_ns > time.time_ns() - RACY_NS  # just written: racy
    load_content(project)
    path.write_text(EVENT.format(id="a-meeting", title="Z", status="reviewed", thread="ties"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_content(project).events[0].title == "Z"


def test_cache_follows_config_kinds_and_survives_a_corrupt_file(make_project) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project, **{"a-meeting": EVENT.format(id="a-meeting", title="A", status="reviewed",
                                                                   thread="ties").replace("kind: meeting", "kind: raid")})
    for path in project.content_dir.rglob("*.yaml"):
        _age(path, 30)
    assert any('unknown kind "raid"' in p.message for p in load_content(project).problems.errors)
    project.config_path.write_text(CONFIG + "kinds: [raid]\n", encoding="utf-8")
    _age(project.config_path, 25)
    assert not load_content(project).problems.errors
    (project.state_dir / "cache" / CACHE_FILE).write_bytes(b"not a pickle")
    assert load_content(project).events[0].kind == "raid"


@pytest.mark.parametrize("value", ["off", "0"])
def test_cache_can_be_switched_off(make_project, monkeypatch, value: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIMELINE_CACHE", value)
    project = _project(make_project, **{"a-meeting": EVENT.format(id="a-meeting", title="A", status="reviewed",
                                                                   thread="ties")})
    assert load_content(project).events[0].title == "A"
    assert not project.state_dir.exists()


def test_parallel_parse_gives_the_same_content(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import timeline.speed.parse_cache as load_cache

    events = {f"e{i:02d}": EVENT.format(id=f"e{i:02d}", title=f"T{i}", status="reviewed",
                                        thread="ties" if i % 3 else "nope") for i in range(40)}
    events["bad"] = "id: bad\ntitle: [x]\n"
    project = _project(make_project, **events)
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    serial = _snapshot(project)
    monkeypatch.setattr(load_cache, "PARALLEL_MIN_FILES", 4)
    monkeypatch.setattr(load_cache, "CHUNK_FILES", 7)
    monkeypatch.setattr(load_cache, "parse_jobs", lambda: 2)
    monkeypatch.delenv("TIMELINE_CACHE")
    parallel = _snapshot(project)
    assert parallel == serial
    assert load_content(project).problems.items == load_content(project).problems.items


# --- parallel page rendering (timeline/site/parallel.py) -----------------------------------------

def _build(project_dir: Path, out: Path, monkeypatch, parallel: bool):  # type: ignore[no-untyped-def]
    import timeline.speed.parallel as parallel_module
    from timeline.site.build import build_site

    monkeypatch.setattr(parallel_module, "PARALLEL_MIN_PAGES", 1 if parallel else 10**9)
    monkeypatch.setattr(parallel_module, "render_jobs", lambda: 2)
    return build_site(load_content(Project(project_dir)), out)


def test_parallel_build_is_byte_identical_to_serial(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    generate_project(tmp_path / "p", events=40, articles=8, seed=5, people=30)
    serial = _build(tmp_path / "p", tmp_path / "serial", monkeypatch, parallel=False)
    parallel = _build(tmp_path / "p", tmp_path / "parallel", monkeypatch, parallel=True)
    assert (parallel.pages, parallel.files) == (serial.pages, serial.files)
    assert _tree_bytes(tmp_path / "parallel") == _tree_bytes(tmp_path / "serial")


def test_a_chronology_split_into_year_pages_builds_the_same_in_parallel(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    generate_project(tmp_path / "p", events=60, articles=8, seed=5, people=30)
    config = tmp_path / "p" / "content" / "timeline.yaml"
    config.write_text(config.read_text("utf-8") + "page_events: 8\n", "utf-8")
    serial = _build(tmp_path / "p", tmp_path / "serial", monkeypatch, parallel=False)
    parallel = _build(tmp_path / "p", tmp_path / "parallel", monkeypatch, parallel=True)
    assert (tmp_path / "serial" / "years").is_dir()
    assert _tree_bytes(tmp_path / "parallel") == _tree_bytes(tmp_path / "serial")
    assert (parallel.pages, parallel.files) == (serial.pages, serial.files)


def test_a_process_that_runs_other_threads_builds_without_forking(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`timeline serve` rebuilds from its watcher thread: a fork there could copy a lock another thread holds."""
    import threading

    generate_project(tmp_path / "p", events=40, articles=8, seed=5, people=30)
    serial = _build(tmp_path / "p", tmp_path / "serial", monkeypatch, parallel=False)

    def no_fork() -> int:
        raise AssertionError("forked from a process that runs other threads")

    monkeypatch.setattr(os, "fork", no_fork)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        threaded = _build(tmp_path / "p", tmp_path / "threaded", monkeypatch, parallel=True)
    finally:
        stop.set()
        other.join()
    assert (threaded.pages, threaded.files) == (serial.pages, serial.files)
    assert _tree_bytes(tmp_path / "threaded") == _tree_bytes(tmp_path / "serial")


def test_parallel_build_reports_the_earliest_failing_page_and_keeps_the_old_site(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from timeline.errors import ContentError

    generate_project(tmp_path / "p", events=30, articles=5, seed=2, people=20)
    _build(tmp_path / "p", tmp_path / "site", monkeypatch, parallel=True)
    before = _tree_bytes(tmp_path / "site")
    template = tmp_path / "p" / "templates" / "person.html"
    template.parent.mkdir(parents=True)
    template.write_text('{% extends "base.html" %}{% block main %}{{ no_such_variable }}{% endblock %}\n')
    messages = []
    for parallel in (False, True):
        with pytest.raises(ContentError) as caught:
            _build(tmp_path / "p", tmp_path / "site", monkeypatch, parallel=parallel)
        messages.append([str(p) for p in caught.value.problems])
    assert messages[0] == messages[1]
    assert "templates/person.html" in messages[0][0] and "no_such_variable" in messages[0][0]
    assert _tree_bytes(tmp_path / "site") == before
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


# --- skipping an unchanged build (timeline/site/up_to_date.py) -----------------------------------

def _backdate_tree(root: Path, seconds: float = 30) -> None:
    for path in root.rglob("*"):
        _age(path, seconds)


def test_unchanged_build_is_skipped_until_something_changes(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    generate_project(tmp_path / "p", events=20, articles=4, seed=4, people=10)
    root = str(tmp_path / "p")
    _backdate_tree(tmp_path / "p" / "content")
    first = cli("-C", root, "build")
    assert first.code == 0 and first.err.startswith("Built "), first.err
    again = cli("-C", root, "build")
    assert again.code == 0 and again.err.startswith("Site is up to date"), again.err
    # Other options or another folder: a real build.
    assert cli("-C", root, "build", "--drafts").err.startswith("Built ")
    assert cli("-C", root, "build", "--out", str(tmp_path / "elsewhere")).err.startswith("Built ")
    assert cli("-C", root, "build").err.startswith("Built ")  # the last build of site/ had --drafts
    assert cli("-C", root, "build").err.startswith("Site is up to date")
    # An edited event (even one saved just now) means a build, and the page shows the edit.
    event = sorted((tmp_path / "p" / "content" / "events").glob("*.yaml"))[3]
    event.write_text(event.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Edited "), encoding="utf-8")
    assert cli("-C", root, "build").err.startswith("Built ")
    assert "Edited " in (tmp_path / "p" / "site" / "events" / event.stem / "index.html").read_text(encoding="utf-8")
    _backdate_tree(tmp_path / "p" / "content")
    assert cli("-C", root, "build").err.startswith("Built ")
    assert cli("-C", root, "build").err.startswith("Site is up to date")
    # A deleted or replaced site folder is rebuilt.
    import shutil

    shutil.rmtree(tmp_path / "p" / "site")
    assert cli("-C", root, "build").err.startswith("Built ")
    assert (tmp_path / "p" / "site" / "index.html").is_file()
    # A template override counts as an input.
    (tmp_path / "p" / "templates").mkdir()
    override = tmp_path / "p" / "templates" / "about.html"
    override.write_text('{% extends "base.html" %}{% block main %}About{% endblock %}\n', encoding="utf-8")
    _age(override)
    assert cli("-C", root, "build").err.startswith("Built ")


def test_a_failed_build_is_not_recorded_as_current(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    generate_project(tmp_path / "p", events=12, articles=2, seed=6, people=8)
    root = str(tmp_path / "p")
    _backdate_tree(tmp_path / "p" / "content")
    assert cli("-C", root, "build").code == 0
    event = sorted((tmp_path / "p" / "content" / "events").glob("*.yaml"))[0]
    good = event.read_text(encoding="utf-8")
    event.write_text(good.replace("\nkind: ", "\nkind: nonsense-"), encoding="utf-8")
    _age(event)
    assert cli("-C", root, "build").code == 1
    assert cli("-C", root, "build").code == 1  # still failing: never "up to date"
    event.write_text(good, encoding="utf-8")
    _age(event, 60)
    assert cli("-C", root, "build").err.startswith("Built ")


def _page_writers_run(tmp_path: Path, render, monkeypatch, jobs: int = 600):  # type: ignore[no-untyped-def]
    import timeline.speed.parallel as parallel_module
    from timeline.site.output import SiteOutput

    monkeypatch.setattr(parallel_module, "CHUNK_PAGES", 4)
    output = SiteOutput(tmp_path / "site")
    page_jobs = [(f"p{index}.html", "t", None, {"index": index}) for index in range(jobs)]
    writers = parallel_module.start_page_writers(page_jobs, render, output, workers=2)
    writers.help()
    try:
        writers.wait()
    finally:
        written = sorted(p.name for p in output.temp.iterdir())
        output.abort()
    return written


def test_the_main_process_renders_pages_alongside_the_workers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    main = os.getpid()

    def render(job):  # type: ignore[no-untyped-def]
        if os.getpid() != main:
            time.sleep(0.002)  # workers are slow here, so this process surely takes chunks too
        return f"{job[3]['index']} by {'main' if os.getpid() == main else 'worker'}"

    written = _page_writers_run(tmp_path, render, monkeypatch)
    assert written == sorted(f"p{index}.html" for index in range(600))  # every page once


def test_a_page_failing_in_the_main_process_is_reported_like_a_workers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    from timeline.errors import ContentError, Problem

    main = os.getpid()

    def render(job):  # type: ignore[no-untyped-def]
        index = job[3]["index"]
        if os.getpid() == main:
            raise ContentError([Problem(f"page {index}", None, None, "failed in main")])
        time.sleep(0.002)
        if index == 590:
            raise ContentError([Problem(f"page {index}", None, None, "failed in a worker")])
        return "ok"

    with pytest.raises(ContentError) as caught:
        _page_writers_run(tmp_path, render, monkeypatch)
    # Main failed on the first chunk it took, long before page 590: that earlier page is the one reported.
    assert "failed in main" in str(caught.value.problems[0])


def test_the_first_chunk_can_hold_pages_that_belong_together(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    import timeline.speed.parallel as parallel_module
    from timeline.site.output import SiteOutput

    monkeypatch.setattr(parallel_module, "CHUNK_PAGES", 3)
    assert [parallel_module._chunk(n, 0) for n in range(3)] == [(0, 3), (3, 6), (6, 9)]
    assert [parallel_module._chunk(n, 7) for n in range(3)] == [(0, 7), (7, 10), (10, 13)]
    output = SiteOutput(tmp_path / "site")
    jobs = [(f"p{index}.html", "t", None, {"index": index}) for index in range(40)]
    writers = parallel_module.start_page_writers(jobs, lambda job: str(os.getpid()), output, workers=2,
                                                 first_chunk=25)
    writers.help()
    writers.wait()
    makers = [(output.temp / f"p{index}.html").read_text() for index in range(40)]
    output.abort()
    assert set(makers[:25]) == {str(os.getpid())}  # this process made all of the first chunk


def test_chunks_cover_every_page_once_and_fit_in_a_pipe() -> None:
    import timeline.speed.parallel as parallel_module

    for pages in (1, 47, 48, 49, 500, 10_208, 123_457, 2_000_000):
        for first in (0, 1, min(pages, 1001)):
            size = parallel_module._chunk_size(pages)
            count = parallel_module._chunk_count(pages, first, size)
            assert count * parallel_module._CHUNK.size <= 4096
            covered = []
            for number in range(count):
                start, end = parallel_module._chunk(number, first, size)
                covered.extend(range(start, min(end, pages)))
            assert covered == list(range(pages)), (pages, first)


# --- the content exports' memo and failures -------------------------------------------------------

def _exports_made_by(monkeypatch, record: Path, fail: BaseException | None = None) -> None:  # type: ignore[no-untyped-def]
    """Make the build's render_content_exports note the pid of the process that runs it (and raise `fail` there)."""
    import timeline.site.build as build_module

    real = build_module.render_content_exports

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        with record.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        if fail is not None:
            raise fail
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "render_content_exports", recording)


def test_the_exports_keep_their_memo_for_the_next_build(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pickle

    from timeline.site.exports import ExportMemo
    from timeline.speed.incremental import BuildState

    generate_project(tmp_path / "p", events=40, articles=8, seed=7, people=30)
    _exports_made_by(monkeypatch, tmp_path / "makers")
    site = tmp_path / "p" / "site"
    _build(tmp_path / "p", site, monkeypatch, parallel=True)
    state = BuildState.for_output(tmp_path / "p" / ".timeline", site)
    assert state is not None
    kinds = [kind for kind, _ in pickle.loads(state.export_memo_file.read_bytes())["fragments"]]
    exported = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert kinds.count("dataset") == len(exported) > 20
    # The next build's exports take every fragment from it: none is computed again.
    misses: list[int] = []
    real_save = ExportMemo.save
    monkeypatch.setattr(ExportMemo, "save", lambda self: misses.append(self.misses) or real_save(self))
    _build(tmp_path / "p", site, monkeypatch, parallel=False)
    assert misses and misses[0] == 0


def test_what_page_workers_make_in_a_first_build_is_kept_for_the_next_build(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from timeline.site.exports import ExportMemo
    from timeline.speed.incremental import BuildState

    generate_project(tmp_path / "p", events=40, articles=8, seed=7, people=30)
    site = tmp_path / "p" / "site"
    _build(tmp_path / "p", site, monkeypatch, parallel=True)
    state = BuildState.for_output(tmp_path / "p" / ".timeline", site)
    assert state is not None

    # Every page rendered again, in this process: each fragment comes from the memo the first build kept.
    for manifest in state.page_memo_file.parent.glob("site-*manifest.pickle"):
        manifest.unlink()
    made: list[str] = []
    real_keyed = ExportMemo.keyed
    monkeypatch.setattr(ExportMemo, "keyed", lambda self, kind, key, compute: real_keyed(
        self, kind, key, lambda: made.append(kind) or compute()))
    before = _tree_bytes(site)
    _build(tmp_path / "p", site, monkeypatch, parallel=False)
    assert made == [] and _tree_bytes(site) == before


@pytest.mark.parametrize("failure, raised, message", [
    ("content", "ContentError", "the calendar cannot be made"),
    ("crash", "ZeroDivisionError", "boom"),
])
def test_exports_failing_fail_the_build_and_keep_the_old_site(
        tmp_path: Path, monkeypatch, failure: str, raised: str, message: str) -> None:  # type: ignore[no-untyped-def]
    from timeline.errors import ContentError, Problem

    generate_project(tmp_path / "p", events=30, articles=5, seed=3, people=20)
    _build(tmp_path / "p", tmp_path / "site", monkeypatch, parallel=True)
    before = _tree_bytes(tmp_path / "site")
    error = (ContentError([Problem("content/timeline.yaml", 3, None, "the calendar cannot be made")])
             if failure == "content" else ZeroDivisionError("boom"))
    _exports_made_by(monkeypatch, tmp_path / "makers", fail=error)
    with pytest.raises((ContentError, ZeroDivisionError)) as caught:
        _build(tmp_path / "p", tmp_path / "site", monkeypatch, parallel=True)
    assert type(caught.value).__name__ == raised
    shown = " ".join(str(p) for p in caught.value.problems) if failure == "content" else str(caught.value)
    assert message in shown
    assert (tmp_path / "makers").read_text().split() == [str(os.getpid())]  # made here, while workers render pages
    assert _tree_bytes(tmp_path / "site") == before
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


def test_a_rebuild_with_a_few_heavy_pages_shares_them_out(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After an edit only a handful of pages are rendered again, but on a big site the home, thread and sources
    pages among them take most of the time: they count as many pages, and chunks shrink to a page or two."""
    import timeline.speed.parallel as parallel_module
    from timeline.site.output import SiteOutput

    assert parallel_module._chunk_size(10_208) == parallel_module.CHUNK_PAGES
    assert parallel_module._chunk_size(20) == 1 and parallel_module._chunk_size(40) == 2
    output = SiteOutput(tmp_path / "site")
    jobs = [(f"p{index}.html", "t", None, {"index": index}) for index in range(12)]
    serial = parallel_module.start_page_writers(jobs, lambda job: "x", output, workers=1)
    assert not serial.processes
    def render(job):  # type: ignore[no-untyped-def]
        time.sleep(0.03)  # pages take a while, so neither process can take them all before the other starts
        return str(os.getpid())

    shared = parallel_module.start_page_writers(jobs, render, output, workers=1, heavy=3)
    assert len(shared.processes) == 1
    shared.help()
    shared.wait()
    makers = {(output.temp / f"p{index}.html").read_text() for index in range(12)}
    output.abort()
    assert str(os.getpid()) in makers and len(makers) == 2  # this process rendered some, the worker the others
