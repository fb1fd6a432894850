"""People named in an article: name, rank or honorific, office, country, and whether they took part.

A person is a run of 2-4 capitalised name words (initials and particles such as "bin", "al-", "de", "van"
allowed) that is announced by a rank, honorific or office before it ("Chairman of the Joint Chiefs of
Staff Gen. Mark Milley", "State Department spokesperson Matthew Miller") or explained by an office after
it ("Asif Durrani, Pakistan's special representative to Afghanistan"), or that the people registry
knows. Later mentions ("General Munir", "Milley", "Mr Biden", "the army chief") are tied back to the
same person by surname and by office words, within the article and through the registry.

Whether someone took part is decided by the caller's choice of event sentences (see `kinds`): people
named there are participants, unless they only speak about it (spokespeople, "said X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..load.people import PeopleRegistry, name_key, person_id_for
from .places import country_of, gazetteer
from .sentences import Sentence

# Ranks and honorifics, lower case without stops -> how a title is written.
RANKS = {
    "gen": "Gen.", "general": "Gen.", "lt gen": "Lt. Gen.", "lieutenant general": "Lt. Gen.", "maj gen": "Maj. Gen.",
    "major general": "Maj. Gen.", "brig gen": "Brig. Gen.", "brigadier general": "Brig. Gen.", "brig": "Brig.",
    "brigadier": "Brig.", "col": "Col.", "colonel": "Col.", "lt col": "Lt. Col.", "lieutenant colonel": "Lt. Col.",
    "maj": "Maj.", "major": "Maj.", "capt": "Capt.", "captain": "Capt.", "lt": "Lt.", "lieutenant": "Lt.",
    "adm": "Adm.", "admiral": "Adm.", "vice adm": "Vice Adm.", "vice admiral": "Vice Adm.", "rear adm": "Rear Adm.",
    "rear admiral": "Rear Adm.", "air chief marshal": "Air Chief Marshal", "air marshal": "Air Marshal",
    "field marshal": "Field Marshal", "marshal": "Marshal", "sgt": "Sgt.", "sergeant": "Sgt.", "cmdr": "Cmdr.",
    "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "dr": "Dr.", "prof": "Prof.", "professor": "Prof.", "sir": "Sir", "dame": "Dame",
    "sheikh": "Sheikh", "shaikh": "Sheikh", "hon": "Hon.", "honourable": "Hon.", "honorable": "Hon.",
    "rt hon": "Rt. Hon.", "right honourable": "Rt. Hon.", "right honorable": "Rt. Hon.", "sen": "Sen.", "rep": "Rep.", "gov": "Gov.", "pope": "Pope",
    # Honorifics of Southern Africa's, Malaysia's and Indonesia's press, written before the name.
    "advocate": "Adv.", "adv": "Adv.", "datuk": "Datuk", "dato": "Dato'", "dato'": "Dato'", "datuk seri": "Datuk Seri",
    "dato seri": "Dato' Seri", "dato' seri": "Dato' Seri", "tan sri": "Tan Sri", "tun": "Tun",
    "pak": "Pak", "bapak": "Bapak",
}
_RANK_WORDS = frozenset(w for rank in RANKS for w in rank.split())

# Words that head an office ("spokesperson", "chief"); lower case.
OFFICE_HEADS = frozenset(
    """president vice-president premier prime minister secretary secretary-general chancellor chairman chairwoman
    chairperson chair chief chiefs commander director director-general head spokesperson spokesman spokeswoman envoy ambassador
    representative adviser advisor governor mayor senator lawmaker leader deputy officer official emir king queen
    prince princess ruler sultan speaker attorney inspector commissioner coas cjcs dg ceo founder negotiator diplomat
    counterpart minister-counsellor undersecretary under-secretary administrator fm pm eam nsa cjcsc
    mantri taoiseach tanaiste tánaiste councilor councillor counselor counsellor justice judge
    """.split()  # "Raksha Mantri": the Hindi "minister" of Indian releases; "Taoiseach": the Irish prime minister
)
# Words that may stand inside an office's name ("Joint Chiefs of Staff", "State Department").
OFFICE_WORDS = frozenset(
    """defense defence foreign interior state army navy air force forces naval military joint staff national
    security intelligence central command special press vice acting former top senior department ministry affairs
    public relations services homeland finance economy trade health armed general of the for and to on
    regional combatant operations strategic first second deputy assistant principal raksha pradhan videsh
    grih executive""".split()
)
# Statements are not participation.
SPEAKER_HEADS = ("spokesperson", "spokesman", "spokeswoman", "press secretary", "press officer", "press attache")
PARTICLES = frozenset("bin ibn bint al el de da di del della van von der den la le ul ur abu mac st ould".split())
# Lower-case nouns after a capitalised word that make it a thing's name: "the Official Security Assistance framework".
_THING_NOUNS = frozenset("framework programme program plan initiative scheme fund policy project system act law "
                         "agreement deal strategy mechanism".split())
# Honorifics that also stand inside a name, between two of its words: "Hassan Sheikh Mohamud".
_NAME_INNER_RANKS = frozenset({"sheikh", "shaikh"})
# Capitalised words that begin sentences or clauses and are never part of a name.
STOP_CAPS = frozenset(
    """the a an but and or in on at he she it they we i his her their its our this that these those after before
    when while since last earlier later meanwhile however also according both two top senior former new then if
    as for from with by to of not no yes said says told read photo file related also
    leftist rightist socialist conservative liberal populist nationalist centrist veteran incumbent outgoing
    today yesterday tonight tomorrow separately additionally furthermore moreover neither either each every
    highness excellency majesty royal h.e member members""".split()
)
# Words of organisations and places, never of a person's name ("General Headquarters", "General Assembly").
ORGANISATION_WORDS = frozenset(
    """headquarters assembly council command staff ministry department office agency committee party army navy
    force forces university house palace bank company corporation group court nations union states kingdom
    republic province region city airport hotel times post news tribune daily press institute center centre
    school college church mosque embassy parliament senate congress guard police service services relations
    organization organisation association federation alliance front movement brigade division corps regiment
    fleet base camp station media network television radio channel journal herald gazette commission authority
    bureau administration secretariat directorate cabinet government coalition fund programme program initiative
    foundation society tribunal council limited ltd inc plc llc league club cup championship tournament
    team united fc meeting summit conference forum dialogue talks""".split()
)
MONTH_DAY_WORDS = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# A verb opening a clause, capitalised only for being first: "Congratulating", "Welcoming", "Addressing".
_PARTICIPLE = re.compile(r"[A-Z][a-z]{4,}ing")
# Short month names that are also names ("Dong Jun", "Theresa May"): read as a name after a first name.
_MONTHS_IN_NAMES = frozenset("jan jun mar may".split())
# Organisations that tell a country when no adjective does ("Pentagon spokesperson").
ORGANISATION_COUNTRIES = {
    "pentagon": "United States", "state department": "United States", "white house": "United States",
    "centcom": "United States", "department of defense": "United States", "kremlin": "Russia",
    "ispr": "Pakistan", "ghq": "Pakistan", "downing street": "United Kingdom",
}
_ATTRIBUTION_BEFORE = re.compile(r"(?:\bsaid|\bsays|\btold|\baccording to|\bquoted|\bstated by|\bcited|\bwrote)\s*,?\s*$|"
                                 r"\b(?:said|says)\s+the\s+[^,.;]{3,80},\s*$",  # "said the chairman of the commission, X"
                                 re.IGNORECASE)
_ATTRIBUTION_AFTER = re.compile(r"^\s*(?:,[^,]{0,80},\s*)?(?:said|says|told|added|noted|stated|reported|wrote|posted|"
                                r"tweeted|announced|confirmed)\b", re.IGNORECASE)
_COUNTERPART = re.compile(r"^(?:[\w-]+\s+)?counterparts?$", re.IGNORECASE)

# The parts of a hyphenated title: "Lieutenant-General", "President-elect", "Secretary-designate".
_TITLE_PARTS = _RANK_WORDS | OFFICE_HEADS | OFFICE_WORDS | frozenset(("elect", "designate", "general"))
# A stop followed by a capitalised word ends a token: "Dr.Mark Esper" is a title and a name, "U.S." one word.
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*(?:\.(?![A-Z][a-z])[\w'’-]*)*\.?|[()]|[^\w\s]")


@dataclass
class PersonMention:
    """One person as the article presents them, with every sentence that names them."""

    name: str
    title: str | None = None  # rank or honorific: "Gen.", "Col.", "Mr."
    role: str | None = None  # office: "Chairman of the Joint Chiefs of Staff"
    country: str | None = None
    person_id: str = ""
    is_participant: bool = False
    evidence: str = ""  # the sentence that best shows who they are (or that they took part)
    confidence: float = 0.0
    first_index: int = 0  # sentence index of the first mention
    sentences: list[int] = field(default_factory=list)  # every sentence index naming them
    spoke: bool = False  # gave a statement or was quoted
    known: bool = False  # found in the people registry
    short: str = ""  # how the article names them on later mentions ("Wang" for Wang Yi, "Sheinbaum")
    note: str | None = None  # why a person checks them: "resolved from the office 'army chief' ..."
    office_of_counterpart: bool = False  # the role is the counterpart's office, a guess an office named later replaces


class _Token:
    """A word with its offsets; `bare` drops a possessive and trailing stops, `lower` is that in lower case."""

    __slots__ = ("text", "start", "end", "bare", "lower")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.bare = _bare(text)
        self.lower = _singular_office(self.bare.lower())


@lru_cache(maxsize=65536)
def _bare(text: str) -> str:
    return re.sub(r"['’]s$", "", text).rstrip(".,")


def _singular_office(word: str) -> str:
    """ "presidents" -> "president": a plural office before two names ("Presidents Xi of China and Lula of Brazil")."""
    return word[:-1] if word.endswith("s") and word[:-1] in OFFICE_HEADS else word


def _tokens(sentence: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def _is_name_word(token: _Token) -> bool:
    return _is_name_text(token.text)


@lru_cache(maxsize=65536)
def _is_name_text(text: str) -> bool:
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", text):  # an initial, or initials run together ("R.K. Singh"), not "H.E."
        return len(text) == 2 or text.lower().rstrip(".") not in STOP_CAPS and country_of(text) is None  # not "U.S."
    if re.fullmatch(r"[B-HJ-Z]", text):
        return True  # an initial written without its stop ("S Jaishankar"); "A" and "I" are words
    bare = _bare(text)
    if re.fullmatch(r"(?:al|el|ad|as|ash|az)-[A-Z][\w'’-]+", bare):
        return True  # "al-Shaibani": the article written in lower case, the name after it
    if not bare or not bare[0].isupper() or not re.search(r"[a-z]", bare):
        return False  # lower case, or an acronym like ISPR
    lower = bare.lower()
    if lower in STOP_CAPS or lower in MONTH_DAY_WORDS or lower in _RANK_WORDS or _singular_office(lower) in OFFICE_HEADS:
        return False
    if "-" in lower and all(part in _TITLE_PARTS for part in lower.split("-")):
        return False  # "Lieutenant-General", "President-elect", "Vice-Admiral": a title written with a hyphen
    if lower in OFFICE_WORDS or lower.split("-")[0] in ("al", "el") and "-" not in lower:
        return lower.startswith(("al-", "el-"))
    # A country's people ("Malaysians", "Filipinos") are no one's name.
    return country_of(bare) is None and not (bare.endswith("s") and country_of(bare[:-1]))


def _is_head_word(word: str) -> bool:
    """Whether a word heads an office, hyphenated ones included ("President-elect", "Secretary-General")."""
    lower = _singular_office(word.lower().strip(".,()"))
    return lower in OFFICE_HEADS or "-" in lower and any(p in OFFICE_HEADS for p in lower.split("-")) \
        and all(p in _TITLE_PARTS for p in lower.split("-"))


def _is_office_word(token: _Token) -> bool:
    lower = token.lower
    return lower in OFFICE_HEADS or lower in OFFICE_WORDS or lower in _RANK_WORDS or (
        "-" in lower and all(part in _TITLE_PARTS for part in lower.split("-")))


# Offices whose name ends in "General" ("Secretary General", "Attorney General"): there it is no rank.
_GENERAL_OFFICES = frozenset("secretary attorney solicitor inspector governor surgeon auditor consul postmaster "
                             "accountant comptroller procurator prosecutor registrar advocate".split())


def _rank_before(tokens: list[_Token], end: int) -> tuple[str | None, int]:
    """The rank or honorific ending just before tokens[end]: (title, index where it starts)."""
    for size in (3, 2, 1):
        start = end - size
        if start < 0:
            continue
        words = " ".join(t.lower.rstrip(".") for t in tokens[start:end]).replace("-", " ")
        if words in RANKS:
            if words in ("general", "gen") and start > 0 and tokens[start - 1].lower in _GENERAL_OFFICES:
                return None, end  # "Secretary General Jens Stoltenberg": the office's last word
            return RANKS[words], start
    return None, end


@dataclass
class _Found:
    name: str
    surname_only: bool
    title: str | None
    role: str | None
    country: str | None
    start: int  # character offset in the sentence
    end: int
    confidence: float


_ORGANISATION = re.compile(r"\b(?:" + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in ORGANISATION_COUNTRIES)
                           + r")\b", re.IGNORECASE)


def _country_in(words: list[str]) -> str | None:
    named = _ORGANISATION.search(" ".join(words))
    organisation_country = ORGANISATION_COUNTRIES[re.sub(r"\s+", " ", named[0].lower())] if named else None
    for index in range(len(words)):
        for size in (3, 2, 1):
            chunk = " ".join(words[index:index + size])
            if len(chunk) > 1 and chunk[0].isupper():
                country = country_of(chunk)
                if country:
                    return country
    return organisation_country


def _strip_country(words: list[str]) -> list[str]:
    """Drop leading articles and country words: "the Pakistani army chief" -> "army chief"."""
    while words:
        head = words[0]
        two = " ".join(words[:2])
        if head.lower() in ("the", "a", "an", "its", "his", "her", "their"):
            words = words[1:]
        elif len(words) > 1 and country_of(two) and two[0].isupper():
            words = words[2:]
        elif head[:1].isupper() and country_of(head):
            words = words[1:]
        else:
            break
    return words


# Offices the press writes by their initials ("EAM Jaishankar"): a stub spells them out for its readers.
_OFFICE_INITIALS = {"EAM": "External Affairs Minister", "FM": "Foreign Minister", "PM": "Prime Minister",
                    "NSA": "National Security Adviser", "COAS": "Chief of Army Staff",
                    "CJCSC": "Chairman Joint Chiefs of Staff Committee", "DPM": "Deputy Prime Minister"}


def _clean_role(words: list[str]) -> str | None:
    words = _strip_country(list(words))
    while words and words[-1].lower() in ("of", "the", "for", "and", "to", ","):
        words = words[:-1]
    text = " ".join(words).replace("( ", "(").replace(" )", ")").replace(" ,", ",").strip(" ,")
    text = re.sub(r"\((?:L|R|left|right)\)", "", text).strip()
    text = _OFFICE_INITIALS.get(text, text)
    if not text or not any(w.lower().strip("(),") in OFFICE_HEADS or w[:1].isupper() for w in words):
        return None
    return text[0].upper() + text[1:]


def _prefix(tokens: list[_Token], name_start: int) -> tuple[list[str], str | None, float]:
    """The office words before a name and its rank: (role words, title, confidence it is a person)."""
    title, rank_start = _rank_before(tokens, name_start)
    j = rank_start - 1
    depth = 0
    words: list[str] = []
    while j >= 0:
        token = tokens[j]
        text = token.text
        if text == ")":
            depth += 1
        elif text == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            lower = token.lower
            if j > 0 and _is_name_word(token) and _is_name_word(tokens[j - 1]) \
                    and not {lower, tokens[j - 1].lower} & ORGANISATION_WORDS \
                    and not re.search(r"['’]s$", tokens[j - 1].text) \
                    and not country_of(f"{tokens[j - 1].bare} {token.bare}"):
                break  # another person's name ("Spokesperson John Kirby of Defence Secretary X"): their office ends here
            if lower == "and" and not (0 < j < len(tokens) - 1 and _is_office_word(tokens[j - 1])
                                       and tokens[j + 1].text[:1].isupper()):
                break  # "and" inside one office ("Secretary for Foreign and Diaspora Affairs") does not end it
            if _is_office_word(token) and lower not in ("of", "the", "for", "to", "on"):
                pass
            elif lower in ("of", "the", "for", "on") and j > 0 and (tokens[j - 1].text[:1].isupper()
                                                                   or _is_office_word(tokens[j - 1])):
                pass  # "and" always stops: "President Joe Biden and Chinese leader Xi Jinping" are two people
            elif text[:1].isupper() and token.lower not in STOP_CAPS and re.search(r"\w", text):
                pass
            elif text[:1].isupper() and j + 1 < len(tokens) and country_of(f"{token.bare} {tokens[j + 1].bare}"):
                pass  # "New Zealand's Defence Minister": a country's name may open with a common word
            else:
                break
        words.insert(0, token.text)
        j -= 1
    while words and words[0].lower() in ("of", "the", "for", "and", "on", "("):
        words = words[1:]
    has_head = any(_is_head_word(w) for w in words)
    confidence = 0.85 if (title or has_head) else 0.0
    if title and title in ("Mr.", "Mrs.", "Ms.", "Dr.") and not has_head:
        confidence = 0.8
    return (words if has_head or title else []), title, confidence


# Generational suffixes and regnal numbers ("Mohammed VI", "Leo XIV"); a lone V or X is as likely an initial.
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI")


def _particles_then_name(tokens: list[_Token], at: int) -> bool:
    """Whether the particles starting at tokens[at] ("von der") lead on to a name word ("Leyen"); after a particle
    a capitalised common word is a name too ("Haitham bin Tariq Al Said")."""
    while at < len(tokens) and tokens[at].lower in PARTICLES:
        at += 1
    return at < len(tokens) and (_is_name_word(tokens[at]) or tokens[at].text.istitle() and tokens[at].text.isalpha()
                                 and tokens[at].lower in STOP_CAPS)


def _office_after_as(sentence: str, end: int) -> list[str] | None:
    """ "appointing X as Defense Minister of the Russian Federation": the office given after "as"."""
    match = re.match(r"\s+as\s+(?:the\s+(?:new\s+)?|new\s+|its\s+)?(?P<office>(?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*"
                     r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,4})?)", sentence[end:])
    if not match:
        # "X has resigned as president of the Royal Spanish Football Federation": the office they leave or take.
        match = re.match(r"\s+(?:(?:has|had|have)\s+)?(?:resigned|stepped\s+down|quit|retired|(?:was|been)\s+(?:appointed|"
                         r"named|elected|sworn\s+in))\s+as\s+(?:the\s+)?(?P<office>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*"
                         r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,5})", sentence[end:])
    if not match:
        return None
    words = match["office"].split()
    return words if any(w.lower() in OFFICE_HEADS for w in words) else None


def _names_someone(words: list[str]) -> bool:
    """Whether words name an office's holder: an office word followed by two name words ("President Ada Lind")."""
    return any(_is_head_word(words[at]) or words[at].lower() in OFFICE_WORDS and words[at][:1].isupper()
               for at in range(len(words) - 2) if _is_name_text(words[at + 1]) and _is_name_text(words[at + 2]))


