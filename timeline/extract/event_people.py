"""Who took part in the main event: the people its sentences name doing it, in the order they are named,
people named only by office resolved through the registry, and countries from what the page says of them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..load.people import PeopleRegistry, name_key, person_id_for
from ..partial_date import DateSpec
from .article import Article
from .event_fields import CONFIDENCE_THRESHOLD, Field, event_sentences
from .kinds import MainEvent, is_prose, is_side_event
from .offices import office_mentions, resolve_office, role_fits
from .people_mentions import PersonMention, find_names, is_counterpart, is_speaker
from .places import country_of, find_places, gazetteer, place_from_dateline
from .sentences import Sentence

# Offices of a state (not of a party, a company or an alliance), for the dateline's country.
_GOVERNMENT_OFFICES = frozenset("minister president premier secretary chancellor governor chief commander general "
                                "admiral ambassador envoy chairman chair marshal".split())


# Kinds that happen to people: someone named after the verb ("a protest against the detention of Imran Khan",
# "an attack on the convoy of ...") is its object, not a participant.
KINDS_WITH_VICTIMS = ("protest", "attack")


def slot(person: PersonMention, main: MainEvent) -> int:
    """0 when named before the main verb, 2 after it, 1 when only a supporting sentence names them."""
    assert main.main is not None
    text = main.main.text
    cue = text.find(main.kind.cue) if main.kind and main.kind.cue in text else -1
    position = named_at(person, text)
    if main.main.index not in person.sentences or cue < 0 or position == len(text):
        return 1
    return 0 if position < cue else 2


def named_at(person: PersonMention, text: str) -> int:
    """Where in a sentence a person is first named, by any of their name words (len(text) when not found)."""
    return min((text.find(w) for w in person.name.split() if len(w) > 2 and w in text), default=len(text))


def in_order(people: list[PersonMention], main: MainEvent) -> list[PersonMention]:
    """Who did it first, then to whom: named before the main verb, named only in a supporting sentence (the
    lead said "a top US commander"), then named after the verb."""
    return sorted(people, key=lambda p: slot(p, main))


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


def countries_from_dateline(people: list[PersonMention], article: Article, kind: str = "") -> None:
    """An official named without a country in wire copy holds office where the story was filed: agencies
    qualify foreign officials ("his Maldivian counterpart") and not their own ("External Affairs Minister")."""
    # A national outlet's own site (agenciabrasil.ebc.com.br, japantimes.co.jp) qualifies foreign officials and
    # not its own, wherever the story was filed: its country comes before the dateline's.
    country = _outlet_country(article.url)
    filed = place_from_dateline(article.dateline) if article.dateline else None
    if country is not None and article.agency and filed is not None and filed.country not in (None, country):
        # An agency's copy filed abroad on a national outlet's site ("Islamabad, Apr 27 (PTI)" on an Indian site):
        # the agency may write from either side, so whose the unqualified official is stays for a person to say.
        return
    if country is None and filed is not None:
        country = filed.country
    # Where the event happened says nothing of whose official someone is (an American general meets his
    # Russian counterpart in Helsinki): with no outlet or dateline to go by, it stays unknown.
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


def office_holders(main: MainEvent, registry: PeopleRegistry | None, persons: list[PersonMention],
                    on: DateSpec | None) -> list[PersonMention]:
    """Participants the event's sentences name only by office, resolved through the registry (offices.py)."""
    have = {p.person_id for p in persons if p.is_participant}
    found: list[PersonMention] = []
    for sentence in event_sentences(main):
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


def offices_named_on_page(main: MainEvent, persons: list[PersonMention]) -> list[PersonMention]:
    """The page's own people whom the event's sentences name only by office ("The Australian Defence Minister
    arrived in India") when exactly one person the page names elsewhere holds it ("Deputy Prime Minister and
    Minister for Defence Richard Marles"): they take part, flagged."""
    found: list[PersonMention] = []
    for sentence in event_sentences(main):
        for office, country, mods, head in office_mentions(sentence.text):
            fits = [p for p in persons if not p.is_participant and p.role and (country is None or p.country == country)
                    and any(role_fits(part, mods, head) for part in re.split(r",?\s+and\s+", p.role))]
            if any(p.name.split()[-1] in sentence.text for p in fits):
                continue  # the office is the title of someone the sentence names: the usual rules judge them
            if len(fits) == 1 and fits[0] not in found:
                holder = fits[0]
                holder.is_participant = True
                holder.note = f"named in the event's sentence only as '{office}', the office the page gives {holder.name}: check"
                found.append(holder)
    return found


