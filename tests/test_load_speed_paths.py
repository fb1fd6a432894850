"""The load stage's fast paths give exactly what the general paths give (timeline issue 8).

Each shortcut taken for speed is pinned here against the slower code it stands in for: the one-pass YAML
builder against compose + shape check + PyYAML's constructors (values, marks and error messages), the
summary's plain text against the Markdown parser, the pickled model against its fields, and the parse cache's
segments against the digests and values the incremental build relies on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import time
from functools import partial
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import timeline.files.atomic_write as atomic_write
import timeline.load.content as content_module
import timeline.markdown as markdown_module
import timeline.speed.parse_cache as load_cache
from timeline.errors import ContentError, Problems
from timeline.load.content import Project, load_content, parse_event_source
from timeline.load.model import DEFAULT_KINDS, Event, parse_event
from timeline.load.yaml_source import (
    YamlList,
    YamlMap,
    _build_simple,
    _check_characters,
    _NotSimple,
    _parse_general,
    parse_yaml,
)
from timeline.markdown import plain_text, render_markdown, simple_html, summary_plain_text

# ---- YAML: the fast builder against the general path ------------------------------------------------------


def _general(text: str) -> object:
    """What parse_yaml gave before the fast path: the general path alone."""
    _check_characters(text, "x.yaml")
    return _parse_general(text, "x.yaml")


def _same(a: object, b: object) -> bool:
    """Equal values of the same types, with the same marks on every mapping, key, value and item."""
    if type(a) is not type(b):
        return False
    if isinstance(a, YamlMap):
        assert isinstance(b, YamlMap)
        return (a.mark == b.mark and list(a.key_marks.items()) == list(b.key_marks.items())
                and list(a.value_marks.items()) == list(b.value_marks.items()) and list(a) == list(b)
                and all(_same(a[key], b[key]) for key in a))
    if isinstance(a, YamlList):
        assert isinstance(b, YamlList)
        return (a.mark == b.mark and a.item_marks == b.item_marks and len(a) == len(b)
                and all(_same(x, y) for x, y in zip(a, b, strict=True)))
    return a == b


def _outcome(read, text: str) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    try:
        return "value", read(text)
    except ContentError as exc:
        return "error", [str(p) for p in exc.problems]


def assert_same_as_general(text: str) -> None:
    fast_kind, fast = _outcome(lambda t: parse_yaml(t, "x.yaml"), text)
    general_kind, general = _outcome(_general, text)
    assert fast_kind == general_kind, (text, fast, general)
    if fast_kind == "error":
        assert fast == general
    else:
        assert _same(fast, general), (text, fast, general)


# Plain scalars whose YAML 1.1 meaning is easy to get wrong: booleans, nulls, octal, hex, binary and
# sexagesimal ints, floats, dates and timestamps (real and impossible ones), and text that only looks like one.
TRICKY_SCALARS = [
    "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    "true", "True", "TRUE", "tRue", "false", "False", "FALSE", "null", "Null", "NULL", "nULL", "~", "",
    "0", "00", "007", "0o7", "08", "0x1F", "0X1F", "0b101", "0b2", "1_000", "-1", "+1", "-0", "+0", "1:30",
    "190:20:30", "1:70", "12345678901234567890", "0.5", ".5", "1.", "1e3", "1.0e3", "1.0e+3", "-.inf", ".Inf",
    ".NaN", ".nan", "1_0.5", "2021", "2021-09", "2021-09-22", "2021-9-2", "2021-02-30", "2021-13-01", "0000-01-01",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-12-14T21:59:43Z", "2001-12-14 25:00:00",
    "2001-12-14T21:59:43+99:00", "=", "<<", "!", "&", "*", "-", "Farah Mirza", "Nigeria", "Oslo", "Yemen",
    "tomorrow", "nothing", "0.5.1", "v1", "1 2", "١٢", "²", "Ⅻ", "１２", "1\u00a02",
]


@pytest.mark.parametrize("scalar", TRICKY_SCALARS)
def test_plain_scalars_resolve_as_in_the_general_path(scalar: str) -> None:
    for text in (f"k: {scalar}\n", f"- {scalar}\n", f"{scalar}: v\n", f"[{scalar}, x]\n", f"{{a: {scalar}}}\n",
                 f"k: '{scalar}'\n", f'k: "{scalar}"\n', f"k: |\n  {scalar}\n", f"k: >-\n  {scalar}\n"):
        assert_same_as_general(text)


def test_the_fast_path_is_taken_for_plain_data_and_gives_the_general_values() -> None:
    text = ("id: a\ntitle: Example meeting\ndate: 2021-09-22\nkind: meeting\nstatus: reviewed\nn: 12\nok: yes\n"
            "none: ~\nempty:\nlist:\n- 1\n- [2, {x: 3}]\n- {}\n- []\nfolded: >\n  two\n  lines\n"
            "quoted: '2021-09-22'\nodd: 2021-02-30\nhex: 0x1F\nsexa: 1:30\nf: 0.5\nstamp: 2001-12-14t21:59:43.10-05:00\n")
    fast = _build_simple(text)  # does not fall back
    assert _same(fast, _general(text))
    assert fast["date"] == dt.date(2021, 9, 22) and fast["odd"] == "2021-02-30" and fast["hex"] == 31


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!binary aGk=\n", "a: !local x\n", "a: 1\na: 2\n", "? [a]\n: 1\n", "<<: {a: 1}\n", "a: =\n",
    "a: .nan\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: " + "x" * 100_001 + "\n", "x: " + "[" * 40 + "]" * 40 + "\n",
])
def test_anything_but_plain_data_leaves_the_fast_path(text: str) -> None:
    with pytest.raises(_NotSimple):
        _build_simple(text)
    assert_same_as_general(text)


_key = st.sampled_from(["id", "title", "a", "b", "yes", "1", "2021-01-01", "~", "x y", "<<", "=", "k"])
_scalar = st.sampled_from(TRICKY_SCALARS + ["'q'", '"d\\tq"', "'it''s'", "\"\\u00e9\"", "*a", "&a v", "!!str 5"])


@st.composite
def _documents(draw, depth: int = 0) -> str:  # type: ignore[no-untyped-def]
    """Block and flow YAML built from tricky pieces; some of it invalid on purpose."""
    kind = draw(st.sampled_from(["map", "seq", "flow"] if depth < 3 else ["flow"]))
    indent = "  " * depth
    if kind == "flow":
        items = draw(st.lists(_scalar, max_size=3))
        if draw(st.booleans()):
            return "[" + ", ".join(items) + "]"
        return "{" + ", ".join(f"{draw(_key)}: {item}" for item in items) + "}"
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        value = draw(_scalar) if draw(st.booleans()) else "\n" + indent + "  " + draw(_documents(depth + 1)).lstrip()
        if kind == "map":
            lines.append(f"{indent}{draw(_key)}: {value}")
        else:
            lines.append(f"{indent}- {value}")
    if draw(st.booleans()):
        lines.append(f"{indent}# a comment")
    return "\n".join(lines) + "\n"


@given(_documents())
@example("a: 1\nb:\n  - yes\n  - {x: 0o17, y: 1:20}\n")
@example("- a\n-\n  - b\n- c: ~\n  d: 2021-02-29\n")
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_documents_parse_as_in_the_general_path(text: str) -> None:
    assert_same_as_general(text)


def test_every_event_file_of_the_demo_takes_the_fast_path_with_the_same_values(repo_root: Path) -> None:
    files = sorted((repo_root / "content").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _same(_build_simple(text), _general(text)), path


# ---- summaries: plain text without the Markdown parser ---------------------------------------------------

SIMPLE_SUMMARIES = [
    "Dr. Hamid de la Adeyemi spoke by telephone with Ambassador Farah Mirza in Ramstein on 1 Jan 2015. The two "
    "discussed **regional security** and humanitarian access, according to statements from both sides.",
    "A met B.\n\nIt was their first contact this year; officials described the talks as *productive*.\n\n"
    "- Military training\n- The security situation in afghanistan",
    "Visited {city}, meeting X on 24–25 Jan 2015 (*cordial*). **Talks**, then *more*: done!",
    "Ünïcode wörds\nacross lines",
]


@pytest.mark.parametrize("summary", SIMPLE_SUMMARIES)
def test_simple_summaries_skip_the_markdown_parser(summary: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    expected = plain_text(summary)

    def fail(text: str) -> str:
        raise AssertionError("parsed Markdown for a simple summary")

    monkeypatch.setattr("timeline.markdown.plain_text", fail)
    assert summary_plain_text(summary) == expected


_pieces = st.sampled_from([
    "a", "Bc", "é", "1", "2015.", " ", "  ", "*", "**", "***", "\n", "\n\n", "- ", "-", "* ", "+ ", "# ", "> ",
    "(", ")", ".", ",", ";", ":", "!", "?", "–", "'", '"', "_", "\t", "\xa0", "\u2028", "=", "---", "1. ", "1) ",
    "{x}", "é*", "*é", "x*", "*x", "**x**", "*y*", ")*", "*(", "    ", "\r", "`", "[a](b)", "<", "&amp;", "\\", "~~",
])
_words = st.sampled_from(["a", "Bc", "é", "x y", "(", ")", ".", ",", "1", "–", "**x**", "*y*", "**y z**", "\n", "\n\n",
                          "\n- ", " "])


@given(st.one_of(st.lists(_pieces, max_size=14), st.lists(_words, max_size=14)).map("".join))
@example("**a** b\n- c *d*")
@example("a\n- b")
@example("*a*\n\n**b**")
@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow])
def test_summary_plain_text_is_the_markdown_plain_text(text: str) -> None:
    summary = text.strip()  # as model.parse_event keeps it
    assert summary_plain_text(summary) == plain_text(summary)


@pytest.mark.parametrize("summary", SIMPLE_SUMMARIES)
def test_simple_summaries_render_without_the_markdown_parser(summary: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    expected = markdown_module.parser().render(summary)

    class Refusing:
        def render(self, text: str) -> str:
            raise AssertionError("parsed Markdown for a simple summary")

    monkeypatch.setattr(markdown_module, "parser", lambda: Refusing())
    assert render_markdown(summary) == expected


_html_pieces = st.sampled_from([
    "a", "Bc", "é", "1", "x y", " ", "*", "**", "\n", "\n\n", "\n\n\n", "- ", "\n- ", "\n\n- ", "-", "(", ")",
    ".", ",", ":", "!", '"', ">", "'", "**x**", "*y*", "**y z**", "*(", ")*", "x*", "*x", "\xa0", "=", "---", "#",
])


# Summaries shaped like real ones (paragraphs and items of words), so that most take the fast path.
_html_lines = st.lists(st.tuples(st.sampled_from(["", "- "]),
                                 st.lists(st.sampled_from(["Word", "é", "two words", "*em*", "**strong**", "(*x*)",
                                                           '"q"', "> b", "end.", "*a b*", "x*y"]),
                                          min_size=1, max_size=4).map(" ".join)).map("".join),
                       min_size=1, max_size=6)
_html_separators = st.lists(st.sampled_from(["\n", "\n\n"]), min_size=6, max_size=6)


def _joined(lines_and_separators: tuple[list[str], list[str]]) -> str:
    lines, separators = lines_and_separators
    return "".join(line + separator for line, separator in zip(lines, separators[:len(lines)], strict=True))


@given(st.one_of(st.lists(_html_pieces, max_size=16).map("".join),
                 st.tuples(_html_lines, _html_separators).map(_joined)))
@example("a\n- b\nc\n\nd")
@example("- a\n\n- b")
@example("- a\n\nb\n\n- c")
@example('**a "b" c** > d')
@example("a\n- \nb")
@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
def test_simple_html_is_the_markdown_html(text: str) -> None:
    for summary in (text, text.strip()):
        simple = simple_html(summary)
        assert simple is None or simple == markdown_module.parser().render(summary)


# ---- the model's pickles and small helpers ----------------------------------------------------------------


def test_events_pickle_with_every_field(repo_root: Path) -> None:
    path = sorted((repo_root / "content" / "events").glob("*.yaml"))[0]
    problems = Problems()
    event = parse_event(parse_yaml(path.read_text(encoding="utf-8"), "e.yaml"), "e.yaml", problems)
    assert event is not None and event.participants and event.sources
    event.summary_plain = ("s", "t")  # fields outside equality travel too
    copy = pickle.loads(pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == event
    assert {f.name: getattr(copy, f.name) for f in dataclasses.fields(Event)} == \
        {f.name: getattr(event, f.name) for f in dataclasses.fields(Event)}
    assert [vars(p) for p in copy.participants] == [vars(p) for p in event.participants]


def test_item_marks_are_skipped_only_on_request(repo_root: Path) -> None:
    path = sorted((repo_root / "content" / "events").glob("*.yaml"))[0]
    data = parse_yaml(path.read_text(encoding="utf-8"), "e.yaml")
    with_marks = parse_event(data, "e.yaml", Problems())
    without = parse_event(data, "e.yaml", Problems(), item_marks=False)
    assert with_marks is not None and without is not None
    assert with_marks.marks and without.marks == {}
    assert with_marks == without


@given(st.text(alphabet="ab./", max_size=12))
@example("")
@example(".")
@example("a/.")
@example("a/..")
@example(".yaml")
@example("a/b.")
def test_file_stem_is_pathlib_stem(path: str) -> None:
    assert content_module._file_stem(path) == PurePosixPath(path).stem


def _safe_by_path_object(name: str) -> bool:
    """is_safe_relative_path as it was written first: character by character, parts from a path object."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        return False
    return all(part not in ("..", ".") for part in PurePosixPath(name).parts) and len(name) <= 255


