"""The merge stage: reports that describe the same happening become one event with several sources.

Whether two reports are one happening is decided pair by pair in `same_event.py` (the rules, documented
for editors in docs/merging.md). This module runs those comparisons in a deterministic order, folds each
report into its event and records on each source why it was joined (`sources[].joined`), settles what
the reports disagree on (`conflicts.py`), and writes possible duplicates and offered matches for editors:
a wrong merge hides an event, while a missed one costs an editor a minute.

Candidates come from an index keyed by (surname, month) so that each report is compared with a handful
of events, never with all of them; `MergeResult.comparisons` counts the pairs looked at.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..load.model import Claims, Event, Mention, Participant, Source
from ..load.people import name_key
from ..load.thread_rules import participant_keys
from ..partial_date import DAY, MONTH, YEAR, DateSpec, parse_date_spec
from ..slugs import event_id_for, unique_id
from .conflicts import Claim, report_claim, settle_disagreements, stored_claims
from .date_fit import dates_compatible
from .kind_match import KIND_GROUPS, kinds_compatible
from .people_match import event_forms, participant_form, same_person
from .place_match import SAME as SAME_PLACE
from .place_match import WITHIN, match_places, resolve_place
from .same_event import (
    DIFFERENT,
    MAYBE,
    SAME,
    Context,
    Verdict,
    compare_events,
    compare_places,
    first_article,
    month_without_year,
    place_parts,
)

__all__ = ["DIFFERENT", "MAYBE", "SAME", "Cluster", "MergeResult", "Suggestion", "assign_ids", "compare_events",
           "compare_places", "dates_compatible", "kinds_compatible", "merge_same_event", "month_without_year",
           "place_parts"]

MAX_INDEXED_MONTHS = 36  # a range longer than this is indexed by year only
MAX_UNDATED_CANDIDATES = 50  # an undated report with more candidates than this is left alone
OFFERED = "source"  # Suggestion.field of a report offered to an editor as a source for their event


@dataclass(frozen=True)
class Suggestion:
    """A fact a new report offers for an editor's file, which ingest never rewrites: for a human to apply.

    `field` is date, participant or place; or `source` for a whole report offered as a possible source
    (it gave no date of its own, so it is not appended).
    """

    event_id: str
    field: str
    value: str
    article: str
    detail: str  # "newer report gives date 2023-07-24 (day)"

    def message(self, path: str) -> str:
        if self.field == OFFERED:
            return (f"{path}: possible match: article {self.article} ({self.detail}); add it under sources: by hand "
                    "if it reports this event")
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
    claims: dict[str, Claim] = field(default_factory=dict)  # source key -> what that report says (open clusters)
    changed: bool = False


@dataclass
class MergeResult:
    """Every cluster (existing events first, then new stubs) and how many pairs were compared."""

    clusters: list[Cluster]
    comparisons: int = 0

    @property
    def new(self) -> list[Cluster]:
        return [c for c in self.clusters if not c.existing]


class CandidateIndex:
    """Clusters by (surname, month), (surname, year), (surname, undated) and (surname, any): who to compare with.

    Surnames are folded as `people_match` folds them, so "Shoygu" finds "Shoigu"; events without
    participants are indexed by their kind's family instead.
    """

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
        # A day at a month's edge is also found from the next or previous month: dates a day apart may join.
        first, last = first - dt.timedelta(days=2), last + dt.timedelta(days=2)
        return [f"{y:04d}-{m:02d}" for y, m in _months(first, last)]

    @staticmethod
    def _subjects(event: Event) -> list[str]:
        surnames = sorted({form.surname for form in event_forms(event)})
        if surnames:
            return surnames
        groups = [sorted(g)[0] for g in KIND_GROUPS if event.kind in g]
        return ["kind:" + (groups[0] if groups else event.kind)]

    def add(self, event: Event, order: int, also: Sequence[str] = ()) -> None:
        """Index `event`; `also`: more surnames to file it under (people its article names, see `_index_names`)."""
        subjects = self._subjects(event)
        for subject in [*subjects, *(s for s in also if s not in subjects)]:
            for bucket in self._buckets(event.date):
                self._append((subject, bucket), order)
            self._append((subject, "*"), order)

    def _append(self, key: tuple[str, str], order: int) -> None:
        self._keys[key][order] = None

    def candidates(self, event: Event, also: list[str] = ()) -> list[int]:  # type: ignore[assignment]
        """Cluster orders worth comparing with `event`, in order, without repeats; `also`: more surnames to look up
        (people its article names that extraction did not make participants)."""
        found: dict[int, None] = {}
        subjects = self._subjects(event)
        for subject in [*subjects, *(s for s in also if s not in subjects)]:
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


def has_source(event: Event, source: Source) -> bool:
    """True when the event already cites this article (or this URL)."""
    for existing in event.sources:
        if source.article and existing.article == source.article:
            return True
        if source.url and existing.url == source.url:
            return True
    return False


def merge_same_event(reports: list[Event], existing: list[Event] | None = None, locked: set[str] | None = None,
                     context: Context | None = None, apart: Mapping[str, set[str]] | None = None) -> MergeResult:
    """Fold each report into the event it describes, or make it a new stub; deterministic, near-linear.

    `context` gives the people each article names and the registry; `apart` maps an article to the
    articles an editor split it from, which it never joins again.
    """
    locked = locked or set()
    context = context or Context()
    apart = apart or {}
    clusters: list[Cluster] = []
    index = CandidateIndex()
    for event in sorted(existing or [], key=lambda e: e.id):
        cluster = Cluster(event, len(clusters), existing=True, locked=event.id in locked)
        if not cluster.locked:
            cluster.claims = {claim.key: claim for claim in stored_claims(event)}
        clusters.append(cluster)
        index.add(event, cluster.order)
    comparisons = 0
    settled = False
    # Undated reports come last, when every dated event is known: one that fits two events joins neither.
    for report in sorted(reports, key=lambda e: (e.date is None, first_article(e), e.id)):
        if report.date is None and not settled:
            # Their dates settled first: an undated report is placed by the best-supported day, not by
            # whichever report happened to found the event.
            _settle(clusters)
            settled = True
        verdicts = []
        for order in index.candidates(report, _named_surnames(report, context)):
            comparisons += 1
            cluster = clusters[order]
            if _split_by_editor(report, cluster.event, apart):
                continue
            verdict = compare_events(report, cluster.event, context, reviewed=cluster.locked)
            if verdict.outcome != DIFFERENT:
                verdicts.append((verdict, order))
        same = sorted((v for v in verdicts if v[0].outcome == SAME), key=lambda v: (-v[0].score, v[1]))
        rivalled = any(v.rival for v, _ in verdicts)  # it fits another event nearly as well: an editor decides
        if not rivalled and (len(same) == 1 or (len(same) > 1 and same[0][0].score >= same[1][0].score + 2)):
            target = clusters[same[0][1]]
            merge_into(target, report, same[0][0])
            index.add(target.event, target.order, _index_names(target.event, context))  # its date or people may have become known
            continue
        cluster = Cluster(report, len(clusters), articles=[first_article(report)], changed=True)
        if (claim := report_claim(report)) is not None:
            cluster.claims[claim.key] = claim
        clusters.append(cluster)
        index.add(report, cluster.order, _index_names(report, context))
        for verdict, order in verdicts:
            other = clusters[order]
            if verdict.date_doubt:  # apart, but the later one is not left dated by a repost's stamp without a word
                later = report if report.date.first_day() > other.event.date.first_day() else other.event  # type: ignore[union-attr]
                if later is report or not other.locked:
                    _doubt_date(later, verdict.date_doubt)
                    other.changed = other.changed or later is other.event
            if verdict.offer and other.locked:
                _offer(other, report, verdict)
                reason = (f"possible match for {other.event.id}, an editor's event: {verdict.reason}; if it reports the "
                          f"same happening, add this source to {other.event.id} and delete this file")
            else:
                reason = verdict.reason if verdict.outcome == MAYBE else f"could be the same event ({verdict.reason})"
            cluster.duplicates[order] = reason
            other.duplicates[cluster.order] = reason
    _settle(clusters)
    return MergeResult(clusters, comparisons)


def _settle(clusters: list[Cluster]) -> None:
    """Give each event its reports merged in this run the best-supported date and place (see `conflicts`)."""
    for cluster in clusters:
        if not cluster.locked and cluster.articles and len(cluster.claims) > 1:
            before = cluster.event.to_yaml()
            settle_disagreements(cluster.event, list(cluster.claims.values()))
            cluster.changed = cluster.changed or cluster.event.to_yaml() != before


def _doubt_date(event: Event, note: str) -> None:
    notes = [n for n in (event.review.notes.get("date", "") if "date" in event.review.needs else "", note) if n]
    event.review.notes["date"] = "; ".join(dict.fromkeys(notes))
    if "date" not in event.review.needs:
        event.review.needs.append("date")


def _named_surnames(report: Event, context: Context) -> list[str]:
    """The surnames of everyone the report's articles name, participants or not."""
    if not context.named:
        return []
    return sorted({form.surname for s in report.sources if s.article for form in context.named.get(s.article, ())
                   if form.words})


