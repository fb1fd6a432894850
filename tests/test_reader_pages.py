"""What readers see on the built pages: how each date and place is known, who gets a page, the sources page.

Each test builds a small project through the real `timeline build` command and reads the pages it wrote.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

EVENT_HEAD = "# yaml-language-server: $schema=../event.schema.json\n"

CONFIG = """\
title: Reader pages
description: A test chronology.
"""

ARTICLES = {
    "content/articles/undated-a.txt": "An article without a date.\n",
    "content/articles/undated-b.txt": "Another article without a date.\n",
}

PINNED = EVENT_HEAD + """\
id: 2023-07-24-pinned
title: Kurilla meets Munir
date: 2023-07-24
kind: meeting
place: General Headquarters, Rawalpindi, Pakistan
status: reviewed
sources:
  - article: undated-a.txt
    outlet: Outlet A
    quote: Talks were held on Monday.
  - article: undated-b.txt
    outlet: Outlet B
    quote: The statement came on Monday.
review:
  needs: []
  notes:
    date: >-
      Neither report states its publication date; both say "on Monday". A dated report of
      the same meeting pins Monday to 24 Jul 2023 <script>.
    place: Both reports name the General Headquarters.
"""

FLAGGED = EVENT_HEAD + """\
id: 2023-07-flagged
title: A meeting known to the month
date: 2023-07
kind: meeting
place: Rawalpindi
status: reviewed
sources:
  - article: undated-a.txt
    outlet: Outlet A
review:
  needs: [date]
  notes:
    date: Only "in July" is stated.
"""

DRAFT = EVENT_HEAD + """\
id: 2023-06-draft
title: A draft with the extractor's note
date: 2023-06-02
kind: call
status: draft
sources:
  - article: undated-b.txt
review:
  needs: []
  notes:
    date: taken from a dated report of the same call
"""


@pytest.fixture
def built(make_project, cli, tmp_path: Path):
    """Build a project from inline files with the real CLI; returns a reader of its pages."""

    def build(files: dict[str, str], *options: str) -> Path:
        root = make_project({"content/timeline.yaml": CONFIG, **ARTICLES, **files})
        out = tmp_path / "site"
        result = cli("-C", str(root), "build", "--out", str(out), *options)
        assert result.code == 0, result.err
        return out

    return build


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def how_known(html: str) -> list[str]:
    """The "How we know ..." lines of an event page, as text."""
    lines = []
    for chunk in html.split('<p class="how-known">')[1:]:
        text = chunk.split("</p>", 1)[0].replace("<strong>", "").replace("</strong>", "")
        lines.append(unescape(text))
    return lines


def test_event_page_says_how_the_date_and_place_are_known(built) -> None:
    site = built({"content/events/2023-07-24-pinned.yaml": PINNED})
    html = page(site, "events/2023-07-24-pinned")
    # Both sources say "date not stated": the note is what lets a reader trust the day.
    assert html.count("date not stated") == 2
    assert how_known(html) == [
        'How we know the date: Neither report states its publication date; both say "on Monday". A dated report '
        "of the same meeting pins Monday to 24 Jul 2023 <script>.",
        "How we know the place: Both reports name the General Headquarters.",
    ]
    assert "<script>." not in html  # the note is text, escaped
    # It sits with the facts, before the summary and the sources.
    assert html.index('class="facts"') < html.index('class="how-known"') < html.index('id="sources-heading"')


def test_a_flagged_fields_note_is_the_reason_it_is_unconfirmed_not_how_it_is_known(built) -> None:
    site = built({"content/events/2023-07-flagged.yaml": FLAGGED})
    html = page(site, "events/2023-07-flagged")
    assert how_known(html) == []
    assert "Date unconfirmed:" in html and "Only &#34;in July&#34; is stated." in html


def test_a_drafts_note_from_the_extractor_shows_with_drafts(built) -> None:
    site = built({"content/events/2023-06-draft.yaml": DRAFT}, "--drafts")
    assert how_known(page(site, "events/2023-06-draft")) == [
        "How we know the date: taken from a dated report of the same call"]


PEOPLE = """\
people:
  - id: ada-example
    name: Ada Example
    country: Freedonia
  - id: sam-spokes
    name: Sam Spokes
    roles: [Spokesperson]
  - id: dora-draft
    name: Dora Draft