@given(st.one_of(st.text(alphabet="ab./\\:\x00\x1f\x7f\x80 ", max_size=14), st.text(max_size=300)))
@example("a/../b")
@example("./a")
@example("a//b")
@example("..")
@example("a/..b")
def test_safe_relative_path_check_is_the_path_object_check(name: str) -> None:
    assert content_module.is_safe_relative_path(name) == _safe_by_path_object(name)


def list_event_files(project: Project) -> list[Path]:
    """How loading listed event files before `_event_files`: Path objects, sorted by name."""
    if not project.events_dir.is_dir():
        return []
    return sorted((p for p in project.events_dir.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")),
                  key=lambda p: p.name)


def test_event_files_are_listed_as_list_event_files_lists_them(tmp_path: Path) -> None:
    events = tmp_path / "content" / "events"
    events.mkdir(parents=True)
    for name in ("b.yaml", "a.yml", ".hidden.yaml", "c.txt", "Bad Name.yaml", "d.yaml"):
        (events / name).write_text("id: x\n", encoding="utf-8")
    os.symlink(events / "d.yaml", events / "e.yaml")
    project = Project(tmp_path)
    listed = content_module._event_files(project)
    assert [(name, Path(path)) for name, path, _ in listed] == [(p.name, p) for p in list_event_files(project)]
    assert [is_symlink for *_, is_symlink in listed] == [p.is_symlink() for p in list_event_files(project)]
    assert content_module._event_files(Project(tmp_path / "nowhere")) == []


# ---- the parse cache's segments ----------------------------------------------------------------------------

EVENT = """id: {id}
title: {title}
date: 2021-09-{day:02d}
kind: meeting
status: reviewed
summary: Met **today** in {title}.
threads: [ties]
"""
CONFIG = "title: T\nthreads:\n  - id: ties\n    title: Ties\n"


def _project(make_project, count: int = 12):  # type: ignore[no-untyped-def]
    files = {"content/timeline.yaml": CONFIG}
    for i in range(count):
        files[f"content/events/e{i:02d}.yaml"] = EVENT.format(id=f"e{i:02d}", title=f"T{i}", day=i % 28 + 1)
    root = make_project(files)
    past = time.time() - 60  # old enough to trust every mtime
    for path in (root / "content").rglob("*.yaml"):
        os.utime(path, (past, past))
    return Project(root)


def _cache_files(project: Project) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (project.state_dir / "cache").iterdir()}


