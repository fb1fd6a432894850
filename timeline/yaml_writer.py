"""Writing YAML that reads well in a pull-request diff: stable key order, block style, one value a line."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

# The pure-Python dumper, not CSafeDumper: libyaml's emitter never calls `increase_indent`, so with it lists
# came out flush with their key, unlike the hand-written files. Event files are small; the speed is not missed.
_BaseDumper = yaml.SafeDumper


class _StubDumper(_BaseDumper):
    """Block style; multi-line text as `|` blocks; lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        # Literal blocks cannot carry trailing spaces or tabs faithfully; those fall back to quotes.
        if not any(line != line.rstrip(" \t") for line in value.split("\n")) and "\r" not in value:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_StubDumper.add_representer(str, _represent_str)
_StubDumper.add_representer(dt.date, _represent_date)


def dump_yaml(data: Any, header: str = "") -> str:
    """Deterministic YAML text for `data`, keys in the order given, after an optional comment header."""
    body = yaml.dump(
        data,
        Dumper=_StubDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return header + body
