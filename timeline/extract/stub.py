"""Assemble an honest draft event from one article: every field with its evidence, its confidence, and a
review flag wherever the article does not settle it.

`extract_article` is pure: an `Article` and the people registry in, an `Extraction` out; no files.
The rule above all others: never a confident wrong date. A date is only as precise as the text and the
publication date allow; when they do not allow one, the date is left empty and "date" goes to
`review.needs` with the reason in plain English.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..load.model import DEFAULT_KINDS, DRAFT, Event, Mention, Participant, Review, Source
from ..load.people import PeopleRegistry, name_key, person_id_for
from ..partial_date import DAY, YEAR, DateSpec, DateValueError, PartialDate
from ..slugs import event_id_for
from .article import Article
from .date_checks import BOUND_RELATIONS, RECENT_DAYS, date_from_lead, stamp_day_doubt
from .kinds import (
    MainEvent,
    classify_kind,
    event_summary,
    event_title,
    find_main_event,
    is_prose,
    is_side_event,
    reported_kind,
)
from .mentions import find_mentions
from .offices import resolve_office
from .page_dates import is_update_line
from .people_mentions import PersonMention, find_names, find_people, is_speaker
from .places import City, Place, countries_in, find_places, gazetteer, place_from_dateline
from .sentences import Sentence, split_sentences
from .temporal import RELATIVE, WEEKDAY, TemporalMention, find_temporal_mentions, is_future_at

# Below this a field goes to review.needs.
CONFIDENCE_THRESHOLD = 0.7
# Kinds that happen in no one place: a missing place is not a gap for them.
PLACELESS_KINDS = ("call", "statement", "announcement", "appointment", "other")
# Words showing that a date belongs to the report of the event ("a handout issued on Monday").
_ATTRIBUTION = re.compile(r"\b(?:said|says|stated|statement|handout|announced|according|told|issued|reported|"
                          r"confirmed|readout|release)\b[^.]{0,40}$", re.IGNORECASE)
# A day on the verb that reports the event, not on the event: "X's office on Thursday confirmed he had a call".
_REPORTED_ON_DAY = re.compile(r"\s*,?\s*(?:\w+\s+)?(?:said|confirmed|announced|revealed|disclosed|told|stated|"
                              r"reported|acknowledged)\b", re.IGNORECASE)
_HERE = re.compile(r"\b(?:here|in\s+the\s+city)\b(?!\s+(?:is|are|was|were)\b)")
# Offices of a state (not of a party, a company or an alliance), for the dateline's country.
_GOVERNMENT_OFFICES = frozenset("minister president premier secretary chancellor governor chief commander general "
                                "admiral ambassador envoy chairman chair marshal".split())
# A government's own site says whose officials it means: defense.gov, gov.pk, mofa.gov.bd.
_GOV_DOMAIN = re.compile(r"(?:^|\.)gov(?:\.(?P<cc>[a-z]{2}))?$")
# Kinds that happen to people: someone named after the verb ("a protest against the detention of Imran Khan",
# "an attack on the convoy of ...") is its object, not a participant.
_KINDS_WITH_VICTIMS = ("protest", "attack")
# A relative clause or aside inside a sentence, still open: ", who flew to Colombo on Tuesday".
_IN_ASIDE = re.compile(r",\s+(?:who|which|where|whose|after|having|as)\b[^,]*$", re.IGNORECASE)
_BACKGROUND_DATE = f"it is more than {RECENT_DAYS} days before the publication date"


@dataclass
class Extraction:
    """What one article yields: the draft event (None if no event could be found) and everyone it names."""

    article: Article
    event: Event | None
    people: list[PersonMention] = field(default_factory=list)
    dates: list[TemporalMention] = field(default_factory=list)  # temporal mentions in the event's sentences
    problems: list[str] = field(default_factory=list)  # why no event, in plain English


@dataclass
class _Field:
    value: object
    confidence: float
    evidence: str | None
    note: str | None = None
    needs_review: bool = False
    mention: TemporalMention | None = None  # for a date: the words it was read from


def _event_sentences(main: MainEvent) -> list[Sentence]:
    return [s for s in [main.main, *main.supporting] if s is not None]


# The signature under a quoted social post: "— Secretary of Defense Lloyd J. Austin III (@SecDef) August 9, 2021".
_POST_SIGNATURE = re.compile(r"(?:^|\s)[—–-]{1,2}\s*[^()\n]{2,80}\(@\w{1,30}\)\s+(?P<date>(?:January|February|March|April|"
                             r"May|June|July|August|September|October|November|December)\s+\d{1,2},\s+(?:19|20)\d\d)")


def _post_dates(sentences: list[Sentence]) -> dict[int, PartialDate | None]:
    """For each sentence quoted from a social post, the post's date (by sentence index): its signature closes
    the sentence's paragraph or follows within the next sentence or two. One pass over the article."""
    dates: dict[int, PartialDate | None] = {}
    for signature in sentences:
        match = _POST_SIGNATURE.search(signature.text)
        if match is None:
            continue
        try:
            posted: PartialDate | None = PartialDate.parse(
                dt.datetime.strptime(match["date"], "%B %d, %Y").date().isoformat())
        except (ValueError, DateValueError):
            posted = None
        for quoted in sentences[max(0, signature.index - 2):signature.index + 1]:
            if signature.paragraph <= quoted.paragraph + 1:
                dates.setdefault(quoted.index, posted)
    return dates