def _loaded(project: Project) -> tuple[list[tuple[str, str]], dict[str, bytes], list[str]]:
    content = load_content(project)
    return ([(e.id, e.title) for e in content.events], content.digests, [str(p) for p in content.problems.items])


def test_one_edit_writes_the_index_and_one_small_segment(make_project) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project)
    first = _loaded(project)
    before = _cache_files(project)
    edited = project.events_dir / "e03.yaml"
    edited.write_text(EVENT.format(id="e03", title="Changed", day=4), encoding="utf-8")
    second = _loaded(project)
    after = _cache_files(project)
    assert ("e03", "Changed") in second[0]
    changed = {name for name in after if after[name] != before.get(name)}
    assert load_cache.CACHE_FILE in changed
    assert len(changed - {load_cache.CACHE_FILE}) == 1  # the new segment; the others are untouched
    assert set(before) - set(after) == set()  # the old segment still holds the other files
    # The digest changes for the edited file only.
    assert {k for k in first[1] if first[1][k] != second[1][k]} == {"content/events/e03.yaml"}
    # Reading again from the cache gives the same events, digests and problems.
    assert _loaded(project) == second


def test_loading_takes_the_stats_of_the_walk_before_it(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`timeline build` hands the up-to-date check's (size, mtime) of every content file to loading, which then
    calls stat on none of the event files."""
    from timeline.speed.up_to_date import BuildStamp

    project = _project(make_project)
    expected = _loaded(project)
    edited = project.events_dir / "e03.yaml"
    edited.write_text(EVENT.format(id="e03", title="Changed", day=4), encoding="utf-8")
    walked = BuildStamp.for_build(project, project.site_dir, None, False).content_stats
    assert str(edited) in walked and len(walked) >= len(expected[0])
    stat_calls: list[str] = []
    real_stat = os.stat
    monkeypatch.setattr(load_cache.os, "stat", lambda path, *a, **k: stat_calls.append(str(path)) or real_stat(path, *a, **k))
    content = load_content(project, walked)
    assert not [p for p in stat_calls if p.startswith(str(project.events_dir)) and p.endswith(".yaml")]
    assert ("e03", "Changed") in [(e.id, e.title) for e in content.events]

    # Changed after the walk: the next walk and load see it.
    edited.write_text(EVENT.format(id="e03", title="Changed again, longer", day=4), encoding="utf-8")
    walked = BuildStamp.for_build(project, project.site_dir, None, False).content_stats
    assert ("e03", "Changed again, longer") in [(e.id, e.title) for e in load_content(project, walked).events]


def test_a_digest_follows_the_files_bytes_path_and_kinds(make_project) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project)
    digest = _loaded(project)[1]["content/events/e01.yaml"]
    path = project.events_dir / "e01.yaml"
    text = path.read_text(encoding="utf-8")
    # A new comment changes no value, but the digest stands for the bytes: that event's pages are made again.
    path.write_text(text.replace("kind: meeting", "kind: 'meeting'  # same value"), encoding="utf-8")
    assert _loaded(project)[1]["content/events/e01.yaml"] != digest
    path.write_text(text.replace("T1", "T1b"), encoding="utf-8")
    assert _loaded(project)[1]["content/events/e01.yaml"] != digest
    path.write_text(text, encoding="utf-8")
    assert _loaded(project)[1]["content/events/e01.yaml"] == digest
    raw = path.read_bytes()
    assert load_cache.source_digest(raw, "content/events/e01.yaml", DEFAULT_KINDS) == digest
    # The same bytes under another name, or read with other kinds, may parse to something else.
    assert load_cache.source_digest(raw, "content/events/e02.yaml", DEFAULT_KINDS) != digest
    assert load_cache.source_digest(raw, "content/events/e01.yaml", (*DEFAULT_KINDS, "raid")) != digest


def test_parallel_and_serial_parses_store_the_same_digests(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project, count=30)
    serial = _loaded(project)
    for path in (project.state_dir / "cache").iterdir():
        path.unlink()
    monkeypatch.setattr(load_cache, "PARALLEL_MIN_FILES", 4)
    monkeypatch.setattr(load_cache, "CHUNK_FILES", 7)
    monkeypatch.setattr(load_cache, "parse_jobs", lambda: 2)
    assert _loaded(project) == serial
    assert len([p for p in (project.state_dir / "cache").iterdir() if p.suffix == ".seg"]) >= 5
    assert _loaded(project) == serial


def test_a_lost_segment_means_parsing_again(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project)
    expected = _loaded(project)
    for path in (project.state_dir / "cache").glob("*.seg"):
        path.write_bytes(b"torn")
    assert _loaded(project) == expected
    calls = []
    real = content_module.parse_event_source
    monkeypatch.setattr(content_module, "parse_event_source", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert _loaded(project) == expected
    assert calls == []  # the segments written again serve every file


def test_many_edits_are_repacked_with_values_and_digests_kept(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(load_cache, "REPACK_EXTRA_SEGMENTS", 3)
    project = _project(make_project)
    _loaded(project)
    for i in range(6):
        path = project.events_dir / f"e{i:02d}.yaml"
        path.write_text(EVENT.format(id=f"e{i:02d}", title=f"Edit {i}", day=1), encoding="utf-8")
        expected = _loaded(project)
    segments = list((project.state_dir / "cache").glob("*.seg"))
    assert len(segments) <= 3 + 1 + 2  # repacked: full segments and at most a few edits since
    stored = pickle.loads((project.state_dir / "cache" / load_cache.CACHE_FILE).read_bytes())
    used = set(stored["columns"][load_cache._Entry._fields.index("segment")])
    assert used == {p.name[len("parsed-"):-len(".seg")] for p in segments}
    assert _loaded(project) == expected


def test_the_cache_holds_what_reading_the_file_gives(make_project) -> None:  # type: ignore[no-untyped-def]
    project = _project(make_project)
    load_content(project)
    cached = load_content(project)
    for event in cached.events:
        assert event.path is not None
        fresh = parse_event_source((project.root / event.path).read_bytes(), event.path, Problems(), DEFAULT_KINDS)
        assert fresh == event and fresh.summary_plain == event.summary_plain
        assert fresh.lines == event.lines and event.marks == {}


def _is_safe_url_by_urlsplit(url: str) -> bool:
    """model.is_safe_url as it was before its shortcut for plain http(s) URLs."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c in url for c in "\n\r\t<>\"")


