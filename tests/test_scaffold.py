"""`timeline init` (a new project that checks and builds at once) and `timeline new` (event stubs)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import run_timeline

from timeline.load.config import CONFIG_KEYS
from timeline.load.content import Project, load_content
from timeline.load.model import EVENT_KEYS
from timeline.scaffold import TEMPLATE_DIR, event_stub, init_project, scaffold_files

REPO = Path(__file__).resolve().parent.parent
HAS_BUILDER = importlib.util.find_spec("timeline.site.build") is not None

EXPECTED_FILES = {
    ".github/workflows/pages.yml",
    ".github/workflows/check.yml",
    ".github/pull_request_template.md",
    ".gitignore",
    "README.md",
    "docs/editing.md",
    "templates/README.md",
    "content/timeline.yaml",
    "content/people.yaml",
    "content/event.schema.json",
}


def _files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_init_then_check_then_build_with_the_real_cli(tmp_path):
    target = tmp_path / "my-timeline"
    result = run_timeline("init", str(target))
    assert result.returncode == 0, result.stderr
    assert "created" in result.stdout and "Next: cd" in result.stderr
    assert EXPECTED_FILES <= _files_under(target)

    check = run_timeline("check", cwd=target)
    assert check.returncode == 0, check.stderr
    assert "1 event(s), 1 people, 1 article(s). Found 0 error(s) and 0 warning(s)." in check.stderr

    strict = run_timeline("check", "--strict", cwd=target)
    assert strict.returncode == 0, strict.stderr

    if not HAS_BUILDER:
        pytest.skip("timeline.site.build is not written yet")
    build = run_timeline("build", "--base-url", "/my-timeline/", cwd=target)
    assert build.returncode == 0, build.stderr
    pages = list((target / "site").rglob("*.html"))
    assert (target / "site" / "index.html").is_file()
    assert any("Northport council approves the harbour bridge" in p.read_text(encoding="utf-8") for p in pages)


def test_init_writes_every_documented_file(tmp_path):
    target = tmp_path / "field-notes"
    created = init_project(target)
    names = {p.relative_to(target).as_posix() for p in created}
    assert names == _files_under(target)
    assert EXPECTED_FILES <= names
    assert any(n.startswith("content/articles/") and n.endswith(".md") for n in names)
    assert any(n.startswith("content/events/") and n.endswith(".yaml") for n in names)

    gitignore = (target / ".gitignore").read_text(encoding="utf-8").split()
    assert {"site/", ".timeline/", ".venv/"} <= set(gitignore)
    assert (target / "content/event.schema.json").read_bytes() == (REPO / "timeline/schema/event.schema.json").read_bytes()
    assert (target / "docs/editing.md").read_bytes() == (REPO / "docs/editing.md").read_bytes()
    assert (target / ".github/pull_request_template.md").read_bytes() == \
        (REPO / ".github/pull_request_template.md").read_bytes()

    config_text = (target / "content/timeline.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(config_text)
    assert set(config) == set(CONFIG_KEYS), "every setting is shown"
    lines = config_text.splitlines()
    for key in CONFIG_KEYS:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        assert lines[index - 1].startswith("#"), f"{key} has no comment above it"
    assert config["title"] == "Field notes"
    assert config["threads"][0]["rules"]

    assert (target / "content/people.yaml").read_text(encoding="utf-8").startswith("#")
    article = next((target / "content/articles").glob("*.md")).read_text(encoding="utf-8")
    front = yaml.safe_load(article.split("---")[1])
    assert set(front) == {"title", "url", "outlet", "published", "author"}

    event_file = next((target / "content/events").glob("*.yaml"))
    assert event_file.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../event.schema.json\n")
    content = load_content(Project(target))
    assert [e.status for e in content.events] == ["reviewed"]


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path, cli):
    target = tmp_path / "existing"
    (target / "content").mkdir(parents=True)
    (target / "README.md").write_text("mine\n", encoding="utf-8")
    (target / "content" / "timeline.yaml").write_text("title: Mine\n", encoding="utf-8")
    result = cli("init", str(target))
    assert result.code == 1
    assert f"error: {target / 'README.md'}: already exists" in result.err
    assert f"error: {target / 'content' / 'timeline.yaml'}: already exists" in result.err
    assert "2 file(s) already there, nothing was written" in result.err
    assert _files_under(target) == {"README.md", "content/timeline.yaml"}
    assert (target / "README.md").read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_a_file_as_target(tmp_path, cli):
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    result = cli("init", str(target))
    assert result.code == 1 and "is not a folder" in result.err


def test_templates_survive_packaging():
    # Package-data globs skip dot-files in some setuptools versions; dot names are written as dot-*.
    hidden = [p for p in TEMPLATE_DIR.rglob(".*")]
    assert hidden == []
    assert ".github/workflows/pages.yml" in scaffold_files("T")


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "proj"
    init_project(root)
    return root


def _load_stub(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_new_writes_a_draft_stub_that_checks(project, cli):
    result = cli("-C", str(project), "new", "Kurilla visits Islamabad", "--date", "2023-07", "--kind", "visit")
    assert result.code == 0, result.err
    path = project / "content/events/2023-07-kurilla-visits-islamabad.yaml"
    assert result.out.strip() == f"created {path}"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../event.schema.json\n")
    data = _load_stub(path)
    assert set(EVENT_KEYS) <= set(data), "every field is present for the editor to fill"
    assert data["status"] == "draft" and data["date"] == "2023-07" and data["kind"] == "visit"
    assert data["review"]["needs"] == ["place", "summary", "participants", "sources"]
    assert set(data["review"]["notes"]) == set(data["review"]["needs"])
    schema = json.loads((project / "content/event.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)

    check = cli("-C", str(project), "check")
    assert check.code == 0, check.err
    assert "Found 0 error(s) and 2 warning(s)" in check.err


def test_new_without_date_flags_it_and_never_overwrites(project, cli):
    first = cli("-C", str(project), "new", "Talks in Doha")
    second = cli("-C", str(project), "new", "Talks in Doha")
    assert first.code == second.code == 0
    events = project / "content/events"
    assert (events / "undated-talks-in-doha.yaml").is_file()
    assert (events / "undated-talks-in-doha-2.yaml").is_file()
    data = _load_stub(events / "undated-talks-in-doha.yaml")
    assert data["date"] is None and data["kind"] == "other"
    assert data["review"]["needs"][0] == "date"
    assert _load_stub(events / "undated-talks-in-doha-2.yaml")["id"] == "undated-talks-in-doha-2"
    assert cli("-C", str(project), "check").code == 0


def test_new_with_explicit_id_and_a_configured_kind(project, cli):
    result = cli("-C", str(project), "new", "Budget vote", "--date", "2024-05-02", "--kind", "hearing",
                 "--id", "budget-hearing")
    assert result.code == 0, result.err
    data = _load_stub(project / "content/events/budget-hearing.yaml")
    assert data["id"] == "budget-hearing" and str(data["date"]) == "2024-05-02"
    again = cli("-C", str(project), "new", "Budget vote", "--id", "budget-hearing")
    assert again.code == 2 and "already exists" in again.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2023-13"], "error: --date: month 13 does not exist; use 01-12"),
        (["--date", "2023-02-30"], "error: --date: 2023-02-30 does not exist (Feb 2023 has 28 days)"),
        (["--date", "July 2023"], 'error: --date: "July 2023" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD'),
        (["--kind", "meting"], 'error: --kind: unknown kind "meting" (did you mean "meeting"?)'),
        (["--id", "Not An Id"], 'error: --id: "Not An Id" must be a lowercase slug'),
    ],
)
def test_new_refuses_bad_options_with_usage_errors(project, cli, args, message):
    before = _files_under(project)
    result = cli("-C", str(project), "new", "Something happens", *args)
    assert result.code == 2
    assert result.err.startswith(message)
    assert _files_under(project) == before


def test_new_refuses_an_empty_title(project, cli):
    result = cli("-C", str(project), "new", "   ")
    assert result.code == 2 and "the title is empty" in result.err


def test_new_outside_a_project(tmp_path, cli):
    result = cli("-C", str(tmp_path), "new", "Something")
    assert result.code == 1
    assert "no content/ folder here" in result.err and "timeline init" in result.err


def test_stub_text_keeps_odd_titles_valid_yaml():
    title = 'Minister: "no deal" # not a comment'
    data = yaml.safe_load(event_stub("undated-x", title, None, "statement"))
    assert data["title"] == title


def test_init_into_an_existing_folder_keeps_unrelated_files(tmp_path, cli):
    target = tmp_path / "repo"
    target.mkdir()
    (target / "LICENSE").write_text("MIT\n", encoding="utf-8")
    result = cli("init", str(target))
    assert result.code == 0, result.err
    assert (target / "LICENSE").read_text(encoding="utf-8") == "MIT\n"
    assert (target / "content/timeline.yaml").is_file()
    assert cli("-C", str(target), "check").code == 0


@pytest.mark.skipif(not HAS_BUILDER, reason="timeline.site.build is not written yet")
def test_template_overrides_work_as_the_scaffold_readme_says(tmp_path, cli):
    target = tmp_path / "themed"
    init_project(target)
    (target / "templates/static").mkdir()
    (target / "templates/static/style.css").write_text("body { color: rebeccapurple }\n", encoding="utf-8")
    (target / "templates/base.html").write_text(
        (REPO / "timeline/theme/templates/base.html").read_text(encoding="utf-8")
        .replace("{% block footer %}", "{% block footer %}<p>Our own footer</p>", 1), encoding="utf-8")
    result = cli("-C", str(target), "build")
    assert result.code == 0, result.err
    assert "rebeccapurple" in (target / "site/static/style.css").read_text(encoding="utf-8")
    assert "Our own footer" in (target / "site/index.html").read_text(encoding="utf-8")


def test_editing_guide_examples_are_valid_events():
    from timeline.errors import Problems
    from timeline.load.model import parse_event
    from timeline.load.yaml_source import parse_yaml

    guide = (REPO / "docs/editing.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in guide.split("```yaml\n")[1:]]
    events = [b for b in blocks if b.startswith("# yaml-language-server:")]
    assert len(events) == 2
    statuses, parsed = [], []
    for text in events:
        problems = Problems()
        event = parse_event(parse_yaml(text, "docs/editing.md"), "docs/editing.md", problems)
        assert not problems.errors, problems.errors
        statuses.append(event.status)
        parsed.append(event)
    assert statuses == ["draft", "reviewed"]
    # The "after" example is the demo's real reviewed event, abridged: the fields it shows must match.
    real_path = REPO / "content/events" / f"{parsed[1].id}.yaml"
    real = parse_event(parse_yaml(real_path.read_text(encoding="utf-8"), "x"), "x", Problems())
    for field in ("title", "date", "kind", "place", "status", "summary", "participants", "threads"):
        assert getattr(parsed[1], field) == getattr(real, field), field
    assert parsed[1].review.notes == real.review.notes
