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
        (14, "unlinked mention"),  # at the mention itself
        (20, "duplicate"),
    ]
    by_issue = {i.issue: i for i in items}
    assert by_issue["needs place"].detail == 'the article gives only a dateline (from: "ISLAMABAD")'
    assert "2023-07-24-clean" in by_issue["duplicate"].detail
    assert by_issue["unlinked mention"].detail == "2023-06 An earlier attack"
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
    table = review_table(items, width=120)
    assert table.splitlines()[0].split() == ["FILE:LINE", "WHAT", "WHY"]
    assert "content/events/2023-07-draft.yaml:7" in table
    assert table.rstrip().endswith("gives the full text.")
    assert f"{len(items)} item(s) in 1 event(s)" in table
    assert review_table([]) == "Nothing needs review."


def test_the_table_fits_the_terminal(make_project, cli, monkeypatch):
    long_id = "2023-07-24-kurilla-meets-munir-at-ghq-in-rawalpindi"
    text = DRAFT.replace("2023-07-draft", long_id).replace(
        "the article gives only a dateline", "the article gives only a dateline " + "and says nothing else " * 8)
    root = make_project({**ARTICLES, "content/events/2023-07-24-clean.yaml": CLEAN,
                         f"content/events/{long_id}.yaml": text})
    location = f"content/events/{long_id}.yaml"
    for columns in (80, 100, 200):
        monkeypatch.setenv("COLUMNS", str(columns))
        out = cli("-C", str(root), "review").out
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= columns, columns
        if columns < 200:  # too narrow for one line each: where, then what and why below it, at most two lines
            at = lines.index(f"{location}:6")
            assert lines[at + 1].startswith("    needs place: the article gives only a dateline and says")
            assert lines[at + 2].startswith("    ") and lines[at + 2].endswith("…")
            assert not lines[at + 3].startswith("    ")
        else:
            assert lines[0].split() == ["FILE:LINE", "WHAT", "WHY"]
            assert any(line.split()[:3] == [f"{location}:6", "needs", "place"] and line.endswith("…") for line in lines)


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


MENTIONS = HEADER + """\
id: 2023-07-24-mentions
title: An event whose reports mention others
date: 2023-07-24
kind: meeting
status: reviewed
sources:
  - article: a.md
  - article: b.md
mentions:
  - summary: He was on tour across Europe this week
    quote: On tour across Europe this week.
  - summary: Kurilla last visited Pakistan
    date: 2022-12
  - summary: The ceasefire ended
    date: 2022-11
  - summary: A linked meeting
    date: 2023-07-24
    event: 2023-07-24-clean
  - summary: Milley took office
    date: 2019-09
"""


def test_mentions_listed_are_the_unlinked_events_by_date_each_at_its_line(make_project):
    items = _items(make_project, {"content/events/2023-07-24-mentions.yaml": MENTIONS})
    # The undated remark is no event, and the linked one is done; the others by date, each at its own line.
    assert [(i.line, i.issue, i.detail) for i in items] == [
        (20, "unlinked mention", "2019-09 Milley took office"),
        (15, "unlinked mention", "2022-11 The ceasefire ended"),
        (13, "unlinked mention", "2022-12 Kurilla last visited Pakistan"),
    ]
    assert review_json(items).count('"line": 20') == 1


REVIEWED_MONTH = HEADER + """\
id: 2022-12-visit
title: A visit known to the month
date: 2022-12
kind: visit
status: reviewed
sources:
  - article: a.md
    outlet: Outlet A
mentions:
  - summary: The ceasefire ended
    date: 2022-11
review:
  notes:
    date: Both reports give only the month.
"""


