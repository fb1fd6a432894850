"""Reading YAML content files safely, keeping the line and column of every key and item.

Editors write these files by hand, so a mistake must be reported at its line. PyYAML's composer gives
nodes with marks; we build plain Python values from them ourselves so that duplicate keys, alias bombs,
absurd nesting and oversized files are refused with a message instead of a hang or a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError
from .yaml_mistakes import INDENTATION_PROBLEMS, indentation_mistake

try:  # libyaml's parser is several times faster; the pure-Python one gives the same nodes.
    from yaml import CSafeLoader as _Loader
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventParser  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000  # far above any real event file, far below what an alias bomb expands to
MAX_DEPTH = 64
MAX_SCALAR_CHARS = 100_000  # a whole article is smaller; a longer value is a mistake or an attack

_CORE = "tag:yaml.org,2002:"
# Plain data only: `!!python/...`, `!!set`, `!!omap`, `!!binary` and local `!tags` are refused, not guessed at.
ALLOWED_TAGS = frozenset(_CORE + name for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map"))
# What the YAML 1.1 spec lets a stream hold; anything else (NUL, other C0 controls, lone surrogates) is refused
# with its line before the parser sees it, because the parser reports it without one.
_FORBIDDEN_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Mark = tuple[int, int]  # 1-based line and column


class YamlMap(dict):
    """A mapping that remembers where each key stood in its file."""

    def __init__(self, mark: Mark):  # empty already: dict.__init__ has nothing to do
        self.mark = mark
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}

    def key_mark(self, key: Any) -> Mark:
        return self.key_marks.get(key, self.mark)

    def value_mark(self, key: Any) -> Mark:
        return self.value_marks.get(key, self.key_mark(key))


class YamlList(list):
    """A sequence that remembers where each item stood in its file."""

    def __init__(self, mark: Mark):  # empty already: list.__init__ has nothing to do
        self.mark = mark
        self.item_marks: list[Mark] = []

    def item_mark(self, index: int) -> Mark:
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


def mark_of(value: Any, default: Mark = (1, 1)) -> Mark:
    """Where a mapping or sequence began, for values that carry a mark."""
    return getattr(value, "mark", default)


def _node_mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into YamlMap / YamlList / scalars, with limits."""

    def __init__(self, path: str):
        self.path = path
        self.nodes = 0
        self.open: set[int] = set()  # collections being built right now, to catch an alias to its own parent
        self.constructor = _Loader("")  # only its scalar constructors are used

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            line, col = _node_mark(node)
            raise ContentError.at(
                self.path, line, f"the document expands to more than {MAX_NODES:,} values (an alias bomb?); "
                "write the values out instead of using anchors and aliases", col
            )
        if depth > MAX_DEPTH:
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, f"nesting deeper than {MAX_DEPTH} levels; flatten this value", col)
        if isinstance(node, yaml.ScalarNode) and node.tag in (_CORE + "value", _CORE + "merge"):
            return node.value  # a plain `=` or `<<` as a value is just text (a `<<` key is refused in _mapping)
        if node.tag not in ALLOWED_TAGS:
            line, col = _node_mark(node)
            tag = node.tag.replace(_CORE, "!!")
            raise ContentError.at(self.path, line, f'the tag "{tag}" is not allowed; content files hold only text, '
                                  "numbers, true/false, null, lists and mappings", col)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self.open:
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, "an alias here refers to a value that contains it (a loop); "
                                  "write the values out", col)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, depth)
            result = YamlList(_node_mark(node))
            for item in node.value:
                result.item_marks.append(_node_mark(item))
                result.append(self.build(item, depth + 1))
            return result
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, depth: int) -> YamlMap:
        result = YamlMap(_node_mark(node))
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _node_mark(key_node)
                raise ContentError.at(self.path, line, "merge keys (<<) are not supported; write the keys out", col)
            key = self.build(key_node, depth + 1)
            line, col = _node_mark(key_node)
            if isinstance(key, (dict, list)):
                raise ContentError.at(self.path, line, "a key must be a plain value, not a mapping or list", col)
            if key in result:
                first = result.key_marks[key][0]
                raise ContentError.at(self.path, line, f'duplicate key "{key}" (first defined on line {first}); keep '
                                      f"one of them{_empty_key_above(node, key_node)}", col)
            result.key_marks[key] = (line, col)
            result.value_marks[key] = _node_mark(value_node)
            result[key] = self.build(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if len(node.value) > MAX_SCALAR_CHARS:
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, f"this value is {len(node.value):,} characters long, over the "
                                  f"{MAX_SCALAR_CHARS:,}-character limit; shorten it", col)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            if node.tag == _CORE + "timestamp":
                # `2021-02-30` looks like a date but is none: keep the text so the field's own check can say
                # which day does not exist, instead of failing the whole file here.
                return node.value
            line, col = _node_mark(node)
            reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
            if node.tag == _CORE + "int":
                reason = "the number has too many digits; put quotes around it if it is text"
            raise ContentError.at(self.path, line, f"cannot read this value: {reason}", col) from None
        if isinstance(value, (bytes, bytearray, set)):
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, "binary and set values are not supported here; write plain text", col)
        if isinstance(value, float) and value != value:  # NaN never means anything in content
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, "NaN is not a valid value here", col)
        return value


