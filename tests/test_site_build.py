"""`timeline build`: what it writes, drafts, determinism, the failed-build rule, overrides and the CLI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from site_testkit import SYNTHETIC

from timeline.errors import ContentError
from timeline.load.content import Project, load_content
from timeline.partial_date import parse_date_spec
from timeline.site.build import build_site
from timeline.site.gaps import describe_gap, short_gap
from timeline.site.output import MARKER
from timeline.site.urls import SiteUrls


def load(root: Path):
    content = load_content(Project(root))
    assert not content.problems.errors, content.problems.errors
    return content


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def synthetic(make_project) -> Path:
    return make_project(SYNTHETIC, name="synthetic")


def test_demo_build_writes_every_page(demo_project: Path, tmp_path: Path) -> None:
    content = load(demo_project)
    out = tmp_path / "site"
    report = build_site(content, out)
    events = [e for e in content.events if not e.is_draft]
    assert report.events_shown == len(events) == 10
    assert (out / "index.html").is_file()
    for event in events:
        assert (out / "events" / event.id / "index.html").is_file()
    for thread in content.config.threads:
        assert (out / "threads" / thread.id / "index.html").is_file()
    participants = {p.person for e in events for p in e.participants}
    for person in content.people:
        assert (out / "people" / person.id / "index.html").is_file() == (person.id in participants), person.id
    for name in ("threads/index.html", "people/index.html", "sources/index.html", "static/style.css",
                 "static/favicon.svg", MARKER):
        assert (out / name).is_file(), name
    pages = len([p for p in out.rglob("*.html") if p.name != "404.html"])  # 404.html is written by the exports
    assert report.pages == pages
    assert report.summary().startswith(f"Built {pages} pages")


def test_drafts_left_out_unless_asked(synthetic: Path, tmp_path: Path) -> None:
    content = load(synthetic)
    out = tmp_path / "site"
    report = build_site(content, out)
    assert report.drafts_left_out == 2
    assert "2 drafts left out; use --drafts to show them" in report.summary()
    assert not (out / "events" / "2023-07-draft").exists()
    home = (out / "index.html").read_text()
    assert "A draft with a date" not in home and "Unreviewed draft" not in home
    # The related link to the draft is dropped, not left dangling.
    day = (out / "events" / "2021-03-15-day" / "index.html").read_text()
    assert "2023-07-draft" not in day

    report = build_site(content, out, include_drafts=True)
    assert report.drafts_left_out == 0
    draft_page = (out / "events" / "2023-07-draft" / "index.html").read_text()
    assert "Unreviewed draft" in draft_page
    assert (out / "events" / "undated-draft" / "index.html").is_file()
    home = (out / "index.html").read_text()
    assert home.count('class="badge badge-draft">Unreviewed draft') == 2
    assert "Date not known" in home


def test_two_builds_are_byte_identical(synthetic: Path, tmp_path: Path) -> None:
    content = load(synthetic)
    build_site(content, tmp_path / "one", base_url="/repo/", include_drafts=True)
    build_site(load(synthetic), tmp_path / "two", base_url="/repo/", include_drafts=True)
    one, two = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert one == two and len(one) > 15


def test_failed_build_leaves_previous_site_untouched(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(load(synthetic), out)
    before = tree_digest(out)
    (synthetic / "templates").mkdir()
    (synthetic / "templates" / "event.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ event.event.title }}</h1>\n{{ no_such_variable }}\n'
        "{% endblock %}\n")
    with pytest.raises(ContentError) as caught:
        build_site(load(synthetic), out)
    problem = caught.value.problems[0]
    assert problem.path == "templates/event.html" and problem.line == 4
    assert "'no_such_variable' is undefined" in problem.message
    assert tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_template_syntax_error_names_file_and_line(synthetic: Path, tmp_path: Path) -> None:
    (synthetic / "templates").mkdir()
    (synthetic / "templates" / "sources.html").write_text("{% extends 'base.html' %}\n{% block main %}\n{% if %}\n")
    with pytest.raises(ContentError) as caught:
        build_site(load(synthetic), tmp_path / "site")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == ("templates/sources.html", 3)
    assert problem.message.startswith("template syntax error:")
    assert not (tmp_path / "site").exists()


def test_refuses_to_replace_a_folder_it_did_not_build(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "precious"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(ContentError, match="not empty and was not made by timeline"):
        build_site(load(synthetic), out)
    assert (out / "notes.txt").read_text() == "mine"
    with pytest.raises(ContentError, match="would replace the project"):
        build_site(load(synthetic), synthetic)


def test_project_templates_and_static_override_the_theme(synthetic: Path, tmp_path: Path) -> None:
    (synthetic / "templates" / "static").mkdir(parents=True)
    (synthetic / "templates" / "about.html").write_text("<p class=\"lede\">Our own about text.</p>\n")
    (synthetic / "templates" / "static" / "style.css").write_text("body { color: red; }\n")
    (synthetic / "templates" / "static" / "extra.txt").write_text("extra\n")
    out = tmp_path / "site"
    build_site(load(synthetic), out)
    assert "Our own about text." in (out / "index.html").read_text()
    assert (out / "static" / "style.css").read_text() == "body { color: red; }\n"
    assert (out / "static" / "extra.txt").is_file() and (out / "static" / "favicon.svg").is_file()


def test_imported_macros_see_the_globals_and_are_made_once(tmp_path: Path) -> None:
    """Every page imports the theme's macros; the module they live in is made once for the build, and sees the
    build's globals."""
    from timeline.site.render import Renderer

    (tmp_path / "m.html").write_text('{% set made = count_made() %}{% macro hello(name) %}{{ greeting }}, {{ name }}'
                                     "{% endmacro %}", encoding="utf-8")
    (tmp_path / "page.html").write_text('{% from "m.html" import hello %}{{ hello(who) }}', encoding="utf-8")
    made: list[int] = []
    renderer = Renderer([tmp_path])
    renderer.add_globals(greeting="Hello", count_made=lambda: made.append(1) or len(made))
    assert [renderer.render("page.html", who=who) for who in ("<a>", "b", "c")] == ["Hello, &lt;a&gt;", "Hello, b",
                                                                                   "Hello, c"]
    assert made == [1]


