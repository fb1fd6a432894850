"""The export stage: feeds, calendar, data files, search index, sitemap and 404 page, beside the HTML pages.

Every format is a pure function of the loaded Content, the base URL and whether drafts are shown,
returning {site-relative path: bytes}; `build_site` writes them with the pages. One module per format:
`atom` (feed.xml, threads/<id>/feed.xml), `icalendar` (calendar.ics), `dataset` (data/timeline.json),
`timelinejs` (data/timelinejs.json), `search_index` (search-index.json), `sitemap` (sitemap.xml,
robots.txt, .nojekyll), `not_found` (404.html).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...load.content import Content
from ...speed.export_memo import ExportMemo
from .atom import render_feeds
from .context import ExportContext
from .dataset import render_dataset
from .icalendar import render_calendar
from .not_found import render_not_found
from .search_index import render_search_index
from .sitemap import render_sitemap
from .timelinejs import render_timelinejs

if TYPE_CHECKING:
    from ..render import Renderer

RELATIVE_FEED_NOTE = ("feeds link with base-path URLs (no host): most feed readers need absolute links; "
                      "build with --base-url https://host/path/ for feeds, calendar URLs and a sitemap")


class Exports(dict[str, bytes]):
    """{relative path: bytes}, plus `notes` for the build report (e.g. why there is no sitemap)."""

    notes: list[str]

    def __init__(self, files: dict[str, bytes], notes: list[str]):
        super().__init__(sorted(files.items()))
        self.notes = notes


def render_exports(content: Content, base_url: str | None = None, include_drafts: bool = False, *,
                   pages: Iterable[str] | None = None, renderer: Renderer | None = None,
                   memo: ExportMemo | None = None) -> Exports:
    """Every export file for `content` served under `base_url` (default: the config's).

    `pages` are the site-relative paths of the HTML pages the build wrote (`events/x/`), for the
    sitemap; without it the sitemap follows the site's URL scheme. `renderer` is the build's template
    renderer, so 404.html shares the pages' layout; without it one is set up the same way. `memo` keeps
    per-event fragments between builds (memo.py); the bytes are the same with or without it.
    """
    data = render_content_exports(content, base_url, include_drafts, memo=memo)
    site = render_site_exports(content, base_url, include_drafts, pages=pages, renderer=renderer)
    return Exports({**data, **site}, data.notes + site.notes)


def render_content_exports(content: Content, base_url: str | None = None, include_drafts: bool = False, *,
                           memo: ExportMemo | None = None) -> Exports:
    """The exports made from the events alone: feeds, calendar, data files and search index (most of the work;
    a build makes them while its worker processes render the pages)."""
    ctx = ExportContext.create(content, base_url, include_drafts, memo)
    files: dict[str, bytes] = {}
    files.update(render_feeds(ctx))
    files.update(render_calendar(ctx))
    files.update(render_dataset(ctx))
    files.update(render_timelinejs(ctx))
    files.update(render_search_index(ctx))
    return Exports(files, [] if ctx.is_absolute else [RELATIVE_FEED_NOTE])


def render_site_exports(content: Content, base_url: str | None = None, include_drafts: bool = False, *,
                        pages: Iterable[str] | None = None, renderer: Renderer | None = None) -> Exports:
    """The exports that follow the pages: sitemap.xml, robots.txt, .nojekyll and 404.html (see `render_exports`)."""
    ctx = ExportContext.create(content, base_url, include_drafts)
    files, notes = render_sitemap(ctx, pages)
    return Exports({**files, **render_not_found(ctx, renderer)}, list(notes))


__all__ = ["ExportMemo", "Exports", "render_content_exports", "render_exports", "render_site_exports"]
