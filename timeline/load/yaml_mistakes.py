"""Advice for the YAML mistakes editors make by hand, worded for what was meant rather than what the parser saw.

PyYAML reports a line indented one space too far as "mapping values are not allowed here", sometimes at the
line after the wrong one, and reads `title: Talks #2` as the title "Talks" and a comment. These functions read
the source text around such a spot (only once something is found, so a clean file costs nothing) and say
what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A `key:` (plain or quoted) at the start of a line's content, with the rest of the line after it.
_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s#'"\[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:[ \t]+(?P<value>.*))?$""")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")
# PyYAML problems that a wrongly indented line produces in block context.
INDENTATION_PROBLEMS = ("mapping values are not allowed", "did not find expected key",
                        "did not find expected '-' indicator", "expected <block end>", "could not find expected ':'",
                        "did not find expected <document start>")

MAP, SEQ = "mapping", "list"


@dataclass(frozen=True)
class _Level:
    """One open block of the document: where its keys or items start, and the last line that started one."""

    indent: int
    kind: str  # MAP or SEQ
    line: int  # 1-based, the most recent key or item at this level
    key: str  # that key ("" for a list item)


@dataclass(frozen=True)
class _Line:
    """What one line of the file starts: a key, a list item, or text."""

    number: int
    indent: int
    is_item: bool  # starts with "- "
    key: str | None  # the key the line (or its list item) starts with
    opens_block: bool  # ends in `key:` or `-` with nothing after: the next line may go deeper
    content_indent: int  # where a key inside a "- key: value" item starts


def _read_line(number: int, raw: str) -> _Line | None:
    """What a line starts, or None for a blank or comment-only line."""
    stripped = raw.strip()
    if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
        return None
    indent = len(raw) - len(raw.lstrip(" "))
    content, content_indent, is_item = stripped, indent, False
    while content == "-" or content.startswith("- "):
        is_item = True
        after = content[1:]
        content_indent += 1 + len(after) - len(after.lstrip(" "))
        content = after.lstrip(" ")
    if is_item and not content:
        return _Line(number, indent, True, None, True, content_indent)
    match = _KEY.match(content)
    if match is None:
        return _Line(number, indent, is_item, None, False, content_indent)
    value = (match.group("value") or "").strip()
    opens = not value or value.startswith("#")
    return _Line(number, indent, is_item, match.group("key").strip("'\""), opens, content_indent)


def _block_scalar_key(raw: str) -> bool:
    match = _KEY.match(raw.strip().removeprefix("- ").lstrip())
    return bool(match and match.group("value") and _BLOCK_SCALAR.match(match.group("value").strip()))


@dataclass
class _BlockText:
    """A block scalar (`summary: |`) being read: the line of its key and where its first line of text starts."""

    key: _Line
    first: _Line | None = None


def _structure(lines: list[str], before: int) -> tuple[list[_Level], list[_Line], _BlockText | None]:
    """The open blocks after the lines before line `before` (1-based), those lines, and the block scalar still
    open there, skipping the text of block scalars (`|`, `>`) and of values continued on further lines."""
    levels: list[_Level] = []
    read: list[_Line] = []
    text: _BlockText | None = None  # inside a block scalar: lines deeper than its key's line are its text
    for number in range(1, before):
        raw = lines[number - 1]
        line = _read_line(number, raw)
        if line is None:
            continue
        if text is not None:
            if line.indent > text.key.indent:
                text.first = text.first or line
                continue
            text = None
        if line.key is None and not line.is_item and read and line.indent > read[-1].indent:
            continue  # a plain value continued from the line above
        _open(levels, line)
        read.append(line)
        if _block_scalar_key(raw):
            text = _BlockText(line)
    return levels, read, text


def _open(levels: list[_Level], line: _Line) -> None:
    """Close the blocks `line` ends and record the key or item it starts."""
    kind = SEQ if line.is_item else MAP
    while levels and (levels[-1].indent > line.indent or (levels[-1].indent == line.indent and levels[-1].kind != kind
                                                          and kind == MAP)):
        levels.pop()
    if levels and levels[-1].indent == line.indent and levels[-1].kind == kind:
        levels.pop()
    levels.append(_Level(line.indent, kind, line.number, line.key or ""))
    if line.is_item and line.key is not None:
        levels.append(_Level(line.content_indent, MAP, line.number, line.key))


def _fits(levels: list[_Level], previous: _Line | None, line: _Line) -> bool:
    """Whether `line`'s indentation is one YAML accepts after the lines before it."""
    if previous is not None and previous.opens_block and line.indent > previous.indent:
        return True
    if previous is not None and previous.opens_block and line.is_item and line.indent == previous.indent:
        return True  # a list as the value of a key at the key's own indentation
    kind = SEQ if line.is_item else MAP
    return any(level.indent == line.indent and level.kind == kind for level in levels)


def _like(level: _Level) -> str:
    what = f'"{level.key}:"' if level.kind == MAP and level.key else 'the "-" item'
    return f"{level.indent} (like {what} on line {level.line})"


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _indent_it(count: int) -> str:
    return f"indent it by {_spaces(count)}" if count else "start it at the beginning of the line"


