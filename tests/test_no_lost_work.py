"""No lost work: every write is atomic, a kill -9 at any moment leaves old or new files (never half of one),
and two writers never interleave.

Leftovers a kill may leave, and who removes them:
- `content/**/.<name>.<random>.tmp`: atomic_write's temp file, if the kill lands between creating it and
  renaming it into place. Hidden and ignored by every reader; the next `timeline ingest` deletes them.
- `.site.building-<pid>-*` / `.site.old-<pid>-*` beside site/: a killed build's temp folder (or, where the
  one-step swap is unavailable, the previous site moved aside); the next build deletes the first and puts
  the second back (timeline/site/output.py).
- `.timeline/lock`: an empty file; flock locks die with their process, so it never blocks anyone.
"""

from __future__ import annotations

import ast
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.ingest.stub_file import is_ingest_owned
from timeline.load.content import Project, load_content

REPO = Path(__file__).resolve().parent.parent
TIMELINE = REPO / "timeline"

# --- every write in the code goes through atomic_write or the build's temp folder -----------------------------

# (file, why its direct writes are safe)
ALLOWED_WRITERS = {
    "files/atomic_write.py": "the atomic writer itself: temp file, fsync, rename or link",
    "site/output.py": "writes only inside the build's private temp folder, swapped in whole at the end",
    "speed/parse_cache.py": "its own temp file + os.replace under .timeline/ (a cache: a torn one is rebuilt)",
    "files/project_lock.py": "the lock file's pid line, informational only",
}
WRITE_CALLS = {"write_text", "write_bytes", "copyfile", "copy", "copy2", "copytree", "move", "dump"}


def direct_writes(path: Path) -> list[str]:
    """Calls in one module that write a file without atomic_write: write_text/write_bytes/copy*, open(.., 'w')."""
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in WRITE_CALLS and name != "dump":
            found.append(f"{path.name}:{node.lineno}: {name}()")
        if name in ("open", "fdopen"):
            modes = [a for a in node.args[1:2]] + [k.value for k in node.keywords if k.arg == "mode"]
            for mode in modes:
                if isinstance(mode, ast.Constant) and isinstance(mode.value, str) and set(mode.value) & set("wax+"):
                    found.append(f"{path.name}:{node.lineno}: open(..., {mode.value!r})")
        if name == "open" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id == "os":
            if node.args and ast.unparse(node.args[0]) == "os.devnull":
                continue  # the null device: nothing is written to any file
            flags = ast.unparse(node.args[1]) if len(node.args) > 1 else ""
            if re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_APPEND|O_TRUNC", flags):
                found.append(f"{path.name}:{node.lineno}: os.open({flags})")
    return found


def test_every_write_in_the_code_is_atomic():
    offenders = []
    for path in sorted(TIMELINE.rglob("*.py")):
        relative = path.relative_to(TIMELINE).as_posix()
        if relative in ALLOWED_WRITERS:
            continue
        offenders += direct_writes(path)
    assert not offenders, "write these with timeline.files.atomic_write:\n" + "\n".join(offenders)


def test_the_audit_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os, shutil\nfrom pathlib import Path\nPath('x').write_text('y')\n"
                      "open('f', 'w')\nopen('f', mode='ab')\nshutil.copyfile('a', 'b')\n"
                      "os.open('f', os.O_WRONLY | os.O_CREAT)\nopen('f')\nopen('f', 'rb')\n")
    assert len(direct_writes(sample)) == 5


def test_allowed_writers_still_exist():
    for relative in ALLOWED_WRITERS:
        assert (TIMELINE / relative).is_file(), f"{relative} is gone: drop it from ALLOWED_WRITERS"


# --- helpers for the kill tests ---------------------------------------------------------------------------------


def generate(out: Path, events: int, articles: int, seed: int) -> Path:
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--events", str(events),
                    "--articles", str(articles), "--seed", str(seed), str(out)],
                   check=True, capture_output=True, timeout=120)
    return out


