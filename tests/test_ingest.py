"""Ingest end to end: stubs written, re-runs idempotent, editors' files kept, bad articles skipped, locking.

Most tests swap the extractor for a tiny one that reads `key: value` articles, so they test ingest
itself, not extraction quality; the seed-article tests run the real extractor once it is installed.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import SEEDS, run_timeline

from timeline.errors import ContentError
from timeline.extract.article import Article
from timeline.files import project_lock
from timeline.ingest import pipeline, stub_file, workers
from timeline.load.content import Project, load_content
from timeline.load.model import Event, Participant, Review, Source
from timeline.partial_date import parse_date_spec

HAVE_EXTRACTOR = importlib.util.find_spec("timeline.extract.stub") is not None


def fake_read(path: Path, name: str | None) -> Article:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise ContentError.at(name or str(path), None, "this is a binary file, not an article; remove it")
    return Article(name=name or path.name, text=raw.decode("utf-8"))


def fake_extract(article: Article, people, kinds=None) -> SimpleNamespace:  # type: ignore[no-untyped-def]
    fields = dict(line.split(": ", 1) for line in article.text.splitlines() if ": " in line)
    names = [n.strip() for n in fields.get("people", "").split(";") if n.strip()]
    participants = []
    for name in names:
        person = people.find(name)
        participants.append(Participant(name=name, person=person.id if person else None))
    date = fields.get("date")
    event = Event(
        id="draft", title=fields["title"], date=parse_date_spec(date) if date else None,
        kind=fields.get("kind", "meeting"), place=fields.get("place"), summary=fields.get("summary", ""),
        participants=participants, sources=[Source(article=article.name, quote=fields.get("quote", fields["title"]))],
        review=Review(needs=[] if date else ["date"], evidence={"date": fields.get("quote", "")} if date else {}),
    )
    mentions = [SimpleNamespace(name=p.name, title=None, role=None, country=None, person_id=p.person,
                                is_participant=True, evidence=fields["title"], confidence=0.9) for p in participants]
    return SimpleNamespace(event=event, people=mentions)


@pytest.fixture
def fake_extractor(monkeypatch):
    monkeypatch.setattr(workers, "load_extractor", lambda: (fake_read, fake_extract))


ARTICLES = {
    "a-helsinki.txt": "title: Milley meets Gerasimov in Helsinki\npeople: General Mark Milley; Valery Gerasimov\n"
                      "place: Helsinki, Finland\nquote: The two generals met in Helsinki.\n",
    "b-helsinki-dated.txt": "title: Top generals meet in Helsinki\ndate: 2021-09-22\n"
                            "people: Mark Milley; Gen. Valery Gerasimov\nplace: Helsinki, Finland\n"
                            "quote: Milley met Gerasimov on Wednesday in Helsinki.\n",
    "c-call.txt": "title: Austin calls Bajwa\ndate: 2021-08-09\nkind: call\npeople: Lloyd Austin; Qamar Javed Bajwa\n"
                  "quote: Austin called Bajwa about safe havens.\n",
    "d-new-person.txt": "title: Jane Roe visits Kabul\ndate: 2023-07-19\nkind: visit\nplace: Kabul, Afghanistan\n"
                        "people: Jane Roe\nquote: Jane Roe travelled to Kabul.\n",
}


@pytest.fixture
def project(demo_project: Path) -> Path:
    """The demo project with no events and the synthetic articles instead of the seeds."""
    shutil.rmtree(demo_project / "content" / "events")
    (demo_project / "content" / "events").mkdir()
    shutil.rmtree(demo_project / "content" / "articles")
    for name, text in ARTICLES.items():
        path = demo_project / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return demo_project


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted((root / "content").rglob("*")) if p.is_file()}


def stubs(root: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((root / "content" / "events").glob("*.yaml"))}


def test_ingest_creates_merged_stubs_and_a_second_run_changes_no_byte(project, cli, fake_extractor):
    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err
    events = stubs(project)
    assert sorted(events) == ["2021-08-09-austin-calls-bajwa", "2021-09-22-milley-meets-gerasimov-in-helsinki",
                              "2023-07-19-jane-roe-visits-kabul"]
    helsinki = events["2021-09-22-milley-meets-gerasimov-in-helsinki"]
    assert helsinki.startswith("# yaml-language-server: $schema=../event.schema.json\n# ingest: sha256=")
    assert "article: a-helsinki.txt" in helsinki and "article: b-helsinki-dated.txt" in helsinki
    assert "date from b-helsinki-dated.txt: Milley met Gerasimov on Wednesday in Helsinki." in helsinki
    assert "created" in result.err and "unchanged" in result.err
    people = (project / "content" / "people.yaml").read_text(encoding="utf-8")
    assert "id: jane-roe" in people and "# The people registry" in people
    check = cli("-C", str(project), "check")
    assert check.code == 0, check.err

    before = snapshot(project)
    again = cli("-C", str(project), "ingest")
    assert again.code == 0, again.err
    assert snapshot(project) == before  # same bytes and same mtimes: nothing rewritten
    assert "created                      0" in again.err
    assert list((project / "content" / "events").glob(".*")) == []  # no temporary files left behind


def test_an_edited_stub_survives_except_for_an_appended_source(project, cli, fake_extractor):
    assert cli("-C", str(project), "ingest").code == 0
    path = project / "content" / "events" / "2021-08-09-austin-calls-bajwa.yaml"
    edited = path.read_text(encoding="utf-8").replace("title: Austin calls Bajwa", "title: Austin phones Bajwa")
    edited = edited.replace("kind: call\n", "kind: call  # confirmed by the DoD readout\n")
    path.write_text(edited, encoding="utf-8")
    (project / "content" / "articles" / "e-call-again.txt").write_text(
        "title: Pentagon chief speaks to army chief\ndate: 2021-08-09\nkind: call\n"
        "people: Lloyd J. Austin III; General Bajwa\nquote: A very long sentence about the call " + "x" * 120 + "\n",
        encoding="utf-8")
    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err
    after = path.read_text(encoding="utf-8")
    sources_end = edited.index("threads:")
    assert after.startswith(edited[:sources_end])  # everything before the new source, byte for byte
    added = after[sources_end:after.index("threads:")]
    indent = edited[edited.index("sources:\n") + 9:].split("- article:")[0]  # as the existing items
    assert added.startswith(f"{indent}- article: e-call-again.txt\n")
    assert after[after.index("threads:"):] == edited[sources_end:]  # and everything after it
    assert "new source appended: e-call-again.txt" in result.err
    event = load_content(Project(project)).event("2021-08-09-austin-calls-bajwa")
    assert event is not None and [s.article for s in event.sources] == ["c-call.txt", "e-call-again.txt"]
    before = snapshot(project)
    assert cli("-C", str(project), "ingest").code == 0
    assert snapshot(project) == before  # the source is there now: not appended twice


def test_an_unedited_stub_is_regenerated_with_new_evidence(project, cli, fake_extractor):
    assert cli("-C", str(project), "ingest").code == 0
    (project / "content" / "articles" / "e-call-again.txt").write_text(
        "title: Austin speaks to Bajwa\ndate: 2021-08-09\nkind: call\npeople: Lloyd Austin; General Bajwa\n",
        encoding="utf-8")
    result = cli("-C", str(project), "ingest")
    text = stubs(project)["2021-08-09-austin-calls-bajwa"]
    assert "article: e-call-again.txt" in text and stub_file.is_ingest_owned(text)
    assert "regenerated with new evidence" in result.err


def test_unreadable_article_is_skipped_and_reported_but_the_run_succeeds(project, cli, fake_extractor):
    (project / "content" / "articles" / "z-broken.txt").write_bytes(b"\x00\x01binary")
    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err  # a partial success: the others were ingested
    assert "warning: content/articles/z-broken.txt: skipped: this is a binary file, not an article" in result.err
    assert "1 article(s) skipped; the others were ingested" in result.err
    assert "unreadable                   1" in result.err
    assert len(stubs(project)) == 3  # the other articles were processed


def test_ingest_fails_when_no_article_could_be_read(project, cli, fake_extractor):
    for path in (project / "content" / "articles").iterdir():
        path.write_bytes(b"\x00binary")
    result = cli("-C", str(project), "ingest")
    assert result.code == 1
    assert result.err.count("error: content/articles/") == 4
    assert "4 article(s) skipped; nothing was ingested" in result.err
    assert stubs(project) == {}


def test_article_outside_the_project_is_imported(project, cli, fake_extractor, tmp_path):
    outside = tmp_path / "elsewhere" / "story.txt"
    outside.parent.mkdir()
    outside.write_text(ARTICLES["c-call.txt"].replace("Austin calls", "Austin rings"), encoding="utf-8")
    result = cli("-C", str(project), "ingest", str(outside))
    assert result.code == 0, result.err
    assert (project / "content" / "articles" / "story.txt").read_bytes() == outside.read_bytes()
    assert "article: story.txt" in stubs(project)["2021-08-09-austin-rings-bajwa"]
    assert cli("-C", str(project), "check").code == 0


def test_a_second_ingest_is_refused_while_the_lock_is_held(project, cli, fake_extractor, monkeypatch):
    monkeypatch.setattr(project_lock, "WAIT_SECONDS", 0.2)
    # Held from another thread: the lock is re-entrant within one thread, as another process it is not.
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with project_lock.project_lock(Project(project), "build"):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        result = cli("-C", str(project), "ingest")
    finally:
        release.set()
        holder.join()
    assert result.code == 1
    assert "another timeline build is running (pid " in result.err
    assert "wait for it or remove .timeline/lock" in result.err
    assert stubs(project) == {}
    assert cli("-C", str(project), "ingest").code == 0  # released afterwards


def test_schema_is_written_when_missing(project, cli, fake_extractor):
    (project / "content" / "event.schema.json").unlink()
    assert cli("-C", str(project), "ingest").code == 0
    schema = json.loads((project / "content" / "event.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "timeline event"


def test_extract_prints_events_as_json_and_writes_nothing(project, cli, fake_extractor):
    before = snapshot(project)
    files = [str(project / "content" / "articles" / n) for n in ("a-helsinki.txt", "b-helsinki-dated.txt")]
    result = cli("-C", str(project), "extract", *files, "--json")
    assert result.code == 0, result.err
    events = json.loads(result.out)
    assert len(events) == 1
    assert events[0]["date"] == "2021-09-22" and len(events[0]["sources"]) == 2
    assert events[0]["review"]["evidence"]["date"].startswith("date from b-helsinki-dated.txt")
    assert snapshot(project) == before


def test_extract_outside_a_project_uses_an_empty_registry(tmp_path, fake_extractor):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLES["d-new-person.txt"], encoding="utf-8")
    result = pipeline.extract_events([article], project_dir=tmp_path)
    assert result.problems == []
    [event] = result.events_json()
    assert event["participants"][0]["person"] == "jane-roe" and event["sources"][0]["article"] == "story.txt"


def test_append_sources_keeps_every_other_byte():
    text = ("# yaml-language-server: $schema=../event.schema.json\n# my notes\nid: x\ntitle: X\n"
            "sources:\n  - article: a.txt\n    quote: >-\n      folded long\n      text\n  # keep me\n\n"
            "# about threads\nthreads: []\n")
    result = stub_file.append_sources(text, [Source(article="b.txt", quote="new")])
    assert result == text.replace("  # keep me\n", "  # keep me\n  - article: b.txt\n    outlet: null\n"
                                  "    url: null\n    published: null\n    quote: new\n")
    assert stub_file.append_sources("id: x\nsources: []\n", [Source(article="b.txt")]) is None


@pytest.mark.skipif(not HAVE_EXTRACTOR, reason="timeline.extract.stub is not installed yet")
def test_seed_articles_become_three_stubs_and_reingest_is_idempotent(demo_project):
    shutil.rmtree(demo_project / "content" / "events")
    (demo_project / "content" / "events").mkdir()
    first = run_timeline("-C", str(demo_project), "ingest")
    assert first.returncode == 0, first.stderr
    events = {p.stem: load_content(Project(demo_project)).event(p.stem)
              for p in (demo_project / "content" / "events").glob("*.yaml")}
    by_articles = sorted(tuple(sorted(s.article for s in e.sources)) for e in events.values())
    seeds = sorted(p.name for p in SEEDS.iterdir())
    assert by_articles == [(seeds[0], seeds[1]), (seeds[2], seeds[3]), (seeds[4],)]
    before = snapshot(demo_project)
    second = run_timeline("-C", str(demo_project), "ingest")
    assert second.returncode == 0, second.stderr
    assert snapshot(demo_project) == before
    assert run_timeline("-C", str(demo_project), "check").returncode == 0


@pytest.mark.skipif(not HAVE_EXTRACTOR, reason="timeline.extract.stub is not installed yet")
def test_seed_articles_through_the_worker_pool_match_the_inline_run(demo_project):
    content = load_content(Project(demo_project))
    items = [(SEEDS / n, n, n) for n in sorted(p.name for p in SEEDS.iterdir())]
    inline = workers.extract_all(items, content.people, jobs=1)
    pooled = workers.extract_all(items, content.people, jobs=2, inline_below=0)
    assert [o.event.to_yaml() if o.event else o.problem for o in pooled] == \
        [o.event.to_yaml() if o.event else o.problem for o in inline]


# --- the ingest log: dismissed stubs stay dismissed, renamed articles are not ingested twice ----------


def test_a_stub_deleted_by_an_editor_is_not_recreated_until_its_article_changes(project, cli, fake_extractor):
    assert cli("-C", str(project), "ingest").code == 0
    log = (project / "content" / "ingest-log.yaml").read_text(encoding="utf-8")
    assert "  c-call.txt:\n    sha256: " in log and "    event: 2021-08-09-austin-calls-bajwa\n" in log
    (project / "content" / "events" / "2021-08-09-austin-calls-bajwa.yaml").unlink()
    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err
    assert "2021-08-09-austin-calls-bajwa" not in stubs(project)
    assert ("content/articles/c-call.txt  (dismissed by editor, not recreated "
            "(was content/events/2021-08-09-austin-calls-bajwa.yaml))") in result.err
    assert "    event: 2021-08-09-austin-calls-bajwa\n    dismissed: true\n" in \
        (project / "content" / "ingest-log.yaml").read_text(encoding="utf-8")
    before = snapshot(project)
    assert cli("-C", str(project), "ingest").code == 0
    assert snapshot(project) == before  # still dismissed, nothing rewritten

    article = project / "content" / "articles" / "c-call.txt"
    article.write_text(article.read_text(encoding="utf-8") + "summary: corrected by the outlet\n", encoding="utf-8")
    result = cli("-C", str(project), "ingest")
    assert "2021-08-09-austin-calls-bajwa" in stubs(project)  # the article changed: read again
    assert "    dismissed: true" not in (project / "content" / "ingest-log.yaml").read_text(encoding="utf-8")


def test_naming_a_dismissed_article_on_the_command_line_ingests_it_again(project, cli, fake_extractor):
    assert cli("-C", str(project), "ingest").code == 0
    (project / "content" / "events" / "2021-08-09-austin-calls-bajwa.yaml").unlink()
    assert cli("-C", str(project), "ingest").code == 0
    result = cli("-C", str(project), "ingest", str(project / "content" / "articles" / "c-call.txt"))
    assert result.code == 0, result.err
    assert "2021-08-09-austin-calls-bajwa" in stubs(project)


def test_a_renamed_article_is_recognised_by_its_bytes_and_not_ingested_twice(project, cli, fake_extractor):
    assert cli("-C", str(project), "ingest").code == 0
    articles = project / "content" / "articles"
    (articles / "2021").mkdir()
    (articles / "c-call.txt").rename(articles / "2021" / "austin-call.txt")
    stub = project / "content" / "events" / "2021-08-09-austin-calls-bajwa.yaml"
    stub.write_text(stub.read_text(encoding="utf-8").replace("article: c-call.txt", "article: 2021/austin-call.txt"),
                    encoding="utf-8")  # the editor follows the move, as `timeline check` asks
    (articles / "copy-of-d.txt").write_bytes((articles / "d-new-person.txt").read_bytes())
    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err
    assert sorted(stubs(project)) == ["2021-08-09-austin-calls-bajwa", "2021-09-22-milley-meets-gerasimov-in-helsinki",
                                      "2023-07-19-jane-roe-visits-kabul"]
    assert "content/articles/2021/austin-call.txt  (renamed from c-call.txt; not ingested again)" in result.err
    assert "content/articles/copy-of-d.txt  (same text as d-new-person.txt; not ingested again)" in result.err
    log = (project / "content" / "ingest-log.yaml").read_text(encoding="utf-8")
    assert "  2021/austin-call.txt:\n" in log and "c-call.txt" not in log
    assert cli("-C", str(project), "check").code == 0


def test_a_dismissed_article_moved_to_another_folder_stays_dismissed(project, cli, fake_extractor):
    assert cli("-C", str(project), "ingest").code == 0
    (project / "content" / "events" / "2021-08-09-austin-calls-bajwa.yaml").unlink()
    assert cli("-C", str(project), "ingest").code == 0
    articles = project / "content" / "articles"
    (articles / "old").mkdir()
    (articles / "c-call.txt").rename(articles / "old" / "c-call.txt")
    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err
    assert "2021-08-09-austin-calls-bajwa" not in stubs(project)
    assert "renamed from c-call.txt; not ingested again" in result.err
    assert "  old/c-call.txt:\n" in (project / "content" / "ingest-log.yaml").read_text(encoding="utf-8")
    before = snapshot(project)
    assert cli("-C", str(project), "ingest").code == 0
    assert snapshot(project) == before


def test_a_mangled_ingest_log_is_an_error_at_its_line(project, cli, fake_extractor):
    (project / "content" / "ingest-log.yaml").write_text(
        "articles:\n  a-helsinki.txt:\n    sha256: nothex\n    event: x\n", encoding="utf-8")
    result = cli("-C", str(project), "ingest")
    assert result.code == 1
    assert ("error: content/ingest-log.yaml:3:5: entry 'a-helsinki.txt': sha256 must be 64 hexadecimal digits; "
            "fix it, or delete the entry to have ingest read the article as new") in result.err
    assert stubs(project) == {}


# --- suggestions for editors' files --------------------------------------------------------------------


def test_new_facts_for_an_edited_stub_are_suggested_not_written(project, cli, fake_extractor):
    articles = project / "content" / "articles"
    dated = articles / "b-helsinki-dated.txt"
    later = dated.read_text(encoding="utf-8").replace("people: Mark Milley; Gen. Valery Gerasimov",
                                                      "people: Mark Milley; Gen. Valery Gerasimov; Dave Butler")
    dated.unlink()
    assert cli("-C", str(project), "ingest").code == 0
    stub = project / "content" / "events" / "undated-milley-meets-gerasimov-in-helsinki.yaml"
    edited = stub.read_text(encoding="utf-8").replace("title: Milley meets Gerasimov in Helsinki",
                                                      "title: Milley and Gerasimov meet in Helsinki")
    stub.write_text(edited, encoding="utf-8")
    dated.write_text(later, encoding="utf-8")

    result = cli("-C", str(project), "ingest")
    assert result.code == 0, result.err
    shown = "content/events/undated-milley-meets-gerasimov-in-helsinki.yaml"
    assert (f"{shown}: newer report gives date 2021-09-22 (day) from article b-helsinki-dated.txt; apply by hand"
            in result.err)
    assert f"{shown}: newer report names participant Dave Butler from article b-helsinki-dated.txt" in result.err
    text = stub.read_text(encoding="utf-8")
    assert text.startswith(edited[:edited.index("threads:")]) and "date: null" in text  # only a source appended
    stored = json.loads((project / ".timeline" / "suggestions.json").read_text(encoding="utf-8"))
    assert [(s["field"], s["value"], s["file"]) for s in stored] == [("date", "2021-09-22", shown),
                                                                     ("participant", "dave-butler", shown)]
    review = cli("-C", str(project), "review")
    assert f"{shown}:5" in review.out and "suggestion" in review.out
    # (The table wraps a long reason onto the next line to fit the terminal.)
    assert "newer report gives date 2021-09-22 (day) from article b-helsinki-dated.txt; apply by hand" in \
        " ".join(review.out.split())

    stub.write_text(stub.read_text(encoding="utf-8").replace("date: null", "date: 2021-09-22"), encoding="utf-8")
    again = cli("-C", str(project), "ingest")  # the editor applied the date: only the participant is left
    assert "newer report gives date" not in again.err
    assert "names participant Dave Butler" in again.err
    assert [s["field"] for s in json.loads((project / ".timeline" / "suggestions.json").read_text())] == ["participant"]


def test_stubs_rendered_in_the_worker_pool_match_the_inline_rendering(monkeypatch):
    monkeypatch.setattr(workers, "NORMALISE_IN_POOL_FROM", 2)
    config = load_content(Project(Path(__file__).resolve().parent.parent)).config
    events = [Event(id=f"e-{i}", title=f"Event {i}", date=parse_date_spec(f"2021-0{1 + i % 9}"),
                    kind="meeting" if i % 3 else "not-a-kind", place="Helsinki, Finland",
                    participants=[Participant(name="Mark Milley", person="mark-milley")],
                    sources=[Source(article=f"{i}.txt", quote="q")]) for i in range(40)]
    inline = workers.normalise_all(copy.deepcopy(events), config)
    with workers.worker_pool(2, load_content(Project(Path(__file__).resolve().parent.parent)).people) as pool:
        pooled = workers.normalise_all(events, config, pool)
    assert [(e.to_yaml(), body, found) for e, body, found in pooled] == \
        [(e.to_yaml(), body, found) for e, body, found in inline]
    assert pooled[0][0].kind == "other" and "kind" in pooled[0][0].review.needs  # unknown kinds flagged there too
    assert all(body is not None for _, body, _ in pooled)


def test_ingest_uses_the_project_kinds_vocabulary(make_project, cli):
    """A kind the extractor tells apart is kept when the project lists it, and is `other` when it does not."""
    article = (
        "Defence minister resigns after procurement scandal\n\n"
        "By Staff Reporter\n\nMarch 4, 2024\n\n"
        "WELLINGTON: New Zealand Defence Minister John Harland resigned on Monday after an inquiry into "
        "a procurement scandal, Prime Minister Anne Carter said.\n\n"
        "Harland said he had resigned to spare the government further embarrassment.\n"
    )
    with_kind = make_project({"content/timeline.yaml": "title: T\nkinds: [resignation]\n",
                              "content/articles/story.txt": article}, name="with")
    without = make_project({"content/timeline.yaml": "title: T\n", "content/articles/story.txt": article},
                           name="without")
    kinds = {}
    for root in (with_kind, without):
        result = cli("-C", str(root), "extract", str(root / "content/articles/story.txt"))
        assert result.code == 0, result.err
        kinds[root.name] = [e["kind"] for e in json.loads(result.out)]
    assert kinds["with"] == ["resignation"]
    assert kinds["without"] == ["other"]
