"""The merge stage: reports that describe the same happening become one event with several sources.

Two reports are the same event only when everything that can be compared agrees: the same people (by
registry id, not spelling), dates whose spans overlap at their real precision, a compatible place and
a compatible kind. A wrong merge hides an event, while a missed one costs an editor a minute, so when
the evidence is partial we keep two stubs and write a "possible duplicate" note on both instead.

Candidates come from an index keyed by (person, month) so that each report is compared with a
handful of events, never with all of them; `MergeResult.comparisons` counts the pairs looked at.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..load.model import Event, Mention, Participant, Source
from ..load.people import name_key
from ..load.thread_rules import participant_keys, rule_text
from ..partial_date import DAY, MONTH, YEAR, DateSpec, parse_date_spec
from ..slugs import event_id_for, unique_id
from .place_match import CONFLICT, NEAR, WITHIN, match_places, resolve_place
from .place_match import SAME as SAME_PLACE

SAME = "same"
MAYBE = "maybe"  # possible duplicate: a human decides
DIFFERENT = "different"

# Kinds that one report may call by another's name: a visit is reported as a meeting or as talks.
KIND_GROUPS = (
    frozenset({"meeting", "talks", "visit", "summit"}),
    frozenset({"statement", "announcement"}),
    frozenset({"agreement", "talks"}),
)
KIND_SYNONYMS = {"talks": "meeting"}  # counted as the same kind when weighing evidence

MAX_INDEXED_MONTHS = 36  # a range longer than this is indexed by year only
MAX_UNDATED_CANDIDATES = 50  # an undated report with more candidates than this is left alone
SCORE_TO_MERGE_UNDATED = 3  # evidence points an undated report needs (see `_evidence_points`)
APPROXIMATE_SLACK_DAYS = 7
SAME_SENTENCE_SCORE = 20  # above any other verdict's score, so the +2 margin always picks that event
NEAR_EXTRA_POINTS = 1  # nearby towns without a shared day: one more clue than SCORE_TO_MERGE_UNDATED

_TERM = re.compile(r"\b(?:[A-Z]{2,}[A-Za-z]*|[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b")
_COMMON_WORDS = frozenset("""
the this that these those there then they their them he his him she her it its we our us you your
and but for nor yet also after before during since while when where what which who whom whose how
on in at of to by from with without about over under into onto upon as an a or if so not no
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
general gen chief army minister president secretary commander officials official said says statement
last next first second new top senior both two according read related photo file
""".split())


@dataclass
class Verdict:
    """How two reports compare: same event, possible duplicate or different, with a score and why."""

    outcome: str
    score: int = 0
    reason: str = ""


@dataclass(frozen=True)
class Suggestion:
    """A fact a new report offers for an editor's file, which ingest never rewrites: for a human to apply."""

    event_id: str
    field: str  # date | participant | place
    value: str
    article: str
    detail: str  # "newer report gives date 2023-07-24 (day)"

    def message(self, path: str) -> str:
        return f"{path}: {self.detail} from article {self.article}; apply by hand"


@dataclass
class Cluster:
    """One event being assembled: an event already on disk or a new stub, and what merged into it."""

    event: Event
    order: int
    existing: bool = False
    locked: bool = False  # an editor's file: it is never rewritten, only offered new sources
    new_sources: list[Source] = field(default_factory=list)  # for locked clusters
    suggestions: list[Suggestion] = field(default_factory=list)  # for locked clusters: other new facts
    articles: list[str] = field(default_factory=list)  # articles whose reports merged in during this run
    duplicates: dict[int, str] = field(default_factory=dict)  # other cluster order -> why it may be the same
    changed: bool = False


@dataclass
class MergeResult:
    """Every cluster (existing events first, then new stubs) and how many pairs were compared."""

    clusters: list[Cluster]
    comparisons: int = 0

    @property
    def new(self) -> list[Cluster]:
        return [c for c in self.clusters if not c.existing]


def kinds_compatible(a: str, b: str) -> bool:
    """Same kind, kinds one report may call by the other's name, or one of them unknown ("other")."""
    if a == b or "other" in (a, b) or not a or not b:
        return True
    return any(a in group and b in group for group in KIND_GROUPS)


def _same_kind(a: str, b: str) -> bool:
    return KIND_SYNONYMS.get(a, a) == KIND_SYNONYMS.get(b, b)


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


