"""The exports' JSON text: deterministic, sorted keys, `<`, `>` and `&` escaped, indented or compact.

Python's `json` has a C encoder only for output without indentation; with `indent=1` every value goes
through the pure-Python encoder, which made data/timeline.json the slowest export on a big site.
`indented_json` gives exactly the bytes of `json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)`
while handing every container without nested non-empty containers (most of them: a date, a participant,
a list of ids) to the C encoder, whose separators can carry that container's indentation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

# Values a C-encoded container may hold: the C encoder writes these the way the Python encoder does.
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_CONTAINER_TYPES = frozenset({dict, list, tuple})
_FLAT_CANDIDATE_TYPES = _SCALAR_TYPES | _CONTAINER_TYPES
_STR_TYPE = frozenset({str})
_DICT_TYPE = {dict}
_KEY_TEXT: dict[str, str] = {}  # '"key": ' by key: the same few dozen field names come back all the time
_KEY_TEXT_LIMIT = 4096

def json_bytes(data: Any, *, compact: bool = False) -> bytes:
    """Deterministic UTF-8 JSON (sorted keys) with `<`, `>` and `&` as \\u escapes.

    The values are unchanged for any JSON reader, but no export ever holds a raw `<script>` or
    `</script>`, so a file pasted into an HTML page or sniffed as HTML by a browser stays inert.
    """
    text = compact_json(data) if compact else indented_json(data)
    return (escape_markup(text) + "\n").encode("utf-8")


def escape_markup(text: str) -> str:
    """JSON text with `<`, `>` and `&` (which only strings can hold) written as \\u escapes."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def compact_json(data: Any) -> str:
    """`data` without whitespace, keys sorted, non-ASCII kept (the C encoder)."""
    if c_make_encoder is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return "".join(_compact_encoder()(data, 0))


def json_item_bytes(item: Any) -> bytes:
    """`item` as `json_bytes` writes it inside a top-level object's list (two spaces in), without a newline."""
    return escape_markup(indented_json(item, level=2)).encode("utf-8")


def compact_item_bytes(item: Any) -> bytes:
    """`item` as `json_bytes(..., compact=True)` writes it anywhere in a document."""
    return escape_markup(compact_json(item)).encode("utf-8")


@dataclass(frozen=True)
class Slotted:
    """A JSON document with some of its top-level values left as slots, filled with text encoded elsewhere."""

    document: bytes
    markers: dict[str, bytes]  # key -> the slot's text in `document`

    def fill(self, values: dict[str, bytes | memoryview]) -> bytes:
        """The document with each slot replaced by the value's text (`top_level_list`, `top_level_value`)."""
        spots = sorted((self.document.index(marker), key, marker) for key, marker in self.markers.items())
        pieces: list[bytes | memoryview] = []
        position = 0
        for start, key, marker in spots:
            pieces += (self.document[position:start], values[key])
            position = start + len(marker)
        pieces.append(self.document[position:])
        return b"".join(pieces)


def json_with_slots(data: dict[str, Any], keys: Sequence[str], *, compact: bool = False) -> Slotted:
    """`json_bytes({**data, key: ...})` with a slot for each of `keys`, to be filled by `Slotted.fill`.

    Filling them with the values' text gives the bytes of encoding the whole document at once; encoding the big
    values on their own lets them be kept between builds (memo.py).
    """
    for attempt in count():
        # A slot is a string no other value of the document holds (content could hold NULs), so it is found once.
        slots = {key: f"\x00slot {attempt} {key}\x00" for key in keys}
        document = json_bytes({**data, **slots}, compact=compact)
        markers = {key: json_bytes(slot, compact=compact)[:-1] for key, slot in slots.items()}
        if all(document.count(marker) == 1 for marker in markers.values()):
            return Slotted(document, markers)
    raise AssertionError("unreachable")


def top_level_list(items: Sequence[bytes | memoryview], *, compact: bool = False) -> bytes:
    """The text of a list that is a value of the document's top-level object, from its items' text
    (`json_item_bytes`, or `compact_item_bytes` when `compact`)."""
    if compact:
        return b"[" + b",".join(items) + b"]"
    return b"[\n  " + b",\n  ".join(items) + b"\n ]" if items else b"[]"


def top_level_value(value: Any, *, compact: bool = False) -> bytes:
    """The text of a value of the document's top-level object, as `json_bytes` writes it there."""
    return compact_item_bytes(value) if compact else escape_markup(indented_json(value, level=1)).encode("utf-8")


