"""The plain-text reader: pasted and scraped articles, page furniture and all, into clean paragraphs and
the metadata the page states about itself (headline, byline, date line, URL, dateline).

The Markdown and HTML readers turn their input into lines and read them with `read_lines` too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..partial_date import DAY, PartialDate
from . import metadata as meta
from . import page_dates
from .article import FRONT_MATTER, Article
from .noise import (
    TRAILING_AGENCY,
    ends_sentence,
    is_breadcrumb,
    is_caption_line,
    is_noise_line,
    is_related_heading,
    is_section_label,
    join_broken_paragraphs,
    matching_form,
    strip_bullet,
    strip_syndication_credit,
    word_count,
)

HEADER_LINES = 12  # bylines and date lines stand near the top; further down they are story text
# Under the headline, a standfirst of a line or two may come before the byline and the date line.
LINES_UNDER_HEADLINE = 6
# A line that is nothing but a date, above the story's third prose paragraph (under a standfirst and a caption,
# however many menu and share lines stand between), is the page's date line, not a date inside the story.
PROSE_ABOVE_DATE_LINE = 2

@dataclass
class Line:
    number: int  # 1-based, in the text that was read
    text: str
    block: int  # lines of one block were not separated by a blank line


@dataclass
class Found:
    """Metadata met while reading, with the line each value came from."""

    title: str | None = None
    url: str | None = None
    url_is_labelled: bool = False
    end_urls: list[tuple[str, int]] = field(default_factory=list)  # bare URL lines, with story lines before them
    end_dates: list[tuple[PartialDate, str, int]] = field(default_factory=list)  # date lines below the header
    other_dates: list[tuple[PartialDate, str]] = field(default_factory=list)  # header date lines not taken as the date
    story_lines: int = 0
    byline: meta.Byline | None = None
    byline_line: str = ""
    date: PartialDate | None = None
    date_line: str = ""
    date_is_update: bool = False  # the date line is labelled "Updated" only: a publication line beats it
    date_above_headline: bool = False  # the date line stands above the headline, where a site prints today's date
    date_above_masthead: bool = False  # ... and above the outlet's own name: the site's header, not the story's
    property_dates: list[tuple[PartialDate, str]] = field(default_factory=list)  # "datePublished": "..." lines
    entry_date: tuple[PartialDate, str] | None = None  # a live entry's stamp at the top of the page
    ambiguous_date_line: str = ""  # "07/11/2023": settled by the page's or the outlet's order, if either tells
    day_first_on_page: bool | None = None  # the order the page's unambiguous numeric dates show
    newsletter_outlet: str | None = None
    newsletter_line: str = ""
    dateline: meta.Dateline | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    meta_line: int | None = None  # number of the first byline or date line
    genre: str | None = None
    standfirst: str | None = None
    masthead: str | None = None  # the outlet's name standing alone above the headline
    page_text: str = ""  # the page as read, furniture and all, where the outlet's printed name is looked for
    masthead_line: str = ""
    captions: list[Line] = field(default_factory=list)  # photo captions taken out of the story


# Labels that stand alone at the top of a page and are no paper's name.
_SECTION_LIKE = frozenset("""NEWS WORLD POLITICS BUSINESS SPORT SPORTS OPINION NATIONAL LOCAL HOME LATEST LIVE
    BREAKING EXPLAINER ANALYSIS VIDEO PHOTOS EDITORIAL FEATURE FEATURES ECONOMY MARKETS TECH SCIENCE HEALTH
    CULTURE ENTERTAINMENT LIFESTYLE TRAVEL""".split())


def _is_masthead(text: str, following: str | None) -> bool:
    """ "Gulf Times", "Buenos Aires Times", "Bangkok Post" alone on the first line, a headline under it."""
    words = text.split()
    # A name of its own beside the newspaper word ("Gulf Times"), not a section ("World", "World News").
    own = [w for w in words if w.lower() != "the" and w.lower() not in meta.OUTLET_WORDS and not w.lower().startswith("news")]
    if following is None or _is_prose(following) or re.search(r"[\d.!?:,|>]", text) or not 1 <= len(words) <= 4:
        return False
    if 2 <= len(words) and own and all(w[:1].isupper() or w.lower() == "the" for w in words) \
            and meta.looks_like_outlet(text):
        return True
    if meta.find_dateline(text) is not None or text.upper() in _SECTION_LIKE:
        return False
    # A name of the paper's own making: "The Edition", "The Africa Report", "EconomyNext", "BIRN", "THE HINDU",
    # "Notes from Poland" (a headline has lower-case words, or is longer).
    if words[0] == "The" and len(words) >= 2 and all(w[:1].isupper() for w in words):
        return True
    if len(words) == 1:
        word = words[0]
        return len(word) >= 3 and (word.isupper() or bool(re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]+", word)))
    if text.isupper():
        return True
    return (words[0][:1].isupper() and words[-1][:1].isupper() and len(words) == 3
            and words[1] in ("from", "of", "de", "del", "and"))


def lines_of(text: str) -> list[Line]:
    lines: list[Line] = []
    block = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            block += 1
            continue
        lines.append(Line(number, re.sub(r"[ \t]+", " ", line), block))
    return lines


def _is_prose(text: str) -> bool:
    """A line that is story text rather than a headline or a label: a long finished sentence."""
    words = word_count(text)
    return words >= 25 or (words >= 10 and ends_sentence(text))


# A line of hard-wrapped prose stops mid-clause ("... said on Thursday she and"); a headline never ends so.
_DANGLING_END = re.compile(r"\b(?:and|or|but|the|a|an|of|to|in|on|at|for|with|from|by|that|she|he|they|we|his|her|"
                           r"their|its|was|were|is|are|had|has|have)$", re.IGNORECASE)


def _is_headline(text: str) -> bool:
    words = word_count(text)
    return 2 <= words <= 30 and (not matching_form(text).rstrip("\"')").endswith(".") or words <= 8)


_URL_LABEL = re.compile(r"^(?:original\s+)?(?:url|link|source(?:\s+url)?|read\s+(?:it\s+)?online)\s*:?$", re.IGNORECASE)
_NEWSLETTER_NAME = re.compile(
    r"\b(?i:subscribe|sign\s+up)\s+(?i:to|for)\s+(?i:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)(?:['’]s)?\s+newsletters?\b"
)


_COPYRIGHT_HOLDER = re.compile(
    r"^(?i:(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?)"
    r"((?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\.[a-z]{2,}\b)?(?:\s+[A-Z][\w&'’-]*){0,4})"
)
OPINION = "opinion"
# Labels and headline prefixes of pieces that argue rather than report.
_GENRE_LABEL = re.compile(r"^(?i:opinion|analysis|comment|commentary|editorial|op-ed|oped|column|columns|perspective|explainer|"
                          r"viewpoint|essay|letters?(?:\s+to\s+the\s+editor)?)\s*(?:[|:—–-]\s*|$)")
# The same label alone on its line ("OPINION:", "Analysis —"), with nothing else after it.
_BARE_GENRE_LABEL = re.compile(r"^(?i:opinion|analysis|commentary|editorial|op-ed|oped|column|perspective|explainer|"
                               r"viewpoint|essay)\s*[:—–-]?\s*$")
# The closing note on a guest writer: "Hussein Ibish is a senior resident scholar at ...".
_WRITER_NOTE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+is\s+(?:a|an|the)\s+[^.]{0,80}?\b(?:fellow|scholar|professor|"
    r"columnist|lecturer|researcher|author of|contributing (?:editor|writer)|former (?:ambassador|minister|"
    r"diplomat|adviser|official))\b"
)
# Closing lines that name the publisher: "Published in Dawn, November 14th, 2023", "SOURCE: AL JAZEERA AND
# NEWS AGENCIES", "This article first appeared in The Hindu".
_FOOTER_OWNER = re.compile(
    r"^(?i:(?:first\s+)?published\s+in|this\s+(?:article|story)\s+(?:first\s+)?appeared\s+in|source)\s*:?\s+"
    r"((?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}?)(?:\s+(?i:and\s+(?:news\s+)?agencies))?"
    r"(?:,\s+[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})?\.?$"
)
_CAPTION_LABEL = re.compile(r"^(?:image|media|video|photo)\s+caption\s*[,:]?$", re.IGNORECASE)


# Links to posts and videos embedded in a story are never the story's own address.
_SOCIAL = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:twitter\.com|x\.com|t\.co|facebook\.com|fb\.watch|instagram\.com|youtube\.com|"
    r"youtu\.be|tiktok\.com|t\.me|bit\.ly)(?:/|$)",
    re.IGNORECASE,
)


def _is_label(text: str) -> bool:
    """A word or three with no sentence punctuation: a section name or a navigation item."""
    return 1 <= word_count(text) <= 3 and len(text) <= 30 and not ends_sentence(text) and not re.search(r"\d", text)


def _in_menu(lines: list[Line], at: int) -> bool:
    """True for a label with a label on either side: an item of the site's menu ("Sport", "Opinion", "Culture"),
    which says nothing of this page's genre, unlike a section label standing alone above the headline."""
    return 0 < at < len(lines) - 1 and _is_label(lines[at].text) and all(
        _is_label(lines[near].text) and not lines[near].text.lower().startswith("by ") for near in (at - 1, at + 1))


