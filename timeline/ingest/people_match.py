"""Whether two reports name the same people, however each spells them or leaves them out.

Merging compares participants by registry id first. Real reports also disagree in ways the registry
may not know yet: two transliterations of one name ("Gerasimov"/"Gerasimow", "Shoigu"/"Shoygu",
"Sergei"/"Sergey"), a particle or suffix ("el-Sisi"/"al-Sisi", "Lloyd Austin III"), a name given in
full in one report and in part in another ("Seyed Abbas Araghchi"/"Abbas Araghchi"); a person one report
makes a participant and another only names ("the call with Sergei Shoigu"); and a person one report
names and another gives only by office ("Russia's defence minister"). This module answers all of these
for `same_event.py`, without ever calling two different surnames one person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..load.model import Event, Participant
from ..load.people import name_key

# Words that do not tell people apart: a generational suffix or a regnal number (a report may drop it), the
# "-elect" left of "President-elect", styles and forms of address written before a name ("His Highness Sheikh",
# "Mr", Indonesian "Pak", Indian "Shri"), and the particles that one transliteration writes and another drops
# ("al-Sisi", "Sisi").
_IGNORED_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xiv", "xv",
                            "xvi", "elect", "his", "her", "highness", "excellency", "majesty",
                            "royal", "hh", "hrh", "sheikh", "sheikha", "shaikh", "mr", "mrs", "ms", "dr", "pak", "bapak",
                            "ibu", "shri", "smt", "al", "el", "ul", "ad", "as", "ash", "bin", "ibn", "bint", "de", "van",
                            "von", "der", "da", "di", "du", "la", "le"})
# One sound written several ways by transliterations into English, German or French, or by Korea's two
# romanisations ("Seok"/"Suk", "Deok"/"Duk", "Jeong"/"Jung"): folded to one spelling.
_SPELLINGS = (("eo", "u"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"),
              ("w", "v"), ("y", "i"), ("ie", "e"), ("ou", "u"))
_VOWEL_RUN = re.compile(r"([aeiou])[aeiou]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_OFFICE_STOP = frozenset("of the for and to a an on in at s".split())
_OFFICE_SPELLINGS = {"defence": "defense", "armed": "army", "forces": "force"}


def folded_word(word: str) -> str:
    """One spelling for a name's transliterations: "shoygu" and "shoigu" -> "shoigu", "gerasimow" -> "gerasimov",
    Korean "seok" and "suk" -> "suk", Ukrainian "є" written "ie", "ye" or "e": "umierov", "umyerov" -> "umerov"."""
    for written, sound in _SPELLINGS:
        word = word.replace(written, sound)
    word = _VOWEL_RUN.sub(r"\1", word)  # "raeisi"/"raisi", "sergei"/"serge"
    word = _DOUBLE.sub(r"\1", word)  # "mohammed"/"mohamed"
    return word[:-1] if len(word) > 3 and word.endswith("h") else word  # "abdullah"/"abdulla"


@dataclass(frozen=True)
class NameForm:
    """A person as one report names them: registry id (or spelling key) and the folded words of the name."""

    key: str
    words: tuple[str, ...]  # folded, without particles and suffixes, in order
    name: str = field(default="", compare=False)  # as the report writes it, for notes

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""


@lru_cache(maxsize=65536)
def name_form(name: str, key: str = "") -> NameForm:
    """The comparable form of a name; `key` is the registry id when the person is known."""
    words = tuple(folded_word(w) for w in name_key(name).split() if w not in _IGNORED_WORDS)
    return NameForm(key or "name:" + name_key(name), words, name.strip())


def participant_form(participant: Participant) -> NameForm:
    return name_form(participant.name, participant.person or "")


def same_person(a: NameForm, b: NameForm) -> bool:
    """One person: the same registry id, or names that agree once spelling is folded.

    The surnames must agree, and the other words of one name must all be in the other ("Abbas Araghchi"
    in "Seyed Abbas Araghchi"); a one-word name ("Austin", "Jaishankar") agrees with a full name ending
    in it. Different surnames are never one person, whatever the registry ids.
    """
    if a.key == b.key:
        return True
    if not a.words or not b.words:
        return False
    if a.surname != b.surname:
        if _lineage_prefix(a, b) or _lineage_prefix(b, a) or _family_name_first(a, b):
            return True
        # "Yoon" (a one-word name) and "Yoon Suk-yeol": the word leads a name written surname first.
        single, full = (a, b) if len(a.words) == 1 else (b, a)
        return len(single.words) == 1 and len(full.words) >= 2 and single.words[0] == full.words[0]
    given_a, given_b = set(a.words[:-1]), set(b.words[:-1])
    return given_a <= given_b or given_b <= given_a or _initials_agree(a.words[:-1], b.words[:-1])


_LINEAGE = re.compile(r"\b(?:bin|ibn|bint)\b", re.IGNORECASE)


def _lineage_prefix(short: NameForm, full: NameForm) -> bool:
    """ "Mohamed bin Zayed" and "Mohamed bin Zayed Al Nahyan": a name by lineage ("X son of Y") is complete without
    the family name that often follows it, so it agrees with a longer name that begins with all its words."""
    return (len(short.words) >= 2 and len(full.words) > len(short.words)
            and full.words[:len(short.words)] == short.words and bool(_LINEAGE.search(short.name)))


def _family_name_first(a: NameForm, b: NameForm) -> bool:
    """ "Kishida Fumio" and "Fumio Kishida": one name written family name first (Japanese, Chinese, Korean and
    Hungarian usage), the very same words in the other order."""
    return len(a.words) >= 2 and a.words[0] == b.surname and b.words[0] == a.surname and sorted(a.words) == sorted(b.words)


def _initials_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "S Jaishankar" and "Subrahmanyam Jaishankar": an initial stands for the word it begins."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and all(len(w) == 1 and any(x.startswith(w) for x in long) or w in long for w in short)


def shared_people(mine: Iterable[NameForm], theirs: Iterable[NameForm]) -> list[tuple[NameForm, NameForm]]:
    """Pairs (mine, theirs) of the same person, each person used once; in `mine`'s order."""
    pairs, used = [], set()
    others = list(theirs)
    for form in mine:
        for index, other in enumerate(others):
            if index not in used and same_person(form, other):
                pairs.append((form, other))
                used.add(index)
                break
    return pairs


