"""The link stage: thread suggestions, related events and background mentions tied to their events.

Every suggestion carries its reason ("shares participant Gen. Asim Munir") so an editor can judge it
and keep or drop it. Cost stays near-linear in the number of events: each event is compared only with
its nearest neighbours in time within each inverted-index list (person -> events, organisation ->
events, theme -> events, month -> events), never with every other event. `Links.comparisons` counts
the pairs scored, so tests and the benchmark can check the growth.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..load.config import Config
from ..load.model import Event, Mention, Related
from ..load.people import PeopleRegistry, name_key
from ..load.thread_rules import ThreadMatcher, participant_keys, phrase_pattern, rule_text
from ..partial_date import YEAR, DateSpec
from .date_fit import dates_compatible
from .kind_match import kinds_compatible
from .place_match import country_name, named_countries, resolve_place
from .same_event import month_without_year, place_parts

MAX_RELATED = 3
NEIGHBOURS = 10  # per index list, how many events either side in time are scored
MIN_RELATED_SCORE = 3
MAX_MENTION_CANDIDATES = 200

# Key themes shared across storylines, besides each thread's own phrases: a short, documented list.
THEMES = (
    "safe haven", "sanctuary", "over the horizon", "counterterrorism", "terrorism", "risk reduction",
    "de-confliction", "ceasefire", "truce", "withdrawal", "militant attack", "regional security",
    "defence cooperation", "defense cooperation", "sanctions", "nuclear", "arms control",
)
# A shared person outranks everything else (see `_related`); a shared thread alone is not enough, but a
# thread and a theme together are (1 + 2 >= MIN_RELATED_SCORE).
# Two threads in common, or a thread and the same two countries' people meeting, are enough too.
WEIGHTS = {"person": 4, "organisation": 2, "place": 2, "country": 1, "theme": 2, "thread": 1, "pair": 1}
MAX_COUNTRY_PAIRS = 3  # a summit of twenty nations says little about which two met
YEAR_WINDOW_DAYS = 366  # "He last visited in December": the December in the year before the report

# Acronyms that are countries, units or page furniture rather than organisations.
NOT_ORGANISATIONS = frozenset({"US", "USA", "UK", "UAE", "AM", "PM", "TV", "ID", "OK", "II", "III", "IV",
                               "COAS", "CEO", "GMT", "UTC", "AFP", "AP", "PTI", "IANS", "RSS", "URL", "PDF"})
KNOWN_ORGANISATIONS = ("Pentagon", "Kremlin", "White House", "State Department", "Foreign Office", "Taliban",
                       "Al-Qaeda", "al-Qaeda", "Islamic State", "Daesh", "Hamas", "Hezbollah", "United Nations")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,7}\b")
_ORG_WORDS = ("Department", "Ministry", "Command", "Agency", "Council", "Office", "Forces", "Army", "Navy",
              "Air Force", "Headquarters", "General Staff", "Committee", "Commission", "Parliament", "Assembly")
_NAMED_ORG = re.compile(
    r"\b((?:[A-Z][\w.-]+\s+){1,3}(?:" + "|".join(_ORG_WORDS) + r")|(?:Department|Ministry|Office) of (?:the )?"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b"
)
_KNOWN_ORG = re.compile(r"\b(" + "|".join(re.escape(o) for o in KNOWN_ORGANISATIONS) + r")\b")
_LEADING_WORDS = re.compile(r"^(?:The|A|An|And|But|In|On|At|By|For|Of|Said|Pakistan's|Russia's|America's)\s+")

# Words in a mention that say what kind of happening it was: "He last visited in December".
_KIND_HINTS = (
    (re.compile(r"\b(visit(s|ed|ing)?|trip|travell?ed)\b", re.I), "visit"),
    (re.compile(r"\b(call(s|ed)?|phone|spoke by telephone)\b", re.I), "call"),
    (re.compile(r"\b(met|meet(s|ing)?|talks)\b", re.I), "meeting"),
    (re.compile(r"\b(attack(s|ed)?|bomb(ing)?|raid)\b", re.I), "attack"),
)
_SUBJECT_PRONOUN = re.compile(r"\b(he|she|the two|both men|both leaders)\b", re.IGNORECASE)
_CONTENT_WORD = re.compile(r"[a-z][a-z-]{3,}")
_STOP = frozenset("""
that this with from have been were will would their there about after before since into over under
also which while when where what they them than then said says last first second week month year
years months weeks government officials official according reported report statement
""".split())


@dataclass
class ThreadSuggestion:
    thread: str
    reason: str


@dataclass
class Links:
    """Suggestions per event id: threads (with reasons), related links, and mention index -> event id."""

    threads: dict[str, list[ThreadSuggestion]] = field(default_factory=dict)
    related: dict[str, list[Related]] = field(default_factory=dict)
    mentions: dict[str, dict[int, str]] = field(default_factory=dict)
    inferred: dict[str, dict[int, str]] = field(default_factory=dict)  # mention index -> "YYYY-MM" the link assumed
    comparisons: int = 0


def detect_organisations(text: str, known: Iterable[str] = ()) -> set[str]:
    """Organisations named in text: acronyms (CENTCOM, ISPR, NATO), "X Command"-style names, known names."""
    found = {a for a in _ACRONYM.findall(text) if a not in NOT_ORGANISATIONS}
    for match in _NAMED_ORG.findall(text):
        name = match
        while _LEADING_WORDS.match(name):
            name = _LEADING_WORDS.sub("", name, count=1)
        if len(name.split()) >= 2:
            found.add(" ".join(name.split()))
    found.update(_KNOWN_ORG.findall(text))
    for name in known:
        if re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            found.add(name)
    return found


def _theme_key(text: str) -> str:
    key = re.sub(r"[\s-]+", " ", text.lower()).strip()
    for suffix in ("es", "s"):
        if key.endswith(suffix) and key[: -len(suffix)] in _THEME_KEYS:
            return key[: -len(suffix)]
    return key


_THEME_KEYS: set[str] = set()


def _participant_label(event: Event, key: str) -> str:
    for participant in event.participants:
        if participant.person == key or "name:" + name_key(participant.name) == key:
            return f"{participant.title} {participant.name}" if participant.title else participant.name
    return key


_INGEST_REASON = {
    "people": "participant {seen} (rule people: {found})",
    "places": "place {seen} (rule places)",
    "organisations": "organisation {seen} (rule organisations)",
    "phrases": 'phrase "{seen}" (rule phrases)',
    "kinds": "kind {seen} (rule kinds)",
}


def thread_suggestion_reason(matcher: ThreadMatcher, event: Event, text: str) -> str | None:
    """Why ingest suggests the thread: the first of its rules the event meets, or None."""
    matches = matcher.matches(event, text)
    if not matches:
        return None
    first = matches[0]
    return _INGEST_REASON[first.rule].format(seen=first.seen[0], found=first.found[0])


@dataclass
class _Features:
    event: Event
    text: str
    keys: dict[str, str]  # feature ("person:asim-munir") -> label for the reason ("participant Gen. Asim Munir")


def _features(event: Event, theme_pattern: re.Pattern[str] | None, known_orgs: list[str],
              threads: list[str]) -> _Features:
    text = rule_text(event)
    keys: dict[str, str] = {}
    for key in sorted(participant_keys(event)):
        keys["person:" + key] = f"participant {_participant_label(event, key)}"
    for org in sorted(detect_organisations(text, known_orgs)):
        keys["organisation:" + org.lower()] = f"organisation {org}"
    parts = place_parts(event.place)
    if parts:
        keys["place:" + parts[0]] = f"place {event.place.split(',')[0].strip()}"  # type: ignore[union-attr]
        countries = named_countries(event.place) or resolve_place(event.place).countries  # type: ignore[arg-type]
        if len(countries) == 1:  # "Islamabad" and "Rawalpindi, Pakistan" share a country through the gazetteer
            code = next(iter(countries))
            keys["country:" + code] = f"country {country_name(code)}"
        elif len(parts) > 1:
            keys["country:" + parts[-1]] = f"country {event.place.split(',')[-1].strip()}"  # type: ignore[union-attr]
    if theme_pattern is not None:
        for match in theme_pattern.findall(text):
            theme = _theme_key(match)
            keys.setdefault("theme:" + theme, f'theme "{theme}"')
    for thread in threads:
        keys["thread:" + thread] = f"thread {thread}"
    countries = sorted({p.country for p in event.participants if p.country})
    pairs = [(a, b) for i, a in enumerate(countries) for b in countries[i + 1:]]
    if len(pairs) <= MAX_COUNTRY_PAIRS:
        for a, b in pairs:  # bilateral ties: a U.S. and a Pakistani official, whoever they are
            keys[f"pair:{a.lower()}|{b.lower()}"] = f"people from {a} and {b}"
    return _Features(event, text, keys)


def _date_key(event: Event) -> tuple[int, int]:
    """Days since year 1 at the event's start (undated events sort last), for nearest-in-time lists."""
    if event.date is None:
        return (1, 0)
    return (0, event.date.first_day().toordinal())


