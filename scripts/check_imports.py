"""Fail on an import cycle inside the `timeline` package, or on a stage importing one it must not.

Every import counts, at module level or inside a function: a cycle hidden in a function is still a
cycle a reader has to untangle. Run by `make lint`; exits 1 with each cycle or forbidden edge listed.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = "timeline"
# (importer prefix, imported prefix): the load stage reads content and never needs the site or ingest.
FORBIDDEN = (
    ("timeline.load", "timeline.site"),
    ("timeline.load", "timeline.ingest"),
    ("timeline.extract", "timeline.site"),
    ("timeline.files", "timeline.site"),
)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, name: str, modules: set[str]) -> set[str]:
    """The package's modules that `name` (the module at `path`) imports anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from pkg import module` imports the module; `from module import name`, the module itself.
            targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                       for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in modules and t != name)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def check(root: Path) -> list[str]:
    """Every cycle and forbidden import in the package under `root`, one line each."""
    paths = {module_name(p, root): p for p in sorted((root / PACKAGE).rglob("*.py"))}
    graph = {name: imports_of(path, name, set(paths)) for name, path in paths.items()}
    problems = [f"import cycle: {' <-> '.join(c)}" for c in cycles(graph)]
    problems += [f"{a} imports {b}: the {a.split('.')[1]} stage must not use the {b.split('.')[1]} stage"
                 for a, targets in sorted(graph.items()) for b in sorted(targets)
                 for low, high in FORBIDDEN if a.startswith(low) and b.startswith(high)]
    return problems


def main() -> int:
    problems = check(Path(__file__).resolve().parent.parent)
    for problem in problems:
        print(problem)
    print(f"import check: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
