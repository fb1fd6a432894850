"""Temporal expressions: find them in a sentence and resolve them against the article's publication date.

The rule everything here follows: precision never exceeds what the text supports. "On Wednesday" is a
day only when the publication day is known; "last month" is a month only when the publication month is
known; "in December" without a reference has no year, so no date at all. Every mention carries a
plain-English `reason` saying how it was (or could not be) resolved.

Candidates are found by our own regular expressions; dateparser only ever sees the short phrase a
pattern matched (a full "September 22, 2021"), never running text, so it cannot turn "may" or
"second" into dates. Its results are cached: the same phrases recur across a batch of articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..partial_date import DAY, MONTH, YEAR, DateSpec, DateValueError, PartialDate

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# Kinds of expression, so callers can weigh them.
EXPLICIT = "explicit"
RANGE = "range"
WEEKDAY = "weekday"
RELATIVE = "relative"
MONTH_NAME = "month"
YEAR_ONLY = "year"

# Capitalised month names only: news prose capitalises months, and "may"/"march" in lower case are verbs.
_MONTH = (r"(?P<{name}>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:1[89]|20)\d\d)"
_NUM = r"(?P<num>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _p(template: str, **names: str) -> str:
    return template.format(**names)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("range_dmy", re.compile(r"\b" + _p(_DAY, name="d1") + r"\s*(?:-|–|—|to|and)\s*" + _p(_DAY, name="d2") + r"\s+"
                             + _p(_MONTH, name="m") + r"(?:,?\s+" + _p(_YEAR, name="y") + r")?\b")),
    ("range_mdy", re.compile(r"\b" + _p(_MONTH, name="m") + r"\s+" + _p(_DAY, name="d1") + r"\s*(?:-|–|—|to|and)\s*"
                             + _p(_DAY, name="d2") + r"(?:,?\s+" + _p(_YEAR, name="y") + r")?\b")),
    ("mdy", re.compile(r"\b" + _p(_MONTH, name="m") + r"\s+" + _p(_DAY, name="d") + r"\b(?!\s*(?:-|–)\s*\d)"
                       r"(?:,?\s+" + _p(_YEAR, name="y") + r"\b)?(?![\d,]*\d)")),
    ("dmy", re.compile(r"\b" + _p(_DAY, name="d") + r"\s+(?:of\s+)?" + _p(_MONTH, name="m")
                       + r"(?:,?\s+" + _p(_YEAR, name="y") + r")?\b")),
    ("my", re.compile(r"\b(?P<mod>(?i:early|late|mid|end of|beginning of|the end of)[\s-]+)?" + _p(_MONTH, name="m")
                      + r",?\s+(?:of\s+)?" + _p(_YEAR, name="y") + r"\b")),
    ("ordinal_day", re.compile(r"\b(?P<mod>on|since|by|until|from|before|after)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
                               r"(?!\s+(?:of\s+)?(?:century|anniversary|time|round|day|week|year|floor|edition|"
                               r"session|summit|meeting|amendment|birthday|[A-Z]))")),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)\b(?![/.]\d)")),
    # "in the first week of March": a week that names no day; the month is what it settles
    ("week_of_month", re.compile(r"\b(?P<mod>(?i:in|during|by|until|since|from))?\s*(?i:the\s+)?"
                                 r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:week|fortnight|half)\s+of\s+"
                                 + _p(_MONTH, name="m") + r"(?:,?\s+" + _p(_YEAR, name="y") + r")?\b")),
    # "on Tuesday last week": a weekday of the week before, before "last week" alone takes the words
    ("weekday_last_week", re.compile(r"\b(?:(?i:on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                                     r"(?:\s+(?P<part>night|morning|afternoon|evening))?\s+(?:of\s+)?(?:the\s+)?"
                                     r"(?i:last|previous|past)\s+week\b")),
    # "over the weekend": the Saturday and Sunday before the report (after it, in a clause about the future)
    ("weekend", re.compile(r"\b(?P<mod>over\s+the|this\s+past|this|last|past|at\s+the|on\s+the|during\s+the|next|the)\s+"
                           r"weekend\b(?!\s+(?:of|before|after)\b)", re.IGNORECASE)),
    ("relative_span", re.compile(r"\b(?P<mod>last|this|next|earlier this|later this|past)\s+(?P<unit>week|month|year)\b",
                                 re.IGNORECASE)),
    ("ago", re.compile(r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|before|after)\b",
                       re.IGNORECASE)),
    ("day_word", re.compile(r"\b(?P<word>yesterday|today|tonight|last night|this morning|this afternoon|this evening|"
                            r"the day before|the previous day|the next day|the following day)\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?P<mod>(?i:on|last|this|next|past|by|since|until|late|early))\s+)?"
                           r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                           r"(?:\s+(?P<part>night|morning|afternoon|evening))?\b")),
    ("month", re.compile(r"\b(?P<mod>(?i:in|since|during|until|till|by|last|this|next|early|late|mid|from|through|before|"
                         r"after|between|and|of|earlier|later|in early|in late|in mid))[\s-]+"
                         + _p(_MONTH, name="m") + r"(?![\w-])")),
    ("year", re.compile(r"(?<![\d$£€,.])\b(?P<mod>(?i:in|since|during|until|till|by|of|from|early|late|mid|before|after|"
                        r"through|and|the)[\s-]+)?" + _p(_YEAR, name="y") + r"\b(?![.,]?\d)(?!\s+[a-z]+s\b)(?!-\d)")),
]

# How many days before the page's stamp its news may lie when a numeric date's two readings are weighed.
_NEWS_DAYS = 45
# Sentences about what will happen: resolve their dates forward, not back.
_FUTURE = re.compile(r"\b(?:will|shall|is expected to|are expected to|is due to|are due to|plans? to|planning to|"
                     r"is scheduled|are scheduled|scheduled to|is set to|are set to|upcoming|later this)\b", re.IGNORECASE)
# "Upcoming" makes only the noun it qualifies future: "had a call to discuss the upcoming mission" is past at "call".
_UPCOMING_BEFORE = re.compile(r"\bupcoming\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_RELATIONS = ("since", "by", "until", "till", "before", "after", "from", "through", "between")
# The future seen from the past, in reported speech: "said troops would be deployed", "would meet him on Tuesday".
# Only what follows "would" in its clause is future: "said on Monday that troops would ..." keeps Monday past.
_WOULD = re.compile(r"\bwould\s+(?!have\b)", re.IGNORECASE)
_WOULD_BEFORE = re.compile(r"\bwould\s+(?!have\b)(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


@dataclass(frozen=True)
class TemporalMention:
    """One temporal expression, where it is, and what date it resolves to (None when it cannot be placed)."""

    text: str
    sentence: str
    start: int
    end: int
    value: DateSpec | None
    precision: str | None  # year | month | day, or None when there is no value
    confidence: float
    reason: str
    kind: str = EXPLICIT  # explicit | range | weekday | relative | month | year
    relation: str | None = None  # "since", "by", "until"...: the date bounds something, it is not when it happened
    future: bool = False


# Where one clause ends and the next begins: "was signed on Saturday, the statement said, and is due to...".
_CLAUSE_END = re.compile(r"[,;:]\s|\s[-–—]\s|\s(?:and|but|while|whereas|that)\s")
# A day on a verb of speech in the past is past, whatever plan the speaker has: "X, who is set to lead, said Friday".
_SPOKE_JUST_BEFORE = re.compile(r"\b(?:said|told(?:\s+[\w-]+){0,2}|announced|stated|added)\s+$", re.IGNORECASE)
# A verb in the past tense: a clause with one (and no future wording) reports what happened.
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|met|held|signed|agreed|announced|spoke|took|gave|made|sent|"
                   r"paid|came|went|flew|began|sought|brought|led|won|left|\w{3,}ed)\b", re.IGNORECASE)


def is_future_sentence(sentence: str) -> bool:
    """Whether the sentence talks about what will happen (its dates resolve forward)."""
    return bool(_FUTURE.search(sentence))


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """(start, end) of the clause around `position`."""
    start, end = 0, len(sentence)
    for match in _CLAUSE_END.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def is_future_at(sentence: str, position: int) -> bool:
    """Whether the clause around `position` talks about what will happen: "was signed on Saturday and is due to
    take effect on Monday" is past at "Saturday" and future at "Monday"."""
    start, end = clause_bounds(sentence, position)
    if _WOULD_BEFORE.search(sentence[start:position]):
        return True
    would_after = _WOULD.search(sentence, position, end)
    if would_after and not _PAST.search(sentence, position, would_after.start()):
        return True  # "announced that on May 9 he would host": the day opens the clause its "would" makes future
    if not _FUTURE.search(sentence) or _SPOKE_JUST_BEFORE.search(sentence[start:position]):
        return False
    clause = sentence[start:end]
    future = [m for m in _FUTURE.finditer(clause) if m.group(0).lower() != "upcoming"]
    if not future and _UPCOMING_BEFORE.search(sentence[start:position]):
        return True
    return bool(future) or not _PAST.search(clause)


