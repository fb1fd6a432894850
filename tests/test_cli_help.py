"""Every command has help with an example, and every command is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import COMMANDS, make_parser

REPO = Path(__file__).resolve().parent.parent
make_parser()  # fills COMMANDS
NAMES = sorted(COMMANDS)


def test_the_known_commands_are_registered():
    assert {"check", "build", "init", "new", "serve", "review"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_help_has_an_example(name, cli):
    result = cli(name, "--help")
    assert result.code == 0
    assert "example:" in result.out
    example = result.out.split("example:", 1)[1]
    assert f"timeline {name}" in example, "the example runs the command it documents"


def test_top_level_help_lists_every_command(cli):
    result = cli("--help")
    assert result.code == 0
    for name in NAMES:
        assert name in result.out


@pytest.mark.parametrize("name", NAMES)
def test_every_command_is_in_the_readme(name):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`timeline {name}" in readme
