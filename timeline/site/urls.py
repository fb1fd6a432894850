"""Every internal link of the site, built in one place under the base URL or path.

Links are base-path-absolute (`/repo/events/x/`), not page-relative: they resolve the same from any
page, at any depth, and from 404.html, which a host serves at arbitrary URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..errors import ContentError
from ..load.config import base_url_problem
from ..load.model import is_valid_id

# What `quote(path, safe="/-._~")` leaves as it is; page paths made from checked ids are always like this.
_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9/._~-]*")


@dataclass(frozen=True)
class SiteUrls:
    """The site's base path (`/` or `/repo/`) and, when the base URL is absolute, its origin for canonical links."""

    base_path: str
    origin: str | None = None  # "https://owner.github.io" when the base URL names a host

    @classmethod
    def from_base_url(cls, base_url: str) -> SiteUrls:
        """Parse `/`, `/repo/`, `repo` or `https://host/repo/`; anything else is a ContentError (see
        `base_url_problem`)."""
        value = (base_url or "/").strip() or "/"
        if (problem := base_url_problem(value)) is not None:
            raise ContentError.at("--base-url", None, problem)
        parts = urlsplit(value)
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme else None
        path = parts.path if parts.scheme else value
        path = "/" + path.strip("/") + "/" if path.strip("/") else "/"
        return cls(path, origin)

    def page(self, path: str = "") -> str:
        """The link to a site-relative `path` (`events/x/`), percent-encoded, under the base path."""
        if _NEEDS_NO_QUOTING.fullmatch(path):
            return self.base_path + path  # the common case, without quote()'s encode and scan (called for every link)
        return self.base_path + quote(path, safe="/-._~")

    def absolute(self, path: str = "") -> str | None:
        """The full URL of a page, for canonical and Open Graph links; None when the base URL has no host."""
        return self.origin + self.page(path) if self.origin else None

    def home(self) -> str:
        return self.page("")

    def event(self, event_id: str) -> str:
        return self.page(event_path(event_id))

    def person(self, person_id: str) -> str:
        return self.page(person_path(person_id))

    def thread(self, thread_id: str) -> str:
        return self.page(thread_path(thread_id))

    def static(self, name: str = "") -> str:
        return self.page(f"static/{name}")


def _checked(slug: str) -> str:
    # Ids are validated when content is loaded; this keeps an unchecked value out of any path or URL anyway.
    if not is_valid_id(slug):
        raise ValueError(f"not a valid id for a page path: {slug!r}")
    return slug


def event_path(event_id: str) -> str:
    return f"events/{_checked(event_id)}/"


def person_path(person_id: str) -> str:
    return f"people/{_checked(person_id)}/"


def thread_path(thread_id: str) -> str:
    return f"threads/{_checked(thread_id)}/"
