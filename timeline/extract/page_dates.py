"""When a page says it was published: date lines, stamps, CMS properties, URLs and the order of numeric dates.

The publication date anchors every relative date in the story ("on Monday"), so a wrong one silently shifts
the event. Dates are therefore only taken from text that is nothing but a date (a date line with its labels,
a stamp opening the page or a live entry, a CMS property, a URL path), never from the story's own sentences.
Every function here is pure, over one line or one URL, and answers None when unsure.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..partial_date import DateValueError, PartialDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Pages of French, Spanish and Portuguese outlets print their dates in their own language ("Publié le 22
# sept. 2024", "24 de abril de 2024"), even above an English story.
MONTHS.update({
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
    "dezembro": 12,
})
# German, Italian, Dutch, Indonesian and Turkish pages do the same ("14. März 2023", "Selasa, 14 Maret 2023").
MONTHS.update({
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9, "ottobre": 10,
    "dicembre": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "maret": 3, "agustus": 8, "desember": 12, "nopember": 11,
    "ocak": 1, "şubat": 2, "subat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "mayis": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "agustos": 8, "eylül": 9, "eylul": 9, "ekim": 10, "kasım": 11, "kasim": 11, "aralık": 12, "aralik": 12,
})
# Their weekdays, which stand before the date on such a line.
_FOREIGN_WEEKDAYS = (r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|"
                     r"viernes|sábado|sabado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|"
                     r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|"
                     r"venerdì|sabato|domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
                     r"senin|selasa|rabu|kamis|jumat|sabtu|minggu|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.(?=\s))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE),  # September 22, 2021 (or 22,2021)
    re.compile(rf"\b{_DAY}\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),  # 22 September 2021
    re.compile(rf"\b{_DAY}-{_MONTH}-{_YEAR}\b", re.IGNORECASE),  # 22-Sep-2021
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\.\s(?P<month>[01]?\d)\.\s(?P<day>[0-3]?\d)\.(?!\d)"),  # 2021. 9. 22. (Korean)
    # 2021-09-22, also as the start of a timestamp: 2021-09-22T10:30:00+05:00
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?:\b|(?=T\d\d:))"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*/\s*{_YEAR}\b", re.IGNORECASE),  # January 3/2024
    # 24-04-2024 or 04/24/2024: the order of day and month is settled in _date_from_match
    re.compile(r"\b(?P<first>[0-3]?\d)(?P<sep>[-/.])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)\b"),
]
# 24/07/23: a two-digit year is only read on a line that is nothing but a date, where it cannot be a score or
# a version number.
_SHORT_YEAR_FORM = re.compile(r"\b(?P<first>[0-3]?\d)(?P<sep>[-/.])(?P<second>[0-3]?\d)(?P=sep)(?P<year>\d\d)\b")
WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# What may stand on a date line besides the date itself: labels, weekdays, times, time zones.
DATE_LINE_FILLER = re.compile(
    rf"\b(?:published|posted|created|issued|released|dated|first|last|updated?|modified|date|on|at|and|{WEEKDAYS})\b\.?"
    r"|(?:\b|(?<=\s))(?:publié|publiée|mis\s+à\s+jour|publicado|publicada|actualizado|atualizado|le|el|em|à|às|a\s+las|"
    r"veröffentlicht|aktualisiert|am|um|uhr|pubblicato|il|alle|gepubliceerd|op|diterbitkan|pukul|wib|yayınlanma)"
    r"(?=\s|$)"
    rf"|\b(?:{_FOREIGN_WEEKDAYS})\b"
    r"|(?:\bT(?=\d)|\b)\d{1,2}[:.h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\b\.?)?Z?|\b\d{1,2}\s*[ap]\.?m\.?"
    r"|(?-i:\b(?:[A-Z]{2,5}|UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\b)"  # time zones: capitals only,
    r"|(?<=\d\s)(?:ist|pkt|gmt|utc|bst|cet|cest|edt|cdt|pdt|pst|sast|aest|jst|kst|msk|sgt|hkt)\b"  # or after a time
    r"|[+-]\d{1,2}:?\d{2}\b"  # a bare UTC offset: "+0500", "+5:30"
    # what news pages print next to the date: "Updated 2 hours ago", "2 min read"
    r"|\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|[smhd])\s+ago\b|\b\d+\s*min(?:ute)?s?\s+read\b"
    # the same day in the Islamic calendar, as Gulf and South Asian papers print it: "22 Shaaban 1444 AH"
    r"|(?-i:\b[0-3]?\d\s+[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?,?\s+1[34]\d\d(?:\s*A\.?H\b\.?)?)"
    # counters printed beside the date: "0 comments", "1,204 views"
    r"|\b\d[\d,.]*\s*[kK]?\s+(?:comments?|views?|shares?|likes?|reads?|reactions?)\b"
    r"|[|,:;()\[\]\-–—/•·]",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_UPDATED_LABEL = re.compile(r"\b(?:updated?|modified)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted)\b", re.IGNORECASE)


def _full_year(year: int) -> int:
    return year if year >= 100 else year + (2000 if year < 70 else 1900)


def _date_from_match(match: re.Match[str], day_first: bool | None) -> PartialDate | None:
    year = _full_year(int(match.group("year")))
    if "first" in match.groupdict():
        first, second = int(match.group("first")), int(match.group("second"))
        if first == second or (first > 12) != (second > 12):
            day, month = (first, second) if first > 12 or first == second else (second, first)
        elif first > 12 or day_first is None:
            return None  # 04/10/2023 is April or October unless the outlet's convention says which
        else:
            day, month = (first, second) if day_first else (second, first)
        try:
            return PartialDate(year, month, day)
        except DateValueError:
            return None
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
    if month is None:
        return None
    try:
        return PartialDate(year, month, int(match.group("day")))
    except DateValueError:
        return None


def find_dates(text: str, day_first: bool | None = None,
               short_years: bool = False) -> list[tuple[re.Match[str], PartialDate]]:
    """Every full (day, month, year) date written in `text`, in order of position.

    A numeric date whose numbers could both be months (04/10/2023) is read only when `day_first` says the
    order; two-digit years (24/07/23) only with `short_years`.
    """
    found: list[tuple[re.Match[str], PartialDate]] = []
    if not _DIGIT.search(text):
        return found  # every form has a day and a year in digits; most lines have none
    taken: list[tuple[int, int]] = []
    for form in [*_DATE_FORMS, _SHORT_YEAR_FORM] if short_years else _DATE_FORMS:
        for match in form.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            date = _date_from_match(match, day_first)
            if date is not None:
                found.append((match, date))
                taken.append(match.span())
    return sorted(found, key=lambda item: item[0].start())


def _without(text: str, dates: list[tuple[re.Match[str], PartialDate]]) -> str:
    for match, _ in sorted(dates, key=lambda item: -item[0].start()):
        text = text[: match.start()] + " " + text[match.end():]
    return text


# ... and a byline to the month: "By Jane RoeApr 05, 2025".
_NAME_GLUED_TO_MONTH = re.compile(r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+[0-3]?\d\b)")


def parse_date_line(line: str, day_first: bool | None = None) -> PartialDate | None:
    """The publication date of a line that is only a date ("Published: Sep 22, 2021 | Updated ...").

    Anything that is not a date, a time, a weekday, a label ("Published", "Updated") or a short part beside
    them (an outlet, a section, a byline) makes the line a sentence, and sentences never give the
    publication date. `day_first` settles numeric dates such as 04/10/2023 (see `day_first_convention`).
    """
    text = line.strip()
    if not text or len(text) > 100:
        return None
    text = re.sub(r"^#{1,6}\s+", "", text)  # a page stored as Markdown marks its date line as a heading
    # Pages copied as text glue the year to the time: "August 21, 20253:41 PM GMT+5Updated".
    text = re.sub(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d)", r"\1 ", text)
    text = re.sub(r"(?<=[A-Z0-9])(?=Updated\b)", " ", text)
    text = re.sub(r"(?<=\bago)(?=[A-Z])", " ", text)  # a live entry's "3m agoMon 6 Oct 2025 at 1:40am"
    text = _NAME_GLUED_TO_MONTH.sub(" ", text)
    text = _BYLINE_BESIDE_DATE.sub(" ", text)
    dates = find_dates(text, day_first, short_years=True)
    if not dates:
        return None
    if DATE_LINE_FILLER.sub(" ", _CREDITS.sub(" ", _without(text, dates))).strip():
        return _date_beside_labels(text, day_first) or _date_after_label(text, day_first)
    return _first_publication(text, dates)


# Credits printed after the date, each a label and a name: "Source: Xinhua Editor: Li Wei", "Photo: AFP".
_CREDITS = re.compile(r"(?<!\S)[A-Z][A-Za-z]{1,15}\s*:\s*(?:[A-Z][\w.'’&-]*\b(?!\s*:)\s*){1,4}")


# A label of the page's own before its date ("Print edition: 14 March 2023", "Release Date: March 14, 2023"), or a
# footer crediting the paper ("Published in Dawn, March 14th, 2023", "This article was first published on ...").
_LABEL_BEFORE_DATE = re.compile(
    r"^(?:(?P<label>[A-Z][A-Za-z'’.&-]*(?:\s+[A-Za-z'’.&-]+){0,3})\s*:"
    r"|(?i:(?:this\s+(?:article|story|report)\s+was\s+)?(?:first\s+|originally\s+)?(?:published|appeared|printed))"
    r"\s+(?i:in|by)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}\s*,"
    r"|(?i:this\s+(?:article|story|report)\s+was)\b)\s*"
)
# Labels of other dates a page prints near its top: an event's, a deadline's, a match's.
_OTHER_DATE_LABEL = re.compile(r"event|deadline|expir|due|until|valid|clos|match|kick|born|died|birth|death|election|"
                               r"vote|poll|meeting|summit|visit|start|end", re.IGNORECASE)


def _date_after_label(text: str, day_first: bool | None) -> PartialDate | None:
    """The date of a line that is a label of the page's own and then a date line; None for other lines."""
    label = _LABEL_BEFORE_DATE.match(text)
    if label is None or (label["label"] and _OTHER_DATE_LABEL.search(label["label"])):
        return None
    rest = text[label.end():].strip().rstrip(".")
    return parse_date_line(rest, day_first) if rest and len(rest) < len(text) else None


