"""The ingest summary's "needs review" is the number of events `timeline review` lists afterwards."""

from __future__ import annotations

import json
import re
import shutil

from conftest import SEEDS, run_timeline


def _needs_review(table: str) -> int:
    match = re.search(r"^  needs review\s+(\d+)", table, re.MULTILINE)
    assert match, table
    return int(match.group(1))


def _listed_events(root) -> int:
    result = run_timeline("review", "--json", cwd=root)
    assert result.returncode == 0, result.stderr
    return len({item["event"] for item in json.loads(result.stdout)})


def test_needs_review_counts_every_event_review_lists(tmp_path):
    root = tmp_path / "news"
    assert run_timeline("init", str(root)).returncode == 0
    for article in SEEDS.iterdir():
        shutil.copy2(article, root / "content/articles" / article.name)
    first = run_timeline("ingest", "--quiet", cwd=root)
    assert first.returncode == 0, first.stderr
    listed = _listed_events(root)
    # The drafts ingest wrote, and init's example event, which has a single source.
    assert listed > 1
    assert _needs_review(first.stderr) == listed
    assert "(`timeline review` lists what)" in first.stderr

    again = run_timeline("ingest", "--quiet", cwd=root)
    assert _needs_review(again.stderr) == _listed_events(root) == listed, "a run that changes nothing says the same"
