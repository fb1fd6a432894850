"""`404.html`: the page GitHub Pages (and most static hosts) serve for any missing URL, at any depth.

Because the same file answers `/repo/x` and `/repo/a/b/c/`, every link and asset in it must be
base-path-absolute (`/repo/static/style.css`), never page-relative; the site's templates and
`SiteUrls` link that way. It is the theme's `404.html` (a project's `templates/404.html` overrides
it), extending `base.html`, rendered by the build's own Renderer so it has the same header, footer
and globals as every other page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..page_context import Page, page_globals, static_files
from ..render import THEME_TEMPLATES, Renderer
from ..view import build_view
from .context import ExportContext


def site_renderer(ctx: ExportContext) -> Renderer:
    """A Renderer set up exactly as `build_site` sets up its own, for rendering outside a build."""
    project = ctx.content.project
    statics = static_files(project.templates_dir)
    renderer = Renderer([project.templates_dir, THEME_TEMPLATES], shown_root=project.root)
    renderer.add_globals(**page_globals(_LazyView(lambda: build_view(ctx.content, ctx.urls, ctx.include_drafts)),
                                        ctx.content.config, ctx.urls, statics))
    return renderer


class _LazyView:
    """The site's view model, built only if a (project's own) 404 template reads it: the default one does not,
    and on a big site building it costs more than every export together."""

    def __init__(self, build: Callable[[], Any]):
        self._build = build
        self._view: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._view is None:
            self._view = self._build()
        return getattr(self._view, name)


def render_not_found(ctx: ExportContext, renderer: Renderer | None = None) -> dict[str, bytes]:
    """`404.html`, rendered with the build's `renderer` when given (else one set up the same way)."""
    renderer = renderer or site_renderer(ctx)
    page = Page(title="Page not found", description=f"No page at this address in {ctx.content.config.title}.",
                path="404.html", canonical=None)
    return {"404.html": renderer.render("404.html", page=page).encode("utf-8")}
