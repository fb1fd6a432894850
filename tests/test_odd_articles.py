"""`timeline ingest` on a folder of odd files: what it cannot read is named with the reason and skipped,
the rest becomes stubs, and no file makes it crash or hang (every run is a real process with a timeout).
"""

from __future__ import annotations

import random
import re
import time

import pytest
from conftest import run_timeline

from timeline.load.content import load_content
from timeline.load.model import parse_event
from timeline.load.yaml_source import read_yaml

pytestmark = pytest.mark.slow  # one ingest over ~25 MB of odd files: ~20 s on 2 cores

GOOD = """Gen. Ada Example meets Gen. Bob Sample in Vienna

By Staff Reporter
Published: 12 March 2021

VIENNA, March 12, 2021 - Gen. Ada Example, the army chief of Freedonia, met Gen. Bob Sample,
Sylvania's defence chief, in Vienna on Thursday to discuss border security, officials said.
"We agreed to keep talking," Example said after the meeting.
"""

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nstream\nx\x9c\xcb\x48\xcd\xc9\xc9\x07\x00\nendstream\n"
       b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def story(place: str, day: int) -> str:
    """A good article with its own place and date, so each one gives its own event."""
    return GOOD.replace("Vienna", place).replace("VIENNA", place.upper()).replace("12", str(day))


