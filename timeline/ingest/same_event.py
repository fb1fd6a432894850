"""Whether two reports describe the same happening: the rules merging applies, one pair at a time.

Real reports of one happening disagree, and reports of two happenings between the same people look alike,
so each rule below says what is tolerated and what never joins (docs/merging.md says the same for editors):

- People. Matched by registry id, by name once transliteration is folded ("Shoigu"/"Shoygu"), among the people an
  article names without extraction making them participants (and, for a report that kept fewer than two, among
  the people both articles name), and by office ("Russia's defence minister") for a
  participant whose role the other event records, when the other names nobody of that country still unmatched
  (`people_match.py`). Two events need two people in common, or one each and the same one.
- Dates. Spans that overlap at their real precision agree. Two days one apart agree (time zones, a paper's
  publication day, "Tuesday night" against a Monday readout); the disagreement is shown, never hidden
  (`conflicts.py`; the date rules are in `date_fit.py`). Weeks apart, an otherwise identical report is a possible
  duplicate, no more.
- Kind and place. Meeting, talks, visit, summit and agreement are one family; a call never joins a meeting, unless
  the very same people on the very same day: extraction reads a "discussion" either way. Two reports giving the
  very same kind agree even where it was flagged as a guess (`kind_match.py`). A city fits its country, a venue its
  city, and two towns under 10 km apart are one city; two countries never join (`place_match.py`), unless one is
  only the dateline's, where the story was filed, and the same people meet on the same day.
- Copies. Copies of one story (`shared_text.py`) join without a date; dated copies weeks apart stay possible
  duplicates.
- Weak evidence. Two undated reports (a year alone counts as undated) join only as copies of one story. Reports
  without participants join only on the same kind, day and place. An undated report joins a dated event only
  when every participant it names is the event's, the kind and the place agree, and it came out within a week
  after the event, or both name the same place for the very same kind (a visit there and a meeting there may be
  two trips: such a report joins no event), or (with no publication day) the day of the year it names with no
  year is the event's, or the weekday it names is the event's, for the very same kind with no place in either,
  in a report that names a year or month near it. A report with nothing to date it never joins on its people,
  kind and topic: the same people call about the same things again and again. Each such join is flagged for
  review. Undated reports are placed last, so one that fits two events joins neither. A report with no date of
  its own never joins an editor's event: it is offered to the editor instead, where it would have joined an open
  event.

A wrong merge hides an event, while a missed one costs an editor a minute: anything short of these rules
is written down as a possible duplicate for a human to decide.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..load.model import Event, Mention, Participant
from ..load.people import PeopleRegistry, name_key
from ..load.thread_rules import rule_text
from ..partial_date import DAY
from .date_fit import (
    CLOSE_DAYS,
    MONTH_NAMES,
    WEEKDAYS,
    DateFit,
    dates_compatible,
    day_of_year_fits,
    days_apart,
    fit_dates,
    long_before_its_page,
    published_days,
    published_just_after,
    reported_before_it_happened,
    stated_day_of_year,
    stated_weekday,
    vague,
    weekday_fits,
)
from .kind_match import ONE_DAY_ALIKE, kind_family, kind_of, kinds_agree, kinds_compatible, same_kind
from .people_match import NameForm, event_forms, event_people, named_by_office, same_person, shared_people
from .place_match import CONFLICT, NEAR, UNKNOWN, WITHIN, match_places, place_only_filed_from
from .place_match import SAME as SAME_PLACE
from .shared_text import copies_of_one_story

SAME = "same"
MAYBE = "maybe"  # possible duplicate: a human decides
DIFFERENT = "different"

RECENT_MENTION_DAYS = 3  # a mention this close before publication may be the report's own event
UNDATED_SCORE = 3  # the score of a join made without a date of its own: a weekday, a publication day, a place
SAME_SENTENCE_SCORE = 20  # above any other verdict's score, so the +2 margin always picks that event
COPY_SCORE = 6  # two points above a weekday's or a publication day's join, so a copy decides between them



@dataclass
class Verdict:
    """How two reports compare: same event, possible duplicate or different, with a score and why.

    `check` is set on a join made on the weakest evidence the rules allow: the editor is asked to confirm it.
    `offer` marks a possible duplicate to offer an editor as a source for their reviewed event. `date_doubt`
    says why a report that stays apart may carry a wrong date (a repost's stamp weeks after the event). `rival`
    marks a possible duplicate that the report fits nearly as well as the event it would join: it joins neither.
    """

    outcome: str
    score: int = 0
    reason: str = ""
    check: str = ""
    offer: bool = False
    date_doubt: str = ""
    rival: bool = False


@dataclass(frozen=True)
class Context:
    """What a comparison may use beyond the two events: people each article names, and the registry."""

    named: Mapping[str, Sequence[NameForm]] | None = None  # article -> people it names
    people: PeopleRegistry | None = None
    passages: Mapping[str, frozenset[int]] | None = None  # article -> fingerprints of its passages (shared_text)


def place_parts(place: str | None) -> list[str]:
    """`General Headquarters, Rawalpindi, Pakistan` -> its comma parts, spelling-insensitive."""
    if not place:
        return []
    return [p for p in (name_key(part) for part in place.split(",")) if p]


def compare_places(a: str | None, b: str | None) -> str:
    """`same`, `within` (a city and its country), `near` (towns nearby: uncertain), `unknown` or `conflict`.

    See `place_match`: the gazetteer decides containment, so "Helsinki" fits "Finland" and
    "Islamabad" fits "Pakistan", while places in two countries never do.
    """
    return match_places(a, b).outcome


_MONTH = re.compile(r"(?P<prep>\b(?:in|last|since|until|early|late|mid|during|from|on)[\s-]+)?\b(?P<month>"
                    + "|".join([m.capitalize() for m in MONTH_NAMES]
                               + [m[:3].capitalize() + r"\." for m in MONTH_NAMES if len(m) > 4])
                    + r")(?!\w)(?:\s+(?P<day>[0-3]?\d)\b(?!,?\s*\d{4}))?")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SUBJECT_PRONOUN = re.compile(r"\b(he|she|they|the two|both men|both leaders)\b", re.IGNORECASE)


def month_without_year(mention: Mention) -> int | None:
    """The month an undated mention names without a year ("He last visited in December" -> 12), if exactly one."""
    found = _month_and_day(mention)
    return found[0] if found else None


def _month_and_day(mention: Mention) -> tuple[int, int | None] | None:
    """(month, day or None) an undated mention names without a year ("On September 5, Ruto said" -> (9, 5))."""
    if mention.date is not None:
        return None
    text = f"{mention.summary} {mention.quote or ''}"
    if _YEAR.search(text):
        return None  # a year is written: dating it is the extractor's job, not a guess here
    found: set[tuple[int, int | None]] = set()
    for match in _MONTH.finditer(text):
        word = match["month"].rstrip(".").lower()
        if word == "may" and not match["prep"]:
            continue  # "may" is also a verb; only "in May", "last May"... name the month
        month = next(i for i, m in enumerate(MONTH_NAMES, 1) if m.startswith(word))
        day = int(match["day"]) if match["day"] and 1 <= int(match["day"]) <= 31 else None
        found.add((month, day))
    months = {m for m, _ in found}
    if len(months) != 1:
        return None
    days = {d for _, d in found if d is not None}
    return months.pop(), (days.pop() if len(days) == 1 else None)


def _cites_same_sentence(event: Event, other: Event) -> bool:
    """True when `other` already cites one of `event`'s articles with the very sentence `event` stands on.

    That is the report's own event from an earlier run, whatever its mentions say: an article whose
    "last visited in December" falls in the month of its own December meeting must still find it.
    """
    quotes = {(s.article, s.quote) for s in event.sources if s.article and s.quote}
    return any((s.article, s.quote) in quotes for s in other.sources)


def _may_be_its_own_event(event: Event, mention: Mention) -> bool:
    """A dated mention within a day of the report's own date, or (in an undated report) just before its publication,
    may be the report's own happening, which extraction also listed as a mention; only the others are background."""
    if mention.date is None:
        return False
    if event.date is not None:
        return days_apart(mention.date, event.date) <= CLOSE_DAYS
    published = [s.published.last_day() for s in event.sources if s.published is not None]
    return any(0 <= (day - mention.date.last_day()).days <= RECENT_MENTION_DAYS for day in published)


def _mentions_as_background(event: Event, other: Event) -> bool:
    """True when `event`'s article reports `other` as an earlier or background happening."""
    if _cites_same_sentence(event, other) or _cites_same_sentence(other, event):
        return False
    if other.date is None:
        return any(m.event == other.id for m in event.mentions)
    surnames = {name_key(p.name).split()[-1] for p in other.participants if name_key(p.name)}
    for mention in event.mentions:
        if mention.event and mention.event == other.id:
            return True
        text = f"{mention.summary} {mention.quote or ''}"
        if mention.date is None:
            # "He last visited in December": no year, but the same people in that month is what it recalls.
            found = _month_and_day(mention)
            if found is None or found[0] not in (other.date.first_day().month, other.date.last_day().month):
                continue
            if found[1] is not None and other.date.precision == DAY and found[1] != other.date.first_day().day:
                continue  # "On September 5" recalls another day than a call on 7 September
            if found[1] is not None and found == stated_day_of_year(event):
                continue  # the very day the report's own date sentence names: its own happening, not background
            if _SUBJECT_PRONOUN.search(text) and _people_within(other, event):
                return True
        elif not dates_compatible(mention.date, other.date) or _may_be_its_own_event(event, mention):
            continue
        if surnames & set(name_key(text).split()):
            return True
    return False


def _people_within(small: Event, large: Event) -> bool:
    mine, theirs = event_forms(small), event_forms(large)
    return bool(mine) and len(shared_people(mine, theirs)) == len(mine)


@dataclass(frozen=True)
class PeopleFit:
    """Who two events have in common, however each names them."""

    shared: tuple[str, ...]  # display names of the people in common
    everyone: bool  # every participant of each side is found in the other
    single: bool  # each side has exactly one participant, the same person
    within: tuple[bool, bool]  # every participant of the first side is found in the second; and the reverse

    @property
    def strong(self) -> bool:
        return len(self.shared) >= 2 or self.single


def fit_people(a: Event, b: Event, context: Context) -> PeopleFit:
    """Match participants both ways: as participants, among the people the other's article names, or by office."""
    people_a, people_b = event_people(a), event_people(b)
    named_a, named_b = _named_in(a, context), _named_in(b, context)
    shared: list[NameForm] = []  # one form per person in common

    def add(form: NameForm) -> None:
        if not any(same_person(form, f) for f in shared):
            shared.append(form)

    pairs = shared_people([f for _, f in people_a], [f for _, f in people_b])
    covered_a, covered_b = {x for x, _ in pairs}, {y for _, y in pairs}
    for x, _ in pairs:
        add(x)
    sides = ((people_a, named_b, b, covered_a, covered_b), (people_b, named_a, a, covered_b, covered_a))
    for mine, other_named, other, covered, theirs in sides:
        text = None
        for participant, form in mine:
            if form in covered:
                continue
            found = any(same_person(form, n) for n in _candidates(form, other_named))
            if not found:
                text = rule_text(other) if text is None else text
                found = not _another_may_hold_it(participant, other, theirs) and any(
                    named_by_office(text, role, country) for role, country in _offices(participant, context))
            if found:
                covered.add(form)
                add(form)
    if len(people_a) < 2 or len(people_b) < 2:
        # A side whose extraction kept fewer than two participants (a transcript, a joint statement's page): the
        # people both articles name stand in for them.
        for form in named_a:
            if any(same_person(form, n) for n in _candidates(form, named_b)):
                add(form)
    single = len(people_a) == len(people_b) == 1 and len(pairs) == 1
    # Every participant of each side is found in the other; a side whose participants extraction missed
    # counts when its article names all of the other side's.
    enough = bool(people_a or people_b) and (len(shared) >= 2 or single)
    within = (enough and len(covered_a) == len(people_a), enough and len(covered_b) == len(people_b))
    return PeopleFit(tuple(_display(f, context) for f in shared), all(within), single, within)


def _another_may_hold_it(participant: Participant, event: Event, matched: set[NameForm]) -> bool:
    """True when `event` has a participant of the same country (or of none known) not matched to anyone yet: "Iran's
    foreign minister" in a report of Araghchi's call is Araghchi, not Zarif, who held the office before him."""
    return any(form not in matched and (not other.country or not participant.country or other.country == participant.country)
               for other, form in event_people(event))


def _display(form: NameForm, context: Context) -> str:
    """The registry's name for a person when known ("Mark Milley"), else the report's ("General Mark Milley")."""
    person = context.people.get(form.key) if context.people is not None else None
    return person.name if person is not None else form.name


def _candidates(form: NameForm, named: list[NameForm]) -> list[NameForm]:
    """The forms in `named` that may be the same person as `form`: same key, surname or leading word (see
    `same_person`); the rest cannot be, and testing them all is most of a big ingest's merging."""
    index = _name_index(tuple(named))
    found: list[NameForm] = []
    for word in {form.key, form.surname, form.words[0] if form.words else ""}:
        found.extend(index.get(word, ()))
    return found


@lru_cache(maxsize=1024)
def _name_index(named: tuple[NameForm, ...]) -> dict[str, tuple[NameForm, ...]]:
    index: dict[str, list[NameForm]] = {}
    for form in named:
        for word in {form.key, form.surname, form.words[0] if form.words else ""}:
            index.setdefault(word, []).append(form)
    return {word: tuple(forms) for word, forms in index.items()}


def _named_in(event: Event, context: Context) -> list[NameForm]:
    if not context.named:
        return []
    return [form for s in event.sources if s.article for form in context.named.get(s.article, ())]


def _offices(participant: Participant, context: Context) -> list[tuple[str | None, str | None]]:
    """The offices a participant is known by: the event's own role and country, then the registry's roles."""
    offices = [(participant.role, participant.country)] if participant.role else []
    person = context.people.get(participant.person) if context.people is not None and participant.person else None
    if person is not None:
        offices += [(role.role, role.country or person.country) for role in person.roles if role.role]
    return offices


def _people_words(people: PeopleFit) -> str:
    return "same participants (" + ", ".join(people.shared) + ")"


def _date_words(a: Event, b: Event, fit: DateFit) -> str:
    if fit.outcome == "overlap":
        dates = sorted({d.iso() for d in (a.date, b.date) if d is not None})
        return "same date " + dates[0] if len(dates) == 1 else "compatible dates " + " and ".join(dates)
    return fit.reason


def compare_events(a: Event, b: Event, context: Context | None = None, *, reviewed: bool = False) -> Verdict:
    """Whether report `a` describes the same happening as event `b`; `reviewed`: `b` is an editor's file."""
    context = context or Context()
    if _cites_same_sentence(a, b) or _cites_same_sentence(b, a):
        # An event from an earlier run of this article: re-ingesting must find it, not make a twin.
        return Verdict(SAME, SAME_SENTENCE_SCORE, "already cites this report's sentence")
    # Dates first: they part most candidate pairs, and cost far less than matching people.
    dates = fit_dates(a, b)
    if dates.outcome == "apart":
        return Verdict(DIFFERENT, reason=dates.reason)
    people = fit_people(a, b, context)
    if a.participants and b.participants and not people.shared:
        return Verdict(DIFFERENT, reason="no participant in common")
    match = match_places(a.place, b.place)
    place = match.outcome
    if _mentions_as_background(a, b) or _mentions_as_background(b, a):
        return Verdict(DIFFERENT, reason="one report mentions the other as background")
    if reported_before_it_happened(a, b) or reported_before_it_happened(b, a):
        return Verdict(DIFFERENT, reason="published before the other happened")
    conflicts = []
    one_day = _same_people_on_one_day(a, b, dates, people)
    if place == CONFLICT and one_day and (place_only_filed_from(a) or place_only_filed_from(b)):
        place = UNKNOWN  # where the story was filed, not where it happened; the disagreement is still shown
    if not kinds_compatible(kind_of(a), kind_of(b)) and not (one_day and {kind_of(a), kind_of(b)} <= ONE_DAY_ALIKE):
        conflicts.append(f"a {kind_of(a)} vs a {kind_of(b)}")
    if place == CONFLICT:
        conflicts.append(match.reason or f"{a.place} vs {b.place}")
    if conflicts:
        if people.strong and dates.outcome in ("overlap", "close"):
            return Verdict(MAYBE, reason=f"same participants on {'overlapping' if dates.outcome == 'overlap' else 'close'} "
                                         f"dates, but {'; '.join(conflicts)}")
        return Verdict(DIFFERENT, reason="; ".join(conflicts))
    if not a.participants and not b.participants:
        return _compare_without_people(a, b, place)
    if not people.strong:
        if _on_one_day(a, b, dates) and people.shared and place == SAME_PLACE:
            return Verdict(MAYBE, reason="a participant in common on the same day and in the same place")
        return Verdict(DIFFERENT, reason="too few participants in common")
    said = _people_words(people)
    if reviewed and vague(a):
        # Offered, never appended; and offered only where it would have joined an open event, so that an undated
        # report of one visit is not offered to every other visit of the same people.
        fit = _compare_undated_with_dated(a, b, people, place) if not vague(b) else None
        if fit is not None and fit.outcome != SAME and not _copy_of_its_story(a, b, place, context):
            return fit
        return Verdict(MAYBE, reason=f"{said}, but the report gives no date of its own", offer=True)
    if reviewed and long_before_its_page(a):
        return Verdict(MAYBE, reason=f"{said}, but the report's date lies weeks before its own publication: "
                                     "background in a story about something else?", offer=True)
    if dates.outcome == "undated" and _copy_of_its_story(a, b, place, context):
        # Two copies of one story (a repost without its date line) report one happening, whatever dates them.
        undated = sorted(first_article(e) or "a report" for e in (a, b) if vague(e))
        return Verdict(SAME, COPY_SCORE, f"{said}; both articles print the same passage about them word for word",
                       check=f"{' and '.join(undated)} {'give' if len(undated) > 1 else 'gives'} no date of its own: "
                             "joined as a copy of the same story")
    if dates.outcome == "weeks":
        if people.everyone and kind_family(kind_of(a), kind_of(b)):
            return Verdict(MAYBE, reason=f"{said} and kind, but {dates.reason}: a late report's date, or another "
                                         "happening?",
                           date_doubt=_late_date_doubt(a, b))
        return Verdict(DIFFERENT, reason=dates.reason)
    if place == NEAR:
        # Nearby towns may be one place reported two ways, or two stops of one trip: only the same
        # people on the same day make them one event; anything less is for an editor to decide.
        if _on_one_day(a, b, dates):
            return Verdict(SAME, 3 + (1 if same_kind(kind_of(a), kind_of(b)) else 0), f"{said} on the same day; {match.reason}")
        return Verdict(MAYBE, reason=f"{said}, but {match.reason}")
    if dates.outcome in ("overlap", "close"):
        if dates.outcome == "close" and not kinds_agree(a, b) and not _many_same_people(people, a, b):
            return Verdict(MAYBE, reason=f"{said}, {dates.reason}, but the kinds ({kind_of(a)}, {kind_of(b)}) do not say "
                                         "it is one happening")
        score = 3 + {SAME_PLACE: 2, WITHIN: 1}.get(place, 0) + (1 if same_kind(kind_of(a), kind_of(b)) else 0)
        score -= 1 if dates.outcome == "close" else 0
        why = [said, _date_words(a, b, dates)]
        if same_kind(kind_of(a), kind_of(b)) and kind_of(a) != "other":
            why.append(f"both a {kind_of(a)}")
        if place in (SAME_PLACE, WITHIN):
            why.append(match.reason if place == WITHIN else f"same place ({b.place or a.place})")
        check = "" if kinds_compatible(kind_of(a), kind_of(b)) else \
            "; ".join(sorted(f"{first_article(e) or 'a report'} reads it as a {kind_of(e)}" for e in (a, b))) + \
            ": check the kind"
        return Verdict(SAME, score, "; ".join(why), check=check)
    if vague(a) != vague(b):
        return _compare_undated_with_dated(a, b, people, match.outcome)
    if people.single:
        return Verdict(MAYBE, reason="one participant in common and no date to compare by")
    # The same people meet in the same capital again and again: without a date nothing tells those meetings apart.
    return Verdict(MAYBE, reason=f"{said}, but neither gives a date to compare them by")


def _copy_of_its_story(a: Event, b: Event, place: str, context: Context) -> bool:
    """True when an article of `a` and another article of `b` are copies of one story (see `shared_text`) placing it
    alike; an article is no copy of itself (an editor's event may cite the very page that recalls it as background)."""
    if not context.passages or place not in (SAME_PLACE, WITHIN, NEAR, UNKNOWN):
        return False
    mine = {s.article: context.passages.get(s.article, frozenset()) for s in a.sources if s.article}
    theirs = {s.article: context.passages.get(s.article, frozenset()) for s in b.sources if s.article}
    return any(x != y and copies_of_one_story(mine[x], theirs[y]) for x in mine for y in theirs)


def _on_one_day(a: Event, b: Event, dates: DateFit) -> bool:
    """Both reports state the very same day: an approximate day overlaps its neighbours by its slack, not its day."""
    return dates.outcome == "overlap" and a.date.precision == b.date.precision == DAY \
        and a.date.first_day() == b.date.first_day() and a.date.last_day() == b.date.last_day()  # type: ignore[union-attr]


def _same_people_on_one_day(a: Event, b: Event, dates: DateFit, people: PeopleFit) -> bool:
    """The very same people, two or more, on the very same day: what extraction reads two ways about it does not
    part them. A dateline's city is where the story was filed; "discussion" and "spoke with" read as a call or a
    meeting alike, a readout as a statement; and the same people rarely both meet and call in one day."""
    return _on_one_day(a, b, dates) and people.everyone and len(people.shared) >= 2


MANY_PEOPLE = 3  # this many people in common, a day apart: one happening whatever its kind is called


def _many_same_people(people: PeopleFit, a: Event, b: Event) -> bool:
    """Three or more people in common, every participant of one report among the other's, a day apart, one kind
    unknown: the kind adds nothing to tell them apart (two known kinds that differ are a conflict, seen earlier)."""
    return any(people.within) and len(people.shared) >= MANY_PEOPLE and "other" in (kind_of(a), kind_of(b))


def _late_date_doubt(a: Event, b: Event) -> str:
    """The note for the later of two otherwise identical events weeks apart: its date may be a repost's stamp."""
    assert a.date is not None and b.date is not None
    late, early = (a, b) if a.date.first_day() > b.date.first_day() else (b, a)
    late_date, early_date = late.date.iso(), early.date.iso()  # type: ignore[union-attr]
    late_name, early_name = first_article(late) or "this report", first_article(early) or "another report"
    return (f"{late_name} gives {late_date}, but {early_name} gives {early_date} for the same people and kind: "
            "a repost's or a late report's date? Check it, or merge the two files")


def _compare_undated_with_dated(a: Event, b: Event, people: PeopleFit, place: str) -> Verdict:
    """An undated report joins a dated event only when every participant it names is the event's, the kind and the
    place agree (the event may know more people: it gathers several reports), and either it came out just after
    the event or both name the same place (a call has none: the same two people call each other again and again,
    so an undated call needs its publication day)."""
    undated, dated = (a, b) if vague(a) else (b, a)
    said = _people_words(people)
    published = min(published_days(undated), default=None)
    missing = []
    if not people.within[0 if undated is a else 1]:
        missing.append("it names a participant the other does not")
    if not kinds_agree(a, b):
        missing.append(f"a {kind_of(undated)} and a {kind_of(dated)}")
    if place not in (SAME_PLACE, WITHIN, UNKNOWN):
        missing.append("the place is not known to agree")
    # A weekday fits one day in seven: it places a report only beside the very same kind of happening, and
    # never where one report names a place the other lacks (an accord signed in a city is not a call).
    on_weekday = (published is None and place not in (SAME_PLACE, WITHIN) and weekday_fits(undated, dated)
                  and (same_kind(kind_of(a), kind_of(b)) or undated.kind == dated.kind)
                  and not undated.place and not dated.place)
    # What places the report in time, strongest first: its publication day, the day of the year or the weekday it
    # names, or the place both name.
    basis = when = ""
    day = stated_day_of_year(undated)
    if published is not None:
        if published_just_after(undated, dated):
            basis, when = "publication day", \
                f"published {published.isoformat()}, just after the event of {dated.date.iso()}"  # type: ignore[union-attr]
        else:
            missing.append("it came out long after the event" if published > dated.date.last_day()  # type: ignore[union-attr]
                           else "it came out before the event")
    elif day is not None and day_of_year_fits(undated, dated):
        basis, when = "day of the year", f"no publication day or year, but it says {dt.date(2000, *day):%B} {day[1]}, " \
                                         f"which fits {dated.date.iso()}"  # type: ignore[union-attr]
    elif on_weekday:
        basis, when = "weekday", f"no publication day, but it says {WEEKDAYS[stated_weekday(undated) or 0].capitalize()}, " \
                                 f"which fits {dated.date.iso()}"  # type: ignore[union-attr]
    elif place in (SAME_PLACE, WITHIN) and not same_kind(kind_of(a), kind_of(b)):
        # The place alone dates nothing: the same people meet in the same capital again and again, so a visit
        # there is not taken for a meeting held on another trip; it may be, so it keeps the report from any other.
        return Verdict(MAYBE, reason=f"{said}, but the report gives no date, and a {kind_of(undated)} and a "
                                     f"{kind_of(dated)} at the same place may be two trips", rival=True)
    elif place in (SAME_PLACE, WITHIN):
        basis, when = "place", "no publication day"
    else:
        missing.append("neither a publication day, a day of the year, a weekday nor a place in both dates it")
    if missing:
        return Verdict(MAYBE, reason=f"{said}, but the report gives no date and " + "; ".join(missing))
    kind = ("both a " + (kind_of(dated) if kind_of(dated) != "other" else dated.kind)
            if same_kind(kind_of(a), kind_of(b)) or undated.kind == dated.kind
            else f"a {kind_of(undated)} and a {kind_of(dated)}")
    where = ("no place in either" if not undated.place and not dated.place else "a place in one report only"
             if place == UNKNOWN else "the same place")
    return Verdict(SAME, UNDATED_SCORE, f"{said}; {kind}; {where}; {when}",
                   check=f"{first_article(undated) or 'a report'} gives no date of its own: joined on its "
                         f"participants, kind and {basis}")


def first_article(event: Event) -> str:
    """The event's first source by name: how notes and the merge order refer to a report."""
    return min((s.article or s.url or "" for s in event.sources), default="")


def _compare_without_people(a: Event, b: Event, place: str) -> Verdict:
    """Attacks, statements...: only the same kind, the same day and the same place make them one."""
    if a.date is None or b.date is None or not same_kind(kind_of(a), kind_of(b)):
        return Verdict(DIFFERENT, reason="no participants and not enough else to compare")
    if a.date.precision == b.date.precision == DAY and place == SAME_PLACE and a.date.start == b.date.start:
        return Verdict(SAME, 4, f"same kind ({kind_of(a)}), same day {a.date.iso()}, same place ({b.place})")
    if place != CONFLICT:
        return Verdict(MAYBE, reason=f"both a {kind_of(a)} around {a.date}")
    return Verdict(DIFFERENT, reason="different places")
