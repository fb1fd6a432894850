"""The main event's date: which of the temporal mentions in the event's sentences dates it, how sure that is,
and why a person should check it.

The rule above all others: never a confident wrong date. A date is only as precise as the text and the
publication date allow; when they do not allow one, the date is left empty and flagged with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..partial_date import DAY, YEAR, DateSpec, DateValueError, PartialDate
from .article import Article
from .date_checks import (
    ASIDE_CLAUSE,
    BOUND_RELATIONS,
    LEAD_SENTENCES,
    PRINTED_WITHIN_DAYS,
    RECENT_DAYS,
    date_from_lead,
    dateline_day_before_stamp,
)
from .event_fields import CONFIDENCE_THRESHOLD, Field, event_sentences
from .kinds import MainEvent, classify_kind, is_prose, is_side_event
from .sentences import Sentence
from .temporal import EXPLICIT, RELATIVE, WEEKDAY, WEEKDAYS, TemporalMention, find_temporal_mentions, is_future_at

# Words showing that a date belongs to the report of the event ("a handout issued on Monday").
_ATTRIBUTION = re.compile(r"\b(?:said|says|stated|statement|handout|announced|according|told|issued|reported|"
                          r"confirmed|readout|release|released|quoted|quoting|cited|citing|wrote|tweeted)\b[^.]{0,40}$", re.IGNORECASE)


# A day on the verb that reports the event, not on the event: "X's office on Thursday confirmed he had a call".
_REPORTED_ON_DAY = re.compile(r"\s*,?\s*(?:\w+\s+)?(?:said|confirmed|announced|revealed|disclosed|told|stated|"
                              r"reported|acknowledged)\b", re.IGNORECASE)


_IN_ASIDE = re.compile(ASIDE_CLAUSE, re.IGNORECASE)


BACKGROUND_DATE = f"it is more than {RECENT_DAYS} days before the publication date"


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
                           posts: dict[int, PartialDate | None]) -> tuple[Field, list[TemporalMention]] | None:
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
            return Field(chosen.value, round(min(chosen.confidence, 0.75), 2), sentence.text,
                          f"'{chosen.text}' in a quoted post, counted from the post's own date {posted.iso()}",
                          chosen.confidence < CONFIDENCE_THRESHOLD), mentions
    return None


# "Wednesday's call", "Monday's meeting": a weekday owning the event's own noun names the event's day.
_NOUNS_OF_KIND = {"call": "call|phone\\s+call|conversation|phone\\s+conversation", "meeting": "meeting|talks",
                  "talks": "talks|negotiations", "summit": "summit", "visit": "visit|trip"}


_WEEKDAY_OWNS = r"\b(?P<owner>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)['’]s\s+(?:[\w-]+\s+)?(?:{nouns})\b"
# "The call took place on Tuesday evening", "the talks were held Monday", "their meeting on Friday": the event's own
# noun, then its day, with no one saying or announcing anything in between.
_NOUN_ON_DAY = (r"\b(?i:the|their|this|that)\s+(?:[\w-]+\s+)?(?:{nouns})\s+(?:(?:took\s+place|was\s+held|were\s+held|"
                r"happened|occurred|was|were)\s+)?(?:(?:late|early)\s+)?(?:on\s+)?"
                r"(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")


def _day_of_the_event_named(main: MainEvent, sentences: list[Sentence],
                            article: Article) -> tuple[TemporalMention, str] | None:
    """The day the page gives the event by name ("following Wednesday's call", "the call took place on Tuesday"),
    counted from the publication date, and the words that give it."""
    nouns = _NOUNS_OF_KIND.get(main.kind.kind if main.kind else "")
    if nouns is None or article.published is None:
        return None
    pattern = re.compile(f"{_WEEKDAY_OWNS}|{_NOUN_ON_DAY}".format(nouns=nouns))
    for sentence in sentences:
        owned = pattern.search(sentence.text)
        if owned is None or is_future_at(sentence.text, owned.start()):
            continue
        day_at = owned.start("owner") if owned["owner"] else owned.start("day")
        found = [m for m in find_temporal_mentions(sentence.text, article.published)
                 if m.kind == WEEKDAY and m.start <= day_at < m.end and m.relation is None]
        if found:
            return found[0], owned.group(0)
    return None


# A date in words that describe something other than the event: an aside (", who took office in August,"), a
# happening the event follows ("following talks in Doha in September"), or a date naming a thing ("the August 30
# agreement", "the March 2021 coup").
_BACKGROUND_BEFORE = re.compile(ASIDE_CLAUSE + r"|\b(?:after|following|since|before|ahead\s+of|in\s+the\s+wake\s+of|amid)\s[^,;]*$",
                                re.IGNORECASE)
_NAMING_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her)\s*$", re.IGNORECASE)
_NAMED_AFTER = re.compile(r"\s+(?!(?:in|at|on|and|or|to|of|for|with|by|as|when|while|was|were|is|are|has|had|have|"
                          r"will|would|local|time|between|from|until|till|through|this|that|the)\b)[a-z]{3,}")


def _clause_about_something_else(text: str, mention: TemporalMention, nouns: str | None) -> str:
    """The words that make a date another happening's or a thing's name, or "" when it reads as the event's own:
    a clause that names the event's own kind ("following a phone call with him Monday") is the event's."""
    before = text[:mention.start]
    clause = _BACKGROUND_BEFORE.search(before)
    if clause:
        words = (clause.group(0) + text[mention.start:mention.end + 30]).strip(" ,")
        if nouns and re.search(rf"\b(?:{nouns})\b", words, re.IGNORECASE):
            return ""
        return (clause.group(0) + mention.text).strip(" ,")
    named = _NAMED_AFTER.match(text, mention.end)
    if named and mention.kind in (EXPLICIT, "month", "year") and _NAMING_BEFORE.search(before):
        return f"{mention.text}{named.group(0)}"
    return ""


# Between a weekday and the date that says which one it is: "Wednesday, September 29", "Monday (March 13)".
_WEEKDAY_TO_DATE = re.compile(r"\s*[,(]?\s*(?:the\s+)?")


def _weekday_named(mention: TemporalMention) -> str:
    """ "on Wednesday night" -> "wednesday"."""
    return next((word for word in mention.text.lower().split() if word in WEEKDAYS), "")


def _weekday_placed_by_caption(weekday: TemporalMention, article: Article, before: int) -> Field | None:
    """The day a weekday names on a page with no date of its own, when a photo caption (one taken out of the
    story, or a line above paragraph `before`, where the weekday stands) gives one full date that falls on that
    weekday ("... in Tallinn on June 22, 2023" above "met on Thursday"): the photo may be of another day, so a
    person checks it."""
    named = _weekday_named(weekday) if weekday.kind == WEEKDAY else ""
    if not named:
        return None
    above = [*article.captions, *article.paragraphs()[:before]]
    days = {m.value.iso(): m for caption in above for m in find_temporal_mentions(caption, None)
            if m.kind == EXPLICIT and m.value is not None and m.value.precision == DAY
            and WEEKDAYS[m.value.first_day().weekday()] == named}
    if len(days) != 1:
        return None
    [mention] = days.values()
    return Field(mention.value, 0.6, weekday.sentence, f"'{weekday.text}': the page prints no date of its own, and "
                 f"a caption above the story gives {mention.value.iso()} ('{mention.text}'), a {named.capitalize()}; "
                 "check that it is of the event", True, mention)


def _date_beside_weekday(weekday: TemporalMention, candidates: list[TemporalMention], text: str) -> TemporalMention | None:
    """The day a weekday is written with ("on Wednesday, September 29"), which names the day outright."""
    if weekday.kind != WEEKDAY or not _weekday_named(weekday):
        return None
    for mention in candidates:
        if mention.start >= weekday.end and mention.kind == EXPLICIT and mention.value is not None \
                and mention.value.precision == DAY and _WEEKDAY_TO_DATE.fullmatch(text, weekday.end, mention.start):
            return mention
    return None


def _contains(period: DateSpec, day: DateSpec | None) -> bool:
    """Whether a coarser period ("this year") holds the chosen date: the period then does not contradict it."""
    return day is not None and period.precision != DAY and period.first_day() <= day.first_day() <= period.last_day()


def _date_from_lead(main: MainEvent, article: Article, sentences: list[Sentence], seen: list[TemporalMention],
                    why: str = "the sentences about the event give no date; ") -> tuple[Field, list[TemporalMention]] | None:
    """The day the lead states, for an event whose own sentences give none that can be placed. It may be of something
    else the page reports (an announcement, a tweet, the day someone spoke of the talks): a person checks it."""
    found = date_from_lead(sentences, article.published, tuple(s.index for s in event_sentences(main))) \
        if article.published is not None else _full_date_of_the_same_kind(main, sentences)
    if found is None:
        return None
    mention, sentence = found
    return Field(mention.value, round(min(mention.confidence, 0.6), 2), sentence.text,
                  f"'{mention.text}': {mention.reason}; {why}this is the day the lead states, which may be of "
                  "something else it reports", True, mention), [*seen, mention]


def _full_date_of_the_same_kind(main: MainEvent, sentences: list[Sentence]) -> tuple[TemporalMention, Sentence] | None:
    """On a page with no publication date, a full date (day, month and year) in a lead sentence telling a happening
    of the event's own kind ("met and spoke with ... yesterday 13th August 2023"): it needs no stamp to place it."""
    if main.kind is None:
        return None
    for sentence in [s for s in sentences if is_prose(s)][:LEAD_SENTENCES]:
        told = classify_kind(sentence.text)
        if told is None or told.kind != main.kind.kind or is_side_event(sentence.text):
            continue
        for mention in find_temporal_mentions(sentence.text, None):
            if mention.kind == EXPLICIT and mention.value is not None and mention.value.precision == DAY \
                    and not mention.future and mention.relation not in BOUND_RELATIONS:
                return mention, sentence
    return None


