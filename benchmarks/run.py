"""Benchmarks: build, rebuild, memory, ingest and linking at newsroom sizes, side by side with Hugo.

    python benchmarks/run.py                 # 1,000 and 10,000 events, median of 3 (`make bench`)
    python benchmarks/run.py --large         # also 50,000 events (one repetition)
    python benchmarks/run.py --sizes 200 --repeat 1 --no-hugo --ingest-articles 20
    python benchmarks/reader.py SITE_DIR     # only the reader's measurements, on a built site

Every measurement runs `python -m timeline -C DIR ...` in a fresh process, so memory (the child's
ru_maxrss) and caches are honest: "cold" starts with no site/ and no .timeline/ cache, "no change"
rebuilds right after a build, "one edit" rebuilds after changing one event's title. Projects come from
benchmarks/generate.py with a fixed seed. Results are printed as a table and written to
benchmarks/results/latest.json. The Hugo comparison builds the same event pages (same front matter and
Markdown, a home list, thread and people term pages) with `hugo --quiet`; it is informative only and
skipped when hugo is not installed. Then `reader.py` opens the built site in headless Chromium: page weight,
bytes fetched before any interaction, DOMContentLoaded, first contentful paint and a search's time.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))

from generate import generate_project  # noqa: E402
from reader import READING_HEADER, measure_reading, print_reading  # noqa: E402

DEFAULT_SIZES = (1000, 10000)
LARGE_SIZE = 50000
RESULTS = HERE / "results" / "latest.json"
HUGO_LAYOUTS = HERE / "hugo" / "layouts"
BUILT = re.compile(r"Built (\d+) pages \((\d+) files\)")


@dataclass
class Run:
    """One child process: wall seconds, CPU seconds (user + system, its own and its children's), peak resident
    memory, exit code and what it printed."""

    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    code: int
    stdout: str
    stderr: str


# Children run a snapshot of the code taken when the run starts (see `snapshot_code`).
CHILD_ENV: dict[str, str] | None = None
CHILD_CWD: Path | None = None


def snapshot_code(work: Path) -> None:
    """Run every child on a copy of timeline/ taken now: in a shared checkout the code may change mid-run, which
    would also (rightly) defeat the no-change rebuild, whose fingerprint covers the tool's own files."""
    global CHILD_ENV, CHILD_CWD
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "timeline", code / "timeline", ignore=shutil.ignore_patterns("__pycache__"))
    # Compiled now, as installing the tool compiles it: otherwise, where PYTHONDONTWRITEBYTECODE is set (as on
    # some CI machines), every timed run compiled all of timeline/ from source first (40 ms of each build).
    compileall.compile_dir(code / "timeline", quiet=1)
    CHILD_ENV = {**os.environ, "PYTHONPATH": str(code)}
    CHILD_CWD = work  # `python -m` puts the working folder first on sys.path: not the checkout


