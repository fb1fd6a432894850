"""`timeline rename OLD NEW` and the `check` warning that asks for it: an `undated-` id on an event with a date."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS, run_timeline

from timeline.ingest.stub_file import is_ingest_owned, render_stub
from timeline.load.model import Event, Related
from timeline.partial_date import DateSpec, PartialDate

OLD = "undated-kurilla-visits-islamabad"
NEW = "2023-07-kurilla-visits-islamabad"

RENAMED = f"""\
# An editor's comment stays where it is.
id: {OLD}
title: Kurilla visits Islamabad
date: 2023-07
kind: visit
status: draft
"""
LINKING = f"""\
id: 2023-07-24-kurilla-meets-munir
title: Kurilla meets Munir
date: 2023-07-24
kind: meeting
status: reviewed
related:
  - {OLD}  # the visit itself
  - {{id: '{OLD}', reason: The same trip.}}
mentions:
  - summary: Kurilla arrived in Islamabad
    event: "{OLD}"
review:
  duplicates: [{OLD}]
"""
LOG = f"""\
articles:
  visit.md:
    sha256: {"a" * 64}
    event: {OLD}
  other.md:
    sha256: {"b" * 64}
    event: 2023-07-24-kurilla-meets-munir
"""


def _ingest_owned_stub() -> str:
    event = Event(id="2023-07-25-kurilla-leaves", title="Kurilla leaves", date=DateSpec(PartialDate.parse("2023-07-25")),
                  kind="visit", related=[Related(OLD, "The visit it ends.")])
    return render_stub(event)


def _project(make_project) -> Path:
    return make_project({
        f"content/events/{OLD}.yaml": RENAMED,
        "content/events/2023-07-24-kurilla-meets-munir.yaml": LINKING,
        "content/events/2023-07-25-kurilla-leaves.yaml": _ingest_owned_stub(),
        "content/ingest-log.yaml": LOG,
    })


def test_check_warns_that_an_undated_id_has_a_date_and_gives_the_rename(make_project, cli):
    root = _project(make_project)
    result = cli("-C", str(root), "check")
    assert result.code == 0
    assert (f'warning: content/events/{OLD}.yaml:2: id "{OLD}" says undated, but the event has a date now; rename it '
            f"with `timeline rename {OLD} {NEW}`, which updates every reference") in result.err.splitlines()


def test_rename_updates_the_file_and_every_reference(make_project, cli):
    root = _project(make_project)
    owned_before = (root / "content/events/2023-07-25-kurilla-leaves.yaml").read_text(encoding="utf-8")
    assert is_ingest_owned(owned_before)

    result = cli("-C", str(root), "rename", OLD, NEW)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"renamed content/events/{OLD}.yaml to content/events/{NEW}.yaml",
        "updated content/events/2023-07-24-kurilla-meets-munir.yaml (4 reference(s))",
        "updated content/events/2023-07-25-kurilla-leaves.yaml (1 reference(s))",
        "updated content/ingest-log.yaml (1 reference(s))",
    ]
    events = root / "content/events"
    assert not (events / f"{OLD}.yaml").exists()
    assert (events / f"{NEW}.yaml").read_text(encoding="utf-8") == RENAMED.replace(f"id: {OLD}", f"id: {NEW}")
    # Every other byte of an editor's file is kept: quotes, flow style, comments.
    assert (events / "2023-07-24-kurilla-meets-munir.yaml").read_text(encoding="utf-8") == LINKING.replace(OLD, NEW)
    assert (root / "content/ingest-log.yaml").read_text(encoding="utf-8") == LOG.replace(OLD, NEW)
    owned_after = (events / "2023-07-25-kurilla-leaves.yaml").read_text(encoding="utf-8")
    assert f"- id: {NEW}" in owned_after and is_ingest_owned(owned_after), "ingest still owns the stub it wrote"

    check = cli("-C", str(root), "check", "--strict")
    assert check.code == 1 and "says undated" not in check.err
    assert "Found 0 error(s) and 2 warning(s)." in check.err  # the two drafts, nothing else


def test_rename_refuses_what_it_cannot_do_with_usage_errors(make_project, cli):
    root = _project(make_project)
    before = {p.name: p.read_bytes() for p in (root / "content/events").iterdir()}
    cases = [
        (("undated-kurilla-visit-islamabad", NEW), 'there is no event "undated-kurilla-visit-islamabad" (did you mean '
                                                   f'"{OLD}"?)'),
        ((OLD, "2023-07-24-kurilla-meets-munir"), "content/events/2023-07-24-kurilla-meets-munir.yaml already exists; "
                                                  "choose another id"),
        ((OLD, "Kurilla Visit"), '"Kurilla Visit" is not a valid event id; use a lowercase slug'),
    ]
    for args, message in cases:
        result = cli("-C", str(root), "rename", *args)
        assert result.code == 2, result.err
        assert result.err.startswith(f"error: {message}")
    assert {p.name: p.read_bytes() for p in (root / "content/events").iterdir()} == before, "nothing was written"


def test_an_editor_dates_an_ingested_stub_and_renames_it(tmp_path):
    """The whole story through the real command: ingest, add the date, check, rename, ingest again."""
    root = tmp_path / "news"
    assert run_timeline("init", str(root)).returncode == 0
    for article in SEEDS.iterdir():
        shutil.copy2(article, root / "content/articles" / article.name)
    assert run_timeline("ingest", "--quiet", cwd=root).returncode == 0
    undated = sorted((root / "content/events").glob("undated-*.yaml"))
    assert undated, "the seed articles give at least one undated draft"
    stub = undated[0]
    old = stub.stem
    stub.write_text(stub.read_text(encoding="utf-8").replace("\ndate: null\n", "\ndate: 2021-08-10\n"), encoding="utf-8")

    check = run_timeline("check", cwd=root)
    new = f"2021-08-10-{old.removeprefix('undated-')}"
    assert f"`timeline rename {old} {new}`" in check.stderr

    renamed = run_timeline("rename", old, new, cwd=root)
    assert renamed.returncode == 0, renamed.stderr
    assert not stub.exists() and (root / f"content/events/{new}.yaml").is_file()
    log = (root / "content/ingest-log.yaml").read_text(encoding="utf-8")
    assert f"event: {new}" in log and old not in log

    again = run_timeline("ingest", "--quiet", cwd=root)
    assert again.returncode == 0, again.stderr
    assert not (root / f"content/events/{old}.yaml").exists(), "ingest does not bring the old id back"
    assert "says undated" not in run_timeline("check", cwd=root).stderr
