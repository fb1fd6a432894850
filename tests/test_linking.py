"""Thread suggestions, related links and mention targets, each with its reason; near-linear cost."""

from __future__ import annotations

from timeline.ingest.linking import detect_organisations, link_events, month_without_year
from timeline.load.config import Config, Thread, ThreadRules
from timeline.load.model import Event, Mention, Participant, Source
from timeline.load.people import PeopleRegistry, Person
from timeline.partial_date import parse_date_spec

PEOPLE = PeopleRegistry([
    Person("michael-erik-kurilla", "Michael Erik Kurilla", aliases=["Michael Kurilla"]),
    Person("asim-munir", "Asim Munir", aliases=["Syed Asim Munir"]),
    Person("lloyd-austin", "Lloyd Austin"),
    Person("qamar-javed-bajwa", "Qamar Javed Bajwa"),
])
CONFIG = Config(threads=[
    Thread("us-pakistan", "U.S.-Pakistan ties", rules=ThreadRules(people=["Asim Munir", "Lloyd Austin"],
                                                                  organisations=["ISPR"])),
    Thread("militancy", "Militancy", rules=ThreadRules(organisations=["TTP"], phrases=["safe haven", "ceasefire"])),
    Thread("calls", "Phone diplomacy", rules=ThreadRules(kinds=["call"])),
    Thread("europe", "Europe", rules=ThreadRules(places=["Helsinki"])),
])


def event(event_id: str, date: str | None, people: list[str] = (), kind: str = "meeting", place: str | None = None,
          text: str = "", mentions: list[Mention] | None = None) -> Event:
    return Event(
        id=event_id, title=event_id.replace("-", " "), date=parse_date_spec(date) if date else None, kind=kind,
        place=place, summary=text,
        participants=[Participant(name=PEOPLE.get(p).name if PEOPLE.get(p) else p, title="Gen.", person=p)
                      for p in people],
        sources=[Source(article=f"{event_id}.txt", quote=text or None)],
        mentions=mentions or [],
    )


def test_thread_suggestions_name_the_rule_that_matched():
    meeting = event("kurilla-meets-munir", "2023-07-24", ["michael-erik-kurilla", "asim-munir"],
                    text="The ISPR said terrorist safe havens in Afghanistan were discussed.")
    attack = event("ttp-attack", "2023-07-12", kind="attack", text="The TTP ended its ceasefire.")
    call = event("austin-calls-bajwa", "2021-08-09", ["lloyd-austin", "qamar-javed-bajwa"], kind="call")
    summit = event("helsinki-meeting", "2021-09-22", place="Helsinki, Finland")
    links = link_events([meeting, attack, call, summit], CONFIG, PEOPLE)
    found = {key: [(s.thread, s.reason) for s in value] for key, value in links.threads.items()}
    assert found["kurilla-meets-munir"] == [
        ("us-pakistan", "participant Gen. Asim Munir (rule people: Asim Munir)"),
        ("militancy", 'phrase "safe havens" (rule phrases)'),
    ]
    assert found["ttp-attack"] == [("militancy", "organisation TTP (rule organisations)")]
    assert found["austin-calls-bajwa"] == [("us-pakistan", "participant Gen. Lloyd Austin (rule people: Lloyd Austin)"),
                                           ("calls", "kind call (rule kinds)")]
    assert found["helsinki-meeting"] == [("europe", "place Helsinki (rule places)")]


def test_related_links_share_participants_organisations_or_themes_with_reasons():
    first = event("kurilla-munir-december", "2022-12-15", ["michael-erik-kurilla", "asim-munir"], kind="visit",
                  place="Rawalpindi, Pakistan", text="CENTCOM commander visits GHQ.")
    second = event("kurilla-munir-july", "2023-07-24", ["michael-erik-kurilla", "asim-munir"],
                   place="Rawalpindi, Pakistan", text="CENTCOM and ISPR on safe havens.")
    call = event("austin-bajwa", "2021-08-09", ["lloyd-austin", "qamar-javed-bajwa"], kind="call",
                 place="Islamabad, Pakistan", text="Talks on safe havens along the border, the Pentagon said.")
    unrelated = event("election", "2022-01-01", ["someone-else"], kind="election", place="Lima, Peru")
    links = link_events([first, second, call, unrelated], CONFIG, PEOPLE)
    [related] = links.related["kurilla-munir-december"]
    assert related.id == "kurilla-munir-july"
    assert related.reason.startswith("shares participant Gen. Asim Munir; participant Gen. Michael Erik Kurilla")
    assert [r.id for r in links.related["kurilla-munir-july"]][0] == "kurilla-munir-december"
    assert next(r.reason for r in links.related["austin-bajwa"] if r.id == "kurilla-munir-july") == \
        'shares country Pakistan; theme "safe haven"; thread us-pakistan'  # no one in common: country, theme, thread
    assert links.related["election"] == []


