"""The GitHub Actions workflows (this repo's and the copies `timeline init` writes) do what the README says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SCAFFOLD = REPO / "timeline" / "scaffold" / "dot-github" / "workflows"
PAGES = [REPO / ".github/workflows/pages.yml", SCAFFOLD / "pages.yml"]
CHECKS = [REPO / ".github/workflows/check.yml", SCAFFOLD / "check.yml"]
RELEASE = REPO / ".github/workflows/release.yml"
# A full commit SHA with the release in a comment, or an exact version tag.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(?:[0-9a-f]{40} # v\d+\.\d+\.\d+|v\d+\.\d+\.\d+)$")


def _load(path: Path) -> dict:
    # PyYAML (YAML 1.1) reads the key `on` as True.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def _runs(data: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(data))


def _uses_lines(path: Path) -> list[str]:
    return [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]


@pytest.mark.parametrize("path", PAGES + CHECKS + [RELEASE], ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_action_is_pinned(path):
    uses = _uses_lines(path)
    assert uses
    for ref in uses:
        assert PINNED.match(ref), f"{path.name}: {ref} is not pinned to a SHA (with its version) or an exact tag"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_pages_workflow_checks_builds_and_deploys(path):
    data = _load(path)
    assert data["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in data["on"]
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    assert data["concurrency"]["group"]
    runs = _runs(data)
    assert "timeline check" in runs
    assert 'timeline build --base-url "${{ steps.pages.outputs.base_url }}/"' in runs
    uses = " ".join(step.get("uses", "") for step in _steps(data))
    for action in ("actions/checkout@", "actions/setup-python@", "actions/configure-pages@",
                   "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in uses
    configure = next(s for s in _steps(data) if "configure-pages" in s.get("uses", ""))
    assert configure["id"] == "pages"
    python = next(s for s in _steps(data) if "setup-python" in s.get("uses", ""))
    assert python["with"]["python-version"] == "3.11"
    upload = next(s for s in _steps(data) if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


@pytest.mark.parametrize("path", CHECKS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_check_workflow_runs_on_pull_requests(path):
    data = _load(path)
    assert "pull_request" in data["on"]
    assert "push" not in data["on"], "the check workflow never publishes"
    runs = _runs(data)
    assert "timeline check" in runs and "timeline build --base-url" in runs
    assert "pages" not in data.get("permissions", {})


def test_repo_workflows_install_this_checkout_and_scaffold_ones_the_tool_that_made_the_project():
    for path in (REPO / ".github/workflows/pages.yml", REPO / ".github/workflows/check.yml"):
        assert "pip install ." in _runs(_load(path))
    for path in (SCAFFOLD / "pages.yml", SCAFFOLD / "check.yml"):
        text = path.read_text(encoding="utf-8")
        data = _load(path)
        assert data["env"]["TIMELINE_PACKAGE"] == "__TIMELINE_PACKAGE__", "`timeline init` fills it in"
        assert 'pip install "$TIMELINE_PACKAGE"' in _runs(data)
        header = text.split("\nname:", 1)[0]
        assert "TIMELINE_PACKAGE" in header, "the setting is explained at the top"
        assert "OWNER" not in text
        # A value left to set (a tool installed from a local folder) stops the run with a message.
        assert '[ "$TIMELINE_PACKAGE" = SET-ME ]' in _runs(data) and "::error" in _runs(data)


def test_release_workflow_publishes_a_version_tag_through_trusted_publishing():
    data = _load(RELEASE)
    assert data["on"] == {"push": {"tags": ["v*"]}}
    assert data["permissions"] == {"contents": "read"}, "only the publishing job may ask for an identity token"
    build, publish = data["jobs"]["build"], data["jobs"]["publish"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "python -m build" in runs
    assert "timeline.__version__" in runs and "$GITHUB_REF_NAME" in runs, "the tag must be the package's version"
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("pypa/gh-action-pypi-publish@") for u in uses)
    assert all("password" not in step.get("with", {}) for step in publish["steps"]), "no token: trusted publishing"
    uploaded = next(s for s in build["steps"] if "upload-artifact" in s.get("uses", ""))
    downloaded = next(s for s in publish["steps"] if "download-artifact" in s.get("uses", ""))
    assert uploaded["with"]["name"] == downloaded["with"]["name"]


def test_same_action_versions_everywhere():
    refs: dict[str, set[str]] = {}
    for path in PAGES + CHECKS + [RELEASE]:
        for ref in _uses_lines(path):
            name, version = ref.split("@", 1)
            refs.setdefault(name, set()).add(version)
    assert all(len(versions) == 1 for versions in refs.values()), refs