def _empty_key_above(mapping: yaml.MappingNode, key_node: yaml.Node) -> str:
    """`, or ...` for a key that may belong under an empty `key:` just above it, pulled back by its indentation."""
    pairs = mapping.value[: [k for k, _ in mapping.value].index(key_node)]
    while pairs:
        name, value = pairs[-1]
        if isinstance(value, yaml.MappingNode):
            pairs = value.value
            continue
        if isinstance(value, yaml.ScalarNode) and value.tag == _CORE + "null" and value.value == "":
            line, column = _node_mark(name)
            return f', or if it belongs under "{name.value}:" (line {line}), which is empty, indent it by {column + 1} spaces'
        break
    return ""


def decode_yaml_bytes(raw: bytes, path: str) -> str:
    """UTF-8 text of a YAML file, or an error naming the line of the first undecodable byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError.at(path, 1, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError.at(
            path, line, f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8", column
        ) from None


def _yaml_error(exc: yaml.YAMLError, path: str, text: str) -> ContentError:
    """Our message for a PyYAML error: the line and column, what is wrong, and a hint what to do."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return ContentError.at(path, None, f"invalid YAML: {str(exc).splitlines()[0]}")
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    in_flow = "flow" in (exc.context or "")
    if mark is not None and not in_flow and problem.startswith(INDENTATION_PROBLEMS):
        # A line with no `:` is reported at the line after it; the key PyYAML was reading began on it.
        started = exc.context_mark if problem.startswith("could not find expected ':'") and exc.context_mark else mark
        wrong = indentation_mistake(text, started.line + 1)
        if wrong is not None:
            return ContentError.at(path, wrong[0], f"invalid YAML: {wrong[2]}", wrong[1])
    context = f" {exc.context}" if exc.context else ""
    if problem.startswith("but ") and exc.context:  # "expected a single document ... but found another document"
        problem, context = exc.context, f" {problem}"
    elif exc.context and "duplicate anchor" in exc.context:  # PyYAML words it "second occurrence" / "found ..."
        first = exc.context_mark
        problem = "the same anchor (&name) is defined twice"
        context = f" (first on line {first.line + 1})" if first is not None else ""
    started = exc.context_mark
    # Point back at where an unclosed quote or bracket began; other contexts (a document, a plain scalar)
    # only add noise.
    started = started if exc.context and ("flow" in exc.context or "quoted" in exc.context) else None
    if started is not None and mark is not None and started.line != mark.line:
        if problem == "found unexpected end of stream":
            # The end of the file is not where the mistake is; where the unclosed value began is.
            mark = started
            context += " that starts here and is never closed"
        else:
            context += f" that starts at line {started.line + 1}, column {started.column + 1}"
    hint = ""
    if "tab" in problem:
        hint = "; indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = '; put quotes around a value that contains ": "'
    elif "quoted scalar" in context and "end of stream" in problem:
        hint = "; add the closing quote"
    elif "maximum nesting depth" in problem:
        hint = f"; flatten it (at most {MAX_DEPTH} levels)"
    elif "undefined alias" in problem:
        hint = "; define the anchor (&name) before the alias (*name) that uses it"
    elif "duplicate anchor" in problem or "defined twice" in problem:
        hint = "; give each anchor its own name"
    elif "single document" in problem:
        hint = "; a content file holds one document: remove the `---` line"
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return ContentError.at(path, line, f"invalid YAML: {problem}{context}{hint}", column)


def _check_characters(text: str, path: str) -> None:
    match = _FORBIDDEN_CHAR.search(text)
    if match is None:
        return
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    code = ord(match.group())
    what = "a NUL byte (is this a binary file?)" if code == 0 else f"the character U+{code:04X}"
    if 0xD800 <= code <= 0xDFFF:
        what = f"a lone surrogate U+{code:04X}"
    raise ContentError.at(path, line, f"{what} cannot appear in a YAML file; remove it", column)