def _wrong_line_above(read: list[_Line], line: _Line) -> tuple[int, int, str] | None:
    """When `line` has the usual indentation (two spaces per level) and a line above it does not, so that the
    parser noticed only here: that line, its column and a message."""
    if not read:
        return None
    previous = read[-1]
    # The first key under a `key:` went deeper than usual; this line, the second, has the usual indentation.
    parent = next((r for r in reversed(read) if r.indent < previous.indent), None)
    first = next((r for r in read if parent is not None and r.number > parent.number), None)
    if (parent is not None and parent.opens_block and first is previous and first.is_item == line.is_item
            and line.indent == parent.indent + 2 != first.indent):
        before = read[: read.index(parent)]
        if first.indent == line.indent + 2 and before and before[-1].indent == line.indent:
            # Rather the key above went back a level: its key, its first line and this one are where it belongs.
            return (parent.number, parent.indent + 1,
                    f"wrong indentation: this line is indented {_spaces(parent.indent)}, among keys indented "
                    f"{line.indent} (lines {before[-1].number} and {line.number}); {_indent_it(line.indent)}")
        return (first.number, first.indent + 1,
                f"wrong indentation: this line is indented {_spaces(first.indent)} and the next one "
                f'{_spaces(line.indent)}; the keys under "{parent.key}:" (line {parent.number}) must line up: '
                f"{_indent_it(line.indent)}")
    # A "- key: value" item stands off the usual place under its list's key, so its keys do not line up with
    # the next line's.
    if previous.is_item and previous.key is not None and not line.is_item:
        owner = next((r for r in reversed(read[:-1]) if r.opens_block and r.indent <= previous.indent), None)
        if owner is not None and line.indent == owner.indent + 4 and previous.indent != owner.indent + 2:
            return (previous.number, previous.indent + 1,
                    f"wrong indentation: this list item is indented {_spaces(previous.indent)}, so its keys start at "
                    f"{previous.content_indent}, but the next line's is at {line.indent}: indent the \"-\" by "
                    f"{_spaces(owner.indent + 2)} to line them up")
    # Keys under a `key:` were pulled back to its level, leaving it empty; this line still has the right place.
    for position in range(len(read) - 1, 0, -1) if not line.is_item else ():
        above, after = read[position - 1], read[position:]
        if not all(r.indent == above.indent and not r.is_item for r in after):
            break
        if above.opens_block and above.key is not None and above.indent + 2 == line.indent:
            pulled = after[0]
            return (pulled.number, pulled.indent + 1,
                    f'wrong indentation: this line is indented {_spaces(pulled.indent)}, which leaves "{above.key}:" '
                    f"(line {above.number}) empty; {_indent_it(line.indent)}, like line {line.number}")
    return None


def indentation_mistake(text: str, line_number: int) -> tuple[int, int, str] | None:
    """When a YAML error reported at `line_number` (1-based) comes from a wrongly indented line: that line,
    its column and a message saying how far the line above expects it indented; None when indentation is not
    the cause."""
    lines = text.split("\n")
    if not 1 <= line_number <= len(lines):
        return None
    line = _read_line(line_number, lines[line_number - 1])
    if line is None:
        return None
    levels, read, block = _structure(lines, line_number)
    keyless = line.key is None and not line.is_item  # no key: only text can go on there
    if block is not None and block.first is None and keyless and line.indent <= block.key.indent:
        return (line.number, line.indent + 1,
                f'wrong indentation: this line is the text of "{block.key.key}:" (line {block.key.number}), so it must '
                f"be indented more than that key: {_indent_it(block.key.indent + 2)}")
    if (block is not None and block.first is not None and line.indent < block.first.indent
            and (line.indent > block.key.indent or keyless)):
        # The text of `key: |` ends where a line is less indented than its first line.
        key = f'"{block.key.key}:" (line {block.key.number})'
        if line.indent == block.key.indent + 2:
            return (block.first.number, block.first.indent + 1,
                    f"wrong indentation: the text under {key} starts here at {_spaces(block.first.indent)}, but line "
                    f"{line.number} goes on with it at {line.indent}; {_indent_it(line.indent)}")
        return (line.number, line.indent + 1,
                f"wrong indentation: this line goes on with the text under {key}, which started at "
                f"{_spaces(block.first.indent)} on line {block.first.number}; {_indent_it(block.first.indent)}")
    if read and read[0].indent > 0 and line.indent == 0:
        return (read[0].number, read[0].indent + 1,
                f"wrong indentation: this line is indented {_spaces(read[0].indent)}, but the keys of a file start "
                f"at the beginning of the line (like line {line.number}); remove the spaces before it")
    previous = read[-1] if read else None
    if _fits(levels, previous, line):
        return None
    if (wrong := _wrong_line_above(read, line)) is not None:
        return wrong
    kind = SEQ if line.is_item else MAP
    candidates = {level.indent: _like(level) for level in levels if level.kind == kind}
    if previous is not None and previous.opens_block and previous.key is not None:
        candidates[previous.indent + 2] = f'{previous.indent + 2} (under "{previous.key}:" on line {previous.number})'
    if not candidates:
        return None
    nearest = min(abs(indent - line.indent) for indent in candidates)
    best = sorted((indent for indent in candidates if abs(indent - line.indent) == nearest), reverse=True)
    expected = " or ".join(candidates[indent] for indent in best)
    where = ""
    if not line.is_item and any(level.kind == SEQ and level.indent == line.indent for level in levels):
        where = ' (at this indentation only a new list item, "- ...", can start)'
    return (line.number, line.indent + 1,
            f"wrong indentation: this line is indented {_spaces(line.indent)}{where}, but the lines above expect "
            f"{expected}; "
            f"{_indent_it(best[0])}")


def comment_after_plain_value(line_text: str, column: int, value: str) -> int | None:
    """The column of a `#` comment that cuts short the plain (unquoted) value starting at `column` (1-based) of
    `line_text`, or None: `title: Talks #2 visit` reads as the title "Talks"."""
    rest = line_text[column - 1:]
    for match in re.finditer(r"[ \t]#", rest):
        if rest[:match.start()].rstrip() == value:
            return column + match.start() + 1
    return None