# A byline on the date line: "Posted On: 14 FEB 2023 by PIB Delhi", "Written by Jane Doe on March 16, 2023", and a
# blog's login name closing it: "Posted on September 20, 2021 by admin".
_BYLINE_BESIDE_DATE = re.compile(r"(?:^|(?<=\s))(?i:(?:written\s+)?by)\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
                                 r"(?=\s+(?i:on)\s|\s+[-|–—•]\s|\s*$)|[a-z][\w.-]{1,24}\s*$)")


def _first_publication(text: str, dates: list[tuple[re.Match[str], PartialDate]]) -> PartialDate:
    """ "Updated: X | Published: Y" -> Y; a lone "Updated: X" still dates the page to at least X."""
    for match, date in dates:
        if not _UPDATED_LABEL.search(text[max(0, match.start() - 20): match.start()]):
            return date
    return dates[0][1]


def is_update_line(line: str) -> bool:
    """True for a date line labelled only as an update ("Updated: Sep 23, 2021"), not as a publication."""
    return bool(_UPDATED_LABEL.search(line)) and not _PUBLISHED_LABEL.search(line)


def is_ambiguous_date_line(line: str) -> bool:
    """True for a date line whose numeric date reads both ways ("07/11/2023") and that gives no other date."""
    if not _NUMERIC_DATE.search(line) or parse_date_line(line) is not None:
        return False
    as_day_first, as_month_first = parse_date_line(line, day_first=True), parse_date_line(line, day_first=False)
    return as_day_first is not None and as_month_first is not None and as_day_first != as_month_first


