"""Writing YAML that reads well in a pull-request diff: stable key order, block style, one value a line."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

try:  # libyaml's emitter is several times faster, which counts when ingest writes many stubs
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _StubDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Block style; multi-line text as `|` blocks; lists flush with their key (`key:` then `- item`).

    libyaml writes lists flush and cannot be told otherwise; the pure-Python emitter does the same by default,
    so both give the same bytes (no `increase_indent` override, which only the pure-Python one would obey).
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\x85" in value:
        # NEL is a line break to YAML: the pure-Python emitter writes it raw in single quotes, where it reads
        # back as a space. Double quotes escape it as \N (as libyaml does by itself).
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        # Literal blocks cannot carry trailing spaces or tabs faithfully; those fall back to quotes.
        if not any(line != line.rstrip(" \t") for line in value.split("\n")) and "\r" not in value:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_StubDumper.add_representer(str, _represent_str)
# Subclasses too (the YamlMap / YamlList that reading gives), so a file read, edited and written back dumps.
_StubDumper.add_multi_representer(dict, yaml.SafeDumper.represent_dict)
_StubDumper.add_multi_representer(list, yaml.SafeDumper.represent_list)
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
