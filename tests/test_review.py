"""`timeline review`: what needs a human, with file:line, as a table and as JSON."""

from __future__ import annotations

import json

from timeline.load.content import Project, load_content
from timeline.review import review_items, review_json, review_table

HEADER = "# yaml-language-server: $schema=../event.schema.json\n"

ARTICLES = {
    "content/articles/a.md": "---\ntitle: A\n---\nText.\n",
    "content/articles/b.md": "---\ntitle: B\n---\nText.\n",
}

CLEAN = HEADER + """\
id: 2023-07-24-clean
title: Clean event
date: 2023-07-24
kind: meeting
place: Somewhere
status: reviewed
summary: Fine.
sources:
  - article: a.md
    outlet: Outlet A
  - article: b.md
    outlet: Outlet B
"""

DRAFT = HEADER + """\
id: 2023-07-draft
title: Draft event
date: 2023-07
kind: visit
place: null
status: draft
summary: ''
participants: []
sources:
  - article: a.md
    outlet: Outlet A
mentions:
  - summary: An earlier attack
    date: 2023-06
  - summary: A linked meeting
    event: 2023-07-24-clean
threads: []
related: []
review:
  needs: [place, participants]
  notes:
    place: the article gives only a dateline
  evidence:
    place: ISLAMABAD
  duplicates: [2023-07-24-clean]
"""

UNDATED = HEADER + """\
id: undated-nothing
title: Undated event
date: null
kind: other
status: draft
sources: []
"""


def _items(make_project, files):
    # CLEAN is always there: DRAFT links to it, and it must itself add no items.
    root = make_project({**ARTICLES, "content/events/2023-07-24-clean.yaml": CLEAN, **files})
    content = load_content(Project(root))
    assert not content.problems.errors, content.problems.errors
    return review_items(content)


def test_clean_reviewed_event_needs_nothing(make_project):
    assert _items(make_project, {}) == []


def test_draft_lists_every_issue_with_its_line(make_project):
    items = _items(make_project, {
        "content/events/2023-07-24-clean.yaml": CLEAN,
        "content/events/2023-07-draft.yaml": DRAFT,
    })
    found = [(i.line, i.issue) for i in items if i.event == "2023-07-draft"]
    # Lines are those of the keys in DRAFT above (line 1 is the schema comment).
    assert found == [
        (4, "coarse date"),
        (6, "needs place"),
        (7, "draft"),
        (9, "needs participants"),
        (10, "single source"),
        (13, "unlinked mention"),
        (20, "duplicate"),
    ]
    by_issue = {i.issue: i for i in items}
    assert by_issue["needs place"].detail == 'the article gives only a dateline (from: "ISLAMABAD")'
    assert "2023-07-24-clean" in by_issue["duplicate"].detail
    assert by_issue["unlinked mention"].detail.startswith("An earlier attack (2023-06)")
    assert "month" in by_issue["coarse date"].detail
    assert by_issue["single source"].detail.startswith("only Outlet A")
    assert {i.file for i in items} == {"content/events/2023-07-draft.yaml"}


def test_undated_event_without_sources(make_project):
    items = _items(make_project, {"content/events/undated-nothing.yaml": UNDATED})
    assert [(i.line, i.issue) for i in items] == [(4, "no date"), (6, "draft"), (7, "no source")]


def test_items_sorted_by_file_then_line(make_project):
    items = _items(make_project, {
        "content/events/undated-nothing.yaml": UNDATED,
        "content/events/2023-07-draft.yaml": DRAFT,
    })
    keys = [(i.file, i.line) for i in items]
    assert keys == sorted(keys)
    assert items[0].file.endswith("2023-07-draft.yaml") and items[-1].file.endswith("undated-nothing.yaml")


def test_json_and_table_formats(make_project):
    items = _items(make_project, {"content/events/2023-07-draft.yaml": DRAFT})
    data = json.loads(review_json(items))
    assert set(data[0]) == {"file", "line", "event", "issue", "detail"}
    assert len(data) == len(items)
    table = review_table(items)
    assert table.splitlines()[0].split() == ["FILE:LINE", "EVENT", "WHAT", "WHY"]
    assert "content/events/2023-07-draft.yaml:7" in table
    assert table.rstrip().endswith("gives the full text.")
    assert f"{len(items)} item(s) in 1 event(s)" in table
    assert review_table([]) == "Nothing needs review."


