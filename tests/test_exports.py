"""Every export parsed by a real reader and checked against the events it came from."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import jsonschema
import pytest

from timeline.load.content import Content, Project, load_content
from timeline.markdown import plain_text
from timeline.partial_date import DAY
from timeline.site.build import build_site
from timeline.site.exports import render_exports
from timeline.site.exports.icalendar import escape_text, fold_line

SCHEMA = Path(__file__).resolve().parent.parent / "timeline" / "schema" / "dataset.schema.json"
ABSOLUTE = "https://example.org/repo/"
ATOM = "{http://www.w3.org/2005/Atom}"

HOSTILE_TITLE = "<script>alert(1)</script> & co"
HOSTILE_CONFIG = """\
title: "Timeline <script>alert('t')</script>"
description: "A test; with, punctuation"
repository: https://github.com/owner/repo
threads:
  - id: main-story
    title: "Main <b>story</b>"
    description: The main story.
  - id: side-story
    title: Side story
"""
HOSTILE_PEOPLE = """\
people:
  - id: asim-munir
    name: Asim Munir
    title: Gen.
    aliases: [Syed Asim Munir, General Munir]
    country: Pakistan
    roles: []
  - id: jane-roe
    name: Jane Roe
    aliases: []
    country: Utopia
    roles: []
"""


def _event(event_id: str, date: str, body: str, *, status: str = "reviewed", title: str | None = None) -> str:
    title_line = json.dumps(title or f"Event {event_id}")
    return (f"id: {event_id}\ntitle: {title_line}\ndate: {date}\nkind: meeting\nstatus: {status}\n" + body)


FIXTURE_EVENTS = {
    "2021-09-22-day-event": _event("2021-09-22-day-event", "2021-09-22", """\
place: "Helsinki, Finland; <i>Vantaa</i>"
summary: |
  First line, with commas; and semicolons.
  Second line \\ backslash [a link](javascript:alert(1)) and <script>alert(2)</script>.

  A second paragraph about a very long thing that goes on and on so that the folded iCalendar line is long: ünïcödé ✓.
participants:
  - name: General Munir
    person: asim-munir
  - name: Jane Roe
threads: [main-story, side-story]
""", title=HOSTILE_TITLE),
    "2022-12-month-event": _event("2022-12-month-event", "2022-12", """\
summary: A month-precision event.
threads: [main-story]
"""),
    "2020-year-event": _event("2020-year-event", "2020", "summary: A year-precision event.\n"),
    "2023-03-range-event": _event("2023-03-range-event", "{start: 2023-03-14, end: 2023-03-16}", """\