def _heads_an_office(words: list[str]) -> bool:
    """Whether a noun phrase is headed by an office: "chief spokesperson", "Minister for Foreign Affairs", not "the
    official residence" (an office's word used to qualify another noun)."""
    for at, word in enumerate(words):
        qualified = words[at + 1] if at + 1 < len(words) else ""
        if _is_head_word(word) and not (qualified[:1].islower() and qualified not in ("for", "and", "to", "in")
                                        and not _is_head_word(qualified)):
            return True
    return False


def _appositive(sentence: str, end: int) -> list[str] | None:
    """The office explained after a name: ", Pakistan's special representative to Afghanistan,"."""
    # The full stop of "U.S." or "U.K." does not end it: ", chairman of the U.S. Joint Chiefs of Staff,".
    match = re.match(r"\s*,\s*(?P<app>[^,;:“”\"]{3,120}?)\s*(?:,|;|:|(?<!\.[A-Z])\.(?:\s|$)|$|\s+and\s+[A-Z]|"
                     r"\s+(?:said|told|held|met|received|hosted|called|spoke|visited|signed|during)\b|"
                     r"\s+(?:on\s+|last\s+|this\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)",
                     sentence[end:])
    if not match:
        return None
    words = match["app"].replace("(", " ( ").replace(")", " ) ").split()
    words = [w for w in words if w not in ("(", ")")] if words.count("(") != words.count(")") else words
    head_window = [w.lower().strip(".,()") for w in words[:8]]
    if not any(w in OFFICE_HEADS for w in head_window):
        return None
    if re.match(r"(?:who|which|that|where|whose)\b", match["app"]):
        return None
    if "of" in words and not _heads_an_office(words[:words.index("of")]):
        return None  # ", the official residence of the Indian President": the office is the owner's
    if _names_someone(words):
        # "On Europe Day, President Ada Lind welcomed ...", "Lima, AGENCY – The Minister of Defence Ana Ruiz held":
        # an office with its own holder's name is the sentence's subject, not an office explained.
        return None
    if re.match(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", match["app"]):
        return None  # "Seoul, May 26 (Jiji Press)--Japanese Prime Minister ...": a dateline, not an office
    first = words[0] if words else ""
    if first[:1].islower() and first.lower() not in ("the", "a", "an", "his", "her", "its", "their") \
            and first.lower().strip(".,()") not in OFFICE_HEADS \
            and (first.lower() not in OFFICE_WORDS or first.lower() in ("of", "the", "for", "and", "to", "on")):
        return None  # ", on Sunday received his counterpart ...": the sentence goes on, no office is explained
    return words


# "the Minister of Mines and Minerals Development, Hon. Paul Kabuswe", "the President of the Republic of Chile,
# Gabriel Boric", "National Leader of the All Progressives Congress (APC), Bola Tinubu": an office with its "of ..."
# named first (and the body's initials), then a comma, then the person.
_OFFICE_THEN_COMMA = re.compile(
    r"(?:\b[Tt]he\s+)?(?P<office>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:(?:\s+|,\s+|\s+and\s+|\s+of\s+(?:the\s+)?)[A-Z][\w'’-]*){0,6})(?:\s+\([A-Z]{2,8}\))?\s*,\s*$")


# "Chinese President, Xi Jinping has arrived", "the former British Prime Minister, Mr Tony Blair": a country's office.
_COUNTRYS_OFFICE_THEN_COMMA = re.compile(r"(?:^|(?<=[\s(“\"]))(?P<office>(?P<nation>[A-Z][\w-]*?)(?:['’]s)?"
                                         r"(?:\s+[A-Z][\w-]*){1,3})\s*,\s*$")


# "received his Ghanaian counterpart, John Mahama,": the counterpart named after a comma.
_NATIONAL_COUNTERPART_THEN_COMMA = re.compile(r"\b(?:his|her|their|its)\s+(?P<adj>[A-Z][\w-]*)\s+counterpart\s*,\s*$")


def _office_before_comma(sentence: str, end: int) -> list[str] | None:
    """The office named before a comma that ends at `end` (where the person's name or rank begins)."""
    national = _NATIONAL_COUNTERPART_THEN_COMMA.search(sentence[:end])
    if national and country_of(national["adj"]):
        return [national["adj"], "counterpart"]
    match = _OFFICE_THEN_COMMA.search(sentence[:end])
    if not match:
        bare = _COUNTRYS_OFFICE_THEN_COMMA.search(sentence[:end])
        if bare and country_of(bare["nation"]) and bare["office"].split()[-1].lower() in OFFICE_HEADS:
            return bare["office"].split()
        return None
    words = match["office"].replace(",", " ,").split()
    if _names_someone(words):
        return None  # "Prime Ministers Narendra Modi of India, Yoshihide Suga": the office is the one named before
    return words if any(w.lower() in OFFICE_HEADS for w in words[:4]) else None


def _country_after(sentence: str, end: int) -> str | None:
    """The country in "of Côte d'Ivoire" right after a name."""
    match = re.match(r"\s+of\s+(?:the\s+)?(?P<run>[A-Z][\w'’-]*(?:\s+(?:[A-Z]|d['’][A-Z])[\w'’-]*){0,3})", sentence[end:])
    if not match:
        return None
    words = match["run"].split()
    for size in range(len(words), 0, -1):
        country = country_of(" ".join(words[:size]))
        if country:
            return country
    return None


# Courtesy titles that protocol lists put before a family name written in capitals ("Mr. KISHIDA Fumio").
_COURTESY = frozenset(("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Madam", "Dr.", "Dr"))


def _family_name_in_capitals(tokens: list[_Token], at: int) -> bool:
    """Whether tokens[at] is a family name in capitals, as protocol lists write it after a courtesy title and
    before the given name ("Mr. KISHIDA Fumio", "H.E. Mr. YOON Suk Yeol"); an acronym ("ISPR") is not followed
    by a given name."""
    word = tokens[at].text
    return (at > 0 and tokens[at - 1].text in _COURTESY and len(word) >= 2 and word.isalpha() and word.isupper()
            and at + 1 < len(tokens) and _is_name_word(tokens[at + 1]))


def _short_word_name(tokens: list[_Token], at: int) -> bool:
    """Whether a capitalised short word that is usually no name begins one right after an office ("new leader To
    Lam"): a name word must follow, and the word must not be what the sentence goes on with ("President To ...")."""
    word = tokens[at].text
    return (0 < at and at + 1 < len(tokens) and len(word) <= 3 and word[:1].isupper() and word[1:].islower()
            and tokens[at - 1].lower in OFFICE_HEADS
            and _is_name_word(tokens[at + 1]) and not _is_name_word(tokens[at])
            and tokens[at].lower not in ("the", "a", "an", "and", "or", "but", "of") and not _is_place_name(tokens[at + 1].bare)
            and (at + 2 >= len(tokens) or not _is_name_word(tokens[at + 2])))


def _possessive_country(word: str) -> str | None:
    """The country of a possessive before a name: "Iran's", "Pakistan’s"."""
    match = re.fullmatch(r"(.+?)['’]s?", word)
    return country_of(match.group(1)) if match and match.group(1)[:1].isupper() else None


# Words that are a given name or an office: "Amir Hatami" is a name, "Qatar's Amir Sheikh Tamim" an office.
_OFFICE_OR_NAME = frozenset({"amir"})


def _office_not_name(tokens: list[_Token], at: int) -> bool:
    """Whether such a word is the office here: after "the" or a country, or before an honorific ("Amir Sheikh")."""
    if tokens[at].lower not in _OFFICE_OR_NAME:
        return False
    if at + 1 < len(tokens) and tokens[at + 1].lower.rstrip(".") in RANKS:
        return True
    before = tokens[at - 1] if at > 0 else None
    return before is not None and (before.lower == "the" or _possessive_country(before.text) is not None
                                   or before.text[:1].isupper() and country_of(before.bare) is not None)


@lru_cache(maxsize=65536)  # called for every person of the page at each mention
def name_words(name: str) -> tuple[str, ...]:
    """A name's words, spelling unified and each hyphenated word kept whole: "Akufo-Addo" is one surname, so
    "President Akufo-Addo" is Nana Addo Dankwa Akufo-Addo and not a second person."""
    return tuple(key for key in (name_key(word).replace(" ", "-") for word in name.split()) if key)


def find_names(sentence: str) -> list[_Found]:
    """Names in one sentence with the rank, office and country said around them."""
    tokens = _tokens(sentence)
    found: list[_Found] = []
    shared: str | None = None  # a plural office ("Presidents") the next name after "and" shares
    index = 0
    while index < len(tokens):
        capitalised = tokens[index].text[:1].isupper()
        family_in_capitals = capitalised and _family_name_in_capitals(tokens, index)
        if not family_in_capitals and not _is_name_word(tokens[index]) \
                and not (capitalised and _short_word_name(tokens, index)) \
                and not _month_starts_name(tokens, index) or _office_not_name(tokens, index):
            index += 1
            continue
        end = index + 1 if family_in_capitals or not _is_name_word(tokens[index]) else index
        while end < len(tokens) and end - index < 8:
            token = tokens[end]
            if _is_name_word(token):
                end += 1
            elif token.lower in PARTICLES and end > index and _particles_then_name(tokens, end):
                end += 1  # "von der Leyen", "bin Salman": particles inside a name
            elif end > index and tokens[end - 1].lower in PARTICLES and token.text.istitle() and token.text.isalpha():
                end += 1  # "Al Said": the word a particle leads to, even one that is also a common word
            elif end > index and token.lower in _MONTHS_IN_NAMES and token.text == token.bare \
                    and not re.match(r"\s*\d", sentence[token.end:]):
                end += 1  # "Dong Jun", "Theresa May": a month's short name ends a name when no day follows
            elif token.lower in _NAME_INNER_RANKS and end > index and end + 1 < len(tokens) \
                    and _is_name_word(tokens[end + 1]):
                end += 1  # "Hassan Sheikh Mohamud": the honorific is one of his names
            else:
                break
        if end < len(tokens) and end > index and _SUFFIX.fullmatch(tokens[end].text):
            end += 1  # "Lloyd J. Austin III", "Gilberto Teodoro Jr."
            if tokens[end - 1].text.isupper() and end < len(tokens) and _is_name_word(tokens[end]):
                end += 1  # "Carl XVI Gustaf": a regnal number between a king's names
        run = tokens[index:end]
        first = index
        index = end
        if first > 0 and (country_of(f"{tokens[first - 1].bare} {run[0].bare}")
                          or _is_place_name(f"{tokens[first - 1].bare} {run[0].bare}")):
            # "of Saudi Arabia Musaid Al Aiban", "visit to New Zealand": the last word of a country's or a city's
            # name is no name, whether a name follows it or not.
            run, first = run[1:], first + 1
            if not run:
                continue
        if end < len(tokens) and country_of(f"{run[-1].bare} {tokens[end].bare}"):
            run = run[:-1]  # "with South Korean Foreign Minister X": the first word of a country's name is no name
            if not run:
                continue
        if len(run) > 1 and _PARTICIPLE.fullmatch(run[0].text) and re.search(r"(?:^|[,;:“\"(]\s*)$", sentence[:run[0].start]):
            run, first = run[1:], first + 1  # "Congratulating Lula on the summit, Xi said": a clause's verb, no name
        if len(run) > 2 and first > 0 and tokens[first - 1].lower in ("of", "in") and _is_place_name(run[0].bare):
            run, first = run[1:], first + 1  # "Ruler of Dubai Shaikh Mohammad ...": the place ends the office
            if run[0].lower in _NAME_INNER_RANKS:
                run, first = run[1:], first + 1  # and the honorific after it is his title
        announced = first > 0 and (_is_office_word(tokens[first - 1]) and tokens[first - 1].text[:1].isupper()
                                   or tokens[first - 1].lower.rstrip(".") in _RANK_WORDS)
        if len(run) > 1 and re.search(r"['’]s$", run[-1].text) and not announced \
                and (country_of(run[-1].bare) or _is_place_name(run[-1].bare)):
            # "emphasised to Jaishankar Tehran's firm will": the place's possessive starts anew; after an office
            # the run is one name ("Defence Secretary Lloyd Austin's call").
            run = run[:-1]
        if any(re.search(r"['’]s$", t.text) for t in run[:-1]):
            continue  # "the National People's Power": an organisation's name, with a possessive inside
        # "General Mirza's official visit": a ranked man's possessive, not an office ("Freedonia's army chief" is).
        possessive = bool(re.search(r"['’]s$", run[-1].text)) and first > 0 and tokens[first - 1].bare.lower() in _RANK_WORDS
        organisation = [at for at, t in enumerate(run) if t.lower in ORGANISATION_WORDS or t.lower[:-1] in ORGANISATION_WORDS]
        if organisation and len(run) - organisation[-1] > 2:
            # "Speaker of the National Assembly Raja Pervaiz Ashraf": the organisation ends the office, a name follows.
            first += organisation[-1] + 1
            run = run[organisation[-1] + 1:]
        elif organisation:
            continue
        if sum(t.lower not in PARTICLES for t in run) > 4:
            continue
        if len(run) == 1 and (first > 0 and tokens[first - 1].lower in ("of", "for")
                              or first > 1 and tokens[first - 1].lower == "the" and tokens[first - 2].lower == "of"
                              or first > 2 and tokens[first - 1].lower == "and" and tokens[first - 3].lower == "of"
                              or not possessive and end < len(tokens)
                              and tokens[end].lower in OFFICE_HEADS | _THING_NOUNS | ORGANISATION_WORDS
                              or not possessive and end < len(tokens) and tokens[end].text[:1].isupper()
                              and tokens[end].lower in OFFICE_WORDS | ORGANISATION_WORDS):
            continue  # "Minister of Mines", "Council of Ministers", "Chief Executive Officer": an office's words
        if len(run) == 1 and len(run[0].bare) == 1:
            continue  # "shared on X": a letter alone is no one's name
        if len(run) > 1 and (country_of(" ".join(t.bare for t in run)) or run[-1].lower in _REGION_WORDS):
            continue  # "Saudi Arabia", "Eastern Europe", "Central Asia": a country's or a region's name, no one's
        if len(run) == 1 and first > 0 and tokens[first - 1].lower in ("in", "at", "near") \
                and _is_place_name(run[0].bare):
            continue  # "received him in Rabat": a town where something happens is nobody's name
        name = " ".join(t.bare if not re.fullmatch(r"(?:[A-Z]\.){1,3}", t.text) else t.text for t in run)
        if family_in_capitals:
            name = name[:len(run[0].bare)].capitalize() + name[len(run[0].bare):]
        role_words, title, confidence = _prefix(tokens, first)
        if not role_words:
            _, rank_start = _rank_before(tokens, first)
            if rank_start > 0 and tokens[rank_start - 1].text == ",":
                office = _office_before_comma(sentence, tokens[rank_start - 1].end)
                if office:
                    role_words, confidence = office, max(confidence, 0.85)
        start, stop = run[0].start, run[-1].end
        appositive = _appositive(sentence, stop) or _office_after_as(sentence, stop)
        role = _clean_role(role_words) if role_words else None
        country = _country_in(role_words) if role_words else None
        if appositive:
            confidence = max(confidence, 0.8)
            role = role if role and any(w.lower() in OFFICE_HEADS for w in role.split()) else _clean_role(appositive)
            country = country or _country_in(appositive)
        if country is None and role:
            country = _country_after(sentence, stop)  # "President Alassane Ouattara of Côte d'Ivoire"
        owner = _possessive_country(tokens[first - 1].text) if first > 0 else None
        if owner and not role_words:
            # "Iran's Abbas Araghchi": the country whose man he is, and (for a full name) a sign of a person.
            country = country or owner
            if len(run) > 1 and not _is_place_name(name):
                confidence = max(confidence, 0.6)
        if role and _singular_office(role.lower()) != role.lower():
            role = role[:-1]  # "Presidents Xi of China and Lula of Brazil": each is a president
            shared = role
        elif not role_words and first > 1 and tokens[first - 1].lower == "and" and shared:
            role, confidence = shared, max(confidence, 0.85)  # ... and the second name shares the plural office
            country = country or _country_after(sentence, stop)
        else:
            shared = None
        if len(run) == 1 and not title and not role_words and not appositive and not role:
            confidence = 0.0  # a lone capitalised word is a person only if someone already named them
        found.append(_Found(name, len(run) == 1, title, role, country, start, stop, confidence))
    return found


class _People:
    """The people of one article, merged across mentions."""

    def __init__(self, registry: PeopleRegistry | None, signed: set[str] | None = None):
        self.registry = registry
        self.people: list[PersonMention] = []
        # Names that somewhere in the article come with a sign of a person (an office, a rank, speech): a full
        # name met earlier without one ("Leftist Claudia Sheinbaum Pardo was elected") is still a person.
        self.signed = signed or set()

    def by_surname(self, word: str) -> PersonMention | None:
        """The one person a lone name stands for: their last name, or another of their names ("Sheinbaum" for
        Claudia Sheinbaum Pardo, "Wang" for Wang Yi, "Akufo-Addo" for Nana Addo Dankwa Akufo-Addo)."""
        key = name_words(word)
        matches = [p for p in self.people if name_words(p.name)[-1:] == key]
        if not matches and len(key) == 1:
            # A given name alone stands for the one person it begins ("Pak Prabowo", "Kamala"), as a family name
            # written first does ("Wang") and a patronymic's given name ("Sheikh Mohamed").
            matches = [p for p in self.people if key[0] in name_words(p.name)[:-1] and len(p.name.split()) >= 2]
        if len(matches) == 1 and not matches[0].short:
            matches[0].short = word
        return matches[0] if len(matches) == 1 else None

    def add(self, found: _Found, sentence: Sentence, speech: bool, in_event: bool = False) -> PersonMention | None:
        known = self.registry.find(found.name) if self.registry is not None else None
        person = self.by_surname(found.name) if found.surname_only else self.by_full_name(found.name)
        if person is None and known is not None:
            person = next((p for p in self.people if p.person_id == known.id), None)
        if person is None and found.surname_only and known is None \
                and any(name_words(p.name)[-1:] == name_words(found.name) for p in self.people):
            return None  # "Senator Wong" with two Wongs named: one of them, not a third person
        if person is None:
            # Someone new needs a sign of being a person: a rank or office, the registry, or (for a full name)
            # speaking; "Islamic State" and "Black Sea" have none of these.
            signed = not found.surname_only and any(name_key(w) in self.signed for w in found.name.split()[1:])
            # In the event's own sentence a full name needs no title: "Sheinbaum spoke with Donald Trump".
            acting = in_event and not _is_place_name(found.name) and not _REPORTS_AFTER.match(sentence.text[found.end:]) \
                and bool(_ACTS_AFTER.match(sentence.text[found.end:]) or _ACTED_WITH.search(sentence.text[:found.start])
                         or not found.surname_only and _FULL_NAME_ACTS.search(sentence.text[:found.start])
                         and not _BEFORE_A_PLURAL.match(sentence.text[found.end:])
                         or not found.surname_only and _FULL_NAME_WITH.match(sentence.text[found.end:]))
            if found.confidence == 0 and known is None and (found.surname_only or not speech) and not signed \
                    and not acting:
                return None
            person = PersonMention(
                name=known.name if known else found.name,
                person_id=known.id if known else person_id_for(found.name),
                first_index=sentence.index,
                evidence=sentence.text,
                confidence=max(found.confidence, 0.7 if known else 0.5),
                known=known is not None,
            )
            self.people.append(person)
        elif not person.known and not found.surname_only and len(found.name) > len(person.name):
            person.name = found.name
        person.title = person.title or found.title
        if found.role and (person.role is None or (not _has_head(person.role) and _has_head(found.role))
                           or person.office_of_counterpart and not _COUNTERPART.match(found.role)):
            person.role, person.office_of_counterpart = found.role, False
        person.country = person.country or found.country
        person.confidence = max(person.confidence, found.confidence)
        if sentence.index not in person.sentences:
            person.sentences.append(sentence.index)
        return person

    def by_full_name(self, name: str) -> PersonMention | None:
        key = name_words(name)
        for person in self.people:
            words = name_words(person.name)
            # "Joseph R. Biden" is "Joe Biden" (same surname, same initial); "Penny Wong" is not "Lawrence Wong".
            if words == key or (len(key) >= 2 and words and key[-1] == words[-1] and key[0][:1] == words[0][:1]
                                and set(key) <= set(words) | set(key[:1])):
                return person
            # "Mr Li" in a summary above the story, then "Premier Li Qiang": the full name of the one named first.
            if len(words) == 1 and 2 <= len(key) <= 4 and words[0] in (key[0], key[-1]):
                return person
        return None

    def by_country(self, country: str) -> PersonMention | None:
        """The one person with an office from that country, if only one is named ("his Japanese counterpart")."""
        matches = [p for p in self.people if p.country == country and p.role and not is_speaker(p)]
        return matches[0] if len(matches) == 1 else None


# A person doing the event, named without a title: "Sheinbaum spoke with ...", "... a call with Donald Trump".
_EVENT_VERBS = (r"(?:met|meets|meet|spoke|speaks|talked|talks|held|holds|hosted|hosts|received|receives|called|calls|"
                r"phoned|telephoned|visited|visits|discussed|discusses|welcomed|welcomes|signed|signs|agreed|told)")
# A word before "reports" or "wrote" is a source telling of the event ("..., Azernews reports, citing ..."), not a side.
_REPORTS_AFTER = re.compile(r"\s*(?:reports|reported|writes|wrote)\b")
# The doer of the event's verb, or of the journey to it ("X has arrived in Vilnius", "X travelled to Vilnius to meet").
_ACTS_AFTER = re.compile(r"\s*(?:,[^,]{0,60},\s*)?(?:(?:on|late|early)\s+\w+\s+|\w+day\s+)?(?:(?:has|have|had)\s+"
                         r"(?:already\s+|just\s+)?)?(?:" + _EVENT_VERBS + r"|arrived|travell?ed|flew|landed)\b")
# A country's name may stand before the other side's name as their office would: "a call with Uzbekistan Shavkat M.".
_ACTED_WITH = re.compile(_EVENT_VERBS + r"\b[^.;]{0,40}\b(?:with|to|and)\s+(?:[A-Z][a-z]+\s+)?$|\b(?:call|conversation|"
                         r"talks|meeting)\s+(?:with|between)\s+(?:[A-Z][a-z]+\s+)?$|" + _EVENT_VERBS
                         + r"\s+(?:with|to)\s+[^.;]{0,60}[–—,]\s+$")

# A full name right after a verb whose object is a person ("Putin met Kassym-Jomart Tokayev"; "visited Arlington
# Cemetery" and "signed Paris Agreement" name no one), or before "and" another name doing it ("Vladimir Putin and
# Recep Tayyip Erdogan held talks"); a lone word so placed may be a company or a team, and a name before a plural
# noun qualifies it ("Microsoft Azure engineers").
_FULL_NAME_ACTS = re.compile(r"\b(?:met|meets|hosted|hosts|received|receives|welcomed|welcomes|phoned|telephoned|"
                             r"congratulated|congratulates)\s+$")
_BEFORE_A_PLURAL = re.compile(r"\s+(?!(?:as|has|was|is|discusses|this|us|his|its)\b)[a-z]+s\b")
_FULL_NAME_WITH = re.compile(r"\s+and\s+(?:[A-Z][\w'’.-]*\s+){1,4}" + _EVENT_VERBS + r"\b")

# The last word of a region of the world ("Eastern Europe", "West Africa", "the Indo-Pacific").
_REGION_WORDS = frozenset("europe asia africa america americas pacific indo-pacific caribbean arctic oceania balkans "
                          "baltics caucasus sahel maghreb levant".split())
# Words of geography that end a place's name, never a person's: "Black Sea", "Persian Gulf".
_PLACE_NAME_WORDS = frozenset("sea ocean gulf bay river lake mountains mountain island islands strait valley desert "
                              "peninsula coast canal border square street road avenue".split())


def _month_starts_name(tokens: list[_Token], index: int) -> bool:
    """A month's short name written as a given name, a name word after it ("Jan Lipavsky", "Mar Roxas"); "Jan 5"
    and "Jan. 5" are dates."""
    token = tokens[index]
    return token.lower in _MONTHS_IN_NAMES and token.text == token.bare and token.text[:1].isupper() \
        and index + 1 < len(tokens) and _is_name_word(tokens[index + 1])


def _is_place_name(name: str) -> bool:
    """Whether a capitalised run names a place: a city the gazetteer knows, or a sea, a river, a square..."""
    words = name.split()
    if words[-1].lower() in _PLACE_NAME_WORDS:
        return True
    return gazetteer().city(name) is not None


def _has_head(role: str) -> bool:
    return any(w.lower().strip(".,()") in OFFICE_HEADS for w in role.split())


def is_counterpart(person: PersonMention) -> bool:
    """Whether the page gives a person's office only as someone's counterpart ("his Ukrainian counterpart")."""
    return bool(_COUNTERPART.match(person.role or ""))


def is_speaker(person: PersonMention) -> bool:
    role = (person.role or "").lower()
    return any(word in role for word in SPEAKER_HEADS)


# "X said Monday she had a conversation with Y": the speaker tells of what they did themselves.
_SAID_OF_SELF = re.compile(r"^\s*(?:said|says)\s+(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+)?(?:talks|meeting|call|"
                           r"conversation|discussions?)\s+with\b|"
                           r"^\s*(?:said|says|told\s+\w+)\s+(?:[A-Za-z]+\s+){0,2}?(?:that\s+)?(?:(?:he|she|they)\s+"
                           r"(?:had|has|have|held|spoke|met|talked|(?:will|would|is\s+to|was\s+to)\s+(?:meet|hold|host|visit|speak|travel))\b|(?:following|after|during|in)\s+(?:a|an|the|her|his|"
                           r"their)\s+(?:[\w-]+\s+){0,2}(?:call|conversation|meeting|talks)\s+with\b)", re.IGNORECASE)


def _is_speech(text: str, found: _Found) -> bool:
    if _SAID_OF_SELF.match(text[found.end:]):
        return False
    return bool(_ATTRIBUTION_BEFORE.search(text[:found.start]) or _ATTRIBUTION_AFTER.search(text[found.end:]))


# "held talks with his Japanese counterpart": the one official of that country the page names.
_NATIONAL_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?P<nation>[A-Z][a-z]+)\s+counterparts?\b(?!\s*,?\s+[A-Z])")
# "The visit comes while X and Y are in Uzbekistan": a supporting sentence's contrast clause tells of others.
# Only mid-sentence: an opening "While in Kyiv, X met Y" sets the scene of the event itself.
_CONTRAST_BEFORE = re.compile(r"\w[\s,]+(?:while|whereas|even\s+as)\s+(?!in\b|at\b|on\b|during\b)[^.;]*$",
                              re.IGNORECASE)

