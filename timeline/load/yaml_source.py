"""Reading YAML content files safely, keeping the line and column of every key and item.

Editors write these files by hand, so a mistake must be reported at its line. PyYAML's composer gives
nodes with marks; we build plain Python values from them ourselves so that duplicate keys, alias bombs,
absurd nesting and oversized files are refused with a message instead of a hang or a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError
from .yaml_mistakes import INDENTATION_PROBLEMS, indentation_mistake

try:  # libyaml's loader is several times faster; the pure-Python one gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
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


_STR, _SEQ, _MAP, _TIMESTAMP = (_CORE + name for name in ("str", "seq", "map", "timestamp"))
# Far enough under the limits that a document the fast path accepts can never cross them in the general path.
_SIMPLE_MAX_NODES = MAX_NODES // 2
_SIMPLE_MAX_DEPTH = MAX_DEPTH // 2
# Bigger files than this (real ones are a few KB) go straight to the general path, which checks their shape
# before composing them.
_SIMPLE_MAX_CHARS = 256 * 1024


def _build_simple(text: str) -> Any:
    """Build the value of a plain-data document from the nodes PyYAML composes, or raise _NotSimple.

    Most content files hold no anchors, aliases, tags, merge keys, duplicate keys or oversized values; for them
    the general path's separate shape check and per-value constructor calls are most of the cost. Whatever is not
    plain data, and every error, leaves this path: the general one (`_parse_general`) then reads the file and
    words its problem exactly.
    """
    if len(text) > _SIMPLE_MAX_CHARS:
        raise _NotSimple
    try:
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        raise _NotSimple from None
    return None if node is None else _SimpleBuilder().value(node, _node_mark(node), 0)


class _SimpleBuilder:
    """One document's nodes to YamlMap / YamlList / scalars; anything unusual raises _NotSimple."""

    def __init__(self) -> None:
        self.seen: set[int] = set()  # a node met twice is an alias
        self.constructor: Any = None  # made for the first scalar that is not text

    def value(self, node: yaml.Node, mark: Mark, depth: int) -> Any:
        seen = self.seen
        if id(node) in seen or len(seen) >= _SIMPLE_MAX_NODES or depth > _SIMPLE_MAX_DEPTH:
            raise _NotSimple
        seen.add(id(node))
        tag = node.tag
        if tag == _STR:
            if len(node.value) > MAX_SCALAR_CHARS:
                raise _NotSimple
            return node.value
        if tag == _MAP:
            result = YamlMap(mark)
            key_marks, value_marks = result.key_marks, result.value_marks
            for key_node, value_node in node.value:
                key_mark = _node_mark(key_node)
                key = self.value(key_node, key_mark, depth + 1)
                if isinstance(key, (dict, list)) or key in result:
                    raise _NotSimple  # a mapping or list as a key, or a duplicate key: the general path says where
                value_mark = _node_mark(value_node)
                key_marks[key] = key_mark
                value_marks[key] = value_mark
                result[key] = self.value(value_node, value_mark, depth + 1)
            return result
        if tag == _SEQ:
            result = YamlList(mark)
            item_marks = result.item_marks
            for item in node.value:
                item_mark = _node_mark(item)
                item_marks.append(item_mark)
                result.append(self.value(item, item_mark, depth + 1))
            return result
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag not in ALLOWED_TAGS or len(node.value) > MAX_SCALAR_CHARS:
            raise _NotSimple  # `=`, `<<` and local tags: the general path says what they are
        if self.constructor is None:
            self.constructor = _Loader("")  # only its scalar constructors are used, as in _Builder
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError):
            if node.tag == _TIMESTAMP:
                return node.value  # `2021-02-30`: kept as text, as _Builder._scalar does
            raise _NotSimple from None
        if isinstance(value, float) and value != value:
            raise _NotSimple  # NaN: refused with its line by the general path
        return value


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
        # more questions per file, and a cold load reads every event file.
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
