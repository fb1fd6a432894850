"""One Jinja environment for the whole build: the project's templates/ first, the built-in theme last.

StrictUndefined makes a misspelt variable fail the build with the template's file and line, instead
of publishing a page with a hole in it. Autoescape is on for every template; Markdown is the only
HTML that enters unescaped, and it comes from `markdown.render_markdown`, which strips raw HTML.
"""

from __future__ import annotations

import hashlib
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket

from ..errors import ContentError, Problem
from ..files.atomic_write import write_text_atomic
from ..markdown import render_markdown

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
THEME_TEMPLATES = THEME_DIR / "templates"
THEME_STATIC = THEME_DIR / "static"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    """`1 source`, `3 sources`."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


class _CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled by an earlier build, kept in `.timeline/cache/templates/`.

    Compiling the theme is a noticeable part of a small rebuild; Jinja checks each entry against its template's
    source, so an edited template is compiled again. A cache that cannot be written only makes the build slower.
    """

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def compiled_templates_cache(directory: Path) -> FileSystemBytecodeCache | None:
    """The compiled-template cache in `directory` (made if missing), or None where it cannot be made.

    Jinja keys an entry by the template's name and source only, not by the environment's options or Jinja's
    version; the directory is emptied whenever those (this module's code, Jinja, Python) change.
    """
    key = hashlib.blake2b(Path(__file__).read_bytes() + f"\0{jinja2.__version__}\0{sys.version}".encode(),
                          digest_size=16).hexdigest()
    stamp = directory / ".key"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        cache = _CompiledTemplates(str(directory))
        if not stamp.is_file() or stamp.read_text(encoding="ascii", errors="replace") != key:
            cache.clear()
            write_text_atomic(stamp, key)
    except OSError:
        return None
    return cache


def make_environment(template_dirs: Iterable[Path], bytecode_cache: BytecodeCache | None = None) -> Environment:
    """The environment with its search path (first match wins) and every filter registered here."""
    env = Environment(
        loader=FileSystemLoader([str(d) for d in template_dirs]),
        bytecode_cache=bytecode_cache,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["markdown"] = render_markdown
    env.filters["plural"] = _plural
    # `{% call fragment(kind, event_view) %}`: a block that shows only one event; a build replaces this with a
    # version that renders it once per version of the event (site/build.py).
    env.globals["fragment"] = lambda kind, view, caller: caller()
    return env


class Renderer:
    """Renders named templates, each compiled once, turning template failures into ContentError."""

    def __init__(self, template_dirs: list[Path], shown_root: Path | None = None,
                 bytecode_cache: BytecodeCache | None = None):
        self.template_dirs = template_dirs
        self.shown_root = shown_root
        self.env = make_environment(template_dirs, bytecode_cache)
        self._templates: dict[str, Template] = {}

    def add_globals(self, **values: Any) -> None:
        self.env.globals.update(values)

    def template(self, name: str) -> Template:
        if name not in self._templates:
            try:
                self._templates[name] = self.env.get_template(name)
            except TemplateError as exc:
                raise self.error(exc, name) from exc
        return self._templates[name]

    def render(self, name: str, **context: Any) -> str:
        template = self.template(name)
        try:
            return template.render(**context)
        except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's to report
            raise self.error(exc, name) from exc

    def _shown(self, filename: str | None) -> str:
        if not filename:
            return "templates"
        path = Path(filename)
        if self.shown_root is not None:
            try:
                return path.resolve().relative_to(self.shown_root.resolve()).as_posix()
            except ValueError:
                pass
        try:
            return "(built-in theme) " + path.resolve().relative_to(THEME_DIR).as_posix()
        except ValueError:
            return str(path)

    def error(self, exc: BaseException, name: str) -> ContentError:
        """A ContentError naming the template file and line where `exc` happened."""
        if isinstance(exc, TemplateSyntaxError):
            return ContentError(Problem(self._shown(exc.filename), exc.lineno, None,
                                        f"template syntax error: {exc.message}; fix the template"))
        # Jinja maps template code back to template lines in the traceback; the deepest template frame is
        # where it failed (for a missing template: the line that includes, imports or extends it).
        filename, line = None, None
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename.endswith((".html", ".xml", ".svg", ".txt")) and Path(frame.filename).exists():
                filename, line = frame.filename, frame.lineno
        if filename is None:
            filename = next((str(Path(d) / name) for d in self.template_dirs if (Path(d) / name).exists()), None)
        if isinstance(exc, TemplateNotFound):
            return ContentError(Problem(self._shown(filename), line, None,
                                        f'template "{exc.name}" not found (needed by {name}); create it in '
                                        "templates/ or fix the name; searched "
                                        + ", ".join(self._shown(str(d)) for d in self.template_dirs)))
        message = str(exc) or type(exc).__name__
        return ContentError(Problem(self._shown(filename), line, None,
                                    f"template error while rendering {name}: {message}; fix the template "
                                    "(every variable must exist: templates use StrictUndefined)"))