def _span(date: DateSpec) -> tuple[dt.date, dt.date]:
    first, last = date.first_day(), date.last_day()
    if date.approximate:
        slack = dt.timedelta(days=APPROXIMATE_SLACK_DAYS)
        first, last = first - slack, last + slack
    return first, last


def dates_compatible(a: DateSpec, b: DateSpec) -> bool:
    """Spans overlap at their real precision: 2021-09-22 fits 2021-09; 22 and 23 Sep do not."""
    first_a, last_a = _span(a)
    first_b, last_b = _span(b)
    return first_a <= last_b and first_b <= last_a


def distinctive_terms(event: Event) -> set[str]:
    """Names and acronyms in the event's text other than its participants': CENTCOM, Helsinki, ISPR..."""
    names = set()
    for participant in event.participants:
        names.update(name_key(participant.name).split())
    terms = set()
    for word in _TERM.findall(rule_text(event)):
        key = word.lower()
        if key not in _COMMON_WORDS and key not in names:
            terms.add(key)
    return terms


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH = re.compile(r"(?P<prep>\b(?:in|last|since|until|early|late|mid|during|from)[\s-]+)?\b(?P<month>"
                    + "|".join([m.capitalize() for m in _MONTH_NAMES]
                               + [m[:3].capitalize() + r"\." for m in _MONTH_NAMES if len(m) > 4]) + r")(?!\w)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SUBJECT_PRONOUN = re.compile(r"\b(he|she|they|the two|both men|both leaders)\b", re.IGNORECASE)


def month_without_year(mention: Mention) -> int | None:
    """The month an undated mention names without a year ("He last visited in December" -> 12), if exactly one."""
    if mention.date is not None:
        return None
    text = f"{mention.summary} {mention.quote or ''}"
    if _YEAR.search(text):
        return None  # a year is written: dating it is the extractor's job, not a guess here
    months = set()
    for match in _MONTH.finditer(text):
        word = match["month"].rstrip(".").lower()
        if word == "may" and not match["prep"]:
            continue  # "may" is also a verb; only "in May", "last May"... name the month
        months.add(next(i for i, m in enumerate(_MONTH_NAMES, 1) if m.startswith(word)))
    return months.pop() if len(months) == 1 else None


def _cites_same_sentence(event: Event, other: Event) -> bool:
    """True when `other` already cites one of `event`'s articles with the very sentence `event` stands on.

    That is the report's own event from an earlier run, whatever its mentions say: an article whose
    "last visited in December" falls in the month of its own December meeting must still find it.
    """
    quotes = {(s.article, s.quote) for s in event.sources if s.article and s.quote}
    return any((s.article, s.quote) in quotes for s in other.sources)


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
            month = month_without_year(mention)
            if month is None or month not in (other.date.first_day().month, other.date.last_day().month):
                continue
            if _SUBJECT_PRONOUN.search(text) and participant_keys(other) <= participant_keys(event):
                return True
        elif not dates_compatible(mention.date, other.date):
            continue
        if surnames & set(name_key(text).split()):
            return True
    return False


def _published(event: Event) -> list[dt.date]:
    return [s.published.last_day() for s in event.sources if s.published is not None]


def _reported_before_it_happened(report: Event, other: Event) -> bool:
    """An article cannot report an event that starts after the article was published."""
    if report.date is not None or other.date is None:
        return False
    published = [s.published for s in report.sources if s.published is not None]
    return any(p.precision == DAY and p.last_day() < other.date.first_day() for p in published)


def _evidence_points(a: Event, b: Event, shared: set[str], pa: set[str], pb: set[str]) -> tuple[int, list[str]]:
    """What else ties two reports together when a date is missing; each clue is worth points."""
    points, why = 0, []
    match = match_places(a.place, b.place)
    if match.outcome == SAME_PLACE:
        points += 2
        why.append("same place")
    elif match.outcome in (WITHIN, NEAR):
        points += 1
        why.append(match.reason)
    else:
        for known, text in ((a.place, rule_text(b)), (b.place, rule_text(a))):
            parts = place_parts(known)
            if parts and re.search(rf"\b{re.escape(parts[0])}\b", name_key(text)):
                points += 1
                why.append(f"the other report names {known}")
                break
    if _same_kind(a.kind, b.kind) and a.kind != "other":
        points += 1
        why.append(f"both a {a.kind}")
    if pa == pb and len(shared) >= 2:
        points += 1
        why.append("exactly the same participants")
    articles_a = {s.article for s in a.sources if s.article}
    if articles_a & {s.article for s in b.sources if s.article}:
        points += 2
        why.append("reported by the same article")
        quotes_a = {(s.article, s.quote) for s in a.sources if s.quote}
        if quotes_a & {(s.article, s.quote) for s in b.sources if s.quote}:
            points += 3
            why.append("cited with the same sentence")
    terms = distinctive_terms(a) & distinctive_terms(b)
    if len(terms) >= 2:
        points += 1
        why.append("both name " + ", ".join(sorted(terms)[:3]))
    pub_a, pub_b = _published(a), _published(b)
    if pub_a and pub_b and min(abs((x - y).days) for x in pub_a for y in pub_b) <= 7:
        points += 1
        why.append("published within a week of each other")
    elif b.date is not None and pub_a and any(0 <= (p - b.date.last_day()).days <= 10 for p in pub_a):
        points += 1
        why.append("published just after the other's date")
    elif a.date is not None and pub_b and any(0 <= (p - a.date.last_day()).days <= 10 for p in pub_b):
        points += 1
        why.append("published just after the other's date")
    return points, why


def compare_events(a: Event, b: Event) -> Verdict:
    """Whether report `a` describes the same happening as event `b`."""
    if _cites_same_sentence(a, b) or _cites_same_sentence(b, a):
        # An event from an earlier run of this article: re-ingesting must find it, not make a twin.
        return Verdict(SAME, SAME_SENTENCE_SCORE, "already cites this report's sentence")
    pa, pb = participant_keys(a), participant_keys(b)
    shared = pa & pb
    if pa and pb and not shared:
        return Verdict(DIFFERENT, reason="no participant in common")
    if _mentions_as_background(a, b) or _mentions_as_background(b, a):
        return Verdict(DIFFERENT, reason="one report mentions the other as background")
    if _reported_before_it_happened(a, b) or _reported_before_it_happened(b, a):
        return Verdict(DIFFERENT, reason="published before the other happened")
    both_dated = a.date is not None and b.date is not None
    if both_dated and not dates_compatible(a.date, b.date):  # type: ignore[arg-type]
        return Verdict(DIFFERENT, reason=f"different dates ({a.date} vs {b.date})")
    conflicts = []
    if not kinds_compatible(a.kind, b.kind):
        conflicts.append(f"a {a.kind} vs a {b.kind}")
    match = match_places(a.place, b.place)
    place = match.outcome
    if place == CONFLICT:
        conflicts.append(match.reason or f"{a.place} vs {b.place}")
    strong_people = len(shared) >= 2 or (len(shared) == 1 and len(pa) == len(pb) == 1)
    if conflicts:
        if strong_people and both_dated:
            return Verdict(MAYBE, reason=f"same participants on overlapping dates, but {'; '.join(conflicts)}")
        return Verdict(DIFFERENT, reason="; ".join(conflicts))
    if not pa and not pb:
        return _compare_without_people(a, b, place)
    if not strong_people:
        if both_dated and shared and place == SAME_PLACE and a.date.precision == b.date.precision == DAY:  # type: ignore[union-attr]
            return Verdict(MAYBE, reason="a participant in common on the same day and in the same place")
        return Verdict(DIFFERENT, reason="too few participants in common")
    if place == NEAR:
        # Nearby towns may be one place reported two ways, or two stops of one trip: only the same
        # people on the same day make them one event; anything less is for an editor to decide.
        same_day = both_dated and a.date.precision == b.date.precision == DAY  # type: ignore[union-attr]
        if same_day:
            return Verdict(SAME, 3 + (1 if _same_kind(a.kind, b.kind) else 0),
                           f"same participants on the same day; {match.reason}")
        # Without a shared day, the other clues must be stronger than for one place (NEAR_EXTRA_POINTS).
        points, why = _evidence_points(a, b, shared, pa, pb)
        if points >= SCORE_TO_MERGE_UNDATED + NEAR_EXTRA_POINTS:
            return Verdict(SAME, points, "same participants; " + ", ".join(why))
        return Verdict(MAYBE, points, f"same participants, but {match.reason}")
    if both_dated:
        score = 3 + {SAME_PLACE: 2, WITHIN: 1}.get(place, 0) + (1 if _same_kind(a.kind, b.kind) else 0)
        return Verdict(SAME, score, "same participants on compatible dates"
                       + (f" ({match.reason})" if place == WITHIN else ""))
    points, why = _evidence_points(a, b, shared, pa, pb)
    if points >= SCORE_TO_MERGE_UNDATED:
        return Verdict(SAME, points, "same participants; no date to compare, but " + ", ".join(why))
    return Verdict(MAYBE, points, "same participants, but no date to compare them by")


def _compare_without_people(a: Event, b: Event, place: str) -> Verdict:
    """Attacks, statements...: only the same kind, the same day and the same place make them one."""
    if a.date is None or b.date is None or not _same_kind(a.kind, b.kind):
        return Verdict(DIFFERENT, reason="no participants and not enough else to compare")
    if a.date.precision == b.date.precision == DAY and place == SAME_PLACE and a.date.start == b.date.start:
        return Verdict(SAME, 4, "same kind, day and place")
    if place != CONFLICT:
        return Verdict(MAYBE, reason=f"both a {a.kind} around {a.date}")
    return Verdict(DIFFERENT, reason="different places")


class CandidateIndex:
    """Clusters by (person, month), (person, year), (person, undated) and (person, any): who to compare with."""

    def __init__(self) -> None:
        # dicts as ordered sets: an event re-added after a merge is not listed twice
        self._keys: dict[tuple[str, str], dict[int, None]] = defaultdict(dict)

    @staticmethod
    def _buckets(date: DateSpec | None) -> list[str]:
        if date is None:
            return ["?"]
        first, last = date.first_day(), date.last_day()
        if date.precision == YEAR or (last.year - first.year) * 12 + last.month - first.month >= MAX_INDEXED_MONTHS:
            return [f"{y:04d}" for y in range(first.year, last.year + 1)]
        return [f"{y:04d}-{m:02d}" for y, m in _months(first, last)]

    @staticmethod
    def _subjects(event: Event) -> list[str]:
        people = sorted(participant_keys(event))
        if people:
            return people
        groups = [sorted(g)[0] for g in KIND_GROUPS if event.kind in g]
        return ["kind:" + (groups[0] if groups else event.kind)]

    def add(self, event: Event, order: int) -> None:
        for subject in self._subjects(event):
            for bucket in self._buckets(event.date):
                self._append((subject, bucket), order)
            self._append((subject, "*"), order)

    def _append(self, key: tuple[str, str], order: int) -> None:
        self._keys[key][order] = None

    def candidates(self, event: Event) -> list[int]:
        """Cluster orders worth comparing with `event`, in order, without repeats."""
        found: dict[int, None] = {}
        for subject in self._subjects(event):
            if event.date is None:
                everyone = self._keys.get((subject, "*"), {})
                if len(everyone) > MAX_UNDATED_CANDIDATES:
                    continue  # too common to tell apart without a date; see MAX_UNDATED_CANDIDATES
                found.update(everyone)
                continue
            keys = set(self._buckets(event.date)) | {"?"}
            keys |= {b[:4] for b in keys if b != "?"}  # year-precision events in the same year
            if event.date.precision == YEAR:
                first, last = event.date.first_day(), event.date.last_day()
                keys |= {f"{y:04d}-{m:02d}" for y, m in _months(first, last)}
            for key in sorted(keys):
                found.update(self._keys.get((subject, key), {}))
        return sorted(found)


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _first_article(event: Event) -> str:
    return min((s.article or s.url or "" for s in event.sources), default="")


def has_source(event: Event, source: Source) -> bool:
    """True when the event already cites this article (or this URL)."""
    for existing in event.sources:
        if source.article and existing.article == source.article:
            return True
        if source.url and existing.url == source.url:
            return True
    return False


def merge_same_event(reports: list[Event], existing: list[Event] | None = None,
                     locked: set[str] | None = None) -> MergeResult:
    """Fold each report into the event it describes, or make it a new stub; deterministic, near-linear."""
    locked = locked or set()
    clusters: list[Cluster] = []
    index = CandidateIndex()
    for event in sorted(existing or [], key=lambda e: e.id):
        cluster = Cluster(event, len(clusters), existing=True, locked=event.id in locked)
        clusters.append(cluster)
        index.add(event, cluster.order)
    comparisons = 0
    for report in sorted(reports, key=lambda e: (_first_article(e), e.id)):
        verdicts = []
        for order in index.candidates(report):
            comparisons += 1
            verdict = compare_events(report, clusters[order].event)
            if verdict.outcome != DIFFERENT:
                verdicts.append((verdict, order))
        same = sorted((v for v in verdicts if v[0].outcome == SAME), key=lambda v: (-v[0].score, v[1]))
        target = None
        if len(same) == 1 or (len(same) > 1 and same[0][0].score >= same[1][0].score + 2):
            target = clusters[same[0][1]]
        if target is not None:
            merge_into(target, report)
            index.add(target.event, target.order)  # its date or people may have become known
            continue
        cluster = Cluster(report, len(clusters), articles=[_first_article(report)], changed=True)
        clusters.append(cluster)
        index.add(report, cluster.order)
        for verdict, order in verdicts:
            reason = verdict.reason if verdict.outcome == MAYBE else f"could be the same event ({verdict.reason})"
            cluster.duplicates[order] = reason
            clusters[order].duplicates[cluster.order] = reason
    return MergeResult(clusters, comparisons)


def merge_into(cluster: Cluster, report: Event) -> None:
    """Add a report's sources and missing facts to the event it describes (only sources if locked)."""
    cluster.articles.append(_first_article(report))
    if cluster.locked:
        for source in report.sources:
            if not has_source(cluster.event, source) and not any(_same_source(source, s) for s in cluster.new_sources):
                cluster.new_sources.append(source)
        for suggestion in suggest_facts(cluster.event, report):
            if suggestion not in cluster.suggestions:
                cluster.suggestions.append(suggestion)
        return
    event = cluster.event
    before = event.to_yaml()
    for source in report.sources:
        if not has_source(event, source):
            event.sources.append(source)
    origin = _first_article(report) or "another report"
    _take_date(event, report, origin)
    if report.place and (event.place is None or _more_specific(report.place, event.place)):
        event.place = report.place
        _record(event, report, "place", origin)
    elif report.place and event.place and (near := match_places(event.place, report.place)).outcome == NEAR:
        # Merged on other evidence while the places differ a little: keep ours, show theirs.
        event.review.notes["place"] = f"{origin} gives {report.place} ({near.reason}); check which is right"
        if "place" not in event.review.needs:
            event.review.needs.append("place")
    if event.kind == "other" and report.kind != "other":
        event.kind = report.kind
        _record(event, report, "kind", origin)
    if not event.summary and report.summary:
        event.summary = report.summary
    _merge_participants(event.participants, report.participants)
    _merge_mentions(event.mentions, report.mentions)
    event.threads.extend(t for t in report.threads if t not in event.threads)
    known = {r.id for r in event.related}
    event.related.extend(r for r in report.related if r.id not in known and r.id != event.id)
    review, other = event.review, report.review
    review.needs.extend(n for n in other.needs if n not in review.needs and n not in ("date", "place", "kind"))
    # A report's note on a field this event already knows ("the article does not say where") is about
    # that report, not about the event; its evidence sentences are kept only where the event has none.
    known = {key for key, value in event.to_yaml().items() if value not in (None, "", [])}
    for key, value in other.notes.items():
        if key not in known:
            review.notes.setdefault(key, value)
    for key, value in other.evidence.items():
        review.evidence.setdefault(key, value)
    for key, value in other.confidence.items():
        review.confidence.setdefault(key, value)
    cluster.changed = cluster.changed or event.to_yaml() != before


def _more_specific(new: str, old: str) -> bool:
    """True when `new` names the same place more precisely: "Helsinki" for "Finland", "GHQ, Rawalpindi" for "Rawalpindi"."""
    outcome = match_places(new, old).outcome
    if outcome == WITHIN:
        return bool(resolve_place(new).cities) and not resolve_place(old).cities
    if outcome == SAME_PLACE:
        return set(place_parts(old)) < set(place_parts(new))
    return False


def suggest_facts(event: Event, report: Event) -> list[Suggestion]:
    """What `report` knows that `event` (an editor's, so never rewritten) lacks: a finer date, people, a place."""
    article = _first_article(report) or "another report"
    found = []
    if report.date is not None and "date" not in report.review.needs and (
            event.date is None or (_precision_rank(report.date) > _precision_rank(event.date)
                                   and dates_compatible(report.date, event.date))):
        detail = (f"newer report gives date {report.date.iso()} ({report.date.precision})" if event.date is None else
                  f"newer report narrows date {event.date.iso()} to {report.date.iso()} ({report.date.precision})")
        found.append(Suggestion(event.id, "date", report.date.iso(), article, detail))
    known = participant_keys(event)
    for participant in report.participants:
        key = participant.person or "name:" + name_key(participant.name)
        if key not in known and name_key(participant.name):
            label = f"{participant.title} {participant.name}" if participant.title else participant.name
            found.append(Suggestion(event.id, "participant", participant.person or participant.name, article,
                                    f"newer report names participant {label}"))
    if report.place and (event.place is None or _more_specific(report.place, event.place)):
        found.append(Suggestion(event.id, "place", report.place, article, f"newer report gives place {report.place}"))
    return found


def suggestion_applied(event: Event, suggestion: Suggestion) -> bool:
    """True once the editor's file has what the suggestion offered (or something at least as precise)."""
    if suggestion.field == "date":
        try:
            offered = parse_date_spec(suggestion.value)
        except ValueError:
            return False
        return event.date is not None and _precision_rank(event.date) >= _precision_rank(offered)
    if suggestion.field == "participant":
        return suggestion.value in participant_keys(event) or "name:" + name_key(suggestion.value) in participant_keys(event)
    if suggestion.field == "place":
        return event.place is not None and not _more_specific(suggestion.value, event.place)
    return False


def _same_source(a: Source, b: Source) -> bool:
    return bool((a.article and a.article == b.article) or (a.url and a.url == b.url))


def _take_date(event: Event, report: Event, origin: str) -> None:
    """An undated (or vaguer) event takes the date of a dated report of the same happening."""
    if report.date is None:
        return
    vaguer = event.date is not None and _precision_rank(report.date) > _precision_rank(event.date)
    if event.date is not None and not vaguer:
        return
    event.date = report.date
    _record(event, report, "date", origin)


def _precision_rank(date: DateSpec) -> int:
    return {YEAR: 0, MONTH: 1, DAY: 2}[date.precision]


def _record(event: Event, report: Event, field_name: str, origin: str) -> None:
    """Note where a fact came from, and keep it flagged only if the report itself was unsure of it."""
    review, other = event.review, report.review
    sentence = other.evidence.get(field_name) or next((s.quote for s in report.sources if s.quote), "") or ""
    review.evidence[field_name] = f"{field_name} from {origin}: {sentence}".strip()
    review.notes[field_name] = f"taken from {origin}, which reports the same event"
    if field_name in other.confidence:
        review.confidence[field_name] = other.confidence[field_name]
    else:
        review.confidence.pop(field_name, None)
    if field_name in other.needs:
        if field_name not in review.needs:
            review.needs.append(field_name)
    elif field_name in review.needs:
        review.needs.remove(field_name)


def _merge_participants(into: list[Participant], more: list[Participant]) -> None:
    def key(p: Participant) -> str:
        return p.person or "name:" + name_key(p.name)

    by_key = {key(p): p for p in into}
    for participant in more:
        existing = by_key.get(key(participant))
        if existing is None:
            into.append(participant)
            by_key[key(participant)] = participant
            continue
        for attr in ("title", "role", "country", "person"):
            if getattr(existing, attr) is None and getattr(participant, attr):
                setattr(existing, attr, getattr(participant, attr))


def _merge_mentions(into: list[Mention], more: list[Mention]) -> None:
    seen = {(m.quote or m.summary) for m in into}
    for mention in more:
        if (mention.quote or mention.summary) not in seen:
            into.append(mention)
            seen.add(mention.quote or mention.summary)


def assign_ids(result: MergeResult, taken: set[str]) -> None:
    """Give each new stub an id from its (possibly propagated) date and title; write duplicate notes."""
    taken = set(taken) | {c.event.id for c in result.clusters if c.existing}
    for cluster in result.new:
        event = cluster.event
        event.id = unique_id(event_id_for(event.date, event.title), taken)
        taken.add(event.id)
    for cluster in result.clusters:
        if cluster.locked or not cluster.duplicates:
            continue
        review = cluster.event.review
        notes = []
        for order, reason in sorted(cluster.duplicates.items()):
            other = result.clusters[order].event.id
            if other not in review.duplicates:
                review.duplicates.append(other)
                cluster.changed = True
            notes.append(f"{other}: {reason}")
        note = "possible duplicate of " + "; ".join(notes)
        if review.notes.get("duplicates") != note:
            review.notes["duplicates"] = note
            cluster.changed = True