def run_child(args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `args` and measure it alone: wall time, and from wait4() the CPU time and peak RSS of the child (its own
    worker processes' CPU is included: they are waited for before it exits)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=cwd or CHILD_CWD, stdout=out, stderr=err, env=env or CHILD_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, out.read().decode(errors="replace"),
                   err.read().decode(errors="replace"))


def timeline_cmd(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "timeline", "-C", str(project), *args]


def checked(run: Run, what: str) -> Run:
    if run.code != 0:
        raise SystemExit(f"{what} failed (exit {run.code}):\n{run.stderr[-3000:]}")
    return run


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# No timed run may follow a big deletion. On ext4 without a journal (this VM's disk) the kernel does not reuse an
# inode within 60 s of its deletion, or 360 s while its inode-table block is dirty (RECENTCY_MIN and
# RECENTCY_DIRTY in fs/ext4/ialloc.c; creating files nearby dirties those blocks again), and checks each such
# inode on every new one it allocates (`recently_deleted`): a cold build after `rm -rf` of earlier outputs
# spent a third of its CPU there, for Hugo as for us, and the figures swung 2x with how recently, and how
# much, had been deleted. So the benchmark deletes nothing until every timed run is done.


class Trash:
    """Where timed runs' earlier outputs go instead of being deleted before the next run: moved aside (one
    rename), and deleted once, after the last timed run."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    def set_aside(self, path: Path) -> None:
        if path.exists() or path.is_symlink():
            self.folder.mkdir(parents=True, exist_ok=True)
            self.count += 1
            path.rename(self.folder / f"{self.count}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def set_aside_build_state(project: Path, trash: Trash) -> None:
    for name in ("site", ".timeline"):
        trash.set_aside(project / name)


def edit_one_event(project: Path, round_number: int) -> Path:
    """Change one reviewed event's title, the commonest correction an editor makes."""
    events = sorted((project / "content" / "events").glob("*.yaml"))
    path = events[len(events) // 2]
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^title: (.*?)(?: \(rev \d+\))?$", lambda m: f"title: {m.group(1)} (rev {round_number})", text,
                  count=1, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    return path


def measure_builds(project: Path, repeat: int, trash: Trash, hugo_dir: Path | None = None) -> dict[str, object]:
    """Cold, no-change and one-edit builds of `project`, each `repeat` times; with `hugo_dir`, a cold Hugo build of
    the twin site right after each cold timeline build.

    Alternating the two tools gives both the same machine state (what the other left in the page cache), and
    neither tool's cold run follows a big deletion (see Trash): earlier outputs are set aside in `trash`.
    """
    build = timeline_cmd(project, "build", "--out", str(project / "site"))
    cold: list[Run] = []
    hugo_runs: list[Run] = []
    for _ in range(repeat):
        set_aside_build_state(project, trash)
        cold.append(checked(run_child(build), "cold build"))
        if hugo_dir is not None:
            hugo_runs.append(run_hugo(hugo_dir, trash))
    unchanged = [checked(run_child(build), "no-change rebuild") for _ in range(repeat)]
    # The first edit after a cold build has no spare tree to reuse and links every page from the live site
    # (timeline/site/incremental.py): a case of its own, reported apart from the edits that follow it.
    edit_one_event(project, 1)
    first_edit = checked(run_child(build), "first one-edit rebuild")
    edited = []
    for number in range(repeat):
        edit_one_event(project, number + 2)
        edited.append(checked(run_child(build), "one-edit rebuild"))
    match = BUILT.search(cold[-1].stderr)
    pages = int(match.group(1)) if match else 0
    files = int(match.group(2)) if match else 0
    cold_s = median([r.seconds for r in cold])
    row: dict[str, object] = {
        "pages": pages,
        "files": files,
        "cold_s": cold_s,
        "cold_runs_s": [r.seconds for r in cold],
        "cold_cpu_s": median([r.cpu_seconds for r in cold]),
        "no_change_s": median([r.seconds for r in unchanged]),
        "no_change_runs_s": [r.seconds for r in unchanged],
        "first_edit_s": first_edit.seconds,
        "one_edit_s": median([r.seconds for r in edited]),
        "one_edit_runs_s": [r.seconds for r in edited],
        "one_edit_cpu_s": median([r.cpu_seconds for r in edited]),
        "peak_rss_mb": max(r.max_rss_mb for r in [*cold, *unchanged, first_edit, *edited]),
        "pages_per_s": pages / cold_s if cold_s else 0.0,
    }
    if hugo_dir is not None:
        row["hugo"] = {"cold_s": median([r.seconds for r in hugo_runs]), "cold_runs_s": [r.seconds for r in hugo_runs],
                       "cold_cpu_s": median([r.cpu_seconds for r in hugo_runs]),
                       "peak_rss_mb": max(r.max_rss_mb for r in hugo_runs),
                       "html_files": sum(1 for p in (hugo_dir / "public").rglob("*.html"))}
        row["ratio_vs_hugo"] = cold_s / row["hugo"]["cold_s"] if row["hugo"]["cold_s"] else None
    return row


# -- Hugo -----------------------------------------------------------------------------------------

def write_hugo_site(project: Path, hugo_dir: Path) -> int:
    """The same events as a Hugo site: one Markdown page each, front matter with every field shown."""
    from timeline.files.yaml_writer import dump_yaml
    from timeline.load.content import Project, load_content

    os.environ["TIMELINE_CACHE"] = "off"  # read the project without leaving a cache behind for the timed runs
    content = load_content(Project(project))
    del os.environ["TIMELINE_CACHE"]
    shutil.rmtree(hugo_dir, ignore_errors=True)
    (hugo_dir / "content" / "events").mkdir(parents=True)
    shutil.copytree(HUGO_LAYOUTS, hugo_dir / "layouts")
    (hugo_dir / "static").mkdir()
    (hugo_dir / "static" / "style.css").write_text("body{font-family:system-ui;max-width:50rem;margin:auto}\n")
    title = content.config.title.replace('"', "'")
    (hugo_dir / "config.toml").write_text(
        f'baseURL = "/"\ntitle = "{title}"\ndisableKinds = []\n'
        '[taxonomies]\n  thread = "threads"\n  person = "people"\n'
        '[params]\n  description = "Hugo twin of a timeline benchmark project"\n'
        '[markup.goldmark.renderer]\n  unsafe = false\n', encoding="utf-8")
    (hugo_dir / "content" / "events" / "_index.md").write_text("---\ntitle: Events\n---\n", encoding="utf-8")
    titles = {e.id: e.title for e in content.events}
    written = 0
    for event in content.events:
        if event.is_draft:
            continue  # timeline leaves drafts out by default; so does this twin
        front = {
            "title": event.title,
            "date": event.date.first_day().isoformat() if event.date else None,
            "date_iso": event.date.iso() if event.date else "",
            "date_text": event.date.display() if event.date else "date unknown",
            "kind": event.kind,
            "place": event.place,
            "status": event.status,
            "participants": [p.to_yaml() for p in event.participants],
            "people": [p.name for p in event.participants],
            "sources": [{**s.to_yaml(), "published": s.published.iso() if s.published else None}
                        for s in event.sources],
            "mentions": [m.to_yaml() for m in event.mentions],
            "threads": list(event.threads),
            "related": [{"id": r.id, "title": titles.get(r.id, r.id), "reason": r.reason} for r in event.related],
        }
        if front["date"] is None:
            del front["date"]
        text = "---\n" + dump_yaml(front) + "---\n" + event.summary + "\n"
        (hugo_dir / "content" / "events" / f"{event.id}.md").write_text(text, encoding="utf-8")
        written += 1
    return written


def prepare_hugo(project: Path, work: Path) -> Path | None:
    """The Hugo twin of `project` under `work`, or None when hugo is not installed."""
    if shutil.which("hugo") is None:
        return None
    hugo_dir = work / "hugo-site"
    write_hugo_site(project, hugo_dir)
    return hugo_dir


def run_hugo(hugo_dir: Path, trash: Trash) -> Run:
    """One cold Hugo build: no public/, no resources/ cache."""
    for name in ("public", "resources", ".hugo_build.lock"):
        trash.set_aside(hugo_dir / name)
    hugo = shutil.which("hugo") or "hugo"
    return checked(run_child([hugo, "--quiet", "-s", str(hugo_dir), "-d", str(hugo_dir / "public")]), "hugo")


# -- ingest and linking ---------------------------------------------------------------------------

def measure_ingest(work: Path, articles: int, repeat: int, seed: int, trash: Trash) -> dict[str, object]:
    """`timeline ingest` over `articles` articles into a project with no events yet, on every core."""
    runs = []
    for _ in range(repeat):
        project = work / "ingest"
        trash.set_aside(project)
        generate_project(project, events=max(articles, 2), articles=articles, seed=seed)
        events = project / "content" / "events"
        trash.set_aside(events)
        events.mkdir()
        runs.append(checked(run_child(timeline_cmd(project, "ingest", "--quiet")), "ingest"))
    seconds = median([r.seconds for r in runs])
    written = len(list((work / "ingest" / "content" / "events").glob("*.yaml")))
    return {"articles": articles, "jobs": os.cpu_count(), "seconds": seconds, "runs_s": [r.seconds for r in runs],
            "articles_per_s": articles / seconds if seconds else 0.0, "stubs_written": written,
            "peak_rss_mb": max(r.max_rss_mb for r in runs)}


LINK_SNIPPET = """
import json, sys, time
from pathlib import Path
from timeline.load.content import Project, load_content
from timeline.ingest.linking import link_events
content = load_content(Project(Path(sys.argv[1])))
started = time.perf_counter()
links = link_events(content.events, content.config, content.people)
print(json.dumps({"seconds": time.perf_counter() - started, "events": len(content.events)}))
"""


def measure_linking(project: Path, repeat: int) -> dict[str, object] | None:
    """`link_events` over every event of `project` (the load is not counted)."""
    runs = []
    for _ in range(repeat):
        run = run_child([sys.executable, "-c", LINK_SNIPPET, str(project)])
        if run.code != 0:
            return {"error": run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.code}"}
        runs.append(json.loads(run.stdout.strip().splitlines()[-1]))
    seconds = median([r["seconds"] for r in runs])
    events = runs[0]["events"]
    return {"events": events, "seconds": seconds, "ms_per_event": 1000 * seconds / events if events else 0.0}


# -- report ---------------------------------------------------------------------------------------

def print_table(results: dict[str, object]) -> None:
    sizes = results["sizes"]
    header = (f"{'events':>8} {'pages':>7} {'cold s':>8} {'ms/event':>9} {'no-change s':>12} {'first edit s':>13} "
              f"{'one-edit s':>11} "
              f"{'peak MB':>8} {'pages/s':>8} {'hugo s':>7} {'ratio':>6} {'cpu s':>6} {'hugo cpu':>8} {'link s':>7}")
    print(header)
    print("-" * len(header))
    for size, row in sizes.items():
        hugo = row.get("hugo") or {}
        link = row.get("linking") or {}
        ratio = row.get("ratio_vs_hugo")
        print(f"{size:>8} {row['pages']:>7} {row['cold_s']:>8.2f} {row['ms_per_event']:>9.3f} "
              f"{row['no_change_s']:>12.2f} {row['first_edit_s']:>13.2f} {row['one_edit_s']:>11.2f} "
              f"{row['peak_rss_mb']:>8.0f} "
              f"{row['pages_per_s']:>8.0f} {hugo.get('cold_s', float('nan')):>7.2f} "
              f"{ratio if ratio is not None else float('nan'):>6.2f} {row.get('cold_cpu_s', float('nan')):>6.1f} "
              f"{hugo.get('cold_cpu_s', float('nan')):>8.1f} {link.get('seconds', float('nan')):>7.2f}")
    readings = [(size, row["reading"]) for size, row in sizes.items() if row.get("reading")]
    if readings:
        print("\nreading (headless Chromium, loopback; HTML and fetched bytes raw and gzipped, other = the largest "
              "fetch but the page, before any interaction):")
        print(READING_HEADER)
        for size, reading in readings:
            print_reading(size, reading)
    ingest = results.get("ingest")
    if ingest:
        print(f"\ningest: {ingest['articles']} articles in {ingest['seconds']:.2f}s = "
              f"{ingest['articles_per_s']:.0f} articles/s on {ingest['jobs']} cores "
              f"({ingest['stubs_written']} stubs, peak {ingest['peak_rss_mb']:.0f} MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure timeline at newsroom sizes (see the module docstring).")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated event counts (default 1000,10000)")
    parser.add_argument("--large", action="store_true", help=f"also {LARGE_SIZE:,} events, one repetition")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per measurement; the median is kept")
    parser.add_argument("--articles", type=int, default=0,
                        help="articles per project (default: a tenth of the events, at most 1000)")
    parser.add_argument("--ingest-articles", type=int, default=1000, help="articles for the ingest run (0: skip)")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument("--no-reading", action="store_true", help="skip the reader's measurements in Chromium")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="where projects are generated (default: a temporary folder)")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.large:
        sizes.append(LARGE_SIZE)
    work = args.work or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "repeat": args.repeat,
        "seed": args.seed,
        "sizes": {},
    }
    snapshot_code(work)
    trash = Trash(work / "trash")
    try:
        for size in sizes:
            repeat = 1 if size >= LARGE_SIZE else args.repeat
            project = work / f"events-{size}"
            articles = args.articles or min(size // 10, 1000)
            print(f"[{size} events] generating ...", file=sys.stderr, flush=True)
            generate_project(project, events=size, articles=articles, seed=args.seed)
            # Content is normally saved well before a build; files younger than 2 s are "racy" to the caches
            # (see timeline/speed/parse_cache.py) and would make even a single cold run unrepresentative.
            time.sleep(2.1)
            hugo_dir = None if args.no_hugo else prepare_hugo(project, work / f"hugo-{size}")
            print(f"[{size} events] building x{repeat}{' (alternating with hugo)' if hugo_dir else ''} ...",
                  file=sys.stderr, flush=True)
            row = measure_builds(project, repeat, trash, hugo_dir)
            row["events"] = size
            row["ms_per_event"] = 1000 * row["cold_s"] / size
            row["ms_per_event_no_change"] = 1000 * row["no_change_s"] / size
            if size <= 10000:
                print(f"[{size} events] linking ...", file=sys.stderr, flush=True)
                row["linking"] = measure_linking(project, repeat)
            if not args.no_reading and size <= 10000:
                print(f"[{size} events] reading in Chromium ...", file=sys.stderr, flush=True)
                row["reading"] = measure_reading(project / "site")
            results["sizes"][str(size)] = row
        if args.ingest_articles:
            print(f"[ingest] {args.ingest_articles} articles ...", file=sys.stderr, flush=True)
            results["ingest"] = measure_ingest(work, args.ingest_articles, min(args.repeat, 3), args.seed, trash)
    finally:
        trash.empty()
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
