"""The typed content model: events, participants, sources, mentions, review notes; validated in one place.

`parse_event` turns the YamlMap read from `content/events/<id>.yaml` into an `Event`, recording every
problem (with its line) instead of stopping at the first, so `timeline check` can report them all.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from sys import intern
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..errors import Problems, did_you_mean
from ..partial_date import DateSpec, DateValueError, PartialDate, parse_date_spec, parse_partial_date
from .yaml_source import YamlList, YamlMap, mark_of

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 120

DRAFT = "draft"
REVIEWED = "reviewed"
STATUSES = (DRAFT, REVIEWED)

DEFAULT_KINDS = (
    "meeting",
    "call",
    "visit",
    "statement",
    "attack",
    "talks",
    "summit",
    "agreement",
    "announcement",
    "appointment",
    "exercise",
    "withdrawal",
    "deployment",
    "election",
    "protest",
    "other",
)

EVENT_KEYS = (
    "id",
    "title",
    "date",
    "kind",
    "place",
    "summary",
    "participants",
    "sources",
    "mentions",
    "threads",
    "related",
    "status",
    "review",
)
REQUIRED_EVENT_KEYS = ("id", "title", "date", "kind", "status")
PARTICIPANT_KEYS = ("name", "title", "role", "country", "person")
SOURCE_KEYS = ("article", "outlet", "url", "published", "headline", "author", "quote", "joined", "claims")
CLAIM_KEYS = ("date", "place")
MENTION_KEYS = ("summary", "date", "event", "quote", "article", "checked")
RELATED_KEYS = ("id", "reason")
REVIEW_KEYS = ("needs", "notes", "evidence", "confidence", "duplicates", "checked")
# What an editor can mark as looked at under `review.checked`, so that `timeline review` stops listing it: a date
# that no report gives more precisely, a single report that is all there is, the background mentions.
CHECKABLE = ("date", "sources", "mentions")


_Model = TypeVar("_Model")


def _pickled_as_fields(cls: type[_Model]) -> type[_Model]:
    """Pickle instances as their class and field values: the parse cache unpickles every event of a project on
    each build, and rebuilding through `__init__` from a tuple takes half the time of the default (a `__dict__`
    per object). Every field is included, so nothing set on an instance is lost."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_as_fields
@dataclass
class Participant:
    """Someone who took part: name, rank or honorific (`title`), office (`role`), country, registry id."""

    name: str
    title: str | None = None
    role: str | None = None
    country: str | None = None
    person: str | None = None  # id in content/people.yaml, when known

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "title": self.title, "role": self.role, "country": self.country}
        if self.person:
            data["person"] = self.person
        return data


@_pickled_as_fields
@dataclass
class Claims:
    """What one report says of its event's date and place, kept where the reports disagree."""

    date: DateSpec | None = None
    place: str | None = None

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.date is not None:
            data["date"] = self.date.to_yaml()
        if self.place is not None:
            data["place"] = self.place
        return data


@_pickled_as_fields
@dataclass
class Source:
    """An article that reports the event, the quote that supports it, and why merging joined it to the event."""

    article: str | None = None  # path under content/articles/
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    headline: str | None = None
    author: str | None = None
    quote: str | None = None
    joined: str | None = None  # why ingest took this report for the same happening as the event's first
    claims: Claims | None = None  # this report's date and place, where the reports disagree

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article": self.article,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.iso() if self.published else None,
        }
        if self.headline:
            data["headline"] = self.headline
        if self.author:
            data["author"] = self.author
        data["quote"] = self.quote
        if self.joined:
            data["joined"] = self.joined
        if self.claims is not None and (claims := self.claims.to_yaml()):
            data["claims"] = claims
        return data


@_pickled_as_fields
@dataclass
class Mention:
    """An earlier or background happening an article mentions, with its date as far as it is known."""

    summary: str
    date: DateSpec | None = None
    event: str | None = None  # id of the event it refers to, when that exists
    quote: str | None = None
    article: str | None = None
    checked: bool = False  # an editor looked at it and it needs no event of its own
    line: int | None = field(default=None, compare=False)  # where it starts in its file, for `timeline review`

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"summary": self.summary, "date": self.date.to_yaml() if self.date else None}
        if self.event:
            data["event"] = self.event
        data["quote"] = self.quote
        if self.article:
            data["article"] = self.article
        if self.checked:
            data["checked"] = True
        return data