def test_review_reaches_zero_on_a_reviewed_event_once_its_thin_spots_are_checked(make_project, cli):
    root = make_project({**ARTICLES, "content/events/2022-12-visit.yaml": REVIEWED_MONTH})
    result = cli("-C", str(root), "review", "--json")
    assert [item["issue"] for item in json.loads(result.out)] == ["coarse date", "single source", "unlinked mention"]
    table = cli("-C", str(root), "review").out
    assert "mark it `checked: true` when it needs no event of its own" in table

    path = root / "content/events/2022-12-visit.yaml"
    path.write_text(REVIEWED_MONTH + "  checked: [date, sources, mentions]\n", encoding="utf-8")
    result = cli("-C", str(root), "review")
    assert (result.code, result.out.strip()) == (0, "Nothing needs review.")
    check = cli("-C", str(root), "check", "--strict")
    assert check.code == 0, check.err

    # Checking one thing leaves the others listed.
    path.write_text(REVIEWED_MONTH + "  checked: [mentions]\n", encoding="utf-8")
    assert [i["issue"] for i in json.loads(cli("-C", str(root), "review", "--json").out)] == \
        ["coarse date", "single source"]


def test_a_misspelt_checked_value_is_a_warning_that_names_the_choices(make_project, cli):
    root = make_project({**ARTICLES, "content/events/2022-12-visit.yaml":
                         REVIEWED_MONTH + "  checked: [source]\n"})
    result = cli("-C", str(root), "check")
    assert result.code == 0
    assert ('warning: content/events/2022-12-visit.yaml:16:3: review.checked names "source" (did you mean '
            '"sources"?); it takes date, sources, mentions: what `timeline review` stops listing once checked') in result.err
    assert cli("-C", str(root), "check", "--strict").code == 1


def test_the_schema_takes_what_review_checked_takes(repo_root):
    import jsonschema

    from timeline.load.yaml_source import parse_yaml, plain

    schema = json.loads((repo_root / "timeline/schema/event.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    body = REVIEWED_MONTH.split("\n", 1)[1]
    good = plain(parse_yaml(body + "  checked: [date, sources, mentions]\n"))
    bad = plain(parse_yaml(body + "  checked: [source]\n"))
    assert list(validator.iter_errors(good)) == []
    assert [e.message for e in validator.iter_errors(bad)] == ["'source' is not one of ['date', 'sources', 'mentions']"]


def test_one_mention_marked_checked_leaves_the_others_listed(make_project, cli, repo_root):
    text = MENTIONS.replace("  - summary: The ceasefire ended\n    date: 2022-11\n",
                            "  - summary: The ceasefire ended\n    date: 2022-11\n    checked: true\n")
    root = make_project({**ARTICLES, "content/events/2023-07-24-clean.yaml": CLEAN,
                         "content/events/2023-07-24-mentions.yaml": text})
    listed = [item["detail"] for item in json.loads(cli("-C", str(root), "review", "--json").out)]
    assert listed == ["2019-09 Milley took office", "2022-12 Kurilla last visited Pakistan"]

    # It stays in the file, the dataset and on the page: checked says only that it needs no event of its own.
    out = root / "site"
    assert cli("-C", str(root), "build", "--out", str(out)).code == 0
    data = json.loads((out / "data/timeline.json").read_text(encoding="utf-8"))
    mentions = next(e for e in data["events"] if e["id"] == "2023-07-24-mentions")["mentions"]
    assert [(m["summary"], m["checked"]) for m in mentions if m["date"]] == [
        ("Kurilla last visited Pakistan", False), ("The ceasefire ended", True), ("A linked meeting", False),
        ("Milley took office", False)]
    assert "The ceasefire ended" in (out / "events/2023-07-24-mentions/index.html").read_text(encoding="utf-8")

    (root / "content/events/2023-07-24-mentions.yaml").write_text(text.replace("checked: true", "checked: yes please"),
                                                                  encoding="utf-8")
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert "content/events/2023-07-24-mentions.yaml:17:14: mention \"checked\" must be true or false" in result.err


def test_review_piped_into_a_reader_that_stops_early_ends_quietly(demo_project):
    import subprocess
    import sys

    shell = subprocess.run(f"{sys.executable} -m timeline -C {demo_project} review | head -1", shell=True,
                           capture_output=True, text=True, check=False)
    assert shell.stdout.count("\n") == 1 and "Broken pipe" not in shell.stderr and "error" not in shell.stderr


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