def _check_shape(text: str, path: str) -> None:
    """Count values (aliases by the size of what they repeat) and depth from the parser's events, before
    composing: a file of a million tiny values, an alias bomb or nesting ten thousand deep is refused at the
    cost of a scan, at the line where it crosses the limit, instead of being built first."""
    expanded = depth = 0
    sizes: dict[str, int] = {}  # anchor -> how many values it stands for
    open_sizes: list[int] = [0]  # values inside each collection still open
    open_anchors: list[str | None] = [None]
    for event in yaml.parse(text, Loader=_Loader):
        added = 0
        if isinstance(event, yaml.ScalarEvent):
            added = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            added = sizes.get(event.anchor, 1)  # an alias to a collection still open is a loop: the builder says so
            if expanded + added > MAX_NODES:
                mark = event.start_mark
                raise ContentError.at(path, mark.line + 1, f"this alias makes the document expand to more than "
                                      f"{MAX_NODES:,} values (an alias bomb?); write the values out instead of "
                                      "using anchors and aliases", mark.column + 1)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise ContentError.at(path, mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels; flatten this value",
                                      mark.column + 1)
            expanded += 1
            open_sizes.append(1)
            open_anchors.append(event.anchor)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            size, anchor = open_sizes.pop(), open_anchors.pop()
            open_sizes[-1] += size
            if anchor:
                sizes[anchor] = size
        if added:
            expanded += added
            open_sizes[-1] += added
        if expanded > MAX_NODES:
            mark = event.start_mark
            raise ContentError.at(path, mark.line + 1, f"the file holds more than {MAX_NODES:,} values; "
                                  "split it into smaller files", mark.column + 1)


class _NotSimple(Exception):
    """The document holds something only the general path reads (or refuses) exactly; read it that way."""