def _date_from_quoted_post(main: MainEvent, sentences: list[Sentence],
                           posts: dict[int, PartialDate | None]) -> tuple[_Field, list[TemporalMention]] | None:
    """A participant's own post quoted in the article ("Earlier today, I spoke with ...", then its signature and
    date) dates the event when the report's sentences do not: the post's day words count from its date."""
    if main.kind is None:
        return None
    for sentence in sentences:
        posted = posts.get(sentence.index)
        guess = classify_kind(sentence.text) if posted is not None else None
        if guess is None or guess.kind != main.kind.kind:
            continue
        mentions = [m for m in find_temporal_mentions(sentence.text, posted) if m.value is not None and not m.future]
        if mentions:
            chosen = mentions[0]
            return _Field(chosen.value, round(min(chosen.confidence, 0.75), 2), sentence.text,
                          f"'{chosen.text}' in a quoted post, counted from the post's own date {posted.iso()}",
                          chosen.confidence < CONFIDENCE_THRESHOLD), mentions
    return None


# "Wednesday's call", "Monday's meeting": a weekday owning the event's own noun names the event's day.
_NOUNS_OF_KIND = {"call": "call|phone\\s+call|conversation|phone\\s+conversation", "meeting": "meeting|talks",
                  "talks": "talks|negotiations", "summit": "summit", "visit": "visit|trip"}
_WEEKDAY_OWNS = r"\b(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)['’]s\s+(?:[\w-]+\s+)?(?:{nouns})\b"


def _day_of_the_event_named(main: MainEvent, sentences: list[Sentence], article: Article) -> TemporalMention | None:
    """The day the page gives the event by name ("following Wednesday's call"), counted from the publication date."""
    nouns = _NOUNS_OF_KIND.get(main.kind.kind if main.kind else "")
    if nouns is None or article.published is None:
        return None
    pattern = re.compile(_WEEKDAY_OWNS.format(nouns=nouns))
    for sentence in sentences:
        owned = pattern.search(sentence.text)
        if owned is None or is_future_at(sentence.text, owned.start()):
            continue
        found = [m for m in find_temporal_mentions(sentence.text, article.published)
                 if m.kind == WEEKDAY and m.start <= owned.start("day") < m.end]
        if found:
            return found[0]
    return None


def _contains(period: DateSpec, day: DateSpec | None) -> bool:
    """Whether a coarser period ("this year") holds the chosen date: the period then does not contradict it."""
    return day is not None and period.precision != DAY and period.first_day() <= day.first_day() <= period.last_day()


def _date_from_lead(main: MainEvent, article: Article, sentences: list[Sentence], seen: list[TemporalMention],
                    why: str = "the sentences about the event give no date; ") -> tuple[_Field, list[TemporalMention]] | None:
    """The day the lead states, for an event whose own sentences give none that can be placed. It may be of something
    else the page reports (an announcement, a tweet): a person checks it."""
    found = date_from_lead(sentences, article.published, tuple(s.index for s in _event_sentences(main)))
    if found is None:
        return None
    mention, sentence = found
    return _Field(mention.value, round(min(mention.confidence, 0.6), 2), sentence.text,
                  f"'{mention.text}': {mention.reason}; {why}this is the day the lead states, which may be of "
                  "something else it reports", True, mention), [*seen, mention]