def test_compiled_templates_are_kept_but_never_stale(synthetic: Path, tmp_path: Path) -> None:
    about = synthetic / "templates" / "about.html"
    about.parent.mkdir(parents=True)
    about.write_text("<p>First words.</p>\n")
    build_site(load(synthetic), tmp_path / "one")
    kept = synthetic / ".timeline" / "cache" / "templates"
    assert len(list(kept.glob("__jinja2_*.cache"))) >= 5  # the theme's pages, compiled once
    about.write_text("<p>Other words!</p>\n")  # same length: only the source check can tell
    build_site(load(synthetic), tmp_path / "two")
    assert "Other words!" in (tmp_path / "two" / "index.html").read_text()
    for entry in kept.glob("__jinja2_*.cache"):
        entry.write_bytes(b"torn")  # a damaged cache is compiled again, not trusted
    build_site(load(synthetic), tmp_path / "three")
    assert tree_digest(tmp_path / "three") == tree_digest(tmp_path / "two")
    (kept / ".key").write_text("another jinja")  # made by other code: emptied first
    build_site(load(synthetic), tmp_path / "four")
    assert tree_digest(tmp_path / "four") == tree_digest(tmp_path / "two")
    assert (kept / ".key").read_text() != "another jinja"


def test_search_script_only_when_the_theme_has_it(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(load(synthetic), out)
    home = (out / "index.html").read_text()
    assert '<div id="filters" hidden></div>' in home and '<div id="search-root"></div>' in home
    has_search = (Path(__file__).parent.parent / "timeline" / "theme" / "static" / "search.js").exists()
    assert ("search.js" in home) == has_search
    (synthetic / "templates" / "static").mkdir(parents=True)
    (synthetic / "templates" / "static" / "search.js").write_text("// search\n")
    build_site(load(synthetic), out)
    assert '<script src="/static/search.js" defer></script>' in (out / "index.html").read_text()


def test_cli_build_end_to_end(demo_project: Path, cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # --out is relative to the current folder, like any path argument
    result = cli("-C", str(demo_project), "build", "--base-url", "/repo/", "--out", "x")
    assert result.code == 0, result.err
    assert "Built " in result.err and "10 events shown" in result.err
    home = (tmp_path / "x" / "index.html").read_text()
    assert 'href="/repo/static/style.css"' in home
    assert 'href="/repo/events/2021-09-22-milley-meets-gerasimov-helsinki/"' in home


def test_cli_build_reports_template_errors_without_traceback(demo_project: Path, cli, tmp_path: Path) -> None:
    (demo_project / "templates").mkdir(exist_ok=True)
    (demo_project / "templates" / "index.html").write_text("{% extends 'base.html' %}{% block main %}{{ nope.x }}"
                                                           "{% endblock %}")
    result = cli("-C", str(demo_project), "build", "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.startswith("error: templates/index.html:1: template error while rendering index.html")
    assert "Traceback" not in result.err
    # Deeper in a template: its own line (the fast render call leaves that to a second, standard one).
    (demo_project / "templates" / "index.html").unlink()
    (demo_project / "templates" / "event.html").write_text("{% extends 'base.html' %}\n{% block main %}\n<p>\n"
                                                           "{{ event.nope.x }}\n</p>{% endblock %}\n")
    result = cli("-C", str(demo_project), "build", "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.startswith("error: templates/event.html:4: template error while rendering event.html"), result.err


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    ("2021-09-22", "2023-07-24", "1 year 10 months later"),
    ("2019-12", "2021-06-16", "about 1 year 6 months later"),
    ("2021", "2023-01-05", "about 2 years later"),
    ("2022-12-15", "2023-07-12", "6 months 27 days later"),
    ("2021-08-30", "2021-11-30", "3 months later"),
    ("2021-08-30", "2021-09-22", None),
    ("2021-01", "2021-03-20", None),
    ("2021-01", "2021-05-20", "about 4 months later"),
])
def test_gap_markers_are_honest_about_precision(earlier: str, later: str, expected: str | None) -> None:
    assert describe_gap(parse_date_spec(earlier), parse_date_spec(later), 60) == expected


def test_gap_markers_count_from_the_end_of_a_range_and_say_about_for_approximate() -> None:
    visit = parse_date_spec({"start": "2022-12-14", "end": "2022-12-16"})
    assert describe_gap(visit, parse_date_spec("2023-03-16"), 60) == "3 months later"
    approx = parse_date_spec({"start": "2023-07", "approximate": True})
    assert describe_gap(visit, approx, 60) == "about 7 months later"
    assert short_gap(parse_date_spec("2019-12"), parse_date_spec("2021-06-16")) == "~1 yr 6 mo"


@pytest.mark.parametrize(("base", "path", "origin"), [
    ("/", "/", None), ("/repo/", "/repo/", None), ("repo", "/repo/", None), ("/a/b", "/a/b/", None),
    ("https://owner.github.io/repo/", "/repo/", "https://owner.github.io"),
    ("https://example.com", "/", "https://example.com"),
])
def test_base_urls(base: str, path: str, origin: str | None) -> None:
    urls = SiteUrls.from_base_url(base)
    assert (urls.base_path, urls.origin) == (path, origin)
    assert urls.event("x-1") == f"{path}events/x-1/"


@pytest.mark.parametrize("base", ["javascript:alert(1)", "ftp://host/", "/re po/", "/a?b", 'x"><script>'])
def test_bad_base_urls_are_refused(base: str) -> None:
    with pytest.raises(ContentError, match="--base-url"):
        SiteUrls.from_base_url(base)


def test_urls_refuse_unchecked_ids() -> None:
    with pytest.raises(ValueError):
        SiteUrls.from_base_url("/").event("../../etc")


def test_thread_reasons_are_worked_out_on_reading_and_match_the_rules(demo_project: Path) -> None:
    from timeline.load.thread_rules import ThreadMatcher, describe_matches
    from timeline.site.view import build_view

    content = load(demo_project)
    view = build_view(content, SiteUrls.from_base_url("/"), False)
    threads = [t for t in view.threads if t.events]
    assert threads
    for thread in threads:
        matcher = ThreadMatcher(thread.thread, content.people)
        assert dict(thread.reasons) == {v.id: describe_matches(matcher.matches(v.event)) for v in thread.events}
        assert list(thread.reasons) == [v.id for v in thread.events]
    with pytest.raises(KeyError):
        threads[0].reasons["not-in-this-thread"]