def odd_files() -> dict[str, bytes]:
    """name -> bytes: every kind of odd input, plus good articles in every encoding."""
    rng = random.Random(9)
    curly = story("Lisbon", 3).replace('"We agreed', "\u201cWe agreed").replace('talking,"', "talking,\u201d")
    words = " ".join(rng.choice(["army", "chief", "talks", "border", "meeting", "Vienna", "general"])
                     for _ in range(400))
    return {
        # unreadable or empty: skipped with a reason
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t\n",
        "image.txt": PNG,
        "random.txt": bytes(rng.getrandbits(8) for _ in range(20000)),
        "pdf-as.html": PDF,
        "pdf-as.txt": PDF,
        "too-big.txt": b"A sentence about nothing at all, repeated. " * 260_000,  # 11 MB: over the one-article limit
        # readable but odd: must not crash, may or may not give an event
        "huge.txt": (story("Oslo", 4) + "\n" + ("Filler paragraph about nothing in particular. " * 40 + "\n")
                     * 5400).encode(),  # ~10 MB
        "one-line.txt": ("word " * 420_000).encode(),  # ~2 MB, no newline
        "no-sentences.txt": words.encode(),
        "no-dates.txt": b"Officials met to discuss border security.\nThey said talks went well and would continue.\n",
        "nul-bytes.txt": story("Riga", 5).replace("border", "bor\x00der").encode(),
        "broken-front-matter.md": b"---\ntitle: [unclosed\ndate: : :\n---\n" + story("Tallinn", 6).encode(),
        "unclosed-front-matter.md": b"---\ntitle: Nothing closes this\n" + story("Vilnius", 7).encode(),
        # good articles in every encoding and line ending
        "utf8.txt": story("Prague", 8).encode("utf-8"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + story("Warsaw", 9).encode("utf-8"),
        "utf16-le.txt": story("Berlin", 10).encode("utf-16"),  # with BOM, little-endian on this machine
        "utf16-be.txt": b"\xfe\xff" + story("Paris", 11).encode("utf-16-be"),
        "cp1252.txt": curly.encode("cp1252"),
        "latin1.txt": story("Zürich", 13).replace("Sample", "Sämple").encode("latin-1"),
        "crlf.txt": story("Madrid", 14).replace("\n", "\r\n").encode(),
        "cr-only.txt": story("Rome", 15).replace("\n", "\r").encode(),
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """One real `timeline ingest` over every odd file; returns (project, completed process, seconds)."""
    root = tmp_path_factory.mktemp("odd") / "project"
    (root / "content" / "events").mkdir(parents=True)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "timeline.yaml").write_text("title: Odd articles\n")
    (root / "content" / "people.yaml").write_text("people: []\n")
    for name, data in odd_files().items():
        (root / "content" / "articles" / name).write_bytes(data)
    started = time.monotonic()
    result = run_timeline("-C", str(root), "ingest", "--quiet", "--jobs", "2", timeout=240)
    return root, result, time.monotonic() - started


def test_no_traceback_and_a_summary(ingested):
    _, result, seconds = ingested
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert "ingest: " in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr  # 1: some articles could not be used
    assert seconds < 180


# Broken front matter is refused rather than guessed around: the editor meant those fields.
UNREADABLE = ["empty.txt", "blank.txt", "image.txt", "random.txt", "pdf-as.html", "pdf-as.txt",
              "broken-front-matter.md", "unclosed-front-matter.md", "too-big.txt"]


@pytest.mark.parametrize("name", UNREADABLE)
def test_unreadable_files_are_named_with_a_reason(ingested, name):
    _, result, _ = ingested
    lines = [line for line in result.stderr.splitlines() if f"content/articles/{name}" in line]
    assert lines, f"{name} not reported:\n{result.stderr}"
    assert any("skipped" in line and len(line.split("skipped", 1)[1].strip()) > 10 for line in lines), lines
    assert not any("please report" in line for line in lines), lines  # a reason, not an internal failure


GOOD_ONES = ["utf8.txt", "utf8-bom.txt", "utf16-le.txt", "utf16-be.txt", "cp1252.txt", "latin1.txt", "crlf.txt",
             "cr-only.txt", "nul-bytes.txt", "huge.txt"]


@pytest.mark.parametrize("name", GOOD_ONES)
def test_readable_articles_become_sourced_stubs(ingested, name):
    root, result, _ = ingested
    assert f"content/articles/{name}:" not in result.stderr.replace("warning", ""), result.stderr
    sourced = [path for path in (root / "content" / "events").glob("*.yaml")
               if re.search(rf"^\s*-? ?article: {re.escape(name)}$", path.read_text("utf-8"), re.M)]
    assert sourced, f"no stub cites {name}:\n{result.stderr}"


def test_every_stub_is_valid_and_text_is_decoded(ingested):
    root, _, _ = ingested
    content = load_content(__import__("timeline.load.content", fromlist=["Project"]).Project(root))
    assert not content.problems.errors, content.problems.errors
    stubs = sorted((root / "content" / "events").glob("*.yaml"))
    assert len(stubs) >= 8
    everything = ""
    for path in stubs:
        text = path.read_text("utf-8")
        everything += text
        from timeline.errors import Problems

        problems = Problems()
        assert parse_event(read_yaml(path, path.name), path.name, problems) is not None
        assert not problems.errors
        assert "\x00" not in text and "\ufffd" not in text and "\r" not in text, path.name
    # The encodings were decoded, not guessed wrong (mojibake would read "ZÃ¼rich").
    assert "Zürich" in everything and "Ã" not in everything


@pytest.mark.parametrize("name", ["one-line.txt", "no-sentences.txt", "no-dates.txt"])
def test_odd_but_readable_files_give_a_stub_or_say_why_not(ingested, name):
    """Read without trouble: either a stub cites the file, or the summary says no event was found in it."""
    root, result, _ = ingested
    lines = [line for line in result.stderr.splitlines() if f"content/articles/{name}" in line]
    cited = any(f"article: {name}" in path.read_text("utf-8") for path in (root / "content" / "events").glob("*.yaml"))
    assert cited or any("no event found" in line for line in lines), (name, result.stderr)
    assert not any("please report" in line for line in lines), lines


def test_extract_on_odd_files_prints_json_or_reasons(tmp_path):
    """`timeline extract` (no project) on the same files: one process, no traceback, bounded time."""
    files = odd_files()
    paths = []
    for name in ("empty.txt", "image.txt", "pdf-as.html", "utf16-be.txt", "cp1252.txt", "nul-bytes.txt"):
        path = tmp_path / name
        path.write_bytes(files[name])
        paths.append(str(path))
    result = run_timeline("-C", str(tmp_path), "extract", *paths, timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[")
    for name in ("empty.txt", "image.txt", "pdf-as.html"):
        assert name in result.stderr, result.stderr