def _choose_date(main: MainEvent, article: Article, sentences: list[Sentence]) -> tuple[_Field, list[TemporalMention]]:
    """The event's date from its own sentences: the main sentence first, then the supporting ones. A quoted
    post's "today" counts from the post's own date, not the page's."""
    seen: list[TemporalMention] = []
    posts = _post_dates(sentences)
    for sentence in _event_sentences(main):
        posted = posts.get(sentence.index)
        mentions = find_temporal_mentions(sentence.text, posted or article.published)
        seen.extend(mentions)
        candidates = [m for m in mentions if m.relation not in BOUND_RELATIONS and not m.future
                      and not (m.kind == "year" and m.confidence < 0.7)]
        if not candidates:
            continue
        chosen = candidates[0]
        if chosen.value is not None and chosen.value.precision != DAY:
            # "After a flurry of meetings this year, ... met on Friday": the day inside the period is the event's.
            inside = [m for m in candidates if m.value is not None and m.value.precision == DAY
                      and chosen.value.first_day() <= m.value.first_day() <= chosen.value.last_day()]
            if inside:
                chosen = inside[0]
        others = {m.value.iso() for m in candidates if m.value is not None and m.kind != "year"
                  and not _contains(m.value, chosen.value)} - ({chosen.value.iso()} if chosen.value is not None else set())
        if others and chosen.value is not None:
            # "X, who flew in on Tuesday, called on Y on Wednesday": two days for one sentence. The date inside a
            # clause set off by ", who/which/where ..." is the background's; either way a person checks it.
            main_clause = [m for m in candidates if m.value is not None and not _IN_ASIDE.search(sentence.text[:m.start])]
            if main_clause and main_clause[0] is not chosen:
                chosen = main_clause[0]
        reported = bool(_ATTRIBUTION.search(sentence.text[:chosen.start]))
        cue_at = sentence.text.find(main.kind.cue) if main.kind and sentence is main.main else -1
        reporting_day = cue_at > chosen.end and bool(_REPORTED_ON_DAY.match(sentence.text, chosen.end))
        if chosen.value is None:
            lead = _date_from_lead(main, article, sentences, seen, f"{chosen.reason}; ")
            return lead or (_Field(None, 0.0, sentence.text, f"{chosen.reason}; check the date against other reports",
                                   True), seen)
        confidence = chosen.confidence
        note = f"'{chosen.text}': {chosen.reason}" if posted is None else \
            f"'{chosen.text}' in a quoted post, counted from the post's own date {posted.iso()}"
        if reported:
            confidence -= 0.15
            note += "; this is when the event was reported, which may be a day or more after it happened"
        if reported or reporting_day:
            named = _day_of_the_event_named(main, sentences, article)
            if named is not None and named.value is not None and named.value.first_day() < chosen.value.first_day():
                # "X said on Thursday they spoke ...; following Wednesday's call, ...": the page names the event's day.
                return _Field(named.value, round(min(named.confidence, 0.75), 2), named.sentence,
                              f"'{named.text}'s {main.kind.cue if main.kind else 'event'}': {named.reason}; the lead "
                              f"gives only the day it was reported ('{chosen.text}')", False, named), [*seen, named]
        if reporting_day:
            confidence = min(confidence, 0.6)
            note += "; it is the day the event was reported, and the event may have happened earlier"
        if chosen.value.precision == YEAR:
            confidence = min(confidence, 0.6)  # a year alone is how news dates background, seldom its own event
        if others:
            confidence = min(confidence, 0.6)
            note += f"; the same sentence also names {', '.join(sorted(others))}"
        published = article.published
        if published is not None and chosen.value.first_day() > published.last_day():
            confidence = min(confidence, 0.3)
            note += f"; it falls after the publication date {published.iso()}"
        elif published is not None and (published.first_day() - chosen.value.last_day()).days > RECENT_DAYS:
            # News reports what just happened; a date months before the page is more likely background.
            confidence = min(confidence, 0.5)
            note += f"; {_BACKGROUND_DATE} {published.iso()}"
        return _Field(chosen.value, round(confidence, 2), sentence.text, note,
                      confidence < CONFIDENCE_THRESHOLD, chosen), seen
    quoted = _date_from_quoted_post(main, sentences, posts)
    if quoted is not None:
        return quoted
    lead = _date_from_lead(main, article, sentences, seen)
    if lead is not None:
        return lead
    if article.published is not None:
        note = (f"the article gives no date for the event; it was published {article.published.iso()}, "
                "so the event happened on or before that")
    else:
        note = "the article gives no date for the event and no publication date"
    evidence = main.main.text if main.main else None
    return _Field(None, 0.0, evidence, note, True), seen


# Where a clause about something else begins: "..., three weeks after his ...", "in response to the strike".
_OTHER_CLAUSE = re.compile(r"\b(?:(?:days?|weeks?|months?|years?)\s+(?:after|before)|in\s+response\s+to|since|"
                           r"ahead\s+of|for\s+(?:the\s+)?(?:construction|building|development|expansion|upgrade|"
                           r"rehabilitation|supply|financing|purchase)\s+of)\b", re.IGNORECASE)
# Asides that tell of a person, not the event: ", who was born in", ", a native of", "who flew from".
_PERSON_ASIDE = re.compile(r",\s+(?:who\s+(?:was|is)\s+born|born|a\s+native|who\s+hails)\b[^,]*$", re.IGNORECASE)


