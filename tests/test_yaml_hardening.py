"""Hostile YAML never crashes, hangs or eats memory: each file is refused with `path:line:column: message`.

Content files come from pull requests by people we may not trust, so `timeline check` (which CI runs on
them) must fail fast and clearly on alias bombs, absurd nesting, huge files, binary junk and Python tags.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from timeline.errors import ContentError
from timeline.load.yaml_source import MAX_DEPTH, MAX_FILE_BYTES, parse_yaml

EVENT = "id: a\ntitle: Example meeting\ndate: 2021-09-22\nkind: meeting\nstatus: reviewed\n"


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """The classic: each level is a list of `width` aliases to the level below; width**levels values."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def check_one(make_project, cli, data: str | bytes, name: str = "content/events/a.yaml"):
    root = make_project({name: data})
    result = cli("-C", str(root), "check")
    assert "Traceback" not in result.err
    assert result.code == 1, result.err
    return result.err.splitlines()[0]


HOSTILE: dict[str, tuple[str | bytes, str]] = {
    "billion laughs": (
        billion_laughs(),
        # a5 is the first level past the limit; its second alias crosses it
        "error: content/events/a.yaml:6:15: this alias makes the document expand to more than 200,000 values "
        "(an alias bomb?); write the values out instead of using anchors and aliases",
    ),
    "10,000 nested flow lists": (
        "x: " + "[" * 10_000 + "]" * 10_000 + "\n",
        # libyaml's own limit (1,000 flow levels) fires first: its scanner reads ahead for a possible key
        "error: content/events/a.yaml:1:1003: invalid YAML: exceeded maximum nesting depth while increasing flow "
        f"level; flatten it (at most {MAX_DEPTH} levels)",
    ),
    "10,000 nested flow mappings": (
        "x: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
        # the top-level mapping is the first level
        f"error: content/events/a.yaml:1:{3 + 4 * (MAX_DEPTH - 1) + 1}: nesting deeper than {MAX_DEPTH} levels; "
        "flatten this value",
    ),
    "10,000 nested block lists": (
        "- " * 10_000 + "x\n",
        f"error: content/events/a.yaml:1:{2 * MAX_DEPTH + 1}: nesting deeper than {MAX_DEPTH} levels; flatten this value",
    ),
    "1,000 nested block mappings": (
        "".join(" " * level + "a:\n" for level in range(1_000)),
        f"error: content/events/a.yaml:{MAX_DEPTH + 1}:{MAX_DEPTH + 1}: nesting deeper than {MAX_DEPTH} levels; "
        "flatten this value",
    ),
    "a million tiny values": (
        "x:\n" + "- 1\n" * 1_000_000,
        "error: content/events/a.yaml:199999:3: the file holds more than 200,000 values; split it into smaller files",
    ),
    "one 1 MB line": (
        "id: a\ntitle: " + "a" * 1024 * 1024 + "\n",
        "error: content/events/a.yaml:2:8: this value is 1,048,576 characters long, over the 100,000-character "
        "limit; shorten it",
    ),
    "tab indentation": (
        "id: a\ntitle: x\n\tdate: 2021\n",
        "error: content/events/a.yaml:3:1: invalid YAML: found a tab character that violates indentation while "
        "scanning a plain scalar; indent with spaces, not tabs",
    ),
    "NUL byte": (
        b"id: a\ntitle: x\x00y\n",
        "error: content/events/a.yaml:2:9: a NUL byte (is this a binary file?) cannot appear in a YAML file; remove it",
    ),
    "control character": (
        "id: a\ntitle: x\x1by\n",
        "error: content/events/a.yaml:2:9: the character U+001B cannot appear in a YAML file; remove it",
    ),
    "lone surrogate escaped in a quoted string": (
        'id: a\ntitle: "\\ud800"\n',
        "error: content/events/a.yaml:2:11: invalid YAML: found invalid Unicode character escape code while "
        "parsing a quoted scalar",
    ),
    "lone surrogate encoded as bytes": (
        b"id: a\ntitle: x\xed\xa0\x80\n",
        "error: content/events/a.yaml:2:9: byte 0xed is not UTF-8; save the file as UTF-8",
    ),
    "UTF-16 little-endian with BOM": (
        EVENT.encode("utf-16-le").join([b"\xff\xfe", b""]),
        "error: content/events/a.yaml:1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); "
        "save it as UTF-8",
    ),
    "UTF-16 big-endian with BOM": (
        b"\xfe\xff" + EVENT.encode("utf-16-be"),
        "error: content/events/a.yaml:1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); "
        "save it as UTF-8",
    ),
    "UTF-16 without BOM": (
        EVENT.encode("utf-16-le"),
        "error: content/events/a.yaml:1:2: a NUL byte (is this a binary file?) cannot appear in a YAML file; remove it",
    ),
    "binary file": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "error: content/events/a.yaml:1:1: byte 0x89 is not UTF-8; save the file as UTF-8",
    ),
    "python object/apply tag": (
        "id: a\ntitle: !!python/object/apply:os.system ['touch PWNED']\n",
        'error: content/events/a.yaml:2:8: the tag "!!python/object/apply:os.system" is not allowed; content files '
        "hold only text, numbers, true/false, null, lists and mappings",
    ),
    "python name tag": (
        "id: a\ntitle: !!python/name:os.system ''\n",
        'error: content/events/a.yaml:2:8: the tag "!!python/name:os.system" is not allowed; content files hold only '
        "text, numbers, true/false, null, lists and mappings",
    ),
    "python object/new tag on a mapping": (
        "id: a\ntitle: !!python/object/new:subprocess.Popen {args: [touch, PWNED]}\n",
        'error: content/events/a.yaml:2:8: the tag "!!python/object/new:subprocess.Popen" is not allowed; content '
        "files hold only text, numbers, true/false, null, lists and mappings",
    ),
    "local tag": (
        "id: a\ntitle: !include /etc/passwd\n",
        'error: content/events/a.yaml:2:8: the tag "!include" is not allowed; content files hold only text, numbers, '
        "true/false, null, lists and mappings",
    ),
    "set and binary": (
        "id: a\ntitle: !!binary aGVsbG8=\n",
        'error: content/events/a.yaml:2:8: the tag "!!binary" is not allowed; content files hold only text, numbers, '
        "true/false, null, lists and mappings",
    ),
    "merge key": (
        "base: &base {kind: meeting, status: reviewed}\nid: a\n<<: *base\ntitle: x\n",
        "error: content/events/a.yaml:3:1: merge keys (<<) are not supported; write the keys out",
    ),
    "anchor loop": (
        "id: a\nparticipants: &p [*p]\n",
        "error: content/events/a.yaml:2:15: an alias here refers to a value that contains it (a loop); "
        "write the values out",
    ),
    "undefined alias": (
        "id: a\ntitle: *missing\n",
        "error: content/events/a.yaml:2:8: invalid YAML: found undefined alias; define the anchor (&name) before "
        "the alias (*name) that uses it",
    ),
    "duplicate anchor": (
        "id: &x a\ntitle: &x b\n",
        "error: content/events/a.yaml:2:8: invalid YAML: the same anchor (&name) is defined twice (first on line 1); "
        "give each anchor its own name",
    ),
    "two documents": (
        EVENT + "---\n" + EVENT,
        "error: content/events/a.yaml:6:1: invalid YAML: expected a single document in the stream but found another "
        "document; a content file holds one document: remove the `---` line",
    ),
    "huge integer": (
        "id: a\ndate: " + "9" * 5000 + "\n",
        "error: content/events/a.yaml:2:7: cannot read this value: the number has too many digits; put quotes "
        "around it if it is text",
    ),
    "key that is a list": (
        "? [a, b]\n: 1\n",
        "error: content/events/a.yaml:1:3: a key must be a plain value, not a mapping or list",
    ),
}


