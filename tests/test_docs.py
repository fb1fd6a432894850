"""The README and docs/ hold together: every relative link resolves, every page is in the index, the README stays short."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
README_LIMIT = 10 * 1024  # a front door, with the reference in docs/

FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target) and ![alt](target), with an optional "title"; link text has no brackets once code spans are gone.
LINK = re.compile(r"!?\[[^\[\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto:, ...


def _prose_lines(text: str) -> list[str]:
    """The lines outside fenced code blocks, where Markdown links and headings can be."""
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def link_targets(text: str) -> list[str]:
    """Every link and image target in Markdown text, in order; code is not read as links."""
    targets = []
    for line in _prose_lines(text):
        line = CODE_SPAN.sub(lambda m: m.group(2).replace("[", "").replace("]", ""), line)
        targets += LINK.findall(line)
        if match := REFERENCE.match(line):
            targets.append(match.group(1))
    return targets


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: its text lowercased, punctuation dropped, spaces turned into hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text, not its target
    text = text.replace("`", "").replace("*", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors of every heading in a Markdown file, a repeated heading getting -1, -2, ... as on GitHub."""
    seen: dict[str, int] = {}
    found = set()
    for line in _prose_lines(path.read_text(encoding="utf-8")):
        if match := HEADING.match(line):
            anchor = heading_anchor(match.group(1))
            found.add(f"{anchor}-{seen[anchor]}" if anchor in seen else anchor)
            seen[anchor] = seen.get(anchor, 0) + 1
    return found


def broken_links(page: Path) -> list[str]:
    """The relative links of one page whose file, or heading anchor, does not exist, each with the reason."""
    broken = []
    for target in link_targets(page.read_text(encoding="utf-8")):
        if EXTERNAL.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (page.parent / file_part).resolve() if file_part else page
        if not linked.exists():
            broken.append(f"{target}: no file {linked}")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no heading with anchor #{anchor} in {linked.name}")
        elif anchor and linked.suffix != ".md":
            broken.append(f"{target}: an anchor into a file that is not Markdown")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_resolves(page):
    assert broken_links(page) == []


def test_every_docs_page_is_in_the_index():
    linked = {target.partition("#")[0] for target in link_targets((DOCS / "README.md").read_text(encoding="utf-8"))}
    pages = {path.name for path in DOCS.glob("*.md")} - {"README.md"}
    assert pages - linked == set()


def test_the_readme_is_a_front_door():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= README_LIMIT, "move reference material into docs/"
    assert "](docs/README.md)" in readme


def test_the_checker_finds_a_missing_file_and_a_missing_anchor(tmp_path):
    (tmp_path / "other.md").write_text("# Other page\n\n## The `build` command\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n"
        "[fine](other.md#the-build-command) and [self](#page) and [web](https://example.com/x.md)\n"
        "[gone](missing.md) and [no heading](other.md#nowhere) and ![img](pic.png)\n"
        "`[not a link](nowhere.md)`\n\n"
        "```\n[in a code block](nowhere.md)\n```\n",
        encoding="utf-8",
    )
    folder = tmp_path.resolve()
    assert broken_links(page) == [
        f"missing.md: no file {folder / 'missing.md'}",
        "other.md#nowhere: no heading with anchor #nowhere in other.md",
        f"pic.png: no file {folder / 'pic.png'}",
    ]


def test_heading_anchors_follow_github():
    assert heading_anchor("People registry (`content/people.yaml`)") == "people-registry-contentpeopleyaml"
    assert heading_anchor("Measuring extraction: `timeline eval`") == "measuring-extraction-timeline-eval"
    assert heading_anchor("Speed, caches and benchmarks") == "speed-caches-and-benchmarks"