# What a meeting was about: "focused on the escalation in Lebanon", "discussed the war in Sudan".
_TOPIC = re.compile(r"\b(?:discuss\w*|focus\w*|situation|developments?|war|crisis|conflict|escalation|tensions?|about|"
                    r"regarding|ceasefire)\b[^.;]{0,50}$", re.IGNORECASE)


def _aside_place(text: str, start: int, kind: str, cue: str | None) -> bool:
    """Whether the place at `start` is an origin, a person's aside, a topic or in a clause about something else."""
    before = text[:start]
    topic = _TOPIC.search(before)
    if kind in ("meeting", "talks", "summit", "call", "visit") and topic \
            and not re.search(r"\b(?:during|meeting|talks|summit|visit|held|hosted)\b", topic.group(0)):
        return True
    if re.search(r"\bfrom\s+(?:the\s+)?$", before) and kind != "withdrawal":
        return True
    if _PERSON_ASIDE.search(before):
        return True
    at = text.find(cue) if cue else -1
    clause = _OTHER_CLAUSE.search(text, at + len(cue or "")) if at >= 0 else None
    return clause is not None and clause.start() < start


def _choose_place(main: MainEvent, article: Article, kind: str, sentences: list[Sentence]) -> _Field:
    """The most specific place named in the event's sentences; the dateline only as a flagged fallback."""
    if kind == "call":  # a call joins two places; "ahead of a trip to Beijing" is not where it happened
        return _Field(None, 1.0, None, None, False)
    if kind == "ruling" and article.dateline:
        # A court delivers its ruling where it sits, where its release is filed; the case's places are its subject.
        seat = place_from_dateline(article.dateline)
        if seat is not None:
            return _Field(seat, 0.75, article.dateline, f"a ruling delivered where the court sits: {seat.name}", False)
    prefer = countries_in(article.text)
    if kind == "election":
        # A national vote happens across its country: the country named with it, not a city in passing.
        for sentence in _event_sentences(main):
            codes = countries_in(sentence.text)
            if codes:
                country = gazetteer().country_name(codes[0])
                return _Field(Place(country or codes[0], country or codes[0], sentence.text, 0, None, country), 0.75,
                              sentence.text, f"an election in {country}", False)
    best: Place | None = None
    for sentence in _event_sentences(main):
        if best is None and _HERE.search(sentence.text) and article.dateline:
            # Wire copy says "here" for the dateline's city: "held talks with his counterpart here".
            here = place_from_dateline(article.dateline, prefer)
            if here is not None and not find_places(sentence.text, prefer):
                return _Field(Place(here.name, "here", sentence.text, 0, here.city, here.country), 0.8, sentence.text,
                              f"'here' in a story filed from {article.dateline}", False)
        # "will meet Xi in San Francisco next week": where something is still to happen is not where it did;
        # where someone came from, was born or did something else ("who flew from Islamabad", "after his kiss at
        # the final in Sydney") is not either.
        places = [p for p in find_places(sentence.text, prefer) if not is_future_at(sentence.text, p.start)
                  and not _aside_place(sentence.text, p.start, kind, main.kind.cue if main.kind else None)]
        specific = [p for p in places if p.city or p.facility]
        if specific:
            best = specific[0]
            break
        if best is None and places:
            best = places[0]
    if best is not None and (best.city or best.facility or kind not in PLACELESS_KINDS):
        return _Field(best, best.confidence, best.sentence, best.reason, best.confidence < CONFIDENCE_THRESHOLD)
    if kind in PLACELESS_KINDS and kind != "appointment":
        return _Field(None, 1.0, None, None, False)
    beside = _place_beside(main, sentences, kind, prefer)
    if beside is not None:
        return beside
    if article.dateline:
        # An appointment is made somewhere, likely where the story was filed ("ADDIS ABABA - ... named a cabinet"):
        # the dateline, flagged like any place taken from it.
        fallback = place_from_dateline(article.dateline, prefer)
        if fallback is not None:
            return _Field(fallback, fallback.confidence, article.dateline, fallback.reason, True)
    if kind in PLACELESS_KINDS:
        return _Field(None, 1.0, None, None, False)
    return _Field(None, 0.0, None, "the article does not say where the event happened", True)


def _place_beside(main: MainEvent, sentences: list[Sentence], kind: str, prefer: tuple[str, ...]) -> _Field | None:
    """A town named in the sentence just before or after the event's, or in the lead, for an event whose own
    sentences name none ("... met face to face on Friday." then "They met at the President Wilson Hotel in Geneva").
    A person checks it: the sentence may tell of somewhere else."""
    if main.main is None:
        return None
    at = main.main.index
    lead = next((s.index for s in sentences if is_prose(s)), 0)
    for index in dict.fromkeys((at - 1, at + 1, lead)):
        if not 0 <= index < len(sentences) or index == at or is_side_event(sentences[index].text):
            continue
        text = sentences[index].text
        towns = [p for p in find_places(text, prefer) if (p.city or p.facility) and not is_future_at(text, p.start)
                 and not _aside_place(text, p.start, kind, None)]
        if towns:
            town = towns[0]
            return _Field(town, min(town.confidence, 0.6), text,
                          f"{town.reason}, in the sentence beside the event's, which names no place", True)
    return None