summary: A three-day range.
threads: [side-story]
"""),
    "2023-04-month-range": _event("2023-04-month-range", "{start: 2023-04, end: 2023-05}", "summary: Months.\n"),
    "2023-07-10-approximate": _event("2023-07-10-approximate", "{start: 2023-07-10, approximate: true}",
                                     "summary: Roughly then.\n"),
    "2023-08-01-draft-event": _event("2023-08-01-draft-event", "2023-08-01", "summary: Not reviewed.\n",
                                     status="draft"),
    "undated-draft": _event("undated-draft", "null", "summary: No date yet.\n", status="draft"),
}


@pytest.fixture
def fixture_content(make_project) -> Content:
    files = {"content/timeline.yaml": HOSTILE_CONFIG, "content/people.yaml": HOSTILE_PEOPLE}
    files.update({f"content/events/{name}.yaml": text for name, text in FIXTURE_EVENTS.items()})
    content = load_content(Project(make_project(files)))
    assert not content.problems.errors, content.problems.errors
    return content


@pytest.fixture
def demo_content(demo_project) -> Content:
    content = load_content(Project(demo_project))
    assert not content.problems.errors
    return content


def published(content: Content) -> list:
    return [e for e in content.events if not e.is_draft]


# --- Atom ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("base_url", ["/repo/", ABSOLUTE])
def test_atom_feed_has_every_published_event_newest_first(demo_content: Content, base_url: str) -> None:
    files = render_exports(demo_content, base_url, include_drafts=False)
    ET.fromstring(files["feed.xml"])  # well-formed
    feed = feedparser.parse(files["feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    events = published(demo_content)
    assert [entry.title for entry in feed.entries] == [e.title for e in reversed(events)]
    updated = [entry.updated for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.updated == updated[0]
    for entry, event in zip(feed.entries, reversed(events), strict=True):
        assert entry.link.endswith(f"/repo/events/{event.id}/")
        assert entry.updated.startswith(event.date.first_day().isoformat())
        if base_url == ABSOLUTE:
            assert entry.id == entry.link == f"{ABSOLUTE}events/{event.id}/"
        else:
            assert entry.id.startswith("tag:github.com,2024:/repo/events/")
            assert entry.link == f"/repo/events/{event.id}/"


def test_atom_feed_per_thread(demo_content: Content) -> None:
    files = render_exports(demo_content, ABSOLUTE, include_drafts=False)
    for thread in demo_content.config.threads:
        feed = feedparser.parse(files[f"threads/{thread.id}/feed.xml"])
        assert not feed.bozo
        expected = [e.id for e in reversed(published(demo_content)) if thread.id in e.threads]
        assert expected, "every demo thread has events"
        assert [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in feed.entries] == expected
        assert feed.feed.link == f"{ABSOLUTE}threads/{thread.id}/"


def test_atom_updated_is_first_day_for_coarse_dates_and_drafts_only_with_flag(fixture_content: Content) -> None:
    feed = feedparser.parse(render_exports(fixture_content, ABSOLUTE, include_drafts=False)["feed.xml"])
    updated = {entry.link.rstrip("/").rsplit("/", 1)[1]: entry.updated for entry in feed.entries}
    assert updated["2022-12-month-event"] == "2022-12-01T00:00:00Z"
    assert updated["2020-year-event"] == "2020-01-01T00:00:00Z"
    assert updated["2023-03-range-event"] == "2023-03-14T00:00:00Z"
    assert "2023-08-01-draft-event" not in updated
    with_drafts = feedparser.parse(render_exports(fixture_content, ABSOLUTE, include_drafts=True)["feed.xml"])
    titles = [entry.title for entry in with_drafts.entries]
    assert "[Unreviewed draft] Event 2023-08-01-draft-event" in titles
    assert len(titles) == len(feed.entries) + 1  # the undated draft has no date to put in a feed


def test_atom_escapes_hostile_text(fixture_content: Content) -> None:
    data = render_exports(fixture_content, "/", include_drafts=False)["feed.xml"]
    root = ET.fromstring(data)
    titles = [t.text for t in root.iter(f"{ATOM}title")]
    assert HOSTILE_TITLE in titles  # the text survives, as text
    assert b"<script>" not in data and b"&lt;script&gt;" in data
    summary = next(s.text for s in root.iter(f"{ATOM}summary") if "First line" in (s.text or ""))
    assert "First line, with commas; and semicolons. Second line" in summary
    assert "javascript:" not in summary  # a Markdown link's target is not text; its words are kept
    for link in root.iter(f"{ATOM}link"):
        assert not link.get("href", "").lower().startswith("javascript")


# --- dataset ------------------------------------------------------------------------------------


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("include_drafts", [False, True])
def test_dataset_validates_and_matches_content(fixture_content: Content, include_drafts: bool) -> None:
    data = json.loads(render_exports(fixture_content, "/repo/", include_drafts)["data/timeline.json"])
    _validator().validate(data)
    expected = [e for e in fixture_content.events if include_drafts or not e.is_draft]
    assert [e["id"] for e in data["events"]] == [e.id for e in expected]
    assert data["includes_drafts"] is include_drafts
    for record, event in zip(data["events"], expected, strict=True):
        assert record["title"] == event.title
        assert record["url"] == f"/repo/events/{event.id}/"
        assert record["summary"] == event.summary
        assert record["status"] == event.status
        assert record["threads"] == event.threads
        if event.date is None:
            assert record["date"] is None
        else:
            assert record["date"]["iso"] == event.date.iso()
            assert record["date"]["precision"] == event.date.precision
            assert record["date"]["display"] == event.date.display()
    day = next(e for e in data["events"] if e["id"] == "2021-09-22-day-event")
    # The registry resolves a participant with no person id by spelling.
    assert [p["person"] for p in day["participants"]] == ["asim-munir", "jane-roe"]
    assert {p["id"] for p in data["people"]} == {"asim-munir", "jane-roe"}
    assert {t["id"]: t["events"] for t in data["threads"]}["side-story"] == ["2021-09-22-day-event",
                                                                              "2023-03-range-event"]


def test_dataset_has_one_record_per_line_so_an_edit_is_one_changed_line(demo_project: Path) -> None:
    before = render_exports(load_content(Project(demo_project)), ABSOLUTE, False)["data/timeline.json"]
    data = json.loads(before)
    # Every record of every list (keys sorted) is a line of its own.
    records = [line.rstrip(b",") for line in before.splitlines() if line.startswith(b"  {")]
    assert [json.loads(line) for line in records] == data["events"] + data["people"] + data["sources"] + data["threads"]

    edited = data["events"][0]["id"]
    event_file = demo_project / "content" / "events" / f"{edited}.yaml"
    text = event_file.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    event_file.write_text(text.replace(title, "title: An edited title"), encoding="utf-8")
    after = render_exports(load_content(Project(demo_project)), ABSOLUTE, False)["data/timeline.json"]

    changed = [new for old, new in zip(before.splitlines(), after.splitlines(), strict=True) if old != new]
    assert len(changed) == 1
    assert json.loads(changed[0].rstrip(b",")) == {**data["events"][0], "title": "An edited title"}


def test_dataset_of_demo_equals_event_files(demo_content: Content) -> None:
    data = json.loads(render_exports(demo_content, ABSOLUTE, False)["data/timeline.json"])
    _validator().validate(data)
    by_id = {e["id"]: e for e in data["events"]}
    assert set(by_id) == {e.id for e in published(demo_content)}
    for event in published(demo_content):
        record = by_id[event.id]
        assert record["sources"] == [{**s.to_yaml(), "headline": s.headline, "author": s.author}
                                     for s in event.sources]
        assert [m["summary"] for m in record["mentions"]] == [m.summary for m in event.mentions]
        assert record["related"] == [{"id": r.id, "reason": r.reason} for r in event.related]
        assert record["review"]["evidence"] == event.review.evidence
        assert record["review"]["checked"] == event.review.checked
    cited = {s.url or f"article:{s.article}" for e in published(demo_content) for s in e.sources}
    assert {s["key"] for s in data["sources"]} == cited
    for source in data["sources"]:
        assert all(source["key"] in {s.url or f"article:{s.article}" for s in by_id_event.sources}
                   for by_id_event in published(demo_content) if by_id_event.id in source["events"])


# --- TimelineJS ---------------------------------------------------------------------------------


def test_timelinejs_dates_follow_precision_exactly(fixture_content: Content) -> None:
    data = json.loads(render_exports(fixture_content, "/", False)["data/timelinejs.json"])
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert set(slides) == {e.id for e in published(fixture_content)}
    assert slides["2021-09-22-day-event"]["start_date"] == {"year": "2021", "month": "9", "day": "22"}
    assert slides["2022-12-month-event"]["start_date"] == {"year": "2022", "month": "12"}
    assert slides["2020-year-event"]["start_date"] == {"year": "2020"}
    assert slides["2023-03-range-event"]["end_date"] == {"year": "2023", "month": "3", "day": "16"}
    assert slides["2023-04-month-range"]["end_date"] == {"year": "2023", "month": "5"}
    assert "end_date" not in slides["2022-12-month-event"]
    assert slides["2023-07-10-approximate"]["display_date"] == "c. 10 Jul 2023"
    for event in published(fixture_content):
        slide = slides[event.id]
        assert len(slide["start_date"]) == {"year": 1, "month": 2, "day": 3}[event.date.start.precision]
    assert slides["2021-09-22-day-event"]["group"] == "Main &lt;b&gt;story&lt;/b&gt;"
    assert "group" not in slides["2020-year-event"]


def test_timelinejs_text_is_escaped_html(fixture_content: Content) -> None:
    raw = render_exports(fixture_content, "/", False)["data/timelinejs.json"]
    assert b"<script" not in raw
    data = json.loads(raw)
    assert data["title"]["text"]["headline"] == "Timeline &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;"
    slide = next(s for s in data["events"] if s["unique_id"] == "2021-09-22-day-event")
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    tags = set(re.findall(r"</?([a-zA-Z]+)", slide["text"]["text"]))
    assert tags <= {"p", "a", "em"}
    assert re.findall(r'href="([^"]*)"', slide["text"]["text"]) == ["/events/2021-09-22-day-event/"]


def test_timelinejs_demo_has_every_published_event(demo_content: Content) -> None:
    data = json.loads(render_exports(demo_content, "/", False)["data/timelinejs.json"])
    assert [s["unique_id"] for s in data["events"]] == [e.id for e in published(demo_content)]
    month = next(s for s in data["events"] if s["unique_id"] == "2022-11-ttp-ends-ceasefire")
    assert "day" not in month["start_date"]


# --- iCalendar ----------------------------------------------------------------------------------


def _calendar(content: Content, base_url: str = ABSOLUTE, drafts: bool = False) -> tuple[bytes, icalendar.Calendar]:
    raw = render_exports(content, base_url, drafts)["calendar.ics"]
    return raw, icalendar.Calendar.from_ical(raw)


def test_calendar_has_exactly_the_day_precision_events(fixture_content: Content) -> None:
    raw, calendar = _calendar(fixture_content)
    events = {str(v["UID"]).split("@")[0]: v for v in calendar.walk("VEVENT")}
    expected = {e.id for e in published(fixture_content) if e.date.precision == DAY}
    assert set(events) == expected == {"2021-09-22-day-event", "2023-03-range-event", "2023-07-10-approximate"}
    day = events["2021-09-22-day-event"]
    assert day.decoded("DTSTART") == dt.date(2021, 9, 22)
    assert day.decoded("DTEND") == dt.date(2021, 9, 23)
    assert str(day["UID"]) == "2021-09-22-day-event@example.org"
    assert str(day["URL"]) == f"{ABSOLUTE}events/2021-09-22-day-event/"
    assert str(day["SUMMARY"]) == HOSTILE_TITLE
    assert str(day["LOCATION"]) == "Helsinki, Finland; <i>Vantaa</i>"
    description = str(day["DESCRIPTION"])
    assert "First line, with commas; and semicolons. Second line \\ backslash a link and" in description
    assert "ünïcödé ✓" in description
    assert "\n\n" + f"{ABSOLUTE}events/2021-09-22-day-event/" in description
    span = events["2023-03-range-event"]
    assert (span.decoded("DTSTART"), span.decoded("DTEND")) == (dt.date(2023, 3, 14), dt.date(2023, 3, 17))
    assert b"DTSTART;VALUE=DATE:20210922\r\n" in raw


def test_calendar_lines_are_folded_and_escaped(fixture_content: Content) -> None:
    raw, _ = _calendar(fixture_content)
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    unfolded = raw.replace(b"\r\n ", b"").decode()
    assert "LOCATION:Helsinki\\, Finland\\; <i>Vantaa</i>" in unfolded
    assert "with commas\\; and semicolons" in unfolded
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert fold_line("x" * 200).split("\r\n ") == ["x" * 75, "x" * 74, "x" * 51]


def test_calendar_without_host_has_no_url_and_drafts_are_tentative(fixture_content: Content) -> None:
    raw, calendar = _calendar(fixture_content, "/repo/", drafts=True)
    events = {str(v["UID"]): v for v in calendar.walk("VEVENT")}
    assert "2023-08-01-draft-event@github.com" in events
    assert str(events["2023-08-01-draft-event@github.com"]["STATUS"]) == "TENTATIVE"
    assert all("URL" not in v for v in events.values())


# --- sitemap, robots, .nojekyll -----------------------------------------------------------------


def test_sitemap_lists_every_page_when_absolute(demo_content: Content) -> None:
    files = render_exports(demo_content, ABSOLUTE, False)
    root = ET.fromstring(files["sitemap.xml"])
    locs = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == sorted(locs) and len(locs) == len(set(locs))
    for event in published(demo_content):
        assert f"{ABSOLUTE}events/{event.id}/" in locs
    for thread in demo_content.config.threads:
        assert f"{ABSOLUTE}threads/{thread.id}/" in locs
    assert {ABSOLUTE, f"{ABSOLUTE}threads/", f"{ABSOLUTE}people/", f"{ABSOLUTE}sources/"} <= set(locs)
    assert f"{ABSOLUTE}people/asim-munir/" in locs
    assert files["robots.txt"].decode().splitlines()[-1] == f"Sitemap: {ABSOLUTE}sitemap.xml"
    assert files[".nojekyll"] == b""
    assert files.notes == []


def test_sitemap_uses_the_pages_the_build_passes(demo_content: Content) -> None:
    files = render_exports(demo_content, ABSOLUTE, False, pages=["", "about/", "events/x/"])
    locs = [loc.text for loc in ET.fromstring(files["sitemap.xml"]).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == [ABSOLUTE, f"{ABSOLUTE}about/", f"{ABSOLUTE}events/x/"]


def test_no_sitemap_without_a_host_and_the_report_says_why(demo_content: Content) -> None:
    files = render_exports(demo_content, "/repo/", False)
    assert "sitemap.xml" not in files
    assert "Sitemap" not in files["robots.txt"].decode()
    assert any("sitemap" in note and "--base-url" in note for note in files.notes)
    assert any("feed readers need absolute links" in note for note in files.notes)


# --- search index -------------------------------------------------------------------------------


def test_search_index_has_people_aliases_and_plain_summaries(fixture_content: Content) -> None:
    raw = render_exports(fixture_content, "/repo/", False)["search-index.json"]
    assert b"\n" not in raw.rstrip(b"\n") and b"<script" not in raw  # compact, and inert if sniffed as HTML
    data = json.loads(raw)
    assert data["version"] == 2 and data["base"] == "/repo/"
    records = {r[0]: dict(zip(data["fields"], r, strict=True)) for r in data["events"]}
    assert set(records) == {e.id for e in published(fixture_content)}
    day = records["2021-09-22-day-event"]
    people = {entry[0]: entry[1:] for entry in data["people"]}
    names = [name for n in day["people"] for name in people[data["people"][n][0]]] + day["names"]
    assert {"General Munir", "Asim Munir", "Syed Asim Munir", "Jane Roe"} <= set(names)
    assert [data["people"][n][0] for n in day["people"]] == ["asim-munir", "jane-roe"]
    assert [data["countries"][n] for n in day["countries"]] == ["Pakistan", "Utopia"]
    assert day["year"] == 2021 and day["date"] == "22 Sep 2021"
    assert [data["threads"][n][0] for n in day["threads"]] == ["main-story", "side-story"]
    assert data["kinds"][day["kind"]] == "meeting"
    assert data["pages"][day["page"]] == ["", "the chronology"]  # a small timeline: every card on the home page
    assert "<script>alert(2)</script>" in day["summary"]  # as text: search.js only ever sets textContent
    assert "javascript:" not in day["summary"]


# --- 404 page -----------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.scripts += tag == "script"
        for name in ("href", "src", "action"):
            if values.get(name):
                self.links.append(values[name] or "")


@pytest.mark.parametrize("base_url", ["/repo/", "https://example.org/repo/"])
def test_404_links_resolve_from_any_depth(fixture_content: Content, base_url: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(fixture_content, out, base_url, include_drafts=False)
    html = (out / "404.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(html)
    internal = [link for link in parser.links if not link.startswith("#")
                and urlsplit(link).netloc in ("", "example.org")]
    assert len(internal) >= 6, "home, sections, stylesheet and favicon at least"
    assert all(link.startswith(("/repo/", "https://example.org/repo/")) for link in internal), internal
    for missing in ("http://example.org/repo/x", "http://example.org/repo/some/missing/page/"):
        for link in internal:
            path = urlsplit(urljoin(missing, link)).path
            assert path.startswith("/repo/"), (link, path)
            target = out / path.removeprefix("/repo/")
            if path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), f"{link} from {missing} -> {target}"
    external = [link for link in parser.links if urlsplit(link).netloc not in ("", "example.org")]
    assert external == [fixture_content.config.repository]  # the footer's plain link to the repository
    assert "Timeline &lt;script&gt;" in html and "<script>alert" not in html
    assert render_exports(fixture_content, base_url, False)["404.html"] == (out / "404.html").read_bytes()


# --- every export at once -----------------------------------------------------------------------


@pytest.mark.parametrize("base_url", ["/", ABSOLUTE])
def test_hostile_text_is_escaped_everywhere_and_output_is_deterministic(fixture_content: Content,
                                                                       base_url: str) -> None:
    first = render_exports(fixture_content, base_url, True)
    second = render_exports(fixture_content, base_url, True)
    assert dict(first) == dict(second) and list(first) == sorted(first)
    for name, data in first.items():
        if name != "calendar.ics":  # plain text, not markup: `<` is only a character there (see the SUMMARY check)
            assert b"<script" not in data, name
        assert not re.search(rb"""(href|src|action)\s*=\s*["']?\s*javascript:""", data, re.I), name
        if name.endswith(".xml"):
            ET.fromstring(data)
        if name.endswith(".json"):
            json.loads(data)