# A day inside a clause about another happening: "briefed him on the situation after the attack in the valley on
# Tuesday"; one about a meeting or a call may be the event's own ("following the meeting on Monday").
_OF_ANOTHER_HAPPENING = re.compile(
    r"\b(?:after|following|since|in\s+the\s+wake\s+of|amid)\s+(?:the|a|an|this|last\s+\w+['’]s|\w+['’]s)\s+"
    r"(?!(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|call|conversation|visit|summit|discussions?)\b)[^,;()]{0,80}$",
    re.IGNORECASE)


# The past perfect tells what had happened before the news: "In December, X had paid a visit to Y".
_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:already|earlier|previously|also|first|last)\s+)?(?:[a-z]{2,}ed|been|paid|met|"
                           r"held|spoken|made|gone|come|taken|given|sent|led|won|brought|sought|flown|left)\b", re.IGNORECASE)


def _earlier_background(mention: TemporalMention, text: str, article: Article) -> bool:
    """Whether a date is background told in the past perfect, long before the page ("In December 2024, X had paid a
    visit"): the report's own news then lies in another sentence."""
    published = article.published
    return mention.value is not None and published is not None and bool(_PAST_PERFECT.search(text)) \
        and (published.first_day() - mention.value.last_day()).days > RECENT_DAYS


