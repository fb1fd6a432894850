"""The exports' fast paths write exactly what their slow references write.

Each fast path stands in for a reference: the feed entries written as text for ElementTree, the calendar's byte folding for a character loop, list splicing for encoding a document
whole, and the export memo (kept fragments, and what is gathered across events) for computing everything again.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline.load.content import Project, load_content
from timeline.load.model import Event
from timeline.site.exports import ExportMemo, render_exports
from timeline.site.exports.atom import FEED_ENTRIES, _entry_text, entry_id, entry_updated
from timeline.site.exports.context import ExportContext
from timeline.site.exports.icalendar import escape_text, fold_line
from timeline.site.exports.json_text import (
    compact_item_bytes,
    json_bytes,
    json_with_slots,
    top_level_list,
)
from timeline.site.exports.sitemap import render_sitemap
from timeline.site.exports.xml_escape import xml_attribute_value, xml_character_data, xml_text

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_project  # noqa: E402

ABSOLUTE = "https://example.org/repo/"
TRICKY_TEXT = ['"quoted" \\ back\\slash', "</script><!-- & -->", "ünïcödé ✓ 🙂", "tab\tnew\nline\r\n",
               "\x00\x01\x1f\x7f", "\u2028\u2029", "", " ", "[1, 2]", '{"a": [1]}', ",\n ", ": ", "\ufffe\uffff"]

# --- JSON ---------------------------------------------------------------------------------------------------

text = st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=12))
scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True), text)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.lists(children, max_size=3).map(tuple),
                               st.dictionaries(text, children, max_size=5)),
    max_leaves=30,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(text, json_values, max_size=4), st.lists(json_values, max_size=6), json_values, st.booleans())
@example({"a": "</script>&"}, [], {}, False)
@example({"events": "replaced", "b": "\x00slot 0 events\x00"}, [{"x": "<b>"}, [], {}], [1, "\x00slot 0 people\x00"], True)
@example({"title": "\x00slot 0 events\x00"}, ["x"], "\x00slot 1 people\x00", False)
def test_a_filled_document_is_the_whole_document(head, items, people, compact):
    """Encoding a list's items one at a time and a value on its own (each kept by the memo), then filling the
    document's slots with them, gives the whole document: in a compact one, the bytes of encoding it all; in an
    indented one, the same data with one item per line. A value that looks like a slot is no slot."""
    document = json_with_slots(head, ["events", "people"], compact=compact)
    encoded = [compact_item_bytes(item) for item in items]
    filled = document.fill({"events": top_level_list(encoded, compact=compact), "people": compact_item_bytes(people)})
    whole = {**head, "events": items, "people": people}
    if compact:
        assert filled == json_bytes(whole, compact=True)
    else:
        # Re-encoded, so that NaN (never equal to itself) and tuples (read back as lists) compare as written.
        assert json_bytes(json.loads(filled), compact=True) == json_bytes(whole, compact=True)
        lines = filled.split(b"\n")
        assert all(b"  " + item + b"," in lines or b"  " + item in lines for item in encoded)
    assert b"<" not in filled and b">" not in filled and b"&" not in filled


# --- XML ----------------------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=30)))
def test_xml_escaping_is_elementtrees(value):
    element = ET.Element("t", {"a": xml_text(value)})
    element.text = xml_text(value)
    expected = ET.tostring(element, encoding="unicode")
    content = xml_character_data(value)
    written = f'<t a="{xml_attribute_value(value)}">{content}</t>' if content else f'<t a="{xml_attribute_value(value)}" />'
    assert written == expected


def _reference_entry(ctx: ExportContext, event) -> str:
    """The entry as the feeds built it before they were written as text: an ElementTree, indented one level."""
    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
        if text is not None:
            element.text = xml_text(text)

    entry = ET.Element("entry")
    sub(entry, "title", event.title if not event.is_draft else f"[Unreviewed draft] {event.title}")
    sub(entry, "id", entry_id(ctx, event))
    sub(entry, "updated", entry_updated(event))
    sub(entry, "link", rel="alternate", type="text/html", href=ctx.event_link(event))
    when = event.date.display() + (" (date unconfirmed)" if event.needs_review("date") else "")
    head = f"{when}, {event.place}" if event.place else when
    summary = ctx.summary_text(event)
    sub(entry, "summary", f"{head}. {summary}" if summary else head + ".", type="text")
    sub(entry, "category", term=event.kind, label=event.kind)
    for thread_id, title in zip(event.threads, ctx.thread_titles(event), strict=True):
        sub(entry, "category", term=thread_id, label=title)
    ET.indent(entry, space="  ", level=1)
    return ET.tostring(entry, encoding="unicode")


@pytest.mark.parametrize("base_url", ["/repo/", ABSOLUTE])
def test_feed_entries_are_what_elementtree_writes(make_project, base_url):
    files = {"content/timeline.yaml": 'title: T\nthreads:\n  - id: a-b\n    title: "A & <b>B</b>\\t\\"q\\""\n'}
    for number, value in enumerate(TRICKY_TEXT):
        value = value.replace("\x00", "").replace("\ufffe", "").replace("\uffff", "").replace("\x7f", "")
        value = re.sub("[\x01-\x08\x0b\x0c\x0e-\x1f]", "", value)
        files[f"content/events/e{number}.yaml"] = (
            f"id: e{number}\ntitle: {json.dumps('T ' + value, ensure_ascii=False)}\ndate: 2024-01-{number + 1:02d}\n"
            f"kind: meeting\nstatus: {'draft' if number % 3 == 0 else 'reviewed'}\n"
            f"place: {json.dumps(value, ensure_ascii=False)}\nsummary: {json.dumps(value, ensure_ascii=False)}\n"
            "threads: [a-b]\n")
    content = load_content(Project(make_project(files)))
    assert not content.problems.errors, content.problems.errors
    ctx = ExportContext.create(content, base_url, include_drafts=True)
    for event in ctx.dated_events():
        assert _entry_text(ctx, event) == _reference_entry(ctx, event)


@pytest.mark.parametrize("pages", [["", "events/a-b/", "people/ü x/", "a&b<c>/", "threads/t/"], []])
def test_the_sitemap_is_what_elementtree_writes(fixture_free_content, pages):
    ctx = ExportContext.create(fixture_free_content, ABSOLUTE, include_drafts=False)
    urlset = ET.Element("urlset", {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    for page in sorted(set(pages)):
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = xml_text(ctx.link(page))
    ET.indent(urlset, space="  ")
    files, _ = render_sitemap(ctx, pages)
    assert files["sitemap.xml"] == ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


@pytest.fixture
def fixture_free_content(make_project):
    return load_content(Project(make_project({"content/timeline.yaml": "title: T\n"})))


# --- iCalendar ----------------------------------------------------------------------------------------------


def _reference_fold(line: str) -> str:
    chunks, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size, limit = "", 0, 74
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def _reference_escape(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(c for c in value if c == "\t" or ord(c) >= 32 and ord(c) != 127)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab é✓🙂\t\n\r,;\\\x01\x7f"), max_size=200))
@example("x" * 75)
@example("x" * 76)
@example("x" * 74 + "é")
@example("é" * 38)
def test_calendar_folding_and_escaping_are_the_character_loops(value):
    assert escape_text(value) == _reference_escape(value)
    line = "DESCRIPTION:" + escape_text(value)
    assert fold_line(line) == _reference_fold(line)


def test_calendar_dates_have_four_digit_years(make_project):
    project = make_project({"content/timeline.yaml": "title: T\n",
                            "content/events/old.yaml": "id: old\ntitle: Old\ndate: '0800-12-25'\nkind: meeting\n"
                                                       "status: reviewed\n"})
    calendar = render_exports(load_content(Project(project)))["calendar.ics"].decode()
    assert "DTSTART;VALUE=DATE:08001225\r\n" in calendar and "DTEND;VALUE=DATE:08001226\r\n" in calendar


# --- Feeds --------------------------------------------------------------------------------------------------


def test_feeds_are_sorted_newest_first_and_updated_is_their_latest_entry(tmp_path):
    """The feeds reverse the chronological order instead of sorting: the same order, ties (same date) included."""
    generate_project(tmp_path / "p", events=120, articles=2, seed=3)
    content = load_content(Project(tmp_path / "p"))
    files = render_exports(content, ABSOLUTE)
    atom = "{http://www.w3.org/2005/Atom}"
    dated = [e for e in content.events if e.date is not None and not e.is_draft]
    assert len({e.date.sort_key() for e in dated}) < len(dated)  # some share a date
    for thread in [None, *content.config.threads]:
        feed = ET.fromstring(files["feed.xml" if thread is None else f"threads/{thread.id}/feed.xml"])
        events = [e for e in dated if thread is None or thread.id in e.threads]
        entries = list(feed.iter(f"{atom}entry"))
        newest_first = sorted(events, key=Event.sort_key, reverse=True)[:FEED_ENTRIES]  # the latest only
        assert [e.findtext(f"{atom}link") or e.find(f"{atom}link").get("href") for e in entries] == [
            f"{ABSOLUTE}events/{event.id}/" for event in newest_first]
        updated = [e.findtext(f"{atom}updated") for e in entries]
        assert feed.findtext(f"{atom}updated") == max(updated, default="1970-01-01T00:00:00Z")


# --- The memo -----------------------------------------------------------------------------------------------

MEMO_EDITS = [
    ("title", r"^title: (.*)$", r"title: \1 (corrected)"),
    ("summary", r"^summary: (?![|>])", "summary: New words. "),
    ("participant removed", r"^participants:\n- name: [^\n]*\n(?:  [^\n]*\n)*(?=- name:)", "participants:\n"),
    ("participant's name", r"^- name: (.*)$", r"- name: \1 Jr"),
    ("source's outlet", r"^  outlet: (.*)$", r"  outlet: \1 Weekly"),
    ("source's quote", r"^  quote: (.*)$", r"  quote: \1 Indeed."),
    ("source's headline", r"^  url: (.*)$", r"  url: \1\n  headline: A headline"),
    ("source's url", r"^  url: (.*)$", r"  url: \1/moved"),
    ("thread added", r"^threads: \[\]$", "threads: [military-channel]"),
    ("thread removed", r"^threads:\n- [a-z-]+\n", "threads: []\n"),
    ("date", r"^date: '(\d{4})", r"date: '1999"),
    ("draft", r"^status: reviewed$", "status: draft"),
    ("id", r"^id: (2024-[a-z0-9-]+)$", r"id: \1-renamed"),
]


GATHERED = {"dataset-people", "dataset-sources", "dataset-threads"}
EDIT_REACHES = {
    "title": set(), "summary": set(),
    "participant removed": {"dataset-people"},
    "participant's name": {"dataset-people"},  # the key covers every field of a participant
    "source's outlet": {"dataset-sources"}, "source's quote": {"dataset-sources"},
    "source's headline": {"dataset-sources"}, "source's url": {"dataset-sources"},
    "thread added": {"dataset-threads"}, "thread removed": {"dataset-threads"},
}


def _exports(project: Path, memo_file: Path | None, include_drafts: bool = False):
    content = load_content(Project(project))
    memo = ExportMemo.open(memo_file, "salt", content.digests) if memo_file else None
    files = render_exports(content, ABSOLUTE, include_drafts, memo=memo)
    if memo is not None:
        memo.save()
    return files, memo


@pytest.mark.parametrize("include_drafts", [False, True])
def test_exports_with_a_kept_memo_are_the_exports_made_afresh(tmp_path, include_drafts):
    """After each kind of edit, the memo the previous state left (its fragments, and what it keeps of what is
    gathered across events) gives the bytes made without any memo; a title edit recomputes only that event's
    fragments."""
    project = tmp_path / "p"
    generate_project(project, events=60, articles=2, seed=11)
    memo_file = tmp_path / "memo"
    events = sorted((project / "content" / "events").glob("*.yaml"))
    for number, (what, pattern, replacement) in enumerate(MEMO_EDITS):
        memo_file.unlink(missing_ok=True)
        before, memo = _exports(project, memo_file, include_drafts)  # an empty memo is always written
        assert memo is not None and memo_file.stat().st_size > 0
        # The first published event, from a different place each time, that has what the edit changes.
        path = next(path for path in events[number * 7:] + events
                    if re.search(pattern, text := path.read_text("utf-8"), re.M) and "\nstatus: reviewed\n" in text)
        path.write_text(re.sub(pattern, replacement, path.read_text("utf-8"), count=1, flags=re.M), "utf-8")
        if what == "id":  # the file's name goes with it
            events[events.index(path)] = path.rename(path.with_name(path.stem + "-renamed.yaml"))
        kept, memo = _exports(project, memo_file, include_drafts)
        fresh, _ = _exports(project, None, include_drafts)
        assert kept == fresh, what
        assert kept != before, what
        # Only what the edit reaches is gathered across events again; each event kind is computed for one event.
        assert memo is not None
        computed = memo.new_fragments()
        reaches = set() if what == "draft" and include_drafts else EDIT_REACHES.get(what, GATHERED)
        assert {kind for kind in computed if kind in GATHERED} == reaches, what
        assert all(len(computed[kind]) == 1 for kind in computed if kind not in GATHERED), what
    kinds = {kind for kind, _ in ExportMemo.open(memo_file, "salt", {}).stored}
    assert {"dataset", "atom", "calendar", "timelinejs", "shared-inputs", "person-ids", "dataset-people",
            "dataset-sources", "dataset-threads"} <= kinds
    assert any(kind.startswith("search-2-") for kind in kinds)  # the search index's records, under its tables' digest


def test_a_foreign_or_damaged_memo_is_an_empty_one(tmp_path):
    memo_file = tmp_path / "memo"
    for data in [b"", b"not a pickle", json.dumps({"format": 2}).encode(), b"\x80\x05K\x01."]:
        memo_file.write_bytes(data)
        memo = ExportMemo.open(memo_file, "salt", {})
        assert memo.stored.by_kind == {} and len(memo.blob) == 0
    assert ExportMemo.open(tmp_path / "missing", "salt", {}).stored.by_kind == {}


def test_the_memo_keeps_fragments_by_kind_and_digest(tmp_path):
    memo = ExportMemo({}, tmp_path / "memo", "salt")
    texts = {b"d1": "première ✓", b"d2": "", b"d3": "x" * 1000}
    for digest, value in texts.items():
        assert memo.fragment_for("card", digest, lambda value=value: value) == value
        assert memo.keyed("head", digest, lambda value=value: value.encode()) == value.encode()
    memo.save()
    kept = ExportMemo.open(tmp_path / "memo", "salt", {})
    assert sorted(kept.stored) == sorted((kind, digest) for kind in ("card", "head") for digest in texts)
    for digest, value in texts.items():
        assert kept.fragment_for("card", digest, lambda: pytest.fail("recomputed")) == value
        assert bytes(kept.keyed("head", digest, lambda: pytest.fail("recomputed"))) == value.encode()
    assert kept.misses == 0 and kept.new_fragments() == {}
    assert ExportMemo.open(tmp_path / "memo", "other salt", {}).stored.by_kind == {}


def test_a_few_new_fragments_go_to_the_delta_until_enough_are_new(tmp_path):
    """After a small edit the main file stays as it is and the new fragments are kept beside it; once enough is
    new the main file is written again with everything, and the delta goes."""
    file = tmp_path / "memo"
    delta = tmp_path / "memo.delta"
    memo = ExportMemo({}, file, "salt")
    for number in range(300):
        memo.fragment_for("card", b"%03d" % number, lambda number=number: f"card {number}")
    memo.save()
    main_bytes = file.read_bytes()
    assert not delta.exists()

    def build(changed: range) -> int:
        """The fragments made anew."""
        memo = ExportMemo.open(file, "salt", {})
        for number in range(300):
            key = b"%03d" % number + (b"'" if number in changed else b"")
            assert memo.fragment_for("card", key, lambda number=number: f"card {number} edited") in (
                f"card {number}", f"card {number} edited")
        made = memo.misses
        memo.save()
        return made

    build(range(2))
    assert file.read_bytes() == main_bytes and delta.exists()
    assert build(range(3)) == 1  # the two from the delta are kept; one more is new
    assert file.read_bytes() == main_bytes
    assert ExportMemo.open(file, "salt", {}).fragment_for("card", b"002'", lambda: pytest.fail("recomputed")) \
        == "card 2 edited"
    build(range(150))  # more than 100 new: everything is written again
    assert file.read_bytes() != main_bytes and not delta.exists()
    assert ExportMemo.open(file, "salt", {}).fragment_for("card", b"149'", lambda: pytest.fail("recomputed")) \
        == "card 149 edited"


def test_a_delta_made_for_another_main_file_is_not_read(tmp_path):
    file = tmp_path / "memo"
    memo = ExportMemo({}, file, "salt")
    for number in range(200):
        memo.fragment_for("card", b"%03d" % number, lambda number=number: f"card {number}")
    memo.save()
    memo = ExportMemo.open(file, "salt", {})
    memo.fragment_for("card", b"new", lambda: "new card")
    memo.save()
    delta = (tmp_path / "memo.delta").read_bytes()
    memo = ExportMemo({}, file, "salt")  # the main file made again from scratch: another generation
    memo.fragment_for("card", b"other", lambda: "other card")
    memo.save()
    (tmp_path / "memo.delta").write_bytes(delta)
    assert ExportMemo.open(file, "salt", {}).fragment_for("card", b"new", lambda: "computed") == "computed"


def test_what_another_process_used_is_kept_when_the_main_file_is_written_again(tmp_path):
    """A forked page worker of the build reports the fragments it computed and the keys of those
    it reused; adopted here, both are in the next main file, not only the ones this process touched."""
    file = tmp_path / "memo"
    memo = ExportMemo({}, file, "salt")
    for number in range(200):
        memo.fragment_for("card", b"%03d" % number, lambda number=number: f"card {number}")
    memo.save()
    here, there = ExportMemo.open(file, "salt", {}), ExportMemo.open(file, "salt", {})
    for number in range(100):  # this process reuses the first half, the other one the second half ...
        here.fragment_for("card", b"%03d" % number, lambda: pytest.fail("recomputed"))
        there.fragment_for("card", b"%03d" % (number + 100), lambda: pytest.fail("recomputed"))
    for number in range(150):  # ... and computes enough new ones that the main file is written again
        there.fragment_for("new", b"%03d" % number, lambda number=number: f"new {number}")
    fresh, reused = usage = there.usage()
    assert len(fresh["new"]) == 150 and len(reused["card"]) == 100 and "new" not in reused
    here.adopt(usage)
    here.save()
    assert not (tmp_path / "memo.delta").exists()
    kept = ExportMemo.open(file, "salt", {})
    for number in range(200):
        assert kept.fragment_for("card", b"%03d" % number, lambda: pytest.fail("lost")) == f"card {number}"
    assert kept.fragment_for("new", b"149", lambda: pytest.fail("lost")) == "new 149"