@lru_cache(maxsize=4096)
def office_words(role: str | None, country: str | None) -> frozenset[str]:
    """The words that name an office without its holder: "Defense Minister", "Russia" -> {defense, minister, russia}."""
    words = {_OFFICE_SPELLINGS.get(w, w) for w in name_key(role or "").split() if w not in _OFFICE_STOP}
    return frozenset(words | ({_country_key(country)} if country and words else set()))


def named_by_office(text: str, role: str | None, country: str | None) -> bool:
    """True when one sentence of `text` names the office ("Russia's defence minister", "the Russian Defense Ministry's
    chief"): every word of the role, and the country by name or adjective, when the role has one."""
    wanted = office_words(role, country)
    if len(wanted) < 2:
        return False  # "President" alone names a different person in every country
    sentences = _sentence_words(text)
    return wanted <= _text_words(sentences) and any(wanted <= words for words in sentences)


@lru_cache(maxsize=1024)
def _text_words(sentences: tuple[frozenset[str], ...]) -> frozenset[str]:
    """Every office word of a report: most offices are not there at all, which one test tells."""
    return frozenset().union(*sentences)


@lru_cache(maxsize=1024)
def _sentence_words(text: str) -> tuple[frozenset[str], ...]:
    """Each sentence of a report's text as its office words, countries as ISO codes: made once per report,
    since every comparison with it asks again."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = {_OFFICE_SPELLINGS.get(w, w) for w in name_key(sentence).split()}
        found.append(frozenset(words | {_country_key(w) for w in words if _country_key(w) != w}))
    return tuple(found)


@lru_cache(maxsize=4096)
def _country_key(word: str) -> str:
    """A country's name or adjective as its ISO code ("russian", "Russia" -> "RU"); other words unchanged."""
    from .place_match import country_code

    return country_code(word) or word


def event_people(event: Event) -> list[tuple[Participant, NameForm]]:
    """The event's participants with their comparable forms, each person once."""
    found: list[tuple[Participant, NameForm]] = []
    for participant in event.participants:
        form = participant_form(participant)
        if form.words and all(form != other for _, other in found):
            found.append((participant, form))
    return found


def event_forms(event: Event) -> list[NameForm]:
    """The comparable forms of the event's participants, each person once."""
    return [form for _, form in event_people(event)]