def choose_date(main: MainEvent, article: Article, sentences: list[Sentence]) -> tuple[Field, list[TemporalMention]]:
    """The event's date from its own sentences: the main sentence first, then the supporting ones. A quoted
    post's "today" counts from the post's own date, not the page's; on a later copy of a report, whose dateline
    gives a day well before its stamp, day words count from the dateline's day, and a person checks them."""
    before_stamp = dateline_day_before_stamp(article)
    if before_stamp is None or article.published is None:
        return _date_from_sentences(main, article, sentences)
    filed, days = before_stamp
    field, seen = _date_from_sentences(main, replace(article, published=filed), sentences)
    kind = field.mention.kind if field.mention is not None else None
    if days <= PRINTED_WITHIN_DAYS:
        # Filed one day and printed the next ("ISLAMABAD, Oct 13:" on a page of the 14th): "today" is the dateline's,
        # and so is a weekday that names the day it was printed ("on Saturday" filed on Friday is the Saturday before).
        if kind != RELATIVE:
            printed = _date_from_sentences(main, article, sentences)
            if kind != WEEKDAY or str(printed[0].value) == str(field.value):
                return printed
        field.note = (f"{field.note}; counted from the dateline's day {filed.iso()}, not the page's later "
                      f"stamp {article.published.iso()}: the story was filed before it was printed")
    elif kind in (WEEKDAY, RELATIVE):
        field.note = (f"{field.note}; counted from the dateline's day {filed.iso()}, which is {days} days before the "
                      f"page's stamp {article.published.iso()}: the page is a later copy of the report")
    else:
        return field, seen
    field.needs_review = True
    return field, seen