def _note_owner(text: str, found: Found) -> None:
    """Who a dropped line says publishes the page: "subscribe to TBEN newsletters", "© 2023 The Daily Ledger"."""
    if found.newsletter_outlet is not None:
        return
    match = _NEWSLETTER_NAME.search(text)
    if match and not (match.group(0).lower().endswith("newsletters") or match.group(1).isupper()
                      or meta.looks_like_outlet(match.group(1))):
        match = None  # "the Morning Briefing newsletter" names a newsletter, not who publishes it
    match = match or _COPYRIGHT_HOLDER.match(matching_form(text))
    if match and not re.fullmatch(r"(?i)(?:all|our|the|this|\d+)", match.group(1)):
        found.newsletter_outlet, found.newsletter_line = match.group(1).rstrip("."), text


def read_lines(lines: list[Line], found: Found, title_known: bool = False) -> list[Line]:
    """Take headline, byline, date, URL and noise out of `lines`; return the story's own lines."""
    kept: list[Line] = []
    in_header = True
    seen_content = title_known
    skip_teasers = False
    title_number: int | None = None
    prose_kept = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        following = lines[index + 1].text if index + 1 < len(lines) else None
        index += 1
        near_top = line.number <= HEADER_LINES or in_header or (
            title_number is not None and line.number - title_number <= LINES_UNDER_HEADLINE)
        stamp = page_dates.split_opening_stamp(text) if line is lines[0] else None
        if stamp is not None:  # "date 2022-11-24 <headline or lead>": a stamp opening the page
            found.date, found.date_line = stamp[0], text[: len(text) - len(stamp[1])].strip()
            found.date_above_headline = True
            if not stamp[1]:
                continue
            line = Line(line.number, stamp[1], line.block)
            text = line.text
        if near_top and text.startswith("("):
            credited = strip_syndication_credit(text)
            if not credited:
                continue
            if credited != text:
                line = Line(line.number, credited, line.block)
                text = line.text
        stated = page_dates.date_of_property(text)
        if stated is not None:  # "firstPublished": "2022-09-07 22:50:05", in a page saved with its CMS data
            found.property_dates.append((stated, text))
            continue

        # An "Original url:" label with its URL on the same or the next line.
        if _URL_LABEL.match(text) and following and meta.url_of_line(following):
            found.url, found.url_is_labelled = meta.url_of_line(following), True
            found.evidence["url"] = f"{text} {following}"
            index += 1
            continue
        url = meta.url_of_line(text)
        if url:
            if re.match(r"^(?:original\s+)?(?:url|link|source)", text, re.IGNORECASE) and not found.url_is_labelled:
                found.url, found.url_is_labelled = url, True
                found.evidence["url"] = text
            elif in_header and found.url is None:
                found.url = url
                found.evidence["url"] = text
            else:
                found.end_urls.append((url, len(kept)))
            continue
        if not text.strip("*•·-–—=_#~ "):
            continue  # dividers
        if near_top and found.byline is None:
            # The date may share the byline's line: "By Jane Doe | Published: Sep 22, 2021", "Naveed Siddiqui |
            # Dawn.com Published August 17, 2022".
            both = meta.split_byline_date(text)
            date = page_dates.parse_date_line(both[1]) if both else None
            credit_text = both[0] if both and date else text
            byline = meta.parse_byline(strip_bullet(credit_text))
            if byline is None and in_header and found.title is not None and not kept:
                byline = meta.parse_credit_line(credit_text)  # "Dawn.com | Naveed Siddiqui"
            if byline:
                found.byline, found.byline_line = byline, text
                found.meta_line = found.meta_line or line.number
                if both and date:
                    _note_date_line(found, date, both[1], text)
                role = meta.parse_role_line(following) if following else None
                if role is not None:  # "Defence correspondent, BBC News" under "By Jonathan Beale"
                    found.byline = meta.Byline(byline.author, byline.agency, byline.outlet or role.outlet)
                    found.byline_line = f"{text} {following}"
                    index += 1
                continue
        if near_top:
            date = page_dates.parse_date_line(text)
            if date and prose_kept > PROSE_ABOVE_DATE_LINE:
                found.end_dates.append((date, text, len(kept)))  # under three paragraphs of story: no header's
                continue
            if date:
                if _note_date_line(found, date, text, text, above_headline=not seen_content):
                    found.meta_line = found.meta_line or line.number
                else:
                    found.other_dates.append((date, text))
                outlet = meta.outlet_beside_date(text)
                if outlet and found.masthead is None:  # "Tehran Times | Wednesday, March 20, 2024"
                    found.masthead, found.masthead_line = outlet, text
                continue
            if page_dates.is_ambiguous_date_line(text):
                found.ambiguous_date_line = found.ambiguous_date_line or text
                found.meta_line = found.meta_line or line.number
                continue
            entry = page_dates.split_entry_stamp(text) if found.entry_date is None else None
            if entry is not None:  # "Saturday, January 21, 2023, 1:13 p.m.: The ministers ..." on a live page
                found.entry_date = entry[0], text[: len(text) - len(entry[1])].strip()
                line = Line(line.number, entry[1], line.block)
                text = line.text
        elif found.date is None and len(text) <= 60 and re.search(r"\d{4}", text):
            date = page_dates.parse_date_line(text)
            if date and prose_kept <= PROSE_ABOVE_DATE_LINE:
                _note_date_line(found, date, text, text, above_headline=not seen_content)
                continue
            if date:  # a stamp under the story ("8th January 2024 19:05"); taken only if nothing follows it
                found.end_dates.append((date, text, len(kept)))
                continue
        if in_header and not seen_content:
            if is_breadcrumb(text, following):
                continue
            if not kept and found.title is None and found.masthead is None and _is_masthead(text, following):
                found.masthead, found.masthead_line = (text.title() if text.isupper() else text), text
                found.date_above_masthead = found.date is not None and found.date_above_headline
                continue  # the paper's name above the headline, as a pasted page begins
            in_menu = _in_menu(lines, index - 1)
            if not kept and found.title is None and not in_menu and _BARE_GENRE_LABEL.match(matching_form(text)):
                found.genre = OPINION  # "OPINION:" alone above everything else, whatever follows it
                continue
            if not kept and found.title is None and in_menu:
                continue  # the site's menu above the headline
            if not kept and found.title is None and not is_noise_line(following or "") and (
                is_section_label(text, following) or (_is_label(text) and following is not None and _is_label(following))
            ):
                if _GENRE_LABEL.match(matching_form(text)) and not in_menu:
                    found.genre = OPINION  # "Opinion", "Analysis" above the headline: an argument, not a report
                continue  # section names and navigation above the headline
        if is_related_heading(text):
            skip_teasers = True
            continue
        if _CAPTION_LABEL.match(text):
            index += 1 if following and not _is_prose(following) else 0
            continue  # "Image caption," with the caption on the next line
        if is_noise_line(text):
            if is_caption_line(text):
                found.captions.append(line)
            _note_owner(text, found)
            continue
        owner = _FOOTER_OWNER.match(matching_form(text)) if not in_header else None
        if owner and not re.fullmatch(r"(?i)(?:the\s+)?(?:ministry|statement|office|report|sources?)", owner.group(1)):
            if found.newsletter_outlet is None:
                name = owner.group(1)
                found.newsletter_outlet = name.title() if name.isupper() else name
                found.newsletter_line = text
            continue
        if in_header and TRAILING_AGENCY.search(matching_form(text)):
            found.captions.append(line)
            continue  # a caption credited to an agency, above the story
        if skip_teasers:
            # Under a "Related" heading come other stories' headlines until the story resumes.
            if not ends_sentence(text) and word_count(text) <= 25:
                continue
            skip_teasers = False
        if in_header and not seen_content:
            seen_content = True
            continues = following is not None and lines[index].block == line.block and (
                following[:1].islower() or bool(_DANGLING_END.search(text)))
            if _is_headline(text) and not _is_prose(text) and not continues:
                found.title, title_number = text, line.number
                found.evidence["title"] = text
                continue
        if found.title and matching_form(text) == matching_form(found.title):
            continue  # the headline again, after a breadcrumb or a section label
        if in_header:
            dateline = meta.find_dateline(text)
            if dateline is not None and not dateline.rest:
                found.dateline = dateline  # "ISLAMABAD:" standing alone above the first paragraph
                continue
            if _is_prose(text):
                in_header = False
        kept.append(Line(line.number, strip_bullet(text), line.block))
        prose_kept += _is_prose(text)
    if found.date is None and found.end_dates and found.end_dates[-1][2] == len(kept) and kept:
        # Agencies and government sites stamp the date below the story; a date line between paragraphs is
        # a live blog's entry or a quoted document's, not the page's.
        found.date, found.date_line = found.end_dates[-1][0], found.end_dates[-1][1]
    kept = _without_standfirst(kept, found)
    found.story_lines = len(kept)
    found.day_first_on_page = page_dates.day_first_on_page([line.text for line in lines])
    return kept