def _slot(person: PersonMention, main: MainEvent) -> int:
    """0 when named before the main verb, 2 after it, 1 when only a supporting sentence names them."""
    assert main.main is not None
    text = main.main.text
    cue = text.find(main.kind.cue) if main.kind and main.kind.cue in text else -1
    if main.main.index not in person.sentences or cue < 0:
        return 1
    words = [w for w in person.name.split() if len(w) > 2]
    position = min((text.find(w) for w in words if w in text), default=-1)
    if position < 0:
        return 1
    return 0 if position < cue else 2


def _in_order(people: list[PersonMention], main: MainEvent) -> list[PersonMention]:
    """Who did it first, then to whom: named before the main verb, named only in a supporting sentence (the
    lead said "a top US commander"), then named after the verb."""
    return sorted(people, key=lambda p: _slot(p, main))


# A company's officer ("Chief Executive Officer of Chambishi Copper Processing Limited") holds no state's office.
_COMPANY_ROLE = re.compile(r"\b(?:executive|limited|ltd|inc|plc|llc|company|corporation|group|bank|holdings)\b",
                           re.IGNORECASE)
# Country-code domains sold to anyone (tv, io, me...), which say nothing about where an outlet is.
_VANITY_DOMAINS = frozenset("co io tv me ai ly fm am gg to cc ws la sh ag vc nu tk ml ga cf gq st gl ms".split())


def _outlet_country(url: str | None) -> str | None:
    """The country of a national outlet's country-code domain ("...com.br" -> Brazil); None for .com and co."""
    host = (urlsplit(url).hostname or "") if url else ""
    code = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(code) != 2 or code in _VANITY_DOMAINS:
        return None
    return gazetteer().country_name("GB" if code == "uk" else code.upper())


def _countries_from_dateline(people: list[PersonMention], article: Article, kind: str = "") -> None:
    """An official named without a country in wire copy holds office where the story was filed: agencies
    qualify foreign officials ("his Maldivian counterpart") and not their own ("External Affairs Minister").
    Likewise a government's own site (defense.gov, ispr.gov.pk) does not say whose its ministers are."""
    # A national outlet's own site (agenciabrasil.ebc.com.br, japantimes.co.jp) qualifies foreign officials and
    # not its own, wherever the story was filed: its country comes before the dateline's.
    country = _outlet_country(article.url)
    if country is None and article.dateline:
        filed = place_from_dateline(article.dateline)
        country = filed.country if filed is not None else None
    if country is None and article.url:
        domain = _GOV_DOMAIN.search(urlsplit(article.url).hostname or "")
        if domain:
            code = (domain["cc"] or "us").upper()
            country = gazetteer().country_name("GB" if code == "UK" else code)
    # Where the event happened says nothing of whose official someone is (an American general meets his
    # Russian counterpart in Helsinki): with no outlet, dateline or government site to go by, it stays unknown.
    if country is None:
        return
    if kind in ("meeting", "talks", "call", "visit", "summit") and any(p.country == country for p in people):
        return  # the host is named with their country: the unqualified official is the visitor
    # "Somaliland's President": a possessive names the country, even one the gazetteer does not know.
    unqualified = [p for p in people if p.country is None and p.role and not p.known
                   and not re.search(r"\b[A-Z][\w-]*['’]s\b", p.role) and not _COMPANY_ROLE.search(p.role)
                   and (any(w.lower() in _GOVERNMENT_OFFICES for w in re.findall(r"\w+", p.role))  # "President-elect"
                        or re.search(r"\bhead\s+of\s+(?:state|government)\b", p.role, re.IGNORECASE))]
    for person in unqualified:
        person.country = country


# The credit that closes a photo caption: "... Zurich, Switzerland July 5, 2019. Reuters", "(Photo: AP)".
_PHOTO_CREDIT = re.compile(r"(?:[.)]\s*|\s)(?:Reuters|AP|AFP|EPA|EPA-EFE|Getty\s+Images|Yonhap|Xinhua|Anadolu|"
                           r"Shutterstock|(?:Photo|Picture|Image)(?:\s*(?:by|:)\s*[\w .-]{2,40})?)\)?\s*$")