# The event told as going on while the page is written: "is currently meeting", "are holding talks with".
_GOING_ON_BEFORE = re.compile(r"(?:\b(?:is|are)\s+(?:currently\s+|now\s+)?(?!going\b)[a-z]{2,}ing\s+|\bcurrently\s+"
                              r"(?:[\w'’-]+\s+)?)(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


# The event told in the present perfect as just done: "has arrived in", "have agreed to", "has held talks".
_JUST_DONE_BEFORE = re.compile(r"\b(?:has|have)\s+(?:just\s+|now\s+|already\s+)?(?:(?:[a-z]{2,}ed|held|met|made|paid|begun|"
                               r"signed|spoken|sent|led|given|taken)\s+(?:[\w'’-]+\s+){0,2})?$", re.IGNORECASE)


def _cue_told_undated(main: MainEvent, tense: re.Pattern[str], day: PartialDate) -> int | None:
    """Where the main sentence's event word stands when the words before it match `tense` (the present perfect, the
    present continuous), it is no plan, and the sentence names no day counted from `day` (a day-precise stamp)."""
    sentence = main.main
    if sentence is None or main.kind is None or day.precision != DAY:
        return None
    cue_at = sentence.text.find(main.kind.cue)
    if cue_at < 0 or not tense.search(sentence.text[:cue_at]) or is_future_at(sentence.text, cue_at) \
            or any(m.value is not None for m in find_temporal_mentions(sentence.text, day)):
        return None
    return cue_at


def _date_of_a_happening_just_done(main: MainEvent, article: Article,
                                   posts: dict[int, PartialDate | None]) -> Field | None:
    """The page's own day, for a main event told in the present perfect ("Boko has arrived in Zambia") when no
    sentence of the page gives it a day: news told so is of the day it is written, or the day before, so a person
    checks it. A page that prints no date of its own is written on or soon after the newest post it quotes, so
    that post's day stands in for the page's."""
    published, sentence = article.published, main.main
    day_of, check = "the page's own day", "the page's stamp and another report"
    if published is None:
        quoted = [d for d in posts.values() if d is not None and d.precision == DAY]
        published = max(quoted, key=lambda d: d.first_day()) if quoted else None
        day_of, check = "the day of the newest post the page quotes (it prints no date of its own)", "another report"
    if published is None or sentence is None or main.kind is None or _cue_told_undated(main, _JUST_DONE_BEFORE, published) is None:
        return None
    return Field(DateSpec(published), 0.5, sentence.text, f"the event is told as just done ('{main.kind.cue}' in "
                 f"the present perfect) and no sentence gives its day, so it is {day_of} {published.iso()} "
                 f"or the day before; check it against {check}", True)


def _date_of_a_happening_going_on(main: MainEvent, article: Article) -> Field | None:
    """The page's own day, for a main event told in the present as going on ("Tinubu is currently meeting Mahama")
    with no day of its own: a live report is written the day it happens. The stamp may be a later copy's, so a
    person checks it."""
    published, sentence = article.published, main.main
    if published is None or sentence is None or main.kind is None:
        return None
    cue_at = _cue_told_undated(main, _GOING_ON_BEFORE, published)
    if cue_at is None:
        return None
    return Field(DateSpec(published), 0.6, sentence.text, f"the event is told as going on ('{sentence.text[:cue_at].split()[-1]} "
                 f"{main.kind.cue}'), so it is the page's own day {published.iso()}; check it against the page's "
                 "stamp, which may be a later copy's", True)


# How far after the page's stamp a preview's planned day may lie.
_PLANNED_WITHIN_DAYS = 60


def _planned_day(main: MainEvent, article: Article, seen: list[TemporalMention]) -> Field | None:
    """The day a preview plans its event for ("will sign a border agreement on March 12"), stated in the event's
    sentences (`seen`) and soon after the page's stamp: the page was written before the event, so a person checks
    it happened then."""
    published = article.published
    if published is None or published.precision != DAY:
        return None
    for mention in seen:
        value = mention.value
        if mention.future and value is not None and value.precision == DAY \
                and 0 <= (value.first_day() - published.first_day()).days <= _PLANNED_WITHIN_DAYS:
            return Field(value, 0.5, mention.sentence, f"'{mention.text}': {mention.reason}; the page was written "
                         f"before the event, on {published.iso()}, so check that it happened on the day planned", True,
                         mention)
    return None


def _plans_in_lead(main: MainEvent, article: Article, sentences: list[Sentence]) -> list[TemporalMention]:
    """The planned days the lead states for a happening of the event's own kind ("Rahmon will pay a state visit to
    Kyrgyzstan on Wednesday"), when the sentences chosen for the event name none: a preview's headline sentence
    often gives the plan and a later one its day."""
    if main.kind is None or article.published is None:
        return []
    chosen = {s.index for s in event_sentences(main)}
    plans: list[TemporalMention] = []
    for sentence in [s for s in sentences if is_prose(s)][:LEAD_SENTENCES]:
        told = classify_kind(sentence.text) if sentence.index not in chosen else None
        if told is not None and told.kind == main.kind.kind and not is_side_event(sentence.text):
            plans.extend(m for m in find_temporal_mentions(sentence.text, article.published) if m.future)
    return plans


def _inside_quotation(before: str) -> bool:
    """Whether words end inside an open quotation: a quoted "today" counts from when it was said, not the page."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _another_day_for_the_event(main: MainEvent, article: Article, chosen_in: Sentence, chosen: DateSpec,
                               posts: dict[int, PartialDate | None]) -> TemporalMention | None:
    """A day that another of the event's own sentences gives it, in its main clause, and that differs from the
    chosen date ("met on Tuesday" in the lead, "Wednesday's talks" further down): two days for one event."""
    for sentence in event_sentences(main):
        if sentence is chosen_in or sentence.index in posts or _PAST_PERFECT.search(sentence.text):
            continue  # a sentence in the past perfect tells an earlier happening ("they had spoken on May 2")
        for mention in find_temporal_mentions(sentence.text, article.published):
            value, before = mention.value, sentence.text[:mention.start]
            if value is None or value.precision != DAY or mention.future or mention.relation in BOUND_RELATIONS \
                    or _inside_quotation(before) \
                    or _clause_about_something_else(sentence.text, mention, None):
                continue
            if value.iso() != chosen.iso() and not _contains(chosen, value):
                return mention
    return None


def _date_from_sentences(main: MainEvent, article: Article,
                         sentences: list[Sentence]) -> tuple[Field, list[TemporalMention]]:
    """The event's date from its own sentences, counted from the page's stamp (see `choose_date`)."""
    going_on = _date_of_a_happening_going_on(main, article)
    if going_on is not None:
        return going_on, []
    seen: list[TemporalMention] = []
    posts = _post_dates(sentences)
    for sentence in event_sentences(main):
        posted = posts.get(sentence.index)
        mentions = find_temporal_mentions(sentence.text, posted or article.published)
        seen.extend(mentions)
        candidates = [m for m in mentions if m.relation not in BOUND_RELATIONS and not m.future
                      and not (m.kind == "year" and m.confidence < 0.7)
                      and not _OF_ANOTHER_HAPPENING.search(sentence.text[:m.start])
                      and not _earlier_background(m, sentence.text, article)]
        if not candidates:
            continue
        chosen = candidates[0]
        stated = _date_beside_weekday(chosen, candidates, sentence.text)
        beside_weekday = ""
        if stated is not None and stated.value is not None and chosen.value != stated.value:
            # "on Wednesday, September 29" on a page with no stamp, or one stamped days later: the date says which
            # Wednesday. A person still checks it, as the day of a weekday in its own time zone.
            named_day = _weekday_named(chosen)
            beside_weekday = f"; the page writes it '{chosen.text}'" + (
                "" if WEEKDAYS[stated.value.first_day().weekday()] == named_day
                else f", though {stated.value.iso()} is a {WEEKDAYS[stated.value.first_day().weekday()].capitalize()}")
            candidates = [m for m in candidates if m is not chosen]
            chosen = stated
        others = {m.value.iso() for m in candidates if m.value is not None and m.kind != "year"
                  and not _contains(m.value, chosen.value)} - ({chosen.value.iso()} if chosen.value is not None else set())
        if others and chosen.value is not None:
            # "X, who flew in on Tuesday, called on Y on Wednesday": two days for one sentence. The date inside a
            # clause set off by ", who/which/where ..." is the background's; either way a person checks it.
            main_clause = [m for m in candidates if m.value is not None and not _IN_ASIDE.search(sentence.text[:m.start])]
            first = main_clause[0] if main_clause else None
            if first is not None and first is not chosen and first.value is not None:
                others = (others | {chosen.value.iso()}) - {first.value.iso()}
                chosen = first
        reported = bool(_ATTRIBUTION.search(sentence.text[:chosen.start]))
        aside = _clause_about_something_else(sentence.text, chosen, _NOUNS_OF_KIND.get(main.kind.kind if main.kind else ""))
        cue_at = sentence.text.find(main.kind.cue) if main.kind and sentence is main.main else -1
        reporting_day = cue_at > chosen.end and bool(_REPORTED_ON_DAY.match(sentence.text, chosen.end))
        if chosen.value is None and article.published is None \
                and (captioned := _weekday_placed_by_caption(chosen, article, sentence.paragraph)) is not None:
            return captioned, seen
        if chosen.value is None:
            lead = _date_from_lead(main, article, sentences, seen, f"{chosen.reason}; ")
            return lead or (Field(None, 0.0, sentence.text, f"{chosen.reason}; check the date against other reports",
                                   True), seen)
        confidence = chosen.confidence
        note = f"'{chosen.text}': {chosen.reason}" if posted is None else \
            f"'{chosen.text}' in a quoted post, counted from the post's own date {posted.iso()}"
        if reported:
            confidence -= 0.15
            note += "; this is when the event was reported, which may be a day or more after it happened"
        if reported or reporting_day:
            named, words = _day_of_the_event_named(main, sentences, article) or (None, "")
            if named is not None and named.value is not None and named.value.first_day() < chosen.value.first_day():
                # "X said on Thursday they spoke ...; following Wednesday's call, ...": the page names the event's day.
                confidence = round(min(named.confidence, 0.75), 2)
                return Field(named.value, confidence, named.sentence,
                              f"'{words}': {named.reason}; the lead gives only the day it was reported "
                              f"('{chosen.text}')", confidence < CONFIDENCE_THRESHOLD, named), [*seen, named]
        if reporting_day:
            confidence = min(confidence, 0.6)
            note += "; it is the day the event was reported, and the event may have happened earlier"
        if chosen.value.precision == YEAR:
            confidence = min(confidence, 0.6)  # a year alone is how news dates background, seldom its own event
        if others:
            confidence = min(confidence, 0.6)
            note += f"; the same sentence also names {', '.join(sorted(others))}"
        if beside_weekday:
            confidence = min(confidence, 0.6)
            note += beside_weekday
        if aside:
            confidence = min(confidence, 0.6)
            note += f"; it stands in words about something else ('{aside}'), which may not be the event's day"
        if posted is None and chosen.kind in (WEEKDAY, RELATIVE) and _inside_quotation(sentence.text[:chosen.start]):
            confidence = min(confidence, 0.6)
            note += "; it is inside a quotation, whose day words count from when it was said, not from the page"
        differing = _another_day_for_the_event(main, article, sentence, chosen.value, posts)
        if differing is not None:
            confidence = min(confidence, 0.6)
            note += f"; another sentence about the event gives it {differing.value.iso()} ('{differing.text}')"
        published = article.published
        if published is not None and chosen.value.first_day() > published.last_day():
            confidence = min(confidence, 0.3)
            note += f"; it falls after the publication date {published.iso()}"
        elif published is not None and (published.first_day() - chosen.value.last_day()).days > RECENT_DAYS:
            # News reports what just happened; a date months before the page is more likely background.
            confidence = min(confidence, 0.5)
            note += f"; {BACKGROUND_DATE} {published.iso()}"
        return Field(chosen.value, round(confidence, 2), sentence.text, note,
                      confidence < CONFIDENCE_THRESHOLD, chosen), seen
    quoted = _date_from_quoted_post(main, sentences, posts)
    if quoted is not None:
        return quoted
    planned = _planned_day(main, article, seen) or _planned_day(main, article, _plans_in_lead(main, article, sentences))
    if planned is not None:
        return planned, seen
    lead = _date_from_lead(main, article, sentences, seen)
    if lead is not None:
        return lead
    just_done = _date_of_a_happening_just_done(main, article, posts)
    if just_done is not None:
        return just_done, seen
    if article.published is not None:
        note = (f"the article gives no date for the event; it was published {article.published.iso()}, "
                "so the event happened on or before that")
    else:
        note = "the article gives no date for the event and no publication date"
    evidence = main.main.text if main.main else None
    return Field(None, 0.0, evidence, note, True), seen
