"""Page furniture that copy-pasted and scraped articles carry, and how to tell it from the story.

Every rule judges a whole line (a paragraph of the pasted text) and is anchored to the line's start
or end with a length limit, so that a story sentence that merely *mentions* a newsletter or a photo
is never dropped. The rules are generic page patterns (teasers, prompts, credits, breadcrumbs), not
phrases of particular articles.
"""

from __future__ import annotations

import html
import re

TERMINAL = ".!?…"
CLOSERS = "\"'”’»)]"

# Inline markup left behind when a page is copied as text: <u>AFP</u>, <b>, **bold**.
_TAG_REMNANT = re.compile(
    r"</?(?:u|b|i|em|strong|span|font|small|mark|s|strike|sup|sub|a|abbr|cite|ins|del|tt|big)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_BREAK_TAG = re.compile(r"<(?:br|/p|p|/div|div)\b[^<>]{0,300}/?>", re.IGNORECASE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# A person's tooltip copied into the text: the name, then its two words reversed and run into the office
# ("Shavkat Mirziyoyev Mirziyoyev ShavkatPresident of Uzbekistan").
_NAME_TOOLTIP = re.compile(r"\b([A-Z][\w'’-]+)\s+([A-Z][\w'’-]+)\s+\2\s+\1(?=[A-Z])")


def clean_inline_markup(text: str) -> str:
    """Remove tag remnants (<u>, <b>, <i>...), Markdown bold markers, copied name tooltips and HTML entities from
    plain text."""
    text = _BREAK_TAG.sub("\n", text)
    text = _TAG_REMNANT.sub("", text)
    text = _BOLD.sub(r"\2", text)
    text = _NAME_TOOLTIP.sub(r"\1 \2, ", text)
    if _ENTITY.search(text):
        text = html.unescape(text).replace("\xa0", " ")
    return text


def matching_form(text: str) -> str:
    """`text` with curly quotes straightened and spaces collapsed: for comparisons, never for output."""
    table = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "\xa0": " ", "–": "-", "—": "-"})
    return re.sub(r"\s+", " ", text.translate(table)).strip()


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*", text))


def ends_sentence(text: str) -> bool:
    """True when the line ends like a finished sentence (a full stop, possibly inside a quote)."""
    return text.rstrip(CLOSERS + " ").endswith(tuple(TERMINAL)) or text.rstrip().endswith(":")


