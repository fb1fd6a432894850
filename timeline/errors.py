"""Problems found in content, each tied to a file, line and column, and the error that carries them."""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in one file, with what to do about it."""

    path: str
    line: int | None
    column: int | None
    message: str
    severity: str = ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """By file, then line and column (a problem of the whole file first), then message."""
        return (self.path, self.line or 0, self.column or 0, self.message, self.severity)

    # Not dataclass(order=True): that compares `line` directly and fails on None next to a number.
    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def location(self) -> str:
        """`path:line:column` with whatever parts are known."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.severity}: {self.location()}: {self.message}"

    def github_annotation(self) -> str:
        """The `::error file=...` line GitHub Actions turns into a comment on the diff."""
        kind = "error" if self.severity == ERROR else "warning"
        props = [f"file={self.path}"]
        if self.line is not None:
            props.append(f"line={self.line}")
        if self.column is not None:
            props.append(f"col={self.column}")
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} {','.join(props)}::{message}"


@dataclass
class Problems:
    """Collects every problem of a run so they can all be reported at once, with a count."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str | Path, line: int | None, message: str, column: int | None = None) -> None:
        self.items.append(Problem(str(path), line, column, message, ERROR))

    def warning(self, path: str | Path, line: int | None, message: str, column: int | None = None) -> None:
        self.items.append(Problem(str(path), line, column, message, WARNING))

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=Problem.sort_key)

    def __bool__(self) -> bool:
        return bool(self.items)


class ContentError(Exception):
    """Content that cannot be used as it is; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str | Path, line: int | None, message: str, column: int | None = None) -> ContentError:
        return cls(Problem(str(path), line, column, message, ERROR))


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    """A ` (did you mean "x"?)` hint for a misspelt key or name, or an empty string."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
