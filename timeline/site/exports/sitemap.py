"""`sitemap.xml`, `robots.txt` and `.nojekyll`.

A sitemap must list absolute URLs (sitemaps.org protocol), so it is written only when the base URL
names a host; otherwise the build report says why there is none. `robots.txt` is only read at a
host's root, so under a project subpath (`/repo/`) it is harmless but ignored by crawlers.
`.nojekyll` stops GitHub Pages from running Jekyll, which would hide folders starting with `_`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..urls import event_path, person_path, thread_path
from .context import ExportContext
from .xml_escape import xml_character_data

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NO_SITEMAP_NOTE = ("no sitemap.xml: sitemaps need absolute URLs; build with --base-url https://host/path/ "
                   "(or set base_url in content/timeline.yaml) to get one")


def site_pages(ctx: ExportContext) -> list[str]:
    """The pages the site builds, by the site's URL scheme (used when the build does not pass its own list)."""
    content = ctx.content
    pages = ["", "threads/", "people/", "sources/"]
    pages += [event_path(e.id) for e in ctx.events]
    pages += [thread_path(t.id) for t in content.config.threads]
    people = sorted({pid for e in ctx.events for pid in ctx.person_ids(e)})
    pages += [person_path(pid) for pid in people]
    return pages


def render_sitemap(ctx: ExportContext, pages: Iterable[str] | None = None) -> tuple[dict[str, bytes], list[str]]:
    """The files and any build-report notes. `pages` are site-relative page paths (`events/x/`)."""
    files: dict[str, bytes] = {".nojekyll": b""}
    notes: list[str] = []
    robots = ["User-agent: *", "Allow: /"]
    if ctx.is_absolute:
        listed = sorted(set(site_pages(ctx) if pages is None else pages))
        files["sitemap.xml"] = _urlset([ctx.link(page) for page in listed]).encode("utf-8")
        robots.append(f"Sitemap: {ctx.link('sitemap.xml')}")
    else:
        notes.append(NO_SITEMAP_NOTE)
    files["robots.txt"] = ("\n".join(robots) + "\n").encode("utf-8")
    return files, notes


def _urlset(links: list[str]) -> str:
    """The sitemap document as ElementTree writes it (indented by two spaces), written as text: one element
    tree per page cost more than the rest of the sitemap. The tests compare it with ElementTree's."""
    if not links:
        return f"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=\"{SITEMAP_NS}\" />\n"
    urls = "".join(f"\n  <url>\n    <loc>{xml_character_data(link)}</loc>\n  </url>" for link in links)
    return f"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=\"{SITEMAP_NS}\">{urls}\n</urlset>\n"