def _index_names(event: Event, context: Context) -> list[str]:
    """More surnames to file an event under when extraction found fewer than two participants: the people its
    articles name, so that a report naming them finds it (two reports that each kept a different participant)."""
    if len(event_forms(event)) >= 2:
        return []
    return _named_surnames(event, context)


def _split_by_editor(report: Event, event: Event, apart: Mapping[str, set[str]]) -> bool:
    """True when an editor moved one of these reports out of an event holding the other (see ingest_log)."""
    if not apart:
        return False
    mine = {s.article for s in report.sources if s.article}
    theirs = {s.article for s in event.sources if s.article}
    return any(apart.get(article, set()) & theirs for article in mine)


def _offer(cluster: Cluster, report: Event, verdict: Verdict) -> None:
    """Offer an editor's event a report that may be its source but gave no date of its own (not appended)."""
    article = first_article(report)
    suggestion = Suggestion(cluster.event.id, OFFERED, article, article, verdict.reason)
    if suggestion not in cluster.suggestions:
        cluster.suggestions.append(suggestion)


def _joined(source: Source, verdict: Verdict) -> Source:
    """The source with why it was joined; a copy, so the report's own event is left as extraction gave it."""
    return Source(**{**vars(source), "joined": source.joined or verdict.reason})


def merge_into(cluster: Cluster, report: Event, verdict: Verdict | None = None) -> None:
    """Add a report's sources and missing facts to the event it describes (only sources if locked)."""
    verdict = verdict or Verdict(SAME, reason="merged")
    cluster.articles.append(first_article(report))
    if cluster.locked:
        for source in report.sources:
            if not has_source(cluster.event, source) and not any(_same_source(source, s) for s in cluster.new_sources):
                added = _joined(source, verdict)
                added.claims = _claims_against(cluster.event, report)
                cluster.new_sources.append(added)
        for suggestion in suggest_facts(cluster.event, report):
            if suggestion not in cluster.suggestions:
                cluster.suggestions.append(suggestion)
        return
    event = cluster.event
    before = event.to_yaml()
    for source in report.sources:
        if not has_source(event, source):
            event.sources.append(_joined(source, verdict))
    if (claim := report_claim(report)) is not None:
        cluster.claims[claim.key] = claim
    if verdict.check:
        checks = [n for n in (event.review.notes.get("sources", ""), verdict.check) if n]
        event.review.notes["sources"] = "; ".join(dict.fromkeys(checks))
        if "sources" not in event.review.needs:
            event.review.needs.append("sources")
    origin = first_article(report) or "another report"
    _take_date(event, report, origin)
    if report.place and (event.place is None or _more_specific(report.place, event.place)):
        event.place = report.place
        _record(event, report, "place", origin)
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