def test_cli_review(make_project, cli):
    root = make_project({**ARTICLES, "content/events/2023-07-24-clean.yaml": CLEAN,
                         "content/events/2023-07-draft.yaml": DRAFT})
    result = cli("-C", str(root), "review", "--json")
    assert result.code == 0
    assert {item["issue"] for item in json.loads(result.out)} >= {"draft", "needs place", "duplicate"}
    result = cli("-C", str(root), "review")
    assert result.code == 0 and "content/events/2023-07-draft.yaml:7" in result.out


def test_cli_review_refuses_broken_content(make_project, cli):
    root = make_project({"content/events/bad.yaml": "id: bad\ntitle: [unclosed\n"})
    result = cli("-C", str(root), "review")
    assert result.code == 1
    assert "content/events/bad.yaml:" in result.err


MERGED = HEADER + """\
id: 2021-08-09-merged-call
title: A merged call
date: 2021-08-09
kind: call
status: draft
sources:
  - article: a.md
    outlet: Outlet A
    claims: {date: 2021-08-09}
  - article: b.md
    outlet: Outlet B
    joined: same participants (Lloyd Austin, Qamar Javed Bajwa); dated 2021-08-10 and 2021-08-09, a day apart
    claims: {date: 2021-08-10}
review:
  needs: [date, sources]
  notes:
    date: 'the reports disagree on the date: Outlet A (publication date not stated): 2021-08-09; Outlet B
      (publication date not stated): 2021-08-10. Kept 2021-08-09 from Outlet A; check it'
    sources: 'c.md gives no date of its own: joined on its participants, kind and publication day'
"""


def test_flagged_merges_and_offered_matches_are_listed_at_the_sources(make_project):
    offered = json.dumps([{"event_id": "2023-07-24-clean", "field": "source", "value": "c.md", "article": "c.md",
                           "detail": "same participants (A, B), but the report gives no date of its own"}])
    stub = HEADER + ("id: undated-c\ntitle: C\ndate: null\nkind: meeting\nstatus: draft\nsources:\n  - article: c.md\n"
                     "review:\n  duplicates: [2023-07-24-clean]\n")
    items = _items(make_project, {"content/events/2021-08-09-merged-call.yaml": MERGED,
                                  "content/events/undated-c.yaml": stub, "content/articles/c.md": "C\n",
                                  ".timeline/suggestions.json": offered})
    merged = {(i.issue, i.line): i.detail for i in items if i.event == "2021-08-09-merged-call"}
    assert merged[("needs date", 4)].startswith("the reports disagree on the date: Outlet A")
    assert merged[("needs sources", 7)] == ("c.md gives no date of its own: joined on its participants, kind and "
                                           "publication day")
    [offer] = [i for i in items if i.issue == "offered match"]
    assert (offer.file, offer.line, offer.event) == ("content/events/2023-07-24-clean.yaml", 9, "2023-07-24-clean")
    assert offer.detail == ("article c.md may report this event (same participants (A, B), but the report gives no "
                            "date of its own); add it under sources: if it does")


def test_an_offered_match_goes_once_the_editor_answers(make_project):
    offered = json.dumps([{"event_id": "2023-07-24-clean", "field": "source", "value": "c.md", "article": "c.md",
                           "detail": "no date of its own"}])
    answered = HEADER + ("id: undated-c\ntitle: C\ndate: 2021-01-02\nkind: meeting\nstatus: reviewed\nsources:\n"
                         "  - article: c.md\n")  # reviewed as an event of its own: the answer is no
    items = _items(make_project, {"content/events/undated-c.yaml": answered, "content/articles/c.md": "C\n",
                                  ".timeline/suggestions.json": offered})
    assert not [i for i in items if i.issue == "offered match"]
    accepted = CLEAN.replace("  - article: b.md\n", "  - article: c.md\n  - article: b.md\n")
    items = _items(make_project, {"content/articles/c.md": "C\n", ".timeline/suggestions.json": offered,
                                  "content/events/2023-07-24-clean.yaml": accepted})
    assert not [i for i in items if i.issue == "offered match"]  # the editor added it: done
