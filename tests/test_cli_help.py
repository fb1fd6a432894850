"""Every command has help with an example, and every command has its own section in docs/commands.md."""

from __future__ import annotations

import re
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
def test_every_command_has_a_section_in_the_commands_doc(name):
    lines = (REPO / "docs" / "commands.md").read_text(encoding="utf-8").splitlines()
    assert f"## `timeline {name}`" in lines
    assert any(line.startswith(f"| [`timeline {name}") for line in lines), "the summary table lists it too"


def test_the_commands_doc_documents_no_command_that_does_not_exist():
    text = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^## `timeline (\S+)`$", text, flags=re.MULTILINE)) == set(NAMES)
@pytest.mark.parametrize(("argv", "word", "meant"), [
    (["bulid"], "bulid", "build"),
    (["-C", "some/project", "--debug", "chek", "--strict"], "chek", "check"),
    (["serv", "--port", "8001"], "serv", "serve"),
])
def test_a_misspelt_command_gets_a_suggestion_and_a_usage_error(argv, word, meant, cli):
    result = cli(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("usage: timeline")
    assert word in result.err
    assert f'did you mean "{meant}"?' in result.err or f"maybe you meant '{meant}'?" in result.err  # 3.14's wording


def test_a_command_word_that_is_a_project_folder_is_not_taken_for_a_command(cli, tmp_path):
    """`-C bulid build`: the folder after -C is no command, however it is spelt."""
    (tmp_path / "bulid").mkdir()
    result = cli("-C", str(tmp_path / "bulid"), "check")
    assert result.code == 1
    assert "unknown command" not in result.err and "invalid choice" not in result.err
