"""The stub file: what ingest writes for one event, how it knows a file is still its own, and how a new
source is spliced into an editor's file without touching any other byte."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..errors import Problems
from ..files.yaml_writer import dump_yaml
from ..load.config import Config
from ..load.model import Event, Source, parse_event
from ..load.yaml_source import parse_yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../event.schema.json"
INGEST_LINE = "# ingest: sha256={} (edit freely; ingest will not overwrite an edited file)"
_INGEST_LINE = re.compile(r"^# ingest: sha256=([0-9a-f]{64})\b")
SCHEMA_SOURCE = Path(__file__).resolve().parent.parent / "schema" / "event.schema.json"


def _digest(schema_line: str, body: str) -> str:
    return hashlib.sha256(f"{schema_line}\n{body}".encode()).hexdigest()


def render_stub(event: Event, body: str | None = None) -> str:
    """The stub file text: schema line, ingest hash line, then the event in the documented key order.

    `body` is the event's YAML when the caller already dumped it (see `normalise_event`).
    """
    body = body if body is not None else dump_yaml(event.to_yaml())
    return f"{SCHEMA_LINE}\n{INGEST_LINE.format(_digest(SCHEMA_LINE, body))}\n{body}"


def is_ingest_owned(text: str) -> bool:
    """True when the file is exactly what ingest wrote: its recorded hash still matches its bytes."""
    lines = text.split("\n", 2)
    if len(lines) < 3 or lines[0] != SCHEMA_LINE:
        return False
    match = _INGEST_LINE.match(lines[1])
    return bool(match) and match.group(1) == _digest(lines[0], lines[2]) and lines[1] == INGEST_LINE.format(match.group(1))


def restamp_stub(text: str) -> str:
    """An ingest-owned stub's text after a change made on ingest's behalf (`timeline rename`): its hash line
    recomputed, so the file stays ingest's own."""
    schema_line, _, body = text.split("\n", 2)
    return f"{schema_line}\n{INGEST_LINE.format(_digest(schema_line, body))}\n{body}"


def normalise_event(event: Event, config: Config, problems: Problems,
                    rendered: dict[str, str] | None = None) -> Event:
    """The event exactly as it will read back from its file, so a second run compares equal to the first.

    When the event reads back unchanged, its YAML goes into `rendered` (by id) so that writing it does
    not dump it a second time.
    """
    if event.kind not in config.kinds:
        event.review.notes.setdefault("kind", f'extraction guessed "{event.kind}", which is not a configured kind')
        event.kind = "other"
        if "kind" not in event.review.needs:
            event.review.needs.append("kind")
    shown = f"content/events/{event.id}.yaml"
    local = Problems()
    data = event.to_yaml()
    body = dump_yaml(data)
    parsed = parse_event(parse_yaml(body, shown), shown, local, config.kinds)
    for problem in local.items:
        problems.warning(problem.path, problem.line, f"{problem.message} (in the generated stub; fix it by hand)")
    if rendered is not None and parsed is not None and parsed.to_yaml() == data:
        rendered[event.id] = body  # the dump depends only on to_yaml(): the same data gives the same text
    return parsed or event


def append_sources(text: str, sources: list[Source]) -> str | None:
    """`text` with `sources` added at the end of its `sources:` list, every other byte unchanged.

    ruamel.yaml's round-trip parser finds where the list ends and checks the result, but the new
    items are spliced in as text: a full round-trip dump would re-wrap long lines and rewrite `null`,
    and an editor's file must not change beyond the lines added. None when the list cannot be found
    in block style (then the table tells the editor what to add).
    """
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except YAMLError:
        return None
    if not isinstance(data, CommentedMap) or not isinstance(data.get("sources"), CommentedSeq):
        return None
    existing = data["sources"]
    if not existing or existing.fa.flow_style():
        return None
    lines = text.splitlines(keepends=True)
    keys = list(data.keys())
    position = keys.index("sources")
    end = data.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and column-0 comments before the next key belong to that key
    item_line, item_col = existing.lc.item(0)
    dash = lines[item_line].rfind("-", 0, item_col + 1)
    if dash < 0:
        return None
    block = dump_yaml([s.to_yaml() for s in sources])
    block = "".join(" " * dash + line if line.strip() else line for line in block.splitlines(keepends=True))
    head = "".join(lines[:end])
    if head and not head.endswith("\n"):
        head += "\n"
    result = head + block + "".join(lines[end:])
    try:
        check = yaml.load(result)
    except YAMLError:
        return None
    added = check.get("sources") if isinstance(check, CommentedMap) else None
    if not isinstance(added, list) or len(added) != len(existing) + len(sources) or list(check.keys()) != keys:
        return None
    return result