def start(project: Path, *args: str) -> subprocess.Popen[str]:
    """`timeline ARGS` in its own process group, so SIGKILL reaches its worker processes too."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "timeline", "-C", str(project), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, env=env)


def kill(process: subprocess.Popen[str]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate(timeout=30)


def finish(process: subprocess.Popen[str], timeout: float = 180) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def file_hashes(root: Path, *, skip_hidden: bool = False) -> dict[str, str]:
    result = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if skip_hidden and any(part.startswith(".") for part in relative.split("/")):
            continue
        result[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def temp_files(content: Path) -> list[str]:
    return sorted(p.relative_to(content).as_posix() for p in content.rglob(".*.tmp"))


def assert_content_whole(project: Project, before: dict[str, str]) -> None:
    """Every file under content/ is its old bytes or a complete, valid new file; the whole project loads clean."""
    content_dir = project.content_dir
    now = file_hashes(content_dir, skip_hidden=True)
    assert set(before) <= set(now), f"files lost: {sorted(set(before) - set(now))}"
    loaded = load_content(project)
    assert not loaded.problems.errors, [str(p) for p in loaded.problems.errors[:5]]
    for relative, digest in now.items():
        if before.get(relative) == digest or not relative.startswith("events/"):
            continue
        text = (content_dir / relative).read_text("utf-8")
        assert is_ingest_owned(text), f"{relative}: not a complete stub (its hash line does not match)"


# --- ingest killed at random moments ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ingest_project(tmp_path_factory) -> tuple[Path, dict[str, str], float]:
    """200 generated articles, their events removed (so ingest has every stub to write), the content/ a
    complete uninterrupted ingest leaves, for comparison, and the seconds that ingest took."""
    base = tmp_path_factory.mktemp("ingest")
    project = generate(base / "project", events=200, articles=200, seed=11)
    for path in (project / "content" / "events").glob("*.yaml"):
        path.unlink()
    # A hand-edited, reviewed event an interrupted ingest must never touch.
    (project / "content" / "events" / "editor-event.yaml").write_text(
        "# an editor's own file\nid: editor-event\ntitle: Editor's event\ndate: 2020-01-02\nkind: meeting\n"
        "status: reviewed\nsummary: Written by hand.\nsources:\n  - url: https://example.com/x\n    quote: q\n")
    reference = base / "reference"
    shutil.copytree(project, reference)
    started = time.monotonic()
    code, err = finish(start(reference, "ingest", "--quiet", "--jobs", "2"))
    assert code == 0 and "Traceback" not in err, err
    return project, file_hashes(reference / "content"), time.monotonic() - started


@pytest.mark.slow
def test_ingest_killed_at_random_moments_loses_nothing(ingest_project):
    project_dir, reference, duration = ingest_project
    project = Project(project_dir)
    rng = random.Random(20240611)
    events_dir = project.events_dir
    before_any = file_hashes(project.content_dir, skip_hidden=True)
    kills = 0
    for attempt in range(5):
        before = file_hashes(project.content_dir, skip_hidden=True)
        existing = set(os.listdir(events_dir))
        process = start(project_dir, "ingest", "--quiet", "--jobs", "2")
        if attempt % 2 == 0:
            # Anywhere in a run (loading, extracting, writing), however long a whole run takes on this machine.
            time.sleep(rng.uniform(0.05, 0.85) * duration)
        else:
            # Wait for the write phase (the first new stub), then kill a few milliseconds into it.
            deadline = time.monotonic() + 60
            while set(os.listdir(events_dir)) == existing and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.05))
        finished = process.poll() is not None
        kill(process)
        kills += not finished
        assert_content_whole(project, before)
        assert file_hashes(project.events_dir)["editor-event.yaml"] == before_any["events/editor-event.yaml"]
    assert kills >= 3, "most kills should land before the run ends"
    # A complete run afterwards gives exactly what an uninterrupted run gives, and clears the temp files.
    code, err = finish(start(project_dir, "ingest", "--quiet", "--jobs", "2"))
    assert code == 0, err
    assert temp_files(project.content_dir) == []
    assert file_hashes(project.content_dir) == reference


# --- build killed at random moments -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def build_project(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str], float]:
    """1,000 generated events built once (the old site); then content edited, and the new site built in a copy."""
    base = tmp_path_factory.mktemp("build")
    project = generate(base / "project", events=1000, articles=20, seed=12)
    code, err = finish(start(project, "build"))
    assert code == 0, err
    old = file_hashes(project / "site")
    for path in sorted((project / "content" / "events").glob("*.yaml"))[:25]:
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"^title: (.*)$", r"title: \1 (edited)", text, count=1, flags=re.M), "utf-8")
    reference = base / "reference"
    shutil.copytree(project, reference, ignore=shutil.ignore_patterns(".timeline"))
    started = time.monotonic()
    code, err = finish(start(reference, "build"))
    assert code == 0, err
    seconds = time.monotonic() - started
    new = file_hashes(reference / "site")
    assert new != old
    return project, old, new, seconds


def assert_site_whole(project: Path, old: dict[str, str], new: dict[str, str]) -> str:
    site = project / "site"
    assert site.is_dir(), "site/ is missing"
    now = file_hashes(site)
    if now == old:
        return "old"
    if now == new:
        return "new"
    missing, extra = set(old) - set(now), set(now) - set(old)
    pytest.fail(f"site/ is neither build: {len(now)} files, {len(missing)} missing, {len(extra)} extra")


@pytest.mark.slow
def test_build_killed_at_random_moments_leaves_old_or_new_site(build_project):
    project, old, new, seconds = build_project
    rng = random.Random(1066)
    outcomes = []
    for attempt in range(4):
        process = start(project, "build")
        if attempt == 0:
            # While loading: once the build holds the project lock (its pid is in the lock file), a few ms on;
            # a fixed delay from the start could land after the swap now that a small incremental build is fast.
            lock = project / ".timeline" / "lock"
            deadline = time.monotonic() + 60
            while process.poll() is None and time.monotonic() < deadline:
                try:
                    if lock.read_text().startswith(f"{process.pid} "):
                        break
                except OSError:
                    pass
                time.sleep(0.001)
            time.sleep(rng.uniform(0.0, 0.03))
        else:
            # Into the write phase: once the temp folder exists, at a random moment of writing it.
            deadline = time.monotonic() + 120
            while not list(project.glob(".site.building-*")) and process.poll() is None \
                    and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 1.0) * seconds / 4)
        kill(process)
        outcomes.append(assert_site_whole(project, old, new))
        if outcomes[-1] == "new":
            break
    assert "old" in outcomes, "no kill landed before the swap"
    code, err = finish(start(project, "build"))
    assert code == 0, err
    assert assert_site_whole(project, old, new) == "new"
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert leftovers == [], leftovers


# --- two writers at once ----------------------------------------------------------------------------------------

LOCK_MESSAGE = re.compile(r"another timeline (build|ingest|serve) is running \(pid \d+\); wait for it")


@pytest.mark.slow
def test_two_builds_at_once_never_interleave(build_project, tmp_path):
    source, _, new, _ = build_project
    project = tmp_path / "twice"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns(".timeline", "site"))
    first = start(project, "build")
    time.sleep(0.2)
    second = start(project, "build")
    results = [finish(first), finish(second)]
    for code, err in results:
        assert "Traceback" not in err
        assert code == 0 or (code == 1 and LOCK_MESSAGE.search(err)), err
    assert any(code == 0 for code, _ in results)
    assert file_hashes(project / "site") == new


@pytest.mark.slow
def test_two_ingests_at_once_give_one_consistent_result(ingest_project, tmp_path):
    """Both finish, one after the other, or the second refuses; either way the result is a single run's."""
    source, reference, _duration = ingest_project
    project = tmp_path / "twice"
    shutil.copytree(source, project)
    for path in (project / "content" / "events").glob("*.yaml"):
        if path.name != "editor-event.yaml":
            path.unlink()
    (project / "content" / "ingest-log.yaml").unlink(missing_ok=True)
    before = file_hashes(project / "content", skip_hidden=True)
    first = start(project, "ingest", "--quiet", "--jobs", "1")
    time.sleep(0.3)
    second = start(project, "ingest", "--quiet", "--jobs", "1")
    results = [finish(first), finish(second)]
    for code, err in results:
        assert "Traceback" not in err
        assert code == 0 or (code == 1 and LOCK_MESSAGE.search(err)), err
    assert_content_whole(Project(project), before)
    fresh = file_hashes(project / "content")
    assert {k for k in fresh if k.startswith("events/")} == {k for k in reference if k.startswith("events/")}
    assert fresh == reference


@pytest.mark.slow
def test_ingest_during_a_build_waits_or_refuses(build_project, tmp_path):
    source, *_ = build_project
    project = tmp_path / "mixed"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns(".timeline", "site"))
    article = project / "content" / "articles" / "late-news.txt"
    article.write_text("Gen. Ada Example meets Gen. Bob Sample in Vienna\n\nVIENNA, March 12, 2021 - Gen. Ada "
                       "Example met Gen. Bob Sample in Vienna on Thursday to discuss border security, officials "
                       "said.\n", "utf-8")
    build = start(project, "build")
    time.sleep(1.0)  # inside the build's write phase: the lock is held
    ingest = start(project, "ingest", "--quiet", str(article))
    (build_code, build_err), (ingest_code, ingest_err) = finish(build), finish(ingest)
    assert build_code == 0, build_err
    assert "Traceback" not in ingest_err
    assert ingest_code == 0 or (ingest_code == 1 and LOCK_MESSAGE.search(ingest_err)), ingest_err
    assert not load_content(Project(project)).problems.errors