def _is_gallery(article: Article) -> bool:
    """Whether a page is a photo gallery: most of its paragraphs are captions closing with a photo credit."""
    paragraphs = [p for p in article.paragraphs() if len(p.split()) >= 6]
    credited = sum(bool(_PHOTO_CREDIT.search(p)) for p in paragraphs)
    return len(paragraphs) >= 4 and credited >= 0.6 * len(paragraphs)


def _office_holders(main: MainEvent, registry: PeopleRegistry | None, persons: list[PersonMention],
                    on: DateSpec | None) -> list[PersonMention]:
    """Participants the event's sentences name only by office, resolved through the registry (offices.py)."""
    have = {p.person_id for p in persons if p.is_participant}
    found: list[PersonMention] = []
    for sentence in _event_sentences(main):
        for holder in resolve_office(sentence.text, registry, on):
            if holder.person.id in have:
                continue
            have.add(holder.person.id)
            held = f"{holder.role.start.iso() if holder.role.start else '?'} to " \
                   f"{holder.role.end.iso() if holder.role.end else 'now'}"
            found.append(PersonMention(
                holder.person.name, holder.person.title, holder.role.role, holder.person.country or holder.role.country,
                holder.person.id, is_participant=True, evidence=sentence.text, confidence=0.6,
                first_index=sentence.index, sentences=[sentence.index], known=True,
                note=f"{holder.person.name} resolved from the office '{holder.office}' through the people registry "
                     f"({holder.role.role}, {held}): check"))
    return found


# Hours between where a report was filed and where its event happened beyond which a day word may name
# the other side's day ("Tuesday night" in Islamabad is Tuesday morning in Washington).
_TIME_ZONE_GAP_HOURS = 6


def _utc_offset_hours(city: City, on: dt.date) -> float | None:
    try:
        offset = ZoneInfo(city.timezone).utcoffset(dt.datetime(on.year, on.month, on.day, 12))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return offset.total_seconds() / 3600 if offset is not None else None


def _time_zone_gap(article: Article, date: _Field, place: Place | None, people: list[PersonMention],
                   kind: str = "") -> str | None:
    """Why a day word may be a day off: the report was filed far (in hours) from where the event happened, or
    the event was a call between places far apart, each side with its own day."""
    mention = date.mention
    if mention is None or mention.kind not in (WEEKDAY, RELATIVE) or date.value is None:
        return None
    gaz = gazetteer()
    on = date.value.first_day()
    capitals = [c for c in (gaz.capital_city(code) for code in
                            sorted({gaz.country_code(p.country) or "" for p in people if p.country}) if code)
                if c is not None and c.timezone]
    if kind == "call":
        for i, one in enumerate(capitals):
            for other in capitals[i + 1:]:
                gap = _gap(one, other, on)
                if gap is not None:
                    return (f"a call between {one.name} ({gap[0]}) and {other.name} ({gap[1]}): '{mention.text}' may "
                            "be another day on the other side; check the date against a report from that side")
    filed = place_from_dateline(article.dateline) if article.dateline else None
    filed_city = gaz.city(filed.city, (gaz.country_code(filed.country or "") or "",)) if filed and filed.city else None
    if filed_city is None or not filed_city.timezone:
        return None
    if place is not None and place.city:
        there = [gaz.city(place.city, (gaz.country_code(place.country or "") or "",))]
    else:
        there = capitals
    for city in [c for c in there if c is not None and c.timezone]:
        gap = _gap(filed_city, city, on)
        if gap is not None:
            return (f"the report was filed in {filed_city.name} ({gap[0]}) about an event involving {city.name} "
                    f"({gap[1]}): '{mention.text}' may be another day there; check the date against a report "
                    "from that side")
    return None


def _update_stamp_doubt(date: _Field, article: Article) -> str | None:
    """A day word counted from a date line labelled only "Updated": the story may first have run days earlier,
    and its "on Monday" with it."""
    mention = date.mention
    stamp = article.metadata_evidence.get("published", "")
    if mention is None or mention.kind not in (WEEKDAY, RELATIVE) or not is_update_line(stamp):
        return None
    return f"the page's only date is its last update ('{stamp}'); the story may first have run earlier"


def _gap(one: City, other: City, on: dt.date) -> tuple[str, str] | None:
    """The two cities' UTC offsets on that day, when they are far enough apart for a day word to differ."""
    a, b = _utc_offset_hours(one, on), _utc_offset_hours(other, on)
    if a is None or b is None or abs(a - b) < _TIME_ZONE_GAP_HOURS:
        return None
    return f"UTC{a:+g}", f"UTC{b:+g}"


