"""Where the main event happened: the venue and city its sentences name, never a place named in passing, a
topic or an earlier happening; the sentence beside them or the dateline only as a flagged fallback."""

from __future__ import annotations

import re

from .article import Article
from .event_fields import CONFIDENCE_THRESHOLD, PLACELESS_KINDS, Field, event_sentences
from .kinds import MainEvent, is_prose, is_side_event
from .places import Place, countries_in, find_places, gazetteer, place_from_dateline
from .sentences import Sentence
from .temporal import is_future_at

# Where a clause about something else begins: "..., three weeks after his ...", "in response to the strike".
_OTHER_CLAUSE = re.compile(r"\b(?:(?:days?|weeks?|months?|years?)\s+(?:after|before)|in\s+response\s+to|since|"
                           r"ahead\s+of|for\s+(?:the\s+)?(?:construction|building|development|expansion|upgrade|"
                           r"rehabilitation|supply|financing|purchase)\s+of)\b", re.IGNORECASE)


# A sentence framing the event by an earlier one: "The talks come after the two leaders met in Amman in March".
_FRAMED_BY_EARLIER = re.compile(r"\b(?:comes?|came|follows?|followed)\s+(?:[\w-]+\s+){0,3}?(?:after|on\s+the\s+heels\s+of)\b",
                                re.IGNORECASE)


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
    if _PERSON_ASIDE.search(before) or _FRAMED_BY_EARLIER.search(before):
        return True
    at = text.find(cue) if cue else -1
    clause = _OTHER_CLAUSE.search(text, at + len(cue or "")) if at >= 0 else None
    return clause is not None and clause.start() < start


def choose_place(main: MainEvent, article: Article, kind: str, sentences: list[Sentence]) -> Field:
    """The most specific place named in the event's sentences; the dateline only as a flagged fallback."""
    if kind == "call":  # a call joins two places; "ahead of a trip to Beijing" is not where it happened
        return Field(None, 1.0, None, None, False)
    if kind == "ruling" and article.dateline:
        # A court delivers its ruling where it sits, where its release is filed; the case's places are its subject.
        seat = place_from_dateline(article.dateline)
        if seat is not None:
            return Field(seat, 0.75, article.dateline, f"a ruling delivered where the court sits: {seat.name}", False)
    prefer = countries_in(article.text)
    if kind == "election":
        # A national vote happens across its country: the country named with it, not a city in passing.
        for sentence in event_sentences(main):
            codes = countries_in(sentence.text)
            if codes:
                country = gazetteer().country_name(codes[0])
                return Field(Place(country or codes[0], country or codes[0], sentence.text, 0, None, country), 0.75,
                              sentence.text, f"an election in {country}", False)
    best: Place | None = None
    for sentence in event_sentences(main):
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
        return Field(best, best.confidence, best.sentence, best.reason, best.confidence < CONFIDENCE_THRESHOLD)
    if kind in PLACELESS_KINDS and kind != "appointment":
        return Field(None, 1.0, None, None, False)
    beside = _place_headline(article.title, kind, prefer) or _place_beside(main, sentences, kind, prefer)
    if beside is not None:
        return beside
    if article.dateline:
        # An appointment is made somewhere, likely where the story was filed ("ADDIS ABABA - ... named a cabinet"):
        # the dateline, flagged like any place taken from it.
        fallback = place_from_dateline(article.dateline, prefer)
        if fallback is not None:
            return Field(fallback, fallback.confidence, article.dateline, fallback.reason, True)
    if kind in PLACELESS_KINDS:
        return Field(None, 1.0, None, None, False)
    return Field(None, 0.0, None, "the article does not say where the event happened", True)


def _place_headline(headline: str | None, kind: str, prefer: tuple[str, ...]) -> Field | None:
    """A town the headline names, for an event whose own sentences name none ("Leaders meet in Vienna" over a lead
    that says only "met on Friday"): headlines name the venue the lead takes as known. A person checks it."""
    if not headline:
        return None
    towns = [p for p in find_places(headline, prefer) if (p.city or p.facility)
             and not _aside_place(headline, p.start, kind, None)]
    if not towns:
        return None
    town = towns[0]
    return Field(town, min(town.confidence, 0.6), headline, f"{town.reason}, in the headline; the event's sentences "
                 "name no place", True)


def _place_beside(main: MainEvent, sentences: list[Sentence], kind: str, prefer: tuple[str, ...]) -> Field | None:
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
            return Field(town, min(town.confidence, 0.6), text,
                          f"{town.reason}, in the sentence beside the event's, which names no place", True)
    return None
