"""Shared fixtures: the repository, a throw-away copy of the demo project, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from timeline.cli import main

# No example database in the work tree; under CI the same examples every run, so a red build is reproducible
# (locally each run explores new ones).
settings.register_profile("timeline", deadline=None, max_examples=100, database=None,
                          derandomize=bool(os.environ.get("CI")), suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("timeline")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "content" / "articles"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    """A copy of the demo project (content/ and templates/) in a temporary folder."""
    root = tmp_path / "demo"
    shutil.copytree(REPO / "content", root / "content")
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", root / "templates")
    return root


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create `files` (relative path -> text or bytes) under `root`."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def make_project(tmp_path: Path):
    """Build a project from inline files: `make_project({"content/events/x.yaml": "..."})`."""

    def make(files: dict[str, str | bytes], name: str = "project") -> Path:
        root = tmp_path / name
        (root / "content" / "events").mkdir(parents=True, exist_ok=True)
        (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
        return write_files(root, files)

    return make


@pytest.fixture
def cli(capsys):
    """Run the real entry point in-process: `cli("-C", dir, "check")` -> CliResult."""

    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def run_timeline(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `timeline` as a separate process, the way a user does."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
