"""What happened: the sentence that reports the article's main event, its kind, a headline-style title and
a short summary in the article's own words.

The main event is the first sentence of the lead that reports a happening (a meeting, a call, a visit...)
in the past or present tense, is not about something earlier ("last visited", "previously met"), and
preferably names people. The sentences right after it that speak of the same happening ("a meeting
between X and the army chief") are its supporting sentences: people named there took part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import Sentence, sentences_inside_quotes
from .temporal import is_future_at

# (kind, pattern, confidence): the first pattern that matches a sentence decides its kind. Ordered from
# the most telling wording to the vaguest; "held talks with" a person is a meeting, "peace talks" are talks.
KIND_PATTERNS: list[tuple[str, re.Pattern[str], float]] = [
    ("call", re.compile(r"\b(?:(?<!so-)called(?!\s+(?:on|for|it|off|upon|him a|her a|them|by|in)\b)(?!\s*[‘'\"“])(?!\s+(?:(?:the|this|that|its|his|her|their)\s+)?(?:[a-z][\w'’-]*\s+){0,2}an?\s)(?!\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:summit|meeting|session|election|vote|referendum|conference|strike|halt|ceasefire|truce)s?\b)|phoned|telephoned|"
                        r"by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone|dial+ed|telecon|"
                        r"spoke\s+(?:by|over the|on the)\s+(?:tele)?phone|(?:phone|telephone|telephonic|video)\s+(?:calls?|"
                        r"conversations?|talks|conference|discussions?|exchanges?)|(?:held|had)\s+a\s+(?:[\w-]+\s+)?call\s+with|(?:received|receives|took|made|placed)\s+a\s+(?:[\w-]+\s+)?call\s+(?:from|to)|(?:in|on|during)\s+a\s+call|"
                        r"(?:video|virtual)\s+(?:link|meeting|summit)|(?:video[\s-]?)?tele-?conference|video[\s-]?conference|"
                        r"(?:met|meets|meet|spoke|speaks|talked)\s+virtually)\b", re.IGNORECASE), 0.85),
    # "a summit meeting" of two leaders is told as a meeting; "the G20 summit" is a summit.
    ("summit", re.compile(r"\bsummit\b(?!\s+(?:meeting|talks)\b)", re.IGNORECASE), 0.8),
    ("visit", re.compile(r"\b(?:visited|visits|arrived\s+in|arrives\s+in|land(?:ed|s)\s+in|(?:up)?on\s+(?:his|her|their)\s+"
                         r"arrival\s+in|(?:official|state|maiden|"
                         r"first|two-day|three-day|day-long)\s+visit|visit\s+to|trip\s+to|travell?ed\s+to|toured)\b",
                         re.IGNORECASE), 0.8),
    # Talks about a subject ("peace talks") are talks; "held bilateral talks with" a person is a meeting (below).
    ("talks", re.compile(r"\b(?:peace|ceasefire|trade|nuclear|round of|formal|bilateral)\s+(?:talks|negotiations)|"
                         r"\bnegotiations\b", re.IGNORECASE), 0.75),
    ("meeting", re.compile(r"\b(?:met|meets|meet|meeting\s+(?:with|between)|meeting\s+of\s+(?:the\s+)?(?=(?-i:[A-Z]))|meeting\s+(?:took\s+place|was\s+held)|(?:held|holds|hold)\s+(?:"
                           r"(?:bilateral|formal|official|high-level|top-level|delegation-level|one-on-one|face-to-face|"
                           r"closed-door|wide-ranging|in-depth|extensive|fruitful|cordial)\s+)?talks|talks\s+held|"
                           r"talks\s+with|engaged\s+in\s+(?:talks|discussions)|sat\s+down\s+with|after\s+meeting\s+(?:with\s+)?(?=(?:his|her|their|the|(?-i:[A-Z])))|"
                           r"hosted|received|welcom(?:ed|es)\s+(?-i:(?:[A-Z][\w.'’-]*\s+|(?:of|the|president|prime|minister|leader|counterpart|his|her|their)\s+){1,8})(?:to|at)|called\s+on(?![^.;]{0,60}?\bto\s+(?!discuss|review|brief|exchange|pay|present)[a-z]+)|"
                           r"(?:during|at|in)\s+(?:a|the|their)\s+(?:[\w'’-]+\s+){0,2}meeting|summit\s+(?:meeting|talks)|"
                           r"(?:held|hold|holds)\s+(?:a|an|the|their)\s+(?:[\w'’-]+\s+){0,2}(?:retreat|meeting|"
                           r"consultations?)|working\s+(?:lunch|dinner|breakfast)|"
                           # Two leaders answer the press together only when they have met: the conference tells the meeting.
                           r"joint\s+(?:press|news)\s+conference)\b", re.IGNORECASE), 0.8),
    # "spoke to his counterpart", "had a conversation with": a call, or a meeting told by its talk; weaker than
    # any cue that names the form, so "met X and spoke with reporters" stays a meeting.
    # U.S. wire style puts the day between verb and partner: "spoke Friday with", "spoke today with".
    ("call", re.compile(r"\b(?:spoke|spoken|speaks|talked)\s+(?:(?:today|yesterday|tonight|earlier\s+today|"
                        r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+)?(?:to|with)\b"
                        r"|\b(?:conversation|talk|call)[”\"’]?\s+with\b", re.IGNORECASE), 0.6),
    # "confirmed his discussion with Putin": a meeting or a call, which a later sentence may tell ("by telephone").
    ("meeting", re.compile(r"\bdiscussions?\s+with\b", re.IGNORECASE), 0.65),
    ("attack", re.compile(r"\b(?:attacked|attack\s+on|bombing|bombed|suicide\s+blast|blast|explosion|ambush(?:ed)?|"
                          r"raid(?:ed)?|shelling|shot\s+dead|gunmen|killed|(?:launch(?:ed|es)?|fired|fires)\s+(?:[\w-]+\s+){0,4}(?:drones?|missiles?|shells?|"
                          r"rockets?|air\s*strikes?)\s+(?:at|on|against|into))\b", re.IGNORECASE), 0.75),
    # "signed on Friday May 9 in Nancy, in eastern France, a friendship treaty": the day and place may stand between,
    # but not a year or another clause ("the accords signed on April 17, 2001 and trade deals" tells of the past).
    # Headlines tell it in the present ("Macron and Tusk sign treaty").
    ("agreement", re.compile(r"\b(?:(?:signed|(?<!\ba\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bmay\s)"
                             r"(?<!\bmight\s)(?<!\bshould\s)(?<!\bmust\s)(?<!\bcan\s)signs?(?!\s+of\b))\s+(?:(?!(?:and|or|but|which|that|who|(?:19|20)\d\d)\b)[\w'’,-]+\s+){0,12}?(?:agreements?|accords?|deals?|treat(?:y|ies)|"
                             r"memorand(?:um|a)|MoUs?|pacts?|documents?|declarations?|contracts?|protocols?|"
                             r"charters?|conventions?)|signing\s+(?:ceremony\s+)?of|inked|"
                             # "leaders gathered in Nancy to sign a treaty": the gathering was for the signing
                             r"(?:gathered|convened|assembled|came\s+together)\s+(?:[\w'’,-]+\s+){0,6}?to\s+sign|"
                             r"reached\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:agreement|deal|accord|understanding)|"
                             r"agreed\s+(?:to|on)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:agreement|deal|accord|pact|treaty)|"
                             r"struck\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}deal|"
                             r"concluded\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:agreement|treaty|deal))\b",
                             re.IGNORECASE), 0.7),
    ("appointment", re.compile(r"\b(?:appoint(?:ed|ing|s)?|named\s+(?:[\w'’.-]+\s+){1,6}?as\s+(?:the\s+)?(?:new|next|"
                               r"acting|interim|chief|head)\b|named\s+(?:a|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:cabinet|government)|"
                               r"nominated|sworn\s+in|took\s+office|swore\s+in|swears\s+in|assumed\s+(?:command|"
                               r"office)|took\s+(?:over\s+)?command)\b", re.IGNORECASE), 0.75),
    # Kinds the default vocabulary folds into `other` (see `reported_kind`): told apart here because a disaster
    # and a court's ruling happen somewhere, and a resignation is no announcement.
    ("resignation", re.compile(r"\b(?:resign(?:ed|s)|stepped\s+down|steps\s+down|quit\s+(?:as|his|her))\b",
                               re.IGNORECASE), 0.8),
    ("ruling", re.compile(r"\b(?:(?:delivered|issued|handed\s+down)\s+(?:its|a|the)\s+(?:[\w-]+\s+){0,2}(?:order|"
                          r"ruling|judgment|judgement|verdict|opinion)|ruled\s+that|(?:court|tribunal|judge)\s+(?:ordered|"
                          r"ruled|convicted|acquitted|sentenced))\b", re.IGNORECASE), 0.8),
    # "a relief package for flood victims": a disaster named only to qualify its aftermath is not the happening.
    ("disaster", re.compile(r"\b(?:earthquake|quake|tsunami|floods?|flooded|flooding|landslides?|cyclone|typhoon|"
                            r"hurricane|wildfires?|eruption|erupted|heavy\s+rains?|record\s+rains?)\b"
                            r"(?![\s-]+(?:victims|affectees|survivors|relief|aid|hit|affected|stricken|response|funds?|"
                            r"reconstruction|rehabilitation|recovery|insurance)\b)", re.IGNORECASE), 0.75),
    # "left Harare for a state visit to ..." is the start of a journey, not a withdrawal.
    ("withdrawal", re.compile(r"\b(?:withdrew|withdrawal\s+(?:of|from)|pulled\s+out|pull-?out|left\s+[A-Z]\w+"
                              r"(?![^.;]{0,40}\bfor\s+(?:a|an|the)\s+[^.;]{0,40}\b(?:visit|trip|tour|summit|talks|meeting)))\b"),
     0.65),
    ("exercise", re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b", re.IGNORECASE), 0.7),
    ("deployment", re.compile(r"\b(?:deployed|deployment\s+of|sent\s+troops)\b", re.IGNORECASE), 0.7),
    ("election", re.compile(r"\b(?:elected|election|re-elected|went\s+to\s+the\s+polls)\b", re.IGNORECASE), 0.7),
    ("protest", re.compile(r"\b(?:protest(?:ed|s)?|demonstrat(?:ion|ed)|rallied|marched|march\s+(?:in|through|"
                          r"against|on|to))\b", re.IGNORECASE), 0.7),
    ("announcement", re.compile(r"\b(?:announced|unveiled|launched)\b", re.IGNORECASE), 0.6),
    ("statement", re.compile(r"\b(?:issued\s+a\s+statement|said\s+in\s+a\s+statement|told\s+reporters|declared|"
                             r"press\s+conference|briefing)\b", re.IGNORECASE), 0.55),
]
# The kinds that are something people do together at one time; the rest ("statement") are weaker leads.
STRONG_KINDS = ("call", "summit", "visit", "talks", "meeting", "attack", "agreement", "appointment", "resignation",
                "ruling", "disaster")
# Kinds told apart inside the extractor that the default vocabulary (timeline/load/model.py DEFAULT_KINDS) reports
# as `other`; a project that lists them under `kinds:` may keep them (see `reported_kind`).
FOLDED_KINDS = ("resignation", "ruling", "disaster")

_BACKGROUND = re.compile(r"\b(?:last\s+(?:visited|met|spoke|called)|previously|had\s+(?:met|visited|called|said)|"
                         r"(?:many|several|numerous|countless)\s+times|on\s+(?:several|many)\s+occasions|"
                         r"(?:during|throughout|over)\s+(?:his|her|their)\s+(?:career|tenure|years\s+in\s+office)|"
                         r"in\s+the\s+past|earlier\s+(?:this|last)|first\s+time\s+since\s+\w+\s+took|"
                         r"(?<!first\s)since\s+(?:then|taking)|(?:days?|weeks?|months?|years?)\s+(?:after|before)|"
                         r"since\s+[^,.;]{1,30},\s+when)\b",
                         re.IGNORECASE)
# A month and year, or a year, without a day: how a lead dates something earlier, not the news itself.
_OTHER_TIME = re.compile(r"\b(?:in|during|of)\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:January|February|March|April|May|"
                         r"June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b")
# A sentence with its own year or distance in time ("in November 2022", "two years ago") is about another time.
_OWN_DATE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:ago|previously|last\s+(?:year|month|(?-i:January|February|March|"
                       r"April|May|June|July|August|September|October|November|December)))\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:\w+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b")  # a bound, not another time
_EVENT_REFERENCE = re.compile(r"\b(?:the|a|their|this)\s+(?:[\w'’-]+\s+){0,2}(?:meeting|call|talks|visit|discussions?|"
                              r"summit|conversation|attack)\b|\b(?:met|meets|meeting\s+between|called|visited)\b|"
                              # "The ceremony took place at the Government Palace": the event's own ceremony
                              r"^(?:The|A)\s+(?:[\w-]+\s+)?(?:ceremony|signing)\b|"
                              # "Lula was received by Petro": the visitor's reception, told first in its sentence
                              r"^[^,]{0,40}\b(?:was|were)\s+(?:received|welcomed|hosted|greeted)\s+by\b",
                              re.IGNORECASE)
# How a sentence refers back to an event of one kind: "The blast ripped through...", "The ceasefire was signed".
_KIND_REFERENCES = {
    kind: re.compile(r"\b(?:the|a|this|their)\s+(?:[\w-]+\s+){0,2}?(?:" + words + r")\b", re.IGNORECASE)
    for kind, words in (
        ("attack", "blast|bombing|explosion|attack|strike|raid|assault"),
        ("agreement", "ceasefire|truce|agreement|deal|accord|treaty"),
        ("protest", "protests?|rally|demonstrations?|march|protesters|demonstrators"),
        ("election", "election|vote|polls|ballot"),
        ("meeting", "retreat|talks|meeting"),
        ("summit", "summit|talks|meeting"),
    )
}
# The attribution of an announcement: "..., the White House said on Tuesday".
_ANNOUNCED = re.compile(r"[,;]\s+(?:[\w.'’-]+\s+){1,6}?(?:said|announced|confirmed|told\s+reporters)\b",
                        re.IGNORECASE)

VERBS = {"meeting": "meets", "call": "calls", "talks": "holds talks with", "agreement": "signs an agreement with"}


@dataclass(frozen=True)
class KindGuess:
    """An event kind, how sure we are, and the words that told us."""

    kind: str
    confidence: float
    cue: str
    sentence: str


@dataclass
class MainEvent:
    """The sentence reporting the main event and the sentences that support it."""

    main: Sentence | None
    supporting: list[Sentence] = field(default_factory=list)
    kind: KindGuess | None = None

    @property
    def indices(self) -> tuple[int, ...]:
        found = [self.main.index] if self.main else []
        return tuple(found + [s.index for s in self.supporting])


# Kinds that name the form of a meeting ("spoke by phone", "held a summit"): they win over the plain verb
# wherever they stand in the sentence.
_FORM_KINDS = ("call", "summit")
_FORM_CONFIDENCE = 0.8  # "by phone" names the form; "spoke with" may be said of a meeting too
_TOLD_LATER_CONFIDENCE = 0.75  # the form named a few sentences after a lead that told the happening by its talk
# Verbs that say something was made public, whatever it was: any other cue tells more.
_WEAK_KINDS = ("announcement", "statement")
# A summit that is only the occasion ("on the sidelines of the G20 summit") does not make a meeting a summit.
# Nor does a summit a trip is made for ("arrived in Astana to attend the summit"): the news is the trip.
_OCCASION = re.compile(r"\b(?:(?:sidelines?|margins?|ahead|eve|run-up|wake)\s+of|to\s+(?:attend|join|take\s+part\s+in|"
                       r"participate\s+in))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)


# "a smartphone called Billion", "its new operation called X": a thing's name, not a call ("a minister called Smith"
# is named Smith too); one who calls is told with "the" or a name, or calls someone told in lower case.
_NAMING = re.compile(r"\b(?:an?|its)\s+(?:[\w-]+\s+){0,2}[a-z][\w-]*\s+$", re.IGNORECASE)


# What "called" names rather than telephones: a treaty, a plan, an operation ("a defence treaty, called the Pukpuk
# Treaty").
_NAMED_THING = re.compile(r"\s+(?:the\s+)?[“\"]?(?:[A-Z][\w'’-]*\s+){0,4}(?:Treaty|Agreement|Accord|Pact|Plan|Operation|"
                          r"Initiative|Declaration|Framework|Program(?:me)?|Act|Charter|Dialogue|Exercise|Strategy|Doctrine|"
                          r"Alliance|Partnership|Corridor|Project|Fund)\b")


# An aside still open before a cue: ", who flew to Colombo on an official visit".
_ASIDE_OPEN = re.compile(r",\s+(?:who|which|whose)\b[^,]*$", re.IGNORECASE)
# Talks still to begin: "agreed to begin negotiations on a pact".
_TO_BEGIN = re.compile(r"\bto\s+(?:begin|start|launch|open|resume|restart|hold|enter)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# A quotation still open, someone's words rather than the report: a few quoted words are a name or scare
# quotes ("a “productive conversation” with").
_QUOTED_REMARK = re.compile(r"[“\"](?:[^”\"\s]+\s+){4,}[^”\"]*$")
# How they talked is no topic: "discussed over the phone the ties" reports a call.
_MEDIUM = re.compile(r"(?:over|by|via)\s", re.IGNORECASE)
# What was talked about: "discussed the recent attack on", "briefed them on the drills", "condemned the bombing".
_TOPIC_OPEN = re.compile(r"\b(?:discuss(?:ed|es|ing)?|condemn(?:ed|s|ing)?|brief(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?on|"
                         r"(?:spoke|speaks|talked|talks|told|asked|informed|questions?)\s+(?:[\w'’-]+\s+){0,3}?about|"
                         r"about|regarding|concerning)\s+(?:(?!(?:and|but|who|which|when|after)\b)[\w.'’-]+\s+){0,4}$",
                         re.IGNORECASE)
# A happening named only as the time of another ("following the February election", "amid the drills").
# (Told with "a", it is news: "said that following a phone call with Trump, the tariffs are on hold".)
_AS_TIME = re.compile(r"\b(?:following|after|since|before|ahead\s+of|prior\s+to|amid)\s+(?:the|its|his|her|their|this|last)\s+"
                      r"(?:[\w.'’-]+\s+){0,2}$", re.IGNORECASE)


# An election's result certified by those who run it ("was officially declared the winner", "an official
# announcement from the commission"), often weeks after the vote: the news is the certification, not the vote.
_RESULT_DECLARED = re.compile(r"\bofficially\s+(?:declared|announced|confirmed|certified)\b|\bofficial\s+(?:announcement|"
                              r"results?)\b|\bcertified\s+(?:the\s+)?(?:[\w-]+\s+){0,2}results?\b", re.IGNORECASE)


# A modal before the cue in its clause: "their presence might be called for at the summit" tells of no happening.
# So does a plan or a hope: "we hope to finalise and sign the agreement".
_HYPOTHETICAL = re.compile(r"\b(?:might|could|should|must|ought\s+to|(?:hope|hopes|hoping|plan|plans|planning|intend|intends|"
                           r"aim|aims|want|wants|wish|wishes|seek|seeks|expect|expects)\s+to)\b[^,;:]*$")
# A summit someone calls or proposes ("called an emergency summit") is arranged, not yet held: its kind is a guess.
# A happening still ahead, told by its noun ("bracing for a potentially explosive summit", "the upcoming visit"):
# an op-ed's or preview's outlook, not a report of it.
_PROSPECTIVE = re.compile(r"\b(?:upcoming|forthcoming|planned|proposed|expected|potential(?:ly)?|possible|prospective|"
                          r"next|(?:bracing|preparing|waiting|calls?)\s+for)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_SUMMIT_ARRANGED = re.compile(r"\b(?:called|convened|convenes|proposed|proposes|requested|announced|called\s+for)\s+"
                              r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_ARRANGED_CONFIDENCE = 0.6
# "a visit to General X", "a courtesy visit to his counterpart": a person visited, not a place.
_VISIT_TO_PERSON = re.compile(r"^\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+)?counterparts?\b|(?-i:(?:Gen|General|Lt|Lieutenant|"
                              r"Maj|Major|Admiral|Adm|Air|Field|Marshal|President|Premier|King|Queen|Emir|Crown|Prince|"
                              r"Sheikh|Shaikh|Chief|Chairman|Secretary|Minister|Prime|Vice|Deputy|Ambassador|Commander|Mr|Mrs|Ms|Dr)\b))")
# A meeting with a crowd ("met reporters", "met investors in Mumbai") is no meeting between sides: a guess to check.
_CROWD_MET = re.compile(r"^\s+(?:with\s+)?(?:(?:the|a|group\s+of|some|local|foreign|visiting|[\w-]+)\s+){0,2}(?:reporters|"
                        r"journalists|press|media|investors|analysts|shareholders|fans|students|supporters|workers|"
                        r"employees|staff|residents|voters|villagers|traders|farmers|business\s+leaders)\b", re.IGNORECASE)
# A match's score or margin ("won 2-0", "by six wickets"): a sports page, whatever verb tells it.
_MATCH_RESULT = re.compile(r"\b(?:won|lost|beat|beaten|defeated|drew|edged|thrashed|routed|crushed)\s+(?:[\w-]+\s+){0,3}?"
                           r"\d{1,2}\s*[-–]\s*\d{1,2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:win|victory|defeat|draw|loss|lead)\b|"
                           r"\b(?:wickets?|innings|touchdowns?|half-time|full-time)\b", re.IGNORECASE)


def in_subordinate_part(sentence: str, start: int) -> bool:
    """Whether the words at `start` stand outside the sentence's main clause: in an aside still open
    (", who flew in on an official visit"), a bracket or a quoted remark, a happening named as the time of
    another ("following the election"), talks still to begin, or the topic of what was said ("discussed the
    attack on"), so that they tell of another happening than the sentence reports."""
    before = sentence[:start]
    if before.count("(") > before.count(")") or _QUOTED_REMARK.search(before):
        return True
    if _TOPIC_OPEN.search(before) and not _MEDIUM.match(sentence, start):
        return True
    return any(p.search(before) for p in (_ASIDE_OPEN, _TO_BEGIN, _AS_TIME))


def reported_kind(kind: str, vocabulary: tuple[str, ...] = ()) -> str:
    """The kind an event file gets: a folded kind ("resignation") is `other` unless the vocabulary has it."""
    return "other" if kind in FOLDED_KINDS and kind not in vocabulary else kind


def classify_kind(sentence: str) -> KindGuess | None:
    """The kind of happening a sentence reports, or None when it reports none we know.

    A form of meeting (a call, a summit) decides; otherwise the cue that comes first, because the main verb
    leads the sentence and later cues are circumstances: "met the crown prince, opening a three-day visit".
    """
    found: list[tuple[int, str, re.Match[str], float]] = []
    for kind, pattern, confidence in KIND_PATTERNS:
        for match in pattern.finditer(sentence):
            if kind == "summit" and _OCCASION.search(sentence[:match.start()]):
                continue
            before = sentence[:match.start()]
            if in_subordinate_part(sentence, match.start()) \
                    or match.group(0).lower() == "called" and (_NAMING.search(before)
                                                                and re.match(r"\s+(?:the\s+)?[A-Z“\"]", sentence[match.end():])
                                                                or _NAMED_THING.match(sentence[match.end():])):
                continue
            found.append((match.start(), kind, match, confidence))
            break
    if not found:
        return None
    strong = [f for f in found if f[1] not in _WEAK_KINDS]
    found = strong or found  # "launched exercises" are exercises; "announced" alone is an announcement
    forms = [f for f in found if f[1] in _FORM_KINDS and f[3] >= _FORM_CONFIDENCE]
    start, kind, match, confidence = min(forms or found, key=lambda f: (f[1] != "call" if forms else 0, f[0]))
    if kind == "election" and _RESULT_DECLARED.search(sentence):
        # "was officially declared the winner of the election": the news is the certified result, not the vote.
        said = _RESULT_DECLARED.search(sentence)
        return KindGuess("announcement", 0.7, said.group(0), sentence)
    if kind == "summit" and _SUMMIT_ARRANGED.search(sentence[:start]) \
            or kind == "meeting" and _CROWD_MET.match(sentence[match.end():]) or _MATCH_RESULT.search(sentence) \
            or _PROSPECTIVE.search(sentence[:start]):
        confidence = min(confidence, _ARRANGED_CONFIDENCE)
    if kind == "visit" and _VISIT_TO_PERSON.match(sentence[match.end():]):
        # "paid a visit to General X": a call on a person, which is a meeting, not a trip to a place.
        return KindGuess("meeting", confidence, match.group(0), sentence)
    meeting = next((f for f in found if f[1] == "meeting"), None)
    if kind == "visit" and meeting is not None:
        # "arrived for a two-day visit and met the prime minister": the visit is the frame, the meeting the news.
        start, kind, match, confidence = meeting
    return KindGuess(kind, confidence, match.group(0), sentence)


# A photo caption: "File image of X", or a present-tense scene with its full date ("X speaks during her daily
# press conference in Mexico City on January 28, 2025.").
# Or a name, a present-tense verb and the full date: "Defense Secretary X testifies April 9, 2024, before ...".
_CAPTION = re.compile(r"^(?:File\s+(?:image|photo|picture|pic)\b|(?:Photo|Image|Picture)\s*:)|"
                      r"^[^.]{0,160}\b(?:speaks|looks\s+on|gestures|attends|arrives|waves|poses|listens|delivers|"
                      r"shakes\s+hands|walks|talks)\b[^.]*\b(?:19|20)\d\d\.?$|"
                      r"^(?:\S+\s+){0,9}?(?-i:[A-Z][\w.'’-]*)\s+(?-i:[a-z]{3,}s)\s+(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2},\s+"
                      r"(?:19|20)\d\d\b",
                      re.IGNORECASE)


_UNENDED_PROSE_WORDS = 25  # longer than any headline or deck
_LONGEST_LEAD_WORDS = 150  # a run of words longer than any lead, with no full stop, is no sentence at all


def is_prose(sentence: Sentence) -> bool:
    """Headlines and decks carry no full stop; quotes are someone's words, and captions describe a photo."""
    text = sentence.text.strip()
    # A long line is prose even when the page lost its full stop (a scraped lead cut off at its end).
    ended = text[-1:] in ".!?”\"’" or _UNENDED_PROSE_WORDS <= len(text.split()) <= _LONGEST_LEAD_WORDS
    return ended and not text.startswith(("“", '"', "‘")) and len(text.split()) >= 6 and not _CAPTION.search(text)


# Words too common to tie a sentence to its headline.
_HEADLINE_KIND_MARGIN = 0.4
_DISPUTED_CONFIDENCE = 0.6  # below the review threshold: the headline and the lead tell different kinds
# Kinds that tell one happening in person from different sides: a headline's "visit" and a lead's "hosted" agree.
_IN_PERSON = frozenset(("meeting", "visit", "talks", "summit"))


def _family(kind: str) -> str:
    return "in person" if kind in _IN_PERSON else kind


_HEADLINE_STOP = frozenset("""the a an and or of in on at to for with by from as after before over into amid against
    is are was were be been has have had will would its his her their this that these those new says said live
    updates update news more than two first""".split())
# A side event: "X also met Y", "Earlier in the day, ...": the lead's other business, not the headline's.
_SIDE = re.compile(r"\balso\s+(?:met|meets|held|holds|received|hosted|called|spoke|visited|signed|discussed|"
                   r"attended|paid)\b|^(?:earlier|later|separately|meanwhile|elsewhere)\b", re.IGNORECASE)
# Spoken to someone: a transcript's "You were sworn in yesterday" is a remark, not the report; and a first-person
# sentence is a quoted post or statement ("I congratulated him"), the participant's words rather than the report.
_ADDRESSED = re.compile(r"(?:^|\s)(?:you|your)\b|^I\s", re.IGNORECASE)


def is_side_event(text: str) -> bool:
    """Whether a sentence tells of the lead's other business ("X also met Y", "Earlier in the day, ...")."""
    return bool(_SIDE.search(text))


def _is_background(text: str, guess: KindGuess) -> bool:
    """Whether the sentence tells of something earlier: a background phrase before its cue, or close after it
    ("had previously met"); one far behind it qualifies another thing ("in response to the strike earlier
    this month")."""
    cue_end = text.find(guess.cue) + len(guess.cue) if guess.cue in text else len(text)
    return any(m.start() < cue_end + 40 for m in _BACKGROUND.finditer(text))


def _content_words(text: str) -> set[str]:
    """Lower-case word stems (first four letters: "fire" and "fired") that tie a sentence to a headline."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return {w.lower()[:4] for w in words if w.lower() not in _HEADLINE_STOP and len(w) > 2}


def _headline_bonus(sentence: str, headline_words: set[str]) -> float:
    """How much a sentence shares with the headline: the event the page is about, in a lead that may open
    with background or (in a live blog) with the newest entry."""
    if not headline_words:
        return 0.0
    shared = len(_content_words(sentence) & headline_words)
    return min(0.3, 0.06 * shared)


def find_main_event(sentences: list[Sentence], headline: str | None = None, lead_size: int = 6) -> MainEvent:
    """The main event's sentence among the first `lead_size` prose sentences, with its supporting sentences.

    Earlier sentences score higher; a sentence that shares words with the headline gains (a live blog's newest
    entry, a background paragraph or a side remark come first and do not), and a side event ("also met")
    or a remark addressed to someone ("You were sworn in...") loses."""
    quoted = sentences_inside_quotes(sentences)
    lead = [s for s in sentences if is_prose(s) and s.index not in quoted][:lead_size]
    headline_words = _content_words(headline) if headline else set()
    headline_kind = classify_kind(headline) if headline else None
    best: tuple[float, Sentence, KindGuess] | None = None
    candidates: list[tuple[float, Sentence, KindGuess]] = []
    for position, sentence in enumerate(lead):
        guess = classify_kind(sentence.text)
        if guess is None or _is_background(sentence.text, guess) \
                or _HYPOTHETICAL.search(sentence.text[:max(0, sentence.text.find(guess.cue))]):
            continue
        if is_future_at(sentence.text, max(0, sentence.text.find(guess.cue))):
            # "Biden will meet Xi next week, the White House said on Tuesday": what happened is the announcement.
            said = _ANNOUNCED.search(sentence.text)
            if said is None or is_future_at(sentence.text, said.end() - 1):
                continue
            guess = KindGuess("announcement", 0.7, said.group(0).strip(), sentence.text)
        score = guess.confidence - 0.12 * position + (0.15 if guess.kind in STRONG_KINDS else 0)
        if _OTHER_TIME.search(sentence.text):
            score -= 0.3  # "visited Taiwan in August 2022": dated to a month or year, so likely background
        score += _headline_bonus(sentence.text, headline_words)
        if _SIDE.search(sentence.text):
            score -= 0.25
        if _ADDRESSED.search(sentence.text):
            score -= 0.4
        candidates.append((score, sentence, guess))
        if best is None or score > best[0]:
            best = (score, sentence, guess)
    if best is not None and headline_kind is not None and headline_kind.kind in STRONG_KINDS \
            and _family(best[2].kind) != _family(headline_kind.kind):
        # The headline says what the page is about ("... in call with top Russian"): a lead sentence of that kind
        # beats a background one of another kind ("an airstrike on February 28") unless it scores far lower.
        same = [c for c in candidates if c[2].kind == headline_kind.kind and c[0] >= best[0] - _HEADLINE_KIND_MARGIN]
        if same:
            best = max(same, key=lambda c: c[0])
    if best is None:
        main = lead[0] if lead else None
        kind = KindGuess(headline_kind.kind, 0.45, headline_kind.cue, headline or "") if headline_kind else None
        return MainEvent(main, [], kind)
    _, main, guess = best
    supporting = []
    for sentence in lead:
        if sentence.index <= main.index or sentence.index > main.index + 3:
            continue
        reference = _EVENT_REFERENCE.search(sentence.text) or (
            _KIND_REFERENCES[guess.kind].search(sentence.text) if guess.kind in _KIND_REFERENCES else None)
        if reference and not _BACKGROUND.search(sentence.text) and not _SIDE.search(sentence.text) \
                and not is_future_at(sentence.text, reference.start()) \
                and not _OWN_DATE.search(_SINCE.sub("", sentence.text)):
            supporting.append(sentence)
    # A lead that names nobody ("The senior Pentagon officer met his Russian counterpart") is often followed
    # by one that names them: that sentence supports it, and a stronger cue there can refine the kind.
    # A lead that tells the happening by its talk alone ("confirmed his discussion with Putin") takes the form a
    # later lead sentence names ("had a telephone discussion with Putin on Wednesday"), a little less surely.
    if guess.kind in ("meeting", "call") and guess.confidence < _FORM_CONFIDENCE:
        for sentence in lead:
            form = classify_kind(sentence.text) if sentence.index > main.index else None
            if form is not None and form.kind in _FORM_KINDS and form.confidence >= _FORM_CONFIDENCE \
                    and not _is_background(sentence.text, form) and not _SIDE.search(sentence.text):
                guess = KindGuess(form.kind, _TOLD_LATER_CONFIDENCE, form.cue, sentence.text)
                break
    referred = _referred_back(main, lead)
    if guess.kind == "meeting" and _visit_in_main_clause(main.text):
        guess = _visit_or_meeting(guess, main, referred, headline_kind)
    told_as = max(referred, key=lambda kind: referred[kind])
    if referred[told_as] >= 2 and _family(told_as) != _family(guess.kind):
        # The sentences after the lead keep calling it something else ("the call", twice, after "said"): the
        # lead's verb and the page's nouns disagree, and a person decides which kind it was.
        guess = KindGuess(guess.kind, min(guess.confidence, _DISPUTED_CONFIDENCE), guess.cue, guess.sentence)
    if headline_kind and headline_kind.kind == guess.kind:
        guess = KindGuess(guess.kind, min(0.95, guess.confidence + 0.05), guess.cue, guess.sentence)
    elif headline_kind and headline_kind.kind in STRONG_KINDS and _family(headline_kind.kind) != _family(guess.kind) \
            and not (guess.kind in _FORM_KINDS and guess.confidence >= _FORM_CONFIDENCE):
        # The headline tells another kind of happening than the lead ("... sign treaty" over "welcomed"): one of
        # them is wrong, and a person decides which. A lead that names the form ("held a telephone conversation")
        # under a headline told by the talk ("holds talks with") is no dispute: headlines say "talks" of calls.
        guess = KindGuess(guess.kind, min(guess.confidence, _DISPUTED_CONFIDENCE), guess.cue, guess.sentence)
    return MainEvent(main, supporting, guess)


_VISIT = next(pattern for kind, pattern, _ in KIND_PATTERNS if kind == "visit")
# How the sentences after the lead refer back to what it reported: "during the meeting", "his visit".
_BACK_REFERENCES = {
    kind: re.compile(r"\b(?:the|this|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:" + words + r")\b", re.IGNORECASE)
    for kind, words in (("visit", "visit|trip|tour"), ("meeting", "meeting|talks|discussions?"),
                        ("call", "(?:phone\\s+|telephone\\s+)?(?:call|conversation)"))
}


def _visit_in_main_clause(text: str) -> bool:
    """Whether a sentence also tells a visit in its main clause ("arrived for a two-day visit and met ...")."""
    return any(not in_subordinate_part(text, m.start()) and not _VISIT_TO_PERSON.match(text[m.end():])
               for m in _VISIT.finditer(text))


def _referred_back(main: Sentence, lead: list[Sentence]) -> dict[str, int]:
    """How often the three sentences after the main one refer back to a visit, a meeting or a call."""
    votes = dict.fromkeys(_BACK_REFERENCES, 0)
    for sentence in lead:
        if main.index < sentence.index <= main.index + 3 and not _SIDE.search(sentence.text):
            for kind, reference in _BACK_REFERENCES.items():
                votes[kind] += len(reference.findall(sentence.text))
    return votes


def _visit_or_meeting(guess: KindGuess, main: Sentence, referred: dict[str, int],
                      headline_kind: KindGuess | None) -> KindGuess:
    """A lead telling both a visit and a meeting held during it reports the one the next sentences refer back
    to (`referred`: "During the meeting, ..." or "The visit is his first ..."); a tie keeps the meeting."""
    votes = dict(referred)
    if headline_kind is not None and headline_kind.kind in votes:
        votes[headline_kind.kind] += 1
    if votes["visit"] > votes["meeting"]:
        visit = _VISIT.search(main.text)
        return KindGuess("visit", guess.confidence, visit.group(0) if visit else guess.cue, guess.sentence)
    return guess


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else name


def event_title(kind: str, participants: list[str], place_city: str | None, fallback: str | None) -> str:
    """A short headline: "Milley meets Gerasimov in Helsinki", "Austin calls Bajwa"."""
    names = [_surname(n) for n in participants]
    where = f" in {place_city}" if place_city and kind in ("meeting", "talks", "summit", "visit", "attack",
                                                           "agreement", "exercise", "protest") else ""
    if len(names) >= 2 and kind in ("meeting", "call", "talks", "agreement"):
        others = " and ".join(names[1:3])
        return f"{names[0]} {VERBS[kind]} {others}{where}"
    if len(names) >= 2 and kind == "summit":
        return f"{names[0]} and {names[1]} hold a summit{where}"
    if names and kind == "visit" and place_city:
        return f"{names[0]} visits {place_city}"
    if names and kind == "call":
        return f"{names[0]} holds a call"
    if len(names) >= 2:
        return f"{names[0]} and {names[1]}: {kind}{where}"
    if names and kind in ("meeting", "talks"):
        return f"{names[0]} holds {'talks' if kind == 'talks' else 'a meeting'}{where}"
    if fallback:
        words = fallback.split()
        return " ".join(words[:12]).rstrip(".,;:")
    return f"{kind.capitalize()}{where}".strip()


def event_summary(main: MainEvent, max_sentences: int = 3) -> str:
    """One to three of the article's own sentences about the main event; quotes are left out."""
    chosen: list[str] = []
    for sentence in [s for s in [main.main, *main.supporting] if s is not None]:
        text = sentence.text.strip()
        if text.startswith(("“", '"', "‘")) or text in chosen:
            continue
        chosen.append(text)
        if len(chosen) >= max_sentences:
            break
    return " ".join(chosen)
