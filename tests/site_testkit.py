"""Shared by the tests/test_site_*.py files: a synthetic project with every hard case, and a page checker."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

HOSTILE = "<script>alert(1)</script>"

SYNTHETIC: dict[str, str] = {
    "content/timeline.yaml": """\
title: "Synthetic <b>chronology</b> & tests"
description: "Every date precision, drafts, review flags and hostile text."
repository: https://github.com/example/synthetic
order: oldest-first
gap_days: 30
threads:
  - id: talks
    title: "Talks <i>thread</i>"
    description: "Meetings and calls."
    color: "#2f7d4f"
    rules:
      people: [Ada Example]
      phrases: [ceasefire]
  - id: uncoloured
    title: Uncoloured thread
""",
    "content/people.yaml": """\
people:
  - id: ada-example
    name: Ada Example
    title: Gen.
    country: Freedonia
    roles:
      - role: Chief of Staff
        start: 2019-01
        end: null
  - id: bob-sample
    name: Bob Sample
    country: Sylvania
""",
    "content/articles/a1.txt": "An article.\n",
    "content/articles/a2.txt": "Another article.\n",
    "content/events/2020-year-only.yaml": """\
id: 2020-year-only
title: Something in 2020
date: 2020
kind: statement
status: reviewed
summary: Known only to the year.
threads: [uncoloured]
sources:
  - article: a1.txt
    outlet: Daily Example
    published: 2021-01-05
    quote: It happened in 2020.
""",
    "content/events/2021-03-month.yaml": """\
id: 2021-03-month
title: Month-precise talks
date: 2021-03
kind: talks
place: Geneva
status: reviewed
summary: |
  Ada Example held talks about the ceasefire. A second sentence
  that should not appear on the card.
participants:
  - name: Gen. Ada Example
    title: Gen.
    role: Chief of Staff
    country: Freedonia
  - name: Unknown Person
    country: Sylvania
threads: [talks]
sources:
  - article: a1.txt
    outlet: Daily Example
    url: https://news.example.com/a1
    published: 2021-03
    headline: Talks held
    quote: Talks were held in March.
review:
  needs: [date, place]
  notes:
    date: The report says only "in March".
    place: Geneva is a guess from the dateline.
""",
    "content/events/2021-03-15-day.yaml": """\
id: 2021-03-15-day
title: Day-precise call
date: 2021-03-15
kind: call
status: reviewed
summary: A call on a known day. See [the talks](../2021-03-month/) and [bad](javascript:alert(1)).
participants:
  - name: Ada Example
    person: ada-example
  - name: Bob Sample
    person: bob-sample
threads: [talks]
related:
  - id: 2021-03-month
    reason: The call followed the talks.
  - id: 2023-07-draft
    reason: A draft that must not be linked when drafts are left out.
mentions:
  - summary: The earlier talks
    date: 2021-03
    event: 2021-03-month
    quote: after talks in March
    article: a2.txt
  - summary: An unlisted background event
    date: 2019
sources:
  - article: a2.txt
    url: https://other.example.org/story?id=1&x=2
    quote: They spoke by phone.
""",
    "content/events/2022-12-14-range.yaml": """\
id: 2022-12-14-range
title: A three-day visit
date: {start: 2022-12-14, end: 2022-12-16}
kind: visit
place: Rawalpindi
status: reviewed
summary: A visit over three days.
participants:
  - name: Ada Example
    person: ada-example
threads: [talks, uncoloured]
sources:
  - article: a2.txt
    url: https://other.example.org/story?id=1&x=2
    quote: The visit lasted three days.
""",
    "content/events/2023-07-approximate.yaml": """\
id: 2023-07-approximate
title: "Hostile: <script>alert(1)</script> & co"
date: {start: 2023-07, approximate: true}
kind: attack
place: "Zhob <iframe src=x>"
status: reviewed
summary: |
  Raw <script>alert(1)</script> html, <img src=x onerror=alert(1)>, a [link](javascript:alert(1)),
  an image ![pixel](https://evil.example/pixel.png), a [data link](data:text/html,hi),
  a [protocol-relative](//evil.example/x) one and a [good one](https://ok.example/a).
participants:
  - name: "<script>alert(1)</script>"
    role: "\\"><script>alert(1)</script>"
sources:
  - article: a1.txt
    outlet: "<b>Outlet</b> & \\"quotes\\""
    headline: "Headline <script>alert(1)</script>"
    quote: "\\"><script>alert(1)</script>"
threads: [talks]
review:
  needs: [date, kind]
  notes:
    date: "Approximate: <script>alert(1)</script>"
""",
    "content/events/2023-07-draft.yaml": """\
id: 2023-07-draft
title: A draft with a date
date: 2023-07-20
kind: meeting
status: draft
threads: [talks]
participants:
  - name: Bob Sample
    person: bob-sample
sources:
  - article: a2.txt
    quote: Draft source.
""",
    "content/events/undated-draft.yaml": """\
id: undated-draft
title: An undated draft
date: null
kind: other
status: draft
sources:
  - article: a1.txt
    quote: Undated.
""",
}

DATETIME = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class ParsedPage:
    path: str  # site-relative file path
    h1: int = 0
    ids: set[str] = field(default_factory=set)
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    datetimes: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    landmarks: set[str] = field(default_factory=set)


class _Parser(HTMLParser):
    def __init__(self, page: ParsedPage):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "h1":
            self.page.h1 += 1
        if tag in ("header", "nav", "main", "footer"):
            self.page.landmarks.add(tag)
        if "id" in values:
            self.page.ids.add(values["id"])
        for attribute in ("href", "src", "xlink:href", "action", "srcset", "poster", "data"):
            if attribute in values:
                self.page.refs.append((tag, attribute, values[attribute]))
        if tag == "time":
            self.page.datetimes.append(values.get("datetime", ""))

    def handle_data(self, data: str) -> None:
        self.page.text.append(data)


def parse_site(root: Path) -> dict[str, ParsedPage]:
    pages = {}
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        page = ParsedPage(relative)
        parser = _Parser(page)
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        pages[relative] = page
    return pages


def page_url(base_path: str, relative: str) -> str:
    """The URL a page file is served at."""
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return base_path + relative


def broken_links(root: Path, base_path: str) -> list[str]:
    """Every internal href/src that does not resolve to a file (or a missing #fragment), as messages."""
    pages = parse_site(root)
    problems = []
    for relative, page in pages.items():
        here = page_url(base_path, relative)
        for tag, attribute, value in page.refs:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                continue  # external: checked by the no-external-requests test
            if parts.scheme:
                problems.append(f"{relative}: <{tag} {attribute}={value!r}> has a non-http scheme")
                continue
            target = urlsplit(urljoin("http://site.invalid" + here, value))
            path = unquote(target.path)
            if not path.startswith(base_path):
                problems.append(f"{relative}: {value!r} leaves the base path {base_path}")
                continue
            file_part = path[len(base_path):]
            if file_part == "" or file_part.endswith("/"):
                file_part += "index.html"
            if not (root / file_part).is_file():
                problems.append(f"{relative}: {value!r} -> {file_part} does not exist")
                continue
            if target.fragment and file_part.endswith(".html"):
                if target.fragment not in pages[file_part].ids:
                    problems.append(f"{relative}: {value!r} -> no id {target.fragment!r} in {file_part}")
    return problems


def valid_datetime(value: str) -> bool:
    if not DATETIME.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