# "X met Y in Paris, weeks after Z criticised the aid": someone in a clause about another time takes no part.
# Only mid-sentence: an opening "Days after the vote Ruto called Kenyatta" may frame the event itself.
_ANOTHER_TIME_BEFORE = re.compile(r"\w[\s,]+(?:(?:days?|weeks?|months?|years?|shortly|soon|hours?)\s+(?:after|before)|"
                                  r"in\s+response\s+to)\b[^,;:]*$", re.IGNORECASE)

# "welcomed the cease-fire, which he said came at the urging of X": a clause about a thing, not the event's doer.
_ABOUT_A_THING_BEFORE = re.compile(r",\s+which\b[^,;:]*$")

# "started a state visit at the invitation of President X", "met Y on behalf of Z": X and Z are not there.
_ON_SOMEONES_BEHALF = re.compile(r"\b(?:at\s+the\s+invitation\s+of|on\s+behalf\s+of|invited\s+by|on\s+the\s+"
                                 r"instructions?\s+of)\s+(?:[\w.'’-]+\s+){0,4}$", re.IGNORECASE)


# "Stubb, accompanied by Mrs Innes-Stubb, paid a visit", "a delegation, including Foreign Minister Z": those who
# come with a side are not a side; the span stops at a clause's verb.
_COMPANION_BEFORE = re.compile(r"\b(?:accompanied\s+by|flanked\s+by|delegation\b[^.;:]{0,40}?\b(?:including|"
                               r"comprising|included))\s+(?:(?!" + _EVENT_VERBS + r"\b|said\b|paid\b|arrived\b|travell?ed\b)"
                               r"[\w.'’-]+\s+){0,10}$")