# A short part beside the date on a page's date line: the outlet, a section, a byline ("Gulf Times | 08 Oct
# 2024", "ARGENTINA | 24-04-2024 02:15", "Posted on 2024-09-22 | ECONOMYNEXT", "... | Par Mamadou Diop").
LABEL_PART = re.compile(r"^[\w'’.&-]+,?(?:\s+(?:[\w'’.&-]+,?|\([A-Z][\w-]*\))){0,3}$"
                        r"|^(?i:by)\s+[A-Z][\w'’.-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’.&-]*){1,6}$")  # a byline
_TIME_PART = re.compile(r"^\d{1,2}[:.h]\d\d(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?$", re.IGNORECASE)
# "All News 15:32 June 04, 2024", "Reuters Feb 14, 2023", "Web Desk Published: 5 Aug, 2024", "Astana, Kazakhstan
# (AFP) June 16, 2025": a label run into the date line without a bar.
_MONTH_WORD = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?=\s|$)"
_LEADING_LABEL = re.compile(rf"^(?P<label>(?:(?!{_MONTH_WORD}|(?i:published|posted)\b)(?:[A-Z][\w'’&-]*,?|\([A-Z][\w-]*\))\s+)"
                            r"{1,3})"
                            rf"(?=\d|{_MONTH_WORD}|(?i:published|posted)\b)")


