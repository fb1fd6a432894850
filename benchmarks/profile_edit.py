"""Where a one-event edit's rebuild spends its time, stage by stage.

    python benchmarks/profile_edit.py --events 10000 --work /tmp/p10k    # generated there unless it exists

Builds the project (a cold build, then a first edit, so that the measured edit finds the spare site as
`make bench`'s one-edit rebuild does), changes one event's title as `run.py` does, and rebuilds twice more in
fresh processes: once timed (wall and CPU seconds, as run.py measures them), once under cProfile, pinned to one
core with the cyclic collector off as `timeline build` runs it, so that every page is rendered in the profiled
process. The profile is printed as the stages' cumulative seconds: profiled code runs slower than unprofiled
code, and the profiler's clock is the wall clock (a CPU clock costs more than the calls it times), so run it
on a quiet machine and read the shares, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import pstats
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_project  # noqa: E402
from run import checked, edit_one_event, run_child, snapshot_code, timeline_cmd  # noqa: E402

# (file, function) of each stage, as pstats names them; a stage's figure includes the ones nested in it.
STAGES = [
    ("`timeline build` (after importing timeline.cli)", "timeline/cli.py", "cmd_build"),
    ("is the site up to date? (walk content/)", "timeline/speed/up_to_date.py", "for_build"),
    ("load", "timeline/load/content.py", "load_content"),
    ("  parse cache (cached events)", "timeline/speed/parse_cache.py", "parse_many"),
    ("  cross-file checks", "timeline/load/content.py", "check_references"),
    ("view model (every event)", "timeline/site/view.py", "build_view"),
    ("page list", "timeline/site/build.py", "page_jobs"),
    ("page keys", "timeline/speed/incremental.py", "page_keys"),
    ("exports (feeds, calendar, data, search)", "timeline/site/exports/__init__.py", "render_content_exports"),
    ("rendering the pages whose key changed", "timeline/site/build.py", "render_job"),
    ("imports (timeline.cli's too)", "<frozen importlib._bootstrap>", "_find_and_load"),
]

PROFILED = """
import cProfile, gc, os, sys
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core: every page is rendered in this process
gc.disable()  # as `timeline build` runs (cli.run)
profile = cProfile.Profile()
profile.enable()
from timeline.cli import main
main(["-C", sys.argv[1], "build"])
profile.disable()
profile.dump_stats(sys.argv[2])
"""


def stage_seconds(stats_file: Path) -> tuple[float, list[tuple[str, float]]]:
    """The profiled process's seconds, and each stage's cumulative seconds (0 for a stage the build did not reach)."""
    profile_of_run = pstats.Stats(str(stats_file)).get_stats_profile()
    profiles = profile_of_run.func_profiles
    found = []
    for label, file, function in STAGES:
        profile = profiles.get(function)
        matches = profile is not None and profile.file_name.replace(os.sep, "/").endswith(file)
        found.append((label, profile.cumtime if matches else 0.0))
    return profile_of_run.total_tt, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile a one-event edit's rebuild (see the module docstring).")
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="the project (generated there unless it has content/)")
    args = parser.parse_args(argv)
    project = args.work or Path(tempfile.mkdtemp(prefix="timeline-profile-"))
    snapshot_code(Path(tempfile.mkdtemp(prefix="timeline-profile-code-")))  # compiled, as run.py's children run
    if not (project / "content").is_dir():
        generate_project(project, events=args.events, articles=min(1000, max(10, args.events // 10)), seed=args.seed)
    checked(run_child(timeline_cmd(project, "build")), "a build")
    edit_one_event(project, 1)
    checked(run_child(timeline_cmd(project, "build")), "the first edit")
    edit_one_event(project, 2)
    timed = checked(run_child(timeline_cmd(project, "build")), "the timed edit")
    print(f"one-event edit, {args.events} events: {timed.seconds:.2f} s wall, {timed.cpu_seconds:.2f} s CPU")
    edit_one_event(project, 3)
    stats_file = project / ".timeline" / "edit.prof"
    checked(run_child([sys.executable, "-c", PROFILED, str(project), str(stats_file)]), "the profiled edit")
    whole, stages = stage_seconds(stats_file)
    print(f"profiled (one core, slower than unprofiled; {stats_file}):")
    for label, seconds in [("everything", whole), *stages]:
        print(f"  {label:<48} {seconds:6.2f} s  {100 * seconds / (whole or 1):4.0f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
