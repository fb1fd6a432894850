"""Incremental builds (timeline/site/incremental.py): after any kind of edit, the site an incremental build
leaves is byte for byte the site a clean full build makes, it re-renders only the pages the edit reaches,
and a failed incremental build leaves the previous site as it was."""

from __future__ import annotations

import json
import pickle
import re
import sys
from pathlib import Path

import pytest
from conftest import REPO

from timeline.errors import ContentError
from timeline.load.content import Project, load_content
from timeline.site import build as build_module
from timeline.site.build import build_site
from timeline.speed.incremental import BuildState

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_project  # noqa: E402


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def folders(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}


def full_build(project: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        patch.setenv("TIMELINE_CACHE", "off")
        build_site(load_content(Project(project)), out)
    return tree(out)


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text("utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, f"{pattern!r} not in {path.name}"
    path.write_text(changed, "utf-8")


def reviewed_events(project: Path) -> list[Path]:
    return [p for p in sorted((project / "content" / "events").glob("*.yaml"))
            if "status: reviewed" in p.read_text("utf-8") and "\nthreads:\n- " in p.read_text("utf-8")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    generate_project(root, events=120, articles=10, seed=5)
    return root


EDITS = [
    ("title", r"^title: (.*)$", r"title: \1 (corrected)"),
    ("summary", r"^summary: \|-\n", "summary: |-\n  A new first sentence.\n"),
    ("date", r"^date: '(\d{4})", r"date: '1999"),
    ("threads", r"^threads:\n- [a-z-]+\n", "threads:\n"),
    ("people", r"^  person: [a-z-]+\n", ""),
    ("draft", r"^status: reviewed$", "status: draft"),
]


def test_every_kind_of_edit_gives_the_full_build_bytes(project, tmp_path, monkeypatch):
    site = project / "site"
    build_site(load_content(Project(project)), site)
    events = reviewed_events(project)
    for number, (what, pattern, replacement) in enumerate(EDITS):
        edit(events[(number * 17) % len(events)], pattern, replacement)
        report = build_site(load_content(Project(project)), site)
        reference = full_build(project, tmp_path / f"full-{number}", monkeypatch)
        assert tree(site) == reference, f"after the {what} edit"
        assert folders(site) == folders(tmp_path / f"full-{number}"), f"after the {what} edit"
        assert report.rendered < report.pages / 2, f"{what}: {report.rendered} of {report.pages} pages rendered"
    # An event deleted and one added: their pages go and come, the rest follows.
    events[3].unlink()
    added = project / "content" / "events" / "2030-01-01-a-new-event.yaml"
    added.write_text(events[4].read_text("utf-8").replace(f"id: {events[4].stem}", f"id: {added.stem}"), "utf-8")
    build_site(load_content(Project(project)), site)
    assert tree(site) == full_build(project, tmp_path / "full-last", monkeypatch)
    assert folders(site) == folders(tmp_path / "full-last")


def test_a_title_edit_renders_only_the_pages_that_show_it(project, tmp_path, monkeypatch):
    site = project / "site"
    first = build_site(load_content(Project(project)), site)
    assert first.rendered == first.pages
    event = reviewed_events(project)[10]
    for round_number in range(3):  # the first reuses the live site, later ones the spare kept beside it
        edit(event, r"^title: (.*)$", rf"title: \1 (rev {round_number})")
        report = build_site(load_content(Project(project)), site)
        # Its page, its thread neighbours', related and mentioning pages, threads, people, the lists: a handful.
        assert 2 < report.rendered < 40, report.rendered
        assert tree(site) == full_build(project, tmp_path / f"full-{round_number}", monkeypatch)
    state = BuildState.for_output(project / ".timeline", site)
    assert state is not None and state.spare_dir.is_dir()
    # The exports' per-event fragments are kept for the next build, one kind per export, in their own memo.
    kept = pickle.loads(state.export_memo_file.read_bytes())["fragments"]
    kinds = {kind for kind, _ in kept}
    assert {"dataset", "calendar", "atom", "timelinejs"} <= kinds and not any(k.startswith("page:") for k in kinds)
    exported = json.loads((site / "data" / "timeline.json").read_text("utf-8"))["events"]
    assert len([k for k in kept if k[0] == "dataset"]) == len(exported)
    # The pages' memo: cards, and the blocks that show several events (home-page months, sources' entries,
    # threads' story items).
    kinds = {kind for kind, _ in pickle.loads(state.page_memo_file.read_bytes())["fragments"]}
    assert {"page:card-top", "page:card-rest", "group:home-month", "group:source", "overview-lane"} <= kinds, kinds
    assert any(k.startswith("page:story-") for k in kinds) and "dataset" not in kinds
    # Nothing left beside the site by a successful build.
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []


def test_parts_digest_tells_every_input_apart(project):
    from timeline.site.urls import SiteUrls
    from timeline.site.view import Entry, build_view
    from timeline.speed.incremental import parts_digest

    content = load_content(Project(project))
    view = build_view(content, SiteUrls.from_base_url("/"), False)
    first, second = view.chronological[:2]
    digest = lambda parts: parts_digest(parts, content.digests)  # noqa: E731
    variants = [[first], [second], [first, second], [second, first], ["a", first], ["b", first], [None, first],
                [Entry(gap="3 months later")], [Entry(gap="4 months later")], ["ab"],
                ["a", "b"]]
    digests = [digest(parts) for parts in variants]
    assert None not in digests and len(set(digests)) == len(digests)
    assert digest([Entry(event=first)]) == digest([first])  # an entry counts as the event it holds
    assert parts_digest([first], {}) is None  # an event without a digest: nothing is kept


def test_nothing_reused_without_the_cache(project, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    site = project / "site"
    build_site(load_content(Project(project)), site)
    edit(reviewed_events(project)[0], r"^title: (.*)$", r"title: \1 (rev)")
    report = build_site(load_content(Project(project)), site)
    assert report.rendered == report.pages


def test_overridden_templates_make_every_page_depend_on_every_event(project, tmp_path, monkeypatch):
    (project / "templates").mkdir()
    (project / "templates" / "event.html").write_text(
        '{% extends "base.html" %}{% block main %}{{ event.event.title }} of {{ site.events | length }}: '
        '{{ site.events[0].event.title }}{% endblock %}', "utf-8")
    site = project / "site"
    build_site(load_content(Project(project)), site)
    edit(reviewed_events(project)[0], r"^title: (.*)$", r"title: \1 (rev)")
    report = build_site(load_content(Project(project)), site)
    assert report.rendered == report.pages
    assert tree(site) == full_build(project, tmp_path / "full", monkeypatch)


def test_a_failed_incremental_build_leaves_the_site_and_the_next_build_is_right(project, tmp_path, monkeypatch):
    site = project / "site"
    build_site(load_content(Project(project)), site)
    event = reviewed_events(project)[20]
    edit(event, r"^title: (.*)$", r"title: \1 (rev 1)")
    build_site(load_content(Project(project)), site)  # now there is a spare
    before = tree(site)
    edit(event, r"^title: (.*)$", r"title: \1 (rev 2)")
    real_render = build_module.Renderer.render
    calls = []

    def failing_render(self, name, **context):
        calls.append(name)
        if len(calls) == 3:
            raise ContentError.at("templates/event.html", 1, "boom")
        return real_render(self, name, **context)

    with monkeypatch.context() as patch:
        patch.setattr(build_module.Renderer, "render", failing_render)
        with pytest.raises(ContentError):
            build_site(load_content(Project(project)), site)
    assert tree(site) == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []
    build_site(load_content(Project(project)), site)
    assert tree(site) == full_build(project, tmp_path / "full", monkeypatch)


def test_after_a_config_edit_everything_is_rendered_once_then_edits_are_small_again(project, tmp_path, monkeypatch):
    site = project / "site"
    build_site(load_content(Project(project)), site)
    event = reviewed_events(project)[30]
    edit(event, r"^title: (.*)$", r"title: \1 (rev 1)")
    build_site(load_content(Project(project)), site)  # a spare now exists, made under the old config
    edit(project / "content" / "timeline.yaml", r"^title: (.*)$", r"title: \1 (renamed)")
    report = build_site(load_content(Project(project)), site)
    assert report.rendered == report.pages  # the site title is on every page
    assert tree(site) == full_build(project, tmp_path / "full-config", monkeypatch)
    edit(event, r"^title: (.*)$", r"title: \1 (rev 2)")
    report = build_site(load_content(Project(project)), site)
    # The spare predates the config edit, but the live site does not: its pages are linked, not rendered.
    assert report.rendered < 40, report.rendered
    assert tree(site) == full_build(project, tmp_path / "full-after", monkeypatch)


def test_one_switch_turns_every_cache_off_and_the_site_is_the_same(project, tmp_path):
    """`TIMELINE_CACHE=off timeline build` keeps nothing between builds (no parse cache, compiled templates,
    page keys, spare site or memo) and writes the site a build with its caches writes."""
    import os
    import subprocess

    def build(out: Path, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "timeline", "-C", str(project), "build", "--out", str(out)],
                              capture_output=True, text=True, timeout=300, env={**os.environ, **env})

    for _ in range(2):
        result = build(tmp_path / "uncached", TIMELINE_CACHE="off")
        assert result.returncode == 0, result.stderr
        assert "Built " in result.stderr and "up to date" not in result.stderr
    cache = project / ".timeline" / "cache"
    assert not cache.exists() or not any(cache.iterdir())
    assert build(tmp_path / "cached").returncode == 0
    assert any(cache.iterdir())
    assert tree(tmp_path / "uncached") == tree(tmp_path / "cached")