# "January 10, 2022 Jane Roe": a byline or an outlet run onto the end of the date line, after its year.
_TRAILING_LABEL = re.compile(r"(?<=\d)\s+(?P<label>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})$")


# "Photo: AFP", "Source: Reuters": a credit beside the date, its label before a colon.
_CREDIT_LABEL = re.compile(r"^[A-Z][A-Za-z]{1,15}\s*:\s*")


# The same day in another calendar, printed beside the Gregorian date: Hijri ("Jumada al-Awwal 8, 1443 AH", "8 Rabi
# ul Awal 1443"), Solar Hijri ("22 Mehr 1400"), Bikram Sambat ("Kartik 28, 2078"): month words, a day, a year.
_OTHER_CALENDAR_DAY = re.compile(r"^(?:(?:[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3})\s+\d{1,2},?"
                                 r"|\d{1,2}\s+(?:[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}))\s+\d{4}"
                                 r"(?:\s*(?:AH|A\.H\.|H|BS|B\.S\.|SH|AP))?$")


def _is_label_part(part: str) -> bool:
    """Whether a part of a date line beside its date is a label: an outlet, a section, a byline, a credit, a
    time, the day in another calendar, or furniture such as "0 comments" or "3 min read"."""
    if _TIME_PART.match(part) or not DATE_LINE_FILLER.sub(" ", part).strip():
        return True
    if _OTHER_CALENDAR_DAY.match(part) and not find_dates(part, None, short_years=True):
        return True
    part = _CREDIT_LABEL.sub("", part)
    return not re.search(r"\d", part) and LABEL_PART.match(part) is not None


def _date_beside_labels(text: str, day_first: bool | None) -> PartialDate | None:
    """The date of a line split by bars into one date part and short labels; None when a part is a sentence."""
    # Bars, bullets or spaced dashes split it: "KYODO NEWS - Jan 1, 2024 - 19:45 | Japan, All".
    parts = [p.strip() for p in re.split(r"\s*[|•·»›]+\s*|\s+[–—/-]+\s+", text) if p.strip()]
    if len(parts) < 2:
        label = _LEADING_LABEL.match(text)
        after = _TRAILING_LABEL.search(text)
        if label is not None:
            parts = [label["label"].strip(), text[label.end():]]
        elif after is not None and find_dates(text[:after.start()], day_first, short_years=True):
            parts = [text[:after.start()], after["label"]]
        else:
            return None
    # "... | Updated 17 Mar": an update stamp beside the date, even one without its year, is no sentence.
    parts = [p for p in parts if not re.match(r"(?i)(?:last\s+)?(?:updated|modified)\b", p)
             or find_dates(p, day_first, short_years=True)] or parts
    dated = [p for p in parts if find_dates(p, day_first, short_years=True)]
    if len(dated) != 1 or not all(_is_label_part(p) for p in parts if p is not dated[0]):
        return None
    if not re.search(r"\s[|•·]\s", text) and any(w[:1].islower() for p in parts if p is not dated[0] for w in p.split()):
        return None  # beside a dash or with no separator, a label is in capitals: "The talks ended - 5 May" is prose
    dates = find_dates(dated[0], day_first, short_years=True)
    return _first_publication(dated[0], dates) if not DATE_LINE_FILLER.sub(" ", _without(dated[0], dates)).strip() \
        else None