def indented_json(data: Any, level: int = 0) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)` as if written `level` deep.

    Byte for byte the standard library's text (its line breaks and one space per level), including for
    a dict with keys that are not strings, which is left to the standard library.
    """
    if c_make_encoder is None:  # a Python without the C encoder (e.g. PyPy): the reference is all there is
        return _reference_indented(data, level)
    try:
        return _value(data, level)
    except _NotPlain:
        return _reference_indented(data, level)


def _reference_indented(data: Any, level: int) -> str:
    """The standard library's indented text, moved `level` deep (strings never hold a raw line break)."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("\n", "\n" + " " * level) if level else text


class _NotPlain(Exception):
    """A dict key that is not a str: `json` converts those, and the standard library is the reference."""


class _ByLevel(dict[int, Any]):
    """A value for each indentation level, made on first use."""

    def __init__(self, make: Callable[[int], Any]):
        super().__init__()
        self.make = make

    def __missing__(self, level: int) -> Any:
        value = self[level] = self.make(level)
        return value


# A line break and the indentation `level` deep.
_BREAKS = _ByLevel(lambda level: "\n" + " " * level)
# The C encoder for a container `level` deep whose values are scalars or empty containers. It writes
# `[a,\n<indent>b]`: the item separator carries the line break and the items' indentation; `_dict` and `_list`
# add the break after the opening bracket and before the closing one.
_FLAT_ENCODERS = _ByLevel(lambda level: c_make_encoder(None, _not_serializable, encode_basestring, None, ": ",
                                                       ",\n" + " " * (level + 1), True, False, True))


@lru_cache(maxsize=1)
def _compact_encoder() -> Any:
    """The C encoder as `json.dumps(separators=(",", ":"), sort_keys=True, ensure_ascii=False)` sets it up."""
    return c_make_encoder(None, _not_serializable, encode_basestring, None, ":", ",", True, False, True)


def _not_serializable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _is_flat(values: Any, kinds: set[type]) -> bool:
    """Whether no value is a non-empty container (so the C encoder's layout is the indented one).

    `kinds` are the values' exact types: subclasses and other types take the careful path.
    """
    if kinds <= _SCALAR_TYPES:
        return True
    if not kinds <= _FLAT_CANDIDATE_TYPES:
        return False
    for value in values:
        if value and type(value) in _CONTAINER_TYPES:
            return False
    return True


def _key_text(key: str) -> str:
    text = _KEY_TEXT.get(key)
    if text is None:
        text = encode_basestring(key) + ": "
        if len(_KEY_TEXT) < _KEY_TEXT_LIMIT:
            _KEY_TEXT[key] = text
    return text


def _value(value: Any, level: int) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is dict:
        return _dict(value, level) if value else "{}"
    if kind is list or kind is tuple:
        return _list(value, level) if value else "[]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, dict):
        return _dict(value, level) if value else "{}"
    if isinstance(value, list | tuple):
        return _list(value, level) if value else "[]"
    return "".join(_FLAT_ENCODERS[level](value, level))  # numbers and str subclasses, as the C encoder writes them


def _dict(value: dict[Any, Any], level: int) -> str:
    if not set(map(type, value)) <= _STR_TYPE:
        raise _NotPlain
    values = value.values()
    if _is_flat(values, set(map(type, values))):
        text = "".join(_FLAT_ENCODERS[level](value, level))
        return "".join(("{", _BREAKS[level + 1], text[1:-1], _BREAKS[level], "}"))
    deeper = level + 1
    parts = []
    for key in sorted(value):  # the standard library sorts (key, value) pairs; keys are unique, so the same order
        item = value[key]
        if type(item) is str:
            parts.append(_key_text(key) + encode_basestring(item))
        else:
            parts.append(_key_text(key) + _value(item, deeper))
    inner = _BREAKS[deeper]
    return "".join(("{", inner, ("," + inner).join(parts), _BREAKS[level], "}"))


def _list(value: list[Any] | tuple[Any, ...], level: int) -> str:
    kinds = set(map(type, value))
    if _is_flat(value, kinds):
        text = "".join(_FLAT_ENCODERS[level](value, level))
        return "".join(("[", _BREAKS[level + 1], text[1:-1], _BREAKS[level], "]"))
    deeper = level + 1
    if kinds == _DICT_TYPE:
        parts = [_dict(item, deeper) if item else "{}" for item in value]
    else:
        parts = [_value(item, deeper) for item in value]
    inner = _BREAKS[deeper]
    return "".join(("[", inner, ("," + inner).join(parts), _BREAKS[level], "]"))