def participants_of(people: list[PersonMention], kind: str) -> tuple[list[PersonMention], Field]:
    taking_part = [p for p in people if p.is_participant]
    if not taking_part:
        return [], Field([], 0.0, None, "no one named in the article is shown taking part", True)
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
    return taking_part, Field(taking_part, round(confidence, 2), evidence, note,
                               confidence < CONFIDENCE_THRESHOLD or countryless)


# Kinds with two sides at least: one named side is a gap the sentences next to the event's may fill. A visit's
# other side is its host.
TWO_SIDED_KINDS = ("meeting", "call", "talks", "summit", "visit")


def visited_country(main: MainEvent) -> str | None:
    """The country a visit goes to: that of the first place named after the visit's words ("arrived in Astana,
    Kazakhstan", "a state visit to Kenya")."""
    if main.main is None or main.kind is None or main.kind.kind != "visit":
        return None
    text = main.main.text
    cue = text.find(main.kind.cue)
    after = [p for p in find_places(text) if p.start > cue >= 0 and p.country]
    return after[0].country if after else None


def people_beside(main: MainEvent, sentences: list[Sentence], persons: list[PersonMention]) -> list[PersonMention]:
    """People named with an office or rank in the sentence just before or after the event's, for an event whose
    own sentences name fewer than two sides ("The two foreign ministers held a phone conversation", "the pair
    discussed ..."); for a visit, only officials of the visited country (its host, "was greeted on arrival by
    Kazakh President X"), not the visitor's own delegation. A person checks them: the neighbouring sentence may
    tell of something else."""
    if main.main is None or sum(p.is_participant for p in persons) >= 2:
        return []
    added = pronoun_subject(main, sentences, persons)
    visited = visited_country(main)
    if main.kind is not None and main.kind.kind == "visit" and visited is None:
        return []  # a visit whose destination is not named: no one beside it is known to be its host
    at = main.main.index
    lead = next((s.index for s in sentences if is_prose(s)), 0)
    after = at + 1
    while after in main.indices:
        after += 1  # the sentences supporting the event's are its own; the one after them is beside it
    # The nearest sentence first: just before, just after, two before; then the lead, which names the protagonists.
    # A visit's host may be named after the arrival's details, and only an official of the visited country counts.
    nearby = (at - 1, after, at - 2, after + 1, lead) if visited else (at - 1, after, at - 2, lead)
    for index in dict.fromkeys(nearby):
        if not 0 <= index < len(sentences) or index == at or is_side_event(sentences[index].text):
            continue
        beside = [p for p in persons if index in p.sentences and not p.is_participant and not is_speaker(p)
                  and p.confidence > 0.5 and (p.role or p.title) and (visited is None or p.country == visited
                                                                      or p.country is None and heads_a_state(p.role))]
        if visited is not None:
            # A visit has one host: the official named first ("greeted by X ... to hold talks with Y later").
            beside = sorted(beside, key=lambda p: named_at(p, sentences[index].text))[:1]
        for person in beside:
            person.is_participant = True
            person.evidence = sentences[index].text
            person.note = "named in the sentence beside the event's, not in it"
        added += beside
        if sum(p.is_participant for p in persons) >= 2:
            break
    if visited is not None and sum(p.is_participant for p in persons) < 2:
        added += visit_counterpart(visited, persons)
    return added


# Offices that head a state or its government: the host a national outlet names with no country ("President X").
_HEAD_OF_STATE_WORDS = frozenset("president prime premier king queen emir amir sultan chancellor".split())


