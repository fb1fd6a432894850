"""The seed story end to end through the real extractor: five articles, four stubs, linked, with reasons.

The two reports of Kurilla's visit give neither a date nor a publication day, and Kurilla met Munir more
than once, so they stay two stubs, each flagged as a possible duplicate of the other (issue 16).

The assertions are about structure (which articles merged, that threads and links carry reasons),
not about extraction wording, which the extraction work keeps improving.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS

from timeline.load.content import Project, load_content
from timeline.load.model import Event

MILLEY, KURILLA, AUSTIN = "mark-milley", "michael-erik-kurilla", "lloyd-austin"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "content").rglob("*")) if p.is_file()}


def events_of(root: Path) -> dict[str, Event]:
    content = load_content(Project(root))
    assert not content.problems.errors, content.problems.errors
    return {e.id: e for e in content.events}


def by_person(events: dict[str, Event], person: str) -> Event:
    [event] = [e for e in events.values() if person in {p.person for p in e.participants}]
    return event


def test_seed_articles_into_an_empty_project_become_four_linked_stubs(demo_project, cli):
    shutil.rmtree(demo_project / "content" / "events")
    (demo_project / "content" / "events").mkdir()
    first = cli("-C", str(demo_project), "ingest", "--quiet")
    assert first.code == 0, first.err
    events = events_of(demo_project)
    seeds = sorted(p.name for p in SEEDS.iterdir())
    assert sorted(tuple(sorted(s.article for s in e.sources)) for e in events.values()) == \
        [(seeds[0], seeds[1]), (seeds[2],), (seeds[3],), (seeds[4],)]
    milley, austin = by_person(events, MILLEY), by_person(events, AUSTIN)
    first_visit, second_visit = sorted((e for e in events.values() if KURILLA in {p.person for p in e.participants}),
                                       key=lambda e: e.sources[0].article)
    assert first_visit.review.duplicates == [second_visit.id] and second_visit.review.duplicates == [first_visit.id]
    assert "neither gives a date" in first_visit.review.notes["duplicates"]
    # The undated Helsinki report joined the dated one on people, kind and place: the join is explained and flagged.
    [undated] = [s for s in milley.sources if s.article == seeds[0]]
    assert undated.joined.startswith("same participants (Mark Milley, Valery Gerasimov); both a meeting; the same place")
    assert "sources" in milley.review.needs and seeds[0] in milley.review.notes["sources"]
    kurilla = first_visit

    # Thread suggestions follow the rules in timeline.yaml, each with the rule that matched.
    assert {"afghanistan-to-centcom", "us-russia-military-channel"} <= set(milley.threads)
    for event in (kurilla, austin):
        assert {"afghanistan-to-centcom", "us-pakistan-military-ties"} <= set(event.threads)
        note = event.review.notes["threads"]
        assert all(f"{thread}: participant " in note and "(rule people: " in note for thread in event.threads
                   if thread != "pakistan-militancy")

    # Related links between the stubs, each with its reason; and the background mentions kept.
    for event in (milley, kurilla, austin):
        assert event.related, event.id
        assert all(r.reason.startswith("shares ") and r.id in events for r in event.related)
    assert any("thread us-pakistan-military-ties" in r.reason for r in kurilla.related if r.id == austin.id)
    assert any(m.date is not None and m.date.iso() == "2019-12" and m.quote for m in milley.mentions)
    assert any("December" in (m.quote or "") for m in kurilla.mentions)

    log = (demo_project / "content" / "ingest-log.yaml").read_text(encoding="utf-8")
    assert all(f"  {name}:\n    sha256: " in log for name in seeds)
    before = snapshot(demo_project)
    again = cli("-C", str(demo_project), "ingest", "--quiet")
    assert again.code == 0, again.err
    assert snapshot(demo_project) == before
    assert cli("-C", str(demo_project), "check").code == 0


def test_the_full_demo_project_is_left_byte_for_byte_unchanged(demo_project, cli):
    before = snapshot(demo_project)
    result = cli("-C", str(demo_project), "ingest", "--quiet")
    assert result.code == 0, result.err
    assert snapshot(demo_project) == before  # every article is already cited by a reviewed event
    assert "already in edited events     5  (unchanged; not read again)" in result.err
    assert "created                      0" in result.err


def test_he_last_visited_in_december_links_to_the_december_visit(demo_project, cli):
    """Only the December 2022 visit exists; the July report says "He last visited in December"."""
    events_dir = demo_project / "content" / "events"
    for path in events_dir.glob("*.yaml"):
        if not path.name.startswith("2022-12-15-"):
            path.unlink()
    december = next(events_dir.glob("*.yaml"))
    text = december.read_text(encoding="utf-8")
    december.write_text(text[:text.index("related:")] + "related: []\n" + text[text.index("review:"):],
                        encoding="utf-8")
    articles = sorted(SEEDS.iterdir())[2:4]  # the two reports of the July meeting, named as an editor would
    result = cli("-C", str(demo_project), "ingest", "--quiet",
                          *(str(demo_project / "content" / "articles" / p.name) for p in articles))
    assert result.code == 0, result.err
    events = events_of(demo_project)
    assert december.read_text(encoding="utf-8") == text.replace(text[text.index("related:"):text.index("review:")],
                                                                "related: []\n")  # the editor's file untouched
    stubs = [e for e in events.values() if e.is_draft]
    assert sorted(s.article for e in stubs for s in e.sources) == [p.name for p in articles]  # not in December
    [stub] = [e for e in stubs if any("December" in (m.quote or "") for m in e.mentions)]
    [mention] = [m for m in stub.mentions if "December" in (m.quote or "")]
    assert mention.event == december.stem
    reason = next(r.reason for r in stub.related if r.id == december.stem)
    assert reason.startswith("mentioned in its report: ")
    if mention.date is not None and "mentions" in stub.review.needs:  # the year was inferred, not read
        assert reason.endswith("; linked by participants; year inferred (2022-12)")
        assert "year inferred (2022-12): check it" in stub.review.notes["mentions"]
    before = snapshot(demo_project)
    again = cli("-C", str(demo_project), "ingest", "--quiet",
                *(str(demo_project / "content" / "articles" / p.name) for p in articles))
    assert again.code == 0, again.err
    assert snapshot(demo_project) == before  # the link, its reason and its flag are stable