def _spec(start: PartialDate, end: PartialDate | None = None, approximate: bool = False) -> DateSpec:
    return DateSpec(start, end, approximate)


def _day(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


@lru_cache(maxsize=8192)
def parse_explicit_date(phrase: str) -> dt.date | None:
    """A full date phrase ("September 22, 2021", "22 Sep 2021") via dateparser, strictly; cached."""
    import dateparser  # imported lazily: it takes a tenth of a second and only dated phrases need it

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"], "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
    cleaned = re.sub(r"\bSept\b\.?", "Sep", phrase).replace(".", " ")
    result = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return result.date() if result else None


def _explicit_day(year: int, month: int, day: int, phrase: str) -> PartialDate | None:
    """Validate a stated day, through dateparser where the phrase is a full date."""
    try:
        stated = PartialDate(year, month, day)
    except DateValueError:
        return None
    parsed = parse_explicit_date(f"{MONTH_NAMES[month - 1]} {day}, {year}")
    if parsed is None or (parsed.year, parsed.month, parsed.day) != (year, month, day):
        return None
    return stated


def _reference_day(reference: PartialDate | None) -> dt.date | None:
    return reference.first_day() if reference is not None and reference.precision == DAY else None


def _year_for_month(month: int, reference: PartialDate, mode: str) -> int | None:
    """The year of a month named without one. mode: past (on or before), strict_past, future, nearest, this."""
    if reference.month is None:
        return reference.year if mode == "this" else None
    if mode == "this":
        return reference.year
    if mode == "strict_past":
        return reference.year if month < reference.month else reference.year - 1
    if mode == "future":
        return reference.year if month >= reference.month else reference.year + 1
    if mode == "strict_future":
        return reference.year if month > reference.month else reference.year + 1
    if mode == "nearest":
        options = [reference.year - 1, reference.year, reference.year + 1]
        return min(options, key=lambda y: abs((y * 12 + month) - (reference.year * 12 + reference.month)))
    return reference.year if month <= reference.month else reference.year - 1


class _Resolver:
    """Resolves the matches of one sentence against a reference (publication) date and an anchor event date."""

    def __init__(self, sentence: str, reference: PartialDate | None, anchor: DateSpec | None):
        self.sentence = sentence
        self.reference = reference
        self.anchor = anchor
        self.any_future = is_future_sentence(sentence) or bool(_WOULD.search(sentence))
        self.future = self.any_future
        self.ref_text = f"the publication date {reference.iso()}" if reference else ""

    def mention(self, match: re.Match[str], value: DateSpec | None, confidence: float, reason: str, kind: str,
                relation: str | None = None) -> TemporalMention:
        return TemporalMention(
            text=match.group(0).strip(),
            sentence=self.sentence,
            start=match.start(),
            end=match.end(),
            value=value,
            precision=value.precision if value else None,
            confidence=round(confidence if value else 0.0, 2),
            reason=reason,
            kind=kind,
            relation=relation,
            future=self.future,
        )

    def no_reference(self, phrase: str, what: str = "") -> str:
        if self.reference is None:
            return f"no publication date; '{phrase}' cannot be placed{what}"
        return f"the publication date ({self.reference.iso()}) is not precise enough to place '{phrase}'{what}"

    def month_mode(self, modifier: str | None) -> str:
        modifier = (modifier or "").lower().strip()
        if modifier == "last":
            return "strict_past"
        if modifier == "next":
            return "strict_future"
        if modifier == "this":
            return "this"
        if modifier in ("by", "until", "till"):
            return "nearest"
        return "future" if self.future else "past"

    def resolve(self, name: str, match: re.Match[str]) -> TemporalMention | None:
        # Tense is a property of the clause: a past date may share its sentence with a future one.
        self.future = self.any_future and is_future_at(self.sentence, match.start())
        return getattr(self, f"_{name}")(match)

    def _relation(self, match: re.Match[str]) -> str | None:
        before = self.sentence[:match.start()].lower().rstrip()
        modifier = (match.groupdict().get("mod") or "").strip().lower()
        for word in (modifier, before.rsplit(" ", 1)[-1] if before else ""):
            if word in _RELATIONS:
                return word
        if re.search(r"\b(?:for the first time since|since)\s*$", before):
            return "since"
        if re.search(r"\bsince(?:\s+\w+){0,3}$", before):
            return "since"  # "his first since taking office in December": a bound, not the event's date
        return None

    def _iso(self, match: re.Match[str]) -> TemporalMention | None:
        day = _explicit_day(int(match["y"]), int(match["m"]), int(match["d"]), match.group(0))
        if day is None:
            return self.mention(match, None, 0, f"'{match.group(0)}' is not a real date", EXPLICIT)
        return self.mention(match, _spec(day), 0.95, "an explicit date", EXPLICIT, self._relation(match))

    def _stated_year_or_inferred(self, match: re.Match[str], month: int) -> tuple[int | None, str, float]:
        if match["y"]:
            return int(match["y"]), "stated", 0.95
        if self.reference is None:
            return None, "", 0
        mode = self.month_mode(self._relation(match))
        year = _year_for_month(month, self.reference, mode)
        return year, f"year taken from {self.ref_text}", 0.7

    def _mdy(self, match: re.Match[str]) -> TemporalMention | None:
        return self._day_month(match, int(match["d"]), _month_number(match["m"]))

    def _dmy(self, match: re.Match[str]) -> TemporalMention | None:
        return self._day_month(match, int(match["d"]), _month_number(match["m"]))

    def _day_month(self, match: re.Match[str], day: int, month: int) -> TemporalMention | None:
        if match["m"].lower().rstrip(".") in ("may", "mar", "march") and not match["y"]:
            # "May 5" is fine, but "may 5" never reaches here (case-sensitive); still, a day with no year on
            # an ambiguous word is weaker evidence.
            pass
        year, how, confidence = self._stated_year_or_inferred(match, month)
        if year is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0), " (no year is given)"), EXPLICIT,
                                self._relation(match))
        value = _explicit_day(year, month, day, match.group(0))
        if value is None:
            return self.mention(match, None, 0, f"'{match.group(0)}' is not a real date", EXPLICIT)
        reason = "an explicit date" if how == "stated" else f"day and month stated, {how}"
        return self.mention(match, _spec(value), confidence, reason, EXPLICIT, self._relation(match))

    def _range(self, match: re.Match[str]) -> TemporalMention | None:
        month = _month_number(match["m"])
        year, how, confidence = self._stated_year_or_inferred(match, month)
        if year is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0), " (no year is given)"), RANGE,
                                self._relation(match))
        first = _explicit_day(year, month, int(match["d1"]), match.group(0))
        last = _explicit_day(year, month, int(match["d2"]), match.group(0))
        if first is None or last is None or last.first_day() < first.first_day():
            return self.mention(match, None, 0, f"'{match.group(0)}' is not a real range of days", RANGE)
        reason = "an explicit range of days" + ("" if how == "stated" else f", {how}")
        return self.mention(match, _spec(first, last), confidence, reason, RANGE, self._relation(match))

    _range_dmy = _range
    _range_mdy = _range

    def _my(self, match: re.Match[str]) -> TemporalMention | None:
        value = PartialDate(int(match["y"]), _month_number(match["m"]))
        approximate = bool(match["mod"])
        return self.mention(match, _spec(value, approximate=approximate), 0.9, "an explicit month and year",
                            EXPLICIT, self._relation(match))

    def _month(self, match: re.Match[str]) -> TemporalMention | None:
        word = match["m"].rstrip(".")
        modifier = match["mod"].lower()
        if word in ("May", "March", "Mar") and modifier in ("and", "of", "between"):
            return None  # "and may", "of March"(ing)... too weak to be a date on its own
        month = _month_number(word)
        relation = self._relation(match)
        phrase = match.group(0)
        if self.reference is None:
            return self.mention(match, None, 0, f"no publication date; '{phrase}' has no year", MONTH_NAME, relation)
        mode = self.month_mode(modifier if modifier in ("last", "next", "this") else relation)
        year = _year_for_month(month, self.reference, mode)
        if year is None:
            return self.mention(match, None, 0, self.no_reference(phrase), MONTH_NAME, relation)
        direction = {"strict_past": "most recent {m} before", "past": "most recent {m} on or before",
                     "future": "next {m} on or after", "strict_future": "next {m} after",
                     "this": "{m} of the year of", "nearest": "{m} nearest to"}[mode].format(m=MONTH_NAMES[month - 1])
        return self.mention(match, _spec(PartialDate(year, month)), 0.75, f"the {direction} {self.ref_text}",
                            MONTH_NAME, relation)

    def _year(self, match: re.Match[str]) -> TemporalMention | None:
        modifier = (match["mod"] or "").strip().lower()
        confidence = 0.85 if modifier and modifier not in ("and", "the") else 0.6
        return self.mention(match, _spec(PartialDate(int(match["y"]))), confidence, "an explicit year", YEAR_ONLY,
                            self._relation(match))

    def _weekday(self, match: re.Match[str]) -> TemporalMention | None:
        weekday = WEEKDAYS.index(match["wd"].lower())
        modifier = (match["mod"] or "").lower()
        phrase = match.group(0)
        reference = _reference_day(self.reference)
        relation = modifier if modifier in _RELATIONS else None
        if reference is None:
            return self.mention(match, None, 0, self.no_reference(phrase), WEEKDAY, relation)
        back = (reference.weekday() - weekday) % 7
        if modifier == "next" or (self.future and modifier != "last"):
            self.future = True  # "next Monday" points ahead even in a clause without future wording
            ahead = (weekday - reference.weekday()) % 7
            if modifier == "next" and ahead == 0:
                ahead = 7
            date = reference + dt.timedelta(days=ahead)
            how = "the next {wd} on or after"
        else:
            if modifier == "last" and back == 0:
                back = 7
            date = reference - dt.timedelta(days=back)
            how = "the last {wd} before" if modifier == "last" else "the last {wd} on or before"
        confidence = 0.75
        reason = f"{how.format(wd=match['wd'])} {self.ref_text}"
        if match["part"] in ("night", "evening"):
            # An evening in one time zone is already the next day (or still the previous one) in another.
            confidence = 0.6
            reason += f"; '{match['part']}' may fall on another day in the event's time zone"
        return self.mention(match, _spec(_day(date)), confidence, reason, WEEKDAY, relation)

    def _weekday_last_week(self, match: re.Match[str]) -> TemporalMention | None:
        reference = _reference_day(self.reference)
        if reference is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0)), WEEKDAY)
        weekday = WEEKDAYS.index(match["wd"].lower())
        date = reference - dt.timedelta(days=reference.weekday() + 7 - weekday)
        # Weeks start on Sunday in some countries and Monday in others: a weekend day of "last week" may be either.
        confidence = 0.6 if weekday >= 5 else 0.7
        return self.mention(match, _spec(_day(date)), confidence, f"the {match['wd']} of the calendar week before "
                            f"{self.ref_text}", WEEKDAY)

    def _day_word(self, match: re.Match[str]) -> TemporalMention | None:
        word = match["word"].lower()
        if word.startswith("the "):
            return self._from_anchor(match, -1 if word in ("the day before", "the previous day") else 1, "day")
        reference = _reference_day(self.reference)
        if reference is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0)), RELATIVE)
        shift = -1 if word in ("yesterday", "last night") else 0
        confidence = 0.8 if shift == 0 else 0.75
        return self.mention(match, _spec(_day(reference + dt.timedelta(days=shift))), confidence,
                            f"'{match.group(0)}' counted from {self.ref_text}", RELATIVE)

    def _from_anchor(self, match: re.Match[str], amount: int, unit: str) -> TemporalMention:
        """'a day earlier', 'the next day': counted from the main event's date, not the publication date."""
        anchor = self.anchor
        if anchor is None or anchor.end is not None or anchor.precision != DAY or unit != "day":
            if anchor is not None and anchor.end is None and unit in ("month", "year") and anchor.precision != YEAR:
                return self._shift_months(match, anchor.start, amount * (12 if unit == "year" else 1),
                                          "the main event's date")
            return self.mention(match, None, 0, f"'{match.group(0)}' is counted from the main event, whose day "
                                "is not known", RELATIVE)
        date = anchor.start.first_day() + dt.timedelta(days=amount)
        return self.mention(match, _spec(_day(date)), 0.65, f"'{match.group(0)}' counted from the main event's date "
                            f"{anchor.iso()}", RELATIVE)

    def _shift_months(self, match: re.Match[str], base: PartialDate, months: int, what: str) -> TemporalMention:
        if base.month is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0)), RELATIVE)
        index = base.year * 12 + base.month - 1 + months
        value = PartialDate(index // 12, index % 12 + 1)
        return self.mention(match, _spec(value), 0.7, f"'{match.group(0)}' counted from {what} {base.iso()}",
                            RELATIVE, self._relation(match))

    def _ordinal_day(self, match: re.Match[str]) -> TemporalMention | None:
        """ "on the 23rd": a day of the publication month, or of the month before when the day is still to come."""
        day = int(match["d"])
        reference = _reference_day(self.reference)
        relation = self._relation(match)
        if reference is None or not 1 <= day <= 31:
            return self.mention(match, None, 0, self.no_reference(match.group(0), " (no month is given)"), RELATIVE,
                                relation)
        year, month = reference.year, reference.month
        if self.future and day < reference.day:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        elif not self.future and day > reference.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        value = _explicit_day(year, month, day, match.group(0))
        if value is None:
            return self.mention(match, None, 0, f"'{match.group(0)}' is not a day of {MONTH_NAMES[month - 1]}",
                                RELATIVE, relation)
        return self.mention(match, _spec(value), 0.7, f"the {match['d']}th taken as a day of "
                            f"{MONTH_NAMES[month - 1]} {year}, the month of {self.ref_text}", RELATIVE, relation)

    def _numeric(self, match: re.Match[str]) -> TemporalMention | None:
        """ "04/10/2023" is 4 October or 10 April depending on the country: only the year is certain. When one of
        the numbers cannot be a month (22/09/2021, 9/22/2021), the date reads one way only, day and all."""
        first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
        if not (1 <= first <= 31 and 1 <= second <= 31):
            return None
        one_way = [(m, d) for m, d in ((first, second), (second, first)) if 1 <= m <= 12]
        if match["sep"] == "." and 1 <= second <= 12:
            # Dots are the day-first countries' way of writing a date ("12.10.2021"); month-first writing uses slashes.
            value = _explicit_day(year, second, first, match.group(0))
            if value is not None:
                return self.mention(match, _spec(value), 0.75, f"'{match.group(0)}' read day first, as dotted dates "
                                    f"are written: {first} {MONTH_NAMES[second - 1]} {year}", EXPLICIT,
                                    self._relation(match))
        if one_way and (len(one_way) == 1 or first == second):
            month, day = one_way[0]
            value = _explicit_day(year, month, day, match.group(0))
            if value is None:
                return self.mention(match, None, 0, f"'{match.group(0)}' is not a real date", EXPLICIT)
            return self.mention(match, _spec(value), 0.8,
                                f"'{match.group(0)}' can only be {day} {MONTH_NAMES[month - 1]} {year}, written day "
                                "first or month first", EXPLICIT, self._relation(match))
        recent = self._the_reading_just_before_the_stamp(year, one_way)
        if recent is not None:
            return self.mention(match, _spec(recent), 0.6,
                                f"'{match.group(0)}' reads two ways, and only {recent.iso()} falls in the weeks before "
                                f"{self.ref_text}, where news lies; the other reading lies far from them",
                                EXPLICIT, self._relation(match))
        return self.mention(match, _spec(PartialDate(year)), 0.5,
                            f"'{match.group(0)}' is written day-first in some countries and month-first in others, "
                            "so only the year is certain", EXPLICIT, self._relation(match))

    def _the_reading_just_before_the_stamp(self, year: int, readings: list[tuple[int, int]]) -> PartialDate | None:
        """Of the two readings of a numeric date ((month, day) pairs), the only one in the weeks up to the page's
        stamp, since news reports what just happened; None when both or neither are."""
        reference = _reference_day(self.reference)
        if reference is None:
            return None
        near = []
        for month, day in readings:
            try:
                when = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (reference - when).days <= _NEWS_DAYS:
                near.append(when)
        return _day(near[0]) if len(near) == 1 else None

    def _week_of_month(self, match: re.Match[str]) -> TemporalMention | None:
        month = _month_number(match["m"])
        year, how, confidence = self._stated_year_or_inferred(match, month)
        if year is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0), " (it has no year)"), MONTH_NAME,
                                self._relation(match))
        reason = f"'{match.group(0).strip()}' names a week, not a day: {MONTH_NAMES[month - 1]} {year}"
        reason += f" ({how})" if how != "stated" else ""
        return self.mention(match, _spec(PartialDate(year, month)), min(confidence, 0.8), reason, MONTH_NAME,
                            self._relation(match))

    def _weekend(self, match: re.Match[str]) -> TemporalMention | None:
        modifier = " ".join(match["mod"].lower().split())
        reference = _reference_day(self.reference)
        if reference is None:
            return self.mention(match, None, 0, self.no_reference(match.group(0)), RELATIVE)
        if modifier == "next" or (self.future and modifier not in ("last", "past", "this past")):
            self.future = True
            saturday = reference + dt.timedelta(days=(5 - reference.weekday()) % 7)
            if modifier == "next" and saturday - reference < dt.timedelta(days=2):
                saturday += dt.timedelta(days=7)
            how = "the next weekend after"
        else:
            saturday = reference - dt.timedelta(days=(reference.weekday() - 5) % 7)
            if modifier == "last" and reference.weekday() >= 5:
                saturday -= dt.timedelta(days=7)  # "last weekend" said on a Sunday is the one before
            how = "the last weekend on or before"
        # Saturday and Sunday, approximate: a "weekend" story may start on the Friday night.
        return self.mention(match, _spec(_day(saturday), _day(saturday + dt.timedelta(days=1)), approximate=True),
                            0.7, f"'{match.group(0).strip()}': {how} {self.ref_text}", RELATIVE, self._relation(match))

    def _relative_span(self, match: re.Match[str]) -> TemporalMention | None:
        modifier = match["mod"].lower()
        unit = match["unit"].lower()
        shift = {"last": -1, "past": -1, "next": 1}.get(modifier, 0)
        reference = self.reference
        phrase = match.group(0)
        if unit == "year":
            if reference is None:
                return self.mention(match, None, 0, self.no_reference(phrase), RELATIVE)
            return self.mention(match, _spec(PartialDate(reference.year + shift)), 0.8,
                                f"'{phrase}' counted from {self.ref_text}", RELATIVE, self._relation(match))
        if unit == "month":
            if reference is None or reference.month is None:
                return self.mention(match, None, 0, self.no_reference(phrase), RELATIVE)
            return self._shift_months(match, reference, shift, "the publication date")
        day = _reference_day(reference)
        if day is None:
            return self.mention(match, None, 0, self.no_reference(phrase), RELATIVE)
        monday = day - dt.timedelta(days=day.weekday())
        if shift == 0:
            start, end = monday, day if modifier != "later this" else monday + dt.timedelta(days=6)
        else:
            start = monday + dt.timedelta(days=7 * shift)
            end = start + dt.timedelta(days=6)
        # A week is a range of days, marked approximate: "last week" can also mean "the past seven days".
        return self.mention(match, _spec(_day(start), _day(end), approximate=True), 0.65,
                            f"'{phrase}' is the calendar week counted from {self.ref_text}", RELATIVE)

    def _ago(self, match: re.Match[str]) -> TemporalMention | None:
        number = match["num"].lower()
        amount = int(number) if number.isdigit() else NUMBER_WORDS[number]
        unit = match["unit"].lower()
        direction = match["dir"].lower()
        sign = 1 if direction in ("later", "after") else -1
        if direction != "ago":
            return self._from_anchor(match, sign * amount, unit)
        reference = self.reference
        phrase = match.group(0)
        if unit in ("day", "week"):
            day = _reference_day(reference)
            if day is None:
                return self.mention(match, None, 0, self.no_reference(phrase), RELATIVE)
            date = day - dt.timedelta(days=amount * (7 if unit == "week" else 1))
            return self.mention(match, _spec(_day(date), approximate=unit == "week"), 0.65,
                                f"'{phrase}' counted from {self.ref_text}", RELATIVE)
        if reference is None or (unit == "month" and reference.month is None):
            return self.mention(match, None, 0, self.no_reference(phrase), RELATIVE)
        if unit == "year":
            return self.mention(match, _spec(PartialDate(reference.year - amount), approximate=True), 0.6,
                                f"'{phrase}' counted from {self.ref_text}", RELATIVE)
        return self._shift_months(match, reference, -amount, "the publication date")


def find_temporal_mentions(sentence: str, reference: PartialDate | None = None,
                           anchor: DateSpec | None = None) -> list[TemporalMention]:
    """Every temporal expression in `sentence`, resolved against `reference` (the publication date).

    `anchor` is the main event's date, for expressions counted from it ("a day earlier").
    Matches never overlap; the more specific pattern wins ("September 22, 2021" over "2021").
    """
    return list(_cached_mentions(sentence, reference, anchor))


@lru_cache(maxsize=16384)
def _cached_mentions(sentence: str, reference: PartialDate | None, anchor: DateSpec | None
                     ) -> tuple[TemporalMention, ...]:
    resolver = _Resolver(sentence, reference, anchor)
    taken: list[tuple[int, int]] = []
    found: list[TemporalMention] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = resolver.resolve(name, match)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return tuple(found)


def describe_precision(value: DateSpec | None) -> str:
    """'day', 'month', 'year' or 'unknown', for messages."""
    return value.precision if value is not None else "unknown"


__all__ = ["TemporalMention", "find_temporal_mentions", "is_future_sentence", "is_future_at", "clause_bounds", "parse_explicit_date",
           "describe_precision", "DAY", "MONTH", "YEAR"]
