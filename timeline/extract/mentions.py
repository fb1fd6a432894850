"""Background events: earlier (or other) happenings an article mentions with their own dates.

"He last visited in December", "at a summit in Geneva in June", "In April, Russia amassed around 100,000
troops": each becomes a `Mention` with the date resolved as honestly as the main event's (None when it
cannot be placed) and the sentence as its quote. The main event's own sentences are never mined here,
so the main event is not listed again as its own background.
"""

from __future__ import annotations

import re

from ..load.model import Mention
from ..partial_date import DateSpec, PartialDate
from .sentences import Sentence
from .temporal import TemporalMention, find_temporal_mentions, is_future_sentence

MAX_MENTIONS = 8
MAX_SUMMARY_WORDS = 22

# Something happened: a verb in the past tense, or a noun for a happening.
_HAPPENING = re.compile(r"\b(?:\w+ed|met|left|took|began|began|won|lost|held|made|sent|struck|fought|went|came|"
                        r"rejected|visited|summit|meeting|attack|talks|visit|election|agreement|withdrawal|was|were)\b",
                        re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+|\s+(?=(?:since|when|while|amid|following)\s)")
_LEADING = re.compile(r"^(?:and|but|so|then|since|after|before|when|while|amid|following|as|because|having)\s+",
                      re.IGNORECASE)


def _clause_with(sentence: str, start: int, end: int) -> str:
    """The clause around a date phrase, or the whole sentence when the clause is too thin to stand alone."""
    bounds = [0]
    for match in _CLAUSE_BREAK.finditer(sentence):
        bounds.append(match.end() if match.group(0).strip() == "," else match.start() + len(match.group(0)))
    bounds.append(len(sentence))
    clause_start = max(b for b in bounds if b <= start)
    clause_end = min((b for b in bounds if b >= end), default=len(sentence))
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.start() >= end:
            clause_end = match.start()
            break
    clause = sentence[clause_start:clause_end]
    words = clause.replace(sentence[start:end], " ").split()
    if len(words) < 6 or (words and re.match(r"^(?:having|being|\w+ing)$", words[0], re.IGNORECASE)):
        return sentence
    return clause


def mention_summary(sentence: str, temporal: TemporalMention) -> str:
    """A short summary: the clause that carries the date, without the date words, capped in length."""
    clause = _clause_with(sentence, temporal.start, temporal.end)
    text = re.sub(r"\b(?:in|on|at|during|since|by|of)\s+" + re.escape(temporal.text) + "|" + re.escape(temporal.text),
                  " ", clause, count=1)
    text = re.sub(r"\b(?:in|on|at|during|since|by)\s+(?=[,.;]|\s*$)", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text)).strip(" ,.;:")
    text = _LEADING.sub("", text)
    text = re.sub(r"^(?:[Ll]ast|[Pp]reviously)\s+", "", text)
    words = text.split()
    if len(words) > MAX_SUMMARY_WORDS:
        text = " ".join(words[:MAX_SUMMARY_WORDS]) + "…"
    return text[:1].upper() + text[1:] if text else sentence


def _usable_temporals(mentions: list[TemporalMention]) -> list[TemporalMention]:
    """The dates that say when something happened: resolved ones (one per clause), or the first unresolved."""
    usable = [m for m in mentions if m.relation not in ("by", "until", "till", "before")]
    precise = [m for m in usable if m.value is not None]
    return precise if precise else usable[:1]


_PRONOUN = re.compile(r"^(?:He|She|His|Her)\b")


def _without_pronoun(summary: str, subject: str | None) -> str:
    """ "He visited Beijing" -> "Kurilla visited Beijing": a summary read on its own needs the name."""
    match = _PRONOUN.match(summary)
    if match is None or not subject:
        return summary
    word = match.group(0)
    return (f"{subject}'s" if word in ("His", "Her") else subject) + summary[match.end():]


def find_mentions(sentences: list[Sentence], reference: PartialDate | None, main_date: DateSpec | None,
                  event_sentences: tuple[int, ...], article_name: str | None = None,
                  subjects: dict[int, str] | None = None) -> list[Mention]:
    """Background events the article dates, in article order, at most `MAX_MENTIONS`.

    `subjects` maps a sentence index to the person a leading "He" or "She" there stands for (the last one
    named before it), so that summaries never start with a pronoun."""
    found: list[Mention] = []
    for sentence in sentences:
        text = sentence.text
        if sentence.index in event_sentences or text.startswith(("“", '"', "‘")) or is_future_sentence(text):
            continue
        if text[-1:] not in ".!?”\"’" or len(text.split()) < 6 or not _HAPPENING.search(text):
            continue
        summaries: set[str] = set()
        for temporal in _usable_temporals(find_temporal_mentions(text, reference, main_date)):
            if temporal.value is not None and main_date is not None and temporal.value == main_date \
                    and temporal.kind == "weekday":
                continue  # the same day as the main event, said again: not a separate happening
            summary = _without_pronoun(mention_summary(text, temporal), (subjects or {}).get(sentence.index))
            if summary in summaries:
                continue
            summaries.add(summary)
            found.append(Mention(summary=summary, date=temporal.value, quote=text, article=article_name))
        if len(found) >= MAX_MENTIONS:
            return found[:MAX_MENTIONS]
    return found