@pytest.mark.parametrize("data, expected", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_event_file_is_refused_with_its_line(make_project, cli, tmp_path, monkeypatch, data, expected):
    monkeypatch.chdir(tmp_path)  # where a `touch PWNED` would land if a tag were ever executed
    assert check_one(make_project, cli, data) == expected
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("name", ["content/people.yaml", "content/timeline.yaml"])
def test_alias_bomb_in_people_and_config(make_project, cli, name):
    first = check_one(make_project, cli, billion_laughs(), name)
    assert first.startswith(f"error: {name}:6:15: this alias makes the document expand to more than 200,000 values")


def test_oversized_file_is_refused_before_reading(make_project, cli):
    size = 20 * 1024 * 1024
    first = check_one(make_project, cli, "x: " + "a" * (size - 4) + "\n")
    assert first == (f"error: content/events/a.yaml: file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte "
                     "limit for a content file; split it")


def test_event_path_that_is_a_folder(make_project, cli):
    root = make_project({})
    (root / "content" / "events" / "a.yaml").mkdir()
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert result.err.splitlines()[0] == "error: content/events/a.yaml: cannot read file: Is a directory"


def test_harmless_anchors_are_accepted(make_project, cli):
    text = EVENT + "place: &p Helsinki, Finland\nsummary: *p\nthreads: &t []\nrelated: *t\n"
    root = make_project({"content/events/a.yaml": text})
    result = cli("-C", str(root), "check")
    assert result.code == 0, result.err


def test_bomb_is_bounded_in_memory_in_process():
    """Even a bomb of 10**12 values stays a few megabytes: expansion stops at the value limit."""
    tracemalloc.start()
    try:
        with pytest.raises(ContentError) as caught:
            parse_yaml(billion_laughs(levels=12, width=10), "bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "alias bomb" in str(caught.value)
    assert peak < 150 * 1024 * 1024, f"peak {peak:,} bytes"


def _limit_memory() -> None:
    limit = 512 * 1024 * 1024  # address space: the interpreter and its libraries fit several times over
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.parametrize("text", [billion_laughs(levels=12, width=10), "x:\n" + "- 1\n" * 1_200_000],
                         ids=["bomb of 10**12 values", "5 MB of tiny values"])
def test_hostile_files_under_a_memory_limit_and_timeout(make_project, text):
    """A separate process with 512 MB of address space and 30 s: it must fail cleanly, not be killed."""
    root = make_project({"content/events/a.yaml": text})
    proc = subprocess.run(
        [sys.executable, "-m", "timeline", "-C", str(root), "check"],
        capture_output=True, text=True, timeout=30, preexec_fn=_limit_memory,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.startswith("error: content/events/a.yaml:")
    assert "Traceback" not in proc.stderr
    assert "MemoryError" not in proc.stderr


@pytest.mark.parametrize("text", ["a: \ud800\n", "a: \udfff b\n", "\x00", "a: [\x85\udc80]"])
def test_parse_yaml_with_lone_surrogates_in_text(text):
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "x.yaml")
    assert str(caught.value).startswith("error: x.yaml:1:")


def test_demo_files_are_far_from_the_limits(repo_root: Path):
    for path in (repo_root / "content").rglob("*.yaml"):
        assert path.stat().st_size < MAX_FILE_BYTES / 100
