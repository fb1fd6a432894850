"""Options that cannot work are usage errors (exit 2) that say what to write, before anything is read or built."""

from __future__ import annotations

import pytest
from conftest import run_timeline


@pytest.mark.parametrize(("base_url", "message"), [
    ("example.github.io/x", 'base URL "example.github.io/x" has no scheme, so it would be read as a path and every '
                            "link would be broken: write https://example.github.io/x/ (the full address) or /x/ (the "
                            "path)"),
    ("ftp://x/", 'base URL "ftp://x/" must be a path like /repo/ or an http(s) address like '
                 "https://owner.github.io/repo/"),
    ("//example.org/x", 'base URL "//example.org/x" must be a path like /repo/ or an http(s) address like '
                        "https://owner.github.io/repo/"),
])
def test_a_base_url_that_breaks_every_link_is_a_usage_error(demo_project, cli, base_url, message):
    result = cli("-C", str(demo_project), "build", "--base-url", base_url)
    assert result.code == 2
    assert result.err == f"error: --base-url: {message}\n"
    assert not (demo_project / "site").exists(), "nothing was built"


def test_the_base_url_in_timeline_yaml_is_checked_at_its_line(make_project, cli):
    root = make_project({"content/timeline.yaml": "title: News\nbase_url: example.github.io/x\n"})
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert ('error: content/timeline.yaml:2:1: base URL "example.github.io/x" has no scheme, so it would be read as a '
            "path and every link would be broken: write https://example.github.io/x/ (the full address) or /x/ (the "
            "path)") in result.err.splitlines()


@pytest.mark.parametrize("base_url", ["/", "/repo/", "repo", "https://owner.github.io/repo/"])
def test_base_urls_that_work_still_build(demo_project, cli, base_url, tmp_path):
    result = cli("-C", str(demo_project), "build", "--base-url", base_url, "--out", str(tmp_path / "site"))
    assert result.code == 0, result.err


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_on_an_impossible_port_is_a_usage_error(demo_project, port):
    result = run_timeline("serve", "--port", port, cwd=demo_project, timeout=60)
    assert result.returncode == 2
    assert f"error: argument --port: {port} is not a port number; use 1-65535, like 8000 (0: any free port)" \
        in result.stderr
    assert "please report" not in result.stderr
