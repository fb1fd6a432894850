"""Creating things from nothing: a whole new project (`timeline init`) or one event stub (`timeline new`).

The project's files are templates shipped in `timeline/scaffold/`. Names there that start with `dot-`
are written with a leading dot (`dot-github/` -> `.github/`): package-data globs and some tools skip
hidden files, and a template folder must survive being packaged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__
from .errors import ContentError, Problem, Problems, did_you_mean
from .files.atomic_write import write_bytes_atomic, write_bytes_new
from .files.yaml_writer import dump_yaml
from .load.config import Config, parse_config
from .load.content import Project
from .load.model import is_valid_id
from .load.yaml_source import read_yaml
from .partial_date import DateSpec, DateValueError, PartialDate
from .slugs import event_id_for, unique_id

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "scaffold"
SCHEMA_PATH = PACKAGE_DIR / "schema" / "event.schema.json"
TITLE_PLACEHOLDER = "__PROJECT_TITLE__"
PACKAGE_PLACEHOLDER = "  TIMELINE_PACKAGE: __TIMELINE_PACKAGE__\n"
# The name the tool is published under on PyPI (`timeline` there is an unrelated project).
DISTRIBUTION = "timeline-chronicle"
# The workflows' value while nobody has said where to install the tool from; their install step stops on it.
UNSET_PACKAGE = "SET-ME"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../event.schema.json\n"


class NewEventError(ValueError):
    """`timeline new` was asked for something impossible (bad date, kind or id); a usage error."""


@dataclass(frozen=True)
class InstalledTool:
    """Where the running `timeline` came from, as the workflows of a new project must install it."""

    requirement: str | None  # what `pip install` takes to get exactly this tool; None for a local folder
    origin: str  # for messages: "a package index", the VCS or archive URL, "the local folder /x"


def installed_tool(distribution: metadata.Distribution | None = None) -> InstalledTool:
    """How this tool was installed, from its PEP 610 `direct_url.json` (none when it came from an index)."""
    dist = distribution or _installed_distribution()
    if dist is None:
        return InstalledTool(None, f"the local folder {PACKAGE_DIR.parent} (not installed)")
    direct = dist.read_text("direct_url.json")
    if direct is None:
        return InstalledTool(f"{DISTRIBUTION}=={dist.version}", "a package index")
    try:
        info = json.loads(direct)
        url = str(info["url"])
    except (ValueError, KeyError, TypeError):
        return InstalledTool(None, "an install whose record (direct_url.json) cannot be read")
    remote = url.startswith(("https://", "http://", "ssh://", "git://"))
    if remote and isinstance(vcs := info.get("vcs_info"), dict) and vcs.get("commit_id"):
        subdirectory = f"#subdirectory={info['subdirectory']}" if info.get("subdirectory") else ""
        pinned = f"{vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}{subdirectory}"
        return InstalledTool(f"{DISTRIBUTION} @ {pinned}", pinned)
    if remote and isinstance(info.get("archive_info"), dict):
        return InstalledTool(f"{DISTRIBUTION} @ {url}", url)
    folder = url.removeprefix("file://") if url.startswith("file://") else url
    return InstalledTool(None, f"the local folder {folder}")


def _installed_distribution() -> metadata.Distribution | None:
    """The first distribution of the tool on the path that an installer recorded: a source folder's
    `*.egg-info`, left there by a build, has no INSTALLER file and says nothing about where the tool came from."""
    return next((dist for dist in metadata.distributions(name=DISTRIBUTION) if dist.read_text("INSTALLER")), None)


def _workflow_package_lines(tool: InstalledTool) -> str:
    """The `TIMELINE_PACKAGE:` line of the workflows (see the templates' headers), marked when it must be set."""
    if tool.requirement is not None:
        return f"  TIMELINE_PACKAGE: {json.dumps(tool.requirement)}\n"
    return (f"  # {UNSET_PACKAGE}: timeline was installed from a local folder when this project was made, and GitHub\n"
            "  # cannot install it from there. Write where your team installs it from, in both workflows:\n"
            f'  # "{DISTRIBUTION}=={__version__}" (PyPI) or "{DISTRIBUTION} @ git+https://github.com/you/timeline@COMMIT".\n'
            f'  TIMELINE_PACKAGE: "{UNSET_PACKAGE}"\n')


def publishing_advice(tool: InstalledTool) -> str:
    """What `timeline init` says about publishing: what the workflows install, or what to set first."""
    pages = "set Settings -> Pages -> Source to \"GitHub Actions\", and every push to main publishes the site"
    if tool.requirement is None:
        return (f"note: timeline runs from {tool.origin}, which GitHub cannot install from. Before the first "
                f"push, replace {UNSET_PACKAGE} in .github/workflows/pages.yml and check.yml with where your team "
                f'installs timeline from, like "{DISTRIBUTION}=={__version__}" or "{DISTRIBUTION} @ '
                f'git+https://github.com/you/timeline@COMMIT" (see the comment there); then push to GitHub, {pages}.')
    return (f"To publish: push to GitHub and {pages} (.github/workflows/pages.yml installs "
            f"{tool.requirement}, the timeline that made this project).")


def _target_name(relative: Path) -> str:
    return "/".join("." + part[4:] if part.startswith("dot-") else part for part in relative.parts)


def project_title(target: Path) -> str:
    """A first site title from the folder name: `my-timeline` -> `My timeline`."""
    words = target.resolve().name.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else "Timeline"


def scaffold_files(title: str, tool: InstalledTool | None = None) -> dict[str, bytes]:
    """Every file of a new project: relative path -> bytes, in a stable order.

    The workflows install `tool` (by default the running one, see `installed_tool`).
    """
    package_lines = _workflow_package_lines(tool or installed_tool()).encode("utf-8")
    files: dict[str, bytes] = {}
    for path in sorted(TEMPLATE_DIR.rglob("*")):
        if not path.is_file() or path.name.endswith((".pyc", ".pyo")) or "__pycache__" in path.parts:
            continue
        data = path.read_bytes()
        if path.suffix in (".md", ".yaml", ".yml"):
            # Quotes and backslashes would break the YAML string the title lands in.
            safe_title = title.replace("\\", "").replace('"', "'")
            data = data.replace(TITLE_PLACEHOLDER.encode(), safe_title.encode("utf-8"))
            data = data.replace(PACKAGE_PLACEHOLDER.encode(), package_lines)
        files[_target_name(path.relative_to(TEMPLATE_DIR))] = data
    files["content/event.schema.json"] = SCHEMA_PATH.read_bytes()
    for folder in ("content/articles", "content/events", "templates"):
        if not any(name.startswith(folder + "/") for name in files):
            files[f"{folder}/.gitkeep"] = b""
    return dict(sorted(files.items()))


def init_project(target: Path, tool: InstalledTool | None = None) -> list[Path]:
    """Create a new project in `target`; refuse (writing nothing) if any of its files already exists."""
    if target.exists() and not target.is_dir():
        raise ContentError.at(str(target), None, "exists and is not a folder; choose a new folder name")
    files = scaffold_files(project_title(target), tool)
    existing = [name for name in files if (target / name).exists() or (target / name).is_symlink()]
    if existing:
        problems = [
            Problem(str(target / name), None, None, "already exists; `timeline init` never overwrites a file")
            for name in existing
        ]
        problems.append(Problem(str(target), None, None, f"{len(existing)} file(s) already there, nothing was "
                                "written; run `timeline init` on a new or empty folder"))
        raise ContentError(problems)
    created = []
    for name, data in files.items():
        path = target / name
        write_bytes_atomic(path, data)
        created.append(path)
    return created


def _read_config(project: Project) -> Config:
    if not project.content_dir.is_dir():
        raise ContentError.at(project.relative(project.content_dir), None, "no content/ folder here; run in a "
                              "timeline project, pass -C DIR, or create one with `timeline init DIR`")
    problems = Problems()
    shown = project.relative(project.config_path)
    data = read_yaml(project.config_path, shown) if project.config_path.exists() else None
    config = parse_config(data, shown, problems)
    if problems.errors:
        raise ContentError(problems.sorted())
    return config


def parse_new_date(text: str | None) -> DateSpec | None:
    """The `--date` option: YYYY, YYYY-MM or YYYY-MM-DD, or None."""
    if text is None or not text.strip():
        return None
    try:
        return DateSpec(PartialDate.parse(text))
    except DateValueError as exc:
        raise NewEventError(f"--date: {exc}") from exc


def event_stub(event_id: str, title: str, date: DateSpec | None, kind: str) -> str:
    """The text of a new draft: every field present, empty ones flagged in review.needs with why."""
    needs = (["date"] if date is None else []) + ["place", "summary", "participants", "sources"]
    notes = {
        "date": "Unknown so far: write YYYY, YYYY-MM or YYYY-MM-DD, no more precise than a source says.",
        "place": "Where it happened, like 'Helsinki, Finland'.",
        "summary": "Two or three sentences of Markdown saying what happened.",
        "participants": "Who took part: name, title (rank), role (office), country, person (id in people.yaml).",
        "sources": "One or more reports: an article under content/articles/ or a url, with the quote.",
    }
    lines = [
        SCHEMA_COMMENT,
        "# Written by `timeline new`. Fill the empty fields, remove each from review.needs as you do, then set\n"
        "# status: reviewed. docs/editing.md explains every field; `timeline check` points at mistakes.\n",
        dump_yaml({"id": event_id, "title": title}),
        f"date: {date.start.iso() if date else 'null'}\n",
        dump_yaml({"kind": kind, "place": None, "status": "draft", "summary": ""}),
        "participants: []\n",
        "#  - {name: Full Name, title: Gen., role: the office held, country: Country, person: id-in-people-yaml}\n",
        "sources: []\n",
        "#  - {article: file-under-content-articles.md, outlet: ..., url: https://..., published: YYYY-MM-DD,\n"
        "#     quote: the sentence that reports it}\n",
        "mentions: []\n",
        "threads: []\n",
        "related: []\n",
        dump_yaml({"review": {"needs": needs, "notes": {k: notes[k] for k in needs}, "evidence": {}}}),
    ]
    return "".join(lines)


def new_event(project: Project, title: str, date: str | None = None, kind: str = "other",
              event_id: str | None = None) -> Path:
    """Write a draft stub for an event to `content/events/<id>.yaml`; never overwrites a file."""
    title = " ".join(title.split())
    if not title:
        raise NewEventError('the title is empty; give a headline-style title, like "Kurilla visits Islamabad"')
    spec = parse_new_date(date)
    config = _read_config(project)
    if kind not in config.kinds:
        raise NewEventError(f'--kind: unknown kind "{kind}"{did_you_mean(kind, set(config.kinds))}; known kinds: '
                            f"{', '.join(config.kinds)} (add more under `kinds:` in content/timeline.yaml)")
    taken = {p.stem for p in project.events_dir.glob("*.y*ml")} if project.events_dir.is_dir() else set()
    if event_id is not None:
        if not is_valid_id(event_id):
            raise NewEventError(f'--id: "{event_id}" must be a lowercase slug (a-z, 0-9 and single hyphens)')
        if event_id in taken:
            raise NewEventError(f"--id: content/events/{event_id}.yaml already exists; choose another id")
    else:
        event_id = unique_id(event_id_for(spec, title), taken)
    path = project.event_path(event_id)
    text = event_stub(event_id, title, spec, kind).encode("utf-8")
    # If another process wrote the same id since we listed the folder, fail rather than overwrite; and a
    # crash mid-write must not leave half a stub (write_bytes_new links a complete temp file into place).
    try:
        write_bytes_new(path, text)
    except FileExistsError as exc:
        raise NewEventError(f"{project.relative(path)} already exists; run the command again") from exc
    return path