_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP = (_CORE + name for name in ("str", "null", "bool", "int", "float", "timestamp"))
# PyYAML's own implicit resolvers, by first character (plus any for every character), so that a plain scalar
# gets exactly the tag the general path's resolver would give it.
_WILDCARD_RESOLVERS = tuple(_Loader.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS = {first: tuple(resolvers) + _WILDCARD_RESOLVERS
              for first, resolvers in _Loader.yaml_implicit_resolvers.items() if first is not None}
_BOOL_VALUES = _Loader.bool_values
_SCALAR_CONSTRUCTORS = _Loader.yaml_constructors
_GENERAL_CONSTRUCTOR = _Loader("")  # its scalar constructors keep no state when called directly
# Far enough under the limits that a document the fast path accepts can never cross them in the general path.
_SIMPLE_MAX_NODES = MAX_NODES // 2
_SIMPLE_MAX_DEPTH = MAX_DEPTH // 2
# First characters of the plain scalars that some resolver may turn into something other than text.
_MAY_RESOLVE = frozenset(_RESOLVERS) | {""}


def _implicit_tag(value: str) -> str:
    for tag, pattern in _RESOLVERS.get(value[0] if value else "", _WILDCARD_RESOLVERS):
        if pattern.match(value):
            return tag
    return _STR


def _plain_scalar(value: str, event: yaml.ScalarEvent) -> Any:
    """The value of an untagged plain scalar, as resolving and constructing it in the general path gives.

    Every value is a new object, as in the general path: the parse cache's digests pickle these values, and
    sharing equal ones between files or paths would make equal values pickle differently.
    """
    tag = _implicit_tag(value)
    if tag == _STR:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _BOOL_VALUES[value.lower()]
    if tag == _INT and value.isdigit() and value[0] != "0" and len(value) < 1000:
        return int(value)  # plain decimal: construct_yaml_int's last case, without its prefix and sign checks
    if tag == _TIMESTAMP and len(value) == 10:  # YYYY-MM-DD: the resolver's only ten-character form
        try:
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return value  # `2021-02-30`: kept as text, as _Builder._scalar does
    if tag not in (_INT, _FLOAT, _TIMESTAMP):
        raise _NotSimple  # `=`, `<<` and `*`-like plain scalars: the general path says what they are
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        result = _SCALAR_CONSTRUCTORS[tag](_GENERAL_CONSTRUCTOR, node)
    except (yaml.YAMLError, ValueError):
        if tag == _TIMESTAMP:
            return value
        raise _NotSimple from None
    if isinstance(result, float) and result != result:
        raise _NotSimple  # NaN: refused with its line by the general path
    return result


def _build_simple(text: str) -> Any:
    """Build the value of a plain-data document in one pass over libyaml's events, or raise _NotSimple.

    Most content files hold no anchors, aliases, tags, merge keys, duplicate keys or oversized values, and
    composing nodes, checking the shape and constructing each scalar through PyYAML's constructor objects
    cost three times this pass. Whatever is not plain data, and every error, leaves this path: the general
    one (`_parse_general`) then reads the file and words its problem exactly as before.
    """
    if _WILDCARD_RESOLVERS:
        raise _NotSimple  # resolvers for every first character: the shortcut below would skip them
    parser = _EventParser(text)
    try:
        return _build_events(parser.get_event)
    except yaml.YAMLError:
        raise _NotSimple from None
    finally:
        parser.dispose()


def _build_events(next_event: Callable[[], Any]) -> Any:
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    may_resolve = _MAY_RESOLVE
    nodes = 0  # values in the collections closed so far

    def value_of(event: Any, mark: Mark, depth: int) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise _NotSimple
        kind = event.__class__
        if kind is scalar_event:
            value = event.value
            if len(value) > MAX_SCALAR_CHARS:
                raise _NotSimple
            # Most plain scalars start with a character no resolver looks at: text, without a call.
            return _plain_scalar(value, event) if event.implicit[0] and value[:1] in may_resolve else value
        if depth >= _SIMPLE_MAX_DEPTH:
            raise _NotSimple
        if kind is mapping_start:
            return mapping(mark, depth + 1)
        if kind is sequence_start:
            return sequence(mark, depth + 1)
        raise _NotSimple  # an alias

    def mapping(mark: Mark, depth: int) -> YamlMap:
        nonlocal nodes
        result = YamlMap(mark)
        key_marks, value_marks = result.key_marks, result.value_marks
        while True:
            event = next_event()
            if event.__class__ is not scalar_event:
                if event.__class__ is not mapping_end:
                    raise _NotSimple  # a mapping or list as a key, or an alias
                nodes += 2 * len(result)
                if nodes > _SIMPLE_MAX_NODES:
                    raise _NotSimple
                return result
            start = event.start_mark
            key_mark = (start.line + 1, start.column + 1)
            key = value_of(event, key_mark, depth)
            if key in result or len(result) > _SIMPLE_MAX_NODES:
                raise _NotSimple  # a duplicate key: the general path says where
            event = next_event()
            start = event.start_mark
            value_mark = (start.line + 1, start.column + 1)
            key_marks[key] = key_mark
            value_marks[key] = value_mark
            result[key] = value_of(event, value_mark, depth)

    def sequence(mark: Mark, depth: int) -> YamlList:
        nonlocal nodes
        result = YamlList(mark)
        item_marks = result.item_marks
        while True:
            event = next_event()
            if event.__class__ is sequence_end:
                nodes += len(result)
                if nodes > _SIMPLE_MAX_NODES:
                    raise _NotSimple
                return result
            if len(result) > _SIMPLE_MAX_NODES:
                raise _NotSimple
            start = event.start_mark
            item_mark = (start.line + 1, start.column + 1)
            item_marks.append(item_mark)
            result.append(value_of(event, item_mark, depth))

    next_event()  # the stream's start
    if next_event().__class__ is yaml.StreamEndEvent:
        return None
    event = next_event()
    start = event.start_mark
    root = value_of(event, (start.line + 1, start.column + 1), 0)
    next_event()  # the document's end
    if next_event().__class__ is not yaml.StreamEndEvent:
        raise _NotSimple  # a second document
    return root


def parse_yaml(text: str, path: str = "<string>") -> Any:
    """Parse one YAML document from text into YamlMap / YamlList / scalars, or raise ContentError."""
    _check_characters(text, path)
    try:
        return _build_simple(text)
    except _NotSimple:
        return _parse_general(text, path)


def _parse_general(text: str, path: str) -> Any:
    """`parse_yaml` for any document: every limit checked and every problem worded, at its line."""
    try:
        _check_shape(text, path)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path, text) from None
    except RecursionError:
        raise ContentError.at(path, None, f"nesting is too deep to read; flatten it (at most {MAX_DEPTH} levels)") from None
    if node is None:
        return None
    try:
        return _Builder(path).build(node)
    except RecursionError:
        raise ContentError.at(path, None, f"nesting is too deep to read; flatten it (at most {MAX_DEPTH} levels)") from None

def read_yaml(path: Path, display_path: str | None = None) -> Any:
    """Read and parse a YAML file; errors name `display_path` (the path relative to the project)."""
    shown = display_path or str(path)
    return parse_yaml_source(read_source(path, shown), shown)


def read_source(path: Path | str, shown: str) -> bytes:
    """A content file's bytes, or a ContentError naming `shown` when it cannot be read or is over the size limit."""
    try:
        # One descriptor for the size check and the reads, without a file object: that asks the system three
        # more questions per file, and a cold load reads 10,000 files.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            size = os.fstat(fd).st_size
            if size > MAX_FILE_BYTES:
                raise ContentError.at(
                    shown, None, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a content file; split it"
                )
            parts = []
            while part := os.read(fd, size + 1 if not parts else 1 << 16):
                parts.append(part)
            return b"".join(parts)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ContentError.at(shown, None, f"cannot read file: {exc.strerror or exc}") from None


def parse_yaml_source(raw: bytes, shown: str) -> Any:
    """`parse_yaml` for a file's bytes (see `read_source`)."""
    return parse_yaml(decode_yaml_bytes(raw, shown), shown)


def plain(value: Any) -> Any:
    """The same data as ordinary dicts, lists and scalars (for JSON or for comparison)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