def link_events(events: list[Event], config: Config, people: PeopleRegistry, only: set[str] | None = None,
                max_related: int = MAX_RELATED) -> Links:
    """Suggest threads, related events and mention targets for `only` (default: every event)."""
    links = Links()
    ordered = sorted(events, key=Event.sort_key)
    wanted = [e for e in ordered if only is None or e.id in only]
    matchers = [ThreadMatcher(t, people) for t in config.threads]
    known_orgs = sorted({o for t in config.threads for o in t.rules.organisations})
    phrases = {p for t in config.threads for p in t.rules.phrases} | set(THEMES)
    _THEME_KEYS.update(_theme_key(p) for p in phrases)
    theme_pattern = phrase_pattern(phrases)
    texts = {e.id: rule_text(e) for e in wanted}
    for event in wanted:
        links.threads[event.id] = [ThreadSuggestion(m.thread.id, reason) for m in matchers
                                   if (reason := thread_suggestion_reason(m, event, texts[event.id]))]
    # The threads an event is in: suggested now for the events being linked, as written for the others.
    features = [_features(e, theme_pattern, known_orgs,
                          [t.thread for t in links.threads[e.id]] if e.id in links.threads else list(e.threads))
                for e in ordered]
    postings: dict[str, list[int]] = defaultdict(list)  # feature -> positions in `ordered`, oldest first
    for position, item in enumerate(features):
        for key in item.keys:
            postings[key].append(position)
    position_of = {e.id: i for i, e in enumerate(ordered)}
    starts = [_date_key(e) for e in ordered]
    names = _NameFinder(people)
    for event in wanted:
        item = features[position_of[event.id]]
        mention_targets = _link_mentions(event, ordered, postings, starts, names, links, position_of)
        if mention_targets:
            links.mentions[event.id] = mention_targets
        links.related[event.id] = _related(event, item, postings, position_of[event.id], mention_targets, ordered,
                                           starts, max_related, links)
    return links