# --- stamps: a date opening a line that goes on with text --------------------------------------------------

# A store's or CMS's stamp opening a saved page, maybe with a time: "date 2024-01-17 <headline or lead>".
_OPENING_STAMP = re.compile(
    r"^(?i:date|published|posted)\s*:?\s+(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?=\s|$)\s*"
)
# A live page's entry stamp, a date and a time, then a colon: "Saturday, January 21, 2023, 1:13 p.m.: The ...".
_ENTRY_STAMP = re.compile(
    r"^(?P<stamp>[^:]{6,60}?\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*(?-i:[A-Z]{2,4})\b)?)\s*:\s+(?=\S)",
    re.IGNORECASE,
)


def split_opening_stamp(line: str) -> tuple[PartialDate, str] | None:
    """ "date 2022-11-24 Pakistan's Prime Minister ..." -> (2022-11-24, "Pakistan's Prime Minister ...")."""
    match = _OPENING_STAMP.match(line.strip())
    if match is None:
        return None
    try:
        return PartialDate.parse(match["date"]), line.strip()[match.end():]
    except DateValueError:
        return None


def split_entry_stamp(line: str) -> tuple[PartialDate, str] | None:
    """ "Saturday, January 21, 2023, 1:13 p.m.: The ministers ..." -> (2023-01-21, "The ministers ...")."""
    match = _ENTRY_STAMP.match(line.strip())
    if match is None:
        return None
    date = parse_date_line(match["stamp"])
    return (date, line.strip()[match.end():]) if date is not None else None


# A CMS property written out with the page: "firstPublished": "2022-09-07 22:50:05", published_at=2022-09-07. The
# key is quoted or spelt as code (camelCase, snake_case, a prefix), so that a "Published: ..." date line is not one.
_DATE_PROPERTY = re.compile(
    r"""^(?:(?P<q>["'])(?P<quoted>[\w:.-]*(?i:publish|pubdate)[\w:.-]*)(?P=q)"""
    r"""|(?P<key>[a-z][\w.-]*(?:[_:][\w.-]*|[a-z][A-Z][\w.-]*)))\s*[:=]\s*["']?(?P<value>[^"'{}\[\]]{6,40}?)["']?\s*,?$"""
)
_NOT_FIRST_PUBLICATION = re.compile(r"update|modif|last|re-?publish|expir|unpublish", re.IGNORECASE)


def date_of_property(line: str) -> PartialDate | None:
    """The date of a publication property line ("datePublished": "2022-09-07T22:50:05Z"); None for others."""
    match = _DATE_PROPERTY.match(line.strip())
    key = match and (match["quoted"] or match["key"])
    if not key or not re.search(r"publish|pubdate", key, re.IGNORECASE) or _NOT_FIRST_PUBLICATION.search(key):
        return None
    return parse_date_line(match["value"])


# --- the order of numeric dates ----------------------------------------------------------------------------

# Country domains whose outlets write the month first (04/10/2023 is 10 April); .gov and .mil are American.
_MONTH_FIRST_DOMAINS = frozenset({"us", "gov", "mil", "ph"})
# Domains that name no country's habit: generic ones, country codes sold as brands (.tv, .io, .co, .me),
# countries with both orders in use (.ca) and countries that write the year first.
_NO_CONVENTION_DOMAINS = frozenset({
    "com", "org", "net", "info", "biz", "news", "media", "online", "press", "edu", "int",
    "io", "co", "tv", "me", "ai", "fm", "ly", "to", "cc", "ws", "ca",
    "jp", "cn", "kr", "kp", "tw", "hu", "lt", "mn", "ir", "af",
})
_NUMERIC_DATE = re.compile(r"\b(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)(?:\d{4}|\d\d)\b")


