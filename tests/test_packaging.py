"""The tool as a package: `python -m build` makes a wheel and an sdist that carry every data file, and a new
project's workflows install exactly the timeline that made it (PEP 610 `direct_url.json`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from timeline import __version__
from timeline.scaffold import DISTRIBUTION, UNSET_PACKAGE, installed_tool, scaffold_files

REPO = Path(__file__).resolve().parent.parent
DATA_FOLDERS = ("timeline/theme", "timeline/schema", "timeline/scaffold")
WORKFLOWS = (".github/workflows/pages.yml", ".github/workflows/check.yml")


def _data_files() -> set[str]:
    """Every non-Python file the package needs at run time, as a path inside the package."""
    return {path.relative_to(REPO).as_posix() for folder in DATA_FOLDERS for path in (REPO / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def _workflow_package(project: Path, name: str = ".github/workflows/pages.yml") -> str:
    return yaml.safe_load((project / name).read_text(encoding="utf-8"))["env"]["TIMELINE_PACKAGE"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The wheel and sdist `python -m build` makes from a copy of the sources (the checkout stays clean)."""
    root = tmp_path_factory.mktemp("packaging")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "timeline", source / "timeline", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = root / "dist"
    # --no-isolation: the test tools include the build backend, so no download is needed.
    result = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.slow
def test_build_makes_a_wheel_and_an_sdist_with_every_data_file(dist):
    wheel = dist / f"timeline_chronicle-{__version__}-py3-none-any.whl"
    sdist = dist / f"timeline_chronicle-{__version__}.tar.gz"
    assert {p.name for p in dist.iterdir()} == {sdist.name, wheel.name}
    expected = _data_files()
    assert "timeline/scaffold/dot-github/workflows/pages.yml" in expected
    assert "timeline/schema/event.schema.json" in expected and "timeline/theme/templates/base.html" in expected

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"timeline_chronicle-{__version__}.dist-info"
        wheel_metadata = archive.read(f"{info}/METADATA").decode("utf-8")
        entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    assert expected <= names, sorted(expected - names)
    assert "timeline/cli.py" in names and "timeline/extract/places.py" in names
    assert not any(name.startswith(("tests/", "content/")) for name in names), "only the package is installed"
    assert f"Name: {DISTRIBUTION}\n" in wheel_metadata and f"Version: {__version__}\n" in wheel_metadata
    assert "timeline = timeline.cli:run" in entry_points

    with tarfile.open(sdist) as archive:
        members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert expected <= members, sorted(expected - members)
    assert {"pyproject.toml", "README.md", "timeline/cli.py"} <= members


def _install(dist: Path, target: Path, *what: str) -> dict[str, str]:
    """Install the wheel into `target` as pip would for a user; the environment that runs from there."""
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                             "--find-links", str(dist), "--target", str(target), *what],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return {**os.environ, "PYTHONPATH": str(target)}