_url_pieces = st.sampled_from(["http", "https", "HTTP", "://", ":", "/", "//", "?", "#", "[", "]", "::1", "a", "é", " ",
                               "\t", "\n", "<", '"', "@", ".", "x.example", "\x01", "\u3002", "%", "ｅ"])


@given(st.lists(_url_pieces, max_size=10).map("".join))
@example("https:// ")
@example("https://")
@example("http://[::1]/x")
@example("https://news.example/a?b#c")
@settings(max_examples=1000)
def test_is_safe_url_shortcut_agrees_with_urlsplit(url: str) -> None:
    from timeline.load.model import is_safe_url

    assert is_safe_url(url) == _is_safe_url_by_urlsplit(url)


# ---- cross-file checks: whole-project passes first, the same messages in the same order ---------------------


def test_reference_problems_keep_their_order_within_and_across_events(make_project) -> None:  # type: ignore[no-untyped-def]
    bad = """id: {id}
title: T
date: 2021-09-01
kind: meeting
status: {status}
threads: [ties, nope]
related: [{id}, missing, {other}]
mentions:
  - summary: Before
    event: gone
sources:
  - article: ../up.txt
  - article: absent.txt
  - url: https://x.example/a
participants:
  - name: A
    person: nobody
"""
    root = make_project({
        "content/timeline.yaml": CONFIG,
        "content/events/a.yaml": bad.format(id="a", other="b", status="draft"),
        "content/events/b.yaml": bad.format(id="b", other="a", status="reviewed"),
        "content/events/c.yaml": EVENT.format(id="c", title="Clean", day=3),
    })
    # As check_references reported them before it learnt to skip clean kinds of reference.
    per_event = [
        "error: content/events/{}.yaml:6:17: thread \"nope\" does not exist; define it under `threads:` in "
        "content/timeline.yaml",
        "error: content/events/{}.yaml:7:11: an event cannot be related to itself",
        "error: content/events/{}.yaml:7:14: related event \"missing\" does not exist; if that event is not written "
        "yet, create it with `timeline new \"Its title\" --id missing`",
        "error: content/events/{}.yaml:10:12: mention links to event \"gone\", which does not exist; if that event is "
        "not written yet, create it with `timeline new \"Its title\" --id gone`",
        "error: content/events/{}.yaml:12:14: source article \"../up.txt\" must be a path inside content/articles/ "
        "(no .., no leading /)",
        "error: content/events/{}.yaml:13:14: source article \"absent.txt\" is not in content/articles/",
        "error: content/events/{}.yaml:17:13: participant \"A\" names person \"nobody\", who is not in "
        "content/people.yaml",
    ]
    assert [str(p) for p in load_content(Project(root)).problems.items] == [
        *(line.format("a") for line in per_event),
        "warning: content/events/a.yaml:5: draft: not published until an editor sets status: reviewed",
        *(line.format("b") for line in per_event),
    ]