# A transcript's speaker label at a sentence's start, in capitals: "VICE PRESIDENT HARRIS:", "CHRISTOPHER LUXON,
# PRIME MINISTER OF NEW ZEALAND:"; what follows it opens with a capital.
_SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z.'’-]*(?:,?\s[A-Z][A-Z.'’-]*){0,11}:\s+(?=[A-Z“\"])")
_LABEL_SMALL_WORDS = frozenset("of the and for to on".split())


def _label_in_title_case(text: str) -> str:
    """The sentence with its speaker label written as prose writes names and offices, so names are read in it
    ("Vice President Harris:"); the sentence itself when it opens with none."""
    label = _SPEAKER_LABEL.match(text)
    if label is None or not re.search(r"[A-Z]{2}", label[0]):
        return text
    words = re.split(r"(\s+)", label[0])
    titled = "".join(w.lower() if w.lower() in _LABEL_SMALL_WORDS else w.title() for w in words)
    return titled + text[label.end():]


def _does_the_event(sentence: Sentence, found: _Found, speech: bool, event_sentences: tuple[int, ...]) -> bool:
    """Whether a name in one of the event's sentences is someone doing it: not speaking of it, not in a clause
    about others, another time or a thing, not someone on whose behalf it was done or who came with a side."""
    if sentence.index not in event_sentences or speech:
        return False
    before = sentence.text[:found.start]
    contrast = sentence.index != event_sentences[0] and _CONTRAST_BEFORE.search(before)
    return not contrast and not _ON_SOMEONES_BEHALF.search(before) and not _ANOTHER_TIME_BEFORE.search(before) \
        and not _ABOUT_A_THING_BEFORE.search(before) and not _COMPANION_BEFORE.search(before)


def find_people(sentences: list[Sentence], registry: PeopleRegistry | None = None,
                event_sentences: tuple[int, ...] = ()) -> list[PersonMention]:
    """Every person the article names, merged across mentions; those named in `event_sentences` as doing the
    event (not as speaking about it) are marked participants."""
    labelled: set[int] = set()  # sentences opening with a transcript's speaker label
    named: list[tuple[Sentence, _Found, bool]] = []
    for sentence in sentences:
        text = _label_in_title_case(sentence.text)
        if text is not sentence.text:
            labelled.add(sentence.index)
        named.extend((sentence, found, _is_speech(text, found)) for found in find_names(text))
    signed = {name_key(found.name.split()[-1]) for _, found, speech in named
              if found.surname_only and (found.confidence > 0 or speech)}
    people = _People(registry, signed)
    participant_hits: dict[int, int] = {}  # id(person) -> position in the event sentence, for ordering
    by_sentence: dict[int, list[tuple[_Found, bool]]] = {}
    for sentence, found, speech in named:
        by_sentence.setdefault(sentence.index, []).append((found, speech))
    counterparts: list[tuple[Sentence, re.Match[str]]] = []
    for sentence in sentences:
        text = sentence.text
        before: list[PersonMention] = []
        for found, speech in by_sentence.get(sentence.index, []):
            person = people.add(found, sentence, speech, sentence.index in event_sentences)
            if person is None:
                continue
            if person.role and _COUNTERPART.match(person.role):
                # "Lavrov and his Turkish counterpart Hakan Fidan": the same office as the one named before.
                office = next((p.role for p in reversed(before) if p is not person and p.role
                               and not _COUNTERPART.match(p.role) and _has_head(p.role)), None)
                if office:
                    # His counterpart's office: a defence minister's U.S. counterpart is the Defense Secretary.
                    person.role, person.office_of_counterpart = office, True
            before.append(person)
            if speech:
                person.spoke = True
            if _does_the_event(sentence, found, speech, event_sentences):
                participant_hits.setdefault(id(person), event_sentences.index(sentence.index) * 1000 + found.start)
            elif sentence.index in labelled and found.end <= len(_SPEAKER_LABEL.match(text)[0]) and found.confidence:
                # A transcript's speaker speaks at the happening it records: a side of it, after those the event's
                # sentences name.
                participant_hits.setdefault(id(person), 10**6 + sentence.index * 1000 + found.start)
        if sentence.index in event_sentences:
            counterparts.extend((sentence, match) for match in _NATIONAL_COUNTERPART.finditer(text))
    for sentence, match in counterparts:
        # Once every mention is known: "his Japanese counterpart" may be named only further down the page.
        country = country_of(match["nation"])
        person = people.by_country(country) if country else None
        if person is not None:
            if sentence.index not in person.sentences:
                person.sentences.append(sentence.index)
            participant_hits.setdefault(id(person), event_sentences.index(sentence.index) * 1000 + match.start())
    for person in people.people:
        if registry is not None and person.known:
            known = registry.get(person.person_id)
            if known is not None:
                person.country = person.country or known.country
                person.title = person.title or known.title
        if id(person) in participant_hits and not is_speaker(person):
            person.is_participant = True
            first_event = next((i for i in event_sentences if i in person.sentences), person.sentences[0])
            person.evidence = next(s.text for s in sentences if s.index == first_event)
    order = {id(p): participant_hits.get(id(p), 10**9) for p in people.people}
    return sorted(people.people, key=lambda p: (not p.is_participant, order[id(p)], p.first_index))
