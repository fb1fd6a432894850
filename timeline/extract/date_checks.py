"""Second looks at the main event's date: the lead's day when the event's own sentences give none, and reasons
to doubt a day: one that falls on the page's own stamp, one counted from a stamp the page itself contradicts or
labels only as an update, and one that hinges on time zones.

A day word counted from the publication date is only as good as the stamp. A stamp that is a copy's (a
distributor's release, a repost weeks later, a relay of a statement issued the day after) moves "this evening"
or "on Monday" with it, and nothing in the sentence shows it; these checks look for what on the page does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..partial_date import DAY, DateSpec, PartialDate
from .article import Article
from .event_fields import Field
from .kinds import is_prose
from .page_dates import date_from_url, date_in_year, is_update_line
from .people_mentions import PersonMention
from .places import City, Place, countries_in, gazetteer, place_from_dateline
from .sentences import Sentence
from .temporal import EXPLICIT, RELATIVE, WEEKDAY, WEEKDAYS, TemporalMention, find_temporal_mentions

# Relations that make a date a bound, not the time of the event.
BOUND_RELATIONS = ("since", "by", "until", "till", "before", "after", "from", "through")
# The lead: the first prose sentences of the body, where a report states when its news happened.
LEAD_SENTENCES = 8
# How far before the publication date an event may lie before its date needs a person's check.
RECENT_DAYS = 45
# A relative clause or aside, still open before the date: ", who flew to Colombo on Tuesday".
ASIDE_CLAUSE = r",\s+(?:who|which|where|whose|after|having|as)\b[^,]*$"
# A clause about something else, still open before the date: an aside, "days after ...".
_ASIDE_BEFORE = re.compile(ASIDE_CLAUSE + r"|\b(?:days?|weeks?|months?|years?)\s+(?:after|before|since)\b[^,.]*$"
                           r"|\bsince\b[^,.]*$", re.IGNORECASE)
# A page that relays an issuer's account ("According to the ISPR, ...", "As per a statement by the Foreign Ministry")
# or is the issuer's release passed on by a distributor ("Distributed by ... on behalf of ...").
_RELAYED = re.compile(r"\b(?:according\s+to|as\s+per)\s+(?:an?\s+|the\s+)?(?:official\s+)?(?:statement|press\s+release|"
                      r"handout|readout|communiqu[eé]|(?-i:[A-Z]{3,6})\b)|\bdistributed\s+by\b[^.\n]{0,80}\bon\s+behalf\s+of\b",
                      re.IGNORECASE)
# The day someone spoke about it ("the wing said on Wednesday", "told reporters Monday"), not when it happened.
_SPOKEN_BEFORE = re.compile(r"\b(?:said|says|told(?:\s+[\w-]+){0,2}|stated|added|noted|wrote|tweeted)\s*$", re.IGNORECASE)
# Words telling of talks, in a sentence that says when someone spoke ("said Friday after meeting his counterpart").
_TALKED = re.compile(r"\b(?:met|meeting|talks|discussed|spoke\s+(?:with|to)|conversation)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A dateline up to this many days before the page's stamp is a story filed one day and printed the next; further back,
# up to the longest a copy holds, the page reads as a later copy of the report; beyond it, the dateline is of another
# year.
PRINTED_WITHIN_DAYS = 3
_COPY_WITHIN_DAYS = 60


def dateline_day_before_stamp(article: Article) -> tuple[PartialDate, int] | None:
    """The day a yearless dateline gives ("WASHINGTON, Aug 9 (Reuters) -") when it lies before the page's stamp, and
    how many days before: filed and printed the next day (up to `PRINTED_WITHIN_DAYS`), or a later copy of the report,
    whose "on Monday" counts from the dateline's day, not the stamp's."""
    filed = _dateline_day(article)
    if filed is None or article.published is None:
        return None
    days = (article.published.first_day() - filed.first_day()).days
    return (filed, days) if 0 < days <= _COPY_WITHIN_DAYS else None


def _dateline_day(article: Article) -> PartialDate | None:
    """The day of a yearless dateline, in the year that puts it on or before the page's stamp."""
    published, stated = article.published, article.metadata_evidence.get("dateline_date", "")
    if published is None or published.precision != DAY or not stated or _YEAR.search(stated):
        return None
    filed = date_in_year(stated, published.year)
    if filed is not None and filed.first_day() > published.first_day():
        filed = date_in_year(stated, published.year - 1)
    return filed