"""

WITH_PARTICIPANT = EVENT_HEAD + """\
id: 2023-07-24-talks
title: Ada Example holds talks
date: 2023-07-24
kind: talks
status: reviewed
summary: Sam Spokes, a spokesperson, said the talks went well.
participants:
  - name: Ada Example
    person: ada-example
sources:
  - article: undated-a.txt
"""

DRAFT_WITH_PARTICIPANT = EVENT_HEAD + """\
id: 2023-08-01-draft-call
title: Dora Draft calls
date: 2023-08-01
kind: call
status: draft
participants:
  - name: Dora Draft
    person: dora-draft
sources:
  - article: undated-b.txt
"""


def test_only_participants_get_person_pages(built) -> None:
    files = {"content/people.yaml": PEOPLE, "content/events/2023-07-24-talks.yaml": WITH_PARTICIPANT,
             "content/events/2023-08-01-draft-call.yaml": DRAFT_WITH_PARTICIPANT}
    site = built(files)
    assert sorted(p.name for p in (site / "people").iterdir() if p.is_dir()) == ["ada-example"]
    index = page(site, "people")
    assert 'href="/people/ada-example/"' in index and "1 event" in index
    assert "Sam Spokes" not in index and "Dora Draft" not in index
    assert not any("people/sam-spokes" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert 'href="/people/ada-example/"' in page(site, "events/2023-07-24-talks")

    # A draft's participant gets a page when drafts are shown; the spokesperson still does not.
    with_drafts = built(files, "--drafts")
    assert sorted(p.name for p in (with_drafts / "people").iterdir() if p.is_dir()) == ["ada-example", "dora-draft"]


def test_a_person_page_goes_when_its_last_event_does(make_project, cli, tmp_path: Path) -> None:
    root = make_project({"content/timeline.yaml": CONFIG, **ARTICLES, "content/people.yaml": PEOPLE,
                         "content/events/2023-07-24-talks.yaml": WITH_PARTICIPANT})
    out = tmp_path / "site"
    assert cli("-C", str(root), "build", "--out", str(out)).code == 0
    assert (out / "people" / "ada-example" / "index.html").is_file()
    event_file = root / "content/events/2023-07-24-talks.yaml"
    event_file.write_text(WITH_PARTICIPANT.replace("  - name: Ada Example\n    person: ada-example\n", "  []\n")
                          .replace("participants:\n  []", "participants: []"), encoding="utf-8")
    assert cli("-C", str(root), "build", "--out", str(out)).code == 0
    assert not (out / "people" / "ada-example").exists()
    assert "No event names its participants yet." in page(out, "people")


MENTIONING = EVENT_HEAD + """\
id: 2023-07-24-mentioning
title: A meeting whose reports mention earlier events
date: 2023-07-24
kind: meeting
status: reviewed
sources:
  - article: undated-a.txt
mentions:
  - summary: He was on tour across Europe this week
  - summary: The talks that came before
    event: 2023-07-24-talks
  - summary: The ceasefire ended
    date: 2022-11
  - summary: Milley took office
    date: 2019-09
"""


def test_event_page_lists_the_mentions_that_are_events_by_date(built) -> None:
    site = built({"content/events/2023-07-24-mentioning.yaml": MENTIONING,
                  "content/events/2023-07-24-talks.yaml": WITH_PARTICIPANT, "content/people.yaml": PEOPLE})
    html = page(site, "events/2023-07-24-mentioning")
    section = html.split('id="mentions-heading"', 1)[1].split("</section>", 1)[0]
    items = [unescape(" ".join(item.split("</li>", 1)[0].replace("<time", "\n<time").split()))
             for item in section.split("<li>")[1:]]
    assert items == [
        '<time datetime="2019-09">Sep 2019</time>: Milley took office',
        '<time datetime="2022-11">Nov 2022</time>: The ceasefire ended',
        '<time datetime="2023-07-24">24 Jul 2023</time>: <a href="/events/2023-07-24-talks/">The talks that came '
        "before</a>",
    ]
    assert "on tour across Europe" not in html


SOURCED = EVENT_HEAD + """\
id: 2023-07-24-sourced
title: A meeting with three reports
date: 2023-07-24
kind: meeting
status: reviewed
sources:
  - article: undated-a.txt
    outlet: Outlet A
    headline: Army chief meets CENTCOM commander
    published: 2023-07-24
  - article: 2023/b report.txt
    headline: Generals discuss security
  - article: undated-b.txt
    url: https://news.example.org/story
    outlet: Outlet B
