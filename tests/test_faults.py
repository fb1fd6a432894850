"""Faults outside the content: a folder that refuses writes, a full disk, a missing or broken template.

Each gives one clear line naming the file and what to do, exit 1, no traceback; content/ is untouched
(hashed before and after) and the previous site/ is still there.

These tests run as root in CI containers, where chmod does not stop writes and a read-only bind mount
needs privileges; so permission and disk-full faults are simulated in-process by making the system calls
the writers use (os.replace, os.rename, renameat2, file writes) raise the OSError the kernel would.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from timeline.files import atomic_write
from timeline.site import output


def hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def built(demo_project, cli, monkeypatch):
    """The demo project with a finished site/, and the hashes of its content/ and site/."""
    monkeypatch.setenv("TIMELINE_CACHE", "off")  # every build really builds
    result = cli("-C", str(demo_project), "build")
    assert result.code == 0, result.err
    return demo_project, hashes(demo_project / "content"), hashes(demo_project / "site")


def assert_clean_failure(result, project: Path, content: dict[str, str], site: dict[str, str], *words: str) -> None:
    assert result.code == 1, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err and "please report" not in result.err
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert hashes(project / "content") == content
    assert hashes(project / "site") == site
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]


def _raise(code: int, name: str = ""):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(args[1] if len(args) > 1 else name))

    return fail


@pytest.mark.parametrize("code, advice", [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only"),
                                          (errno.EPERM, "not permitted")])
def test_site_folder_that_refuses_the_swap(built, cli, monkeypatch, code, advice):
    project, content, site = built
    monkeypatch.setattr(output, "exchange_paths", _raise(code))
    monkeypatch.setattr(output.os, "rename", _raise(code))
    result = cli("-C", str(project), "build")
    assert_clean_failure(result, project, content, site, advice, "site")


def test_disk_full_while_writing_pages(built, cli, monkeypatch):
    import timeline.site.output as output_module

    project, content, site = built
    written = {"count": 0}
    real_write = output_module.write_file

    def write_failing(path, data):  # every page goes through output.write_file
        written["count"] += 1
        if written["count"] > 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_write(path, data)

    monkeypatch.setattr(output_module, "write_file", write_failing)
    result = cli("-C", str(project), "build")
    assert_clean_failure(result, project, content, site, "disk is full", ".site.building-")


def test_disk_full_during_ingest_leaves_content_as_it_was(built, cli, monkeypatch):
    project, content, site = built
    for path in (project / "content" / "events").glob("*.yaml"):
        path.unlink()
    (project / "content" / "ingest-log.yaml").unlink(missing_ok=True)
    content = hashes(project / "content")
    real_fsync = os.fsync
    calls = {"count": 0}

    def fsync(fd):
        calls["count"] += 1
        if calls["count"] > 2:  # a few files staged, then the disk fills
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(atomic_write.os, "fsync", fsync)
    result = cli("-C", str(project), "ingest", "--quiet", "--jobs", "1")
    assert result.code == 1, result.err
    assert "disk is full" in result.err and "Traceback" not in result.err
    assert hashes(project / "content") == content  # not one stub of the batch, and no temp file
    assert not list((project / "content").rglob(".*.tmp"))
    monkeypatch.setattr(atomic_write.os, "fsync", real_fsync)
    assert cli("-C", str(project), "ingest", "--quiet", "--jobs", "1").code == 0  # space freed: it works


def test_disk_full_for_new_leaves_no_half_file(demo_project, cli, monkeypatch):
    before = hashes(demo_project / "content")
    monkeypatch.setattr(atomic_write.os, "fsync", _raise(errno.ENOSPC))
    result = cli("-C", str(demo_project), "new", "Something happened", "--date", "2024")
    assert result.code == 1 and "disk is full" in result.err and "Traceback" not in result.err, result.err
    assert hashes(demo_project / "content") == before
    assert not list((demo_project / "content").rglob(".*.tmp"))


TEMPLATE_FAULTS = {
    "missing include": ({"templates/event.html": "{% extends 'base.html' %}{% block main %}"
                         "{% include '_gone.html' %}{% endblock %}"}, ["templates/event.html", "_gone.html"]),
    "missing parent": ({"templates/index.html": "{% extends 'layout-removed.html' %}"},
                       ["templates/index.html", "layout-removed.html"]),
    "syntax error": ({"templates/event.html": "{% extends 'base.html' %}{% block main %}{% if %}{% endblock %}"},
                     ["templates/event.html:1"]),
    "unclosed block": ({"templates/base.html": "<html>{% block main %}</html>"}, ["templates/base.html"]),
    "undefined variable": ({"templates/thread.html": "{% extends 'base.html' %}{% block main %}{{ no_such.thing }}"
                            "{% endblock %}"}, ["templates/thread.html", "no_such"]),
    "missing macro file": ({"templates/person.html": "{% import '_macros_old.html' as m %}{{ m.x() }}"},
                           ["templates/person.html", "_macros_old.html"]),
}


@pytest.mark.parametrize("files, words", TEMPLATE_FAULTS.values(), ids=list(TEMPLATE_FAULTS))
def test_broken_templates_fail_before_touching_the_site(built, cli, files, words):
    project, content, site = built
    for name, text in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    templates = hashes(project / "templates")
    result = cli("-C", str(project), "build")
    assert result.code == 1, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error: templates/"), result.err
    assert "Traceback" not in result.err and "please report" not in result.err
    for word in words:
        assert word in result.err, (word, result.err)
    assert hashes(project / "content") == content
    assert hashes(project / "site") == site
    assert hashes(project / "templates") == templates


def test_unreadable_article_during_ingest_is_named(built, cli, monkeypatch):
    """An article that cannot be opened (EACCES, simulated) is skipped with its name; the rest is ingested."""
    project, _, _ = built
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name.startswith("000_"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = cli("-C", str(project), "ingest", "--quiet", "--jobs", "1")
    assert "Traceback" not in result.err
    assert any("000_" in line and "Permission denied" in line for line in result.err.splitlines()), result.err