@_pickled_as_fields
@dataclass
class Related:
    """A link to another event, with the reason it is there."""

    id: str
    reason: str | None = None

    def to_yaml(self) -> dict[str, Any] | str:
        return {"id": self.id, "reason": self.reason} if self.reason else self.id


@_pickled_as_fields
@dataclass
class Review:
    """What a human must still look at: flagged fields, why, and the sentence each guess came from."""

    needs: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # of CHECKABLE: looked at by an editor, nothing more to do

    def is_empty(self) -> bool:
        return not (self.needs or self.notes or self.evidence or self.confidence or self.duplicates or self.checked)

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"needs": list(self.needs), "notes": dict(self.notes), "evidence": dict(self.evidence)}
        if self.confidence:
            data["confidence"] = dict(self.confidence)
        if self.duplicates:
            data["duplicates"] = list(self.duplicates)
        if self.checked:
            data["checked"] = list(self.checked)
        return data


@_pickled_as_fields
@dataclass
class Event:
    """One happening, one file: `content/events/<id>.yaml`."""

    id: str
    title: str
    date: DateSpec | None
    kind: str
    status: str = DRAFT
    place: str | None = None
    summary: str = ""
    participants: list[Participant] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    review: Review = field(default_factory=Review)
    path: str | None = None  # where it was read from, relative to the project
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line, for messages
    # (line, column) of list items and their fields, keyed like "related.0" or "sources.1.article" (index in the
    # parsed list), so cross-file checks can point at the item itself; not part of the event's value.
    marks: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    # (summary, its plain text), worked out when the file is read so that the parse cache keeps it; the pair
    # means an edit to `summary` after reading is noticed, not shown stale. Not part of the event's value.
    summary_plain: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT

    def sort_key(self) -> tuple[Any, ...]:
        """Chronological, undated last, ties broken by id so the order never depends on file order."""
        if self.date is None:
            return (1, (0, 0, 0, 0, 0, 0), self.id)
        return (0, self.date.sort_key(), self.id)

    def needs_review(self, field_name: str) -> bool:
        return field_name in self.review.needs

    def to_yaml(self) -> dict[str, Any]:
        """The event as the mapping written to its file, keys in the documented order."""
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date.to_yaml() if self.date else None,
            "kind": self.kind,
            "place": self.place,
            "status": self.status,
            "summary": self.summary,
            "participants": [p.to_yaml() for p in self.participants],
            "sources": [s.to_yaml() for s in self.sources],
        }
        if self.mentions:
            data["mentions"] = [m.to_yaml() for m in self.mentions]
        data["threads"] = list(self.threads)
        data["related"] = [r.to_yaml() for r in self.related]
        if not self.review.is_empty():
            data["review"] = self.review.to_yaml()
        return data


def _interned(text: str | None) -> str | None:
    """One object for each of the few texts that recur across events (keys, kinds, countries, roles, outlets):
    a pickle of many events then stores and rebuilds each once, so the parse cache's segments load faster."""
    return intern(text) if text is not None else None


def is_safe_url(url: str) -> bool:
    """Only absolute http(s) URLs with a host are published as links."""
    if any(c in url for c in "\n\r\t<>\""):
        return False
    stripped = url.strip()
    # The usual `https://host/...`, told without urlsplit (slow for how often it runs): ASCII and no
    # brackets, so urlsplit could neither fail nor find another host than what follows the `//`.
    if stripped.startswith(("https://", "http://")) and stripped.isascii() and "[" not in stripped and "]" not in stripped:
        host_start = stripped.index("//") + 2
        return len(stripped) > host_start and stripped[host_start] not in "/?#"
    try:
        parts = urlsplit(stripped)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_valid_id(value: str) -> bool:
    return bool(SLUG.match(value)) and len(value) <= MAX_ID_LENGTH


