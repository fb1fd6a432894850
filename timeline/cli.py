"""Command-line entry point: option parsing only; each command calls its stage and reports.

Exit codes: 0 ok, 1 content errors, 2 usage errors. Errors go to stderr as `error: path:line:col: message`;
a traceback is shown only with --debug.
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .errors import ContentError, Problem, did_you_mean
from .files.atomic_write import JOURNAL_NAME, write_batch
from .load.content import Content, Project, check_countries, load_content

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """The command line asks for something impossible; exit 2 with this message."""


def report_problems(problems: list[Problem], *, stream=None) -> None:  # type: ignore[no-untyped-def]
    """Print problems to stderr, and as GitHub annotations when running under GitHub Actions."""
    stream = stream or sys.stderr
    for problem in problems:
        print(str(problem), file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.github_annotation())


_OS_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and run the command again (nothing was replaced)",
    errno.EDQUOT: "the disk quota is used up; free some space and run the command again (nothing was replaced)",
    errno.EACCES: "permission denied; make the folder writable or choose another one (e.g. --out)",
    errno.EPERM: "operation not permitted; make the folder writable or choose another one (e.g. --out)",
    errno.EROFS: "the file system is read-only; choose a writable folder (e.g. --out)",
}


def os_error_message(exc: OSError) -> str:
    """`path: what happened; what to do` for a failed read or write."""
    where = exc.filename or "?"
    advice = _OS_ADVICE.get(exc.errno or 0, f"{exc.strerror or exc}; check the file and run the command again")
    return f"{where}: {advice}"


def _summary(errors: int, warnings: int) -> str:
    return f"Found {errors} error(s) and {warnings} warning(s)."


def _project(args: argparse.Namespace) -> Project:
    return Project(Path(args.directory).resolve())


def load_checked(args: argparse.Namespace, *, show_warnings: bool = False,
                 file_stats: dict[str, tuple[int, int]] | None = None) -> Content:
    """Load the project; on errors print them all and raise ContentError (exit 1)."""
    content = load_content(_project(args), file_stats)
    errors = content.problems.errors
    shown = content.problems.sorted() if show_warnings else sorted(errors)
    if errors:
        report_problems(shown)
        print(_summary(len(errors), len(content.problems.warnings)), file=sys.stderr)
        raise SystemExit(EXIT_CONTENT)
    return content


def _lock(project: Project, what: str):  # type: ignore[no-untyped-def]
    """The project lock, or nothing when there is no project folder yet (loading then reports that)."""
    from contextlib import nullcontext

    from .files.project_lock import project_lock

    return project_lock(project, what) if project.content_dir.is_dir() else nullcontext()


def cmd_check(args: argparse.Namespace) -> int:
    project = _project(args)
    if (project.state_dir / JOURNAL_NAME).exists():
        with _lock(project, "check"):  # taking the lock finishes the writes a killed ingest left half-done
            pass
    content = load_content(project)
    check_countries(content)
    problems = content.problems
    shown = problems.sorted() if not args.quiet else sorted(problems.errors)
    report_problems(shown)
    errors, warnings = len(problems.errors), len(problems.warnings)
    failed = errors or (args.strict and warnings)
    strict = " Under --strict, warnings fail the check too." if args.strict and warnings else ""
    print(
        f"{'error' if failed else 'ok'}: {len(content.events)} event(s), {len(content.people)} people, "
        f"{len(content.articles)} article(s). {_summary(errors, warnings)}{strict}",
        file=sys.stderr,
    )
    return EXIT_CONTENT if failed else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from .load.config import base_url_problem
    from .speed.up_to_date import BuildStamp

    if args.base_url is not None and (problem := base_url_problem(args.base_url)) is not None:
        raise UsageError(f"--base-url: {problem}")
    project = _project(args)
    out = Path(args.out).resolve() if args.out else project.site_dir
    # The lock from loading to writing: an ingest must not change content/ while it is read.
    with _lock(project, "build"):
        # Nothing changed since the last successful build into `out`: skip loading and writing (site/up_to_date.py).
        stamp = BuildStamp.for_build(project, out, args.base_url, args.drafts)
        if (last := stamp.last_build()) is not None:
            print(f"Site is up to date: nothing changed since the last build of {last['pages']} pages into {out}.",
                  file=sys.stderr)
            return EXIT_OK
        content = load_checked(args, file_stats=stamp.content_stats)
        # Imported once loaded: the parse workers of a big load are forked without Jinja, and start sooner.
        from .site.build import build_site

        report = build_site(content, out, base_url=args.base_url, include_drafts=args.drafts)
        stamp.record(report.pages, report.files, report.summary())
    print(report.summary(), file=sys.stderr)
    return EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest.pipeline import run_ingest

    project = _project(args)
    # Locked from loading to the last write, so what ingest decides from is what it writes over; and one
    # batch, so a kill leaves all of this run's files or none (stubs name each other in `related:`).
    with _lock(project, "ingest"), write_batch(project.content_dir, project.state_dir):
        content = load_checked(args)
        report = run_ingest(content, [Path(a) for a in args.articles] or None, jobs=args.jobs,
                            progress=not args.quiet)
    print(report.table(), file=sys.stderr)
    return EXIT_CONTENT if report.failed else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from .ingest.pipeline import extract_events

    result = extract_events([Path(a) for a in args.files], project_dir=Path(args.directory).resolve())
    for problem in result.problems:
        print(str(problem), file=sys.stderr)
    json.dump(result.events_json(), sys.stdout, indent=2 if args.json else None, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_CONTENT if result.problems and not result.events else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from .ingest.evaluation import evaluate_gold_file

    report = evaluate_gold_file(Path(args.gold), project_dir=Path(args.directory).resolve())
    print(report.table())
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from .scaffold import init_project, installed_tool, publishing_advice

    tool = installed_tool()
    created = init_project(Path(args.target), tool)
    for path in created:
        print(f"created {path}")
    print(f"\nNext: cd {args.target} && timeline build", file=sys.stderr)
    print(publishing_advice(tool), file=sys.stderr)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import NewEventError, new_event

    try:
        path = new_event(_project(args), args.title, date=args.date, kind=args.kind, event_id=args.id)
    except NewEventError as exc:
        raise UsageError(str(exc)) from exc
    print(f"created {path}")
    return EXIT_OK


def cmd_rename(args: argparse.Namespace) -> int:
    from .files.rename import RenameError, rename_event

    project = _project(args)
    with _lock(project, "rename"):
        content = load_checked(args)
        try:
            report = rename_event(content, args.old, args.new)
        except RenameError as exc:
            raise UsageError(str(exc)) from exc
    print(f"renamed {report.old_path} to {report.new_path}")
    for path, count in sorted(report.references.items()):
        if path != report.new_path:
            print(f"updated {path} ({count} reference(s))")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .site.serve import serve

    return serve(_project(args), host=args.host, port=args.port, include_drafts=args.drafts)


def cmd_review(args: argparse.Namespace) -> int:
    from .review import review_items, review_json, review_table

    content = load_checked(args)
    items = review_items(content)
    print(review_json(items) if args.json else review_table(items))
    return EXIT_OK


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, str]] = {}


def _command(add_parser: Callable[..., argparse.ArgumentParser], name: str, func: Callable[[argparse.Namespace], int],
             help_text: str, example: str) -> argparse.ArgumentParser:
    parser = add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=f"example:\n{textwrap.indent(example, '  ')}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=func)
    COMMANDS[name] = (func, help_text, example)
    return parser


def port_number(text: str) -> int:
    """The --port option: a TCP port, 0 for any free one."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port number; use 1-65535, like 8000 (0: any free port)")
    return port


