"""The project's settings and storylines, read from `content/timeline.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import Problems, did_you_mean
from .mapping_lists import listed_mappings
from .model import DEFAULT_KINDS, is_safe_url, is_valid_id
from .yaml_source import YamlMap

CONFIG_KEYS = (
    "title",
    "description",
    "base_url",
    "repository",
    "branch",
    "articles_url",
    "language",
    "order",
    "kinds",
    "gap_days",
    "page_events",
    "threads",
)
THREAD_KEYS = ("id", "title", "description", "color", "rules")
RULE_KEYS = ("people", "places", "organisations", "phrases", "kinds")
ORDERS = ("oldest-first", "newest-first")
COLOR = re.compile(r"^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$")


@dataclass
class ThreadRules:
    """What makes ingest suggest that an event belongs to a thread."""

    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.people or self.places or self.organisations or self.phrases or self.kinds)


@dataclass
class Thread:
    """A storyline that runs through several events."""

    id: str
    title: str
    description: str = ""
    color: str | None = None
    rules: ThreadRules = field(default_factory=ThreadRules)


@dataclass
class Config:
    """Site settings; every field has a default so a new project works with an empty file."""

    title: str = "Timeline"
    description: str = ""
    base_url: str = "/"
    repository: str | None = None
    branch: str = "main"
    # Where the project publishes its article files, when it does: a source's file name is appended to it.
    articles_url: str | None = None
    language: str = "en"
    order: str = "oldest-first"
    kinds: tuple[str, ...] = DEFAULT_KINDS
    gap_days: int = 60  # a gap longer than this between neighbouring events gets a "N months later" marker
    # The most events one chronology, thread or person page holds before it is split by year (site/chronology.py);
    # 0 keeps every chronology on one page.
    page_events: int = 500
    threads: list[Thread] = field(default_factory=list)

    def thread(self, thread_id: str) -> Thread | None:
        return next((t for t in self.threads if t.id == thread_id), None)


def base_url_problem(value: str) -> str | None:
    """Why `value` cannot be where the site is served (a path like /repo/ or an http(s) address), with what to
    write instead; None when it can."""
    value = value.strip() or "/"
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme or parts.netloc:
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            return (f'base URL "{value}" must be a path like /repo/ or an http(s) address like '
                    "https://owner.github.io/repo/")
        path = parts.path
    else:
        path = value
        first, _, rest = value.lstrip("/").partition("/")
        if not value.startswith("/") and "." in first:
            # "example.github.io/x": a host without its scheme would become a path, and every link would break.
            rest = rest.strip("/")
            return (f'base URL "{value}" has no scheme, so it would be read as a path and every link would be broken: '
                    f"write https://{value.rstrip('/')}/ (the full address) or /{rest + '/' if rest else ''} (the path)")
    if any(c in path for c in "?#\\\"'<> \t\r\n"):
        return f'base path "{path}" may hold only letters, digits, "-", "_", "." and "/"; write it like /repo/'
    return None


def normalise_base_url(value: str) -> str:
    """`/`, `/repo/` or `https://host/repo/`: always ending in a slash."""
    value = value.strip() or "/"
    return value if value.endswith("/") else value + "/"


def parse_config(data: Any, path: str, problems: Problems) -> Config:
    """Validate `timeline.yaml`; problems go to `problems`, unusable values fall back to defaults."""
    config = Config()
    if data is None:
        return config
    if not isinstance(data, YamlMap):
        problems.error(path, 1, "timeline.yaml must be a mapping (title: ..., threads: ...)")
        return config

    def error(mapping: YamlMap, key: Any, message: str) -> None:
        line, col = mapping.key_mark(key) if key is not None else mapping.mark
        problems.error(path, line, message, col)

    for key in data:
        if key not in CONFIG_KEYS:
            error(data, key, f'unknown setting "{key}"{did_you_mean(str(key), set(CONFIG_KEYS))}')

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list, bool)):
            error(data, key, f'"{key}" must be text')
            return None
        return str(value).strip()

    def whole_number(key: str, least: int, message: str, default: int) -> int:
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            error(data, key, message)
            return default
        return value

    config.title = text("title") or config.title
    config.description = text("description") or ""
    base_url = text("base_url") or "/"
    if (problem := base_url_problem(base_url)) is not None:
        error(data, "base_url", problem)
    else:
        config.base_url = normalise_base_url(base_url)
    repository = text("repository")
    if repository:
        if is_safe_url(repository):
            config.repository = repository.rstrip("/")
        else:
            error(data, "repository", f'repository "{repository}" must be an https:// address, like https://github.com/owner/repo')
    config.branch = text("branch") or config.branch
    articles_url = text("articles_url")
    if articles_url:
        if is_safe_url(articles_url):
            config.articles_url = articles_url if articles_url.endswith("/") else articles_url + "/"
        else:
            error(data, "articles_url", f'articles_url "{articles_url}" must be an http:// or https:// address where '
                  "the article files are published, like https://github.com/owner/repo/blob/main/content/articles/")
    config.language = text("language") or config.language
    order = text("order") or config.order
    if order not in ORDERS:
        error(data, "order", f'order must be {" or ".join(ORDERS)}{did_you_mean(order, set(ORDERS))}')
    else:
        config.order = order
    config.gap_days = whole_number("gap_days", 1, "gap_days must be a whole number of days, at least 1",
                                   config.gap_days)
    config.page_events = whole_number("page_events", 0, "page_events must be a whole number of events (0 keeps "
                                      "everything on one page)", config.page_events)
    kinds = data.get("kinds")
    if kinds is not None:
        if not isinstance(kinds, list) or not all(isinstance(k, str) and k.strip() for k in kinds):
            error(data, "kinds", "kinds must be a list of words, like [meeting, call, visit]")
        else:
            config.kinds = tuple(dict.fromkeys([*DEFAULT_KINDS, *(k.strip() for k in kinds)]))
    config.threads = _parse_threads(data, path, problems)
    return config


def _parse_threads(data: YamlMap, path: str, problems: Problems) -> list[Thread]:
    threads: list[Thread] = []
    seen: dict[str, int] = {}
    for item, line, col in listed_mappings(data, "threads", "thread", THREAD_KEYS, path, problems,
                                           "threads must be a list of {id, title, description}",
                                           "each thread must be a mapping with id, title, description"):
        assert isinstance(item, YamlMap)
        thread_id = str(item.get("id") or "").strip()
        if not is_valid_id(thread_id):
            problems.error(path, line, f'thread id "{thread_id}" must be a lowercase slug like afghanistan-withdrawal', col)
            continue
        if thread_id in seen:
            problems.error(path, line, f'duplicate thread id "{thread_id}" (first on line {seen[thread_id]})', col)
            continue
        seen[thread_id] = line
        for key in ("title", "description", "color"):
            if isinstance(item.get(key), (dict, list, bool)):
                kline, kcol = item.value_mark(key)
                problems.error(path, kline, f"thread {key} must be text", kcol)
                item[key] = None
        color = str(item["color"]).strip() if item.get("color") is not None else None
        if color is not None and not COLOR.match(color):
            kline, kcol = item.key_mark("color")
            problems.error(path, kline, f'thread color "{color}" must be a hex colour like "#1f6feb"', kcol)
            color = None
        rules = ThreadRules()
        raw_rules = item.get("rules")
        if isinstance(raw_rules, YamlMap):
            for key in raw_rules:
                if key not in RULE_KEYS:
                    kline, kcol = raw_rules.key_mark(key)
                    problems.error(path, kline, f'unknown rule "{key}"{did_you_mean(str(key), set(RULE_KEYS))}; '
                                   f"rules are {', '.join(RULE_KEYS)}", kcol)
                    continue
                words = raw_rules[key]
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    kline, kcol = raw_rules.key_mark(key)
                    problems.error(path, kline, f"rules.{key} must be a list of text", kcol)
                    continue
                setattr(rules, key, [w.strip() for w in words if w.strip()])
        elif raw_rules is not None:
            kline, kcol = item.key_mark("rules")
            problems.error(path, kline, "rules must be a mapping (people: [...], phrases: [...])", kcol)
        threads.append(
            Thread(
                id=thread_id,
                title=str(item.get("title") or thread_id).strip(),
                description=str(item.get("description") or "").strip(),
                color=color,
                rules=rules,
            )
        )
    return threads