def _participants(people: list[PersonMention], kind: str) -> tuple[list[PersonMention], _Field]:
    taking_part = [p for p in people if p.is_participant]
    if not taking_part:
        return [], _Field([], 0.0, None, "no one named in the article is shown taking part", True)
    confidence = min(p.confidence for p in taking_part)
    note = None
    if kind in ("meeting", "call", "talks") and len(taking_part) < 2:
        confidence = min(confidence, 0.5)
        note = f"a {kind} needs two sides, but only {taking_part[0].name} is named"
    missing = [p.name for p in taking_part if not p.role or not p.country]
    if missing and note is None:
        note = f"office or country not stated for {', '.join(missing)}"
    # A country the text does not state is left empty for a person to fill, never guessed from elsewhere.
    countryless = any(not p.country for p in taking_part)
    evidence = " / ".join(dict.fromkeys(p.evidence for p in taking_part))
    return taking_part, _Field(taking_part, round(confidence, 2), evidence, note,
                               confidence < CONFIDENCE_THRESHOLD or countryless)


# Kinds with two sides at least: one named side is a gap the sentences next to the event's may fill.
_TWO_SIDED_KINDS = ("meeting", "call", "talks", "summit")


def _people_beside(main: MainEvent, sentences: list[Sentence], persons: list[PersonMention]) -> list[PersonMention]:
    """People named with an office or rank in the sentence just before or after the event's, for an event whose
    own sentences name fewer than two sides ("The two foreign ministers held a phone conversation", "the pair
    discussed ..."). A person checks them: the neighbouring sentence may tell of something else."""
    if main.main is None or sum(p.is_participant for p in persons) >= 2:
        return []
    at = main.main.index
    lead = next((s.index for s in sentences if is_prose(s)), 0)
    added: list[PersonMention] = []
    # The nearest sentence first: just before, just after, two before; then the lead, which names the protagonists.
    for index in dict.fromkeys((at - 1, at + 1, at - 2, lead)):
        if not 0 <= index < len(sentences) or index == at or is_side_event(sentences[index].text):
            continue
        beside = [p for p in persons if index in p.sentences and not p.is_participant and not is_speaker(p)
                  and p.confidence > 0.5 and (p.role or p.title)]
        for person in beside:
            person.is_participant = True
            person.evidence = sentences[index].text
            person.note = "named in the sentence beside the event's, not in it"
        added += beside
        if sum(p.is_participant for p in persons) >= 2:
            break
    return added


def _people_of_headline(headline: str | None, known: list[PersonMention]) -> list[PersonMention]:
    """People the headline names with an office when the event's sentences name no one: a transcript's heading
    ("Joint press conference by President X and Y, Federal Chancellor of Germany") over "We have just had lunch".
    Their confidence stays below the review threshold: a person checks them."""
    found: list[PersonMention] = []
    for name in find_names(headline or ""):
        if name.surname_only or name.confidence == 0:
            continue
        person = next((p for p in known if name_key(p.name).split()[-1:] == name_key(name.name).split()[-1:]), None)
        if person is None:
            person = PersonMention(name.name, name.title, name.role, name.country, person_id_for(name.name),
                                   evidence=headline or "")
        person.is_participant, person.confidence = True, 0.5
        person.evidence = headline or ""
        found.append(person)
    return found if len(found) >= 2 else []


def _last_named(people: list[PersonMention], count: int) -> dict[int, str]:
    """For each sentence, the short name of the person named last before it (whom a leading "He" means)."""
    named = sorted(((index, person) for person in people for index in person.sentences), key=lambda item: item[0])
    subjects: dict[int, str] = {}
    current: str | None = None
    position = 0
    for index in range(count):
        while position < len(named) and named[position][0] < index:
            person = named[position][1]
            current = person.short or person.name.split()[-1]
            position += 1
        if current:
            subjects[index] = current
    return subjects