def _related(event: Event, item: _Features, postings: dict[str, list[int]], position: int,
             mention_targets: dict[int, str], ordered: list[Event], starts: list[tuple[int, int]], max_related: int,
             links: Links) -> list[Related]:
    """The few events sharing the most (people weigh most), nearest in time first among equals."""
    result: list[Related] = []
    taken = {event.id} | set(event.review.duplicates)
    inferred = links.inferred.get(event.id, {})
    for index, target in sorted(mention_targets.items()):
        if target not in taken and len(result) < max_related:
            reason = f"mentioned in its report: {event.mentions[index].summary}"
            month = inferred.get(index) or _inferred_before(event, target)
            if month:
                reason += f"; linked by participants; year inferred ({month})"
            result.append(Related(target, reason))
            taken.add(target)
    scores: dict[int, int] = defaultdict(int)
    reasons: dict[int, list[str]] = defaultdict(list)
    for key, label in item.keys.items():
        positions = postings[key]
        weight = WEIGHTS[key.split(":", 1)[0]]
        at = bisect.bisect_left(positions, position)
        nearest = positions[max(0, at - NEIGHBOURS): at + NEIGHBOURS + 1]
        links.comparisons += len(nearest) - 1
        for other in nearest:
            if other != position:
                scores[other] += weight
                reasons[other].append(label)
    me = starts[position]

    def rank(other: int) -> tuple[bool, int, int, str]:
        them = starts[other]
        distance = abs(them[1] - me[1]) if them[0] == me[0] == 0 else 10**9
        # Someone in common always comes first: it is the link an editor most expects.
        return (not reasons[other][0].startswith("participant "), -scores[other], distance, ordered[other].id)

    # Only the few best are kept, so only candidates above the bar are ranked, with a bounded heap.
    eligible = [o for o, score in scores.items() if score >= MIN_RELATED_SCORE and ordered[o].id not in taken]
    for other in heapq.nsmallest(max_related - len(result), eligible, key=rank):
        result.append(Related(ordered[other].id, "shares " + "; ".join(reasons[other][:3])))
    return result


class _NameFinder:
    """Registry people named in a text, by any full spelling or by a surname only one person has."""

    def __init__(self, people: PeopleRegistry):
        self.by_key: dict[str, str] = {}
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in people:
            for name in person.names():
                key = name_key(name)
                if len(key.split()) >= 2:
                    self.by_key.setdefault(key, person.id)
            if len(person.surname()) > 3:
                surnames[person.surname()].add(person.id)
        self.by_key.update({s: next(iter(ids)) for s, ids in surnames.items() if len(ids) == 1 and s not in self.by_key})

    def people_in(self, mention: Mention) -> set[str]:
        words = name_key(f"{mention.summary} {mention.quote or ''}").split()
        found = set()
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                person = self.by_key.get(" ".join(words[start:start + size]))
                if person:
                    found.add(person)
        return found