def test_a_cache_file_in_parts_is_their_concatenation_even_after_short_writes(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parts = [bytes([i % 251]) * (i % 7) for i in range(3000)] + [memoryview(b"abcdef")[2:], b"", b"end"]
    expected = b"".join(parts)
    load_cache.write_cache_file(tmp_path / "whole", parts)
    assert (tmp_path / "whole").read_bytes() == expected

    real_writev = os.writev
    calls = []

    def short_writev(fd: int, buffers: list) -> int:  # type: ignore[type-arg]
        calls.append(len(buffers))
        # At most 5 buffers, and of those at most 11 bytes: every write stops in the middle of a part.
        return real_writev(fd, [memoryview(b"".join(bytes(b) for b in buffers[:5]))[:11]])

    monkeypatch.setattr(os, "writev", short_writev)
    load_cache.write_cache_file(tmp_path / "short", parts)
    assert (tmp_path / "short").read_bytes() == expected
    assert max(calls) <= atomic_write._IOV_MAX and len(calls) > len(expected) // 11
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_meanwhile_runs_once_while_workers_parse_or_after_a_cached_load(make_project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """load_content reads people.yaml while the workers parse event files: once, whether anything is parsed."""
    project = _project(make_project, count=30)
    monkeypatch.setattr(load_cache, "PARALLEL_MIN_FILES", 4)
    monkeypatch.setattr(load_cache, "CHUNK_FILES", 7)
    monkeypatch.setattr(load_cache, "parse_jobs", lambda: 2)
    items = [(str(p), f"content/events/{p.name}") for p in sorted(project.events_dir.glob("*.yaml"))]
    calls: list[int] = []
    for _ in range(2):  # parsed in workers, then all from the cache
        with load_cache.ParseCache.open(project.state_dir) as cache:
            results = cache.parse_many(items, DEFAULT_KINDS, partial(content_module.parse_event_source,
                                                                     kinds=DEFAULT_KINDS),
                                       meanwhile=lambda cache=cache: calls.append(cache.misses))
        assert [value.id for value, _ in results] == [Path(path).stem for path, _ in items]
    assert calls == [7, 0]  # the first time after the first chunk of 7, while the others were being parsed