def extract_article(article: Article, people: PeopleRegistry | None = None,
                    kinds: tuple[str, ...] = DEFAULT_KINDS) -> Extraction:
    """The draft event an article reports, with evidence and confidence for every field.

    `kinds` is the project's vocabulary (Config.kinds): a kind the extractor tells apart but the vocabulary
    lacks ("resignation", "ruling", "disaster") is reported as `other`."""
    sentences = split_sentences(article.text)
    if not sentences:
        return Extraction(article, None, problems=["the article has no text"])
    if article.genre == "opinion":
        # An op-ed mentions events to argue about them; a stub made from one would be a guess dressed as a report.
        return Extraction(article, None, problems=["it reads as an opinion piece or analysis (a genre label, or a "
                                                   "closing note on the writer), which argues rather than reports"])
    if _is_gallery(article):
        return Extraction(article, None, problems=["it reads as a photo gallery: its paragraphs are captions, each "
                                                   "closing with a picture agency's credit"])
    main = find_main_event(sentences, article.title)
    if main.main is None:
        return Extraction(article, None, problems=["no sentence in the article reads like a report of an event"])
    persons = find_people(sentences, people, main.indices)
    kind_guess = main.kind
    kind = kind_guess.kind if kind_guess else "other"
    beside = _people_beside(main, sentences, persons) if kind in _TWO_SIDED_KINDS else []
    if kind in ("meeting", "talks", "call", "summit", "visit") and not any(p.is_participant for p in persons):
        persons = _people_of_headline(article.title, persons) + persons
    kind_field = _Field(reported_kind(kind, kinds), kind_guess.confidence if kind_guess else 0.3,
                        kind_guess.sentence if kind_guess else main.main.text,
                        f"from the words '{kind_guess.cue}'" if kind_guess else "no wording says what kind of event this is")
    kind_field.needs_review = kind_field.confidence < CONFIDENCE_THRESHOLD
    date_field, temporal = _choose_date(main, article, sentences)
    if not kind_guess and date_field.value is not None:
        # No wording says what happened: the date is of a happening no one has named, so a person checks both.
        date_field.needs_review = True
        date_field.note = f"{date_field.note}; the article reports no event of a known kind"
    elif date_field.needs_review and date_field.note and _BACKGROUND_DATE in date_field.note \
            and kind_field.confidence < CONFIDENCE_THRESHOLD + 0.2:
        # The only happening the lead reports is months before the page: likely background, not the page's news.
        kind_field.needs_review = True
        kind_field.note = f"{kind_field.note}; the only happening found is dated long before the page"
    place_field = _choose_place(main, article, kind, sentences)
    if kind in _KINDS_WITH_VICTIMS:
        for person in persons:
            if person.is_participant and _slot(person, main) == 2:
                person.is_participant = False
    resolved = _office_holders(main, people, persons, date_field.value)  # type: ignore[arg-type]
    persons += resolved
    participants, participants_field = _participants(persons, kind)
    participants = _in_order(participants, main)
    if kind == "summit" and len(participants) == 2 and (participants[0].country != participants[1].country
                                                         or participants[0].country is None):
        # A summit of two countries' leaders is told as their meeting; a summit is of three or more sides.
        kind = "meeting"
        kind_field.value = reported_kind(kind, kinds)
        kind_field.note = f"{kind_field.note}; a summit of two leaders is their meeting"
    if resolved or beside:
        participants_field.needs_review = True
        notes = [*(p.note for p in resolved), *(f"{p.name}: {p.note}" for p in beside[:1])]
        participants_field.note = "; ".join(filter(None, [participants_field.note, *notes]))
    place: Place | None = place_field.value  # type: ignore[assignment]
    _countries_from_dateline(participants, article, kind)
    gap = _time_zone_gap(article, date_field, place, participants, kind) or stamp_day_doubt(
        date_field.mention, date_field.value, article.published, sentences, article.text) \
        or _update_stamp_doubt(date_field, article)  # type: ignore[arg-type]
    if gap:
        date_field.needs_review = True
        date_field.note = f"{date_field.note}; {gap}"
    title = event_title(kind, [p.short or p.name for p in participants], place.city if place else None,
                        article.title or main.main.text)
    title_confidence = round(min(kind_field.confidence, participants_field.confidence or 0.4), 2)
    title_field = _Field(title, title_confidence, main.main.text,
                         "made from the participants' surnames, the kind and the place" if participants
                         else "no participants: taken from the headline", title_confidence < CONFIDENCE_THRESHOLD)
    date: DateSpec | None = date_field.value  # type: ignore[assignment]
    mentions: list[Mention] = find_mentions(sentences, article.published, date, main.indices, article.name,
                                            _last_named(persons, len(sentences)))
    review = Review()
    for name, item in (("date", date_field), ("place", place_field), ("kind", kind_field),
                       ("participants", participants_field), ("title", title_field)):
        if item.evidence:
            review.evidence[name] = item.evidence
        if item.evidence or item.needs_review:
            review.confidence[name] = round(max(0.0, min(1.0, item.confidence)), 2)
        if item.needs_review:
            review.needs.append(name)
        if item.note and (item.needs_review or name == "date"):
            review.notes[name] = item.note
    event = Event(
        id=event_id_for(date, title),
        title=title,
        date=date,
        kind=reported_kind(kind, kinds),
        status=DRAFT,
        place=place.name if place else None,
        summary=event_summary(main),
        participants=[Participant(p.name, p.title, p.role, p.country, p.person_id) for p in participants],
        sources=[Source(article=article.name, outlet=article.outlet, url=article.url, published=article.published,
                        headline=article.title, author=article.author, quote=main.main.text)],
        mentions=mentions,
        review=review,
    )
    return Extraction(article, event, persons, temporal)


def warm_up() -> None:
    """Load the gazetteer and date parser now (once per worker process), not inside the first article."""
    gazetteer()
    find_temporal_mentions("It happened on September 22, 2021.", None)