def date_from_lead(sentences: list[Sentence], published: PartialDate | None,
                   skip: tuple[int, ...] = ()) -> tuple[TemporalMention, Sentence] | None:
    """The first day the lead states for something that happened ("named a cabinet on Thursday", "held in
    Kazakhstan on 20 November"), for an event whose own sentences give none: a day of the news, not a bound
    ("since Monday"), a plan, an aside or background long before the page. Failing that, the day someone spoke
    of talks in the same sentence ("the minister said Friday that they discussed ...", "said on Friday after
    meeting his counterpart"): a speaker who tells of talks mostly speaks the day they were held. Without
    a publication date nothing tells the news from background ("agreements signed on April 17, 2001"), so there
    is none."""
    if published is None:
        return None
    lead = [s for s in sentences if is_prose(s)][:LEAD_SENTENCES]
    spoken: tuple[TemporalMention, Sentence] | None = None
    for sentence in lead:
        if sentence.index in skip:
            continue
        for mention in find_temporal_mentions(sentence.text, published):
            value = mention.value
            if value is None or value.first_day() != value.last_day() or mention.future or mention.relation in BOUND_RELATIONS \
                    or mention.kind not in (WEEKDAY, RELATIVE, EXPLICIT) \
                    or _ASIDE_BEFORE.search(sentence.text[:mention.start]):
                continue
            # A stamp giving only the month ("/2025/08/" in the address) holds any day of it.
            if value.first_day() > published.last_day() or (published.first_day() - value.first_day()).days > RECENT_DAYS:
                continue
            if _SPOKEN_BEFORE.search(sentence.text[:mention.start]):
                if _TALKED.search(sentence.text):
                    spoken = spoken or (replace(mention, reason=f"{mention.reason}; it is the day someone spoke "
                                                "about the news, which may be after it happened"), sentence)
                continue
            return mention, sentence
    return spoken


# How far back a weekday counted from the stamp lies when it names the stamp's next day.
_WEEK_WRAP_DAYS = 6


def stamp_day_doubt(mention: TemporalMention | None, value: DateSpec | None, published: PartialDate | None,
                    sentences: list[Sentence], page_text: str) -> str | None:
    """Why a day counted back from the stamp to the stamp's own day may be wrong, or None when nothing on the page
    says so. A weekday name survives a stamp a day late ("on Monday" still finds Monday); "this evening" does not,
    and neither survives a repost (a full date on the page with the same weekday) or a relay of a statement
    issued the day after. A weekday that names the stamp's next day is counted back six days, which a stamp in
    another time zone would not do."""
    if mention is None or published is None or published.precision != DAY or value is None \
            or value.first_day() != value.last_day() or mention.kind not in (WEEKDAY, RELATIVE):
        return None
    if mention.kind == RELATIVE and 0 <= (published.first_day() - value.first_day()).days <= 1:
        # "Today" and "yesterday" alike move with the stamp: a copy posted a day late puts either a day late.
        return (f"'{mention.text}' counts from the page's stamp {published.iso()}; a copy posted the next day "
                "would put the event a day earlier, so check it against another report")
    on_stamp = value.iso() == published.iso()
    if not on_stamp and mention.kind != WEEKDAY:
        return None
    if (published.first_day() - value.first_day()).days == _WEEK_WRAP_DAYS:
        # The weekday is the one after the stamp's: a stamp kept in a time zone behind the event's, or a day early,
        # would make it the next day, not six days before.
        return (f"'{mention.text}' is the day after the page's stamp {published.iso()}, so it was counted back six "
                "days; a stamp in another time zone or a day early would make it the next day, so check it against "
                "another report")
    relayed = _RELAYED.search(page_text) if on_stamp else None
    if relayed:
        return (f"the event falls on the page's own day {published.iso()}, and the page relays an issuer's account "
                f"('{relayed.group(0).strip()}'), which may have come out a day after the event")
    # A repost stamped days or weeks after the happening: the weekday may be that of a day the page states in full.
    weekday = value.first_day().weekday()
    same = [day for day in _other_days_named(sentences, published) if day.weekday() == weekday and day < value.first_day()]
    if same:
        return (f"the page also names {same[-1].isoformat()}, a {WEEKDAYS[weekday].capitalize()}: "
                f"'{mention.text}' may be that day, on a page stamped later")
    return None


def _other_days_named(sentences: list[Sentence], published: PartialDate) -> list[dt.date]:
    """Days the page states in full (with their year) before its own stamp."""
    days = []
    for sentence in sentences:
        if not _YEAR.search(sentence.text):
            continue
        for mention in find_temporal_mentions(sentence.text, published):
            if mention.kind == EXPLICIT and mention.value is not None and mention.value.precision == DAY \
                    and mention.value.first_day() < published.first_day():
                days.append(mention.value.first_day())
    return days


# Hours between where a report was filed and where its event happened beyond which a day word may name
# the other side's day ("Tuesday night" in Islamabad is Tuesday morning in Washington).
_TIME_ZONE_GAP_HOURS = 6