def _note_date_line(found: Found, date: PartialDate | None, date_text: str, line: str,
                    above_headline: bool = False) -> bool:
    """Keep the first date line, unless it only said "Updated" and this one gives the publication (True if kept)."""
    if date is None or (found.date is not None and not (found.date_is_update and not page_dates.is_update_line(date_text))):
        return False
    found.date, found.date_line, found.date_is_update = date, line, page_dates.is_update_line(date_text)
    found.date_above_headline = above_headline
    return True


def _without_standfirst(kept: list[Line], found: Found) -> list[Line]:
    """Drop the standfirst: a line or two under the headline and above the byline or date line. It sums the
    story up in the present tense ("Wong and Anwar agreed to press ahead..."), so it would pass for its lead."""
    if found.title is None or found.meta_line is None:
        return kept
    deck = [line for line in kept if line.number < found.meta_line]
    if not deck or len(deck) > 2 or len(deck) == len(kept) or any(word_count(line.text) > 60 for line in deck):
        return kept
    found.standfirst = " ".join(line.text for line in deck)
    found.end_urls = [(url, before - len(deck)) for url, before in found.end_urls]
    return kept[len(deck):]


def paragraphs_of(lines: list[Line]) -> list[str]:
    """Lines of one block make one paragraph when they are a hard-wrapped paragraph, else one each."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and blocks[-1][-1].block == line.block:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    paragraphs: list[str] = []
    for block in blocks:
        texts = [line.text for line in block]
        wrapped = (
            len(texts) >= 2
            and max(len(t) for t in texts[:-1]) <= 100
            and sum(len(t) for t in texts[:-1]) >= 40 * (len(texts) - 1)  # wrapped lines are long, labels short
            and sum(not ends_sentence(t) for t in texts[:-1]) >= (len(texts) - 1) / 2
        )
        if wrapped:
            paragraphs.append(" ".join(texts))
        else:
            paragraphs.extend(join_broken_paragraphs(texts))
    return join_broken_paragraphs(paragraphs)


def take_dateline(paragraphs: list[str], found: Found) -> list[str]:
    """Remove the dateline ("ISLAMABAD:", "WASHINGTON (Reuters) -") from the first paragraph."""
    if found.dateline is not None or not paragraphs:
        return paragraphs
    # A press release may put a letterhead, labels and a headline in capitals above it; they are not prose. A
    # summary or a caption may stand above the story's first paragraph too, so the dateline may open the second.
    prose_seen = 0
    for index, paragraph in enumerate(paragraphs[:8]):
        dateline = meta.find_dateline(paragraph)
        if dateline is not None and (dateline.rest or index == 0):
            found.dateline = dateline
            rest = [dateline.rest] if dateline.rest else []
            return paragraphs[:index] + rest + paragraphs[index + 1:]
        if _is_prose(paragraph):
            prose_seen += 1
            if prose_seen == 2:
                break
    return paragraphs


def parse_plain(text: str, name: str, title_known: bool = False) -> Article:
    found = Found(page_text=text)
    kept = read_lines(lines_of(text), found, title_known)
    if not any(word_count(line.text) >= 3 for line in kept) and found.captions:
        kept = found.captions  # a photo page whose only account of what happened is its caption
    paragraphs = take_dateline(paragraphs_of(kept), found)
    article = Article(name=name, text="\n\n".join(paragraphs), title=found.title, standfirst=found.standfirst)
    settle_metadata(article, found)
    return article


def _genre(found: Found, paragraphs: list[str]) -> str | None:
    """"opinion" for op-eds, columns and analyses: a genre label, a labelled headline or a note on the writer."""
    if found.genre:
        return found.genre
    if found.title and _GENRE_LABEL.match(matching_form(found.title)) and re.match(r"^\w+\s*[|:]", found.title):
        return OPINION
    if paragraphs and _WRITER_NOTE.match(paragraphs[-1]):
        return OPINION
    return None


def settle_metadata(article: Article, found: Found) -> None:
    """Choose outlet, author, URL and publication date from what the text stated, recording where."""
    article.genre = article.genre or _genre(found, article.paragraphs())
    article.captions = article.captions or tuple(line.text for line in found.captions)
    evidence = article.metadata_evidence
    for key, value in found.evidence.items():
        evidence.setdefault(key, value)
    if article.url is None:
        closing = [url for url, before in found.end_urls if before == found.story_lines and not _SOCIAL.search(url)]
        if found.url is None and closing:
            found.url = closing[-1]  # a bare URL after the last paragraph of a pasted page is usually its address
            evidence["url"] = found.url
        article.url = found.url
    byline = found.byline
    agency = byline.agency if byline else None
    if found.dateline is not None:
        article.dateline = article.dateline or found.dateline.place
        evidence["dateline"] = found.dateline.source
        agency = agency or found.dateline.agency
        if found.dateline.date_text:
            evidence["dateline_date"] = found.dateline.date_text
    if agency and not article.agency:
        article.agency = agency
        evidence["agency"] = found.byline_line if byline and byline.agency else found.dateline.source if found.dateline else ""
    if byline and byline.author and not article.author:
        article.author = byline.author
        evidence["author"] = found.byline_line
    elif byline and byline.agency and not byline.outlet and not article.author:
        article.author = byline.agency  # "By AFP": the agency wrote it
        evidence["author"] = found.byline_line
    if article.outlet is None:
        if byline and byline.outlet:
            article.outlet, evidence["outlet"] = byline.outlet, found.byline_line
        elif found.masthead:
            article.outlet, evidence["outlet"] = found.masthead, found.masthead_line
        elif article.url and meta.outlet_from_url(article.url) != meta.domain_of(article.url):
            article.outlet, evidence["outlet"] = meta.outlet_from_url(article.url), article.url
        elif article.url and meta.outlet_named_on_page(found.page_text, article.url):
            # An unknown domain: the name the page prints for it reads better than the host.
            article.outlet, evidence["outlet"] = meta.outlet_named_on_page(found.page_text, article.url), article.url
        elif article.url and meta.outlet_from_url(article.url):
            article.outlet, evidence["outlet"] = meta.outlet_from_url(article.url), article.url
        elif found.newsletter_outlet and meta.agency_name(found.newsletter_outlet):
            # "Copyright 2021 The Associated Press": wire copy as the agency sent it
            article.agency = article.agency or meta.agency_name(found.newsletter_outlet)
            evidence.setdefault("agency", found.newsletter_line)
            article.outlet, evidence["outlet"] = article.agency, found.newsletter_line
        elif found.newsletter_outlet:
            article.outlet, evidence["outlet"] = found.newsletter_outlet, found.newsletter_line
        elif article.agency:
            article.outlet, evidence["outlet"] = article.agency, evidence.get("agency", "")
    stated = evidence.get("outlet") == FRONT_MATTER
    if article.outlet and article.agency and not stated and article.agency.lower() not in article.outlet.lower():
        article.outlet = f"{article.outlet} ({article.agency})"  # wire copy republished: "The Moscow Times (AFP)"
    if article.published is None:
        stated = _publication_date(article, found)
        if stated is not None:
            article.published, evidence["published"] = stated
            if found.date_above_masthead and stated[1] == found.date_line:
                evidence["published_above_masthead"] = found.date_line
            if stated[1] == found.ambiguous_date_line and found.day_first_on_page is None \
                    and page_dates.day_first_convention(article.url) is not None:
                # Only the outlet's country domain said which number is the day: a habit, not the page's word.
                evidence["published_order"] = "the order of the outlet's country domain"
        elif found.ambiguous_date_line:
            evidence["published_ambiguous"] = found.ambiguous_date_line  # flagged by its absence: no date is read
    if article.published is not None and article.published.precision == DAY and article.contrary_stamp is None:
        article.contrary_stamp = _contrary_stamp(article.published, found)


# How far apart two dates a page prints for itself may lie and still be one publication: a stamp in another time
# zone, or a story filed one evening and printed the next morning.
_SAME_PUBLICATION_DAYS = 1


def _contrary_stamp(published: PartialDate, found: Found) -> str | None:
    """A date line, property, entry stamp or full dateline the page prints for itself that lies more than a day
    from its publication date, as its text; update lines are left out, as they are expected to be later."""
    stated = [*found.other_dates, *((date, text) for date, text, _ in found.end_dates), *found.property_dates]
    if found.date is not None and not found.date_is_update:
        stated.append((found.date, found.date_line))
    if found.entry_date is not None:
        stated.append(found.entry_date)
    if found.dateline is not None and found.dateline.date is not None:
        stated.append((found.dateline.date, found.dateline.source))
    for date, text in stated:
        if date.precision == DAY and not page_dates.is_update_line(text) \
                and abs((date.first_day() - published.first_day()).days) > _SAME_PUBLICATION_DAYS:
            return f"'{text}' ({date.iso()})"
    return None


def _story_date_before_header(found: Found) -> tuple[PartialDate, str] | None:
    """A date the story gives itself (a dated dateline, a date line under the headline) more than a day before the
    date line above the headline: a site prints the day the page is viewed up there, so the story's own date is its
    publication; the header line is then kept as a contrary stamp, which flags day words."""
    header = found.date
    if header is None:
        return None
    stated = [(date, text) for date, text in found.other_dates if not page_dates.is_update_line(text)]
    if found.dateline is not None and found.dateline.date is not None:
        stated.append((found.dateline.date, found.dateline.source))
    return next(((date, text) for date, text in stated if date.precision == DAY
                 and (header.first_day() - date.first_day()).days > _SAME_PUBLICATION_DAYS), None)


def _publication_date(article: Article, found: Found) -> tuple[PartialDate, str] | None:
    """The page's first publication date and the text it came from, in order of trust; None if it states none."""
    from_url = page_dates.date_from_url(article.url) if article.url else None
    url_day = from_url if from_url is not None and from_url.day is not None else None
    if found.date is not None:
        if found.date_is_update and url_day is not None and url_day.first_day() <= found.date.first_day():
            return url_day, article.url or ""  # the address keeps the first publication that an update replaced
        story_date = _story_date_before_header(found) if found.date_above_headline else None
        return story_date or (found.date, found.date_line)
    if found.property_dates:
        return min(found.property_dates, key=lambda item: item[0].first_day())
    if url_day is not None:
        return url_day, article.url or ""
    if found.ambiguous_date_line:
        day_first = found.day_first_on_page
        if day_first is None:
            day_first = page_dates.day_first_convention(article.url)
        date = page_dates.parse_date_line(found.ambiguous_date_line, day_first) if day_first is not None else None
        if date is None and from_url is not None:
            # "06.09.2024" on a page whose address says 2024/09: the reading in the address's month is the day.
            readings = {page_dates.parse_date_line(found.ambiguous_date_line, order) for order in (True, False)}
            fitting = [d for d in readings if d is not None and from_url.contains(d)]
            date = fitting[0] if len(fitting) == 1 else None
        if date is not None:
            return date, found.ambiguous_date_line
    if found.entry_date is not None:
        return found.entry_date
    dateline = found.dateline
    if dateline is not None and dateline.date is not None:
        return dateline.date, dateline.source
    if from_url is not None and dateline is not None and dateline.date_text:
        # "ASTANA, November 21" on a page whose address gives only the year or the month
        in_year = page_dates.date_in_year(dateline.date_text, from_url.year)
        if in_year is not None and from_url.contains(in_year):
            return in_year, f"{dateline.source} {article.url}"
    if from_url is not None:
        return from_url, article.url or ""
    return None