def _re(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Lines that are noise whatever their length, matched from the start of the line.
_TEASER_START = _re(
    r"^(?:also\s+read|read\s+also|read\s+more|see\s+also|more\s+from|more\s+on\s+this|don'?t\s+miss|must\s+read|"
    r"recommended(?:\s+for\s+you)?|you\s+may\s+(?:also\s+)?like|you\s+might\s+(?:also\s+)?like|trending|"
    r"most\s+(?:read|popular|viewed)|top\s+stories|editor'?s\s+picks?|"
    r"related(?:\s+(?:articles?|stories|story|news|content|coverage|posts?|reading|topics|links?|videos?))?)\b\s*(?:[:|\-–—]|$)",
    r"^(?:also\s+read|read\s+also|read\s+more|related\s+article|related\s+story|related\s+news|see\s+also)\b",
    r"^read\s*:",
    r"^(?:watch|video|listen|photos|gallery|podcast|infographic)\s*[:|]",
)
# Short lines (prompts, buttons, labels) that are noise when they make up the whole line.
_SHORT_NOISE = _re(
    r"^load\s+(?:next|more)(?:\s+stor(?:y|ies)|\s+articles?)?$",
    r"^(?:show|view|see)\s+(?:more|all|comments?)$",
    r"^(?:next|previous)\s+(?:story|article|post)\b",
    r"^(?:leave|post|add|write)\s+a\s+(?:comment|reply)$",
    r"^\d*\s*comments?$",
    r"^(?:join|start)\s+the\s+(?:conversation|discussion)$",
    r"^comments?\s+(?:are\s+)?closed\.?$",
    r"^advertisement$|^advertising$|^sponsored(?:\s+content)?$|^ad$|^promoted$",
    r"^(?:story|article)\s+continues\s+(?:below|after)",
    r"^continue\s+reading",
    r"^scroll\s+(?:down\s+)?to\s+continue",
    r"^skip\s+to\s+(?:main\s+)?content$",
    r"^(?:sign|log)\s*(?:in|up|out)(?:\s+here)?\.?$",
    r"^(?:menu|search|sections|close|home|back\s+to\s+top|top|save|bookmark|print|more|next|previous|play|pause)$",
    r"^listen(?:\s+to\s+(?:this\s+)?(?:article|story))?(?:\s*[|:•·]?\s*\d+\s*min(?:ute)?s?)?$",
    r"^\d+\s*min(?:ute)?s?\s+(?:read|listen)$",
    # relative stamps, never dates: "Updated 2 hours ago", "18 mins ago - World", "This was published 1 year ago"
    r"^(?:this\s+(?:article\s+|story\s+)?was\s+)?(?:(?:updated|published|posted)\s+)?(?:an?|\d+)\s*"
    r"(?:seconds?|secs?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago(?:\s*[-–—|•·]\s*[\w &]{1,30})?$",
    r"^(?:image|media|video)\s+(?:caption|source)\s*[,:]",
    r"^our\s+standards\s*:",
    r"^[\w .,'’-]{3,80}\s(?:writers?|correspondents?|reporters?)\s[\w .,'’&-]{2,120}\scontributed(?:\s+to)?\s+(?:this|the)\s+report",
    r"^subscribe(?:\s+now)?!?$",
    r"^share(?:\s+(?:this|the)\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+\w+)?:?$",
    r"^(?:share|tweet|email|print|copy\s+link|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest)"
    r"(?:[\s,|/•·]+(?:share|tweet|email|print|copy\s+link|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|"
    r"pinterest|count|like|comments?|\d+))*$",
    r"^\d+$|^translate$",
    r"^follow\s+(?:us|@?\w+)\s+on\b",
    r"^click\s+here\b",
    r"^(?:©|\(c\)|copyright\b)",
    r"\ball\s+rights\s+reserved\.?$",
    r"^(?:file|representational|representative|archive)\s+(?:photo|image|picture|pic)\b",
    r"^(?:photo|photograph|image|picture|pic|video|caption|credit|photo\s+credit|image\s+credit|courtesy)\s*[:|]",
    r"^(?:getty\s+images|shutterstock|reuters|afp|ap)(?:\s+photo)?$",
    r"^this\s+(?:story|article|report|content)\s+(?:was|has\s+been|is)\s+(?:posted|published|auto-?generated|generated|"
    r"taken|sourced)\s+(?:from|via|by)\s+(?:a|an|the)?\s*(?:syndicated\s+|news\s+|wire\s+|automated\s+)?(?:feed|agency|wire)",
    r"^this\s+(?:story|article|report)\s+has\s+not\s+been\s+edited\b",
    r"^(?:only\s+the\s+)?headline(?:\s+and\s+picture)?\s+(?:of\s+this\s+(?:story|report)\s+)?(?:may\s+)?ha(?:s|ve)\s+been\s+"
    r"(?:reworked|changed|edited)",
    r"^\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|produced)\s+by\b.*[;)]",
    r"^\(?(?:(?:additional\s+)?reporting|writing|editing)\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\)?\.?$",
    r"^(?:enter|type)\s+(?:a\s+valid|your)\s+e-?mail",
    r"^(?:please\s+)?enter\s+a\s+valid\b",
    r"^(?:thank\s+you|thanks)\s+for\s+(?:subscribing|signing\s+up|registering|reading)",
    r"^you(?:'ve|\s+have)\s+(?:been\s+)?(?:successfully\s+)?subscribed",
    r"^(?:by\s+)?(?:signing\s+up|subscribing),?\s+you\s+agree",
    r"^(?:privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions))$",
)
# Prompts that mark the whole (short) line as page furniture wherever they stand in it.
_PROMPT_ANYWHERE = _re(
    r"\bsubscribe\s+to\b[^.]{0,60}\bnewsletters?\b",
    r"\bsign\s+up\b[^.]{0,60}\bnewsletters?\b",
    r"\bnewsletters?\b[^.]{0,40}\b(?:inbox|sign\s+up|subscribe)\b",
    r"\bdownload\s+(?:our|the)\b[^.]{0,30}\bapps?\b",
    r"\bget\s+(?:our|the)\b[^.]{0,20}\bapp\b",
    r"\bavailable\s+on\s+(?:the\s+)?(?:app\s+store|google\s+play)\b",
    r"\bnever\s+miss\s+a\s+(?:story|thing|beat|headline)\b",
    r"\bsign\s+up\s+here\b",
    r"\bstay\s+(?:connected|informed|updated)\s+(?:and\s+\w+\s+)?with\s+us\b",
    r"\bfollow\s+us\s+on\s+(?:twitter|facebook|instagram|telegram|whatsapp|x|google\s+news|social\s+media)\b",
    r"\bjoin\s+(?:our|us\s+on)\s+(?:whatsapp|telegram)\b",
)
# A photo credit at the end of a caption: "... (R). Photo: Centcom/Twitter", "(Photo: AFP)".
_CREDIT_END = _re(
    r"(?:^|[\s.(|–—-])(?:photo|photograph|image|picture|pic|file\s+photo|photo\s+credit|image\s+credit|credit|courtesy)"
    r"\s*(?:[:|]|\bby\b)\s*[^.:]{1,60}\)?$",
    r"\((?:file\s+)?(?:photo|image|picture|pic)\b[^()]{0,60}\)$",
    # "... at Andrews Air Force Base, Md. (Alex Brandon/Pool/AP)": a photographer's name, then agencies
    r"[.!?”\"']\s+\([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}(?:\s*/\s*[A-Za-z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,3}){1,3}\)$",
    r"\b(?:via|/)\s*getty\s+images$",
    r"[—–-]\s*(?:photo\s+(?:courtesy|by|credit)\b[^.]{1,40}|[\w .]{1,30}/\s*file(?:\s+photo)?|file(?:\s+photo)?)$",
)
# A caption's closing credit naming only an agency: "... in Kabul on Monday. — AFP". Story paragraphs
# end like this too, so this only marks captions above the first paragraph of the story.
TRAILING_AGENCY = re.compile(r"[.!?”\"']\s*[—–-]+\s*(?:AFP|Reuters|AP|APP|PPI|INP|EPA|Xinhua|Anadolu|ANI|PTI)$")
# A slash-separated credit after a caption's last sentence: ". Chuck Burton / DoD / AFP".
_SLASH_CREDIT = re.compile(
    r"[.!?”\"']\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*/\s*[A-Za-z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,3}){1,3}$"
)
_LEFT_RIGHT = re.compile(r"\((?:L|R|C|left|right|centre|center|from left|second left)\)")
_BULLET = re.compile(r"^\s*(?:[*•·▪►-])\s+")
_BREADCRUMB_SEPARATORS = re.compile(r"\s(?:>|›|»|/|\||::)\s")


def is_teaser_line(line: str) -> bool:
    """An "ALSO READ ...", "Related: ..." or "Read <another headline>" line pointing at another story."""
    text = matching_form(line)
    if _TEASER_START.search(text):
        return True
    # "Read US authorities charge 8 ..." : a headline after "Read", with no full stop of its own.
    if re.match(r"^[Rr]ead\s+[A-Z0-9\"']", text) and not ends_sentence(text) and 3 <= word_count(text) <= 25:
        return True
    return False


def is_caption_line(line: str) -> bool:
    """A photo caption or credit: "File photo", "... (L) and ... (R). Photo: X/Twitter", "... Name / Agency / AFP"."""
    text = matching_form(line)
    if word_count(text) > 80:
        return False
    if _CREDIT_END.search(text) or _SLASH_CREDIT.search(text):
        return True
    return bool(_LEFT_RIGHT.search(text)) and not ends_sentence(text.rstrip(".")) and word_count(text) <= 40


def is_noise_line(line: str) -> bool:
    """True when the whole line is page furniture: teasers, prompts, buttons, credits, feed notes."""
    text = matching_form(line)
    if not text:
        return True
    bullet = _BULLET.match(text)
    if bullet:
        text = text[bullet.end():]
    words = word_count(text)
    if words == 0:
        return True  # only punctuation or symbols: rules, dividers, "***"
    if is_teaser_line(text) or is_caption_line(text):
        return True
    if words <= 25 and _SHORT_NOISE.search(text):
        return True
    return words <= 40 and bool(_PROMPT_ANYWHERE.search(text))


# A syndicator's credit opening a reposted story: "(MENAFN- Kuwait News Agency (KUNA)) CAIRO, Aug 23 (KUNA) -- ...".
_SYNDICATION_CREDIT = re.compile(r"^\((?:[A-Z][A-Za-z]{2,15})\s*[-–—]\s*[^()]{2,60}(?:\([^()]{2,15}\))?\s*\)\s*")


def strip_syndication_credit(line: str) -> str:
    """The line without a syndicator's credit opening it ("(MENAFN- Daily News Egypt) ..." -> "...")."""
    return _SYNDICATION_CREDIT.sub("", line, count=1)


def strip_bullet(line: str) -> str:
    """A list item's text without its "* " marker."""
    return _BULLET.sub("", line, count=1)


def is_related_heading(line: str) -> bool:
    """A heading ("RELATED", "Related Articles", "More from ...") after which only teasers follow."""
    text = matching_form(line).rstrip(":").strip()
    return bool(re.fullmatch(
        r"(?:related(?:\s+(?:articles?|stories|news|content|coverage|posts?|reading|topics))?|more\s+(?:stories|news|"
        r"from\s+\w+(?:\s+\w+)?)|read\s+more|recommended(?:\s+for\s+you)?|you\s+may\s+(?:also\s+)?like|"
        r"most\s+(?:read|popular)|trending(?:\s+now)?|latest(?:\s+news)?|top\s+stories|editor'?s\s+picks?)",
        text,
        re.IGNORECASE,
    ))


def is_breadcrumb(line: str, next_line: str | None = None) -> bool:
    """A "Home > World > Asia" trail, or "Home Latest News <headline>" repeating the next line."""
    text = matching_form(line)
    if not re.match(r"^(?:home|start|front\s+page)\b", text, re.IGNORECASE):
        return False
    if _BREADCRUMB_SEPARATORS.search(text):
        return True
    if next_line:
        following = matching_form(next_line)
        return len(following) > 10 and text.endswith(following) and len(text) > len(following)
    return False


def is_section_label(line: str, next_line: str | None) -> bool:
    """A section name alone above the headline ("Afghanistan", "World News")."""
    text = matching_form(line)
    if not next_line or not 1 <= word_count(text) <= 3 or len(text) > 30 or ends_sentence(text):
        return False
    if re.search(r"\d", text) or not text[:1].isupper():
        return False
    following = matching_form(next_line)
    return word_count(following) >= 5 and not following.rstrip(CLOSERS).endswith(".")


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join a sentence that the paste split over two paragraphs (no full stop, then a lower-case start)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if (
            joined
            and paragraph[:1].islower()
            and not ends_sentence(joined[-1])
            and word_count(joined[-1]) >= 3
        ):
            joined[-1] = f"{joined[-1].rstrip()} {paragraph.lstrip()}"
        else:
            joined.append(paragraph)
    return joined