def kind_of_value(value: Any) -> str:
    """How a YAML value reads to an editor: "a list", "a mapping", "true/false", "a number"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return "text" if isinstance(value, str) else type(value).__name__


# The keys of the mappings a top-level key holds (an item of its list, or the mapping itself), by that key.
NESTED_KEYS = {"participants": ("participant", PARTICIPANT_KEYS), "sources": ("source", SOURCE_KEYS),
               "mentions": ("mention", MENTION_KEYS), "related": ("related link", RELATED_KEYS),
               "review": ("review", REVIEW_KEYS)}


def _key_above(mapping: YamlMap, key: Any) -> Any:
    keys = list(mapping)
    position = keys.index(key)
    return keys[position - 1] if position else None


def _nested_key_hint(mapping: YamlMap, key: Any) -> str:
    """For a key of a participant, source, ... standing after that list at its own level (pulled back by its
    indentation): how far to indent it; or an empty string."""
    above = _key_above(mapping, key)
    what, nested = NESTED_KEYS.get(str(above), ("", ()))
    if key not in nested:
        return ""
    value = mapping[above]
    target = value[-1] if isinstance(value, list) and value and isinstance(value[-1], YamlMap) else value
    if not isinstance(target, YamlMap) or not target:
        return ""
    first = next(iter(target))
    line, column = target.key_mark(first)
    where = f"each {what}" if target is not value else f'"{above}"'
    into = f"in the {what} above" if target is not value else f'under "{above}:"'
    return f'; "{key}" is a key of {where}: indent it by {column - 1} spaces, like "{first}" on line {line}, to put it {into}'


def _empty_key_above_hint(mapping: YamlMap, key: Any) -> str:
    """For a key right after an empty `key:` (its own or the last one inside the mapping above): indent it under
    that key; or an empty string."""
    container, name = mapping, _key_above(mapping, key)
    if name is None:
        return ""
    while isinstance(container[name], YamlMap) and container[name]:
        container = container[name]
        name = list(container)[-1]
    if container[name] is not None:
        return ""
    line, column = container.key_mark(name)
    return f'; if it belongs under "{name}:" (line {line}), which is empty, indent it by {column + 1} spaces'


# The event's text fields, where a ` #` in an unquoted value starts a comment the reader does not see.
TEXT_KEYS = ("title", "place", "summary")
ITEM_TEXT_KEYS = {"participants": ("participant", ("name", "title", "role", "country")),
                  "sources": ("source", ("outlet", "headline", "author", "quote")),
                  "mentions": ("mention", ("summary", "quote")), "related": ("related", ("reason",))}
REVIEW_TEXT_KEYS = ("notes", "evidence")


def text_values(data: Any) -> Iterator[tuple[str, str, tuple[int, int]]]:
    """(field label, text, (line, column) of the value) of every text field of a parsed event file."""
    if not isinstance(data, YamlMap):
        return
    for key in TEXT_KEYS:
        if isinstance(data.get(key), str):
            yield key, data[key], data.value_mark(key)
    for key, (what, names) in ITEM_TEXT_KEYS.items():
        items = data.get(key)
        for item in items if isinstance(items, list) else ():
            for name in names if isinstance(item, YamlMap) else ():
                if isinstance(item.get(name), str):
                    yield f"{what} {name}", item[name], item.value_mark(name)
    review = data.get("review")
    for key in REVIEW_TEXT_KEYS if isinstance(review, YamlMap) else ():
        texts = review.get(key)
        for name, text in texts.items() if isinstance(texts, YamlMap) else ():
            if isinstance(text, str):
                yield f"review.{key}.{name}", text, texts.value_mark(name)


class _EventReader:
    """Validates one event mapping, recording problems with their lines."""

    def __init__(self, data: YamlMap, path: str, problems: Problems, kinds: tuple[str, ...], item_marks: bool):
        self.data = data
        self.path = path
        self.problems = problems
        self.kinds = kinds
        self.item_marks = item_marks
        self.marks: dict[str, tuple[int, int]] = {}

    def error(self, container: Any, key: Any, message: str, *, at_value: bool = False) -> None:
        line, col = self._mark(container, key, at_value)
        self.problems.error(self.path, line, message, col)

    def warning(self, container: Any, key: Any, message: str) -> None:
        line, col = self._mark(container, key, False)
        self.problems.warning(self.path, line, message, col)

    @staticmethod
    def _mark(container: Any, key: Any, at_value: bool) -> tuple[int, int]:
        if isinstance(container, YamlMap) and key is not None:
            return container.value_mark(key) if at_value else container.key_mark(key)
        if isinstance(container, YamlList) and isinstance(key, int):
            return container.item_mark(key)
        return mark_of(container)

    def unknown_keys(self, mapping: YamlMap, allowed: tuple[str, ...], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                hint = (_nested_key_hint(mapping, key) or did_you_mean(str(key), set(allowed))
                        or _empty_key_above_hint(mapping, key) or f"; allowed keys: {', '.join(allowed)}")
                self.error(mapping, key, f'unknown key "{key}" in {what}{hint}')

    def text(self, mapping: YamlMap, key: str, *, required: bool = False, what: str = "") -> str | None:
        value = mapping.get(key)
        if value.__class__ is str:  # the common case, ~30 times an event
            text = value.strip()
            if text or not required:
                return text
        label = f"{what}{key}"
        if value is None:
            if required:
                self.error(mapping, key if key in mapping else None, f'"{label}" is required; give it a value')
            return None
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self.error(mapping, key, f'"{label}" must be text, not {kind_of_value(value)}', at_value=True)
            return None
        text = str(value).strip()
        if required and not text:
            self.error(mapping, key, f'"{label}" must not be empty', at_value=True)
            return None
        return text

    def string_list(self, mapping: YamlMap, key: str) -> list[str]:
        value = mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(mapping, key, f'"{key}" must be a list, like [{key}-one, {key}-two]', at_value=True)
            return []
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, (str, int)) or isinstance(item, bool):
                self.error(value, index, f'each item of "{key}" must be text, not {kind_of_value(item)}')
                continue
            if self.item_marks:
                self.marks[f"{key}.{len(items)}"] = value.item_mark(index)
            items.append(intern(str(item)))  # thread ids and field names recur (see _interned)
        return items

    def read(self) -> Event | None:
        data = self.data
        self.unknown_keys(data, EVENT_KEYS, "event")
        for key in REQUIRED_EVENT_KEYS:
            if key not in data:
                self.error(data, None, f'missing "{key}"; every event needs {", ".join(REQUIRED_EVENT_KEYS)}')
        event_id = self.text(data, "id", required="id" in data) or ""
        if event_id and not is_valid_id(event_id):
            self.error(data, "id", f'id "{event_id}" must be a lowercase slug (a-z, 0-9 and single hyphens, '
                       f"at most {MAX_ID_LENGTH} characters)", at_value=True)
        title = self.text(data, "title", required="title" in data) or ""
        status = self.text(data, "status") or DRAFT
        if status not in STATUSES:
            self.error(data, "status", f'status "{status}" must be draft or reviewed{did_you_mean(status, set(STATUSES))}',
                       at_value=True)
        kind = self.text(data, "kind") or ""
        if "kind" in data and kind not in self.kinds:
            self.error(data, "kind", f'unknown kind "{kind}"{did_you_mean(kind, set(self.kinds))}; known kinds: '
                       f"{', '.join(self.kinds)} (add more under `kinds:` in timeline.yaml)", at_value=True)
        date = self._date(status)
        place = self.text(data, "place")
        summary = data.get("summary")
        if summary is not None and not isinstance(summary, str):
            self.error(data, "summary", '"summary" must be text (Markdown)', at_value=True)
            summary = None
        event = Event(
            id=event_id,
            title=title,
            date=date,
            kind=intern(kind),
            status=intern(status) if status in STATUSES else DRAFT,
            place=place or None,
            summary=(summary or "").strip(),
            participants=self._list(data, "participants", self._participant),
            sources=self._list(data, "sources", self._source),
            mentions=self._list(data, "mentions", self._mention),
            threads=self.string_list(data, "threads"),
            related=self._list(data, "related", self._related),
            review=self._review(),
            path=self.path,
            lines={intern(str(k)): data.key_mark(k)[0] for k in data},
        )
        event.marks = self.marks
        return event

    def _date(self, status: str) -> DateSpec | None:
        data = self.data
        if "date" not in data:
            return None
        value = data["date"]
        if value is None:
            if status == REVIEWED:
                self.error(data, "date", "a reviewed event needs a date (YYYY, YYYY-MM or YYYY-MM-DD); "
                           "leave it null only while the status is draft", at_value=True)
            return None
        try:
            return parse_date_spec(value)
        except DateValueError as exc:
            self.error(data, "date", f"date: {exc}", at_value=True)
            return None

    def _list(self, data: YamlMap, key: str, read_item: Any) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(data, key, f'"{key}" must be a list, not {kind_of_value(value)}', at_value=True)
            return []
        items: list[Any] = []
        for index, item in enumerate(value):
            parsed = read_item(value, index, item)
            if parsed is not None:
                if self.item_marks:
                    where = f"{key}.{len(items)}"
                    self.marks[where] = value.item_mark(index)
                    if isinstance(item, YamlMap):
                        for sub in item:
                            self.marks[f"{where}.{sub}"] = item.value_mark(sub)
                items.append(parsed)
        return items

    def _mapping_item(self, container: YamlList, index: int, item: Any, what: str, keys: tuple[str, ...]) -> YamlMap | None:
        if not isinstance(item, YamlMap):
            self.error(container, index, f"each {what} must be a mapping with keys {', '.join(keys)}")
            return None
        self.unknown_keys(item, keys, what)
        return item

    def _participant(self, container: YamlList, index: int, item: Any) -> Participant | None:
        if isinstance(item, str):
            return Participant(name=item.strip())
        mapping = self._mapping_item(container, index, item, "participant", PARTICIPANT_KEYS)
        if mapping is None:
            return None
        name = self.text(mapping, "name", required=True, what="participant ")
        if not name:
            return None
        return Participant(
            name=name,
            title=_interned(self.text(mapping, "title")),
            role=_interned(self.text(mapping, "role")),
            country=_interned(self.text(mapping, "country")),
            person=self.text(mapping, "person"),
        )

    def _source(self, container: YamlList, index: int, item: Any) -> Source | None:
        mapping = self._mapping_item(container, index, item, "source", SOURCE_KEYS)
        if mapping is None:
            return None
        url = self.text(mapping, "url")
        gave_url = bool(url)
        if url and not is_safe_url(url):
            self.error(mapping, "url", f'source url "{url}" must be an http:// or https:// address', at_value=True)
            url = None
        published = None
        if mapping.get("published") is not None:
            try:
                published = parse_partial_date(mapping["published"])
            except DateValueError as exc:
                self.error(mapping, "published", f"published: {exc}", at_value=True)
        article = self.text(mapping, "article")
        if article is None and not gave_url:
            self.error(container, index, "a source needs an article (a file under content/articles/) or a url")
        return Source(
            article=article,
            outlet=_interned(self.text(mapping, "outlet")),
            url=url,
            published=published,
            headline=self.text(mapping, "headline"),
            author=self.text(mapping, "author"),
            quote=self.text(mapping, "quote"),
            joined=self.text(mapping, "joined"),
            claims=self._claims(mapping),
        )

    def _claims(self, source: YamlMap) -> Claims | None:
        value = source.get("claims")
        if value is None:
            return None
        if not isinstance(value, YamlMap):
            self.error(source, "claims", '"claims" must be a mapping like {date: 2021-08-10, place: Islamabad}',
                       at_value=True)
            return None
        self.unknown_keys(value, CLAIM_KEYS, "claims")
        date = None
        if value.get("date") is not None:
            try:
                date = parse_date_spec(value["date"])
            except DateValueError as exc:
                self.error(value, "date", f"claims date: {exc}", at_value=True)
        return Claims(date=date, place=self.text(value, "place"))

    def _mention(self, container: YamlList, index: int, item: Any) -> Mention | None:
        mapping = self._mapping_item(container, index, item, "mention", MENTION_KEYS)
        if mapping is None:
            return None
        summary = self.text(mapping, "summary", required=True, what="mention ")
        date = None
        if mapping.get("date") is not None:
            try:
                date = parse_date_spec(mapping["date"])
            except DateValueError as exc:
                self.error(mapping, "date", f"mention date: {exc}", at_value=True)
        event = self.text(mapping, "event")
        if event and not is_valid_id(event):
            self.error(mapping, "event", f'mention event "{event}" is not a valid event id', at_value=True)
            event = None
        checked = mapping.get("checked")
        if checked is not None and not isinstance(checked, bool):
            self.error(mapping, "checked", 'mention "checked" must be true or false', at_value=True)
        return Mention(summary=summary or "", date=date, event=event, quote=self.text(mapping, "quote"),
                       article=self.text(mapping, "article"), checked=checked is True,
                       line=container.item_mark(index)[0])

    def _related(self, container: YamlList, index: int, item: Any) -> Related | None:
        if isinstance(item, str):
            return Related(id=item.strip())
        mapping = self._mapping_item(container, index, item, "related link", RELATED_KEYS)
        if mapping is None:
            return None
        related_id = self.text(mapping, "id", required=True, what="related ")
        return Related(id=related_id, reason=self.text(mapping, "reason")) if related_id else None

    def _review(self) -> Review:
        value = self.data.get("review")
        if value is None:
            return Review()
        if not isinstance(value, YamlMap):
            self.error(self.data, "review", f'"review" must be a mapping with needs, notes, evidence, '
                       f"not {kind_of_value(value)}", at_value=True)
            return Review()
        self.unknown_keys(value, REVIEW_KEYS, "review")
        needs = self.string_list(value, "needs")
        for field_name in needs:
            if field_name.split(".")[0] not in EVENT_KEYS:
                self.warning(value, "needs", f'review.needs names "{field_name}", which is not an event field'
                             f"{did_you_mean(field_name, set(EVENT_KEYS))}")
        checked = self.string_list(value, "checked")
        for name in checked:
            if name not in CHECKABLE:
                self.warning(value, "checked", f'review.checked names "{name}"{did_you_mean(name, set(CHECKABLE))}; '
                             f"it takes {', '.join(CHECKABLE)}: what `timeline review` stops listing once checked")
        return Review(
            needs=needs,
            notes=self._text_map(value, "notes"),
            evidence=self._text_map(value, "evidence"),
            confidence=self._number_map(value, "confidence"),
            duplicates=self.string_list(value, "duplicates"),
            checked=checked,
        )

    def _text_map(self, review: YamlMap, key: str) -> dict[str, str]:
        value = review.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(review, key, f'review.{key} must map field names to text', at_value=True)
            return {}
        result = {}
        for name, text in value.items():
            if isinstance(text, list):
                text = " / ".join(str(t) for t in text)
            result[str(name)] = "" if text is None else str(text)
        return result

    def _number_map(self, review: YamlMap, key: str) -> dict[str, float]:
        value = review.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(review, key, f'review.{key} must map field names to numbers between 0 and 1', at_value=True)
            return {}
        result = {}
        for name, number in value.items():
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not 0 <= number <= 1:
                self.error(value, name, f'review.{key}.{name} must be a number between 0 and 1', at_value=True)
                continue
            result[str(name)] = float(number)
        return result


def parse_event(data: Any, path: str, problems: Problems, kinds: tuple[str, ...] = DEFAULT_KINDS, *,
                item_marks: bool = True) -> Event | None:
    """Validate the mapping read from an event file; problems go to `problems`, None if unusable.

    `item_marks=False` leaves `Event.marks` empty (loading reads them again only for a cross-file problem).
    """
    if not isinstance(data, YamlMap):
        what = "empty" if data is None else kind_of_value(data)
        problems.error(path, 1, f"an event file must be a YAML mapping (id: ..., title: ...), but this one is {what}")
        return None
    return _EventReader(data, path, problems, kinds, item_marks).read()
