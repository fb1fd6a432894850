"""Assemble an honest draft event from one article: every field with its evidence, its confidence, and a
review flag wherever the article does not settle it.

`extract_article` is pure: an `Article` and the people registry in, an `Extraction` out; no files.
The rule above all others: never a confident wrong date. A date is only as precise as the text and the
publication date allow; when they do not allow one, the date is left empty and "date" goes to
`review.needs` with the reason in plain English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..load.model import DEFAULT_KINDS, DRAFT, Event, Mention, Participant, Review, Source
from ..load.people import PeopleRegistry
from ..partial_date import DateSpec
from ..slugs import event_id_for
from .article import STORY_CHARS, Article
from .date_checks import doubted_stamp, rival_in_lead, stamp_day_doubt, time_zone_gap
from .event_date import BACKGROUND_DATE, choose_date
from .event_fields import CONFIDENCE_THRESHOLD, Field
from .event_people import (
    KINDS_WITH_VICTIMS,
    TWO_SIDED_KINDS,
    countries_from_dateline,
    in_order,
    last_named,
    office_holders,
    offices_named_on_page,
    other_side_of_headline,
    participants_of,
    people_beside,
    people_of_headline,
    slot,
)
from .event_place import choose_place
from .kinds import event_summary, event_title, find_main_event, reported_kind
from .mentions import find_mentions
from .people_mentions import PersonMention, find_people
from .places import Place, gazetteer
from .sentences import split_sentences
from .temporal import TemporalMention, find_temporal_mentions


@dataclass
class Extraction:
    """What one article yields: the draft event (None if no event could be found) and everyone it names."""

    article: Article
    event: Event | None
    people: list[PersonMention] = field(default_factory=list)
    dates: list[TemporalMention] = field(default_factory=list)  # temporal mentions in the event's sentences
    problems: list[str] = field(default_factory=list)  # why no event, in plain English


# The credit that closes a photo caption: "... Zurich, Switzerland July 5, 2019. Reuters", "(Photo: AP)".
_PHOTO_CREDIT = re.compile(r"(?:[.)]\s*|\s)(?:Reuters|AP|AFP|EPA|EPA-EFE|Getty\s+Images|Yonhap|Xinhua|Anadolu|"
                           r"Shutterstock|(?:Photo|Picture|Image)(?:\s*(?:by|:)\s*[\w .-]{2,40})?)\)?\s*$")


def _is_gallery(article: Article) -> bool:
    """Whether a page is a photo gallery: most of its paragraphs are captions closing with a photo credit."""
    paragraphs = [p for p in article.paragraphs() if len(p.split()) >= 6]
    credited = sum(bool(_PHOTO_CREDIT.search(p)) for p in paragraphs)
    return len(paragraphs) >= 4 and credited >= 0.6 * len(paragraphs)


def extract_article(article: Article, people: PeopleRegistry | None = None,
                    kinds: tuple[str, ...] = DEFAULT_KINDS) -> Extraction:
    """The draft event an article reports, with evidence and confidence for every field.

    `kinds` is the project's vocabulary (Config.kinds): a kind the extractor tells apart but the vocabulary
    lacks ("resignation", "ruling", "disaster") is reported as `other`."""
    sentences = split_sentences(article.text[:STORY_CHARS])
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
    beside = people_beside(main, sentences, persons) if kind in TWO_SIDED_KINDS else []
    if kind in ("meeting", "talks", "call", "summit", "visit") and not any(p.is_participant for p in persons):
        persons = people_of_headline(article.title, persons) + persons
    other_side = other_side_of_headline(article.title, persons) if kind in TWO_SIDED_KINDS else None
    kind_field = Field(reported_kind(kind, kinds), kind_guess.confidence if kind_guess else 0.3,
                        kind_guess.sentence if kind_guess else main.main.text,
                        f"from the words '{kind_guess.cue}'" if kind_guess else "no wording says what kind of event this is")
    kind_field.needs_review = kind_field.confidence < CONFIDENCE_THRESHOLD
    date_field, temporal = choose_date(main, article, sentences)
    if not kind_guess and date_field.value is not None:
        # No wording says what happened: the date is of a happening no one has named, so a person checks both.
        date_field.needs_review = True
        date_field.note = f"{date_field.note}; the article reports no event of a known kind"
    elif date_field.needs_review and date_field.note and BACKGROUND_DATE in date_field.note \
            and kind_field.confidence < CONFIDENCE_THRESHOLD + 0.2:
        # The only happening the lead reports is months before the page: likely background, not the page's news.
        kind_field.needs_review = True
        kind_field.note = f"{kind_field.note}; the only happening found is dated long before the page"
    place_field = choose_place(main, article, kind, sentences)
    if kind in KINDS_WITH_VICTIMS:
        for person in persons:
            if person.is_participant and slot(person, main) == 2:
                person.is_participant = False
    named_here = offices_named_on_page(main, persons)
    resolved = office_holders(main, people, persons, date_field.value)  # type: ignore[arg-type]
    persons += resolved
    participants, participants_field = participants_of(persons, kind)
    participants = in_order(participants, main)
    if kind == "summit" and len(participants) == 2 and (participants[0].country != participants[1].country
                                                         or participants[0].country is None):
        # A summit of two countries' leaders is told as their meeting; a summit is of three or more sides.
        kind = "meeting"
        kind_field.value = reported_kind(kind, kinds)
        kind_field.note = f"{kind_field.note}; a summit of two leaders is their meeting"
    if resolved or named_here or beside or other_side:
        participants_field.needs_review = True
        named_apart = beside[:1] + ([other_side] if other_side else [])
        notes = [*(p.note for p in resolved), *(f"{p.name}: {p.note}" for p in named_here),
                 *(f"{p.name}: {p.note}" for p in named_apart)]
        participants_field.note = "; ".join(filter(None, [participants_field.note, *notes]))
    if kind in TWO_SIDED_KINDS and not participants:
        # A call or a meeting with no one taking part is more likely a misread word ("a label called 'X'") than
        # the page's news: its kind and its date are a person's to check.
        kind_field.needs_review = date_field.needs_review = True
        kind_field.note = f"{kind_field.note}; no one named in the article takes part in it"
        date_field.note = f"{date_field.note}; no one named in the article takes part in the {kind}"
    elif kind_field.needs_review and date_field.value is not None and not date_field.needs_review:
        # An uncertain kind may be another happening's (a reaction, a background summit the headline does not tell)
        # or none of the project's kinds (a match, earnings): the date read with it is a person's to check too.
        date_field.needs_review = True
        date_field.note = f"{date_field.note}; the kind is uncertain, so the words it was read from may tell another happening"
    place: Place | None = place_field.value  # type: ignore[assignment]
    countries_from_dateline(participants, article, kind)
    gap = doubted_stamp(date_field, article) or time_zone_gap(article, date_field, place, participants, kind) \
        or stamp_day_doubt(date_field.mention, date_field.value, article.published, sentences, article.text)  # type: ignore[arg-type]
    if gap is None and not date_field.needs_review:
        gap = rival_in_lead(date_field.value, article.published, sentences, main.indices)  # type: ignore[arg-type]
    if gap:
        date_field.needs_review = True
        date_field.note = f"{date_field.note}; {gap}"
    title = event_title(kind, [p.short or p.name for p in participants], place.city if place else None,
                        article.title or main.main.text)
    title_confidence = round(min(kind_field.confidence, participants_field.confidence or 0.4), 2)
    title_field = Field(title, title_confidence, main.main.text,
                         "made from the participants' surnames, the kind and the place" if participants
                         else "no participants: taken from the headline", title_confidence < CONFIDENCE_THRESHOLD)
    date: DateSpec | None = date_field.value  # type: ignore[assignment]
    mentions: list[Mention] = find_mentions(sentences, article.published, date, main.indices, article.name,
                                            last_named(persons, len(sentences)))
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