def _init(env: dict[str, str], project: Path) -> subprocess.CompletedProcess[str]:
    # Started outside the checkout: `python -m` puts the current folder first on the path.
    result = subprocess.run([sys.executable, "-m", "timeline", "init", str(project)], env=env, cwd=project.parent,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.slow
def test_init_from_an_index_install_writes_workflows_that_install_that_release(dist, tmp_path):
    # Installed by name from a package index (here a folder of wheels): pip records no direct_url.json.
    env = _install(dist, tmp_path / "site-packages", DISTRIBUTION)
    where = subprocess.run([sys.executable, "-c", "import timeline; print(timeline.__file__)"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(tmp_path / "site-packages")), "the test runs the installed wheel"

    result = _init(env, tmp_path / "news")
    for name in WORKFLOWS:
        assert _workflow_package(tmp_path / "news", name) == f"{DISTRIBUTION}=={__version__}"
        text = (tmp_path / "news" / name).read_text(encoding="utf-8")
        assert UNSET_PACKAGE not in text.split("\njobs:")[0] and "OWNER" not in text
    assert f"installs {DISTRIBUTION}=={__version__}, the timeline that made this project" in result.stderr
    assert 'Settings -> Pages -> Source to "GitHub Actions"' in result.stderr
    check = subprocess.run([sys.executable, "-m", "timeline", "-C", str(tmp_path / "news"), "check", "--strict"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr


@pytest.mark.slow
def test_init_from_a_local_wheel_marks_the_line_to_set_and_says_so(dist, tmp_path):
    wheel = next(dist.glob("*.whl"))
    env = _install(dist, tmp_path / "site-packages", str(wheel))  # a file path: direct_url.json names a file://
    result = _init(env, tmp_path / "news")
    for name in WORKFLOWS:
        assert _workflow_package(tmp_path / "news", name) == UNSET_PACKAGE
        text = (tmp_path / "news" / name).read_text(encoding="utf-8")
        assert f"# {UNSET_PACKAGE}: timeline was installed from a local folder" in text
        assert f'[ "$TIMELINE_PACKAGE" = {UNSET_PACKAGE} ]' in text, "the workflow stops with a message until set"
    assert f"note: timeline runs from the local folder {wheel}" in result.stderr
    assert f'replace {UNSET_PACKAGE} in .github/workflows/pages.yml and check.yml' in result.stderr
    assert f'"{DISTRIBUTION}=={__version__}"' in result.stderr


def test_init_from_this_checkout_says_what_to_put_in_the_workflows(tmp_path, cli):
    # The test run's own install is an editable one: a local folder.
    result = cli("init", str(tmp_path / "news"))
    assert result.code == 0
    assert _workflow_package(tmp_path / "news") == UNSET_PACKAGE
    assert f"note: timeline runs from the local folder {REPO}" in result.err
    assert "OWNER" not in (tmp_path / "news/.github/workflows/pages.yml").read_text(encoding="utf-8")


class _Distribution(metadata.Distribution):
    """A distribution whose files are given inline, to try each way pip records an install."""

    def __init__(self, direct_url: dict | str | None, version: str = "0.3.0"):
        self.files_by_name = {"METADATA": f"Metadata-Version: 2.1\nName: {DISTRIBUTION}\nVersion: {version}\n"}
        if direct_url is not None:
            text = direct_url if isinstance(direct_url, str) else json.dumps(direct_url)
            self.files_by_name["direct_url.json"] = text

    def read_text(self, filename):
        return self.files_by_name.get(filename)

    def locate_file(self, path):  # pragma: no cover - not used by installed_tool
        raise FileNotFoundError(path)


COMMIT = "0123456789abcdef0123456789abcdef01234567"
INSTALLS = {
    "index": (None, f"{DISTRIBUTION}==0.3.0"),
    "git over https": ({"url": "https://github.com/newsroom/timeline", "vcs_info": {
        "vcs": "git", "commit_id": COMMIT, "requested_revision": "v0.3.0"}},
        f"{DISTRIBUTION} @ git+https://github.com/newsroom/timeline@{COMMIT}"),
    "git, a subfolder": ({"url": "https://git.example.org/tools.git", "subdirectory": "timeline",
                          "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
                         f"{DISTRIBUTION} @ git+https://git.example.org/tools.git@{COMMIT}#subdirectory=timeline"),
    "a wheel URL": ({"url": "https://files.example.org/timeline_chronicle-0.3.0-py3-none-any.whl",
                     "archive_info": {"hashes": {"sha256": "ab" * 32}}},
                    f"{DISTRIBUTION} @ https://files.example.org/timeline_chronicle-0.3.0-py3-none-any.whl"),
    "an editable checkout": ({"url": "file:///home/ed/timeline", "dir_info": {"editable": True}}, None),
    "a local folder": ({"url": "file:///home/ed/timeline", "dir_info": {}}, None),
    "a local git repository": ({"url": "file:///home/ed/timeline", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
                               None),
    "a local wheel": ({"url": "file:///tmp/timeline_chronicle-0.3.0-py3-none-any.whl", "archive_info": {}}, None),
    "an unreadable record": ("{not json", None),
}


@pytest.mark.parametrize("direct_url, requirement", INSTALLS.values(), ids=list(INSTALLS))
def test_workflows_install_what_the_running_tool_was_installed_from(direct_url, requirement):
    tool = installed_tool(_Distribution(direct_url))
    assert tool.requirement == requirement
    files = scaffold_files("News", tool)
    for name in WORKFLOWS:
        data = yaml.safe_load(files[name])
        assert data["env"]["TIMELINE_PACKAGE"] == (requirement or UNSET_PACKAGE)
    if requirement is None:
        assert "/home/ed" not in files[WORKFLOWS[0]].decode("utf-8"), "no local path is committed"
    assert "OWNER" not in files[WORKFLOWS[0]].decode("utf-8")


def test_a_tool_run_from_sources_that_are_not_installed_is_a_local_folder(monkeypatch):
    monkeypatch.setattr(metadata, "distributions", lambda name: iter(()))
    tool = installed_tool()
    assert tool.requirement is None and tool.origin.startswith(f"the local folder {REPO}")


def _make_dry_run(tmp_path: Path, target: str) -> str:
    """What `make TARGET` would run in a fresh clone (no .venv yet), without running it."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, tmp_path / name)
    result = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_site_installs_only_what_building_needs_quietly(tmp_path):
    site = _make_dry_run(tmp_path, "site")
    installs = [line for line in site.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all("[test]" not in line for line in installs), installs
    # pip's and setuptools' output (an editable install prints a banner) goes to a log, shown only on failure.
    assert all(">.venv/install.log 2>&1 || { cat .venv/install.log; exit 1; }" in line for line in installs)
    assert ".venv/bin/timeline build" in site

    test = _make_dry_run(tmp_path, "test")
    assert any("--editable '.[test]'" in line for line in test.splitlines())
    assert ".venv/bin/python -m pytest" in test