def test_plain_text_keeps_words_across_line_breaks() -> None:
    assert plain_text("U.S.\nbase, [text](javascript:x) ![alt](http://x/i.png)\n\n*two*") == "U.S. base, text alt two"


# --- through `timeline build` -------------------------------------------------------------------


def test_build_writes_exports_and_reports_relative_base(cli, demo_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("-C", str(demo_project), "build", "--out", str(out), "--base-url", "/repo/")
    assert result.code == 0, result.err
    for name in ("feed.xml", "calendar.ics", "data/timeline.json", "data/timelinejs.json", "search-index.json",
                 "robots.txt", ".nojekyll", "404.html", "threads/us-russia-military-channel/feed.xml"):
        assert (out / name).is_file(), name
    assert not (out / "sitemap.xml").exists()
    assert "note: no sitemap.xml: sitemaps need absolute URLs" in result.err
    assert "note: feeds link with base-path URLs" in result.err


def test_sitemap_lists_every_page_the_build_wrote(cli, demo_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("-C", str(demo_project), "build", "--out", str(out), "--base-url", ABSOLUTE)
    assert result.code == 0, result.err
    assert "note:" not in result.err
    written = sorted(ABSOLUTE + p.relative_to(out).as_posix().removesuffix("index.html")
                     for p in out.rglob("index.html"))
    root = ET.fromstring((out / "sitemap.xml").read_bytes())
    locs = sorted(loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"))
    assert locs == written
    assert len(locs) > 20