# Python 3.14's argparse suggests a close command for a misspelt one; older ones get our own suggestion (`main`).
_ARGPARSE_SUGGESTS = sys.version_info >= (3, 14)


def make_parser() -> argparse.ArgumentParser:
    suggest: dict[str, Any] = {"suggest_on_error": True} if _ARGPARSE_SUGGESTS else {}
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn news articles into a sourced, correctable, publishable chronology.",
        epilog="Run `timeline COMMAND --help` for each command's options and an example.",
        **suggest,
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    parser.add_argument("-C", dest="directory", default=".", metavar="PROJECT_DIR",
                        help="run as if started in PROJECT_DIR (default: the current folder)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND").add_parser

    check = _command(sub, "check", cmd_check, "validate every YAML file and article reference",
                     "timeline check            # errors and warnings, exit 1 on errors\n"
                     "timeline check --strict   # warnings fail too")
    check.add_argument("--strict", action="store_true", help="treat warnings (drafts, review flags) as failures")
    check.add_argument("--quiet", action="store_true", help="print errors only, not warnings")

    build = _command(sub, "build", cmd_build, "render content/ into a static site (default: site/)",
                     "timeline build --base-url https://owner.github.io/repo/")
    build.add_argument("--out", metavar="DIR", help="output folder (default: site/)")
    build.add_argument("--base-url", metavar="URL", help="URL or path the site is served under (overrides the config)")
    build.add_argument("--drafts", action="store_true", help="include draft events, marked as unreviewed")

    ingest = _command(sub, "ingest", cmd_ingest, "turn articles into draft event stubs in content/events/",
                      "timeline ingest                               # every article in content/articles/\n"
                      "timeline ingest content/articles/new-story.md")
    ingest.add_argument("articles", nargs="*", metavar="ARTICLE", help="only these articles (default: all)")
    ingest.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")

    extract = _command(sub, "extract", cmd_extract, "print the event stubs extracted from articles, write nothing",
                       "timeline extract story1.txt story2.html --json")
    extract.add_argument("files", nargs="+", metavar="FILE", help="article files (text, Markdown or HTML)")
    extract.add_argument("--json", action="store_true", help="print indented JSON (the output is always JSON)")

    evaluate = _command(sub, "eval", cmd_eval, "measure extraction against a gold file, field by field",
                        "timeline eval tests/gold/seeds.yaml")
    evaluate.add_argument("gold", metavar="GOLD.yaml", help="gold file: expected fields per article")

    init = _command(sub, "init", cmd_init, "create a new timeline project in DIR",
                    "timeline init my-timeline")
    init.add_argument("target", metavar="DIR", help="folder to create (must not hold timeline files yet)")

    new = _command(sub, "new", cmd_new, "write a stub for an event no article covers yet",
                   'timeline new "Kurilla visits Islamabad" --date 2023-07 --kind visit')
    new.add_argument("title", help="headline-style title")
    new.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD (default: unknown, left for review)")
    new.add_argument("--kind", default="other", help="meeting, call, visit, statement, ... (default: other)")
    new.add_argument("--id", help="event id (default: made from the date and title)")

    rename = _command(sub, "rename", cmd_rename, "give an event a new id: its file and every reference to it",
                      "timeline rename undated-kurilla-visits-islamabad 2023-07-24-kurilla-visits-islamabad")
    rename.add_argument("old", metavar="OLD", help="the event's id now (its file name without .yaml)")
    rename.add_argument("new", metavar="NEW", help="the new id, a lowercase slug")

    serve = _command(sub, "serve", cmd_serve, "preview the site locally, rebuilding on every change",
                     "timeline serve --port 8000")
    serve.add_argument("--port", type=port_number, default=8000, help="port (default: 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--drafts", action="store_true", help="include draft events")

    review = _command(sub, "review", cmd_review, "list what needs a human: drafts, flags, duplicates, thin sourcing",
                      "timeline review\ntimeline review --json | jq '.[] | .file'")
    review.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    """The word in the command's place of `argv` (before parsing), or None when there is none."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--version", "--"):
            return None
        if word == "-C":
            next(words, None)  # the project folder
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not _ARGPARSE_SUGGESTS and (word := _command_word(argv)) is not None and word not in COMMANDS:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: unknown command \"{word}\"{did_you_mean(word, set(COMMANDS))}; "
              f"run `{parser.prog} --help` to list the commands", file=sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: return the code so callers in-process get it
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    folder = Path(args.directory)
    if not folder.is_dir():
        what = "this is a file, not a folder" if folder.exists() else "the folder does not exist"
        print(f"error: -C {args.directory}: {what}; give the folder of a timeline project (the one that holds "
              "content/)", file=sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_CONTENT
    except ContentError as exc:
        report_problems(exc.problems)
        return EXIT_CONTENT
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`timeline review | head`): not a failure, and nothing more can be written
        # there. Pointing stdout at devnull keeps the final flush from failing too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # the disk, not the content: say which file and what to do, not "please report"
        if args.debug:
            raise
        print(f"error: {os_error_message(exc)}", file=sys.stderr)
        return EXIT_CONTENT
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        if args.debug:
            raise
        print(f"error: {type(exc).__name__}: {exc} (run with --debug for a traceback, and please report it)",
              file=sys.stderr)
        return EXIT_CONTENT


# Commands whose objects (the loaded content, the view, the pages to write) nearly all live until the process
# exits and hold next to no reference cycles: the cyclic collector would only scan them again and again.
NO_CYCLIC_COLLECTION = ("build", "check")


def run() -> NoReturn:
    """The `timeline` command: `main`, then exit without tearing the interpreter down.

    The process-wide settings of the command line live here and nowhere else, so that in-process callers of
    `main` (the tests among them) keep their own: the cyclic collector is off for NO_CYCLIC_COLLECTION, and
    the process ends with `os._exit`, because freeing a big build's objects one by one at exit is slow and the
    system reclaims a process's memory at once. Commands close their files and release their locks before
    `main` returns, so only the standard streams are left to flush.
    """
    if _command_word(sys.argv[1:]) in NO_CYCLIC_COLLECTION:
        gc.disable()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`timeline check | head`): nothing more can be said there
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