"""


def source_entries(html: str) -> list[str]:
    """Each entry of the sources page as its text, one line."""
    entries = html.split('<ol class="source-index">', 1)[1].split("</ol>", 1)[0].split('<ul class="supports">')
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", e.split("<li id=")[-1].split(">", 1)[1])).split())
            for e in entries[:-1]]


def test_sources_page_shows_outlet_headline_and_date_never_a_file_name(built) -> None:
    files = {"content/events/2023-07-24-sourced.yaml": SOURCED, "content/articles/2023/b report.txt": "Text.\n"}
    site = built(files)
    html = page(site, "sources")
    assert source_entries(html) == [
        "Army chief meets CENTCOM commander Outlet A · 24 Jul 2023",
        "https://news.example.org/story Outlet B · date not stated",
        "Generals discuss security Outlet not stated · date not stated",
    ]
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert ".txt" not in text and "the article as saved" not in text, path


def test_article_files_are_linked_where_the_project_publishes_them(built) -> None:
    files = {"content/events/2023-07-24-sourced.yaml": SOURCED, "content/articles/2023/b report.txt": "Text.\n",
             "content/timeline.yaml": CONFIG + "articles_url: https://github.com/owner/repo/blob/main/content/articles\n"}
    site = built(files)
    base = "https://github.com/owner/repo/blob/main/content/articles/"
    links = [f'<a href="{base}undated-a.txt" rel="noopener">the article as saved</a>',
             f'<a href="{base}2023/b%20report.txt" rel="noopener">the article as saved</a>',
             f'<a href="{base}undated-b.txt" rel="noopener">the article as saved</a>']
    sources, event = page(site, "sources"), page(site, "events/2023-07-24-sourced")
    assert all(sources.count(link) == 1 and event.count(link) == 1 for link in links)


def test_articles_url_must_be_a_web_address(make_project, cli) -> None:
    root = make_project({"content/timeline.yaml": CONFIG + "articles_url: javascript:alert(1)\n"})
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert ('error: content/timeline.yaml:3:1: articles_url "javascript:alert(1)" must be an http:// or https:// '
            "address where the article files are published, like "
            "https://github.com/owner/repo/blob/main/content/articles/") in result.err


def test_the_description_is_markdown_on_pages_and_plain_text_in_feeds_and_calendar(cli, tmp_path: Path) -> None:
    root = tmp_path / "notes"
    assert cli("init", str(root)).code == 0
    description = "An example timeline made by `timeline init`."
    assert description in (root / "content/timeline.yaml").read_text(encoding="utf-8")
    out = tmp_path / "site"
    assert cli("-C", str(root), "build", "--out", str(out), "--base-url", "https://example.org/notes/").code == 0

    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<div class="lede"><p>An example timeline made by <code>timeline init</code>. Replace' in home
    assert '<meta name="description" content="An example timeline made by timeline init. Replace' in home
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<subtitle>An example timeline made by timeline init. Replace" in feed
    calendar = (out / "calendar.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert "X-WR-CALDESC:An example timeline made by timeline init. Replace" in calendar
    timelinejs = json.loads((out / "data/timelinejs.json").read_text(encoding="utf-8"))
    assert timelinejs["title"]["text"]["text"].startswith("<p>An example timeline made by timeline init. Replace")
    for name in ("index.html", "feed.xml", "calendar.ics", "data/timelinejs.json"):
        assert "`" not in (out / name).read_text(encoding="utf-8"), name
