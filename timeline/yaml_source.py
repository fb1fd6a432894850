"""Reading YAML content files safely, keeping the line and column of every key and item.

Editors write these files by hand, so a mistake must be reported at its line. PyYAML's composer gives
nodes with marks; we build plain Python values from them ourselves so that duplicate keys, alias bombs,
absurd nesting and oversized files are refused with a message instead of a hang or a traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

try:  # libyaml's parser is several times faster; the pure-Python one gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000  # far above any real event file, far below what an alias bomb expands to
MAX_DEPTH = 64

Mark = tuple[int, int]  # 1-based line and column


class YamlMap(dict):
    """A mapping that remembers where each key stood in its file."""

    def __init__(self, mark: Mark):
        super().__init__()
        self.mark = mark
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}

    def key_mark(self, key: Any) -> Mark:
        return self.key_marks.get(key, self.mark)

    def value_mark(self, key: Any) -> Mark:
        return self.value_marks.get(key, self.key_mark(key))


class YamlList(list):
    """A sequence that remembers where each item stood in its file."""

    def __init__(self, mark: Mark):
        super().__init__()
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
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            result = YamlList(_node_mark(node))
            for item in node.value:
                result.item_marks.append(_node_mark(item))
                result.append(self.build(item, depth + 1))
            return result
        return self._scalar(node)

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
                raise ContentError.at(
                    self.path, line, f'duplicate key "{key}" (first defined on line {first}); keep one of them', col
                )
            result.key_marks[key] = (line, col)
            result.value_marks[key] = _node_mark(value_node)
            result[key] = self.build(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, f"cannot read this value: {exc}", col) from None
        if isinstance(value, (bytes, bytearray, set)):
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, "binary and set values are not supported here; write plain text", col)
        if isinstance(value, float) and value != value:  # NaN never means anything in content
            line, col = _node_mark(node)
            raise ContentError.at(self.path, line, "NaN is not a valid value here", col)
        return value


def decode_yaml_bytes(raw: bytes, path: str) -> str:
    """UTF-8 text of a YAML file, or an error naming the line of the first undecodable byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError.at(
            path, line, f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8", column
        ) from None


def parse_yaml(text: str, path: str = "<string>") -> Any:
    """Parse one YAML document from text into YamlMap / YamlList / scalars, or raise ContentError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        hint = ""
        if "\t" in problem or "'\\t'" in problem:
            hint = "; indent with spaces, not tabs"
        elif "mapping values are not allowed" in problem:
            hint = '; put quotes around a value that contains ": "'
        context = f" {exc.context}" if exc.context else ""
        raise ContentError.at(path, line, f"invalid YAML: {problem}{context}{hint}", column) from None
    except yaml.YAMLError as exc:
        raise ContentError.at(path, None, f"invalid YAML: {exc}") from None
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
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError.at(
                shown, None, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a content file; split it"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError.at(shown, None, f"cannot read file: {exc.strerror or exc}") from None
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