def test_only_the_requested_events_get_suggestions():
    a = event("a", "2022-12-15", ["asim-munir"])
    b = event("b", "2023-07-24", ["asim-munir"])
    links = link_events([a, b], CONFIG, PEOPLE, only={"b"})
    assert set(links.related) == {"b"} and [r.id for r in links.related["b"]] == ["a"]


def test_a_mention_links_to_the_event_it_refers_to():
    december = event("kurilla-visits-december", "2022-12-15", ["michael-erik-kurilla", "asim-munir"], kind="visit")
    call = event("kurilla-calls-munir", "2022-12-02", ["michael-erik-kurilla", "asim-munir"], kind="call")
    truce = event("ttp-ends-truce", "2022-11", kind="statement",
                  text="The Pakistani Taliban ended their truce with the government.")
    host = event("kurilla-meets-munir", "2023-07-24", ["michael-erik-kurilla", "asim-munir"], mentions=[
        Mention("Kurilla's previous visit", parse_date_spec("2022-12"), quote="He last visited in December."),
        Mention("Taliban end truce", parse_date_spec("2022-11"),
                quote="since the Pakistani Taliban terminated their delicate truce with the government"),
        Mention("Someone's trip", parse_date_spec("2020-01"), quote="He visited Paris in January 2020."),
    ])
    links = link_events([december, call, truce, host], CONFIG, PEOPLE)
    assert links.mentions["kurilla-meets-munir"] == {0: "kurilla-visits-december", 1: "ttp-ends-truce"}
    reasons = {r.id: r.reason for r in links.related["kurilla-meets-munir"]}
    assert reasons["kurilla-visits-december"] == "mentioned in its report: Kurilla's previous visit"


def test_an_undated_mention_points_back_only_to_an_earlier_event():
    earlier = event("earlier-visit", "2022-12-15", ["michael-erik-kurilla", "asim-munir"], kind="visit")
    later = event("later-visit", "2024-01-10", ["michael-erik-kurilla", "asim-munir"], kind="visit")
    host = event("host", "2023-07-24", ["michael-erik-kurilla", "asim-munir"],
                 mentions=[Mention("the previous visit", None, quote="He visited before.")])
    assert link_events([earlier, later, host], CONFIG, PEOPLE).mentions == {"host": {0: "earlier-visit"}}


def test_organisations_are_detected_generically():
    found = detect_organisations("The Inter-Services Public Relations (ISPR) said US Central Command and NATO "
                                 "met the Pentagon and the Ministry of Defence of the UK.")
    assert {"ISPR", "NATO", "US Central Command", "Pentagon", "Ministry of Defence"} <= found
    assert "UK" not in found and "US" not in found


def _synthetic(count: int) -> list[Event]:
    people = [f"person-{i}" for i in range(200)]
    return [event(f"event-{i:05d}", f"{2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                  [people[i % 200], people[(i * 7) % 200]], place=f"City {i % 50}, Country {i % 9}",
                  text="Talks on counterterrorism and CENTCOM.") for i in range(count)]


def test_link_events_comparisons_grow_linearly():
    small = link_events(_synthetic(2_000), CONFIG, PEOPLE)
    large = link_events(_synthetic(8_000), CONFIG, PEOPLE)
    assert len(large.related) == 8_000 and all(len(r) <= 3 for r in large.related.values())
    # 4x the events: a linear method does about 4x the comparisons, all pairs would be 16x.
    assert large.comparisons <= 4.5 * small.comparisons


def test_a_shared_participant_always_ranks_before_other_links():
    host = event("host", "2023-07-24", ["asim-munir"], place="Rawalpindi, Pakistan",
                 text="CENTCOM, ISPR and NATO on safe havens and counterterrorism.")
    lookalikes = [event(f"lookalike-{i}", f"2023-07-{20 + i}", [f"stranger-{i}"], place="Rawalpindi, Pakistan",
                        text="CENTCOM, ISPR and NATO on safe havens and counterterrorism.") for i in range(3)]
    far = event("munir-years-ago", "2019-01-01", ["asim-munir"], kind="call")
    related = link_events([host, far, *lookalikes], CONFIG, PEOPLE).related["host"]
    assert related[0].id == "munir-years-ago" and related[0].reason.startswith("shares participant Gen. Asim Munir")
    assert len(related) == 3