def _inferred_before(event: Event, target: str) -> str | None:
    """The month an earlier run inferred for a link to `target`, as its review note records it."""
    note = event.review.notes.get("mentions") or ""
    match = re.search(rf"linked to {re.escape(target)} by participants; year inferred \((\d{{4}}-\d{{2}})\)", note)
    return match.group(1) if match else None


def _anchor(event: Event) -> dt.date | None:
    """The day a report's "last December" counts back from: its event's start, else its earliest publication."""
    if event.date is not None:
        return event.date.first_day()
    published = [s.published.first_day() for s in event.sources if s.published is not None]
    return min(published) if published else None


def _kind_hint(mention: Mention) -> str | None:
    text = f"{mention.summary} {mention.quote or ''}"
    for pattern, kind in _KIND_HINTS:
        if pattern.search(text):
            return kind
    return None


def _date_window(starts: list[tuple[int, int]], date: DateSpec) -> tuple[int, int]:
    """Positions of the events starting within a month before `date` and its end (`starts` is sorted)."""
    first = bisect.bisect_left(starts, (0, date.first_day().toordinal() - 31))
    last = bisect.bisect_right(starts, (0, date.last_day().toordinal()))
    return first, last


def _link_mentions(event: Event, ordered: list[Event], postings: dict[str, list[int]], starts: list[tuple[int, int]],
                   names: _NameFinder, links: Links, position_of: dict[str, int]) -> dict[int, str]:
    """Mention index -> the existing event it refers to, when exactly one event fits best."""
    targets: dict[int, str] = {}
    for index, mention in enumerate(event.mentions):
        if mention.event:
            if mention.event in position_of:
                targets[index] = mention.event  # linked before (by a run or an editor): it still makes a link
            continue
        named = names.people_in(mention)
        if not named and _SUBJECT_PRONOUN.search(f"{mention.summary} {mention.quote or ''}"):
            named = participant_keys(event)  # "He last visited": the report's own people
        persons = named
        hint = _kind_hint(mention)
        candidates: dict[int, None] = {}
        for key in sorted(persons):
            candidates.update(dict.fromkeys(postings.get("person:" + key, [])[-MAX_MENTION_CANDIDATES:]))
        if not persons and mention.date is not None:
            first, last = _date_window(starts, mention.date)
            candidates.update(dict.fromkeys(range(first, min(last, first + MAX_MENTION_CANDIDATES))))
        month = month_without_year(mention) if persons else None
        if month is not None:
            found = _month_candidates(event, month, persons, hint, [ordered[p] for p in candidates], links)
            if len(found) == 1:  # the same people in that month of the plausible year: only one fits
                targets[index] = found[0].id
                first = found[0].date.first_day()  # type: ignore[union-attr]
                links.inferred.setdefault(event.id, {})[index] = f"{first.year:04d}-{month:02d}"
            continue
        scored = []
        mention_words = _content_words(f"{mention.summary} {mention.quote or ''}")
        for position in candidates:
            other = ordered[position]
            links.comparisons += 1
            if other.id == event.id or other.id in event.review.duplicates:
                continue
            if mention.date is not None:
                if other.date is None or not dates_compatible(mention.date, other.date):
                    continue
            elif other.date is None or event.date is None or other.date.last_day() >= event.date.first_day():
                continue  # an undated mention can only point back to an earlier, dated event
            if hint and not kinds_compatible(hint, other.kind):
                continue
            shared = len(persons & participant_keys(other))
            if persons:
                if shared < min(2, len(persons)):
                    continue
                score = shared * 2 + (1 if hint and hint == other.kind else 0)
            else:
                score = len(mention_words & _content_words(f"{other.title} {other.summary}"))
                if score < 2:
                    continue
            scored.append((score, other.id))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            targets[index] = scored[0][1]
    return targets


@lru_cache(maxsize=4096)  # an event is a candidate for many mentions: its words are found once
def _content_words(text: str) -> frozenset[str]:
    return frozenset(_CONTENT_WORD.findall(text.lower())) - _STOP


def _month_candidates(event: Event, month: int, persons: set[str], hint: str | None, others: list[Event],
                      links: Links) -> list[Event]:
    """Events with the mention's people in `month` of the year before the report (any year if it has no date)."""
    anchor = _anchor(event)
    found = []
    for other in others:
        links.comparisons += 1
        if other.id == event.id or other.id in event.review.duplicates or other.date is None:
            continue
        if other.date.precision == YEAR or month not in (other.date.first_day().month, other.date.last_day().month):
            continue
        if anchor is not None and not (0 <= (anchor - other.date.first_day()).days <= YEAR_WINDOW_DAYS
                                       and other.date.last_day() < anchor):
            continue
        if hint and not kinds_compatible(hint, other.kind):
            continue
        if len(persons & participant_keys(other)) < min(2, len(persons)):
            continue
        found.append(other)
    return found
