"""`404.html`: the page GitHub Pages (and most static hosts) serve for any missing URL, at any depth.

Because the same file answers `/repo/x` and `/repo/a/b/c/`, every link and asset in it is
base-path-absolute (`/repo/static/style.css`), never page-relative. It is rendered from the theme's
`404.html` template (a project's `templates/404.html` overrides it) with autoescaping and
StrictUndefined, like every other page.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .context import ExportContext

THEME_TEMPLATES = Path(__file__).resolve().parent.parent / "theme" / "templates"
THEME_STATIC = THEME_TEMPLATES.parent / "static"


def _environment(project_templates: Path) -> Environment:
    loaders = [FileSystemLoader(str(project_templates))] if project_templates.is_dir() else []
    loaders.append(FileSystemLoader(str(THEME_TEMPLATES)))
    return Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, keep_trailing_newline=True)


def _stylesheets(project_templates: Path) -> list[str]:
    """The theme's CSS files (and a project's own under templates/static/), by name, sorted."""
    names = set()
    for folder in (THEME_STATIC, project_templates / "static"):
        if folder.is_dir():
            names.update(p.name for p in folder.glob("*.css"))
    return sorted(names)


def render_not_found(ctx: ExportContext) -> dict[str, bytes]:
    """`404.html` with base-path-absolute links to the home page, the sections and the stylesheets."""
    project_templates = ctx.content.project.templates_dir
    env = _environment(project_templates)
    template = env.get_template("404.html")
    config = ctx.content.config
    html = template.render(
        title=config.title,
        language=config.language,
        home=ctx.urls.home(),
        stylesheets=[ctx.urls.static(name) for name in _stylesheets(project_templates)],
        favicon=ctx.urls.static("favicon.svg") if (THEME_STATIC / "favicon.svg").is_file() else None,
        sections=[
            ("Chronology", ctx.urls.home()),
            ("Threads", ctx.urls.page("threads/")),
            ("People", ctx.urls.page("people/")),
            ("Sources", ctx.urls.page("sources/")),
        ],
        search=ctx.urls.home() if (THEME_STATIC / "search.js").is_file() else None,
    )
    return {"404.html": html.encode("utf-8")}
