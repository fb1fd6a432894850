"""What an ingest run did: the summary table printed after it, and the record tests read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import Problem, Problems
from .people_writer import PeopleChanges


@dataclass
class FileChange:
    """What happened to one event file."""

    event_id: str
    path: str
    detail: str = ""


@dataclass
class IngestReport:
    """What ingest did, for the summary table and for tests."""

    articles: int = 0
    created: list[FileChange] = field(default_factory=list)
    updated: list[FileChange] = field(default_factory=list)
    unchanged: list[FileChange] = field(default_factory=list)
    skipped: list[FileChange] = field(default_factory=list)  # editor-edited; new evidence reported
    needs_review: list[str] = field(default_factory=list)  # every event `timeline review` lists after the run
    unreadable: list[Problem] = field(default_factory=list)
    warnings: Problems = field(default_factory=Problems)
    people: PeopleChanges = field(default_factory=PeopleChanges)
    imported: list[str] = field(default_factory=list)
    dismissed: list[FileChange] = field(default_factory=list)  # logged articles whose stub an editor deleted
    renamed: list[FileChange] = field(default_factory=list)  # same bytes as a logged article under a new name
    already_cited: int = 0  # unchanged articles cited only by editors' events: not read again
    suggestions: list[str] = field(default_factory=list)  # facts for editors' files, to apply by hand
    comparisons: int = 0

    @property
    def failed(self) -> bool:
        """True when articles were given and not one could be used (exit 1).

        A run that processed some articles and skipped others succeeded at what it could do: it exits 0
        and lists each skipped file with its reason, so a batch with one broken file does not look failed
        to a script while the editor still sees what to fix.
        """
        return bool(self.unreadable) and len(self.unreadable) >= self.articles

    def table(self) -> str:
        """The summary printed after a run: one row per outcome, with the files concerned."""
        severity = "error" if self.failed else "warning"
        lines = [str(replace(p, severity=severity)) for p in self.unreadable]
        lines += [str(p) for p in self.warnings.sorted()]
        if self.unreadable:
            lines.append(f"{len(self.unreadable)} article(s) skipped"
                         + ("; nothing was ingested" if self.failed else "; the others were ingested"))
        lines.append(f"ingest: {self.articles} article(s)")

        def row(label: str, items: list[FileChange] | list[str]) -> None:
            lines.append(f"  {label:<26}{len(items):>4}")
            for item in items[:50]:
                if isinstance(item, FileChange):
                    lines.append(f"      {item.path}" + (f"  ({item.detail})" if item.detail else ""))
                else:
                    lines.append(f"      {item}")
            if len(items) > 50:
                lines.append(f"      ... and {len(items) - 50} more")

        row("created", self.created)
        row("updated", self.updated)
        lines.append(f"  {'unchanged':<26}{len(self.unchanged):>4}")
        row("skipped (editor-edited)", self.skipped)
        lines.append(f"  {'needs review':<26}{len(self.needs_review):>4}"
                     + ("  (`timeline review` lists what)" if self.needs_review else ""))
        row("unreadable", [p.location() for p in self.unreadable])
        if self.dismissed:
            row("dismissed by editor", self.dismissed)
        if self.renamed:
            row("renamed or copied", self.renamed)
        if self.suggestions:
            row("suggestions (by hand)", self.suggestions)
        if self.already_cited:
            lines.append(f"  {'already in edited events':<26}{self.already_cited:>4}  (unchanged; not read again)")
        if self.imported:
            row("imported articles", self.imported)
        lines.append(f"people: {len(self.people.added)} added, {len(self.people.aliases)} new alias(es)"
                     + (" (content/people.yaml)" if self.people else ""))
        return "\n".join(lines)
