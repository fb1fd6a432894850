"""The package's layout: stages as packages, no import cycles, few modules loose at the root."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_imports", REPO / "scripts" / "check_imports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_package_has_no_import_cycle_and_no_forbidden_import() -> None:
    assert _checker().check(REPO) == []


def test_the_checker_finds_a_cycle_hidden_in_a_function_and_a_forbidden_import(tmp_path: Path) -> None:
    package = tmp_path / "timeline"
    for folder in ("load", "site"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from .a import x\n    return x\n")
    (package / "load" / "content.py").write_text("from ..site.markdown import plain\n")
    (package / "site" / "markdown.py").write_text("plain = 1\n")
    problems = _checker().check(tmp_path)
    assert "import cycle: timeline.a <-> timeline.b" in problems
    assert any(p.startswith("timeline.load.content imports timeline.site.markdown") for p in problems)
    assert len(problems) == 2


def test_at_most_six_modules_stand_loose_at_the_package_root() -> None:
    loose = sorted(p.name for p in (REPO / "timeline").glob("*.py")
                   if p.name not in ("__init__.py", "__main__.py", "cli.py"))
    assert len(loose) <= 6, loose