def _claims_against(event: Event, report: Event) -> Claims | None:
    """What a report appended to an editor's event says where it disagrees with the event (shown on its page)."""
    date = report.date if report.date is not None and event.date is not None and not dates_compatible(
        report.date, event.date) else None
    place = report.place if report.place and event.place and match_places(report.place, event.place).outcome not in (
        SAME_PLACE, WITHIN) else None
    return Claims(date, place) if date is not None or place is not None else None


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
    article = first_article(report) or "another report"
    found = []
    if report.date is not None and "date" not in report.review.needs and (
            event.date is None or (_precision_rank(report.date) > _precision_rank(event.date)
                                   and dates_compatible(report.date, event.date))):
        detail = (f"newer report gives date {report.date.iso()} ({report.date.precision})" if event.date is None else
                  f"newer report narrows date {event.date.iso()} to {report.date.iso()} ({report.date.precision})")
        found.append(Suggestion(event.id, "date", report.date.iso(), article, detail))
    known = [participant_form(p) for p in event.participants]
    for participant in report.participants:
        form = participant_form(participant)
        if form.words and not any(same_person(form, k) for k in known):
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
    if suggestion.field == OFFERED:
        return any(source.article == suggestion.value for source in event.sources)
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
    """Add the participants `into` lacks; one person however spelt ("Sergei"/"Sergey Lavrov") is listed once."""
    for participant in more:
        form = participant_form(participant)
        existing = next((p for p in into if same_person(participant_form(p), form)), None)
        if existing is None:
            into.append(participant)
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