def _utc_offset_hours(city: City, on: dt.date) -> float | None:
    try:
        offset = ZoneInfo(city.timezone).utcoffset(dt.datetime(on.year, on.month, on.day, 12))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return offset.total_seconds() / 3600 if offset is not None else None


def time_zone_gap(article: Article, date: Field, place: Place | None, people: list[PersonMention],
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
    if kind == "call" and len(capitals) < 2 and date.evidence:
        # A side whose country the people found do not give is often named in the sentence ("a call with the
        # Chinese minister"): its capital's clock counts too.
        named = [c for c in (gaz.capital_city(code) for code in countries_in(date.evidence)) if c is not None and c.timezone]
        capitals += [c for c in named if c.name not in {one.name for one in capitals}]
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


def doubted_stamp(date: Field, article: Article) -> str | None:
    """Why a day word counted from the page's stamp cannot be trusted, whichever way the stamp errs: it is only
    the last update's ("Updated: ..."), a site's header line above its masthead, a numeric date line read in the
    order only the outlet's domain suggests ("07/11/2023" on a .uk page), or another date the page gives itself
    (its address, a second date line, a dated dateline) lies more than a day from it. Nothing then says which one
    "on Monday" counts from, nor which year "on October 6" is in."""
    mention, published = date.mention, article.published
    if mention is None or published is None:
        return None
    if mention.kind == EXPLICIT and not _YEAR.search(mention.text):
        return _contrary_stamp_doubt(mention, article, published, other_year_only=True)
    if mention.kind not in (WEEKDAY, RELATIVE):
        return None
    stamp = article.metadata_evidence.get("published", "")
    if is_update_line(stamp):
        return f"the page's only date is its last update ('{stamp}'); the story may first have run earlier"
    header = article.metadata_evidence.get("published_above_masthead")
    if header:
        return (f"the page's only date ('{header}') stands above the outlet's name, where a site prints the day the "
                f"page is viewed, so '{mention.text}' may count from a day long after the story")
    order = article.metadata_evidence.get("published_order")
    if order:
        return (f"the page's date line '{stamp}' reads both day first and month first and was read in {order}, "
                f"so '{mention.text}' may count from another day")
    return _contrary_stamp_doubt(mention, article, published)


def _contrary_stamp_doubt(mention: TemporalMention, article: Article, published: PartialDate,
                          other_year_only: bool = False) -> str | None:
    """Why a date counted from the stamp is doubtful when the page dates itself another way too, or None; with
    `other_year_only` (a day and month taking the stamp's year), only when the other date is in another year."""
    from_url = date_from_url(article.url) if article.url else None
    contrary = article.contrary_stamp
    if contrary is not None and other_year_only and str(published.year) in _YEAR.findall(contrary):
        contrary = None
    if contrary is None and from_url is not None and from_url.precision == DAY and published.precision == DAY \
            and abs((published.first_day() - from_url.first_day()).days) > 1 \
            and not (other_year_only and from_url.year == published.year):
        contrary = f"its address ({from_url.iso()})"
    if contrary is None:
        return None
    return (f"'{mention.text}' counts from the page's stamp {published.iso()}, but the page also dates itself by "
            f"{contrary}: nothing says which is its first publication, so check the day against another report")


def rival_in_lead(date: DateSpec | None, published: PartialDate | None, sentences: list[Sentence],
                  event_sentences: tuple[int, ...]) -> str | None:
    """Why the main event's day may be another happening's: a lead sentence before the event's own dates
    something else to another of the page's news days (up to `PRINTED_WITHIN_DAYS` before the stamp) in full, so the
    page's news may be that one and the sentence chosen a later paragraph's aside."""
    if date is None or date.precision != DAY or published is None or published.precision != DAY \
            or not event_sentences:
        return None
    stamp = published.first_day()
    for sentence in sentences[:min(min(event_sentences), LEAD_SENTENCES)]:
        for mention in find_temporal_mentions(sentence.text, published):
            day = mention.value
            if mention.kind != EXPLICIT or day is None or day.precision != DAY or day == date:
                continue
            if 0 <= (stamp - day.first_day()).days <= PRINTED_WITHIN_DAYS:
                return f"an earlier sentence dates another happening to {day.start}: '{sentence.text}'"
    return None


def _gap(one: City, other: City, on: dt.date) -> tuple[str, str] | None:
    """The two cities' UTC offsets on that day, when they are far enough apart for a day word to differ."""
    a, b = _utc_offset_hours(one, on), _utc_offset_hours(other, on)
    if a is None or b is None or abs(a - b) < _TIME_ZONE_GAP_HOURS:
        return None
    return f"UTC{a:+g}", f"UTC{b:+g}"
