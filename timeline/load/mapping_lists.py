"""Validating a list of mappings with known keys: config threads, people, and each person's roles.

Each list gets the same checks with the same kind of message: the value is a list, each item a mapping,
and every key a known one (with "did you mean" for a misspelt key).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problems, did_you_mean
from .yaml_source import YamlList, YamlMap


def listed_mappings(parent: YamlMap, key: str, what: str, known_keys: tuple[str, ...], path: str,
                    problems: Problems, list_message: str, item_message: str,
                    text_items: bool = False) -> Iterator[tuple[YamlMap | str, int, int]]:
    """Each item of `parent[key]` with its line and column, once checked.

    A value that is not a list reports `list_message`; an item that is not a mapping (nor text, where
    `text_items`) reports `item_message` and is skipped; an unknown key in an item is reported and the
    item is still given, so that one misspelt key does not hide the rest of the entry.
    """
    value = parent.get(key)
    if value is None:
        return
    if not isinstance(value, YamlList):
        line, col = parent.key_mark(key)
        problems.error(path, line, list_message, col)
        return
    for index, item in enumerate(value):
        line, col = value.item_mark(index)
        if text_items and isinstance(item, str):
            yield item, line, col
            continue
        if not isinstance(item, YamlMap):
            problems.error(path, line, item_message, col)
            continue
        for name in item:
            if name not in known_keys:
                kline, kcol = item.key_mark(name)
                problems.error(path, kline, f'unknown key "{name}" in {what}{did_you_mean(str(name), set(known_keys))}',
                               kcol)
        yield item, line, col
