"""`timeline check` on every kind of broken file, through the real entry point, asserting exact messages.

Each case builds a small project from inline files and checks the `error: path:line:column: message` lines,
the count in the summary and the exit code (0 ok, 1 content errors, 2 usage errors).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import run_timeline

from timeline import __version__
from timeline.load.yaml_source import plain, read_yaml

# A valid reviewed event; cases add lines after it (line 6 onwards) or replace a value.
EVENT = """\
id: a
title: Example meeting
date: 2021-09-22
kind: meeting
status: reviewed
"""


def event(event_id: str = "a", *, date: str = "2021-09-22", status: str = "reviewed", extra: str = "") -> str:
    return (EVENT.replace("id: a", f"id: {event_id}").replace("2021-09-22", date)
            .replace("status: reviewed", f"status: {status}") + extra)


def problem_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(("error: content", "warning: content", "error: /"))]


def summary(err: str) -> str:
    return err.strip().splitlines()[-1]


CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "yaml syntax error": (
        {"content/events/a.yaml": EVENT + "threads: [a, b\nrelated: []\n"},
        ["error: content/events/a.yaml:7:8: invalid YAML: did not find expected ',' or ']' while parsing a flow "
         "sequence that starts at line 6, column 10"],
    ),
    "tab indentation": (
        {"content/events/a.yaml": "id: a\ntitle: x\n\tdate: 2021\n"},
        ["error: content/events/a.yaml:3:1: invalid YAML: found a tab character that violates indentation while "
         "scanning a plain scalar; indent with spaces, not tabs"],
    ),
    "unclosed quote points where it opens": (
        {"content/events/a.yaml": 'id: a\ntitle: "Example meeting\ndate: 2021\nkind: meeting\n'},
        ["error: content/events/a.yaml:2:8: invalid YAML: found unexpected end of stream while scanning a quoted "
         "scalar that starts here and is never closed; add the closing quote"],
    ),
    "colon in a plain value": (
        {"content/events/a.yaml": "id: a\ntitle: Milley: the call\n"},
        ['error: content/events/a.yaml:2:14: invalid YAML: mapping values are not allowed in this context; '
         'put quotes around a value that contains ": "'],
    ),
    "a key one space too far in": (
        {"content/events/a.yaml": event(extra="participants:\n  - name: Mark Milley\n     title: Gen.\n")},
        ['error: content/events/a.yaml:8:6: invalid YAML: wrong indentation: this line is indented 5 spaces, but the '
         'lines above expect 4 (like "name:" on line 7); indent it by 4 spaces'],
    ),
    "a top-level key one space in": (
        {"content/events/a.yaml": "id: a\ntitle: Example meeting\n date: 2021-09-22\nkind: meeting\n"},
        ['error: content/events/a.yaml:3:2: invalid YAML: wrong indentation: this line is indented 1 space, but the '
         'lines above expect 0 (like "title:" on line 2); start it at the beginning of the line'],
    ),
    "the first key under a key too far in is the wrong line, not the next one": (
        {"content/events/a.yaml": event(extra="review:\n  notes:\n     date: x\n    place: y\n")},
        ['error: content/events/a.yaml:8:6: invalid YAML: wrong indentation: this line is indented 5 spaces and the '
         'next one 4 spaces; the keys under "notes:" (line 7) must line up: indent it by 4 spaces'],
    ),
    "a key of a list item one space short": (
        {"content/events/a.yaml": event(extra="sources:\n  - url: https://example.org/a\n    outlet: X\n   quote: y\n")},
        ['error: content/events/a.yaml:9:4: invalid YAML: wrong indentation: this line is indented 3 spaces, but the '
         'lines above expect 4 (like "outlet:" on line 8); indent it by 4 spaces'],
    ),
    "a key of a list item pulled back to the list's dashes": (
        {"content/events/a.yaml": event(extra="sources:\n  - url: https://example.org/a\n  quote: y\n")},
        ['error: content/events/a.yaml:8:3: invalid YAML: wrong indentation: this line is indented 2 spaces (at this '
         'indentation only a new list item, "- ...", can start), but the lines above expect 4 (like "url:" on line 7) '
         'or 0 (like "sources:" on line 6); indent it by 4 spaces'],
    ),
    "a line of a text block pulled back": (
        {"content/events/a.yaml": event(extra="summary: |\n  They met in Helsinki\nand talked.\n")},
        ['error: content/events/a.yaml:8:1: invalid YAML: wrong indentation: this line goes on with the text under '
         '"summary:" (line 6), which started at 2 spaces on line 7; indent it by 2 spaces'],
    ),
    "a participant's key pulled back to column 0": (
        {"content/events/a.yaml": event(extra="participants:\n  - name: Mark Milley\n    title: Gen.\nrole: Chairman\n")},
        ['error: content/events/a.yaml:9:1: unknown key "role" in event; "role" is a key of each participant: indent '
         'it by 4 spaces, like "name" on line 7, to put it in the participant above'],
    ),
    "a key pulled back under an empty key": (
        {"content/events/a.yaml": event(extra="review:\n  evidence:\n  place: Helsinki\n")},
        ['error: content/events/a.yaml:8:3: unknown key "place" in review; if it belongs under "evidence:" (line 7), '
         "which is empty, indent it by 4 spaces"],
    ),
    "a key pulled back to column 0 repeats a top-level key": (
        {"content/events/a.yaml": event(extra="review:\n  notes:\ndate: From the readout.\n")},
        ['error: content/events/a.yaml:8:1: duplicate key "date" (first defined on line 3); keep one of them, or if '
         'it belongs under "notes:" (line 7), which is empty, indent it by 4 spaces'],
    ),
    "unknown event key": (
        {"content/events/a.yaml": event(extra="sumary: x\n")},
        ['error: content/events/a.yaml:6:1: unknown key "sumary" in event (did you mean "summary"?)'],
    ),
    "unknown keys in participant, source, review, related, mention": (
        {
            "content/events/a.yaml": event(extra=(
                "participants:\n  - name: Mark Milley\n    rol: chairman\n"
                "sources:\n  - url: https://example.org/a\n    qoute: x\n"
                "review:\n  note: {}\n"
                "related:\n  - id: b\n    reasn: x\n"
                "mentions:\n  - summary: s\n    dat: 2020\n"
            )),
            "content/events/b.yaml": event("b"),
        },
        [
            'error: content/events/a.yaml:8:5: unknown key "rol" in participant (did you mean "role"?)',
            'error: content/events/a.yaml:11:5: unknown key "qoute" in source (did you mean "quote"?)',
            'error: content/events/a.yaml:13:3: unknown key "note" in review (did you mean "notes"?)',
            'error: content/events/a.yaml:16:5: unknown key "reasn" in related link (did you mean "reason"?)',
            'error: content/events/a.yaml:19:5: unknown key "dat" in mention (did you mean "date"?)',
        ],
    ),
    "wrong types": (
        {"content/events/a.yaml": "id: a\ntitle: [Example, meeting]\ndate: true\nkind: meeting\nstatus: reviewed\n"
                                  "participants: {name: Mark Milley}\n"},
        [
            'error: content/events/a.yaml:2:8: "title" must be text, not a list',
            "error: content/events/a.yaml:3:7: date: true is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
            'error: content/events/a.yaml:6:15: "participants" must be a list, not a mapping',
        ],
    ),
    "impossible dates and backwards range": (
        {
            "content/events/a.yaml": event(date="2021-02-30"),
            "content/events/b.yaml": event("b", date="2021-13"),
            "content/events/c.yaml": event("c", date="{start: 2021-09-22, end: 2021-09-20}"),
        },
        [
            "error: content/events/a.yaml:3:7: date: 2021-02-30 does not exist (Feb 2021 has 28 days)",
            "error: content/events/b.yaml:3:7: date: month 13 does not exist; use 01-12",
            "error: content/events/c.yaml:3:7: date: the range ends (2021-09-20) before it starts (2021-09-22)",
        ],
    ),
    "id differs from file name; bad file names; .yml": (
        {
            "content/events/a.yaml": event("b"),
            "content/events/Upper.yaml": event("upper"),
            "content/events/with space.yaml": event("with-space"),
            "content/events/c.yml": event("c"),
        },
        [
            'error: content/events/Upper.yaml: "Upper.yaml" is not a valid event file name; use a lowercase slug '
            "(a-z, 0-9, hyphens) ending in .yaml",
            'error: content/events/a.yaml:1: id "b" does not match the file name; set `id: a` or rename the file to b.yaml',
            "error: content/events/c.yml: event files end in .yaml; rename it to c.yaml",
            'error: content/events/with space.yaml: "with space.yaml" is not a valid event file name; use a lowercase '
            "slug (a-z, 0-9, hyphens) ending in .yaml",
        ],
    ),
    "duplicate ids": (
        {"content/events/a.yaml": event("b"), "content/events/b.yaml": event("b")},
        [
            'error: content/events/a.yaml:1: id "b" does not match the file name; set `id: a` or rename the file to b.yaml',
            'error: content/events/b.yaml:1: duplicate id "b", also used by content/events/a.yaml; '
            "give each event its own id",
        ],
    ),
    "references pointing nowhere": (
        {
            "content/timeline.yaml": "threads:\n  - id: us-russia\n    title: U.S. and Russia\n",
            "content/events/milley-meets-gerasimov.yaml": event("milley-meets-gerasimov"),
            "content/events/a.yaml": event(extra=(
                "threads: [us-rusia]\nrelated: [milley-meets-gerasimv]\n"
                "mentions:\n  - summary: An earlier meeting\n    event: milley-meet-gerasimov\n"
            )),
        },
        [
            'error: content/events/a.yaml:6:11: thread "us-rusia" does not exist (did you mean "us-russia"?)',
            'error: content/events/a.yaml:7:11: related event "milley-meets-gerasimv" does not exist '
            '(did you mean "milley-meets-gerasimov"?); if that event is not written yet, create it with '
            '`timeline new "Its title" --id milley-meets-gerasimv`',
            'error: content/events/a.yaml:10:12: mention links to event "milley-meet-gerasimov", which does not '
            'exist (did you mean "milley-meets-gerasimov"?); if that event is not written yet, create it with '
            '`timeline new "Its title" --id milley-meet-gerasimov`',
        ],
    ),
    "missing articles and path traversal": (
        {
            "content/articles/story.txt": "An article.",
            "content/events/a.yaml": event(extra=(
                "sources:\n  - article: ../secret.txt\n  - article: /etc/passwd\n"
                "  - article: stroy.txt\n  - article: story.txt\n"
            )),
        },
        [
            'error: content/events/a.yaml:7:14: source article "../secret.txt" must be a path inside '
            "content/articles/ (no .., no leading /)",
            'error: content/events/a.yaml:8:14: source article "/etc/passwd" must be a path inside '
            "content/articles/ (no .., no leading /)",
            'error: content/events/a.yaml:9:14: source article "stroy.txt" is not in content/articles/ '
            '(did you mean "story.txt"?)',
        ],
    ),
    "urls that are not http(s)": (
        {"content/events/a.yaml": event(extra=(
            "sources:\n  - url: 'javascript:alert(1)'\n  - url: 'data:text/html;base64,PHNjcmlwdD4='\n"
            "  - url: ftp://example.org/a.txt\n  - url: https://example.org/ok\n"
        ))},
        [
            'error: content/events/a.yaml:7:10: source url "javascript:alert(1)" must be an http:// or https:// address',
            'error: content/events/a.yaml:8:10: source url "data:text/html;base64,PHNjcmlwdD4=" must be an http:// '
            "or https:// address",
            'error: content/events/a.yaml:9:10: source url "ftp://example.org/a.txt" must be an http:// or https:// '
            "address",
        ],
    ),
    "reviewed event without a date": (
        {"content/events/a.yaml": event(date="null")},
        ["error: content/events/a.yaml:3:7: a reviewed event needs a date (YYYY, YYYY-MM or YYYY-MM-DD); "
         "leave it null only while the status is draft"],
    ),
    "duplicate key": (
        {"content/events/a.yaml": event(extra="title: Again\n")},
        ['error: content/events/a.yaml:6:1: duplicate key "title" (first defined on line 2); keep one of them'],
    ),
    "bytes that are not UTF-8": (
        {"content/events/a.yaml": EVENT.encode() + b"place: Gen\xe8ve\n"},
        ["error: content/events/a.yaml:6:11: byte 0xe8 is not UTF-8; save the file as UTF-8"],
    ),
    "empty event file": (
        {"content/events/a.yaml": ""},
        ["error: content/events/a.yaml:1: an event file must be a YAML mapping (id: ..., title: ...), "
         "but this one is empty"],
    ),
    "people.yaml: duplicate id, unknown key": (
        {"content/people.yaml": "people:\n  - id: mark-milley\n    name: Mark Milley\n"
                                "  - id: mark-milley\n    name: Mark A. Milley\n    alias: [Milley]\n"},
        [
            'error: content/people.yaml:4:5: duplicate person id "mark-milley" (first on line 2); merge the two '
            "entries, keeping every alias",
            'error: content/people.yaml:6:5: unknown key "alias" in person (did you mean "aliases"?)',
        ],
    ),
    "people.yaml: roles are checked like people and threads": (
        {"content/people.yaml": "people:\n  - id: mark-milley\n    name: Mark Milley\n    roles:\n"
                                "      - role: Chairman\n        organisaton: Joint Chiefs\n      - [Chairman]\n"
                                "  - id: asim-munir\n    name: Asim Munir\n    roles: Army chief\n"},
        [
            'error: content/people.yaml:6:9: unknown key "organisaton" in role (did you mean "organisation"?)',
            "error: content/people.yaml:7:9: each role needs at least `role:` (the office held)",
            "error: content/people.yaml:10:5: roles must be a list of {role, organisation, start, end}",
        ],
    ),
    "people.yaml: participant names an unknown person": (
        {
            "content/people.yaml": "people:\n  - id: mark-milley\n    name: Mark Milley\n",
            "content/events/a.yaml": event(extra="participants:\n  - name: Mark Milley\n    person: mark-miley\n"),
        },
        ['error: content/events/a.yaml:8:13: participant "Mark Milley" names person "mark-miley", who is not in '
         'content/people.yaml (did you mean "mark-milley"?)'],
    ),
    "timeline.yaml: unknown keys, bad order, color, repository, rules": (
        {"content/timeline.yaml": (
            "titel: T\norder: newest\nrepository: 'javascript:alert(1)'\nthreads:\n  - id: t\n    title: T\n"
            "    colour: red\n    color: red\n    rules:\n      peple: [Mark Milley]\n"
        )},
        [
            'error: content/timeline.yaml:1:1: unknown setting "titel" (did you mean "title"?)',
            'error: content/timeline.yaml:2:1: order must be oldest-first or newest-first (did you mean "newest-first"?)',
            'error: content/timeline.yaml:3:1: repository "javascript:alert(1)" must be an https:// address, '
            "like https://github.com/owner/repo",
            'error: content/timeline.yaml:7:5: unknown key "colour" in thread (did you mean "color"?)',
            'error: content/timeline.yaml:8:5: thread color "red" must be a hex colour like "#1f6feb"',
            'error: content/timeline.yaml:10:7: unknown rule "peple" (did you mean "people"?); rules are people, '
            "places, organisations, phrases, kinds",
        ],
    ),
    "timeline.yaml: wrong types": (
        {"content/timeline.yaml": "order: 5\nrepository: ftp://example.org/repo\ngap_days: -1\nkinds: meeting\n"
                                  "threads: {a: 1}\npage_events: many\n"},
        [
            "error: content/timeline.yaml:1:1: order must be oldest-first or newest-first",
            'error: content/timeline.yaml:2:1: repository "ftp://example.org/repo" must be an https:// address, '
            "like https://github.com/owner/repo",
            "error: content/timeline.yaml:3:1: gap_days must be a whole number of days, at least 1",
            "error: content/timeline.yaml:4:1: kinds must be a list of words, like [meeting, call, visit]",
            "error: content/timeline.yaml:5:1: threads must be a list of {id, title, description}",
            "error: content/timeline.yaml:6:1: page_events must be a whole number of events (0 keeps everything on "
            "one page)",
        ],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=list(CASES))
def test_check_reports_every_problem_with_its_location(make_project, cli, files, expected):
    root = make_project(files)
    result = cli("-C", str(root), "check")
    assert result.code == 1, result.err
    assert problem_lines(result.err) == expected
    assert summary(result.err).endswith(f"Found {len(expected)} error(s) and 0 warning(s).")
    assert "Traceback" not in result.err


def test_all_problems_of_all_files_are_reported_at_once(make_project, cli):
    files: dict[str, str | bytes] = {}
    for case_files, _ in CASES.values():
        for name, data in case_files.items():
            if name.startswith("content/events/"):  # one project: give every case's events their own names
                files[name.replace("content/events/", f"content/events/x{len(files)}-").lower()] = data
    root = make_project(files)
    result = cli("-C", str(root), "check")
    assert result.code == 1
    count = len([line for line in problem_lines(result.err) if line.startswith("error:")])
    assert count > 25
    assert f"Found {count} error(s)" in summary(result.err)


def test_draft_without_date_is_a_warning_not_an_error(make_project, cli):
    root = make_project({"content/events/a.yaml": event(date="null", status="draft")})
    result = cli("-C", str(root), "check")
    assert result.code == 0
    assert problem_lines(result.err) == [
        "warning: content/events/a.yaml:5: draft: not published until an editor sets status: reviewed",
    ]
    assert summary(result.err) == "ok: 1 event(s), 0 people, 0 article(s). Found 0 error(s) and 1 warning(s)."


@pytest.fixture
def warned_project(make_project):
    return make_project({"content/events/a.yaml": event(status="draft", extra="review:\n  needs: [date, place]\n")})


def test_warnings_pass_strict_fails_quiet_hides(warned_project, cli):
    expected = [
        "warning: content/events/a.yaml:5: draft: not published until an editor sets status: reviewed",
        "warning: content/events/a.yaml:6: fields flagged for review: date, place",
    ]
    plain_run = cli("-C", str(warned_project), "check")
    assert (plain_run.code, problem_lines(plain_run.err)) == (0, expected)

    strict = cli("-C", str(warned_project), "check", "--strict")
    assert (strict.code, problem_lines(strict.err)) == (1, expected)
    assert summary(strict.err) == ("error: 1 event(s), 0 people, 0 article(s). Found 0 error(s) and 2 warning(s). "
                                   "Under --strict, warnings fail the check too.")

    quiet = cli("-C", str(warned_project), "check", "--quiet")
    assert (quiet.code, problem_lines(quiet.err)) == (0, [])
    assert "2 warning(s)" in summary(quiet.err)


def test_review_flag_naming_no_field_is_a_warning(make_project, cli):
    root = make_project({"content/events/a.yaml": event(extra="review:\n  needs: [plaec]\n")})
    result = cli("-C", str(root), "check")
    assert result.code == 0
    assert 'warning: content/events/a.yaml:7:3: review.needs names "plaec", which is not an event field ' \
           '(did you mean "place"?)' in problem_lines(result.err)


def test_github_actions_annotations(make_project, cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    root = make_project({"content/events/a.yaml": event(extra="sumary: x\n"),
                         "content/events/b.yaml": event("b", status="draft")})
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert result.out.splitlines() == [
        '::error file=content/events/a.yaml,line=6,col=1::unknown key "sumary" in event (did you mean "summary"?)',
        "::warning file=content/events/b.yaml,line=5::draft: not published until an editor sets status: reviewed",
    ]


def test_no_annotations_outside_github_actions(make_project, cli, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = make_project({"content/events/a.yaml": event(extra="sumary: x\n")})
    assert cli("-C", str(root), "check").out == ""


def test_demo_content_is_clean(demo_project, cli):
    result = cli("-C", str(demo_project), "check", "--strict")
    assert result.code == 0, result.err
    assert problem_lines(result.err) == []
    assert summary(result.err).endswith("Found 0 error(s) and 0 warning(s).")
    assert summary(result.err).startswith("ok: 10 event(s)")


def test_check_as_a_separate_process(make_project):
    root = make_project({"content/events/a.yaml": event(date="2021-02-30")})
    proc = run_timeline("check", cwd=root, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0] == \
        "error: content/events/a.yaml:3:7: date: 2021-02-30 does not exist (Feb 2021 has 28 days)"
    assert "Traceback" not in proc.stderr


# ---- command line conventions ----


def test_version(cli):
    result = cli("--version")
    assert (result.code, result.out.strip()) == (0, f"timeline {__version__}")


def test_no_command_prints_help_and_exits_2(cli):
    result = cli()
    assert result.code == 2
    assert "usage: timeline" in result.err
    assert "check" in result.err


def test_misspelt_command_suggests_the_right_one(cli):
    result = cli("chek")
    assert result.code == 2
    assert 'did you mean "check"?' in result.err


def test_unknown_option_is_a_usage_error(cli):
    result = cli("check", "--stirct")
    assert result.code == 2
    assert "unrecognized arguments: --stirct" in result.err


def test_folder_without_content(tmp_path, cli):
    result = cli("-C", str(tmp_path), "check")
    assert result.code == 1
    assert problem_lines(result.err) == [
        f"error: {tmp_path.resolve()}/content: no content/ folder here; run in a timeline project, pass -C DIR, "
        "or create one with `timeline init DIR`",
    ]


def test_folder_that_does_not_exist(tmp_path, cli):
    result = cli("-C", str(tmp_path / "nowhere"), "check")
    assert result.code == 2
    assert result.err == (f"error: -C {tmp_path / 'nowhere'}: the folder does not exist; give the folder of a "
                          "timeline project (the one that holds content/)\n")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    result = cli("-C", str(tmp_path / "a-file"), "build")
    assert result.code == 2 and "this is a file, not a folder" in result.err


# ---- JSON Schema: valid, published, and agreeing with the model ----

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "timeline" / "schema" / "event.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_project_copy_of_schema_equals_package_copy(repo_root):
    assert (repo_root / "content" / "event.schema.json").read_bytes() == SCHEMA_PATH.read_bytes()


def test_every_demo_event_validates(repo_root, validator):
    paths = sorted((repo_root / "content" / "events").glob("*.yaml"))
    assert len(paths) >= 10
    for path in paths:
        data = plain(read_yaml(path))  # plain() turns YAML dates into ISO strings, as an editor plug-in sees them
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path.name


SCHEMA_CASES = {
    "unknown key": event(extra="sumary: x\n"),
    "bad date pattern": event(date="2021-13"),
    "impossible day pattern": event(date="'2021-09-32'"),
    "bad status": event(status="published"),
    "javascript url": event(extra="sources:\n  - url: 'javascript:alert(1)'\n"),
    "ftp url": event(extra="sources:\n  - url: ftp://example.org/a\n"),
    "title as a list": "id: a\ntitle: [a, b]\ndate: 2021\nkind: meeting\nstatus: reviewed\n",
    "unknown participant key": event(extra="participants:\n  - name: X\n    rank: Gen.\n"),
    "bad id": event("Not A Slug"),
}


@pytest.mark.parametrize("text", SCHEMA_CASES.values(), ids=list(SCHEMA_CASES))
def test_schema_and_model_reject_the_same_files(make_project, cli, validator, text):
    root = make_project({"content/events/a.yaml": text})
    assert cli("-C", str(root), "check").code == 1
    data = plain(read_yaml(root / "content" / "events" / "a.yaml"))
    assert list(validator.iter_errors(data)), "the schema accepts a file `timeline check` rejects"


def test_schema_and_model_accept_the_same_valid_forms(make_project, cli, validator):
    text = event(date="{start: 2022-12-14, end: 2022-12-16, approximate: true}", extra=(
        "participants:\n  - Mark Milley\n  - name: Valery Gerasimov\n    title: Gen.\n"
        "sources:\n  - url: https://example.org/a\n    published: 2021-09\n"
        "related: []\nthreads: []\n"
    ))
    root = make_project({"content/events/a.yaml": text})
    result = cli("-C", str(root), "check")
    assert result.code == 0, result.err
    assert list(validator.iter_errors(plain(read_yaml(root / "content" / "events" / "a.yaml")))) == []


def test_events_without_ids_under_quiet(make_project, cli):
    """Regression: a file-level problem (no line) next to a lined one in the same file crashed the sort."""
    no_id = EVENT.replace("id: a\n", "")
    root = make_project({"content/events/a.yaml": no_id, "content/events/b.yaml": no_id})
    result = cli("-C", str(root), "check", "--quiet")
    assert result.code == 1
    assert problem_lines(result.err) == [
        'error: content/events/a.yaml:1:1: missing "id"; every event needs id, title, date, kind, status',
        'error: content/events/b.yaml:1:1: missing "id"; every event needs id, title, date, kind, status',
    ]


def test_problems_with_and_without_lines_sort_together(make_project, cli):
    root = make_project({"content/events/a.yaml": "- not a mapping\n", "content/events/b.yml": EVENT})
    result = cli("-C", str(root), "check", "--quiet")
    assert problem_lines(result.err) == [
        "error: content/events/a.yaml:1: an event file must be a YAML mapping (id: ..., title: ...), "
        "but this one is a list",
        "error: content/events/b.yml: event files end in .yaml; rename it to b.yaml",
    ]


def test_a_comment_that_cuts_a_text_value_short_is_a_warning(make_project, cli):
    root = make_project({"content/events/a.yaml": (
        "id: a\ntitle: Kurilla meets Munir #2 visit\ndate: 2023-07-24  # from the readout\nkind: meeting\n"
        'status: reviewed\nplace: "GHQ #1"\nparticipants:\n  - {name: Asim Munir, role: COAS}  # a flow mapping\n'
        "  - name: Michael Kurilla\n    role: CENTCOM commander #since 2022\nsummary: |\n  Talks # in a text block\n"
    )})
    result = cli("-C", str(root), "check")
    assert result.code == 0
    assert problem_lines(result.err) == [
        'warning: content/events/a.yaml:2:28: title reads "Kurilla meets Munir": the "#2 visit" after it is a YAML '
        'comment and is left out; to keep it, put the value in quotes: "Kurilla meets Munir #2 visit"',
        'warning: content/events/a.yaml:10:29: participant role reads "CENTCOM commander": the "#since 2022" after it '
        'is a YAML comment and is left out; to keep it, put the value in quotes: "CENTCOM commander #since 2022"',
    ], "dates, quoted values, flow mappings and text blocks are left alone"
    assert summary(result.err).endswith("Found 0 error(s) and 2 warning(s).")
    assert cli("-C", str(root), "check", "--strict").code == 1


def test_a_missing_related_event_never_suggests_the_event_itself(make_project, cli):
    root = make_project({
        "content/events/2023-07-24-kurilla-meets-munir.yaml": event(
            "2023-07-24-kurilla-meets-munir", extra="related:\n  - id: 2023-07-25-kurilla-meets-munir\n"),
        "content/events/2021-09-22-milley-meets-gerasimov.yaml": event("2021-09-22-milley-meets-gerasimov"),
    })
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert problem_lines(result.err) == [
        'error: content/events/2023-07-24-kurilla-meets-munir.yaml:7:9: related event '
        '"2023-07-25-kurilla-meets-munir" does not exist; if that event is not written yet, create it with '
        '`timeline new "Its title" --id 2023-07-25-kurilla-meets-munir`',
    ]
    created = cli("-C", str(root), "new", "Kurilla meets Munir again", "--id", "2023-07-25-kurilla-meets-munir")
    assert created.code == 0
    assert cli("-C", str(root), "check").code == 0, "the command the message gives makes the link resolve"


def test_countries_are_checked_against_the_extractors_country_list(make_project, cli):
    root = make_project({
        "content/people.yaml": "people:\n  - id: asim-munir\n    name: Asim Munir\n    country: Pakistani\n",
        "content/events/a.yaml": event(extra=(
            "participants:\n  - name: Asim Munir\n    country: Pakistn\n  - {name: Mark Milley, country: USA}\n"
            "  - name: Sergei Shoigu\n    country: Russian Federation\n  - name: Michael Kurilla\n"
            "    country: United States\n"
        )),
    })
    result = cli("-C", str(root), "check")
    assert result.code == 0
    assert problem_lines(result.err) == [
        'warning: content/events/a.yaml:8:14: participant "Asim Munir": country "Pakistn" is not a country the '
        'extractor knows (did you mean "Pakistan"?); write its common English name, like "Pakistan" or "United States"',
        'warning: content/people.yaml:2: person "asim-munir": country "Pakistani" is an adjective; write the '
        'country, "Pakistan"',
    ], "short forms and official names the extractor reads (USA, Russian Federation) pass"
    assert cli("-C", str(root), "check", "--strict").code == 1
