"""When the reports of one event disagree on its date or place: which value the event takes, and how the
disagreement is shown rather than hidden.

The event takes the best-supported value: an official readout or a participant's own post before a wire
report, a wire report before another outlet's retelling; among equals, a report that states its date
before one that counts it from its own publication day, then the date more reports give, then the report
published nearest the event.
A place taken from a dateline alone (where the story was filed) comes after every place a report states.
The field goes under `review.needs`, `review.notes` says what each report claims, and each source
keeps its own claim under `claims:` so the event page can show readers the disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..load.model import Claims, Event, Source
from ..partial_date import DateSpec
from .date_fit import dated_by_publication, dates_compatible
from .place_match import CONFLICT, NEAR, match_places, place_only_filed_from

OFFICIAL = 0
WIRE = 1
OUTLET = 2

# Government hosts: a ministry, a head of government's office, armed forces (defense.gov, mofa.go.jp, gov.uk).
_OFFICIAL_HOST = re.compile(r"(?:^|\.)(?:gov|mil|go|gob|gouv|govt|gv)(?:\.[a-z]{2})?$")
_POST_HOSTS = frozenset({"x.com", "twitter.com", "t.me", "facebook.com", "instagram.com"})
_READOUT = re.compile(r"\b(?:readout|press release)\b", re.IGNORECASE)
# News agencies: their reports are the first retelling of a readout that every other outlet reposts.
_AGENCIES = re.compile(r"\b(?:reuters|associated press|ap|afp|agence france[- ]presse|xinhua|tass|ria novosti|interfax|"
                       r"ani|pti|ians|app|irna|isna|kuna|wam|spa|qna|anadolu|yonhap|kyodo|jiji|bernama|antara|efe|"
                       r"ansa|dpa|ukrinform|kazinform|pna|vna|mena|sputnik|news agency|press agency)\b", re.IGNORECASE)
_SAID = re.compile(r"^'([^']{1,60})'")  # the extractor's date note opens with the words it read: 'on Monday': ...


@dataclass(frozen=True)
class Claim:
    """What one report says of its event, and how far it is to be believed (lower `rank` first)."""

    key: str  # the source's article or URL
    name: str  # "Reuters"
    label: str  # "Reuters, a wire report (published 2021-08-10)"
    date: DateSpec | None
    place: str | None
    said: str  # the report's own words for the date, when known ("on Monday")
    rank: tuple[int, int, str, str]
    place_filed_from: bool = False  # the place is only the dateline's: where the story was filed


def standing(source: Source) -> tuple[int, str]:
    """How much a source's own account counts: (OFFICIAL | WIRE | OUTLET, words for a note)."""
    host = (urlsplit(source.url).hostname or "").removeprefix("www.") if source.url else ""
    if _OFFICIAL_HOST.search(host) or _READOUT.search(f"{source.headline or ''} {source.outlet or ''}"):
        return OFFICIAL, "an official readout"
    if host in _POST_HOSTS:
        return OFFICIAL, "a participant's post"
    if _AGENCIES.search(source.outlet or "") or _AGENCIES.search(host.split(".")[0] if host else ""):
        return WIRE, "a wire report"
    return OUTLET, ""


def source_key(source: Source) -> str:
    return source.article or source.url or ""


def _name(source: Source) -> str:
    return source.outlet or source.article or source.url or "a report"


def _label(source: Source) -> str:
    name = _name(source)
    what = standing(source)[1]
    published = f"published {source.published.iso()}" if source.published else "publication date not stated"
    return f"{name}{', ' + what if what else ''} ({published})"


def report_claim(report: Event) -> Claim | None:
    """The claim a freshly extracted report makes, from its first source."""
    if not report.sources:
        return None
    source = min(report.sources, key=source_key)
    said = _SAID.match(report.review.notes.get("date", ""))
    counted = 1 if dated_by_publication(report) else 0
    return Claim(source_key(source), _name(source), _label(source), report.date, report.place, said.group(1) if said else "",
                 (standing(source)[0], counted, _distance(source, report.date), source_key(source)),
                 place_only_filed_from(report))


def stored_claims(event: Event) -> list[Claim]:
    """Claims for the sources of an event read from disk: each source's `claims:`, or else the event's own values."""
    found = []
    for source in event.sources:
        date, place = (source.claims.date, source.claims.place) if source.claims is not None else (event.date, event.place)
        found.append(Claim(source_key(source), _name(source), _label(source), date, place, "",
                           (standing(source)[0], 0, _distance(source, date), source_key(source))))
    return found


def _distance(source: Source, date: DateSpec | None) -> str:
    """Days from the event to the report, zero-padded so that text order is numeric order; unknown last."""
    if source.published is None or date is None:
        return "~"
    return f"{max((source.published.last_day() - date.first_day()).days, 0):06d}"


def date_disagreement(claims: list[Claim]) -> bool:
    dated = [c for c in claims if c.date is not None]
    return any(not dates_compatible(a.date, b.date) for i, a in enumerate(dated) for b in dated[i + 1:])  # type: ignore[arg-type]


def place_disagreement(claims: list[Claim]) -> bool:
    placed = [c for c in claims if c.place]
    return any(match_places(a.place, b.place).outcome in (CONFLICT, NEAR) for i, a in enumerate(placed)
               for b in placed[i + 1:])


def settle_disagreements(event: Event, claims: list[Claim]) -> None:
    """Give the event the best-supported date and place where its reports disagree, and show each claim.

    A report whose page the event already cites (the same URL saved twice) adds no source of its own: its claim
    is listed in the note but kept on no source.
    """
    by_key = {source_key(s): s for s in event.sources}
    if date_disagreement(claims):
        given = [c for c in claims if c.date is not None]
        dated = sorted(given, key=lambda c: _date_rank(c, given))
        best = dated[0]
        event.date = best.date
        listed = "; ".join(f"{c.label}: {c.date.iso()}" + (f' ("{c.said}")' if c.said else "")  # type: ignore[union-attr]
                           for c in dated)
        _flag(event, "date", f"the reports disagree on the date: {listed}. Kept {best.date.iso()} from "  # type: ignore[union-attr]
                             f"{best.name}; check it")
        for claim in dated:
            if claim.key in by_key:
                _claims_of(by_key, claim).date = claim.date
    if place_disagreement(claims):
        placed = sorted((c for c in claims if c.place), key=lambda c: (c.place_filed_from, c.rank))
        best = placed[0]
        event.place = best.place
        listed = "; ".join(f"{c.label}: {c.place}" for c in placed)
        _flag(event, "place", f"the reports disagree on the place: {listed}. Kept {best.place} from {best.name}; "
                              "check it")
        for claim in placed:
            if claim.key in by_key:
                _claims_of(by_key, claim).place = claim.place


def _date_rank(claim: Claim, claims: list[Claim]) -> tuple[int, int, int, str, str]:
    """A claim's rank with, among reports of equal standing and dating, the date more reports agree on first:
    two papers that give Thursday outweigh one that gives Friday, whichever was published nearer."""
    standing_, counted, distance, key = claim.rank
    agreeing = sum(1 for other in claims if dates_compatible(claim.date, other.date))  # type: ignore[arg-type]
    return standing_, counted, -agreeing, distance, key


def _claims_of(by_key: dict[str, Source], claim: Claim) -> Claims:
    source = by_key[claim.key]
    if source.claims is None:
        source.claims = Claims()
    return source.claims


def _flag(event: Event, field_name: str, note: str) -> None:
    event.review.notes[field_name] = note
    if field_name not in event.review.needs:
        event.review.needs.append(field_name)