def test_a_shared_thread_and_theme_make_a_link_a_thread_alone_does_not():
    call = event("austin-call", "2021-08-09", ["lloyd-austin"], kind="call", text="Talks on counterterrorism.")
    visit = event("munir-visit", "2023-07-24", ["asim-munir"], text="Counterterrorism cooperation was discussed.")
    lone = event("munir-alone", "2023-08-01", ["qamar-javed-bajwa"], kind="visit")
    links = link_events([call, visit, lone], CONFIG, PEOPLE)
    assert [(r.id, r.reason) for r in links.related["austin-call"]] == [
        ("munir-visit", 'shares theme "counterterrorism"; thread us-pakistan')]
    assert links.related["munir-alone"] == []  # nothing in common with either
    visit.threads = ["us-pakistan"]  # an editor's event keeps the threads written in its file
    links = link_events([call, visit, lone], CONFIG, PEOPLE, only={"austin-call"})
    assert [r.id for r in links.related["austin-call"]] == ["munir-visit"]


def test_a_month_without_a_year_names_one_month():
    def month(text: str) -> int | None:
        return month_without_year(Mention("x", None, quote=text))

    assert month("He last visited in December, weeks after the change of command.") == 12
    assert month("They met in December 2019.") is None  # a year: not a guess
    assert month("Officials may meet again.") is None and month("Talks resumed in May.") == 5
    assert month("Between March and April.") is None


def test_a_mention_with_a_month_but_no_year_links_by_participants_when_one_event_fits():
    december = event("kurilla-visits-december", "2022-12-15", ["michael-erik-kurilla", "asim-munir"], kind="visit")
    old = event("kurilla-visits-years-ago", "2020-12-10", ["michael-erik-kurilla", "asim-munir"], kind="visit")
    host = event("kurilla-meets-munir", "2023-07-24", ["michael-erik-kurilla", "asim-munir"], mentions=[
        Mention("his previous visit", None, quote="He last visited in December, weeks after the change of command.")])
    links = link_events([december, old, host], CONFIG, PEOPLE)
    assert links.mentions["kurilla-meets-munir"] == {0: "kurilla-visits-december"}  # 2020 is outside the year before
    assert links.inferred["kurilla-meets-munir"] == {0: "2022-12"}
    assert links.related["kurilla-meets-munir"][0].reason == (
        "mentioned in its report: his previous visit; linked by participants; year inferred (2022-12)")

    host.date = None  # no date and no publication date: any December, so two candidates and no link
    links = link_events([december, old, host], CONFIG, PEOPLE)
    assert "kurilla-meets-munir" not in links.mentions
    links = link_events([december, host], CONFIG, PEOPLE)
    assert links.mentions["kurilla-meets-munir"] == {0: "kurilla-visits-december"}


def test_a_mention_linked_earlier_still_makes_a_related_link():
    december = event("kurilla-visits-december", "2022-12-15", ["michael-erik-kurilla", "asim-munir"], kind="visit")
    host = event("host", "2023-07-24", ["lloyd-austin"], mentions=[
        Mention("Kurilla's previous visit", parse_date_spec("2022-12"), event="kurilla-visits-december",
                quote="He last visited in December.")])
    links = link_events([december, host], CONFIG, PEOPLE)
    assert links.related["host"][0].id == "kurilla-visits-december"
    assert links.related["host"][0].reason == "mentioned in its report: Kurilla's previous visit"


def test_the_site_explains_a_thread_by_the_rules_ingest_applied():
    """Ingest's suggestion and the thread page's "why it is here" come from one matcher: same rules, same words."""
    from timeline.load.thread_rules import ThreadMatcher, describe_matches

    meeting = event("kurilla-meets-munir", "2023-07-24", ["michael-erik-kurilla", "asim-munir"],
                    text="The ISPR said terrorist Safe-Havens in Afghanistan were discussed.")
    lowercase = event("ttp-slug", "2023-07-12", kind="attack", text="see ttp-attack.html for more")
    town = event("helsinkian-club", "2021-09-22", place="Helsinkian Club, Turku, Finland")
    links = link_events([meeting, lowercase, town], CONFIG, PEOPLE)
    militancy = ThreadMatcher(CONFIG.threads[1], PEOPLE)
    us_pakistan = ThreadMatcher(CONFIG.threads[0], PEOPLE)
    europe = ThreadMatcher(CONFIG.threads[3], PEOPLE)
    # The phrase rule matches whatever the case and hyphenation, on both sides.
    assert ("militancy", 'phrase "Safe-Havens" (rule phrases)') in [(s.thread, s.reason) for s in links.threads[meeting.id]]
    assert describe_matches(militancy.matches(meeting)) == "Matches the thread’s phrases: “safe haven”."
    assert describe_matches(us_pakistan.matches(meeting)) == "Matches the thread’s people: Asim Munir; organisations: “ISPR”."
    # An organisation is matched in the case written, and a place as a whole word, on both sides.
    assert links.threads[lowercase.id] == [] and militancy.matches(lowercase) == []
    assert links.threads[town.id] == [] and europe.matches(town) == []
