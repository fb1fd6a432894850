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
from jinja2.runtime import Context
from markupsafe import Markup, escape

try:
    from markupsafe._speedups import _escape_inner  # markupsafe's C escaping, without its Python wrapper
except ImportError:  # pragma: no cover - markupsafe built without its C speedups
    _escape_inner = None

from ..errors import ContentError, Problem
from ..files.atomic_write import write_text_atomic
from .markdown import render_markdown

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
THEME_TEMPLATES = THEME_DIR / "templates"
THEME_STATIC = THEME_DIR / "static"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    """`1 source`, `3 sources`."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


class _CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled by an earlier build, kept in `.timeline/cache/templates/`.

    Compiling the theme is ~0.1 s of every build; Jinja checks each entry against its template's source, so
    an edited template is compiled again. A cache that cannot be written only makes the build slower.
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


_new_str = str.__new__


def escape_text(value: Any) -> Markup:
    """`markupsafe.escape(value)`, with a shortcut for plain strings.

    Every `{{ value }}` in an autoescaping template is a call to escape: 1.1 million of them in a build of 10,000
    events. markupsafe 3 escapes in C behind two Python calls (`escape`, then `Markup.__new__` asking for
    `__html__` again); for a plain string this makes the same Markup in 0.13 µs instead of 0.32. Markup (a
    macro's output, a date's HTML) is already escaped: markupsafe would copy it, this returns it.
    """
    kind = type(value)
    if kind is str and _escape_inner is not None:
        return _new_str(Markup, _escape_inner(value))
    if kind is Markup:
        return value
    return escape(value)


class _Template(Template):
    """Jinja's template, its output escaped by `escape_text` (`Environment.template_class`)."""

    @classmethod
    def from_code(cls, environment: Environment, code: Any, globals: Any,
                  uptodate: Any = None) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        # Compiled template code looks `escape` up in the template's module namespace, where Jinja put
        # markupsafe's: every function of the template (its root, blocks and macros) shares that namespace.
        template.root_render_func.__globals__["escape"] = escape_text
        return template


class _SharedGlobalsContext(Context):
    """Jinja's template context, without the names of its template's globals (`Environment.context_class`).

    Jinja keeps those names so that a template importing macros (`{% from "_macros.html" import card %}`) can
    tell whether it has globals the macros' module lacks, and then makes that module again, for that render.
    Here every template has the environment's globals and no others, so the answer is always no; finding it
    out cost ~9 µs a page (a set of the globals' names, then a ChainMap lookup for each), a tenth of an event
    page's rendering. Without the names, the imported module is made once and kept, as it already was.
    """

    def __init__(self, environment: Environment, parent: dict[str, Any], name: str | None,
                 blocks: dict[str, Any], globals: Any = None):
        super().__init__(environment, parent, name, blocks)


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
    env.context_class = _SharedGlobalsContext
    env.template_class = _Template
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
        self._flat_globals: dict[str, dict[str, Any]] = {}  # by template: its globals as one plain dict

    def add_globals(self, **values: Any) -> None:
        self.env.globals.update(values)
        self._flat_globals.clear()

    def template(self, name: str) -> Template:
        if name not in self._templates:
            try:
                self._templates[name] = self.env.get_template(name)
            except TemplateError as exc:
                raise self.error(exc, name) from exc
        return self._templates[name]

    def render(self, name: str, **context: Any) -> str:
        template = self.template(name)
        names = self._flat_globals.get(name)
        if names is None:
            names = self._flat_globals[name] = dict(template.globals)
        try:
            # Jinja's low-level API: `render` copies the globals out of their ChainMap on every call (5.6 µs of
            # an empty page's 24.5), so they are given as one plain dict instead.
            return "".join(template.root_render_func(template.new_context({**names, **context}, shared=True)))
        except Exception:  # noqa: BLE001 - rendered again below, the standard way, for a located error
            pass
        try:
            # Only `render` maps a failure back to the template's line: do it again that way.
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