def day_first_convention(url: str | None) -> bool | None:
    """Whether the outlet at `url` writes numeric dates day first (True), month first (False), or unknown."""
    host = urlsplit(url).hostname if url else None
    if not host or "." not in host:
        return None
    suffix = host.lower().rsplit(".", 1)[1]
    if suffix in _MONTH_FIRST_DOMAINS:
        return False
    if suffix in _NO_CONVENTION_DOMAINS or len(suffix) != 2:
        return None
    return True


def day_first_on_page(lines: list[str]) -> bool | None:
    """The order the page's own unambiguous numeric dates show (24/07/2023: day first); None if none or mixed."""
    orders = set()
    for line in lines:
        for match in _NUMERIC_DATE.finditer(line):
            first, second = int(match["first"]), int(match["second"])
            if (first > 12) != (second > 12) and max(first, second) <= 31:
                orders.add(first > 12)
    return orders.pop() if len(orders) == 1 else None


# --- URLs --------------------------------------------------------------------------------------------------

_URL_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_URL_DATE = re.compile(
    rf"/((?:19|20)\d\d)[/-]([01]\d|{_URL_MONTHS})(?:[/-]([0-3]\d))?(?=[/-]|$)",
    re.IGNORECASE,
)
# "/2023/3/14/slug": month and day without their leading zeros, both there and each between slashes.
_URL_SHORT_DATE = re.compile(r"/((?:19|20)\d\d)/([1-9]|1[0-2])/([1-9]|[12]\d|3[01])/")
# "/08-Apr-2024/slug", "/visit--22-aralik-2025--city": a month's name (in any language of MONTHS) keeps the day
# and year apart from article numbers.
_URL_DAY_MONTH_YEAR = re.compile(r"(?<![\w])([0-3]?\d)-(" + "|".join(sorted(MONTHS, key=len, reverse=True))
                                 + r")-((?:19|20)\d\d)(?![\w])", re.IGNORECASE)
# "/20230318/", "/20240603-slug", "...-at-the-gabba-20221218-p5c77t.html": a compact date between separators.
# One ending the path ("slug-20210922") is as likely an article number.
_URL_COMPACT_DATE = re.compile(r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/_-])")
# "slug202412011427310010": a date and time stamp run into the slug; the time makes it a stamp, not a number.
_URL_TIMESTAMP = re.compile(r"(?<!\d)((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?=\d*(?:[/._-]|$))")


def date_from_url(url: str) -> PartialDate | None:
    """The date a URL path carries (/2021/09/22/slug -> 2021-09-22; /2021/09/slug -> 2021-09)."""
    path = urlsplit(url).path
    match = _URL_DATE.search(path)
    if match:
        year, month_text, day = match.groups()
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        return _date_or_none(int(year), month, int(day) if day else None)
    match = _URL_SHORT_DATE.search(path)
    if match:
        return _date_or_none(int(match[1]), int(match[2]), int(match[3]))
    match = _URL_DAY_MONTH_YEAR.search(path)
    if match:
        return _date_or_none(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
    for form in (_URL_COMPACT_DATE, _URL_TIMESTAMP):
        match = form.search(path)
        date = _date_or_none(int(match[1]), int(match[2]), int(match[3])) if match else None
        if date is not None:
            return date
    return None


def _date_or_none(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except DateValueError:
        return None


def date_in_year(day_and_month: str, year: int) -> PartialDate | None:
    """A dateline's "November 21" or "23 Aug" in the year the page states elsewhere."""
    dates = find_dates(f"{day_and_month.strip().rstrip('.,')} {year}")
    return dates[0][1] if len(dates) == 1 else None
