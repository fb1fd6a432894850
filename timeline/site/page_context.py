"""What every page's template gets besides its own context: the parts of <head>, the static files, and
the site-wide globals (the 404 page, rendered outside the page loop, needs them too)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .render import THEME_STATIC
from .urls import SiteUrls

SITE_MENU = (("Chronology", ""), ("Threads", "threads/"), ("People", "people/"), ("Sources", "sources/"))


@dataclass
class Page:
    """The parts of <head> every page has: title, description, its own path, canonical URL."""

    title: str
    description: str
    path: str  # site-relative, e.g. events/<id>/
    canonical: str | None
    kind: str = "website"


def static_files(project_templates: Path) -> dict[str, Path]:
    """Static files by name: the theme's, then the project's templates/static/ overriding them by name."""
    files: dict[str, Path] = {}
    for root in (THEME_STATIC, project_templates / "static"):
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                relative = path.relative_to(root).as_posix()
                if not any(part.startswith(".") for part in relative.split("/")):
                    files[relative] = path
    return files


def page_globals(site: Any, config: Any, urls: SiteUrls, statics: dict[str, Path]) -> dict[str, Any]:
    """What every template can read besides its page's own context (404.html outside a build too)."""
    return {
        "site": site, "config": config, "urls": urls, "static": urls.static(),
        "has_static": lambda name: name in statics,
        # The menu's and home links, made once rather than on every page.
        "nav": [(label, path, urls.page(path)) for label, path in SITE_MENU], "home_url": urls.home(),
    }
