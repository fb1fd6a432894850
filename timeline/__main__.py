"""`python -m timeline` runs the command-line tool."""

from .cli import run

run()
