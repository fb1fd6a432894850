"""The exports' JSON text: deterministic, sorted keys, `<`, `>` and `&` escaped, indented or compact.

Python's `json` writes compact text in C but indented text in Python, so big documents are indented at the
top level only, and their lists of records written one compact record per line (`top_level_list`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from typing import Any


def json_bytes(data: Any, *, compact: bool = False) -> bytes:
    """Deterministic UTF-8 JSON (sorted keys) with `<`, `>` and `&` as \\u escapes.

    The values are unchanged for any JSON reader, but no export ever holds a raw `<script>` or
    `</script>`, so a file pasted into an HTML page or sniffed as HTML by a browser stays inert.
    """
    text = compact_json(data) if compact else json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return (escape_markup(text) + "\n").encode("utf-8")


def escape_markup(text: str) -> str:
    """JSON text with `<`, `>` and `&` (which only strings can hold) written as \\u escapes."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# One encoder for every record: `json.dumps` with these options would set up the same one on each call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def compact_json(data: Any) -> str:
    """`data` without whitespace, keys sorted, non-ASCII kept."""
    return _COMPACT.encode(data)


def compact_item_bytes(item: Any) -> bytes:
    """`item` as `json_bytes(..., compact=True)` writes it anywhere in a document."""
    return escape_markup(compact_json(item)).encode("utf-8")


@dataclass(frozen=True)
class Slotted:
    """A JSON document with some of its top-level values left as slots, filled with text encoded elsewhere."""

    document: bytes
    markers: dict[str, bytes]  # key -> the slot's text in `document`

    def fill(self, values: dict[str, bytes | memoryview]) -> bytes:
        """The document with each slot replaced by the value's text (`top_level_list`, `compact_item_bytes`)."""
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

    Encoding the big values on their own lets them be kept between builds (memo.py). In a compact document,
    filling the slots with the values' text gives the bytes of encoding the whole document at once; in an
    indented one, the same data with each list's records one per line (`top_level_list`).
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
    (`compact_item_bytes`): one item per line in an indented document, all on one line in a compact one.

    Big lists of records are written this way rather than indented: a changed record is still one changed line,
    and compact text is what Python's json writes fast (see the module's docstring).
    """
    if compact:
        return b"[" + b",".join(items) + b"]"
    return b"[\n  " + b",\n  ".join(items) + b"\n ]" if items else b"[]"