def heads_a_state(role: str | None) -> bool:
    """Whether an office heads a state or its government, not a deputy's or a former holder's."""
    words = office_key(role)
    return bool(words & _HEAD_OF_STATE_WORDS) and not words & {"vice", "deputy", "former"}


# A pronoun standing for the one doing the event: "He met ...", "the start of his three-day visit".
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")


def pronoun_subject(main: MainEvent, sentences: list[Sentence], persons: list[PersonMention]) -> list[PersonMention]:
    """The person a pronoun before the event's words stands for, when the sentence names no one before it: the
    one named first in the nearest sentence before that names anyone (that sentence's subject)."""
    assert main.main is not None and main.kind is not None
    text, at = main.main.text, main.main.index
    cue = text.find(main.kind.cue)
    pronoun = _PRONOUN.search(text, 0, cue + len(main.kind.cue)) if cue >= 0 else None
    if pronoun is None or any(named_at(p, text) < pronoun.start() for p in persons if at in p.sentences):
        return []
    before = max((i for p in persons for i in p.sentences if i < at), default=None)
    if before is None:
        return []
    named = sorted((p for p in persons if before in p.sentences), key=lambda p: named_at(p, sentences[before].text))
    subject = named[0]
    if subject.is_participant or is_speaker(subject) or not (subject.role or subject.title or subject.known):
        return []
    subject.is_participant = True
    subject.note = f"the '{pronoun[0]}' of the event's sentence, named in the sentence before: check"
    return [subject]


def office_key(role: str | None) -> frozenset[str]:
    """An office's words without its country and filler, spelling unified: "Minister of Foreign Affairs of Poland"
    and "Foreign Minister" are one office, "Finance Minister" another."""
    words = re.findall(r"[\w-]+", (role or "").lower().replace("defence", "defense"))
    return frozenset(w for w in words if w not in _OFFICE_FILLER and country_of(w.title()) is None)


_OFFICE_FILLER = frozenset("of the for and affairs counterpart counterparts".split())


def visit_counterpart(visited: str, persons: list[PersonMention]) -> list[PersonMention]:
    """A visit's host named further from the arrival: the visited country's official holding the visitor's own
    office, or called the visitor's counterpart ("his Ukrainian counterpart Dmytro Kuleba" ten sentences down)."""
    visitors = {office_key(p.role) for p in persons if p.is_participant} - {frozenset()}
    hosts = [p for p in persons if not p.is_participant and not is_speaker(p) and p.confidence > 0.5
             and p.country == visited and (office_key(p.role) in visitors or is_counterpart(p))]
    if not visitors or not hosts:
        return []
    host = min(hosts, key=lambda p: p.first_index)
    if is_counterpart(host):
        # A counterpart holds the visitor's office in the visited country.
        host.role = next(p.role for p in persons if p.is_participant and office_key(p.role))
    host.is_participant = True
    host.note = "the visited country's official with the visitor's office, named apart from the visit: check"
    return [host]


def people_of_headline(headline: str | None, known: list[PersonMention]) -> list[PersonMention]:
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


def other_side_of_headline(headline: str | None, persons: list[PersonMention]) -> PersonMention | None:
    """The other side of a two-sided happening whose sentences name one: the headline names both by surname
    ("Buhari hosts Tinubu at Aso Rock") and the article names the other in full somewhere. Flagged for a check."""
    taking_part = [p for p in persons if p.is_participant]
    if len(taking_part) != 1:
        return None
    surnames = {name_key(n.name) for n in find_names(headline or "") if n.surname_only}
    own = name_key(taking_part[0].short or taking_part[0].name.split()[-1])
    others = surnames - {own}
    if own not in surnames or len(others) != 1:
        return None
    other = others.pop()
    found = [p for p in persons if not p.is_participant and len(p.name.split()) > 1
             and name_key(p.short or p.name.split()[-1]) == other]
    if len(found) != 1:
        return None
    found[0].is_participant = True
    found[0].note = "the other side the headline names, not named in the event's sentences: check"
    return found[0]


def last_named(people: list[PersonMention], count: int) -> dict[int, str]:
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
